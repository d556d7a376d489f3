# SPDX-License-Identifier: Apache-2.0
"""Codelets of tools/bench/infer.py: a source publishing `per_tick` preallocated frames
per tick (no allocation per frame), one message each or, `batched`, all in one message (a
batched buffer [per_tick, ...]), and a sink counting frames. The first `warmup` frames
(one batch: the runtime's first run, as the direct loop's untimed first run) are not timed:
the sink stamps the time it received the last of them and the time of the last frame, and
writes both counts and the seconds between into `result` (JSON)."""

import json
import time

import numpy as np

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Receiver, Tensor, Transmitter


class FrameSource(CodeletAdapter):
    """Publishes `frames` frames of `shape` (float32), `per_tick` per tick, as tensor 'images':
    a message per frame, or (`batched`) one message holding the tick's frames stacked."""

    def start(self):
        params = self.get_params()
        self.out = Transmitter.get(self.context(), self.cid(), "out")
        self.frames = [np.random.default_rng(i).normal(size=params["shape"]).astype(np.float32)
                       for i in range(params["per_tick"])]
        self.batched = params.get("batched", False)
        if self.batched:
            self.frames = [np.stack(self.frames)]
        self.left = params["frames"] + params.get("warmup", 0)

    def tick(self):
        if self.batched:
            message = MessageEntity(self.context())
            Tensor.add_to_entity(message, Tensor.as_tensor(self.frames[0]), "images")
            self.out.publish(message)
            self.left -= min(self.left, len(self.frames[0]))
            return
        for frame in self.frames[:self.left]:
            message = MessageEntity(self.context())
            Tensor.add_to_entity(message, Tensor.as_tensor(frame), "images")
            self.out.publish(message)
        self.left -= min(self.left, len(self.frames))


class CountingSink(CodeletAdapter):
    """Counts messages holding tensor `tensor` (default 'logits'), all that are queued at each
    tick; writes the frames counted after the first `warmup` and the seconds they took at
    stop."""

    def start(self):
        params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), "in")
        self.result = params["result"]
        self.tensor = params.get("tensor", "logits")
        self.warmup = params.get("warmup", 0)
        self.per_message = params.get("per_message", 1)  # frames a message holds
        self.count = 0
        self.started = self.ended = time.perf_counter()

    def tick(self):
        # Everything queued, in one tick: a sink of batches pays one Python call per batch.
        message = self.rx.receive()
        while message:
            Tensor.get_from_entity(message, self.tensor)
            self.count += self.per_message
            if self.count == self.warmup:
                self.started = time.perf_counter()
            message = self.rx.receive()
        self.ended = time.perf_counter()

    def stop(self):
        with open(self.result, "w", encoding="utf-8") as result:
            json.dump({"count": self.count - self.warmup, "seconds": self.ended - self.started},
                      result)
