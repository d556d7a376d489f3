# SPDX-License-Identifier: Apache-2.0
"""Graph-building helpers of the standard extension: connect queues, set the clock and the
scheduler, enable job statistics (GXF's gxf.std standard methods)."""

import random
import string

from gxf.core import Component, Entity, Graph

__all__ = ["connect", "set_clock", "set_scheduler", "enable_job_statistics"]

GXF_NAME_EXTRA_LENGTH = 7


def _generate_name(base_name, extra_length=GXF_NAME_EXTRA_LENGTH):
    """`base_name` plus '_' and random lowercase letters (GXF's naming of helper entities)."""
    return f"{base_name}_{''.join(random.choices(string.ascii_lowercase, k=extra_length))}"


def _system_entity(graph, attribute):
    entity = getattr(graph, attribute)
    if entity is None:
        entity = graph.add(Entity(attribute))
    return entity


def connect(src: Component, target: Component, graph: Graph = None):
    """Connect a transmitter to a receiver through a Connection in a new entity of `graph`
    (default: the graph holding both)."""
    from gxf.std import Connection

    for role, component in (("source", src), ("target", target)):
        if not isinstance(component, Component) or not component.added_to_graph():
            raise ValueError(f"connect: {role} {component!r} is not a component of a graph")
    if graph is None:
        if src.entity.graph is not target.entity.graph:
            raise ValueError(f"connect: {src!r} and {target!r} are in different graphs; "
                             "pass the graph to put the connection in")
        graph = src.entity.graph
    entity = graph.add(Entity(_generate_name("_connection")))
    entity.add(Connection(name="", source=src, target=target))


def set_clock(g: Graph, clock: Component) -> Component:
    """Add a clock to the graph's `_system` entity; returns it."""
    return _system_entity(g, "_system").add(clock)


def set_scheduler(g: Graph, sch: Component) -> Component:
    """Add a scheduler to the graph's `_scheduler` entity; returns it."""
    return _system_entity(g, "_scheduler").add(sch)


def enable_job_statistics(g: Graph, name: str = "__job_stats", **kwargs) -> Component:
    """Add a JobStatistics component (parameters as keywords) to the `_system` entity."""
    from gxf.std import JobStatistics

    return _system_entity(g, "_system").add(JobStatistics(name, **kwargs))
