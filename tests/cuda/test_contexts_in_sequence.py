# SPDX-License-Identifier: Apache-2.0
"""CUDA graphs and then CPU graphs in one process, each in its own context: device pool
exhaustion, a stream never returned to its pool, a CUDA graph whose run fails and whose
context is left alive, then a CPU graph of Python and native codelets activated, run,
deactivated and destroyed. GXF's own test_core driver once died with a segmentation fault in
that last graph_deactivate on the GPU machine."""

import os
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

CUDA_GRAPH = """
name: global
components:
- {name: stream_pool, type: nvidia::gxf::CudaStreamPool,
   parameters: {stream_flags: 0, reserved_size: 1, max_size: 5}}
- {name: cuda_pool, type: nvidia::gxf::BlockMemoryPool,
   parameters: {storage_type: 1, block_size: 32768, num_blocks: 2}}
---
name: source
components:
- {name: out, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: out, min_size: 1}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 20}
- type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: ExhaustPool
    codelet_file: CODELETS/pool_exhaustion.py
    codelet_params: {transmitter: out, pool: global/cuda_pool, stream_pool: global/stream_pool}
---
name: sync
components:
- {name: rx, type: nvidia::gxf::DoubleBufferReceiver, parameters: {capacity: 2}}
- {name: tx, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: rx, min_size: 1}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {transmitter: tx, min_size: 1}
- type: nvidia::gxf::CudaStreamSync
  parameters: {rx: rx, tx: tx}
---
name: sink
components:
- {name: rx, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: rx, min_size: 1}
- type: nvidia::gxf::PingRx
  parameters: {signal: rx}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: source/out, target: sync/rx}
- type: nvidia::gxf::Connection
  parameters: {source: sync/tx, target: sink/rx}
---
components:
- {name: clock, type: nvidia::gxf::RealtimeClock}
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock, max_duration_ms: 20000}
"""

CPU_GRAPH = """
name: tx
components:
- {name: signal, type: nvidia::gxf::DoubleBufferTransmitter}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 5}
- type: nvidia::gxf::PingTx
  parameters: {signal: signal}
---
name: rx
components:
- {name: signal, type: nvidia::gxf::DoubleBufferReceiver}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {receiver: signal, min_size: 1}
- type: nvidia::gxf::PingRx
  parameters: {signal: signal}
---
components:
- type: nvidia::gxf::Connection
  parameters: {source: tx/signal, target: rx/signal}
---
components:
- {name: clock, type: nvidia::gxf::RealtimeClock}
- type: nvidia::gxf::EventBasedScheduler
  parameters: {clock: clock, worker_thread_number: 2, stop_on_deadlock: true}
"""

DRIVER = """
import faulthandler, sys
faulthandler.enable()
import gxf.core as core
manifest, cuda_graph, failing_graph, cpu_graph = sys.argv[1:5]
leaked = []
def load(path):
    context = core.context_create()
    core.load_extensions(context, manifest_filenames=[manifest])
    core.graph_load_file(context, path)
    return context
for _ in range(3):   # CUDA graphs, each destroyed
    context = load(cuda_graph)
    core.graph_activate(context); core.graph_run(context)
    core.graph_deactivate(context); core.context_destroy(context)
context = load(failing_graph)   # a one-block pool: the run fails; the context is left alive
try:
    core.graph_activate(context); core.graph_run(context)
except Exception as error:
    print("FAILED RUN", type(error).__name__, flush=True)
leaked.append(context)
for _ in range(3):   # CPU graphs, each in its own context
    context = load(cpu_graph)
    core.graph_activate(context); core.graph_run(context)
    assert len(core.entity_find_all(context)) > 0
    core.graph_deactivate(context); core.context_destroy(context)
print("CPU GRAPHS DONE", flush=True)
"""


def test_cuda_graphs_then_cpu_graphs_in_one_process(tmp_path):
    """No crash: every CUDA graph exhausts and recovers its pool, the failing one fails with
    an exception, and the CPU graphs after them run, deactivate and are destroyed."""
    codelets = os.path.join(HERE, "codelets")
    (tmp_path / "cuda.yaml").write_text(CUDA_GRAPH.replace("CODELETS", codelets))
    (tmp_path / "cuda_fails.yaml").write_text(
        CUDA_GRAPH.replace("CODELETS", codelets).replace("num_blocks: 2", "num_blocks: 1"))
    (tmp_path / "cpu.yaml").write_text(CPU_GRAPH)
    (tmp_path / "manifest.yaml").write_text(textwrap.dedent("""\
        extensions:
        - gxf/std/libgxf_std.so
        - gxf/sample/libgxf_sample.so
        - gxf/cuda/libgxf_cuda.so
        - gxf/python_codelet/libgxf_python_codelet.so
        """))
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(tmp_path / "manifest.yaml"),
         str(tmp_path / "cuda.yaml"), str(tmp_path / "cuda_fails.yaml"),
         str(tmp_path / "cpu.yaml")],
        cwd=REPO, capture_output=True, text=True, timeout=180)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert output.count("EXHAUSTED 20") == 3, output[-4000:]
    assert "FAILED RUN" in output
    assert "CPU GRAPHS DONE" in output
