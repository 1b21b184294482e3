"""LUTNetClassifier: a LUT network trained by memorization, as a scikit-learn classifier."""

import numbers

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_array, check_is_fitted

try:  # scikit-learn 1.6 and later
    from sklearn.utils.validation import validate_data
except ImportError:  # before 1.6: the estimator's method
    def validate_data(estimator, *arguments, **options):
        return estimator._validate_data(*arguments, **options)

from ._api import Dataset, LUTNetError, Model, make_parameters
from .encoding import quantile_thresholds, thermometer_bytes

#: The most classes a model tells apart: the C API's labels are bytes.
MAX_CLASSES = 256

_ENCODINGS = ("auto", "bytes", "quantile")


class LUTNetClassifier(ClassifierMixin, BaseEstimator):
    """A network of k-input lookup tables (LUTs) trained by memorization, through LUTNet's C
    library (``liblutnetc.so``): every LUT stores, for each of its 2^k input patterns, the majority
    label of the training examples showing it. Two classes train one network; three or more train
    one network per class (a multi-class model).

    Parameters
    ----------
    k : int or sequence of int, default None
        Inputs per LUT (1 to 16), or one per layer, first hidden layer first, the last repeating
        upward (``(12, 8)`` is ``lutnet train --k 12/8``; two classes only). None: the library's
        default (8).
    layers : str or sequence of int, default None
        Hidden layers: ``"5x1024"``, ``"1024,512"`` or a sequence of widths; ``"0"`` or ``()`` for
        none. None: the library's default (``"5x1024"``).
    wiring : str, default None
        ``"random"``, ``"local:S"`` or ``"hier:S,NEAR,L"`` (see the README). None: random. Windows
        read the images of ``image_shape``; without it, rows have no 2-D shape, so windows see
        consecutive bytes.
    threshold : int, default None
        An input byte is a 1 bit when it is at least this (1 to 255). None: 128.
    input_bits : str or sequence of str, default None
        Bits of each byte beyond the threshold (``"threshold,mean"``). None: the threshold bits.
        ``deskew`` and ``neighbours:D`` need images of a known height and width: give
        ``image_shape`` (without it the library refuses them).
    encoding : {"auto", "bytes", "quantile"}, default "auto"
        How features become the bytes the network reads: ``"bytes"`` reads them as they are
        (integers 0 to 255, e.g. ``uint8`` pixels); ``"quantile"`` through a thermometer of
        thresholds at the training data's quantiles (see :mod:`lutnet.encoding`). ``"auto"``:
        ``"bytes"`` for a ``uint8`` array, ``"quantile"`` for any other.
    quantile_bits : int, default 8
        Thermometer thresholds per feature for the ``"quantile"`` encoding.
    seed : int, default None
        Seed of the wiring and of tie-breaking (0 to 2^64 - 1): the same seed gives the same
        network. None: 0.
    threads : int, default None
        Worker threads for training and prediction; 0 or None: one per core.
    image_shape : tuple of int, default None
        ``(height, width)`` or ``(height, width, channels)`` when every row of ``X`` is an image
        flattened pixel after pixel (a pixel's channels together, as IDX files and
        ``images.reshape(n, -1)`` give them): training reads the rows as such images
        (``lutnet_dataset_from_images``), so ``deskew``, ``neighbours:D`` and windowed wiring see
        them, and the model records the shape; :meth:`predict` takes the same flattened rows. The
        product must equal the number of features. The features are the pixels' bytes: ``"auto"``
        encoding is ``"bytes"`` and ``"quantile"`` is refused. None: rows are flat bytes.

    Attributes
    ----------
    classes_ : ndarray of the class labels, sorted.
    n_features_in_ : int, features per example.
    encoding_ : ``"bytes"`` or ``"quantile"``, the encoding used.
    input_columns_, input_thresholds_ : the thermometer (``"quantile"``): the feature each
        input byte reads and the value it must exceed; None for ``"bytes"``.
    model_ : the trained model (``lutnet_model``); :meth:`save` writes its model file.
    """

    def __init__(self, k=None, layers=None, wiring=None, threshold=None, input_bits=None, encoding="auto",
                 quantile_bits=8, seed=None, threads=None, image_shape=None):
        self.k = k
        self.layers = layers
        self.wiring = wiring
        self.threshold = threshold
        self.input_bits = input_bits
        self.encoding = encoding
        self.quantile_bits = quantile_bits
        self.seed = seed
        self.threads = threads
        self.image_shape = image_shape

    def fit(self, X, y):
        """Trains the network on ``X`` (examples × features) and the class labels ``y``.

        Raises ``ValueError`` on bad input: :class:`lutnet.LUTNetError` (a ``ValueError``) with the
        C library's message for what the library checks (the options, fewer than two classes, no
        examples); a ``ValueError`` naming ``image_shape`` when its product is not the number of
        features or the encoding is ``"quantile"``.
        """
        X, y = validate_data(self, X, y, dtype=[np.float64, np.uint8], ensure_min_samples=0)
        check_classification_targets(y)
        classes, labels = np.unique(y, return_inverse=True)
        if classes.shape[0] > MAX_CLASSES:
            raise ValueError(f"y has {classes.shape[0]} classes: LUTNet tells at most {MAX_CLASSES} apart")
        encoding = self._resolved_encoding(X)
        columns = thresholds = None
        if encoding == "quantile":
            columns, thresholds = quantile_thresholds(X.astype(np.float64, copy=False), self._quantile_bits())
            pixels = thermometer_bytes(X, columns, thresholds)
        else:
            pixels = _as_bytes(X)
        parameters, keep = make_parameters(k=self.k, layers=self.layers, wiring=self.wiring, threshold=self.threshold,
                                           input_bits=self.input_bits, seed=self.seed, threads=self.threads)
        # Group g of the task is class g: "0:1" trains one network, "0:1:2" a multi-class model.
        task = ":".join(str(index) for index in range(classes.shape[0]))
        with Dataset(pixels, labels.astype(np.uint8), self.image_shape) as data:
            try:
                model = Model.train(data, task, parameters)
            except LUTNetError as error:
                if classes.shape[0] == 1:
                    raise LUTNetError(error.status, f"y has 1 class ({classes[0]!r}), LUTNetClassifier needs two or more: "
                                                    f"{error.message}") from None
                raise
        del keep  # the buffers `parameters` pointed to, alive until training returned
        self.classes_ = classes
        self.encoding_ = encoding
        self.input_columns_ = columns
        self.input_thresholds_ = thresholds
        self.model_ = model
        return self

    def encode(self, X):
        """The bytes the network reads for ``X``: what a C program gives ``lutnet_predict`` for
        a model this estimator saved."""
        check_is_fitted(self)
        X = check_array(X, dtype=[np.float64, np.uint8], ensure_min_samples=0)
        if self.encoding_ == "bytes":
            return _as_bytes(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features, but {type(self).__name__} is expecting "
                             f"{self.n_features_in_} features as input")
        return thermometer_bytes(X, self.input_columns_, self.input_thresholds_)

    def predict(self, X):
        """The class of every row of ``X``."""
        inputs = self.encode(X)  # first: it refuses an unfitted estimator
        return self.classes_[self.model_.predict(inputs)]

    def save(self, path):
        """Writes the model file (LUTNet's format, as ``lutnet train --save``): ``lutnet eval`` and
        C programs read it. It holds the network over the bytes :meth:`encode` makes; class labels
        and a ``"quantile"`` thermometer stay with the estimator (pickle it to keep them)."""
        check_is_fitted(self)
        self.model_.save(path)

    @classmethod
    def load(cls, path, classes=None):
        """A fitted classifier from a model file (``lutnet train --save``, ``lutnet_model_save``):
        it reads bytes (``encoding="bytes"``) and answers ``classes[g]`` for the task's group g
        (by default g itself). Its constructor options are the defaults: the network is the file's."""
        model = Model.load(path)
        classifier = cls(encoding="bytes")
        labels = np.arange(model.class_count) if classes is None else np.asarray(classes)
        if labels.shape != (model.class_count,):
            raise ValueError(f"{path} tells {model.class_count} classes apart, but {labels.shape[0]} classes were given")
        classifier.classes_ = labels
        classifier.n_features_in_ = model.input_count
        classifier.encoding_ = "bytes"
        classifier.input_columns_ = classifier.input_thresholds_ = None
        classifier.model_ = model
        return classifier

    def _resolved_encoding(self, X):
        if self.encoding not in _ENCODINGS:
            raise ValueError(f"encoding must be one of {', '.join(map(repr, _ENCODINGS))}, not {self.encoding!r}")
        if self.image_shape is not None:
            if self.encoding == "quantile":
                raise ValueError(f"image_shape {self.image_shape!r} reads the features as the images' bytes: "
                                 "it needs encoding 'bytes' (or 'auto'), not 'quantile'")
            return "bytes"
        if self.encoding == "auto":
            return "bytes" if X.dtype == np.uint8 else "quantile"
        return self.encoding

    def _quantile_bits(self):
        bits = self.quantile_bits
        if isinstance(bits, (bool, np.bool_)) or not isinstance(bits, numbers.Integral) or not 1 <= bits <= 255:
            raise ValueError(f"quantile_bits must be an integer from 1 to 255, not {bits!r}")
        return int(bits)


def _as_bytes(X):
    """``X`` as bytes: as it is when ``uint8``, else when every value is an integer 0 to 255."""
    if X.dtype == np.uint8:
        return X
    if X.size and not np.all((X >= 0) & (X <= 255) & (np.floor(X) == X)):
        raise ValueError("encoding 'bytes' reads integers from 0 to 255: use encoding='quantile' for other numbers")
    return X.astype(np.uint8)
