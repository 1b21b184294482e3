"""LUTNet from Python: networks of k-input lookup tables trained by memorization, through the C
library ``liblutnetc.so`` (ctypes over lutnet.h). See python/README.md."""

from ._api import LUTNetError, Model
from ._library import HEADER_VERSION, lib
from .classifier import LUTNetClassifier

__version__ = HEADER_VERSION


def library_version():
    """The version the loaded liblutnetc.so reports (``lutnet_version()``)."""
    return lib.lutnet_version().decode()


__all__ = ["LUTNetClassifier", "LUTNetError", "Model", "library_version", "__version__"]
