# SPDX-License-Identifier: Apache-2.0
"""MergeCodelet: several streams into one, in arrival order; one EndOfStream goes on once
every input has ended."""

from gxf.std import EndOfStream
from gxf.flow.stage import StageCodelet

__all__ = ["MergeCodelet"]


class MergeCodelet(StageCodelet):
    """Forwards whatever its receivers (params `_rxs`) hold."""

    def on_start(self):
        self.inputs = [getattr(self, name) for name in self.get_params()["_rxs"]]
        self.next = 0
        self.ended = 0

    def on_tick(self):
        # One message per tick, inputs in turn: the output's DownstreamReceptiveSchedulingTerm
        # guarantees room for one, and the term over all inputs ticks again while any waits.
        count = len(self.inputs)
        for offset in range(count):
            receiver = self.inputs[(self.next + offset) % count]
            if receiver.size():
                self.next = (self.next + offset + 1) % count
                buffer = self.take(receiver)
                if type(buffer) is EndOfStream:
                    self.ended += 1
                    if self.ended == count:
                        self.send_end(self.out)
                elif buffer is not None:
                    self.send(self.out, buffer)
                return
