# SPDX-License-Identifier: Apache-2.0
"""GPU check of TorchInference on device tensors (marker `gpu`; skipped without torch built
with CUDA and a GPU): device frames in, device outputs out, equal to calling the module on the
GPU, and no host<->device copy per frame (counted by torch.profiler, which sees every CUDA
memcpy of the process through CUPTI): the only ones are the model's weights going to the GPU
once at start, as many in a run of 24 frames as in one of 8. Run on the GPU machine with:
    python -m pytest -q -m gpu tests/inference/test_gpu_inference.py
"""

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


def run_graph(model_path, pool=None, max_batch_size=4):
    """source -> TorchInference -> sink, in this process; returns the profiler's events."""
    from gxf.cuda import CudaStreamPool
    from gxf.inference import TorchInference
    from gxf.std import BlockMemoryPool

    RESULTS.clear()
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=60000, clock=clock,
                                         stop_on_deadlock=True))
    source = g.add(PyComputeEntity("source", count=len(FRAMES)))
    source.add_codelet("codelet", FrameSource(), tx_capacity=8)
    entity = g.add(ComputeEntity("infer", count=-1))
    extra = {}
    if pool == "block":
        extra["pool"] = entity.add(BlockMemoryPool(name="pool", storage_type=1,
                                                   block_size=1 << 16, num_blocks=16))
    extra["cuda_stream_pool"] = entity.add(CudaStreamPool(name="streams",
                                                          stream_flags=0, stream_priority=0,
                                                          reserved_size=1, max_size=1))
    inference = entity.add_codelet(TorchInference(
        name="inference", model_file_path=model_path, input_tensor_names=["images"],
        output_tensor_names=["logits"], max_batch_size=max_batch_size, **extra),
        rx_capacity=8, tx_capacity=8)
    sink = g.add(PyComputeEntity("sink", count=-1))
    sink.add_codelet("codelet", DeviceCollector(), rx_capacity=8)
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


@pytest.mark.parametrize("pool", [None, "block"])
def test_torch_inference_on_device_tensors_without_host_copies(tmp_path, pool):
    model = classifier()
    path = save_exported(model, tmp_path / "model.pt2")
    device_model = model.to("cuda")
    weights = len(model.state_dict())  # uploaded once, at start
    copies = {}
    for frames in (8, 24):
        FRAMES[:] = list(torch.randn(frames, 3, 8, 8, device="cuda"))
        torch.cuda.synchronize()
        events = run_graph(path, pool=pool)
        copies[frames] = host_device_copies(events)
        assert len(RESULTS) == len(FRAMES)
        assert {storage for storage, _ in RESULTS} == {"kDevice"}
        got = torch.stack([logits for _, logits in RESULTS])
        with torch.inference_mode():
            expected = device_model(torch.stack(FRAMES))
        torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4)
    assert len(copies[8]) <= weights, copies[8]
    assert all("HtoD" in name for name in copies[8]), copies[8]
    assert len(copies[24]) == len(copies[8]), copies  # none per frame
