#!/usr/bin/env python3
"""Where a frame's time goes in tools/bench/infer.py's graph (source -> OnnxRuntimeInference or
TorchInference -> sink), run in this process so the runner can be timed from inside:

    python tools/bench/infer_profile.py --model cnn --batch 8
    python tools/bench/infer_profile.py --model tiny --batch 8 --python-path   # the runner's tick
    python tools/bench/infer_profile.py --model tiny --batch 8 --cprofile      # with cProfile
    python tools/bench/infer_profile.py --model cnn --batch 8 --batched        # batched buffers
    python tools/bench/infer_profile.py --backend torch --device cuda --batched  # TorchInference

Per frame: the graph's time; of it the runtime's run() (session.run, GIL released inside);
the Python runner's tick around it (receive, lookup, checks, stacking, splitting, publishing)
where the tick is Python's; the rest (scheduler, source, sink and, on the C++ host path,
HostFrames' stacking and splitting). --python-path turns the C++ host path off (every tick is
InferenceRunner.tick, as before it existed). Then infer.py's direct loop runs in this process
on a thread of its own, for a ratio free of the differences between processes. --cprofile profiles the Python calls of the
inference component (the runner's tick, or run_host on the C++ path).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import infer  # noqa: E402  the bench's graph and models


def _timer(function, name, total, profile):
    """`function` wrapped to add its wall time to total[name] (and run it under `profile`),
    from its second call on: the first is the warm-up batch's run, which the graph's time
    leaves out too (infer.py)."""
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        if calls[0] == 1:
            return function(*args)
        started = time.perf_counter()
        if profile is not None:
            profile.enable()
        try:
            return function(*args)
        finally:
            if profile is not None:
                profile.disable()
            total[name] = total.get(name, 0.0) + time.perf_counter() - started

    return wrapper


def _timed(owner, name, total, profile):
    """Time method owner.name into total[name] (see _timer)."""
    setattr(owner, name, _timer(getattr(owner, name), name, total, profile))


def direct_in_thread(backend, model, frames, batch, size, device, batched=False):
    """Seconds of the direct loop (infer.py's) run afterwards in this process, on a thread of
    its own as the scheduler's: the same process state and thread kind as the graph's run."""
    import threading

    seconds = []
    worker = threading.Thread(target=lambda: seconds.append(
        infer.DIRECT[backend](model, frames, batch, size, device, batched)))
    worker.start()
    worker.join()
    return seconds[0]


def main(argv=None):
    """Print the per-frame breakdown of one graph run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(infer.MODELS), default="tiny")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--frames", type=int)
    parser.add_argument("--backend", choices=sorted(infer.COMPONENTS), default="onnxruntime")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="torch only: where the direct loop runs (as infer.py's --device)")
    parser.add_argument("--python-path", action="store_true",
                        help="no C++ host path: every tick is InferenceRunner.tick")
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--batched", action="store_true",
                        help="one message per batch, as infer.py --batched")
    args = parser.parse_args(argv)
    from gxf import gxe
    from gxf.inference.runner import InferenceRunner

    if args.backend == "torch":
        from gxf.inference.torch_model import TorchModel as ModelClass
    else:
        from gxf.inference.onnxruntime_model import OnnxRuntimeModel as ModelClass

    total = {}
    profile = cProfile.Profile() if args.cprofile else None
    if args.python_path:
        InferenceRunner.host_plan = lambda self: None
    # Both: a model that is not host_native (torch on CUDA) takes the runner's tick whatever
    # the flag says, and only one of them is ever called.
    _timed(InferenceRunner, "tick", total, profile)
    _timed(InferenceRunner, "run_host", total, profile)
    _timed(ModelClass, "run", total, None)
    # The C++ host path calls the runtime's own function (host_call) where the model has one,
    # or for a model on the GPU its staged_call (upload, replay or call, outputs handed over):
    # time that as the model's run (no Python around it then).
    def timed_call(getter):
        def timed(self):
            function = getter(self)
            return None if function is None else _timer(function, "call", total, None)
        return timed

    ModelClass.host_call = timed_call(ModelClass.host_call)
    ModelClass.staged_call = timed_call(ModelClass.staged_call)
    size = infer.MODELS[args.model]
    frames = args.frames or (8000 if args.model == "cnn" else 80000)
    frames -= frames % args.batch
    with tempfile.TemporaryDirectory() as folder:
        model = infer.build_model(args.model, args.backend, folder)
        graph, manifest, result = infer.write_graph(folder, infer.COMPONENTS[args.backend],
                                                    model, frames, args.batch, size,
                                                    args.batched)
        code = gxe.main(["--app", graph, "--manifest", manifest, "--severity", "1"])
        if code:
            raise SystemExit(f"the graph failed ({code})")
        with open(result, encoding="utf-8") as file:
            seconds = json.load(file)["seconds"]
        direct = direct_in_thread(args.backend, model, frames, args.batch, size, args.device,
                                  args.batched)

    def per_frame(value):
        return f"{value / frames * 1e6:8.1f} us"

    run = total.get("run", 0.0) + total.get("call", 0.0)
    python_tick = "tick" in total
    python = total.get("tick", total.get("run_host", total.get("call", 0.0)))
    print(f"{args.backend} {args.model} batch {args.batch}"
          f"{' (one message)' if args.batched else ''}, {frames} frames, "
          f"{'Python runner tick' if python_tick else 'C++ host path'}")
    print(f"  graph, per frame          {per_frame(seconds)}")
    print(f"  runtime run()             {per_frame(run)}")
    label = ("runner tick around run()" if python_tick else
             "run_host around run()" if "run_host" in total else "none (runtime called from C++)")
    print(f"  {label:<25} {per_frame(python - run)}")
    print(f"  the rest                  {per_frame(seconds - python)}")
    print(f"  direct loop, same process {per_frame(direct)}  (graph / direct {seconds / direct:.3f})")
    if profile is not None:
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
