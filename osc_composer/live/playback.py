"""Tempo-synced playback: note lists in beats become note-on/off events at wall-clock moments.

One scheduler thread serves every playback (a heap of timers and ``Condition.wait``, never a
thread per note). A playback keeps its events in beats and has one timer at a time, for its
next moment, turned into a time with the client's :class:`Clock` when it is armed, so a new
``/composer/clock`` retimes what is still to come and the heap holds one entry per playback,
not one per note.
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

from ..music.notes import Note

log = logging.getLogger("osc_composer.live.playback")

DEFAULT_BPM = 120.0
MIN_NOTE_BEATS = 1 / 96  # a zero-length note still gets its note-off after its note-on
EARLY_FIRE_SECONDS = 0.0005  # events this close are fired together rather than waited for
COMPACT_MIN = 64  # cancelled heap entries tolerated before the heap is rebuilt
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
    """A scheduled action; ``cancel()`` before it fires and it never runs.

    Cancelling drops the action at once: a cancelled timer waiting in the heap must not keep
    what its action refers to (a whole client session) alive until its time comes.
    """

    __slots__ = ("_scheduler", "action", "cancelled", "in_heap", "when")

    def __init__(self, when: float, action: Callable[[], None], scheduler: Scheduler | None = None) -> None:
        self.when = when
        self.action: Callable[[], None] | None = action
        self.cancelled = False
        self.in_heap = False  # changed under the scheduler's lock only
        self._scheduler = scheduler

    def cancel(self) -> None:
        if self._scheduler is not None:
            self._scheduler._cancel(self)
        else:
            self.cancelled, self.action = True, None


class Scheduler:
    """Run actions at monotonic times on one thread (heapq + ``Condition.wait``).

    Cancelled timers stay in the heap until they come up or until they outnumber the live
    ones, when the heap is rebuilt: amortised O(log n) per call, never a rescan per call.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._now = clock
        self._heap: list[tuple[float, int, Timer]] = []
        self._dead = 0  # cancelled timers still in the heap
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._running = True
        self._thread = threading.Thread(target=self._loop, name="osc-scheduler", daemon=True)
        self._thread.start()

    def call_at(self, when: float, action: Callable[[], None]) -> Timer:
        timer = Timer(when, action, self)
        with self._cond:
            timer.in_heap = True
            heapq.heappush(self._heap, (when, next(self._order), timer))
            if self._heap[0][2] is timer:
                self._cond.notify()  # wake up: this one is earlier than what the thread waits for
        return timer

    def _cancel(self, timer: Timer) -> None:
        with self._cond:
            if timer.cancelled:
                return
            timer.cancelled, timer.action = True, None
            if not timer.in_heap:
                return
            self._dead += 1
            if self._dead > COMPACT_MIN and self._dead > len(self._heap) // 2:
                for _, _, dead in self._heap:
                    dead.in_heap = not dead.cancelled
                self._heap = [entry for entry in self._heap if not entry[2].cancelled]
                heapq.heapify(self._heap)
                self._dead = 0

    def pending(self) -> int:
        """Timers still to fire."""
        with self._cond:
            return len(self._heap) - self._dead

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
                        heapq.heappop(self._heap)[2].in_heap = False
                        self._dead -= 1
                    if not self._heap:
                        self._cond.wait()
                        continue
                    delay = self._heap[0][0] - self._now()
                    if delay > EARLY_FIRE_SECONDS:
                        self._cond.wait(delay)
                        continue
                    while self._heap and self._heap[0][0] - self._now() <= EARLY_FIRE_SECONDS:
                        timer = heapq.heappop(self._heap)[2]
                        timer.in_heap = False
                        if timer.cancelled:
                            self._dead -= 1
                        else:
                            due.append(timer)
                    break
                if not self._running:
                    return
            for timer in due:  # outside the lock: an action may schedule more
                action = timer.action
                if timer.cancelled or action is None:
                    continue
                try:
                    action()
                except Exception as exc:  # one failing sink must not stop every other playback
                    log.error("scheduled action failed: %s: %s", type(exc).__name__, exc)
                    log.debug("scheduled action failed", exc_info=True)


class Playback:
    """One note list being played to a sink, locked to a clock, offset by ``latency`` seconds.

    Events are sent while the playback's lock is held, so a ``stop()`` can never slip its
    note-offs in between a moment's bookkeeping and its note-ons (a note left hanging).
    ``on_end`` is called exactly once: after the last event, or by ``stop()``.
    """

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
        self._timer: Timer | None = None
        self._armed = 0  # which arming the live timer belongs to (a retime re-arms)
        self._clock = clock
        self._finished = False
        if not events:
            self._finish()
            return
        with self._lock:
            self._arm()

    @property
    def finished(self) -> bool:
        return self._finished

    def retime(self, clock: Clock) -> None:
        """Follow a new tempo or beat position from here on."""
        with self._lock:
            if not self._finished:
                self._clock = clock
                self._arm()

    def _arm(self) -> None:
        """(Re)schedule the next moment; the lock is held."""
        if self._timer is not None:
            self._timer.cancel()
        self._armed += 1
        armed = self._armed
        when = self._clock.time_of(self._remaining[0].beat) + self.latency
        self._timer = self.scheduler.call_at(when, lambda: self._fire(armed))

    def _fire(self, armed: int) -> None:
        with self._lock:
            if self._finished or armed != self._armed:
                return  # stopped or retimed meanwhile
            # events at the same beat go out together (one bundle), in their order
            beat = self._remaining[0].beat
            count = next((i for i, e in enumerate(self._remaining) if e.beat != beat), len(self._remaining))
            batch = self._remaining[:count]
            del self._remaining[:count]
            for event in batch:
                total = self._sounding.get(event.pitch, 0) + (1 if event.is_on else -1)
                if total > 0:
                    self._sounding[event.pitch] = total
                else:
                    self._sounding.pop(event.pitch, None)
            self.sink.send(batch)
            done = not self._remaining
            if done:
                self._finished = True
                self._timer = None
            else:
                self._arm()
        if done and self.on_end is not None:
            self.on_end()

    def stop(self) -> None:
        """Stop now and turn off whatever this playback left sounding."""
        with self._lock:
            if self._finished:
                return
            self._finished = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            offs = [PlayEvent(0.0, 0, pitch, 0) for pitch in sorted(self._sounding)]
            self._sounding.clear()
            self._remaining = []
            if offs:
                self.sink.send(offs)
        if self.on_end is not None:
            self.on_end()

    def _finish(self) -> None:
        self._finished = True
        if self.on_end is not None:
            self.on_end()
