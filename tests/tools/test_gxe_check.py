# SPDX-License-Identifier: Apache-2.0
"""gxe.py runs gxf check's checks before activation: what GXF rejects stays an error at the
same stage, everything else is a warning and the graph runs."""

import os

from gxf_test_support import DATA, run_gxe

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
WIRING = os.path.join(HERE, "check_wiring.yaml")


def test_warnings_are_printed_and_the_graph_still_runs():
    result = run_gxe(WIRING, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    assert "gxe.py: " + WIRING + ":7: entity 'tx', component 'spare': warning: transmitter " \
        "'tx/spare' is never connected" in result.stderr
    assert result.stdout.index("activating graph...") > 0


def test_no_check_skips_the_checks():
    result = run_gxe(WIRING, extra_args=["--severity", "1", "--no-check"])
    assert result.returncode == 0
    assert "warning" not in result.stderr


def test_unknown_parameter_is_only_a_warning_in_gxe(write_graph):
    with open(WIRING, encoding="utf-8") as stream:
        text = stream.read()
    path = write_graph(text.replace("count: 3\n---\ncomponents",
                                                   "count: 3\n    cuont: 4\n---\ncomponents"))
    result = run_gxe(path, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    assert "warning: unknown parameter 'cuont'" in result.stderr
    assert "(did you mean 'count'?)" in result.stderr


def test_missing_required_parameter_is_reported_and_fails_at_activation():
    result = run_gxe(os.path.join(DATA, "bad_missing_required_parameter.yaml"),
                     extra_args=["--severity", "1"])
    assert result.returncode == 1
    assert "error: required parameter" in result.stderr
    assert "GxfGraphActivate Error: GXF_PARAMETER_MANDATORY_NOT_SET" in result.stderr
    assert result.stdout.rstrip().endswith("activating graph...")
