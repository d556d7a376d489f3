# SPDX-License-Identifier: Apache-2.0
"""GXF's layout: one library per extension, the runtime alone in libgxf_core.so, manifests
resolving GXF's paths to the packaged libraries, and one copy of each extension per process."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from gxf import core
from gxf.core.errors import error_report
from gxf.core.manifest import packaged_extensions, resolve_extension

# Where GXF's manifests name each extension (relative to the package root, gxf/).
GXF_PATHS = {
    "libgxf_std.so": "std/libgxf_std.so",
    "libgxf_cuda.so": "cuda/libgxf_cuda.so",
    "libgxf_python_codelet.so": "python_codelet/libgxf_python_codelet.so",
    "libgxf_flow.so": "flow/libgxf_flow.so",
    "libgxf_sample.so": "sample/libgxf_sample.so",
    "libgxf_rmm.so": "rmm/libgxf_rmm.so",
    "libgxf_npp.so": "npp/libgxf_npp.so",
    "libgxf_test.so": "test/extensions/libgxf_test.so",
    "libgxf_test_cuda.so": "cuda/tests/libgxf_test_cuda.so",
    "libgxf_example.so": "example/libgxf_example.so",
}


def package_root():
    """The installed gxf folder holding the libraries."""
    return os.path.dirname(core.library_directory())


def loaded_gxf_libraries(code, cwd=None):
    """Run `code` in a fresh interpreter; the libgxf_*.so files mapped afterwards, one per line."""
    script = textwrap.dedent(code) + textwrap.dedent("""
        paths = set()
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if os.path.basename(path).startswith("libgxf_"):
                    paths.add(os.path.realpath(path))
        print("\\n".join(sorted(paths)))
        """)
    result = subprocess.run([sys.executable, "-c", "import os\n" + script], cwd=cwd,
                            capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.split()


def test_each_extension_is_its_own_library_where_gxf_manifests_name_it():
    root = package_root()
    for name, relative in GXF_PATHS.items():
        assert os.path.isfile(os.path.join(root, relative)), relative
        assert packaged_extensions()[name] == os.path.join(root, relative)


def test_importing_std_loads_only_the_runtime_and_std():
    libraries = loaded_gxf_libraries("import gxf.std")
    assert sorted(os.path.basename(path) for path in libraries) == ["libgxf_core.so",
                                                                   "libgxf_std.so"]


def test_importing_python_codelet_loads_cuda_but_no_test_extension():
    names = {os.path.basename(path)
             for path in loaded_gxf_libraries("import gxf.python_codelet")}
    assert names == {"libgxf_core.so", "libgxf_std.so", "libgxf_cuda.so",
                     "libgxf_python_codelet.so"}


@pytest.mark.skipif(shutil.which("nm") is None, reason="needs binutils' nm")
def test_runtime_library_holds_no_test_code():
    runtime = os.path.join(core.library_directory(), "libgxf_core.so")
    symbols = subprocess.run(["nm", "-D", "-C", "--defined-only", runtime], capture_output=True,
                             text=True, check=True).stdout
    assert "nvidia::gxf::Context" in symbols  # the runtime is there
    offending = [line for line in symbols.splitlines() if "test::" in line or "Mock" in line]
    assert offending == []


def test_gxf_relative_manifest_path_resolves_to_the_packaged_library(tmp_path, monkeypatch):
    # GXF's manifests name libraries relative to GXF's build tree; no such file exists here.
    monkeypatch.chdir(tmp_path)
    assert resolve_extension("gxf/std/libgxf_std.so") == os.path.join(
        package_root(), "std/libgxf_std.so")
    assert resolve_extension("gxf/cuda/tests/libgxf_test_cuda.so") == os.path.join(
        package_root(), "cuda/tests/libgxf_test_cuda.so")
    assert resolve_extension("unknown/libgxf_unknown.so") is None


def test_manifest_and_binding_module_share_one_copy_of_each_extension(tmp_path):
    # The manifest dlopens the library by path; the binding modules link it by soname. Both
    # must end on the same file, or the process would hold two copies of std's static state.
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("extensions:\n- gxf/std/libgxf_std.so\n- gxf/test/extensions/libgxf_test.so\n"
                        "- gxf/python_codelet/libgxf_python_codelet.so\n")
    libraries = loaded_gxf_libraries(f"""
        from gxf import core
        context = core.context_create()
        core.load_extensions(context, manifest_filenames=[{str(manifest)!r}])
        import gxf.std, gxf.python_codelet
        core.context_destroy(context)
        """, cwd=tmp_path)
    names = [os.path.basename(path) for path in libraries]
    assert sorted(names) == sorted(set(names))  # no library mapped from two files
    # (the test extension links sample: its PingBatchRx derives from sample's; and flow: its
    # ObjectMetaCheck reads gxf.flow's metadata)
    assert set(names) == {"libgxf_core.so", "libgxf_std.so", "libgxf_test.so", "libgxf_sample.so",
                          "libgxf_cuda.so", "libgxf_python_codelet.so", "libgxf_flow.so"}


def test_unknown_extension_names_the_packaged_ones(tmp_path):
    context = core.context_create()
    try:
        with pytest.raises(core.ExtensionError, match="GXF_EXTENSION_FILE_NOT_FOUND") as error:
            core.load_extensions(context, extension_filenames=[str(tmp_path / "libgxf_nope.so")])
        assert "libgxf_std.so" in error_report(error.value)
    finally:
        core.context_destroy(context)


@pytest.mark.skipif(shutil.which("nm") is None, reason="binutils' nm is not installed")
def test_libraries_export_no_cxx_runtime_of_their_own():
    """No packaged library exports C++ runtime code (libstdc++'s streams and locales): on a
    toolchain that links libstdc++ statically into each library, exported copies interpose on
    one another and streams crash on a wrong locale facet (CMakeLists: --exclude-libs)."""
    libraries = [os.path.join(folder, name) for folder, _, names in os.walk(package_root())
                 for name in names if name.endswith(".so")]
    assert libraries
    for library in libraries:
        symbols = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True,
                                 text=True, check=True).stdout.split()
        runtime = [s for s in symbols if s.startswith(("_ZNSt6locale", "_ZNSo", "_ZNSi"))]
        assert runtime == [], f"{library} exports C++ runtime symbols, e.g. {runtime[:3]}"
