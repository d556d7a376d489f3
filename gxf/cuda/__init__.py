# SPDX-License-Identifier: Apache-2.0
"""CUDA extension. Importable without CUDA; CuPy is imported only when a device path runs."""

__all__ = []
