# SPDX-License-Identifier: Apache-2.0
"""The engine's exceptions: `str()` is the bare GXF code (as GXF's bindings raise it), the
located reason is a PEP 678 note that tracebacks print, and `error_report` / gxe.py give the
whole "CODE: reason" line."""

import sys
import traceback

import pytest

from gxf_test_support import MANIFEST, run_gxe
from gxf import core
from gxf.core.errors import GxfError, ParameterError, error_report


def test_a_core_failure_is_the_bare_code_with_the_reason_as_a_note():
    with pytest.raises(ValueError) as caught:
        core.graph_interrupt(0)
    error = caught.value
    assert isinstance(error, GxfError)
    assert str(error) == "GXF_CONTEXT_INVALID" and error.args == ("GXF_CONTEXT_INVALID",)
    assert error.code == "GXF_CONTEXT_INVALID"
    assert error.__notes__ == ["no live context with handle 0"]
    assert error_report(error) == "GXF_CONTEXT_INVALID: no live context with handle 0"
    printed = "".join(traceback.format_exception(error))
    if sys.version_info >= (3, 11):  # tracebacks print notes from 3.11 on
        assert "GXF_CONTEXT_INVALID\nno live context with handle 0\n" in printed


def test_a_python_raised_error_keeps_file_entity_component_and_parameter(tmp_path):
    graph = tmp_path / "bad.yaml"
    graph.write_text("name: tx\ncomponents:\n- name: count\n"
                     "  type: nvidia::gxf::CountSchedulingTerm\n  parameters: {count: lots}\n")
    context = core.context_create()
    try:
        core.load_extensions(context, manifest_filenames=[MANIFEST])
        with pytest.raises(ParameterError) as caught:
            core.graph_load_file(context, str(graph))
    finally:
        core.context_destroy(context)
    error = caught.value
    assert str(error) == error.code
    report = error_report(error)
    assert report.startswith(error.code + ": ")
    for part in (f"{graph}:", "entity 'tx'", "component 'count'", "'count'"):
        assert part in report and part in error.__notes__[0]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="add_note is Python 3.11's")
def test_notes_added_later_follow_the_report():
    error = GxfError("GXF_FAILURE: entity 'a': it broke")
    error.add_note("while testing")
    assert str(error) == "GXF_FAILURE"
    assert error_report(error) == "GXF_FAILURE: entity 'a': it broke\nwhile testing"


def test_a_code_alone_gets_no_note_and_other_exceptions_report_their_message():
    assert not hasattr(GxfError("GXF_FAILURE"), "__notes__")
    assert error_report(GxfError("GXF_FAILURE")) == "GXF_FAILURE"
    assert error_report(OSError("no such file")) == "no such file"


def test_gxe_prints_the_whole_reason_on_one_line_without_a_traceback(tmp_path):
    graph = tmp_path / "bad.yaml"
    graph.write_text("name: tx\ncomponents:\n- name: count\n"
                     "  type: nvidia::gxf::CountSchedulingTerm\n  parameters: {count: lots}\n")
    result = run_gxe(str(graph))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("gxe.py: error:")]
    assert len(lines) == 1, result.stderr
    assert f"{graph}:" in lines[0] and "entity 'tx'" in lines[0] and "'count'" in lines[0]
    assert lines[0].startswith("gxe.py: error: GXF_")
    assert "Traceback" not in result.stderr
