# SPDX-License-Identifier: Apache-2.0
"""Entities with CPUThread(pin_entity: true) run only on their own ThreadPool worker thread."""

import json
import os

import pytest

from graph_builder import (PARALLEL, component, connection, entity, graph, python_codelet,
                           receiver, scheduler_entity, transmitter)


def pinned_graph(kind, codelet_file, out_dir, pinned=("a", "b"), unpinned=("c",),
                 cpu_threads=1, **scheduler_parameters):
    """Probes ticking 30 times each; `pinned` ones carry `cpu_threads` pinning CPUThreads."""
    documents = []
    for name in pinned + unpinned:
        parts = [python_codelet("OverlapProbe", codelet_file, sleep_s=0.0005,
                                out=str(out_dir / name)),
                 component("CountSchedulingTerm", count=30)]
        if name in pinned:
            parts += [component("CPUThread", f"cpu_thread{i}", pin_entity=True)
                      for i in range(cpu_threads)]
        documents.append(entity(name, *parts))
    documents.append(entity("pool", component("ThreadPool", "pool", initial_size=1)))
    documents.append(scheduler_entity(kind, worker_thread_number=2, **scheduler_parameters))
    return graph(*documents)


def threads_of(out_dir, names):
    """Thread ids each probe ticked on."""
    return {name: set(json.loads((out_dir / name).read_text())["threads"]) for name in names}


@pytest.mark.parametrize("kind", PARALLEL)
def test_pinned_entity_always_ticks_on_one_thread_of_its_own(run_graph_text, tmp_path, codelet_file,
                                                            kind):
    (run,) = run_graph_text(pinned_graph(kind, codelet_file("sequence.py"), tmp_path), timeout=30)
    assert "error" not in run, run
    threads = threads_of(tmp_path, ("a", "b"))
    assert len(threads["a"]) == 1 and len(threads["b"]) == 1
    assert threads["a"] != threads["b"]


@pytest.mark.parametrize("kind, parameters", [("event_based", {}),
                                              ("multi_thread", {"strict_job_thread_pinning": True})])
def test_pinned_threads_run_no_unpinned_entity_when_strict(run_graph_text, tmp_path, codelet_file,
                                                          kind, parameters):
    text = pinned_graph(kind, codelet_file("sequence.py"), tmp_path, **parameters)
    (run,) = run_graph_text(text, timeout=30)
    assert "error" not in run, run
    threads = threads_of(tmp_path, ("a", "b", "c"))
    assert not threads["c"] & (threads["a"] | threads["b"])


@pytest.mark.parametrize("kind", PARALLEL)
def test_two_cpu_threads_in_one_entity_are_refused(run_graph_text, tmp_path, codelet_file, kind):
    text = pinned_graph(kind, codelet_file("sequence.py"), tmp_path, pinned=("a",), unpinned=(),
                        cpu_threads=2)
    (run,) = run_graph_text(text, timeout=30)
    assert run["error"].startswith("GXF_FAILURE")
    assert "entity 'a' has 2 CPUThread components" in run["error"]


@pytest.mark.parametrize("strict", [False, True])
def test_a_pinned_chain_keeps_moving_on_more_spinning_threads_than_cores(run_graph_text, tmp_path,
                                                                         strict):
    # Zero recession: every worker spins re-checking waiting entities. A message can move to
    # a pinned entity only on that entity's own thread; with more threads than cores, workers
    # that spun on without yielding kept it off the cores for a time slice per hop (about
    # 20 ms a message on 2 cores: 5,000 messages took minutes: the soak saw hangs).
    stages = [f"s{i}" for i in range((os.cpu_count() or 2) + 2)]
    names = ["tx"] + stages + ["rx"]
    documents = [entity("tx", *transmitter(), component("PingTx", signal="out"),
                        component("CountSchedulingTerm", count=5000))]
    documents += [entity(name, *receiver(), *transmitter(),
                         component("Forward", **{"in": "in", "out": "out"}),
                         component("CPUThread", pin_entity=True)) for name in stages]
    documents.append(entity("rx", *receiver(), component("PingRx", signal="in")))
    documents += [connection(f"{a}/out", f"{b}/in") for a, b in zip(names, names[1:])]
    documents.append(entity("pool", component("ThreadPool", "pool", initial_size=0)))
    stats = tmp_path / "stats.json"
    documents.append(scheduler_entity("multi_thread", stats, worker_thread_number=1,
                                      strict_job_thread_pinning=strict))
    (run,) = run_graph_text(graph(*documents), timeout=30, stats=str(stats))
    assert "error" not in run, run
    assert run["counts"] == {name: 5000 for name in names}
