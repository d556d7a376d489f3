# SPDX-License-Identifier: Apache-2.0
"""Graph file pieces as YAML documents (dicts), for tests and benches that write graphs."""

__all__ = ["queue_components"]


def queue_components(role, capacity=1):
    """Components of an input (`role` "in": a receiver named 'in' gated by a message-available
    term) or an output (`role` "out": a transmitter named 'out' back-pressured by a
    downstream-receptive term), each of `capacity` messages."""
    if role == "in":
        return [{"name": "in", "type": "nvidia::gxf::DoubleBufferReceiver",
                 "parameters": {"capacity": capacity}},
                {"type": "nvidia::gxf::MessageAvailableSchedulingTerm",
                 "parameters": {"receiver": "in", "min_size": 1}}]
    if role == "out":
        return [{"name": "out", "type": "nvidia::gxf::DoubleBufferTransmitter",
                 "parameters": {"capacity": capacity}},
                {"type": "nvidia::gxf::DownstreamReceptiveSchedulingTerm",
                 "parameters": {"transmitter": "out", "min_size": 1}}]
    raise ValueError(f"role must be 'in' or 'out', not {role!r}")
