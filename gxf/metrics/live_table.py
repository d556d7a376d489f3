# SPDX-License-Identifier: Apache-2.0
"""`gxe.py --stats live`: a terminal table of codelets and edges, redrawn while the graph runs
(rich), printed once more with whole-run figures when it stops."""

from __future__ import annotations

import sys

from gxf.metrics.session import Output

__all__ = ["LiveTable", "format_ns", "render_tables"]


def format_ns(value):
    """A duration in ns as short human text ('850 ns', '12.3 us', '4.56 ms', '1.20 s')."""
    if value is None:
        return "-"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if value >= scale:
            number = value / scale
            return f"{number:.3g} {unit}" if number < 100 else f"{number:.0f} {unit}"
    return f"{value:.0f} ns"


def _rate(value):
    return "-" if value is None else f"{value:,.0f}"


def render_tables(view, title):
    """The codelet and edge tables of a stats view, as one rich renderable."""
    from rich.console import Group
    from rich.table import Table

    codelets = Table(title=f"{title}: codelets", title_justify="left", expand=False)
    for header in ("entity/codelet", "type", "ticks", "ticks/s", "tick p50", "tick p99",
                   "GIL wait p50", "GIL wait p99", "GIL hold p50"):
        codelets.add_column(header, justify="left" if header in ("entity/codelet", "type")
                            else "right")
    for row in view["codelets"]:
        gil = row.get("gil_wait_ns")
        hold = row.get("gil_hold_ns")
        codelets.add_row(f"{row['entity']}/{row['codelet']}", row["type"], f"{row['ticks']:,}",
                         _rate(row["ticks_per_s"]), format_ns(row["tick_ns"]["p50"]),
                         format_ns(row["tick_ns"]["p99"]),
                         format_ns(gil["p50"]) if gil else "", format_ns(gil["p99"]) if gil else "",
                         format_ns(hold["p50"]) if hold else "")
    edges = Table(title=f"{title}: edges", title_justify="left", expand=False)
    for header in ("source -> target", "messages", "msg/s", "depth", "capacity",
                   "latency p50", "latency p99"):
        edges.add_column(header, justify="left" if header == "source -> target" else "right")
    for row in view["edges"]:
        edges.add_row(f"{row['source']} -> {row['target']}", f"{row['messages']:,}",
                      _rate(row["messages_per_s"]), str(row["depth"]), str(row["capacity"]),
                      format_ns(row["latency_ns"]["p50"]), format_ns(row["latency_ns"]["p99"]))
    return Group(codelets, edges)


class LiveTable(Output):
    """Redraws the tables in place on a terminal; elsewhere prints only the final tables."""

    def __init__(self, file=None):
        self.file = file if file is not None else sys.stderr
        self._console = None
        self._live = None

    def open(self, session):
        """Start the live display (on a terminal only)."""
        from rich.console import Console
        from rich.live import Live

        self._console = Console(file=self.file)
        if not self._console.is_terminal:
            self._console.width = 200  # a log file: no terminal to wrap at 80 columns
        else:
            self._live = Live(console=self._console, auto_refresh=False, transient=True)
            self._live.start()

    def update(self, session):
        """Redraw with the last interval's rates and percentiles."""
        if self._live is not None and not session.final:
            view = session.view(windowed=True)
            title = f"gxf metrics, last {session.interval:g} s ({view['elapsed_s']:.1f} s run)"
            self._live.update(render_tables(view, title), refresh=True)

    def close(self, session):
        """Stop redrawing and print the whole-run tables."""
        if self._live is not None:
            self._live.stop()
        view = session.view(windowed=False)
        if view is not None:
            self._console.print(render_tables(view, f"gxf metrics, whole run "
                                                    f"({view['elapsed_s']:.2f} s)"))
