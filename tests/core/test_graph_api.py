# SPDX-License-Identifier: Apache-2.0
"""The Python graph API: trees equal to YAML-loaded ones, save/load round trips, parameter
checks at add time, the exception handler, generated wrappers and typed vector setters."""

import importlib.util
import logging
import os
import pydoc
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from gxf_test_support import run_gxe

import gxf.core as core
import gxf.std as std
from gxf.core import Component, Entity, Graph, GxfError, ParameterError, error_report
from gxf.sample import PingTx
from gxf.std import CountSchedulingTerm, DoubleBufferTransmitter

ROOT = Path(__file__).resolve().parents[2]
PING_YAML = ROOT / "graphs" / "ping.yaml"


def graph_tree(context):
    """{entity: [(component, type, {parameter: value})]} of a context, for comparisons.
    Entities without a user-given name (connections) are keyed by their components."""
    tree = {}
    for eid in core.entity_find_all(context):
        components = []
        for cid in core._core.component_find(context, eid, None, None):
            info = core.component_info(context, cid)
            parameters = {}
            for entry in core._core.parameter_list(context, info["type"]):
                try:
                    parameters[entry["key"]] = core.parameter_get(context, cid, entry["key"])
                except GxfError:
                    continue  # not set
            name = info["name"] if not info["name"].startswith("__") else None
            components.append((name, info["type"], parameters))
        name = core.entity_get_name(context, eid)
        if not name or name.startswith("_connection_") or name.startswith("__"):
            name = repr(sorted(str(component) for component in components))
        tree[name] = components
    return tree


def build_ping():
    """graphs/ping.yaml built in Python: examples/ping.py's graph, extensions loaded."""
    spec = importlib.util.spec_from_file_location("ping_example", ROOT / "examples" / "ping.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    g = example.build()
    g.load_extensions()
    return g


def loaded_tree(path):
    """Tree of a YAML file loaded into a fresh context."""
    context = core.context_create()
    try:
        core.load_extensions(context, ["libgxf_std.so", "libgxf_sample.so"])
        core.graph_load_file(context, str(path))
        return graph_tree(context)
    finally:
        core.context_destroy(context)


def test_python_graph_equals_yaml_graph():
    g = build_ping()
    g.activate()
    try:
        assert graph_tree(g.context) == loaded_tree(PING_YAML)
    finally:
        g.destroy()


def test_saved_graph_loads_back_identical_and_runs(tmp_path):
    g = build_ping()
    saved = tmp_path / "ping_saved.yaml"
    g.save(str(saved))
    try:
        assert loaded_tree(saved) == graph_tree(g.context)
    finally:
        g.destroy()
    result = run_gxe(str(saved))
    assert result.returncode == 0, result.output
    assert "Message Received: 10" in result.output


def test_unknown_parameter_names_class_parameter_and_accepted_ones():
    with pytest.raises(ParameterError) as caught:
        DoubleBufferTransmitter("tx", capacityy=2)
    message = error_report(caught.value)
    assert message.startswith("GXF_PARAMETER_NOT_FOUND")
    assert "gxf.std.DoubleBufferTransmitter" in message and "'capacityy'" in message
    assert "capacity" in message.split("its parameters are:")[1]


def test_wrong_value_type_raises_at_add_and_set_param():
    with pytest.raises(ParameterError, match=r"GXF_PARAMETER_INVALID_TYPE\n.*'capacity' expects "
                                             r"an integer \(uint64"):
        DoubleBufferTransmitter("tx", capacity="lots")
    queue = DoubleBufferTransmitter("tx", capacity=2)
    with pytest.raises(ParameterError, match="'capacity' expects"):
        queue.set_param("capacity", -1)
    with pytest.raises(ParameterError, match="'count' expects"):
        CountSchedulingTerm("cst", count=1.5)
    generic = Component("nvidia::gxf::PingTx", "ping")
    with pytest.raises(ParameterError, match="no parameter 'signall'"):
        generic.set_param("signall", "tx/signal")
    assert CountSchedulingTerm("cst", count="5").params == {"count": "5"}  # YAML text, as GXF


def test_exception_handler_exits_with_the_error_as_cause(caplog):
    g = Graph()
    tx = g.add(Entity("tx"))
    tx.add(DoubleBufferTransmitter("signal"))
    tx.add(PingTx("ping", signal="tx/nothing"))
    g.load_extensions()
    with caplog.at_level(logging.INFO, logger="Core"), pytest.raises(SystemExit) as caught:
        g.run()
    assert caught.value.code == 1
    error = caught.value.__cause__
    assert isinstance(error, GxfError) and error.code == "GXF_ENTITY_COMPONENT_NOT_FOUND"
    assert "'ping'" in error_report(error) and "'signal'" in error_report(error)
    report = caplog.text
    assert "==== GXF Python Exception Handler ====" in report
    assert "Caught exception in run: ValueError: GXF_ENTITY_COMPONENT_NOT_FOUND" in report
    assert "Exception class: gxf.core.errors." in report
    core.context_destroy(g.context)


def test_undecorated_method_raises_the_error_itself():
    g = Graph()
    g.add(Entity("e")).add(PingTx("ping", signal="e/missing"))
    g.load_extensions()
    with pytest.raises(GxfError, match="GXF_ENTITY_COMPONENT_NOT_FOUND"):
        Graph.run.__wrapped__(g)
    core.context_destroy(g.context)


def test_wrappers_are_generated_for_every_registered_type():
    concrete = [info for info in core.component_types().values()
                if info["library"] == "libgxf_std.so" and not info["is_abstract"]]
    assert len(concrete) > 30
    for info in concrete:
        cls = getattr(std, info["typename"].split("::")[-1])
        assert cls.gxf_native_type == info["typename"]
    text = pydoc.render_doc(std.DoubleBufferTransmitter, renderer=pydoc.plaintext)
    assert "capacity (uint64, default 1)" in text
    assert "policy" in text
    info = std.DoubleBufferTransmitter._validation_info_parameters["capacity"]
    assert info["gxf_parameter_type"] == "GXF_PARAMETER_TYPE_UINT64"
    receivers = core.component_types()["nvidia::gxf::MultiPingRx"]["parameters"]["receivers"]
    assert (receivers["rank"], receivers["shape"], receivers["handle_type"]) == \
        (1, [-1], "nvidia::gxf::Receiver")


def test_runtime_classes_keep_their_static_methods():
    assert std.CountSchedulingTerm.get is not None
    assert isinstance(std.CountSchedulingTerm("cst", count=1), Component)


def test_vector_setters_check_length_and_type():
    g = Graph()
    e = g.add(Entity("e"))
    vectors = e.add(Component("nvidia::gxf::test::VectorParameterTest", "vectors"))
    tx = e.add(DoubleBufferTransmitter("signal"))
    g.load_extensions(["libgxf_std.so", "libgxf_test.so"])
    g.activate()
    context, cid = g.context, vectors.cid
    core.parameter_set_1d_float64_vector(context, cid, "five_64_bit_floats", [1.0, 2, 3.5, 4, 5], 5)
    assert core.parameter_get_1d_float64_vector(context, cid, "five_64_bit_floats", 5) == \
        [1.0, 2.0, 3.5, 4.0, 5.0]
    core.parameter_set_2d_int64_vector(context, cid, "six_64_bit_int_2d", [[1, 2, 3], [4, 5, 6]],
                                       2, 3)
    assert core.parameter_get_2d_int64_vector(context, cid, "six_64_bit_int_2d", 2, 3) == \
        [[1, 2, 3], [4, 5, 6]]
    with pytest.raises(GxfError, match="GXF_ARGUMENT_OUT_OF_RANGE"):
        core.parameter_set_1d_int64_vector(context, cid, "five_64_bit_ints", [1, 2], 5)
    with pytest.raises(GxfError, match="GXF_ARGUMENT_OUT_OF_RANGE"):
        core.parameter_get_1d_int64_vector(context, cid, "five_64_bit_floats", 3)
    with pytest.raises(GxfError, match="GXF_PARAMETER_INVALID_TYPE"):
        core.parameter_set_1d_int64_vector(context, cid, "five_64_bit_ints", [1, 2.5, 3, 4, 5], 5)
    with pytest.raises(GxfError, match="GXF_PARAMETER_INVALID_TYPE"):
        core.parameter_set_float64(context, tx.cid, "capacity", 1.5)
    core.context_destroy(context)


@pytest.mark.parametrize("example", ["ping.py", "py_compute_entity.py"])
def test_examples_run(example, tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "examples" / example)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_crash_handler_reports_sigabrt_and_exits(caplog):
    previous = signal.getsignal(signal.SIGABRT)
    try:
        Graph()  # installs the crash handler
        with caplog.at_level(logging.INFO, logger="Core"), pytest.raises(SystemExit):
            signal.raise_signal(signal.SIGABRT)
    finally:
        signal.signal(signal.SIGABRT, previous)
    assert "==== GXF Python Crash Handler ====" in caplog.text
    assert "Caught signal 6 (SIGABRT)" in caplog.text


def test_component_add_to_interface_makes_a_handle_target():
    g = Graph()
    holder = g.add(Entity("holder"))
    queue = holder.add(DoubleBufferTransmitter("queue"))
    g.load_extensions()
    g.activate()
    core.component_add_to_interface(g.context, holder.eid, queue.cid, "alias")
    assert core.component_find(g.context, holder.eid, component_name="alias") == [queue.cid]
    core.context_destroy(g.context)
