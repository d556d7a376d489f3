# SPDX-License-Identifier: Apache-2.0
"""Pipeline: the graph a Flow builds its stages into, with its clock and scheduler; start(),
wait(), stop() run it, save() writes it as a YAML graph for gxe.py."""

import itertools

from gxf.core import Entity, Graph
from gxf.core.errors import CodeletError
from gxf.flow.errors import FlowError
from gxf.flow.stage import Stage

__all__ = ["Pipeline", "SCHEDULERS"]

SCHEDULERS = ("greedy", "multi_thread", "event_based")
_QUEUE_CAPACITY = 2  # lets a stage work on one buffer while its consumer takes the previous
_pipeline_ids = itertools.count()


class Pipeline:
    """A named graph of Flow stages; `scheduler` is "greedy", "multi_thread" or
    "event_based", `workers` the worker threads of the last two."""

    def __init__(self, name, scheduler="greedy", workers=1):
        if scheduler not in SCHEDULERS:
            raise ValueError(f"Pipeline '{name}': unknown scheduler {scheduler!r}; expected one "
                             f"of {', '.join(SCHEDULERS)}")
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ValueError(f"Pipeline '{name}': workers must be an int >= 1, got {workers!r}")
        self.name = name
        self.scheduler = scheduler
        self.workers = workers
        self._uid = f"{name}#{next(_pipeline_ids)}"
        self._graph = Graph(name)
        self._stages = []  # (Stage, its PyCodeletV0 component)
        self._names = set()
        self._state = "built"
        self._stopping = False
        self._extensions_loaded = False
        self._extensions = []  # libraries of native stages, beyond those of gxf's packages
        self._add_scheduler()

    def __repr__(self):
        return f"Pipeline({self.name!r}, scheduler={self.scheduler!r}, stages={len(self._stages)})"

    def _add_scheduler(self):
        from gxf.std import (EventBasedScheduler, GreedyScheduler, MultiThreadScheduler,
                             RealtimeClock)

        entity = self._graph.add(Entity("scheduler"))
        clock = entity.add(RealtimeClock("clock"))
        if self.scheduler == "greedy":
            entity.add(GreedyScheduler("greedy", clock=clock, stop_on_deadlock=True))
        elif self.scheduler == "multi_thread":
            entity.add(MultiThreadScheduler("multi_thread", clock=clock, stop_on_deadlock=True,
                                            worker_thread_number=self.workers,
                                            check_recession_period_ms=1))
        else:
            entity.add(EventBasedScheduler("event_based", clock=clock, stop_on_deadlock=True,
                                           worker_thread_number=self.workers))

    def unique_name(self, base):
        """`base`, or `base_<n>` when a stage already has that name."""
        name = base
        for n in itertools.count(1):
            if name not in self._names:
                break
            name = f"{base}_{n}"
        self._names.add(name)
        return name

    def add_stage(self, kind, codelet, name=None, target=None, rxs=(), txs=("out",),
                  source=False, poll_ms=None, sends_per_tick=1, **options):
        """Add an entity running `codelet` (a StageCodelet subclass) for a new Stage; returns
        (stage, entity). Sources get a BooleanSchedulingTerm 'enabled' to end themselves;
        `poll_ms` also ticks the stage that often without input (OR of both terms);
        `sends_per_tick` is the room a tick needs downstream."""
        from gxf.python_codelet import PyCodeletV0
        from gxf.std import (BooleanSchedulingTerm, DoubleBufferReceiver,
                             DoubleBufferTransmitter, DownstreamReceptiveSchedulingTerm,
                             MessageAvailableSchedulingTerm, MultiMessageAvailableSchedulingTerm,
                             OrSchedulingTermCombiner, PeriodicSchedulingTerm)

        self._check_editable()
        name = self.unique_name(name or kind)
        stage = Stage(f"{self._uid}/{name}", name, kind, target, sink=not txs, **options)
        entity = self._graph.add(Entity(name))
        if source:
            entity.add(BooleanSchedulingTerm("enabled", enable_tick=True))
        for tx in txs:
            queue = entity.add(DoubleBufferTransmitter(tx, capacity=_QUEUE_CAPACITY))
            entity.add(DownstreamReceptiveSchedulingTerm(f"drst_{tx}", transmitter=queue,
                                                         min_size=sends_per_tick))
        receivers = [entity.add(DoubleBufferReceiver(rx, capacity=_QUEUE_CAPACITY))
                     for rx in rxs]
        if len(receivers) == 1:
            input_term = entity.add(MessageAvailableSchedulingTerm(
                "mast", receiver=receivers[0], min_size=1))
        elif receivers:
            input_term = entity.add(MultiMessageAvailableSchedulingTerm(
                "mmast", receivers=receivers, sampling_mode="SumOfAll", min_sum=1))
        if poll_ms is not None:
            # Ticks on input or when poll_ms passed; the stage disables 'enabled' at its end.
            entity.add(BooleanSchedulingTerm("enabled", enable_tick=True))
            period = entity.add(PeriodicSchedulingTerm("poll", recess_period=f"{poll_ms}ms"))
            entity.add(OrSchedulingTermCombiner("input_or_poll", terms=[input_term, period]))
        component = entity.add(PyCodeletV0("codelet", codelet=codelet, stage=stage.key,
                                           _txs=list(txs), _rxs=list(rxs)))
        self._stages.append((stage, component))
        return stage, entity

    def use_extension(self, library):
        """Load the extension `library` (a manifest path such as
        "gxf/test/extensions/libgxf_test.so") into this pipeline's graph, for native stages."""
        self._check_editable()
        if library not in self._extensions:
            self._extensions.append(library)

    def add_entity(self, name):
        """A new, uniquely named entity of the graph (for native stages)."""
        self._check_editable()
        return self._graph.add(Entity(self.unique_name(name)))

    def _check_editable(self):
        if self._state != "built":
            raise RuntimeError(f"Pipeline '{self.name}' has {self._state}; add stages before "
                               "start()")

    def start(self):
        """Start running the pipeline; returns it."""
        from gxf.core import graph_activate, graph_run_async

        if self._state != "built":
            raise RuntimeError(f"Pipeline '{self.name}' has already {self._state}")
        if not self._stages:
            raise RuntimeError(f"Pipeline '{self.name}' has no stages; build a Flow on it first")
        self._load_extensions()
        self._graph.activate()
        self._state = "started"
        try:
            graph_activate(self._graph.context)
            graph_run_async(self._graph.context)
        except BaseException:
            self._teardown()
            raise
        return self

    def wait(self):
        """Wait until every sink has seen the end of its stream (or stop()); raises the
        FlowError of a failed stage, or a RuntimeError when the graph stopped by itself before
        every sink saw its stream end; returns the pipeline."""
        from gxf.core import graph_wait

        if self._state != "started":
            raise RuntimeError(f"Pipeline '{self.name}' is not running (it has {self._state})")
        try:
            graph_wait(self._graph.context)
        except CodeletError as error:
            cause = error.__cause__
            if isinstance(cause, FlowError):
                raise cause.with_traceback(None) from cause.__cause__
            raise
        finally:
            self._teardown()
        # The graph stops once no stage can tick: after every stream ended, or when a stream
        # stalled (a native stage that dropped an EndOfStream); only the first is an end.
        waiting = [stage.name for stage, _ in self._stages if stage.sink and not stage.ended]
        if waiting and not self._stopping:
            raise RuntimeError(f"Pipeline '{self.name}' stopped before the end of the stream "
                               f"reached sink(s) {', '.join(waiting)}: a stage lost its "
                               "EndOfStream or stopped forwarding buffers")
        return self

    @property
    def ended(self):
        """Whether every sink stage has seen the end of its stream."""
        return all(stage.ended for stage, _ in self._stages if stage.sink)

    def stop(self):
        """Ask the running pipeline to stop and wait for it; returns the pipeline."""
        from gxf.core import graph_interrupt

        if self._state == "started":
            self._stopping = True
            graph_interrupt(self._graph.context)
            self.wait()
        return self

    def _load_extensions(self):
        if not self._extensions_loaded:
            from gxf.core.graph import EXTENSIONS_USED

            self._graph.load_extensions(list(EXTENSIONS_USED) + self._extensions)
            self._extensions_loaded = True

    def _teardown(self):
        from gxf.core import context_destroy, graph_deactivate

        self._state = "finished"
        context = self._graph.context
        try:
            graph_deactivate(context)
        finally:
            context_destroy(context)
            for stage, _ in self._stages:
                stage.forget()

    def save(self, filename):
        """Write the pipeline as a YAML graph that gxe.py runs; stages carry their user objects
        pickled (so those must be picklable, their classes importable)."""
        for stage, component in self._stages:
            text = stage.pickled()
            if text is None:
                raise ValueError(f"Pipeline '{self.name}': stage '{stage.name}' holds objects "
                                 "that cannot be pickled; save() needs module-level classes "
                                 "and functions")
            component._params["codelet_params"]["pickled"] = text
        self._load_extensions()
        self._graph.save(filename)
        return self
