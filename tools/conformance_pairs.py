#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Tier-5 pairs of the conformance catalogue: GXF's two-process graphs (a UCX receiver graph
and its transmitter partner) started together on this machine, ours on both sides.

    export GXF_REF=/work/gxfsrc/com_nvidia_gxf
    python tools/conformance_pairs.py [--only NAME] [-v]

shared/tools/conformance/run.py runs one process per case; a pair needs both at once. For each
catalogue entry with a `partner` where neither side needs a GPU, this starts the receiving
side (the file with UcxReceiver), waits until it listens, starts the other, and counts the
pair as passed when both exit 0 (their StepCount checks included). Receivers listen on
127.0.0.1 and transmitters connect there (--param overrides), so no traffic leaves the
machine. The last line is the summary, e.g. `T5 pairs 3/4 (ours)`."""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

import yaml

from gxf.core.manifest import packaged_extensions

CATALOG = "/work/shared/tools/conformance/catalog.yaml"


def ordered_needs(needs, deps):
    """Extension names with their dependencies first, each once."""
    order = []

    def add(name):
        for dependency in deps.get(name, []):
            add(dependency)
        if name not in order:
            order.append(name)
    for name in needs:
        add(name)
    return order


def ucx_components(path, kind):
    """(entity, component name) of every component of `kind` in a graph file."""
    found = []
    with open(path, encoding="utf-8") as stream:
        for document in yaml.safe_load_all(stream):
            if not isinstance(document, dict):
                continue
            for component in document.get("components") or []:
                if component.get("type") == kind:
                    found.append((document.get("name"), component.get("name")))
    return found


def overrides(path):
    """--param overrides that pin the UCX endpoints of a graph to 127.0.0.1."""
    params = [f"{entity}/{name}/address=127.0.0.1"
              for entity, name in ucx_components(path, "nvidia::gxf::UcxReceiver")]
    params += [f"{entity}/{name}/receiver_address=127.0.0.1"
               for entity, name in ucx_components(path, "nvidia::gxf::UcxTransmitter")]
    return params


def start(root, graph, manifest, params):
    """gxe.py on one graph, CWD the GXF root, output to a pipe."""
    command = [sys.executable, "-m", "gxf.gxe", "--app", graph, "--manifest", manifest,
               *[f"--param={param}" for param in params]]
    return subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def drain(process, lines, listening):
    """Collect a process's output lines as they come; set `listening` at the first listener.
    Draining all along matters: a side that logs every message (test_ping_multiple_ucx, 30000
    lines) blocks on a full pipe, stops receiving, and stalls its peer."""
    for line in process.stdout:
        lines.append(line)
        if "listening on" in line:
            listening.set()
    listening.set()


def run_pair(root, receiver, transmitter, manifest, timeout):
    """(passed, detail) of one pair."""
    deadline = time.monotonic() + timeout
    processes, outputs, readers = {}, {}, []
    listening = threading.Event()
    processes["rx"] = start(root, receiver, manifest, overrides(os.path.join(root, receiver)))
    outputs["rx"] = []
    readers.append(threading.Thread(target=drain, args=(processes["rx"], outputs["rx"], listening)))
    readers[-1].start()
    listening.wait(timeout)
    processes["tx"] = start(root, transmitter, manifest,
                            overrides(os.path.join(root, transmitter)))
    outputs["tx"] = []
    readers.append(threading.Thread(target=drain, args=(processes["tx"], outputs["tx"],
                                                         threading.Event())))
    readers[-1].start()
    codes = {}
    for name in ("tx", "rx"):
        process = processes[name]
        try:
            codes[name] = process.wait(timeout=max(1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            codes[name] = process.wait()
            outputs[name].append("\n(killed: ran past the time limit)")
    for reader in readers:
        reader.join()
    passed = all(code == 0 for code in codes.values())
    detail = "; ".join(f"{name} exit {code}" for name, code in codes.items())
    if not passed:
        for name, code in codes.items():
            output = "".join(outputs[name])
            errors = [line for line in output.splitlines() if re.search(r"error|Error", line)]
            detail += f"\n    {name}: " + (errors[-1][:300] if errors else output[-300:])
    return passed, detail


def main():
    """Run the pairs; print one line per pair and the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gxf-root", default=os.environ.get("GXF_REF"))
    parser.add_argument("--only", help="run pairs whose file names contain this")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not args.gxf_root:
        parser.error("set GXF_REF or --gxf-root to GXF's source root")
    with open(CATALOG, encoding="utf-8") as stream:
        catalog = yaml.safe_load(stream)
    by_path = {case["path"]: case for case in catalog["graphs"]}
    pairs, skipped, seen = [], [], set()
    for case in catalog["graphs"]:
        partner = by_path.get(case.get("partner", ""))
        if case.get("tier") != 5 or not partner or case["path"] in seen:
            continue
        seen.update({case["path"], partner["path"]})
        if "ucx" not in case.get("needs", []):
            skipped.append((case["path"], "not a UCX pair (grpc / network extensions)"))
            continue
        if case.get("gpu") or partner.get("gpu"):
            skipped.append((case["path"], "needs a GPU"))
            continue
        root = args.gxf_root
        if ucx_components(os.path.join(root, case["path"]), "nvidia::gxf::UcxReceiver"):
            receiver, transmitter = case, partner
        else:
            receiver, transmitter = partner, case
        pairs.append((receiver, transmitter))
    if args.only:
        pairs = [pair for pair in pairs if any(args.only in case["path"] for case in pair)]
    passed = 0
    with tempfile.TemporaryDirectory() as work:
        for receiver, transmitter in pairs:
            libraries = ordered_needs(receiver["needs"] + transmitter["needs"],
                                      catalog.get("library_deps", {}))
            manifest = os.path.join(work, "manifest.yaml")
            # GXF's ucx extension needs multimedia; ours does not, and there is none here.
            packaged = packaged_extensions()
            with open(manifest, "w", encoding="utf-8") as stream:
                yaml.safe_dump({"extensions": [
                    catalog["libraries"][name] for name in libraries
                    if os.path.basename(catalog["libraries"][name]) in packaged]}, stream)
            ok, detail = run_pair(args.gxf_root, receiver["path"], transmitter["path"], manifest,
                                  args.timeout)
            passed += ok
            print(f"{'ok  ' if ok else 'FAIL'} {receiver['path']} + "
                  f"{os.path.basename(transmitter['path'])}: {detail}", flush=True)
    if args.verbose:
        for path, why in skipped:
            print(f"skip {path}: {why}")
    print(f"T5 pairs {passed}/{len(pairs)} (ours); {len(skipped)} pairs skipped")
    return 0 if passed == len(pairs) else 1


if __name__ == "__main__":
    sys.exit(main())
