#!/usr/bin/env python3
"""Per-frame overhead of nvidia::gxf::OnnxRuntimeInference in a graph against calling
onnxruntime directly in a loop: same model, same batch, same session defaults.

    python tools/bench/inference.py                       # batch 8 and 1, 2000 frames, 3 reps
    python tools/bench/inference.py --batch 8 --frames 4000 --reps 5 --size 64

Model: images [N, 3, S, S] -> Conv(4, 3x3) -> Relu -> Flatten -> Gemm(10) -> logits, Softmax
(gxf.testing.onnx_models.conv_relu_gemm, built at run time). Graph (gxe.py, GreedyScheduler):
FrameSource publishes `batch` preallocated frames [3, S, S] per tick (one message each) ->
OnnxRuntimeInference (max_batch_size = batch, its receiver waits for `batch` messages; frames
stacked, run once, outputs split back into one message per frame) -> CountingSink. Timed from
the source's first tick to the sink's last message. Direct: session.run on a batch stacked from
`batch` frames (np.stack, as the graph does), `frames / batch` times. Each figure is the median
of --reps runs, each graph run in a fresh process; the ratio is graph / direct time per frame
(overhead = ratio - 1). "of it source+sink" is the same graph without the inference entity
(source -> sink): what the Python source and sink cost per frame, part of the overhead.
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
CODELETS = os.path.join(HERE, "codelets", "inference_codelets.py")

MANIFEST = """extensions:
- gxf/std/libgxf_std.so
- gxf/cuda/libgxf_cuda.so
- gxf/python_codelet/libgxf_python_codelet.so
- gxf/inference/libgxf_inference.so
"""


def graph_text(model, frames, batch, size, result):
    """source -> OnnxRuntimeInference -> sink for `frames` frames, `batch` per run; without a
    model, source -> sink (what the graph costs around the inference component)."""
    capacity = 2 * batch
    params = json.dumps({"shape": [3, size, size], "per_tick": batch, "frames": frames,
                         "result": result})
    text = f"""
name: source
components:
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: {batch}}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: {-(-frames // batch)}}}
- type: nvidia::gxf::PyCodeletV0
  parameters: {{codelet_name: FrameSource, codelet_file: {CODELETS}, codelet_params: {params}}}
---
name: infer
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: {batch}}}
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: {batch}}}
- name: inference
  type: nvidia::gxf::OnnxRuntimeInference
  parameters:
    model_file_path: {model}
    input_tensor_names: [images]
    output_tensor_names: [logits]
    max_batch_size: {batch}
    rx: [in]
    tx: out
---
name: sink
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver, parameters: {{capacity: {capacity}}}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: 1}}
- type: nvidia::gxf::PyCodeletV0
  parameters: {{codelet_name: CountingSink, codelet_file: {CODELETS}, codelet_params: {{result: {result}, tensor: {"logits" if model else "images"}}}}}
---
components:
- {{type: nvidia::gxf::Connection, parameters: {{source: source/out, target: infer/in}}}}
- {{type: nvidia::gxf::Connection, parameters: {{source: infer/out, target: sink/in}}}}
---
components:
- {{name: clock, type: nvidia::gxf::RealtimeClock}}
- type: nvidia::gxf::GreedyScheduler
  parameters: {{clock: clock, stop_on_deadlock: true}}
"""
    if model is None:  # drop the infer entity; source feeds sink
        documents = text.split("---\n")
        text = "---\n".join([documents[0], documents[2], documents[4]]) + \
            "---\ncomponents:\n- {type: nvidia::gxf::Connection, parameters: " \
            "{source: source/out, target: sink/in}}\n"
    return text


def run_graph(folder, model, frames, batch, size):
    """Seconds the graph took for `frames` frames (verified: the sink got every frame)."""
    result = os.path.join(folder, "result.json")
    graph = os.path.join(folder, "graph.yaml")
    manifest = os.path.join(folder, "manifest.yaml")
    with open(graph, "w", encoding="utf-8") as file:
        file.write(graph_text(model, frames, batch, size, result))
    with open(manifest, "w", encoding="utf-8") as file:
        file.write(MANIFEST)
    process = subprocess.run([sys.executable, "-m", "gxf.gxe", "--app", graph, "--manifest",
                              manifest, "--severity", "1"], capture_output=True, text=True,
                             timeout=600)
    if process.returncode != 0:
        raise SystemExit(f"graph failed:\n{process.stdout}\n{process.stderr}")
    with open(result, encoding="utf-8") as file:
        outcome = json.load(file)
    if outcome["count"] != frames:
        raise SystemExit(f"the sink got {outcome['count']} of {frames} frames")
    return outcome["seconds"]


def run_direct(model, frames, batch, size):
    """Seconds of onnxruntime alone: stack `batch` frames and run, frames / batch times."""
    import onnxruntime

    session = onnxruntime.InferenceSession(model, providers=["CPUExecutionProvider"])
    inputs = [np.random.default_rng(i).normal(size=(3, size, size)).astype(np.float32)
              for i in range(batch)]
    session.run(["logits"], {"images": np.stack(inputs)})  # warm-up, as the graph's first tick
    started = time.perf_counter()
    for _ in range(frames // batch):
        session.run(["logits"], {"images": np.stack(inputs)})
    return time.perf_counter() - started


def main(argv=None):
    """Print frames/s of both and the graph/direct ratio per batch size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, action="append",
                        help="batch size (repeatable; default 8 and 1)")
    parser.add_argument("--frames", type=int, default=2000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--size", type=int, default=32, help="frame height and width")
    args = parser.parse_args(argv)
    from gxf.testing.onnx_models import conv_relu_gemm

    print(f"model: conv_relu_gemm 3x{args.size}x{args.size}, {args.frames} frames, "
          f"median of {args.reps}")
    print(f"{'batch':>5} {'direct fps':>11} {'graph fps':>10} {'ratio':>6} "
          f"{'us/frame over':>14} {'of it source+sink':>18}")
    with tempfile.TemporaryDirectory() as folder:
        model = conv_relu_gemm(os.path.join(folder, "model.onnx"), size=(args.size, args.size))
        for batch in args.batch or [8, 1]:
            frames = args.frames - args.frames % batch
            graph = statistics.median(run_graph(folder, model, frames, batch, args.size)
                                      for _ in range(args.reps))
            direct = statistics.median(run_direct(model, frames, batch, args.size)
                                       for _ in range(args.reps))
            bare = statistics.median(run_graph(folder, None, frames, batch, args.size)
                                     for _ in range(args.reps))
            print(f"{batch:>5} {frames / direct:>11.0f} {frames / graph:>10.0f} "
                  f"{graph / direct:>6.3f} {(graph - direct) / frames * 1e6:>14.1f} "
                  f"{bare / frames * 1e6:>18.1f}")


if __name__ == "__main__":
    main()
