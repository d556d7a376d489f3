# SPDX-License-Identifier: Apache-2.0
"""Child process of the scheduler tests: runs one graph file and prints a RESULT line.

    python graph_runner.py GRAPH MANIFEST '{"interrupt_after": 0.3, "repeat": 1, ...}'

Options: interrupt_after (s, graph_interrupt from another thread), repeat (runs, each in a new
context), stats (JobStatistics JSON path, read back after each run), busy_python (s the main
thread spins in Python, holding the GIL, while the graph runs), spin_until_stopped (entity
name: hold the GIL until it has been started and stopped), cpu_window (s over which the
process's CPU share is measured while the graph runs), severity.
"""

import json
import os
import sys
import threading
import time

import gxf.core as core
from gxf.core.errors import error_report
from gxf.std import _std


def scheduler_threads():
    """Scheduler-owned threads of this process still alive (by their thread names)."""
    names = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as stream:
                name = stream.read().strip()
        except OSError:
            continue
        if name.startswith("gxf-"):
            names.append(name)
    return names


def scheduler_threads_after_join(settle_s=1.0):
    """scheduler_threads() once the kernel has let go of threads already joined: pthread_join
    returns when the exiting thread clears its tid, before the kernel removes it from
    /proc/self/task, so a joined worker can stay listed for a moment on a loaded machine. A
    thread still listed after `settle_s` is one that was not joined."""
    end = time.perf_counter() + settle_s
    names = scheduler_threads()
    while names and time.perf_counter() < end:
        time.sleep(0.01)
        names = scheduler_threads()
    return names


def spin_python(seconds):
    """Keep the GIL busy with pure Python work for `seconds`."""
    end = time.perf_counter() + seconds
    count = 0
    while time.perf_counter() < end:
        count += 1
    return count


def spin_until_stopped(context, eid, limit_s=20.0):
    """Hold the GIL (the caller set a huge switch interval before starting the run) until
    entity `eid` was started and then stopped; True if that happened within `limit_s`.
    Scheduler threads that needed the GIL would stall. A run may end before the first poll
    (a loaded machine): the executor's start record tells it started."""
    end = time.perf_counter() + limit_s
    started = False
    while time.perf_counter() < end:
        status = core.entity_get_status(context, eid)
        started = started or status != 0
        if status == 0 and (started or _std.entity_start_history(context, eid) == "started"):
            return True
    return False


def run_once(graph, manifest, options):
    """Load, activate, run and deactivate the graph once; returns a result dict."""
    result = {}
    context = core.context_create()
    try:
        core.gxf_set_severity(context, options.get("severity", 2))
        core.load_extensions(context, manifest_filenames=[manifest])
        core.graph_load_file(context, graph)
        core.graph_activate(context)
        start = time.perf_counter()
        interval = sys.getswitchinterval()
        if options.get("spin_until_stopped"):
            sys.setswitchinterval(1000.0)  # this thread keeps the GIL from the run's start
        core.graph_run_async(context)
        if options.get("busy_python"):
            spin_python(options["busy_python"])
        if options.get("spin_until_stopped"):
            try:
                result["stopped_while_spinning"] = spin_until_stopped(
                    context, core.entity_find(context, options["spin_until_stopped"]))
            finally:
                sys.setswitchinterval(interval)
        if options.get("cpu_window"):
            time.sleep(0.1)  # past start-up
            cpu, wall = time.process_time(), time.perf_counter()
            time.sleep(options["cpu_window"])
            result["cpu_share"] = (time.process_time() - cpu) / (time.perf_counter() - wall)
        if options.get("interrupt_after") is not None:
            time.sleep(options["interrupt_after"])
            asked = time.perf_counter()
            thread = threading.Thread(target=core.graph_interrupt, args=(context,))
            thread.start()
            core.graph_wait(context)
            result["interrupt_to_wait_s"] = time.perf_counter() - asked
            thread.join()
        else:
            core.graph_wait(context)
        result["run_s"] = time.perf_counter() - start
        result["threads_after_wait"] = scheduler_threads_after_join()
        result["status"] = {core.entity_get_name(context, eid): core.entity_get_status(context, eid)
                            for eid in core.entity_find_all(context)}
        core.graph_deactivate(context)
        if options.get("stats"):
            with open(options["stats"], encoding="utf-8") as stream:
                stats = json.load(stream)
            result["counts"] = {item["name"]: item["count"] for item in stats["entities"]}
    except Exception as error:  # reported to the parent test, which decides
        result["error"] = error_report(error)
        result["error_type"] = type(error).__name__
        result["threads_after_wait"] = scheduler_threads_after_join()
    finally:
        core.context_destroy(context)
    return result


def main():
    """Entry point: run the graph `repeat` times and print one RESULT line."""
    graph, manifest, options = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    runs = [run_once(graph, manifest, options) for _ in range(options.get("repeat", 1))]
    print("RESULT " + json.dumps(runs), flush=True)


if __name__ == "__main__":
    main()
