"""Thin Python handles over lutnet.h: datasets from NumPy memory, models that train, predict,
save and load, and parameters. Every check of the network's options, tasks and sizes is the C
library's; its failures come back as :class:`LUTNetError` with the library's message."""

import ctypes
import numbers
import os
import tempfile

import numpy as np

from ._library import OK, Error, Parameters, lib

_BYTE_POINTER = ctypes.POINTER(ctypes.c_uint8)


class LUTNetError(ValueError):
    """A call of LUTNet's C API failed. ``status`` is the name of its ``lutnet_status`` (e.g.
    ``"LUTNET_ERROR_INVALID_PARAMETERS"``), the message is the library's sentence."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def _check(status, error):
    if status != OK:
        name = lib.lutnet_status_name(status).decode()
        raise LUTNetError(name, error.message.decode("utf-8", "replace"))


def _bytes(array):
    """A C-contiguous uint8 array and a pointer to its first byte (read-only use)."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    return array, array.ctypes.data_as(_BYTE_POINTER)


def _c_int(name, value, low, high):
    """``value`` as a C integer field: any integral number that the field can hold (range checks
    beyond that are the library's)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, not {value!r}")
    if not low <= int(value) <= high:
        raise ValueError(f"{name} = {value} does not fit the C field ({low} to {high})")
    return int(value)


_INT32 = (-(2**31), 2**31 - 1)


def make_parameters(k=None, layers=None, wiring=None, threshold=None, input_bits=None, seed=None, threads=None):
    """``lutnet_parameters`` with the library's defaults (``lutnet_default_parameters``) and the
    options that are not None: ``k`` an int or a sequence of ints (one per layer, as ``--k 12/8``),
    ``layers`` text ("5x1024", "1024,512") or a sequence of widths, ``input_bits`` text or a
    sequence of family names. Returns the struct and the buffers it points to (keep them alive
    while it is used)."""
    parameters = Parameters()
    lib.lutnet_default_parameters_sized(ctypes.byref(parameters), ctypes.sizeof(Parameters))
    keep = []
    if k is not None:
        if isinstance(k, numbers.Integral) and not isinstance(k, (bool, np.bool_)):
            parameters.k = _c_int("k", k, *_INT32)
        else:
            try:
                values = [_c_int("k", value, *_INT32) for value in k]
            except TypeError:
                raise ValueError(f"k must be an integer or a sequence of integers, not {k!r}") from None
            array = (ctypes.c_int32 * max(len(values), 1))(*values)
            keep.append(array)
            parameters.layer_ks = ctypes.cast(array, ctypes.POINTER(ctypes.c_int32))
            parameters.layer_k_count = len(values)
    if layers is not None:
        if isinstance(layers, str):
            parameters.layers = layers.encode()
        else:
            try:
                widths = [_c_int("layers", value, 0, 2**32 - 1) for value in layers]
            except TypeError:
                raise ValueError(f"layers must be text such as '5x1024' or a sequence of widths, not {layers!r}") from None
            array = (ctypes.c_uint32 * max(len(widths), 1))(*widths)
            keep.append(array)
            parameters.layers = None
            parameters.hidden_widths = ctypes.cast(array, ctypes.POINTER(ctypes.c_uint32))
            parameters.hidden_layer_count = len(widths)
    if threshold is not None:
        parameters.threshold = _c_int("threshold", threshold, *_INT32)
    if seed is not None:
        parameters.seed = _c_int("seed", seed, 0, 2**64 - 1)
    if threads is not None:
        parameters.threads = _c_int("threads", threads, *_INT32)
    for name, value in (("wiring", wiring), ("input_bits", input_bits)):
        if value is None:
            continue
        if not isinstance(value, str):
            try:
                value = ",".join(value)
            except TypeError:
                raise ValueError(f"{name} must be text or a sequence of names, not {value!r}") from None
        setattr(parameters, name, value.encode())
    return parameters, keep


def image_sides(image_shape, features):
    """``image_shape``, (height, width) or (height, width, channels), as (height, width, channels),
    refused with a ``ValueError`` naming it unless it holds 2 or 3 positive integers whose product
    is ``features``, the bytes of a row (the library checks each side's limits)."""
    try:
        sides = tuple(image_shape)
    except TypeError:
        sides = ()
    if (len(sides) not in (2, 3)
            or not all(isinstance(side, numbers.Integral) and not isinstance(side, (bool, np.bool_)) and side >= 1
                       for side in sides)):
        raise ValueError(f"image_shape must be (height, width) or (height, width, channels) of positive integers, "
                         f"not {image_shape!r}")
    sides = tuple(int(side) for side in sides)
    height, width, channels = sides + (1,) * (3 - len(sides))
    if height * width * channels != features:
        raise ValueError(f"image_shape {sides} makes images of {height * width * channels} bytes, "
                         f"but X has {features} features")
    return height, width, channels


class Dataset:
    """``lutnet_dataset`` made from memory: ``pixels`` (examples × bytes, uint8) and ``labels``
    (one byte each); the library copies both. With ``image_shape`` (height, width) or (height,
    width, channels), each row is an image of that shape, flattened pixel after pixel with a
    pixel's channels together (``lutnet_dataset_from_images``); without it, flat bytes
    (``lutnet_dataset_from_memory``)."""

    def __init__(self, pixels, labels, image_shape=None):
        pixels = np.asarray(pixels)
        if pixels.ndim != 2:
            raise ValueError(f"pixels must be a 2-D array (examples × bytes), not of shape {pixels.shape}")
        pixels, pixel_pointer = _bytes(pixels)
        labels, label_pointer = _bytes(labels)
        if labels.shape != (pixels.shape[0],):
            raise ValueError(f"{labels.shape[0]} labels for {pixels.shape[0]} examples")
        handle = ctypes.c_void_p()
        error = Error()
        if image_shape is None:
            status = lib.lutnet_dataset_from_memory(pixel_pointer, label_pointer, pixels.shape[0], pixels.shape[1],
                                                    ctypes.byref(handle), ctypes.byref(error))
        else:
            height, width, channels = image_sides(image_shape, pixels.shape[1])
            status = lib.lutnet_dataset_from_images(pixel_pointer, label_pointer, pixels.shape[0], height, width,
                                                    channels, ctypes.byref(handle), ctypes.byref(error))
        _check(status, error)
        self.handle = handle

    def close(self, _free=lib.lutnet_dataset_free):  # bound here: usable while the interpreter exits
        if getattr(self, "handle", None):
            _free(self.handle)
            self.handle = None

    __del__ = close

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()


class Model:
    """``lutnet_model``: a trained network (binary) or multi-class model. Pickles as the bytes of
    its model file."""

    def __init__(self, handle):
        self.handle = handle

    @classmethod
    def train(cls, dataset, task, parameters):
        """Trains on ``dataset`` for ``task`` ("0:1", "0:1:2", ...) with ``parameters``."""
        handle = ctypes.c_void_p()
        error = Error()
        _check(lib.lutnet_train_sized(dataset.handle, task.encode(), ctypes.byref(parameters), ctypes.byref(handle),
                                      ctypes.byref(error)), error)
        return cls(handle)

    @classmethod
    def load(cls, path):
        """Reads a model file (any version the library reads)."""
        handle = ctypes.c_void_p()
        error = Error()
        _check(lib.lutnet_model_load(os.fsencode(path), ctypes.byref(handle), ctypes.byref(error)), error)
        return cls(handle)

    def save(self, path):
        """Writes the model file, as ``lutnet train --save`` does."""
        error = Error()
        _check(lib.lutnet_model_save(self.handle, os.fsencode(path), ctypes.byref(error)), error)

    @property
    def input_count(self):
        return lib.lutnet_model_input_count(self.handle)

    @property
    def class_count(self):
        return lib.lutnet_model_class_count(self.handle)

    @property
    def task(self):
        return lib.lutnet_model_task(self.handle).decode()

    def predict(self, pixels):
        """The model's answer (a byte: the task's group) for each row of ``pixels``."""
        pixels = np.asarray(pixels)
        if pixels.ndim != 2:
            raise ValueError(f"pixels must be a 2-D array (examples × bytes), not of shape {pixels.shape}")
        pixels, pointer = _bytes(pixels)
        answers = np.empty(pixels.shape[0], dtype=np.uint8)
        error = Error()
        _check(lib.lutnet_predict(self.handle, pointer, pixels.shape[0], pixels.shape[1],
                                  answers.ctypes.data_as(_BYTE_POINTER), ctypes.byref(error)), error)
        return answers

    def to_bytes(self):
        """The model file's bytes."""
        with tempfile.TemporaryDirectory(prefix="lutnet-") as folder:
            path = os.path.join(folder, "model.lut")
            self.save(path)
            with open(path, "rb") as file:
                return file.read()

    @classmethod
    def from_bytes(cls, data):
        """A model from a model file's bytes."""
        with tempfile.TemporaryDirectory(prefix="lutnet-") as folder:
            path = os.path.join(folder, "model.lut")
            with open(path, "wb") as file:
                file.write(data)
            return cls.load(path)

    def __getstate__(self):
        return {"model_file": self.to_bytes()}

    def __setstate__(self, state):
        loaded = Model.from_bytes(state["model_file"])
        self.handle, loaded.handle = loaded.handle, None

    def close(self, _free=lib.lutnet_model_free):  # bound here: usable while the interpreter exits
        if getattr(self, "handle", None):
            _free(self.handle)
            self.handle = None

    __del__ = close
