# SPDX-License-Identifier: Apache-2.0
"""GXF_SCHEDULER_STATS: per-worker visits, steals, sleeps and idle time at the end of a parallel
scheduler's run, and what they show about where the work ran."""

import re

import pytest

from graph_builder import (PARALLEL, chain, component, connection, entity, graph,
                           python_codelet, receiver, scheduler_entity, transmitter)

STATS_LINE = re.compile(r"worker (\d+): (\d+) visits \((\d+) stolen\), (\d+) sleeps, "
                        r"idle ([\d.]+)% of ([\d.]+) s")


def worker_stats(run):
    """{worker index: (visits, stolen, sleeps, idle %, seconds)} from a run's stderr."""
    return {int(index): (int(visits), int(stolen), int(sleeps), float(idle), float(seconds))
            for index, visits, stolen, sleeps, idle, seconds in STATS_LINE.findall(run["stderr"])}


@pytest.fixture
def stats_on(monkeypatch):
    """Child processes print the scheduler's per-worker stats."""
    monkeypatch.setenv("GXF_SCHEDULER_STATS", "1")


@pytest.mark.parametrize("kind", PARALLEL)
def test_a_line_per_worker_counts_the_visits(run_graph_text, stats_on, kind):
    forward = component("Forward", **{"in": "in", "out": "out"})
    text = graph(*chain(200, forward), scheduler_entity(kind, worker_thread_number=3))
    (run,) = run_graph_text(text, timeout=60)
    stats = worker_stats(run)
    assert sorted(stats) == [0, 1, 2], run["stderr"]
    # Each of the 600 ticks is a visit (the entities' first visits start them, more visits
    # may find nothing to do).
    assert sum(visits for visits, *_ in stats.values()) >= 600
    assert all(stolen <= visits and 0 <= idle <= 100 for visits, stolen, _, idle, _ in
               stats.values())


def test_without_the_variable_nothing_is_printed(run_graph_text, monkeypatch):
    monkeypatch.delenv("GXF_SCHEDULER_STATS", raising=False)
    forward = component("Forward", **{"in": "in", "out": "out"})
    (run,) = run_graph_text(graph(*chain(50, forward), scheduler_entity("event_based")))
    assert worker_stats(run) == {}


@pytest.mark.parametrize("kind", PARALLEL)
def test_a_lone_cpu_bound_pipeline_is_split_over_idle_workers(run_graph_text, stats_on, kind):
    # One pipeline, two workers: its stages must run on both (a stage queued behind a long
    # tick wakes the idle worker), or the second worker would have nothing to do.
    spin = component("nvidia::gxf::test::SpinForward", spin_us=200, **{"in": "in", "out": "out"})
    text = graph(*chain(200, spin, spin), scheduler_entity(kind, worker_thread_number=2))
    (run,) = run_graph_text(text, timeout=60)
    stats = worker_stats(run)
    visits = [stats[index][0] for index in sorted(stats)]
    assert len(visits) == 2 and min(visits) >= 0.1 * sum(visits), run["stderr"]


@pytest.mark.parametrize("kind", PARALLEL)
def test_idle_workers_sleep_while_a_worker_runs_python(run_graph_text, stats_on, codelet_file,
                                                       tmp_path, kind):
    # Four Python pairs on four workers: one worker runs them under the codelet call gate
    # (Python jobs queue up for it), and the others sleep until there is work for them, but
    # one: it looks at the queued jobs every millisecond, in case the gate's holder is a thread
    # that wakes no worker. Every idle worker used to (a thousand sleeps a second each).
    sequence = codelet_file("sequence.py")
    documents = []
    for pair in range(4):
        documents += [
            entity(f"tx{pair}", *transmitter(), python_codelet("SequenceTx", sequence),
                   component("CountSchedulingTerm", count=15_000)),
            entity(f"rx{pair}", *receiver(), python_codelet(
                "SequenceRx", sequence, out=str(tmp_path / f"seen{pair}.json"))),
            connection(f"tx{pair}/out", f"rx{pair}/in"),
        ]
    text = graph(*documents, scheduler_entity(kind, worker_thread_number=4))
    (run,) = run_graph_text(text, timeout=120)
    stats = worker_stats(run)
    assert len(stats) == 4, run["stderr"]
    seconds = max(entry[4] for entry in stats.values())
    idle_workers = [entry for entry in stats.values() if entry[3] > 90]
    assert idle_workers, run["stderr"]
    # Well under one sleep per millisecond of the run (a few come from the start and the end,
    # and from the gate changing hands), for all idle workers but the one that watches.
    sleeps = sorted(entry[2] for entry in idle_workers)
    assert len(sleeps) >= 2 and all(count <= 20 + 100 * seconds for count in sleeps[:-1]), \
        (seconds, run["stderr"])


@pytest.mark.parametrize("kind", PARALLEL)
def test_parallel_branches_spread_when_every_worker_has_a_pipeline(run_graph_text, stats_on,
                                                                   kind):
    # Two pipelines on two workers, so the jobs a worker's own pipeline leaves in its deque
    # wake no one. The short pipeline ends at once; the other fans each message out to two
    # CPU-bound branches (20 ms ticks), and the idle worker must still take one of them.
    def spin():
        return component("nvidia::gxf::test::SpinForward", spin_us=20_000,
                         **{"in": "in", "out": "out"})

    fan = [
        entity("tx", *transmitter(), component("PingTx", signal="out"),
               component("CountSchedulingTerm", count=10)),
        entity("fan", *receiver(), *transmitter("out0"), *transmitter("out1"),
               component("Broadcast", source="in")),
        entity("spin0", *receiver(), *transmitter(), spin()),
        entity("spin1", *receiver(), *transmitter(), spin()),
        entity("rx0", *receiver(), component("PingRx", signal="in")),
        entity("rx1", *receiver(), component("PingRx", signal="in")),
        connection("tx/out", "fan/in"), connection("fan/out0", "spin0/in"),
        connection("fan/out1", "spin1/in"), connection("spin0/out", "rx0/in"),
        connection("spin1/out", "rx1/in"),
    ]
    forward = component("Forward", **{"in": "in", "out": "out"})
    text = graph(*fan, *chain(1, forward, prefix="short_"),
                 scheduler_entity(kind, worker_thread_number=2))
    (run,) = run_graph_text(text, timeout=60)
    stats = worker_stats(run)
    # Each worker spun for most of the run (one alone would leave the other idle throughout).
    assert len(stats) == 2 and all(idle < 50 for *_, idle, _ in stats.values()), run["stderr"]
