# SPDX-License-Identifier: Apache-2.0
"""Flow API: inject synthetic frames -> probe (writes ObjectMeta) -> retrieve (reads it).

    python examples/flow_probe.py [--frames 30] [--scheduler greedy|multi_thread|event_based]
"""

import argparse

import numpy as np

from gxf.flow import (BatchMetadataOperator, Buffer, BufferProvider, BufferRetriever, Flow,
                      ObjectMeta, Pipeline, Probe, Rect, as_tensor)


class GreyFrames(BufferProvider):
    """`count` grey 640x480 RGB frames, then an empty Buffer (end of stream)."""

    def __init__(self, count):
        super().__init__()
        self.count = count
        self.sent = 0

    def generate(self, size):
        if self.sent == self.count:
            return Buffer()
        self.sent += 1
        return as_tensor(np.full((480, 640, 3), 128, np.uint8), "HWC").wrap()


class Detector(BatchMetadataOperator):
    """Pretends to detect one object per frame."""

    def handle_metadata(self, batch_meta):
        for frame in batch_meta.frame_items:
            frame.append(ObjectMeta(class_id=2, confidence=0.9, label="person",
                                    rect=Rect(10, 20, 100, 200), object_id=frame.frame_num))


class Printer(BufferRetriever):
    """Counts frames and objects."""

    def __init__(self):
        super().__init__()
        self.frames = 0
        self.objects = 0

    def consume(self, buffer):
        for frame in buffer.batch_meta.frame_items:
            self.frames += 1
            self.objects += len(frame.object_items)
        return 1


def main():
    """Build and run the flow, then check what the retriever saw."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--scheduler", default="greedy")
    args = parser.parse_args()
    printer = Printer()
    pipeline = Pipeline("probe", scheduler=args.scheduler, workers=2)
    Flow(pipeline).inject([GreyFrames(args.frames)]).attach(Probe("detector", Detector())) \
        .retrieve(printer)()
    if printer.frames != args.frames or printer.objects != args.frames:
        raise SystemExit(f"expected {args.frames} frames and objects, got {printer.frames} "
                         f"frames and {printer.objects} objects")
    print(f"flow_probe: {printer.frames} frames, {printer.objects} objects")


if __name__ == "__main__":
    main()
