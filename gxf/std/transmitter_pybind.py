# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the transmitter bindings (`from gxf.std import transmitter_pybind`)."""

from gxf.std._std import (  # noqa: F401
    Transmitter,
)

__all__ = ["Transmitter"]
