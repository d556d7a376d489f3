# SPDX-License-Identifier: Apache-2.0
"""Sample extension (PingTx, PingRx, HelloWorld): native codelets, nothing to import here."""

__all__ = []
