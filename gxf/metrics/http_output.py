# SPDX-License-Identifier: Apache-2.0
"""Outputs that serve HTTP while the graph runs (the Prometheus endpoint, the dashboard)."""

from __future__ import annotations

import sys

from gxf.metrics.session import Output

__all__ = ["HttpOutput"]


class HttpOutput(Output):
    """Serves on ADDRESS:PORT (127.0.0.1 unless told otherwise; port 0: any free one) from
    open() to close(), and announces its address on stderr as '<label>: <url>'."""

    label = "http"
    path = "/"

    def __init__(self, port, address="127.0.0.1", report=None):
        self.port = port
        self.address = address
        self.report = report if report is not None else sys.stderr
        self._server = None
        self._thread = None

    @property
    def url(self):
        """Address of the served page."""
        return f"http://{self.address}:{self.port}{self.path}"

    def start_server(self, session):
        """Start serving; returns (server, thread). Subclasses implement it."""
        raise NotImplementedError

    def open(self, session):
        """Start the server (OSError naming the address when it cannot bind)."""
        try:
            self._server, self._thread = self.start_server(session)
        except OSError as error:
            raise OSError(f"{self.label}: cannot serve on {self.address}:{self.port}: "
                          f"{error.strerror}") from None
        self.port = self._server.server_address[1]
        print(f"{self.label}: {self.url}", file=self.report, flush=True)

    def close(self, session):
        """Stop the server."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
