# SPDX-License-Identifier: Apache-2.0
"""Turn raw metrics snapshots (counters and log histograms from C++) into readable rows.

A row describes either the whole run so far or the window between two snapshots: rates come
from counter deltas, percentiles from histogram deltas, so a live view shows what the graph
does now rather than an average since start.
"""

from __future__ import annotations

__all__ = ["percentile", "histogram_delta", "codelet_rows", "edge_rows", "view"]


def histogram_delta(now, before):
    """Histogram of what was recorded between two snapshots of it (None-safe)."""
    if now is None:
        return None
    if before is None:
        return now
    old = {(lower, upper): count for lower, upper, count in before["buckets"]}
    buckets = [(lower, upper, count - old.get((lower, upper), 0))
               for lower, upper, count in now["buckets"]]
    return {"samples": now["samples"] - before["samples"],
            "total": now["total"] - before["total"],
            "buckets": [bucket for bucket in buckets if bucket[2] > 0]}


def percentile(histogram, fraction):
    """Value (ns) below which `fraction` of the recorded samples lie; None when empty.

    Interpolates linearly inside the bucket, so the error is below the bucket width (12.5%).
    """
    if not histogram or not histogram["buckets"]:
        return None
    samples = sum(count for _, _, count in histogram["buckets"])
    rank = fraction * samples
    seen = 0
    for lower, upper, count in histogram["buckets"]:
        if seen + count >= rank:
            return lower + (upper - lower) * max(0.0, rank - seen) / count
        seen += count
    return float(histogram["buckets"][-1][1])


def _mean(histogram):
    """Mean of a histogram's samples (ns); None when empty."""
    if not histogram or not histogram["samples"]:
        return None
    return histogram["total"] / histogram["samples"]


def _summary(now, before):
    """p50, p99 and mean (ns) of what a histogram recorded in the window; over the whole run
    when the window holds no sample (slow codelets are timed only now and then)."""
    histogram = histogram_delta(now, before)
    if not histogram or not histogram["samples"]:
        histogram = now
    return {"p50": percentile(histogram, 0.50), "p99": percentile(histogram, 0.99),
            "mean": _mean(histogram)}


def _by_key(records, key):
    """Index records by a key function."""
    return {key(record): record for record in records}


def _codelet_key(record):
    """Stable identity of a codelet record."""
    return record["cid"]


def _edge_key(record):
    """Stable identity of an edge record."""
    return (record["source"], record["target"])


def codelet_rows(snapshot, previous=None):
    """One dict per codelet: ticks, ticks/s, tick time p50/p99/mean and GIL wait/hold (ns)."""
    seconds, before = _window(snapshot, previous)
    old = _by_key(before["codelets"], _codelet_key) if before else {}
    rows = []
    for record in snapshot["codelets"]:
        prior = old.get(_codelet_key(record))
        ticks_before = prior["ticks"] if prior else 0
        row = {"id": record["cid"], "eid": record["eid"], "entity": record["entity"],
               "codelet": record["name"], "type": record["type"], "ticks": record["ticks"],
               "ticks_per_s": (record["ticks"] - ticks_before) / seconds if seconds else None,
               "tick_ns": _summary(record["tick_ns"], prior["tick_ns"] if prior else None)}
        if record["gil_wait_ns"] is not None:
            row["gil_wait_ns"] = _summary(record["gil_wait_ns"],
                                          prior["gil_wait_ns"] if prior else None)
            row["gil_hold_ns"] = _summary(record["gil_hold_ns"],
                                          prior["gil_hold_ns"] if prior else None)
            row["gil_wait_total_ns"] = record["gil_wait_ns"]["total"]
            row["gil_hold_total_ns"] = record["gil_hold_ns"]["total"]
        rows.append(row)
    return rows


def edge_rows(snapshot, previous=None):
    """One dict per edge: messages, messages/s, queue depth and capacity, latency (ns)."""
    seconds, before = _window(snapshot, previous)
    old = _by_key(before["edges"], _edge_key) if before else {}
    rows = []
    for index, record in enumerate(snapshot["edges"]):
        prior = old.get(_edge_key(record))
        messages_before = prior["messages"] if prior else 0
        rows.append({
            "id": index, "source": record["source"], "target": record["target"],
            "source_eid": record["source_eid"], "target_eid": record["target_eid"],
            "messages": record["messages"],
            "messages_per_s": (record["messages"] - messages_before) / seconds if seconds else None,
            "depth": record["depth"], "capacity": record["capacity"],
            "latency_ns": _summary(record["latency_ns"],
                                   prior["latency_ns"] if prior else None),
        })
    return rows


def _window(snapshot, previous):
    """Seconds covered and the baseline snapshot: since `previous`, else since the start."""
    if previous is not None:
        return (snapshot["time_ns"] - previous["time_ns"]) / 1e9, previous
    return (snapshot["time_ns"] - snapshot["start_ns"]) / 1e9, None


def view(snapshot, previous=None):
    """Codelet and edge rows of one snapshot (windowed when `previous` is given), JSON-ready."""
    return {"time_ns": snapshot["time_ns"],
            "elapsed_s": (snapshot["time_ns"] - snapshot["start_ns"]) / 1e9,
            "sample_period": snapshot["sample_period"],
            "codelets": codelet_rows(snapshot, previous),
            "edges": edge_rows(snapshot, previous)}
