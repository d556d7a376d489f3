"""Python ping codelets for our engine's PyCodeletV0 (the bench's "Python ping" scenario).

PyPingTx publishes one empty message per tick on the transmitter named by its
``codelet_params: {transmitter: <component name>}``; PyPingRx receives one per tick from
``codelet_params: {receiver: <component name>}`` and counts them.  When the environment
variable GXF_BENCH_PYRX_OUT names a file, PyPingRx.stop() writes ``{"received": n}`` there
(the bench checks it after every run).
"""

import json
import os

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Transmitter

RESULT_ENV = "GXF_BENCH_PYRX_OUT"


class PyPingTx(CodeletAdapter):
    """Publishes one empty message per tick."""

    def start(self):
        """Look up the transmitter named in codelet_params."""
        name = self.get_params()["transmitter"]
        self.tx = Transmitter.get(self.context(), self.cid(), name)

    def tick(self):
        """Publish one message."""
        msg = MessageEntity(self.context())
        self.tx.publish(msg)


class PyPingRx(CodeletAdapter):
    """Receives one message per tick and counts them."""

    def start(self):
        """Look up the receiver named in codelet_params."""
        name = self.get_params()["receiver"]
        self.rx = Receiver.get(self.context(), self.cid(), name)
        self.received = 0

    def tick(self):
        """Receive one message."""
        if self.rx.receive() is not None:
            self.received += 1

    def stop(self):
        """Write the received count where GXF_BENCH_PYRX_OUT says, if set."""
        path = os.environ.get(RESULT_ENV)
        if path:
            with open(path, "w") as f:
                json.dump({"received": self.received}, f)
