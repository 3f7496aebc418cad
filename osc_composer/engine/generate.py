"""The inference engine: prime the LSTM on a seed once, then sample event by event.

A request is a seed and its :class:`~osc_composer.engine.params.SamplingParams`; every
variation of every request waiting is one row of a batch. Seeds are primed through a cache
(:mod:`.priming`) by the numpy LSTM (:mod:`.lstm`, weights from :mod:`.weights`), then
sampled under the encoding's grammar (:mod:`.sampler`). :mod:`.loader` makes an engine
from a model file.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..music.encoding import (
    SHIFT,
    VELOCITY,
    DecoderState,
    Vocabulary,
    decoder_state_after,
    notes_to_tokens,
    quantize_notes,
    shift_tokens,
)
from ..music.notes import Note, end_beats, shift_notes, transpose_notes
from ..music.texture import AUTO, VOICE_CLASSES, measure_texture
from ..music.theory import allowed_pitches, key_shift, white_key_shift
from .lstm import LstmState, lstm_step, prime
from .params import ParamError, SamplingParams
from .priming import PrimeCache, Primed
from .sampler import SILENT, UNLIMITED, NoteOffSampler, Row, TokenTables, sample, shift_mask
from .weights import LstmWeights

if TYPE_CHECKING:
    import keras

    from ..model.files import ModelMetadata

MAX_SEED_TOKENS = 512  # older context adds little to an LSTM and costs priming time


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
        self._prime_cache = PrimeCache(prime_cache_size)
        self.weights = weights
        self.vocab = vocab
        self.name = name
        weights.fused  # noqa: B018 -- lay the weights out now, not on the first request
        self._tables = TokenTables.of(vocab)
        self._is_velocity = vocab.kinds == VELOCITY
        self._is_shift = vocab.kinds == SHIFT

    @property
    def prime_cache_size(self) -> int:
        """Primed seeds kept (0: none), ~6 KB each."""
        return self._prime_cache.size

    @prime_cache_size.setter
    def prime_cache_size(self, size: int) -> None:
        self._prime_cache.size = size

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
        """Prime several seeds in one batch (:func:`~osc_composer.engine.lstm.prime`): (one-row
        state, logits (1, vocab)) for each. ``controls``: per seed, its :meth:`control_vector`
        (models with controls; None: ``auto``)."""
        row_controls = None
        if self.has_controls:
            given = controls or [None] * len(sequences)
            default = self.control_vector((AUTO, AUTO, AUTO))
            row_controls = np.concatenate([default if c is None else c for c in given], axis=1)
        return prime(self.weights, sequences, row_controls)

    def _primed(
        self, sequences: list[np.ndarray], controls: list[tuple[int, int, int]]
    ) -> list[tuple[LstmState, np.ndarray]]:
        """:meth:`prime_many` through the priming cache (:class:`~osc_composer.engine.priming.PrimeCache`)."""
        if not self.has_controls:
            controls = [(AUTO, AUTO, AUTO)] * len(sequences)
        keys = [
            np.asarray(s, np.int64).tobytes() + bytes(c) for s, c in zip(sequences, controls, strict=True)
        ]
        by_key = dict(zip(keys, zip(sequences, controls, strict=True), strict=True))

        def prime_missing(missing: list[bytes]) -> list[Primed]:
            seeds = [by_key[k][0] for k in missing]
            return self.prime_many(seeds, [self.control_vector(by_key[k][1]) for k in missing])

        return self._prime_cache.get_many(keys, prime_missing)

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
        rows: list[Row] = []
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
                total_steps = UNLIMITED
            pitches_ok = shift_mask(allowed_pitches(params.key, params.scale, params.low, params.high), shift)
            # seed notes still sounding at the origin count for polyphony: duration encoding,
            # the step each pitch ends at; note-off encoding, the step it began (-1: silent)
            origin_steps = self.vocab.beats_to_steps(origin)
            due = None
            if self.vocab.note_offs:
                # the seed says when its held notes end: the continuation ends them then
                sounding = np.full(128, SILENT, np.int64)
                due = np.full(128, UNLIMITED, np.int64)
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
                Row(
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
        sampled = sample(self.weights, self._tables, self.vocab, rows, state, logits, events)
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
        """Continue from a live state (a :class:`~osc_composer.engine.streaming.LiveStream`'s) instead
        of priming a seed: ``logits`` after its last event, ``sounding`` the model pitches
        still sounding → how many steps ago they began (their end is the model's to choose),
        ``shift`` the stream's key move, ``controls`` the control classes to go on with
        (None: the state's own; given, their voices cap polyphony as in :meth:`generate`).
        Note-off models only. Variations come as usual; times count from the state's
        moment. The state itself is not changed."""
        started = time.perf_counter()
        vocab = self.vocab
        rng = np.random.default_rng(None if params.seed < 0 else params.seed)
        began = np.full(128, SILENT, np.int64)
        due = np.full(128, UNLIMITED, np.int64)
        for pitch, ago in sounding.items():
            began[pitch], due[pitch] = -ago, vocab.max_duration_steps - ago
        total = math.floor(params.length * vocab.steps_per_beat + 1e-9)
        pitches_ok = shift_mask(allowed_pitches(params.key, params.scale, params.low, params.high), shift)
        decoder = DecoderState(velocity_bin=velocity_bin if velocity_bin >= 0 else None)
        polyphony = (
            params.polyphony
            if controls is None
            else min(params.polyphony, self.voice_cap(controls[1], params))
        )
        rows = [
            Row(
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
        first_logits = np.repeat(logits[None], params.variations, axis=0)
        sampled = NoteOffSampler(self._tables, vocab, rows, None).run(self.weights, copy, first_logits)
        variations = [transpose_notes(notes, -shift) if shift else notes for notes in sampled]
        seconds = time.perf_counter() - started
        return Continuation(variations, params.length, 0.0, sum(r.tokens for r in rows), seconds)

    def continue_notes(self, seed: list[Note], params: SamplingParams | None = None) -> Continuation:
        """Continue one seed; convenience for the CLI and tests."""
        return self.generate([GenerationRequest(seed, params or SamplingParams())])[0]


def continuation_in_seed_time(continuation: Continuation, variation: int = 0) -> list[Note]:
    """A variation placed after its seed (for writing seed + continuation to one file)."""
    return shift_notes(continuation.variations[variation], continuation.origin_beats)
