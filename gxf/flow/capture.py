# SPDX-License-Identifier: Apache-2.0
"""CaptureCodelet: a source stage decoding an image or video file with PyAV (the optional
`media` extra), one RGB frame (HWC uint8) per tick, then an EndOfStream."""

import os

from gxf.flow.stage import StageCodelet
from gxf.flow.tensor import ColorFormat, Tensor

__all__ = ["CaptureCodelet", "open_media"]


def open_media(uri):
    """A PyAV container for `uri` (a path or file:// URI); raises FileNotFoundError,
    ImportError (PyAV missing) or the decoder's error, each naming the file."""
    path = uri[len("file://"):] if uri.startswith("file://") else uri
    if "://" not in path and not os.path.exists(path):
        raise FileNotFoundError(f"no such file: '{path}'")
    try:
        import av
    except ImportError as error:
        raise ImportError("capture needs PyAV: pip install 'gxf[media]' (or pip install av)") \
            from error
    try:
        return av.open(path)
    except av.FFmpegError as error:
        raise ValueError(f"cannot decode '{path}': {error}") from error


class CaptureCodelet(StageCodelet):
    """Decodes stage.options['uri'] frame by frame."""

    def on_start(self):
        from gxf.std import BooleanSchedulingTerm

        self.switch = BooleanSchedulingTerm.get(self.context(), self.cid(), "enabled")
        self.uri = self.stage.options["uri"]
        self.container = None
        self.frames = None
        self.frame_num = 0

    def on_tick(self):
        from gxf.flow.buffer import Buffer

        if self.container is None:  # opened on the engine thread, so errors end the run
            try:
                self.container = open_media(self.uri)
            except Exception as error:  # noqa: BLE001
                raise self.stage.fail(f"{self.uri}: {error}") from error
            self.frames = self.container.decode(video=0)
        frame = next(self.frames, None)
        if frame is None:
            self.switch.disable_tick()
            self.container.close()
            self.send_end(self.out, self.stage.options["source_id"])
            return
        pts = frame.pts if frame.pts is not None else self.frame_num
        buffer = Buffer(Tensor(frame.to_ndarray(format="rgb24"), "HWC"),
                        color_format=ColorFormat.RGB, pts=pts)
        buffer.stamp(self.stage.options["source_id"], self.frame_num)
        self.frame_num += 1
        self.send(self.out, buffer)

    def on_stop(self):
        if self.container is not None:
            self.container.close()
