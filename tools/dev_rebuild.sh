#!/bin/sh
# Incremental rebuild of the C++ core for an editable install (after `pip install -e .` once):
# recompiles what changed and copies the libraries where the editable install loads them.
set -e
cd "$(dirname "$0")/.."
build_dir=$(ls -d build/cp*/ | head -n 1)
site=$(python3 -c "import sysconfig; print(sysconfig.get_paths()[\"platlib\"])")
cmake --build "$build_dir" -j "${JOBS:-2}"
cmake --install "$build_dir" --prefix "$site" > /dev/null
