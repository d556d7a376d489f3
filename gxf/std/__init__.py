# SPDX-License-Identifier: Apache-2.0
"""Standard extension: queues, clocks, scheduling terms and message components for codelets."""

from gxf.core._core import (
    AsynchronousEventState,
    AsynchronousSchedulingTerm,
    Allocator,
    BlockMemoryPool,
    MemoryStorageType,
    PrimitiveType,
    PyTensor,
    Shape,
    Tensor,
    TensorDescription,
    UnboundedAllocator,
    get_from_entity_context,
    BooleanSchedulingTerm,
    BTSchedulingTerm,
    Clock,
    CountSchedulingTerm,
    ManualClock,
    PeriodicSchedulingTerm,
    RealtimeClock,
    Receiver,
    SchedulingConditionType,
    SchedulingTerm,
    TargetTimeSchedulingTerm,
    Timestamp,
    Transmitter,
    as_timestamp,
)

__all__ = [
    "AsynchronousEventState",
    "AsynchronousSchedulingTerm",
    "Allocator",
    "BlockMemoryPool",
    "MemoryStorageType",
    "PrimitiveType",
    "PyTensor",
    "Shape",
    "Tensor",
    "TensorDescription",
    "UnboundedAllocator",
    "get_from_entity_context",
    "BooleanSchedulingTerm",
    "BTSchedulingTerm",
    "Clock",
    "CountSchedulingTerm",
    "ManualClock",
    "PeriodicSchedulingTerm",
    "RealtimeClock",
    "Receiver",
    "SchedulingConditionType",
    "SchedulingTerm",
    "TargetTimeSchedulingTerm",
    "Timestamp",
    "Transmitter",
    "as_timestamp",
]

# Graph-API wrapper classes of every concrete std type, generated from the type registry
# (a runtime class above keeps its name and lends the wrapper its static methods).
from gxf.core import Entity  # noqa: E402,F401 - GXF's drivers import Entity from gxf.std
from gxf.core.wrappers import define_wrappers  # noqa: E402

__all__ += define_wrappers(globals(), "libgxf_std.so", "gxf/std/libgxf_std.so")

from gxf.std.subgraph import Subgraph  # noqa: E402
from gxf.std.graph_methods import (  # noqa: E402
    connect,
    enable_job_statistics,
    set_clock,
    set_scheduler,
)
from gxf.std.compute_entity import ComputeEntity  # noqa: E402
from gxf.std.standard_graph import StandardGraph  # noqa: E402

__all__ += ["Entity", "Subgraph", "connect", "enable_job_statistics", "set_clock",
            "set_scheduler", "ComputeEntity", "StandardGraph"]
