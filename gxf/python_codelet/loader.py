# SPDX-License-Identifier: Apache-2.0
"""Loads Python codelet classes from files without touching sys.path."""

import hashlib
import importlib.util
import os
import sys
import threading

__all__ = ["load_codelet_class", "resolve_codelet_file"]

_lock = threading.Lock()
_modules = {}


def resolve_codelet_file(codelet_file, base_directory=""):
    """Absolute path of a codelet file: as given (absolute or CWD-relative), else relative to
    the graph file's folder."""
    if os.path.isabs(codelet_file) or os.path.isfile(codelet_file) or not base_directory:
        return os.path.abspath(codelet_file)
    return os.path.abspath(os.path.join(base_directory, codelet_file))


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
        # Codelets may import helper modules next to them, as GXF's sys.path append allowed.
        directory = os.path.dirname(path)
        added = directory not in sys.path
        if added:
            sys.path.append(directory)
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
        finally:
            if added:
                sys.path.remove(directory)
        _modules[path] = module
        return module


def load_codelet_class(codelet_file, codelet_name, base_directory="", where=""):
    """The class `codelet_name` from `codelet_file` ('' or 'None': from __main__)."""
    if codelet_file in ("", "None"):
        module = sys.modules["__main__"]
        origin = "__main__"
    else:
        path = resolve_codelet_file(codelet_file, base_directory)
        if not os.path.isfile(path):
            tried = [os.path.abspath(codelet_file)]
            if base_directory:
                tried.append(os.path.abspath(os.path.join(base_directory, codelet_file)))
            raise FileNotFoundError(
                f"{where}: codelet_file '{codelet_file}' does not exist (tried {', '.join(tried)})")
        module = _load_module(path)
        origin = path
    codelet_class = getattr(module, codelet_name, None)
    if codelet_class is None:
        raise AttributeError(f"{where}: codelet_file '{origin}' defines no class '{codelet_name}'")
    return codelet_class
