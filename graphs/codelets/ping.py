# SPDX-License-Identifier: Apache-2.0
"""Python ping codelets used by the example graphs."""

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Transmitter


class PingTx(CodeletAdapter):
    """Publishes an empty message on every tick."""

    def start(self):
        """Look up the transmitter named by the 'transmitter' parameter."""
        self.params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), self.params["transmitter"])
        self.count = 0

    def tick(self):
        """Publish one message."""
        self.tx.publish(MessageEntity(self.context()))
        self.count += 1


class PingRx(CodeletAdapter):
    """Receives one message per tick and checks the total at stop."""

    def start(self):
        """Look up the receiver; read the expected message count."""
        self.params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), self.params["receiver"])
        self.count = 0

    def tick(self):
        """Receive one message; an empty queue is a bug in the graph."""
        message = self.rx.receive()
        if not message:
            raise RuntimeError("PingRx ticked without a message")
        self.count += 1

    def stop(self):
        """Fail the graph when fewer messages arrived than expected."""
        expected = self.params.get("expected_count")
        if expected is not None and self.count != expected:
            raise AssertionError(f"PingRx received {self.count} messages, expected {expected}")
