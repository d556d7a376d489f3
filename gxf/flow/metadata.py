# SPDX-License-Identifier: Apache-2.0
"""Per-buffer metadata in DeepStream's pyds model: BatchMeta -> FrameMeta -> ObjectMeta /
UserMeta (tensor outputs)."""

__all__ = ["BatchMeta", "FrameMeta", "ObjectMeta", "Rect", "TensorOutput", "UserMeta",
           "frame_metadata"]


class Rect:
    """A box: left, top, width, height in pixels."""

    __slots__ = ("left", "top", "width", "height")

    def __init__(self, left=0.0, top=0.0, width=0.0, height=0.0):
        self.left, self.top, self.width, self.height = left, top, width, height

    def __repr__(self):
        return f"Rect({self.left}, {self.top}, {self.width}, {self.height})"


class ObjectMeta:
    """One detected object of a frame."""

    __slots__ = ("class_id", "confidence", "rect", "label", "object_id")

    def __init__(self, class_id=0, confidence=0.0, rect=None, label="", object_id=-1):
        self.class_id = class_id
        self.confidence = confidence
        self.rect = rect if rect is not None else Rect()
        self.label = label
        self.object_id = object_id

    def __repr__(self):
        return (f"ObjectMeta(class_id={self.class_id}, confidence={self.confidence}, "
                f"rect={self.rect!r}, label={self.label!r}, object_id={self.object_id})")


class TensorOutput:
    """Named output tensors of one inference (a UserMeta's payload)."""

    def __init__(self, layers=None):
        self._layers = dict(layers or {})

    def get_layers(self):
        """{layer name: Tensor}."""
        return self._layers


class UserMeta:
    """User data attached to a frame; a tensor output when made from a TensorOutput."""

    __slots__ = ("meta_type", "data")

    def __init__(self, data=None, meta_type="user"):
        self.data = data
        self.meta_type = meta_type

    def as_tensor_output(self):
        """The TensorOutput this meta carries."""
        if not isinstance(self.data, TensorOutput):
            raise TypeError(f"UserMeta of type {self.meta_type!r} holds "
                            f"{type(self.data).__name__}, not a TensorOutput")
        return self.data


class FrameMeta:
    """Metadata of one frame of a batch."""

    __slots__ = ("frame_num", "batch_id", "source_id", "pts", "object_items", "tensor_items",
                 "user_items")

    def __init__(self, frame_num=0, batch_id=0, source_id=0, pts=0):
        self.frame_num = frame_num
        self.batch_id = batch_id
        self.source_id = source_id
        self.pts = pts
        self.object_items = []
        self.tensor_items = []
        self.user_items = []

    def append(self, item):
        """Attach an ObjectMeta or UserMeta (tensor outputs go to tensor_items)."""
        if isinstance(item, ObjectMeta):
            self.object_items.append(item)
        elif isinstance(item, UserMeta):
            target = self.tensor_items if isinstance(item.data, TensorOutput) else self.user_items
            target.append(item)
        else:
            raise TypeError(f"FrameMeta.append: expected ObjectMeta or UserMeta, got "
                            f"{type(item).__name__}")

    def __repr__(self):
        return (f"FrameMeta(frame_num={self.frame_num}, batch_id={self.batch_id}, "
                f"source_id={self.source_id}, pts={self.pts}, "
                f"objects={len(self.object_items)})")


class BatchMeta:
    """Metadata of one buffer: a FrameMeta per frame, in batch order."""

    __slots__ = ("frame_items",)

    def __init__(self, frame_items=None):
        self.frame_items = list(frame_items or [])

    @classmethod
    def merged(cls, metas):
        """One BatchMeta holding the frames of `metas`, renumbered by batch_id."""
        frames = [frame for meta in metas if meta is not None for frame in meta.frame_items]
        for batch_id, frame in enumerate(frames):
            frame.batch_id = batch_id
        return cls(frames)

    def __repr__(self):
        return f"BatchMeta({self.frame_items!r})"


def frame_metadata(buffer, source_id, first_frame_num):
    """A BatchMeta with one FrameMeta per frame of `buffer`, numbered from first_frame_num."""
    pts = buffer.pts if buffer.pts is not None else first_frame_num
    return BatchMeta([FrameMeta(first_frame_num + i, i, source_id, pts)
                      for i in range(buffer.batch_size)])
