# SPDX-License-Identifier: Apache-2.0
"""`Component` of the graph API: a typed component whose parameters are checked against the
type registry when they are given, and applied to the context when the graph is activated."""

import os

import yaml

from gxf.core import _core
from gxf.core.errors import GxfError, ParameterError
from gxf.core.registry import component_types

__all__ = ["Component", "check_parameter"]

_INT_RANGES = {
    "int8": (-2**7, 2**7 - 1), "int16": (-2**15, 2**15 - 1), "int32": (-2**31, 2**31 - 1),
    "int64": (-2**63, 2**63 - 1), "uint8": (0, 2**8 - 1), "uint16": (0, 2**16 - 1),
    "uint32": (0, 2**32 - 1), "uint64": (0, 2**64 - 1),
}
_FILE_TYPE = "GXF_PARAMETER_TYPE_FILE"


def _plain(value):
    """A parameter value as plain data: NumPy values become Python ones, paths strings."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()  # NumPy arrays and scalars
    return value


def _split_type(type_name):
    """('vector', 'int64') / ('array', 'int64', 3) / ('map', 'handle') / ('scalar', name)."""
    if type_name.startswith("vector<") and type_name.endswith(">"):
        return ("vector", type_name[len("vector<"):-1])
    if type_name.startswith("array<") and type_name.endswith(">"):
        inner, _, size = type_name[len("array<"):-1].rpartition(",")
        return ("array", inner, int(size))
    if type_name.startswith("map<string,") and type_name.endswith(">"):
        return ("map", type_name[len("map<string,"):-1])
    return ("scalar", type_name)


def _describe_type(type_name, handle_type):
    kind = _split_type(type_name)
    if kind[0] == "vector":
        return f"a list of {_describe_type(kind[1], handle_type)}"
    if kind[0] == "array":
        return f"a list of {kind[2]} {_describe_type(kind[1], handle_type)}"
    if kind[0] == "map":
        return f"a mapping of names to {_describe_type(kind[1], handle_type)}"
    if type_name == "handle":
        return f"a component ({handle_type}) or an 'entity/component' string"
    if type_name in _INT_RANGES:
        low, high = _INT_RANGES[type_name]
        return f"an integer ({type_name}, {low}..{high})"
    if type_name in ("float32", "float64"):
        return f"a number ({type_name})"
    if type_name == "bool":
        return "a bool"
    if type_name == "string":
        return "a string"
    return f"a {type_name}"


def _matches(type_name, value, component_type):
    """Whether a plain value can be given to a parameter of the engine type `type_name`."""
    kind = _split_type(type_name)
    if kind[0] in ("vector", "array"):
        if not isinstance(value, (list, tuple)):
            return False
        if kind[0] == "array" and len(value) != kind[2]:
            return False
        return all(_matches(kind[1], item, component_type) for item in value)
    if kind[0] == "map":
        return isinstance(value, dict) and all(
            _matches(kind[1], item, component_type) for item in value.values())
    if type_name == "handle":
        return isinstance(value, (str, component_type)) or value is None
    if type_name == "bool":
        return isinstance(value, bool)
    if type_name in _INT_RANGES:
        low, high = _INT_RANGES[type_name]
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    if type_name in ("float32", "float64"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_name in ("complex64", "complex128"):
        return isinstance(value, (int, float, complex, str)) and not isinstance(value, bool)
    return True  # strings take any YAML; enums and custom types are checked by the core


def _as_typed(info, value):
    """GXF's reading of a value: a string given to a non-string parameter is YAML text."""
    value = _plain(value)
    if isinstance(value, str) and info["type"] not in ("string", "handle") and \
            info["gxf_parameter_type"] != _FILE_TYPE:
        try:
            return yaml.safe_load(value)
        except yaml.YAMLError:
            return value
    return value


def check_parameter(owner, key, value):
    """Raise ParameterError unless `owner` (a Component) has parameter `key` and `value` fits
    its registered type. Types unknown to the registry are left to the core."""
    parameters = owner._validation_info_parameters
    if parameters is None:
        return
    if key not in parameters:
        accepted = ", ".join(parameters) or "none"
        raise ParameterError(
            f"GXF_PARAMETER_NOT_FOUND: {owner._describe()}: no parameter '{key}'; "
            f"its parameters are: {accepted}", code="GXF_PARAMETER_NOT_FOUND",
            detail=f"no parameter '{key}'")
    info = parameters[key]
    if not _matches(info["type"], _as_typed(info, value), Component):
        expected = _describe_type(info["type"], info["handle_type"])
        raise ParameterError(
            f"GXF_PARAMETER_INVALID_TYPE: {owner._describe()}: parameter '{key}' expects "
            f"{expected}, got {type(value).__name__} {value!r}",
            code="GXF_PARAMETER_INVALID_TYPE", detail=f"parameter '{key}' expects {expected}")


def _yaml_data(value, owner, key):
    """A parameter value as YAML data: components become 'entity/component' handles."""
    value = _plain(value)
    if isinstance(value, Component):
        if value.entity is None:
            raise ParameterError(
                f"GXF_ENTITY_COMPONENT_NOT_FOUND: {owner._describe()}: parameter '{key}' "
                f"refers to component '{value.name}', which was never added to an entity",
                code="GXF_ENTITY_COMPONENT_NOT_FOUND")
        return repr(value)
    if isinstance(value, (list, tuple)):
        return [_yaml_data(item, owner, key) for item in value]
    if isinstance(value, dict):
        return {str(name): _yaml_data(item, owner, key) for name, item in value.items()}
    return value


class Component:
    """A component of a graph entity: a registered type, a name and parameters.

    Parameters are checked when given (unknown name or wrong value type raises
    ParameterError) and set in the context by Graph.activate()."""

    gxf_native_type = "nvidia::gxf::Component"
    # {key: GXF parameter info}; None when the type is unknown to the registry (not checked).
    _validation_info_parameters = None

    def __init__(self, type, name, **params):  # noqa: A002 - GXF's argument name
        self._type = type
        self._name = name
        self._entity = None
        self._cid = None
        self._tid = None
        if self._validation_info_parameters is None:
            info = component_types().get(self.type_name)
            if info is not None:
                self._validation_info_parameters = info["parameters"]
        for key, value in params.items():
            check_parameter(self, key, value)
        self._params = dict(params)

    def _describe(self):
        cls = type(self)
        where = f" in entity '{self._entity.qualified_name}'" if self._entity else ""
        python = "" if cls is Component else f"{cls.__module__}.{cls.__qualname__} "
        return f"{python}({self.type_name}) component '{self._name}'{where}"

    def __repr__(self):
        if self._entity is None:
            return f"<{self.type_name} component '{self._name}', not in an entity>"
        return f"{self._entity.qualified_name}/{self._name}"

    @classmethod
    def get_gxf_type(cls):
        """The registered type name this class stands for."""
        return cls.gxf_native_type

    @property
    def type_name(self):
        """Registered type name of this component."""
        return self._type if isinstance(self._type, str) else self._type.get_gxf_type()

    @property
    def name(self):
        """Component name."""
        return self._name

    @property
    def type(self):
        """The type given at construction (a type name)."""
        return self._type

    @property
    def entity(self):
        """The Entity holding this component (None until added)."""
        return self._entity

    @property
    def params(self):
        """Parameters given so far, {key: value}."""
        return self._params

    @property
    def cid(self):
        """Component id in the context (after activation)."""
        return self._cid

    @cid.setter
    def cid(self, value):
        self._cid = value

    @property
    def tid(self):
        """Type id (after activation)."""
        return self._tid

    @tid.setter
    def tid(self, value):
        self._tid = value

    @property
    def context(self):
        """Context of the graph holding this component."""
        return self.entity.context

    def added_to_graph(self):
        """Whether this component sits in an entity that belongs to a graph."""
        return self._entity is not None and self._entity._graph is not None

    def set_entity(self, entity):
        """Attach to `entity` (once)."""
        if self._entity is not None:
            raise RuntimeError(f"{self._describe()} is already added to an entity")
        self._entity = entity

    def validate_params(self, params):
        """Check several parameters at once (raises ParameterError)."""
        for key, value in params.items():
            check_parameter(self, key, value)
        return True

    def set_param(self, param, value):
        """Set (or replace) a parameter before activation; checked like the constructor's."""
        check_parameter(self, param, value)
        self._params[param] = value

    def get_param(self, param):
        """A parameter given to this component."""
        if param not in self._params:
            given = ", ".join(self._params) or "none"
            raise ValueError(f"{self._describe()}: parameter '{param}' was not given "
                             f"(given: {given})")
        return self._params[param]

    def add_to(self, entity):
        """Create this component in the context, inside `entity` (already created)."""
        from gxf.core import component_type_id  # the package's public wrapper

        self.tid = component_type_id(entity.context, self.type_name)
        self.cid = _core.component_add(entity.context, entity.eid, self.type_name, self._name)

    def _parameter_items(self):
        """(key, value) pairs to apply at activation."""
        return self._params.items()

    def set_params(self):
        """Apply the parameters to the created component."""
        from gxf.core import parameter_set_from_yaml_node, parameter_set_path

        parameters = self._validation_info_parameters or {}
        for key, value in self._parameter_items():
            info = parameters.get(key)
            try:
                if info is not None and info["gxf_parameter_type"] == _FILE_TYPE:
                    parameter_set_path(self.context, self._cid, key, os.fspath(value))
                    continue
                data = _yaml_data(value, self, key)
                if isinstance(data, str) and (info is None or info["type"] != "string"):
                    text = data  # GXF reads a string value as YAML text
                else:
                    text = yaml.safe_dump(data, default_flow_style=True).strip()
                    if text.endswith("\n...") or text.endswith("..."):
                        text = text[:-3].strip()
                parameter_set_from_yaml_node(self.context, self._cid, key, text)
            except GxfError as error:
                raise type(error)(f"{error.code}: {self._describe()}: parameter '{key}': "
                                  f"{error.detail}", code=error.code,
                                  detail=error.detail) from error
