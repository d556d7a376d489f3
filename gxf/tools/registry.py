# SPDX-License-Identifier: Apache-2.0
"""What the type registry knows about component types, behind one function each, and the
did-you-mean suggestions built on it."""

import difflib

from gxf.core import _core

__all__ = ["parameter_specs", "type_names", "is_a", "did_you_mean"]

_OPTIONAL = 1  # kParameterFlagsOptional


class ParameterSpec:
    """One declared parameter of a component type."""

    def __init__(self, key, type_name, optional, is_handle, default):
        self.key = key
        self.type_name = type_name
        self.optional = optional
        self.is_handle = is_handle
        self.default = default

    def __repr__(self):
        return f"ParameterSpec({self.key!r}, {self.type_name!r})"


def parameter_specs(context, type_name):
    """{key: ParameterSpec} of a registered type ({} for unknown or abstract types)."""
    # The one place that reads registry metadata: re-point it when the registry grows an API.
    # A type name means one class wherever it is registered, so found types are cached by name.
    specs = _specs_by_type.get(type_name)
    if specs is None:
        try:
            declared = _core.parameter_list(context, type_name)
        except ValueError:
            return {}  # not registered in this context
        specs = {item["key"]: ParameterSpec(item["key"], item["type"],
                                            bool(item["flags"] & _OPTIONAL), item["is_handle"],
                                            item["default"])
                 for item in declared}
        _specs_by_type[type_name] = specs
    return specs


_specs_by_type = {}


def type_names(context):
    """Every registered component type name."""
    return [entry["typename"] for extension in _core.extension_list(context)
            for entry in extension["types"]]


def is_a(context, cid, base_name):
    """Whether component `cid` is of type `base_name` or derives from it."""
    try:
        return _core.component_is_a(context, cid, base_name)
    except ValueError:
        return False  # base type not registered in this context


def did_you_mean(name, candidates):
    """' (did you mean 'x'?)' for the closest candidate, or ''."""
    candidates = list(candidates)
    # A name that differs only in case is the likeliest meant, however short it is.
    matches = [candidate for candidate in candidates if candidate.lower() == name.lower()][:1]
    matches = matches or difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    if not matches:
        # Type names differ mostly in their last part: compare that too.
        short = {candidate.rsplit("::", 1)[-1]: candidate for candidate in candidates}
        found = difflib.get_close_matches(name.rsplit("::", 1)[-1], list(short), n=1, cutoff=0.6)
        matches = [short[found[0]]] if found else []
    return f" (did you mean '{matches[0]}'?)" if matches else ""
