# SPDX-License-Identifier: Apache-2.0
"""Graph API of Python codelets: PyComputeEntity queues, PyCodeletV0 parameters as
codelet_params, add_pycodelet, PyData carrying objects, and the classes found in this module
(no second import of it)."""

import pytest

import gxf.std as std
from gxf.core import Entity, Graph, MessageEntity
from gxf.python_codelet import (CodeletAdapter, PyCodeletV0, PyComputeEntity, PyData,
                                add_pycodelet)
from gxf.std import GreedyScheduler, ManualClock

RECEIVED = []


class Sender(CodeletAdapter):
    """Sends {'tick': i, 'tag': codelet_params['tag']} objects."""

    def __init__(self):
        super().__init__()
        self.txs = ["out"]

    def start(self):
        self.tag = self.get_params()["tag"]
        self.ticks = 0

    def tick(self):
        msg = MessageEntity(self.context())
        PyData.add_to_entity(msg, {"tick": self.ticks, "tag": self.tag}, "payload")
        self.out.publish(msg)
        self.ticks += 1


class Collector(CodeletAdapter):
    """Appends what it receives to RECEIVED (same process, same module)."""

    def __init__(self):
        super().__init__()
        self.rxs = ["in_"]

    def tick(self):
        RECEIVED.append(PyData.get_from_entity(self.in_.receive(), "payload"))


class Counter(CodeletAdapter):
    """Counts ticks; its limit arrives as a string through add_pycodelet."""

    def start(self):
        self.limit = self.get_params()["limit"]
        RECEIVED.append(("limit", self.limit))


def new_graph():
    """A graph with a ManualClock and a GreedyScheduler; RECEIVED emptied."""
    RECEIVED.clear()
    g = Graph()
    clock = std.set_clock(g, ManualClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=5000, clock=clock))
    return g


def run_once(g, name, add):
    """Add entity `name` ticking once, let `add(entity)` add its codelet, run the graph."""
    entity = g.add(Entity(name))
    entity.add(std.CountSchedulingTerm("cst", count=1))
    add(entity)
    g.load_extensions()
    g.run()
    g.destroy()


def test_py_compute_entities_pass_python_objects():
    g = new_graph()
    sender = g.add(PyComputeEntity("sender", count=4))
    codelet = sender.add_codelet("codelet", Sender(), tag="t1")
    assert codelet.params["codelet_params"]["_txs"] == ["out"]
    receiver = g.add(PyComputeEntity("receiver", count=-1))
    receiver.add_codelet("codelet", Collector())
    std.connect(sender.out, receiver.in_)
    g.load_extensions()
    g.run()
    g.destroy()
    assert RECEIVED == [{"tick": i, "tag": "t1"} for i in range(4)]


def test_add_pycodelet_passes_parameters_as_strings():
    run_once(new_graph(), "counter",
             lambda entity: add_pycodelet(entity, Counter, name="counter", limit=3))
    assert RECEIVED == [("limit", "3")]


def test_codelet_classes_are_checked_when_added():
    class Local(CodeletAdapter):
        pass

    with pytest.raises(ValueError, match="defined inside a function"):
        PyCodeletV0("local", codelet=Local)
    with pytest.raises(TypeError, match="must be a CodeletAdapter subclass"):
        PyCodeletV0("bad", codelet=object)
    with pytest.raises(ValueError, match="names both a transmitter and a parameter"):
        Graph().add(PyComputeEntity("e")).add_codelet("c", Sender(), out=1)


class ParamsProbe(CodeletAdapter):
    """Records get_params() at start."""

    def start(self):
        RECEIVED.append(self.get_params())


def test_codelet_without_parameters_gets_an_empty_mapping():
    run_once(new_graph(), "probe",
             lambda entity: entity.add(PyCodeletV0("probe", codelet=ParamsProbe)))
    assert RECEIVED == [{}]
