# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the scheduling term bindings (`from gxf.std import scheduling_terms_pybind`)."""

from gxf.std._std import (  # noqa: F401
    SchedulingTerm,
    AsynchronousEventState,
    AsynchronousSchedulingTerm,
    BTSchedulingTerm,
    BooleanSchedulingTerm,
    CountSchedulingTerm,
    PeriodicSchedulingTerm,
    TargetTimeSchedulingTerm,
)

__all__ = ["SchedulingTerm", "AsynchronousEventState", "AsynchronousSchedulingTerm", "BTSchedulingTerm", "BooleanSchedulingTerm", "CountSchedulingTerm", "PeriodicSchedulingTerm", "TargetTimeSchedulingTerm"]
