# SPDX-License-Identifier: Apache-2.0
"""Stats rows from raw snapshots: percentiles, windows between snapshots, formatting."""

import pytest

from gxf.metrics.live_table import format_ns
from gxf.metrics.stats import edge_rows, histogram_delta, percentile, view


def histogram(buckets):
    """A raw histogram dict from (lower, upper, count) buckets; totals use bucket midpoints."""
    return {"samples": sum(count for _, _, count in buckets),
            "total": sum((lower + upper) / 2 * count for lower, upper, count in buckets),
            "buckets": buckets}


def test_percentile_interpolates_inside_the_bucket():
    h = histogram([(100, 200, 50), (1000, 1100, 50)])
    assert percentile(h, 0.5) == pytest.approx(200)
    assert percentile(h, 0.25) == pytest.approx(150)
    assert percentile(h, 0.99) == pytest.approx(1098)


def test_percentile_of_nothing_is_none():
    assert percentile(histogram([]), 0.5) is None
    assert percentile(None, 0.5) is None


def test_histogram_delta_keeps_only_the_window():
    before = histogram([(100, 200, 5), (1000, 1100, 1)])
    now = histogram([(100, 200, 5), (1000, 1100, 4), (5000, 6000, 2)])
    delta = histogram_delta(now, before)
    assert delta["buckets"] == [(1000, 1100, 3), (5000, 6000, 2)]
    assert delta["samples"] == 5


def snapshot(time_s, messages, latency):
    """A raw snapshot with one edge."""
    return {"time_ns": int(time_s * 1e9), "start_ns": 0, "sample_period": 16, "codelets": [],
            "edges": [{"source": "a/out", "target": "b/in", "source_eid": 1, "target_eid": 2,
                       "messages": messages, "depth": 1, "capacity": 2,
                       "latency_ns": latency}]}


def test_windowed_rows_rate_the_last_interval_only():
    first = snapshot(10.0, 1000, histogram([(100, 200, 10)]))
    second = snapshot(10.5, 1100, histogram([(100, 200, 10), (4000, 5000, 10)]))
    [whole] = edge_rows(second)
    [window] = edge_rows(second, first)
    assert whole["messages_per_s"] == pytest.approx(1100 / 10.5)
    assert window["messages_per_s"] == pytest.approx(200)
    assert window["latency_ns"]["p50"] == pytest.approx(4500)
    assert whole["latency_ns"]["p50"] == pytest.approx(200)


def test_an_empty_window_falls_back_to_the_whole_run():
    latency = histogram([(100, 200, 10)])
    [row] = edge_rows(snapshot(2.0, 5, latency), snapshot(1.5, 5, latency))
    assert row["latency_ns"]["p50"] == pytest.approx(150)
    assert row["messages_per_s"] == 0


def test_view_is_json_ready():
    import json

    text = json.dumps(view(snapshot(1.0, 3, histogram([]))))
    assert '"messages": 3' in text


@pytest.mark.parametrize("value, text", [(None, "-"), (850, "850 ns"), (12_345, "12.3 us"),
                                         (4_560_000, "4.56 ms"), (1_200_000_000, "1.2 s"),
                                         (250_000, "250 us")])
def test_format_ns(value, text):
    assert format_ns(value) == text
