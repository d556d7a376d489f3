# SPDX-License-Identifier: Apache-2.0
"""InjectCodelet: a source stage asking a BufferProvider for buffers; an empty Buffer() ends
the stream (an EndOfStream goes out and the stage stops ticking)."""

from gxf.flow.buffer import Buffer
from gxf.flow.stage import StageCodelet
from gxf.python_codelet._python_codelet import call_without_codelet_lock

__all__ = ["InjectCodelet"]


class InjectCodelet(StageCodelet):
    """Calls stage.target.generate(1) per tick and sends what it returns."""

    def on_start(self):
        from gxf.std import BooleanSchedulingTerm

        self.switch = BooleanSchedulingTerm.get(self.context(), self.cid(), "enabled")
        self.source_id = self.stage.options.get("source_id", 0)
        self.frame_num = 0

    def on_tick(self):
        # generate() may block: it runs outside the lock that keeps Python codelets one at a
        # time, or a waiting provider would stall every other stage.
        buffer = call_without_codelet_lock(self.stage.target.generate, 1)
        if not isinstance(buffer, Buffer):
            raise self.stage.fail(f"generate() returned {type(buffer).__name__}; expected a "
                                  "Buffer (an empty Buffer() ends the stream)")
        if buffer.empty:
            self.switch.disable_tick()
            self.send_end(self.out, self.source_id)
            return
        if buffer.batch_meta is None:
            buffer.stamp(self.source_id, self.frame_num)
        self.frame_num += buffer.batch_size
        self.send(self.out, buffer)
