# SPDX-License-Identifier: Apache-2.0
"""The inference components from the Python graph API: OnnxRuntimeInference in a Graph built
in Python, wired by ComputeEntity.add_codelet, run in this process."""

import numpy as np
import pytest

import gxf.core as core
import gxf.std as std
from gxf.core import Graph, error_report
from gxf.std import ComputeEntity, GreedyScheduler, RealtimeClock
from graph_api_codelets import Collector, run_onnx_graph


class HostCollector(Collector):
    """Keeps a NumPy copy of each 'logits'."""

    keep = staticmethod(np.array)


def test_onnx_runtime_inference_in_a_python_graph(onnx_models, tmp_path):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = list(np.random.default_rng(7).normal(size=(4, 3, 8, 8)).astype(np.float32))
    results = run_onnx_graph(model, frames, HostCollector, max_batch_size=4)
    expected = onnx_models.run_directly(model, {"images": np.stack(frames)})["logits"]
    assert len(results) == len(frames)
    np.testing.assert_allclose(np.stack(results), expected, rtol=1e-5, atol=1e-6)


def test_components_are_in_the_registry_with_their_parameters():
    from gxf.core.registry import library_types

    types = library_types("libgxf_inference.so")
    shared = {"rx", "tx", "pool", "cuda_stream_pool", "model_file_path", "input_tensor_names",
              "input_binding_names", "output_tensor_names", "output_binding_names",
              "max_batch_size", "engine_file_path", "force_engine_update", "max_workspace_size",
              "dla_core", "enable_fp16_", "relaxed_dimension_check", "verbose", "clock"}
    for name in ("OnnxRuntimeInference", "TensorRtInference", "TorchInference"):
        info = types[f"nvidia::gxf::{name}"]
        assert shared <= set(info["parameters"]), name
        assert info["base_typename"] == "nvidia::gxf::Codelet"


def test_missing_model_file_in_a_python_graph_raises_with_location(tmp_path):
    from gxf.core.errors import GxfError
    from gxf.inference import OnnxRuntimeInference

    pytest.importorskip("onnxruntime")
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=5000, clock=clock))
    g.add(ComputeEntity("infer", count=1)).add_codelet(OnnxRuntimeInference(
        name="inference", model_file_path=str(tmp_path / "missing.onnx"),
        input_tensor_names=["images"], output_tensor_names=["logits"]))
    g.load_extensions()
    with pytest.raises(SystemExit) as caught:  # GXF's exception handler ends the run
        g.run()
    error = caught.value.__cause__
    assert isinstance(error, GxfError)
    assert "missing.onnx' does not exist" in error_report(error)
    assert "entity 'infer', component 'inference'" in error_report(error)
    assert "initialize() failed" in error_report(error)
    core.context_destroy(g.context)


class LockProbe(Collector):
    """Keeps how many holds of the Python codelet call lock its own tick has."""

    @staticmethod
    def keep(tensor):
        from gxf.python_codelet._python_codelet import _codelet_lock_holds

        return _codelet_lock_holds()


def test_the_runtime_runs_outside_the_codelet_call_lock(onnx_models, tmp_path, monkeypatch):
    """While session.run works (GIL released), other Python codelets may tick: the inference
    component leaves the process-wide call lock around it, and holds it again after."""
    import onnxruntime

    from gxf.python_codelet._python_codelet import _codelet_lock_holds

    holds_in_run = []
    run = onnxruntime.InferenceSession.run

    def probed(self, *args, **kwargs):
        holds_in_run.append(_codelet_lock_holds())
        return run(self, *args, **kwargs)

    monkeypatch.setattr(onnxruntime.InferenceSession, "run", probed)
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = list(np.random.default_rng(3).normal(size=(4, 3, 8, 8)).astype(np.float32))
    holds_in_ticks = run_onnx_graph(model, frames, LockProbe, max_batch_size=2)
    assert holds_in_ticks == [1, 1, 1, 1]  # a Python codelet's tick holds it once
    assert len(holds_in_run) >= 2 and set(holds_in_run) == {0}, holds_in_run
