# SPDX-License-Identifier: Apache-2.0
"""Recording an edge in GXF's EntityRecorder format and replaying it as a source."""

import os
import struct

import numpy
import pytest
import yaml

from gxf.testing import (Message, RecordingError, read_entities, record_edge, replayer_entity,
                         run_codelet, run_graph, write_entities)
from gxf_test_support import MANIFEST, REPO

PING = os.path.join(REPO, "graphs", "ping.yaml")


def test_written_messages_read_back_equal(tmp_path):
    messages = [Message({"a": numpy.arange(6, dtype=numpy.uint16).reshape(2, 3),
                         "b": numpy.float64(1.5)}, acqtime=10 * i, pubtime=10 * i + 1)
                for i in range(3)]
    write_entities(str(tmp_path / "rec"), messages)
    back = read_entities(str(tmp_path / "rec"))
    assert back == messages
    assert [(m.acqtime, m.pubtime) for m in back] == [(0, 1), (10, 11), (20, 21)]


def test_file_layout_is_gxfs(tmp_path):
    """Entity header (40 bytes), component header (32) + name, Timestamp (pubtime, acqtime);
    index entries of (log time, size, offset)."""
    write_entities(str(tmp_path / "rec"), [Message(acqtime=7, pubtime=9)])
    data = (tmp_path / "rec.gxf_entities").read_bytes()
    size, checksum, sequence, flags, count, reserved = struct.unpack_from("<QIQIQQ", data)
    assert (sequence, count) == (0, 1)
    _, hash1, hash2, name_size = struct.unpack_from("<QQQQ", data, 40)
    assert (hash1, hash2) == (0xD1095B105C904BBC, 0xBC89601134CB4E03)
    assert data[72:72 + name_size] == b"timestamp"
    assert struct.unpack_from("<qq", data, 72 + name_size) == (9, 7)
    index = (tmp_path / "rec.gxf_index").read_bytes()
    assert struct.unpack("<QQQ", index) == (7, len(data), 0)


def test_truncated_recording_names_the_file_and_offset(tmp_path):
    write_entities(str(tmp_path / "rec"), [Message({"t": numpy.zeros(100)})])
    path = tmp_path / "rec.gxf_entities"
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(RecordingError, match="rec.gxf_entities: truncated"):
        read_entities(str(tmp_path / "rec"))


def test_missing_recording_is_a_clear_error(tmp_path):
    with pytest.raises(RecordingError, match="cannot read recording"):
        read_entities(str(tmp_path / "nothing"))


def test_an_edge_is_recorded_and_replayed_into_a_codelet(tmp_path):
    base = str(tmp_path / "ping")
    run = record_edge(PING, "tx/signal", base, manifest=MANIFEST)
    run.assert_ticks({"rx": 10})  # the tap does not disturb the graph
    recorded = read_entities(base)
    assert len(recorded) == 10
    assert all(message.acqtime is not None for message in recorded)
    replay = run_codelet("nvidia::gxf::PingRx", inputs={"in": recorded}, params={"signal": "in"})
    assert replay.ticks == 10


def test_replayer_entity_is_a_source_in_a_graph_file(tmp_path):
    base = str(tmp_path / "rec")
    write_entities(base, [Message({"v": numpy.array([i])}) for i in range(4)])
    documents = [replayer_entity("source", base, transmitter="signal"), {
        "name": "rx", "components": [
            {"name": "signal", "type": "nvidia::gxf::DoubleBufferReceiver"},
            {"type": "nvidia::gxf::MessageAvailableSchedulingTerm",
             "parameters": {"receiver": "signal", "min_size": 1}},
            {"name": "ping", "type": "nvidia::gxf::PingRx", "parameters": {"signal": "signal"}}]},
        {"components": [{"type": "nvidia::gxf::Connection",
                         "parameters": {"source": "source/signal", "target": "rx/signal"}}]},
        {"name": "scheduler", "components": [
            {"name": "clock", "type": "nvidia::gxf::RealtimeClock"},
            {"type": "nvidia::gxf::GreedyScheduler", "parameters": {"clock": "clock"}}]}]
    graph = tmp_path / "replay.yaml"
    graph.write_text(yaml.safe_dump_all(documents, sort_keys=False))
    run_graph(str(graph), manifest=MANIFEST).assert_ticks({"rx": 4})
