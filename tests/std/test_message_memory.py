# SPDX-License-Identifier: Apache-2.0
"""Messages are recycled: memory stays flat however many messages pass."""

import ctypes
import os

import pytest

from gxf_test_support import MANIFEST, REPO, run_to_end
from gxf import core

PING = os.path.join(REPO, "graphs", "ping.yaml")
PYTHON_PING = os.path.join(REPO, "graphs", "python_ping.yaml")


def _asan_live_bytes():
    """AddressSanitizer's count of live heap bytes, or None outside a sanitizer run."""
    try:
        function = ctypes.CDLL(None).__sanitizer_get_current_allocated_bytes
    except AttributeError:
        return None
    function.restype = ctypes.c_size_t
    return function


ASAN_LIVE_BYTES = _asan_live_bytes()


def memory_in_use_kib():
    """Resident set size of this process in KiB; under tools/sanitize/run.sh the live heap
    instead, since resident memory there holds ASan's quarantine of freed blocks (up to
    256 MB, filling as messages are freed) and shadow, not the engine's memory."""
    if ASAN_LIVE_BYTES is not None:
        return ASAN_LIVE_BYTES() // 1024
    with open("/proc/self/statm") as stream:
        pages = int(stream.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def run_ping(graph, count, overrides):
    """Run a ping graph with `count` messages in a fresh context."""
    context = core.context_create()
    try:
        core.gxf_set_severity(context, 1)
        core.load_extensions(context, manifest_filenames=[MANIFEST])
        run_to_end(context, graph, overrides=overrides(count))
    finally:
        core.context_destroy(context)


def native_overrides(count):
    """Message count of graphs/ping.yaml."""
    return [f"tx/nvidia::gxf::CountSchedulingTerm/count={count}",
            "scheduler/nvidia::gxf::GreedyScheduler/max_duration_ms=60000"]


def python_overrides(count):
    """Message count (and its check) of graphs/python_ping.yaml."""
    return [f"tx/nvidia::gxf::CountSchedulingTerm/count={count}",
            f"rx/python_codelet/codelet_params={{receiver: signal, expected_count: {count}}}",
            "scheduler/nvidia::gxf::GreedyScheduler/max_duration_ms=60000"]


@pytest.mark.parametrize("graph, overrides, count", [
    (PING, native_overrides, 1_000_000),
    (PYTHON_PING, python_overrides, 100_000),
])
def test_memory_stays_flat_over_many_messages(graph, overrides, count):
    run_ping(graph, count // 10, overrides)  # warm up pools and allocator arenas
    before = memory_in_use_kib()
    run_ping(graph, count, overrides)
    growth = memory_in_use_kib() - before
    assert growth < 2048, f"memory in use grew by {growth} KiB over {count} messages"
