"""Keys and scales: which pitches a constrained continuation may use, the key of some
notes, and the transposition that brings a key to C major / A minor."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .notes import Note

# Semitones above the tonic. "chromatic" means: no key constraint.
SCALES: dict[str, tuple[int, ...]] = {
    "chromatic": tuple(range(12)),
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
    "harmonic_minor": (0, 2, 3, 5, 7, 8, 11),
    "melodic_minor": (0, 2, 3, 5, 7, 9, 11),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "locrian": (0, 1, 3, 5, 6, 8, 10),
    "major_pentatonic": (0, 2, 4, 7, 9),
    "minor_pentatonic": (0, 3, 5, 7, 10),
    "blues": (0, 3, 5, 6, 7, 10),
    "whole_tone": (0, 2, 4, 6, 8, 10),
}
SCALE_ALIASES = {
    "ionian": "major",
    "aeolian": "minor",
    "natural_minor": "minor",
    "pentatonic": "major_pentatonic",
}

PITCH_CLASS_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
_LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def parse_key(key: int | float | str) -> int:
    """A tonic as a pitch class 0–11, from a number (any MIDI pitch) or a name like ``F#`` or ``Bb``."""
    if isinstance(key, str):
        text = key.strip()
        if text.lstrip("-").isdigit():
            return int(text) % 12
        if not text or text[0].upper() not in _LETTERS:
            raise ValueError(f"unknown key {key!r}: use C, C#, Db … B or a number 0–11")
        pitch_class = _LETTERS[text[0].upper()]
        for accidental in text[1:]:
            if accidental in "#♯":
                pitch_class += 1
            elif accidental in "b♭":
                pitch_class -= 1
            else:
                raise ValueError(f"unknown key {key!r}: use C, C#, Db … B or a number 0–11")
        return pitch_class % 12
    if float(key) != int(key):
        raise ValueError(f"key must be a whole number, got {key!r}")
    return int(key) % 12


def parse_scale(scale: str) -> str:
    """The canonical scale name; raises ``ValueError`` listing the known scales."""
    name = scale.strip().lower().replace(" ", "_").replace("-", "_")
    name = SCALE_ALIASES.get(name, name)
    if name not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; known: {', '.join(SCALES)}")
    return name


def allowed_pitches(key: int = 0, scale: str = "chromatic", low: int = 0, high: int = 127) -> np.ndarray:
    """A boolean mask over MIDI pitches 0–127: in the scale on ``key`` and within ``low``..``high``."""
    steps = SCALES[parse_scale(scale)]
    pitch_classes = np.zeros(12, dtype=bool)
    pitch_classes[[(key + s) % 12 for s in steps]] = True
    pitches = np.arange(128)
    return pitch_classes[pitches % 12] & (pitches >= low) & (pitches <= high)


# --- keys ------------------------------------------------------------------------------------
# Krumhansl & Kessler (1982) probe-tone profiles, tonic first.
MAJOR_PROFILE = np.asarray([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR_PROFILE = np.asarray([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


@dataclass(frozen=True)
class Key:
    tonic: int  # pitch class 0–11
    scale: str  # "major" or "minor" (natural minor for the in-key test)
    correlation: float

    @property
    def name(self) -> str:
        return f"{PITCH_CLASS_NAMES[self.tonic]} {self.scale}"


def _standardised(rows: np.ndarray) -> np.ndarray:
    centred = rows - rows.mean(axis=-1, keepdims=True)
    return centred / np.linalg.norm(centred, axis=-1, keepdims=True)


# every key's profile, major keys on C..B then minor keys, standardised so that one matrix
# product gives all 24 Pearson correlations (the engine asks this once per request)
_KEY_PROFILES = _standardised(
    np.stack([np.roll(profile, tonic) for profile in (MAJOR_PROFILE, MINOR_PROFILE) for tonic in range(12)])
)


def infer_key(notes: Iterable[Note]) -> Key:
    """Krumhansl-Schmuckler: the key whose profile best correlates with the duration-weighted
    pitch-class histogram. C major for no notes."""
    notes = list(notes)
    weights = np.bincount(
        [note.pitch % 12 for note in notes],
        weights=[max(note.duration_beats, 1e-3) for note in notes],
        minlength=12,
    )
    if weights.max() == weights.min():  # no notes, or every pitch class alike: no key to hear
        return Key(0, "major", 0.0)
    correlations = _KEY_PROFILES @ _standardised(weights)
    best = int(np.argmax(correlations))  # the first maximum: major before minor, C before C#
    return Key(best % 12, "major" if best < 12 else "minor", float(correlations[best]))


@functools.cache  # 24 keys × a few scales; the engine asks once per request
def white_key_shift(tonic: int, scale: str) -> int:
    """The transposition, in −6..+5 semitones, that brings a scale on ``tonic`` to the white
    keys: C major and A minor stay, D major moves down 2, E minor up 5. Scales that are no
    transposition of a white-key scale (harmonic minor, blues …) get the shift that leaves
    the fewest black keys, the smallest such shift on a tie; chromatic gets 0."""
    steps = SCALES[parse_scale(scale)]
    if len(steps) == 12:
        return 0
    white = {0, 2, 4, 5, 7, 9, 11}

    def black_keys(shift: int) -> int:
        return sum((tonic + step + shift) % 12 not in white for step in steps)

    return min(range(-6, 6), key=lambda shift: (black_keys(shift), abs(shift)))


def key_shift(notes: Sequence[Note]) -> int:
    """The :func:`white_key_shift` of the notes' key as :func:`infer_key` hears it (0 for no notes)."""
    if not notes:
        return 0
    key = infer_key(notes)
    return white_key_shift(key.tonic, key.scale)
