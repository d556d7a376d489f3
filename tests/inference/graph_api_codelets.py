# SPDX-License-Identifier: Apache-2.0
"""Python codelets of the inference tests that build their graphs with the Python graph API:
a source publishing FRAMES[i] as tensor 'images' on tick i (no copy), and a collector keeping
what `keep` makes of every message's tensor 'logits' in RESULTS."""

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
