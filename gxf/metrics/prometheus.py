# SPDX-License-Identifier: Apache-2.0
"""`gxe.py --metrics-port N`: the metrics as a Prometheus scrape target (prometheus-client).

Served on 127.0.0.1 unless another address is given. A scrape reads the session's latest
snapshot (taken every interval by the sampler), never the running graph itself, so a scrape
can neither slow the graph down nor race its teardown.

Series (labels: entity, codelet, type; edges: source, target as 'entity/component'):
  gxf_codelet_ticks_total                      counter, every tick
  gxf_codelet_tick_seconds                     histogram of sampled ticks
  gxf_codelet_gil_wait_seconds / _hold_seconds histograms (Python codelets, every tick)
  gxf_edge_messages_total                      counter, every delivered message
  gxf_edge_queue_depth / gxf_edge_queue_capacity gauges
  gxf_edge_latency_seconds                     histogram of latency probes
"""

from __future__ import annotations

from gxf.metrics.http_output import HttpOutput

__all__ = ["PrometheusExporter", "LE_BOUNDS_NS"]

# Powers of four from 256 ns to ~69 s: boundaries the C++ histogram has exactly (each power
# of two starts a bucket), so the cumulative counts are exact.
LE_BOUNDS_NS = [1 << shift for shift in range(8, 38, 2)]


def _histogram_buckets(histogram):
    """Cumulative (le seconds, count) pairs plus +Inf, and the sum in seconds."""
    cumulative = []
    buckets = histogram["buckets"]
    index, running = 0, 0
    for bound in LE_BOUNDS_NS:
        while index < len(buckets) and buckets[index][1] <= bound:
            running += buckets[index][2]
            index += 1
        cumulative.append((repr(bound / 1e9), running))
    cumulative.append(("+Inf", sum(count for _, _, count in buckets)))
    return cumulative, histogram["total"] / 1e9


class _Collector:
    """prometheus-client collector over the session's latest snapshot."""

    def __init__(self, session):
        self.session = session

    def collect(self):
        """Metric families of the latest snapshot."""
        from prometheus_client.core import (CounterMetricFamily, GaugeMetricFamily,
                                            HistogramMetricFamily)

        snapshot = self.session.snapshot
        labels = ["entity", "codelet", "type"]
        ticks = CounterMetricFamily("gxf_codelet_ticks", "Ticks of a codelet", labels=labels)
        tick_time = HistogramMetricFamily("gxf_codelet_tick_seconds",
                                          "Tick duration (sampled ticks)", labels=labels)
        gil_wait = HistogramMetricFamily("gxf_codelet_gil_wait_seconds",
                                         "Time a Python codelet's tick waited for the GIL",
                                         labels=labels)
        gil_hold = HistogramMetricFamily("gxf_codelet_gil_hold_seconds",
                                         "Time a Python codelet's tick held the GIL",
                                         labels=labels)
        edge_labels = ["source", "target"]
        messages = CounterMetricFamily("gxf_edge_messages", "Messages delivered on an edge",
                                       labels=edge_labels)
        depth = GaugeMetricFamily("gxf_edge_queue_depth", "Messages waiting in the receiver",
                                  labels=edge_labels)
        capacity = GaugeMetricFamily("gxf_edge_queue_capacity", "Capacity of the receiver",
                                     labels=edge_labels)
        latency = HistogramMetricFamily("gxf_edge_latency_seconds",
                                        "Delivery to the consuming tick (sampled messages)",
                                        labels=edge_labels)
        for record in snapshot["codelets"] if snapshot else []:
            values = [record["entity"], record["name"], record["type"]]
            ticks.add_metric(values, record["ticks"])
            tick_time.add_metric(values, *_histogram_buckets(record["tick_ns"]))
            if record["gil_wait_ns"] is not None:
                gil_wait.add_metric(values, *_histogram_buckets(record["gil_wait_ns"]))
                gil_hold.add_metric(values, *_histogram_buckets(record["gil_hold_ns"]))
        for record in snapshot["edges"] if snapshot else []:
            values = [record["source"], record["target"]]
            messages.add_metric(values, record["messages"])
            depth.add_metric(values, record["depth"])
            capacity.add_metric(values, record["capacity"])
            latency.add_metric(values, *_histogram_buckets(record["latency_ns"]))
        return [ticks, tick_time, gil_wait, gil_hold, messages, depth, capacity, latency]


class PrometheusExporter(HttpOutput):
    """Serves the session's metrics at http://ADDRESS:PORT/metrics while the graph runs."""

    label = "metrics"
    path = "/metrics"

    def start_server(self, session):
        """prometheus-client's server over a registry holding only this session's metrics."""
        from prometheus_client import CollectorRegistry, start_http_server

        registry = CollectorRegistry(auto_describe=False)
        registry.register(_Collector(session))
        return start_http_server(self.port, addr=self.address, registry=registry)
