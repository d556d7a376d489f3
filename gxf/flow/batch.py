# SPDX-License-Identifier: Apache-2.0
"""BatchCodelet: buffers -> one batched buffer. With k input streams a batch holds the next
buffer of each stream (nvstreammux-style); with one stream, n consecutive buffers. A partial
batch goes out timeout_ms after its oldest buffer arrived (the stage also ticks at that
period), and at the end of the streams."""

import collections
import time

from gxf.flow.buffer import Buffer
from gxf.flow.metadata import BatchMeta
from gxf.flow.stage import StageCodelet
from gxf.std import EndOfStream

__all__ = ["BatchCodelet"]


class BatchCodelet(StageCodelet):
    """Batches what its receivers (params `_rxs`) deliver; stage.options has size and
    timeout_ms."""

    def on_start(self):
        from gxf.std import BooleanSchedulingTerm

        self.switch = BooleanSchedulingTerm.get(self.context(), self.cid(), "enabled")
        self.inputs = [getattr(self, name) for name in self.get_params()["_rxs"]]
        self.size = self.stage.options["size"]
        self.timeout_ns = int(self.stage.options["timeout_ms"] * 1e6)
        self.pending = [collections.deque() for _ in self.inputs]
        self.ended = [False] * len(self.inputs)
        self.oldest_ns = 0
        self.done = False

    def on_tick(self):
        if self.done:
            return
        now = time.monotonic_ns()  # wall time: the poll's tick may run late
        # Take no more than one batch needs: what stays queued holds the sources back.
        for index, receiver in enumerate(self.inputs):
            while receiver.size() and len(self.pending[index]) < self._room(index):
                buffer = self.take(receiver)
                if type(buffer) is EndOfStream:
                    self.ended[index] = True
                elif buffer is not None:
                    if not any(self.pending):
                        self.oldest_ns = now
                    self.pending[index].append(buffer)
        finished = all(self.ended) and not any(receiver.size() for receiver in self.inputs)
        # At most a batch and the EndOfStream per tick: the output term asks room for two.
        if self._full() or (any(self.pending) and
                            (finished or now - self.oldest_ns >= self.timeout_ns)):
            self._flush(now)
        if finished:
            self.done = True
            self.switch.disable_tick()
            self.send_end(self.out)

    def _room(self, index):
        """How many buffers input `index` may hold pending."""
        return self.size if len(self.inputs) == 1 else (0 if self.ended[index] else 1)

    def _full(self):
        """Whether a complete batch is waiting."""
        if len(self.pending) == 1:
            return len(self.pending[0]) >= self.size
        return any(self.pending) and all(q or ended for q, ended in zip(self.pending, self.ended))

    def _flush(self, now):
        """Send one batch: the next buffer of each stream, or up to n of the only stream."""
        if len(self.pending) == 1:
            queue = self.pending[0]
            parts = [queue.popleft() for _ in range(min(self.size, len(queue)))]
        else:
            parts = [queue.popleft() for queue in self.pending if queue]
        tensors = [tensor for buffer in parts for tensor in buffer.tensors]
        meta = BatchMeta.merged([buffer.batch_meta for buffer in parts])
        self.send(self.out, Buffer(tensors, color_format=parts[0].color_format,
                                   pts=parts[0].pts, batch_meta=meta))
        self.oldest_ns = now
