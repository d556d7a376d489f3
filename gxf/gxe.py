# SPDX-License-Identifier: Apache-2.0
"""gxe.py: run a graph from the shell.

    gxe.py --app graph.yaml --manifest manifest.yaml [--severity 3] [--param E/C/K=V]

Accepts the flags of both GXF launchers (the C++ gxe and gxf/python/gxe/gxe.py), plus
--explain (the stall report of gxf.tools.explain when the graph stops) and --no-check (skip
gxf check's checks before activation). Exit status
is 0 on success and 1 on any failure, which is named on stderr (with the traceback when a
Python codelet raised). Unlike GXF's Python launcher, a failure is never reported as success.
"""

import argparse
import os
import signal
import sys

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
    metrics_flags.add_arguments(parser)
    return parser


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
    from gxf.tools.check import gxe_check
    from gxf.tools.explain import stall_watch

    _say("creating context...")
    context = core.context_create()
    succeeded = False
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
                step("GxfGraphRunAsync", core.graph_run_async, context)
                with stall_watch(context, always=args.explain):
                    step("GxfGraphWait", core.graph_wait, context)
            _say("running completed successfully. deactivating graph...")
            step("GxfGraphDeactivate", core.graph_deactivate, context)
        succeeded = True
    finally:
        # Progress lines name the last stage reached; a failure must not look like "destroy".
        if succeeded:
            _say("destroying context...")
            step("GxfContextDestroy", core.context_destroy, context)
        else:
            core.context_destroy(context)
        if args.log_file:
            _core.set_log_file("")
    _say("done.")


def _install_interrupt_handlers():
    """SIGINT and SIGTERM interrupt the graph (graph_wait turns KeyboardInterrupt into
    graph_interrupt), even where the shell started us with SIGINT ignored."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.default_int_handler)


def main(argv=None):
    """Entry point of gxe.py; returns the exit status."""
    args = _parser().parse_args(argv)
    _install_interrupt_handlers()
    from gxf.core.errors import CodeletError, GxfError

    try:
        run_app(args)
    except CodeletError as error:
        print(f"gxe.py: error: {error}", file=sys.stderr, flush=True)
        return 1
    except (GxfError, OSError, ValueError) as error:
        print(f"gxe.py: error: {error}", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("gxe.py: interrupted", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
