"""The benchmark scenarios: which graph, scheduler and message count each one runs.

Native scenarios load the SAME graph files on both engines (graphs/<graph>.yaml, then
graphs/sched_<scheduler>.yaml).  The Python ping runs graphs/pyping.yaml (PyCodeletV0
codelets from codelets/ping_codelets.py) on our engine against Holoscan Python operators
(holoscan_child.py) on real GXF.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPH_DIR = os.path.join(HERE, "graphs")
CODELET_FILE = os.path.join(HERE, "codelets", "ping_codelets.py")
STATS_GRAPH = os.path.join(GRAPH_DIR, "stats.yaml")
FULL_REPS = 5
QUICK_REPS = 3


@dataclass(frozen=True)
class Scenario:
    """One benchmark case: a graph under a scheduler with N messages from tx."""

    graph: str              # graphs/<graph>.yaml
    scheduler: str          # greedy | multithread | ebs
    n: int                  # messages sent by tx (full run)
    quick_n: int            # messages sent by tx (--quick)
    title: str              # what the table calls it
    per_msg: int = 1        # messages rx receives per tx message
    python: bool = False    # Python codelets (ours) vs Holoscan Python operators (reference)
    timeout_s: float = 300.0

    @property
    def key(self) -> str:
        """Name used by --only and in the JSON: '<graph>/<scheduler>'."""
        return f"{self.graph}/{self.scheduler}"

    @property
    def reference(self) -> str:
        """What runs on the reference side: real GXF or Holoscan (on real GXF)."""
        return "holoscan" if self.python else "gxf"

    def count(self, quick: bool) -> int:
        """Message count for this mode."""
        return self.quick_n if quick else self.n

    def graph_files(self) -> list[str]:
        """Graph files to load, in order: the application, then the scheduler."""
        return [os.path.join(GRAPH_DIR, f"{self.graph}.yaml"),
                os.path.join(GRAPH_DIR, f"sched_{self.scheduler}.yaml")]

    def overrides(self, n: int) -> list[str]:
        """GXF-style parameter overrides: message count (and codelet file paths)."""
        params = [f"tx/count/count={n}"]
        if self.python:
            params += [f"tx/codelet/codelet_file={CODELET_FILE}",
                       f"rx/codelet/codelet_file={CODELET_FILE}"]
        return params


SCENARIOS = [
    Scenario("ping", "greedy", 1_000_000, 20_000, "ping"),
    Scenario("ping", "multithread", 100_000, 2_000, "ping"),
    Scenario("ping", "ebs", 100_000, 2_000, "ping"),
    Scenario("chain10", "greedy", 100_000, 5_000, "chain of 10 Forward (11 hops)"),
    Scenario("fanout4", "greedy", 100_000, 5_000, "fan-out 1->4 / fan-in 4->1", per_msg=4),
    Scenario("pyping", "greedy", 100_000, 5_000, "Python ping", python=True),
    Scenario("pyping", "multithread", 10_000, 1_000, "Python ping", python=True),
    Scenario("pyping", "ebs", 10_000, 1_000, "Python ping", python=True),
]


def select(prefixes: list[str]) -> list[Scenario]:
    """Scenarios whose key starts with any of the prefixes (all when none given)."""
    if not prefixes:
        return list(SCENARIOS)
    return [s for s in SCENARIOS if any(s.key.startswith(p) for p in prefixes)]


def find(key: str) -> Scenario:
    """The scenario with this key ('ping/greedy', ...)."""
    for s in SCENARIOS:
        if s.key == key:
            return s
    raise KeyError(key)
