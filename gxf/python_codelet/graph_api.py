# SPDX-License-Identifier: Apache-2.0
"""Graph API for Python codelets: the PyCodeletV0 wrapper, PyComputeEntity, add_pycodelet."""

import sys
import typing

from gxf.core import Component, Entity
from gxf.core.registry import library_types
from gxf.python_codelet.codelet import CodeletAdapter
from gxf.std.compute_entity import ComputeEntity

__all__ = ["PyCodeletV0", "PyComputeEntity", "add_pycodelet"]


def _codelet_file(codelet):
    """Where PyCodeletV0 finds `codelet` by name: its module's file, or "None" for
    __main__ (the engine then looks the class up in the running script)."""
    if "<locals>" in codelet.__qualname__:
        raise ValueError(f"codelet class {codelet.__qualname__} is defined inside a function; "
                         "PyCodeletV0 finds classes by name at module level")
    module = sys.modules.get(codelet.__module__)
    if codelet.__module__ == "__main__" or getattr(module, "__file__", None) is None:
        return "None"
    return module.__file__


class PyCodeletV0(Component):
    """Runs a CodeletAdapter subclass: `codelet` is the class (instantiated by the engine
    with no arguments), keyword parameters become its codelet_params (components as
    'entity/component' strings), read back with get_params()."""

    gxf_native_type = "nvidia::gxf::PyCodeletV0"
    _validation_info_parameters = library_types("libgxf_python_codelet.so")[gxf_native_type]["parameters"]

    def __init__(self, name="", codelet=None, codelet_file=None, **params):
        if not (isinstance(codelet, type) and issubclass(codelet, CodeletAdapter)):
            raise TypeError(f"PyCodeletV0 '{name}': codelet must be a CodeletAdapter subclass, "
                            f"got {codelet!r}")
        backend = {
            "codelet_name": codelet.__name__,
            "codelet_file": _codelet_file(codelet) if codelet_file is None else codelet_file,
            "codelet_params": params,  # always set, so get_params() gives {} as in GXF
        }
        super().__init__(type=self.gxf_native_type, name=name, **backend)
        self._codelet = codelet

    @property
    def codelet(self):
        """The CodeletAdapter subclass this component runs."""
        return self._codelet


class PyComputeEntity(ComputeEntity):
    """An entity for one Python codelet, with CountSchedulingTerm `cst` (count >= 0, default
    100) and optional PeriodicSchedulingTerm `pst`; add_codelet() makes the queues the
    codelet names in its `txs` / `rxs` lists."""

    def __init__(self, name: str = "", count: int = 100, recess_period=0, *args, **kwargs):
        super().__init__(name, count, recess_period, **kwargs)

    def add_codelet(self, name, codelet, min_message_available=1, min_message_reception=1,
                    rx_capacity: int = 1, tx_capacity: int = 1, **params) -> Component:
        """Add a PyCodeletV0 running type(codelet) with a DoubleBuffer queue and its term
        (`drst_<name>` / `mast_<name>`) per name in codelet.txs / codelet.rxs; the codelet
        finds them as attributes at start."""
        params["_txs"] = list(codelet.txs)
        params["_rxs"] = list(codelet.rxs)
        for is_tx, names in ((True, codelet.txs), (False, codelet.rxs)):
            for queue in names:
                if queue in params:
                    raise ValueError(f"PyComputeEntity '{self.name}': '{queue}' names both a "
                                     f"{'transmitter' if is_tx else 'receiver'} and a parameter")
                self._add_queue(is_tx, queue, tx_capacity if is_tx else rx_capacity,
                                min_message_reception if is_tx else min_message_available,
                                scalar=False)
        return self.add(PyCodeletV0(name=name, codelet=type(codelet), **params))


def add_pycodelet(e: Entity, codelet: typing.Type[CodeletAdapter], file: str = None,
                  name: str = "", **params):
    """Add a PyCodeletV0 running `codelet` (a class) to entity `e`; parameter values are
    passed as strings, as GXF does."""
    if not (isinstance(codelet, type) and issubclass(codelet, CodeletAdapter)):
        raise TypeError(f"add_pycodelet: {codelet!r} is not a CodeletAdapter subclass")
    params = {key: value if isinstance(value, str) else f"{value}"
              for key, value in params.items()}
    return e.add(PyCodeletV0(name=name, codelet=codelet, codelet_file=file, **params))
