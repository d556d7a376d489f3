# SPDX-License-Identifier: Apache-2.0
"""GXF's typed parameter setters and getters (`parameter_set_int64`, `parameter_get_1d_
float64_vector`, ...), over parameter_set_from_yaml_node / parameter_get. A value that does
not fit the parameter's registered type raises GXF_PARAMETER_INVALID_TYPE; a vector whose
length is not the one given raises GXF_ARGUMENT_OUT_OF_RANGE."""

import yaml

from gxf.core import _core
from gxf.core.errors import GxfError, ParameterError

__all__ = []  # filled below: parameter_set_<type>, parameter_get_<type>, vector variants

_SCALARS = {
    "bool": (bool,), "int32": (int,), "int64": (int,), "uint64": (int,),
    "float32": (int, float), "float64": (int, float), "str": (str,), "path": (str,),
}
_VECTOR_ELEMENTS = {"float64": (int, float), "int64": (int,), "uint64": (int,),
                    "int32": (int,)}
_SCALAR_ENGINE_TYPES = {"bool": ("bool",), "int32": ("int32",), "int64": ("int64",),
                        "uint64": ("uint64",), "float32": ("float32",),
                        "float64": ("float64",), "str": ("string",),
                        "path": ("string", "path", "FilePath", "file")}


def _fail(code, message):
    raise ParameterError(f"{code}: {message}", code=code, detail=message)


def _registered_type(context, cid, key):
    """Engine spelling of a declared parameter's type, or None for a dynamic one."""
    type_name = _core.component_info(context, cid)["type"]
    for entry in _core.parameter_list(context, type_name):
        if entry["key"] == key:
            return entry["type"]
    return None


def _set_yaml(context, cid, key, data):
    from gxf.core import parameter_set_from_yaml_node

    text = data if isinstance(data, str) else yaml.safe_dump(data, default_flow_style=True)
    parameter_set_from_yaml_node(context, cid, key, text)


def _get(context, cid, key):
    from gxf.core import parameter_get

    return parameter_get(context, cid, key)


def _check_kind(value, kinds, what, key):
    if isinstance(value, bool) and bool not in kinds:
        _fail("GXF_PARAMETER_INVALID_TYPE", f"parameter '{key}': {what} expected, got bool")
    if not isinstance(value, kinds):
        _fail("GXF_PARAMETER_INVALID_TYPE",
              f"parameter '{key}': {what} expected, got {type(value).__name__}")


def _scalar_setter(name):
    def setter(context, cid, key, value):
        _check_kind(value, _SCALARS[name], name, key)
        registered = _registered_type(context, cid, key)
        if registered is not None and registered not in _SCALAR_ENGINE_TYPES[name]:
            _fail("GXF_PARAMETER_INVALID_TYPE",
                  f"parameter '{key}' is {registered}, not {name}")
        if name in ("str", "path"):
            _set_yaml(context, cid, key, yaml.safe_dump(value).rstrip("\n").removesuffix(
                "\n...").removesuffix("..."))
        else:
            _set_yaml(context, cid, key, value)
    setter.__name__ = f"parameter_set_{name}"
    setter.__doc__ = f"Set a {name} parameter."
    return setter


def _scalar_getter(name):
    def getter(context, cid, key):
        value = _get(context, cid, key)
        if name == "str" and not isinstance(value, str):
            return _core.parameter_get_yaml(context, cid, key)
        return value
    getter.__name__ = f"parameter_get_{name}"
    getter.__doc__ = f"Get a {name} parameter."
    return getter


def _check_vector(name, key, values, shape):
    if len(shape) == 1:
        rows = [values]
    else:
        rows = values
        if not isinstance(values, (list, tuple)) or len(values) != shape[0]:
            _fail("GXF_ARGUMENT_OUT_OF_RANGE",
                  f"parameter '{key}': {shape[0]} rows expected, got "
                  f"{len(values) if isinstance(values, (list, tuple)) else type(values).__name__}")
    for row in rows:
        if not isinstance(row, (list, tuple)) or len(row) != shape[-1]:
            _fail("GXF_ARGUMENT_OUT_OF_RANGE",
                  f"parameter '{key}': {shape[-1]} values per row expected")
        for item in row:
            _check_kind(item, _VECTOR_ELEMENTS[name], name, key)


def _vector_setter(name, rank):
    def setter(context, cid, key, values, *shape):
        if len(shape) != rank:
            raise TypeError(f"parameter_set_{rank}d_{name}_vector needs "
                            f"{'length' if rank == 1 else 'height and width'}")
        if hasattr(values, "tolist"):
            values = values.tolist()
        _check_vector(name, key, values, shape)
        data = [float(v) for v in values] if rank == 1 and name == "float64" else \
            [[float(v) for v in row] for row in values] if name == "float64" else \
            [list(row) for row in values] if rank == 2 else list(values)
        _set_yaml(context, cid, key, data)
    setter.__name__ = f"parameter_set_{rank}d_{name}_vector"
    setter.__doc__ = f"Set a {rank}-D {name} vector parameter of the given shape."
    return setter


def _vector_getter(name, rank):
    def getter(context, cid, key, *shape):
        values = _get(context, cid, key)
        if not isinstance(values, list):
            _fail("GXF_PARAMETER_INVALID_TYPE", f"parameter '{key}' is not a vector")
        if len(shape) == rank:
            try:
                _check_vector(name, key, values, shape)
            except GxfError:
                _fail("GXF_ARGUMENT_OUT_OF_RANGE",
                      f"parameter '{key}' does not have shape {list(shape)}")
        return values
    getter.__name__ = f"parameter_get_{rank}d_{name}_vector"
    getter.__doc__ = f"Get a {rank}-D {name} vector parameter."
    return getter


def _handle_setter(context, cid, key, value):
    """Set a handle parameter to the component with cid `value`."""
    info = _core.component_info(context, value)
    _set_yaml(context, cid, key, f"{info['entity']}/{info['name']}")


def _handle_getter(context, cid, key):
    """Cid of the component a handle parameter points to."""
    text = _core.parameter_get_yaml(context, cid, key)
    entity, _, name = text.partition("/")
    found = _core.component_find(context, _core.entity_find(context, entity), None, name)
    if not found:
        _fail("GXF_ENTITY_COMPONENT_NOT_FOUND", f"parameter '{key}' names '{text}'")
    return found[0]


def _define():
    functions = {"parameter_set_handle": _handle_setter,
                 "parameter_get_handle": _handle_getter}
    for name in _SCALARS:
        functions[f"parameter_set_{name}"] = _scalar_setter(name)
        if name != "path":
            functions[f"parameter_get_{name}"] = _scalar_getter(name)
    for name in _VECTOR_ELEMENTS:
        for rank in (1, 2):
            functions[f"parameter_set_{rank}d_{name}_vector"] = _vector_setter(name, rank)
            functions[f"parameter_get_{rank}d_{name}_vector"] = _vector_getter(name, rank)
    for function_name, function in functions.items():
        function.__name__ = function_name
        function.__module__ = __name__
        globals()[function_name] = function
        __all__.append(function_name)


_define()
