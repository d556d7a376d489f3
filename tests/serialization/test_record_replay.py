# SPDX-License-Identifier: Apache-2.0
"""EntityReplayer and EntityRecorder in GXF's file format: a recording written in Python
(gxf.testing.entity_file) replays and records again through this engine's C++ unchanged,
and real GXF 5.7.1 (tools/refgxf) replays what this engine recorded, and the reverse."""

import os
import subprocess
import sys

import numpy as np
import pytest

from gxf.testing.entity_file import read_entities, write_entities
from gxf.testing.messages import Message

GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs")
REFGXF = "/work/shared/tools/refgxf/run_graph.py"
VENV = os.environ.get("REFGXF_VENV", os.path.expanduser("~/.cache/refgxf-venv"))


def messages():
    """Messages of several element types, ranks and a timestamp each."""
    return [Message({"image": (np.arange(24, dtype=np.uint8) * i).reshape(2, 3, 4),
                     "scores": np.linspace(0, i, 5, dtype=np.float64),
                     "ids": np.array([[i, -i]], dtype=np.int32)}, acqtime=1000 + i, pubtime=i)
            for i in range(12)]


def replay_record(engine, directory):
    """Run graphs/replay_record.yaml on `engine` ("ours" or "gxf") from/to `directory`."""
    params = [f"replayer/replay/directory={directory}", f"recorder/record/directory={directory}"]
    graph = os.path.join(GRAPHS, "replay_record.yaml")
    if engine == "ours":
        command = [sys.executable, "-m", "gxf.gxe", "--app", graph, "--manifest",
                   os.path.join(GRAPHS, "manifest.yaml"), *[f"--param={p}" for p in params]]
    else:
        command = [os.path.join(VENV, "bin", "python"), REFGXF, graph, "--ext", "serialization",
                   "--timeout", "30"]
        for param in params:
            command += ["--param", param]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return read_entities(os.path.join(directory, "replay_out"))


def assert_same(got, sent):
    """Messages equal: tensors (names, dtypes, shapes, values) and timestamps."""
    assert len(got) == len(sent)
    for received, original in zip(got, sent):
        assert (received.acqtime, received.pubtime) == (original.acqtime, original.pubtime)
        assert sorted(received.tensors) == sorted(original.tensors)
        for name, array in original.tensors.items():
            assert received.tensors[name].dtype == array.dtype
            np.testing.assert_array_equal(received.tensors[name], array)


def test_python_recording_replays_and_records_through_our_engine(tmp_path):
    sent = messages()
    write_entities(str(tmp_path / "replay_in"), sent)
    assert_same(replay_record("ours", tmp_path), sent)


def test_our_file_bytes_match_the_python_writer(tmp_path):
    # GXF writes no sizes or checksums, so both writers' entity files are byte-identical.
    sent = messages()
    write_entities(str(tmp_path / "replay_in"), sent)
    replay_record("ours", tmp_path)
    with open(tmp_path / "replay_in.gxf_entities", "rb") as python_file, \
            open(tmp_path / "replay_out.gxf_entities", "rb") as engine_file:
        assert engine_file.read() == python_file.read()


@pytest.mark.skipif(not os.path.isfile(os.path.join(VENV, "bin", "python")),
                    reason="real GXF (tools/refgxf venv) is not set up here")
def test_real_gxf_replays_our_recording_and_we_replay_its(tmp_path):
    sent = messages()
    ours = tmp_path / "ours"
    gxf = tmp_path / "gxf"
    ours.mkdir()
    gxf.mkdir()
    # System memory: real GXF allocates host (pinned) memory through CUDA, absent here.
    write_entities(str(ours / "replay_in"), sent, system_memory=True)
    replay_record("ours", ours)                     # our C++ recorder wrote ours/replay_out
    os.rename(ours / "replay_out.gxf_entities", gxf / "replay_in.gxf_entities")
    os.rename(ours / "replay_out.gxf_index", gxf / "replay_in.gxf_index")
    from_gxf = replay_record("gxf", gxf)            # GXF replays ours, records its own
    assert_same(from_gxf, sent)
    os.rename(gxf / "replay_out.gxf_entities", ours / "replay_in.gxf_entities")
    os.rename(gxf / "replay_out.gxf_index", ours / "replay_in.gxf_index")
    assert_same(replay_record("ours", ours), sent)  # and we replay GXF's
