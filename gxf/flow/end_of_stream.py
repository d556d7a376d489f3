# SPDX-License-Identifier: Apache-2.0
"""EndOfStream: the message that ends a stream; every stage forwards it once."""

__all__ = ["EndOfStream", "END_OF_STREAM"]


class EndOfStream:
    """Marks the end of one stream; a source sends it after its provider returns Buffer()."""

    _instance = None

    def __new__(cls):
        # One shared marker: stages compare by identity, no allocation per stream end.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "EndOfStream()"

    def __reduce__(self):
        return (EndOfStream, ())


END_OF_STREAM = EndOfStream()
