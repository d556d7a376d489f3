# SPDX-License-Identifier: Apache-2.0
"""Messages are recycled: memory stays flat however many messages pass."""

import os

import pytest

from gxf_test_support import MANIFEST, REPO, run_to_end
from gxf import core

PING = os.path.join(REPO, "graphs", "ping.yaml")
PYTHON_PING = os.path.join(REPO, "graphs", "python_ping.yaml")


def resident_kib():
    """Current resident set size of this process in KiB."""
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
    before = resident_kib()
    run_ping(graph, count, overrides)
    growth = resident_kib() - before
    assert growth < 2048, f"resident memory grew by {growth} KiB over {count} messages"
