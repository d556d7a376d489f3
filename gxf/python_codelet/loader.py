# SPDX-License-Identifier: Apache-2.0
"""Loads Python codelet classes from files, each under a module name unique to its path."""

import hashlib
import importlib.util
import os
import sys
import threading

__all__ = ["load_codelet_class", "CodeletLoadError"]


class CodeletLoadError(Exception):
    """codelet_file / codelet_name name no CodeletAdapter class: a mistake in the graph, reported
    as the component's failure without a traceback."""

_lock = threading.Lock()
_modules = {}


def _module_name(path):
    """A module name unique to the file, so equal file names in two folders never collide."""
    stem = os.path.splitext(os.path.basename(path))[0].replace(".", "_")
    digest = hashlib.sha1(path.encode()).hexdigest()[:12]
    return f"gxf_codelet_{stem}_{digest}"


def _imported_module(path):
    """A module already imported from `path` (a graph built in Python names its codelets'
    own module): reusing it keeps class identity and does not run the file twice."""
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None)
        if filename and os.path.abspath(filename) == path and \
                getattr(module, "__name__", "") != "__main__":
            return module
    return None


def _load_module(path):
    with _lock:
        if path in _modules:
            return _modules[path]
        existing = _imported_module(path)
        if existing is not None:
            _modules[path] = existing
            return existing
        name = _module_name(path)
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        # Codelets import helper modules next to them, at import time or later in tick():
        # the folder stays on sys.path, as GXF's append leaves it.
        directory = os.path.dirname(path)
        if directory not in sys.path:
            sys.path.append(directory)
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
        _modules[path] = module
        return module


def load_codelet_class(codelet_file, codelet_name):
    """The class `codelet_name` from `codelet_file` ('' or 'None': from __main__).

    A relative codelet_file was already resolved against the graph file's folder where the
    file is there (FilePath parameter); what is left is relative to the working directory.
    Raises CodeletLoadError when the file or the class is not there (PyCodeletV0 reports it
    with the component's location)."""
    if codelet_file in ("", "None"):
        module = sys.modules["__main__"]
        origin = "__main__"
    else:
        path = os.path.abspath(codelet_file)
        if not os.path.isfile(path):
            raise CodeletLoadError(f"codelet_file '{codelet_file}' does not exist "
                                   "(neither from the working directory nor beside the graph "
                                   "file)")
        module = _load_module(path)
        origin = path
    codelet_class = getattr(module, codelet_name, None) if codelet_name else None
    if codelet_class is None:
        raise CodeletLoadError(f"codelet_file '{origin}' defines no class "
                               f"'{codelet_name}'")
    if not isinstance(codelet_class, type) or not hasattr(codelet_class, "set_bridge"):
        raise CodeletLoadError(f"'{codelet_name}' in codelet_file '{origin}' is not a "
                               "CodeletAdapter subclass")
    return codelet_class
