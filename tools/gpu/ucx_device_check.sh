#!/bin/bash
# GPU check of UCX device tensors (issue #14), for the GPU machine: run from the repo root.
# No package registry there: the libucx-cu12 wheel travels with the tree, at
#   .devucx/libucx_cu12-1.22.0-py3-none-manylinux_2_24_x86_64.manylinux_2_28_x86_64.whl
# (43,362,786 bytes; copy it there first, e.g. from /tmp/ucxdl/, and name .devucx in `carry`).
# Prints the UCX build's transports, then runs tests/ucx/test_ucx_device.py (gpu-marked:
# direct device sends, forced host staging, cpu_data_only, mixed host/device messages) and
# the host UCX pairs, and keeps the logs under $OUT (or ./.devucx-out).
set -u
cd "$(dirname "$0")/../.."
OUT=${OUT:-$PWD/.devucx-out}
mkdir -p "$OUT"
WHEEL=$(ls .devucx/libucx_cu12-*.whl 2>/dev/null | head -n 1)
{
  nvidia-smi -L
  python -c "import cupy; print('cupy', cupy.__version__, 'devices', cupy.cuda.runtime.getDeviceCount())"
  python -m pip install --no-build-isolation -e . 2>&1 | tail -n 3
  if [ -n "$WHEEL" ]; then
    python -m pip install --no-index --no-deps "$WHEEL" 2>&1 | tail -n 2
  elif ! python -c "import libucx" 2>/dev/null; then
    echo "no libucx-cu12: put its wheel in .devucx/ (see the top of tools/gpu/ucx_device_check.sh)"; exit 2
  fi
  UCX_INFO=$(python -c "import libucx, os; print(os.path.join(os.path.dirname(libucx.__file__), 'bin', 'ucx_info'))")
  LD_LIBRARY_PATH=$(dirname "$UCX_INFO")/../lib "$UCX_INFO" -v
  LD_LIBRARY_PATH=$(dirname "$UCX_INFO")/../lib "$UCX_INFO" -d 2>&1 | grep -E "Memory domain|Transport|memory types" | head -n 40
  timeout 600 python -m pytest -v -p no:cacheprovider tests/ucx/test_ucx_device.py tests/ucx/test_ucx_pairs.py
  echo "pytest exit $?"
} 2>&1 | tee "$OUT/devucx.log"
