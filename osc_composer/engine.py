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
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .encoding import BOS, DecoderState, Vocabulary, decoder_state_after, notes_to_tokens, shift_tokens
from .notes import Note, end_beats, shift_notes
from .params import SamplingParams
from .theory import allowed_pitches

if TYPE_CHECKING:
    import keras

    from .model import ModelMetadata

MAX_SEED_TOKENS = 512  # older context adds little to an LSTM and costs priming time
NEG_INF = np.float32(-np.inf)


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

    @classmethod
    def from_keras(cls, model: keras.Model) -> LstmWeights:
        """Copy weights out of a model built by :func:`osc_composer.model.build_model`."""
        embedding = None
        lstm_layers: list[LstmLayer] = []
        first_input_table = None
        dense = None
        for layer in model.layers:
            kind = type(layer).__name__
            if kind == "Embedding":
                embedding = np.asarray(layer.embeddings.numpy(), dtype=np.float32)
            elif kind == "LSTM":
                cell = layer.cell
                if cell.activation.__name__ != "tanh" or cell.recurrent_activation.__name__ != "sigmoid":
                    raise ValueError("the engine supports LSTMs with tanh/sigmoid activations only")
                kernel = np.asarray(cell.kernel.numpy(), dtype=np.float32)
                recurrent = np.asarray(cell.recurrent_kernel.numpy(), dtype=np.float32)
                units = recurrent.shape[0]
                bias = (
                    np.asarray(cell.bias.numpy(), dtype=np.float32)
                    if cell.use_bias
                    else np.zeros(4 * units, np.float32)
                )
                if not lstm_layers:
                    # Embedding lookup then projection == a lookup in the product; one-hot == the kernel.
                    first_input_table = (embedding @ kernel if embedding is not None else kernel) + bias
                    lstm_layers.append(LstmLayer(None, recurrent, bias))
                else:
                    lstm_layers.append(LstmLayer(kernel, recurrent, bias))
            elif kind == "Dense":
                dense = layer
        if first_input_table is None or dense is None:
            raise ValueError("model has no LSTM layer or no Dense output layer")
        return cls(
            input_table=np.ascontiguousarray(first_input_table, dtype=np.float32),
            layers=tuple(lstm_layers),
            dense_kernel=np.asarray(dense.kernel.numpy(), dtype=np.float32),
            dense_bias=np.asarray(dense.bias.numpy(), dtype=np.float32),
        )

    @property
    def flops_per_token(self) -> int:
        """Multiply-adds ×2 of one step at batch 1: the arithmetic the hardware must do."""
        total = 0
        for layer in self.layers:
            total += 2 * layer.recurrent.size
            if layer.kernel is not None:
                total += 2 * layer.kernel.size
        return total + 2 * self.dense_kernel.size


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # tanh form: no overflow warnings for large |x|, same value as 1 / (1 + exp(-x))
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class LstmState:
    """Hidden and cell states of every layer for a batch of rows."""

    def __init__(self, h: list[np.ndarray], c: list[np.ndarray]) -> None:
        self.h = h
        self.c = c

    @classmethod
    def zeros(cls, weights: LstmWeights, batch: int) -> LstmState:
        return cls(
            [np.zeros((batch, layer.units), np.float32) for layer in weights.layers],
            [np.zeros((batch, layer.units), np.float32) for layer in weights.layers],
        )

    def repeat(self, rows: int) -> LstmState:
        """A batch of ``rows`` copies of a one-row state."""
        return LstmState([np.repeat(h, rows, axis=0) for h in self.h], [np.repeat(c, rows, axis=0) for c in self.c])

    @classmethod
    def stack(cls, states: list[LstmState]) -> LstmState:
        layers = range(len(states[0].h))
        return cls(
            [np.concatenate([s.h[i] for s in states]) for i in layers],
            [np.concatenate([s.c[i] for s in states]) for i in layers],
        )


def lstm_step(weights: LstmWeights, tokens: np.ndarray, state: LstmState) -> np.ndarray:
    """Advance ``state`` in place by one token per row; returns logits (rows, vocab)."""
    x = None
    for index, layer in enumerate(weights.layers):
        if layer.kernel is None:
            z = weights.input_table[tokens] + state.h[index] @ layer.recurrent
        else:
            z = x @ layer.kernel + state.h[index] @ layer.recurrent + layer.bias
        u = layer.units
        i = _sigmoid(z[:, :u])
        f = _sigmoid(z[:, u : 2 * u])
        g = np.tanh(z[:, 2 * u : 3 * u])
        o = _sigmoid(z[:, 3 * u :])
        c = f * state.c[index] + i * g
        h = o * np.tanh(c)
        state.c[index] = c
        state.h[index] = h
        x = h
    return x @ weights.dense_kernel + weights.dense_bias


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

    def __init__(self, weights: LstmWeights, vocab: Vocabulary, name: str = "model") -> None:
        self.weights = weights
        self.vocab = vocab
        self.name = name
        kinds = np.zeros(vocab.size, dtype=np.int8)
        kinds[vocab.velocity_offset : vocab.pitch_offset] = 1
        kinds[vocab.pitch_offset : vocab.duration_offset] = 2
        kinds[vocab.duration_offset : vocab.shift_offset] = 3
        kinds[vocab.shift_offset :] = 4
        self._is_velocity = kinds == 1
        self._is_pitch = kinds == 2
        self._is_duration = kinds == 3
        self._is_shift = kinds == 4
        # steps a DURATION/SHIFT token stands for (0 elsewhere), for the length masks
        self._steps = np.zeros(vocab.size, dtype=np.int64)
        self._steps[self._is_duration] = np.arange(1, vocab.max_duration_steps + 1)
        self._steps[self._is_shift] = np.arange(1, vocab.max_shift_steps + 1)

    @classmethod
    def from_keras(cls, model: keras.Model, metadata: ModelMetadata) -> Engine:
        return cls(LstmWeights.from_keras(model), metadata.vocabulary, metadata.name)

    # --- raw network -----------------------------------------------------------------
    def logits(self, tokens: np.ndarray) -> np.ndarray:
        """Logits after each token of one sequence, (time, vocab): for checks against Keras."""
        state = LstmState.zeros(self.weights, 1)
        return np.stack([lstm_step(self.weights, np.asarray([t]), state)[0] for t in np.asarray(tokens)])

    def prime(self, tokens: np.ndarray) -> tuple[LstmState, np.ndarray]:
        """Run a seed through the network; returns the state and the logits after its last token."""
        state = LstmState.zeros(self.weights, 1)
        logits = np.zeros((1, self.vocab.size), np.float32)
        for token in np.asarray(tokens, dtype=np.int64):
            logits = lstm_step(self.weights, np.asarray([token]), state)
        return state, logits

    # --- requests --------------------------------------------------------------------
    def seed_tokens(self, seed: list[Note], origin_beats: float) -> tuple[np.ndarray, DecoderState]:
        """BOS + the seed's events + shifts up to the origin, and the decoder state there."""
        tokens = notes_to_tokens(seed, self.vocab, bos=True)
        state = decoder_state_after(tokens, self.vocab)
        origin_steps = self.vocab.beats_to_steps(origin_beats)
        tokens = np.concatenate([tokens, np.asarray(shift_tokens(origin_steps - state.cursor_steps, self.vocab))])
        if len(tokens) > MAX_SEED_TOKENS:
            tokens = tokens[-MAX_SEED_TOKENS:]
            # restart at a clean event boundary: never in the middle of PITCH → DURATION
            starts = np.flatnonzero(self._is_shift[tokens] | self._is_velocity[tokens])
            tokens = tokens[starts[0] :] if len(starts) else tokens
        return tokens.astype(np.int64), state

    def generate(self, requests: list[GenerationRequest]) -> list[Continuation]:
        """Answer several requests in one batch: every variation of every request is a row."""
        started = time.perf_counter()
        rows: list[_Row] = []
        states: list[LstmState] = []
        first_logits: list[np.ndarray] = []
        for request_index, request in enumerate(requests):
            params = request.params
            origin = request.origin_beats
            if origin is None:
                origin = float(math.ceil(end_beats(request.seed) - 1e-9))
            seed_notes = [n for n in request.seed if n.start_beats < origin]
            tokens, decoder = self.seed_tokens(seed_notes, origin)
            state, logits = self.prime(tokens)
            rng = np.random.default_rng(None if params.seed < 0 else params.seed)
            total_steps = max(self.vocab.beats_to_steps(params.length), 1)
            pitches_ok = allowed_pitches(params.key, params.scale, params.low, params.high)
            # seed notes still sounding at the origin count for polyphony
            origin_steps = self.vocab.beats_to_steps(origin)
            sounding = np.zeros(128, np.int64)
            for note in seed_notes:
                end = self.vocab.beats_to_steps(note.end_beats) - origin_steps
                sounding[note.pitch] = max(sounding[note.pitch], end)
            for _ in range(params.variations):
                rows.append(
                    _Row(request_index, params, rng, origin, total_steps, pitches_ok, sounding.copy(), decoder)
                )
            states.append(state.repeat(params.variations))
            first_logits.append(np.repeat(logits, params.variations, axis=0))
        if not rows:
            return []
        state = LstmState.stack(states)
        logits = np.concatenate(first_logits)
        sampled = self._sample(rows, state, logits)
        seconds = time.perf_counter() - started
        results = [
            Continuation([], requests[i].params.length, 0.0, seconds=seconds) for i in range(len(requests))
        ]
        for row, notes in zip(rows, sampled):
            result = results[row.request_index]
            result.origin_beats = row.origin
            result.variations.append(notes)
            result.tokens_sampled += row.tokens
        return results

    def continue_notes(self, seed: list[Note], params: SamplingParams | None = None) -> Continuation:
        """Continue one seed; convenience for the CLI and tests."""
        return self.generate([GenerationRequest(seed, params or SamplingParams())])[0]

    # --- sampling --------------------------------------------------------------------
    def _sample(self, rows: list[_Row], state: LstmState, logits: np.ndarray) -> list[list[Note]]:
        vocab = self.vocab
        batch = len(rows)
        cursor = np.zeros(batch, np.int64)
        total = np.asarray([r.total_steps for r in rows], np.int64)
        pending = np.full(batch, -1, np.int64)
        after_velocity = np.zeros(batch, bool)
        velocity_bin = np.asarray(
            [r.decoder.velocity_bin if r.decoder.velocity_bin is not None else -1 for r in rows], np.int64
        )
        sounding_until = np.stack([r.sounding for r in rows])  # (rows, 128) end step of each pitch
        pitches_ok = np.stack([r.pitches_ok for r in rows])
        polyphony = np.asarray([r.params.polyphony for r in rows], np.int64)
        inv_temperature = np.asarray([1.0 / r.params.temperature for r in rows], np.float32)[:, None]
        top_k = np.asarray([r.params.top_k for r in rows], np.int64)
        top_p = np.asarray([r.params.top_p for r in rows], np.float32)
        needs_sort = bool((top_k > 0).any() or (top_p < 1.0).any())
        done = cursor >= total
        notes: list[list[Note]] = [[] for _ in rows]
        steps = self._steps
        pitch_lo = vocab.pitch_offset

        while not done.all():
            remaining = (total - cursor)[:, None]
            is_sounding = sounding_until > cursor[:, None]  # (rows, 128)
            can_start = pitches_ok & ~is_sounding & (is_sounding.sum(1) < polyphony)[:, None]
            allowed = np.zeros((batch, vocab.size), bool)
            free = (pending < 0) & ~done
            # after a PITCH: only a DURATION that ends within the requested length
            allowed |= (pending >= 0)[:, None] & self._is_duration & (steps <= remaining)
            # otherwise: a pitch that may start, a shift within the length, a velocity change
            allowed[:, pitch_lo : pitch_lo + 128] |= free[:, None] & can_start
            any_pitch = can_start.any(1)
            shift_ok = free & ~after_velocity
            allowed |= shift_ok[:, None] & self._is_shift & (steps <= remaining)
            velocity_ok = free & ~after_velocity & any_pitch
            allowed[:, vocab.velocity_offset : vocab.pitch_offset] |= velocity_ok[:, None]
            current = velocity_bin >= 0
            allowed[np.flatnonzero(current), vocab.velocity_offset + velocity_bin[current]] = False
            allowed[done, BOS] = True  # finished rows idle on a harmless token

            scores = np.where(allowed, logits * inv_temperature, NEG_INF)
            choice = _sample_rows(scores, top_k, top_p, needs_sort, [r.rng for r in rows])

            for index in np.flatnonzero(~done):
                token = int(choice[index])
                row = rows[index]
                row.tokens += 1
                if self._is_duration[token]:
                    length = int(steps[token])
                    pitch = int(pending[index])
                    vbin = int(velocity_bin[index])
                    velocity = vocab.bin_to_velocity(vbin) if vbin >= 0 else 90
                    start = vocab.steps_to_beats(int(cursor[index]))
                    notes[index].append(Note(pitch, velocity, start, vocab.steps_to_beats(length)))
                    sounding_until[index, pitch] = cursor[index] + length
                    pending[index] = -1
                elif self._is_pitch[token]:
                    pending[index] = token - pitch_lo
                    after_velocity[index] = False
                elif self._is_velocity[token]:
                    velocity_bin[index] = token - vocab.velocity_offset
                    after_velocity[index] = True
                elif self._is_shift[token]:
                    cursor[index] += steps[token]
                    if cursor[index] >= total[index]:
                        done[index] = True
            if done.all():
                break
            logits = lstm_step(self.weights, choice, state)
        return notes


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
    tokens: int = 0


def _sample_rows(
    scores: np.ndarray,
    top_k: np.ndarray,
    top_p: np.ndarray,
    needs_sort: bool,
    rngs: list[np.random.Generator],
) -> np.ndarray:
    """One token per row from masked, temperature-scaled logits, with top-k and top-p."""
    batch, vocab = scores.shape
    uniform = np.asarray([rng.random() for rng in rngs])
    if needs_sort:
        order = np.argsort(-scores, axis=1, kind="stable")
        ranked = np.take_along_axis(scores, order, axis=1)
    else:
        order = None
        ranked = scores
    peak = ranked.max(axis=1, keepdims=True)
    probs = np.exp(ranked - peak)
    probs /= probs.sum(axis=1, keepdims=True)
    if needs_sort:
        k = np.where(top_k > 0, top_k, vocab)[:, None]
        keep = np.arange(vocab)[None, :] < k
        # nucleus: keep events until their probability mass reaches top_p (the crossing one included)
        before = np.cumsum(probs, axis=1) - probs
        keep &= before < top_p[:, None]
        probs = np.where(keep, probs, 0.0)
    cumulative = np.cumsum(probs, axis=1)
    threshold = uniform[:, None] * cumulative[:, -1:]
    index = np.minimum((cumulative <= threshold).sum(axis=1), vocab - 1)
    # never land on a zero-probability entry through rounding at the end of the row
    valid = probs[np.arange(batch), index] > 0
    if not valid.all():
        index = np.where(valid, index, probs.argmax(axis=1))
    return order[np.arange(batch), index] if order is not None else index


def continuation_in_seed_time(continuation: Continuation, variation: int = 0) -> list[Note]:
    """A variation placed after its seed (for writing seed + continuation to one file)."""
    return shift_notes(continuation.variations[variation], continuation.origin_beats)


def load_engine(path: str) -> Engine:
    """Load a model file (Keras safe mode) and copy its weights into an engine."""
    from .model import load_model

    model, metadata = load_model(path)
    return Engine.from_keras(model, metadata)
