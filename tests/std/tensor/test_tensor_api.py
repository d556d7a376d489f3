# SPDX-License-Identifier: Apache-2.0
"""The Python Tensor API: layouts, message components, and zero-copy interop on the host."""

import ctypes
import gc

import numpy as np
import pytest

from gxf.core import MessageEntity
from gxf.std import MemoryStorageType, PrimitiveType, PyTensor, Shape, Tensor, TensorDescription

PRIMITIVE_DTYPES = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64,
                    np.uint64, np.float16, np.float32, np.float64, np.complex64, np.complex128]


def data_pointer(tensor):
    """Address of a tensor's first element."""
    return tensor.__array_interface__["data"][0]


def test_shape_reports_rank_size_and_dimensions():
    shape = Shape([2, 3, 4])
    assert (shape.rank(), shape.size(), shape.dimension(1)) == (3, 24, 3)
    assert shape == Shape([2, 3, 4]) and shape != Shape([2, 3])


def test_unset_description_strides_read_as_eight_zeros():
    description = TensorDescription("t", MemoryStorageType.kHost, Shape([4]),
                                    PrimitiveType.kFloat32, 4)
    assert list(description.strides) == [0] * 8


def test_setting_description_strides_raises():
    description = TensorDescription("t", MemoryStorageType.kHost, Shape([4]),
                                    PrimitiveType.kFloat32, 4)
    with pytest.raises(ValueError):
        description.strides = [4]


def test_reshape_allocates_a_dense_layout(memory):
    message = MessageEntity(memory.context)
    tensor = Tensor.add_to_entity(message, "t")
    tensor.reshape(TensorDescription("t", MemoryStorageType.kSystem, Shape([3, 5]),
                                     PrimitiveType.kInt16, 2), memory.unbounded)
    _, size, dtype, rank, dims, strides = tensor.get_tensor_info()
    assert (size, dtype, rank, dims, strides) == (30, np.int16, 2, [3, 5], [10, 2])


def test_reshape_custom_keeps_explicit_zero_strides(memory):
    description = TensorDescription("t", MemoryStorageType.kHost, Shape([1024, 1]),
                                    PrimitiveType.kFloat32, 4)
    message = MessageEntity(memory.context)
    tensor = Tensor.add_to_entity(message, "t")
    tensor.reshape_custom(description.shape, description.element_type, 4, description.strides,
                          description.storage_type, memory.unbounded)
    assert tensor.get_tensor_info()[1] == 4096 and tensor.get_tensor_info()[5] == [0, 0]


def test_message_lists_its_component_names_in_order(memory):
    message = MessageEntity(memory.context)
    assert message.component_names() == []
    Tensor.add_to_entity(message, "first")
    message.eid()  # a message reachable by eid keeps later components reachable too
    Tensor.add_to_entity(message, "second")
    assert message.component_names() == ["first", "second"]


@pytest.mark.parametrize("dtype", PRIMITIVE_DTYPES, ids=lambda t: np.dtype(t).name)
def test_numpy_array_added_to_a_message_reads_back_unchanged(memory, dtype):
    array = (np.arange(12).reshape(3, 4) * 7 - 5).astype(dtype)
    message = MessageEntity(memory.context)
    Tensor.add_np_array_as_tensor_to_entity(message, "t", array, memory.unbounded)
    tensor = Tensor.get_from_entity(message, "t")
    assert tensor.storage_type() == MemoryStorageType.kHost
    np.testing.assert_array_equal(np.asarray(tensor), array)
    assert np.asarray(tensor).dtype == array.dtype


def test_as_tensor_wraps_a_numpy_array_without_copying():
    array = np.arange(6, dtype=np.float32).reshape(2, 3)
    tensor = Tensor.as_tensor(array)
    assert isinstance(tensor, PyTensor)
    assert tensor.storage_type() == MemoryStorageType.kSystem
    assert data_pointer(tensor) == array.ctypes.data


def test_as_tensor_keeps_strides_of_a_view():
    array = np.arange(24, dtype=np.int32).reshape(4, 6)[:, ::2]
    tensor = Tensor.as_tensor(array)
    assert tensor.get_tensor_info()[5] == [24, 8]
    np.testing.assert_array_equal(np.asarray(tensor), array)


def test_from_dlpack_wraps_a_numpy_array_without_copying():
    array = np.arange(5, dtype=np.float64)
    tensor = Tensor.from_dlpack(array)
    assert data_pointer(tensor) == array.ctypes.data
    assert tensor.__dlpack_device__() == (1, 0)


@pytest.mark.parametrize("make", [Tensor.as_tensor, Tensor.from_dlpack],
                         ids=["as_tensor", "from_dlpack"])
def test_a_dlpack_capsule_is_taken_over_once(make):
    array = np.arange(6, dtype=np.int32).reshape(2, 3)
    capsule = array.__dlpack__()
    tensor = make(capsule)
    assert data_pointer(tensor) == array.ctypes.data
    np.testing.assert_array_equal(np.asarray(tensor), array)
    del array  # the tensor holds the memory through the capsule's deleter
    gc.collect()
    np.testing.assert_array_equal(np.asarray(tensor), np.arange(6).reshape(2, 3))
    with pytest.raises(ValueError, match="invalid DLPack capsule"):
        make(capsule)


def test_numpy_from_dlpack_shares_the_tensor_memory():
    tensor = Tensor.as_tensor(np.arange(8, dtype=np.uint16))
    array = np.from_dlpack(tensor)
    assert array.ctypes.data == data_pointer(tensor)
    np.testing.assert_array_equal(array, np.arange(8))


def test_versioned_dlpack_capsule_is_exported_when_asked_for():
    tensor = Tensor.as_tensor(np.zeros(3, dtype=np.float32))
    capsule = tensor.__dlpack__(max_version=(1, 0))
    assert "dltensor_versioned" in repr(capsule)


def test_tensor_keeps_the_wrapped_array_alive():
    tensor = Tensor.as_tensor(np.full(1000, 7, dtype=np.int64))
    gc.collect()
    np.testing.assert_array_equal(np.asarray(tensor), np.full(1000, 7))


def test_buffer_protocol_exposes_the_tensor_memory():
    array = np.arange(12, dtype=np.int32).reshape(3, 4)
    view = memoryview(Tensor.as_tensor(array))
    assert (view.shape, view.strides, view.format) == ((3, 4), (16, 4), "i")


def test_empty_tensor_has_no_array_interface():
    assert not hasattr(Tensor(), "__array_interface__")


def test_tensor_constructor_rejects_a_list():
    with pytest.raises(ValueError, match="NumPy array"):
        Tensor([1, 2, 3])


def test_get_tensor_info_returns_the_pointer_as_a_capsule():
    array = np.arange(4, dtype=np.float32)
    capsule = Tensor.as_tensor(array).get_tensor_info()[0]
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype, get_pointer.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
    assert get_pointer(capsule, None) == array.ctypes.data


def test_add_to_entity_moves_the_tensor_into_the_message(memory):
    array = np.arange(4, dtype=np.float32)
    source = Tensor.as_tensor(array)
    message = MessageEntity(memory.context)
    Tensor.add_to_entity(message, source, "moved")
    assert source.get_tensor_info()[0] is None
    assert data_pointer(Tensor.get_from_entity(message, "moved")) == array.ctypes.data


def test_find_all_from_entity_lists_tensors_in_component_order(memory):
    message = MessageEntity(memory.context)
    for name in ("a", "b", "c"):
        Tensor.add_to_entity(message, Tensor.as_tensor(np.zeros(2)), name)
    assert len(Tensor.find_all_from_entity(message)) == 3


def test_get_from_entity_without_such_tensor_raises(memory):
    with pytest.raises(ValueError, match="error getting tensor"):
        Tensor.get_from_entity(MessageEntity(memory.context), "missing")


def test_tensor_from_a_message_keeps_its_memory_after_the_message_is_freed(memory):
    message = MessageEntity(memory.context)
    Tensor.add_np_array_as_tensor_to_entity(message, "t", np.arange(16, dtype=np.int32),
                                            memory.unbounded)
    tensor = Tensor.get_from_entity(message, "t")
    del message
    gc.collect()
    np.testing.assert_array_equal(np.asarray(tensor), np.arange(16))


def test_component_reference_raises_after_its_message_is_freed(memory):
    message = MessageEntity(memory.context)
    component = Tensor.add_to_entity(message, "t")
    del message
    gc.collect()
    with pytest.raises(ValueError, match="GXF_ENTITY_COMPONENT_NOT_FOUND"):
        component.shape()


def test_timestamp_find_from_entity_returns_none_where_get_raises(memory):
    from gxf.std import Timestamp

    message = MessageEntity(memory.context)
    assert Timestamp.find_from_entity(message) is None
    with pytest.raises(ValueError):
        Timestamp.get_from_entity(message)
    Timestamp.add_to_entity(message, 5, 7)
    assert Timestamp.find_from_entity(message) == (5, 7)
    assert Timestamp.find_from_entity(message) == Timestamp.get_from_entity(message)
