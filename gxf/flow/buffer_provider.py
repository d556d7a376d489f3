# SPDX-License-Identifier: Apache-2.0
"""BufferProvider: the user class behind Flow.inject."""

__all__ = ["BufferProvider"]


class BufferProvider:
    """Subclass and implement generate(size) -> Buffer; an empty Buffer() ends the stream.
    Called on an engine thread, one call at a time per provider; it may block (on a camera, a
    queue, an event): the other stages keep running meanwhile on the other worker threads of
    a multi_thread or event_based pipeline, so generate() may run alongside them."""

    def generate(self, size):
        """The next Buffer (`size` is the number of frames asked for)."""
        raise NotImplementedError(f"{type(self).__name__} does not implement generate(size)")
