"""Sampling: one token per row from masked logits, under the grammar of the model's encoding.

Grammar, key/scale and range constraints are logit masks, so every continuation decodes
to valid notes of exactly the requested length. Both grammars run the same loop
(:class:`Sampler`): the duration encoding's (:class:`DurationSampler`, a PITCH and then its
DURATION) and the note-off encoding's (:class:`NoteOffSampler`, note-ons now, note-offs later).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..music.encoding import (
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
)
from ..music.notes import Note, sort_notes
from .lstm import LstmState, lstm_step
from .params import SamplingParams
from .weights import LstmWeights

NEG_INF = np.float32(-np.inf)

# grammar phases of a row (the note-off grammar's ONSET: a note-on at this moment, so
# no more note-offs until time moves on)
FREE, AFTER_PITCH, AFTER_VELOCITY, DONE = 0, 1, 2, 3
ONSET = AFTER_PITCH
SILENT = np.iinfo(np.int64).min // 4  # note-off grammar: a pitch that is not sounding
UNLIMITED = 2**62  # steps: no length limit (``events`` mode)


class GenerationError(ValueError):
    """A request the engine could not answer (its batch's other requests may still be fine)."""


@dataclass(frozen=True)
class TokenTables:
    """What the samplers look up per token of one vocabulary: its kind, the steps a
    DURATION/SHIFT stands for (0 elsewhere), its pitch (lists: fast in the per-row loop), and
    the duration grammar as a table: what a row may emit, by its phase and the steps
    remaining (clipped: beyond the longest DURATION/SHIFT every length fits). Pitches and
    velocities are narrowed per step by the key, polyphony and current velocity; the
    note-off grammar depends on which notes sound (see :class:`NoteOffSampler`)."""

    kinds: list[int]
    steps: np.ndarray
    steps_list: list[int]
    pitch_of: list[int]
    reach: int
    grammar: np.ndarray  # (phase, steps remaining, vocab) bool

    @classmethod
    def of(cls, vocab: Vocabulary) -> TokenTables:
        kinds = vocab.kinds
        steps = np.asarray(vocab.steps_of_token)
        reach = max(vocab.max_duration_steps, vocab.max_shift_steps)
        fits = steps[None, :] <= np.arange(reach + 1)[:, None]
        is_pitch = kinds == PITCH
        grammar = np.zeros((4, reach + 1, vocab.size), bool)
        grammar[FREE] = ((kinds == SHIFT) & fits) | (kinds == VELOCITY) | is_pitch
        grammar[AFTER_PITCH] = (kinds == DURATION) & fits
        grammar[AFTER_VELOCITY] = is_pitch
        grammar[DONE, :, BOS] = True  # finished rows idle on a harmless token
        return cls(kinds.tolist(), steps, steps.tolist(), vocab.pitch_of_token.tolist(), reach, grammar)


@dataclass
class Row:
    """One variation of one request, as the samplers see it."""

    request_index: int
    params: SamplingParams
    rng: np.random.Generator
    origin: float
    total_steps: int
    pitches_ok: np.ndarray
    sounding: np.ndarray
    decoder: DecoderState
    shift: int  # semitones between the request's pitches and the model's (key normalisation)
    # note-off grammar: the step each held seed note must end at (UNLIMITED: not held)
    due: np.ndarray | None = None
    polyphony: int = 8  # most notes at once: the request's polyphony, capped by its voices
    tokens: int = 0


def sampling_settings(rows: list[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool, list]:
    """Per row: 1 / temperature (a column), top-k, top-p, whether any row needs the sorted
    vocabulary, and the random generators: what both samplers hand to :func:`sample_rows`."""
    inv_temperature = np.asarray([1.0 / r.params.temperature for r in rows], np.float32)[:, None]
    top_k = np.asarray([r.params.top_k for r in rows], np.int64)
    top_p = np.asarray([r.params.top_p for r in rows], np.float32)
    needs_sort = bool((top_k > 0).any() or (top_p < 1.0).any())
    return inv_temperature, top_k, top_p, needs_sort, [r.rng for r in rows]


def shift_mask(pitches: np.ndarray, shift: int) -> np.ndarray:
    """A mask over MIDI pitches moved up by ``shift``; what moves past 0..127 is dropped."""
    moved = np.zeros_like(pitches)
    if shift >= 0:
        moved[shift:] = pitches[: len(pitches) - shift]
    else:
        moved[:shift] = pitches[-shift:]
    return moved


def sample_rows(
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


def sample(
    weights: LstmWeights,
    tables: TokenTables,
    vocab: Vocabulary,
    rows: list[Row],
    state: LstmState,
    logits: np.ndarray,
    events: int | None = None,
) -> list[list[Note]]:
    """The notes of every row, sampled under the grammar of ``vocab``'s encoding; ``state``
    and ``logits`` are the rows' after their seeds. ``events``: see :meth:`Sampler.run`."""
    sampler = NoteOffSampler if vocab.note_offs else DurationSampler
    return sampler(tables, vocab, rows, events).run(weights, state, logits)


class Sampler:
    """The loop both grammars share: mask what the grammar allows (:meth:`allowed`), sample
    one token per row, let the grammar take it (:meth:`take`), step the LSTM; a row is done
    at its length. Subclasses add the grammar."""

    def __init__(self, tables: TokenTables, vocab: Vocabulary, rows: list[Row], events: int | None) -> None:
        self.tables, self.vocab, self.rows, self.events = tables, vocab, rows, events
        batch = len(rows)
        self.every_row = np.arange(batch)
        self.cursor = np.zeros(batch, np.int64)
        self.remaining = np.asarray([r.total_steps for r in rows], np.int64)
        self.phase = np.where(self.remaining > 0, FREE, DONE)  # where each row is in the grammar
        self.velocity_bin = [-1 if r.decoder.velocity_bin is None else r.decoder.velocity_bin for r in rows]
        # the current velocity's token may not be repeated (PAD, never allowed, stands for "none")
        self.velocity_column = np.asarray(
            [vocab.velocity_offset + b if b >= 0 else PAD for b in self.velocity_bin], np.int64
        )
        self.pitches_ok = np.stack([r.pitches_ok for r in rows])
        self.polyphony = np.asarray([r.polyphony for r in rows], np.int64)
        self.velocities = slice(vocab.velocity_offset, vocab.pitch_offset)
        self.notes: list[list[Note]] = [[] for _ in rows]

    def run(self, weights: LstmWeights, state: LstmState, logits: np.ndarray) -> list[list[Note]]:
        """Sample until every row is done; ``events`` (for benchmarks) ends a row after that
        many events whatever its length."""
        inv_temperature, top_k, top_p, needs_sort, rngs = sampling_settings(self.rows)
        kinds, phase, rows, events = self.tables.kinds, self.phase, self.rows, self.events
        active = [index for index in range(len(rows)) if phase[index] != DONE]
        while active:
            scores = np.where(self.allowed(), logits * inv_temperature, NEG_INF)
            choice = sample_rows(scores, top_k, top_p, needs_sort, rngs).tolist()
            still_active = []
            for index in active:
                token = choice[index]
                row = rows[index]
                row.tokens += 1
                self.take(index, token, kinds[token])
                if events is not None and row.tokens >= events:
                    phase[index] = DONE
                if phase[index] != DONE:
                    still_active.append(index)
            active = still_active
            if active:
                logits = lstm_step(weights, np.asarray(choice), state)
        return self.finish()

    def allowed(self) -> np.ndarray:
        """(rows, vocab) bool: what each row may emit now."""
        raise NotImplementedError

    def take(self, index: int, token: int, kind: int) -> None:
        """Row ``index`` emitted ``token`` (of ``kind``): the events both grammars share."""
        if kind == VELOCITY:
            self.velocity_bin[index] = token - self.vocab.velocity_offset
            self.velocity_column[index] = token
            self.phase[index] = AFTER_VELOCITY
        elif kind == SHIFT:
            steps = self.tables.steps_list[token]
            self.cursor[index] += steps
            self.remaining[index] -= steps
            self.phase[index] = FREE if self.remaining[index] > 0 else DONE

    def finish(self) -> list[list[Note]]:
        return self.notes

    def velocity(self, index: int) -> int:
        """The velocity a note of row ``index`` starting now gets."""
        vbin = self.velocity_bin[index]
        return self.vocab.bin_to_velocity(vbin) if vbin >= 0 else DEFAULT_VELOCITY


class DurationSampler(Sampler):
    """The duration grammar: at each moment [VELOCITY] PITCH DURATION for each note, then a
    SHIFT; a note's length is chosen with it."""

    def __init__(self, tables: TokenTables, vocab: Vocabulary, rows: list[Row], events: int | None) -> None:
        super().__init__(tables, vocab, rows, events)
        self.pending = [-1] * len(rows)  # the PITCH waiting for its DURATION
        self.sounding_until = np.stack([r.sounding for r in rows])  # (rows, 128) end step of each pitch
        self.pitches = slice(vocab.pitch_offset, vocab.pitch_offset + 128)

    def allowed(self) -> np.ndarray:
        allowed = self.tables.grammar[self.phase, np.minimum(self.remaining, self.tables.reach)]
        is_sounding = self.sounding_until > self.cursor[:, None]  # (rows, 128)
        can_start = self.pitches_ok & ~is_sounding
        can_start &= (is_sounding.sum(axis=1) < self.polyphony)[:, None]
        allowed[:, self.pitches] &= can_start
        # a velocity change only where a pitch can follow it, never to the current velocity
        allowed[:, self.velocities] &= can_start.any(axis=1)[:, None]
        allowed[self.every_row, self.velocity_column] = False
        return allowed

    def take(self, index: int, token: int, kind: int) -> None:
        if kind == DURATION:
            length = self.tables.steps_list[token]
            pitch = self.pending[index]
            start = int(self.cursor[index])
            beats = self.vocab.steps_to_beats
            self.notes[index].append(Note(pitch, self.velocity(index), beats(start), beats(length)))
            self.sounding_until[index, pitch] = start + length
            self.pending[index] = -1
            self.phase[index] = FREE
        elif kind == PITCH:
            self.pending[index] = token - self.vocab.pitch_offset
            self.phase[index] = AFTER_PITCH
        else:
            super().take(index, token, kind)


class NoteOffSampler(Sampler):
    """The note-off grammar: at each moment note-offs first (of notes that have sounded at
    least a step), then velocity changes and note-ons, then a SHIFT. Every sounding note
    has a step it must end by (``due``): a seed note held past the origin, where the seed
    ends it (and no earlier); a note of the continuation, ``max_duration_steps`` after it
    began. Time never moves past a due step, so no note is ever left hanging; notes
    still sounding at the end of the length end there."""

    def __init__(self, tables: TokenTables, vocab: Vocabulary, rows: list[Row], events: int | None) -> None:
        super().__init__(tables, vocab, rows, events)
        batch = len(rows)
        self.began = np.stack([r.sounding for r in rows])  # (rows, 128): start step, SILENT if silent
        self.due = np.stack([r.due for r in rows])  # (rows, 128): the step each note must end by
        self.fixed = self.due != UNLIMITED  # held seed notes: they end when the seed says, not before
        self.ours = np.zeros((batch, 128), bool)  # sounding notes this continuation started
        self.note_velocity = np.zeros((batch, 128), np.int64)
        self.ons = slice(vocab.pitch_offset, vocab.pitch_offset + 128)
        self.offs = slice(vocab.note_off_offset, vocab.note_off_offset + 128)
        self.shift_steps = tables.steps[vocab.shift_offset :]

    def allowed(self) -> np.ndarray:
        vocab, phase, cursor = self.vocab, self.phase, self.cursor
        sounding = self.began != SILENT
        held = np.where(sounding, cursor[:, None] - self.began, 0)
        to_go = np.where(sounding, self.due - cursor[:, None], UNLIMITED)
        overdue = sounding & (to_go <= 0)
        # time may move on until the first sounding note is due
        reach = np.minimum(self.remaining, to_go.min(axis=1))
        fresh_moment = phase == FREE
        can_start = self.pitches_ok & ~sounding
        can_start &= (sounding.sum(axis=1) < self.polyphony)[:, None]
        can_start &= (phase != DONE)[:, None]
        allowed = np.zeros((len(self.rows), vocab.size), bool)
        allowed[:, vocab.shift_offset :] = (self.shift_steps[None, :] <= reach[:, None]) & (
            phase != AFTER_VELOCITY
        )[:, None]
        allowed[:, self.offs] = sounding & ~self.fixed & (held >= 1) & fresh_moment[:, None]
        allowed[:, self.ons] = can_start
        allowed[:, self.velocities] = (can_start.any(axis=1) & (phase != AFTER_VELOCITY))[:, None]
        allowed[self.every_row, self.velocity_column] = False
        if overdue.any():
            late = overdue.any(axis=1)
            allowed[late] = False
            allowed[late, self.offs] = overdue[late]
        allowed[phase == DONE, BOS] = True  # finished rows idle on a harmless token
        return allowed

    def take(self, index: int, token: int, kind: int) -> None:
        if kind == NOTE_OFF:
            pitch = self.tables.pitch_of[token]
            if self.ours[index, pitch]:
                self.notes[index].append(self._note(index, pitch, int(self.cursor[index])))
                self.ours[index, pitch] = False
            self.began[index, pitch] = SILENT
            self.fixed[index, pitch] = False
        elif kind == PITCH:
            pitch = self.tables.pitch_of[token]
            self.began[index, pitch] = self.cursor[index]
            self.due[index, pitch] = self.cursor[index] + self.vocab.max_duration_steps
            self.ours[index, pitch] = True
            self.note_velocity[index, pitch] = self.velocity(index)
            self.phase[index] = ONSET
        else:
            super().take(index, token, kind)

    def finish(self) -> list[list[Note]]:
        # notes still sounding end with the continuation (at least one step long)
        for index in range(len(self.rows)):
            end = int(self.cursor[index])
            for pitch in np.flatnonzero(self.ours[index]).tolist():
                start = int(self.began[index, pitch])
                self.notes[index].append(self._note(index, pitch, max(end, start + 1)))
        return [sort_notes(n) for n in self.notes]

    def _note(self, index: int, pitch: int, end: int) -> Note:
        """The continuation's note at ``pitch`` of row ``index``, ended at step ``end``."""
        start = int(self.began[index, pitch])
        beats = self.vocab.steps_to_beats
        return Note(pitch, int(self.note_velocity[index, pitch]), beats(start), beats(end - start))
