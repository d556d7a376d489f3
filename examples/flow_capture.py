# SPDX-License-Identifier: Apache-2.0
"""Flow API: decode a video with PyAV -> map (invert colours) -> render raw frames to a file.
Without a video argument it first writes a small synthetic clip with PyAV.

    python examples/flow_capture.py [--video clip.mp4] [--output frames.rgb]
"""

import argparse
import os
import tempfile

import numpy as np

from gxf.flow import Flow, Pipeline, as_tensor


def write_clip(path, frames=12, width=64, height=48):
    """A synthetic MPEG-4 clip: frame i is a flat colour of value 20 * i."""
    import av

    with av.open(path, "w") as container:
        stream = container.add_stream("mpeg4", rate=25)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(frames):
            image = np.full((height, width, 3), 20 * i, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def invert(buffer):
    """255 - every pixel of the frame."""
    return as_tensor(255 - buffer.extract(0).numpy(), "HWC").wrap()


def main():
    """Capture, invert, render to --output; print the frame count written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--video")
    parser.add_argument("--output")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="flow_capture_")
    video = args.video or write_clip(os.path.join(workdir, "clip.mp4"))
    output = args.output or os.path.join(workdir, "frames.rgb")
    Flow(Pipeline("capture")).capture([video]).map(invert).render("file", path=output)()
    frames = os.path.getsize(output) // (64 * 48 * 3) if not args.video else None
    print(f"flow_capture: wrote {os.path.getsize(output)} bytes to {output}"
          + (f" ({frames} frames)" if frames is not None else ""))


if __name__ == "__main__":
    main()
