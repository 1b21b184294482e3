"""Python and the command train the same networks: the same options and seed give the same model
file, byte for byte; a model from either side is read by the other (and by C programs, which read
the same files through the same library)."""

import pickle

import numpy as np
import pytest

from data_sources import MNIST, TINY, dataset, run_lutnet, write_folder
from lutnet import LUTNetClassifier, LUTNetError

TINY_OPTIONS = dict(k=6, layers="2x32", seed=7)
TINY_ARGUMENTS = ["--k", "6", "--layers", "2x32", "--seed", "7"]


def binary_folder(tmp_path, source, image_shape):
    """The split of `source` into digits 0-4 (label 0) and 5-9 (label 1) as a dataset folder of its
    own, whose task is 0:1: what the classifier trains on for y = digit >= 5."""
    X_train, digits_train, X_test, digits_test = dataset(source)
    y_train, y_test = (digits_train >= 5).astype(np.uint8), (digits_test >= 5).astype(np.uint8)
    folder = write_folder(tmp_path / "binary", X_train, y_train, X_test, y_test, image_shape)
    return folder, X_train, y_train, X_test, y_test


def eval_accuracy(model, folder):
    """The test accuracy `lutnet eval` prints for a model file."""
    output = run_lutnet("eval", "--model", model, "--data", folder)
    line = next(line for line in output.splitlines() if line.startswith("test accuracy"))
    return float(line.split()[2])


def test_a_binary_network_is_the_commands_byte_for_byte(tmp_path):
    folder, X_train, y_train, X_test, y_test = binary_folder(tmp_path, TINY, (10, 10))
    run_lutnet("train", "--data", folder, "--task", "0:1", *TINY_ARGUMENTS, "--save", tmp_path / "command.lut")
    classifier = LUTNetClassifier(**TINY_OPTIONS).fit(X_train, y_train)
    classifier.save(tmp_path / "python.lut")
    assert (tmp_path / "python.lut").read_bytes() == (tmp_path / "command.lut").read_bytes()
    # The command evaluates the Python model; Python predicts with the command's.
    assert eval_accuracy(tmp_path / "python.lut", folder) == pytest.approx(classifier.score(X_test, y_test), abs=5e-5)
    loaded = LUTNetClassifier.load(tmp_path / "command.lut")
    assert np.array_equal(loaded.predict(X_test), classifier.predict(X_test))
    printed = run_lutnet("predict", "--model", tmp_path / "command.lut", folder / "t10k-images-idx3-ubyte")
    assert np.array_equal(np.array(printed.split(), dtype=np.uint8), classifier.predict(X_test))


def test_a_multi_class_model_is_the_commands_byte_for_byte(tmp_path):
    X_train, y_train, X_test, y_test = dataset(TINY)
    folder = write_folder(tmp_path / "digits", X_train, y_train, X_test, y_test, (10, 10))
    task = ":".join(str(digit) for digit in range(10))
    run_lutnet("train", "--data", folder, "--task", task, *TINY_ARGUMENTS, "--wiring", "random",
               "--save", tmp_path / "command.lut")
    classifier = LUTNetClassifier(wiring="random", **TINY_OPTIONS).fit(X_train, y_train)
    classifier.save(tmp_path / "python.lut")
    assert (tmp_path / "python.lut").read_bytes() == (tmp_path / "command.lut").read_bytes()
    assert eval_accuracy(tmp_path / "python.lut", folder) == pytest.approx(classifier.score(X_test, y_test), abs=5e-5)
    # Labels of any kind: group g of the model is the g-th class in sorted order, here digit g.
    names = np.array([f"digit {digit}" for digit in range(10)], dtype=object)
    named = LUTNetClassifier(wiring="random", **TINY_OPTIONS).fit(X_train, names[y_train])
    assert list(named.classes_) == list(names)
    assert np.array_equal(named.predict(X_test), names[classifier.predict(X_test)])


@pytest.mark.parametrize("task, wiring", [("binary", "local:4"), ("digits", "hier:4,12,2")])
def test_rows_of_images_deskew_and_window_as_the_commands_images(tmp_path, task, wiring):
    # image_shape makes the rows images again: deskew and windows read them as the command reads the folder.
    if task == "binary":
        folder, X_train, y_train, X_test, y_test = binary_folder(tmp_path, TINY, (10, 10))
        command_task = "0:1"
    else:
        X_train, y_train, X_test, y_test = dataset(TINY)
        folder = write_folder(tmp_path / "digits", X_train, y_train, X_test, y_test, (10, 10))
        command_task = ":".join(str(digit) for digit in range(10))
    options = dict(input_bits="deskew,threshold", wiring=wiring, **TINY_OPTIONS)
    run_lutnet("train", "--data", folder, "--task", command_task, *TINY_ARGUMENTS, "--input-bits", "deskew,threshold",
               "--wiring", wiring, "--save", tmp_path / "command.lut")
    classifier = LUTNetClassifier(image_shape=(10, 10), **options).fit(X_train, y_train)
    classifier.save(tmp_path / "python.lut")
    assert (tmp_path / "python.lut").read_bytes() == (tmp_path / "command.lut").read_bytes()
    assert eval_accuracy(tmp_path / "python.lut", folder) == pytest.approx(classifier.score(X_test, y_test), abs=5e-5)
    printed = run_lutnet("predict", "--model", tmp_path / "command.lut", folder / "t10k-images-idx3-ubyte")
    assert np.array_equal(np.array(printed.split(), dtype=np.uint8), classifier.predict(X_test))
    # (height, width, 1) is the same gray image; flat rows cannot be deskewed.
    gray = LUTNetClassifier(image_shape=(10, 10, 1), **options).fit(X_train, y_train)
    assert np.array_equal(gray.predict(X_test), classifier.predict(X_test))
    with pytest.raises(LUTNetError, match="deskew needs images of a known height and width"):
        LUTNetClassifier(**options).fit(X_train, y_train)


def test_mnist_0_4_against_5_9_is_the_commands_network(tmp_path):
    folder, X_train, y_train, X_test, y_test = binary_folder(tmp_path, MNIST, (28, 28))
    run_lutnet("train", "--data", folder, "--task", "0:1", "--seed", "1", "--save", tmp_path / "command.lut")
    classifier = LUTNetClassifier(seed=1).fit(X_train, y_train)
    classifier.save(tmp_path / "python.lut")
    assert (tmp_path / "python.lut").read_bytes() == (tmp_path / "command.lut").read_bytes()
    accuracy = classifier.score(X_test, y_test)
    assert accuracy > 0.85  # the paper's 5 × 1024 network, k = 8: about 0.88
    assert eval_accuracy(tmp_path / "command.lut", folder) == pytest.approx(accuracy, abs=5e-5)


def test_a_pickled_classifier_answers_as_the_original(tmp_path):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(300, 5))
    y = np.where(X[:, 0] * X[:, 1] > 0, "same", "opposite")
    classifier = LUTNetClassifier(layers="2x64", seed=3).fit(X, y)
    restored = pickle.loads(pickle.dumps(classifier))
    assert np.array_equal(restored.predict(X), classifier.predict(X))
    assert classifier.score(X, y) > 0.9
    # The model file of a thermometer-encoded classifier reads the bytes `encode` makes.
    classifier.save(tmp_path / "numeric.lut")
    loaded = LUTNetClassifier.load(tmp_path / "numeric.lut", classes=classifier.classes_)
    assert np.array_equal(loaded.predict(classifier.encode(X)), classifier.predict(X))
