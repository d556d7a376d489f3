#!/usr/bin/env python3
"""Latency of small host<->device copies, alone and with other processes on the same GPU.

    python tools/bench/cuda_copies.py --bytes 1024 --n 20000 --procs 1 8

What GXF's tensor stress graphs do per message (a 1 KB tensor: TensorGenerator's upload,
TensorCopier's copy, TensorComparator's reads), measured on the CUDA driver directly (ctypes,
no engine): each pattern's microseconds per operation, in each process, when `procs`
processes run it at once on one GPU (contexts of different processes time-share the GPU).
Patterns:
  d2h_pinned / d2h_pageable   cuMemcpyDtoH into page-locked / ordinary host memory
  h2d_pageable / h2d_pinned   cuMemcpyHtoD from ordinary / page-locked host memory
  d2h_async_sync              cuMemcpyDtoHAsync (page-locked) + cuStreamSynchronize
  2x_d2h_sync                 two synchronous D2H copies (TensorComparator on device tensors)
  2x_d2h_async_1sync          the same two copies stream-ordered, one synchronize
  h2d_async_pageable / h2d_async_pinned   cuMemcpyHtoDAsync on a non-blocking stream, no wait
  h2d_sync+d2h_sync           an upload then a download, both synchronous (a stress-graph step)
  h2d_async+d2h_sync          the upload on a non-blocking stream, then a synchronous
                              download on the legacy stream (which does not wait for it)
  h2d_legacy_async+fence      cuMemcpyHtoDAsync on the legacy stream, then a synchronous
                              4-byte download of the destination (waits for the upload)
  h2d_legacy_async_pageable+fence   the same from ordinary host memory
  h2d_async+query_spin        the upload, then cuStreamQuery until done
  h2d_async+event_sync        the upload, then an event recorded and cuEventSynchronize
  h2d_pinned_4k / _16k / _64k / _1m   synchronous uploads of those sizes
  h2d_batch_prefer_ce+sync    cuMemcpyBatchAsync with CU_MEMCPY_FLAG_PREFER_OVERLAP_WITH_COMPUTE
                              (a copy engine rather than the SMs), then cuStreamSynchronize
  h2d_64k_staged+d2d+fence    a 64 KB upload to a device staging buffer, a device-to-device
                              copy of `bytes` from it, a synchronous 4-byte download
  d2d+fence                   the device-to-device copy and the download alone
  d2d_from_mapped+fence       the device copies from the page-locked buffer's device address
                              (cuMemcpyDtoD), then a synchronous 4-byte download
  h2d_async+d2h_async_1sync   both stream-ordered, one synchronize
  h2d_pinned_32k              a synchronous 32 KB upload (where the fast path starts)
  h2d_2d_pinned / h2d_2d_pinned_rows / h2d_2d_pinned_2rows   cuMemcpy2D of `bytes` as one
                              row / as rows of 64 bytes / as two rows (a pitched copy the
                              driver may give a copy engine)
  h2d_2d_pageable_2rows       the same from ordinary host memory
  h2d_2d_pinned_2rows+fence / d2d_2d_2rows+fence   two rows from page-locked memory / from
                              device memory, then a synchronous 4-byte download
"""

from __future__ import annotations

import argparse
import ctypes
import multiprocessing as mp
import time


def _driver():
    """libcuda through ctypes, initialised, with a current primary context on device 0."""
    cuda = ctypes.CDLL("libcuda.so.1")

    def check(code, what):
        if code != 0:
            raise RuntimeError("%s failed: CUDA error %d" % (what, code))

    check(cuda.cuInit(0), "cuInit")
    device = ctypes.c_int()
    check(cuda.cuDeviceGet(ctypes.byref(device), 0), "cuDeviceGet")
    context = ctypes.c_void_p()
    check(cuda.cuDevicePrimaryCtxRetain(ctypes.byref(context), device), "cuDevicePrimaryCtxRetain")
    check(cuda.cuCtxSetCurrent(context), "cuCtxSetCurrent")
    return cuda, check


def _patterns(cuda, check, size):
    """Name -> callable doing one operation of that pattern."""
    device = ctypes.c_uint64()
    check(cuda.cuMemAlloc_v2(ctypes.byref(device), ctypes.c_size_t(size)), "cuMemAlloc")
    device2 = ctypes.c_uint64()
    check(cuda.cuMemAlloc_v2(ctypes.byref(device2), ctypes.c_size_t(size)), "cuMemAlloc")
    pinned = ctypes.c_void_p()
    check(cuda.cuMemHostAlloc(ctypes.byref(pinned), ctypes.c_size_t(2 * size), 0), "cuMemHostAlloc")
    pinned2 = ctypes.c_void_p(pinned.value + size)
    pageable = ctypes.create_string_buffer(size)
    stream = ctypes.c_void_p()  # a non-blocking stream (flag 1): not ordered with stream 0
    check(cuda.cuStreamCreate(ctypes.byref(stream), 1), "cuStreamCreate")
    event = ctypes.c_void_p()
    check(cuda.cuEventCreate(ctypes.byref(event), 2), "cuEventCreate")  # disable timing
    legacy = ctypes.c_void_p(0)
    word = ctypes.c_size_t(4)
    n = ctypes.c_size_t(size)

    mapped = ctypes.c_uint64()  # the page-locked buffer as the device addresses it
    check(cuda.cuMemHostGetDevicePointer_v2(ctypes.byref(mapped), pinned, 0),
          "cuMemHostGetDevicePointer")
    big = 1 << 20
    big_device = ctypes.c_uint64()
    check(cuda.cuMemAlloc_v2(ctypes.byref(big_device), ctypes.c_size_t(big)), "cuMemAlloc")
    big_pinned = ctypes.c_void_p()
    check(cuda.cuMemHostAlloc(ctypes.byref(big_pinned), ctypes.c_size_t(big), 0), "cuMemHostAlloc")

    class MemLocation(ctypes.Structure):
        _fields_ = [("type", ctypes.c_int), ("id", ctypes.c_int)]

    class MemcpyAttributes(ctypes.Structure):
        _fields_ = [("srcAccessOrder", ctypes.c_int), ("srcLocHint", MemLocation),
                    ("dstLocHint", MemLocation), ("flags", ctypes.c_uint)]

    # cuMemcpyBatchAsync (CUDA 13: no failIdx) with CU_MEMCPY_FLAG_PREFER_OVERLAP_WITH_COMPUTE.
    batch = getattr(cuda, "cuMemcpyBatchAsync_v2", None)
    attributes = MemcpyAttributes(1, MemLocation(0, 0), MemLocation(0, 0), 1)
    dsts = (ctypes.c_uint64 * 1)(device.value)
    srcs = (ctypes.c_uint64 * 1)(pinned.value)
    sizes = (ctypes.c_size_t * 1)(size)
    index = (ctypes.c_size_t * 1)(0)

    class Memcpy2D(ctypes.Structure):
        _fields_ = [("srcXInBytes", ctypes.c_size_t), ("srcY", ctypes.c_size_t),
                    ("srcMemoryType", ctypes.c_int), ("srcHost", ctypes.c_void_p),
                    ("srcDevice", ctypes.c_uint64), ("srcArray", ctypes.c_void_p),
                    ("srcPitch", ctypes.c_size_t),
                    ("dstXInBytes", ctypes.c_size_t), ("dstY", ctypes.c_size_t),
                    ("dstMemoryType", ctypes.c_int), ("dstHost", ctypes.c_void_p),
                    ("dstDevice", ctypes.c_uint64), ("dstArray", ctypes.c_void_p),
                    ("dstPitch", ctypes.c_size_t),
                    ("WidthInBytes", ctypes.c_size_t), ("Height", ctypes.c_size_t)]

    def copy_2d(width, height, source="pinned", fence=False):
        """A cuMemcpy2D of `height` rows of `width` bytes into `device` from page-locked or
        ordinary host memory or from `device2` (memory types: host 1, device 2); `fence`: then
        a synchronous 4-byte download of the destination."""
        description = Memcpy2D(srcPitch=width, dstMemoryType=2, dstDevice=device.value,
                               dstPitch=width, WidthInBytes=width, Height=height)
        if source == "device":
            description.srcMemoryType, description.srcDevice = 2, device2.value
        else:
            description.srcMemoryType = 1
            description.srcHost = (pinned.value if source == "pinned"
                                   else ctypes.addressof(pageable))

        def run():
            code = cuda.cuMemcpy2D_v2(ctypes.byref(description))
            if code != 0:
                raise RuntimeError("cuMemcpy2D_v2: CUDA error %d" % code)
            if fence:
                cuda.cuMemcpyDtoH_v2(pinned2, device, word)
        return run

    def batch_upload():
        code = batch(dsts, srcs, sizes, ctypes.c_size_t(1), ctypes.byref(attributes), index,
                     ctypes.c_size_t(1), stream)
        if code != 0:
            raise RuntimeError("cuMemcpyBatchAsync_v2: CUDA error %d" % code)
        cuda.cuStreamSynchronize(stream)

    def query_spin():
        while cuda.cuStreamQuery(stream) != 0:
            pass
    return {
        "d2h_pinned": lambda: cuda.cuMemcpyDtoH_v2(pinned, device, n),
        "d2h_pageable": lambda: cuda.cuMemcpyDtoH_v2(pageable, device, n),
        "h2d_pageable": lambda: cuda.cuMemcpyHtoD_v2(device, pageable, n),
        "h2d_pinned": lambda: cuda.cuMemcpyHtoD_v2(device, pinned, n),
        "d2h_async_sync": lambda: (cuda.cuMemcpyDtoHAsync_v2(pinned, device, n, stream),
                                   cuda.cuStreamSynchronize(stream)),
        "2x_d2h_sync": lambda: (cuda.cuMemcpyDtoH_v2(pinned, device, n),
                                cuda.cuMemcpyDtoH_v2(pinned2, device2, n)),
        "2x_d2h_async_1sync": lambda: (cuda.cuMemcpyDtoHAsync_v2(pinned, device, n, stream),
                                       cuda.cuMemcpyDtoHAsync_v2(pinned2, device2, n, stream),
                                       cuda.cuStreamSynchronize(stream)),
        "h2d_async_pageable": lambda: cuda.cuMemcpyHtoDAsync_v2(device, pageable, n, stream),
        "h2d_async_pinned": lambda: cuda.cuMemcpyHtoDAsync_v2(device, pinned, n, stream),
        "h2d_sync+d2h_sync": lambda: (cuda.cuMemcpyHtoD_v2(device, pageable, n),
                                      cuda.cuMemcpyDtoH_v2(pinned2, device, n)),
        "h2d_async+d2h_sync": lambda: (cuda.cuMemcpyHtoDAsync_v2(device, pinned, n, stream),
                                       cuda.cuMemcpyDtoH_v2(pinned2, device, n)),
        "h2d_legacy_async+fence": lambda: (cuda.cuMemcpyHtoDAsync_v2(device, pinned, n, legacy),
                                           cuda.cuMemcpyDtoH_v2(pinned2, device, word)),
        "h2d_legacy_async_pageable+fence": lambda: (
            cuda.cuMemcpyHtoDAsync_v2(device, pageable, n, legacy),
            cuda.cuMemcpyDtoH_v2(pinned2, device, word)),
        "h2d_async+query_spin": lambda: (cuda.cuMemcpyHtoDAsync_v2(device, pinned, n, stream),
                                         query_spin()),
        "h2d_async+event_sync": lambda: (cuda.cuMemcpyHtoDAsync_v2(device, pinned, n, stream),
                                         cuda.cuEventRecord(event, stream),
                                         cuda.cuEventSynchronize(event)),
        "h2d_pinned_4k": lambda: cuda.cuMemcpyHtoD_v2(big_device, big_pinned,
                                                      ctypes.c_size_t(4 << 10)),
        "h2d_pinned_16k": lambda: cuda.cuMemcpyHtoD_v2(big_device, big_pinned,
                                                       ctypes.c_size_t(16 << 10)),
        "h2d_batch_prefer_ce+sync": batch_upload,
        "h2d_64k_staged+d2d+fence": lambda: (
            cuda.cuMemcpyHtoD_v2(big_device, big_pinned, ctypes.c_size_t(64 << 10)),
            cuda.cuMemcpyDtoD_v2(device, big_device, n),
            cuda.cuMemcpyDtoH_v2(pinned2, device, word)),
        "d2d+fence": lambda: (cuda.cuMemcpyDtoD_v2(device, big_device, n),
                              cuda.cuMemcpyDtoH_v2(pinned2, device, word)),
        "h2d_pinned_64k": lambda: cuda.cuMemcpyHtoD_v2(big_device, big_pinned,
                                                       ctypes.c_size_t(64 << 10)),
        "h2d_pinned_1m": lambda: cuda.cuMemcpyHtoD_v2(big_device, big_pinned, ctypes.c_size_t(big)),
        "d2d_from_mapped+fence": lambda: (cuda.cuMemcpyDtoD_v2(device, mapped, n),
                                          cuda.cuMemcpyDtoH_v2(pinned2, device, word)),
        "h2d_pinned_32k": lambda: cuda.cuMemcpyHtoD_v2(big_device, big_pinned,
                                                       ctypes.c_size_t(32 << 10)),
        "h2d_2d_pinned": copy_2d(size, 1),
        "h2d_2d_pinned_rows": copy_2d(64, max(1, size // 64)),
        "h2d_2d_pinned_2rows": copy_2d(size // 2, 2),
        "h2d_2d_pageable_2rows": copy_2d(size // 2, 2, source="pageable"),
        "h2d_2d_pinned_2rows+fence": copy_2d(size // 2, 2, fence=True),
        "d2d_2d_2rows+fence": copy_2d(size // 2, 2, source="device", fence=True),
        "h2d_async+d2h_async_1sync": lambda: (
            cuda.cuMemcpyHtoDAsync_v2(device, pinned, n, stream),
            cuda.cuMemcpyDtoHAsync_v2(pinned2, device, n, stream),
            cuda.cuStreamSynchronize(stream)),
    }


def _run(pattern, size, count, barrier, results):
    """One process: time `count` operations of `pattern` after all processes are ready."""
    cuda, check = _driver()
    operation = _patterns(cuda, check, size)[pattern]
    for _ in range(200):  # warm-up
        operation()
    barrier.wait()
    begin = time.perf_counter()
    for _ in range(count):
        operation()
    results.put((time.perf_counter() - begin) / count * 1e6)


def measure(pattern, size, count, procs):
    """Microseconds per operation in each of `procs` processes running `pattern` at once."""
    context = mp.get_context("spawn")
    barrier = context.Barrier(procs)
    results = context.Queue()
    workers = [context.Process(target=_run, args=(pattern, size, count, barrier, results))
               for _ in range(procs)]
    for worker in workers:
        worker.start()
    figures = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    return figures


def main():
    """Print the table of patterns by process count."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1024)
    parser.add_argument("--n", type=int, default=20000, help="operations per process")
    parser.add_argument("--procs", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--patterns", nargs="+", default=None)
    args = parser.parse_args()
    cuda, check = _driver()
    names = args.patterns or list(_patterns(cuda, check, args.bytes))
    print("| pattern | " + " | ".join("%d proc(s), us/op" % p for p in args.procs) + " |")
    print("|---|" + "---:|" * len(args.procs))
    for name in names:
        cells = []
        for procs in args.procs:
            figures = measure(name, args.bytes, args.n, procs)
            cells.append("%.1f" % (sum(figures) / len(figures)))
        print("| %s | %s |" % (name, " | ".join(cells)), flush=True)


if __name__ == "__main__":
    main()
