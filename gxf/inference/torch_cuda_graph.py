# SPDX-License-Identifier: Apache-2.0
"""CudaGraphs: a torch module on the GPU captured as a CUDA graph once per input signature
(shapes and dtypes) and replayed.

An exported program's call costs the host 150-250 us of Python (pytree flattening, the graph
module's interpreter) and one launch per kernel; with small models that, not the GPU, sets the
rate (H200: 169 us a call of a conv + linear model at batch 8, 32 us to replay its graph and
copy the output out). A torch.export program has no Python control flow, so one capture per
shape replays exactly what the module would run. The inputs are copied into the graph's own
input tensors (host batches straight from the page-locked staging buffer), and the outputs
out of the graph's memory, which the next replay overwrites. A capture that fails (an
operation CUDA graphs cannot hold) turns the graphs off for the model, with a warning, and the
module is called as it is from then on."""

import logging

__all__ = ["CudaGraphs"]

_LOG = logging.getLogger("gxf.inference")


class _Captured:
    """One signature's graph, its input tensors and its output tensors (and whether the
    module returned a single tensor)."""

    __slots__ = ("graph", "inputs", "outputs", "single")

    def __init__(self, graph, inputs, outputs, single):
        self.graph = graph
        self.inputs = inputs
        self.outputs = outputs
        self.single = single


class CudaGraphs:
    """Captures and replays `module` per input signature, at most `limit` signatures (others
    are called as they are)."""

    def __init__(self, torch, module, device, path, limit=8):
        self.torch = torch
        self.module = module
        self.device = device
        self.path = path
        self.limit = limit
        self._captured = {}
        self.enabled = True

    def run(self, feeds, on_device, send, copy_out=True):
        """The module's outputs for `feeds` by a replay, or None where there is no graph for
        them (the caller calls the module). on_device(feed): a device tensor of a feed;
        send(feed, destination): copies a feed into a device tensor of its shape. Without
        copy_out the outputs are the graph's own tensors, which the next replay overwrites
        (the caller copies them on the stream first)."""
        key = tuple((tuple(feed.shape), feed.dtype) for feed in feeds)
        captured = self._captured.get(key)
        if captured is None:
            if not self.enabled or len(self._captured) >= self.limit:
                return None
            captured = self._capture(key, [on_device(feed) for feed in feeds])
            if captured is None:
                return None
        else:
            for feed, destination in zip(feeds, captured.inputs):
                send(feed, destination)
        captured.graph.replay()
        outputs = ([output.clone() for output in captured.outputs] if copy_out
                   else list(captured.outputs))
        return outputs[0] if captured.single else outputs

    def close(self):
        """Drop the graphs and their memory."""
        self._captured.clear()

    def _capture(self, key, arguments):
        """Capture the module on `arguments` (device tensors); None if CUDA cannot."""
        torch = self.torch
        try:
            inputs = [argument.clone() for argument in arguments]
            # Warm up on a side stream first, as CUDA graphs need: lazy initialisation and
            # library autotuning must not happen inside the capture.
            current = torch.cuda.current_stream(self.device)
            side = torch.cuda.Stream(self.device)
            side.wait_stream(current)
            with torch.cuda.stream(side):
                for _ in range(2):
                    self.module(*inputs)
            current.wait_stream(side)
            graph = torch.cuda.CUDAGraph()
            # thread_local: only this thread's calls are checked during the capture; the
            # graph's other threads go on using CUDA.
            with torch.cuda.graph(graph, capture_error_mode="thread_local"):
                result = self.module(*inputs)
        except Exception as error:  # noqa: BLE001 - any reason: the module runs as it is
            self.enabled = False
            _LOG.warning("'%s': no CUDA graph for inputs %s (%s); the module is called as it "
                         "is", self.path, [shape for shape, _ in key],
                         str(error).strip().splitlines()[0] if str(error).strip() else
                         type(error).__name__)
            return None
        single = not isinstance(result, (list, tuple))
        outputs = [result] if single else list(result)
        captured = self._captured[key] = _Captured(graph, inputs, outputs, single)
        return captured
