# SPDX-License-Identifier: Apache-2.0
"""ComputeEntity: an entity holding one codelet plus the queues and scheduling terms its
Transmitter/Receiver handle parameters need."""

from gxf.core import Component, Entity

__all__ = ["ComputeEntity"]

_TRANSMITTER = "nvidia::gxf::Transmitter"
_RECEIVER = "nvidia::gxf::Receiver"


class ComputeEntity(Entity):
    """An entity with optional PeriodicSchedulingTerm `pst` (recess_period) and
    CountSchedulingTerm `cst` (count >= 0); add_codelet() wires the codelet's queues."""

    def __init__(self, name: str = "", count: int = -1, recess_period=0, **kwargs):
        from gxf.std import CountSchedulingTerm, PeriodicSchedulingTerm

        super().__init__(name, True)
        self._count = count
        self._recess_period = recess_period
        self._kwargs = kwargs
        if recess_period:
            self.add(PeriodicSchedulingTerm("pst", recess_period=recess_period))
        if count >= 0:
            self.add(CountSchedulingTerm("cst", count=count))

    def add_codelet(self, codelet, min_message_available=1, min_message_reception=1,
                    rx_capacity: int = 1, tx_capacity: int = 1, tx_num: int = 1,
                    rx_num: int = 1) -> Component:
        """Add `codelet`: a DoubleBufferTransmitter + DownstreamReceptiveSchedulingTerm per
        Transmitter parameter, a DoubleBufferReceiver + MessageAvailableSchedulingTerm per
        Receiver parameter (named like the parameter; list parameters get `<key>_<i>`)."""
        for key, info in (codelet._validation_info_parameters or {}).items():
            if info["handle_type"] not in (_TRANSMITTER, _RECEIVER):
                continue
            is_tx = info["handle_type"] == _TRANSMITTER
            capacity = tx_capacity if is_tx else rx_capacity
            minimum = min_message_reception if is_tx else min_message_available
            if info["rank"] == 0:
                queue = self._add_queue(is_tx, key, capacity, minimum, scalar=True)
                codelet._params[key] = queue
                setattr(codelet, key, queue)
            elif info["rank"] == 1:
                count = info["shape"][0] if info["shape"][0] > 0 else (tx_num if is_tx else rx_num)
                queues = [self._add_queue(is_tx, f"{key}_{i}", capacity, minimum, scalar=False)
                          for i in range(count)]
                codelet._params[key] = queues
                setattr(codelet, key, queues)
                setattr(self, key, queues)
            else:
                raise ValueError(f"{codelet._describe()}: parameter '{key}' has rank "
                                 f"{info['rank']} (shape {info['shape']}); ComputeEntity wires "
                                 "single queues and lists of queues only")
        self.add(codelet)
        return codelet

    def _add_queue(self, is_tx, name, capacity, minimum, scalar):
        from gxf.std import (DoubleBufferReceiver, DoubleBufferTransmitter,
                             DownstreamReceptiveSchedulingTerm, MessageAvailableSchedulingTerm)

        term_name = "drst" if is_tx else "mast"
        if not scalar or term_name in self.named_components:
            term_name = f"{term_name}_{name}"
        if is_tx:
            queue = self.add(DoubleBufferTransmitter(name=name, capacity=capacity))
            self.add(DownstreamReceptiveSchedulingTerm(name=term_name, transmitter=queue,
                                                       min_size=minimum))
        else:
            queue = self.add(DoubleBufferReceiver(name=name, capacity=capacity))
            self.add(MessageAvailableSchedulingTerm(name=term_name, receiver=queue,
                                                    min_size=minimum))
        return queue
