# SPDX-License-Identifier: Apache-2.0
"""A user-style C++ extension (extensions/example) loads by path from a manifest and runs."""

import os
import shutil
import subprocess

import pytest

from gxf_test_support import REPO, run_gxe
from gxf import core
from gxf.core.manifest import packaged_extensions

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
    """Path of the bundled example extension library (built by gxf_add_extension, as std)."""
    return os.path.join(os.path.dirname(core.library_directory()), "example", "libgxf_example.so")


def write_files(tmp_path, expected, plugin=None):
    """Manifest naming the plug-in by absolute path, and a graph using its codelet."""
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(f"extensions:\n- gxf/std/libgxf_std.so\n- {plugin or plugin_path()}\n")
    graph = tmp_path / "graph.yaml"
    graph.write_text(GRAPH.format(expected=expected, stats=tmp_path / "stats.json"))
    return str(graph), str(manifest)


def test_example_plugin_is_installed_as_its_own_extension():
    assert os.path.isfile(plugin_path())
    assert packaged_extensions()["libgxf_example.so"] == plugin_path()


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


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_plugin_builds_outside_the_tree_against_the_installed_package(tmp_path):
    # README's recipe: the installed headers and libraries, no CMake, no source tree.
    root = os.path.dirname(core.library_directory())
    library = tmp_path / "libmy_example.so"
    subprocess.run(
        ["g++", "-std=c++17", "-O1", "-fPIC", "-shared",
         os.path.join(REPO, "extensions", "example", "example_extension.cpp"), "-o", str(library),
         f"-I{core.include_directory()}", f"-L{root}/core", f"-L{root}/std", "-lgxf_core",
         "-lgxf_std", f"-Wl,-rpath,{root}/core:{root}/std"],
        cwd=tmp_path, check=True, capture_output=True, timeout=300)
    graph, manifest = write_files(tmp_path, expected=4, plugin=library)
    result = run_gxe(graph, manifest=manifest, extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    assert '"count": 4' in (tmp_path / "stats.json").read_text()
