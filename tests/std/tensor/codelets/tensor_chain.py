# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the tensor pipeline tests: a source of tensors of every primitive type
and several layouts, a checker that forwards, and a sink. Each reports what it saw on stdout
as 'REPORT {json}' lines for the test to compare."""

import json
import os

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Allocator, Receiver, Tensor, Transmitter

DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float16",
          "float32", "float64", "complex64", "complex128"]
SHAPES = [(7,), (3, 5), (2, 3, 4), (2, 1, 3, 2)]


def expected_arrays(tick):
    """The arrays the source sends on `tick`, by tensor name (also what checkers expect)."""
    arrays = {}
    for index, dtype in enumerate(DTYPES):
        shape = SHAPES[index % len(SHAPES)]
        values = (np.arange(int(np.prod(shape))) * 3 + tick - 20).reshape(shape)
        arrays[f"copied_{dtype}"] = values.astype(dtype)
    base = np.arange(60, dtype=np.float32).reshape(6, 10) + tick
    arrays["view_columns"] = base[:, ::3]        # strided (non-contiguous) layout
    arrays["view_rows"] = base[1::2, :]          # row-strided layout
    return arrays


def pointers(message):
    """Data pointer of every tensor in the message, by position."""
    return [t.__array_interface__["data"][0] for t in Tensor.find_all_from_entity(message)]


def report(stage, tick, message):
    """Print one REPORT line for the test."""
    print("REPORT " + json.dumps({"stage": stage, "tick": tick, "pointers": pointers(message)}),
          flush=True)


def check(message, tick):
    """Raise unless the message holds exactly the tensors the source sent on `tick`."""
    expected = expected_arrays(tick)
    for name, array in expected.items():
        got = np.asarray(Tensor.get_from_entity(message, name))
        if got.dtype != array.dtype or got.shape != array.shape or not np.array_equal(got, array):
            raise AssertionError(f"tensor {name} changed on tick {tick}")
    if len(Tensor.find_all_from_entity(message)) != len(expected):
        raise AssertionError("unexpected tensor count")


class TensorSource(CodeletAdapter):
    """Publishes tensors copied into allocator memory and zero-copy views of NumPy arrays."""

    def start(self):
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.allocator = Allocator.get(self.context(), self.cid(), params["allocator"])
        self.count = 0

    def tick(self):
        message = MessageEntity(self.context())
        for name, array in expected_arrays(self.count).items():
            if name.startswith("copied_"):
                Tensor.add_np_array_as_tensor_to_entity(message, name, array, self.allocator)
            else:
                Tensor.add_to_entity(message, Tensor.as_tensor(array), name)
        report("source", self.count, message)
        self.tx.publish(message)
        self.count += 1


class TensorCheck(CodeletAdapter):
    """Checks every tensor, then forwards the same message."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.stage = params["stage"]
        self.count = 0

    def tick(self):
        message = self.rx.receive()
        check(message, self.count)
        report(self.stage, self.count, message)
        self.tx.publish(message)
        self.count += 1


class TensorSink(TensorCheck):
    """Checks every tensor and drops the message."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.stage = "sink"
        self.count = 0

    def tick(self):
        message = self.rx.receive()
        check(message, self.count)
        report(self.stage, self.count, message)
        self.count += 1


def resident_bytes():
    """Resident set size of this process."""
    with open("/proc/self/statm", encoding="ascii") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class FrameSource(CodeletAdapter):
    """Publishes a 64 KiB allocator tensor and a 64 KiB NumPy-backed tensor per message."""

    def start(self):
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.allocator = Allocator.get(self.context(), self.cid(), params["allocator"])
        self.frame = np.ones(16384, dtype=np.float32)

    def tick(self):
        message = MessageEntity(self.context())
        Tensor.add_np_array_as_tensor_to_entity(message, "copied", self.frame, self.allocator)
        Tensor.add_to_entity(message, Tensor.as_tensor(self.frame.copy()), "wrapped")
        self.tx.publish(message)


class FrameSink(CodeletAdapter):
    """Reads both tensors of each message; reports resident memory at checkpoints."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params["receiver"])
        self.checkpoints = set(params["checkpoints"])
        self.count = 0

    def tick(self):
        message = self.rx.receive()
        total = sum(float(np.asarray(t)[0]) for t in Tensor.find_all_from_entity(message))
        if total != 2.0:
            raise AssertionError("frame contents changed")
        self.count += 1
        if self.count in self.checkpoints:
            print("REPORT " + json.dumps({"count": self.count, "rss": resident_bytes()}),
                  flush=True)
