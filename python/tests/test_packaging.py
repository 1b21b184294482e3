"""`pip install ./python` installs a package that finds the library through LUTNET_LIBRARY."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lutnet import _library

PACKAGE = Path(__file__).resolve().parents[1]


def test_pip_installs_a_package_that_loads_the_library_named_by_the_environment(tmp_path):
    environment = tmp_path / "environment"
    # A virtual environment over this Python's packages (NumPy, scikit-learn), filled by this
    # Python's pip from a copy of the package: no index, no build isolation, the tree stays clean.
    made = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(environment)],
                          capture_output=True, text=True)
    pip = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True, text=True)
    if made.returncode != 0 or pip.returncode != 0:
        pytest.skip(f"venv or pip is missing (Debian: python3-venv python3-pip): {made.stderr}{pip.stderr}")
    source = tmp_path / "package"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__"))
    python = environment / "bin" / "python"
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                                "--no-build-isolation", "--no-index", "--quiet", str(source)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    script = ("import lutnet, numpy as np; print(lutnet.__file__); print(lutnet.__version__, lutnet.library_version()); "
              "X = np.arange(64, dtype=np.uint8).reshape(16, 4) * 4; "
              "print(lutnet.LUTNetClassifier(layers='1x8').fit(X, X[:, 0] >= 128).score(X, X[:, 0] >= 128))")
    run = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, _library.LIBRARY_VARIABLE: _library.lib.path})
    assert run.returncode == 0, run.stderr
    where, versions, score = run.stdout.splitlines()
    assert where.startswith(str(environment))
    assert versions == f"{_library.HEADER_VERSION} {_library.HEADER_VERSION}"
    assert float(score) == 1.0
    # Without the variable, the installed copy (outside the repository) says how to name the library.
    clean = {name: value for name, value in os.environ.items() if name not in (_library.LIBRARY_VARIABLE, "LD_LIBRARY_PATH")}
    missing = subprocess.run([str(python), "-c", "import lutnet"], capture_output=True, text=True, cwd=tmp_path, env=clean)
    assert missing.returncode != 0
    assert "set LUTNET_LIBRARY to the path of liblutnetc.so" in missing.stderr
