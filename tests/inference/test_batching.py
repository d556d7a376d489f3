# SPDX-License-Identifier: Apache-2.0
"""Batcher on a NumPy model: frames stacked and split back, relaxed shapes reshaped, and a
signature checked once still rejects a wrong one afterwards with the tensor's name and the
shape expected."""

import numpy as np
import pytest

from gxf.inference.batching import Batcher
from gxf.inference.errors import InferenceError
from gxf.inference.model import Binding, Model


class RowSums(Model):
    """x [N, 3, 4] float32 -> y [N, 3]: the sum of each row."""

    def __init__(self):
        super().__init__("row_sums.onnx", [Binding("x", (None, 3, 4), np.float32)],
                         [Binding("y", (None, 3), np.float32)])

    def run(self, feeds):
        """y = x summed over its last axis."""
        return {"y": feeds["x"].sum(axis=2)}


def run(batcher, arrays):
    """Each array a message: the outputs 'sums' per message."""
    blocks = [batcher.block([array]) for array in arrays]
    return [outputs["sums"] for group in batcher.batches(blocks)
            for outputs in batcher.run(group)]


def test_frames_are_stacked_and_split_and_a_later_wrong_shape_is_still_named():
    batcher = Batcher(RowSums(), ["images"], ["sums"], max_batch_size=4)
    frames = [np.random.default_rng(i).random((3, 4), dtype=np.float32) for i in range(6)]
    for _ in range(2):  # the second pass meets the signatures checked in the first
        got = run(batcher, frames)
        np.testing.assert_allclose(np.stack(got), np.stack(frames).sum(axis=2), rtol=1e-6)
    batch = np.stack(frames[:2])  # rank equal to the model's: a batch, fed as it is
    np.testing.assert_allclose(run(batcher, [batch])[0], batch.sum(axis=2), rtol=1e-6)
    relaxed = frames[0].reshape(1, 3, 4, 1)  # extents of 1 dropped: one frame
    np.testing.assert_allclose(run(batcher, [relaxed])[0], frames[0].sum(axis=1), rtol=1e-6)
    with pytest.raises(InferenceError, match=r"'images' has shape \(3, 5\).*\(\?, 3, 4\)"):
        batcher.block([np.zeros((3, 5), np.float32)])
    with pytest.raises(InferenceError, match=r"'images' has dtype float64.*float32"):
        batcher.block([np.zeros((3, 4))])
    np.testing.assert_allclose(run(batcher, frames[:1])[0], frames[0].sum(axis=1), rtol=1e-6)
