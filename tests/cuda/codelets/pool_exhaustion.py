# SPDX-License-Identifier: Apache-2.0
"""A source that exhausts a two-block device pool on every tick, frees a message to recover,
and sends a device message that carries a stream from a CudaStreamPool it never gives back
(the pattern of GXF's EntityDelete test codelet, which once left the process to crash)."""

from gxf.core import MessageEntity
from gxf.cuda import CudaStreamId, CudaStreamPool
from gxf.python_codelet import CodeletAdapter
from gxf.std import (Allocator, MemoryStorageType, PrimitiveType, Shape, Tensor,
                     TensorDescription, Transmitter)

DESCRIPTION = TensorDescription("t", MemoryStorageType.kDevice, Shape([1024, 1]),
                                PrimitiveType.kFloat32, 4)


class ExhaustPool(CodeletAdapter):
    """Allocates until the pool is empty, checks the failure, frees one message, retries."""

    def start(self):
        params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), params["transmitter"])
        self.pool = Allocator.get(self.context(), self.cid(), params["pool"])
        streams = CudaStreamPool.get(self.context(), self.cid(), params["stream_pool"])
        self.stream_cid, _ = streams.allocate_stream()
        self.exhausted = 0

    def tick(self):
        spare = MessageEntity(self.context())
        Tensor.add_to_entity(spare, "spare").reshape(DESCRIPTION, self.pool)
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, "a").reshape(DESCRIPTION, self.pool)
        second = Tensor.add_to_entity(message, "b")
        try:
            second.reshape(DESCRIPTION, self.pool)
        except ValueError:
            self.exhausted += 1
            del spare  # gives its block back
            second.reshape(DESCRIPTION, self.pool)
        else:
            raise AssertionError("a two-block pool gave a third block")
        CudaStreamId.add_to_entity(message, "stream").stream_cid = self.stream_cid
        self.tx.publish(message)

    def stop(self):
        print(f"EXHAUSTED {self.exhausted}", flush=True)
