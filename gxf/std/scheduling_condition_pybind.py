# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the scheduling condition bindings (`from gxf.std import scheduling_condition_pybind`)."""

from gxf.std._std import (  # noqa: F401
    SchedulingConditionType,
)

__all__ = ["SchedulingConditionType"]
