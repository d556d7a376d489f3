# SPDX-License-Identifier: Apache-2.0
"""Flow: inject, map, attach, fork, merge, render, retrieve, end of stream under every
scheduler, errors naming the stage, and saved pipelines run by gxe.py."""

import os
import re
import threading

import numpy as np
import pytest

from flow_objects import Collector, CountingRetriever, DropOdd, FrameProvider, Labeler, invert
from gxf.flow import (Buffer, BufferProvider, BufferRetriever, Flow, FlowError, Pipeline,
                      Probe, as_tensor)

SCHEDULERS = [("greedy", 1), ("multi_thread", 2), ("event_based", 2)]


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
def test_inject_retrieve_ends_at_end_of_stream(scheduler, workers):
    collector = Collector()
    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    Flow(pipeline).inject([FrameProvider(7)]).retrieve(collector)()
    assert collector.items == [(i, i, 0) for i in range(7)]
    assert pipeline.ended


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
def test_end_of_stream_crosses_native_stages_to_every_sink(scheduler, workers):
    # The EndOfStream is a C++ message component: the native check stage and the Broadcast of
    # fork() forward it as any message, and the graph stops once both sinks saw it.
    collector = Collector()
    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    left, right = Flow(pipeline).inject([FrameProvider(4)]) \
        .attach(Probe("label", Labeler("car"))) \
        .native("nvidia::gxf::test::ObjectMetaCheck", extension="gxf/test/extensions/libgxf_test.so",
                expected_labels=["car"], add_label="native").fork(2)
    left.retrieve(collector)
    right.map(invert).render()
    pipeline.start().wait()
    assert pipeline.ended
    assert collector.objects == [["car", "native"]] * 4


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
def test_every_sink_sees_every_stream_to_its_end(scheduler, workers):
    collector = Collector()
    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    Flow(pipeline).inject([FrameProvider(5), FrameProvider(3)]).map(invert).retrieve(collector)()
    assert sorted(collector.items) == sorted(
        [(255 - i, i, 0) for i in range(5)] + [(255 - i, i, 1) for i in range(3)])


def test_map_keeps_metadata_and_can_drop():
    collector = Collector()

    def keep_even(buffer):
        return buffer if buffer.batch_meta.frame_items[0].frame_num % 2 == 0 else None

    flow = Flow(Pipeline("p")).inject([FrameProvider(6)]).attach(Probe("label", Labeler("car")))
    flow.map(keep_even).map(invert).retrieve(collector)()
    assert collector.items == [(255, 0, 0), (253, 2, 0), (251, 4, 0)]
    assert collector.objects == [["car"]] * 3


def test_buffer_probe_drops():
    collector = Collector()
    Flow(Pipeline("p")).inject([FrameProvider(6)]).attach(Probe("even", DropOdd())) \
        .retrieve(collector)()
    assert [item[0] for item in collector.items] == [0, 2, 4]


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
def test_fork_and_merge(scheduler, workers):
    left, right, merged = Collector(), Collector(), Collector()
    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    a, b, c = Flow(pipeline).inject([FrameProvider(4)]).fork(3)
    a.attach(Probe("label", Labeler("left"))).retrieve(left)
    b.map(invert).retrieve(right)
    c.merge(Flow(pipeline).inject([FrameProvider(2)])).retrieve(merged)
    pipeline.start().wait()
    assert left.items == [(i, i, 0) for i in range(4)]
    assert left.objects == [["left"]] * 4
    assert right.items == [(255 - i, i, 0) for i in range(4)]
    assert sorted(merged.items) == sorted([(i, i, 0) for i in range(4)] +
                                          [(i, i, 0) for i in range(2)])


def test_render_file_and_null(tmp_path):
    path = tmp_path / "frames.raw"
    flows = Flow(Pipeline("p")).inject([FrameProvider(3, h=2, w=2)]).fork(2)
    flows[0].render("file", path=str(path))
    flows[1].render()
    flows[0].pipeline.start().wait()
    data = np.fromfile(path, dtype=np.uint8)
    assert data.tolist() == [0] * 12 + [1] * 12 + [2] * 12


class _Raises(BufferProvider):
    def generate(self, size):
        raise OSError("camera unplugged")


class _NotInt(BufferRetriever):
    def consume(self, buffer):
        return "ok"


class _BadLayout(BufferProvider):
    def generate(self, size):
        return as_tensor(np.zeros((2, 2, 3), np.uint8), "XYZ").wrap()


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
@pytest.mark.parametrize("build,stage,reason", [
    (lambda f: f.inject([_Raises()]).retrieve(Collector()), "inject", "camera unplugged"),
    (lambda f: f.inject([FrameProvider(3)]).retrieve(_NotInt()), "retrieve",
     "consume() returned str; expected an int"),
    (lambda f: f.inject([FrameProvider(3)]).map(lambda b: 42, name="bad_map").render(),
     "bad_map", "returned int; expected a Buffer or None"),
    (lambda f: f.inject([_BadLayout()]).render(), "inject", "unknown tensor layout 'XYZ'"),
    (lambda f: f.inject([FrameProvider(2)]).map(
        lambda b: as_tensor(b.extract(0).numpy(), "HW").wrap(), name="flatten").render(),
     "flatten", "tensor layout 'HW' names 2 dimensions, the data has 3"),
])
def test_errors_end_the_pipeline_naming_the_stage(scheduler, workers, build, stage, reason):
    threads = threading.active_count()
    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    build(Flow(pipeline))
    with pytest.raises(FlowError, match=f"Flow stage '{stage}'.*{re.escape(reason)}"):
        pipeline.start().wait()
    assert threading.active_count() == threads


def test_unknown_layout_is_an_error():
    with pytest.raises(ValueError, match="unknown tensor layout 'XYZ'"):
        as_tensor(np.zeros((2, 2, 3)), "XYZ")


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown scheduler 'fast'"):
        Pipeline("p", scheduler="fast")
    with pytest.raises(TypeError, match="expected BufferProvider items"):
        Flow(Pipeline("p")).inject([object()])
    with pytest.raises(ValueError, match="unknown kind 'screen'"):
        Flow(Pipeline("p")).inject([FrameProvider(1)]).render("screen")
    flow = Flow(Pipeline("p")).inject([FrameProvider(1)])
    flow.render()
    with pytest.raises(ValueError, match="use fork"):
        flow.render()


def test_stop_ends_an_endless_pipeline():
    class Endless(BufferProvider):
        def generate(self, size):
            return Buffer(np.zeros((2, 2, 3), np.uint8))

    counter = CountingRetriever()
    pipeline = Pipeline("p", scheduler="multi_thread", workers=2)
    Flow(pipeline).inject([Endless()]).retrieve(counter)
    pipeline.start()
    while counter.count < 5:
        threading.Event().wait(0.01)
    pipeline.stop()
    assert counter.count >= 5
    assert not pipeline.ended


def test_saved_pipeline_runs_in_gxe(tmp_path, run_graph, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.path.dirname(__file__))  # gxe.py unpickles flow_objects
    out = tmp_path / "count.txt"
    pipeline = Pipeline("saved")
    Flow(pipeline).inject([FrameProvider(4)]).map(invert).retrieve(CountingRetriever(str(out)))
    path = tmp_path / "flow.yaml"
    pipeline.save(str(path))
    result = run_graph([str(path)])
    assert result.returncode == 0, result.output
    assert out.read_text() == "4"


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
def test_batch_streams_one_buffer_each(scheduler, workers):
    batches = []

    class Keep(BufferRetriever):
        def consume(self, buffer):
            batches.append([(f.source_id, f.frame_num, f.batch_id)
                            for f in buffer.batch_meta.frame_items])
            return buffer.batch_size

    pipeline = Pipeline("p", scheduler=scheduler, workers=workers)
    Flow(pipeline).inject([FrameProvider(3), FrameProvider(2)]).batch(2, timeout_ms=5000) \
        .retrieve(Keep())()
    assert batches == [[(0, 0, 0), (1, 0, 1)], [(0, 1, 0), (1, 1, 1)], [(0, 2, 0)]]


@pytest.mark.parametrize("scheduler,workers", SCHEDULERS)
def test_batch_one_stream_partial_batch_at_end(scheduler, workers):
    sizes = []

    class Sizes(BufferRetriever):
        def consume(self, buffer):
            sizes.append([f.frame_num for f in buffer.batch_meta.frame_items])
            return 1

    Flow(Pipeline("p", scheduler=scheduler, workers=workers)).inject([FrameProvider(5)]) \
        .batch(2, timeout_ms=10000).retrieve(Sizes())()
    assert sizes == [[0, 1], [2, 3], [4]]


def test_batch_bad_size():
    flow = Flow(Pipeline("p")).inject([FrameProvider(1), FrameProvider(1)])
    with pytest.raises(ValueError, match="2 streams make batches of 2"):
        flow.batch(3)


class _WaitsForEvent(BufferProvider):
    """One frame once `event` is set (by a stage of another stream), then Buffer(); raises if
    nothing sets it: the other stream never ran while this provider blocked."""

    def __init__(self, event):
        super().__init__()
        self.event = event
        self.sent = False

    def generate(self, size):
        if self.sent:
            return Buffer()
        if not self.event.wait(timeout=10):
            raise TimeoutError("no other stage ran while generate() blocked")
        self.sent = True
        return Buffer(np.zeros((2, 2, 3), np.uint8))


class _SetsEvent(BufferRetriever):
    """Sets `event` when it has consumed `after` buffers."""

    def __init__(self, event, after):
        super().__init__()
        self.event, self.after, self.count = event, after, 0

    def consume(self, buffer):
        self.count += 1
        if self.count == self.after:
            self.event.set()
        return 1


@pytest.mark.parametrize("scheduler", ["multi_thread", "event_based"])
def test_blocking_provider_lets_other_stages_run(scheduler):
    event = threading.Event()
    pipeline = Pipeline("p", scheduler=scheduler, workers=2)
    blocked = CountingRetriever()
    Flow(pipeline).inject([_WaitsForEvent(event)]).retrieve(blocked)
    Flow(pipeline).inject([FrameProvider(3)]).map(invert).retrieve(_SetsEvent(event, 3))
    pipeline.start().wait()
    assert blocked.count == 1


@pytest.mark.parametrize("scheduler", ["multi_thread", "event_based"])
def test_batch_timeout_sends_a_partial_batch(scheduler):
    batches = []
    arrived = threading.Event()

    class Keep(BufferRetriever):
        def consume(self, buffer):
            batches.append([f.frame_num for f in buffer.batch_meta.frame_items])
            arrived.set()
            return 1

    class ThreeThenWait(FrameProvider):
        """3 frames, then ends the stream only once a batch came out (so by the timeout)."""

        def generate(self, size):
            if self.sent == self.count and not arrived.wait(timeout=10):
                raise TimeoutError("no partial batch came out before the end of the stream")
            return super().generate(size)

    pipeline = Pipeline("p", scheduler=scheduler, workers=2)
    Flow(pipeline).inject([ThreeThenWait(3)]).batch(4, timeout_ms=200).retrieve(Keep())()
    assert [n for batch in batches for n in batch] == [0, 1, 2]
    assert all(len(batch) < 4 for batch in batches)
