# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the clock bindings (`from gxf.std import clock_pybind`)."""

from gxf.std._std import (  # noqa: F401
    Clock,
    RealtimeClock,
    ManualClock,
)

__all__ = ["Clock", "RealtimeClock", "ManualClock"]
