# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the tensor bindings (`from gxf.std.tensor_pybind import Tensor`)."""

from gxf.std._std import (  # noqa: F401 - re-exports
    MemoryStorageType,
    PrimitiveType,
    PyTensor,
    Shape,
    Tensor,
    TensorDescription,
    get_from_entity_context,
)

__all__ = ["MemoryStorageType", "PrimitiveType", "PyTensor", "Shape", "Tensor",
           "TensorDescription", "get_from_entity_context"]
