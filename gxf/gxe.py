# SPDX-License-Identifier: Apache-2.0
"""gxe.py: run a graph from the shell.

    gxe.py --app graph.yaml --manifest manifest.yaml [--severity 3] [--param E/C/K=V]

Accepts the flags of both GXF launchers (the C++ gxe and gxf/python/gxe/gxe.py), plus
--explain (the stall report of gxf.tools.explain when the graph stops), --no-check (skip
gxf check's checks before activation), --allow-duplicate-entities and --interrupt-grace. Exit status
is 0 on success and 1 on any failure, which is named on stderr (with the traceback when a
Python codelet raised). Unlike GXF's Python launcher, a failure is never reported as success.

The first Ctrl-C or SIGTERM asks the graph to stop. A codelet call that has not returned
--interrupt-grace seconds later (default 2) is named on stderr, with its Python stack for a
Python codelet, and gxe exits with status 1 without waiting for it. A second signal exits at
once with status 128 + the signal number.
"""

import argparse
import os
import signal
import socket
import sys
import threading

from gxf.metrics import gxe_flags as metrics_flags

__all__ = ["main", "run_app"]


def _split_list(values):
    """Flatten comma- and space-separated flag values."""
    items = []
    for value in values or []:
        items.extend(part for part in value.split(",") if part)
    return items


def _parser():
    parser = argparse.ArgumentParser(prog="gxe.py", description="Run a GXF graph.")
    parser.add_argument("--app", action="append", required=True,
                        help="graph file(s), comma-separated or repeated, loaded in order")
    parser.add_argument("--manifest", nargs="+", action="extend", required=True,
                        help="manifest file(s) listing the extensions to load")
    parser.add_argument("--severity", type=int, default=-1,
                        help="log level: 0 none, 1 error, 2 warning, 3 info, 4 debug, 5 verbose")
    parser.add_argument("--log_file", "--log_file_path", dest="log_file", default=None,
                        help="write the log to this file")
    parser.add_argument("--app_root", default="", help="root for relative graph paths")
    parser.add_argument("--graph_directory", default="", help="directory of the --app files")
    parser.add_argument("--param", action="append", default=[],
                        help="parameter override entity/component/key=value (repeatable)")
    parser.add_argument("--run", default="true", choices=["true", "false"],
                        help="false: load the graph only")
    parser.add_argument("--no-check", dest="check", action="store_false",
                        help="skip `gxf check`'s checks before activation")
    parser.add_argument("--explain", action="store_true",
                        help="when the graph stops, explain each entity's state (also printed "
                             "on its own after a stalled run or Ctrl-C)")
    parser.add_argument("--allow-duplicate-entities", dest="allow_duplicates",
                        action="store_true",
                        help="merge graph documents naming the same entity, as GXF does, instead "
                             "of failing the load (also: GXF_ALLOW_DUPLICATE_ENTITIES=1)")
    parser.add_argument("--interrupt-grace", dest="interrupt_grace", type=_seconds, default=2.0,
                        metavar="SECONDS",
                        help="after Ctrl-C/SIGTERM, how long codelets get to return before gxe "
                             "names the ones still running and exits (default 2)")
    metrics_flags.add_arguments(parser)
    return parser


def _seconds(text):
    value = float(text)
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError(f"must be in 0..86400 seconds, got {text}")
    return value


def _say(text):
    print(text, flush=True)


class _Step:
    """The GXF call gxe is in, named as the C++ gxe names it in its error lines."""

    def __init__(self):
        self.api = "GxfContextCreate"

    def __call__(self, api, function, *args, **kwargs):
        """Run one step under its API name."""
        self.api = api
        return function(*args, **kwargs)


def run_app(args):
    """Run the graph described by parsed arguments; raises on failure."""
    from gxf.core.errors import GxfError

    step = _Step()
    try:
        _run_steps(args, step)
    except GxfError as error:
        # "GxfGraphWait Error: GXF_FAILURE", as the C++ gxe reports which call failed.
        print(f"{step.api} Error: {error.code}", file=sys.stderr, flush=True)
        raise


def _run_steps(args, step):
    """Create a context, load and run the graph, destroy the context."""
    from gxf import core
    from gxf.core import _core
    from gxf.core.bounded_wait import interrupt_quietly
    from gxf.core.graph_loader import ALLOW_DUPLICATES_ENV
    from gxf.tools.check import gxe_check
    from gxf.tools.explain import stall_watch

    _say("creating context...")
    context = core.context_create()
    succeeded = stuck = False
    try:
        _say("setting severity")
        severity = args.severity
        if severity == -1:
            severity = int(os.environ.get("GXF_SEVERITY", "3"))
        if not 0 <= severity <= 5:
            raise ValueError(f"--severity must be in -1..5, got {args.severity}")
        core.gxf_set_severity(context, severity)
        if args.log_file and not _core.set_log_file(args.log_file):
            raise OSError(f"cannot open log file '{args.log_file}'")
        if args.app_root:
            core.set_root_filepath(context, args.app_root)
        if args.allow_duplicates:
            # The environment, so that gxf check's own load of the files merges them too.
            os.environ[ALLOW_DUPLICATES_ENV] = "1"
        _say("loading extensions...")
        step("LoadExtensionManifest", core.load_extensions, context,
             manifest_filenames=_split_list(args.manifest))
        for app in _split_list(args.app):
            path = os.path.join(args.graph_directory, app) if args.graph_directory else app
            _say(f"loading graph file... {path}")
            step("LoadApplication", core.graph_load_file, context, path, overrides=args.param)
        if args.run == "true":
            if args.check:
                gxe_check(_split_list(args.app), _split_list(args.manifest), args.param,
                          args.app_root, args.graph_directory, severity)
            _say("activating graph...")
            step("GxfGraphActivate", core.graph_activate, context)
            with metrics_flags.observe(args, context):
                _say("running the graph...")
                # The stall watch (Ctrl-C noted for the report) is in place before the run
                # starts: a Ctrl-C as soon as the first tick shows is reported as one during
                # the wait is. One that comes before graph_wait takes Ctrl-C over (during the
                # start, or between the two steps) interrupts the graph here, and the wait
                # that follows is bounded by the grace period as graph_wait's own would be (a
                # stuck codelet is then named, not waited for forever). A second signal exits
                # at once (_exit_on_second_signal).
                with stall_watch(context, always=args.explain):
                    try:
                        step("GxfGraphRunAsync", core.graph_run_async, context)
                        step("GxfGraphWait", core.graph_wait, context,
                             interrupt_grace=args.interrupt_grace)
                    except KeyboardInterrupt:
                        interrupt_quietly(context)
                        step("GxfGraphWait", core.graph_wait, context,
                             interrupt_grace=args.interrupt_grace, interrupted=True)
            _say("running completed successfully. deactivating graph...")
            step("GxfGraphDeactivate", core.graph_deactivate, context)
        succeeded = True
    except core.GraphTimeoutError:
        stuck = True  # its codelet calls still run in the context: leave it to the exit
        raise
    finally:
        # Progress lines name the last stage reached; a failure must not look like "destroy".
        if succeeded:
            _say("destroying context...")
            step("GxfContextDestroy", core.context_destroy, context, args.interrupt_grace)
        elif not stuck:
            _destroy_after_failure(context, args.interrupt_grace)
        if args.log_file:
            _core.set_log_file("")
    _say("done.")


def _destroy_after_failure(context, grace):
    """Destroy the context; one whose codelets do not stop in time is left to the exit (the
    failure being reported comes first)."""
    from gxf import core

    try:
        core.context_destroy(context, timeout=grace)
    except core.GraphTimeoutError:
        pass


def _install_interrupt_handlers():
    """SIGINT and SIGTERM interrupt the graph (graph_wait turns KeyboardInterrupt into
    graph_interrupt), even where the shell started us with SIGINT ignored; a second one exits
    at once, even while the main thread waits inside the engine."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.default_int_handler)
    # The interpreter writes each signal's number to the wakeup socket as it arrives, whatever
    # the main thread is doing; a watcher thread counts them.
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    threading.Thread(target=_exit_on_second_signal, args=(reader, writer), daemon=True,
                     name="gxe-signals").start()


def _exit_on_second_signal(reader, writer):
    received = 0
    while True:
        data = reader.recv(64)
        if not data:
            return
        for signum in data:
            if signum not in (signal.SIGINT, signal.SIGTERM):
                continue
            received += 1
            if received >= 2:
                name = signal.Signals(signum).name
                print(f"gxe.py: second {name}: exiting at once", file=sys.stderr, flush=True)
                sys.stdout.flush()
                os._exit(128 + signum)


def _exit_leaving_threads(status):
    """Exit now: codelet calls that never returned still run in the engine's threads, which an
    orderly interpreter shutdown would wait for or tear down under them."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv=None):
    """Entry point of gxe.py; returns the exit status."""
    args = _parser().parse_args(argv)
    _install_interrupt_handlers()
    try:
        return _run_main(args)
    except KeyboardInterrupt:  # while the engine's modules were still being imported
        print("gxe.py: interrupted", file=sys.stderr, flush=True)
        return 1


def _run_main(args):
    """main() once the interrupt handlers are in place; returns the exit status."""
    from gxf.core.errors import CodeletError, GraphTimeoutError, GxfError, error_report

    try:
        run_app(args)
    except GraphTimeoutError as error:
        print(f"gxe.py: error: {error_report(error)}", file=sys.stderr, flush=True)
        _exit_leaving_threads(1)
    except CodeletError as error:
        print(f"gxe.py: error: {error_report(error)}", file=sys.stderr, flush=True)
        return 1
    except (GxfError, OSError, ValueError) as error:
        print(f"gxe.py: error: {error_report(error)}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("gxe.py: interrupted", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
