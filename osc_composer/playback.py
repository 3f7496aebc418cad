"""Tempo-synced playback: note lists in beats become note-on/off events at wall-clock moments.

One scheduler thread serves every playback (a heap of timers and ``Condition.wait``, never a
thread per note). A playback keeps its events in beats and turns them into times with the
client's :class:`Clock` only when it schedules them, so a new ``/composer/clock`` retimes
what is still to come.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .notes import Note

log = logging.getLogger("osc_composer.playback")

DEFAULT_BPM = 120.0
MIN_NOTE_BEATS = 1 / 96  # a zero-length note still gets its note-off after its note-on
EARLY_FIRE_SECONDS = 0.0005  # events this close are fired together rather than waited for
COMPACT_AT = 4096  # heap entries
BEAT_DIGITS = 6


@dataclass(frozen=True)
class Clock:
    """A host's tempo and where it was in beats at monotonic time ``at``."""

    bpm: float = DEFAULT_BPM
    beat: float = 0.0
    at: float = field(default_factory=time.monotonic)

    def beat_at(self, when: float) -> float:
        return self.beat + (when - self.at) * self.bpm / 60.0

    def time_of(self, beat: float) -> float:
        return self.at + (beat - self.beat) * 60.0 / self.bpm

    def next_beat(self, after: float) -> float:
        """The first whole beat at or after monotonic time ``after``."""
        return float(math.ceil(self.beat_at(after) - 1e-9))


@dataclass(frozen=True, order=True)
class PlayEvent:
    """A note-on (``velocity`` > 0) or note-off (``velocity`` 0) at a beat of the clock."""

    beat: float
    order: int  # note-offs (0) before note-ons (1) at the same beat: a repeated pitch retriggers
    pitch: int
    velocity: int

    @property
    def is_on(self) -> bool:
        return self.velocity > 0


def events_from_notes(notes: Iterable[Note], start_beat: float) -> list[PlayEvent]:
    """Note-on and note-off events for ``notes`` placed at ``start_beat``, in playing order."""
    events = []
    for note in notes:
        on = start_beat + note.start_beats
        off = on + max(note.duration_beats, MIN_NOTE_BEATS)
        # rounded: an end at 1.0000000000000002 must still come before a start at 1.0
        events.append(PlayEvent(round(on, BEAT_DIGITS), 1, note.pitch, note.velocity))
        events.append(PlayEvent(round(off, BEAT_DIGITS), 0, note.pitch, 0))
    return sorted(events)


class NoteSink(Protocol):
    """Where played events go: OSC to a client, a MIDI port, or both."""

    def send(self, events: list[PlayEvent]) -> None: ...

    def panic(self) -> None: ...


class Timer:
    """A scheduled action; ``cancel()`` before it fires and it never runs."""

    __slots__ = ("action", "cancelled", "when")

    def __init__(self, when: float, action: Callable[[], None]) -> None:
        self.when = when
        self.action = action
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Scheduler:
    """Run actions at monotonic times on one thread (heapq + ``Condition.wait``)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._now = clock
        self._heap: list[tuple[float, int, Timer]] = []
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._running = True
        self._thread = threading.Thread(target=self._loop, name="osc-scheduler", daemon=True)
        self._thread.start()

    def call_at(self, when: float, action: Callable[[], None]) -> Timer:
        timer = Timer(when, action)
        with self._cond:
            if len(self._heap) > COMPACT_AT:  # cancelled timers would otherwise pile up under a flood
                self._heap = [entry for entry in self._heap if not entry[2].cancelled]
                heapq.heapify(self._heap)
            heapq.heappush(self._heap, (when, next(self._order), timer))
            if self._heap[0][2] is timer:
                self._cond.notify()  # wake up: this one is earlier than what the thread waits for
        return timer

    def pending(self) -> int:
        with self._cond:
            return sum(1 for _, _, t in self._heap if not t.cancelled)

    def close(self) -> None:
        with self._cond:
            self._running = False
            self._cond.notify()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while True:
            with self._cond:
                due: list[Timer] = []
                while self._running:
                    while self._heap and self._heap[0][2].cancelled:
                        heapq.heappop(self._heap)
                    if not self._heap:
                        self._cond.wait()
                        continue
                    delay = self._heap[0][0] - self._now()
                    if delay > EARLY_FIRE_SECONDS:
                        self._cond.wait(delay)
                        continue
                    while self._heap and self._heap[0][0] - self._now() <= EARLY_FIRE_SECONDS:
                        due.append(heapq.heappop(self._heap)[2])
                    break
                if not self._running:
                    return
            for timer in due:  # outside the lock: an action may schedule more
                if timer.cancelled:
                    continue
                try:
                    timer.action()
                except Exception:  # one failing sink must not stop every other playback
                    log.exception("scheduled action failed")


class Playback:
    """One note list being played to a sink, locked to a clock, offset by ``latency`` seconds."""

    def __init__(
        self,
        scheduler: Scheduler,
        sink: NoteSink,
        events: list[PlayEvent],
        clock: Clock,
        latency: float = 0.0,
        on_end: Callable[[], None] | None = None,
    ) -> None:
        self.scheduler = scheduler
        self.sink = sink
        self.latency = latency
        self.on_end = on_end
        self._lock = threading.Lock()
        self._remaining = list(events)  # still to send, in order
        self._sounding: dict[int, int] = {}  # pitch → note-ons not yet turned off
        self._timers: list[Timer] = []
        self._finished = not events
        self._schedule(clock)

    @property
    def finished(self) -> bool:
        return self._finished

    def retime(self, clock: Clock) -> None:
        """Follow a new tempo or beat position from here on."""
        with self._lock:
            if not self._finished:
                self._schedule(clock)

    def _schedule(self, clock: Clock) -> None:
        for timer in self._timers:
            timer.cancel()
        self._timers = []
        # events at the same beat go out together (one bundle), in their order
        for beat, group in itertools.groupby(self._remaining, key=lambda e: e.beat):
            batch = list(group)
            when = clock.time_of(beat) + self.latency
            self._timers.append(self.scheduler.call_at(when, lambda b=batch: self._fire(b)))

    def _fire(self, batch: list[PlayEvent]) -> None:
        with self._lock:
            if self._finished or not self._remaining or self._remaining[0] is not batch[0]:
                return  # stopped or retimed meanwhile
            del self._remaining[: len(batch)]
            for event in batch:
                count = self._sounding.get(event.pitch, 0) + (1 if event.is_on else -1)
                if count > 0:
                    self._sounding[event.pitch] = count
                else:
                    self._sounding.pop(event.pitch, None)
            done = not self._remaining
            self._finished = done
        self.sink.send(batch)
        if done and self.on_end is not None:
            self.on_end()

    def stop(self) -> None:
        """Stop now and turn off whatever this playback left sounding."""
        with self._lock:
            if self._finished:
                return
            self._finished = True
            for timer in self._timers:
                timer.cancel()
            offs = [PlayEvent(0.0, 0, pitch, 0) for pitch in sorted(self._sounding)]
            self._sounding.clear()
            self._remaining = []
        if offs:
            self.sink.send(offs)
        if self.on_end is not None:
            self.on_end()


class Player:
    """Every playback of the server, per client: start, retime, stop, panic."""

    def __init__(self, scheduler: Scheduler, max_per_client: int = 4) -> None:
        self.scheduler = scheduler
        self.max_per_client = max_per_client
        self._lock = threading.Lock()
        self._playing: dict[object, list[Playback]] = {}

    def play(
        self,
        key: object,
        sink: NoteSink,
        notes: list[Note],
        start_beat: float,
        clock: Clock,
        latency: float = 0.0,
        on_end: Callable[[], None] | None = None,
    ) -> Playback:
        playback = Playback(
            self.scheduler, sink, events_from_notes(notes, start_beat), clock, latency, on_end
        )
        with self._lock:
            playing = [p for p in self._playing.get(key, []) if not p.finished] + [playback]
            oldest = playing[: -self.max_per_client]
            self._playing[key] = playing[-self.max_per_client :]
        for old in oldest:  # bounded: a client cannot pile up endless playbacks
            old.stop()
        return playback

    def retime(self, key: object, clock: Clock) -> None:
        with self._lock:
            playing = list(self._playing.get(key, []))
        for playback in playing:
            playback.retime(clock)

    def stop(self, key: object) -> int:
        """Stop this client's playbacks (note-offs for sounding notes); returns how many."""
        with self._lock:
            playing = self._playing.pop(key, [])
        active = [p for p in playing if not p.finished]
        for playback in active:
            playback.stop()
        return len(active)

    def stop_all(self) -> None:
        with self._lock:
            keys = list(self._playing)
        for key in keys:
            self.stop(key)
