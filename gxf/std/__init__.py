# SPDX-License-Identifier: Apache-2.0
"""Standard extension: queues, clocks, scheduling terms and message components for codelets."""

from gxf.core._core import (
    AsynchronousEventState,
    AsynchronousSchedulingTerm,
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
