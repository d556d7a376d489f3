#!/usr/bin/env python3
"""Frames per second of a 1920x1080x3 uint8 frame through 5 Python codelets, on host and on
device, and the per-hop overhead next to the same NumPy/CuPy work without the graph.

    python tools/bench/tensor.py                   # host, and device when CuPy and a GPU exist
    python tools/bench/tensor.py --frames 500 --reps 1 --host-only
    python tools/bench/tensor.py --breakdown       # also time each step of the stages' ticks

Graph: FrameSource (new frame per tick from a BlockMemoryPool, kHost or kDevice) -> 3 x
FrameStage -> FrameSink (codelets/tensor_codelets.py), GreedyScheduler, queues of capacity 2.
Each stage takes the tensor from the message, views it as a NumPy/CuPy array without copying
(np.asarray / cupy.asarray through the array interfaces) and increments one pixel in place.
Baseline: the same 4 views + increments per frame on a preallocated array, no graph. The
per-hop overhead is (graph time per frame - baseline time per frame) / 5 codelet ticks.
A second baseline views memory the array library does not own, exposed as the engine's Tensor
exposes it (GXF's array interface with stream 1, or DLPack), 4 times per frame: what the
library itself charges for viewing a message's tensor. The graph time above it, per hop, is
the engine's own part.
Graph time per frame is the steady state: the sink notes the time after the first 10% of the
frames (codelet modules imported, CuPy initialised, kernels compiled: several hundred ms that
are a cost of starting, not of a hop) and after the last one. Each figure is the median of
--reps runs in fresh processes; a run counts only if the sink received every frame.
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

HERE = os.path.dirname(os.path.abspath(__file__))
CODELETS = os.path.join(HERE, "codelets", "tensor_codelets.py")
FRAME_BYTES = 1920 * 1080 * 3
STAGES = 3

MANIFEST = """extensions:
- gxf/std/libgxf_std.so
- gxf/python_codelet/libgxf_python_codelet.so
"""


def python_entity(name, codelet, params, receive, transmit, count=None):
    """YAML of one entity running a codelet from tensor_codelets.py."""
    lines = [f"name: {name}", "components:"]
    if receive:
        lines += ["- {name: in, type: nvidia::gxf::DoubleBufferReceiver, "
                  "parameters: {capacity: 2}}",
                  "- type: nvidia::gxf::MessageAvailableSchedulingTerm",
                  "  parameters: {receiver: in, min_size: 1}"]
    if transmit:
        lines += ["- {name: out, type: nvidia::gxf::DoubleBufferTransmitter, "
                  "parameters: {capacity: 2}}",
                  "- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm",
                  "  parameters: {transmitter: out, min_size: 1}"]
    if count is not None:
        lines += ["- type: nvidia::gxf::CountSchedulingTerm", f"  parameters: {{count: {count}}}"]
    lines += ["- type: nvidia::gxf::PyCodeletV0", "  parameters:",
              f"    codelet_name: {codelet}", f"    codelet_file: {CODELETS}",
              f"    codelet_params: {json.dumps(params)}"]
    return "\n".join(lines) + "\n"


def graph_text(frames: int, device: bool, interop: str = "asarray") -> str:
    """The 5-codelet graph for `frames` frames; stages view tensors with `interop`."""
    storage = 1 if device else 0
    source = python_entity("source", "FrameSource",
                           {"transmitter": "out", "allocator": "pool", "device": device},
                           receive=False, transmit=True, count=frames)
    source += ("- name: pool\n  type: nvidia::gxf::BlockMemoryPool\n"
               f"  parameters: {{storage_type: {storage}, block_size: {FRAME_BYTES}, "
               "num_blocks: 16}\n")
    documents = [source]
    names = ["source"] + [f"stage{i}" for i in range(1, STAGES + 1)] + ["sink"]
    for name in names[1:-1]:
        documents.append(python_entity(name, "FrameStage",
                                       {"receiver": "in", "transmitter": "out", "device": device,
                                        "interop": interop},
                                       receive=True, transmit=True))
    documents.append(python_entity("sink", "FrameSink",
                                   {"receiver": "in", "device": device, "interop": interop,
                                    "warmup": max(1, frames // 10)},
                                   receive=True, transmit=False))
    links = ["components:"]
    for source_name, target in zip(names, names[1:]):
        links += ["- type: nvidia::gxf::Connection",
                  f"  parameters: {{source: {source_name}/out, target: {target}/in}}"]
    documents.append("\n".join(links) + "\n")
    documents.append("components:\n- {name: clock, type: nvidia::gxf::RealtimeClock}\n"
                     "- type: nvidia::gxf::GreedyScheduler\n"
                     "  parameters: {clock: clock, max_duration_ms: 3600000}\n")
    return "---\n".join(documents)


CHILD = r"""
import json, os, sys, time
import gxf.core as core
graph, manifest = sys.argv[1], sys.argv[2]
context = core.context_create()
core.gxf_set_severity(context, 1)
core.load_extensions(context, manifest_filenames=[manifest])
core.graph_load_file(context, graph)
core.graph_activate(context)
start = time.perf_counter()
core.graph_run(context)
elapsed = time.perf_counter() - start
core.graph_deactivate(context)
core.context_destroy(context)
print("TENSOR_BENCH " + json.dumps({"run_s": elapsed}))
"""

BASELINE = r"""
import json, sys, time
import numpy as np
sys.path.insert(0, sys.argv[3])
from tensor_codelets import FRAME_SHAPE, array_module, stage_work
frames, device, foreign, interop = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[4] == "1", sys.argv[5]
xp = array_module(device)
frame = xp.zeros(FRAME_SHAPE, dtype=xp.uint8)


class Foreign:
    # The frame as memory the array library does not own, exposed the way the engine's Tensor
    # exposes it (the array interface GXF gives, legacy stream 1 on the device; or DLPack), so
    # that viewing it costs the library what viewing a message's tensor costs it.
    def __init__(self, array):
        self._array = array
        interface = dict(array.__cuda_array_interface__ if device else array.__array_interface__)
        if device:
            interface["stream"] = 1
        self._interface = interface

    @property
    def __array_interface__(self):
        return self._interface

    @property
    def __cuda_array_interface__(self):
        return self._interface

    def __dlpack__(self, **kwargs):
        return self._array.__dlpack__(**kwargs)

    def __dlpack_device__(self):
        return self._array.__dlpack_device__()


view = xp.from_dlpack if interop == "dlpack" else xp.asarray
source = Foreign(frame) if foreign else frame
for _ in range(100):
    stage_work(view(source))
if device:
    xp.cuda.runtime.deviceSynchronize()
start = time.perf_counter()
for _ in range(frames):
    for _ in range(4):
        stage_work(view(source))
if device:
    xp.cuda.runtime.deviceSynchronize()
print("TENSOR_BENCH " + json.dumps({"run_s": time.perf_counter() - start}))
"""


def run_child(args: list[str], env=None) -> float:
    """Run a child Python script; returns its reported run_s."""
    process = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True,
                             env=env, timeout=3600)
    for line in process.stdout.splitlines():
        if line.startswith("TENSOR_BENCH "):
            return json.loads(line[len("TENSOR_BENCH "):])["run_s"]
    raise RuntimeError(f"benchmark child failed ({process.returncode}):\n{process.stdout}\n"
                       f"{process.stderr}")


def read_breakdown(path: str) -> dict:
    """Mean microseconds per stage tick of each timed step (tensor_codelets.StepTimes)."""
    with open(path, encoding="utf-8") as stream:
        data = json.load(stream)
    ticks = max(data["ticks"], 1)
    return {step: ns / ticks / 1e3 for step, ns in data["ns"].items()}


def measure(device: bool, frames: int, reps: int, workdir: str, breakdown=False,
            interop="asarray") -> dict:
    """Median graph and baseline times for one side (host or device)."""
    graph = os.path.join(workdir, f"tensor_{'device' if device else 'host'}.yaml")
    with open(graph, "w", encoding="utf-8") as stream:
        stream.write(graph_text(frames, device, interop))
    manifest = os.path.join(workdir, "manifest.yaml")
    with open(manifest, "w", encoding="utf-8") as stream:
        stream.write(MANIFEST)
    result_file = os.path.join(workdir, "received.json")
    steps_file = os.path.join(workdir, "steps.json")
    graph_times, baseline_times, foreign_times, start_times, steps = [], [], [], [], None
    traffic, steady = None, 0
    for _ in range(reps):
        env = dict(os.environ, GXF_BENCH_TENSOR_OUT=result_file)
        if breakdown:
            env["GXF_BENCH_TENSOR_BREAKDOWN"] = steps_file
        run_s = run_child([CHILD, graph, manifest], env)
        if breakdown:
            steps = read_breakdown(steps_file)
        with open(result_file, encoding="utf-8") as stream:
            sink = json.load(stream)
        if sink["received"] != frames:
            raise RuntimeError(f"sink received {sink['received']} of {frames} frames")
        steady_frames = frames - sink["warmup"]
        graph_times.append((sink["last_ns"] - sink["steady_from_ns"]) / 1e9 * frames
                           / steady_frames if steady_frames > 0 else run_s)
        start_times.append(run_s - graph_times[-1])
        traffic = sink["traffic"]
        steady = steady_frames
        for foreign, times in (("0", baseline_times), ("1", foreign_times)):
            times.append(run_child([BASELINE, str(frames), "1" if device else "0",
                                    os.path.dirname(CODELETS), foreign, interop]))
    graph_s, baseline_s = statistics.median(graph_times), statistics.median(baseline_times)
    per_frame_us = graph_s / frames * 1e6
    work_us = baseline_s / frames * 1e6
    foreign_us = statistics.median(foreign_times) / frames * 1e6
    return {"side": "device" if device else "host", "frames": frames, "graph_s": graph_s,
            "fps": frames / graph_s, "frame_us": per_frame_us, "work_us": work_us,
            "hop_overhead_us": (per_frame_us - work_us) / (STAGES + 2), "steps_us": steps,
            "foreign_work_us": foreign_us,
            "engine_hop_us": (per_frame_us - foreign_us) / (STAGES + 2),
            "start_s": statistics.median(start_times), "traffic": traffic,
            "steady_frames": steady}


def gpu_available() -> bool:
    """True when CuPy sees a GPU and the engine can load the CUDA driver."""
    try:
        import cupy

        from gxf.cuda import cuda_available

        return cupy.cuda.runtime.getDeviceCount() > 0 and cuda_available()
    except Exception:  # noqa: BLE001 - no CuPy or no CUDA: host only
        return False


def main(argv=None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=2000, help="frames per run")
    parser.add_argument("--reps", type=int, default=3, help="timed runs per side")
    parser.add_argument("--host-only", action="store_true", help="skip the device side")
    parser.add_argument("--breakdown", action="store_true",
                        help="time each step of the stages' ticks (receive, tensor lookup, "
                             "array view, work, publish); the rest of a hop is the engine's")
    parser.add_argument("--interop", choices=["asarray", "dlpack"], default="asarray",
                        help="how stages view a tensor: xp.asarray (array interfaces, the "
                             "default, as GXF's examples) or xp.from_dlpack")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args(argv)
    sides = [False] + ([] if args.host_only or not gpu_available() else [True])
    results = []
    with tempfile.TemporaryDirectory() as workdir:
        for device in sides:
            r = measure(device, args.frames, args.reps, workdir, args.breakdown, args.interop)
            results.append(r)
            print(f"{r['side']:6s} {r['frames']} frames 1920x1080x3 uint8 through 5 Python "
                  f"codelets: {r['fps']:,.0f} frames/s ({r['frame_us']:.1f} us/frame); same "
                  f"{'CuPy' if device else 'NumPy'} work without the graph {r['work_us']:.1f} "
                  f"us/frame; overhead {r['hop_overhead_us']:.1f} us per hop (steady state; "
                  f"starting took {r['start_s'] * 1e3:.0f} ms more)", flush=True)
            print(f"       the same views of foreign memory + work without the graph "
                  f"{r['foreign_work_us']:.1f} us/frame: the engine's own part "
                  f"{r['engine_hop_us']:.1f} us per hop", flush=True)
            if r["traffic"] is not None:
                t = r["traffic"]
                print(f"       engine CUDA traffic over {r['steady_frames']} steady frames: "
                      f"{t['copies']} copies ({t['copy_bytes']} bytes), "
                      f"{t['device_allocations']} device and {t['pinned_allocations']} pinned "
                      "allocations", flush=True)
            if r["steps_us"]:
                inside = sum(r["steps_us"].values())
                print("       per stage tick: " + ", ".join(
                    f"{step} {us:.1f} us" for step, us in r["steps_us"].items()) +
                    f"; in the tick {inside:.1f} us, outside it (engine) "
                    f"{r['frame_us'] / (STAGES + 2) - inside:.1f} us per hop", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(results, stream, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
