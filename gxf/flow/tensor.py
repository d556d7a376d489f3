# SPDX-License-Identifier: Apache-2.0
"""Tensor and as_tensor: a zero-copy view of NumPy, CuPy, torch or any DLPack /
array-interface object, with its layout ("HWC", "CHW", ...)."""

import enum
import threading

import numpy as np

__all__ = ["ColorFormat", "Tensor", "as_tensor", "host_copies"]

_LAYOUT_LETTERS = set("NCHWD")

# Device-to-host copies gxf.flow made (Tensor.to_host of a device tensor): a pipeline whose
# tensors stay on the GPU makes none, and tests count on it.
_host_copies = 0
_host_copies_lock = threading.Lock()


def host_copies():
    """How many device-to-host tensor copies gxf.flow has made in this process."""
    return _host_copies


def _copy_to_host(data):
    """A NumPy copy of device array `data` (CuPy, torch or any DLPack producer), counted."""
    global _host_copies
    if hasattr(data, "get"):  # CuPy
        host = data.get()
    elif hasattr(data, "cpu"):  # torch
        host = data.cpu().numpy()
    else:
        host = np.from_dlpack(data, device="cpu", copy=True)
    with _host_copies_lock:
        _host_copies += 1
    return host


class ColorFormat(enum.Enum):
    """Pixel formats a wrapped tensor may declare (pyservicemaker's names)."""

    GREY = "GREY"
    RGB = "RGB"
    BGR = "BGR"
    RGBA = "RGBA"
    BGRA = "BGRA"
    NV12 = "NV12"


def _check_layout(layout, ndim):
    """Raise ValueError unless `layout` is a string of distinct N/C/H/W/D letters, one per
    dimension."""
    if not isinstance(layout, str) or not layout or set(layout) - _LAYOUT_LETTERS \
            or len(set(layout)) != len(layout):
        raise ValueError(f"unknown tensor layout {layout!r}: expected distinct letters from "
                         "N, C, H, W, D such as 'HWC' or 'NCHW'")
    if len(layout) != ndim:
        raise ValueError(f"tensor layout {layout!r} names {len(layout)} dimensions, the data "
                         f"has {ndim}")


def _host_view(obj):
    """A NumPy view of `obj` without a copy, or None when its memory is not on the host."""
    if isinstance(obj, np.ndarray):
        return obj
    if hasattr(obj, "__array_interface__"):
        return np.asarray(obj)
    if hasattr(obj, "__dlpack_device__"):
        device_type, _ = obj.__dlpack_device__()
        if device_type == 1:  # kDLCPU
            return np.from_dlpack(obj)
        return None
    if hasattr(obj, "__cuda_array_interface__"):
        return None
    raise TypeError(f"as_tensor: {type(obj).__name__} is neither a DLPack nor an "
                    "array-interface object")


def _buffer_class():
    """gxf.flow.buffer.Buffer (imported late: buffer.py imports this module)."""
    global _BUFFER
    if _BUFFER is None:
        from gxf.flow.buffer import Buffer

        _BUFFER = Buffer
    return _BUFFER


_BUFFER = None


class Tensor:
    """A tensor in a Buffer: keeps the object it was made from (no copy) and its layout;
    exports DLPack (torch.utils.dlpack.from_dlpack(tensor)) and the array interfaces."""

    __slots__ = ("_data", "_host", "layout")

    def __init__(self, data, layout=None):
        self._data = data
        self._host = _host_view(data)
        ndim = len(self.shape)
        if layout is None:
            layout = {3: "HWC", 4: "NHWC", 2: "HW"}.get(ndim, "")
        else:
            _check_layout(layout, ndim)
        self.layout = layout

    @property
    def data(self):
        """The object the tensor was made from (NumPy, CuPy, torch, ...)."""
        return self._data

    @property
    def shape(self):
        """Extents per dimension."""
        if self._host is not None:
            return tuple(self._host.shape)
        shape = getattr(self._data, "shape", None)
        if shape is None or callable(shape):  # e.g. a gxf.std.Tensor: ask its CUDA interface
            return tuple(self._data.__cuda_array_interface__["shape"])
        return tuple(shape)

    @property
    def dtype(self):
        """Element type (a NumPy dtype for host tensors)."""
        if self._host is not None:
            return self._host.dtype
        dtype = getattr(self._data, "dtype", None)
        if dtype is None or callable(dtype):
            return np.dtype(self._data.__cuda_array_interface__["typestr"])
        return dtype

    @property
    def on_host(self):
        """Whether the memory is host memory."""
        return self._host is not None

    def numpy(self):
        """A NumPy view of host memory (no copy)."""
        if self._host is None:
            raise TypeError("tensor is in device memory; use DLPack (e.g. cupy.from_dlpack) "
                            "or to_host() for a copy")
        return self._host

    def to_host(self):
        """The tensor in host memory as NumPy: a view of host memory, a (counted, see
        host_copies()) copy of device memory."""
        return self._host if self._host is not None else _copy_to_host(self._data)

    def wrap(self, color_format=ColorFormat.RGB):
        """A Buffer holding this tensor as one frame of `color_format`."""
        if not isinstance(color_format, ColorFormat):
            raise TypeError(f"wrap: expected a ColorFormat, got {color_format!r}")
        return _buffer_class()(self, color_format=color_format)

    def clone(self):
        """A deep copy with the same layout."""
        if self._host is not None:
            return Tensor(self._host.copy(), self.layout)
        data = self._data
        copy = data.clone() if hasattr(data, "clone") else data.copy()
        return Tensor(copy, self.layout)

    def __dlpack__(self, *args, **kwargs):
        source = self._host if self._host is not None else self._data
        return source.__dlpack__(*args, **kwargs)

    def __dlpack_device__(self):
        source = self._host if self._host is not None else self._data
        return source.__dlpack_device__()

    @property
    def __array_interface__(self):
        return self.numpy().__array_interface__

    @property
    def __cuda_array_interface__(self):
        if self._host is not None:
            raise AttributeError("host tensor has no __cuda_array_interface__")
        return self._data.__cuda_array_interface__

    def __repr__(self):
        return f"Tensor(shape={self.shape}, dtype={self.dtype}, layout={self.layout!r})"


def as_tensor(obj, layout=None):
    """A Tensor viewing `obj` (NumPy, CuPy, torch, DLPack or array-interface) without a copy;
    `layout` such as "HWC" names its dimensions."""
    if isinstance(obj, Tensor):
        return Tensor(obj.data, layout or obj.layout)
    return Tensor(obj, layout)
