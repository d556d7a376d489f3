# SPDX-License-Identifier: Apache-2.0
"""Codelets for the publishing rules: a source that publishes each message twice and returns
an arbitrary value from tick, and a sink that records the eid of everything it receives."""

import json

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Transmitter


class TwiceSource(CodeletAdapter):
    """Publishes one new message twice per tick; tick returns the `returns` parameter."""

    def start(self):
        """Look up the transmitter."""
        self.params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), "out")

    def tick(self):
        """Publish the same message twice; the return value must not matter."""
        message = MessageEntity(self.context())
        self.tx.publish(message)
        self.tx.publish(message)
        return self.params.get("returns")


class EidSink(CodeletAdapter):
    """Receives everything available each tick; writes the eids to the `out` file in stop."""

    def start(self):
        """Look up the receiver."""
        self.rx = Receiver.get(self.context(), self.cid(), "in")
        self.eids = []

    def tick(self):
        """Take every message waiting."""
        while True:
            message = self.rx.receive()
            if not message:
                return
            self.eids.append(message.eid())

    def stop(self):
        """Write what arrived."""
        with open(self.get_params()["out"], "w", encoding="utf-8") as stream:
            json.dump(self.eids, stream)
