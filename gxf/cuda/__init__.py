# SPDX-License-Identifier: Apache-2.0
"""CUDA extension: stream pool, stream ids and stream handles for codelets.

Importable without CUDA or a GPU (the bindings load the CUDA driver only when a stream or
device memory is asked for); CuPy is never imported here.
"""

from gxf.core._core import CudaStream, CudaStreamId, CudaStreamPool, cuda_available

__all__ = ["CudaStream", "CudaStreamId", "CudaStreamPool", "cuda_available"]
