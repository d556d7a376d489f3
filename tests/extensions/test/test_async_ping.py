# SPDX-License-Identifier: Apache-2.0
"""test::AsyncPingTx / test::AsyncPingRx: one message per asynchronous event."""

import os

GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs")
ASYNC_TX = os.path.join(GRAPHS, "async_ping_tx.yaml")
ASYNC_RX = os.path.join(GRAPHS, "async_ping_rx.yaml")


def test_async_ping_tx_sends_count_messages_then_retires(run_graph):
    """20 events, 20 messages; the term's EVENT_NEVER ends the sender, the deadlock the run."""
    run = run_graph([ASYNC_TX], timeout=30)
    assert run.returncode == 0, run.output[-2000:]


def test_async_ping_tx_step_count_control_fails(run_graph):
    """The same run with one tick too many expected fails at deactivation."""
    run = run_graph([ASYNC_TX], params=["tx/step_count/expected_count=21"], timeout=30)
    assert run.returncode == 1


def test_async_ping_rx_takes_one_message_per_event(run_graph):
    """The receiver's ticks are paced by its events and it receives all 20 messages."""
    run = run_graph([ASYNC_RX], timeout=30)
    assert run.returncode == 0, run.output[-2000:]


def test_async_ping_rx_step_count_control_fails(run_graph):
    """The same run with one tick too many expected fails at deactivation."""
    run = run_graph([ASYNC_RX], params=["rx/step_count/expected_count=21"], timeout=30)
    assert run.returncode == 1
