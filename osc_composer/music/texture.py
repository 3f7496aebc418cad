"""Texture of a note list: how many voices sound at once and how often notes start.

These two numbers, with the *style* (which part of the training mixture a piece comes
from), are the controls a conditioned model is trained with and a user steers it by
(``/composer/param/voices``, ``/composer/param/density``, ``/composer/param/style``).
They are measured the same way on training files and on seeds, so ``auto`` (the default)
asks the model for the texture the seed itself has. Pure functions, no I/O.

* **voices**: the mean number of notes sounding, over the time when at least one sounds
  (a four-part chorale ≈ 3.9, a melody played legato ≈ 1.05), rounded to a class 1–4
  (4 means four or more).
* **density**: note onsets (distinct start times) per beat, over the span from the first
  start to the last end, in five classes: below 0.75 (half notes and slower), below 1.5
  (quarter notes), below 2.5 (eighths), below 3.5, and 3.5 or more (sixteenths).

Class 0 of every control is ``auto``: unknown to the model (it was trained with each
control hidden in part of the windows, so it can also infer it from the music).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from .notes import Note

AUTO = 0
VOICE_CLASSES = ("1", "2", "3", "4+")
DENSITY_EDGES = (0.75, 1.5, 2.5, 3.5)  # onsets per beat between the density classes
DENSITY_CLASSES = ("slow", "quarters", "eighths", "busy", "sixteenths")


@dataclass(frozen=True)
class Texture:
    """The measured texture of a note list (0.0 for no notes)."""

    voices: float
    onsets_per_beat: float
    notes_per_beat: float

    @property
    def voice_class(self) -> int:
        """1–4 (0 for no notes)."""
        return 0 if self.voices <= 0 else min(max(int(self.voices + 0.5), 1), len(VOICE_CLASSES))

    @property
    def density_class(self) -> int:
        """1–5 (0 for no notes)."""
        if self.onsets_per_beat <= 0:
            return 0
        return bisect.bisect_right(DENSITY_EDGES, self.onsets_per_beat) + 1


def measure_texture(notes: Sequence[Note]) -> Texture:
    """Voices and densities of ``notes`` (see the module docstring)."""
    sounding = [n for n in notes if n.duration_beats > 0]
    if not notes:
        return Texture(0.0, 0.0, 0.0)
    first = min(n.start_beats for n in notes)
    last = max(n.end_beats for n in notes)
    span = max(last - first, 1e-9)
    onsets = len({round(n.start_beats, 6) for n in notes})
    return Texture(
        voices=_sounding_mean(sounding) if sounding else 1.0,
        onsets_per_beat=onsets / max(span, 1.0),
        notes_per_beat=len(notes) / max(span, 1.0),
    )


def _sounding_mean(notes: Sequence[Note]) -> float:
    """Total note time divided by the time during which at least one note sounds."""
    total = sum(n.duration_beats for n in notes)
    covered = 0.0
    end = float("-inf")
    for note in sorted(notes, key=lambda n: n.start_beats):
        if note.end_beats <= end:
            continue
        covered += note.end_beats - max(note.start_beats, end)
        end = note.end_beats
    return total / covered if covered > 0 else 1.0


def stretch_notes(notes: Sequence[Note], factor: float) -> list[Note]:
    """Every start and duration times ``factor`` (2: half speed, 0.5: double speed)."""
    return [Note(n.pitch, n.velocity, n.start_beats * factor, n.duration_beats * factor) for n in notes]


def most_sounding(notes: Sequence[Note]) -> int:
    """The largest number of notes sounding at one moment (1: the notes are monophonic).

    Times are compared to a ten-thousandth of a beat (far finer than any grid), so a note
    that ends where the next one starts does not overlap it because of rounding (times that
    came over OSC as 32-bit floats, say)."""
    events = sorted(
        [(round(n.start_beats, 4), 1) for n in notes if n.duration_beats > 0]
        + [(round(n.end_beats, 4), -1) for n in notes if n.duration_beats > 0]
    )  # at one moment ends (-1) sort before starts: notes that touch do not overlap
    most = sounding = 0
    for _, change in events:
        sounding += change
        most = max(most, sounding)
    return most
