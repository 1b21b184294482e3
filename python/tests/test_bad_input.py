"""Bad input gets a Python exception, never a crash: what the C library checks (options, classes,
sizes, counts, model files) comes back as LUTNetError, a ValueError, with the library's message."""

import numpy as np
import pytest

from lutnet import LUTNetClassifier, LUTNetError

rng = np.random.default_rng(5)
X = rng.integers(0, 256, size=(60, 4), dtype=np.uint8)
y = (X[:, 0] > 127).astype(int)
NUMERIC = X.astype(np.float64) / 255


def fitted(data=X):
    return LUTNetClassifier(layers="2x16").fit(data, y)


def library_error(status, message, call, *arguments):
    with pytest.raises(LUTNetError) as caught:
        call(*arguments)
    assert caught.value.status == status
    assert str(caught.value) == message
    return caught.value


@pytest.mark.parametrize("option, value, message", [
    ("k", 17, "lutnet_train: k = 17 is not supported: a LUT has 1 to 16 inputs"),
    ("k", (8, 0), "lutnet_train: layer_ks[1] = 0: a LUT has 1 to 16 inputs"),
    ("threshold", 0, "lutnet_train: threshold 0 is not supported: use 1 to 255 (an input bit is 1 when its byte is >= threshold)"),
    ("threads", -1, "lutnet_train: threads = -1: use 0 (one per core) to 1024"),
    ("layers", (16, 0), "lutnet_train: hidden_widths[1] = 0: a layer has 1 to 16777216 LUTs"),
])
def test_options_are_checked_by_the_library(option, value, message):
    library_error("LUTNET_ERROR_INVALID_PARAMETERS", message, LUTNetClassifier(**{option: value}).fit, X, y)


@pytest.mark.parametrize("option, value, start", [
    ("layers", "5x", "lutnet_train: invalid layers '5x'"),
    ("wiring", "spiral", "lutnet_train: "),
    ("input_bits", "brightness", "lutnet_train: "),
])
def test_option_texts_are_parsed_by_the_library(option, value, start):
    with pytest.raises(LUTNetError) as caught:
        LUTNetClassifier(**{option: value}).fit(X, y)
    assert caught.value.status == "LUTNET_ERROR_INVALID_PARAMETERS"
    assert str(caught.value).startswith(start) and value in str(caught.value)


def test_multi_class_refusals_are_the_librarys():
    three = np.arange(60) % 3
    with pytest.raises(LUTNetError, match="lutnet_train: invalid layer_ks: 12/8 differ, but task '0:1:2' is multi-class"):
        LUTNetClassifier(k=[12, 8], layers="2x8").fit(X, three)
    # Input bits beyond the threshold are a multi-class model's too.
    model = LUTNetClassifier(input_bits="threshold,mean", layers="2x8").fit(X, three)
    assert set(model.predict(X)) <= {0, 1, 2}


def test_one_class_is_refused_with_the_librarys_message():
    error = library_error("LUTNET_ERROR_INVALID_TASK",
                          "y has 1 class ('a'), LUTNetClassifier needs two or more: lutnet_train: invalid task '0': "
                          "expected two class groups separated by ':' (e.g. 0-4:5-9)",
                          LUTNetClassifier().fit, X, np.full(60, "a"))
    assert isinstance(error, ValueError)


def test_empty_arrays_are_refused_with_the_librarys_message():
    library_error("LUTNET_ERROR_INVALID_ARGUMENT", "lutnet_dataset_from_memory: count is 0",
                  LUTNetClassifier().fit, X[:0], y[:0])
    library_error("LUTNET_ERROR_INVALID_ARGUMENT", "lutnet_predict: count is 0", fitted().predict, X[:0])
    with pytest.raises(ValueError, match=r"0 feature\(s\)"):
        LUTNetClassifier().fit(X[:, :0], y)


def test_the_wrong_number_of_bytes_is_refused_by_the_library():
    library_error("LUTNET_ERROR_SIZE_MISMATCH", "lutnet_predict: the examples have 3 bytes each but the model reads 4",
                  fitted().predict, X[:, :3])


def test_the_wrong_number_of_numeric_features_is_refused():
    with pytest.raises(ValueError, match="X has 3 features, but LUTNetClassifier is expecting 4 features"):
        fitted(NUMERIC).predict(NUMERIC[:, :3])


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_values_no_byte_holds_are_refused(bad):
    broken = NUMERIC.copy()
    broken[3, 2] = bad
    with pytest.raises(ValueError, match="Input (X )?contains"):
        LUTNetClassifier().fit(broken, y)
    with pytest.raises(ValueError, match="Input (X )?contains"):
        fitted(NUMERIC).predict(broken)
    with pytest.raises(ValueError, match="encoding 'bytes' reads integers from 0 to 255"):
        LUTNetClassifier(encoding="bytes").fit(NUMERIC, y)


@pytest.mark.parametrize("bad", [X[:, 0], X.reshape(60, 2, 2)])
def test_arrays_that_are_not_tables_are_refused(bad):
    with pytest.raises(ValueError, match="Expected 2D array|Found array with dim 3"):
        LUTNetClassifier().fit(bad, y)
    with pytest.raises(ValueError, match="Expected 2D array|Found array with dim 3"):
        fitted().predict(bad)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        LUTNetClassifier().fit(X, y[:-1])


def test_values_the_c_fields_cannot_hold_are_refused_before_the_library():
    with pytest.raises(ValueError, match=r"seed = -1 does not fit the C field \(0 to 18446744073709551615\)"):
        LUTNetClassifier(seed=-1).fit(X, y)
    with pytest.raises(ValueError, match="k must be an integer"):
        LUTNetClassifier(k="8").fit(X, y)
    with pytest.raises(ValueError, match="more than 256|at most 256"):
        LUTNetClassifier().fit(np.zeros((300, 2), dtype=np.uint8), np.arange(300))
    with pytest.raises(ValueError, match="encoding must be one of"):
        LUTNetClassifier(encoding="gray").fit(X, y)


@pytest.mark.parametrize("shape, message", [
    ((2, 3), r"image_shape \(2, 3\) makes images of 6 bytes, but X has 4 features"),
    ((1, 2, 3), r"image_shape \(1, 2, 3\) makes images of 6 bytes, but X has 4 features"),
    ((2, 0), r"image_shape must be \(height, width\) or \(height, width, channels\) of positive integers, not \(2, 0\)"),
    ((4,), r"image_shape must be .* not \(4,\)"),
    ((1, 1, 2, 2), r"image_shape must be .* not \(1, 1, 2, 2\)"),
    ((2.0, 2), r"image_shape must be .* not \(2.0, 2\)"),
    ("2x2", r"image_shape must be .* not '2x2'"),
    (4, r"image_shape must be .* not 4"),
])
def test_image_shapes_that_do_not_make_the_rows_are_refused(shape, message):
    with pytest.raises(ValueError, match=message):
        LUTNetClassifier(image_shape=shape, layers="2x16").fit(X, y)


def test_image_shape_refuses_the_quantile_encoding_and_reads_bytes():
    with pytest.raises(ValueError, match="image_shape \\(2, 2\\) reads the features as the images' bytes: "
                                         "it needs encoding 'bytes' \\(or 'auto'\\), not 'quantile'"):
        LUTNetClassifier(image_shape=(2, 2), encoding="quantile").fit(X, y)
    # "auto" reads the bytes of float images too.
    model = LUTNetClassifier(image_shape=(2, 2), layers="2x16").fit(X.astype(np.float64), y)
    assert model.encoding_ == "bytes"
    assert np.array_equal(model.predict(X), LUTNetClassifier(layers="2x16").fit(X, y).predict(X))


def test_damaged_model_files_are_refused_naming_the_file(tmp_path):
    path = tmp_path / "model.lut"
    fitted().save(path)
    path.write_bytes(path.read_bytes()[:-3])
    error = library_error("LUTNET_ERROR_MODEL_FILE", f"{path}: model file is truncated", LUTNetClassifier.load, path)
    assert isinstance(error, ValueError)
    with pytest.raises(LUTNetError, match="nonexistent"):
        LUTNetClassifier.load(tmp_path / "nonexistent.lut")
