# SPDX-License-Identifier: Apache-2.0
"""BufferProvider: the user class behind Flow.inject."""

__all__ = ["BufferProvider"]


class BufferProvider:
    """Subclass and implement generate(size) -> Buffer; an empty Buffer() ends the stream.
    Called on an engine thread, one call at a time; it may block."""

    def generate(self, size):
        """The next Buffer (`size` is the number of frames asked for)."""
        raise NotImplementedError(f"{type(self).__name__} does not implement generate(size)")
