# SPDX-License-Identifier: Apache-2.0
"""Python codelets that number messages and record what arrives, for the scheduler tests.

Results go to JSON files named by the `out` parameter, written in stop()."""

import json
import threading
import time

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import AsynchronousEventState, AsynchronousSchedulingTerm, Receiver, Timestamp
from gxf.std import Transmitter


def _write(path, data):
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(data, stream)


class SequenceTx(CodeletAdapter):
    """Publishes one message per tick; its acqtime is `base` + the tick number (from 0)."""

    def start(self):
        """Look up the transmitter."""
        self.params = self.get_params()
        self.tx = Transmitter.get(self.context(), self.cid(), self.params.get("transmitter", "out"))
        self.next = self.params.get("base", 0)

    def tick(self):
        """Publish the next number."""
        self.tx.publish(MessageEntity(self.context()), self.next)
        self.next += 1


class SequenceRx(CodeletAdapter):
    """Receives every message of its main stage per tick and records their acqtimes."""

    def start(self):
        """Look up the receiver."""
        self.params = self.get_params()
        self.rx = Receiver.get(self.context(), self.cid(), self.params.get("receiver", "in"))
        self.seen = []

    def tick(self):
        """Take every message there is; the scheduler ticked us, so there must be one."""
        taken = 0
        while True:
            message = self.rx.receive()
            if not message:
                break
            self.seen.append(Timestamp.get_from_entity(message)[0])
            taken += 1
        if taken == 0:
            raise RuntimeError(f"{self.name()} ticked without a message")

    def stop(self):
        """Write the acqtimes in arrival order."""
        _write(self.params["out"], self.seen)


class OverlapProbe(CodeletAdapter):
    """Records how many probes tick at once (in this interpreter) and on which threads."""

    active = 0
    most = 0
    lock = threading.Lock()

    def start(self):
        """Reset the record."""
        self.params = self.get_params()
        self.threads = []

    def tick(self):
        """Enter, sleep (which releases the GIL), leave."""
        with OverlapProbe.lock:
            OverlapProbe.active += 1
            OverlapProbe.most = max(OverlapProbe.most, OverlapProbe.active)
        self.threads.append(threading.get_native_id())
        time.sleep(self.params.get("sleep_s", 0.001))
        with OverlapProbe.lock:
            OverlapProbe.active -= 1

    def stop(self):
        """Write the largest overlap seen and the thread of every tick."""
        _write(self.params["out"], {"most": OverlapProbe.most, "threads": self.threads})


class AsyncSource(CodeletAdapter):
    """Drives an AsynchronousSchedulingTerm from its own thread: after each tick the term waits
    (EVENT_WAITING) until the thread reports EVENT_DONE `delay_s` later; after `count` ticks the
    term says EVENT_NEVER."""

    def start(self):
        """Find the term and start the event thread."""
        self.params = self.get_params()
        self.term = AsynchronousSchedulingTerm.get(self.context(), self.cid(), self.params["term"])
        self.ticks = 0
        self.states_seen = [self.term.get_event_state().name]
        self.running = True
        self.thread = threading.Thread(target=self._events, daemon=True)
        self.thread.start()

    def _events(self):
        while self.running:
            time.sleep(self.params.get("delay_s", 0.002))
            if self.term.get_event_state() == AsynchronousEventState.EVENT_WAITING:
                self.term.set_event_state(AsynchronousEventState.EVENT_DONE)

    def tick(self):
        """Count the tick and wait for the next event (or retire)."""
        self.ticks += 1
        if self.ticks >= self.params["count"]:
            self.term.set_event_state(AsynchronousEventState.EVENT_NEVER)
        else:
            self.term.set_event_state(AsynchronousEventState.EVENT_WAITING)
        self.states_seen.append(self.term.get_event_state().name)

    def stop(self):
        """Stop the event thread and write the tick count."""
        self.running = False
        self.thread.join()
        _write(self.params["out"], {"ticks": self.ticks, "states": self.states_seen[:3]})


class Failing(CodeletAdapter):
    """Raises in the tick numbered `fail_at`."""

    def start(self):
        """Read the parameters."""
        self.params = self.get_params()
        self.ticks = 0

    def tick(self):
        """Fail on schedule."""
        self.ticks += 1
        if self.ticks == self.params["fail_at"]:
            raise ValueError(f"planned failure in tick {self.ticks}")


class TickCounter(CodeletAdapter):
    """Counts its ticks and the scheduler times of them; receives a message per tick when it
    has a `receiver` parameter."""

    def start(self):
        """Read the parameters."""
        self.params = self.get_params()
        name = self.params.get("receiver")
        self.rx = Receiver.get(self.context(), self.cid(), name) if name else None
        self.times = []

    def tick(self):
        """Record the tick (and take one message if there is one)."""
        self.times.append(self.get_execution_timestamp())
        if self.rx is not None:
            self.rx.receive()

    def stop(self):
        """Write the tick times."""
        _write(self.params["out"], self.times)


class ReleaseChild(CodeletAdapter):
    """Behaviour-tree parent: on its tick `release_at`, sets the child's BTSchedulingTerm to
    READY; when the child has ticked `child_ticks` times it retires the child (NEVER)."""

    def start(self):
        """Find the child's term."""
        from gxf.std import BTSchedulingTerm

        self.params = self.get_params()
        self.child = BTSchedulingTerm.get(self.context(), self.cid(), self.params["child_term"])
        self.ticks = 0
        self.times = {}

    def tick(self):
        """Release the child on schedule."""
        from gxf.std import SchedulingConditionType

        self.ticks += 1
        if self.ticks == self.params["release_at"]:
            self.times["release"] = self.get_execution_timestamp()
            self.child.set_condition(SchedulingConditionType.READY)
        if self.ticks == self.params["retire_at"]:
            self.times["retire"] = self.get_execution_timestamp()
            self.child.set_condition(SchedulingConditionType.NEVER)

    def stop(self):
        """Write when the child was released and retired."""
        _write(self.params["out"], self.times)


class SequenceRxAny(CodeletAdapter):
    """Takes whatever its receivers hold (any of them may be empty) and records the numbers."""

    def start(self):
        """Look up the receivers."""
        self.params = self.get_params()
        self.rxs = [Receiver.get(self.context(), self.cid(), name)
                    for name in self.params["receivers"]]
        self.seen = []

    def tick(self):
        """Drain every receiver."""
        for rx in self.rxs:
            while True:
                message = rx.receive()
                if not message:
                    break
                self.seen.append(Timestamp.get_from_entity(message)[0])

    def stop(self):
        """Write the numbers in arrival order."""
        _write(self.params["out"], self.seen)
