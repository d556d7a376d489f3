# SPDX-License-Identifier: Apache-2.0
"""Tools a graph author reaches for: `gxf check`, `gxf draw`, the stall explainer."""
