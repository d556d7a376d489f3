# SPDX-License-Identifier: Apache-2.0
"""Run-time metrics of a running graph: per codelet tick counts and tick times, per edge
message rates, queue depths and latency, GIL wait/hold of Python codelets.

Collected in C++ (gxf/std/execution_metrics.*) only while enabled; read through
`gxf.metrics.session.MetricsSession`, which feeds the outputs: `live_table` (--stats live),
`prometheus` (--metrics-port), `trace` (--trace) and `dashboard` (--dashboard).
Submodules are imported on use, so gxe.py starts as fast without these flags.
"""

__all__ = []
