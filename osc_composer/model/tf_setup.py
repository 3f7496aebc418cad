"""Import TensorFlow quietly and with thread settings chosen for small machines."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

_configured = False


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """TF's C++ start-up lines (oneDNN, CUDA stubs) ignore TF_CPP_MIN_LOG_LEVEL; hide them."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # stderr replaced by an object without a file
        yield
        return
    sys.stderr.flush()
    saved = os.dup(fd)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    try:
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


def configure(*, intra_op_threads: int | None = None, inter_op_threads: int | None = None) -> None:
    """Silence TF's start-up log and set its thread pools (once, before any op runs).

    Inference runs in numpy (see ``engine``), so the server keeps TF's pools small:
    TF and BLAS pools spinning side by side were measured to slow a loop up to 50×.
    """
    global _configured
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if _configured:
        return
    with _native_stderr_silenced():
        import tensorflow as tf

        tf.config.list_physical_devices()  # device discovery logs here too
    try:
        if intra_op_threads is not None:
            tf.config.threading.set_intra_op_parallelism_threads(intra_op_threads)
        if inter_op_threads is not None:
            tf.config.threading.set_inter_op_parallelism_threads(inter_op_threads)
    except RuntimeError:
        pass  # TF already started its pools; keep what it has
    _configured = True
