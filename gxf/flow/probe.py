# SPDX-License-Identifier: Apache-2.0
"""Probe: user code attached to a stage's output; BatchMetadataOperator reads/writes the
metadata, BufferOperator sees (and may replace or drop) the buffer."""

from gxf.flow.buffer import Buffer

__all__ = ["BatchMetadataOperator", "BufferOperator", "Probe"]


class BatchMetadataOperator:
    """Subclass and implement handle_metadata(batch_meta)."""

    def handle_metadata(self, batch_meta):
        """Read or change the BatchMeta of one buffer."""
        raise NotImplementedError(f"{type(self).__name__} does not implement handle_metadata")


class BufferOperator:
    """Subclass and implement handle_buffer(buffer): return True/None to pass it on, False to
    drop it, or another Buffer to pass instead."""

    def handle_buffer(self, buffer):
        """Inspect or change one buffer."""
        raise NotImplementedError(f"{type(self).__name__} does not implement handle_buffer")


class Probe:
    """A named operator (BatchMetadataOperator or BufferOperator) for Flow.attach."""

    def __init__(self, name, operator):
        if not isinstance(operator, (BatchMetadataOperator, BufferOperator)):
            raise TypeError(f"Probe '{name}': operator must be a BatchMetadataOperator or a "
                            f"BufferOperator, got {type(operator).__name__}")
        self.name = name
        self.operator = operator

    def __call__(self, buffer):
        """Run the operator on `buffer`; the buffer to pass on, or None to drop it."""
        operator = self.operator
        if isinstance(operator, BatchMetadataOperator):
            if buffer.batch_meta is not None:
                operator.handle_metadata(buffer.batch_meta)
            return buffer
        result = operator.handle_buffer(buffer)
        if result is None or result is True:
            return buffer
        if result is False:
            return None
        if isinstance(result, Buffer):
            return result
        raise TypeError(f"probe '{self.name}': handle_buffer returned "
                        f"{type(result).__name__}; expected True/None, False or a Buffer")
