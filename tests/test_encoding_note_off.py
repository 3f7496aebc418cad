"""Property-based tests for the note-off encoding (the default: notes end with NOTE_OFF)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osc_composer.music.encoding import (
    BOS,
    NOTE_OFF,
    PITCH,
    SHIFT,
    VELOCITY,
    DecoderState,
    EncodingError,
    Vocabulary,
    decoder_state_after,
    notes_to_tokens,
    quantize_notes,
    tokens_to_notes,
    transpose_tokens,
)
from osc_composer.music.notes import Note, transpose_notes

FAST = settings(max_examples=80, deadline=None)
THOROUGH = settings(max_examples=300, deadline=None)

VOCABULARIES = [
    Vocabulary(),
    Vocabulary(steps_per_beat=4, max_shift_steps=3, max_duration_steps=5, velocity_bins=7),
]


@st.composite
def vocab_and_notes(draw, max_size: int = 16) -> tuple[Vocabulary, list[Note]]:
    """Notes on and off the grid, with chords, duplicates and same-pitch overlaps."""
    vocab = draw(st.sampled_from(VOCABULARIES))
    spb = vocab.steps_per_beat
    starts = draw(
        st.lists(st.integers(0, 3 * vocab.max_shift_steps).map(lambda s: s / spb), min_size=1, max_size=5)
    )
    pitches = draw(st.lists(st.integers(0, 127), min_size=1, max_size=3))
    note = st.builds(
        Note,
        pitch=st.one_of(st.sampled_from(pitches), st.integers(0, 127)),
        velocity=st.integers(1, 127),
        start_beats=st.one_of(st.sampled_from(starts), st.floats(0, 20, allow_nan=False)),
        duration_beats=st.one_of(st.just(0.0), st.floats(0, 1.5 * vocab.max_duration_steps / spb)),
    )
    return vocab, draw(st.lists(note, max_size=max_size))


def _kinds(tokens, vocab):
    return [int(vocab.kinds[t]) for t in tokens]


@THOROUGH
@given(vocab_and_notes())
def test_round_trip_of_quantized_notes(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    assert quantize_notes(q, vocab) == q
    assert tokens_to_notes(notes_to_tokens(q, vocab), vocab) == q
    assert tokens_to_notes(notes_to_tokens(notes, vocab, bos=True), vocab) == q


@FAST
@given(vocab_and_notes())
def test_one_pitch_never_sounds_twice_at_once(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    by_pitch: dict[int, list[Note]] = {}
    for note in q:
        by_pitch.setdefault(note.pitch, []).append(note)
    for same in by_pitch.values():
        for a, b in itertools.pairwise(same):
            assert a.end_beats <= b.start_beats + 1e-9


@FAST
@given(vocab_and_notes())
def test_every_note_on_gets_one_note_off_and_offs_come_first_at_a_moment(case):
    vocab, notes = case
    tokens = notes_to_tokens(notes, vocab)
    sounding: set[int] = set()
    started_here = False
    for token, kind in zip(tokens.tolist(), _kinds(tokens, vocab), strict=True):
        pitch = int(vocab.pitch_of_token[token])
        if kind == SHIFT:
            started_here = False
        elif kind == PITCH:
            assert pitch not in sounding
            sounding.add(pitch)
            started_here = True
        elif kind == NOTE_OFF:
            assert pitch in sounding and not started_here  # never a zero-length note
            sounding.remove(pitch)
        elif kind == VELOCITY:
            started_here = True
    assert not sounding
    assert sum(k == PITCH for k in _kinds(tokens, vocab)) == len(quantize_notes(notes, vocab))


@FAST
@given(vocab_and_notes(), st.data())
def test_continuation_decodes_like_the_whole_stream_at_any_split(case, data):
    vocab, notes = case
    tokens = notes_to_tokens(notes, vocab, bos=True)
    split = data.draw(st.integers(0, len(tokens)))
    state = DecoderState()
    head = tokens_to_notes(tokens[:split], vocab, state=state)
    tail = tokens_to_notes(tokens[split:], vocab, state=state)
    assert sorted(head + tail, key=_order) == tokens_to_notes(tokens, vocab)
    assert not state.sounding


def _order(note: Note):
    return (note.start_beats, note.pitch, note.duration_beats, note.velocity)


@FAST
@given(vocab_and_notes(), st.integers(0, 40))
def test_a_seed_cut_at_a_moment_leaves_the_notes_sounding_there_open(case, cut_steps):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    until = cut_steps / vocab.steps_per_beat
    tokens = notes_to_tokens(q, vocab, until_beats=until)
    state = decoder_state_after(tokens, vocab)
    expected_open = {n.pitch for n in q if n.start_beats < until < n.end_beats}
    assert set(state.sounding) == expected_open
    # what is encoded is exactly the events before the cut (and the note-offs at it)
    whole = notes_to_tokens(q, vocab)
    assert whole[: len(tokens)].tolist() == tokens.tolist()


@FAST
@given(vocab_and_notes(), st.integers(-127, 127))
def test_transposing_tokens_moves_note_ons_and_note_offs(case, semitones):
    vocab, notes = case
    notes = [n for n in notes if 0 <= n.pitch + semitones <= 127]
    tokens = notes_to_tokens(notes, vocab, bos=True)
    moved = transpose_tokens(tokens, semitones, vocab)
    assert np.array_equal(moved, notes_to_tokens(transpose_notes(notes, semitones), vocab, bos=True))


def test_tolerant_decoding_of_what_a_free_sampler_may_write():
    vocab = Vocabulary()
    on, off, shift = vocab.pitch_token, vocab.note_off_token, vocab.shift_token
    tokens = [BOS, on(60), off(61), shift(3), on(60), shift(2)]  # stray off; 60 struck again
    notes = tokens_to_notes(tokens, vocab, default_velocity=70)
    assert notes == [Note(60, 70, 0.0, 3 / 12), Note(60, 70, 3 / 12, 2 / 12)]
    with pytest.raises(EncodingError):
        vocab.duration_token(1)


def test_layout_and_names():
    vocab = Vocabulary()
    assert vocab.size == 2 + 32 + 128 + 128 + 96
    assert vocab.token_name(vocab.pitch_token(60)) == "PITCH_60"
    assert vocab.token_name(vocab.note_off_token(60)) == "NOTE_OFF_60"
    assert vocab.token_name(vocab.shift_token(96)) == "SHIFT_96"
    assert vocab.pitch_of_token[vocab.note_off_token(7)] == 7
    assert vocab.steps_of_token[vocab.shift_token(5)] == 5
