# SPDX-License-Identifier: Apache-2.0
"""A user-style C++ extension (extensions/example) loads by path from a manifest and runs."""

import os

from gxf_test_support import run_gxe
from gxf import core

GRAPH = """
name: tx
components:
- name: signal
  type: nvidia::gxf::DoubleBufferTransmitter
  parameters: {{capacity: 8, policy: 0}}
- name: pinger
  type: example::CountingPinger
  parameters: {{signal: signal, expected_ticks: {expected}}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 4}}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {{clock: clock, max_duration_ms: 2000}}
- type: nvidia::gxf::JobStatistics
  parameters: {{clock: clock, json_file_path: {stats}}}
"""


def plugin_path():
    """Path of the bundled example extension library."""
    return os.path.join(core.library_directory(), "libgxf_example.so")


def write_files(tmp_path, expected):
    """Manifest naming the plug-in by absolute path, and a graph using its codelet."""
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(f"extensions:\n- gxf/std/libgxf_std.so\n- {plugin_path()}\n")
    graph = tmp_path / "graph.yaml"
    graph.write_text(GRAPH.format(expected=expected, stats=tmp_path / "stats.json"))
    return str(graph), str(manifest)


def test_example_plugin_is_built_next_to_the_runtime():
    assert os.path.isfile(plugin_path())


def test_plugin_codelet_runs_from_manifest_path(tmp_path):
    graph, manifest = write_files(tmp_path, expected=4)
    result = run_gxe(graph, manifest=manifest, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    assert '"count": 4' in (tmp_path / "stats.json").read_text()


def test_plugin_codelet_failure_reaches_stderr_with_its_reason(tmp_path):
    graph, manifest = write_files(tmp_path, expected=5)
    result = run_gxe(graph, manifest=manifest, extra_args=["--severity", "0"])
    assert result.returncode == 1
    assert "entity 'tx', component 'pinger' (example::CountingPinger)" in result.stderr
    assert "stop() failed: ticked 4 times, expected at least 5" in result.stderr


def test_plugin_types_are_listed_with_their_extension(tmp_path):
    _, manifest = write_files(tmp_path, expected=4)
    context = core.context_create()
    try:
        core.load_extensions(context, manifest_filenames=[manifest])
        names = {extension["name"]: extension for extension in core.extension_list(context)}
        types = [entry["typename"] for entry in names["ExampleExtension"]["types"]]
        assert types == ["example::CountingPinger"]
        assert names["ExampleExtension"]["types"][0]["base_typename"] == "nvidia::gxf::Codelet"
    finally:
        core.context_destroy(context)


def test_missing_plugin_library_is_extension_file_not_found(tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("extensions:\n- /nowhere/libgxf_missing.so\n")
    result = run_gxe(str(tmp_path / "graph.yaml"), manifest=str(manifest))
    assert result.returncode == 1
    assert "GXF_EXTENSION_FILE_NOT_FOUND" in result.stderr and "libgxf_missing.so" in result.stderr
