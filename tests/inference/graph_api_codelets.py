# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the inference tests that build their graphs with the Python graph API:
a source publishing FRAMES[i] as tensor 'images' on tick i (no copy), and a collector keeping
what `keep` makes of every message's tensor 'logits' in RESULTS; run_onnx_graph wires them to
an OnnxRuntimeInference."""

from gxf.core import MessageEntity
from gxf.python_codelet import CodeletAdapter
from gxf.std import Tensor

FRAMES = []
RESULTS = []


class FrameSource(CodeletAdapter):
    """Publishes FRAMES[i] (NumPy, or torch CUDA tensors: device tensors) as 'images'."""

    def __init__(self):
        super().__init__()
        self.txs = ["out"]

    def start(self):
        self.sent = 0

    def tick(self):
        message = MessageEntity(self.context())
        Tensor.add_to_entity(message, Tensor.as_tensor(FRAMES[self.sent]), "images")
        self.out.publish(message)
        self.sent += 1


class Collector(CodeletAdapter):
    """Appends keep(tensor 'logits') of every message to RESULTS; a test subclasses it with
    its own `keep` (the graph makes the codelet from its class, without arguments)."""

    def __init__(self):
        super().__init__()
        self.rxs = ["in_"]

    @staticmethod
    def keep(tensor):
        """What RESULTS keeps of a received tensor (override)."""
        raise NotImplementedError

    def tick(self):
        RESULTS.append(self.keep(Tensor.get_from_entity(self.in_.receive(), "logits")))


def run_onnx_graph(model, frames, collector, max_batch_size, capacity=4, min_messages=1):
    """source (`frames`) -> OnnxRuntimeInference -> `collector` (a Collector subclass), built
    with the graph API and run in this process, the inference ticking once `min_messages`
    are queued; what the collector kept, in order."""
    import gxf.std as std
    from gxf.core import Graph
    from gxf.inference import OnnxRuntimeInference
    from gxf.python_codelet import PyComputeEntity
    from gxf.std import ComputeEntity, GreedyScheduler, RealtimeClock

    FRAMES[:] = list(frames)
    RESULTS.clear()
    g = Graph()
    clock = std.set_clock(g, RealtimeClock(name="clock"))
    std.set_scheduler(g, GreedyScheduler(max_duration_ms=30000, clock=clock,
                                         stop_on_deadlock=True))
    source = g.add(PyComputeEntity("source", count=len(FRAMES)))
    source.add_codelet("codelet", FrameSource(), tx_capacity=capacity)
    inference = g.add(ComputeEntity("infer", count=-1)).add_codelet(
        OnnxRuntimeInference(name="inference", model_file_path=model,
                             input_tensor_names=["images"], output_tensor_names=["logits"],
                             max_batch_size=max_batch_size), rx_capacity=capacity,
        tx_capacity=capacity, min_message_available=min_messages)
    sink = g.add(PyComputeEntity("sink", count=-1))
    sink.add_codelet("codelet", collector(), rx_capacity=capacity)
    std.connect(source.out, inference.rx[0])
    std.connect(inference.tx, sink.in_)
    g.load_extensions()
    g.run()
    g.destroy()
    return list(RESULTS)
