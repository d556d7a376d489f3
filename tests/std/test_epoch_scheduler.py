# SPDX-License-Identifier: Apache-2.0
"""EpochScheduler: the application runs the graph's epochs on its own thread."""

import json
import os
import threading
import time

import pytest

import gxf.std.epoch_scheduler_pybind as epoch_pybind
from gxf import core

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "epoch.yaml")


@pytest.fixture
def epoch_graph(tmp_path):
    """The activated, armed epoch graph: (context, cid of the scheduler, stats path)."""
    stats = tmp_path / "stats.json"
    with open(GRAPH, encoding="utf-8") as stream:
        text = stream.read().replace("STATS_JSON", str(stats))
    path = tmp_path / "epoch.yaml"
    path.write_text(text, encoding="utf-8")
    context = core.context_create()
    core.load_extensions(context, extension_filenames=["libgxf_std.so", "libgxf_sample.so",
                                                       "libgxf_test.so"])
    core.graph_load_file(context, str(path))
    cid = core.component_find(context, core.entity_find(context, "scheduler"),
                              component_name="epoch")[0]
    core.graph_activate(context)
    core.graph_run_async(context)
    yield context, cid, stats
    core.context_destroy(context)


def finish(context, stats):
    """Interrupt, wait, deactivate; returns the tick counts by entity."""
    core.graph_interrupt(context)
    core.graph_wait(context)
    core.graph_deactivate(context)
    return {e["name"]: e["count"] for e in json.loads(stats.read_text())["entities"]}


def test_one_pass_per_epoch_without_budget(epoch_graph):
    context, cid, stats = epoch_graph
    for _ in range(20):  # one pass each: the first starts both entities
        epoch_pybind.run_epoch(context, cid)
    assert finish(context, stats) == {"tx": 5, "rx": 5}


def test_a_budget_runs_passes_until_nothing_is_ready(epoch_graph):
    context, cid, stats = epoch_graph
    start = time.monotonic()
    epoch_pybind.run_epoch(context, cid, 5000.0)
    assert time.monotonic() - start < 4.0  # ended early: nothing left to run
    assert finish(context, stats) == {"tx": 5, "rx": 5}


def test_wait_returns_once_interrupted(epoch_graph):
    context, cid, stats = epoch_graph
    waiter = threading.Thread(target=core.graph_wait, args=(context,))
    waiter.start()
    time.sleep(0.05)
    assert waiter.is_alive()
    core.graph_interrupt(context)
    waiter.join(timeout=5)
    assert not waiter.is_alive()
    core.graph_deactivate(context)


def test_run_epoch_on_another_component_is_refused(epoch_graph):
    context, cid, stats = epoch_graph
    clock = core.component_find(context, core.entity_find(context, "scheduler"),
                                component_name="clock")[0]
    with pytest.raises(Exception, match="not an EpochScheduler"):
        epoch_pybind.run_epoch(context, clock)
    finish(context, stats)
