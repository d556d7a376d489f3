# SPDX-License-Identifier: Apache-2.0
"""The runtimes an inference component may use, whether each is installed, and loading a model
with one. Runtimes are imported only when a model is loaded."""

import importlib
import importlib.util
import os

from gxf.inference.errors import InferenceError

__all__ = ["BACKENDS", "available", "check_backend", "load_model", "resolve_backend"]

# backend: (component type, Python packages it needs, module implementing it, how to install)
BACKENDS = {
    "onnxruntime": ("nvidia::gxf::OnnxRuntimeInference", ("onnxruntime",),
                    "gxf.inference.onnxruntime_model",
                    "pip install 'pygxf-engine[inference]' (or onnxruntime-gpu for the CUDA "
                    "execution provider)"),
    "tensorrt": ("nvidia::gxf::TensorRtInference", ("tensorrt", "cupy"),
                 "gxf.inference.tensorrt_model",
                 "install TensorRT's Python package (pip install tensorrt) and CuPy "
                 "(pip install 'pygxf-engine[cuda]') on a machine with an NVIDIA GPU"),
    "torch": ("nvidia::gxf::TorchInference", ("torch",), "gxf.inference.torch_model",
              "pip install torch"),
}


def _known(backend):
    if backend not in BACKENDS:
        raise InferenceError(f"unknown inference backend {backend!r}: expected one of "
                             f"{sorted(BACKENDS)}")
    return BACKENDS[backend]


def missing_packages(backend):
    """The Python packages `backend` needs that are not installed."""
    return [name for name in _known(backend)[1] if importlib.util.find_spec(name) is None]


def available(backend):
    """Whether the runtime of `backend` is installed."""
    return not missing_packages(backend)


def check_backend(backend, model_file_path=None):
    """Raise InferenceError unless `backend`'s runtime is installed and the model file is
    there."""
    component, _, _, hint = _known(backend)
    missing = missing_packages(backend)
    if missing:
        raise InferenceError(f"{component} needs the Python package(s) {missing}, which are not "
                             f"installed: {hint}")
    if model_file_path is not None and not os.path.isfile(model_file_path):
        raise InferenceError(f"model_file_path '{model_file_path}' does not exist (neither from "
                             "the working directory nor beside the graph file)")


def load_model(backend, model_file_path, **options):
    """The Model of `model_file_path` loaded by `backend` (a gxf.inference.model.Model)."""
    check_backend(backend, model_file_path)
    module = importlib.import_module(_known(backend)[2])
    return module.load(model_file_path, **options)


def resolve_backend(backend, model_file_path):
    """`backend`, or for "auto" the one the file's suffix calls for: ONNX Runtime (TensorRT
    where only it is installed) for .onnx, PyTorch for .pt2 / .pt / .ts."""
    if backend != "auto":
        _known(backend)
        return backend
    suffix = os.path.splitext(model_file_path)[1].lower()
    if suffix == ".onnx":
        return "tensorrt" if not available("onnxruntime") and available("tensorrt") \
            else "onnxruntime"
    if suffix in (".pt2", ".pt", ".ts", ".pth"):
        return "torch"
    raise InferenceError(f"backend='auto' cannot tell the runtime of '{model_file_path}' from its "
                         "suffix (.onnx, .pt2, .pt, .ts): name the backend")
