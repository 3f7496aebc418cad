"""The inference engine: prime the LSTM on a seed once, then sample event by event.

Why numpy and not Keras at inference time: the tutorial way (``model.predict`` on a
sliding window for every event) costs seconds per phrase on a small CPU, and even one
compiled TF call per event pays ~0.6 ms of framework overhead, while one numpy LSTM step
of a 2×256 network is ~0.1 ms. So the engine copies the weights out of the Keras model
(which stays the source of truth; a test checks the logits agree to 1e-5) and carries
the LSTM state itself. Grammar, key/scale and range constraints are logit masks, so
every continuation decodes to valid notes of exactly the requested length.
"""

from __future__ import annotations

import math
import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from .encoding import (
    BOS,
    DEFAULT_VELOCITY,
    DURATION,
    NOTE_OFF,
    PAD,
    PITCH,
    SHIFT,
    VELOCITY,
    DecoderState,
    Vocabulary,
    decoder_state_after,
    notes_to_tokens,
    quantize_notes,
    shift_tokens,
)
from .model import SavedLayer
from .notes import Note, end_beats, shift_notes, sort_notes, transpose_notes
from .params import ParamError, SamplingParams
from .texture import AUTO, VOICE_CLASSES, measure_texture
from .theory import allowed_pitches, key_shift, white_key_shift

if TYPE_CHECKING:
    import keras

    from .model import ModelMetadata


class GenerationError(ValueError):
    """A request the engine could not answer (its batch's other requests may still be fine)."""


# layers that compute nothing at inference time
_PASS_THROUGH = frozenset({"InputLayer", "Dropout", "SpatialDropout1D", "GaussianNoise", "Activation"})
MAX_SEED_TOKENS = 512  # older context adds little to an LSTM and costs priming time
NEG_INF = np.float32(-np.inf)


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
        """Copy weights out of a model built by :func:`osc_composer.model.build_model`."""
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
    def fused(self) -> _FusedWeights:
        """The same network laid out for fast stepping (see :class:`_FusedWeights`)."""
        return _FusedWeights.from_weights(self)


@dataclass(frozen=True)
class _FusedLayer:
    recurrent_t: np.ndarray  # (4·units, units)
    kernel_t: np.ndarray | None  # (4·units, inputs); None for the first layer
    bias: np.ndarray  # (4·units, 1); folded into the input table for the first layer
    units: int


@dataclass(frozen=True)
class _FusedWeights:
    """Weights rearranged so one LSTM step is a few large numpy calls.

    * Gates are reordered from Keras's (i, f, g, o) to (i, f, o, g) and the rows of the
      three sigmoid gates are scaled by ½, so a single ``tanh`` over all four gates does
      the work: sigmoid(x) = ½·tanh(x/2) + ½ (exact: scaling by ½ is a power of two).
    * Matrices are transposed and states are columns, (units, rows): ``W @ h`` is a
      matrix-vector product at batch 1 and a well-shaped GEMM (N = rows) for variations.
    """

    input_table: np.ndarray  # (vocab, 4·units₁), bias included
    layers: tuple[_FusedLayer, ...]
    dense_t: np.ndarray  # (vocab, units_last)
    dense_bias: np.ndarray  # (vocab, 1)
    control_tables: tuple[np.ndarray, ...]  # (classes, 4·units₁) per control

    @classmethod
    def from_weights(cls, weights: LstmWeights) -> _FusedWeights:
        def gates(matrix: np.ndarray) -> np.ndarray:  # last axis: (i, f, g, o) → ½i, ½f, ½o, g
            i, f, g, o = np.split(matrix, 4, axis=-1)
            return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g], axis=-1).astype(np.float32)

        def transposed(matrix: np.ndarray) -> np.ndarray:
            return np.ascontiguousarray(matrix.T, dtype=np.float32)

        layers = tuple(
            _FusedLayer(
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


def _cell(z: np.ndarray, c: np.ndarray, units: int) -> tuple[np.ndarray, np.ndarray]:
    """New (h, c) from fused pre-activations ``z`` (4·units, rows), which it overwrites."""
    np.tanh(z, out=z)
    sigmoids = z[: 3 * units]
    sigmoids *= 0.5
    sigmoids += 0.5  # rows (i, f, o) now hold the sigmoid gates, rows g the tanh one
    c = z[units : 2 * units] * c
    c += z[:units] * z[3 * units :]
    h = np.tanh(c)
    h *= z[2 * units : 3 * units]
    return h, c


class LstmState:
    """Hidden and cell states of every layer for a batch of rows, as columns (units, rows).

    ``controls`` (models with controls): each row's control classes' share of the first
    layer's input, (4·units₁, rows), added at every step: the row's style and texture.
    """

    def __init__(self, h: list[np.ndarray], c: list[np.ndarray], controls: np.ndarray | None = None) -> None:
        self.h = h
        self.c = c
        self.controls = controls

    @classmethod
    def zeros(cls, weights: LstmWeights, batch: int) -> LstmState:
        return cls(
            [np.zeros((layer.units, batch), np.float32) for layer in weights.layers],
            [np.zeros((layer.units, batch), np.float32) for layer in weights.layers],
        )

    def row(self, index: int) -> LstmState:
        """A one-row copy of row ``index``."""
        return LstmState(
            [h[:, index : index + 1].copy() for h in self.h],
            [c[:, index : index + 1].copy() for c in self.c],
            None if self.controls is None else self.controls[:, index : index + 1].copy(),
        )

    def repeat(self, rows: int) -> LstmState:
        """A batch of ``rows`` copies of a one-row state."""
        return LstmState(
            [np.repeat(h, rows, axis=1) for h in self.h],
            [np.repeat(c, rows, axis=1) for c in self.c],
            None if self.controls is None else np.repeat(self.controls, rows, axis=1),
        )

    @classmethod
    def stack(cls, states: list[LstmState]) -> LstmState:
        layers = range(len(states[0].h))
        controls = [s.controls for s in states]
        return cls(
            [np.concatenate([s.h[i] for s in states], axis=1) for i in layers],
            [np.concatenate([s.c[i] for s in states], axis=1) for i in layers],
            None if any(c is None for c in controls) else np.concatenate(controls, axis=1),
        )


def lstm_step(weights: LstmWeights, tokens: np.ndarray, state: LstmState) -> np.ndarray:
    """Advance ``state`` in place by one token per row; returns logits (rows, vocab)."""
    fused = weights.fused
    x = None
    for index, layer in enumerate(fused.layers):
        z = layer.recurrent_t @ state.h[index]
        if layer.kernel_t is None:
            z += fused.input_table[tokens].T
            if state.controls is not None:
                z += state.controls
        else:
            z += layer.kernel_t @ x
            z += layer.bias
        x, state.c[index] = _cell(z, state.c[index], layer.units)
        state.h[index] = x
    logits = fused.dense_t @ x
    logits += fused.dense_bias
    return logits.T


@dataclass
class Continuation:
    """The answer to one request: ``variations`` note lists, beats counted from the seed's end."""

    variations: list[list[Note]]
    length_beats: float
    origin_beats: float  # where in the seed's time the continuation starts
    tokens_sampled: int = 0
    seconds: float = 0.0


@dataclass
class GenerationRequest:
    """A seed and its parameters; ``origin_beats`` defaults to the seed's end rounded up to a beat."""

    seed: list[Note]
    params: SamplingParams = field(default_factory=SamplingParams)
    origin_beats: float | None = None


class Engine:
    """Continue seeds with one model. Thread-compatible: callers serialise :meth:`generate`."""

    def __init__(
        self,
        weights: LstmWeights,
        vocab: Vocabulary,
        name: str = "model",
        *,
        prime_cache_size: int = 64,
        key_normalized: bool = False,
        styles: tuple[str, ...] = (),
    ) -> None:
        # a model trained on music moved to C major / A minor hears every seed moved there
        # too, and its continuation moved back (see :meth:`key_shift`)
        self.key_normalized = key_normalized
        self.styles = tuple(styles)  # style classes 1…n of a model with controls
        self.has_controls = bool(weights.control_tables)
        self.enforce_voices = True  # see voice_cap
        self.prime_cache_size = prime_cache_size  # primed seeds kept (0: none), ~6 KB each
        self._prime_cache: OrderedDict[bytes, tuple[LstmState, np.ndarray]] = OrderedDict()
        self.weights = weights
        self.vocab = vocab
        self.name = name
        weights.fused  # noqa: B018 -- lay the weights out now, not on the first request
        kinds = vocab.kinds
        self._kinds = kinds.tolist()
        self._is_velocity = kinds == VELOCITY
        self._is_pitch = kinds == PITCH
        self._is_duration = kinds == DURATION
        self._is_shift = kinds == SHIFT
        # steps a DURATION/SHIFT token stands for (0 elsewhere), for the length masks
        self._steps = np.asarray(vocab.steps_of_token)
        self._steps_list = self._steps.tolist()
        self._pitch_list = vocab.pitch_of_token.tolist()
        # The duration grammar as a table: what a row may emit, by its state and the steps
        # remaining (clipped: beyond the longest DURATION/SHIFT every length fits). Pitches
        # and velocities are narrowed per step by the key, polyphony and current velocity.
        # (The note-off grammar depends on which notes sound: see _sample_note_offs.)
        self._reach = max(vocab.max_duration_steps, vocab.max_shift_steps)
        remaining = np.arange(self._reach + 1)[:, None]
        fits = self._steps[None, :] <= remaining
        grammar = np.zeros((4, self._reach + 1, vocab.size), bool)
        grammar[_FREE] = (self._is_shift & fits) | self._is_velocity | self._is_pitch
        grammar[_AFTER_PITCH] = self._is_duration & fits
        grammar[_AFTER_VELOCITY] = self._is_pitch
        grammar[_DONE, :, BOS] = True  # finished rows idle on a harmless token
        self._grammar = grammar

    @classmethod
    def from_keras(cls, model: keras.Model, metadata: ModelMetadata) -> Engine:
        return cls(
            LstmWeights.from_keras(model),
            metadata.vocabulary,
            metadata.name,
            key_normalized=metadata.config.key_normalized,
            styles=metadata.config.styles,
        )

    # --- controls --------------------------------------------------------------------
    def controls_for(self, seed: list[Note], params: SamplingParams) -> tuple[int, int, int]:
        """The (style, voices, density) classes a request asks for; ``auto`` voices and
        density are the seed's own, ``auto`` style is left to the model (class 0).
        Raises :class:`ParamError` for a style this model does not know."""
        style = AUTO
        if params.style != "auto":
            if params.style not in self.styles:
                known = ", ".join(("auto", *self.styles))
                raise ParamError(f"style {params.style!r} is not one this model knows ({known})")
            style = self.styles.index(params.style) + 1
        texture = measure_texture(seed) if (not params.voices or not params.density) else None
        voices = params.voices or (texture.voice_class if texture else AUTO)
        density = params.density or (texture.density_class if texture else AUTO)
        return style, voices, density

    def voice_cap(self, voices: int, params: SamplingParams) -> int:
        """Most notes a continuation may sound at once because of its texture (models with
        controls). ``voices`` is the request's voices class from :meth:`controls_for`: the one
        asked for, or with ``auto`` the seed's own (its mean number of notes sounding, so a
        melody played legato still counts as one voice). 1–3 cap it there, so a melody is
        answered by a melody and two parts by at most two; 4 (four or more), an empty seed,
        or ``enforce_voices`` off (to measure what the model does by itself) leave only
        ``polyphony``."""
        if not (self.has_controls and self.enforce_voices) or not 0 < voices < len(VOICE_CLASSES):
            return params.polyphony
        return voices

    def control_vector(self, classes: tuple[int, int, int]) -> np.ndarray | None:
        """The controls' share of the first layer's input, (4·units₁, 1); None without controls."""
        if not self.has_controls:
            return None
        tables = self.weights.fused.control_tables
        return sum(table[index] for table, index in zip(tables, classes, strict=True))[:, None]

    def key_shift(self, seed: list[Note], params: SamplingParams) -> int:
        """Semitones a request is moved by before the model hears it (0 unless the model is
        key-normalised): the asked key's, when a scale is asked for, else the seed's."""
        if not self.key_normalized:
            return 0
        if params.scale != "chromatic":
            return white_key_shift(params.key, params.scale)
        return key_shift(seed)

    # --- raw network -----------------------------------------------------------------
    def logits(self, tokens: np.ndarray) -> np.ndarray:
        """Logits after each token of one sequence, (time, vocab), controls ``auto``: for
        checks against Keras."""
        state = LstmState.zeros(self.weights, 1)
        state.controls = self.control_vector((AUTO, AUTO, AUTO))
        return np.stack([lstm_step(self.weights, np.asarray([t]), state)[0] for t in np.asarray(tokens)])

    def prime(self, tokens: np.ndarray, controls: np.ndarray | None = None) -> tuple[LstmState, np.ndarray]:
        """Run one seed through the network: its state and the logits (1, vocab) after its last token."""
        return self.prime_many([tokens], None if controls is None else [controls])[0]

    def prime_many(
        self, sequences: list[np.ndarray], controls: list[np.ndarray | None] | None = None
    ) -> list[tuple[LstmState, np.ndarray]]:
        """Prime several seeds in one batch: (one-row state, logits (1, vocab)) for each.

        Layer by layer rather than token by token: each layer's recurrence is a loop over
        one matrix that stays in cache, the next layer's input projection for the whole
        seed is one matrix-matrix product, and the output layer runs for the last token only.
        Seeds of different lengths are right-aligned; a row keeps its zero state until its
        first token, so every row's result is exactly what priming it alone gives.
        ``controls``: per seed, its :meth:`control_vector` (models with controls).
        """
        fused = self.weights.fused
        lengths = np.asarray([len(s) for s in sequences], np.int64)
        steps, rows = int(lengths.max(initial=0)), len(sequences)
        starts = steps - lengths
        tokens = np.zeros((steps, rows), np.int64)
        for row, sequence in enumerate(sequences):
            tokens[starts[row] :, row] = sequence
        started = np.arange(steps)[:, None] >= starts[None, :]  # (time, rows)
        all_started = started.all(axis=1)
        state = LstmState.zeros(self.weights, rows)
        inputs = fused.input_table[tokens]  # (time, rows, 4·units): input projections, biases included
        row_controls = None
        if self.has_controls:
            given = controls or [None] * rows
            default = self.control_vector((AUTO, AUTO, AUTO))
            row_controls = np.concatenate([default if c is None else c for c in given], axis=1)
            inputs += row_controls.T[None]
        for index, layer in enumerate(fused.layers):
            if layer.kernel_t is not None:
                # one matrix-matrix product for every step and row of the layer below
                below = outputs.reshape(steps * rows, -1)  # noqa: F821 -- outputs of the layer below
                inputs = (below @ layer.kernel_t.T).reshape(steps, rows, -1)
                inputs += layer.bias[:, 0]
            h, c = state.h[index], state.c[index]
            outputs = np.zeros((steps, rows, layer.units), np.float32)
            for t in range(steps):
                z = layer.recurrent_t @ h
                z += inputs[t].T
                new_h, new_c = _cell(z, c, layer.units)
                if all_started[t]:
                    h, c = new_h, new_c
                else:  # rows whose seed has not begun stay at zero
                    h, c = np.where(started[t], new_h, h), np.where(started[t], new_c, c)
                outputs[t] = h.T
            state.h[index], state.c[index] = h, c
        logits = fused.dense_t @ state.h[-1]
        logits += fused.dense_bias
        logits[:, lengths == 0] = 0.0
        state.controls = row_controls
        return [(state.row(r), logits.T[r : r + 1]) for r in range(rows)]

    def _primed(
        self, sequences: list[np.ndarray], controls: list[tuple[int, int, int]]
    ) -> list[tuple[LstmState, np.ndarray]]:
        """:meth:`prime_many` through a small cache: a musician regenerating from the same seed
        with new parameters (the common case on stage) skips priming altogether."""
        if not self.has_controls:
            controls = [(AUTO, AUTO, AUTO)] * len(sequences)
        keys = [
            np.asarray(s, np.int64).tobytes() + bytes(c) for s, c in zip(sequences, controls, strict=True)
        ]
        missing = {
            k: (s, c) for k, s, c in zip(keys, sequences, controls, strict=True) if k not in self._prime_cache
        }
        fresh = {}
        if missing:
            seqs = [s for s, _ in missing.values()]
            vectors = [self.control_vector(c) for _, c in missing.values()]
            fresh = dict(zip(missing, self.prime_many(seqs, vectors), strict=True))
        results = []
        for key in keys:
            result = fresh[key] if key in fresh else self._prime_cache[key]
            if self.prime_cache_size:
                self._prime_cache[key] = result
                self._prime_cache.move_to_end(key)
            results.append(result)
        while len(self._prime_cache) > self.prime_cache_size:
            self._prime_cache.popitem(last=False)
        return results

    # --- requests --------------------------------------------------------------------
    def seed_tokens(self, seed: list[Note], origin_beats: float) -> tuple[np.ndarray, DecoderState]:
        """BOS + the seed's events + shifts up to the origin, and the decoder state there
        (note-off encoding: seed notes sounding at the origin stay open)."""
        tokens = notes_to_tokens(seed, self.vocab, bos=True, until_beats=origin_beats)
        state = decoder_state_after(tokens, self.vocab)
        origin_steps = self.vocab.beats_to_steps(origin_beats)
        shifts = np.asarray(shift_tokens(origin_steps - state.cursor_steps, self.vocab), dtype=np.int64)
        tokens = np.concatenate([tokens.astype(np.int64), shifts])
        if len(tokens) > MAX_SEED_TOKENS:
            tokens = tokens[-MAX_SEED_TOKENS:]
            # restart at a clean event boundary: never in the middle of PITCH → DURATION
            # (note-off: a note-off whose note-on was cut is ignored by the decoder)
            starts = np.flatnonzero(self._is_shift[tokens] | self._is_velocity[tokens])
            tokens = tokens[starts[0] :] if len(starts) else tokens
        return tokens, state

    def generate(self, requests: list[GenerationRequest], *, events: int | None = None) -> list[Continuation]:
        """Answer several requests in one batch: every variation of every request is a row.

        ``events`` (for benchmarks) samples exactly that many events per row and ignores
        ``length``; a PITCH cut off from its DURATION by that limit is dropped.
        """
        started = time.perf_counter()
        rows: list[_Row] = []
        states: list[LstmState] = []
        first_logits: list[np.ndarray] = []
        seeds: list[np.ndarray] = []
        seed_controls: list[tuple[int, int, int]] = []
        for request_index, request in enumerate(requests):
            params = request.params
            origin = request.origin_beats
            if origin is None:
                origin = float(math.ceil(end_beats(request.seed) - 1e-9))
            seed_notes = [n for n in request.seed if n.start_beats < origin]
            shift = self.key_shift(seed_notes, params)
            if shift:
                seed_notes = transpose_notes(seed_notes, shift)
            controls = self.controls_for(seed_notes, params) if self.has_controls else (0, 0, 0)
            seed_controls.append(controls)
            polyphony = min(params.polyphony, self.voice_cap(controls[1], params))
            tokens, decoder = self.seed_tokens(seed_notes, origin)
            seeds.append(tokens)
            rng = np.random.default_rng(None if params.seed < 0 else params.seed)
            # whole grid steps that fit in the length: a continuation never ends after it
            total_steps = math.floor(params.length * self.vocab.steps_per_beat + 1e-9)
            if events is not None:
                total_steps = _UNLIMITED
            pitches_ok = _shift_mask(
                allowed_pitches(params.key, params.scale, params.low, params.high), shift
            )
            # seed notes still sounding at the origin count for polyphony: duration encoding,
            # the step each pitch ends at; note-off encoding, the step it began (-1: silent)
            origin_steps = self.vocab.beats_to_steps(origin)
            due = None
            if self.vocab.note_offs:
                # the seed says when its held notes end: the continuation ends them then
                sounding = np.full(128, _SILENT, np.int64)
                due = np.full(128, _UNLIMITED, np.int64)
                for note in quantize_notes(seed_notes, self.vocab):
                    start = self.vocab.beats_to_steps(note.start_beats) - origin_steps
                    end = self.vocab.beats_to_steps(note.end_beats) - origin_steps
                    if start < 0 < end:
                        sounding[note.pitch], due[note.pitch] = start, end
            else:
                sounding = np.zeros(128, np.int64)
                for note in seed_notes:
                    end = self.vocab.beats_to_steps(note.end_beats) - origin_steps
                    sounding[note.pitch] = max(sounding[note.pitch], end)
            rows.extend(
                _Row(
                    request_index,
                    params,
                    rng,
                    origin,
                    total_steps,
                    pitches_ok,
                    sounding.copy(),
                    decoder,
                    shift,
                    due,
                    polyphony,
                )
                for _ in range(params.variations)
            )
        if not rows:
            return []
        for (state, logits), request in zip(self._primed(seeds, seed_controls), requests, strict=True):
            states.append(state.repeat(request.params.variations))
            first_logits.append(np.repeat(logits, request.params.variations, axis=0))
        state = LstmState.stack(states)
        logits = np.concatenate(first_logits)
        sample = self._sample_note_offs if self.vocab.note_offs else self._sample
        sampled = sample(rows, state, logits, events)
        seconds = time.perf_counter() - started
        results = [
            Continuation([], requests[i].params.length, 0.0, seconds=seconds) for i in range(len(requests))
        ]
        for row, notes in zip(rows, sampled, strict=True):
            result = results[row.request_index]
            result.origin_beats = row.origin
            result.variations.append(transpose_notes(notes, -row.shift) if row.shift else notes)
            result.tokens_sampled += row.tokens
        return results

    def continue_state(
        self,
        state: LstmState,
        logits: np.ndarray,
        sounding: dict[int, int],
        velocity_bin: int,
        params: SamplingParams,
        shift: int = 0,
        controls: tuple[int, int, int] | None = None,
    ) -> Continuation:
        """Continue from a live state (a :class:`~osc_composer.streaming.LiveStream`'s) instead
        of priming a seed: ``logits`` after its last event, ``sounding`` the model pitches
        still sounding → how many steps ago they began (their end is the model's to choose),
        ``shift`` the stream's key move, ``controls`` the control classes to go on with
        (None: the state's own; given, their voices cap polyphony as in :meth:`generate`).
        Note-off models only. Variations come as usual; times count from the state's
        moment. The state itself is not changed."""
        started = time.perf_counter()
        vocab = self.vocab
        rng = np.random.default_rng(None if params.seed < 0 else params.seed)
        began = np.full(128, _SILENT, np.int64)
        due = np.full(128, _UNLIMITED, np.int64)
        for pitch, ago in sounding.items():
            began[pitch], due[pitch] = -ago, vocab.max_duration_steps - ago
        total = math.floor(params.length * vocab.steps_per_beat + 1e-9)
        pitches_ok = _shift_mask(allowed_pitches(params.key, params.scale, params.low, params.high), shift)
        decoder = DecoderState(velocity_bin=velocity_bin if velocity_bin >= 0 else None)
        polyphony = (
            params.polyphony
            if controls is None
            else min(params.polyphony, self.voice_cap(controls[1], params))
        )
        rows = [
            _Row(
                0,
                params,
                rng,
                0.0,
                total,
                pitches_ok,
                began.copy(),
                decoder,
                shift,
                due.copy(),
                polyphony,
            )
            for _ in range(params.variations)
        ]
        copy = state.row(0).repeat(params.variations)
        if controls is not None and self.has_controls:
            copy.controls = np.repeat(self.control_vector(controls), params.variations, axis=1)
        sampled = self._sample_note_offs(rows, copy, np.repeat(logits[None], params.variations, axis=0))
        variations = [transpose_notes(notes, -shift) if shift else notes for notes in sampled]
        seconds = time.perf_counter() - started
        return Continuation(variations, params.length, 0.0, sum(r.tokens for r in rows), seconds)

    def continue_notes(self, seed: list[Note], params: SamplingParams | None = None) -> Continuation:
        """Continue one seed; convenience for the CLI and tests."""
        return self.generate([GenerationRequest(seed, params or SamplingParams())])[0]

    # --- sampling --------------------------------------------------------------------
    def _sample(
        self, rows: list[_Row], state: LstmState, logits: np.ndarray, events: int | None = None
    ) -> list[list[Note]]:
        vocab = self.vocab
        batch = len(rows)
        every_row = np.arange(batch)
        cursor = np.zeros(batch, np.int64)
        remaining = np.asarray([r.total_steps for r in rows], np.int64)
        phase = np.where(remaining > 0, _FREE, _DONE)  # where each row is in the grammar
        pending = [-1] * batch  # the PITCH waiting for its DURATION
        velocity_bin = [r.decoder.velocity_bin if r.decoder.velocity_bin is not None else -1 for r in rows]
        # the current velocity's token may not be repeated (PAD, never allowed, stands for "none")
        velocity_column = np.asarray(
            [vocab.velocity_offset + b if b >= 0 else PAD for b in velocity_bin], np.int64
        )
        sounding_until = np.stack([r.sounding for r in rows])  # (rows, 128) end step of each pitch
        pitches_ok = np.stack([r.pitches_ok for r in rows])
        polyphony = np.asarray([r.polyphony for r in rows], np.int64)
        inv_temperature, top_k, top_p, needs_sort, rngs = _sampling_settings(rows)
        active = [index for index in range(batch) if phase[index] != _DONE]
        notes: list[list[Note]] = [[] for _ in rows]
        kinds, steps = self._kinds, self._steps_list
        pitches = slice(vocab.pitch_offset, vocab.pitch_offset + 128)
        velocities = slice(vocab.velocity_offset, vocab.pitch_offset)

        while active:
            allowed = self._grammar[phase, np.minimum(remaining, self._reach)]
            is_sounding = sounding_until > cursor[:, None]  # (rows, 128)
            can_start = pitches_ok & ~is_sounding
            can_start &= (is_sounding.sum(axis=1) < polyphony)[:, None]
            allowed[:, pitches] &= can_start
            # a velocity change only where a pitch can follow it, never to the current velocity
            allowed[:, velocities] &= can_start.any(axis=1)[:, None]
            allowed[every_row, velocity_column] = False

            scores = np.where(allowed, logits * inv_temperature, NEG_INF)
            choice = _sample_rows(scores, top_k, top_p, needs_sort, rngs).tolist()

            still_active = []
            for index in active:
                token = choice[index]
                row = rows[index]
                row.tokens += 1
                kind = kinds[token]
                if kind == DURATION:
                    length = steps[token]
                    pitch = pending[index]
                    vbin = velocity_bin[index]
                    velocity = vocab.bin_to_velocity(vbin) if vbin >= 0 else DEFAULT_VELOCITY
                    start = int(cursor[index])
                    beats = vocab.steps_to_beats
                    notes[index].append(Note(pitch, velocity, beats(start), beats(length)))
                    sounding_until[index, pitch] = start + length
                    pending[index] = -1
                    phase[index] = _FREE
                elif kind == PITCH:
                    pending[index] = token - vocab.pitch_offset
                    phase[index] = _AFTER_PITCH
                elif kind == VELOCITY:
                    velocity_bin[index] = token - vocab.velocity_offset
                    velocity_column[index] = token
                    phase[index] = _AFTER_VELOCITY
                elif kind == SHIFT:
                    cursor[index] += steps[token]
                    remaining[index] -= steps[token]
                    phase[index] = _FREE if remaining[index] > 0 else _DONE
                if events is not None and row.tokens >= events:
                    phase[index] = _DONE
                if phase[index] != _DONE:
                    still_active.append(index)
            active = still_active
            if active:
                logits = lstm_step(self.weights, np.asarray(choice), state)
        return notes

    def _sample_note_offs(
        self, rows: list[_Row], state: LstmState, logits: np.ndarray, events: int | None = None
    ) -> list[list[Note]]:
        """The note-off grammar: at each moment note-offs first (of notes that have sounded at
        least a step), then velocity changes and note-ons, then a SHIFT. Every sounding note
        has a step it must end by (``due``): a seed note held past the origin, where the seed
        ends it (and no earlier); a note of the continuation, ``max_duration_steps`` after it
        began. Time never moves past a due step, so no note is ever left hanging; notes
        still sounding at the end of the length end there."""
        vocab = self.vocab
        batch = len(rows)
        every_row = np.arange(batch)
        cursor = np.zeros(batch, np.int64)
        remaining = np.asarray([r.total_steps for r in rows], np.int64)
        phase = np.where(remaining > 0, _FREE, _DONE)
        began = np.stack([r.sounding for r in rows])  # (rows, 128): start step, _SILENT if silent
        due = np.stack([r.due for r in rows])  # (rows, 128): the step each note must end by
        fixed = due != _UNLIMITED  # held seed notes: they end when the seed says, not before
        ours = np.zeros((batch, 128), bool)  # sounding notes this continuation started
        note_velocity = np.zeros((batch, 128), np.int64)
        velocity_bin = [r.decoder.velocity_bin if r.decoder.velocity_bin is not None else -1 for r in rows]
        velocity_column = np.asarray(
            [vocab.velocity_offset + b if b >= 0 else PAD for b in velocity_bin], np.int64
        )
        pitches_ok = np.stack([r.pitches_ok for r in rows])
        polyphony = np.asarray([r.polyphony for r in rows], np.int64)
        max_steps = vocab.max_duration_steps
        inv_temperature, top_k, top_p, needs_sort, rngs = _sampling_settings(rows)
        active = [index for index in range(batch) if phase[index] != _DONE]
        notes: list[list[Note]] = [[] for _ in rows]
        kinds, steps, pitch_of = self._kinds, self._steps_list, self._pitch_list
        ons = slice(vocab.pitch_offset, vocab.pitch_offset + 128)
        offs = slice(vocab.note_off_offset, vocab.note_off_offset + 128)
        velocities = slice(vocab.velocity_offset, vocab.pitch_offset)
        shift_steps = self._steps[vocab.shift_offset :]
        beats = vocab.steps_to_beats

        while active:
            sounding = began != _SILENT
            held = np.where(sounding, cursor[:, None] - began, 0)
            to_go = np.where(sounding, due - cursor[:, None], _UNLIMITED)
            overdue = sounding & (to_go <= 0)
            # time may move on until the first sounding note is due
            until_due = to_go.min(axis=1)
            reach = np.minimum(remaining, until_due)
            fresh_moment = phase == _FREE
            can_start = pitches_ok & ~sounding
            can_start &= (sounding.sum(axis=1) < polyphony)[:, None]
            can_start &= (phase != _DONE)[:, None]
            allowed = np.zeros((batch, vocab.size), bool)
            allowed[:, vocab.shift_offset :] = (shift_steps[None, :] <= reach[:, None]) & (
                phase != _AFTER_VELOCITY
            )[:, None]
            allowed[:, offs] = sounding & ~fixed & (held >= 1) & fresh_moment[:, None]
            allowed[:, ons] = can_start
            allowed[:, velocities] = (can_start.any(axis=1) & (phase != _AFTER_VELOCITY))[:, None]
            allowed[every_row, velocity_column] = False
            if overdue.any():
                late = overdue.any(axis=1)
                allowed[late] = False
                allowed[late, offs] = overdue[late]
            allowed[phase == _DONE, BOS] = True  # finished rows idle on a harmless token

            scores = np.where(allowed, logits * inv_temperature, NEG_INF)
            choice = _sample_rows(scores, top_k, top_p, needs_sort, rngs).tolist()

            still_active = []
            for index in active:
                token = choice[index]
                row = rows[index]
                row.tokens += 1
                kind = kinds[token]
                if kind == SHIFT:
                    cursor[index] += steps[token]
                    remaining[index] -= steps[token]
                    phase[index] = _FREE if remaining[index] > 0 else _DONE
                elif kind == NOTE_OFF:
                    pitch = pitch_of[token]
                    if ours[index, pitch]:
                        start = int(began[index, pitch])
                        notes[index].append(
                            Note(
                                pitch,
                                int(note_velocity[index, pitch]),
                                beats(start),
                                beats(int(cursor[index]) - start),
                            )
                        )
                        ours[index, pitch] = False
                    began[index, pitch] = _SILENT
                    fixed[index, pitch] = False
                elif kind == PITCH:
                    pitch = pitch_of[token]
                    began[index, pitch] = cursor[index]
                    due[index, pitch] = cursor[index] + max_steps
                    ours[index, pitch] = True
                    vbin = velocity_bin[index]
                    note_velocity[index, pitch] = (
                        vocab.bin_to_velocity(vbin) if vbin >= 0 else DEFAULT_VELOCITY
                    )
                    phase[index] = _ONSET
                elif kind == VELOCITY:
                    velocity_bin[index] = token - vocab.velocity_offset
                    velocity_column[index] = token
                    phase[index] = _AFTER_VELOCITY
                if events is not None and row.tokens >= events:
                    phase[index] = _DONE
                if phase[index] != _DONE:
                    still_active.append(index)
            active = still_active
            if active:
                logits = lstm_step(self.weights, np.asarray(choice), state)
        # notes still sounding end with the continuation (at least one step long)
        for index in range(batch):
            end = int(cursor[index])
            for pitch in np.flatnonzero(ours[index]).tolist():
                start = int(began[index, pitch])
                length = max(end - start, 1)
                notes[index].append(
                    Note(pitch, int(note_velocity[index, pitch]), beats(start), beats(length))
                )
        return [sort_notes(n) for n in notes]


# grammar phases of a row (the note-off grammar's _ONSET: a note-on at this moment, so
# no more note-offs until time moves on)
_FREE, _AFTER_PITCH, _AFTER_VELOCITY, _DONE = 0, 1, 2, 3
_ONSET = _AFTER_PITCH
_SILENT = np.iinfo(np.int64).min // 4  # note-off grammar: a pitch that is not sounding
_UNLIMITED = 2**62  # steps: no length limit (``events`` mode)


@dataclass
class _Row:
    request_index: int
    params: SamplingParams
    rng: np.random.Generator
    origin: float
    total_steps: int
    pitches_ok: np.ndarray
    sounding: np.ndarray
    decoder: DecoderState
    shift: int  # semitones between the request's pitches and the model's (key normalisation)
    # note-off grammar: the step each held seed note must end at (_UNLIMITED: not held)
    due: np.ndarray | None = None
    polyphony: int = 8  # most notes at once: the request's polyphony, capped by its voices
    tokens: int = 0


def _sampling_settings(rows: list[_Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool, list]:
    """Per row: 1 / temperature (a column), top-k, top-p, whether any row needs the sorted
    vocabulary, and the random generators: what both samplers hand to :func:`_sample_rows`."""
    inv_temperature = np.asarray([1.0 / r.params.temperature for r in rows], np.float32)[:, None]
    top_k = np.asarray([r.params.top_k for r in rows], np.int64)
    top_p = np.asarray([r.params.top_p for r in rows], np.float32)
    needs_sort = bool((top_k > 0).any() or (top_p < 1.0).any())
    return inv_temperature, top_k, top_p, needs_sort, [r.rng for r in rows]


def _shift_mask(pitches: np.ndarray, shift: int) -> np.ndarray:
    """A mask over MIDI pitches moved up by ``shift``; what moves past 0..127 is dropped."""
    moved = np.zeros_like(pitches)
    if shift >= 0:
        moved[shift:] = pitches[: len(pitches) - shift]
    else:
        moved[:shift] = pitches[-shift:]
    return moved


def _sample_rows(
    scores: np.ndarray,
    top_k: np.ndarray,
    top_p: np.ndarray,
    needs_sort: bool,
    rngs: list[np.random.Generator],
) -> np.ndarray:
    """One token per row from masked, temperature-scaled logits, with top-k and top-p.

    Inverse-CDF sampling with one uniform draw per row. A row without top-k/top-p walks the
    vocabulary in token order whatever the other rows do, so a seeded request gives the same
    result alone or batched with others. Top-k and top-p both keep a prefix of the sorted
    vocabulary, so sampling among the kept events only needs the prefix's length.
    """
    batch, vocab = scores.shape
    uniform = np.asarray([rng.random() for rng in rngs])[:, None]
    order = None
    ranked = scores
    sorted_rows = None
    if needs_sort:
        sorted_rows = (top_k > 0) | (top_p < 1.0)
        order = np.argsort(-scores, axis=1)
        if not sorted_rows.all():
            order[~sorted_rows] = np.arange(vocab)
        ranked = np.take_along_axis(scores, order, axis=1)
    best = ranked.max(axis=1, keepdims=True)
    if not np.isfinite(best).all():
        # no allowed event has a finite score (NaN logits, or nothing allowed): sampling
        # would pick a token that moves no row on, forever
        raise GenerationError("the model gave no finite score for any allowed event (NaN or infinite logits)")
    probs = ranked - best
    np.exp(probs, out=probs)  # unnormalised
    cumulative = np.cumsum(probs, axis=1)
    rows = np.arange(batch)
    if sorted_rows is None:
        total = cumulative[:, -1:]
    else:
        # nucleus: the shortest prefix whose mass reaches top_p (the crossing event included)
        nucleus = np.argmax(cumulative >= top_p[:, None] * cumulative[:, -1:], axis=1) + 1
        kept = np.where(sorted_rows, np.minimum(nucleus, np.where(top_k > 0, top_k, vocab)), vocab)
        total = cumulative[rows, kept - 1][:, None]
    above = cumulative > uniform * total
    index = np.argmax(above, axis=1)  # the first event whose cumulative mass passes the draw
    landed = above[rows, index]  # (then its probability is > 0: the mass rose there)
    if sorted_rows is not None:
        landed &= index < kept
    if not landed.all():  # rounding put the draw at the very top of the mass: take the likeliest
        index = np.where(landed, index, np.argmax(probs, axis=1))
    return order[rows, index] if order is not None else index


def continuation_in_seed_time(continuation: Continuation, variation: int = 0) -> list[Note]:
    """A variation placed after its seed (for writing seed + continuation to one file)."""
    return shift_notes(continuation.variations[variation], continuation.origin_beats)


def load_engine(path: str | os.PathLike) -> Engine:
    """Load a model file into an engine.

    The weights are read straight from the archive (zip + HDF5, no TensorFlow: the server
    starts in a fraction of a second and stays small); a file whose layout that reader
    does not know is loaded with Keras in safe mode instead. Either way no code in the
    file runs, and the Keras model stays the reference the engine is tested against.
    """
    from .model import ModelFileError, UnknownLayoutError, load_model, read_saved_layers

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
