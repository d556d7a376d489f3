# SPDX-License-Identifier: Apache-2.0
"""Wrapper classes of the graph API, generated from the type registry.

`define_wrappers(namespace, library)` defines, in a package's namespace, one `Component`
subclass per concrete type the built-in extension `library` registers (`gxf.std.
DoubleBufferTransmitter(name, capacity=2)`), carrying the type name and its parameters'
metadata; `help()` on a class lists the parameters with their types, defaults and
descriptions. Where the package already has a runtime class of that name (the one codelets
use, e.g. CountSchedulingTerm with `.get()` and `.check()`), the wrapper keeps its static
methods and `isinstance` accepts runtime objects too.
"""

import inspect
import keyword

from gxf.core.component import Component
from gxf.core.registry import library_types

__all__ = ["define_wrappers", "wrapper_class"]


class _WrapperType(type):
    """Metaclass: isinstance(runtime_object, Wrapper) holds for the runtime class too."""

    def __instancecheck__(cls, instance):
        runtime = cls.__dict__.get("_runtime_class")
        if runtime is not None and isinstance(instance, runtime):
            return True
        return super().__instancecheck__(instance)


def _parameter_doc(info):
    flags = info["flags"].replace("GXF_PARAMETER_FLAGS_", "").lower()
    details = [info["type"]]
    if info["handle_type"] != "N/A":
        details.append(f"to {info['handle_type']}")
    if info["default"] != "N/A":
        details.append(f"default {info['default']}")
    if flags not in ("none",):
        details.append(flags.replace(" | ", ", "))
    description = info["description"] if info["description"] != "N/A" else info["headline"]
    return f"    {info['key']} ({', '.join(details)}): {description.strip()}"


def _docstring(info):
    lines = [info["description"] or info["typename"], "",
             f"Graph-API wrapper of {info['typename']} (extension {info['extension']}).",
             "", "Parameters:"]
    lines += [_parameter_doc(entry) for entry in info["parameters"].values()] or ["    none"]
    return "\n".join(lines)


def _signature(info):
    parameters = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
                  inspect.Parameter("name", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                    default="", annotation=str)]
    for entry in info["parameters"].values():
        if not entry["key"].isidentifier() or keyword.iskeyword(entry["key"]):
            continue  # e.g. Forward's 'in': given as **{"in": ...}
        # None where there is no default: optional here, the core checks mandatory ones.
        default = None if entry["default"] == "N/A" else entry["default"]
        parameters.append(inspect.Parameter(entry["key"], inspect.Parameter.KEYWORD_ONLY,
                                            default=default))
    return inspect.Signature(parameters)


def _init(self, name="", **params):
    Component.__init__(self, type=self.get_gxf_type(), name=name, **params)


def wrapper_class(info, module, runtime=None):
    """A Component subclass for one registered type (info from registry.component_types)."""
    short_name = info["typename"].split("::")[-1]
    attributes = {
        "__module__": module,
        "__doc__": _docstring(info),
        "gxf_native_type": info["typename"],
        "_validation_info_parameters": info["parameters"],
        "_runtime_class": runtime,
    }
    init = lambda self, name="", **params: _init(self, name, **params)  # noqa: E731
    init.__signature__ = _signature(info)
    init.__doc__ = f"Create a {short_name} component named `name` with parameters."
    attributes["__init__"] = init
    if runtime is not None:
        for key, value in vars(runtime).items():
            if isinstance(value, staticmethod) and not key.startswith("_"):
                attributes[key] = value  # e.g. X.get(context, cid, name) for codelets
    cls = _WrapperType(short_name, (Component,), attributes)
    cls.__qualname__ = short_name
    return cls


def define_wrappers(namespace, library, manifest_entry=None):
    """Define wrappers of the concrete types of built-in extension `library` in `namespace`
    (a package's globals()); returns their names. Hand-written wrappers and the runtime
    classes of message components (built inside codelets, never added to a graph) are
    kept."""
    from gxf.core.graph import add_to_manifest

    if manifest_entry:
        add_to_manifest(manifest_entry)
    defined = []
    for info in library_types(library).values():
        if info["is_abstract"]:
            continue
        short_name = info["typename"].split("::")[-1]
        existing = namespace.get(short_name)
        if existing is not None and isinstance(existing, type) and (
                issubclass(existing, Component) or hasattr(existing, "add_to_entity")):
            if not issubclass(existing, Component):
                existing.gxf_native_type = info["typename"]  # as GXF's Tensor class has
            continue  # hand-written wrapper, or a message component (Tensor, Timestamp)
        namespace[short_name] = wrapper_class(info, namespace["__name__"], existing)
        defined.append(short_name)
    return defined
