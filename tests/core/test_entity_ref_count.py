# SPDX-License-Identifier: Apache-2.0
"""Entity reference counts as GXF reports them: 1 for a loaded entity, 2 for a codelet entity
while the graph is activated (the executor holds one), 1 again after deactivation."""

from gxf import core

GRAPH = """
name: tx
components:
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- {type: nvidia::gxf::PingTx, parameters: {signal: out}}
- {type: nvidia::gxf::CountSchedulingTerm, parameters: {count: 3}}
---
name: rx
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- {type: nvidia::gxf::MessageAvailableSchedulingTerm, parameters: {receiver: in, min_size: 1}}
- {type: nvidia::gxf::PingRx, parameters: {signal: in}}
---
name: plain
components:
- {name: clock, type: nvidia::gxf::RealtimeClock}
- {type: nvidia::gxf::GreedyScheduler, parameters: {clock: clock, stop_on_deadlock: true}}
---
components:
- {type: nvidia::gxf::Connection, parameters: {source: tx/out, target: rx/in}}
"""


def test_activation_holds_one_reference_to_each_codelet_entity(context, tmp_path):
    graph = tmp_path / "graph.yaml"
    graph.write_text(GRAPH)
    core.graph_load_file(context, str(graph))
    rx, plain = core.entity_find(context, "rx"), core.entity_find(context, "plain")
    assert core.entity_get_ref_count(context, rx) == 1
    core.graph_activate(context)
    assert core.entity_get_ref_count(context, rx) == 2
    assert core.entity_get_ref_count(context, plain) == 1  # no codelet: not executed
    core.graph_run(context)
    core.graph_deactivate(context)
    assert core.entity_get_ref_count(context, rx) == 1
