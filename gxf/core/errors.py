# SPDX-License-Identifier: Apache-2.0
"""Exceptions raised by the engine.

Every class derives from ValueError (GXF raises ValueError) and its message starts with the
GXF result code name, so `except ValueError` and code-string checks written for GXF keep
working; the rest of the message says which file, entity, component and parameter failed.
"""

__all__ = [
    "GxfError",
    "GraphLoadError",
    "ParameterError",
    "HandleError",
    "ExtensionError",
    "ActivationError",
    "CodeletError",
    "ComponentLookupError",
    "GraphTimeoutError",
]


class GxfError(ValueError):
    """A failure reported by the engine; `.code` is the GXF result code name."""

    def __init__(self, message, code="GXF_FAILURE", detail="", context=()):
        super().__init__(message)
        self.code = code
        self.detail = detail or message
        self.context = list(context)


class GraphLoadError(GxfError):
    """A graph file could not be loaded (YAML, unknown type, bad parameter...)."""


class ParameterError(GraphLoadError):
    """A parameter value is missing, of the wrong type or cannot be parsed."""


class HandleError(ParameterError):
    """A handle names no entity or component, or one of the wrong kind."""


class ExtensionError(GxfError):
    """A manifest or extension library could not be loaded."""


class ActivationError(GxfError):
    """The graph could not be activated (mandatory parameter unset, initialize failed)."""


class CodeletError(GxfError):
    """A Python codelet raised; `.__cause__` is the original exception."""

    def __init__(self, message, code="GXF_FAILURE", traceback_text="", where=""):
        super().__init__(message, code=code)
        self.traceback_text = traceback_text
        self.where = where


class ComponentLookupError(GxfError, RuntimeError):
    """A component looked up by name (Transmitter.get...) does not exist."""


class GraphTimeoutError(GxfError, TimeoutError):
    """A graph did not stop in the time given; `.calls` lists the codelet calls still running
    (entity, component, type, source, phase, thread_id; codelet_name/file for Python)."""

    def __init__(self, message, code="GXF_NOT_FINISHED", calls=()):
        super().__init__(message, code=code)
        self.calls = list(calls)


_HANDLE_CODES = {"GXF_ENTITY_NOT_FOUND", "GXF_ENTITY_COMPONENT_NOT_FOUND"}
_PARAMETER_CODES = {
    "GXF_PARAMETER_PARSER_ERROR",
    "GXF_PARAMETER_INVALID_TYPE",
    "GXF_PARAMETER_OUT_OF_RANGE",
    "GXF_INVALID_DATA_FORMAT",
    "GXF_PARAMETER_MANDATORY_NOT_SET",
}


def _error_class(code):
    """The exception class for a core result code."""
    if code in _HANDLE_CODES:
        return HandleError
    if code in _PARAMETER_CODES:
        return ParameterError
    if code == "GXF_PARAMETER_NOT_INITIALIZED":
        return ComponentLookupError
    if code.startswith("GXF_EXTENSION") or code == "GXF_FACTORY_DUPLICATE_TID":
        return ExtensionError
    if code.startswith("GXF_FACTORY"):
        return GraphLoadError
    return GxfError


def _raise_from_core(code, what, detail, context):
    """Called by the C++ binding layer to raise a failure as the matching class."""
    raise _error_class(code)(what, code=code, detail=detail, context=context)


def _raise_codelet_failure(code, where, traceback_text, exception):
    """Called by graph_wait when a Python codelet's exception ended the run."""
    message = f"{code}: Python codelet failed: {where}\n{traceback_text.rstrip()}"
    raise CodeletError(message, code=code, traceback_text=traceback_text, where=where) from exception
