"""Live streams (osc_composer.engine.streaming): events fed one by one, harmony and the model's own voice.

Random-weight model from conftest (note-off encoding, controls); no wall-clock assertions.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from osc_composer.engine.generate import Engine
from osc_composer.engine.loader import load_engine
from osc_composer.engine.lstm import LstmState, lstm_step
from osc_composer.engine.streaming import Constraints, LiveStream, StreamError
from osc_composer.music.encoding import Vocabulary, notes_to_tokens
from osc_composer.music.notes import Note
from osc_composer.music.theory import allowed_pitches

C_MAJOR = allowed_pitches(0, "major")


@pytest.fixture(scope="module")
def engine(small_model_path: Path) -> Engine:
    return load_engine(str(small_model_path))


def test_feeding_events_one_by_one_equals_encoding_the_notes(engine: Engine) -> None:
    """The stream's state is exactly the state after the encoded notes: no re-priming, and
    one LSTM step per token (O(1) per event)."""
    notes = [Note(60, 90, 0.0, 1.0), Note(64, 70, 0.0, 2.0), Note(67, 70, 1.0, 0.5), Note(60, 90, 2.5, 1.0)]
    stream = LiveStream(engine)
    vocab = engine.vocab
    events = sorted(
        [(vocab.beats_to_steps(n.end_beats), 0, n.pitch, 0) for n in notes]
        + [(vocab.beats_to_steps(n.start_beats), 1, n.pitch, n.velocity) for n in notes]
    )
    for step, is_on, pitch, velocity in events:
        if is_on:
            stream.note_on(pitch, velocity, step)
        else:
            stream.note_off(pitch, step)
    tokens = notes_to_tokens(notes, vocab, bos=True)
    assert stream.events == len(tokens)
    state = LstmState.zeros(engine.weights, 1)
    state.controls = engine.control_vector((0, 0, 0))
    for token in tokens:
        logits = lstm_step(engine.weights, np.asarray([token]), state)[0]
    np.testing.assert_allclose(stream.logits, logits, atol=1e-5)


def test_harmony_notes_are_in_the_key_range_and_interval_and_end_with_release(engine: Engine) -> None:
    constraints = Constraints(allowed_pitches(0, "major", 48, 84))
    stream = LiveStream(engine, seed=3)
    for index, pitch in enumerate([60, 62, 64, 65, 67, 69, 71, 72] * 3):
        step = index * 6
        stream.note_on(pitch, 90, step)
        harmony = stream.harmonize(3, constraints, around=pitch, interval_low=-12, interval_high=-1)
        assert len(harmony) == 3, "three harmony notes whenever the key leaves room"
        assert all(C_MAJOR[h] and pitch - 12 <= h < pitch for h in harmony)
        assert len(set(harmony)) == 3
        stream.note_off(pitch, step + 6)
        for h in harmony:
            stream.note_off(h, step + 6)
        assert not stream.sounding
    stream.note_on(60, 90, 200)
    stream.harmonize(2, constraints, around=60)
    assert sorted(stream.release_all()) != [] and not [s for s in stream.sounding.values() if s.by_model]


def test_harmony_can_be_sent_before_its_last_note_is_fed_and_settling_catches_up(engine: Engine) -> None:
    """harmonize leaves its last choice's tokens unfed (the caller sends the notes first);
    settle(), or any later event, feeds them: the state is then exactly that of a stream
    that heard the same notes one by one."""
    constraints = Constraints(allowed_pitches(0, "major", 48, 84))
    stream, twin = LiveStream(engine, seed=7), LiveStream(engine, seed=7)
    stream.note_on(64, 90, 6)
    twin.note_on(64, 90, 6)
    before = stream.events
    harmony = stream.harmonize(2, constraints, around=64, interval_low=-12, interval_high=-1)
    assert len(harmony) == 2 and stream.events == before + 1, "the last harmony note waits"
    stream.settle()
    assert stream.events == before + 2
    for pitch in harmony:
        twin.note_on(pitch, 90, 6, by_model=True)
    np.testing.assert_allclose(stream.logits, twin.logits, atol=1e-5)
    # a later event feeds what waits first, without settle()
    again = stream.harmonize(1, constraints, around=72, interval_low=-12, interval_high=-1)
    stream.note_off(64, 12)
    for pitch in again:
        twin.note_on(pitch, 90, 6, by_model=True)
    twin.note_off(64, 12)
    np.testing.assert_allclose(stream.logits, twin.logits, atol=1e-5)


def test_the_models_own_voice_obeys_its_constraints_and_never_hangs(engine: Engine) -> None:
    constraints = Constraints(
        allowed_pitches(2, "dorian", 50, 70), polyphony=2, min_steps=3, max_steps=24, min_gap=3, max_gap=12
    )
    stream = LiveStream(engine, seed=5)
    started: dict[int, int] = {}
    for _ in range(600):
        proposal = stream.propose(constraints)
        if proposal.kind == "wait":
            due_in = min((start + 24 - stream.cursor for start in started.values()), default=99)
            assert 3 <= proposal.steps <= 12 or proposal.steps == due_in  # a due note cuts a wait
        elif proposal.kind == "on":
            assert allowed_pitches(2, "dorian", 50, 70)[proposal.pitch] and proposal.pitch not in started
            started[proposal.pitch] = stream.cursor
        else:
            assert stream.cursor - started.pop(proposal.pitch) >= 3
        stream.commit(proposal)
        assert len(started) <= 2
        assert all(stream.cursor - s <= 24 for s in started.values()), "a note held past max_steps"
    stream.release_all()
    assert not stream.sounding


def test_a_player_event_before_the_proposed_wait_moves_time_to_the_player(engine: Engine) -> None:
    stream = LiveStream(engine, seed=1)
    constraints = Constraints(C_MAJOR, min_gap=12, max_gap=12)
    stream.note_on(60, 90, 0)
    proposal = stream.propose(constraints)
    while proposal.kind != "wait":
        stream.commit(proposal)
        proposal = stream.propose(constraints)
    assert proposal.steps == 12
    stream.note_off(60, 5)  # the player, before the model's wait is over: never committed
    assert stream.cursor == 5


def test_a_duration_model_cannot_stream(tmp_path: Path) -> None:
    from osc_composer.music.encoding import DURATION_ENCODING
    from tests.test_engine import random_weights

    vocab = Vocabulary(encoding=DURATION_ENCODING)
    with pytest.raises(StreamError, match="note-off"):
        LiveStream(Engine(random_weights(vocab), vocab, "old"))


def test_an_answer_from_the_live_state_equals_one_from_the_primed_seed(engine: Engine) -> None:
    """Answering from the streamed state gives what priming the same notes gives (same
    random seed), without re-priming; the stream does not move."""
    from osc_composer.engine.generate import GenerationRequest
    from osc_composer.engine.params import SamplingParams

    notes = [Note(60 + (i * 7) % 12, 80, i * 0.5, 0.5) for i in range(12)]
    params = SamplingParams.create(seed=3, length=8.0, variations=3, voices=4, density=3)
    stream = LiveStream(engine, controls=engine.controls_for(notes, params))
    vocab = engine.vocab
    for note in notes:
        stream.note_on(note.pitch, note.velocity, vocab.beats_to_steps(note.start_beats))
        stream.note_off(note.pitch, vocab.beats_to_steps(note.end_beats))
    stream.advance(vocab.beats_to_steps(6.0))
    events = stream.events
    live = stream.answer(params)
    assert stream.events == events
    primed = engine.generate([GenerationRequest(notes, params, 6.0)])[0]
    assert len(live.variations) == 3 and any(live.variations)
    assert live.variations == primed.variations
