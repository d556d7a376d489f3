# SPDX-License-Identifier: Apache-2.0
"""Standard extension: queues, clocks, scheduling terms and message components for codelets."""

import gxf.core  # noqa: F401  first: its module turns the C++ errors of every extension into gxf.core.errors
from gxf.std import _std
from gxf.std._std import *  # noqa: F401,F403  every class and function std's binding files define

# Everything the binding files define, so a new binding file needs no line here.
__all__ = [name for name in dir(_std) if not name.startswith("_")]
