#!/bin/sh
# Builds the engine with AddressSanitizer + UndefinedBehaviorSanitizer (build/asan) and runs
# the test suite on it.
#
#   tools/sanitize/run.sh                      # the whole suite
#   tools/sanitize/run.sh tests/std -k ring    # any pytest arguments
#   ASAN_EXTRA_OPTIONS=log_path=/tmp/asan tools/sanitize/run.sh   # reports to files as well
#   tools/sanitize/run.sh --exec python3 -m gxf.gxe --app graphs/ping.yaml \
#       --manifest graphs/manifest.yaml        # any command, in the stage, instrumented
#
# The instrumented libraries are staged with a copy of the tree in build/asan/stage and run by
# a plain interpreter: given a venv's python (the default, when one is active), its base
# interpreter runs with the venv's packages on PYTHONPATH, behind the stage, where no .pth file
# is read, so the venv's editable install (the uninstrumented libraries) stays out; libasan is
# preloaded because python itself is not instrumented. Any ASan or UBSan
# report aborts the process it happens in, so the test that ran it fails. Leak checking is
# off: CPython keeps its interned objects until exit and LeakSanitizer reports them all. The
# shadow gap stays unprotected because the CUDA driver maps memory there (cuInit fails otherwise).
set -e
cd "$(dirname "$0")/../.."
root=$(pwd)
python=${ASAN_PYTHON:-$(command -v python3)}
build=build/asan
mkdir -p build
pybind11_dir=$("$python" -c "import pybind11; print(pybind11.get_cmake_dir())")
# base: the interpreter to run; packages: the venv's site-packages ("" outside a venv).
eval "$("$python" -c 'import sys, sysconfig
venv = sys.prefix != sys.base_prefix
print("base=" + (sys._base_executable if venv else sys.executable))
print("packages=" + (sysconfig.get_path("purelib") if venv else ""))')"
cmake -S . -B "$build" -G Ninja -DGXF_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -Dpybind11_DIR="$pybind11_dir" -DPython_EXECUTABLE="$python" > "$build.configure.log"
cmake --build "$build" -j "${JOBS:-2}"
# A copy of the tree to run from: the tests import `gxf` from their checkout's root.
rm -rf "$build/stage"
mkdir -p "$build/stage"
cp -r gxf extensions tests tools graphs examples pyproject.toml "$build/stage/"
cmake --install "$build" --prefix "$build/stage" > /dev/null
# `python3` / `python` in --exec commands and in the tests' subprocesses: the plain interpreter.
mkdir -p "$build/stage/bin"
ln -sf "$base" "$build/stage/bin/python3"
ln -sf "$base" "$build/stage/bin/python"
libasan=$(${CXX:-g++} -print-file-name=libasan.so)
# libstdc++ is preloaded right after libasan: python does not link it, and ASan resolves its
# __cxa_throw interceptor only against a libstdc++ present at start-up (else the first C++
# exception aborts with "CHECK failed ... real___cxa_throw").
libstdcxx=libstdc++.so.6  # by soname: ld.so finds the runtime where the toolchain has no dev link
cd "$build/stage"
export PATH="$root/$build/stage/bin:$PATH"
export PYTHONPATH="$root/$build/stage${packages:+:$packages}" LD_PRELOAD="$libasan $libstdcxx"
# allocator_may_return_null: an impossible allocation (a 2^47-byte BlockMemoryPool, which the
# tests ask for on purpose) fails as with the real allocator (null / std::bad_alloc, which the
# engine turns into GXF_OUT_OF_MEMORY) instead of ASan aborting with allocation-size-too-big.
export ASAN_OPTIONS="detect_leaks=0 protect_shadow_gap=0 allocator_may_return_null=1 abort_on_error=1 halt_on_error=1 detect_stack_use_after_return=0 symbolize=1 ${ASAN_EXTRA_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1 halt_on_error=1 abort_on_error=1"
export GXF_SANITIZE_RUN=1
# The UCX wheel (the 'ucx' extra) is in the venv, out of reach of the staged package's relative
# lookup; name its library as a user would.
if [ -z "${GXF_UCX_LIBRARY:-}" ] && [ -f "$packages/libucx/lib/libucp.so.0" ]; then
  export GXF_UCX_LIBRARY="$packages/libucx/lib/libucp.so.0"
fi
if [ "$1" = "--exec" ]; then
  shift
  exec "$@"
fi
exec "$base" -m pytest -q -p no:cacheprovider "$@"
