# SPDX-License-Identifier: Apache-2.0
"""gxf.testing.run_graph and its pytest fixture: in-process runs with a timeout."""

import os

import pytest

from gxf.core.errors import error_report
from gxf.testing import GraphTimeout, run_graph
from gxf_test_support import MANIFEST, REPO

PING = os.path.join(REPO, "graphs", "ping.yaml")


def test_fixture_runs_a_graph_and_counts_ticks(gxf_run_graph):
    run = gxf_run_graph(PING, manifest=MANIFEST)
    run.assert_ticks({"tx": 10, "rx/ping": 10})
    assert run.ticks == {"tx/ping": 10, "rx/ping": 10}


def test_wrong_tick_count_fails_with_the_numbers_and_the_report():
    run = run_graph(PING, manifest=MANIFEST, params=["tx/nvidia::gxf::CountSchedulingTerm/count=3"])
    with pytest.raises(AssertionError) as failure:
        run.assert_ticks({"rx": 10})
    assert "rx: ticked 3, expected 10" in error_report(failure.value)
    assert "entity 'tx': NEVER" in error_report(failure.value)


def test_unknown_name_lists_the_codelets():
    run = run_graph(PING, manifest=MANIFEST)
    with pytest.raises(KeyError, match="tx/ping"):
        run.ticks_of("nobody")


def test_a_graph_that_never_ends_times_out_with_the_stall_report(tmp_path):
    graph = tmp_path / "forever.yaml"
    graph.write_text("""
name: tick
components:
- name: hello
  type: nvidia::gxf::HelloWorld
- type: nvidia::gxf::PeriodicSchedulingTerm
  parameters: {recess_period: 50ms}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::RealtimeClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
""")
    with pytest.raises(GraphTimeout) as timeout:
        run_graph(str(graph), timeout=0.5, severity=0)
    assert "did not stop within 0.5 s" in error_report(timeout.value)
    assert "codelet 'tick/hello' (HelloWorld)" in error_report(timeout.value)


def test_plugin_option_sets_the_default_timeout(request):
    assert request.config.getoption("--gxf-timeout") > 0
