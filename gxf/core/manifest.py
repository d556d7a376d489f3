# SPDX-License-Identifier: Apache-2.0
"""Manifest files: which extensions to load, resolved as GXF resolves them."""

import os

import yaml

from gxf.core import _core
from gxf.core.errors import ExtensionError

__all__ = ["load_manifest", "load_extension"]


def _fail(code, message):
    raise ExtensionError(f"{code}: {message}", code=code, detail=message)


def _search_library_path(basename):
    """First LD_LIBRARY_PATH directory holding `basename`, or None."""
    for directory in os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep):
        if directory and os.path.isfile(os.path.join(directory, basename)):
            return os.path.join(directory, basename)
    return None


def load_extension(context, path, origin="extension list"):
    """Load one extension: a built-in by library name, else a shared library by path."""
    basename = os.path.basename(path)
    if _core.load_builtin_extension(context, basename):
        return
    candidate = path if os.path.isfile(path) else _search_library_path(basename)
    if candidate is None:
        builtins = ", ".join(sorted(_core.builtin_extension_names()))
        _fail("GXF_EXTENSION_FILE_NOT_FOUND",
              f"{origin}: extension '{path}' not found (no such file, not in LD_LIBRARY_PATH, "
              f"and not a built-in; built-ins are {builtins})")
    try:
        _core.load_extension_library(context, os.path.abspath(candidate))
    except ExtensionError as error:
        _fail(error.code, f"{origin}: {error.detail}")


def load_manifest(context, filename, base_directory=""):
    """Load every extension a manifest file lists, in order."""
    try:
        with open(filename, encoding="utf-8") as stream:
            manifest = yaml.safe_load(stream)
    except OSError as error:
        _fail("GXF_FAILURE", f"cannot read manifest '{filename}': {error.strerror}")
    except yaml.YAMLError as error:
        _fail("GXF_FAILURE", f"manifest '{filename}' is not valid YAML: {error}")
    except UnicodeDecodeError as error:
        _fail("GXF_FAILURE", f"manifest '{filename}' is not a text (UTF-8) file: byte "
              f"{error.start} is invalid")
    if manifest is None:
        return
    if not isinstance(manifest, dict):
        _fail("GXF_FAILURE", f"manifest '{filename}' must be a mapping with 'extensions'")
    extensions = manifest.get("extensions") or []
    if not isinstance(extensions, list):
        _fail("GXF_FAILURE", f"manifest '{filename}': 'extensions' must be a list")
    for entry in extensions:
        if not isinstance(entry, str):
            _fail("GXF_FAILURE", f"manifest '{filename}': entry {entry!r} is not a path")
        path = os.path.join(base_directory, entry) if base_directory else entry
        load_extension(context, path, origin=f"manifest '{filename}'")
