"""Keys and scales: which pitches a constrained continuation may use."""

from __future__ import annotations

import numpy as np

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
