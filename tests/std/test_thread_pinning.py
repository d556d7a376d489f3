# SPDX-License-Identifier: Apache-2.0
"""Entities with CPUThread(pin_entity: true) run only on their own ThreadPool worker thread."""

import json

import pytest

from graph_builder import PARALLEL, component, entity, graph, python_codelet, scheduler_entity


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
