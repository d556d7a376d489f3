# SPDX-License-Identifier: Apache-2.0
"""Python codelets: subclass CodeletAdapter and name the class in a PyCodeletV0 component."""

import gxf.cuda  # noqa: F401  GXF's python_codelet imports gxf.cuda; keep that true
from gxf.core import add_to_manifest
from gxf.python_codelet import _python_codelet  # noqa: F401  the extension's bindings
from gxf.python_codelet._python_codelet import PyData
from gxf.python_codelet.codelet import CodeletAdapter
from gxf.python_codelet.graph_api import PyCodeletV0, PyComputeEntity, add_pycodelet

add_to_manifest("gxf/python_codelet/libgxf_python_codelet.so")

__all__ = ["CodeletAdapter", "PyData", "PyCodeletV0", "PyComputeEntity", "add_pycodelet"]
