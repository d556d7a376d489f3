#!/bin/sh
# Builds the engine with ThreadSanitizer (build/tsan) and runs the scheduler tests on it.
#
#   tools/tsan/run.sh                 # the scheduler tests
#   tools/tsan/run.sh tests/tools/test_soak.py
#
# The instrumented libraries are staged with a copy of the tree in build/tsan/stage and run
# by a plain interpreter (not the venv's, whose editable install would load the
# uninstrumented ones); libtsan is preloaded because python itself is not instrumented.
# A data race makes the graph's process exit non-zero (TSAN exitcode 66): the test fails.
set -e
cd "$(dirname "$0")/../.."
root=$(pwd)
python=${TSAN_PYTHON:-$(command -v python3)}
build=build/tsan
# A plain interpreter with the build and test dependencies (not an editable install of ours).
if ! "$python" -c "import pybind11, yaml, numpy, networkx, pytest" 2> /dev/null; then
  echo "tools/tsan/run.sh: $python lacks pybind11, PyYAML, numpy, networkx or pytest; make a" >&2
  echo "plain venv with them (no editable install of this package) and set TSAN_PYTHON to its" >&2
  echo "python" >&2
  exit 2
fi
# The interpreter itself, not a wrapper script (a pyenv shim): a shell started with libtsan
# preloaded crashes before it runs anything.
python=$("$python" -c "import sys; print(sys.executable)")
pybind11_dir=$("$python" -c "import pybind11; print(pybind11.get_cmake_dir())")
cmake -S . -B "$build" -G Ninja -DGXF_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -Dpybind11_DIR="$pybind11_dir" -DPython_EXECUTABLE="$python" > "$build.configure.log"
cmake --build "$build" -j "${JOBS:-2}"
# A copy of the tree to run from: the tests import `gxf` from their checkout's root.
rm -rf "$build/stage"
mkdir -p "$build/stage"
cp -r gxf tests tools graphs pyproject.toml "$build/stage/"
cmake --install "$build" --prefix "$build/stage" > /dev/null
libtsan=$(${CXX:-g++} -print-file-name=libtsan.so)
if [ $# -eq 0 ]; then
  set -- tests/std/test_multi_thread_scheduler.py tests/std/test_event_based_scheduler.py \
    tests/std/test_scheduler_interrupt.py tests/std/test_thread_pinning.py \
    tests/std/test_schedulers_equivalence.py tests/std/test_scheduler_failures.py \
    tests/std/test_epoch_scheduler.py tests/tools/test_soak.py
fi
cd "$build/stage"
export PYTHONPATH="$root/$build/stage" LD_PRELOAD="$libtsan"
export TSAN_OPTIONS="halt_on_error=0 exitcode=66 second_deadlock_stack=1 suppressions=$root/tools/tsan/suppressions.txt"
export GXF_TSAN_RUN=1
exec "$python" -m pytest -q -p no:cacheprovider "$@"
