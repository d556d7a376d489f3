# SPDX-License-Identifier: Apache-2.0
"""MergeCodelet: several streams into one, in arrival order; END_OF_STREAM goes on once every
input has ended."""

from gxf.flow.end_of_stream import END_OF_STREAM
from gxf.flow.stage import StageCodelet

__all__ = ["MergeCodelet"]


class MergeCodelet(StageCodelet):
    """Forwards whatever its receivers (params `_rxs`) hold."""

    def on_start(self):
        self.inputs = [getattr(self, name) for name in self.get_params()["_rxs"]]
        self.ended = 0

    def on_tick(self):
        for receiver in self.inputs:
            while receiver.size():
                buffer = self.take(receiver)
                if buffer is END_OF_STREAM:
                    self.ended += 1
                    if self.ended == len(self.inputs):
                        self.send(self.out, END_OF_STREAM)
                elif buffer is not None:
                    self.send(self.out, buffer)
