# SPDX-License-Identifier: Apache-2.0
"""AsyncBuffer queues: the producer never waits, the consumer reads the latest message."""

GRAPH = """
name: tx
components:
- name: signal
  type: nvidia::gxf::AsyncBufferTransmitter
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: signal, min_size: 0}
- type: nvidia::gxf::PingTxAsync
  parameters: {signal: signal, sleep_time_us: 0}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 3}
---
name: rx
components:
- name: signal
  type: nvidia::gxf::AsyncBufferReceiver
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: signal}
- type: nvidia::gxf::PingRxAsync
  parameters: {signal: signal, sleep_time_us: 0}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 8}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: tx/signal, target: rx/signal}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 2000}
"""


def test_consumer_rereads_the_latest_message_without_consuming_it(run_graph, tmp_path):
    graph = tmp_path / "async.yaml"
    graph.write_text(GRAPH)
    run = run_graph([str(graph)])
    assert run.returncode == 0, run.output
    assert run.count("Message Sent:") == 3
    # rx ticks 8 times; after the producer stops it keeps seeing message 3
    assert run.count("Retrieved: 3") == 6
    assert run.count("Retrieved:") == 8
    assert "Data integrity" not in run.output and "went backwards" not in run.output
