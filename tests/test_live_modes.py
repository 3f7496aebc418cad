"""Live modes without sockets: harmonize, duet and continue on a virtual clock.

The server wiring is tested over UDP in test_live.py; here the LivePlayer alone, with a
scheduler that runs timers in virtual time, so every event's beat can be checked exactly.
"""

from __future__ import annotations

import heapq
import itertools
from pathlib import Path

import pytest

from osc_composer.engine.generate import Engine
from osc_composer.engine.loader import load_engine
from osc_composer.engine.params import SamplingParams
from osc_composer.live.modes import LivePlayer
from osc_composer.live.playback import Clock, PlayEvent
from osc_composer.live.settings import LiveSettings
from osc_composer.music.theory import allowed_pitches


class VirtualTime:
    """A monotonic clock that only moves when the test runs the next timer."""

    def __init__(self) -> None:
        self.now = 100.0
        self.timers: list = []
        self.order = itertools.count()

    def call_at(self, when: float, action):
        timer = Timer()
        heapq.heappush(self.timers, (when, next(self.order), timer, action))
        return timer

    def run_until(self, until: float) -> None:
        while self.timers and self.timers[0][0] <= until:
            when, _, timer, action = heapq.heappop(self.timers)
            self.now = max(self.now, when)
            if not timer.cancelled:
                action()
        self.now = until


class Timer:
    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


@pytest.fixture(scope="module")
def engine(small_model_path: Path) -> Engine:
    return load_engine(str(small_model_path))


def player(
    engine: Engine, mode: LiveSettings, params: SamplingParams
) -> tuple[LivePlayer, list, VirtualTime]:
    time_ = VirtualTime()
    sent: list[PlayEvent] = []
    clock = Clock(bpm=120.0, beat=0.0, at=time_.now)  # two beats a second
    live = LivePlayer(
        engine, sent.extend, time_.call_at, lambda: clock, lambda: (params, mode), now=lambda: time_.now
    )
    return live, sent, time_


def sounding_after(events: list[PlayEvent]) -> set[int]:
    on: set[int] = set()
    for event in events:
        if event.is_on:
            on.add(event.pitch)
        else:
            on.discard(event.pitch)
    return on


def test_harmonize_adds_notes_in_key_and_interval_and_ends_them_with_the_player(engine: Engine) -> None:
    params = SamplingParams.create(scale="major", key=2, low=40, high=90, seed=1)
    mode = LiveSettings(mode=1, harmony=3, interval_low=-12, interval_high=-1, harmony_velocity=0.5)
    live, sent, time_ = player(engine, mode, params)
    key = allowed_pitches(2, "major", 40, 90)
    for index, pitch in enumerate([62, 64, 66, 67, 69, 71, 73, 74] * 2):
        time_.run_until(100.0 + index * 0.25)
        before = len(sent)
        live.note(pitch, 100, time_.now)
        added = sent[before:]
        assert len(added) == 3 and all(e.is_on and e.velocity == 50 for e in added)
        assert all(key[e.pitch] and pitch - 12 <= e.pitch <= pitch - 1 for e in added)
        time_.run_until(time_.now + 0.2)
        before = len(sent)
        live.note(pitch, 0, time_.now)
        assert sorted(e.pitch for e in sent[before:]) == sorted(e.pitch for e in added)
        assert not sounding_after(sent)
    live.note(62, 100, time_.now)
    live.stop()  # stopping while the player holds a note still ends its harmony
    assert not sounding_after(sent)


@pytest.mark.parametrize("mode_name", ["continue", "duet"])
def test_the_models_voice_plays_in_tempo_within_its_range_and_stops_clean(
    engine: Engine, mode_name: str
) -> None:
    params = SamplingParams.create(low=55, high=79, polyphony=2, seed=4, temperature=1.5)
    mode = LiveSettings().with_value("mode", mode_name)
    mode = LiveSettings(mode=mode.mode, min_length=0.25, max_length=2.0, min_gap=0.25, max_gap=2.0)
    live, sent, time_ = player(engine, mode, params)
    live.start()
    for second in range(1, 31):
        if mode_name == "duet" and second % 3 == 0:
            live.note(60, 90, time_.now)  # the player meanwhile (it gets no harmony in duet)
        time_.run_until(100.0 + second)
        if mode_name == "duet" and second % 3 == 0:
            live.note(60, 0, time_.now)
    assert live.notes_sent > 10, "the model kept playing"
    starts: dict[int, float] = {}
    for event in sent:
        assert 55 <= event.pitch <= 79
        grid = event.beat * 12  # every event on the 12-step grid of the clock's beats
        assert abs(grid - round(grid)) < 1e-6
        if event.is_on:
            starts[event.pitch] = event.beat
            assert len(starts) <= 2
        else:
            assert event.beat - starts.pop(event.pitch) <= 2.0 + 1e-9
    live.stop()
    assert not sounding_after(sent)
    time_.run_until(200.0)
    assert not sounding_after(sent) and live.notes_sent == sum(e.is_on for e in sent)


def test_answer_mode_feeds_the_stream_and_a_live_answer_continues_a_fork_of_it(
    engine: Engine, small_model_path: Path
) -> None:
    """``answer``: every note reaches the stream as it comes (nothing is played back), and
    the engine thread answers from a fork of it, moved on to the answer's beat and steered
    by the heard notes' texture; the live stream goes on hearing the player meanwhile."""
    from types import SimpleNamespace

    from osc_composer.engine.generate import GenerationRequest
    from osc_composer.music.notes import Note
    from osc_composer.server.worker import Job, _generate

    params = SamplingParams.create(seed=5, length=4.0, variations=2)
    live, sent, _ = player(engine, LiveSettings(), params)  # the default mode: answer
    played = [(60, 0.0), (64, 0.5), (67, 1.0), (72, 1.5)]
    for pitch, beat in played:
        live.note(pitch, 90, 100.0 + beat / 2)
        live.note(pitch, 0, 100.0 + (beat + 0.4) / 2)
    assert sent == [] and live.stream is not None
    fed = live.stream.events
    assert fed >= 2 * len(played)  # at least a note-on and a note-off each
    fork, twin = live.fork_stream(), live.fork_stream()
    assert fork is not None and twin is not None
    live.note(74, 90, 101.5)  # the player goes on: the forks do not hear it
    assert live.stream.events > fed and fork.events == fed

    heard = [Note(pitch, 90, beat, 0.4) for pitch, beat in played]
    request = GenerationRequest(heard, params, origin_beats=2.0)
    job = Job(SimpleNamespace(host="h"), None, 1, request, 0.0, live=(2.0, len(heard)), stream=fork)
    (answer,) = _generate(engine, [job])
    twin.advance(twin.steps_of(2.0))
    expected = twin.answer(params, engine.controls_for(heard, params))
    assert answer.variations == expected.variations and any(answer.variations)

    other = load_engine(str(small_model_path))  # a model change since the fork: primed instead
    job = Job(SimpleNamespace(host="h"), None, 2, request, 0.0, live=(2.0, 4), stream=live.fork_stream())
    (primed,) = _generate(other, [job])
    assert primed.variations == other.generate([request])[0].variations
