# SPDX-License-Identifier: Apache-2.0
"""`gxf dashboard APP.yaml --manifest M.yaml [--port P]`: run a graph with its live dashboard
(the same as `gxe.py --app APP.yaml --manifest M.yaml --dashboard P`)."""

from __future__ import annotations

__all__ = ["configure", "main"]


def configure(parser):
    """Arguments of `gxf dashboard`."""
    parser.add_argument("app", nargs="+", help="graph file(s), comma-separated or repeated")
    parser.add_argument("--manifest", nargs="+", action="extend", required=True,
                        help="manifest file(s) listing the extensions to load")
    parser.add_argument("--param", action="append", default=[],
                        help="parameter override entity/component/key=value (repeatable)")
    parser.add_argument("--port", default="8050",
                        help="port of http://127.0.0.1:PORT/ (default 8050; 0: any free port)")
    parser.add_argument("--severity", default="2", help="log level, as gxe.py's --severity")


def main(args):
    """Run the graph through gxe.py with --dashboard; returns its exit status."""
    from gxf import gxe

    argv = ["--app", ",".join(args.app), "--manifest", *args.manifest,
            "--dashboard", args.port, "--severity", args.severity]
    for param in args.param:
        argv += ["--param", param]
    return gxe.main(argv)
