"""LUTNet's C library, liblutnetc.so, through ctypes: where it is found, the structs of lutnet.h
(defined here once) and the prototypes of the functions this package calls.

The library is found, in this order, at the path in the environment variable ``LUTNET_LIBRARY``,
at ``.build/release/liblutnetc.so`` of the repository this package's source lives in (what
``swift build -c release`` writes), and by the dynamic loader's own search (``LD_LIBRARY_PATH``).
"""

import ctypes
import os
from pathlib import Path

#: The version of lutnet.h this package mirrors; the library must report the same.
HEADER_VERSION = "0.6.0"

#: The environment variable naming liblutnetc.so.
LIBRARY_VARIABLE = "LUTNET_LIBRARY"


class Error(ctypes.Structure):
    """``lutnet_error``: a call's status and its NUL-terminated message."""

    _fields_ = [("status", ctypes.c_int), ("message", ctypes.c_char * 512)]


class Parameters(ctypes.Structure):
    """``lutnet_parameters`` of lutnet.h 0.5.0, field for field (tests compare it with the header)."""

    _fields_ = [
        ("size", ctypes.c_size_t),
        ("k", ctypes.c_int32),
        ("layers", ctypes.c_char_p),
        ("hidden_widths", ctypes.POINTER(ctypes.c_uint32)),
        ("hidden_layer_count", ctypes.c_size_t),
        ("threshold", ctypes.c_int32),
        ("seed", ctypes.c_uint64),
        ("threads", ctypes.c_int32),
        ("wiring", ctypes.c_char_p),
        ("layer_ks", ctypes.POINTER(ctypes.c_int32)),
        ("layer_k_count", ctypes.c_size_t),
        ("input_bits", ctypes.c_char_p),
    ]


#: The status codes of ``lutnet_status``.
OK = 0
SPLIT_TRAIN = 0
SPLIT_TEST = 1


def _candidates():
    configured = os.environ.get(LIBRARY_VARIABLE)
    if configured:
        return [configured]
    # python/src/lutnet/_library.py -> the repository root is four levels up.
    repository = Path(__file__).resolve().parents[3]
    built = repository / ".build" / "release" / "liblutnetc.so"
    return [str(built)] if built.exists() else ["liblutnetc.so"]


def _load():
    path = _candidates()[0]
    try:
        library = ctypes.CDLL(path)
    except OSError as error:
        raise ImportError(
            f"cannot load LUTNet's C library {path!r} ({error}): build it with `swift build -c release` "
            f"in the repository, or set {LIBRARY_VARIABLE} to the path of liblutnetc.so"
        ) from None
    c = ctypes
    P = c.POINTER
    prototypes = {
        "lutnet_version": (c.c_char_p, []),
        "lutnet_status_name": (c.c_char_p, [c.c_int]),
        "lutnet_default_parameters_sized": (None, [P(Parameters), c.c_size_t]),
        "lutnet_check_parameters_sized": (c.c_char_p, [P(Parameters)]),
        "lutnet_dataset_from_memory": (c.c_int, [P(c.c_uint8), P(c.c_uint8), c.c_size_t, c.c_size_t,
                                                 P(c.c_void_p), P(Error)]),
        "lutnet_dataset_from_images": (c.c_int, [P(c.c_uint8), P(c.c_uint8), c.c_size_t, c.c_size_t, c.c_size_t,
                                                 c.c_size_t, P(c.c_void_p), P(Error)]),
        "lutnet_dataset_free": (None, [c.c_void_p]),
        "lutnet_train_sized": (c.c_int, [c.c_void_p, c.c_char_p, P(Parameters), P(c.c_void_p), P(Error)]),
        "lutnet_predict": (c.c_int, [c.c_void_p, P(c.c_uint8), c.c_size_t, c.c_size_t, P(c.c_uint8), P(Error)]),
        "lutnet_model_save": (c.c_int, [c.c_void_p, c.c_char_p, P(Error)]),
        "lutnet_model_load": (c.c_int, [c.c_char_p, P(c.c_void_p), P(Error)]),
        "lutnet_model_input_count": (c.c_size_t, [c.c_void_p]),
        "lutnet_model_class_count": (c.c_size_t, [c.c_void_p]),
        "lutnet_model_task": (c.c_char_p, [c.c_void_p]),
        "lutnet_model_free": (None, [c.c_void_p]),
    }
    for name, (result, arguments) in prototypes.items():
        function = getattr(library, name)
        function.restype = result
        function.argtypes = arguments
    version = library.lutnet_version().decode()
    if version != HEADER_VERSION:
        raise ImportError(f"{path} is LUTNet {version}, but this package mirrors lutnet.h {HEADER_VERSION}: "
                          "rebuild the library or install the package of its version")
    library.path = path
    return library


lib = _load()
