# SPDX-License-Identifier: Apache-2.0
"""CudaStreamId (GXF's nvidia::gxf::CudaStreamId) from Python: found or absent on a message,
and the CudaStream it names resolved, with a clear error where it names something else. No GPU
needed: no stream is made."""

import pytest

from gxf import core
from gxf.core import MessageEntity
from gxf.core.errors import GxfError
from gxf.cuda import CudaStreamId

NEEDS_GPU = False  # see conftest.py


@pytest.fixture
def cuda_context(context):
    """The shared context with the CUDA extension loaded too."""
    core.load_extensions(context, extension_filenames=["libgxf_cuda.so"])
    return context


def test_find_from_entity_is_none_without_a_stream_id(cuda_context):
    message = MessageEntity(cuda_context)
    assert CudaStreamId.find_from_entity(message) is None
    with pytest.raises(GxfError, match="no CudaStreamId"):
        CudaStreamId.get_from_entity(message)


def test_stream_id_naming_no_stream_says_what_it_names(cuda_context):
    message = MessageEntity(cuda_context)
    stream_id = CudaStreamId.add_to_entity(message, "stream")
    stream_id.stream_cid = 12345678
    found = CudaStreamId.find_from_entity(message)
    assert found is not None and found.stream_cid == 12345678
    assert CudaStreamId.find_from_entity(message, "stream").stream_cid == 12345678
    with pytest.raises(GxfError, match="names component 12345678, which is no CudaStream"):
        found.stream()
