# SPDX-License-Identifier: Apache-2.0
"""A GXF-compatible graph execution engine: YAML graphs, Python codelets, a C++ core."""
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
__version__ = "0.1.0"
