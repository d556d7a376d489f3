# SPDX-License-Identifier: Apache-2.0
"""capture / batch_capture decode clips the tests write with PyAV itself; a missing file ends
the pipeline naming the stage and the file."""

import importlib.util
import threading
from pathlib import Path

import numpy as np
import pytest

from flow_objects import Collector
from gxf.flow import BufferRetriever, Flow, FlowError, Pipeline

av = pytest.importorskip("av")

_spec = importlib.util.spec_from_file_location(
    "flow_capture_example", Path(__file__).resolve().parents[2] / "examples" / "flow_capture.py")
_example = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_example)
write_clip = _example.write_clip


def write_image(path, value=77, width=8, height=6):
    """A PNG image written by PyAV, every pixel `value`."""
    with av.open(str(path), "w", format="image2") as container:
        stream = container.add_stream("png")
        stream.width, stream.height, stream.pix_fmt = width, height, "rgb24"
        image = np.full((height, width, 3), value, np.uint8)
        for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
            container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return str(path)


@pytest.mark.parametrize("scheduler", ["greedy", "multi_thread"])
def test_capture_video_frames_in_order(tmp_path, scheduler):
    clip = write_clip(str(tmp_path / "clip.mp4"), frames=6)
    collector = Collector()
    Flow(Pipeline("p", scheduler=scheduler, workers=2)).capture([clip]).retrieve(collector)()
    assert [frame_num for _, frame_num, _ in collector.items] == list(range(6))
    # MPEG-4 is lossy: frame i was a flat 20 * i, allow the codec's error
    assert all(abs(value - 20 * i) <= 6 for i, (value, _, _) in enumerate(collector.items))


def test_capture_image(tmp_path):
    image = write_image(tmp_path / "frame.png")
    shapes = []

    class Shapes(BufferRetriever):
        def consume(self, buffer):
            tensor = buffer.extract(0)
            shapes.append((tensor.shape, tensor.layout, int(tensor.numpy()[0, 0, 0])))
            return 1

    Flow(Pipeline("p")).capture([image]).retrieve(Shapes())()
    assert shapes == [((6, 8, 3), "HWC", 77)]


def test_batch_capture_two_files(tmp_path):
    clips = [write_clip(str(tmp_path / f"clip{i}.mp4"), frames=3) for i in range(2)]
    batches = []

    class Keep(BufferRetriever):
        def consume(self, buffer):
            batches.append(sorted((f.source_id, f.frame_num) for f in buffer.batch_meta.frame_items))
            return buffer.batch_size

    Flow(Pipeline("p")).batch_capture(clips).retrieve(Keep())()
    assert batches == [[(0, n), (1, n)] for n in range(3)]


@pytest.mark.parametrize("scheduler", ["greedy", "multi_thread", "event_based"])
def test_capture_missing_file_names_stage_and_file(tmp_path, scheduler):
    threads = threading.active_count()
    missing = str(tmp_path / "nope.mp4")
    pipeline = Pipeline("p", scheduler=scheduler, workers=2)
    Flow(pipeline).capture([missing]).render()
    with pytest.raises(FlowError, match=r"Flow stage 'capture' \(capture\): .*nope.mp4"):
        pipeline.start().wait()
    assert threading.active_count() == threads
