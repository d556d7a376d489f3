# SPDX-License-Identifier: Apache-2.0
"""Topic routes every transmitter of a topic name to every receiver of that name."""

import os

TOPIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "topic.yaml")


def test_topic_delivers_to_every_receiver_of_the_name(run_graph):
    """Both receivers get all four pings (receiver_b's topic is named by its component)."""
    run = run_graph([TOPIC])
    assert run.returncode == 0, run.output
    assert run.count("Message Received") == 8


def test_topic_with_another_name_is_not_routed(run_graph):
    """A receiver on another topic name gets nothing, so its StepCount fails."""
    run = run_graph([TOPIC], params=["receiver_a/nvidia::gxf::Topic/topic_name=other"])
    assert run.returncode == 1
    assert "entity 'receiver_a', component 'step_count'" in run.output
