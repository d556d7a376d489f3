# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the inference test graphs: a source publishing tensors from .npy files
and a sink saving what it receives. Both take their settings from codelet_params."""

import json

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Tensor, Transmitter


def _host_copy(tensor):
    """A NumPy copy of a host or device tensor."""
    if tensor.storage_type().name != "kDevice":
        return np.array(tensor)
    import torch

    return torch.from_dlpack(tensor).cpu().numpy()


class TensorSource(CodeletAdapter):
    """Publishes `per_tick` messages per tick on 'out'; message i holds, for each name in
    `tensors` ({tensor name: .npy file of shape [messages, ...]}), row i of its file."""

    def start(self):
        params = self.get_params()
        self.out = Transmitter.get(self.context(), self.cid(), params.get("tx", "out"))
        self.tensors = {name: np.load(path) for name, path in params["tensors"].items()}
        self.per_tick = params.get("per_tick", 1)
        # A CudaStreamId naming this codelet, which is no stream (a producer's mistake).
        self.bad_stream_id = params.get("bad_stream_id", False)
        self.sent = 0

    def tick(self):
        count = len(next(iter(self.tensors.values())))
        for _ in range(self.per_tick):
            if self.sent == count:
                return
            message = MessageEntity(self.context())
            for name, rows in self.tensors.items():
                Tensor.add_to_entity(message, Tensor.as_tensor(np.ascontiguousarray(
                    rows[self.sent])), name)
            if self.bad_stream_id:
                from gxf.cuda import CudaStreamId

                CudaStreamId.add_to_entity(message).stream_cid = self.cid()
            self.out.publish(message, 1000 + self.sent)
            self.sent += 1


class TensorSink(CodeletAdapter):
    """Saves every tensor of every message on 'in' to `output` (.npz: <name>_<i>), with the
    storage types and acquisition times in `output`.json."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), params.get("rx", "in"))
        self.output = params["output"]
        self.arrays = {}
        self.info = []

    def tick(self):
        from gxf.std import Timestamp

        message = self.rx.receive()
        index = len(self.info)
        names = [name for name in message.component_names() if name != "timestamp"]
        for name in names:
            tensor = Tensor.get_from_entity(message, name)
            self.arrays[f"{name}_{index}"] = _host_copy(tensor)
        self.info.append({"names": names, "acqtime": Timestamp.get_from_entity(message)[0],
                          "storage": [Tensor.get_from_entity(message, name).storage_type().name
                                      for name in names]})

    def stop(self):
        np.savez(self.output, **self.arrays)
        with open(self.output + ".json", "w", encoding="utf-8") as info:
            json.dump(self.info, info)
