# SPDX-License-Identifier: Apache-2.0
"""as_tensor / Tensor / Buffer: zero-copy views, DLPack and array-interface export, clone,
wrap, layouts."""

import numpy as np
import pytest

from gxf.flow import Buffer, ColorFormat, Tensor, as_tensor, host_copies


class _ArrayInterfaceOnly:
    """An object exposing only __array_interface__ (like many imaging libraries)."""

    def __init__(self, array):
        self._array = array
        self.__array_interface__ = array.__array_interface__


def test_numpy_is_viewed_not_copied():
    frame = np.arange(24, dtype=np.uint8).reshape(2, 4, 3)
    tensor = as_tensor(frame, "HWC")
    assert tensor.shape == (2, 4, 3) and tensor.layout == "HWC"
    assert np.shares_memory(tensor.numpy(), frame)
    assert np.shares_memory(np.from_dlpack(tensor), frame)
    assert np.shares_memory(np.asarray(tensor), frame)


def test_array_interface_and_dlpack_objects():
    frame = np.ones((3, 5), np.float32)
    assert np.shares_memory(as_tensor(_ArrayInterfaceOnly(frame), "HW").numpy(), frame)
    from_dlpack = as_tensor(np.from_dlpack(frame), "HW")
    assert np.shares_memory(from_dlpack.numpy(), frame)


def test_torch_round_trip_without_copy():
    torch = pytest.importorskip("torch")
    source = torch.zeros((4, 4, 3), dtype=torch.uint8)
    tensor = as_tensor(source, "HWC")
    back = torch.utils.dlpack.from_dlpack(tensor)
    back[0, 0, 0] = 7
    assert int(source[0, 0, 0]) == 7


def test_clone_is_independent():
    frame = np.zeros((2, 2, 3), np.uint8)
    clone = as_tensor(frame, "HWC").clone()
    clone.numpy()[...] = 9
    assert frame.max() == 0 and clone.layout == "HWC"


def test_wrap_gives_a_one_frame_buffer():
    tensor = as_tensor(np.zeros((2, 2, 3), np.uint8), "HWC")
    buffer = tensor.wrap(ColorFormat.BGR)
    assert buffer.batch_size == 1 and buffer.extract(0) is tensor
    assert buffer.color_format is ColorFormat.BGR and not buffer.empty
    with pytest.raises(IndexError, match="holds 1 tensor"):
        buffer.extract(1)
    with pytest.raises(TypeError, match="ColorFormat"):
        tensor.wrap("RGB")


def test_buffer_from_bytes_and_empty():
    assert Buffer().empty and Buffer().batch_size == 0
    buffer = Buffer([128] * 12)
    assert buffer.extract(0).numpy().tolist() == [128] * 12
    assert isinstance(buffer.extract(0), Tensor)


@pytest.mark.parametrize("layout,reason", [
    ("XYZ", "unknown tensor layout"), ("HHC", "unknown tensor layout"),
    ("HW", "names 2 dimensions, the data has 3"), (3, "unknown tensor layout"),
])
def test_bad_layouts(layout, reason):
    with pytest.raises(ValueError, match=reason):
        as_tensor(np.zeros((2, 2, 3)), layout)


def test_not_an_array():
    with pytest.raises(TypeError, match="neither a DLPack nor an array-interface"):
        as_tensor(object())


def test_to_host_of_a_host_tensor_is_a_view_and_no_copy():
    frame = np.zeros((2, 2, 3), np.uint8)
    before = host_copies()
    assert np.shares_memory(as_tensor(frame, "HWC").to_host(), frame)
    assert host_copies() == before
