# SPDX-License-Identifier: Apache-2.0
"""CUDA extension: stream pool, stream ids and stream handles for codelets.

Importable without CUDA or a GPU (the bindings load the CUDA driver only when a stream or
device memory is asked for); CuPy is never imported here.
"""

import gxf.std  # noqa: F401  first: the CUDA classes build on std's (Allocator)
from gxf.cuda._cuda import CudaStream, CudaStreamId, CudaStreamPool, cuda_available

__all__ = ["CudaStream", "CudaStreamId", "CudaStreamPool", "cuda_available"]

# Graph-API wrapper classes of the CUDA types, generated from the type registry.
from gxf.core.wrappers import define_wrappers  # noqa: E402

__all__ += define_wrappers(globals(), "libgxf_cuda.so", "gxf/cuda/libgxf_cuda.so")
