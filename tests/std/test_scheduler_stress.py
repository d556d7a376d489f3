# SPDX-License-Identifier: Apache-2.0
"""Stress: 8 independent chains of 4 native entities, 20,000 messages each, run 20 times under
each parallel scheduler. Every message must arrive and every run must end by itself."""

import pytest

from graph_builder import (PARALLEL, component, connection, entity, graph, receiver,
                           scheduler_entity, transmitter)

CHAINS = 8
MESSAGES = 20_000
REPEAT = 20


def chain_graph(kind, stats_path):
    """PingTx -> Forward -> Forward -> PingRx, CHAINS times, lock-step queues of capacity 1."""
    documents = []
    for chain in range(CHAINS):
        names = [f"tx{chain}", f"fa{chain}", f"fb{chain}", f"rx{chain}"]
        documents.append(entity(names[0], *transmitter(),
                                component("PingTx", signal="out"),
                                component("CountSchedulingTerm", count=MESSAGES)))
        for name in names[1:3]:
            documents.append(entity(name, *receiver(), *transmitter(),
                                    component("Forward", **{"in": "in", "out": "out"})))
        documents.append(entity(names[3], *receiver(), component("PingRx", signal="in")))
        documents += [connection(f"{a}/out", f"{b}/in") for a, b in zip(names, names[1:])]
    documents.append(scheduler_entity(kind, stats_path, max_duration_ms=None))
    return graph(*documents)


@pytest.mark.parametrize("kind", PARALLEL)
def test_chains_deliver_every_message_in_every_repetition(run_graph_text, tmp_path, kind):
    stats = tmp_path / "stats.json"
    runs = run_graph_text(chain_graph(kind, stats), timeout=120, repeat=REPEAT, stats=str(stats))
    assert len(runs) == REPEAT
    for run in runs:
        assert "error" not in run, run
        assert set(run["counts"]) == {f"{p}{c}" for p in ("tx", "fa", "fb", "rx")
                                      for c in range(CHAINS)}
        assert set(run["counts"].values()) == {MESSAGES}
        assert run["threads_after_wait"] == []
