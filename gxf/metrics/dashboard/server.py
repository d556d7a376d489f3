# SPDX-License-Identifier: Apache-2.0
"""`gxe.py --dashboard PORT`: a web page with the graph's picture and its live numbers.

Plain HTML/JS served from this package (static/), no build step and nothing fetched from
elsewhere. Bound to 127.0.0.1. The page polls two JSON endpoints:

  /api/graph    the picture of `gxf draw` (graph_picture): entities with their codelets and
                ports, labelled arrows, subgraph clusters
  /api/metrics  the latest stats view (gxf.metrics.stats.view) plus "running"
"""

from __future__ import annotations

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from gxf.metrics.http_output import HttpOutput

__all__ = ["DashboardServer", "graph_picture"]

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
          "/index.html": ("index.html", "text/html; charset=utf-8"),
          "/dashboard.js": ("dashboard.js", "text/javascript; charset=utf-8"),
          "/dashboard.css": ("dashboard.css", "text/css; charset=utf-8")}


def graph_picture(context, snapshot):
    """The picture `gxf draw` draws (gxf.tools.draw.picture of the graph model), each arrow
    carrying `metrics`: the index of its row in the metrics' edges (None if unrouted), so the
    page and `gxf draw` cannot disagree about what the graph is."""
    from gxf.tools.draw import picture
    from gxf.tools.graph_model import graph_from_context

    result = picture(graph_from_context(context))
    rows = {(record["source_cid"], record["target_cid"]): index
            for index, record in enumerate(snapshot["edges"])}
    for edge in result["edges"]:
        edge["metrics"] = rows.get((edge["source_cid"], edge["target_cid"]))
    return result


class _Handler(BaseHTTPRequestHandler):
    server_version = "gxf-dashboard"

    def do_GET(self):  # noqa: N802 (http.server's name)
        """Static files and the two JSON endpoints."""
        path = self.path.split("?", 1)[0]
        session = self.server.session
        if path == "/api/graph":
            return self._send_json(self.server.picture)
        if path == "/api/metrics":
            view = session.view(windowed=True)
            if view is not None:
                view["running"] = not session.final
            return self._send_json(view)
        if path in _FILES:
            name, content_type = _FILES[path]
            with open(os.path.join(STATIC, name), "rb") as file:
                return self._send(200, file.read(), content_type)
        return self._send(404, b"not found\n", "text/plain")

    def _send_json(self, value):
        self._send(200, json.dumps(value).encode(), "application/json")

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        """Requests are not logged: the page polls twice a second."""


class DashboardServer(HttpOutput):
    """Serves the dashboard at http://127.0.0.1:PORT/ while the graph runs (PORT 0: any)."""

    label = "dashboard"

    def start_server(self, session):
        """A threading HTTP server for the page and its JSON, on a daemon thread."""
        server = ThreadingHTTPServer((self.address, self.port), _Handler)
        server.daemon_threads = True
        server.session = session
        # Drawn once, before the graph runs: the model reads parameters the codelets may set.
        server.picture = graph_picture(session.context, session.snapshot)
        thread = threading.Thread(target=server.serve_forever, name="gxf-dashboard", daemon=True)
        thread.start()
        return server, thread
