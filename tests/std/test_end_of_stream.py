# SPDX-License-Identifier: Apache-2.0
"""EndOfStream (GXF's nvidia::gxf::EndOfStream): a message component naming the stream that
ended; Python reads and writes it on messages."""

from gxf.core import MessageEntity
from gxf.std import EndOfStream


def test_message_carries_the_stream_that_ended(context):
    message = MessageEntity(context)
    assert EndOfStream.get_from_entity(message) is None
    EndOfStream.add_to_entity(message, 3)
    assert EndOfStream.get_from_entity(message) == EndOfStream(3)
    assert EndOfStream.get_from_entity(message).stream_id == 3


def test_default_stream_is_the_whole_graph(context):
    message = MessageEntity(context)
    EndOfStream.add_to_entity(message)
    assert EndOfStream.get_from_entity(message).stream_id == -1
    assert repr(EndOfStream()) == "EndOfStream(stream_id=-1)"
