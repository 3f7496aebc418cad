"""Loading a model file into an :class:`~osc_composer.engine.generate.Engine`."""

from __future__ import annotations

import os

from ..model.files import ModelFileError, UnknownLayoutError, load_model, read_saved_layers
from .generate import Engine
from .weights import LstmWeights


def load_engine(path: str | os.PathLike) -> Engine:
    """Load a model file into an engine.

    The weights are read straight from the archive (zip + HDF5, no TensorFlow: the server
    starts in a fraction of a second and stays small); a file whose layout that reader
    does not know is loaded with Keras in safe mode instead. Either way no code in the
    file runs, and the Keras model stays the reference the engine is tested against.
    """
    try:
        metadata, layers = read_saved_layers(path)
        # a ValueError here (a layer the engine cannot run) is final: Keras would not change it
        weights = LstmWeights.from_layers(layers)
    except (UnknownLayoutError, IndexError):  # laid out in a way the reader does not know
        model, metadata = load_model(path)
        return Engine.from_keras(model, metadata)
    vocab_size = metadata.vocabulary.size
    if weights.dense_kernel.shape[1] != vocab_size:
        raise ModelFileError(
            path,
            f"model predicts {weights.dense_kernel.shape[1]} classes but its vocabulary has {vocab_size}",
        )
    if weights.input_table.shape[0] != vocab_size:
        raise ModelFileError(
            path, f"model reads {weights.input_table.shape[0]} events but its vocabulary has {vocab_size}"
        )
    if len(weights.control_tables) != (3 if metadata.config.controls else 0):
        raise ModelFileError(path, "its controls do not match its metadata")
    sizes = tuple(len(t) for t in weights.control_tables)
    if metadata.config.controls and sizes != metadata.config.control_sizes:
        raise ModelFileError(
            path, f"its controls have {sizes} classes, its metadata says {metadata.config.control_sizes}"
        )
    return Engine(
        weights,
        metadata.vocabulary,
        metadata.name,
        key_normalized=metadata.config.key_normalized,
        styles=metadata.config.styles,
    )
