"""Notes ⇄ token ids: the event vocabulary the LSTM reads and writes. Pure numpy, no TF.

Each note becomes up to four events, in time order::

    [SHIFT s]* [VELOCITY v] PITCH p DURATION d

* ``SHIFT s`` moves the time cursor forward by ``s`` grid steps (chained for long rests);
* ``VELOCITY v`` (one of ``velocity_bins`` bins) is emitted only when the velocity changes;
* ``PITCH p`` starts a note at the cursor, and ``DURATION d`` (1..max steps) gives its length.

Time is on a grid of ``steps_per_beat`` steps per beat; 12 holds 16ths (3 steps), eighth
triplets (4) and sixteenth triplets (2). Giving each note its own duration (instead of
NOTE_OFF events) keeps overlapping notes of one pitch lossless and makes the grammar tiny:
a PITCH is always followed by a DURATION, nothing else is.

Round trip: ``tokens_to_notes(notes_to_tokens(quantize_notes(n)))`` equals
``quantize_notes(n)`` exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from .notes import Note, sort_notes

PAD = 0
BOS = 1  # start of a piece: training windows and seeds begin with it


class EncodingError(ValueError):
    """Token ids that are not part of the vocabulary."""


@dataclass(frozen=True)
class Vocabulary:
    """The token layout; stored in every model file so old models keep decoding right."""

    steps_per_beat: int = 12
    max_shift_steps: int = 96  # 8 beats at 12 steps per beat; longer rests chain shifts
    max_duration_steps: int = 96  # longer notes are clipped to this
    velocity_bins: int = 32
    # Derived offsets; not constructor arguments, so a stored dict cannot contradict them.
    velocity_offset: int = field(init=False)
    pitch_offset: int = field(init=False)
    duration_offset: int = field(init=False)
    shift_offset: int = field(init=False)
    size: int = field(init=False)

    def __post_init__(self) -> None:
        for name in ("steps_per_beat", "max_shift_steps", "max_duration_steps", "velocity_bins"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if self.velocity_bins > 127:
            raise ValueError("velocity_bins must be <= 127")
        set_ = object.__setattr__
        set_(self, "velocity_offset", 2)
        set_(self, "pitch_offset", self.velocity_offset + self.velocity_bins)
        set_(self, "duration_offset", self.pitch_offset + 128)
        set_(self, "shift_offset", self.duration_offset + self.max_duration_steps)
        set_(self, "size", self.shift_offset + self.max_shift_steps)

    # --- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict[str, int]:
        keys = ("steps_per_beat", "max_shift_steps", "max_duration_steps", "velocity_bins")
        return {k: v for k, v in asdict(self).items() if k in keys}

    @classmethod
    def from_dict(cls, data: dict) -> Vocabulary:
        return cls(**{k: int(v) for k, v in data.items() if k in cls().to_dict()})

    # --- token ids -----------------------------------------------------------------
    def velocity_token(self, velocity_bin: int) -> int:
        return self.velocity_offset + velocity_bin

    def pitch_token(self, pitch: int) -> int:
        return self.pitch_offset + pitch

    def duration_token(self, steps: int) -> int:
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
        if token == PAD:
            return "PAD"
        if token == BOS:
            return "BOS"
        if self.velocity_offset <= token < self.pitch_offset:
            return f"VELOCITY_{token - self.velocity_offset}"
        if self.pitch_offset <= token < self.duration_offset:
            return f"PITCH_{token - self.pitch_offset}"
        if self.duration_offset <= token < self.shift_offset:
            return f"DURATION_{token - self.duration_offset + 1}"
        if self.shift_offset <= token < self.size:
            return f"SHIFT_{token - self.shift_offset + 1}"
        raise EncodingError(f"token {token} is outside the vocabulary of {self.size}")

    def beats_to_steps(self, beats: float) -> int:
        return round(beats * self.steps_per_beat)

    def steps_to_beats(self, steps: int) -> float:
        return steps / self.steps_per_beat


DEFAULT_VOCABULARY = Vocabulary()


def quantize_notes(notes: Iterable[Note], vocab: Vocabulary = DEFAULT_VOCABULARY) -> list[Note]:
    """Snap notes to what the vocabulary can say, in canonical order.

    Starts round to the grid; durations round to the grid with at least one step (so
    zero-length notes survive as the shortest note) and at most ``max_duration_steps``;
    velocities move to the middle of their bin.
    """
    snapped = []
    for note in notes:
        start = vocab.beats_to_steps(note.start_beats)
        steps = min(max(vocab.beats_to_steps(note.duration_beats), 1), vocab.max_duration_steps)
        velocity = vocab.bin_to_velocity(vocab.velocity_to_bin(note.velocity))
        snapped.append(Note(note.pitch, velocity, vocab.steps_to_beats(start), vocab.steps_to_beats(steps)))
    return sort_notes(snapped)


def notes_to_tokens(
    notes: Iterable[Note],
    vocab: Vocabulary = DEFAULT_VOCABULARY,
    *,
    bos: bool = False,
) -> np.ndarray:
    """Encode notes (quantized on the way) as an int32 array of token ids.

    The time cursor starts at beat 0; with ``bos`` the array begins with ``BOS``.
    """
    tokens: list[int] = [BOS] if bos else []
    cursor = 0
    velocity_bin = -1  # unknown: the first note always states its velocity
    for note in quantize_notes(notes, vocab):
        start = vocab.beats_to_steps(note.start_beats)
        tokens.extend(shift_tokens(start - cursor, vocab))
        cursor = start
        note_bin = vocab.velocity_to_bin(note.velocity)
        if note_bin != velocity_bin:
            tokens.append(vocab.velocity_token(note_bin))
            velocity_bin = note_bin
        tokens.append(vocab.pitch_token(note.pitch))
        tokens.append(vocab.duration_token(vocab.beats_to_steps(note.duration_beats)))
    return np.asarray(tokens, dtype=np.int32)


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
    """Where a token stream stands: needed to decode a continuation of a seed."""

    cursor_steps: int = 0
    velocity_bin: int | None = None
    pending_pitch: int | None = None


def tokens_to_notes(
    tokens: Sequence[int] | np.ndarray,
    vocab: Vocabulary = DEFAULT_VOCABULARY,
    *,
    state: DecoderState | None = None,
    default_velocity: int = 90,
) -> list[Note]:
    """Decode token ids into notes (in the order they were encoded).

    Tolerant of what a sampler may produce without grammar masks: a PITCH with no
    DURATION after it lasts one step, a DURATION without a PITCH is ignored, PAD and BOS
    are skipped. ``state`` (updated in place) lets a continuation decode where its seed
    stopped; with a ``state`` a PITCH at the very end stays pending (its DURATION may come
    in the next call), without one the stream is complete and it becomes a one-step note.
    """
    complete = state is None
    state = state if state is not None else DecoderState()
    notes: list[Note] = []

    def close_pending(steps: int) -> None:
        if state.pending_pitch is None:
            return
        velocity = (
            vocab.bin_to_velocity(state.velocity_bin) if state.velocity_bin is not None else default_velocity
        )
        notes.append(
            Note(
                state.pending_pitch,
                velocity,
                vocab.steps_to_beats(state.cursor_steps),
                vocab.steps_to_beats(steps),
            )
        )
        state.pending_pitch = None

    for raw in np.asarray(tokens, dtype=np.int64).ravel():
        token = int(raw)
        if not 0 <= token < vocab.size:
            raise EncodingError(f"token {token} is outside the vocabulary of {vocab.size}")
        if token in (PAD, BOS):
            continue
        if token >= vocab.shift_offset:
            close_pending(1)
            state.cursor_steps += token - vocab.shift_offset + 1
        elif token >= vocab.duration_offset:
            close_pending(token - vocab.duration_offset + 1)
        elif token >= vocab.pitch_offset:
            close_pending(1)
            state.pending_pitch = token - vocab.pitch_offset
        else:
            close_pending(1)
            state.velocity_bin = token - vocab.velocity_offset
    if complete:
        close_pending(1)
    return notes


def decoder_state_after(
    tokens: Sequence[int] | np.ndarray, vocab: Vocabulary = DEFAULT_VOCABULARY
) -> DecoderState:
    """The decoder state at the end of ``tokens`` (cursor, velocity, pending pitch)."""
    state = DecoderState()
    tokens_to_notes(tokens, vocab, state=state)
    return state


def transpose_tokens(
    tokens: np.ndarray, semitones: int, vocab: Vocabulary = DEFAULT_VOCABULARY
) -> np.ndarray:
    """Transpose PITCH tokens; raises if a pitch would leave 0..127."""
    tokens = np.asarray(tokens)
    is_pitch = (tokens >= vocab.pitch_offset) & (tokens < vocab.duration_offset)
    moved = tokens + np.where(is_pitch, semitones, 0)
    pitches = moved[is_pitch] - vocab.pitch_offset
    if pitches.size and (pitches.min() < 0 or pitches.max() > 127):
        raise EncodingError(f"transposing by {semitones} leaves the MIDI pitch range")
    return moved.astype(tokens.dtype)
