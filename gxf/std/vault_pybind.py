# SPDX-License-Identifier: Apache-2.0
"""Python bridge of the Vault component (GXF's gxf.std.vault_pybind)."""

from gxf.std import _std

__all__ = ["store_blocking", "store_blocking_for", "store", "free"]


def store_blocking(context, cid, count):
    """Wait until `count` messages wait in the vault, store them and return their eids."""
    return _std.vault_store_blocking(context, cid, count)


def store_blocking_for(context, cid, count, duration_ns):
    """As store_blocking, but waiting at most `duration_ns` nanoseconds."""
    return _std.vault_store_blocking_for(context, cid, count, duration_ns)


def store(context, cid, max_count):
    """Store up to `max_count` waiting messages without waiting; return their eids."""
    return _std.vault_store(context, cid, max_count)


def free(context, cid, eids):
    """Release messages stored by an earlier store call."""
    _std.vault_free(context, cid, list(eids))
