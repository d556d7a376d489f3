# SPDX-License-Identifier: Apache-2.0
"""MapCodelet: runs a Python callable Buffer -> Buffer (None drops the buffer); the result
keeps the input's metadata unless the callable set its own."""

from gxf.flow.buffer import Buffer
from gxf.std import EndOfStream
from gxf.flow.stage import StageCodelet

__all__ = ["MapCodelet"]


class MapCodelet(StageCodelet):
    """Applies stage.target to every buffer, forwards the EndOfStream."""

    def on_tick(self):
        buffer = self.take(self.in_)
        if buffer is None:
            return
        if type(buffer) is EndOfStream:
            self.send_end(self.out, buffer.stream_id)
            return
        result = self.stage.target(buffer)
        if result is None:
            return
        if not isinstance(result, Buffer):
            raise self.stage.fail(f"the function returned {type(result).__name__}; expected a "
                                  "Buffer or None")
        if result.batch_meta is None:
            result.batch_meta = buffer.batch_meta
        self.send(self.out, result)
