# SPDX-License-Identifier: Apache-2.0
"""Run gxe.py in the background and read the addresses it announces (dashboard, metrics)."""

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from gxf_test_support import MANIFEST, REPO

PACED_PING = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs", "paced_ping.yaml")


class LiveGxe:
    """gxe.py running a graph in a child process; stderr lines are collected as they come."""

    def __init__(self, extra_args, app=PACED_PING, params=(), timeout=60):
        command = [sys.executable, "-m", "gxf.gxe", "--app", app, "--manifest", MANIFEST,
                   "--severity", "1", *extra_args] + [f"--param={param}" for param in params]
        self.timeout = timeout
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, cwd=REPO, start_new_session=True)
        self.lines = queue.Queue()
        self.stderr = []
        self._stdout = []
        self._readers = [threading.Thread(target=self._read_stderr, daemon=True),
                         threading.Thread(target=self._read_stdout, daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr.append(line)
            self.lines.put(line)

    def _read_stdout(self):
        self._stdout.extend(self.process.stdout)

    @property
    def stdout(self):
        """stdout so far."""
        return "".join(self._stdout)

    def wait_for_url(self, prefix, timeout=30):
        """The first http:// address on a stderr line starting with `prefix`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if line.startswith(prefix):
                return re.search(r"http://\S+", line).group(0)
        self.kill()
        pytest.fail(f"gxe.py announced no '{prefix}' address:\n{''.join(self.stderr)}")

    def finish(self):
        """Wait for the run to end (killing it past the timeout); returns the exit status."""
        try:
            self.process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"gxe.py did not finish within {self.timeout} s")
        self._close_pipes()
        return self.process.returncode

    def _close_pipes(self):
        for reader in self._readers:
            reader.join(timeout=5)
        self.process.stdout.close()
        self.process.stderr.close()

    def kill(self):
        """Kill the run and everything it started."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        if not self.process.stdout.closed:
            self._close_pipes()

    @property
    def output(self):
        """stdout and stderr so far."""
        return self.stdout + "".join(self.stderr)
