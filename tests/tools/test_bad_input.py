# SPDX-License-Identifier: Apache-2.0
"""Every tool answers a user's mistake with one clear line and no traceback."""

import os
import subprocess
import sys

import pytest

from gxf_test_support import DATA, MANIFEST, REPO

PING = os.path.join(REPO, "graphs", "ping.yaml")


def gxf(*args):
    return subprocess.run([sys.executable, "-m", "gxf.cli", *args], capture_output=True,
                          text=True, timeout=60, cwd=REPO)


@pytest.mark.parametrize("command", ["check", "draw"])
def test_malformed_yaml_is_one_finding_with_its_line(command):
    result = gxf(command, os.path.join(DATA, "bad_yaml_syntax.yaml"), "--manifest", MANIFEST)
    assert "bad_yaml_syntax.yaml:" in result.stdout + result.stderr
    assert "invalid YAML" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if command == "check":
        assert result.returncode == 1


@pytest.mark.parametrize("command", ["check", "draw"])
def test_unknown_manifest_is_one_line(command):
    result = gxf(command, PING, "--manifest", "/nowhere/manifest.yaml")
    assert result.returncode == 1
    assert result.stderr.strip() == \
        f"gxf {command}: error: cannot read manifest '/nowhere/manifest.yaml': no such file"


@pytest.mark.parametrize("command", ["check", "draw"])
def test_unreadable_graph_file_is_one_line(command):
    result = gxf(command, "/nowhere/graph.yaml", "--manifest", MANIFEST)
    assert result.returncode == 1
    assert result.stderr.strip() == \
        f"gxf {command}: error: cannot read graph file '/nowhere/graph.yaml': no such file"


def test_manifest_naming_a_missing_extension_is_one_line(tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("extensions:\n- gxf/nowhere/libgxf_nowhere.so\n")
    result = gxf("check", PING, "--manifest", str(manifest))
    assert result.returncode == 1
    assert "libgxf_nowhere.so" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_subcommand_prints_usage():
    result = gxf("frobnicate")
    assert result.returncode == 2
    assert "check" in result.stderr and "draw" in result.stderr


def test_bad_parameter_override_is_a_finding():
    result = gxf("check", PING, "--manifest", MANIFEST, "--param", "no-equals-sign")
    assert result.returncode == 1
    assert "no-equals-sign" in result.stdout and "Traceback" not in result.stderr


def test_unwritable_output_is_one_line():
    result = gxf("draw", PING, "--manifest", MANIFEST, "-o", "/nowhere/graph.dot")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("gxf draw: error: cannot write '/nowhere/graph.dot'")


def test_binary_graph_file_is_one_finding(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\xc1\xff\x00garbage")
    result = gxf("check", str(path), "--manifest", MANIFEST)
    assert result.returncode == 1
    assert result.stdout.strip() == f"{path}: error: not a text (UTF-8) file: byte 0 is invalid"
    assert "Traceback" not in result.stderr


def test_binary_manifest_is_one_line(tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_bytes(b"\xc1\xff\x00garbage")
    result = gxf("check", PING, "--manifest", str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == \
        f"gxf check: error: manifest '{path}' is not a text (UTF-8) file: byte 0 is invalid"


def test_directory_as_graph_file_is_one_line(tmp_path):
    result = gxf("draw", str(tmp_path), "--manifest", MANIFEST)
    assert result.returncode == 1
    assert result.stderr.strip() == \
        f"gxf draw: error: cannot read graph file '{tmp_path}': it is a directory"


@pytest.mark.parametrize("mistake", ["manifest", "graph", "yaml"])
def test_dashboard_answers_bad_input_with_one_line(mistake):
    app, manifest = PING, MANIFEST
    if mistake == "manifest":
        manifest = "/nowhere/manifest.yaml"
    elif mistake == "graph":
        app = "/nowhere/graph.yaml"
    else:
        app = os.path.join(DATA, "bad_yaml_syntax.yaml")
    result = gxf("dashboard", app, "--manifest", manifest, "--port", "0")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, result.stderr
    assert {"manifest": "/nowhere/manifest.yaml", "graph": "/nowhere/graph.yaml",
            "yaml": "bad_yaml_syntax.yaml:"}[mistake] in errors[0]
