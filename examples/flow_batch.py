# SPDX-License-Identifier: Apache-2.0
"""Flow API: two sources batched two frames at a time, each batch checked by a retriever.

    python examples/flow_batch.py [--frames 10]
"""

import argparse

import numpy as np

from gxf.flow import Buffer, BufferProvider, BufferRetriever, Flow, Pipeline, as_tensor


class Source(BufferProvider):
    """`count` 4x4 RGB frames filled with `value`, then the end of stream."""

    def __init__(self, value, count):
        super().__init__()
        self.value, self.count, self.sent = value, count, 0

    def generate(self, size):
        if self.sent == self.count:
            return Buffer()
        self.sent += 1
        return as_tensor(np.full((4, 4, 3), self.value, np.uint8), "HWC").wrap()


class BatchChecker(BufferRetriever):
    """Checks that each batch holds one frame of each source, numbered alike."""

    def __init__(self):
        super().__init__()
        self.batches = 0

    def consume(self, buffer):
        frames = buffer.batch_meta.frame_items
        sources = sorted(frame.source_id for frame in frames)
        if buffer.batch_size != 2 or sources != [0, 1] or len({f.frame_num for f in frames}) != 1:
            raise ValueError(f"bad batch: {buffer.batch_meta}")
        for frame in frames:
            value = int(buffer.extract(frame.batch_id).numpy()[0, 0, 0])
            if value != 10 * (frame.source_id + 1):
                raise ValueError(f"frame of source {frame.source_id} holds {value}")
        self.batches += 1
        return buffer.batch_size


def main():
    """Run the batching flow and check the batch count."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=10)
    args = parser.parse_args()
    checker = BatchChecker()
    Flow(Pipeline("batch")).inject([Source(10, args.frames), Source(20, args.frames)]) \
        .batch(2, timeout_ms=1000).retrieve(checker)()
    if checker.batches != args.frames:
        raise SystemExit(f"expected {args.frames} batches, got {checker.batches}")
    print(f"flow_batch: {checker.batches} batches of 2")


if __name__ == "__main__":
    main()
