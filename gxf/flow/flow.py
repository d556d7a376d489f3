# SPDX-License-Identifier: Apache-2.0
"""Flow: pyservicemaker's chainable pipeline builder. Each method takes the output streams of
the last flow as its inputs, adds ordinary entities and components to the pipeline's graph,
and returns a new Flow holding its output streams."""

from gxf.flow.batch import BatchCodelet
from gxf.flow.buffer_provider import BufferProvider
from gxf.flow.buffer_retriever import BufferRetriever
from gxf.flow.capture import CaptureCodelet
from gxf.flow.inject import InjectCodelet
from gxf.flow.mapper import MapCodelet
from gxf.flow.merge import MergeCodelet
from gxf.flow.probe import Probe
from gxf.flow.render import RENDER_KINDS, RenderCodelet
from gxf.flow.retrieve import RetrieveCodelet

__all__ = ["Flow"]

# The batch stage also ticks this often: the parallel schedulers look at an entity waiting for
# a time only at that time, even when its queues changed before.
_BATCH_POLL_MS = 5


class _Stream:
    """One output stream: its transmitter, the Python stage that sends on it (None for a
    native stage) and, for a native stage, the probes its consumer runs."""

    __slots__ = ("transmitter", "stage", "probes", "consumed")

    def __init__(self, transmitter, stage):
        self.transmitter = transmitter
        self.stage = stage
        self.probes = []
        self.consumed = False


class Flow:
    """A step of a pipeline; calling it runs the pipeline to the end (start + wait)."""

    def __init__(self, pipeline, streams=None):
        self._pipeline = pipeline
        self._streams = list(streams or [])

    @property
    def pipeline(self):
        """The Pipeline this flow builds."""
        return self._pipeline

    @property
    def stream_count(self):
        """Number of output streams."""
        return len(self._streams)

    def __call__(self):
        """Run the pipeline to the end; returns it."""
        return self._pipeline.start().wait()

    def _require_streams(self, method):
        if not self._streams:
            raise ValueError(f"Flow.{method}: this flow has no output streams; start with "
                             "inject() or capture()")

    def _connect(self, stream, stage, receiver):
        """Feed `stream` into `receiver` of `stage` (each stream feeds one stage; fork() first)."""
        from gxf.std import connect

        if stream.consumed:
            raise ValueError(f"Flow stage '{stage.name}': its input stream already feeds another "
                             "stage; use fork() to feed several")
        stream.consumed = True
        stage.input_probes.extend(stream.probes)
        connect(stream.transmitter, receiver)

    def _through(self, kind, codelet, target=None, name=None, **options):
        """One stage of `codelet` per stream, receiving it on `in_`; the new output streams."""
        self._require_streams(kind)
        outputs = []
        for index, stream in enumerate(self._streams):
            stage, entity = self._pipeline.add_stage(kind, codelet, name=name, target=target,
                                                     rxs=("in_",), source_index=index, **options)
            self._connect(stream, stage, entity.in_)
            if "out" in entity.named_components:
                outputs.append(_Stream(entity.out, stage))
        return outputs

    def _sources(self, kind, codelet, items, expected, **options):
        """A source stage of `codelet` per item (its target, or its `uri` for capture)."""
        streams = []
        for source_id, item in enumerate(items):
            if not isinstance(item, expected):
                raise TypeError(f"Flow.{kind}: expected {expected.__name__} items, got "
                                f"{type(item).__name__}")
            target = {"uri": item} if expected is str else {"target": item}
            stage, entity = self._pipeline.add_stage(kind, codelet, source=True,
                                                     source_id=source_id, **target, **options)
            streams.append(_Stream(entity.out, stage))
        return Flow(self._pipeline, self._streams + streams)

    def _gather(self, kind, codelet, **options):
        """One stage of `codelet` receiving every current stream (`in_<i>`); its output."""
        names = tuple(f"in_{i}" for i in range(len(self._streams)))
        stage, entity = self._pipeline.add_stage(kind, codelet, rxs=names, **options)
        for stream, name in zip(self._streams, names):
            self._connect(stream, stage, getattr(entity, name))
        return Flow(self._pipeline, [_Stream(entity.out, stage)])

    def inject(self, providers):
        """A source stream per BufferProvider in `providers`."""
        if isinstance(providers, BufferProvider):
            providers = [providers]
        return self._sources("inject", InjectCodelet, providers, BufferProvider)

    def retrieve(self, retriever):
        """Hand every buffer of every stream to `retriever` (a BufferRetriever)."""
        if not isinstance(retriever, BufferRetriever):
            raise TypeError(f"Flow.retrieve: expected a BufferRetriever, got "
                            f"{type(retriever).__name__}")
        self._through("retrieve", RetrieveCodelet, target=retriever, txs=())
        return Flow(self._pipeline)

    def map(self, fn, name=None):
        """Run `fn(buffer) -> Buffer | None` on every buffer (None drops it)."""
        if not callable(fn):
            raise TypeError(f"Flow.map: expected a callable, got {type(fn).__name__}")
        return Flow(self._pipeline, self._through("map", MapCodelet, target=fn,
                                                  name=name or getattr(fn, "__name__", None)))

    def infer(self, model_path, backend="auto", output_tensor_meta=False, name=None, **options):
        """Run the model in `model_path` (backend "auto" | "onnxruntime" | "tensorrt" | "torch")
        on every buffer, its frames as one batch; options are the inference components'
        parameters (input_tensor_names, output_tensor_names, max_batch_size, ...). With
        output_tensor_meta each frame's outputs go to its FrameMeta.tensor_items and the buffer
        passes on unchanged; without, the buffer's frames become the model's output."""
        from gxf.flow.infer import InferCodelet, infer_options

        return Flow(self._pipeline, self._through(
            "infer", InferCodelet, name=name,
            **infer_options(model_path, backend, output_tensor_meta, options)))

    def attach(self, probe):
        """Run `probe` (a Probe) on every buffer the current streams carry; no extra stage."""
        if not isinstance(probe, Probe):
            raise TypeError(f"Flow.attach: expected a Probe, got {type(probe).__name__}")
        self._require_streams("attach")
        for stream in self._streams:
            (stream.stage.probes if stream.stage is not None else stream.probes).append(probe)
        return Flow(self._pipeline, self._streams)

    def native(self, type_name, name=None, extension=None, **params):
        """Run a C++ codelet `type_name` on every stream: it receives on its parameter `in_`
        and publishes on `out` (both set here) and may read and write the BatchMeta its
        messages carry; `extension` is the library registering it, `params` its other
        parameters."""
        from gxf.core import Component
        from gxf.std import (DoubleBufferReceiver, DoubleBufferTransmitter,
                             DownstreamReceptiveSchedulingTerm, MessageAvailableSchedulingTerm,
                             connect)

        self._require_streams("native")
        if extension is not None:
            self._pipeline.use_extension(extension)
        outputs = []
        for stream in self._streams:
            if stream.consumed:
                raise ValueError(f"Flow.native: a stream already feeds another stage; use fork()")
            if stream.probes:
                raise ValueError("Flow.native: a probe attached after fork() or another native "
                                 "stage would run after this stage; attach it after this one")
            stream.consumed = True
            entity = self._pipeline.add_entity(name or type_name.rsplit("::", 1)[-1])
            receiver = entity.add(DoubleBufferReceiver("in_", capacity=2))
            transmitter = entity.add(DoubleBufferTransmitter("out", capacity=2))
            entity.add(MessageAvailableSchedulingTerm("mast", receiver=receiver, min_size=1))
            entity.add(DownstreamReceptiveSchedulingTerm("drst", transmitter=transmitter,
                                                         min_size=1))
            entity.add(Component(type_name, "codelet", in_=receiver, out=transmitter, **params))
            connect(stream.transmitter, receiver)
            outputs.append(_Stream(transmitter, None))
        return Flow(self._pipeline, outputs)

    def fork(self, k=2):
        """k flows, each carrying every buffer of every current stream (a Broadcast each)."""
        from gxf.std import (Broadcast, DoubleBufferReceiver, DoubleBufferTransmitter,
                             DownstreamReceptiveSchedulingTerm, MessageAvailableSchedulingTerm,
                             connect)

        if not isinstance(k, int) or k < 1:
            raise ValueError(f"Flow.fork: k must be an int >= 1, got {k!r}")
        self._require_streams("fork")
        branches = [[] for _ in range(k)]
        for stream in self._streams:
            if stream.consumed:
                raise ValueError("Flow.fork: a stream already feeds another stage")
            stream.consumed = True
            entity = self._pipeline.add_entity("fork")
            receiver = entity.add(DoubleBufferReceiver("in_", capacity=2))
            entity.add(MessageAvailableSchedulingTerm("mast", receiver=receiver, min_size=1))
            for i in range(k):
                out = entity.add(DoubleBufferTransmitter(f"out_{i}", capacity=2))
                entity.add(DownstreamReceptiveSchedulingTerm(f"drst_{i}", transmitter=out,
                                                             min_size=1))
                branch = _Stream(out, None)
                branch.probes.extend(stream.probes)
                branches[i].append(branch)
            entity.add(Broadcast("broadcast", source=receiver, mode="Broadcast"))
            connect(stream.transmitter, receiver)
        return [Flow(self._pipeline, streams) for streams in branches]

    def merge(self, flows):
        """One stream carrying every buffer of this flow's and `flows`' streams; it ends when
        all of them have ended."""
        if isinstance(flows, Flow):
            flows = [flows]
        streams = self._streams + [s for flow in flows for s in flow._streams]
        if not streams:
            raise ValueError("Flow.merge: no streams to merge")
        if len(streams) == 1:
            return Flow(self._pipeline, streams)
        return Flow(self._pipeline, streams)._gather("merge", MergeCodelet)

    def batch(self, n=None, timeout_ms=40):
        """One stream of batched buffers: with several streams, a buffer from each per batch
        (n defaults to their number); with one stream, n consecutive buffers. A partial batch
        goes out timeout_ms after its first buffer, and at the end of the streams."""
        self._require_streams("batch")
        n = len(self._streams) if n is None else n
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise ValueError(f"Flow.batch: n must be an int >= 1, got {n!r}")
        if len(self._streams) > 1 and n != len(self._streams):
            raise ValueError(f"Flow.batch: {len(self._streams)} streams make batches of "
                             f"{len(self._streams)} (one buffer each), not {n}")
        if not isinstance(timeout_ms, (int, float)) or timeout_ms <= 0:
            raise ValueError(f"Flow.batch: timeout_ms must be > 0, got {timeout_ms!r}")
        return self._gather("batch", BatchCodelet, poll_ms=min(timeout_ms, _BATCH_POLL_MS),
                            sends_per_tick=2, size=n, timeout_ms=timeout_ms)

    def capture(self, uris):
        """A source stream per image or video file in `uris` (decoded by PyAV to RGB HWC)."""
        if isinstance(uris, str):
            uris = [uris]
        return self._sources("capture", CaptureCodelet, uris, str)

    def batch_capture(self, uris, timeout_ms=40):
        """capture(uris), then batch() one frame of each file per batch."""
        return self.capture(uris).batch(timeout_ms=timeout_ms)

    def render(self, kind="null", path=None, name=None):
        """A headless sink: kind "null" drops frames, "file" writes their raw bytes to `path`
        (one file per stream: `path`, then `path`.1, ...)."""
        if kind not in RENDER_KINDS:
            raise ValueError(f"Flow.render: unknown kind {kind!r}; expected one of "
                             f"{', '.join(RENDER_KINDS)}")
        if kind == "file" and not path:
            raise ValueError("Flow.render: kind 'file' needs a path")
        self._require_streams("render")
        for index, stream in enumerate(self._streams):
            Flow(self._pipeline, [stream])._through(
                "render", RenderCodelet, name=name, txs=(), mode=kind,
                path=path if index == 0 or path is None else f"{path}.{index}")
        return Flow(self._pipeline)
