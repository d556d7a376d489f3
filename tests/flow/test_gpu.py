# SPDX-License-Identifier: Apache-2.0
"""Device tensors through inject -> map -> retrieve stay on the GPU: gxf.flow counts every
device-to-host copy it makes, and this chain makes none (render to a file makes one a frame,
which shows the counter counts). Marked `gpu`; skipped cleanly without CuPy or a GPU.

    python -m pytest -q -m gpu tests/flow/test_gpu.py
"""

import numpy as np
import pytest

from gxf.flow import (BatchMetadataOperator, Buffer, BufferProvider, BufferRetriever, Flow,
                      Pipeline, Probe, TensorOutput, UserMeta, as_tensor, host_copies)

pytestmark = pytest.mark.gpu


@pytest.fixture(scope="module")
def cupy():
    """CuPy with a usable device, or a clean skip."""
    cupy = pytest.importorskip("cupy")
    try:
        if cupy.cuda.runtime.getDeviceCount() < 1:
            pytest.skip("no CUDA device")
    except Exception as error:  # noqa: BLE001 - any CUDA failure means no usable GPU
        pytest.skip(f"CUDA unavailable: {error}")
    return cupy


class DeviceFrames(BufferProvider):
    """`count` 1080p RGB frames in device memory (frame i filled with i), then Buffer()."""

    def __init__(self, cupy, count):
        super().__init__()
        self.cupy, self.count, self.sent = cupy, count, 0

    def generate(self, size):
        if self.sent == self.count:
            return Buffer()
        frame = self.cupy.full((1080, 1920, 3), self.sent, dtype=self.cupy.uint8)
        self.sent += 1
        return as_tensor(frame, "HWC").wrap()


class Scores(BatchMetadataOperator):
    """A device tensor output per frame (C++ metadata holds it without a copy)."""

    def __init__(self, cupy):
        self.cupy = cupy

    def handle_metadata(self, batch_meta):
        for frame in batch_meta.frame_items:
            scores = self.cupy.full((4,), frame.frame_num, dtype=self.cupy.float32)
            frame.append(UserMeta(TensorOutput({"scores": as_tensor(scores, "W")})))


def test_device_frames_make_no_host_copy(cupy):
    seen = []

    class OnDevice(BufferRetriever):
        def consume(self, buffer):
            tensor = buffer.extract(0)
            layer = buffer.batch_meta.frame_items[0].tensor_items[0] \
                .as_tensor_output().get_layers()["scores"]
            seen.append((tensor.on_host, layer.on_host,
                         int(cupy.from_dlpack(tensor)[0, 0, 0]),
                         float(cupy.from_dlpack(layer)[0])))
            return 1

    def plus_one(buffer):
        return as_tensor(cupy.from_dlpack(buffer.extract(0)) + 1, "HWC").wrap()

    before = host_copies()
    Flow(Pipeline("gpu", scheduler="multi_thread", workers=2)) \
        .inject([DeviceFrames(cupy, 5)]).attach(Probe("scores", Scores(cupy))) \
        .map(plus_one).retrieve(OnDevice())()
    assert host_copies() == before
    assert seen == [(False, False, i + 1, float(i)) for i in range(5)]


def test_render_to_file_counts_its_host_copies(cupy, tmp_path):
    before = host_copies()
    path = tmp_path / "frames.raw"
    Flow(Pipeline("gpu")).inject([DeviceFrames(cupy, 3)]).render("file", path=str(path))()
    assert host_copies() - before == 3
    data = np.fromfile(path, dtype=np.uint8).reshape(3, -1)
    assert [int(row[0]) for row in data] == [0, 1, 2]
