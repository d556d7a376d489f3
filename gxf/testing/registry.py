# SPDX-License-Identifier: Apache-2.0
"""What the harness hands to its codelets: message lists and test codelet classes, by key."""

import itertools
import threading

__all__ = ["register_messages", "messages", "register_codelet", "codelet_class", "release"]

_lock = threading.Lock()
_counter = itertools.count()
_messages = {}
_classes = {}


def _store(table, prefix, value):
    with _lock:
        key = f"{prefix}_{next(_counter)}"
        table[key] = value
    return key


def register_messages(items):
    """Store a list of messages; returns its key."""
    return _store(_messages, "messages", items)


def messages(key):
    """The list stored under `key` (shared: appending to it is seen by the harness)."""
    return _messages[key]


def register_codelet(cls):
    """Store a CodeletAdapter class; returns the name PyCodeletV0 loads it by."""
    return _store(_classes, cls.__name__, cls)


def codelet_class(name):
    """The class registered as `name`."""
    return _classes[name]


def release(keys):
    """Forget stored lists and classes."""
    with _lock:
        for key in keys:
            _messages.pop(key, None)
            _classes.pop(key, None)
