# SPDX-License-Identifier: Apache-2.0
"""Sample extension (PingTx, PingRx, PingBatchRx, MultiPingRx, HelloWorld): graph-API
wrapper classes generated from the type registry."""

from gxf.core.wrappers import define_wrappers

__all__ = define_wrappers(globals(), "libgxf_sample.so", "gxf/sample/libgxf_sample.so")
