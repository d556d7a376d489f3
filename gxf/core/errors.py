# SPDX-License-Identifier: Apache-2.0
"""Exceptions raised by the engine.

Every class derives from ValueError and, as GXF's bindings do, carries the bare GXF result code
name as its only argument (`str(error) == "GXF_PARAMETER_NOT_FOUND"`), so `except ValueError`
and code-string checks written for GXF keep working. Where it happened (file:line, entity,
component, parameter, expected value) is attached as a PEP 678 note, which tracebacks print
under the code; `.message` and `error_report()` give the whole "CODE: reason" line for tools
that print one line without a traceback.
"""

import sys

__all__ = [
    "error_report",
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
    """A failure reported by the engine; `.code` is the GXF result code name, `.message` the
    full "CODE: reason" text (the reason is also the exception's first PEP 678 note)."""

    def __init__(self, message, code="GXF_FAILURE", detail="", context=()):
        super().__init__(code)
        self.code = code
        self.message = message
        self.detail = detail or message
        self.context = list(context)
        self._own_notes = 0
        reason = _reason(message, code)
        if reason:
            _add_note(self, reason)
            self._own_notes = 1


def _reason(message, code):
    """The message without its leading code name (empty when it says nothing more)."""
    message = str(message)
    if message.startswith(code):
        message = message[len(code):].lstrip(":").lstrip()
    return message


def _add_note(error, note):
    """BaseException.add_note, which Python 3.11 added; older versions keep the list only."""
    if sys.version_info >= (3, 11):
        error.add_note(note)
    else:
        error.__notes__ = [*getattr(error, "__notes__", ()), note]


def error_report(error):
    """The whole text of an exception for a one-line report: a GxfError's "CODE: reason"
    (`str()` alone is the bare code, as in GXF), any other exception's message, then any
    notes added to it since."""
    notes = list(getattr(error, "__notes__", None) or ())
    if isinstance(error, GxfError):
        text, notes = error.message, notes[error._own_notes:]
    else:
        text = str(error)
    return "\n".join([text, *notes]) if notes else text


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
