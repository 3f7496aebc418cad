"""Call-and-response: what a player plays live, kept in beats, turned into a seed on demand.

Pure bookkeeping: times come in as beats of the client's clock (the server stamps each note
on arrival and converts with :class:`~osc_composer.live.playback.Clock`); nothing here reads a
clock or a socket.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, fields, replace
from typing import Any

from ..engine.params import ParamError, ParamSpec
from ..music.notes import Note

DEFAULT_MAX_LIVE_NOTES = 512
LIVE_MODES = ("answer", "harmonize", "duet", "continue")  # /composer/live/param/mode 0–3


LIVE_SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "silence",
        "float",
        2.0,
        0.0,
        64.0,
        "answer live playing by itself after this many beats of silence (0 = only on /composer/live/respond)",
    ),
    ParamSpec(
        "listen",
        "float",
        8.0,
        0.25,
        64.0,
        "beats of live playing (the most recent) whose texture a live answer follows "
        "(a duration-encoding model re-primes on them)",
    ),
    ParamSpec("autoplay", "int", 0, 0, 1, "1: also play live answers as /composer/play/noteon and noteoff"),
    ParamSpec(
        "latency_ms",
        "float",
        0.0,
        -500.0,
        500.0,
        "played notes are sent this much later than their beat (negative: earlier, for a slow synth)",
    ),
    # play along (live/modes.py)
    ParamSpec(
        "mode",
        "int",
        0,
        0,
        len(LIVE_MODES) - 1,
        "0 answer (call and response), 1 harmonize, 2 duet, 3 continue",
    ),
    ParamSpec("harmony", "int", 2, 1, 4, "harmonize: notes the model adds to each note played"),
    ParamSpec(
        "interval_low", "int", -12, -36, 36, "harmonize: lowest harmony note, semitones from the played one"
    ),
    ParamSpec(
        "interval_high", "int", -1, -36, 36, "harmonize: highest harmony note, semitones from the played one"
    ),
    ParamSpec(
        "harmony_velocity", "float", 0.8, 0.0, 2.0, "harmonize: harmony velocity as a share of the played one"
    ),
    ParamSpec(
        "min_length", "float", 0.25, 1 / 12, 16.0, "duet, continue: shortest note of the model's, in beats"
    ),
    ParamSpec(
        "max_length", "float", 4.0, 1 / 12, 16.0, "duet, continue: longest note of the model's, in beats"
    ),
    ParamSpec(
        "min_gap", "float", 0.25, 1 / 12, 8.0, "duet, continue: shortest wait of the model's, in beats"
    ),
    ParamSpec("max_gap", "float", 4.0, 1 / 12, 8.0, "duet, continue: longest wait of the model's, in beats"),
)
LIVE_SPECS_BY_NAME = {spec.name: spec for spec in LIVE_SPECS}


@dataclass(frozen=True)
class LiveSettings:
    """A client's live-play settings, checked against :data:`LIVE_SPECS`."""

    silence: float = 2.0
    listen: float = 8.0
    autoplay: int = 0
    latency_ms: float = 0.0
    mode: int = 0
    harmony: int = 2
    interval_low: int = -12
    interval_high: int = -1
    harmony_velocity: float = 0.8
    min_length: float = 0.25
    max_length: float = 4.0
    min_gap: float = 0.25
    max_gap: float = 4.0

    @property
    def mode_name(self) -> str:
        return LIVE_MODES[self.mode]

    def with_value(self, name: str, value: Any) -> LiveSettings:
        spec = LIVE_SPECS_BY_NAME.get(name)
        if spec is None:
            raise ParamError(f"unknown live parameter {name!r}; known: {', '.join(LIVE_SPECS_BY_NAME)}")
        if name == "mode" and isinstance(value, (str, bytes)):
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
            if text.strip().lower() not in LIVE_MODES:
                raise ParamError(f"mode must be one of {', '.join(LIVE_MODES)} (or 0–3), got {text!r}")
            value = LIVE_MODES.index(text.strip().lower())
        changed = replace(self, **{name: spec.coerce(value)})
        if changed.interval_low > changed.interval_high:
            raise ParamError("interval_low must not be above interval_high")
        if changed.min_length > changed.max_length or changed.min_gap > changed.max_gap:
            raise ParamError("min_length and min_gap must not be above max_length and max_gap")
        return changed


assert {f.name: f.default for f in fields(LiveSettings)} == {s.name: s.default for s in LIVE_SPECS}


@dataclass
class LiveNote:
    pitch: int
    velocity: int
    start: float  # beats of the client's clock
    end: float | None = None  # None while it sounds


class LiveBuffer:
    """The most recent live notes of one client (at most ``max_notes``: bounded memory)."""

    def __init__(self, max_notes: int = DEFAULT_MAX_LIVE_NOTES) -> None:
        self.notes: deque[LiveNote] = deque(maxlen=max_notes)
        self.last_event: float | None = None  # beat of the latest note-on or note-off
        self.answered = True  # nothing new to answer yet

    def note(self, pitch: int, velocity: int, beat: float) -> None:
        """A note-on (velocity > 0) or note-off (velocity 0) at ``beat``."""
        self._release(pitch, beat)  # a note-on on a sounding pitch ends the earlier one
        if velocity > 0:
            self.notes.append(LiveNote(pitch, velocity, beat))
        self.last_event = beat
        self.answered = False

    def _release(self, pitch: int, beat: float) -> None:
        for note in reversed(self.notes):
            if note.pitch == pitch and note.end is None:
                note.end = max(beat, note.start)
                return

    def clear(self) -> None:
        self.notes.clear()
        self.last_event = None
        self.answered = True

    @property
    def sounding(self) -> int:
        return sum(1 for n in self.notes if n.end is None)

    def seed(self, now: float, listen: float) -> tuple[list[Note], float]:
        """The notes of the last ``listen`` beats before ``now`` as a seed, and the seed's origin.

        Seed times count from a whole beat of the clock (so the model sees the host's beat
        grid); the origin is that beat. Notes still sounding end at ``now``.
        """
        window = now - listen
        kept = [n for n in self.notes if n.start >= window and n.start <= now]
        if not kept:
            return [], 0.0
        origin = float(math.floor(min(n.start for n in kept) + 1e-9))
        seed = [
            Note(n.pitch, n.velocity, n.start - origin, max(0.0, (now if n.end is None else n.end) - n.start))
            for n in kept
        ]
        return seed, origin
