# SPDX-License-Identifier: Apache-2.0
"""`gxe.py --dashboard PORT`: a web page with the graph's picture and its live numbers.

Plain HTML/JS served from this package (static/), no build step and nothing fetched from
elsewhere. Bound to 127.0.0.1. The page polls two JSON endpoints:

  /api/graph    the structure: {"nodes": [{"id", "label", "codelets": [...]}],
                "edges": [{"id", "source", "target", "source_port", "target_port"}]}
  /api/metrics  the latest stats view (gxf.metrics.stats.view) plus "running"
"""

from __future__ import annotations

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from gxf.metrics.http_output import HttpOutput

__all__ = ["DashboardServer", "graph_structure"]

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
          "/index.html": ("index.html", "text/html; charset=utf-8"),
          "/dashboard.js": ("dashboard.js", "text/javascript; charset=utf-8"),
          "/dashboard.css": ("dashboard.css", "text/css; charset=utf-8")}


def graph_structure(snapshot):
    """Nodes (entities that run codelets or end an edge) and edges (routed queues) of the
    running graph, keyed by the ids the metrics rows carry (eid, edge index)."""
    nodes = {}

    def node(eid, label):
        return nodes.setdefault(eid, {"id": eid, "label": label, "codelets": []})

    for record in snapshot["codelets"]:
        node(record["eid"], record["entity"])["codelets"].append(
            {"id": record["cid"], "name": record["name"], "type": record["type"]})
    edges = []
    for index, record in enumerate(snapshot["edges"]):
        source_entity, source_port = record["source"].split("/", 1)
        target_entity, target_port = record["target"].split("/", 1)
        node(record["source_eid"], source_entity)
        node(record["target_eid"], target_entity)
        edges.append({"id": index, "source": record["source_eid"],
                      "target": record["target_eid"], "source_port": source_port,
                      "target_port": target_port})
    return {"nodes": list(nodes.values()), "edges": edges}


class _Handler(BaseHTTPRequestHandler):
    server_version = "gxf-dashboard"

    def do_GET(self):  # noqa: N802 (http.server's name)
        """Static files and the two JSON endpoints."""
        path = self.path.split("?", 1)[0]
        session = self.server.session
        if path == "/api/graph":
            snapshot = session.snapshot
            return self._send_json(graph_structure(snapshot) if snapshot else None)
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
        thread = threading.Thread(target=server.serve_forever, name="gxf-dashboard", daemon=True)
        thread.start()
        return server, thread
