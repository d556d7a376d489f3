#!/bin/sh
# Incremental rebuild of the C++ libraries and modules for an editable install (after
# `pip install -e .` once): recompiles what changed and copies the libraries where the editable
# install loads them.
set -e
cd "$(dirname "$0")/.."
build_dir=$(ls -d build/cp*/ | head -n 1)
site=$(python3 -c "import sysconfig; print(sysconfig.get_paths()[\"platlib\"])")
cmake_command=$(sed -n 's/^CMAKE_COMMAND:INTERNAL=//p' "$build_dir/CMakeCache.txt")
if [ ! -x "$cmake_command" ]; then
  # pip configured the build with CMake from its temporary build environment, gone now, and
  # the build re-runs it to check the source globs: let pip rebuild (same folder, incremental).
  exec pip install -q --no-deps -e .
fi
cmake --build "$build_dir" -j "${JOBS:-2}"
cmake --install "$build_dir" --prefix "$site" > /dev/null
