# SPDX-License-Identifier: Apache-2.0
"""pytest plugin (registered as `gxf`): fixtures to run graphs and single codelets.

    def test_ping(gxf_run_graph):
        run = gxf_run_graph("graphs/ping.yaml", manifest="graphs/manifest.yaml")
        run.assert_ticks({"tx": 10, "rx": 10})

`--gxf-timeout SECONDS` sets the default time a run may take before it is interrupted and
the test fails with the stall report.
"""

import functools

import pytest

__all__ = ["gxf_run_graph", "gxf_run_codelet", "gxf_record_edge"]


def pytest_addoption(parser):
    """--gxf-timeout."""
    parser.addoption("--gxf-timeout", type=float, default=30.0,
                     help="seconds a graph run by gxf.testing may take (default 30)")


@pytest.fixture
def gxf_run_graph(request):
    """gxf.testing.run_graph with the session's timeout as default."""
    from gxf.testing import run_graph

    return functools.partial(run_graph, timeout=request.config.getoption("--gxf-timeout"))


@pytest.fixture
def gxf_run_codelet(request):
    """gxf.testing.run_codelet with the session's timeout as default."""
    from gxf.testing import run_codelet

    return functools.partial(run_codelet, timeout=request.config.getoption("--gxf-timeout"))


@pytest.fixture
def gxf_record_edge(request):
    """gxf.testing.record_edge with the session's timeout as default."""
    from gxf.testing import record_edge

    return functools.partial(record_edge, timeout=request.config.getoption("--gxf-timeout"))
