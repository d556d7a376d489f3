# SPDX-License-Identifier: Apache-2.0
"""The inference codelets' C++ host path (gxf/inference/host_frames.cpp): host frames are
stacked, run and split without the Python runner's tick; a tick holding anything else is the
runner's; outputs are views of pooled blocks that outlive the graph; errors of the path name
the model output and what was expected."""

import numpy as np
import pytest

from graph_api_codelets import Collector, run_onnx_graph
from test_onnxruntime_inference import assert_located_error

RTOL, ATOL = 1e-5, 1e-6  # float32 through the same runtime: only summation order may differ


class ViewCollector(Collector):
    """Keeps a NumPy view (no copy) of each 'logits': its memory must outlive the graph."""

    keep = staticmethod(np.asarray)


@pytest.fixture
def runner_ticks(monkeypatch):
    """The number of ticks done by the Python runner (InferenceRunner.tick), counted."""
    from gxf.inference.runner import InferenceRunner

    ticks = []
    tick = InferenceRunner.tick

    def counted(self):
        ticks.append(1)
        return tick(self)

    monkeypatch.setattr(InferenceRunner, "tick", counted)
    return ticks


def run_python_graph(model, frames, max_batch_size):
    """source -> OnnxRuntimeInference -> ViewCollector in this process; the views kept."""
    return run_onnx_graph(model, frames, ViewCollector, max_batch_size, capacity=8)


@pytest.mark.parametrize("max_batch_size", [1, 4])
def test_host_frames_never_enter_the_python_tick(onnx_models, tmp_path, runner_ticks,
                                                 max_batch_size):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = np.random.default_rng(3).normal(size=(9, 3, 8, 8)).astype(np.float32)
    results = run_python_graph(model, frames, max_batch_size)
    assert runner_ticks == []
    expected = onnx_models.run_directly(model, {"images": frames})["logits"]
    # The views read the pooled output blocks after the graph is gone.
    assert [result.shape for result in results] == [(10,)] * len(frames)
    np.testing.assert_allclose(np.stack(results), expected, RTOL, ATOL)


def test_a_tick_mixing_frames_and_a_batch_is_the_runners(onnx_models, tmp_path, runner_ticks):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = list(np.random.default_rng(4).normal(size=(6, 3, 8, 8)).astype(np.float32))
    frames[3] = frames[3][None]  # a batch of one beside the frame f2 in the tick [f2, b3]
    results = run_onnx_graph(model, frames, ViewCollector, 2, capacity=8, min_messages=2)
    assert runner_ticks, "the tick holding a frame and a batch was not left to the runner"
    expected = onnx_models.run_directly(
        model, {"images": np.stack([np.reshape(f, (3, 8, 8)) for f in frames])})["logits"]
    assert [r.shape for r in results] == [(10,)] * 3 + [(1, 10)] + [(10,)] * 2
    np.testing.assert_allclose(np.stack([np.reshape(r, (10,)) for r in results]), expected,
                               RTOL, ATOL)


def test_batches_are_fed_as_they_are_on_the_host_path(onnx_models, tmp_path, runner_ticks):
    """Messages holding batches (a batched buffer: the model's rank) are the host path's too:
    two batches of 2 share a run of max_batch_size 4; a batch of 5 is fed alone, as it is;
    each message gets its own rows back, with the batch dimension."""
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    rows = [2, 2, 5, 1]
    images = np.random.default_rng(8).normal(size=(sum(rows), 3, 8, 8)).astype(np.float32)
    batches = np.split(images, np.cumsum(rows)[:-1])
    results = run_onnx_graph(model, batches, ViewCollector, 4, capacity=8, min_messages=2)
    assert runner_ticks == []
    assert [r.shape for r in results] == [(n, 10) for n in rows]
    expected = onnx_models.run_directly(model, {"images": images})["logits"]
    np.testing.assert_allclose(np.concatenate(results), expected, RTOL, ATOL)


def test_frames_of_different_dynamic_shapes_in_one_tick(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx", size=None)
    images = np.random.default_rng(5).normal(size=(4, 3, 6, 6)).astype(np.float32)
    # Same-shaped frames are stacked by the host path; the result must equal the runtime's.
    result = run_inference({"images": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["pooled"], "max_batch_size": 4}, per_tick=4, rx_min=4)
    assert result.returncode == 0, result.output
    expected = onnx_models.run_directly(model, {"images": images})["pooled"]
    np.testing.assert_allclose(np.stack([m["pooled"] for m in result.messages]), expected,
                               RTOL, ATOL)


def test_output_without_a_batch_dimension_is_named(onnx_models, tmp_path, run_inference):
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("ReduceSum", ["values"], ["total"], keepdims=0)], "reduce_all",
        [helper.make_tensor_value_info("values", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("total", TensorProto.FLOAT, [])])
    model = onnx_models._save(graph, tmp_path / "reduce.onnx")
    values = np.ones((2, 4), np.float32)
    result = run_inference({"values": values}, {
        "model_file_path": model, "input_tensor_names": ["values"],
        "output_tensor_names": ["total"], "max_batch_size": 2}, per_tick=2, rx_min=2)
    assert_located_error(result, "model output 'total'", "no leading batch dimension of 2")


def test_scalar_frames_of_a_vector_input(onnx_models, tmp_path, runner_ticks):
    """A model input of shape [N] takes 0-d frames: each is one element (Shape::size() says 0
    for rank 0, which once made the stacking copy nothing)."""
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("Mul", ["images", "two"], ["logits"])], "double",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, ["N"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N"])],
        [helper.make_tensor("two", TensorProto.FLOAT, [], [2.0])])
    model = onnx_models._save(graph, tmp_path / "double.onnx")
    frames = [np.array(value, np.float32) for value in (1.5, -2.0, 3.25, 8.0, 0.5, 6.0)]
    results = run_onnx_graph(model, frames, ViewCollector, 4, capacity=8, min_messages=2)
    assert runner_ticks == []
    assert [result.shape for result in results] == [()] * len(frames)
    np.testing.assert_array_equal(np.stack(results), 2 * np.stack(frames))


@pytest.mark.parametrize("frame_shape", [(3, 8, 8), (3, 8, 8, 1)], ids=["host path", "runner"])
def test_a_tick_takes_no_more_frames_than_downstream_has_room_for(onnx_models, tmp_path,
                                                                  run_inference, frame_shape):
    """Eight frames queued at once, max_batch_size 8, but a sink receiver of capacity 2 behind
    a DownstreamReceptive term of min_size 1 (GXF's usual wiring): a tick takes at most the
    room downstream, so every frame's output arrives and none is dropped. (3, 8, 8, 1) frames
    fit only the runner's relaxed check: the Python tick obeys the same limit."""
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    images = np.random.default_rng(9).normal(size=(8, 3, 8, 8)).astype(np.float32)
    result = run_inference({"images": images.reshape((8,) + frame_shape)}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "max_batch_size": 8}, per_tick=8, sink_capacity=2)
    assert result.returncode == 0, result.output
    assert "dropped" not in result.output
    expected = onnx_models.run_directly(model, {"images": images})["logits"]
    np.testing.assert_allclose(np.stack([m["logits"] for m in result.messages]), expected,
                               RTOL, ATOL)


def test_runtime_outputs_that_are_not_c_contiguous_are_split_right(onnx_models, tmp_path,
                                                                    monkeypatch):
    """The host path calls the runtime's own run function; outputs it returns in another
    layout (here Fortran order) are made C-contiguous, not run again through run_host."""
    from gxf.inference.onnxruntime_model import OnnxRuntimeModel
    from gxf.inference.runner import InferenceRunner

    calls, fallbacks = [], []
    host_call = OnnxRuntimeModel.host_call
    run_host = InferenceRunner.run_host

    def counted_run_host(self, arrays):
        fallbacks.append(1)
        return run_host(self, arrays)

    def fortran_host_call(self):
        run = host_call(self)

        def call(names, feeds):
            calls.append(1)
            return [np.asfortranarray(output) for output in run(names, feeds)]

        return call

    monkeypatch.setattr(OnnxRuntimeModel, "host_call", fortran_host_call)
    monkeypatch.setattr(InferenceRunner, "run_host", counted_run_host)
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = list(np.random.default_rng(11).normal(size=(8, 3, 8, 8)).astype(np.float32))
    results = run_python_graph(model, frames, max_batch_size=4)
    expected = onnx_models.run_directly(model, {"images": np.stack(frames)})["logits"]
    np.testing.assert_allclose(np.stack(results), expected, rtol=RTOL, atol=ATOL)
    assert calls and fallbacks == []  # every run through host_call, none run again


def test_megabytes_of_frames_are_stacked_by_several_threads_right(onnx_models, tmp_path,
                                                                   runner_ticks):
    """Batches of 6 frames of 3x160x160 float32 (1.8 MB a batch: over ParallelCopy's threshold,
    cut into 256 KB chunks that do not fall on frame boundaries) give the runtime's outputs."""
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx", size=(160, 160))
    frames = np.random.default_rng(7).normal(size=(12, 3, 160, 160)).astype(np.float32)
    results = run_onnx_graph(model, frames, ViewCollector, 6, capacity=12, min_messages=6)
    assert runner_ticks == []
    expected = onnx_models.run_directly(model, {"images": frames})["logits"]
    np.testing.assert_allclose(np.stack(results), expected, RTOL, ATOL)


def test_two_inference_chains_stack_megabytes_at_once(onnx_models, tmp_path, runner_ticks):
    """Two source -> OnnxRuntimeInference -> sink chains on a MultiThreadScheduler of two
    workers: both inference codelets stack 1.8 MB batches at the same time (one gets
    ParallelCopy's helpers, the other copies alone); every frame's outputs arrive, twice."""
    import gxf.std as std
    from gxf.core import Graph
    from gxf.inference import OnnxRuntimeInference
    from gxf.python_codelet import PyComputeEntity
    from gxf.std import ComputeEntity, MultiThreadScheduler, RealtimeClock
    from graph_api_codelets import FRAMES, RESULTS, FrameSource

    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx", size=(160, 160))
    frames = np.random.default_rng(8).normal(size=(24, 3, 160, 160)).astype(np.float32)
    FRAMES[:] = list(frames)
    RESULTS.clear()
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, MultiThreadScheduler(clock=clock, worker_thread_number=2,
                                              max_duration_ms=60000, stop_on_deadlock=True))
    for chain in ("a", "b"):
        source = g.add(PyComputeEntity(f"source_{chain}", count=len(FRAMES)))
        source.add_codelet("codelet", FrameSource(), tx_capacity=12)
        inference = g.add(ComputeEntity(f"infer_{chain}", count=-1)).add_codelet(
            OnnxRuntimeInference(name="inference", model_file_path=model,
                                 input_tensor_names=["images"], output_tensor_names=["logits"],
                                 max_batch_size=6), rx_capacity=12, tx_capacity=12,
            min_message_available=6)
        sink = g.add(PyComputeEntity(f"sink_{chain}", count=-1))
        sink.add_codelet("codelet", ViewCollector(), rx_capacity=12)
        std.connect(source.out, inference.rx[0])
        std.connect(inference.tx, sink.in_)
    g.load_extensions()
    g.run()
    g.destroy()
    assert runner_ticks == []
    assert len(RESULTS) == 2 * len(frames)
    expected = onnx_models.run_directly(model, {"images": frames})["logits"]
    # Each sink gets its chain's frames in order; the two chains interleave in RESULTS.
    matches = [int(np.argmin(np.abs(expected - result).max(axis=1))) for result in RESULTS]
    assert sorted(matches) == sorted(list(range(len(frames))) * 2)
    for result, index in zip(RESULTS, matches):
        np.testing.assert_allclose(result, expected[index], RTOL, ATOL)
