"""The cached virtual environment that holds NVIDIA's real GXF runtime (and Holoscan).

Real GXF 5.7.1 ships inside PyPI's ``holoscan-cu12`` wheel (``holoscan/lib/libgxf_*.so``);
its libraries link against ``libcudart.so.12``, which ``nvidia-cuda-runtime-cu12`` provides
(no GPU or driver is needed for std/sample graphs).  Nothing of this becomes a dependency of
our package: it lives in its own venv, built on first use.

Location: ``$GXF_BENCH_REF_VENV`` or ``~/.cache/gxf-bench/refgxf-venv``.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys

HOLOSCAN_SPEC = os.environ.get("GXF_BENCH_HOLOSCAN_SPEC", "holoscan-cu12==4.6.0")
CUDART_SPEC = os.environ.get("GXF_BENCH_CUDART_SPEC", "nvidia-cuda-runtime-cu12==12.9.79")
REQUIREMENTS = [HOLOSCAN_SPEC, CUDART_SPEC, "pyyaml"]
STAMP_NAME = ".gxf-bench-ready"


def venv_dir() -> str:
    """Directory of the cached reference venv."""
    default = os.path.join(os.path.expanduser("~"), ".cache", "gxf-bench", "refgxf-venv")
    return os.environ.get("GXF_BENCH_REF_VENV", default)


def venv_python(venv: str | None = None) -> str:
    """Path of the reference venv's python interpreter."""
    return os.path.join(venv or venv_dir(), "bin", "python")


def _site_glob(venv: str, *parts: str) -> str | None:
    """First match of site-packages/<parts> inside the venv, or None."""
    hits = sorted(glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", *parts)))
    return hits[0] if hits else None


def gxf_lib_dir(venv: str | None = None) -> str | None:
    """Directory holding libgxf_core.so (holoscan/lib), or None."""
    return _site_glob(venv or venv_dir(), "holoscan", "lib")


def cudart_path(venv: str | None = None) -> str | None:
    """Path of libcudart.so.12 in the venv, or None."""
    lib = _site_glob(venv or venv_dir(), "nvidia", "cuda_runtime", "lib", "libcudart.so.12")
    return lib


def _stamp_text() -> str:
    """What the ready-stamp records: the requirement set it was built from."""
    return "\n".join(REQUIREMENTS) + "\n"


def is_ready(venv: str | None = None) -> bool:
    """True when the venv was fully built from the current requirement set."""
    venv = venv or venv_dir()
    stamp = os.path.join(venv, STAMP_NAME)
    try:
        with open(stamp) as f:
            same = f.read() == _stamp_text()
    except OSError:
        return False
    lib = gxf_lib_dir(venv)
    return same and lib is not None and os.path.exists(os.path.join(lib, "libgxf_core.so"))


def _run(cmd: list[str], log) -> None:
    """Run a setup command, raising RuntimeError with its output tail on failure."""
    log("[refvenv] " + " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed (rc={p.returncode}): "
                           f"{(p.stderr or p.stdout)[-1500:]}")


def ensure_venv(log=lambda msg: print(msg, file=sys.stderr, flush=True)) -> str:
    """Build the reference venv if needed; return its python. Raises RuntimeError on failure."""
    venv = venv_dir()
    if is_ready(venv):
        return venv_python(venv)
    log(f"[refvenv] building reference GXF venv at {venv} (first use)")
    os.makedirs(os.path.dirname(venv) or ".", exist_ok=True)
    if not os.path.exists(venv_python(venv)):
        _run([sys.executable, "-m", "venv", venv], log)
    _run([venv_python(venv), "-m", "pip", "install", "-q", *REQUIREMENTS], log)
    # holoscan's wheel creates its library symlinks (libucp.so.0, ...) the first time the
    # venv's interpreter starts (wheel-axle-runtime .pth hook): start it once now.
    _run([venv_python(venv), "-c", "import sys"], log)
    if gxf_lib_dir(venv) is None:
        raise RuntimeError(f"no holoscan/lib in {venv} after install")
    with open(os.path.join(venv, STAMP_NAME), "w") as f:
        f.write(_stamp_text())
    log("[refvenv] ready")
    return venv_python(venv)


# What gxf_child.py loads: a machine without PyPI access (the GPU machine) gets a copy of these.
_PORTABLE_LIBS = ("libgxf_core.so", "libgxf_std.so", "libgxf_sample.so", "libgxf_logger.so")


def export_portable(target: str) -> str:
    """Copy the GXF libraries gxf_child.py needs into a venv-shaped folder at `target`.

    The copy (about 9 MB) runs std/sample graphs with any Python 3 (gxf_child.py uses ctypes
    only): point GXF_BENCH_REF_VENV at it on a machine that cannot build the venv.
    """
    import shutil

    venv = venv_dir()
    if not is_ready(venv):
        raise RuntimeError(f"no reference venv at {venv}: build it first (ensure_venv)")
    site = os.path.join(target, "lib", "python3", "site-packages")
    lib = os.path.join(site, "holoscan", "lib")
    cudart = os.path.join(site, "nvidia", "cuda_runtime", "lib")
    os.makedirs(lib, exist_ok=True)
    os.makedirs(cudart, exist_ok=True)
    os.makedirs(os.path.join(target, "bin"), exist_ok=True)
    for name in _PORTABLE_LIBS:
        shutil.copy2(os.path.join(gxf_lib_dir(venv), name), lib)
    shutil.copy2(os.path.realpath(cudart_path(venv)), os.path.join(cudart, "libcudart.so.12"))
    python = venv_python(target)
    with open(python, "w") as f:
        f.write('#!/bin/sh\nexec python3 "$@"\n')  # whatever Python 3 the machine has
    os.chmod(python, 0o755)
    with open(os.path.join(target, STAMP_NAME), "w") as f:
        f.write(_stamp_text())
    return target


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Build the reference GXF venv, or export the "
                                     "libraries the benchmarks load to a portable folder.")
    parser.add_argument("--export", metavar="DIR",
                        help="copy the GXF libraries to DIR (then GXF_BENCH_REF_VENV=DIR)")
    args = parser.parse_args()
    ensure_venv()
    print(export_portable(args.export) if args.export else venv_dir())
