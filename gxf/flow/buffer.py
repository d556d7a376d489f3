# SPDX-License-Identifier: Apache-2.0
"""Buffer: what flows between Flow stages: one frame or a batch of tensors plus its
BatchMeta. An empty Buffer() from a provider ends the stream."""

import numpy as np

from gxf.flow.metadata import BatchMeta
from gxf.flow.tensor import ColorFormat, Tensor, as_tensor

__all__ = ["Buffer"]


class Buffer:
    """One tensor (a frame), a list of tensors (a batch) or nothing (end of stream); data may
    be a Tensor, any array object or a sequence of byte values. `batch_meta` is the buffer's
    BatchMeta (a FrameMeta per frame), or None for a buffer no source produced."""

    # batch_meta: a BatchMeta (C++, shared with the messages the buffer travels in) or None.
    __slots__ = ("_tensors", "color_format", "batch_meta", "pts")

    def __init__(self, data=None, color_format=None, pts=None, batch_meta=None):
        if data is None:
            self._tensors = ()
        elif isinstance(data, Tensor):
            self._tensors = (data,)
        elif isinstance(data, (list, tuple)) and data and all(isinstance(t, Tensor) for t in data):
            self._tensors = tuple(data)
        elif isinstance(data, (list, tuple, bytes, bytearray)):
            self._tensors = (Tensor(np.asarray(data, dtype=np.uint8), "W"),)
        else:
            self._tensors = (as_tensor(data),)
        if color_format is not None and not isinstance(color_format, ColorFormat):
            raise TypeError(f"Buffer: color_format must be a ColorFormat, got {color_format!r}")
        self.color_format = color_format
        self.pts = pts
        self.batch_meta = batch_meta

    def stamp(self, source_id, first_frame_num):
        """Give the buffer a source's BatchMeta: frames first_frame_num.. of `source_id` (built
        when first read)."""
        pts = self.pts if self.pts is not None else first_frame_num
        self.batch_meta = BatchMeta.from_source(len(self._tensors), source_id, first_frame_num,
                                                pts)

    @property
    def empty(self):
        """Whether the buffer holds no data (an end-of-stream marker from a provider)."""
        return not self._tensors

    @property
    def batch_size(self):
        """Number of tensors (frames) in the buffer."""
        return len(self._tensors)

    @property
    def tensors(self):
        """All tensors, in batch order."""
        return self._tensors

    def extract(self, batch_id):
        """The Tensor of frame `batch_id` (0 without batching)."""
        if not 0 <= batch_id < len(self._tensors):
            raise IndexError(f"Buffer.extract({batch_id}): the buffer holds "
                             f"{len(self._tensors)} tensor(s)")
        return self._tensors[batch_id]

    def __repr__(self):
        return f"Buffer({list(self._tensors)!r})"
