#!/usr/bin/env python3
"""Per-frame overhead of an inference component in a graph (source -> infer -> sink) against
calling the runtime directly in a loop: same model, same batch, same runtime defaults.

    python tools/bench/infer.py                    # both models, batch 8 and 1, ONNX Runtime CPU
    python tools/bench/infer.py --model cnn --batch 8 --frames 800 --reps 5
    python tools/bench/infer.py --backend torch --device cuda     # TorchInference (GPU machine)
    python tools/bench/infer.py --backend torch --device cuda --direct-staged  # same technique
    python tools/bench/infer.py --native-ends      # C++ source and sink (extensions/bench)

Models, built at run time (nothing downloaded):
  cnn   images [N, 3, 224, 224] -> Conv(16, 3x3, /2) -> Relu -> Conv(32, 3x3, /2) -> Relu ->
        GlobalAveragePool -> Gemm(10) -> logits, Softmax (gxf.testing.onnx_models.small_cnn;
        for torch the same layers saved by torch.export): the image classifier the issue is
        about, where the runtime's work per frame is what a real model's is, in kind;
  tiny  images [N, 3, 32, 32] -> Conv(4, 3x3) -> Relu -> Flatten -> Gemm(10) (conv_relu_gemm):
        so little work per frame (~70 us) that what the graph adds shows at its largest.
Graph (gxe.py, GreedyScheduler; --workers N: EventBasedScheduler, N workers): FrameSource
publishes `batch` preallocated frames [3, S, S] per tick, one message each (--batched: one
message holding all of them, fed as it is) -> OnnxRuntimeInference / TorchInference
(max_batch_size = batch; its receiver waits for `batch` messages; frames stacked, run once,
outputs split back into one message per frame) -> CountingSink. The source sends one batch more, not timed (the runtime's
first run, and on a GPU its lazy set-up, as the direct loop's untimed warm-up run): timed from
the sink's receipt of that batch's last frame to its last frame. Direct: the runtime on a batch
stacked from `batch` frames (np.stack into one reused array, as the graph stacks into one
reused buffer), once untimed, then frames / batch times. Each figure is the median of --reps runs, each run (graph, direct,
graph without the model, in turn) in a fresh process, so load that comes and goes on the machine
falls on both sides alike; ratio = graph / direct time per frame (overhead = ratio - 1). "source+sink" is the
same graph without the inference entity: what the Python source and sink alone cost per frame,
part of the overhead (a real graph has its own source and sink). --native-ends uses the C++
twins of the source and sink (extensions/bench: the same frames, the same timing), so the graph
makes no Python call per frame.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CODELETS = os.path.join(HERE, "codelets", "infer_codelets.py")

MANIFEST = """extensions:
- gxf/std/libgxf_std.so
- gxf/cuda/libgxf_cuda.so
- gxf/python_codelet/libgxf_python_codelet.so
- gxf/inference/libgxf_inference.so
"""

MODELS = {"cnn": 224, "tiny": 32}  # frame height and width
COMPONENTS = {"onnxruntime": "nvidia::gxf::OnnxRuntimeInference",
              "torch": "nvidia::gxf::TorchInference"}


def build_model(kind, backend, folder):
    """The model file of `kind` for `backend`, written into `folder`."""
    size = MODELS[kind]
    if backend == "onnxruntime":
        from gxf.testing.onnx_models import conv_relu_gemm, small_cnn

        path = os.path.join(folder, f"{kind}.onnx")
        return small_cnn(path, size) if kind == "cnn" else conv_relu_gemm(path, size=(size, size))
    import torch

    torch.manual_seed(0)
    nn = torch.nn
    if kind == "cnn":
        layers = [nn.Conv2d(3, 16, 3, stride=2, padding=1), nn.ReLU(),
                  nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
                  nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10)]
    else:
        layers = [nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Flatten(),
                  nn.Linear(4 * size * size, 10)]
    model = nn.Sequential(*layers).eval()
    batch = torch.export.Dim("batch", min=1, max=256)
    program = torch.export.export(model, (torch.zeros(2, 3, size, size),),
                                  dynamic_shapes=({0: batch},))
    path = os.path.join(folder, f"{kind}.pt2")
    torch.export.save(program, path)
    return path


def _codelet(name, params, queue):
    """The component line of bench codelet `name` with `params`: the Python one
    (codelets/infer_codelets.py), or with --native-ends its C++ twin of extensions/bench, which
    takes the same parameters and names its queue (`queue`) as one."""
    if NATIVE_ENDS:
        return f"- type: nvidia::gxf::bench::{name}\n  parameters: " \
               f"{json.dumps(dict(params, **{queue: queue}))}"
    return f"- type: nvidia::gxf::PyCodeletV0\n  parameters: {{codelet_name: {name}, " \
           f"codelet_file: {CODELETS}, codelet_params: {json.dumps(params)}}}"


def graph_text(component, model, frames, batch, size, result, batched=False):
    """source -> `component` -> sink for `frames` frames, `batch` per run (`batched`: one
    message per batch); without a model, source -> sink (what the graph costs around the
    inference component)."""
    per_message = batch if batched else 1
    messages = batch // per_message  # a run's
    capacity = 2 * messages
    extra = "".join(f"\n    {key}: {value}" for key, value in GRAPH_OPTIONS.items())
    # One extra batch first, not timed: the runtime's first run (the direct loop's warm-up).
    source_params = {"shape": [3, size, size], "per_tick": batch, "frames": frames,
                     "warmup": batch, "batched": batched}
    sink_params = {"result": result, "warmup": batch, "per_message": per_message,
                   "tensor": "logits" if model else "images"}
    source_codelet = _codelet("FrameSource", source_params, "out")
    sink_codelet = _codelet("CountingSink", sink_params, "in")
    text = f"""
name: source
components:
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: {messages}}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: {-(-frames // batch) + 1}}}
{source_codelet}
---
name: infer
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: {messages}}}
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: {messages}}}
- name: inference
  type: {component}
  parameters:
    model_file_path: {model}
    input_tensor_names: [images]
    output_tensor_names: [logits]
    max_batch_size: {batch}{extra}
    rx: [in]
    tx: out
---
name: sink
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: 1}}
{sink_codelet}
---
components:
- {{type: nvidia::gxf::Connection, parameters: {{source: source/out, target: infer/in}}}}
- {{type: nvidia::gxf::Connection, parameters: {{source: infer/out, target: sink/in}}}}
---
components:
- {{name: clock, type: nvidia::gxf::RealtimeClock}}
- type: nvidia::gxf::{SCHEDULER[0]}
  parameters: {{clock: clock, stop_on_deadlock: true{SCHEDULER[1]}}}
"""
    if model is None:  # drop the infer entity; source feeds sink
        documents = text.split("---\n")
        text = "---\n".join([documents[0], documents[2], documents[4]]) + \
            "---\ncomponents:\n- {type: nvidia::gxf::Connection, parameters: " \
            "{source: source/out, target: sink/in}}\n"
    return text


def write_graph(folder, component, model, frames, batch, size, batched=False):
    """(graph, manifest, result) paths of the bench graph written into `folder`."""
    result = os.path.join(folder, "result.json")
    graph = os.path.join(folder, "graph.yaml")
    manifest = os.path.join(folder, "manifest.yaml")
    with open(graph, "w", encoding="utf-8") as file:
        file.write(graph_text(component, model, frames, batch, size, result, batched))
    with open(manifest, "w", encoding="utf-8") as file:
        file.write(MANIFEST + ("- gxf/test/extensions/libgxf_bench.so\n" if NATIVE_ENDS else ""))
    return graph, manifest, result


PINNED = []  # `taskset -c CPUS` before each child's command line (--cpus)
NATIVE_ENDS = []  # [True]: the C++ source and sink of extensions/bench (--native-ends)
# The graph's scheduler and its extra parameters (--workers).
SCHEDULER = ["GreedyScheduler", ""]


def run_graph(folder, component, model, frames, batch, size, batched=False):
    """Seconds the graph took for `frames` frames (verified: the sink got every frame)."""
    graph, manifest, result = write_graph(folder, component, model, frames, batch, size,
                                          batched)
    process = subprocess.run(PINNED + [sys.executable, "-m", "gxf.gxe", "--app", graph, "--manifest",
                              manifest, "--severity", "1"], capture_output=True, text=True,
                             timeout=600)
    if process.returncode != 0:
        raise SystemExit(f"graph failed:\n{process.stdout}\n{process.stderr}")
    with open(result, encoding="utf-8") as file:
        outcome = json.load(file)
    if outcome["count"] != frames:
        raise SystemExit(f"the sink got {outcome['count']} of {frames} frames")
    return outcome["seconds"]


def _frames(batch, size):
    """`batch` random frames [3, size, size], as the bench source publishes them."""
    return [np.random.default_rng(i).normal(size=(3, size, size)).astype(np.float32)
            for i in range(batch)]


def run_direct_onnxruntime(model, frames, batch, size, device, batched=False):
    """Seconds of onnxruntime alone: stack `batch` frames (`batched`: stacked once, as the
    batched source publishes them) and run, frames / batch times."""
    import onnxruntime

    del device  # the component's default session: the CPU provider where no CUDA one is
    session = onnxruntime.InferenceSession(model, providers=["CPUExecutionProvider"])
    inputs = _frames(batch, size)
    stacked = np.empty((batch, 3, size, size), np.float32)  # reused, as the graph's staging

    def feed():
        return stacked if batched else np.stack(inputs, out=stacked)

    np.stack(inputs, out=stacked)
    session.run(["logits"], {"images": feed()})  # warm-up (first tick)
    started = time.perf_counter()
    for _ in range(frames // batch):
        session.run(["logits"], {"images": feed()})
    return time.perf_counter() - started


def run_direct_torch(model, frames, batch, size, device, batched=False, staged=False):
    """Seconds of torch alone: stack `batch` frames, move them to the device, call the module,
    frames / batch times (the GPU's queue drained once at the end, as the graph's sink does
    not wait on it either). `staged` (CUDA): what TorchInference does instead, done directly:
    frames stacked into page-locked memory, copied without waiting, a CUDA graph replayed."""
    import torch

    module = torch.export.load(model).module().to(device)
    inputs = _frames(batch, size)

    stacked = np.empty((batch, 3, size, size), np.float32)  # reused, as the graph's staging
    np.stack(inputs, out=stacked)

    def plain():
        with torch.inference_mode():
            feed = stacked if batched else np.stack(inputs, out=stacked)
            return module(torch.from_numpy(feed).to(device))

    once = plain
    if staged and device == "cuda":
        from gxf.inference.torch_cuda_graph import CudaGraphs
        from gxf.inference.torch_upload import HostUploader

        uploader = HostUploader(torch, torch.device(device))
        graphs = CudaGraphs(torch, module, torch.device(device), model)
        parts = [torch.from_numpy(stacked)] if batched else \
            [torch.from_numpy(frame) for frame in inputs]

        def replay():
            with torch.inference_mode():
                feed = uploader.stage(parts, stack=not batched)
                return graphs.run([feed], uploader.send, uploader.send)

        once = replay

    once()
    if device == "cuda":
        torch.cuda.synchronize()
    started = time.perf_counter()
    for _ in range(frames // batch):
        once()
    if device == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - started


DIRECT = {"onnxruntime": run_direct_onnxruntime, "torch": run_direct_torch}
STAGED = []  # ["--direct-staged"]: the torch direct loop stages and replays (--direct-staged)
GRAPH_OPTIONS = {}  # extra parameters of the inference component (--no-cuda-graph)


def run_direct(backend, model, frames, batch, size, device, batched=False):
    """Seconds of the direct loop, run in a fresh process as the graph is."""
    process = subprocess.run(PINNED + [sys.executable, os.path.abspath(__file__), "--direct", model,
                              "--backend", backend, "--frames", str(frames), "--batch",
                              str(batch), "--size", str(size), "--device", device]
                             + (["--batched"] if batched else []) + STAGED,
                             capture_output=True, text=True, timeout=600)
    if process.returncode != 0:
        raise SystemExit(f"direct loop failed:\n{process.stdout}\n{process.stderr}")
    return float(process.stdout.split()[-1])


def main(argv=None):
    """Print frames/s of both and the graph/direct ratio per model and batch size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(MODELS), action="append",
                        help="model (repeatable; default cnn and tiny)")
    parser.add_argument("--batch", type=int, action="append",
                        help="batch size (repeatable; default 8 and 1)")
    parser.add_argument("--frames", type=int,
                        help="frames per run (default 8000 for cnn, 80000 for tiny: runs of ~1 s on "
                             "the 2-core VM, 0.3-0.7 s on 16 cores; runs of 0.05 s read "
                             "1.06-1.66 on the GPU machine within minutes)")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--backend", choices=sorted(COMPONENTS), default="onnxruntime")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="torch only: where the direct loop runs (TorchInference runs on "
                             "the GPU whenever torch has CUDA)")
    parser.add_argument("--cpus", help="run every child on these CPUs (taskset -c), e.g. 0: "
                                           "the runtimes then size their thread pools to them")
    parser.add_argument("--workers", type=int, default=0,
                        help="run the graph on the EventBasedScheduler with this many workers "
                             "(source, inference and sink then overlap); default: greedy")
    parser.add_argument("--batched", action="store_true",
                        help="the source publishes one message per batch (a batched buffer "
                             "[batch, 3, S, S], fed as it is), and the direct loop runs on one "
                             "array stacked once")
    parser.add_argument("--direct-staged", action="store_true",
                        help="torch on CUDA: the direct loop does what TorchInference does "
                             "(page-locked staging, copies without waiting, CUDA graph replay), "
                             "so the ratio is the graph's own cost")
    parser.add_argument("--no-cuda-graph", action="store_true",
                        help="TorchInference with cuda_graph: false (the module called per run)")
    parser.add_argument("--native-ends", action="store_true",
                        help="the graph's source and sink are C++ codelets (extensions/bench) "
                             "instead of Python ones: what the engine adds around the model "
                             "without a Python call per frame")
    parser.add_argument("--direct", metavar="MODEL", help=argparse.SUPPRESS)  # the child
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.direct:
        batch = args.batch[0]
        staged = {"staged": True} if args.direct_staged else {}
        print(DIRECT[args.backend](args.direct, args.frames, batch, args.size, args.device,
                                   args.batched, **staged))
        return
    STAGED[:] = ["--direct-staged"] if args.direct_staged else []
    NATIVE_ENDS[:] = [True] if args.native_ends else []
    if args.no_cuda_graph:
        GRAPH_OPTIONS["cuda_graph"] = "false"
    component = COMPONENTS[args.backend]
    PINNED[:] = ["taskset", "-c", args.cpus] if args.cpus else []
    if args.workers > 0:
        SCHEDULER[:] = ["EventBasedScheduler", f", worker_thread_number: {args.workers}"]
    print(f"{component} against {args.backend} directly ({args.device}), median of {args.reps}"
          + (f", on CPUs {args.cpus}" if args.cpus else "")
          + (", one message per batch" if args.batched else ", one message per frame")
          + (", direct loop staged + CUDA graph" if args.direct_staged else "")
          + (", cuda_graph: false" if args.no_cuda_graph else "")
          + (", C++ source and sink" if args.native_ends else "")
          + f", {SCHEDULER[0]}" + (f" ({args.workers} workers)" if args.workers > 0 else ""))
    print(f"{'model':>5} {'batch':>5} {'frames':>6} {'direct fps':>11} {'graph fps':>10} "
          f"{'ratio':>6} {'us/frame over':>14} {'source+sink us/frame':>21} "
          f"{'ratio per rep':>14} {'best/best':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.model or ["cnn", "tiny"]:
            size = MODELS[kind]
            model = build_model(kind, args.backend, folder)
            for batch in args.batch or [8, 1]:
                frames = args.frames or (8000 if kind == "cnn" else 80000)
                frames -= frames % batch
                b = args.batched
                runs = [(run_graph(folder, component, model, frames, batch, size, b),
                         run_direct(args.backend, model, frames, batch, size, args.device, b),
                         run_graph(folder, component, None, frames, batch, size, b))
                        for _ in range(args.reps)]
                graph, alone, bare = (statistics.median(column) for column in zip(*runs))
                # Each rep's graph and direct runs follow each other: their ratio shows how
                # far the machine moved the figure from rep to rep. best/best: the fastest
                # graph run over the fastest direct one, what each costs with the least
                # interference from the rest of the machine.
                each = sorted(run[0] / run[1] for run in runs)
                print(f"{kind:>5} {batch:>5} {frames:>6} {frames / alone:>11.0f} "
                      f"{frames / graph:>10.0f} {graph / alone:>6.3f} "
                      f"{(graph - alone) / frames * 1e6:>14.1f} {bare / frames * 1e6:>21.1f} "
                      f"{each[0]:>6.3f}-{each[-1]:.3f} "
                      f"{min(run[0] for run in runs) / min(run[1] for run in runs):>9.3f}",
                      flush=True)


if __name__ == "__main__":
    main()
