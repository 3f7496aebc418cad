"""Live modes: what the server plays while a musician plays (``/composer/live/param/mode``).

* ``answer``: call and response (:mod:`osc_composer.live.settings`): listen, and after ``silence``
  beats answer with a phrase, continued from the stream that heard every note (the
  server forks it with :meth:`LivePlayer.fork_stream`; no re-priming).
* ``harmonize``: every note the player starts gets up to ``harmony`` model-chosen notes at
  once, ``interval_low``..``interval_high`` semitones from it, in the session's key, scale
  and range, at ``harmony_velocity`` times the player's velocity; they end with the
  player's note.
* ``duet``: the model keeps playing a voice of its own in tempo from the clock while the
  player plays, hearing both (its notes within the session's range, key and polyphony,
  ``min_length``..``max_length`` beats long, waiting ``min_gap``..``max_gap`` beats).
* ``continue``: the same voice, playing on by itself (``/composer/live/start``, until
  ``/composer/live/stop``).

Both hear the player event by event through one :class:`~osc_composer.engine.streaming.LiveStream`
per session (no re-priming). A :class:`LivePlayer` is driven from two threads, the
receiving one (player notes) and the scheduler (its own voice's next moment), so it has one
lock, taken for each call and never while waiting for anything else. It never leaves a note
sounding: every note-on it sends is matched by a note-off, at the latest on
:meth:`LivePlayer.stop` (mode change, model change, a client that goes away).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..engine.generate import Engine
from ..engine.params import SamplingParams
from ..engine.streaming import Constraints, LiveStream, Proposal
from ..music.notes import Note
from ..music.theory import allowed_pitches, key_shift, white_key_shift
from .playback import Clock, PlayEvent
from .settings import LiveSettings

KEY_WINDOW = 16  # player notes the key of an unkeyed stream is judged from


class LivePlayer:
    """One session's harmonize / duet / continue player (see the module docstring).

    ``send`` gets :class:`PlayEvent` lists to play now; ``call_at(when, action)`` runs an
    action at a monotonic time and returns something with ``cancel()`` (the server's
    scheduler); ``clock()`` and ``settings()`` read the session's current clock, sampling
    parameters and mode settings when they are needed, so a change applies at once.
    """

    def __init__(
        self,
        engine: Engine,
        send: Callable[[list[PlayEvent]], None],
        call_at: Callable[[float, Callable[[], None]], object],
        clock: Callable[[], Clock],
        settings: Callable[[], tuple[SamplingParams, LiveSettings]],
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self._now = now
        self._send = send
        self._call_at = call_at
        self._clock = clock
        self._settings = settings
        self._lock = threading.Lock()
        self.stream: LiveStream | None = None
        self._harmony: dict[int, list[int]] = {}  # player's pitch → the harmony it sounds
        self._heard: list[Note] = []  # the player's recent notes, for the key of an unkeyed stream
        self._timer: object | None = None
        self._pending: Proposal | None = None
        self.playing = False  # the model's own voice (duet / continue) is running
        self.notes_sent = 0

    # --- the player ---------------------------------------------------------------------
    def note(self, pitch: int, velocity: int, when: float) -> None:
        """A played note-on (velocity > 0) or note-off at monotonic time ``when``."""
        with self._lock:
            params, mode = self._settings()
            beat = self._clock().beat_at(when)
            stream = self._stream_for(params, mode, beat, pitch, velocity)
            step = stream.steps_of(beat)
            # what is played goes out first; the stream is fed what it has not heard after
            if velocity > 0:
                stream.note_on(pitch, velocity, step)
                if mode.mode_name == "harmonize":
                    self._emit(self._harmonize(stream, pitch, velocity, params, mode, beat))
                stream.settle()
            else:
                ended = self._harmony.pop(pitch, [])
                self._emit([PlayEvent(beat, 0, added, 0) for added in ended])
                stream.note_off(pitch, step)
                for added in ended:
                    stream.note_off(added, stream.cursor)
            if self.playing and mode.mode_name == "duet":
                self._pending = None  # the player moved time on: the model thinks again
                self._think(params, mode)

    def _harmonize(
        self,
        stream: LiveStream,
        pitch: int,
        velocity: int,
        params: SamplingParams,
        mode: LiveSettings,
        beat: float,
    ) -> list[PlayEvent]:
        constraints = self._constraints(params, mode)
        added = stream.harmonize(
            mode.harmony,
            constraints,
            around=pitch,
            interval_low=mode.interval_low,
            interval_high=mode.interval_high,
        )
        if not added:
            return []
        self._harmony[pitch] = self._harmony.get(pitch, []) + added
        loud = min(max(round(velocity * mode.harmony_velocity), 1), 127)
        return [PlayEvent(beat, 1, p, loud) for p in added]

    def fork_stream(self) -> LiveStream | None:
        """A copy of the stream as heard so far, for an ``answer`` computed elsewhere (the
        engine thread) while this one goes on hearing the player; None before any note."""
        with self._lock:
            return None if self.stream is None else self.stream.fork()

    # --- the model's own voice ----------------------------------------------------------
    def start(self) -> None:
        """Start the model's own voice (duet and continue)."""
        with self._lock:
            params, mode = self._settings()
            if self.playing:
                return
            self.playing = True
            beat = self._clock().beat_at(self._now())
            stream = self._stream_for(params, mode, beat)
            stream.advance(stream.steps_of(beat))
            self._think(params, mode)

    def _think(self, params: SamplingParams, mode: LiveSettings) -> None:
        """Play what the model wants now, until it wants to wait; then wait (under the lock)."""
        stream = self.stream
        if stream is None or not self.playing:
            return
        constraints = self._constraints(params, mode)
        beat = stream.cursor / stream.vocab.steps_per_beat
        events = []
        for _ in range(64):  # a model that never waits still yields the thread
            proposal = stream.propose(constraints)
            if proposal.kind == "wait":
                self._pending = proposal
                when = self._clock().time_of((stream.cursor + proposal.steps) / stream.vocab.steps_per_beat)
                self._timer = self._call_at(when, self._wake)
                break
            stream.commit(proposal)
            if proposal.kind == "on":
                events.append(PlayEvent(beat, 1, proposal.pitch, proposal.velocity))
            else:
                events.append(PlayEvent(beat, 0, proposal.pitch, 0))
        if events:
            self._emit(events)

    def _wake(self) -> None:
        with self._lock:
            if not self.playing or self.stream is None or self._pending is None:
                return
            params, mode = self._settings()
            if mode.mode_name not in ("duet", "continue"):
                return
            self.stream.commit(self._pending)
            self._pending = None
            self._think(params, mode)

    def stop(self) -> None:
        """Stop the model's own voice and end every note it (or a harmony) still sounds."""
        with self._lock:
            self.playing = False
            self._pending = None
            if self._timer is not None:
                self._timer.cancel()  # type: ignore[attr-defined]
                self._timer = None
            ended = self.stream.release_all() if self.stream is not None else []
            self._harmony.clear()
            beat = self._clock().beat_at(self._now())
            if ended:
                self._emit([PlayEvent(beat, 0, p, 0) for p in ended])

    def reset(self) -> None:
        """Forget the stream (after :meth:`stop`): a new key, model or controls start afresh."""
        self.stop()
        with self._lock:
            self.stream = None
            self._heard.clear()

    # --- helpers ------------------------------------------------------------------------
    def _emit(self, events: list[PlayEvent]) -> None:
        if not events:
            return
        self.notes_sent += sum(1 for e in events if e.is_on)
        self._send(events)

    def _constraints(self, params: SamplingParams, mode: LiveSettings) -> Constraints:
        spb = self.engine.vocab.steps_per_beat
        return Constraints(
            allowed_pitches(params.key, params.scale, params.low, params.high),
            polyphony=params.polyphony,
            min_steps=max(1, round(mode.min_length * spb)),
            max_steps=max(1, round(mode.max_length * spb)),
            min_gap=max(1, round(mode.min_gap * spb)),
            max_gap=max(1, round(mode.max_gap * spb)),
            temperature=params.temperature,
        )

    def _stream_for(
        self,
        params: SamplingParams,
        mode: LiveSettings,
        beat: float,
        pitch: int | None = None,
        velocity: int = 0,
    ) -> LiveStream:
        """The session's stream, started on first use at the clock's ``beat``. A
        key-normalised model hears the player moved to C: by the session's key and scale
        when one is set, else by the key of the notes heard so far (the stream starts again,
        between notes, when that key changes). Harmonize asks the model for ``harmony`` + 1
        voices unless ``voices`` says otherwise."""
        if pitch is not None and velocity > 0:
            self._heard = [
                *self._heard[-(KEY_WINDOW - 1) :],
                Note(pitch, velocity, float(len(self._heard)), 1.0),
            ]
        shift = 0
        if self.engine.key_normalized:
            if params.scale != "chromatic":
                shift = white_key_shift(params.key, params.scale)
            elif len(self._heard) >= 4:
                shift = key_shift(self._heard)
        if self.stream is None or (self.stream.shift != shift and not self.stream.sounding):
            if mode.mode_name == "harmonize" and not params.voices:
                params = params.with_values(voices=min(mode.harmony + 1, 4))
            # an answer measures the texture of what it answers when it is asked for
            heard = [] if mode.mode_name == "answer" else self._heard
            controls = self.engine.controls_for(heard, params) if self.engine.has_controls else (0, 0, 0)
            seed = params.seed if params.seed >= 0 else None
            step = self.engine.vocab.beats_to_steps(max(beat, 0.0))
            self.stream = LiveStream(self.engine, controls=controls, shift=shift, seed=seed, cursor=step)
        return self.stream
