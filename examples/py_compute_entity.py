# SPDX-License-Identifier: Apache-2.0
"""Python codelets in PyComputeEntity entities: a producer sends NumPy arrays (as PyData)
through a doubler to a checker, which fails the run if a value is wrong or missing.

    python examples/py_compute_entity.py
"""

import numpy as np

import gxf.std as std
from gxf.core import Graph, MessageEntity
from gxf.python_codelet import CodeletAdapter, PyComputeEntity, PyData
from gxf.std import GreedyScheduler, RealtimeClock

COUNT = 20


class Producer(CodeletAdapter):
    """Publishes [i, i+1, i+2] on tick i."""

    def __init__(self):
        super().__init__()
        self.txs = ["out"]

    def start(self):
        self.sent = 0

    def tick(self):
        msg = MessageEntity(self.context())
        PyData.add_to_entity(msg, np.arange(self.sent, self.sent + 3))
        self.out.publish(msg)
        self.sent += 1


class Doubler(CodeletAdapter):
    """Multiplies each array it receives by get_params()['factor']."""

    def __init__(self):
        super().__init__()
        self.rxs = ["in_"]
        self.txs = ["out"]

    def start(self):
        self.factor = int(self.get_params()["factor"])

    def tick(self):
        data = PyData.get_from_entity(self.in_.receive())
        msg = MessageEntity(self.context())
        PyData.add_to_entity(msg, data * self.factor)
        self.out.publish(msg)


class Checker(CodeletAdapter):
    """Checks every array and that all COUNT arrived."""

    def __init__(self):
        super().__init__()
        self.rxs = ["in_"]

    def start(self):
        self.received = 0

    def tick(self):
        data = PyData.get_from_entity(self.in_.receive())
        expected = 2 * np.arange(self.received, self.received + 3)
        if not np.array_equal(data, expected):
            raise ValueError(f"message {self.received}: got {data}, expected {expected}")
        self.received += 1

    def stop(self):
        if self.received != COUNT:
            raise RuntimeError(f"received {self.received} of {COUNT} messages")
        print(f"checker: {self.received} messages OK")


def build():
    """Producer -> Doubler -> Checker, each in its own PyComputeEntity."""
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=10000, clock=clock))
    producer = g.add(PyComputeEntity("producer", count=COUNT))
    producer.add_codelet("codelet", Producer())
    doubler = g.add(PyComputeEntity("doubler", count=-1))
    doubler.add_codelet("codelet", Doubler(), factor=2)
    checker = g.add(PyComputeEntity("checker", count=-1))
    checker.add_codelet("codelet", Checker())
    std.connect(producer.out, doubler.in_)
    std.connect(doubler.out, checker.in_)
    return g


if __name__ == "__main__":
    graph = build()
    graph.load_extensions()
    graph.run()
    graph.destroy()
