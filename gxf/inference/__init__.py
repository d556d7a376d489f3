# SPDX-License-Identifier: Apache-2.0
"""Inference extension (OnnxRuntimeInference, TensorRtInference, TorchInference): graph-API
wrapper classes generated from the type registry; the work is done by runner.py through the
runtimes' Python APIs (backends.py)."""

from gxf.core.wrappers import define_wrappers
from gxf.inference.errors import InferenceError

__all__ = define_wrappers(globals(), "libgxf_inference.so", "gxf/inference/libgxf_inference.so")
__all__.append("InferenceError")
