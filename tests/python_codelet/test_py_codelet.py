# SPDX-License-Identifier: Apache-2.0
"""PyCodeletV0: Python codelets in graphs, their API and their failures."""

import json
import os

import pytest

from gxf_test_support import REPO, run_gxe, run_to_end
from gxf import core
from gxf.core.errors import CodeletError, GxfError, error_report

GRAPHS = os.path.join(REPO, "graphs")

CODELET_TEMPLATE = '''
from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Transmitter


class Source(CodeletAdapter):
    def start(self):
        self.tx = Transmitter.get(self.context(), self.cid(), "signal")
        {start}

    def tick(self):
        self.tx.publish(MessageEntity(self.context()))
        {tick}

    def stop(self):
        {stop}
'''

GRAPH_TEMPLATE = '''
name: tx
components:
- name: signal
  type: nvidia::gxf::DoubleBufferTransmitter
  parameters: {{capacity: 4, policy: 0}}
- name: codelet
  type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: {name}
    codelet_file: {file}
    codelet_params: {{}}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {{count: 3}}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {{clock: clock, max_duration_ms: 5000}}
'''


def write_codelet_graph(tmp_path, start="pass", tick="pass", stop="pass", name="Source",
                        file="source.py"):
    """A one-entity graph running a generated codelet; returns the graph path."""
    (tmp_path / "source.py").write_text(CODELET_TEMPLATE.format(start=start, tick=tick, stop=stop))
    graph = tmp_path / "graph.yaml"
    graph.write_text(GRAPH_TEMPLATE.format(name=name, file=file))
    return str(graph)


def test_python_ping_graph_runs_and_counts_every_message():
    result = run_gxe(os.path.join(GRAPHS, "python_ping.yaml"), extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output
    with open("/tmp/gxf_python_ping_stats.json") as stream:
        stats = json.load(stream)
    assert {entity["name"]: entity["count"] for entity in stats["entities"]} == {"tx": 5, "rx": 5}


@pytest.mark.parametrize("graph", ["native_to_python_ping.yaml", "python_to_native_ping.yaml"])
def test_mixed_native_and_python_ping_succeeds(graph):
    result = run_gxe(os.path.join(GRAPHS, graph), extra_args=["--severity", "1"])
    assert result.returncode == 0, result.output


@pytest.mark.parametrize("method", ["start", "tick", "stop"])
def test_exception_in_codelet_method_stops_graph_with_traceback(context, tmp_path, method):
    graph = write_codelet_graph(tmp_path, **{method: f"raise KeyError('boom in {method}')"})
    with pytest.raises(CodeletError) as error:
        run_to_end(context, graph)
    message = error_report(error.value)
    assert message.startswith("GXF_FAILURE")
    assert f"component 'codelet' (nvidia::gxf::PyCodeletV0) in {method}()" in message
    assert f"KeyError: 'boom in {method}'" in message
    assert "source.py" in error.value.traceback_text
    assert isinstance(error.value.__cause__, KeyError)


@pytest.mark.parametrize("method", ["start", "tick", "stop"])
def test_gxe_exits_non_zero_and_prints_codelet_traceback(tmp_path, method):
    graph = write_codelet_graph(tmp_path, **{method: "1 / 0"})
    result = run_gxe(graph, extra_args=["--severity", "0"])
    assert result.returncode == 1
    assert "ZeroDivisionError" in result.stderr and "Traceback" in result.stderr


def test_missing_codelet_file_names_file_and_component_without_traceback(context, tmp_path):
    graph = write_codelet_graph(tmp_path, file="no_such_codelet.py")
    with pytest.raises(GxfError) as error:
        run_to_end(context, graph)
    message = error_report(error.value)
    assert "codelet_file 'no_such_codelet.py' does not exist" in message
    assert "component 'codelet'" in message and "graph.yaml" in message
    assert "Traceback" not in message and not isinstance(error.value, CodeletError)


def test_codelet_class_missing_from_file_is_named_without_traceback(tmp_path):
    graph = write_codelet_graph(tmp_path, name="NoSuchClass")
    result = run_gxe(graph, extra_args=["--severity", "1"])
    assert result.returncode == 1
    assert "defines no class 'NoSuchClass'" in result.stderr
    assert "Traceback" not in result.stderr


def test_codelet_name_of_a_non_class_is_refused(context, tmp_path):
    graph = write_codelet_graph(tmp_path, name="__name__")  # a string, not a codelet class
    with pytest.raises(GxfError, match="'__name__' in codelet_file .* is not a CodeletAdapter"):
        run_to_end(context, graph)


def test_relative_codelet_file_resolves_from_graph_folder(tmp_path):
    graph = write_codelet_graph(tmp_path)
    result = run_gxe(graph, extra_args=["--severity", "1"], cwd=str(tmp_path.parent))
    assert result.returncode == 0, result.output


def test_codelet_file_is_a_file_path_resolved_beside_the_graph(context, tmp_path, monkeypatch):
    """A relative codelet_file that names nothing from the working directory resolves next to
    the graph file; one that does exist from the working directory stays as written."""
    graph = write_codelet_graph(tmp_path)
    monkeypatch.chdir(tmp_path.parent)
    core.graph_load_file(context, graph)
    cid = core.component_find(context, core.entity_find(context, "tx"), component_name="codelet")[0]
    assert core.parameter_get(context, cid, "codelet_file") == str(tmp_path / "source.py")
    monkeypatch.chdir(tmp_path)
    core.graph_load_file(context, graph, ["tx/codelet/codelet_file=source.py"])
    assert core.parameter_get(context, cid, "codelet_file") == "source.py"
    types = {entry["key"]: entry["type"]
             for entry in core._core.parameter_list(context, "nvidia::gxf::PyCodeletV0")}
    assert types["codelet_file"] == "FilePath"


def test_codelet_imports_a_helper_next_to_it_inside_tick(context, tmp_path):
    """The codelet file's folder stays on sys.path after the import, as GXF leaves it."""
    (tmp_path / "tick_helper_module.py").write_text("VALUE = 42\n")
    graph = write_codelet_graph(
        tmp_path, tick="import tick_helper_module; assert tick_helper_module.VALUE == 42")
    run_to_end(context, graph)
    import sys

    assert str(tmp_path) in sys.path


def test_codelet_files_with_same_name_in_two_folders_do_not_collide(context, tmp_path):
    for folder, value in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.py").write_text(
            "from gxf.python_codelet import CodeletAdapter\n"
            f"class Same(CodeletAdapter):\n    VALUE = {value}\n")
    from gxf.python_codelet.loader import load_codelet_class

    first = load_codelet_class(str(tmp_path / "a" / "same.py"), "Same")
    second = load_codelet_class(str(tmp_path / "b" / "same.py"), "Same")
    assert (first.VALUE, second.VALUE) == (1, 2)


def test_codelet_sees_params_counts_and_scheduler_time(context, tmp_path):
    (tmp_path / "probe.py").write_text('''
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver

class Probe(CodeletAdapter):
    seen = []
    def start(self):
        self.params = self.get_params()
        Probe.seen.append(("start", self.get_execution_count(), self.get_delta_time()))
    def tick(self):
        Probe.seen.append(("tick", self.get_execution_count(), self.is_first_tick(),
                           self.get_execution_timestamp(), self.params))
        empty = Receiver.get(self.context(), self.cid(), "inbox").receive()
        Probe.seen.append(("empty", bool(empty), empty.eid()))
''')
    graph = tmp_path / "graph.yaml"
    graph.write_text('''
name: probe
components:
- name: inbox
  type: nvidia::gxf::DoubleBufferReceiver
- name: codelet
  type: nvidia::gxf::PyCodeletV0
  parameters:
    codelet_name: Probe
    codelet_file: probe.py
    codelet_params: {rate: 5, label: x, nested: {a: [1, 2]}}
- type: nvidia::gxf::PeriodicSchedulingTerm
  parameters: {recess_period: 5000}
- type: nvidia::gxf::CountSchedulingTerm
  parameters: {count: 2}
---
name: scheduler
components:
- name: clock
  type: nvidia::gxf::ManualClock
- type: nvidia::gxf::GreedyScheduler
  parameters: {clock: clock}
''')
    run_to_end(context, str(graph))
    import sys

    probe = next(m for n, m in sys.modules.items() if n.startswith("gxf_codelet_probe_")).Probe
    params = {"rate": 5, "label": "x", "nested": {"a": [1, 2]}}
    assert probe.seen == [
        ("start", 0, 0.0),
        ("tick", 1, True, 0, params), ("empty", False, 0),
        ("tick", 2, False, 5000, params), ("empty", False, 0),
    ]
