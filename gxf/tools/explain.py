# SPDX-License-Identifier: Apache-2.0
"""The stall explainer: when a graph stops, say for each entity what state it is in, what
each of its scheduling terms reports and why (queue sizes, ticks left, time to the next
period, asynchronous event state), and which upstream or downstream entity it waits for.

gxe.py prints it with --explain, and on its own when the run ends in a deadlock while an
entity still holds a pending message or never ticked (never started, or started and never
ran), or when Ctrl-C stopped the graph.
Everything is read after the run through the components' own interfaces (term checks, queue
sizes, codelet execution counts) and the executor's record of which entities started, so it
holds for every scheduler.

An entity starts on the scheduler's first visit whatever its terms say (GXF's rule), so one
that never started was never visited (the run stopped first) or its start() failed; one that
started and never ticked was kept waiting by the terms the report names.
"""

import contextlib
import signal
import sys
import threading

import yaml

from gxf.core.errors import GraphTimeoutError, error_report
from gxf.std import _std
from gxf.tools.graph_model import components_of, entities, graph_from_context

__all__ = ["explain", "stall_watch", "EntityState"]

_CONDITIONS = {0: "NEVER", 1: "READY", 2: "WAIT", 3: "WAIT_TIME", 4: "WAIT_EVENT"}
_RANK = {"NEVER": 4, "WAIT_EVENT": 3, "WAIT": 2, "WAIT_TIME": 1, "READY": 0}


def _short(type_name):
    return type_name.rsplit("::", 1)[-1]


def _param(data, key, default=None):
    text = data["parameters"].get(key)
    if text is None:
        return default
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _seconds(ns):
    return f"{ns / 1e9:.3f} s" if abs(ns) >= 1e6 else f"{ns / 1e3:.1f} us"


class _Reader:
    """Reads run state of one context through the bound component interfaces."""

    def __init__(self, context, graph):
        self.context = context
        self.graph = graph
        self.now = self._clock_now()

    def _clock_now(self):
        for node, data in self.graph.nodes(data=True):
            if data.get("role") == "scheduler" and "clock" in data["parameters"]:
                clock = _param(data, "clock")
                try:
                    return _std.Clock.get(self.context, data["cid"], clock).timestamp()
                except ValueError:
                    break
        return 0

    def queue(self, node):
        """(messages held (main + back stage), capacity) of a receiver or transmitter."""
        size, back_size, capacity = _std.queue_state(self.context, self.graph.nodes[node]["cid"])
        return size + back_size, capacity

    def condition(self, node):
        """(condition name, target timestamp) of a term or combiner now."""
        data = self.graph.nodes[node]
        binding = _std.scheduling_term_combiner_condition if data["role"] == "combiner" else \
            _std.scheduling_term_condition
        kind, target = binding(self.context, data["cid"], self.now)
        return _CONDITIONS.get(kind, str(kind)), target

    def facts(self, node):
        """State a term keeps (see scheduling_term_facts)."""
        return _std.scheduling_term_facts(self.context, self.graph.nodes[node]["cid"])

    def ticks(self, node):
        """(ticks, last timestamp) of a codelet."""
        return _std.codelet_execution(self.context, self.graph.nodes[node]["cid"])

    def handles(self, node, parameter=None):
        """Components a component's handle parameters name."""
        return [target for _, target, attrs in self.graph.out_edges(node, data=True)
                if attrs["kind"] == "handle" and parameter in (None, attrs["parameter"])]

    def peers(self, queue, upstream):
        """Entities at the other end of a queue's connections."""
        edges = self.graph.in_edges(queue, data=True) if upstream else \
            self.graph.out_edges(queue, data=True)
        return [(source if upstream else target) for source, target, attrs in edges
                if attrs["kind"] == "connection"]


class TermState:
    """One scheduling term (or combiner): its condition and the reason."""

    def __init__(self, node, type_name, condition, target, reason, waits_for):
        self.node = node
        self.type_name = type_name
        self.condition = condition
        self.target = target
        self.reason = reason
        self.waits_for = waits_for  # [(entity, queue)]


class EntityState:
    """One codelet entity after the run."""

    def __init__(self, name, ticks, condition, terms, pending, codelets, started="started"):
        self.name = name
        self.ticks = ticks
        self.started = started  # 'started', 'never started' or 'start failed'
        self.condition = condition
        self.terms = terms
        self.pending = pending  # {receiver: messages held}
        self.codelets = codelets  # [(node, type, ticks)]

    @property
    def never_started(self):
        """Whether no start() of this entity ever succeeded."""
        return self.started != "started"

    def blocking_terms(self):
        """The terms (or combiners) whose condition keeps the entity from ticking now."""
        return [term for term in self.terms if term.condition != "READY"]


def _describe_queue(reader, queue, min_size=None):
    held, capacity = reader.queue(queue)
    text = f"'{queue}' holds {held}"
    if min_size is not None:
        text += f" of the {min_size} needed"
    return text + f" (capacity {capacity})"


def _reason(reader, node):
    """(why, [(entity, queue) waited for]) for one term, by its type."""
    graph, data = reader.graph, reader.graph.nodes[node]
    kind = _short(data["type"])
    waits = []
    if kind in ("MessageAvailableSchedulingTerm", "ExpiringMessageAvailableSchedulingTerm",
                "MultiMessageAvailableSchedulingTerm"):
        key = "receivers" if kind.startswith("Multi") else "receiver"
        parts = []
        for receiver in reader.handles(node, key):
            parts.append(_describe_queue(reader, receiver, _param(data, "min_size", 1)))
            waits += [(graph.nodes[source]["entity"], source)
                      for source in reader.peers(receiver, upstream=True)]
        return "; ".join(parts), waits
    if kind == "DownstreamReceptiveSchedulingTerm":
        parts = []
        for transmitter in reader.handles(node, "transmitter"):
            for receiver in reader.peers(transmitter, upstream=False):
                held, capacity = reader.queue(receiver)
                parts.append(f"downstream '{receiver}' holds {held} of capacity {capacity}")
                waits.append((graph.nodes[receiver]["entity"], receiver))
            if not reader.peers(transmitter, upstream=False):
                parts.append(f"'{transmitter}' is not connected")
        return "; ".join(parts), waits
    if data["role"] != "term":
        return "", waits
    facts = reader.facts(node)
    if "remaining" in facts:
        return f"{facts['remaining']} of {_param(data, 'count')} ticks left", waits
    if "period_ns" in facts:
        return f"period {_param(data, 'recess_period')}", waits
    if "event_state" in facts:
        state = _std.AsynchronousEventState(facts["event_state"]).name
        return f"event state {state}", waits
    if "enabled" in facts:
        return "ticking " + ("enabled" if facts["enabled"] else "disabled"), waits
    return "", waits


def _entity_state(reader, entity):
    graph = reader.graph
    codelets = []
    for node in components_of(graph, entity, "codelet"):
        # A codelet's count tells ticks, not starts: one that started at time 0 and one that
        # never started look alike, so the report speaks of ticks.
        ticks, _ = reader.ticks(node)
        codelets.append((node, graph.nodes[node]["type"], ticks))
    terms = []
    combined_terms = set()
    for combiner in components_of(graph, entity, "combiner"):
        combined_terms.update(reader.handles(combiner))
    overall = "READY"
    for node in components_of(graph, entity, "term") + components_of(graph, entity, "combiner"):
        condition, target = reader.condition(node)
        if condition == "WAIT_TIME" and target <= reader.now:
            condition = "READY"
        why, waits = _reason(reader, node)
        if condition == "WAIT_TIME":
            why = (why + "; " if why else "") + f"next in {_seconds(target - reader.now)}"
        terms.append(TermState(node, graph.nodes[node]["type"], condition, target, why, waits))
        if node not in combined_terms and _RANK.get(condition, 0) > _RANK[overall]:
            overall = condition
    pending = {}
    for receiver in components_of(graph, entity, "receiver"):
        held, _ = reader.queue(receiver)
        if held:
            pending[receiver] = held
    ticks = max((c[2] for c in codelets), default=0)
    started = _std.entity_start_history(reader.context, graph.nodes[entity]["eid"])
    return EntityState(entity, ticks, overall, terms, pending, codelets, started or "started")


def entity_states(context, graph=None):
    """EntityState of every entity holding a codelet."""
    graph = graph if graph is not None else graph_from_context(context)
    reader = _Reader(context, graph)
    return [_entity_state(reader, entity) for entity in entities(graph)
            if components_of(graph, entity, "codelet")]


def is_stalled(states):
    """A deadlock with something left undone: no entity could run (each waits, not for a time,
    or is finished) while one that may still tick holds a pending message, or one never
    ticked."""
    waiting = [s for s in states if s.condition in ("WAIT", "WAIT_EVENT")]
    if not waiting or any(s.condition in ("READY", "WAIT_TIME") for s in states):
        return False  # something could still run: the run ended for another reason
    return any(s.pending and s.condition != "NEVER" for s in states) or \
        any(s.ticks == 0 or s.never_started for s in states)


def format_report(states, headline):
    """The explainer's text."""
    lines = [f"gxe.py: stall report: {headline}"]
    for state in states:
        lines.append(f"  entity '{state.name}': {state.condition}, {_history(state)}")
        why = _why_not_ticked(state)
        if why:
            lines.append(f"    why: {why}")
        for node, type_name, ticks in state.codelets:
            lines.append(f"    codelet '{node}' ({_short(type_name)}): {ticks} tick(s)")
        for receiver, held in state.pending.items():
            lines.append(f"    pending: {held} message(s) in '{receiver}'")
        for term in state.terms:
            text = f"    term '{term.node}' ({_short(term.type_name)}): {term.condition}"
            if term.reason:
                text += f" - {term.reason}"
            lines.append(text)
            if term.condition in ("WAIT", "WAIT_EVENT", "NEVER") and term.waits_for:
                peers = sorted({entity for entity, _ in term.waits_for})
                other = {s.name: s.condition for s in states}
                described = ", ".join(f"'{p}' ({other.get(p, '?')})" for p in peers)
                lines.append(f"      waits for: {described}")
    return "\n".join(lines)


def _history(state):
    """'never started', 'start failed', 'started, never ticked' or 'ticked N time(s)'."""
    if state.started == "start failed":
        return "never started (its start() failed)"
    if state.never_started:
        return "never started"
    return f"ticked {state.ticks} time(s)" if state.ticks else "started, never ticked"


def _why_not_ticked(state):
    """Why an entity that never ticked did not: what kept it from starting, or the terms that
    kept it waiting (empty for an entity that ticked)."""
    if state.ticks and not state.never_started:
        return ""
    blocking = state.blocking_terms()
    waiting = "; ".join(f"'{term.node}' {term.condition}" + (f" ({term.reason})" if term.reason
                                                             else "") for term in blocking)
    if state.started == "start failed":
        return "a codelet's start() failed (its error is above)"
    if state.never_started:
        text = "the run stopped before the scheduler first executed it (an entity starts on " \
               "its first visit, whatever its terms say)"
        return text + (f"; its terms now: {waiting}" if waiting else "")
    return f"kept waiting by {waiting}" if waiting else "its terms were ready, but the run " \
        "stopped before it was executed again"


def explain(context, headline="the graph stopped"):
    """The stall report of a context whose run ended (before deactivation)."""
    return format_report(entity_states(context), headline)


@contextlib.contextmanager
def stall_watch(context, always=False, stream=None):
    """Around graph_wait: afterwards print the stall report when asked (`always`), when Ctrl-C
    stopped the graph, or when it ended in a deadlock leaving work undone."""
    interrupted = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.getsignal(signal.SIGINT)

        def on_interrupt(signum, frame):
            """Note Ctrl-C, then let the previous handler interrupt the graph."""
            interrupted.set()
            if callable(previous):
                previous(signum, frame)
            else:
                raise KeyboardInterrupt

        signal.signal(signal.SIGINT, on_interrupt)
    failed = True
    stuck = False
    try:
        yield
        failed = False
    except GraphTimeoutError:
        stuck = True  # its message names what runs; reading states could wait on it
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        if not stuck:
            _report(context, always, interrupted.is_set(), failed, stream or sys.stderr)


def _report(context, always, interrupted, failed, stream):
    try:
        states = entity_states(context)
    except Exception as error:  # the report must never hide the run's own outcome
        if always or interrupted:
            print(f"gxe.py: stall report unavailable: {error_report(error)}", file=stream,
                  flush=True)
        return
    if interrupted:
        headline = "interrupted (Ctrl-C)"
    elif failed:
        headline = "the run failed"
    elif is_stalled(states):
        headline = ("deadlock: no entity can run any more, and work is left "
                    "undone (pending messages or entities that never ticked)")
    elif always:
        headline = "the graph stopped"
    else:
        return
    if always or interrupted or not failed:
        print(format_report(states, headline), file=stream, flush=True)
