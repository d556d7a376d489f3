#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Graph fuzzer: mutates the bundled and test graphs and runs each mutant through gxe.py.

    python tools/fuzz.py                         # 300 mutants, seed 1, 2 jobs
    python tools/fuzz.py --count 5000 --seed 7   # a longer run on demand
    python tools/fuzz.py --replay fuzz-failures/crash-3.yaml

A mutant may succeed or fail; what it must never do:
  - crash: the process dies by a signal, or exits with a status other than 0 or 1;
  - hang: it runs past --timeout and then does not stop within --grace seconds of SIGINT;
  - traceback: a Python traceback made only of our own package's frames (a user's mistake
    must not show our code's traceback; a codelet's own failure shows its traceback);
  - unlocated: it fails with an error that names neither the graph file nor an entity.
Each such mutant is shrunk (documents, then components, then parameters dropped while the
same defect remains) and saved under --out; the exit status is 1 if there was any.
"""

import argparse
import copy
import glob
import importlib.util
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = os.path.join(REPO, "graphs", "manifest.yaml")
# Graphs to mutate: the bundled examples and the test suite's standalone graphs.
CORPUS_GLOBS = ("graphs/*.yaml", "tests/data/*.yaml", "tests/*/graphs/*.yaml",
                "tests/std/graphs/*.yaml")
DEFECTS = ("crash", "hang", "traceback", "unlocated")
# Where our own Python code lives (the gxf package), to tell our frames from a user's.
OUR_PACKAGE = tuple(os.path.join(path, "").replace(os.sep, "/") for path in
                    importlib.util.find_spec("gxf").submodule_search_locations)

# Values that probe range checks, overflow and type handling of numeric parameters.
EXTREME_NUMBERS = (0, -1, -(2 ** 31), 2 ** 31, 2 ** 32, 2 ** 63 - 1, -(2 ** 63), 2 ** 64,
                   10 ** 13, 10 ** 9, 1e308, -1e308, 0.5, float("inf"))
ODD_VALUES = ("three", "", [1, 2], {"a": 1}, None, True, "nonexistent/component", "x" * 300)
TEXT_INSERTS = ("!!python/object/apply:os.system ['true']", "\t", "{", "]", "&a *a",
                "!!binary AAAA", ": :", "\x00")


@dataclass
class Outcome:
    """How one run of gxe.py ended."""

    defect: str  # "" when the run is acceptable
    returncode: int
    output: str
    seconds: float


# ---------------------------------------------------------------------------------------------
# Mutations: each takes the parsed documents (list of dicts) and a Random; returns a
# description, or None when it found nothing to mutate.


def _components(docs):
    """(doc, component) pairs of every component mapping."""
    return [(doc, comp) for doc in docs if isinstance(doc, dict)
            for comp in doc.get("components") or [] if isinstance(comp, dict)]


def _parameters(docs, kind=None):
    """(component, key) pairs of parameters, optionally only those of one Python type."""
    found = []
    for _, comp in _components(docs):
        params = comp.get("parameters")
        if isinstance(params, dict):
            found += [(comp, key) for key, value in params.items()
                      if kind is None or (isinstance(value, kind) and not isinstance(value, bool))]
    return found


def _pick_parameter(docs, rng, kind=None):
    """A random (component, key) pair of a parameter, or None when there is none."""
    params = _parameters(docs, kind)
    return rng.choice(params) if params else None


def mutate_extreme_number(docs, rng):
    """Replace a numeric parameter by an extreme value."""
    picked = _pick_parameter(docs, rng, (int, float))
    if picked is None:
        return None
    comp, key = picked
    comp["parameters"][key] = rng.choice(EXTREME_NUMBERS)
    return f"extreme number for {key}"


def mutate_value_type(docs, rng):
    """Replace a parameter's value by one of another type."""
    picked = _pick_parameter(docs, rng)
    if picked is None:
        return None
    comp, key = picked
    comp["parameters"][key] = copy.deepcopy(rng.choice(ODD_VALUES))
    return f"odd value for {key}"


def mutate_drop_parameter(docs, rng):
    """Delete a parameter."""
    picked = _pick_parameter(docs, rng)
    if picked is None:
        return None
    comp, key = picked
    del comp["parameters"][key]
    return f"dropped parameter {key}"


def mutate_rename_parameter(docs, rng):
    """Misspell a parameter name."""
    picked = _pick_parameter(docs, rng)
    if picked is None:
        return None
    comp, key = picked
    comp["parameters"][key + "_"] = comp["parameters"].pop(key)
    return f"misspelt parameter {key}"


def mutate_component_type(docs, rng):
    """Misspell a component type, or drop it."""
    comps = [comp for _, comp in _components(docs) if "type" in comp]
    if not comps:
        return None
    comp = rng.choice(comps)
    if rng.random() < 0.3:
        del comp["type"]
        return "dropped component type"
    comp["type"] = str(comp["type"]) + "x"
    return "misspelt component type"


def mutate_drop_component(docs, rng):
    """Delete a component."""
    pairs = _components(docs)
    if not pairs:
        return None
    doc, comp = rng.choice(pairs)
    doc["components"].remove(comp)
    return "dropped component"


def mutate_drop_entity(docs, rng):
    """Delete a document (entity, connection or scheduler)."""
    if len(docs) < 2:
        return None
    docs.pop(rng.randrange(len(docs)))
    return "dropped document"


def mutate_duplicate_entity(docs, rng):
    """Append a copy of a named entity (same name)."""
    named = [doc for doc in docs if isinstance(doc, dict) and doc.get("name")]
    if not named:
        return None
    docs.append(copy.deepcopy(rng.choice(named)))
    return "duplicated entity"


def mutate_entity_name(docs, rng):
    """Give an entity an odd name."""
    named = [doc for doc in docs if isinstance(doc, dict) and "name" in doc]
    if not named:
        return None
    rng.choice(named)["name"] = rng.choice(["", "a/b", "x" * 500, 7, None, "tx"])
    return "odd entity name"


MUTATIONS = (mutate_extreme_number, mutate_extreme_number, mutate_value_type, mutate_value_type,
             mutate_drop_parameter, mutate_rename_parameter, mutate_component_type,
             mutate_drop_component, mutate_drop_entity, mutate_duplicate_entity,
             mutate_entity_name)


def mutate_text(text, rng):
    """Text-level damage: truncate, insert a YAML oddity, or delete a character."""
    lines = text.splitlines(keepends=True)
    choice = rng.randrange(3)
    if choice == 0 and len(lines) > 2:
        return "".join(lines[:rng.randrange(1, len(lines))]), "truncated"
    if choice == 1 and lines:
        at = rng.randrange(len(lines))
        indent = re.match(r"\s*", lines[at]).group(0)
        lines.insert(at, f"{indent}{rng.choice(TEXT_INSERTS)}\n")
        return "".join(lines), "inserted YAML oddity"
    if text:
        at = rng.randrange(len(text))
        return text[:at] + text[at + 1:], "deleted a character"
    return text, "unchanged"


def make_mutant(source_text, rng):
    """A mutated copy of a graph's text and what was done to it."""
    try:
        docs = list(yaml.safe_load_all(source_text))
    except yaml.YAMLError:
        docs = None  # a deliberately malformed test file: only text damage applies
    if docs is None or rng.random() < 0.2:
        return mutate_text(source_text, rng)
    done = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        what = rng.choice(MUTATIONS)(docs, rng)
        if what:
            done.append(what)
    return dump(docs), ", ".join(done) or "unchanged"


def dump(docs):
    """YAML text of documents (allow_unicode so odd names survive)."""
    return yaml.safe_dump_all(docs, sort_keys=False, allow_unicode=True, explicit_start=True)


# ---------------------------------------------------------------------------------------------
# Running and judging a mutant


def _our_traceback(output):
    """Whether a traceback shows only our own code: a user's mistake reported through our
    stack. A traceback through a user's codelet code is that codelet's failure, shown on
    purpose."""
    if "Traceback (most recent call last)" not in output:
        return False
    frames = [frame.replace(os.sep, "/")
              for frame in re.findall(r'File "([^"]+)", line \d+', output)]
    user = [frame for frame in frames if not frame.startswith("<frozen")
            and not any(frame.startswith(root) for root in OUR_PACKAGE)]
    return bool(frames) and not user


# A sanitizer's report (tools/sanitize/run.sh --exec python3 tools/fuzz.py ...) is a crash
# whatever the exit status it leaves.
SANITIZER_REPORTS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", ": runtime error: ")


def judge(returncode, output, graph_name, interrupted=False):
    """The defect a finished run shows, or ''. `interrupted`: the harness sent SIGINT (the run
    was too slow), and a process that then dies of it or shows a KeyboardInterrupt (one that
    arrived while Python was starting or finishing, before or after gxe.py's handlers) did
    stop as asked."""
    if any(report in output for report in SANITIZER_REPORTS):
        return "crash"
    if interrupted and returncode == -signal.SIGINT:
        return ""
    if returncode < 0 or returncode not in (0, 1):
        return "crash"
    if _our_traceback(output) and not (interrupted and "KeyboardInterrupt" in output):
        return "traceback"
    if returncode == 1 and "interrupted" not in output:
        located = graph_name in output or "entity '" in output
        if not located:
            return "unlocated"
    return ""


def run_mutant(path, timeout, grace, cwd):
    """Run gxe.py on one graph file; SIGINT after `timeout`, SIGKILL after `grace` more."""
    command = [sys.executable, "-m", "gxf.gxe", "--app", path, "--manifest", MANIFEST,
               "--severity", "1"]
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               cwd=cwd, start_new_session=True)
    interrupted = False
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # Too slow is allowed (a mutated count may ask for hours); not stopping is not.
        interrupted = True
        process.send_signal(signal.SIGINT)
        try:
            output, _ = process.communicate(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            text = output.decode(errors="replace")
            return Outcome("hang", process.returncode, text, time.monotonic() - start)
    text = output.decode(errors="replace")
    defect = judge(process.returncode, text, os.path.basename(path), interrupted)
    return Outcome(defect, process.returncode, text, time.monotonic() - start)


def shrink(text, defect, folder, timeout, grace, cwd):
    """Drop documents, components and parameters while the same defect remains. Candidates
    are written in `folder` (the source graph's, so relative files resolve) and removed."""
    try:
        docs = list(yaml.safe_load_all(text))
    except yaml.YAMLError:
        return text  # text-level mutants stay as they are
    handle, path = tempfile.mkstemp(suffix=".yaml", prefix=".fuzz-shrink-", dir=folder)
    os.close(handle)
    try:
        return _shrink_docs(docs, path, defect, timeout, grace, cwd)
    finally:
        os.unlink(path)


def _shrink_docs(docs, path, defect, timeout, grace, cwd):
    """The removal passes of shrink(), trying each candidate at `path`."""

    def still_fails(candidate):
        with open(path, "w") as handle:
            handle.write(dump(candidate))
        return run_mutant(path, timeout, grace, cwd).defect == defect

    def try_removals(items_of):
        nonlocal docs
        index = 0
        while True:
            items = items_of(docs)
            if index >= len(items):
                return
            candidate = copy.deepcopy(docs)
            container, key = items_of(candidate)[index]
            del container[key]
            if still_fails(candidate):
                docs = candidate
            else:
                index += 1

    try_removals(lambda d: [(d, i) for i in range(len(d))])
    try_removals(lambda d: [(doc["components"], i) for doc in d if isinstance(doc, dict)
                            and isinstance(doc.get("components"), list)
                            for i in range(len(doc["components"]))])
    try_removals(lambda d: [(comp["parameters"], key) for _, comp in _components(d)
                            if isinstance(comp.get("parameters"), dict)
                            for key in comp["parameters"]])
    return dump(docs)


def corpus():
    """Graph files to mutate, relative to the repository."""
    files = set()
    for pattern in CORPUS_GLOBS:
        files.update(glob.glob(os.path.join(REPO, pattern)))
    return sorted(files)


def fuzz(count, seed, jobs, timeout, grace, out_dir, log=print):
    """Run `count` mutants; returns {defect: [saved paths]} and the tally of outcomes."""
    rng = random.Random(seed)
    sources = corpus()
    # Mutants live next to their source so relative codelet files and subgraphs resolve.
    plans = []
    for number in range(count):
        source = rng.choice(sources)
        with open(source) as handle:
            text, what = make_mutant(handle.read(), random.Random(rng.random()))
        plans.append((number, source, text, what))

    def run_plan(plan):
        number, source, text, what = plan
        folder = os.path.dirname(source)
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix=".fuzz-", dir=folder,
                                         delete=False) as handle:
            handle.write(text)
        try:
            return plan, run_mutant(handle.name, timeout, grace, REPO)
        finally:
            os.unlink(handle.name)

    tally = {"ok": 0, "error": 0}
    found = {defect: [] for defect in DEFECTS}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for (number, source, text, what), outcome in pool.map(run_plan, plans):
            if not outcome.defect:
                tally["ok" if outcome.returncode == 0 else "error"] += 1
                continue
            rel = os.path.relpath(source, REPO)
            log(f"{outcome.defect}: mutant {number} of {rel} ({what}), exit "
                f"{outcome.returncode}\n{outcome.output[-1500:]}")
            os.makedirs(out_dir, exist_ok=True)
            small = shrink(text, outcome.defect, os.path.dirname(source), timeout, grace,
                           REPO) if outcome.defect != "hang" else text
            saved = os.path.join(out_dir, f"{outcome.defect}-{number}.yaml")
            with open(saved, "w") as handle:
                handle.write(f"# from {rel}: {what}\n{small}")
            found[outcome.defect].append(saved)
    return found, tally


def main(argv=None):
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="number of mutants")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once")
    parser.add_argument("--timeout", type=float, default=8.0,
                        help="seconds before a mutant is interrupted (SIGINT)")
    parser.add_argument("--grace", type=float, default=5.0,
                        help="seconds a mutant may take to stop after SIGINT before it is a hang")
    parser.add_argument("--out", default="fuzz-failures", help="folder for failing mutants")
    parser.add_argument("--replay", help="run one saved mutant and print its outcome")
    args = parser.parse_args(argv)
    if args.replay:
        outcome = run_mutant(os.path.abspath(args.replay), args.timeout, args.grace, REPO)
        print(outcome.output)
        print(f"defect: {outcome.defect or 'none'}, exit {outcome.returncode}")
        return 1 if outcome.defect else 0
    start = time.monotonic()
    found, tally = fuzz(args.count, args.seed, args.jobs, args.timeout, args.grace, args.out)
    counts = ", ".join(f"{len(found[d])} {d}" for d in DEFECTS)
    print(f"fuzz: {args.count} mutants (seed {args.seed}) in {time.monotonic() - start:.0f} s: "
          f"{tally['ok']} ran, {tally['error']} located errors, {counts}")
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
