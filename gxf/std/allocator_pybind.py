# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the allocator bindings (`from gxf.std.allocator_pybind import Allocator`)."""

from gxf.std._std import Allocator, BlockMemoryPool, UnboundedAllocator  # noqa: F401

__all__ = ["Allocator", "BlockMemoryPool", "UnboundedAllocator"]
