"""Datasets for the tests: IDX folders read into NumPy and written back, the `lutnet` command, and
where the repository keeps its fixtures."""

import gzip
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
TINY = REPOSITORY / "Data" / "fixtures" / "tiny"
MNIST = REPOSITORY.parent / "shared" / "datasets" / "mnist"


def read_idx(path):
    """An IDX file (gzip-compressed or not) as an array of its shape."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as file:
        data = file.read()
    dimensions = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dimensions))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dimensions).reshape(shape)


def write_idx(path, array):
    """Writes a uint8 array as an uncompressed IDX file."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = bytes([0, 0, 8, array.ndim]) + b"".join(n.to_bytes(4, "big") for n in array.shape)
    Path(path).write_bytes(header + array.tobytes())


def load_split(folder, prefix):
    """Images as rows (examples × bytes) and labels of a split ("train" or "t10k") of an IDX folder."""
    images = read_idx(Path(folder) / f"{prefix}-images-idx3-ubyte.gz")
    labels = read_idx(Path(folder) / f"{prefix}-labels-idx1-ubyte.gz")
    return images.reshape(images.shape[0], -1), labels


def dataset(folder):
    """(X_train, y_train, X_test, y_test) of an IDX folder, or a visible skip when it is absent."""
    if not (Path(folder) / "train-images-idx3-ubyte.gz").exists():
        pytest.skip(f"{folder} is absent: the shared datasets are not next to this checkout")
    return load_split(folder, "train") + load_split(folder, "t10k")


def write_folder(folder, X_train, y_train, X_test, y_test, image_shape):
    """An IDX dataset folder of the given splits, images of `image_shape`."""
    os.makedirs(folder, exist_ok=True)
    write_idx(Path(folder) / "train-images-idx3-ubyte", X_train.reshape((-1,) + image_shape))
    write_idx(Path(folder) / "train-labels-idx1-ubyte", y_train)
    write_idx(Path(folder) / "t10k-images-idx3-ubyte", X_test.reshape((-1,) + image_shape))
    write_idx(Path(folder) / "t10k-labels-idx1-ubyte", y_test)
    return folder


def lutnet_command():
    """The `lutnet` command: $LUTNET_COMMAND, else the repository's release or debug build."""
    configured = os.environ.get("LUTNET_COMMAND")
    if configured:
        return configured
    for build in ("release", "debug"):
        candidate = REPOSITORY / ".build" / build / "lutnet"
        if candidate.exists():
            return str(candidate)
    found = shutil.which("lutnet")
    if found is None:
        pytest.skip("the lutnet command is not built (swift build -c release) and LUTNET_COMMAND is not set")
    return found


def run_lutnet(*arguments):
    """Runs the command; its standard output (a failure shows its standard error)."""
    outcome = subprocess.run([lutnet_command(), *map(str, arguments)], capture_output=True, text=True)
    assert outcome.returncode == 0, outcome.stderr
    return outcome.stdout
