# SPDX-License-Identifier: Apache-2.0
"""CodeletAdapter: the base class of Python codelets run by nvidia::gxf::PyCodeletV0."""

import yaml

__all__ = ["CodeletAdapter"]


class CodeletAdapter:
    """Subclass and implement start(), tick() and stop(); PyCodeletV0 instantiates it with no
    arguments and calls them from the scheduler (one call at a time, GIL held)."""

    def __init__(self):
        self.txs = []
        self.rxs = []
        self.sts = []
        self._bridge = None
        self._params = None

    def set_bridge(self, bridge):
        """Attach the component bridge; binds `_txs`/`_rxs` queues named in the parameters."""
        self._bridge = bridge
        params = self.get_params() if bridge.get_params() is not None else {}
        if isinstance(params, dict):
            from gxf.std import Receiver, Transmitter

            for name in params.get("_txs", []) or []:
                setattr(self, name, Transmitter.get(self.context(), self.cid(), name))
            for name in params.get("_rxs", []) or []:
                setattr(self, name, Receiver.get(self.context(), self.cid(), name))

    def start(self):
        """Called once before the first tick."""

    def tick(self):
        """Called whenever the entity's scheduling terms allow."""

    def stop(self):
        """Called once after the last tick."""

    def context(self):
        """Handle of the context running this codelet."""
        return self._bridge.context()

    def eid(self):
        """Id of the entity holding this codelet."""
        return self._bridge.eid()

    def cid(self):
        """Id of the PyCodeletV0 component."""
        return self._bridge.cid()

    def name(self):
        """Name of the PyCodeletV0 component."""
        return self._bridge.name()

    def get_execution_timestamp(self):
        """Scheduler time of the current call, in nanoseconds."""
        return self._bridge.get_execution_timestamp()

    def get_execution_time(self):
        """Scheduler time of the current call, in seconds."""
        return self._bridge.get_execution_time()

    def get_delta_time(self):
        """Seconds since the previous call (0 in start)."""
        return self._bridge.get_delta_time()

    def get_execution_count(self):
        """Ticks so far (0 in start, 1 in the first tick)."""
        return self._bridge.get_execution_count()

    def is_first_tick(self):
        """Whether this is the first tick after start."""
        return self._bridge.is_first_tick()

    def get_params(self):
        """The codelet_params mapping from the graph file, as YAML types."""
        if self._params is None:
            text = self._bridge.get_params()
            if text is None:
                raise RuntimeError(f"codelet '{self.name()}' has no codelet_params")
            self._params = yaml.safe_load(text)
        return self._params
