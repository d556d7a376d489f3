# SPDX-License-Identifier: Apache-2.0
"""GXF's module name for the timestamp bindings (`from gxf.std import timestamp_pybind`)."""

from gxf.std._std import (  # noqa: F401
    Timestamp,
    as_timestamp,
)

__all__ = ["Timestamp", "as_timestamp"]
