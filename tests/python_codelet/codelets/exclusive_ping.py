# SPDX-License-Identifier: Apache-2.0
"""Ping codelets that record whether two Python ticks ever overlapped (they must not: Python
codelet calls run one at a time) and how many messages arrived; rx writes both to `result`."""

import json
import sys

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Transmitter

STATE = {"inside": 0, "overlaps": 0}
# The interpreter offers the GIL to other threads every microsecond instead of every 5 ms: two
# calls that were not kept apart by the codelet call lock would interleave, and be counted.
sys.setswitchinterval(1e-6)


def _enter():
    STATE["inside"] += 1
    if STATE["inside"] != 1:
        STATE["overlaps"] += 1


def _leave():
    # A few bytecodes in between: an overlapping call would have its chance to interleave.
    total = 0
    for value in range(20):
        total += value
    STATE["inside"] -= 1
    return total


class ExclusiveTx(CodeletAdapter):
    """Publishes one empty message per tick."""

    def start(self):
        """Look up the transmitter."""
        self.tx = Transmitter.get(self.context(), self.cid(), "out")

    def tick(self):
        """Publish one message."""
        _enter()
        self.tx.publish(MessageEntity(self.context()))
        _leave()


class ExclusiveRx(CodeletAdapter):
    """Counts the messages it receives; writes the count and the overlaps seen at stop."""

    def start(self):
        """Look up the receiver."""
        self.rx = Receiver.get(self.context(), self.cid(), "in")
        self.received = 0

    def tick(self):
        """Receive one message."""
        _enter()
        if self.rx.receive() is not None:
            self.received += 1
        _leave()

    def stop(self):
        """Write {received, overlaps} to the file named by codelet_params' result."""
        with open(self.get_params()["result"], "w", encoding="utf-8") as file:
            json.dump({"received": self.received, "overlaps": STATE["overlaps"]}, file)
