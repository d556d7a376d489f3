# SPDX-License-Identifier: Apache-2.0
"""Codelets of tools/bench/infer.py: a source publishing `per_tick` preallocated frames
per tick (no allocation per frame) and a sink counting messages; the source stamps the start,
the sink the end, into `result` (JSON)."""

import json
import time

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Tensor, Transmitter


class FrameSource(CodeletAdapter):
    """Publishes `frames` frames of `shape` (float32), `per_tick` per tick, as tensor 'images'."""

    def start(self):
        params = self.get_params()
        self.out = Transmitter.get(self.context(), self.cid(), "out")
        self.frames = [np.random.default_rng(i).normal(size=params["shape"]).astype(np.float32)
                       for i in range(params["per_tick"])]
        self.left = params["frames"]
        self.result = params["result"]
        self.started = None

    def tick(self):
        if self.started is None:
            self.started = time.perf_counter()
            with open(self.result + ".start", "w", encoding="utf-8") as marker:
                marker.write(repr(self.started))
        for frame in self.frames[:self.left]:
            message = MessageEntity(self.context())
            Tensor.add_to_entity(message, Tensor.as_tensor(frame), "images")
            self.out.publish(message)
        self.left -= min(self.left, len(self.frames))


class CountingSink(CodeletAdapter):
    """Counts messages holding tensor `tensor` (default 'logits'); writes the count and end time
    at stop."""

    def start(self):
        self.rx = Receiver.get(self.context(), self.cid(), "in")
        self.result = self.get_params()["result"]
        self.tensor = self.get_params().get("tensor", "logits")
        self.count = 0
        self.ended = None

    def tick(self):
        message = self.rx.receive()
        Tensor.get_from_entity(message, self.tensor)
        self.count += 1
        self.ended = time.perf_counter()

    def stop(self):
        with open(self.result + ".start", encoding="utf-8") as marker:
            started = float(marker.read())
        with open(self.result, "w", encoding="utf-8") as result:
            json.dump({"count": self.count, "seconds": self.ended - started}, result)
