# SPDX-License-Identifier: Apache-2.0
"""A Python codelet whose call named by `stuck_in` (start, tick or stop) does not return: for
an hour, or until the file named by `release_file` exists (in-process tests must not leave a
thread sleeping in the test process)."""

import os
import sys
import time

from gxf.python_codelet import CodeletAdapter


class Stuck(CodeletAdapter):
    """Says 'stuck in <call>' on stdout, then sleeps for an hour in that call."""

    def start(self):
        """Sleep here when stuck_in is start."""
        params = self.get_params()
        self.stuck_in = params.get("stuck_in", "tick")
        self.release_file = params.get("release_file")
        self._maybe_sleep("start")

    def tick(self):
        """Sleep here when stuck_in is tick; the return value is ignored either way."""
        self._maybe_sleep("tick")

    def stop(self):
        """Sleep here when stuck_in is stop."""
        self._maybe_sleep("stop")

    def _maybe_sleep(self, call):
        if call == self.stuck_in:
            print(f"stuck in {call}", flush=True)
            sys.stdout.flush()
            sleep_an_hour(self.release_file)


def sleep_an_hour(release_file=None):
    """A frame of our own the stuck report must show."""
    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline:
        if release_file and os.path.exists(release_file):
            return
        time.sleep(0.05 if release_file else 3600)
