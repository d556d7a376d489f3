# SPDX-License-Identifier: Apache-2.0
"""Fixtures of the inference tests: graphs of TensorSource -> an inference component ->
TensorSink written as YAML and run by gxe.py. Tests needing a runtime skip where it is not
installed (onnx and onnxruntime are in the test extra)."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

MANIFEST = """
extensions:
- gxf/std/libgxf_std.so
- gxf/cuda/libgxf_cuda.so
- gxf/python_codelet/libgxf_python_codelet.so
- gxf/inference/libgxf_inference.so
"""


def _queue_entity(name, components, rx=True, tx=True, rx_min=1, capacity=32):
    """An entity's document: an 'in' receiver and/or 'out' transmitter with their terms."""
    queues = []
    if rx:
        queues += [{"name": "in", "type": "nvidia::gxf::DoubleBufferReceiver",
                    "parameters": {"capacity": capacity}},
                   {"name": "mast", "type": "nvidia::gxf::MessageAvailableSchedulingTerm",
                    "parameters": {"receiver": "in", "min_size": rx_min}}]
    if tx:
        queues += [{"name": "out", "type": "nvidia::gxf::DoubleBufferTransmitter",
                    "parameters": {"capacity": capacity}},
                   {"name": "drst", "type": "nvidia::gxf::DownstreamReceptiveSchedulingTerm",
                    "parameters": {"transmitter": "out", "min_size": 1}}]
    return {"name": name, "components": queues + components}


def inference_graph(tmp_path, inputs, inference, component="nvidia::gxf::OnnxRuntimeInference",
                    per_tick=1, rx_min=1, extra=(), sink_capacity=32, bad_stream_id=False):
    """Graph text: 'source' publishes the rows of `inputs` ({tensor name: array [messages,
    ...]}), `per_tick` messages a tick; 'infer' runs `component` with the parameters
    `inference` (rx/tx added); 'sink' (receiver of `sink_capacity`) saves the outputs to
    tmp_path/out.npz. `bad_stream_id`: the source's messages carry a CudaStreamId naming no
    stream."""
    files = {}
    for name, array in inputs.items():
        files[name] = str(tmp_path / f"input_{name}.npy")
        np.save(files[name], array)
    messages = len(next(iter(inputs.values())))
    codelets = os.path.join(HERE, "codelets.py")
    source = _queue_entity("source", [
        {"name": "codelet", "type": "nvidia::gxf::PyCodeletV0",
         "parameters": {"codelet_name": "TensorSource", "codelet_file": codelets,
                        "codelet_params": {"tensors": files, "per_tick": per_tick,
                                           "bad_stream_id": bad_stream_id}}},
        {"name": "count", "type": "nvidia::gxf::CountSchedulingTerm",
         "parameters": {"count": -(-messages // per_tick)}}], rx=False)
    infer = _queue_entity("infer", list(extra) + [
        {"name": "inference", "type": component,
         "parameters": dict({"rx": ["in"], "tx": "out"}, **inference)}], rx_min=rx_min)
    sink = _queue_entity("sink", [
        {"name": "codelet", "type": "nvidia::gxf::PyCodeletV0",
         "parameters": {"codelet_name": "TensorSink", "codelet_file": codelets,
                        "codelet_params": {"output": str(tmp_path / "out.npz")}}}], tx=False,
        capacity=sink_capacity)
    connections = {"components": [
        {"type": "nvidia::gxf::Connection", "parameters": {"source": "source/out",
                                                           "target": "infer/in"}},
        {"type": "nvidia::gxf::Connection", "parameters": {"source": "infer/out",
                                                           "target": "sink/in"}}]}
    scheduler = {"components": [
        {"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
        {"type": "nvidia::gxf::GreedyScheduler",
         "parameters": {"clock": "clock", "stop_on_deadlock": True, "max_duration_ms": 60000}}]}
    return yaml.safe_dump_all([source, infer, sink, connections, scheduler], sort_keys=False)


class GraphResult:
    """What a graph run gave: exit code, output, and the sink's tensors per message."""

    def __init__(self, process, tmp_path):
        self.returncode = process.returncode
        self.output = process.stdout + process.stderr
        self.messages = []
        out = tmp_path / "out.npz"
        if out.exists():
            arrays = np.load(out)
            info = json.loads((tmp_path / "out.npz.json").read_text())
            for index, entry in enumerate(info):
                self.messages.append(dict(
                    {name: arrays[f"{name}_{index}"] for name in entry["names"]},
                    _acqtime=entry["acqtime"], _storage=entry["storage"]))


@pytest.fixture
def run_inference(tmp_path):
    """Callable(inputs, inference, **options) -> GraphResult: writes the graph and runs it
    with gxe.py in a child process (hard timeout)."""

    def run(inputs, inference, timeout=120, **options):
        graph = tmp_path / "graph.yaml"
        graph.write_text(inference_graph(tmp_path, inputs, inference, **options),
                         encoding="utf-8")
        manifest = tmp_path / "manifest.yaml"
        manifest.write_text(MANIFEST, encoding="utf-8")
        command = [sys.executable, "-m", "gxf.gxe", "--app", str(graph), "--manifest",
                   str(manifest), "--severity", "2"]
        try:
            process = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                     cwd=tmp_path)
        except subprocess.TimeoutExpired as error:
            pytest.fail(f"graph did not finish within {timeout} s:\n{error.stdout}\n"
                        f"{error.stderr}")
        result = GraphResult(process, tmp_path)
        result.graph = str(graph)
        return result

    return run


@pytest.fixture
def onnx_models(tmp_path):
    """The onnx_models module, with onnx and onnxruntime required (skip otherwise)."""
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    from gxf.testing import onnx_models as models

    return models
