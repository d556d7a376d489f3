# SPDX-License-Identifier: Apache-2.0
"""gxe.py's metrics flags: --stats live, --metrics-port, --trace, --dashboard.

gxe.py calls add_arguments() on its parser and wraps the run in observe(args, context).
Without any of these flags observe() does nothing and metrics stay off (zero cost).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util

__all__ = ["add_arguments", "observe", "outputs_for"]

_EXTRA_OF = {"rich": "metrics", "prometheus_client": "metrics"}


def _port(text):
    """An argparse type: a TCP port number, 0 meaning any free one."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (0..65535)")
    return int(text)


def _stats_mode(text):
    """An argparse type: the --stats mode, which needs rich."""
    if text != "live":
        raise argparse.ArgumentTypeError(f"invalid choice: '{text}' (choose from 'live')")
    _require("rich", "--stats live")
    return text


def _prometheus_port(text):
    """An argparse type: the --metrics-port, which needs prometheus-client."""
    port = _port(text)
    _require("prometheus_client", "--metrics-port")
    return port


def add_arguments(parser):
    """Add the metrics flags to gxe.py's parser."""
    group = parser.add_argument_group("metrics")
    group.add_argument("--stats", type=_stats_mode, default=None, metavar="live",
                       help="live: redraw a table of tick times and edge rates in the terminal")
    group.add_argument("--metrics-port", type=_prometheus_port, default=None, metavar="PORT",
                       help="serve the metrics to Prometheus on this port (0: any free port)")
    group.add_argument("--metrics-address", default="127.0.0.1", metavar="ADDRESS",
                       help="address the Prometheus endpoint binds (default 127.0.0.1)")
    group.add_argument("--trace", default=None, metavar="FILE.json",
                       help="write every tick as a Chrome/Perfetto trace, one track per thread")
    group.add_argument("--dashboard", type=_port, default=None, metavar="PORT",
                       help="serve a live dashboard on http://127.0.0.1:PORT/ (0: any free port)")
    group.add_argument("--metrics-interval", type=float, default=0.5, metavar="SECONDS",
                       help="how often the metrics are sampled and redrawn (default 0.5)")


def _require(module, flag):
    """Refuse a flag whose optional package is absent, naming the extra to install."""
    if importlib.util.find_spec(module) is None:
        raise argparse.ArgumentTypeError(f"{flag} needs the '{module}' package: "
                                         f"pip install 'pygxf-engine[{_EXTRA_OF[module]}]'")


def outputs_for(args):
    """The outputs the flags ask for."""
    outputs = []
    if args.stats == "live":
        from gxf.metrics.live_table import LiveTable
        outputs.append(LiveTable())
    if args.metrics_port is not None:
        from gxf.metrics.prometheus import PrometheusExporter
        outputs.append(PrometheusExporter(args.metrics_port, args.metrics_address))
    if args.trace:
        from gxf.metrics.trace import TraceWriter
        outputs.append(TraceWriter(args.trace))
    if args.dashboard is not None:
        from gxf.metrics.dashboard.server import DashboardServer
        outputs.append(DashboardServer(args.dashboard))
    if not args.metrics_interval > 0:
        raise ValueError(f"--metrics-interval must be > 0, got {args.metrics_interval}")
    return outputs


def observe(args, context):
    """A context manager collecting metrics around the run when a metrics flag is given."""
    outputs = outputs_for(args)
    if not outputs:
        return contextlib.nullcontext()
    from gxf.metrics.session import MetricsSession

    # Tracing records every tick: drain often so the per-thread buffers rarely overflow.
    interval = min(args.metrics_interval, 0.1) if args.trace else args.metrics_interval
    return MetricsSession(context, outputs, interval=interval, trace_capacity=1 << 18)
