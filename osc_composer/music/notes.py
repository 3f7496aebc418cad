"""The interchange type: a note list in beats.

Every part of osc-composer (MIDI files, the encoding, the engine, the OSC server)
passes plain lists of :class:`Note`. Times are in beats (quarter notes), never in
seconds or ticks, so a result drops into a DAW at any tempo.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace


class NoteError(ValueError):
    """A note value is out of range (pitch, velocity, negative or non-finite time)."""


@dataclass(frozen=True, slots=True, order=False)
class Note:
    """One note: MIDI pitch 0–127, velocity 1–127, start and duration in beats."""

    pitch: int
    velocity: int
    start_beats: float
    duration_beats: float

    def __post_init__(self) -> None:
        if not isinstance(self.pitch, int) or not 0 <= self.pitch <= 127:
            raise NoteError(f"pitch must be an integer 0..127, got {self.pitch!r}")
        if not isinstance(self.velocity, int) or not 1 <= self.velocity <= 127:
            raise NoteError(f"velocity must be an integer 1..127, got {self.velocity!r}")
        if not math.isfinite(self.start_beats) or self.start_beats < 0:
            raise NoteError(f"start_beats must be finite and >= 0, got {self.start_beats!r}")
        if not math.isfinite(self.duration_beats) or self.duration_beats < 0:
            raise NoteError(f"duration_beats must be finite and >= 0, got {self.duration_beats!r}")

    @property
    def end_beats(self) -> float:
        return self.start_beats + self.duration_beats

    def __repr__(self) -> str:
        return (
            f"Note(pitch={self.pitch}, velocity={self.velocity}, "
            f"start_beats={self.start_beats:g}, duration_beats={self.duration_beats:g})"
        )


def sort_notes(notes: Iterable[Note]) -> list[Note]:
    """Canonical order: by start, then pitch, duration, velocity (the encoding's order)."""
    return sorted(notes, key=lambda n: (n.start_beats, n.pitch, n.duration_beats, n.velocity))


def end_beats(notes: Iterable[Note]) -> float:
    """Where the last note ends (0 for no notes)."""
    return max((n.end_beats for n in notes), default=0.0)


def shift_notes(notes: Iterable[Note], beats: float) -> list[Note]:
    """Move every note by ``beats``; notes that would start before 0 are dropped."""
    return [replace(n, start_beats=n.start_beats + beats) for n in notes if n.start_beats + beats >= 0]


def transpose_notes(notes: Iterable[Note], semitones: int) -> list[Note]:
    """Transpose by ``semitones``; notes leaving the MIDI range 0..127 are dropped."""
    # direct construction: dataclasses.replace costs ~4 µs a note, and the engine moves
    # every seed and continuation of a key-normalised model
    return [
        Note(n.pitch + semitones, n.velocity, n.start_beats, n.duration_beats)
        for n in notes
        if 0 <= n.pitch + semitones <= 127
    ]
