# SPDX-License-Identifier: Apache-2.0
"""extensions/bench: the native source and sink of tools/bench/infer.py. Every frame the
source publishes reaches the sink, one message per frame or per batch, and the sink writes
what it counted after the warm-up; a message without the expected tensor and a bad shape fail
the graph with the reason."""

import json

import pytest

from gxf_test_support import run_gxe

MANIFEST = """extensions:
- gxf/std/libgxf_std.so
- gxf/test/extensions/libgxf_bench.so
"""

GRAPH = """
name: source
components:
- {{name: out, type: nvidia::gxf::DoubleBufferTransmitter, parameters: {{capacity: 8}}}}
- type: nvidia::gxf::DownstreamReceptiveSchedulingTerm
  parameters: {{transmitter: out, min_size: 4}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: {ticks}}}
- type: nvidia::gxf::bench::FrameSource
  parameters: {{out: out, shape: {shape}, per_tick: 4, frames: {frames}, warmup: 4,
                batched: {batched}}}
---
name: sink
components:
- {{name: in, type: nvidia::gxf::DoubleBufferReceiver, parameters: {{capacity: 8}}}}
- type: nvidia::gxf::MessageAvailableSchedulingTerm
  parameters: {{receiver: in, min_size: 1}}
- type: nvidia::gxf::bench::CountingSink
  parameters: {{in: in, result: {result}, tensor: {tensor}, warmup: 4,
                per_message: {per_message}}}
---
components:
- {{type: nvidia::gxf::Connection, parameters: {{source: source/out, target: sink/in}}}}
---
components:
- {{name: clock, type: nvidia::gxf::RealtimeClock}}
- type: nvidia::gxf::GreedyScheduler
  parameters: {{clock: clock, stop_on_deadlock: true, max_duration_ms: 20000}}
"""


def run(tmp_path, frames=40, batched=False, tensor="images", shape="[3, 8, 8]"):
    """Run source -> sink; (the gxe run, the sink's result or None)."""
    result = tmp_path / "result.json"
    (tmp_path / "manifest.yaml").write_text(MANIFEST)
    (tmp_path / "graph.yaml").write_text(GRAPH.format(
        ticks=frames // 4 + 1, shape=shape, frames=frames, batched=str(batched).lower(),
        result=result, tensor=tensor, per_message=4 if batched else 1))
    graph = run_gxe(str(tmp_path / "graph.yaml"), manifest=str(tmp_path / "manifest.yaml"),
                    timeout=60)
    return graph, (json.loads(result.read_text()) if result.exists() else None)


@pytest.mark.parametrize("batched", [False, True])
def test_every_frame_after_the_warmup_is_counted(tmp_path, batched):
    graph, result = run(tmp_path, frames=40, batched=batched)
    assert graph.returncode == 0, graph.stdout + graph.stderr
    assert result["count"] == 40
    assert result["seconds"] > 0


def test_a_message_without_the_tensor_fails_the_graph(tmp_path):
    graph, _ = run(tmp_path, tensor="logits")
    assert graph.returncode != 0
    assert "holds no tensor 'logits'" in graph.stdout + graph.stderr


def test_a_shape_without_extents_is_refused_at_start(tmp_path):
    graph, _ = run(tmp_path, shape="[]")
    assert graph.returncode != 0
    assert "shape needs 1 to" in graph.stdout + graph.stderr
