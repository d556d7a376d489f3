# SPDX-License-Identifier: Apache-2.0
"""InferCodelet: the stage of Flow.infer. Each buffer's tensors are its frames (or batches,
where a tensor's rank equals the model input's); they run as one batch and the outputs are
split back per frame. With output_tensor_meta each frame's outputs are attached to its FrameMeta
as a TensorOutput (pyservicemaker's tensor_items) and the buffer passes on unchanged; without,
the buffer's frames are replaced by the model's output."""

from gxf.flow.buffer import Buffer
from gxf.flow.metadata import BatchMeta, FrameMeta, TensorOutput, UserMeta
from gxf.flow.stage import StageCodelet
from gxf.flow.tensor import Tensor
from gxf.std import EndOfStream
from gxf.inference.backends import check_backend, load_model, resolve_backend
from gxf.inference.batching import Batcher
from gxf.inference.errors import InferenceError

__all__ = ["InferCodelet", "infer_options"]

# Flow.infer's keyword arguments beyond the model and backend: the inference components'
# parameters that mean something for a Flow stage.
_OPTIONS = ("input_tensor_names", "input_binding_names", "output_tensor_names",
            "output_binding_names", "max_batch_size", "relaxed_dimension_check", "device_id",
            "engine_file_path", "force_engine_update", "max_workspace_size", "enable_fp16",
            "dla_core", "verbose", "cuda_graph")


def infer_options(model_path, backend, output_tensor_meta, options):
    """The stage options of Flow.infer, checked before the pipeline is built."""
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise TypeError(f"Flow.infer: unknown option(s) {unknown}; expected some of "
                        f"{list(_OPTIONS)}")
    try:
        backend = resolve_backend(backend, model_path)
        check_backend(backend, model_path)
    except InferenceError as error:
        raise ValueError(f"Flow.infer: {error}") from None
    return dict(options, model_path=model_path, backend=backend,
                output_tensor_meta=bool(output_tensor_meta))


class InferCodelet(StageCodelet):
    """Runs stage.options' model on every buffer."""

    def on_start(self):
        try:
            self._load()
        except InferenceError as error:
            raise self.stage.fail(error) from None

    def _load(self):
        """The model and its Batcher, from the stage's options."""
        options = dict(self.stage.options)
        self.output_tensor_meta = options.pop("output_tensor_meta")
        backend = options.pop("backend")
        model_path = options.pop("model_path")
        names = {key: options.pop(key, None) for key in
                 ("input_tensor_names", "input_binding_names", "output_tensor_names",
                  "output_binding_names")}
        max_batch_size = options.pop("max_batch_size", None)
        relaxed = options.pop("relaxed_dimension_check", True)
        self.model = load_model(backend, model_path,
                                max_batch_size=max_batch_size or 1, **options)
        if len(self.model.inputs) != 1:
            raise InferenceError(f"the model '{model_path}' has the inputs "
                                 f"{[binding.name for binding in self.model.inputs]}; a Flow "
                                 "buffer feeds a model of one input")
        outputs = names["output_tensor_names"] or \
            names["output_binding_names"] or [binding.name for binding in self.model.outputs]
        if not self.output_tensor_meta and len(outputs) != 1:
            raise InferenceError(f"the model '{model_path}' has the outputs {outputs}; without "
                                 "output_tensor_meta=True a buffer carries one output per "
                                 "frame: choose it with output_tensor_names=[name]")
        # No limit by default: a buffer (a batch the flow made) runs as one batch.
        self.batcher = Batcher(self.model,
                               names["input_tensor_names"] or [self.model.inputs[0].name],
                               outputs, names["input_binding_names"] or (),
                               names["output_binding_names"] or (),
                               max_batch_size or 1 << 30, relaxed)

    def on_tick(self):
        buffer = self.take(self.in_)
        if buffer is None:
            return
        if type(buffer) is EndOfStream:
            self.send_end(self.out, buffer.stream_id)
            return
        blocks = [self.batcher.block([self.model.as_array(tensor)], tag=index)
                  for index, tensor in enumerate(buffer.tensors)]
        outputs = [None] * len(blocks)
        for group in self.batcher.batches(blocks):
            for block, result in zip(group, self.batcher.run(group)):
                outputs[block.tag] = result
        self.send(self.out, self._attach(buffer, outputs) if self.output_tensor_meta
                  else self._replace(buffer, outputs))

    def on_stop(self):
        model = getattr(self, "model", None)
        if model is not None:
            model.close()

    @staticmethod
    def _attach(buffer, outputs):
        """`buffer`, each frame's FrameMeta given a TensorOutput of its outputs."""
        meta = buffer.batch_meta
        if meta is None:
            meta = BatchMeta([FrameMeta(frame_num=index, batch_id=index)
                              for index in range(len(outputs))])
            buffer.batch_meta = meta
        for frame, layers in zip(meta.frame_items, outputs):
            frame.append(UserMeta(TensorOutput({name: Tensor(array)
                                                for name, array in layers.items()}),
                                  meta_type="tensor_output"))
        return buffer

    @staticmethod
    def _replace(buffer, outputs):
        """A buffer of the model's output, one tensor per frame, with `buffer`'s metadata."""
        result = Buffer([Tensor(array) for layers in outputs for array in layers.values()],
                        color_format=None, pts=buffer.pts)
        result.batch_meta = buffer.batch_meta
        return result
