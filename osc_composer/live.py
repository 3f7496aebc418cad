"""Call-and-response: what a player plays live, kept in beats, turned into a seed on demand.

Pure bookkeeping: times come in as beats of the client's clock (the server stamps each note
on arrival and converts with :class:`~osc_composer.playback.Clock`); nothing here reads a
clock or a socket.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, fields, replace
from typing import Any

from .notes import Note
from .params import ParamError, ParamSpec

DEFAULT_MAX_LIVE_NOTES = 512


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
        "listen", "float", 8.0, 0.25, 64.0, "beats of live playing (the most recent) a live answer continues"
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
)
LIVE_SPECS_BY_NAME = {spec.name: spec for spec in LIVE_SPECS}


@dataclass(frozen=True)
class LiveSettings:
    """A client's live-play settings, checked against :data:`LIVE_SPECS`."""

    silence: float = 2.0
    listen: float = 8.0
    autoplay: int = 0
    latency_ms: float = 0.0

    def with_value(self, name: str, value: Any) -> LiveSettings:
        spec = LIVE_SPECS_BY_NAME.get(name)
        if spec is None:
            raise ParamError(f"unknown live parameter {name!r}; known: {', '.join(LIVE_SPECS_BY_NAME)}")
        return replace(self, **{name: spec.coerce(value)})


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
