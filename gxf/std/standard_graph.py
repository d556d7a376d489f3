# SPDX-License-Identifier: Apache-2.0
"""StandardGraph: a Graph with a clock and a scheduler, where each codelet gets its own
ComputeEntity."""

from gxf.core import Component, Graph
from gxf.std.compute_entity import ComputeEntity
from gxf.std.graph_methods import _generate_name, connect, set_clock, set_scheduler

__all__ = ["StandardGraph"]


class StandardGraph(Graph):
    """A Graph with a clock (default ManualClock 'clock') and a scheduler (default
    GreedyScheduler(max_duration_ms=1000000) on that clock)."""

    def __init__(self, name: str = "", clock: Component = None, scheduler: Component = None):
        from gxf.std import GreedyScheduler, ManualClock

        super().__init__(name)
        self._clock_component = set_clock(self, clock or ManualClock(name="clock"))
        if scheduler is None:
            scheduler = GreedyScheduler(max_duration_ms=1000000, clock=self._clock_component)
        self._scheduler_component = set_scheduler(self, scheduler)

    def get_clock(self):
        """The graph's clock component."""
        return self._clock_component

    def get_scheduler(self):
        """The graph's scheduler component."""
        return self._scheduler_component

    def add_codelet(self, codelet: Component, count: int = -1, recess_period=0,
                    min_message_available=1, min_message_reception=1, rx_capacity: int = 1,
                    tx_capacity: int = 1, **kwargs) -> Component:
        """Add `codelet` in a new, auto-named ComputeEntity; returns the codelet."""
        entity = self.add(ComputeEntity(name=_generate_name("_entity"), count=count,
                                        recess_period=recess_period, **kwargs))
        return entity.add_codelet(codelet, min_message_available, min_message_reception,
                                  rx_capacity, tx_capacity)

    def connect(self, src: Component, target: Component):
        """Connect a transmitter to a receiver in this graph."""
        connect(src=src, target=target, graph=self)
