# SPDX-License-Identifier: Apache-2.0
"""OrSchedulingTermCombiner: an entity ticks when any listed term allows it."""

import json

import pytest

from graph_builder import (SCHEDULERS, component, connection, entity, graph, python_codelet,
                           scheduler_entity, transmitter)


def or_graph(kind, codelet_file, out_dir):
    """Two sources (10 and 7 messages) feed one sink that ticks when either input has one."""
    sources = [entity(f"tx{i}", *transmitter(),
                      python_codelet("SequenceTx", codelet_file, base=1000 * i),
                      component("CountSchedulingTerm", count=count))
               for i, count in enumerate((10, 7))]
    sink = entity("rx",
                  component("DoubleBufferReceiver", "in0", capacity=1),
                  component("DoubleBufferReceiver", "in1", capacity=1),
                  component("MessageAvailableSchedulingTerm", "has0", receiver="in0"),
                  component("MessageAvailableSchedulingTerm", "has1", receiver="in1"),
                  component("OrSchedulingTermCombiner", terms=["has0", "has1"]),
                  python_codelet("TickCounter", codelet_file, out=str(out_dir / "ticks")),
                  python_codelet("SequenceRxAny", codelet_file, receivers=["in0", "in1"],
                                 out=str(out_dir / "rx")))
    return graph(*sources, sink, connection("tx0/out", "rx/in0"), connection("tx1/out", "rx/in1"),
                 scheduler_entity(kind))


@pytest.mark.parametrize("kind", sorted(SCHEDULERS))
def test_sink_ticks_whenever_either_input_has_a_message(run_graph_text, tmp_path, codelet_file, kind):
    (run,) = run_graph_text(or_graph(kind, codelet_file("sequence.py"), tmp_path), timeout=30)
    assert "error" not in run, run
    received = json.loads((tmp_path / "rx").read_text())
    assert sorted(received) == list(range(10)) + list(range(1000, 1007))
    ticks = json.loads((tmp_path / "ticks").read_text())
    assert 10 <= len(ticks) <= 17
