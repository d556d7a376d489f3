# SPDX-License-Identifier: Apache-2.0
"""graphs/ping.yaml built in Python: sample PingTx -> PingRx, 10 messages, lock-step.

    python examples/ping.py [--save ping_saved.yaml]
"""

import argparse

import gxf.std as std
from gxf.core import Entity, Graph
from gxf.sample import PingRx, PingTx
from gxf.std import (CountSchedulingTerm, DoubleBufferReceiver, DoubleBufferTransmitter,
                     DownstreamReceptiveSchedulingTerm, GreedyScheduler, JobStatistics,
                     MessageAvailableSchedulingTerm, RealtimeClock)


def build():
    """The ping graph: entities tx and rx, a connection, and the scheduler entity."""
    g = Graph()
    tx = g.add(Entity("tx"))
    tx.add(DoubleBufferTransmitter("signal"))
    tx.add(DownstreamReceptiveSchedulingTerm("", transmitter=tx.signal, min_size=1))
    tx.add(PingTx("ping", signal=tx.signal))
    tx.add(CountSchedulingTerm("", count=10))

    rx = g.add(Entity("rx"))
    rx.add(DoubleBufferReceiver("signal"))
    rx.add(MessageAvailableSchedulingTerm("", receiver=rx.signal, min_size=1))
    rx.add(PingRx("ping", signal=rx.signal))

    std.connect(tx.signal, rx.signal)

    scheduler = g.add(Entity("scheduler"))
    clock = scheduler.add(RealtimeClock("clock"))
    scheduler.add(GreedyScheduler("", clock=clock, max_duration_ms=5000))
    scheduler.add(JobStatistics("", clock=clock))
    return g


def main():
    """Build, optionally save, run and destroy the graph."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", help="also write the graph as YAML to this file")
    args = parser.parse_args()
    g = build()
    g.load_extensions()
    if args.save:
        g.save(args.save)
    g.run()
    g.destroy()


if __name__ == "__main__":
    main()
