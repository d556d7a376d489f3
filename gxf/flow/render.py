# SPDX-License-Identifier: Apache-2.0
"""RenderCodelet: a headless sink; kind "null" drops frames, kind "file" writes the raw
bytes of every frame, in order, to a file."""

import numpy as np

from gxf.std import EndOfStream
from gxf.flow.stage import StageCodelet

__all__ = ["RenderCodelet", "RENDER_KINDS"]

RENDER_KINDS = ("null", "file")


class RenderCodelet(StageCodelet):
    """Consumes buffers; counts frames in self.frames."""

    def on_start(self):
        self.frames = 0
        path = self.stage.options.get("path")
        self.file = open(path, "wb") if self.stage.options["mode"] == "file" else None

    def on_tick(self):
        buffer = self.take(self.in_)
        if buffer is None:
            return
        if type(buffer) is EndOfStream:
            self.stage.ended = True
            return
        for tensor in buffer.tensors:
            if self.file is not None:
                self.file.write(np.ascontiguousarray(tensor.to_host()).data)
            self.frames += 1

    def on_stop(self):
        if self.file is not None:
            self.file.close()
