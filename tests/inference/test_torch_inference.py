# SPDX-License-Identifier: Apache-2.0
"""nvidia::gxf::TorchInference in YAML graphs run by gxe.py (skipped without torch): a
torch.export program and a TorchScript module, outputs equal calling the module (rtol 1e-4,
atol 1e-5: the model may run on a GPU), frames batched and split back."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from torch_models import classifier, save_exported, save_scripted  # noqa: E402

RTOL, ATOL = 1e-4, 1e-5


def frames(count, shape=(3, 8, 8)):
    return np.random.default_rng(11).normal(size=(count, *shape)).astype(np.float32)


def reference(model, batch):
    with torch.inference_mode():
        return model(torch.from_numpy(batch)).numpy()


def test_exported_program_frames_batched_equal_the_module(tmp_path, run_inference):
    model = classifier()
    path = save_exported(model, tmp_path / "model.pt2")
    images = frames(6)
    result = run_inference({"images": images}, {
        "model_file_path": path, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "max_batch_size": 3},
        component="nvidia::gxf::TorchInference", per_tick=6)
    assert result.returncode == 0, result.output
    assert len(result.messages) == 6
    got = np.stack([m["logits"] for m in result.messages])
    np.testing.assert_allclose(got, reference(model, images), RTOL, ATOL)


def test_torchscript_module_runs_each_tensor_as_it_is(tmp_path, run_inference):
    # TorchScript declares no shapes, so nothing is stacked: each message holds a batch.
    model = classifier()
    path = save_scripted(model, tmp_path / "model.ts")
    batches = frames(3, shape=(2, 3, 8, 8))
    result = run_inference({"images": batches}, {
        "model_file_path": path, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"], "max_batch_size": 3},
        component="nvidia::gxf::TorchInference", per_tick=3)
    assert result.returncode == 0, result.output
    for batch, message in zip(batches, result.messages):
        np.testing.assert_allclose(message["logits"], reference(model, batch), RTOL, ATOL)


def test_exported_program_batch_fed_as_it_is(tmp_path, run_inference):
    model = classifier()
    path = save_exported(model, tmp_path / "model.pt2")
    batches = frames(2, shape=(4, 3, 8, 8))
    result = run_inference({"images": batches}, {
        "model_file_path": path, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]}, component="nvidia::gxf::TorchInference")
    assert result.returncode == 0, result.output
    for batch, message in zip(batches, result.messages):
        np.testing.assert_allclose(message["logits"], reference(model, batch), RTOL, ATOL)


def test_torch_shape_mismatch_is_located(tmp_path, run_inference):
    path = save_exported(classifier(), tmp_path / "model.pt2")
    result = run_inference({"images": frames(1, shape=(3, 9, 8))}, {
        "model_file_path": path, "input_tensor_names": ["images"],
        "output_tensor_names": ["logits"]}, component="nvidia::gxf::TorchInference")
    assert result.returncode != 0
    assert "input tensor 'images' has shape (3, 9, 8)" in result.output, result.output
    assert "Traceback" not in result.output
