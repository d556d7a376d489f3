# SPDX-License-Identifier: Apache-2.0
"""Manifest files: which extensions to load, resolved as GXF resolves them."""

import functools
import os

import yaml

from gxf.core import _core
from gxf.core.errors import ExtensionError

__all__ = ["load_manifest", "load_extension", "packaged_extensions", "resolve_extension"]


def _fail(code, message):
    raise ExtensionError(f"{code}: {message}", code=code, detail=message)


def _search_library_path(basename):
    """First LD_LIBRARY_PATH directory holding `basename`, or None."""
    for directory in os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep):
        if directory and os.path.isfile(os.path.join(directory, basename)):
            return os.path.join(directory, basename)
    return None


@functools.lru_cache(maxsize=None)
def packaged_extensions():
    """The extension libraries installed with this package, by file name (libgxf_std.so)."""
    root = os.path.dirname(os.path.dirname(_core.__file__))
    found = {}
    for directory, folders, files in os.walk(root):
        folders[:] = [name for name in folders if name != "include"]
        for name in files:
            if name.startswith("libgxf_") and name.endswith(".so") and name != "libgxf_core.so":
                found.setdefault(name, os.path.join(directory, name))
    return found


def resolve_extension(path):
    """The file to load for a manifest entry, or None.

    GXF's manifests name extensions by their place in GXF's tree (gxf/std/libgxf_std.so,
    gxf/test/extensions/libgxf_test.so), relative to wherever GXF was built. The rule: an entry
    whose file name is one of this package's extension libraries loads the packaged file,
    wherever the entry points; it is the file the extension's Python module links, so the
    process holds one copy of each extension. Any other entry is a path (or a file name found
    on LD_LIBRARY_PATH), as for a user's own extension.
    """
    basename = os.path.basename(path)
    packaged = packaged_extensions().get(basename)
    if packaged is not None:
        return packaged
    if os.path.isfile(path):
        return os.path.abspath(path)
    return _search_library_path(basename)


def load_extension(context, path, origin="extension list"):
    """Load one extension library: a packaged one by file name, else by path."""
    candidate = resolve_extension(path)
    if candidate is None:
        packaged = ", ".join(sorted(packaged_extensions()))
        _fail("GXF_EXTENSION_FILE_NOT_FOUND",
              f"{origin}: extension '{path}' not found (no such file, not in LD_LIBRARY_PATH, "
              f"and not one of the packaged extensions: {packaged})")
    try:
        _core.load_extension_library(context, candidate)
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
