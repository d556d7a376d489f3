# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the test harness: feed messages in, collect them, record an edge to a
GXF recording file, replay one as a source.

PyCodeletV0 loads this file by path (codelet_file), as a module of its own; the data the
harness hands over lives in gxf.testing.registry, which both sides import normally. A name
registered there (a test's own CodeletAdapter class) is also an attribute of this module, so
PyCodeletV0 can load a class defined anywhere, even inside a test function.
"""

from gxf.python_codelet import CodeletAdapter
from gxf.std import BooleanSchedulingTerm, Receiver, Transmitter
from gxf.testing import registry
from gxf.testing.entity_file import read_entities, write_entities
from gxf.testing.messages import Message

__all__ = ["Feed", "Collect", "Recorder", "Replayer"]


def __getattr__(name):
    """Classes registered by the harness (test codelets) by their registered name."""
    try:
        return registry.codelet_class(name)
    except KeyError:
        raise AttributeError(name) from None


class Feed(CodeletAdapter):
    """Publishes the harness's messages for one input, one per tick (count them with a
    CountSchedulingTerm)."""

    def start(self):
        """Look up the transmitter and the messages to send."""
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.items = registry.messages(params["key"])
        self.index = 0

    def tick(self):
        """Publish the next message."""
        message = self.items[self.index]
        self.index += 1
        self.tx.publish(message.to_entity(self.context()), message.acqtime)


class Collect(CodeletAdapter):
    """Takes every message that arrived and keeps it for the harness."""

    def start(self):
        """Look up the receiver and the list to fill."""
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.sink = registry.messages(params["key"])

    def tick(self):
        """Move the received messages into the list."""
        while True:
            message = self.rx.receive()
            if not message:
                return
            self.sink.append(Message.from_entity(message))


class Recorder(Collect):
    """Collects an edge's messages and writes them as a GXF recording at stop()."""

    def stop(self):
        """Write `<path>.gxf_entities` and `<path>.gxf_index`."""
        write_entities(self.get_params()["path"], self.sink)


class Replayer(Feed):
    """Publishes the messages of a GXF recording, one per tick."""

    def start(self):
        """Read the recording named by the 'path' parameter."""
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.items = read_entities(params["path"])
        self.index = 0

    def tick(self):
        """Publish the next message; after the last, disable the entity's BooleanSchedulingTerm
        named by 'stop_term' (when given), so the source ends with its recording."""
        if self.index < len(self.items):
            super().tick()
        stop_term = self.get_params().get("stop_term")
        if stop_term and self.index >= len(self.items):
            BooleanSchedulingTerm.get(self.context(), self.cid(), stop_term).disable_tick()
