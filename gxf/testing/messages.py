# SPDX-License-Identifier: Apache-2.0
"""Messages as plain Python values for tests: named NumPy tensors plus a timestamp."""

import numpy

__all__ = ["Message"]


class Message:
    """A message's tensors ({name: numpy array}) and its Timestamp (acqtime, pubtime in ns;
    None where the message had none)."""

    def __init__(self, tensors=None, acqtime=None, pubtime=None):
        self.tensors = {name: numpy.asarray(value) for name, value in (tensors or {}).items()}
        self.acqtime = acqtime
        self.pubtime = pubtime

    @classmethod
    def of(cls, item):
        """A Message from what a test feeds: a Message, a {name: array} mapping, one array
        (named 'tensor'), or None (an empty message)."""
        if isinstance(item, Message):
            return item
        if item is None:
            return cls()
        if isinstance(item, dict):
            return cls(item)
        return cls({"tensor": item})

    def to_entity(self, context):
        """A new MessageEntity holding copies of the tensors."""
        from gxf.core import MessageEntity
        from gxf.std import Tensor

        message = MessageEntity(context)
        for name, array in self.tensors.items():
            Tensor.add_to_entity(message, Tensor(numpy.ascontiguousarray(array)), name)
        return message

    @classmethod
    def from_entity(cls, message):
        """A Message copied out of a MessageEntity (its tensors and Timestamp)."""
        from gxf.std import Tensor, Timestamp

        tensors = {}
        for name in message.component_names():
            try:
                view = Tensor.get_from_entity(message, name)
            except ValueError:
                continue  # not a tensor
            tensors[name] = numpy.array(view, copy=True)
        try:
            acqtime, pubtime = Timestamp.get_from_entity(message)
        except ValueError:
            acqtime = pubtime = None
        return cls(tensors, acqtime, pubtime)

    def __eq__(self, other):
        if not isinstance(other, Message):
            return NotImplemented
        return self.tensors.keys() == other.tensors.keys() and all(
            self.tensors[name].dtype == other.tensors[name].dtype and
            numpy.array_equal(self.tensors[name], other.tensors[name]) for name in self.tensors)

    def __repr__(self):
        shapes = ", ".join(f"{name}: {array.dtype}{list(array.shape)}"
                           for name, array in self.tensors.items())
        return f"Message({{{shapes}}}, acqtime={self.acqtime})"
