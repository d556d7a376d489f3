# SPDX-License-Identifier: Apache-2.0
"""FlowError: a Flow stage failed; the message names the stage, `.__cause__` is the reason."""

__all__ = ["FlowError"]


class FlowError(RuntimeError):
    """A provider, retriever, map function, probe or decoder of a Flow stage failed."""

    def __init__(self, stage, kind, reason):
        super().__init__(f"Flow stage '{stage}' ({kind}): {reason}")
        self.stage = stage
        self.kind = kind
