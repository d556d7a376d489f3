# SPDX-License-Identifier: Apache-2.0
"""Buffer: what flows between Flow stages: one frame or a batch of tensors plus its
BatchMeta. An empty Buffer() from a provider ends the stream."""

import numpy as np

from gxf.flow.tensor import ColorFormat, Tensor, as_tensor

__all__ = ["Buffer"]


class Buffer:
    """One tensor (a frame), a list of tensors (a batch) or nothing (end of stream); data may
    be a Tensor, any array object or a sequence of byte values."""

    # _origin = (source_id, first frame_num): the BatchMeta a source gives the buffer, built
    # on first access (most buffers of a pipeline are never asked for it).
    __slots__ = ("_tensors", "color_format", "_batch_meta", "_origin", "pts")

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
        self._batch_meta = batch_meta
        self._origin = None

    @property
    def batch_meta(self):
        """The BatchMeta (a FrameMeta per frame), or None for a buffer no source produced."""
        if self._batch_meta is None and self._origin is not None:
            from gxf.flow.metadata import frame_metadata

            self._batch_meta = frame_metadata(self, *self._origin)
        return self._batch_meta

    @batch_meta.setter
    def batch_meta(self, value):
        self._batch_meta = value
        self._origin = None

    def has_metadata(self):
        """Whether the buffer has (or will build) a BatchMeta."""
        return self._batch_meta is not None or self._origin is not None

    def take_metadata(self, other):
        """Give this buffer the metadata of `other` (shared, not copied)."""
        self._batch_meta = other._batch_meta
        self._origin = other._origin

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
