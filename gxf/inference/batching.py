# SPDX-License-Identifier: Apache-2.0
"""Batcher: maps received tensors to a model's inputs and frames to batches, and splits the
outputs back. A tensor whose rank equals the model input's is fed as it is (a batch); a tensor
one rank lower is a frame, stacked with the others along a leading batch dimension, and gets
its own slice of every output, without the batch dimension. Shared by the inference codelets
(runner.py) and Flow.infer (gxf/flow/infer.py)."""

from gxf.inference.errors import InferenceError
from gxf.inference.model import describe_shape

__all__ = ["Batcher", "Block"]


class Block:
    """The inputs of one message (or Flow frame) as batch-major arrays, one per model input:
    `rows` leading rows, `frame` when the rows were made by adding a batch dimension."""

    __slots__ = ("arrays", "rows", "frame", "tag")

    def __init__(self, arrays, rows, frame, tag=None):
        self.arrays = arrays
        self.rows = rows
        self.frame = frame
        self.tag = tag  # the caller's: what the outputs of this block go with


def _pair_names(kind, tensor_names, binding_names, declared, model_path):
    """[(tensor name, binding name)]: binding_names default to the model's in order."""
    available = [binding.name for binding in declared]
    binding_names = list(binding_names) or available[:len(tensor_names)]
    if len(binding_names) != len(tensor_names):
        raise InferenceError(f"{len(tensor_names)} {kind}_tensor_names {list(tensor_names)} but "
                             f"{len(binding_names)} {kind}_binding_names {binding_names}: "
                             "expected one binding per tensor")
    for name in binding_names:
        if name not in available:
            raise InferenceError(f"{kind}_binding_names: the model '{model_path}' has no "
                                 f"{kind} '{name}'; its {kind}s are {available}")
    if kind == "input" and len(binding_names) != len(available):
        missing = [name for name in available if name not in binding_names]
        raise InferenceError(f"input_tensor_names feed {binding_names}, but the model "
                             f"'{model_path}' also needs the inputs {missing}")
    return list(zip(tensor_names, binding_names))


class Batcher:
    """Name mapping, shape checks, stacking and splitting for one model."""

    def __init__(self, model, input_tensor_names, output_tensor_names, input_binding_names=(),
                 output_binding_names=(), max_batch_size=1, relaxed_dimension_check=True):
        if not input_tensor_names:
            raise InferenceError("input_tensor_names is empty: name the tensor of each model "
                                 f"input ({[binding.name for binding in model.inputs]})")
        if not output_tensor_names:
            raise InferenceError("output_tensor_names is empty: name a tensor for each output "
                                 f"to publish ({[binding.name for binding in model.outputs]})")
        if max_batch_size < 1:
            raise InferenceError(f"max_batch_size must be at least 1, got {max_batch_size}")
        self.model = model
        by_name = {binding.name: binding for binding in model.inputs}
        self.inputs = [(tensor, by_name[binding]) for tensor, binding in
                       _pair_names("input", input_tensor_names, input_binding_names,
                                   model.inputs, model.path)]
        self.outputs = _pair_names("output", output_tensor_names, output_binding_names,
                                   model.outputs, model.path)
        self.relaxed = relaxed_dimension_check
        # Blocks share runs only where every input's shape is declared.
        self._stackable_inputs = all(binding.shape is not None for _, binding in self.inputs)
        # _fit's verdicts by (input index, shape, dtype): a stream repeats one signature.
        self._fits = {}
        self.max_rows = max_batch_size
        leading = [binding.shape[0] for _, binding in self.inputs
                   if binding.shape and isinstance(binding.shape[0], int)]
        if leading:  # a model whose batch extent is fixed takes no more rows than that
            self.max_rows = min(max_batch_size, min(leading))

    def select(self, find, only, names):
        """The arrays of one message in model-input order. find(name): its tensor `name` or
        None; only(): its tensor when it holds exactly one, else None (a single model input
        takes it by position whatever its name); names(): its tensor names, for errors."""
        arrays = []
        for tensor_name, binding in self.inputs:
            tensor = find(tensor_name)
            if tensor is None and len(self.inputs) == 1:
                tensor = only()
            if tensor is None:
                raise InferenceError(f"input tensor '{tensor_name}' (for model input "
                                     f"'{binding.name}') is not in the message; it holds the "
                                     f"tensors {list(names())}")
            arrays.append(tensor)
        return arrays

    def block(self, arrays, tag=None):
        """A Block of one message's input arrays, after checking their ranks, shapes and
        dtypes against the model."""
        shaped = []
        rows = None
        frame = None
        for index, (array, (tensor_name, binding)) in enumerate(zip(arrays, self.inputs)):
            key = (index, tuple(array.shape), array.dtype)
            verdict = self._fits.get(key)
            if verdict is None:  # checked once per signature; errors are never cached
                if len(self._fits) >= 64:  # shapes that keep changing: keep the last ones
                    self._fits.clear()
                verdict = self._fits[key] = self._verdict(array, tensor_name, binding)
            is_frame, fitted = verdict
            if fitted is not None:
                array = array.reshape(fitted)
            count = 1 if is_frame else (array.shape[0] if len(array.shape) else 1)
            if rows is not None and (count != rows or is_frame != frame):
                raise InferenceError(f"input tensor '{tensor_name}' holds {count} "
                                     f"{'frame' if is_frame else 'batch row'}(s), the other "
                                     f"inputs {rows}: every input of a message needs the same "
                                     "batch")
            rows, frame = count, is_frame
            shaped.append(array)
        return Block(shaped, rows, frame, tag)

    def _verdict(self, array, tensor_name, binding):
        """(is_frame, shape to reshape to or None) of an array of this shape and dtype for
        `binding`; else an InferenceError."""
        fitted, is_frame = self._fit(array, tensor_name, binding)
        if binding.shape is None:  # undeclared: fed as it is, never stacked
            is_frame = False
        reshaped = tuple(fitted.shape) if fitted is not array else None
        return is_frame, reshaped

    def _fit(self, array, tensor_name, binding):
        """(array, is_frame) for `binding`: as it is, or a frame; else an InferenceError."""
        dtype = self.model.dtype_of(array)
        if binding.dtype is not None and dtype != binding.dtype:
            raise InferenceError(f"input tensor '{tensor_name}' has dtype {dtype}; model input "
                                 f"'{binding.name}' of '{self.model.path}' expects "
                                 f"{binding.dtype}")
        if binding.shape is None:
            return array, False
        shape = tuple(array.shape)
        declared = binding.shape
        if _matches(shape, declared):
            return array, False
        if _matches(shape, declared[1:]):
            return array, True
        if self.relaxed:
            fitted = _relaxed_fit(shape, declared[1:])
            if fitted is not None:
                return array.reshape(fitted), True
        expected = (f"model input '{binding.name}' of '{self.model.path}' expects")
        if len(shape) not in (len(declared), len(declared) - 1):
            raise InferenceError(
                f"input tensor '{tensor_name}' has rank {len(shape)} (shape "
                f"{describe_shape(shape)}); {expected} rank {len(declared)} (a batch of shape "
                f"{describe_shape(declared)}) or {len(declared) - 1} (one frame of shape "
                f"{describe_shape(declared[1:])})")
        raise InferenceError(
            f"input tensor '{tensor_name}' has shape {describe_shape(shape)}; {expected} a batch "
            f"of shape {describe_shape(declared)} or one frame of shape "
            f"{describe_shape(declared[1:])}")

    def batches(self, blocks):
        """Blocks grouped into runs of at most the batch limit (a block alone may exceed it
        where the model takes it as it is)."""
        group, rows = [], 0
        for block in blocks:
            if group and (rows + block.rows > self.max_rows or not self._stackable(block)):
                yield group
                group, rows = [], 0
            group.append(block)
            rows += block.rows
            if not self._stackable(block):
                yield group
                group, rows = [], 0
        if group:
            yield group

    def _stackable(self, block):
        """Whether `block` may share a run with others (declared shapes only)."""
        return self._stackable_inputs

    def run(self, blocks):
        """Run the model on `blocks` (one batch); [{output tensor name: array}] per block."""
        feeds = {}
        for index, (_, binding) in enumerate(self.inputs):
            parts = [block.arrays[index] for block in blocks]
            if len(blocks) == 1:
                feeds[binding.name] = parts[0][None] if blocks[0].frame else parts[0]
            elif all(block.frame for block in blocks):
                feeds[binding.name] = self.model.stack(parts)
            else:
                feeds[binding.name] = self.model.concatenate(
                    [part[None] if block.frame else part for part, block in zip(parts, blocks)])
        outputs = self.model.run(feeds)
        total = sum(block.rows for block in blocks)
        results = [{} for _ in blocks]
        for tensor_name, binding_name in self.outputs:
            output = outputs[binding_name]
            if len(blocks) == 1 and not blocks[0].frame:
                results[0][tensor_name] = output
                continue
            if not len(output.shape) or output.shape[0] != total:
                raise InferenceError(f"model output '{binding_name}' of '{self.model.path}' has "
                                     f"shape {describe_shape(tuple(output.shape))}, no leading "
                                     f"batch dimension of {total} to split per frame")
            if all(block.frame for block in blocks):  # one call for every frame's view
                for result, view in zip(results, self.model.unstack(output)):
                    result[tensor_name] = view
                continue
            offset = 0
            for result, block in zip(results, blocks):
                result[tensor_name] = (output[offset] if block.frame
                                       else output[offset:offset + block.rows])
                offset += block.rows
        return results


def _matches(shape, declared):
    """Whether `shape` fits `declared` (None extents match anything)."""
    return len(shape) == len(declared) and all(
        want is None or want == have for have, want in zip(shape, declared))


def _relaxed_fit(shape, declared):
    """`shape` reshaped to `declared` by adding or dropping extents of 1, or None."""
    dims = [extent for extent in shape if extent != 1]
    fitted = []
    for want in declared:
        if want == 1 and (not dims or dims[0] != 1):
            fitted.append(1)
        elif dims and (want is None or want == dims[0]):
            fitted.append(dims.pop(0))
        else:
            return None
    return tuple(fitted) if not dims else None
