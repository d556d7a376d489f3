# SPDX-License-Identifier: Apache-2.0
"""Builds graph YAML for the scheduler tests: entities, components, connections, schedulers."""

import yaml

# Scheduler settings the tests run every graph under. The MultiThreadScheduler polls waiting
# entities; a recession period of 0 makes it poll continuously, as GXF's benchmarks do.
SCHEDULERS = {
    "greedy": ("nvidia::gxf::GreedyScheduler", {}),
    "multi_thread": ("nvidia::gxf::MultiThreadScheduler",
                     {"worker_thread_number": 2, "check_recession_period_ms": 0}),
    "event_based": ("nvidia::gxf::EventBasedScheduler", {"worker_thread_number": 2}),
}
PARALLEL = ["multi_thread", "event_based"]


def component(type_name, name=None, **parameters):
    """One component entry."""
    entry = {"type": type_name if "::" in type_name else f"nvidia::gxf::{type_name}"}
    if name:
        entry["name"] = name
    if parameters:
        entry["parameters"] = parameters
    return entry


def entity(name, *components):
    """One entity document."""
    document = {"components": list(components)}
    if name:
        document["name"] = name
    return document


def transmitter(name="out", capacity=1, policy=2, receptive=True):
    """A DoubleBufferTransmitter with back-pressure (DownstreamReceptive) by default."""
    parts = [component("DoubleBufferTransmitter", name, capacity=capacity, policy=policy)]
    if receptive:
        parts.append(component("DownstreamReceptiveSchedulingTerm", transmitter=name, min_size=1))
    return parts


def receiver(name="in", capacity=1, policy=2, gate=True):
    """A DoubleBufferReceiver, gated by MessageAvailable by default."""
    parts = [component("DoubleBufferReceiver", name, capacity=capacity, policy=policy)]
    if gate:
        parts.append(component("MessageAvailableSchedulingTerm", receiver=name, min_size=1))
    return parts


def connection(source, target):
    """An unnamed entity holding one Connection."""
    return entity(None, component("Connection", source=source, target=target))


def chain(count, *stages, prefix=""):
    """Documents of {prefix}tx (PingTx, `count` messages) -> {prefix}stage<i> (each of
    `stages`, a codelet between "in" and "out") -> {prefix}rx (PingRx), capacity-1 queues."""
    names = [f"{prefix}tx"] + [f"{prefix}stage{i}" for i in range(len(stages))] + [f"{prefix}rx"]
    documents = [entity(names[0], *transmitter(), component("PingTx", signal="out"),
                        component("CountSchedulingTerm", count=count))]
    for name, stage in zip(names[1:-1], stages):
        documents.append(entity(name, *receiver(), *transmitter(), stage))
    documents.append(entity(names[-1], *receiver(), component("PingRx", signal="in")))
    documents += [connection(f"{a}/out", f"{b}/in") for a, b in zip(names, names[1:])]
    return documents


def python_codelet(class_name, file_name, **params):
    """A PyCodeletV0 running `class_name` from `file_name` with codelet_params."""
    return component("PyCodeletV0", codelet_name=class_name, codelet_file=file_name,
                     codelet_params=params)


def scheduler_entity(kind, stats_path=None, **overrides):
    """The scheduler entity: a RealtimeClock, the scheduler of `kind`, optional JobStatistics."""
    type_name, defaults = SCHEDULERS[kind]
    parameters = {"clock": "clock", "max_duration_ms": 60000, **defaults, **overrides}
    parameters = {key: value for key, value in parameters.items() if value is not None}
    parts = [component("RealtimeClock", "clock"), component(type_name, "scheduler", **parameters)]
    if stats_path:
        parts.append(component("JobStatistics", clock="clock", json_file_path=str(stats_path)))
    return entity("scheduler", *parts)


def graph(*documents):
    """YAML text of a graph file made of the given documents."""
    return "%YAML 1.2\n" + yaml.safe_dump_all(documents, explicit_start=True, sort_keys=False)
