# SPDX-License-Identifier: Apache-2.0
"""CUDA extension: stream pool, stream ids and stream handles for codelets.

Importable without CUDA or a GPU (the bindings load the CUDA driver only when a stream or
device memory is asked for); CuPy is never imported here.
"""

import gxf.std  # noqa: F401  first: the CUDA classes build on std's (Allocator)
from gxf.cuda._cuda import CudaStream, CudaStreamId, CudaStreamPool, cuda_available

__all__ = ["CudaStream", "CudaStreamId", "CudaStreamPool", "cuda_available"]
