# SPDX-License-Identifier: Apache-2.0
"""Testing graphs and codelets with pytest (the `gxf` pytest plugin provides fixtures).

- run_graph(app, manifest, timeout): run a graph in-process; GraphRun.assert_ticks(...).
- run_codelet(codelet, inputs, outputs, params): one codelet alone, fed and collected.
- record_edge(app, transmitter, path) / read_entities(path) / replayer_entity(...): record
  an edge in GXF's EntityRecorder file format and replay it as a source.
"""

from gxf.testing.codelet_run import CodeletRun, run_codelet
from gxf.testing.entity_file import RecordingError, read_entities, write_entities
from gxf.testing.graph_run import GraphRun, GraphTimeout, run_graph
from gxf.testing.messages import Message
from gxf.testing.recording import record_edge, replayer_entity

__all__ = ["run_graph", "GraphRun", "GraphTimeout", "run_codelet", "CodeletRun", "Message",
           "record_edge", "replayer_entity", "read_entities", "write_entities",
           "RecordingError"]
