# SPDX-License-Identifier: Apache-2.0
"""Metric aggregates recorded samples by policy and judges them against thresholds."""

import os

METRIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "metric.yaml")


def test_metric_aggregates_by_every_policy(run_graph):
    """100 samples give the expected mean, rms, maxima, minimum, sum and last value."""
    run = run_graph([METRIC])
    assert run.returncode == 0, run.output


def test_metric_rejects_an_unknown_policy(run_graph):
    """An unknown aggregation_policy fails initialize() with GXF_PARAMETER_OUT_OF_RANGE."""
    run = run_graph([METRIC], params=["metrics/from_parameter/aggregation_policy=median"])
    assert run.returncode == 1
    assert "GxfGraphActivate Error: GXF_PARAMETER_OUT_OF_RANGE" in run.output
