# SPDX-License-Identifier: Apache-2.0
"""Reading and writing GXF's EntityRecorder / EntityReplayer files.

A recording is two files: `<base>.gxf_entities` (the serialized messages, one after another)
and `<base>.gxf_index` (per message: log time, size and offset in the first file). Each
message is an entity header (size, checksum, sequence number, flags, component count,
reserved) followed by its components, each a header (size, type id, name length), the name
and the component's data. Only Tensor and Timestamp components have a data format (GXF's
StdComponentSerializer); others are left out, as GXF leaves them out. Little-endian, packed.
"""

import os
import struct

import numpy

from gxf.testing.messages import Message

__all__ = ["write_entities", "read_entities", "RecordingError", "ENTITIES_SUFFIX",
           "INDEX_SUFFIX"]

ENTITIES_SUFFIX = ".gxf_entities"
INDEX_SUFFIX = ".gxf_index"
_ENTITY_HEADER = struct.Struct("<QIQIQQ")
_COMPONENT_HEADER = struct.Struct("<QQQQ")
_INDEX = struct.Struct("<QQQ")
_TIMESTAMP = struct.Struct("<qq")  # pubtime, acqtime: the field order of GXF's Timestamp
_TENSOR_HEADER = struct.Struct("<iiQI8i8Q")
_MAX_RANK = 8
_HOST, _SYSTEM = 0, 2

# GXF's type ids (components.md, Appendix A).
_TENSOR_TID = (0x377501D69ABF447C, 0xA6170114D4F33AB8)
_TIMESTAMP_TID = (0xD1095B105C904BBC, 0xBC89601134CB4E03)

# PrimitiveType numbering <-> NumPy dtypes.
_DTYPES = {1: "int8", 2: "uint8", 3: "int16", 4: "uint16", 5: "int32", 6: "uint32",
           7: "int64", 8: "uint64", 9: "float32", 10: "float64", 11: "complex64",
           12: "complex128", 13: "float16"}
_PRIMITIVE = {numpy.dtype(name): code for code, name in _DTYPES.items()}


class RecordingError(ValueError):
    """A recording file is missing, truncated or holds something this reader cannot decode."""


def _paths(base):
    return base + ENTITIES_SUFFIX, base + INDEX_SUFFIX


def _tensor_bytes(array, storage):
    array = numpy.require(array, requirements="C")  # ascontiguousarray would make 0-d 1-d
    code = _PRIMITIVE.get(array.dtype)
    if code is None:
        raise RecordingError(f"dtype {array.dtype} has no GXF PrimitiveType")
    if array.ndim > _MAX_RANK:
        raise RecordingError(f"rank {array.ndim} exceeds GXF's maximum of {_MAX_RANK}")
    # As GXF writes them: dimensions 1 and strides 0 past the rank.
    dims = list(array.shape) + [1] * (_MAX_RANK - array.ndim)
    strides = list(array.strides) + [0] * (_MAX_RANK - array.ndim)
    header = _TENSOR_HEADER.pack(storage, code, array.itemsize, array.ndim, *dims, *strides)
    return header + array.tobytes()


def _component(tid, name, data):
    encoded = name.encode()
    return _COMPONENT_HEADER.pack(0, tid[0], tid[1], len(encoded)) + encoded + data


def _serialize(message, sequence, storage):
    components = [_component(_TENSOR_TID, name, _tensor_bytes(array, storage))
                  for name, array in message.tensors.items()]
    if message.acqtime is not None or message.pubtime is not None:
        components.append(_component(_TIMESTAMP_TID, "timestamp", _TIMESTAMP.pack(
            message.pubtime or 0, message.acqtime or 0)))
    return _ENTITY_HEADER.pack(0, 0, sequence, 0, len(components), 0) + b"".join(components)


def write_entities(base, messages, log_times=None, system_memory=False):
    """Write messages (Message or anything Message.of accepts) as `<base>.gxf_entities` and
    `<base>.gxf_index`; `log_times` defaults to each message's acqtime (else its position);
    `system_memory` marks the tensors kSystem instead of kHost (real GXF allocates kHost
    memory through CUDA, which a machine without a GPU lacks)."""
    storage = _SYSTEM if system_memory else _HOST
    entities_path, index_path = _paths(base)
    offset = 0
    with open(entities_path, "wb") as entities, open(index_path, "wb") as index:
        for sequence, item in enumerate(messages):
            message = Message.of(item)
            data = _serialize(message, sequence, storage)
            entities.write(data)
            log_time = log_times[sequence] if log_times is not None else (
                message.acqtime if message.acqtime is not None else sequence)
            index.write(_INDEX.pack(log_time, len(data), offset))
            offset += len(data)
    return entities_path, index_path


class _Reader:
    def __init__(self, data, where):
        self.data = data
        self.offset = 0
        self.where = where

    def take(self, size):
        """The next `size` bytes; RecordingError past the end."""
        if self.offset + size > len(self.data):
            raise RecordingError(f"{self.where}: truncated at byte {self.offset} "
                                 f"(needs {size} more, file has {len(self.data) - self.offset})")
        chunk = self.data[self.offset:self.offset + size]
        self.offset += size
        return chunk

    def unpack(self, layout):
        """The next struct `layout`."""
        return layout.unpack(self.take(layout.size))


def _read_tensor(reader):
    fields = reader.unpack(_TENSOR_HEADER)
    storage, code, item_size, rank = fields[:4]
    dims = fields[4:4 + rank]
    if storage not in (_HOST, _SYSTEM, 1):
        raise RecordingError(f"{reader.where}: unknown storage type {storage}")
    dtype = _DTYPES.get(code)
    if dtype is None or numpy.dtype(dtype).itemsize != item_size:
        raise RecordingError(f"{reader.where}: unsupported element type {code}")
    # A 0-d array is written as rank 0 with its one element; GXF's own rank-0 tensors hold
    # none, so such files only round-trip through this module.
    count = int(numpy.prod(dims)) if rank else 1
    raw = reader.take(count * item_size)
    return numpy.frombuffer(raw, dtype=dtype).reshape(dims).copy()


def _read_entity(reader):
    _, _, _, _, count, _ = reader.unpack(_ENTITY_HEADER)
    message = Message()
    for _ in range(count):
        _, hash1, hash2, name_size = reader.unpack(_COMPONENT_HEADER)
        name = reader.take(name_size).decode(errors="replace")
        if (hash1, hash2) == _TENSOR_TID:
            message.tensors[name] = _read_tensor(reader)
        elif (hash1, hash2) == _TIMESTAMP_TID:
            message.pubtime, message.acqtime = reader.unpack(_TIMESTAMP)
        else:
            raise RecordingError(f"{reader.where}: component '{name}' has type id "
                                 f"{hash1:016x}{hash2:016x}, which has no data format here")
    return message


def read_entities(base):
    """The messages of a recording `<base>` (with or without its .gxf_entities suffix)."""
    if base.endswith(ENTITIES_SUFFIX):
        base = base[:-len(ENTITIES_SUFFIX)]
    entities_path, index_path = _paths(base)
    try:
        with open(entities_path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise RecordingError(f"cannot read recording '{entities_path}': {error.strerror}") from None
    offsets = None
    if os.path.isfile(index_path):
        with open(index_path, "rb") as stream:
            index = stream.read()
        if len(index) % _INDEX.size:
            raise RecordingError(f"{index_path}: size {len(index)} is not a whole number of "
                                 "entries")
        offsets = [_INDEX.unpack_from(index, at)[2] for at in range(0, len(index), _INDEX.size)]
    reader = _Reader(data, entities_path)
    messages = []
    if offsets is None:
        while reader.offset < len(data):
            messages.append(_read_entity(reader))
    else:
        for offset in offsets:
            reader.offset = offset
            messages.append(_read_entity(reader))
    return messages
