# SPDX-License-Identifier: Apache-2.0
"""Live web dashboard of a running graph (server.py, static/) and its `gxf dashboard` command."""

__all__ = []
