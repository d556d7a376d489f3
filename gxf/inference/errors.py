# SPDX-License-Identifier: Apache-2.0
"""InferenceError: a mistake in the graph or the model (missing file or runtime, wrong names,
shapes, ranks or dtypes), reported with the component's location and without a traceback."""

__all__ = ["InferenceError"]


class InferenceError(Exception):
    """What the user must fix; the inference codelets report it as the component's failure."""
