# SPDX-License-Identifier: Apache-2.0
"""UCX between this engine and real GXF 5.7.1 (tools/refgxf) on 127.0.0.1, tensors both ways.
GXF's side runs graphs of std, serialization and ucx components only (its wheel has no
Python codelets): it records what it receives with EntityRecorder, and replays a recording
to send. Both sides use the UCX library of GXF's wheel (1.20): with libucx-cu12's 1.22 on
one side, the loopback wire-up fails. Reading a 1.22 peer's tcp/lo address, 1.20 finds the
namespace id 0xb71719cfeffffff9 against its own 0xeffffff9 (the low 32 bits agree: 1.22
packs more into that field), logs 'tcp/lo - different pid namespaces' and leaves loopback
out of its lanes (its active-message lane goes over eth0), while 1.22 puts its lane on
tcp/lo: the two lane sets
differ and 1.22 fails with 'no remote ep address for lane[1]->remote_lane[1]' (Destination
is unreachable). Shared-memory transports cannot stand in (they lack the peer-failure
handling both engines ask for). Our side runs on either UCX (GXF_UCX_LIBRARY picks one), but
across engines it must match the peer's: 1.20 for GXF 5.7.1."""

import os
import subprocess
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "codelets"))
from ucx_tensors import expected_arrays  # noqa: E402

from gxf.testing.entity_file import read_entities, write_entities  # noqa: E402
from gxf.testing.messages import Message  # noqa: E402
from test_ucx_pairs import GRAPHS, finish, free_port, report, start, wait_for  # noqa: E402

REFGXF = "/work/shared/tools/refgxf/run_graph.py"
VENV = os.environ.get("REFGXF_VENV", os.path.expanduser("~/.cache/refgxf-venv"))
GXF_UCP = os.path.join(VENV, "lib", "python3.11", "site-packages", "holoscan", "lib",
                       "libucp.so.0")
if not (os.path.isfile(REFGXF) and os.path.isfile(GXF_UCP)):
    pytest.skip("real GXF (tools/refgxf venv) is not set up here", allow_module_level=True)

COUNT = 20


@pytest.fixture(autouse=True)
def same_ucx(monkeypatch):
    """Our side loads the UCX library real GXF uses."""
    monkeypatch.setenv("GXF_UCX_LIBRARY", GXF_UCP)


def start_gxf(graph, params, timeout=60):
    """Run a graph on real GXF (run_graph.py) with the serialization and ucx extensions."""
    command = [os.path.join(VENV, "bin", "python"), REFGXF, os.path.join(GRAPHS, graph),
               "--ext", "cuda", "--ext", "serialization", "--ext", "multimedia", "--ext", "ucx",
               "--timeout", str(timeout), "--severity", "info"]
    for param in params:
        command += ["--param", param]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def test_ours_to_gxf(tmp_path):
    port = free_port()
    receiver = start_gxf("record_rx.yaml", [f"rx/signal/port={port}", f"rx/count/count={COUNT}",
                                            f"rx/recorder/directory={tmp_path}",
                                            "rx/recorder/basename=received"], timeout=30)
    wait_for(receiver, "Server is listening")
    transmitter = start("tensor_tx.yaml", [
        f"tx/signal/port={port}", f"tx/count/count={COUNT}",
        # System memory: GXF allocates host (pinned) memory through CUDA, absent here.
        "tx/source/codelet_params={transmitter: signal, allocator: allocator, elements: 16, "
        "system_memory: true}"])
    tx_code, tx_output = finish(transmitter)
    gxf_code, gxf_output = finish(receiver, timeout=60)
    assert tx_code == 0, tx_output
    assert gxf_code == 0, gxf_output
    messages = read_entities(str(tmp_path / "received"))
    assert [message.acqtime for message in messages] == list(range(COUNT))
    for message in messages:
        for name, array in expected_arrays(message.acqtime, 16).items():
            assert message.tensors[name].dtype == array.dtype
            np.testing.assert_array_equal(message.tensors[name], array)


def _gxf_to_ours(tmp_path, check_values):
    write_entities(str(tmp_path / "sent"),
                   [Message(expected_arrays(i, 16), acqtime=i) for i in range(COUNT)],
                   system_memory=True)
    port = free_port()
    receiver = start("tensor_rx.yaml", [
        f"rx/signal/port={port}", f"rx/count/count={COUNT}", "rx/signal/capacity=100",
        f"rx/sink/codelet_params={{receiver: signal, elements: 16, expected_count: {COUNT}, "
        f"check_values: {str(check_values).lower()}}}"])
    wait_for(receiver, "listening on")
    transmitter = start_gxf("replay_tx.yaml", [f"tx/signal/port={port}",
                                               f"tx/replayer/directory={tmp_path}",
                                               "tx/replayer/basename=sent",
                                               "ucx/ucx_context/enable_async=false"],
                           timeout=30)
    gxf_code, gxf_output = finish(transmitter)
    rx_code, rx_output = finish(receiver)
    assert gxf_code == 0, gxf_output
    assert rx_code == 0, rx_output
    assert report(rx_output)["received"] == list(range(COUNT))


def test_gxf_to_ours_messages_names_shapes(tmp_path):
    _gxf_to_ours(tmp_path, check_values=False)


def test_gxf_to_ours_values(tmp_path):
    """GXF's UcxContext sends synchronously here (enable_async: false). With its default
    enable_async: true, GXF 5.7.1 corrupts multi-tensor messages: its UcxTransmitter hands
    ucp_am_send_nbx (rendezvous) a pointer to its UcxSerializationBuffer's iov vector, which it
    clears and refills for the next message before the transfer of the previous one has read
    it. UCX keeps the iov pointer, not a copy, so an earlier message goes out with a later
    message's tensor memory (headers, timestamps, names and shapes right, values of the last
    message replayed: measured: 8 of 17 runs failed async, 0 of 17 sync). Our transmitter
    copies the iov list into each pending send, so it has no such race."""
    _gxf_to_ours(tmp_path, check_values=True)

