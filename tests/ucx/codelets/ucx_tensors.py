# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the UCX tests: a source of tensors whose contents follow from the
message index, and a sink that checks them and reports what arrived."""

import json
import time

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Allocator, Receiver, Tensor, Timestamp, Transmitter


def expected_arrays(index, elements):
    """The tensors message `index` carries, by name."""
    return {
        "values": (np.arange(elements, dtype=np.float32) + index).reshape(-1, 4),
        "index": np.array([index, -index], dtype=np.int64),
        "bytes": (np.arange(7, dtype=np.uint8) * (index % 37)).astype(np.uint8),
    }


class TensorSource(CodeletAdapter):
    """Publishes message i with expected_arrays(i) and a Timestamp of acqtime i."""

    def start(self):
        """Look up the transmitter and allocator; read the tensor size."""
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.allocator = Allocator.get(self.context(), self.cid(), params["allocator"])
        self.elements = int(params.get("elements", 16))
        self.period_s = float(params.get("period_ms", 0)) / 1000
        # System (heap) memory instead of the allocator's host memory: real GXF allocates host
        # (pinned) memory through CUDA, which a machine without a GPU lacks.
        self.system_memory = bool(params.get("system_memory", False))
        # "all": every tensor in device memory (CuPy); "mixed": all but 'index'.
        self.device = params.get("device")
        self.index = 0

    def tick(self):
        """Publish the next message."""
        message = MessageEntity(self.context())
        for name, array in expected_arrays(self.index, self.elements).items():
            if self.device == "all" or (self.device == "mixed" and name != "index"):
                import cupy

                Tensor.add_to_entity(message, Tensor.as_tensor(cupy.asarray(array)), name)
            elif self.system_memory:
                Tensor.add_to_entity(message, Tensor.as_tensor(array), name)
            else:
                Tensor.add_np_array_as_tensor_to_entity(message, name, array, self.allocator)
        self.tx.publish(message, self.index)
        self.index += 1
        if self.period_s:
            time.sleep(self.period_s)  # paced, so a test can stop the receiver mid-stream


class TensorSink(CodeletAdapter):
    """Checks every message against expected_arrays(its acqtime); at stop prints
    'REPORT {json}' with the indices received and fails on a count other than expected."""

    def start(self):
        """Look up the receiver; read the checks to make."""
        self.params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), self.params["receiver"])
        self.elements = int(self.params.get("elements", 16))
        self.check_values = bool(self.params.get("check_values", True))  # else names, shapes
        self.received = []

    def tick(self):
        """Receive one message and check its tensors."""
        message = self.rx.receive()
        acqtime, _ = Timestamp.get_from_entity(message, "timestamp")
        index = int(acqtime)
        for name, array in expected_arrays(index, self.elements).items():
            if name not in message.component_names():
                raise AssertionError(f"message {index} lacks tensor '{name}': it holds "
                                     f"{message.component_names()}")
            tensor = Tensor.get_from_entity(message, name)
            if hasattr(tensor, "__cuda_array_interface__"):
                import cupy

                got = cupy.asnumpy(cupy.asarray(tensor))
            else:
                got = np.asarray(tensor)
            if got.dtype != array.dtype or got.shape != array.shape or (
                    self.check_values and not np.array_equal(got, array)):
                raise AssertionError(f"message {index}: tensor '{name}' differs: {got!r}")
        self.received.append(index)

    def stop(self):
        """Report; fail when the count differs from expected_count (if given)."""
        print("REPORT " + json.dumps({"received": self.received}), flush=True)
        expected = self.params.get("expected_count")
        if expected is not None and len(self.received) != int(expected):
            raise AssertionError(f"received {len(self.received)} messages, expected {expected}")
