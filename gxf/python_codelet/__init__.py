# SPDX-License-Identifier: Apache-2.0
"""Python codelets: subclass CodeletAdapter and name the class in a PyCodeletV0 component."""

import gxf.cuda  # noqa: F401  GXF's python_codelet imports gxf.cuda; keep that true
from gxf.python_codelet import _python_codelet  # noqa: F401  the extension's bindings
from gxf.python_codelet.codelet import CodeletAdapter

__all__ = ["CodeletAdapter"]
