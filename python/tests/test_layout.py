"""The structs this package defines for ctypes agree with lutnet.h, as a C compiler lays them out."""

import ctypes
import shutil
import subprocess
from pathlib import Path

import pytest

from lutnet import _library

HEADER_FOLDER = Path(__file__).resolve().parents[2] / "Sources" / "CLUTNetAPI" / "include"


def c_layout(tmp_path, struct, fields):
    """sizeof and offsetof of `fields` of `struct`, from a program compiled against lutnet.h."""
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None:
        pytest.skip("no C compiler (cc, gcc or clang) on PATH: the struct layouts cannot be compared with lutnet.h")
    lines = [f'printf("sizeof %zu\\n", sizeof({struct}));']
    lines += [f'printf("{name} %zu\\n", offsetof({struct}, {name}));' for name in fields]
    source = tmp_path / "layout.c"
    source.write_text("#include <lutnet.h>\n#include <stddef.h>\n#include <stdio.h>\nint main(void) {\n"
                      + "\n".join(lines) + "\nreturn 0;\n}\n")
    program = tmp_path / "layout"
    subprocess.run([compiler, "-std=c11", "-I", str(HEADER_FOLDER), str(source), "-o", str(program)], check=True)
    output = subprocess.run([str(program)], check=True, capture_output=True, text=True).stdout
    return dict((name, int(value)) for name, value in (line.split() for line in output.splitlines()))


@pytest.mark.parametrize("python_struct, c_struct", [(_library.Parameters, "lutnet_parameters"),
                                                     (_library.Error, "lutnet_error")])
def test_struct_matches_the_header(tmp_path, python_struct, c_struct):
    names = [name for name, _ in python_struct._fields_]
    expected = c_layout(tmp_path, c_struct, names)
    assert {"sizeof": ctypes.sizeof(python_struct), **{n: getattr(python_struct, n).offset for n in names}} == expected


def test_the_library_fills_the_struct_python_defines():
    """lutnet_default_parameters_sized writes this size into the struct's size field, and the
    library takes the struct (its size equals the library's own)."""
    parameters = _library.Parameters()
    _library.lib.lutnet_default_parameters_sized(ctypes.byref(parameters), ctypes.sizeof(parameters))
    assert parameters.size == ctypes.sizeof(_library.Parameters) == 96
    assert (parameters.k, parameters.layers, parameters.threshold) == (8, b"5x1024", 128)
    assert _library.lib.lutnet_check_parameters_sized(ctypes.byref(parameters)) is None


def test_header_version_is_the_library_version():
    header = (HEADER_FOLDER / "lutnet.h").read_text()
    assert f'#define LUTNET_VERSION "{_library.HEADER_VERSION}"' in header
    assert _library.lib.lutnet_version().decode() == _library.HEADER_VERSION
