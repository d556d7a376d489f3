# SPDX-License-Identifier: Apache-2.0
"""The `gxf` command: tools for graph authors, one subcommand each.

Adding a subcommand: write a module with `configure(parser)` (adds its arguments) and
`main(args) -> exit status`, then add one line to SUBCOMMANDS. Modules are imported only when
their subcommand runs, so `gxf --help` stays fast.
"""

import argparse
import importlib
import sys

__all__ = ["main", "SUBCOMMANDS", "add_graph_arguments", "split_list"]

# name: (module, one-line help)
SUBCOMMANDS = {
    "check": ("gxf.tools.check", "validate a graph without running it"),
    "draw": ("gxf.tools.draw", "draw a graph (svg, png, dot or Mermaid)"),
    "dashboard": ("gxf.metrics.dashboard.command", "run a graph with a live web dashboard"),
}


def split_list(values):
    """Flatten comma-separated, repeated flag values (as gxe.py reads --app)."""
    return [part for value in values or [] for part in value.split(",") if part]


def add_graph_arguments(parser, manifest_required=True):
    """The graph-selecting arguments shared with gxe.py: APP[,APP2], --manifest, --param."""
    parser.add_argument("app", nargs="+", help="graph file(s), comma-separated or repeated")
    # One value per flag (repeat it or separate with commas): a list-taking flag would swallow
    # the graph files written after it.
    parser.add_argument("--manifest", action="append", required=manifest_required, default=[],
                        help="manifest file(s) listing the extensions to load (comma-separated "
                             "or repeated; gxf draw loads the built-in extensions without one)")
    parser.add_argument("--param", action="append", default=[],
                        help="parameter override entity/component/key=value (repeatable)")
    parser.add_argument("--app_root", "--app-root", dest="app_root", default="",
                        help="root for relative graph paths")


def _parser():
    parser = argparse.ArgumentParser(prog="gxf", description="Tools for GXF graphs.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_, help_text) in SUBCOMMANDS.items():
        commands.add_parser(name, help=help_text, description=help_text, add_help=False)
    return parser


def main(argv=None):
    """Entry point of `gxf`; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not argv or argv[0] not in SUBCOMMANDS:
        parser.parse_args(argv)  # prints usage or help and exits
        return 2
    name = argv[0]
    module = importlib.import_module(SUBCOMMANDS[name][0])
    sub = argparse.ArgumentParser(prog=f"gxf {name}", description=SUBCOMMANDS[name][1])
    module.configure(sub)
    args = sub.parse_args(argv[1:])
    try:
        return module.main(args)
    except KeyboardInterrupt:
        print(f"gxf {name}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
