# SPDX-License-Identifier: Apache-2.0
"""Standard extension: queues, clocks, scheduling terms and message components for codelets."""

import gxf.core  # noqa: F401  first: its module turns the C++ errors of every extension into gxf.core.errors
from gxf.std import _std
from gxf.std._std import *  # noqa: F401,F403  every class and function std's binding files define

# Everything the binding files define, so a new binding file needs no line here.
__all__ = [name for name in dir(_std) if not name.startswith("_")]

# Graph-API wrapper classes of every concrete std type, generated from the type registry
# (a runtime class above keeps its name and lends the wrapper its static methods).
from gxf.core import Entity  # noqa: E402,F401 - GXF's drivers import Entity from gxf.std
from gxf.core.wrappers import define_wrappers  # noqa: E402

__all__ += define_wrappers(globals(), "libgxf_std.so", "gxf/std/libgxf_std.so")

from gxf.std.subgraph import Subgraph  # noqa: E402
from gxf.std.graph_methods import (  # noqa: E402
    connect,
    enable_job_statistics,
    set_clock,
    set_scheduler,
)
from gxf.std.compute_entity import ComputeEntity  # noqa: E402
from gxf.std.standard_graph import StandardGraph  # noqa: E402

__all__ += ["Entity", "Subgraph", "connect", "enable_job_statistics", "set_clock",
            "set_scheduler", "ComputeEntity", "StandardGraph"]
