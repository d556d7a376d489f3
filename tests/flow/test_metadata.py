# SPDX-License-Identifier: Apache-2.0
"""BatchMeta / FrameMeta / ObjectMeta / UserMeta: the pyds-style model (C++, bound to Python),
written by a probe and read by a retriever downstream of a map that keeps it, and by a native
C++ stage (ObjectMetaCheck of the test extension) that reads it and adds its own objects."""

import numpy as np
import pytest

from flow_objects import FrameProvider, Labeler
from gxf.flow import (BatchMeta, BatchMetadataOperator, BufferRetriever, Flow, FrameMeta,
                      ObjectMeta, Pipeline, Probe, Rect, TensorOutput, UserMeta, as_tensor)


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


def test_object_meta_fields_and_rect_are_views():
    obj = ObjectMeta(class_id=2, confidence=0.75, rect=Rect(1, 2, 3, 4), label="cat",
                     object_id=9)
    obj.rect.left = 5
    assert (obj.rect.left, obj.rect.top, obj.rect.width, obj.rect.height) == (5, 2, 3, 4)
    frame = FrameMeta(frame_num=1)
    frame.append(obj)
    frame.object_items[0].label = "lion"
    assert obj.label == "lion" and frame.object_items[0].object_id == 9
    batch = BatchMeta([frame])
    fresh = batch.acquire_object_meta()
    fresh.label = "new"
    batch.frame_items[0].append(fresh)
    assert [o.label for o in frame.object_items] == ["lion", "new"]


def test_source_metadata_is_built_once_and_shared():
    meta = BatchMeta.from_source(2, 3, 10, 99)
    first = meta.frame_items
    assert [(f.frame_num, f.batch_id, f.source_id, f.pts) for f in first] == \
        [(10, 0, 3, 99), (11, 1, 3, 99)]
    first[0].append(ObjectMeta(label="x"))
    assert [o.label for o in meta.frame_items[0].object_items] == ["x"]
    merged = BatchMeta.merged([meta, BatchMeta.from_source(1, 4, 0, 0)])
    assert [(f.source_id, f.batch_id) for f in merged.frame_items] == [(3, 0), (3, 1), (4, 2)]


CHECK = "nvidia::gxf::test::ObjectMetaCheck"
TEST_EXTENSION = "gxf/test/extensions/libgxf_test.so"


@pytest.mark.parametrize("scheduler,workers", [("greedy", 1), ("multi_thread", 2),
                                               ("event_based", 2)])
def test_native_component_reads_python_object_meta_and_writes_its_own(scheduler, workers):
    seen = []

    class Read(BufferRetriever):
        def consume(self, buffer):
            for frame in buffer.batch_meta.frame_items:
                seen.append((frame.frame_num, [(o.label, o.class_id, o.object_id,
                                                (o.rect.left, o.rect.top, o.rect.width,
                                                 o.rect.height)) for o in frame.object_items]))
            return 1

    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    Flow(pipeline).inject([FrameProvider(3)]).attach(Probe("label", Labeler("car"))) \
        .native(CHECK, extension=TEST_EXTENSION, expected_labels=["car"], add_label="native") \
        .retrieve(Read())()
    assert seen == [(n, [("car", 1, n, (1, 2, 3, 4)), ("native", 7, n, (10, 20, 30, 40))])
                    for n in range(3)]


def test_native_component_fails_the_pipeline_on_other_labels():
    pipeline = Pipeline("p")
    Flow(pipeline).inject([FrameProvider(2)]).attach(Probe("label", Labeler("car"))) \
        .native(CHECK, extension=TEST_EXTENSION, expected_labels=["bus"], add_label="x") \
        .render()
    with pytest.raises(Exception, match=r"frame 0 of source 0 carries objects \['car'\], "
                                        r"expected \['bus'\]"):
        pipeline.start().wait()


def test_message_carries_the_buffer_and_its_batch_meta_by_reference(context):
    from gxf.core import MessageEntity
    from gxf.flow import Buffer
    from gxf.flow._flow import add_buffer, batch_meta_of, take_item

    buffer = Buffer(np.zeros((2, 2, 3), np.uint8))
    buffer.stamp(source_id=5, first_frame_num=7)
    message = MessageEntity(context)
    assert batch_meta_of(message) is None
    add_buffer(message, buffer, buffer.batch_meta)
    assert take_item(message) is buffer
    batch_meta_of(message).frame_items[0].append(ObjectMeta(label="seen"))
    assert [o.label for o in buffer.batch_meta.frame_items[0].object_items] == ["seen"]
    assert (buffer.batch_meta.frame_items[0].source_id,
            buffer.batch_meta.frame_items[0].frame_num) == (5, 7)
