# SPDX-License-Identifier: Apache-2.0
"""Every example graph in graphs/ runs end to end with the bundled manifest."""

import os

import pytest

from gxf_test_support import REPO, run_gxe

GRAPH_DIR = os.path.join(REPO, "graphs")
GRAPHS = sorted(name for name in os.listdir(GRAPH_DIR)
                if name.endswith(".yaml") and name != "manifest.yaml")


@pytest.mark.parametrize("graph", GRAPHS)
def test_example_graph_runs_successfully(graph):
    result = run_gxe(os.path.join(GRAPH_DIR, graph), extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
