# SPDX-License-Identifier: Apache-2.0
"""GPU check of TorchInference on device tensors (marker `gpu`; skipped without torch built
with CUDA and a GPU): device frames in, device outputs out, equal to calling the module on the
GPU, and no host<->device copy per frame (counted by torch.profiler, which sees every CUDA
memcpy of the process through CUPTI): the only ones are the model's weights going to the GPU
once at start, as many in a run of 24 frames as in one of 8. Run on the GPU machine with:
    python -m pytest -q -m gpu tests/inference/test_gpu_inference.py
"""

import numpy as np
import pytest

torch = pytest.importorskip("torch")

pytestmark = [pytest.mark.gpu,
              pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device for torch"),
              # torch 2.11's profiler warns at start that events are kept per cycle (one here).
              pytest.mark.filterwarnings("ignore:.*Profiler clears events:UserWarning")]

import gxf.std as std  # noqa: E402
from gxf.core import Graph  # noqa: E402
from gxf.python_codelet import PyComputeEntity  # noqa: E402
from gxf.std import ComputeEntity, GreedyScheduler, RealtimeClock  # noqa: E402
from graph_api_codelets import FRAMES, RESULTS, Collector, FrameSource  # noqa: E402
from torch_models import classifier, save_exported  # noqa: E402



class DeviceCollector(Collector):
    """Keeps (storage type, a device clone) of each 'logits'."""

    @staticmethod
    def keep(tensor):
        """(storage type, a device clone) of a received tensor."""
        return tensor.storage_type().name, torch.from_dlpack(tensor).clone()


class StreamFrameSource(FrameSource):
    """Publishes FRAMES[i] copied into a zeroed buffer on a non-blocking stream of its entity's
    pool ('streams') after ~20 ms of GPU sleep, naming the stream with a CudaStreamId and not
    waiting for it: a consumer that reads without ordering after that stream reads zeros.
    With `host` the buffers are page-locked host memory the stream downloads into."""

    host = False

    def start(self):
        from gxf.cuda import CudaStreamPool

        super().start()
        pool = CudaStreamPool.get(self.context(), self.cid(), "streams")
        self.stream_cid, stream = pool.allocate_stream()
        self.pool = pool
        self.stream = torch.cuda.ExternalStream(stream.stream())
        # A buffer per frame, never reused: the test is about the consumer's wait, not about
        # memory the producer frees and writes again while a consumer may still read it.
        self.buffers = [torch.zeros(frame.shape, dtype=frame.dtype, pin_memory=True)
                        if self.host else torch.zeros_like(frame) for frame in FRAMES]
        torch.cuda.synchronize()

    def tick(self):
        from gxf.core import MessageEntity
        from gxf.cuda import CudaStreamId
        from gxf.std import Tensor

        frame = FRAMES[self.sent]
        copy = self.buffers[self.sent]
        with torch.cuda.stream(self.stream):
            torch.cuda._sleep(40_000_000)
            copy.copy_(frame, non_blocking=True)  # a download without waiting, for host
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, Tensor.as_tensor(copy), "images")
        CudaStreamId.add_to_entity(message).stream_cid = self.stream_cid
        self.out.publish(message)
        self.sent += 1

    def stop(self):
        self.pool.release_stream(self.stream_cid)


class StreamHostFrameSource(StreamFrameSource):
    """StreamFrameSource publishing host frames, still being downloaded on its stream."""

    host = True


class StreamCollector(Collector):
    """Keeps (stream_cid of the message's CudaStreamId or None, the cid of the CudaStream it
    names, a device clone of 'logits')."""

    def tick(self):
        from gxf.cuda import CudaStreamId
        from gxf.std import Tensor

        message = self.in_.receive()
        stream_id = CudaStreamId.find_from_entity(message)
        logits = torch.from_dlpack(Tensor.get_from_entity(message, "logits")).clone()
        RESULTS.append((None, None, logits) if stream_id is None
                       else (stream_id.stream_cid, stream_id.stream().cid(), logits))


def stream_pool(name="streams", stream_flags=0):
    """A CudaStreamPool of one stream."""
    from gxf.cuda import CudaStreamPool

    return CudaStreamPool(name=name, stream_flags=stream_flags, stream_priority=0,
                          reserved_size=1, max_size=1)


def run_graph(model_path, pool=None, max_batch_size=4, min_messages=1, streams=True,
              cuda_graph=True, stream_flags=0, source_stream=False, collector=DeviceCollector):
    """source -> TorchInference -> sink, in this process, the inference ticking once
    `min_messages` are queued (with a stream of its own from a CudaStreamPool where `streams`,
    made with `stream_flags`; the source publishes "device" or "host" frames made on a stream
    of its own where `source_stream` names one); returns the profiler's events."""
    from gxf.inference import TorchInference
    from gxf.std import BlockMemoryPool

    RESULTS.clear()
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=60000, clock=clock,
                                         stop_on_deadlock=True))
    source = g.add(PyComputeEntity("source", count=len(FRAMES)))
    if source_stream:
        source.add(stream_pool(stream_flags=1))
    sources = {"device": StreamFrameSource, "host": StreamHostFrameSource}
    source.add_codelet("codelet", sources[source_stream]() if source_stream else FrameSource(),
                       tx_capacity=8)
    entity = g.add(ComputeEntity("infer", count=-1))
    extra = {}
    if pool == "block":
        extra["pool"] = entity.add(BlockMemoryPool(name="pool", storage_type=1,
                                                   block_size=1 << 16, num_blocks=16))
    if streams:
        extra["cuda_stream_pool"] = entity.add(stream_pool(stream_flags=stream_flags))
    inference = entity.add_codelet(TorchInference(
        name="inference", model_file_path=model_path, input_tensor_names=["images"],
        output_tensor_names=["logits"], max_batch_size=max_batch_size, cuda_graph=cuda_graph,
        **extra),
        rx_capacity=8, tx_capacity=8, min_message_available=min_messages)
    sink = g.add(PyComputeEntity("sink", count=-1))
    sink.add_codelet("codelet", collector(), rx_capacity=8)
    std.connect(source.out, inference.rx[0])
    std.connect(inference.tx, sink.in_)
    g.load_extensions()
    activities = [torch.profiler.ProfilerActivity.CPU, torch.profiler.ProfilerActivity.CUDA]
    with torch.profiler.profile(activities=activities) as profile:
        g.run()
    g.destroy()
    return profile.events()


def host_device_copies(events):
    """Names of the profiled host<->device memcpys."""
    return [event.name for event in events
            if "memcpy" in event.name.lower() and ("HtoD" in event.name or "DtoH" in event.name)]


def synchronizations(events):
    """Names of the profiled calls that wait for a stream or the device."""
    return [event.name for event in events
            if event.name in ("cudaStreamSynchronize", "cudaDeviceSynchronize",
                              "cuStreamSynchronize", "cuCtxSynchronize")]


@pytest.mark.parametrize("pool", [None, "block"])
def test_torch_inference_on_device_tensors_without_host_copies(tmp_path, pool):
    model = classifier()
    path = save_exported(model, tmp_path / "model.pt2")
    device_model = model.to("cuda")
    weights = len(model.state_dict())  # uploaded once, at start
    copies, waits = {}, {}
    for frames in (8, 24):
        FRAMES[:] = list(torch.randn(frames, 3, 8, 8, device="cuda"))
        torch.cuda.synchronize()
        events = run_graph(path, pool=pool)  # on a stream of the component's own
        copies[frames] = host_device_copies(events)
        waits[frames] = synchronizations(events)
        assert len(RESULTS) == len(FRAMES)
        assert {storage for storage, _ in RESULTS} == {"kDevice"}
        got = torch.stack([logits for _, logits in RESULTS])
        with torch.inference_mode():
            expected = device_model(torch.stack(FRAMES))
        torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)
    assert len(copies[8]) <= weights, copies[8]
    assert all("HtoD" in name for name in copies[8]), copies[8]
    assert len(copies[24]) == len(copies[8]), copies  # none per frame
    assert len(waits[24]) == len(waits[8]), waits  # the stream is not waited for per run


@pytest.mark.parametrize("streams,cuda_graph", [(False, True), (False, False), (True, True),
                                                (True, False)])
def test_host_frames_reach_the_gpu_model_in_one_copy_per_batch_without_waiting(tmp_path,
                                                                                monkeypatch,
                                                                                streams,
                                                                                cuda_graph):
    """Host (NumPy) frames for a model on the GPU take the codelet's C++ path: stacked into
    page-locked memory and uploaded once per batch of 4, not once per frame, the model entered
    once per batch (staged_call), and the host never waits for the GPU (no stream or device
    synchronize per batch), on torch's stream or the component's own."""
    from gxf.inference.torch_model import TorchModel

    calls = []
    run_staged = TorchModel._run_staged

    def counted(self, names, feeds):
        calls.append(next(iter(feeds.values())).shape[0])
        return run_staged(self, names, feeds)

    monkeypatch.setattr(TorchModel, "_run_staged", counted)
    model = classifier()
    path = save_exported(model, tmp_path / "model.pt2")
    device_model = model.to("cuda")
    copies, waits, traffic = {}, {}, {}
    for frames in (8, 24):
        calls.clear()
        FRAMES[:] = list(torch.randn(frames, 3, 8, 8).numpy())
        before = std.cuda_traffic()
        events = run_graph(path, min_messages=4, streams=streams, cuda_graph=cuda_graph)
        after = std.cuda_traffic()
        traffic[frames] = {key: after[key] - before[key] for key in after}
        assert calls == [4] * (frames // 4)  # the C++ path, one staged run per batch
        copies[frames] = [name for name in host_device_copies(events) if "HtoD" in name]
        waits[frames] = synchronizations(events)
        assert len(RESULTS) == len(FRAMES)
        assert {storage for storage, _ in RESULTS} == {"kDevice"}
        got = torch.stack([logits for _, logits in RESULTS])
        with torch.inference_mode():
            expected = device_model(torch.from_numpy(np.stack(FRAMES)).cuda())
        torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)
    # 16 more frames are 4 more batches of 4: one upload each.
    assert len(copies[24]) - len(copies[8]) == 4, copies
    assert len(waits[24]) == len(waits[8]), waits
    # The engine's own: one device-to-device copy of the outputs per batch into a pooled
    # block; its page-locked and device memory allocated at the start only.
    assert traffic[24]["copies"] - traffic[8]["copies"] == 4, traffic
    for key in ("device_allocations", "pinned_allocations"):
        assert traffic[24][key] == traffic[8][key], traffic


def test_host_frames_outputs_in_a_device_pool(tmp_path):
    """With a device `pool`, the C++ path copies each frame's outputs into a tensor of the pool
    (on the model's stream) instead of a view of its own block."""
    model = classifier(seed=5)
    path = save_exported(model, tmp_path / "model.pt2")
    FRAMES[:] = list(torch.randn(12, 3, 8, 8).numpy())
    run_graph(path, pool="block", min_messages=4)
    assert len(RESULTS) == len(FRAMES)
    assert {storage for storage, _ in RESULTS} == {"kDevice"}
    got = torch.stack([logits for _, logits in RESULTS])
    with torch.inference_mode():
        expected = model.to("cuda")(torch.from_numpy(np.stack(FRAMES)).cuda())
    torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("cuda_graph", [True, False])
def test_batches_of_every_size_match_the_module(tmp_path, cuda_graph):
    """Device frames arriving one by one make batches of 1 to 4 (a CUDA graph for each
    size); every frame's output equals the module's."""
    model = classifier(seed=3)
    path = save_exported(model, tmp_path / "model.pt2")
    FRAMES[:] = list(torch.randn(23, 3, 8, 8, device="cuda"))
    run_graph(path, streams=False, cuda_graph=cuda_graph)
    got = torch.stack([logits for _, logits in RESULTS])
    with torch.inference_mode():
        expected = model.to("cuda")(torch.stack(FRAMES))
    torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)


def test_a_module_cuda_graphs_cannot_hold_is_called_as_it_is(caplog):
    """A capture that fails (here a copy to the host inside the module) turns the graphs off
    with a warning naming the model; the module's own call gives the outputs."""
    from gxf.inference.torch_cuda_graph import CudaGraphs

    class ReadsBack(torch.nn.Module):
        def forward(self, x):
            return x * float(x.sum().cpu())

    module = ReadsBack()
    graphs = CudaGraphs(torch, module, torch.device("cuda"), "reads_back.pt2")
    x = torch.ones(2, 3, device="cuda")
    with torch.inference_mode():
        assert graphs.run([x], lambda feed: feed, None) is None
    assert not graphs.enabled
    assert "reads_back.pt2" in caplog.text and "no CUDA graph" in caplog.text
    with torch.inference_mode():
        assert graphs.run([x], lambda feed: feed, None) is None  # no second try


@pytest.mark.parametrize("frames_on", ["host", "device"])
def test_outputs_name_the_component_stream(tmp_path, frames_on):
    """With a cuda_stream_pool, every output message carries a CudaStreamId naming the
    component's stream (a non-blocking one here), on the C++ path (host frames) and the Python
    one (device frames), as GXF's inference codelets do; without one, none."""
    model = classifier(seed=7)
    path = save_exported(model, tmp_path / "model.pt2")
    frames = torch.randn(12, 3, 8, 8)
    with torch.inference_mode():
        expected = model.to("cuda")(frames.cuda())
    FRAMES[:] = list(frames.numpy() if frames_on == "host" else frames.cuda())
    for streams in (True, False):
        run_graph(path, min_messages=4, streams=streams, stream_flags=1,
                  collector=StreamCollector)
        assert len(RESULTS) == len(FRAMES)
        stream_cids = {(stream_cid, named) for stream_cid, named, _ in RESULTS}
        if streams:
            assert len(stream_cids) == 1
            stream_cid, named = stream_cids.pop()
            assert stream_cid is not None and stream_cid == named
        else:
            assert stream_cids == {(None, None)}
        got = torch.stack([logits for _, _, logits in RESULTS])
        torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("streams", [False, True])
@pytest.mark.parametrize("frames_on", ["device", "host"])
def test_inputs_are_read_after_the_stream_their_cuda_stream_id_names(tmp_path, streams,
                                                                      frames_on):
    """Frames whose copy is still queued behind 20 ms of GPU sleep on the source's own
    non-blocking stream (named by their CudaStreamId) are read only after it: the outputs equal
    the module's on the finished frames, on torch's stream or the component's non-blocking
    one. Device frames (the Python path) are waited for on the device, never by the host;
    host frames (the C++ path, the CPU stacks them) by synchronizing that stream."""
    model = classifier(seed=9)
    path = save_exported(model, tmp_path / "model.pt2")
    waits = {}
    for count in (8, 16):
        frames = torch.randn(count, 3, 8, 8, device="cuda")
        with torch.inference_mode():
            expected = model.to("cuda")(frames)
        FRAMES[:] = list(frames)
        torch.cuda.synchronize()
        events = run_graph(path, min_messages=4, streams=streams, stream_flags=1,
                           source_stream=frames_on)
        assert len(RESULTS) == len(FRAMES)
        got = torch.stack([logits for _, logits in RESULTS])
        torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)
        waits[count] = synchronizations(events)
    if frames_on == "device":
        assert len(waits[16]) == len(waits[8]), waits  # none per frame or per run
