#!/usr/bin/env python3
"""Write the multi-entity benchmark graphs: a chain of forwarders and a fan-out/fan-in.

    python tools/bench/gen_graphs.py              # rewrites graphs/chain10.yaml, fanout4.yaml
    python tools/bench/gen_graphs.py --check      # exit 1 if the files are out of date

Only std + sample component types are used, so the same file runs on real GXF and on our
engine.  Like graphs/ping.yaml they hold no scheduler (load a graphs/sched_*.yaml after
them); the message count is ``tx/count/count`` (override it).
"""

from __future__ import annotations

import argparse
import os
import sys

GRAPH_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "graphs")
DEFAULT_COUNT = 100000


def component(name: str, ctype: str, **params) -> list[str]:
    """YAML lines of one component entry (params are already YAML scalars or flow lists)."""
    lines = [f"- name: {name}", f"  type: nvidia::gxf::{ctype}"]
    if params:
        lines.append("  parameters:")
        lines += [f"    {key}: {value}" for key, value in params.items()]
    return lines


def entity(name: str, comps: list[list[str]]) -> list[str]:
    """YAML lines of one entity document."""
    lines = ["---", f"name: {name}", "components:"]
    for c in comps:
        lines += c
    return lines


def rx_queue(name: str, capacity: int = 1) -> list[list[str]]:
    """A receiver plus the term that ticks its entity when a message waits."""
    term = "available" if name == "in" else f"available_{name}"
    return [component(name, "DoubleBufferReceiver", capacity=capacity),
            component(term, "MessageAvailableSchedulingTerm", receiver=name, min_size=1)]


def tx_queue(name: str, capacity: int = 1, min_size: int = 1) -> list[list[str]]:
    """A transmitter plus the term that holds its entity until downstream has room."""
    term = "receptive" if name == "out" else f"receptive_{name}"
    return [component(name, "DoubleBufferTransmitter", capacity=capacity),
            component(term, "DownstreamReceptiveSchedulingTerm", transmitter=name,
                      min_size=min_size)]


def source(count: int) -> list[str]:
    """The tx entity: sample PingTx limited to `count` ticks."""
    return entity("tx", [*tx_queue("out"), component("ping", "PingTx", signal="out"),
                         component("count", "CountSchedulingTerm", count=count)])


def sink(capacity: int = 1) -> list[str]:
    """The rx entity: sample PingRx."""
    return entity("rx", [*rx_queue("in", capacity), component("ping", "PingRx", signal="in")])


def forwarder(name: str) -> list[str]:
    """An entity with std Forward between a receiver and a transmitter."""
    return entity(name, [*rx_queue("in"), *tx_queue("out"),
                         component("forward", "Forward", **{"in": "in", "out": "out"})])


def edges(pairs: list[tuple[str, str]]) -> list[str]:
    """The entity holding every Connection."""
    return entity("edges", [component(f"e{i}", "Connection", source=s, target=t)
                            for i, (s, t) in enumerate(pairs)])


def chain(hops: int, count: int = DEFAULT_COUNT) -> str:
    """PingTx -> `hops` x Forward -> PingRx, every queue of capacity 1."""
    names = [f"f{i}" for i in range(1, hops + 1)]
    stages = ["tx", *names, "rx"]
    lines = ["%YAML 1.2", f"# PingTx -> {hops} x Forward -> PingRx: {hops + 1} queue hops "
             "per message. Written by tools/bench/gen_graphs.py."]
    lines += source(count)
    for n in names:
        lines += forwarder(n)
    lines += sink()
    lines += edges([(f"{a}/out", f"{b}/in") for a, b in zip(stages, stages[1:])])
    return "\n".join(lines) + "\n"


def broadcaster(fan: int) -> list[str]:
    """The bcast entity: std Broadcast from one receiver to `fan` transmitters."""
    comps = [*rx_queue("in")]
    for i in range(1, fan + 1):
        comps += tx_queue(f"out{i}")
    comps.append(component("broadcast", "Broadcast", source="in"))
    return entity("bcast", comps)


def gatherer(fan: int) -> list[str]:
    """The gather entity: std Gather from `fan` receivers into one transmitter."""
    ins = [f"in{i}" for i in range(1, fan + 1)]
    comps = [component(n, "DoubleBufferReceiver", capacity=1) for n in ins]
    comps += tx_queue("out", capacity=fan, min_size=fan)
    comps.append(component("any_input", "MultiMessageAvailableSchedulingTerm",
                           receivers="[" + ", ".join(ins) + "]", sampling_mode="SumOfAll",
                           min_sum=1))
    comps.append(component("gather", "Gather", sink="out", tick_source_limit=1))
    return entity("gather", comps)


def fanout(fan: int, count: int = DEFAULT_COUNT) -> str:
    """PingTx -> Broadcast -> `fan` x Forward -> Gather -> PingRx (rx gets fan per message)."""
    lines = ["%YAML 1.2", f"# PingTx -> Broadcast 1->{fan} -> {fan} x Forward -> Gather "
             f"{fan}->1 -> PingRx: rx receives {fan} messages per tx message.",
             "# Written by tools/bench/gen_graphs.py."]
    lines += source(count) + broadcaster(fan)
    for i in range(1, fan + 1):
        lines += forwarder(f"f{i}")
    lines += gatherer(fan) + sink(capacity=fan)
    pairs = [("tx/out", "bcast/in")]
    for i in range(1, fan + 1):
        pairs += [(f"bcast/out{i}", f"f{i}/in"), (f"f{i}/out", f"gather/in{i}")]
    pairs.append(("gather/out", "rx/in"))
    lines += edges(pairs)
    return "\n".join(lines) + "\n"


def generated() -> dict[str, str]:
    """File name -> text of every generated graph."""
    return {"chain10.yaml": chain(10), "fanout4.yaml": fanout(4)}


def read_text(path: str) -> str | None:
    """A file's text, or None when it does not exist."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read()


def main(argv=None) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    args = ap.parse_args(argv)
    stale = []
    for name, text in generated().items():
        path = os.path.join(GRAPH_DIR, name)
        current = read_text(path)
        if current != text:
            stale.append(path)
            if not args.check:
                with open(path, "w") as f:
                    f.write(text)
    for path in stale:
        print(("stale: " if args.check else "wrote: ") + path)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
