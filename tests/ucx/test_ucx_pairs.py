# SPDX-License-Identifier: Apache-2.0
"""UCX between two gxe.py processes on 127.0.0.1: tensors arrive complete and in order, a
transmitter without a receiver fails with a clear error, a restarted receiver gets the
messages sent after it came back (the loss is counted), and bytes that are not UCX do not
crash the receiver."""

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from gxf_test_support import read_until

GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs")
MANIFEST = os.path.join(GRAPHS, "manifest.yaml")

pytest.importorskip("libucx", reason="UCX tests need the 'ucx' extra (pip install libucx-cu12)")


def free_port():
    """A TCP port nothing listens on now."""
    return free_ports(1)[0]


def free_ports(count):
    """`count` different TCP ports nothing listens on now (all held until all are chosen: a
    port released by one probe can be handed to the next)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def start(graph, params):
    """Start gxe.py on one of the graphs here, output to a pipe."""
    command = [sys.executable, "-m", "gxf.gxe", "--app", graph, "--manifest", MANIFEST,
               *[f"--param={param}" for param in params]]
    return subprocess.Popen(command, cwd=GRAPHS, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def finish(process, timeout=60):
    """Wait for a process; kill it (and fail) past the timeout. Returns (code, output)."""
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        pytest.fail(f"gxe.py ran past {timeout} s:\n{output[-3000:]}")
    return process.returncode, output


def wait_for(process, text, timeout=30):
    """Read the process's output until a line holds `text`; returns the lines read (fails
    the test, killing the process group, when it never appears)."""
    output = read_until(process, text, timeout)
    if text in output:
        return output.splitlines(keepends=True)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail(f"'{text}' never appeared:\n{output[-3000:]}")


def report(output):
    """The TensorSink's REPORT of a run."""
    for line in output.splitlines():
        if line.startswith("REPORT "):
            return json.loads(line[len("REPORT "):])
    raise AssertionError(f"no REPORT line in:\n{output[-3000:]}")


def test_tensors_cross_two_processes_complete_and_in_order():
    port = free_port()
    receiver = start("tensor_rx.yaml", [f"rx/signal/port={port}"])
    listening = wait_for(receiver, "listening on")
    transmitter = start("tensor_tx.yaml", [f"tx/signal/port={port}"])
    tx_code, tx_output = finish(transmitter)
    rx_code, rx_output = finish(receiver)
    assert tx_code == 0, tx_output
    assert rx_code == 0, "".join(listening) + rx_output
    assert report(rx_output)["received"] == list(range(100))
    assert "was lost" not in tx_output and "not sent" not in tx_output


def test_large_tensors_arrive_intact():
    port = free_port()
    elements = 262144  # 1 MiB of float32 per message
    receiver = start("tensor_rx.yaml", [f"rx/signal/port={port}", "rx/count/count=20",
                                        f"rx/sink/codelet_params={{receiver: signal, "
                                        f"elements: {elements}, expected_count: 20}}"])
    wait_for(receiver, "listening on")
    transmitter = start("tensor_tx.yaml", [f"tx/signal/port={port}", "tx/count/count=20",
                                           f"tx/source/codelet_params={{transmitter: signal, "
                                           f"allocator: allocator, elements: {elements}}}"])
    tx_code, tx_output = finish(transmitter)
    rx_code, rx_output = finish(receiver)
    assert tx_code == 0 and rx_code == 0, tx_output + rx_output
    assert report(rx_output)["received"] == list(range(20))


def test_transmitter_without_receiver_fails_clearly():
    port = free_port()
    started = time.monotonic()
    code, output = finish(start("tensor_tx.yaml", [f"tx/signal/port={port}",
                                                   "tx/signal/maximum_connection_retries=2"]))
    assert code != 0
    assert f"no UcxReceiver answered at 127.0.0.1:{port} after 2 attempt(s)" in output
    assert "Traceback" not in output
    assert time.monotonic() - started < 30


def test_receiver_restart_mid_stream():
    port = free_port()
    rx_params = [f"rx/signal/port={port}", "rx/count/count=1000000",
                 "rx/sink/codelet_params={receiver: signal, elements: 16}"]
    first = start("tensor_rx.yaml", rx_params)
    wait_for(first, "listening on")
    transmitter = start("tensor_tx.yaml", [
        f"tx/signal/port={port}", "tx/count/count=150",
        "tx/source/codelet_params={transmitter: signal, allocator: allocator, elements: 16, "
        "period_ms: 20}"])
    sent_before = wait_for(transmitter, "connected to")
    time.sleep(0.5)
    first.send_signal(signal.SIGKILL)  # no goodbye: the transmitter sees the connection drop
    first.communicate()
    time.sleep(0.5)
    second = start("tensor_rx.yaml", rx_params)
    wait_for(second, "listening on")
    tx_code, tx_output = finish(transmitter)
    tx_output = "".join(sent_before) + tx_output
    second.send_signal(signal.SIGINT)
    rx_code, rx_output = finish(second)
    assert tx_code == 0, tx_output
    received = report(rx_output)["received"]
    assert received, rx_output
    assert received[-1] == 149                      # the messages after the reconnect arrived
    assert received == sorted(received)             # in order
    assert "reconnecting" in tx_output
    assert "1 reconnection(s)" in tx_output         # and the transmitter reported the loss
    assert "lost" in tx_output


def test_bytes_that_are_not_ucx_do_not_crash_the_receiver():
    port = free_port()
    receiver = start("tensor_rx.yaml", [f"rx/signal/port={port}", "rx/count/count=10",
                                        "rx/sink/codelet_params={receiver: signal, "
                                        "elements: 16, expected_count: 10}"])
    wait_for(receiver, "listening on")
    for garbage in (b"\x00" * 64, os.urandom(4096), b"GET / HTTP/1.0\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(garbage)
            time.sleep(0.2)
    # Still serving: a real transmitter gets through afterwards.
    transmitter = start("tensor_tx.yaml", [f"tx/signal/port={port}", "tx/count/count=10"])
    tx_code, tx_output = finish(transmitter)
    rx_code, rx_output = finish(receiver)
    assert tx_code == 0, tx_output
    assert rx_code == 0, rx_output
    assert report(rx_output)["received"] == list(range(10))


def test_round_trips_between_graphs_that_each_listen_and_send(tmp_path):
    """tools/bench's latency pair: the first message reaches the echo while it is still
    activating (its own transmitter waits for the pinger's listener); it waits for the
    UcxContext to be initialized instead of meeting a serializer not yet initialized."""
    bench = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                         "bench", "graphs")
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("extensions:\n- gxf/std/libgxf_std.so\n- gxf/sample/libgxf_sample.so\n"
                        "- gxf/serialization/libgxf_serialization.so\n- gxf/ucx/libgxf_ucx.so\n")
    back, kick, forth = free_ports(3)
    # Its runs end by the deadlock check: 6 s instead of the bench's 10 keeps the test short,
    # and leaves a loaded machine time for the echo's activation (its transmitter connects to
    # the pinger's listener) before the pinger, already running, calls it a deadlock.
    quick_end = "scheduler/ebs/stop_on_deadlock_timeout=6000"
    ports = {"echo": [f"echo/kick/port={kick}", f"echo/ping/port={forth}",
                      f"echo/pong/port={back}", "echo/count/count=50", quick_end],
             "pinger": [f"kick/signal/port={kick}", f"loop/pong/port={back}",
                        f"loop/ping/port={forth}", "loop/count/count=50", quick_end]}

    def run(name):
        app = f"{bench}/ucx_{name}.yaml,{bench}/ucx_common.yaml"
        return subprocess.Popen([sys.executable, "-m", "gxf.gxe", "--app", app, "--manifest",
                                 str(manifest), *[f"--param={p}" for p in ports[name]]],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                start_new_session=True)
    echo = run("echo")
    listening = "".join(wait_for(echo, "listening on"))
    pinger = run("pinger")
    ping_code, ping_output = finish(pinger)
    echo_code, echo_output = finish(echo)
    assert ping_code == 0, ping_output
    assert echo_code == 0, listening + echo_output
    assert "malformed" not in listening + echo_output
