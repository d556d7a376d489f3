# SPDX-License-Identifier: Apache-2.0
"""BatchCodelet: n buffers -> one batched buffer. With several input streams it takes one
buffer from each stream per batch; with one stream, n consecutive buffers. A partial batch
goes out timeout_ms after its first buffer arrived (the stage polls at that period), and at
the end of the streams."""

from gxf.flow.buffer import Buffer
from gxf.flow.end_of_stream import END_OF_STREAM
from gxf.flow.metadata import BatchMeta
from gxf.flow.stage import StageCodelet

__all__ = ["BatchCodelet"]


class BatchCodelet(StageCodelet):
    """Collects up to stage.options['size'] buffers, then sends them as one Buffer."""

    def on_start(self):
        from gxf.std import BooleanSchedulingTerm

        self.switch = BooleanSchedulingTerm.get(self.context(), self.cid(), "enabled")
        self.inputs = [getattr(self, name) for name in self.get_params()["_rxs"]]
        self.size = self.stage.options["size"]
        self.timeout_ns = int(self.stage.options["timeout_ms"] * 1e6)
        self.pending = []
        self.first_ns = 0
        self.ended = 0

    def on_tick(self):
        now = self.get_execution_timestamp()
        for receiver in self.inputs:
            while receiver.size():
                buffer = self.take(receiver)
                if buffer is END_OF_STREAM:
                    self.ended += 1
                elif buffer is not None:
                    if not self.pending:
                        self.first_ns = now
                    self.pending.append(buffer)
                    if len(self.pending) == self.size:
                        self.flush()
        if self.pending and (self.ended == len(self.inputs)
                             or now - self.first_ns >= self.timeout_ns):
            self.flush()
        if self.ended == len(self.inputs):
            self.ended = -1  # END_OF_STREAM goes on once
            self.switch.disable_tick()
            self.send(self.out, END_OF_STREAM)

    def flush(self):
        """Send the pending buffers as one batch (their frames renumbered by batch_id)."""
        tensors = [tensor for buffer in self.pending for tensor in buffer.tensors]
        meta = BatchMeta.merged([buffer.batch_meta for buffer in self.pending])
        batch = Buffer(tensors, color_format=self.pending[0].color_format,
                       pts=self.pending[0].pts, batch_meta=meta)
        self.pending = []
        self.send(self.out, batch)
