# SPDX-License-Identifier: Apache-2.0
"""Device tensors over UCX between two gxe.py processes on 127.0.0.1: sent as device memory
when UCX's CUDA transport is there (ucp_context_query reports the CUDA memory type), staged
through host memory when it is not (forced here with GXF_UCX_DEVICE_STAGING=1, or with
cpu_data_only), and messages of host and device tensors together. Skipped without a GPU."""

import os

import pytest

from test_ucx_pairs import finish, free_port, report, start, wait_for

pytestmark = pytest.mark.gpu


def gpu_skip_reason():
    """Why these tests cannot run here, or None."""
    try:
        import cupy
        if cupy.cuda.runtime.getDeviceCount() < 1:
            return "no CUDA device"
    except Exception as error:  # ImportError, or CUDARuntimeError without a driver
        return f"no GPU with CuPy here ({type(error).__name__})"
    return None


if gpu_skip_reason():
    pytest.skip(gpu_skip_reason(), allow_module_level=True)

COUNT = 20
ELEMENTS = 262144  # 1 MiB of float32: rendezvous, not eager


def run_pair(device, cpu_data_only=False, staging=False):
    """Device tensors from TensorSource to TensorSink; (tx output, rx output)."""
    port = free_port()
    context = [f"ucx/ucx_context/cpu_data_only={str(cpu_data_only).lower()}"]
    env_before = os.environ.get("GXF_UCX_DEVICE_STAGING")
    os.environ["GXF_UCX_DEVICE_STAGING"] = "1" if staging else "0"
    try:
        receiver = start("tensor_rx.yaml", context + [
            f"rx/signal/port={port}", f"rx/count/count={COUNT}",
            f"rx/sink/codelet_params={{receiver: signal, elements: {ELEMENTS}, "
            f"expected_count: {COUNT}}}"])
        listening = "".join(wait_for(receiver, "listening on"))
        transmitter = start("tensor_tx.yaml", context + [
            f"tx/signal/port={port}", f"tx/count/count={COUNT}",
            f"tx/source/codelet_params={{transmitter: signal, allocator: allocator, "
            f"elements: {ELEMENTS}, device: {device}}}"])
    finally:
        if env_before is None:
            os.environ.pop("GXF_UCX_DEVICE_STAGING")
        else:
            os.environ["GXF_UCX_DEVICE_STAGING"] = env_before
    tx_code, tx_output = finish(transmitter)
    rx_code, rx_output = finish(receiver)
    assert tx_code == 0, tx_output
    assert rx_code == 0, listening + rx_output
    assert report(rx_output)["received"] == list(range(COUNT))  # values checked by the sink
    return tx_output, listening + rx_output


def test_device_tensors_go_directly_with_ucx_cuda_transport():
    tx_output, rx_output = run_pair("all")
    # libucx-cu12 on a machine with a GPU has the CUDA transports: no host copies.
    assert "device tensors sent directly (UCX CUDA transport)" in tx_output
    assert "device tensors sent directly (UCX CUDA transport)" in rx_output


def test_device_tensors_staged_through_host():
    tx_output, rx_output = run_pair("all", staging=True)
    assert "device tensors staged through host memory" in tx_output
    assert "device tensors staged through host memory" in rx_output


def test_device_tensors_with_cpu_data_only_are_staged():
    tx_output, _ = run_pair("all", cpu_data_only=True)
    assert "device tensors staged through host memory" in tx_output


def test_host_and_device_tensors_in_one_message():
    run_pair("mixed")
