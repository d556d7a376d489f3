# SPDX-License-Identifier: Apache-2.0
"""Namespace package kept for GXF compatibility (`gxf.python.tests` style imports)."""
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
