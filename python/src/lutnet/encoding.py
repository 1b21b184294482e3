"""Numeric features as the bytes a LUT network reads.

LUTNet reads bytes and binarizes each at one threshold (``lutnet_parameters.threshold``). Images
of ``uint8`` pixels are such bytes already. Other numeric features go through a *quantile
thermometer*: for every feature, thresholds at the training data's quantiles 1/(b+1), ..., b/(b+1)
(``b`` = ``bits``; repeated values and values no example exceeds dropped), and per threshold a byte
that is 255 when the feature is above it and 0 otherwise. A feature becomes up to ``b`` bytes of
which the C library's threshold (any of 1 to 255) reads exactly these bits: a thermometer code of
the feature's rank in the training data. A constant feature gives no byte.
"""

import numpy as np


def quantile_thresholds(X, bits):
    """The thermometer of every column of ``X`` (examples × features, float): two arrays, the
    column each byte reads and the value it must exceed."""
    if X.shape[0] == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float64)
    levels = np.arange(1, bits + 1) / (bits + 1)
    quantiles = np.quantile(X, levels, axis=0, method="lower")  # values of X itself: bits × features
    columns, values = [], []
    for column in range(X.shape[1]):
        kept = np.unique(quantiles[:, column])
        kept = kept[kept < X[:, column].max()]
        columns.append(np.full(kept.shape[0], column, dtype=np.intp))
        values.append(kept)
    return np.concatenate(columns), np.concatenate(values)


def thermometer_bytes(X, columns, thresholds):
    """The bytes of ``X`` through a thermometer: 255 where ``X[:, column] > threshold``, else 0.
    At least one byte per example (all zero when no column has a threshold)."""
    if columns.shape[0] == 0:
        return np.zeros((X.shape[0], 1), dtype=np.uint8)
    encoded = np.empty((X.shape[0], columns.shape[0]), dtype=np.uint8)
    for start in range(0, X.shape[0], _ROWS_AT_ONCE):
        rows = X[start:start + _ROWS_AT_ONCE]
        np.multiply(rows[:, columns] > thresholds, 255, out=encoded[start:start + _ROWS_AT_ONCE], casting="unsafe")
    return encoded


# Rows encoded at once: bounds the float copy of the columns the bytes read.
_ROWS_AT_ONCE = 1024
