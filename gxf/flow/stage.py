# SPDX-License-Identifier: Apache-2.0
"""Stage: the Python side of one Flow stage (its user objects and probes), and StageCodelet,
the base of the codelets that run stages. A codelet finds its Stage by the key in its
`stage` parameter; a graph saved to YAML carries the Stage pickled, for gxe.py."""

import base64
import pickle

from gxf.core import MessageEntity
from gxf.flow._flow import publish_buffer, receive_item
from gxf.flow.errors import FlowError
from gxf.python_codelet import CodeletAdapter
from gxf.std import EndOfStream

__all__ = ["Stage", "StageCodelet"]

# Stages of the pipelines built in this process, by key; the codelets look them up at start.
_STAGES = {}


class Stage:
    """Name, kind and user objects of one stage; `probes` run on every buffer it sends. A sink
    (no output) sets `ended` when the EndOfStream of its stream reaches it."""

    def __init__(self, key, name, kind, target=None, sink=False, **options):
        self.key = key
        self.name = name
        self.kind = kind
        self.target = target
        self.options = options
        self.probes = []
        self.input_probes = []  # probes of a native upstream stage (Broadcast), run here
        self.sink = sink
        self.ended = False
        _STAGES[key] = self

    def pickled(self):
        """This stage as base64 pickle text, or None when its objects cannot be pickled."""
        try:
            return base64.b64encode(pickle.dumps(self)).decode("ascii")
        except (pickle.PicklingError, TypeError, AttributeError):
            return None

    def fail(self, reason):
        """The FlowError naming this stage, for `reason` (an exception or a text)."""
        if isinstance(reason, BaseException):
            reason = f"{type(reason).__name__}: {reason}"
        return FlowError(self.name, self.kind, reason)

    def forget(self):
        """Drop this stage from the process registry."""
        _STAGES.pop(self.key, None)


def _find_stage(params):
    """The Stage named by codelet params: the live one, else the pickled copy."""
    stage = _STAGES.get(params.get("stage"))
    if stage is not None:
        return stage
    text = params.get("pickled")
    if not text:
        raise RuntimeError(f"Flow stage '{params.get('stage')}' is not defined in this process "
                           "and was saved without a picklable copy")
    return pickle.loads(base64.b64decode(text))


class StageCodelet(CodeletAdapter):
    """Base of the stage codelets: finds the Stage, sends buffers through its probes, and
    turns any exception of user code into a FlowError naming the stage."""

    def start(self):
        self.stage = _find_stage(self.get_params())
        self._context = self.context()
        self._probes = self.stage.probes
        self._input_probes = self.stage.input_probes
        self.on_start()

    def tick(self):
        try:
            self.on_tick()
        except FlowError:
            raise
        except Exception as error:  # noqa: BLE001 - user code: reported with the stage's name
            raise self.stage.fail(error) from error

    def stop(self):
        try:
            self.on_stop()
        except FlowError:
            raise
        except Exception as error:  # noqa: BLE001
            raise self.stage.fail(error) from error

    def on_start(self):
        """Set up the stage (user objects are in self.stage)."""

    def on_tick(self):
        """One scheduler tick."""

    def on_stop(self):
        """Tear down the stage."""

    def send(self, transmitter, buffer):
        """Publish a Buffer, after the stage's probes (which may drop it)."""
        if self._probes:
            for probe in self._probes:
                buffer = probe(buffer)
                if buffer is None:
                    return
        publish_buffer(transmitter, self._context, buffer, buffer.batch_meta)

    def send_end(self, transmitter, stream_id=-1):
        """Publish the end of stream `stream_id` (a message carrying an EndOfStream)."""
        message = MessageEntity(self._context)
        EndOfStream.add_to_entity(message, stream_id)
        transmitter.publish(message)

    def take(self, receiver):
        """The Buffer, or EndOfStream, of the next message of `receiver`, after the probes
        attached to a native stage's output (None when one dropped it)."""
        item = receive_item(receiver)
        if self._input_probes and type(item) is not EndOfStream:
            for probe in self._input_probes:
                item = probe(item)
                if item is None:
                    return None
        return item
