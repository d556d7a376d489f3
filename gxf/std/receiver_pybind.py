# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the receiver bindings (`from gxf.std import receiver_pybind`)."""

from gxf.std._std import (  # noqa: F401
    Receiver,
)

__all__ = ["Receiver"]
