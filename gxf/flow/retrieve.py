# SPDX-License-Identifier: Apache-2.0
"""RetrieveCodelet: a sink stage handing every buffer to a BufferRetriever."""

from gxf.std import EndOfStream
from gxf.flow.stage import StageCodelet

__all__ = ["RetrieveCodelet"]


class RetrieveCodelet(StageCodelet):
    """Calls stage.target.consume(buffer), which must return an int."""

    def on_tick(self):
        buffer = self.take(self.in_)
        if buffer is None:
            return
        if type(buffer) is EndOfStream:
            self.stage.ended = True
            return
        result = self.stage.target.consume(buffer)
        if not isinstance(result, int) or isinstance(result, bool):
            raise self.stage.fail(f"consume() returned {type(result).__name__}; expected an int")
