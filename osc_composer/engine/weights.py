"""The network as plain arrays: weights copied out of a Keras model or read from its file.

:class:`LstmWeights` is the chain Embedding → LSTM… → Dense with the embedding folded into
the first layer's input projection; :class:`FusedWeights` lays it out for fast stepping
(:mod:`osc_composer.engine.lstm` does the arithmetic). Anything the engine would not compute
exactly as Keras does is refused here, when a model is loaded, not on a request.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ..model.files import SavedLayer

if TYPE_CHECKING:
    import keras

# layers that compute nothing at inference time
_PASS_THROUGH = frozenset({"InputLayer", "Dropout", "SpatialDropout1D", "GaussianNoise", "Activation"})


def _folded_config(layer: keras.layers.Layer) -> dict:
    """The config of the plain layer a training layer folds into."""
    if layer.folds_into == "ConditionedEmbedding":
        return {**layer.get_config(), "pitch_offsets": []}
    return {"activation": "linear"}


@dataclass(frozen=True)
class LstmLayer:
    kernel: np.ndarray | None  # (inputs, 4·units); None for the first layer (see input_table)
    recurrent: np.ndarray  # (units, 4·units)
    bias: np.ndarray  # (4·units,)

    @property
    def units(self) -> int:
        return self.recurrent.shape[0]


@dataclass(frozen=True)
class LstmWeights:
    """The network as plain arrays. ``input_table[token]`` is the first layer's input
    projection plus bias (embedding or one-hot folded in), so step one is a lookup."""

    input_table: np.ndarray  # (vocab, 4·units₁)
    layers: tuple[LstmLayer, ...]
    dense_kernel: np.ndarray  # (units_last, vocab)
    dense_bias: np.ndarray  # (vocab,)
    # models with controls: each control's embedding projected like the events', (classes, 4·units₁)
    control_tables: tuple[np.ndarray, ...] = ()

    @classmethod
    def from_keras(cls, model: keras.Model) -> LstmWeights:
        """Copy weights out of a model built by :func:`osc_composer.model.files.build_model`."""
        layers = [
            # a pitch-class training layer runs as the plain layer it folds into
            SavedLayer(layer.folds_into, _folded_config(layer), tuple(layer.folded_weights()))
            if hasattr(layer, "folded_weights")
            else SavedLayer(type(layer).__name__, layer.get_config(), tuple(v.numpy() for v in layer.weights))
            for layer in model.layers
        ]
        return cls.from_layers(layers)

    @classmethod
    def from_layers(cls, layers: list[SavedLayer]) -> LstmWeights:
        """Build from a chain of layers: [Embedding | CategoryEncoding] → LSTM… → Dense.

        Raises ``ValueError`` for anything the engine would not compute exactly as Keras does.
        """
        embedding = None
        controls: list[np.ndarray] = []
        control_tables: list[np.ndarray] = []
        lstm_layers: list[LstmLayer] = []
        first_input_table = None
        dense = None
        for layer in layers:
            kind, config = layer.class_name, layer.config
            weights = [np.asarray(w, dtype=np.float32) for w in layer.weights]
            if dense is not None and kind not in _PASS_THROUGH:
                raise ValueError(f"{kind} after the output layer")
            if kind == "Embedding":
                embedding = weights[0]
            elif kind == "ConditionedEmbedding":
                if len(weights) != 1 + len(config.get("control_sizes", ())) or config.get("pitch_offsets"):
                    raise ValueError("a ConditionedEmbedding that was not folded for inference")
                embedding, controls = weights[0], weights[1:]
            elif kind == "CategoryEncoding":
                if config.get("output_mode") != "one_hot":
                    raise ValueError("only one-hot CategoryEncoding is supported")
            elif kind == "LSTM":
                if config.get("activation") != "tanh" or config.get("recurrent_activation") != "sigmoid":
                    raise ValueError("the engine supports LSTMs with tanh/sigmoid activations only")
                if config.get("go_backwards") or not config.get("return_sequences", True):
                    raise ValueError("the engine supports forward LSTMs returning sequences only")
                kernel, recurrent = weights[0], weights[1]
                units = recurrent.shape[0]
                bias = weights[2] if config.get("use_bias", True) else np.zeros(4 * units, np.float32)
                if not lstm_layers:
                    # Embedding lookup then projection == a lookup in the product; one-hot == the kernel.
                    first_input_table = (embedding @ kernel if embedding is not None else kernel) + bias
                    # a control adds its embedding to the event's: its projection adds likewise
                    control_tables = [table @ kernel for table in controls]
                    lstm_layers.append(LstmLayer(None, recurrent, bias))
                else:
                    lstm_layers.append(LstmLayer(kernel, recurrent, bias))
            elif kind == "Dense":
                if config.get("activation") not in ("linear", "softmax"):  # softmax: same ranking of events
                    raise ValueError(f"unsupported output activation {config.get('activation')!r}")
                no_bias = np.zeros(weights[0].shape[1], np.float32)
                dense = (weights[0], weights[1] if config.get("use_bias", True) else no_bias)
            elif kind not in _PASS_THROUGH:
                raise ValueError(f"the engine cannot run a {kind} layer")
        if first_input_table is None or dense is None:
            raise ValueError("model has no LSTM layer or no Dense output layer")
        weights = cls(
            input_table=np.ascontiguousarray(first_input_table, dtype=np.float32),
            layers=tuple(lstm_layers),
            dense_kernel=dense[0],
            dense_bias=dense[1],
            control_tables=tuple(np.ascontiguousarray(t, dtype=np.float32) for t in control_tables),
        )
        weights.check()
        return weights

    def check(self) -> None:
        """Raise ``ValueError`` unless every shape fits the chain and every weight is finite:
        a wrong shape would otherwise fail on every request, a NaN or an infinity make every
        score NaN."""
        width = self.input_table.shape[1] if self.input_table.ndim == 2 else -1
        inputs = None
        for index, layer in enumerate(self.layers):
            # the layer's width from its input side: a recurrent kernel a row short is reported as such
            projection = self.input_table if layer.kernel is None else layer.kernel
            units = projection.shape[1] // 4 if projection.ndim == 2 else -1
            expected = {"recurrent": (units, 4 * units), "bias": (4 * units,)}
            if index == 0:
                expected["input projection"] = (self.input_table.shape[0], 4 * units)
            else:
                expected["kernel"] = (inputs, 4 * units)
            found = {
                "recurrent": layer.recurrent.shape,
                "bias": layer.bias.shape,
                "input projection": self.input_table.shape,
                "kernel": None if layer.kernel is None else layer.kernel.shape,
            }
            for name, shape in expected.items():
                if found[name] != shape:
                    raise ValueError(
                        f"LSTM layer {index + 1}: {name} has shape {found[name]}, expected {shape}"
                    )
            inputs = units
        vocab = self.dense_kernel.shape[1] if self.dense_kernel.ndim == 2 else -1
        if self.dense_kernel.shape != (inputs, vocab) or self.dense_bias.shape != (vocab,):
            raise ValueError(
                f"output layer: kernel {self.dense_kernel.shape} and bias {self.dense_bias.shape} do not "
                f"fit {inputs} units"
            )
        for table in self.control_tables:
            if table.ndim != 2 or table.shape[1] != width:
                raise ValueError(f"a control table has shape {table.shape}, expected (classes, {width})")
        arrays = [self.input_table, self.dense_kernel, self.dense_bias, *self.control_tables]
        arrays += [
            a for layer in self.layers for a in (layer.kernel, layer.recurrent, layer.bias) if a is not None
        ]
        if not all(np.isfinite(a).all() for a in arrays):
            raise ValueError("weights hold NaN or infinite values")

    @property
    def flops_per_token(self) -> int:
        """Multiply-adds ×2 of one step at batch 1: the arithmetic the hardware must do."""
        total = 0
        for layer in self.layers:
            total += 2 * layer.recurrent.size
            if layer.kernel is not None:
                total += 2 * layer.kernel.size
        return total + 2 * self.dense_kernel.size

    @cached_property
    def fused(self) -> FusedWeights:
        """The same network laid out for fast stepping (see :class:`FusedWeights`)."""
        return FusedWeights.from_weights(self)


@dataclass(frozen=True)
class FusedLayer:
    recurrent_t: np.ndarray  # (4·units, units)
    kernel_t: np.ndarray | None  # (4·units, inputs); None for the first layer
    bias: np.ndarray  # (4·units, 1); folded into the input table for the first layer
    units: int


@dataclass(frozen=True)
class FusedWeights:
    """Weights rearranged so one LSTM step is a few large numpy calls.

    * Gates are reordered from Keras's (i, f, g, o) to (i, f, o, g) and the rows of the
      three sigmoid gates are scaled by ½, so a single ``tanh`` over all four gates does
      the work: sigmoid(x) = ½·tanh(x/2) + ½ (exact: scaling by ½ is a power of two).
    * Matrices are transposed and states are columns, (units, rows): ``W @ h`` is a
      matrix-vector product at batch 1 and a well-shaped GEMM (N = rows) for variations.
    """

    input_table: np.ndarray  # (vocab, 4·units₁), bias included
    layers: tuple[FusedLayer, ...]
    dense_t: np.ndarray  # (vocab, units_last)
    dense_bias: np.ndarray  # (vocab, 1)
    control_tables: tuple[np.ndarray, ...]  # (classes, 4·units₁) per control

    @classmethod
    def from_weights(cls, weights: LstmWeights) -> FusedWeights:
        def gates(matrix: np.ndarray) -> np.ndarray:  # last axis: (i, f, g, o) → ½i, ½f, ½o, g
            i, f, g, o = np.split(matrix, 4, axis=-1)
            return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g], axis=-1).astype(np.float32)

        def transposed(matrix: np.ndarray) -> np.ndarray:
            return np.ascontiguousarray(matrix.T, dtype=np.float32)

        layers = tuple(
            FusedLayer(
                transposed(gates(layer.recurrent)),
                None if layer.kernel is None else transposed(gates(layer.kernel)),
                gates(layer.bias)[:, None],
                layer.units,
            )
            for layer in weights.layers
        )
        return cls(
            np.ascontiguousarray(gates(weights.input_table)),
            layers,
            transposed(weights.dense_kernel),
            np.asarray(weights.dense_bias, np.float32)[:, None],
            tuple(np.ascontiguousarray(gates(t)) for t in weights.control_tables),
        )
