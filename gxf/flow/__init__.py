# SPDX-License-Identifier: Apache-2.0
"""gxf.flow: pyservicemaker's Flow API on this engine. A Flow turns into ordinary entities and
components (Python stage codelets, queues, Broadcast), so Pipeline.save() writes a graph
gxe.py runs.

    Flow(Pipeline("p")).inject([MyProvider()]).attach(probe).retrieve(MyRetriever())()
"""

from gxf.core import add_to_manifest
from gxf.flow import _flow  # noqa: F401  the extension's bindings
from gxf.flow.buffer import Buffer
from gxf.flow.buffer_provider import BufferProvider
from gxf.flow.buffer_retriever import BufferRetriever
from gxf.flow.errors import FlowError
from gxf.flow.flow import Flow
from gxf.flow.metadata import BatchMeta, FrameMeta, ObjectMeta, Rect, TensorOutput, UserMeta
from gxf.flow.pipeline import Pipeline
from gxf.flow.probe import BatchMetadataOperator, BufferOperator, Probe
from gxf.flow.tensor import ColorFormat, Tensor, as_tensor, host_copies
from gxf.python_codelet import PyData
from gxf.std import EndOfStream

add_to_manifest("gxf/flow/libgxf_flow.so")

__all__ = ["BatchMeta", "BatchMetadataOperator", "Buffer", "BufferOperator", "BufferProvider",
           "BufferRetriever", "ColorFormat", "EndOfStream", "Flow", "FlowError", "FrameMeta",
           "ObjectMeta", "Pipeline", "Probe", "PyData", "Rect", "Tensor", "TensorOutput",
           "UserMeta", "as_tensor", "host_copies"]
