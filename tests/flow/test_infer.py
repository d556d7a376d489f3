# SPDX-License-Identifier: Apache-2.0
"""Flow.infer: a buffer's frames run as one batch; with output_tensor_meta each frame's outputs
arrive in its FrameMeta.tensor_items (pyservicemaker's shape) and the buffer passes unchanged;
without, the buffer carries the output. Outputs equal onnxruntime's own run (rtol 1e-5)."""

import numpy as np
import pytest

from flow_objects import TensorCollector, TensorFrameProvider
from gxf.flow import Flow, FlowError, Pipeline

RTOL, ATOL = 1e-5, 1e-6


@pytest.fixture
def models():
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    from gxf.testing import onnx_models

    return onnx_models


def images(count):
    return np.random.default_rng(3).normal(size=(count, 3, 8, 8)).astype(np.float32)


def test_output_tensor_meta_per_frame_and_buffer_unchanged(models, tmp_path):
    model = models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = images(8)
    collector = TensorCollector()
    Flow(Pipeline("p")).inject([TensorFrameProvider(frames)]).batch(4) \
        .infer(model, output_tensor_meta=True).retrieve(collector)()
    expected = models.run_directly(model, {"images": frames})
    assert [len(buffer) for buffer in collector.tensors] == [4, 4]
    np.testing.assert_array_equal(np.stack([t for b in collector.tensors for t in b]), frames)
    layers = [frame for buffer in collector.layers for frame in buffer]
    assert [sorted(frame) for frame in layers] == [["logits", "probabilities"]] * 8
    for name in ("logits", "probabilities"):
        np.testing.assert_allclose(np.stack([frame[name] for frame in layers]), expected[name],
                                   RTOL, ATOL)


def test_without_tensor_meta_the_buffer_carries_the_output(models, tmp_path):
    model = models.conv_relu_gemm(tmp_path / "model.onnx")
    frames = images(3)
    collector = TensorCollector()
    Flow(Pipeline("p")).inject([TensorFrameProvider(frames)]) \
        .infer(model, backend="onnxruntime", output_tensor_names=["logits"]) \
        .retrieve(collector)()
    expected = models.run_directly(model, {"images": frames})["logits"]
    np.testing.assert_allclose(np.stack([b[0] for b in collector.tensors]), expected, RTOL, ATOL)


def test_missing_model_fails_when_the_flow_is_built(tmp_path):
    pytest.importorskip("onnxruntime")
    with pytest.raises(ValueError, match="model_file_path '.*missing.onnx' does not exist"):
        Flow(Pipeline("p")).inject([TensorFrameProvider(images(1))]) \
            .infer(str(tmp_path / "missing.onnx"))


def test_unknown_option_and_backend_are_refused(tmp_path):
    flow = Flow(Pipeline("p")).inject([TensorFrameProvider(images(1))])
    with pytest.raises(TypeError, match="unknown option"):
        flow.infer("model.onnx", batch_size=4)
    with pytest.raises(ValueError, match="unknown inference backend 'tflite'"):
        flow.infer("model.onnx", backend="tflite")


def test_several_outputs_need_tensor_meta_or_a_choice(models, tmp_path):
    model = models.conv_relu_gemm(tmp_path / "model.onnx")
    with pytest.raises(FlowError, match="choose it with output_tensor_names"):
        Flow(Pipeline("p")).inject([TensorFrameProvider(images(1))]).infer(model) \
            .retrieve(TensorCollector())()


def test_wrong_frame_shape_names_the_stage_and_expected_shape(models, tmp_path):
    model = models.conv_relu_gemm(tmp_path / "model.onnx")
    bad = np.zeros((1, 3, 9, 8), np.float32)
    with pytest.raises(FlowError, match=r"one frame of shape \(3, 8, 8\)"):
        Flow(Pipeline("p")).inject([TensorFrameProvider(bad)]) \
            .infer(model, output_tensor_names=["logits"]).retrieve(TensorCollector())()
