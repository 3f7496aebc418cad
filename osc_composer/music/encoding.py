"""Notes ⇄ token ids: the event vocabulary the LSTM reads and writes. Pure numpy, no TF.

Two encodings share one token layout (``Vocabulary.encoding``):

``"note-off"`` (the default since the phrase-and-play-along model), in time order::

    [SHIFT s]* NOTE_OFF p*  ([VELOCITY v] NOTE_ON p)*

``"duration"`` (the first models), one group per note::

    [SHIFT s]* [VELOCITY v] PITCH p DURATION d

* ``SHIFT s`` moves the time cursor forward by ``s`` grid steps (chained for long rests);
* ``VELOCITY v`` (one of ``velocity_bins`` bins) is emitted only when the velocity changes;
* ``PITCH p`` / ``NOTE_ON p`` starts a note at the cursor. In the duration encoding a
  ``DURATION d`` (1..max steps) gives its length at once; in the note-off encoding the
  note sounds until its ``NOTE_OFF p``, so a note can be fed to the model as it is played,
  before anyone knows how long it will be (live play needs exactly that). At one moment the
  note-offs come first, so a pitch can end and strike again at the same step.

Time is on a grid of ``steps_per_beat`` steps per beat; 12 holds 16ths (3 steps), eighth
triplets (4) and sixteenth triplets (2). Notes longer than ``max_duration_steps`` are
clipped in both encodings. The note-off encoding cannot hold two notes of one pitch at
once: :func:`quantize_notes` ends the earlier one where the later one starts (as a MIDI
keyboard does).

Round trip: ``tokens_to_notes(notes_to_tokens(quantize_notes(n)))`` equals
``quantize_notes(n)`` exactly, in both encodings.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .notes import Note, sort_notes

PAD = 0
BOS = 1  # start of a piece: training windows and seeds begin with it
DEFAULT_VELOCITY = 90  # a note whose velocity the stream never stated

DURATION_ENCODING = "duration"
NOTE_OFF_ENCODING = "note-off"
ENCODINGS = (NOTE_OFF_ENCODING, DURATION_ENCODING)

# Token kinds (``Vocabulary.kinds``): what every part of the package asks of a token id.
SPECIAL, VELOCITY, PITCH, DURATION, SHIFT, NOTE_OFF = 0, 1, 2, 3, 4, 5
KIND_NAMES = {SPECIAL: "SPECIAL", VELOCITY: "VELOCITY", PITCH: "PITCH", DURATION: "DURATION", SHIFT: "SHIFT"}
KIND_NAMES[NOTE_OFF] = "NOTE_OFF"


class EncodingError(ValueError):
    """Token ids that are not part of the vocabulary."""


@dataclass(frozen=True)
class Vocabulary:
    """The token layout; stored in every model file so old models keep decoding right.

    Layout: PAD, BOS, VELOCITY × ``velocity_bins``, PITCH (note-on) × 128, DURATION ×
    ``max_duration_steps`` (duration encoding only), NOTE_OFF × 128 (note-off encoding
    only), SHIFT × ``max_shift_steps``.
    """

    steps_per_beat: int = 12
    max_shift_steps: int = 96  # 8 beats at 12 steps per beat; longer rests chain shifts
    max_duration_steps: int = 192  # longer notes are clipped to this
    velocity_bins: int = 32
    encoding: str = NOTE_OFF_ENCODING
    # Derived offsets; not constructor arguments, so a stored dict cannot contradict them.
    velocity_offset: int = field(init=False)
    pitch_offset: int = field(init=False)
    duration_offset: int = field(init=False)
    note_off_offset: int = field(init=False)
    shift_offset: int = field(init=False)
    size: int = field(init=False)

    def __post_init__(self) -> None:
        for name in ("steps_per_beat", "max_shift_steps", "max_duration_steps", "velocity_bins"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if self.velocity_bins > 127:
            raise ValueError("velocity_bins must be <= 127")
        if self.encoding not in ENCODINGS:
            raise ValueError(f"encoding must be one of {', '.join(ENCODINGS)}, got {self.encoding!r}")
        durations = self.max_duration_steps if self.encoding == DURATION_ENCODING else 0
        note_offs = 128 if self.encoding == NOTE_OFF_ENCODING else 0
        set_ = object.__setattr__
        set_(self, "velocity_offset", 2)
        set_(self, "pitch_offset", self.velocity_offset + self.velocity_bins)
        set_(self, "duration_offset", self.pitch_offset + 128)
        set_(self, "note_off_offset", self.duration_offset + durations)
        set_(self, "shift_offset", self.note_off_offset + note_offs)
        set_(self, "size", self.shift_offset + self.max_shift_steps)

    @property
    def note_offs(self) -> bool:
        """True for the note-off encoding (notes end with NOTE_OFF, not a DURATION)."""
        return self.encoding == NOTE_OFF_ENCODING

    # --- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict[str, int | str]:
        return {
            "steps_per_beat": self.steps_per_beat,
            "max_shift_steps": self.max_shift_steps,
            "max_duration_steps": self.max_duration_steps,
            "velocity_bins": self.velocity_bins,
            "encoding": self.encoding,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Vocabulary:
        # model files from before the note-off encoding say nothing of it: they use durations
        values = {k: int(v) for k, v in data.items() if k in cls().to_dict() and k != "encoding"}
        return cls(**values, encoding=str(data.get("encoding", DURATION_ENCODING)))

    # --- token kinds -----------------------------------------------------------------
    @functools.cached_property
    def kinds(self) -> np.ndarray:
        """The kind of every token id (``SPECIAL``, ``VELOCITY``, ``PITCH`` …), int8, read-only."""
        kinds = np.full(self.size, SPECIAL, np.int8)
        kinds[self.velocity_offset : self.pitch_offset] = VELOCITY
        kinds[self.pitch_offset : self.duration_offset] = PITCH
        kinds[self.duration_offset : self.note_off_offset] = DURATION
        kinds[self.note_off_offset : self.shift_offset] = NOTE_OFF
        kinds[self.shift_offset :] = SHIFT
        kinds.flags.writeable = False
        return kinds

    @functools.cached_property
    def pitch_of_token(self) -> np.ndarray:
        """The MIDI pitch a PITCH or NOTE_OFF token names, -1 for other tokens (int64)."""
        pitch = np.full(self.size, -1, np.int64)
        pitch[self.pitch_offset : self.pitch_offset + 128] = np.arange(128)
        pitch[self.note_off_offset : self.shift_offset] = np.arange(self.shift_offset - self.note_off_offset)
        pitch.flags.writeable = False
        return pitch

    @functools.cached_property
    def steps_of_token(self) -> np.ndarray:
        """Grid steps a SHIFT or DURATION token stands for, 0 for other tokens (int64)."""
        steps = np.zeros(self.size, np.int64)
        steps[self.duration_offset : self.note_off_offset] = np.arange(
            1, self.note_off_offset - self.duration_offset + 1
        )
        steps[self.shift_offset :] = np.arange(1, self.max_shift_steps + 1)
        steps.flags.writeable = False
        return steps

    # --- token ids -----------------------------------------------------------------
    def velocity_token(self, velocity_bin: int) -> int:
        return self.velocity_offset + velocity_bin

    def pitch_token(self, pitch: int) -> int:
        """PITCH in the duration encoding, NOTE_ON in the note-off encoding."""
        return self.pitch_offset + pitch

    def note_off_token(self, pitch: int) -> int:
        if not self.note_offs:
            raise EncodingError("the duration encoding has no NOTE_OFF tokens")
        return self.note_off_offset + pitch

    def duration_token(self, steps: int) -> int:
        if self.note_offs:
            raise EncodingError("the note-off encoding has no DURATION tokens")
        return self.duration_offset + steps - 1

    def shift_token(self, steps: int) -> int:
        return self.shift_offset + steps - 1

    def velocity_to_bin(self, velocity: int) -> int:
        return (min(max(int(velocity), 1), 127) - 1) * self.velocity_bins // 127

    def bin_to_velocity(self, velocity_bin: int) -> int:
        """The middle velocity of a bin (a fixed point of ``velocity_to_bin``)."""
        low = -(-velocity_bin * 127 // self.velocity_bins) + 1
        high = -(-(velocity_bin + 1) * 127 // self.velocity_bins)
        return (low + high) // 2

    def token_name(self, token: int) -> str:
        """A readable name such as ``PITCH_60`` or ``SHIFT_3``, for debugging and docs."""
        token = int(token)
        if not 0 <= token < self.size:
            raise EncodingError(f"token {token} is outside the vocabulary of {self.size}")
        kind = int(self.kinds[token])
        if kind == SPECIAL:
            return "PAD" if token == PAD else "BOS"
        if kind == VELOCITY:
            return f"VELOCITY_{token - self.velocity_offset}"
        if kind in (PITCH, NOTE_OFF):
            return f"{KIND_NAMES[kind]}_{self.pitch_of_token[token]}"
        return f"{KIND_NAMES[kind]}_{self.steps_of_token[token]}"

    def beats_to_steps(self, beats: float) -> int:
        return round(beats * self.steps_per_beat)

    def steps_to_beats(self, steps: int) -> float:
        return steps / self.steps_per_beat


DEFAULT_VOCABULARY = Vocabulary()


def quantize_notes(notes: Iterable[Note], vocab: Vocabulary = DEFAULT_VOCABULARY) -> list[Note]:
    """Snap notes to what the vocabulary can say, in canonical order.

    Starts round to the grid; durations round to the grid with at least one step (so
    zero-length notes survive as the shortest note) and at most ``max_duration_steps``;
    velocities move to the middle of their bin. In the note-off encoding one pitch sounds
    once at a time: of notes starting together the longest (then the loudest) stays, and
    a note still sounding when its pitch strikes again ends there.
    """
    snapped = []
    for note in notes:
        start = vocab.beats_to_steps(note.start_beats)
        steps = min(max(vocab.beats_to_steps(note.duration_beats), 1), vocab.max_duration_steps)
        velocity = vocab.bin_to_velocity(vocab.velocity_to_bin(note.velocity))
        snapped.append((note.pitch, start, steps, velocity))
    if vocab.note_offs:
        snapped = _one_note_per_pitch(snapped)
    return sort_notes(
        Note(pitch, velocity, vocab.steps_to_beats(start), vocab.steps_to_beats(steps))
        for pitch, start, steps, velocity in snapped
    )


def _one_note_per_pitch(notes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """(pitch, start, steps, velocity) with no two notes of one pitch sounding at once."""
    kept: list[tuple[int, int, int, int]] = []
    # by pitch, start, then longest and loudest first: the first of a (pitch, start) group stays
    for pitch, start, steps, velocity in sorted(notes, key=lambda n: (n[0], n[1], -n[2], -n[3])):
        if kept and kept[-1][0] == pitch:
            _, last_start, last_steps, last_velocity = kept[-1]
            if last_start == start:
                continue
            if last_start + last_steps > start:
                kept[-1] = (pitch, last_start, start - last_start, last_velocity)
        kept.append((pitch, start, steps, velocity))
    return kept


def notes_to_tokens(
    notes: Iterable[Note],
    vocab: Vocabulary = DEFAULT_VOCABULARY,
    *,
    bos: bool = False,
    until_beats: float | None = None,
) -> np.ndarray:
    """Encode notes (quantized on the way) as an int32 array of token ids.

    The time cursor starts at beat 0; with ``bos`` the array begins with ``BOS``. With
    ``until_beats`` (note-off encoding) the stream stops at that moment: notes starting
    from then on are left out and notes still sounding there have no NOTE_OFF yet, as a
    seed that a continuation will go on from.
    """
    tokens: list[int] = [BOS] if bos else []
    if vocab.note_offs:
        until = None if until_beats is None else vocab.beats_to_steps(until_beats)
        _note_off_events(quantize_notes(notes, vocab), vocab, tokens, until)
        return np.asarray(tokens, dtype=np.int32)
    cursor = 0
    velocity_bin = -1  # unknown: the first note always states its velocity
    for note in quantize_notes(notes, vocab):
        start = vocab.beats_to_steps(note.start_beats)
        if until_beats is not None and note.start_beats >= until_beats:
            break
        tokens.extend(shift_tokens(start - cursor, vocab))
        cursor = start
        note_bin = vocab.velocity_to_bin(note.velocity)
        if note_bin != velocity_bin:
            tokens.append(vocab.velocity_token(note_bin))
            velocity_bin = note_bin
        tokens.append(vocab.pitch_token(note.pitch))
        tokens.append(vocab.duration_token(vocab.beats_to_steps(note.duration_beats)))
    return np.asarray(tokens, dtype=np.int32)


def _note_off_events(notes: list[Note], vocab: Vocabulary, tokens: list[int], until: int | None) -> None:
    """Append the note-off encoding of quantized ``notes`` to ``tokens``."""
    # (time, 0 = off / 1 = on, pitch, velocity bin): offs sort before ons of the same moment
    events = []
    for note in notes:
        start = vocab.beats_to_steps(note.start_beats)
        end = start + vocab.beats_to_steps(note.duration_beats)
        events.append((start, 1, note.pitch, vocab.velocity_to_bin(note.velocity)))
        events.append((end, 0, note.pitch, 0))
    events.sort()
    cursor = 0
    velocity_bin = -1
    for time, is_on, pitch, note_bin in events:
        if until is not None and (time > until or (time == until and is_on)):
            break
        tokens.extend(shift_tokens(time - cursor, vocab))
        cursor = time
        if not is_on:
            tokens.append(vocab.note_off_offset + pitch)
            continue
        if note_bin != velocity_bin:
            tokens.append(vocab.velocity_token(note_bin))
            velocity_bin = note_bin
        tokens.append(vocab.pitch_offset + pitch)


def shift_tokens(steps: int, vocab: Vocabulary = DEFAULT_VOCABULARY) -> list[int]:
    """The SHIFT tokens that move the cursor forward by ``steps`` (largest first)."""
    tokens = []
    while steps > 0:
        step = min(steps, vocab.max_shift_steps)
        tokens.append(vocab.shift_token(step))
        steps -= step
    return tokens


@dataclass
class DecoderState:
    """Where a token stream stands: needed to decode a continuation of a seed.

    ``pending_pitch``: a PITCH waiting for its DURATION (duration encoding).
    ``sounding``: pitch → (start step, velocity) of the notes whose NOTE_OFF has not come
    yet (note-off encoding).
    """

    cursor_steps: int = 0
    velocity_bin: int | None = None
    pending_pitch: int | None = None
    sounding: dict[int, tuple[int, int]] = field(default_factory=dict)


def tokens_to_notes(
    tokens: Sequence[int] | np.ndarray,
    vocab: Vocabulary = DEFAULT_VOCABULARY,
    *,
    state: DecoderState | None = None,
    default_velocity: int = DEFAULT_VELOCITY,
) -> list[Note]:
    """Decode token ids into notes.

    Tolerant of what a sampler may produce without grammar masks: PAD and BOS are skipped
    anywhere; in the duration encoding a PITCH with no DURATION after it lasts one step
    and a DURATION without a PITCH is ignored; in the note-off encoding a NOTE_OFF of a
    pitch that is not sounding is ignored and a NOTE_ON of a sounding pitch ends it first.
    ``state`` (updated in place) lets a continuation decode where its seed stopped; with a
    ``state`` a note still open at the very end stays open (its end may come in the next
    call), without one the stream is complete and open notes end at the last moment (at
    least one step long). Notes come in the order they end (duration encoding: in the
    order they were encoded); a complete stream decodes in canonical order.
    """
    complete = state is None
    state = state if state is not None else DecoderState()
    notes: list[Note] = []
    ids = np.asarray(tokens, dtype=np.int64).ravel()
    if ids.size and (ids.min() < 0 or ids.max() >= vocab.size):
        bad = ids[(ids < 0) | (ids >= vocab.size)][0]
        raise EncodingError(f"token {bad} is outside the vocabulary of {vocab.size}")
    if vocab.note_offs:
        _decode_note_offs(ids.tolist(), vocab, state, notes, default_velocity)
        if complete:
            for pitch in sorted(state.sounding):
                _close(state, pitch, notes, vocab, default_velocity)
            return sort_notes(notes)
        return notes
    _decode_durations(ids.tolist(), vocab, state, notes, default_velocity)
    if complete:
        _close_pending(state, 1, notes, vocab, default_velocity)
    return notes


def _velocity_of(vocab: Vocabulary, velocity_bin: int | None, default_velocity: int) -> int:
    return vocab.bin_to_velocity(velocity_bin) if velocity_bin is not None else default_velocity


def _close(
    state: DecoderState, pitch: int, notes: list[Note], vocab: Vocabulary, default_velocity: int
) -> None:
    start, velocity = state.sounding.pop(pitch)
    steps = max(state.cursor_steps - start, 1)
    notes.append(Note(pitch, velocity, vocab.steps_to_beats(start), vocab.steps_to_beats(steps)))


def _decode_note_offs(
    ids: list[int], vocab: Vocabulary, state: DecoderState, notes: list[Note], default_velocity: int
) -> None:
    kinds = vocab.kinds
    for token in ids:
        kind = kinds[token]
        if kind == SHIFT:
            state.cursor_steps += token - vocab.shift_offset + 1
        elif kind == PITCH:
            pitch = token - vocab.pitch_offset
            if pitch in state.sounding:
                _close(state, pitch, notes, vocab, default_velocity)
            velocity = _velocity_of(vocab, state.velocity_bin, default_velocity)
            state.sounding[pitch] = (state.cursor_steps, velocity)
        elif kind == NOTE_OFF:
            pitch = token - vocab.note_off_offset
            if pitch in state.sounding:
                _close(state, pitch, notes, vocab, default_velocity)
        elif kind == VELOCITY:
            state.velocity_bin = token - vocab.velocity_offset


def _close_pending(
    state: DecoderState, steps: int, notes: list[Note], vocab: Vocabulary, default_velocity: int
) -> None:
    if state.pending_pitch is None:
        return
    velocity = _velocity_of(vocab, state.velocity_bin, default_velocity)
    notes.append(
        Note(
            state.pending_pitch,
            velocity,
            vocab.steps_to_beats(state.cursor_steps),
            vocab.steps_to_beats(steps),
        )
    )
    state.pending_pitch = None


def _decode_durations(
    ids: list[int], vocab: Vocabulary, state: DecoderState, notes: list[Note], default_velocity: int
) -> None:
    kinds = vocab.kinds
    for token in ids:
        kind = kinds[token]
        if kind == SPECIAL:
            continue
        if kind == SHIFT:
            _close_pending(state, 1, notes, vocab, default_velocity)
            state.cursor_steps += token - vocab.shift_offset + 1
        elif kind == DURATION:
            _close_pending(state, token - vocab.duration_offset + 1, notes, vocab, default_velocity)
        elif kind == PITCH:
            _close_pending(state, 1, notes, vocab, default_velocity)
            state.pending_pitch = token - vocab.pitch_offset
        else:
            _close_pending(state, 1, notes, vocab, default_velocity)
            state.velocity_bin = token - vocab.velocity_offset


def decoder_state_after(
    tokens: Sequence[int] | np.ndarray, vocab: Vocabulary = DEFAULT_VOCABULARY
) -> DecoderState:
    """The decoder state at the end of ``tokens`` (cursor, velocity, open notes)."""
    state = DecoderState()
    tokens_to_notes(tokens, vocab, state=state)
    return state


def transpose_tokens(
    tokens: np.ndarray, semitones: int, vocab: Vocabulary = DEFAULT_VOCABULARY
) -> np.ndarray:
    """Transpose PITCH (and NOTE_OFF) tokens; raises if a pitch would leave 0..127."""
    tokens = np.asarray(tokens)
    pitches = vocab.pitch_of_token[tokens]
    is_pitch = pitches >= 0
    moved_pitches = pitches[is_pitch] + semitones
    if moved_pitches.size and (moved_pitches.min() < 0 or moved_pitches.max() > 127):
        raise EncodingError(f"transposing by {semitones} leaves the MIDI pitch range")
    return (tokens + np.where(is_pitch, semitones, 0)).astype(tokens.dtype)
