# SPDX-License-Identifier: Apache-2.0
"""nvidia::gxf::OnnxRuntimeInference in YAML graphs run by gxe.py: outputs equal onnxruntime's
own run of the same file (rtol 1e-5, atol 1e-6: batching may reorder float sums), frames
stacked into batches and split back, tensors fed as they are, name mapping both ways, pools,
timestamps, and every user mistake reported with its location and no traceback."""

import numpy as np
import pytest

RTOL, ATOL = 1e-5, 1e-6


def frames(count, shape=(3, 8, 8), seed=1, dtype=np.float32):
    """`count` random frames."""
    return np.random.default_rng(seed).normal(size=(count, *shape)).astype(dtype)


def assert_ok(result, messages):
    assert result.returncode == 0, result.output
    assert len(result.messages) == messages, result.output


def test_frames_one_per_run_equal_the_runtime(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    images = frames(5)
    result = run_inference({"images": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits", "probabilities"]})
    assert_ok(result, 5)
    for index, message in enumerate(result.messages):
        expected = onnx_models.run_directly(model, {"images": images[index:index + 1]})
        # A frame [3, 8, 8] gets its outputs without the batch dimension.
        assert message["logits"].shape == (10,)
        np.testing.assert_allclose(message["logits"], expected["logits"][0], RTOL, ATOL)
        np.testing.assert_allclose(message["probabilities"], expected["probabilities"][0],
                                   RTOL, ATOL)
        assert message["_acqtime"] == 1000 + index  # the input's acquisition time
        # Without a pool the outputs are in system (pageable) memory, not copied into a pool.
        assert message["_storage"] == ["kSystem", "kSystem"]


def test_frames_are_stacked_into_batches_and_split_back(onnx_models, tmp_path, run_inference):
    # A model whose batch extent is fixed at 4 runs only when 4 frames were stacked.
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx", batch=4)
    images = frames(8)
    result = run_inference({"images": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "max_batch_size": 4}, per_tick=4, rx_min=4)
    assert_ok(result, 8)
    expected = np.concatenate([onnx_models.run_directly(model, {"images": images[i:i + 4]})
                               ["logits"] for i in (0, 4)])
    got = np.stack([message["logits"] for message in result.messages])
    np.testing.assert_allclose(got, expected, RTOL, ATOL)
    assert [message["_acqtime"] for message in result.messages] == list(range(1000, 1008))


def test_dynamic_batch_takes_what_is_queued_up_to_max_batch_size(onnx_models, tmp_path,
                                                                 run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    images = frames(7)
    result = run_inference({"images": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "max_batch_size": 3}, per_tick=7)
    assert_ok(result, 7)
    expected = onnx_models.run_directly(model, {"images": images})["logits"]
    np.testing.assert_allclose(np.stack([m["logits"] for m in result.messages]), expected,
                               RTOL, ATOL)


def test_tensor_of_the_model_rank_is_fed_as_it_is(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    batches = frames(3, shape=(2, 3, 8, 8))
    result = run_inference({"images": batches}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "max_batch_size": 4})
    assert_ok(result, 3)
    for batch, message in zip(batches, result.messages):
        assert message["logits"].shape == (2, 10)
        np.testing.assert_allclose(message["logits"],
                                   onnx_models.run_directly(model, {"images": batch})["logits"],
                                   RTOL, ATOL)


def test_dynamic_spatial_shapes(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx", size=None)
    images = frames(2, shape=(3, 5, 7))
    result = run_inference({"images": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["pooled"]})
    assert_ok(result, 2)
    for image, message in zip(images, result.messages):
        np.testing.assert_allclose(message["pooled"], onnx_models.run_directly(
            model, {"images": image[None]})["pooled"][0], RTOL, ATOL)


def test_one_input_takes_the_only_tensor_by_position(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    images = frames(2)
    result = run_inference({"camera": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["scores"], "output_binding_names": ["logits"]})
    assert_ok(result, 2)
    assert sorted(result.messages[0]) == ["_acqtime", "_storage", "scores"]
    np.testing.assert_allclose(result.messages[1]["scores"], onnx_models.run_directly(
        model, {"images": images[1:]})["logits"][0], RTOL, ATOL)


def test_several_inputs_map_by_name(onnx_models, tmp_path, run_inference):
    model = onnx_models.two_inputs(tmp_path / "model.onnx")
    left, right = frames(3, shape=(4,), seed=2), frames(3, shape=(4,), seed=3)
    # left feeds b and right feeds a: difference = right - left.
    result = run_inference({"left": left, "right": right}, {
        "model_file_path": model, "input_tensor_names": ["left", "right"],
        "input_binding_names": ["b", "a"], "output_tensor_names": ["d", "p"],
        "output_binding_names": ["difference", "product"], "max_batch_size": 2}, per_tick=3)
    assert_ok(result, 3)
    for index, message in enumerate(result.messages):
        np.testing.assert_allclose(message["d"], right[index] - left[index], RTOL, ATOL)
        np.testing.assert_allclose(message["p"], right[index] * left[index], RTOL, ATOL)


@pytest.mark.parametrize("pool", ["nvidia::gxf::UnboundedAllocator",
                                  "nvidia::gxf::BlockMemoryPool"])
def test_outputs_allocated_from_the_pool(onnx_models, tmp_path, run_inference, pool):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    images = frames(3)
    parameters = ({"storage_type": 0, "block_size": 1024, "num_blocks": 4}
                  if pool.endswith("BlockMemoryPool") else {})
    result = run_inference({"images": images}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "pool": "pool"},
        extra=[{"name": "pool", "type": pool, "parameters": parameters}])
    assert_ok(result, 3)
    assert {m["_storage"][0] for m in result.messages} == {"kHost"}
    expected = onnx_models.run_directly(model, {"images": images})["logits"]
    np.testing.assert_allclose(np.stack([m["logits"] for m in result.messages]), expected,
                               RTOL, ATOL)


# -- mistakes: each names the graph file, entity and component, says what was expected, and
#    prints no traceback.

def assert_located_error(result, *texts):
    assert result.returncode != 0, result.output
    assert "infer" in result.output and "inference" in result.output, result.output
    assert "graph.yaml" in result.output, result.output
    for text in texts:
        assert text in result.output, result.output
    assert "Traceback" not in result.output, result.output


def test_missing_model_file(onnx_models, tmp_path, run_inference):
    result = run_inference({"images": frames(1)}, {
        "model_file_path": "no_such_model.onnx", "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]})
    assert_located_error(result, "model_file_path 'no_such_model.onnx' does not exist")


def test_model_file_that_is_not_onnx(onnx_models, tmp_path, run_inference):
    bad = tmp_path / "model.onnx"
    bad.write_text("not a model")
    result = run_inference({"images": frames(1)}, {
        "model_file_path": str(bad), "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]})
    assert_located_error(result, "ONNX Runtime cannot load it")


def test_wrong_input_tensor_name(onnx_models, tmp_path, run_inference):
    model = onnx_models.two_inputs(tmp_path / "model.onnx")
    result = run_inference({"a": frames(1, (4,)), "b": frames(1, (4,))}, {
        "model_file_path": model, "input_tensor_names": ["a", "bee"],
        "output_tensor_names": ["d", "p"]})
    assert_located_error(result, "input tensor 'bee' (for model input 'b') is not in the "
                                 "message", "'a'")


def test_cuda_stream_id_naming_no_stream(onnx_models, tmp_path, run_inference):
    """A received CudaStreamId must name a CudaStream: the host path says which component it
    names instead."""
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    result = run_inference({"images": frames(2)}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]}, bad_stream_id=True)
    assert_located_error(result, "CudaStreamId of received message", "which is no CudaStream")


def test_wrong_binding_name(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    result = run_inference({"images": frames(1)}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["x"], "output_binding_names": ["logit"]})
    assert_located_error(result, "has no output 'logit'", "['logits', 'probabilities']")


def test_names_and_bindings_of_different_counts(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    result = run_inference({"images": frames(1)}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["x", "y"], "output_binding_names": ["logits"]})
    assert_located_error(result, "2 output_tensor_names", "expected one binding per tensor")


def test_shape_mismatch_names_tensor_and_expected_shape(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    result = run_inference({"images": frames(1, (3, 9, 8))}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]})
    assert_located_error(result, "input tensor 'images' has shape (3, 9, 8)",
                         "a batch of shape (?, 3, 8, 8) or one frame of shape (3, 8, 8)")


def test_rank_mismatch(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    result = run_inference({"images": frames(1, (8, 8))}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "relaxed_dimension_check": False})
    assert_located_error(result, "input tensor 'images' has rank 2",
                         "expects rank 4 (a batch of shape (?, 3, 8, 8)) or 3")


def test_dtype_mismatch(onnx_models, tmp_path, run_inference):
    model = onnx_models.conv_relu_gemm(tmp_path / "model.onnx")
    result = run_inference({"images": frames(1, dtype=np.float64)}, {
        "model_file_path": model, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]})
    assert_located_error(result, "input tensor 'images' has dtype float64",
                         "model input 'images'", "expects float32")


def test_relaxed_dimension_check_adds_extents_of_one(onnx_models, tmp_path, run_inference):
    model = onnx_models.two_inputs(tmp_path / "model.onnx")
    a, b = frames(1, (1, 4, 1), seed=4), frames(1, (4,), seed=5)
    result = run_inference({"a": a, "b": b}, {
        "model_file_path": model, "input_tensor_names": ["a", "b"],
        "output_tensor_names": ["d", "p"]})
    assert_ok(result, 1)
    np.testing.assert_allclose(result.messages[0]["d"], a[0].reshape(4) - b[0], RTOL, ATOL)


def test_missing_runtime_fails_at_initialize(tmp_path, run_inference):
    from gxf.inference.backends import available

    missing = next((name for name in ("tensorrt", "torch") if not available(name)), None)
    if missing is None:
        pytest.skip("TensorRT and torch are both installed")
    component = {"tensorrt": "TensorRtInference", "torch": "TorchInference"}[missing]
    model = tmp_path / "model.bin"
    model.write_bytes(b"")
    result = run_inference({"images": frames(1)}, {
        "model_file_path": str(model), "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]}, component=f"nvidia::gxf::{component}")
    assert_located_error(result, f"nvidia::gxf::{component} needs the Python package",
                         "which are not installed")
    assert "initialize" in result.output
