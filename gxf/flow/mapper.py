# SPDX-License-Identifier: Apache-2.0
"""MapCodelet: runs a Python callable Buffer -> Buffer (None drops the buffer); the result
keeps the input's metadata unless the callable set its own."""

from gxf.flow.buffer import Buffer
from gxf.flow.end_of_stream import END_OF_STREAM
from gxf.flow.stage import StageCodelet

__all__ = ["MapCodelet"]


class MapCodelet(StageCodelet):
    """Applies stage.target to every buffer, forwards END_OF_STREAM."""

    def on_tick(self):
        buffer = self.take(self.in_)
        if buffer is None:
            return
        if buffer is END_OF_STREAM:
            self.send(self.out, END_OF_STREAM)
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
