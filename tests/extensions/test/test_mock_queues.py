# SPDX-License-Identifier: Apache-2.0
"""test::MockReceiver / MockTransmitter: single-stage queues that must end empty."""

import os

MOCK_QUEUES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs",
                           "mock_queues.yaml")


def test_mock_receiver_with_unread_messages_fails_deactivation(run_graph):
    """Three pings nobody reads: MockReceiver's deinitialize reports them and fails."""
    run = run_graph([MOCK_QUEUES])
    assert run.returncode == 1
    assert "[rx/signal] Unreceived Entities: 3" in run.output
    assert "GxfGraphDeactivate Error: GXF_FAILURE" in run.output


def test_mock_receiver_ignores_unread_messages_when_asked(run_graph):
    """ignore_unreceived_entities turns the leftover messages into a warning only."""
    run = run_graph([MOCK_QUEUES], params=["rx/signal/ignore_unreceived_entities=true"])
    assert run.returncode == 0, run.output
    assert "[rx/signal] Unreceived Entities: 3" in run.output


def test_mock_transmitter_counts_what_the_router_took(run_graph):
    """Every published message leaves the MockTransmitter, so it ends empty."""
    run = run_graph([MOCK_QUEUES], params=["rx/signal/ignore_unreceived_entities=true"])
    assert "[tx/signal] Entities Published: 3" in run.output
    assert "Unpublished Entities" not in run.output


def test_mock_receiver_capacity_refuses_extra_messages(run_graph):
    """max_capacity 2: the third delivery is dropped, so two messages are left over."""
    run = run_graph([MOCK_QUEUES], params=["rx/signal/max_capacity=2"])
    assert run.returncode == 1
    assert "[rx/signal] Unreceived Entities: 2" in run.output


def test_unbounded_mock_queues_are_receptive(run_graph):
    """Default max_capacity is the largest size_t: a DownstreamReceptive term in front of it
    sees room (not a negative count), and all three pings tick through."""
    run = run_graph([MOCK_QUEUES.replace("mock_queues.yaml", "mock_queues_unbounded.yaml")])
    assert run.returncode == 0, run.output
