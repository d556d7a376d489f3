# SPDX-License-Identifier: Apache-2.0
"""BatchMeta / FrameMeta / ObjectMeta / UserMeta: the pyds-style model, written by a probe
and read by a retriever downstream of a map that keeps it."""

import numpy as np
import pytest

from flow_objects import FrameProvider
from gxf.flow import (BatchMetadataOperator, BufferRetriever, Flow, FrameMeta, ObjectMeta,
                      Pipeline, Probe, TensorOutput, UserMeta, as_tensor)


def test_frame_meta_sorts_items():
    frame = FrameMeta(frame_num=3, source_id=1)
    frame.append(ObjectMeta(class_id=4, label="dog"))
    frame.append(UserMeta(TensorOutput({"scores": as_tensor(np.ones(3), "W")})))
    frame.append(UserMeta({"note": 1}, meta_type="custom"))
    assert [o.label for o in frame.object_items] == ["dog"]
    layers = frame.tensor_items[0].as_tensor_output().get_layers()
    assert layers["scores"].numpy().tolist() == [1.0, 1.0, 1.0]
    assert frame.user_items[0].data == {"note": 1}
    with pytest.raises(TypeError, match="not a TensorOutput"):
        frame.user_items[0].as_tensor_output()
    with pytest.raises(TypeError, match="expected ObjectMeta or UserMeta"):
        frame.append("box")


def test_tensor_outputs_travel_through_map():
    class Scores(BatchMetadataOperator):
        def handle_metadata(self, batch_meta):
            for frame in batch_meta.frame_items:
                frame.append(UserMeta(TensorOutput(
                    {"score": as_tensor(np.array([frame.frame_num * 0.5]), "W")})))

    seen = []

    class Read(BufferRetriever):
        def consume(self, buffer):
            for frame in buffer.batch_meta.frame_items:
                for user_meta in frame.tensor_items:
                    for name, tensor in user_meta.as_tensor_output().get_layers().items():
                        seen.append((frame.frame_num, frame.pts, name, float(tensor.numpy()[0])))
            return 1

    def copy(buffer):
        return as_tensor(buffer.extract(0).numpy().copy(), "HWC").wrap()

    Flow(Pipeline("p")).inject([FrameProvider(3)]).attach(Probe("scores", Scores())) \
        .map(copy).retrieve(Read())()
    assert seen == [(0, 0, "score", 0.0), (1, 1, "score", 0.5), (2, 2, "score", 1.0)]
