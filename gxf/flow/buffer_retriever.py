# SPDX-License-Identifier: Apache-2.0
"""BufferRetriever: the user class behind Flow.retrieve."""

__all__ = ["BufferRetriever"]


class BufferRetriever:
    """Subclass and implement consume(buffer) -> int (the number of frames it used)."""

    def consume(self, buffer):
        """Take one Buffer from the pipeline; return an int."""
        raise NotImplementedError(f"{type(self).__name__} does not implement consume(buffer)")
