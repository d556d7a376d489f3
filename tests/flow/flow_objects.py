# SPDX-License-Identifier: Apache-2.0
"""Providers, retrievers and probes the Flow tests share (module level, so saved pipelines
can pickle them and gxe.py can import them)."""

import numpy as np

from gxf.flow import (BatchMetadataOperator, Buffer, BufferOperator, BufferProvider,
                      BufferRetriever, ObjectMeta, Rect, as_tensor)


class FrameProvider(BufferProvider):
    """`count` frames of shape (h, w, 3), frame i filled with i % 256, then Buffer()."""

    def __init__(self, count, h=4, w=6):
        super().__init__()
        self.count, self.h, self.w = count, h, w
        self.sent = 0

    def generate(self, size):
        if self.sent == self.count:
            return Buffer()
        frame = np.full((self.h, self.w, 3), self.sent % 256, dtype=np.uint8)
        self.sent += 1
        return as_tensor(frame, "HWC").wrap()


class Collector(BufferRetriever):
    """Keeps (first pixel, frame_num, source_id) of every buffer, plus the buffers' objects."""

    def __init__(self):
        super().__init__()
        self.items = []
        self.objects = []

    def consume(self, buffer):
        frame = buffer.batch_meta.frame_items[0]
        self.items.append((int(buffer.extract(0).numpy().flat[0]), frame.frame_num,
                           frame.source_id))
        self.objects.append([o.label for f in buffer.batch_meta.frame_items
                             for o in f.object_items])
        return 1


class CountingRetriever(BufferRetriever):
    """Counts the buffers it consumes (and writes the count to `path` at each, if given)."""

    def __init__(self, path=None):
        super().__init__()
        self.count = 0
        self.path = path

    def consume(self, buffer):
        self.count += 1
        if self.path:
            with open(self.path, "w") as file:
                file.write(str(self.count))
        return 1


class Labeler(BatchMetadataOperator):
    """Adds an ObjectMeta labelled `label` to every frame."""

    def __init__(self, label="box"):
        self.label = label

    def handle_metadata(self, batch_meta):
        for frame in batch_meta.frame_items:
            frame.append(ObjectMeta(class_id=1, confidence=0.5, rect=Rect(1, 2, 3, 4),
                                    label=self.label, object_id=frame.frame_num))


class DropOdd(BufferOperator):
    """Drops buffers whose first pixel is odd."""

    def handle_buffer(self, buffer):
        return int(buffer.extract(0).numpy().flat[0]) % 2 == 0


def invert(buffer):
    """255 - every pixel."""
    return as_tensor(255 - buffer.extract(0).numpy(), "HWC").wrap()


class TensorFrameProvider(BufferProvider):
    """The frames of `frames` (an array [count, ...]) one buffer each, then Buffer()."""

    def __init__(self, frames):
        super().__init__()
        self.frames = frames
        self.sent = 0

    def generate(self, size):
        if self.sent == len(self.frames):
            return Buffer()
        frame = self.frames[self.sent]
        self.sent += 1
        return Buffer(as_tensor(frame, "CHW"))


class TensorCollector(BufferRetriever):
    """Keeps, per buffer, its tensors and its frames' tensor outputs (NumPy copies)."""

    def __init__(self):
        super().__init__()
        self.tensors = []
        self.layers = []

    def consume(self, buffer):
        self.tensors.append([np.array(tensor.numpy()) for tensor in buffer.tensors])
        self.layers.append([
            {name: np.array(tensor.numpy()) for user in frame.tensor_items
             for name, tensor in user.as_tensor_output().get_layers().items()}
            for frame in buffer.batch_meta.frame_items])
        return 1
