"""What every client builder shares.

The server's address, the output paths, the seed phrases and the helpers derived from the protocol table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from osc_composer.engine.params import PARAM_SPECS, ParamSpec
from osc_composer.server.protocol import INCOMING, OUTGOING, PREFIX

HERE = Path(__file__).resolve().parent.parent  # max_patches/


SERVER_HOST = "127.0.0.1"
SERVER_PORT = 9000
REPLY_PORT = 9001

PD_PATH = HERE / "osc-composer.pd"
MAX_PATH = HERE / "osc-composer.maxpat"
AMXD_PATH = HERE / "osc-composer.amxd"
M4L_JS_PATH = HERE / "osc-composer-m4l.js"
TOSC_PATH = HERE / "osc-composer.tosc"

# Key names without '#': Pd reads '#' in a saved file as '$', and the server takes flats.
KEY_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")
NUMERIC_SPECS = tuple(s for s in PARAM_SPECS if s.kind in ("int", "float"))
SPECS = {s.name: s for s in PARAM_SPECS}


def _style_choices() -> tuple[str, ...]:
    """``auto`` and the styles of the bundled default model (a style menu's entries)."""
    from osc_composer.model.files import ModelFileError, read_metadata
    from osc_composer.model.paths import default_model_path

    try:
        return ("auto", *read_metadata(default_model_path()).config.styles)
    except ModelFileError:
        return ("auto",)


STYLE_CHOICES = _style_choices()

# Seed phrases every client offers: (name, notes as (pitch, velocity, start, duration) in beats).
PHRASES: tuple[tuple[str, tuple[tuple[int, int, float, float], ...]], ...] = (
    (
        "C major line",
        (
            (60, 100, 0, 0.5),
            (62, 90, 0.5, 0.5),
            (64, 100, 1, 0.5),
            (65, 90, 1.5, 0.5),
            (67, 110, 2, 1),
            (65, 90, 3, 0.5),
            (64, 100, 3.5, 0.5),
        ),
    ),
    (
        "A minor arpeggio",
        (
            (57, 100, 0, 0.5),
            (60, 90, 0.5, 0.5),
            (64, 95, 1, 0.5),
            (69, 110, 1.5, 1),
            (64, 90, 2.5, 0.5),
            (60, 85, 3, 1),
        ),
    ),
    (
        "C blues riff",
        (
            (60, 110, 0, 0.75),
            (63, 90, 0.75, 0.25),
            (65, 100, 1, 0.5),
            (66, 95, 1.5, 0.5),
            (67, 110, 2, 1),
            (70, 90, 3, 0.5),
            (67, 85, 3.5, 0.5),
        ),
    ),
    (
        "chords I-ii",
        ((60, 90, 0, 2), (64, 85, 0, 2), (67, 85, 0, 2), (62, 90, 2, 2), (65, 85, 2, 2), (69, 85, 2, 2)),
    ),
)
MAX_SEED_NOTES_PD = 64  # notes typed exactly as iiff by the Pd patch; more go out as f (accepted)


def address(path: str) -> str:
    """A full address, checked against the table (a typo here fails the build)."""
    full = PREFIX + path
    if full not in INCOMING and full not in OUTGOING:
        raise KeyError(f"{full} is not in osc_composer.server.protocol.ADDRESSES")
    return full


def number_text(value: float) -> str:
    """A number as Pd and Max write it: 1, 0.5, 1e+06 (no trailing .0)."""
    text = f"{value:g}"
    return text


def max_float(value: float) -> str:
    """A float literal as Max types it (``1.``, ``0.5``) so it stays a float."""
    text = f"{float(value):g}"
    return text if any(c in text for c in ".e") else text + "."


def phrase_atoms(notes: Iterable[tuple[int, int, float, float]], *, max_floats: bool = False) -> list[str]:
    atoms: list[str] = []
    for pitch, velocity, start, duration in notes:
        if max_floats:
            atoms += [str(pitch), str(velocity), max_float(start), max_float(duration)]
        else:
            atoms += [str(pitch), str(velocity), number_text(start), number_text(duration)]
    return atoms


SHORT_LABEL = 15  # characters: a doc's "label: text" keeps its text when the label is this short


def short_doc(spec: ParamSpec) -> str:
    """The table's doc cut for a comment beside a control: without its parentheses, and
    without what follows a colon unless what precedes it is only a label ("harmonize: …",
    "1: …"), so every control says what it does."""
    text = re.sub(r"\s*\([^)]*\)", "", spec.doc)
    head, colon, _ = text.partition(":")
    return (text if colon and len(head) <= SHORT_LABEL else head).strip()


def range_text(spec: ParamSpec) -> str:
    if spec.name == "seed":
        return "-1 = random"
    return f"{number_text(spec.low)}..{number_text(spec.high)}"
