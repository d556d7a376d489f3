# SPDX-License-Identifier: Apache-2.0
"""`gxf dashboard APP.yaml --manifest M.yaml [--port P]`: run a graph with its live dashboard
(the same as `gxe.py --app APP.yaml --manifest M.yaml --dashboard P`)."""

from __future__ import annotations

__all__ = ["configure", "main"]


def configure(parser):
    """Arguments of `gxf dashboard`: gxf's graph arguments, the port and the log level."""
    from gxf.cli import add_graph_arguments

    add_graph_arguments(parser)
    parser.add_argument("--port", default="8050",
                        help="port of http://127.0.0.1:PORT/ (default 8050; 0: any free port)")
    parser.add_argument("--severity", default="2", help="log level, as gxe.py's --severity")
    parser.add_argument("--no-check", dest="check", action="store_false",
                        help="skip `gxf check`'s checks before activation")


def main(args):
    """Run the graph through gxe.py with --dashboard; returns its exit status."""
    from gxf import gxe
    from gxf.cli import split_list

    argv = ["--app", ",".join(split_list(args.app)), "--manifest", *split_list(args.manifest),
            "--dashboard", args.port, "--severity", args.severity]
    if args.app_root:
        argv += ["--app_root", args.app_root]
    if not args.check:
        argv.append("--no-check")
    for param in args.param:
        argv += ["--param", param]
    return gxe.main(argv)
