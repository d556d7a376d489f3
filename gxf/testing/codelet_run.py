# SPDX-License-Identifier: Apache-2.0
"""Run one codelet alone: the harness feeds its inputs and collects its outputs.

The harness writes a small graph around the codelet (a feeding entity per input, a
collecting entity per output, a greedy scheduler) and runs it with gxf.testing.run_graph, so
the codelet runs exactly as in a real graph.
"""

import inspect
import os
import tempfile

import yaml

from gxf.testing import registry
from gxf.testing.graph_run import run_graph
from gxf.testing.messages import Message

__all__ = ["run_codelet", "CodeletRun"]

_CODELETS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "codelets.py")
_UNDER_TEST = "under_test"


class CodeletRun:
    """Outcome of run_codelet: `outputs` {port: [Message]}, `ticks` of the codelet, and the
    underlying GraphRun as `graph_run`."""

    def __init__(self, outputs, ticks, graph_run):
        self.outputs = outputs
        self.ticks = ticks
        self.graph_run = graph_run


def _codelet_component(codelet, params):
    """The component entry of the codelet under test: a native type name, or a Python
    CodeletAdapter class run by PyCodeletV0."""
    if isinstance(codelet, str):
        return {"name": "codelet", "type": codelet, "parameters": dict(params or {})}, None
    if not inspect.isclass(codelet):
        raise TypeError("codelet must be a CodeletAdapter subclass or a native type name, "
                        f"got {codelet!r}")
    name = registry.register_codelet(codelet)
    parameters = {"codelet_name": name, "codelet_file": _CODELETS_FILE}
    if params:
        parameters["codelet_params"] = dict(params)
    return {"name": "codelet", "type": "nvidia::gxf::PyCodeletV0", "parameters": parameters}, name


def _queue(kind, name, capacity):
    return {"name": name, "type": f"nvidia::gxf::DoubleBuffer{kind}",
            "parameters": {"capacity": capacity, "policy": 2}}


def _python_entity(name, codelet, params, queue, terms):
    return {"name": name, "components": [queue] + terms + [{
        "name": "codelet", "type": "nvidia::gxf::PyCodeletV0",
        "parameters": {"codelet_name": codelet, "codelet_file": _CODELETS_FILE,
                       "codelet_params": params}}]}


def _graph(codelet_entry, inputs, outputs, ticks, capacity):
    """The harness graph as YAML documents, and the registry keys of the output lists."""
    under_test = [codelet_entry]
    documents, sinks, keys = [], {}, []
    for port, items in inputs.items():
        key = registry.register_messages([Message.of(item) for item in items])
        keys.append(key)
        under_test += [_queue("Receiver", port, max(1, len(items))),
                       {"type": "nvidia::gxf::MessageAvailableSchedulingTerm",
                        "parameters": {"receiver": port, "min_size": 1}}]
        documents.append(_python_entity(
            f"feed_{port}", "Feed", {"transmitter": "out", "key": key},
            _queue("Transmitter", "out", 1),
            [{"type": "nvidia::gxf::CountSchedulingTerm", "parameters": {"count": len(items)}},
             {"type": "nvidia::gxf::DownstreamReceptiveSchedulingTerm",
              "parameters": {"transmitter": "out", "min_size": 1}}]))
        documents.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
            "source": f"feed_{port}/out", "target": f"{_UNDER_TEST}/{port}"}}]})
    if ticks is not None or not inputs:
        under_test.append({"type": "nvidia::gxf::CountSchedulingTerm",
                           "parameters": {"count": 1 if ticks is None else ticks}})
    for port in outputs:
        sinks[port] = []
        key = registry.register_messages(sinks[port])
        keys.append(key)
        under_test.append(_queue("Transmitter", port, capacity))
        documents.append(_python_entity(
            f"collect_{port}", "Collect", {"receiver": "in", "key": key},
            _queue("Receiver", "in", capacity),
            [{"type": "nvidia::gxf::MessageAvailableSchedulingTerm",
              "parameters": {"receiver": "in", "min_size": 1}}]))
        documents.append({"components": [{"type": "nvidia::gxf::Connection", "parameters": {
            "source": f"{_UNDER_TEST}/{port}", "target": f"collect_{port}/in"}}]})
    documents.insert(0, {"name": _UNDER_TEST, "components": under_test})
    documents.append({"name": "scheduler", "components": [
        {"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
        {"type": "nvidia::gxf::GreedyScheduler",
         "parameters": {"clock": "clock", "stop_on_deadlock": True}}]})
    return documents, sinks, keys


def run_codelet(codelet, inputs=None, outputs=(), params=None, ticks=None, timeout=30.0,
                manifest=None, capacity=64):
    """Run `codelet` (a CodeletAdapter subclass, or a native codelet's type name) alone.

    inputs: {receiver name: [message, ...]}, each message a Message, {tensor name: array},
    an array or None (empty); the codelet ticks once per complete set of inputs.
    outputs: transmitter names whose messages are collected. params: the codelet's
    parameters (codelet_params for Python codelets; they name the ports, as in a graph).
    ticks: tick count when there are no inputs (default 1). Returns a CodeletRun."""
    inputs = dict(inputs or {})
    entry, class_key = _codelet_component(codelet, params)
    documents, sinks, keys = _graph(entry, inputs, list(outputs), ticks, capacity)
    if class_key:
        keys.append(class_key)
    try:
        with tempfile.TemporaryDirectory(prefix="gxf-testing-") as folder:
            path = os.path.join(folder, "harness.yaml")
            with open(path, "w", encoding="utf-8") as stream:
                yaml.safe_dump_all(documents, stream, sort_keys=False)
            graph_run = run_graph(path, manifest=manifest, timeout=timeout)
        return CodeletRun({port: list(items) for port, items in sinks.items()},
                          graph_run.ticks_of(f"{_UNDER_TEST}/codelet"), graph_run)
    finally:
        registry.release(keys)
