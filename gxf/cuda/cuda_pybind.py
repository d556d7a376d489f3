# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the CUDA bindings (`from gxf.cuda.cuda_pybind import CudaStreamPool`)."""

from gxf.cuda._cuda import CudaStream, CudaStreamId, CudaStreamPool  # noqa: F401

__all__ = ["CudaStream", "CudaStreamId", "CudaStreamPool"]
