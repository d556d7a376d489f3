# SPDX-License-Identifier: Apache-2.0
"""The same graphs under the Greedy, MultiThread and EventBased schedulers deliver the same
messages, in the same order on every connection."""

import json

import pytest

from graph_builder import (SCHEDULERS, component, connection, entity, graph, python_codelet,
                           receiver, scheduler_entity, transmitter)

COUNT = 40


def sequence_tx(name, codelet_file, count=COUNT, base=0, extra=()):
    """A numbering source entity ticking `count` times."""
    return entity(name, *transmitter(),
                  python_codelet("SequenceTx", codelet_file, base=base),
                  component("CountSchedulingTerm", count=count), *extra)


def sequence_rx(name, codelet_file, out, capacity=1):
    """A recording sink entity."""
    return entity(name, *receiver(capacity=capacity),
                  python_codelet("SequenceRx", codelet_file, out=str(out)))


def ping_graph(kind, codelet_file, out_dir):
    """tx -> rx."""
    return graph(sequence_tx("tx", codelet_file), sequence_rx("rx", codelet_file, out_dir / "rx"),
                 connection("tx/out", "rx/in"), scheduler_entity(kind))


def broadcast_graph(kind, codelet_file, out_dir):
    """tx -> Broadcast -> rx0, rx1, rx2."""
    hub = entity("hub", *receiver(), component("Broadcast", source="in"),
                 *[part for i in range(3) for part in transmitter(f"out{i}")])
    sinks = [sequence_rx(f"rx{i}", codelet_file, out_dir / f"rx{i}") for i in range(3)]
    links = [connection(f"hub/out{i}", f"rx{i}/in") for i in range(3)]
    return graph(sequence_tx("tx", codelet_file), hub, *sinks, connection("tx/out", "hub/in"),
                 *links, scheduler_entity(kind))


def gather_graph(kind, codelet_file, out_dir):
    """tx0, tx1, tx2 -> Gather -> rx (numbers 0.., 1000.., 2000..)."""
    sources = [sequence_tx(f"tx{i}", codelet_file, base=1000 * i) for i in range(3)]
    inputs = [component("DoubleBufferReceiver", f"in{i}", capacity=1) for i in range(3)]
    hub = entity("hub", *inputs,
                 component("MultiMessageAvailableSchedulingTerm",
                           receivers=[f"in{i}" for i in range(3)], min_size=1),
                 component("DoubleBufferTransmitter", "out", capacity=3),
                 component("DownstreamReceptiveSchedulingTerm", transmitter="out", min_size=3),
                 component("Gather", sink="out"))
    links = [connection(f"tx{i}/out", f"hub/in{i}") for i in range(3)]
    return graph(*sources, hub, sequence_rx("rx", codelet_file, out_dir / "rx", capacity=3),
                 *links, connection("hub/out", "rx/in"), scheduler_entity(kind))


def periodic_graph(kind, codelet_file, out_dir):
    """A 2 ms periodic tx -> rx."""
    tx = sequence_tx("tx", codelet_file, count=20,
                     extra=[component("PeriodicSchedulingTerm", recess_period="2ms")])
    return graph(tx, sequence_rx("rx", codelet_file, out_dir / "rx"),
                 connection("tx/out", "rx/in"), scheduler_entity(kind))


def split_by_source(values):
    """Per-source subsequences of gathered numbers (source = value // 1000)."""
    sources = {}
    for value in values:
        sources.setdefault(value // 1000, []).append(value)
    return sources


GRAPHS = {
    "ping": (ping_graph, ["rx"], lambda records: {"rx": records["rx"]},
             {"rx": list(range(COUNT))}),
    "broadcast": (broadcast_graph, ["rx0", "rx1", "rx2"], lambda records: records,
                  {f"rx{i}": list(range(COUNT)) for i in range(3)}),
    "gather": (gather_graph, ["rx"], lambda records: split_by_source(records["rx"]),
               {i: list(range(1000 * i, 1000 * i + COUNT)) for i in range(3)}),
    "periodic": (periodic_graph, ["rx"], lambda records: records, {"rx": list(range(20))}),
}


def run_and_record(run_graph_text, tmp_path, name, kind, codelet_file):
    """Run graph `name` under scheduler `kind`; returns its per-connection view."""
    build, sinks, view, _ = GRAPHS[name]
    out_dir = tmp_path / kind
    out_dir.mkdir()
    (result,) = run_graph_text(build(kind, codelet_file("sequence.py"), out_dir), timeout=60)
    assert "error" not in result, result
    records = {sink: json.loads((out_dir / sink).read_text()) for sink in sinks}
    return view(records)


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_every_scheduler_delivers_the_same_messages_in_order(run_graph_text, tmp_path, codelet_file,
                                                              name):
    views = {kind: run_and_record(run_graph_text, tmp_path, name, kind, codelet_file)
             for kind in SCHEDULERS}
    expected = {str(key): value for key, value in GRAPHS[name][3].items()}
    for kind, view in views.items():
        assert {str(key): value for key, value in view.items()} == expected, kind
