# SPDX-License-Identifier: Apache-2.0
"""Device tensors on a real GPU: zero-copy through graphs with CuPy and PyTorch, streams handed
along with messages, device allocators and TensorCopier. Skipped without a GPU (conftest)."""

import gc

import pytest

import gxf.core as core
from gxf.core import MessageEntity
from gxf.std import Allocator, MemoryStorageType, PrimitiveType, Shape, Tensor, TensorDescription


def forward_entity(name):
    """A native Forward stage."""
    return f"""
name: {name}
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver}}
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter}}
- type: nvidia::gxf::Forward
  parameters: {{in: in, out: out}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: 1}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: 1}}
"""


def python_entity(name, codelet, params, receive=True, transmit=True, count=None):
    """An entity running a Python codelet from codelets/device_chain.py."""
    text = f"name: {name}\ncomponents:\n"
    if receive:
        text += "- {name: in, type: nvidia::gxf::DoubleBufferReceiver}\n"
        text += ("- type: nvidia::gxf::MessageAvailableSchedulingTerm\n"
                 "  parameters: {receiver: in, min_size: 1}\n")
    if transmit:
        text += "- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}\n"
        text += ("- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm\n"
                 "  parameters: {transmitter: out, min_size: 1}\n")
    if count is not None:
        text += f"- type: nvidia::gxf::CountSchedulingTerm\n  parameters: {{count: {count}}}\n"
    text += (f"- type: nvidia::gxf::PyCodeletV0\n  parameters:\n    codelet_name: {codelet}\n"
             f"    codelet_file: CODELETS/device_chain.py\n    codelet_params: {params}\n")
    return text


def connections(*pairs):
    """Connection components for (source, target) pairs."""
    text = "components:\n"
    for source, target in pairs:
        text += (f"- type: nvidia::gxf::Connection\n"
                 f"  parameters: {{source: {source}/out, target: {target}/in}}\n")
    return text


SCHEDULER = """
components:
- {name: clock, type: nvidia::gxf::RealtimeClock}
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 60000}
"""


def four_stage_chain(framework):
    """source (Python) -> Forward -> check (Python) -> Forward -> sink (Python)."""
    documents = [
        python_entity("source", "DeviceSource",
                      f"{{transmitter: out, framework: {framework}}}", receive=False, count=10),
        forward_entity("forward1"),
        python_entity("check", "DeviceCheck",
                      f"{{receiver: in, transmitter: out, stage: check, framework: {framework}}}"),
        forward_entity("forward2"),
        python_entity("sink", "DeviceCheck",
                      f"{{receiver: in, stage: sink, framework: {framework}}}", transmit=False),
        connections(("source", "forward1"), ("forward1", "check"), ("check", "forward2"),
                    ("forward2", "sink")),
        SCHEDULER,
    ]
    return "---\n".join(documents)


def run_chain(run_graph, framework):
    """Run the 4-stage chain; returns the reports by stage and tick."""
    code, reports, output = run_graph(four_stage_chain(framework))
    assert code == 0, output
    stages = {}
    for entry in reports:
        stages.setdefault(entry["stage"], {})[entry["tick"]] = entry
    assert len(stages["sink"]) == 10, output
    return stages


@pytest.mark.parametrize("framework", ["cupy", "torch"])
def test_device_tensors_cross_a_four_stage_chain_without_copies(run_graph, framework):
    if framework == "torch":
        pytest.importorskip("torch")
    stages = run_chain(run_graph, framework)
    for tick, source in stages["source"].items():
        for stage in ("check", "sink"):
            entry = stages[stage][tick]
            assert entry["same"], (stage, tick)
            assert entry["pointer"] == entry["tensor_pointer"] == source["pointer"]
            assert entry["dlpack_device"][0] == 2


def test_stream_handed_along_is_synchronized_by_cuda_stream_sync(run_graph):
    graph = "---\n".join([
        python_entity("source", "StreamSource", "{transmitter: out, stream_pool: pool}",
                      receive=False, count=10)
        + "- name: pool\n  type: nvidia::gxf::CudaStreamPool\n"
          "  parameters: {stream_flags: 1, reserved_size: 1, max_size: 2}\n",
        """name: sync
components:
- {name: in, type: nvidia::gxf::DoubleBufferReceiver}
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::CudaStreamSync
  parameters: {rx: in, tx: out}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: in, min_size: 1}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
""",
        python_entity("sink", "StreamSink", "{receiver: in}", transmit=False),
        connections(("source", "sync"), ("sync", "sink")),
        SCHEDULER,
    ])
    code, reports, output = run_graph(graph)
    assert code == 0, output
    assert len(reports) == 10, output
    assert all(entry["minimum"] == entry["maximum"] == 20.0 for entry in reports), reports
    assert len({entry["stream_cid"] for entry in reports}) == 1


def copier_graph(reference_tensor="tensor"):
    """TensorGenerator (host) -> TensorCopier to device -> TensorCopier to host -> comparator,
    against a second generator (same seed) named `reference_tensor`."""
    generator = """
name: {name}
components:
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter}}
- {{name: allocator, type: nvidia::gxf::UnboundedAllocator}}
- type: nvidia::gxf::test::TensorGenerator
  parameters: {{output: out, allocator: allocator, shape: [4, 16, 32], storage_type: 0,
               enable_timestamps: false, tensor_name: {tensor}}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: 1}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 10}}
"""
    copier = """
name: {name}
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver}}
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter}}
- name: pool
  type: nvidia::gxf::BlockMemoryPool
  parameters: {{storage_type: {storage}, block_size: 8192, num_blocks: 4}}
- type: nvidia::gxf::TensorCopier
  parameters: {{receiver: in, transmitter: out, allocator: pool, mode: {mode}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: 1}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: 1}}
"""
    comparator = """
name: comparator
components:
- {name: expected, type: nvidia::gxf::DoubleBufferReceiver}
- {name: actual, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::test::TensorComparator
  parameters: {expected: expected, actual: actual, compare_timestamp: None}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: expected, min_size: 1}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: actual, min_size: 1}
"""
    links = connections(("generator", "to_device"), ("to_device", "to_host"))
    links += ("- type: nvidia::gxf::Connection\n"
              "  parameters: {source: to_host/out, target: comparator/actual}\n"
              "- type: nvidia::gxf::Connection\n"
              "  parameters: {source: reference/out, target: comparator/expected}\n")
    return "---\n".join([
        generator.format(name="generator", tensor="tensor"),
        generator.format(name="reference", tensor=reference_tensor),
        copier.format(name="to_device", storage=1, mode=0),
        copier.format(name="to_host", storage=0, mode=1),
        comparator, links, SCHEDULER])


def test_tensor_copier_moves_tensors_to_the_device_and_back_unchanged(run_graph):
    code, _, output = run_graph(copier_graph())
    assert code == 0, output


def test_tensor_comparator_fails_the_graph_when_tensors_differ(run_graph):
    code, _, output = run_graph(copier_graph(reference_tensor="other"))
    assert code != 0, output


DEVICE_MEMORY = """
name: memory
components:
- {name: unbounded, type: nvidia::gxf::UnboundedAllocator}
- name: pool
  type: nvidia::gxf::BlockMemoryPool
  parameters: {storage_type: 1, block_size: 4096, num_blocks: 1}
"""


@pytest.fixture
def device_memory(tmp_path):
    """An activated context with an UnboundedAllocator and a 1-block device pool."""
    context = core.context_create()
    graph = tmp_path / "memory.yaml"
    graph.write_text(DEVICE_MEMORY, encoding="utf-8")
    core.load_extensions(context, ["gxf/std/libgxf_std.so"])
    core.graph_load_file(context, str(graph))
    core.graph_activate(context)
    cid = core.component_find(context, core.entity_find(context, "memory"),
                              component_name="unbounded")[0]
    yield context, Allocator.get(context, cid, "unbounded"), Allocator.get(context, cid, "pool")
    core.graph_deactivate(context)
    core.context_destroy(context)


def test_device_tensors_are_real_device_memory(device_memory):
    import cupy

    context, unbounded, _ = device_memory
    message = MessageEntity(context)
    tensor = Tensor.add_to_entity(message, "t")
    tensor.reshape(TensorDescription("t", MemoryStorageType.kDevice, Shape([64, 64]),
                                     PrimitiveType.kFloat32, 4), unbounded)
    pointer = tensor.get_tensor_info()[0]
    address = Tensor.get_from_entity(message, "t").__cuda_array_interface__["data"][0]
    attributes = cupy.cuda.runtime.pointerGetAttributes(address)
    assert attributes.type == 2  # cudaMemoryTypeDevice
    assert pointer is not None
    array = cupy.asarray(Tensor.get_from_entity(message, "t"))
    array.fill(3.0)
    assert float(array.sum()) == 3.0 * 64 * 64


def test_device_pool_runs_dry_and_recovers(device_memory):
    context, _, pool = device_memory
    description = TensorDescription("t", MemoryStorageType.kDevice, Shape([1024]),
                                    PrimitiveType.kFloat32, 4)
    first, second = MessageEntity(context), MessageEntity(context)
    Tensor.add_to_entity(first, "t").reshape(description, pool)
    with pytest.raises(ValueError, match="GXF_EXCEEDING_PREALLOCATED_SIZE"):
        Tensor.add_to_entity(second, "t").reshape(description, pool)
    del first
    gc.collect()
    Tensor.add_to_entity(second, "t").reshape(description, pool)


def test_torch_cuda_tensor_round_trips_through_dlpack_without_copy():
    torch = pytest.importorskip("torch")
    source = torch.arange(1000, dtype=torch.float32, device="cuda")
    tensor = Tensor.from_dlpack(source)
    assert tensor.storage_type() == MemoryStorageType.kDevice
    back = torch.from_dlpack(tensor)
    assert back.data_ptr() == source.data_ptr()
    assert torch.equal(back, source)


def test_cupy_array_wrapped_by_as_tensor_stays_alive():
    import cupy

    tensor = Tensor.as_tensor(cupy.full(4096, 5, dtype=cupy.int32))
    gc.collect()
    assert int(cupy.asarray(tensor).sum()) == 5 * 4096
