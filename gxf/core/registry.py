# SPDX-License-Identifier: Apache-2.0
"""The type registry as data: extensions, component types and their parameters' metadata.

`component_types()` is the one entry point for tools (the graph API's wrapper classes, `gxf
check`, documentation): every registered component type with its extension, base type,
description and parameters (key, headline, description, GXF parameter type, rank, shape,
flags, handle type, default), in the form GXF's `get_param_info` returns.
"""

import functools
import re

import yaml

from gxf.core import _core

__all__ = [
    "component_types",
    "parameter_info",
    "get_extension_list",
    "get_extension_info",
    "get_component_list",
    "get_component_info",
    "get_param_list",
    "get_param_info",
]

_SCALAR_TYPES = {
    "bool": "GXF_PARAMETER_TYPE_BOOL",
    "int8": "GXF_PARAMETER_TYPE_INT8",
    "int16": "GXF_PARAMETER_TYPE_INT16",
    "int32": "GXF_PARAMETER_TYPE_INT32",
    "int64": "GXF_PARAMETER_TYPE_INT64",
    "uint8": "GXF_PARAMETER_TYPE_UINT8",
    "uint16": "GXF_PARAMETER_TYPE_UINT16",
    "uint32": "GXF_PARAMETER_TYPE_UINT32",
    "uint64": "GXF_PARAMETER_TYPE_UINT64",
    "float32": "GXF_PARAMETER_TYPE_FLOAT32",
    "float64": "GXF_PARAMETER_TYPE_FLOAT64",
    "complex64": "GXF_PARAMETER_TYPE_COMPLEX64",
    "complex128": "GXF_PARAMETER_TYPE_COMPLEX128",
    "string": "GXF_PARAMETER_TYPE_STRING",
    "handle": "GXF_PARAMETER_TYPE_HANDLE",
    "path": "GXF_PARAMETER_TYPE_FILE",
    "FilePath": "GXF_PARAMETER_TYPE_FILE",
    "file": "GXF_PARAMETER_TYPE_FILE",
}
_FLAGS = {0: "GXF_PARAMETER_FLAGS_NONE", 1: "GXF_PARAMETER_FLAGS_OPTIONAL",
          2: "GXF_PARAMETER_FLAGS_DYNAMIC", 3: "GXF_PARAMETER_FLAGS_OPTIONAL | "
          "GXF_PARAMETER_FLAGS_DYNAMIC"}
_ARRAY = re.compile(r"^array<(.*),(\d+)>$")


def _element_and_shape(type_name):
    """('int64', [-1]) for 'vector<int64>': the element type and GXF's shape (-1 = any)."""
    shape = []
    while True:
        if type_name.startswith("vector<") and type_name.endswith(">"):
            shape.append(-1)
            type_name = type_name[len("vector<"):-1]
            continue
        match = _ARRAY.match(type_name)
        if match:
            shape.append(int(match.group(2)))
            type_name = match.group(1)
            continue
        return type_name, shape


def parameter_info(raw):
    """GXF's get_param_info dict for one entry of the core's parameter list."""
    element, shape = _element_and_shape(raw["type"])
    default = raw["default"]
    if default is not None and raw["type"] != "string" and not raw["is_handle"]:
        try:
            default = yaml.safe_load(default)  # typed, as GXF reports it (1, True, [..])
        except yaml.YAMLError:
            pass  # an enum or custom value: the engine's text
    return {
        "key": raw["key"],
        "headline": raw["headline"] or raw["key"],
        "description": raw["description"] or "N/A",
        "gxf_parameter_type": _SCALAR_TYPES.get(element, "GXF_PARAMETER_TYPE_CUSTOM"),
        "type": raw["type"],  # the engine's own spelling, e.g. 'vector<handle>'
        "rank": len(shape),
        "shape": shape or [1],
        "flags": _FLAGS.get(raw["flags"], str(raw["flags"])),
        "handle_type": raw.get("handle_type") or "N/A",
        "default": "N/A" if default is None else default,
        "range": raw.get("range") or "N/A",  # accepted values, "lo..hi"
    }


def _uuid(tid):
    hash1, hash2 = tid
    text = f"{hash1:016x}{hash2:016x}"
    return f"{text[0:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:32]}"


def _describe(context):
    """{type name: info} of every type registered in `context`."""
    types = {}
    for extension in _core.extension_list(context):
        for entry in extension["types"]:
            parameters = {}
            if not entry["is_abstract"]:
                for raw in _core.parameter_list(context, entry["typename"]):
                    parameters[raw["key"]] = parameter_info(raw)
            types[entry["typename"]] = {
                "typename": entry["typename"],
                "uuid": _uuid(entry["tid"]),
                "base_typename": entry["base_typename"],
                "is_abstract": entry["is_abstract"],
                "description": entry["description"],
                "extension": extension["name"],
                "parameters": parameters,
            }
    return types


# Packaged extensions whose types derive from another packaged extension's: that one loads
# first. Everything derives from std.
_PREREQUISITES = {"libgxf_rmm.so": ("libgxf_cuda.so",), "libgxf_test_cuda.so": ("libgxf_cuda.so",)}


def _load_in_order(context, libraries):
    """Load packaged extension libraries (file names), prerequisites first; returns
    {extension name: library file name}."""
    from gxf.core.manifest import packaged_extensions

    packaged = packaged_extensions()
    library_of = {}
    for library in libraries:
        for needed in ("libgxf_std.so",) + _PREREQUISITES.get(library, ()) + (library,):
            if needed in library_of.values() or needed not in packaged:
                continue
            _core.load_extension_library(context, packaged[needed])
            for extension in _core.extension_list(context):
                library_of.setdefault(extension["name"], needed)
    return library_of


@functools.lru_cache(maxsize=None)
def _packaged_types(libraries):
    """{type name: info} of the packaged extension libraries named (file names), each info
    with the "library" that registered it."""
    context = _core.context_create()
    try:
        library_of = _load_in_order(context, libraries)
        types = _describe(context)
        for info in types.values():
            info["library"] = library_of.get(info["extension"], "")
        return types
    finally:
        _core.context_destroy(context)


def library_types(library):
    """{type name: info} of the types one packaged extension library registers (loading
    only it and what it derives from)."""
    return {name: info for name, info in _packaged_types((library,)).items()
            if info["library"] == library}


def load_packaged_extensions(context):
    """Load every extension library installed with this package into `context`."""
    from gxf.core.manifest import packaged_extensions

    _load_in_order(context, sorted(packaged_extensions()))


def _builtin_types():
    from gxf.core.manifest import packaged_extensions

    return _packaged_types(tuple(sorted(packaged_extensions())))


def component_types(context=None):
    """{type name: {typename, uuid, base_typename, is_abstract, description, extension,
    parameters: {key: GXF param info}}} of the types loaded in `context`, or of every
    packaged extension when `context` is None."""
    if context is None:
        return _builtin_types()
    return _describe(context)


def get_extension_list(context):
    """UUID strings of the extensions loaded in `context`."""
    return [_uuid(extension["tid"]) for extension in _core.extension_list(context)]


def _extension(context, uuid):
    for extension in _core.extension_list(context):
        if _uuid(extension["tid"]) == uuid:
            return extension
    raise ValueError("GXF_EXTENSION_NOT_FOUND")


def get_extension_info(context, uuid):
    """Name, description, version, author and license of a loaded extension."""
    extension = _extension(context, uuid)
    return {
        "name": extension["name"], "display_name": extension["name"], "category": "",
        "brief": extension["description"], "description": extension["description"],
        "version": extension["version"], "author": extension["author"],
        "license": extension["license"],
    }


def get_component_list(context, uuid):
    """UUID strings of the component types an extension registers."""
    return [_uuid(entry["tid"]) for entry in _extension(context, uuid)["types"]]


def _type_by_uuid(context, uuid):
    for info in _describe(context).values():
        if info["uuid"] == uuid:
            return info
    raise ValueError("GXF_FACTORY_UNKNOWN_TID")


def get_component_info(context, uuid):
    """Type name, base type, description and abstractness of a component type."""
    info = _type_by_uuid(context, uuid)
    return {
        "typename": info["typename"], "display_name": info["typename"].split("::")[-1],
        "brief": info["description"], "description": info["description"],
        "base_typename": info["base_typename"], "is_abstract": info["is_abstract"],
    }


def get_param_list(context, uuid):
    """Parameter keys of a component type."""
    return list(_type_by_uuid(context, uuid)["parameters"])


def get_param_info(context, uuid, key):
    """GXF parameter metadata (type, rank, shape, flags, handle type, default) of one key."""
    parameters = _type_by_uuid(context, uuid)["parameters"]
    if key not in parameters:
        raise ValueError("GXF_PARAMETER_NOT_FOUND")
    return parameters[key]
