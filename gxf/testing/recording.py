# SPDX-License-Identifier: Apache-2.0
"""Record the messages of one edge of a graph to a GXF recording, and replay a recording as
a source entity in a graph."""

import os
import tempfile

import yaml

from gxf.testing import registry
from gxf.testing.codelet_run import _CODELETS_FILE
from gxf.testing.entity_file import read_entities
from gxf.testing.graph_run import run_graph

__all__ = ["record_edge", "replayer_entity", "read_entities"]


def record_edge(app, transmitter, path, manifest=None, timeout=30.0, params=(), capacity=1024):
    """Run graph `app` with a tap on `transmitter` ('entity/component') and write every message
    it published to the recording `path` (.gxf_entities + .gxf_index). Returns the GraphRun;
    its messages are `read_entities(path)`."""
    sink = []
    key = registry.register_messages(sink)
    tap = [{"name": "gxf_testing_recorder", "components": [
        {"name": "in", "type": "nvidia::gxf::DoubleBufferReceiver",
         "parameters": {"capacity": capacity, "policy": 2}},
        {"type": "nvidia::gxf::MessageAvailableSchedulingTerm",
         "parameters": {"receiver": "in", "min_size": 1}},
        {"name": "recorder", "type": "nvidia::gxf::PyCodeletV0", "parameters": {
            "codelet_name": "Recorder", "codelet_file": _CODELETS_FILE,
            "codelet_params": {"receiver": "in", "key": key, "path": os.fspath(path)}}}]},
        {"components": [{"type": "nvidia::gxf::Connection", "parameters": {
            "source": transmitter, "target": "gxf_testing_recorder/in"}}]}]
    apps = [app] if isinstance(app, (str, os.PathLike)) else list(app)
    try:
        with tempfile.TemporaryDirectory(prefix="gxf-testing-") as folder:
            tap_path = os.path.join(folder, "recorder.yaml")
            with open(tap_path, "w", encoding="utf-8") as stream:
                yaml.safe_dump_all(tap, stream, sort_keys=False)
            return run_graph(apps + [tap_path], manifest=manifest, timeout=timeout,
                             params=params)
    finally:
        registry.release([key])


def replayer_entity(name, path, transmitter="out", capacity=1):
    """A graph document (a dict; yaml.safe_dump it into a graph file) for an entity that
    publishes the messages of recording `path` on its transmitter, one per tick, then stops."""
    return {"name": name, "components": [
        {"name": transmitter, "type": "nvidia::gxf::DoubleBufferTransmitter",
         "parameters": {"capacity": capacity}},
        {"type": "nvidia::gxf::DownstreamReceptiveSchedulingTerm",
         "parameters": {"transmitter": transmitter, "min_size": 1}},
        {"name": "more", "type": "nvidia::gxf::BooleanSchedulingTerm"},
        {"name": "replayer", "type": "nvidia::gxf::PyCodeletV0", "parameters": {
            "codelet_name": "Replayer", "codelet_file": _CODELETS_FILE,
            "codelet_params": {"transmitter": transmitter, "path": os.fspath(path),
                               "stop_term": "more"}}}]}
