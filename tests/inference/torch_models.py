# SPDX-License-Identifier: Apache-2.0
"""A small torch model (conv + relu + linear) saved by torch.export (.pt2, dynamic batch) and
by TorchScript (.ts), for the TorchInference tests."""


def classifier(seed=0):
    """Conv2d(3, 4, 3, padding 1) -> ReLU -> Flatten -> Linear(256, 10), in eval mode."""
    import torch

    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.ReLU(),
                               torch.nn.Flatten(), torch.nn.Linear(4 * 8 * 8, 10)).eval()


def save_exported(model, path):
    """torch.export with a dynamic batch dimension, saved as .pt2."""
    import torch

    example = torch.zeros(2, 3, 8, 8)
    batch = torch.export.Dim("batch", min=1, max=64)
    program = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
    torch.export.save(program, str(path))
    return str(path)


def save_scripted(model, path):
    """TorchScript (traced), saved as .ts."""
    import warnings

    import torch

    with warnings.catch_warnings():
        # torch 2.11+ deprecates tracing; TorchScript files (what users have) still load.
        warnings.simplefilter("ignore", DeprecationWarning)
        torch.jit.save(torch.jit.trace(model, torch.zeros(2, 3, 8, 8)), str(path))
    return str(path)
