# SPDX-License-Identifier: Apache-2.0
"""GXF's drivers import std's bindings by GXF's module names (gxf.std.<name>_pybind)."""

import importlib

import pytest

import gxf.std

MODULES = {
    "allocator_pybind": ["Allocator", "BlockMemoryPool", "UnboundedAllocator"],
    "clock_pybind": ["Clock", "RealtimeClock", "ManualClock"],
    "receiver_pybind": ["Receiver"],
    "transmitter_pybind": ["Transmitter"],
    "timestamp_pybind": ["Timestamp", "as_timestamp"],
    "tensor_pybind": ["Tensor"],
    "vault_pybind": ["store_blocking", "free"],
    "scheduling_terms_pybind": ["CountSchedulingTerm", "PeriodicSchedulingTerm"],
    "scheduling_condition_pybind": ["SchedulingConditionType"],
}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_gxf_module_name_exports_the_runtime_classes(module):
    loaded = importlib.import_module(f"gxf.std.{module}")
    for name in MODULES[module]:
        exported = getattr(loaded, name)
        if hasattr(gxf.std._std, name):
            assert exported is getattr(gxf.std._std, name)
