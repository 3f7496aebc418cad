"""Property-based tests for the event encoding (notes ⇄ token ids)."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osc_composer.music.encoding import (
    BOS,
    DURATION_ENCODING,
    ENCODINGS,
    PAD,
    DecoderState,
    EncodingError,
    Vocabulary,
    decoder_state_after,
    notes_to_tokens,
    quantize_notes,
    shift_tokens,
    tokens_to_notes,
    transpose_tokens,
)
from osc_composer.music.notes import Note, sort_notes, transpose_notes

FAST = settings(max_examples=60, deadline=None)
THOROUGH = settings(max_examples=300, deadline=None)

# This file tests the duration encoding of the first models (the note-off encoding:
# test_encoding_note_off.py). Its defaults are those of the model files that used it.
DEFAULT_VOCABULARY = Vocabulary(max_duration_steps=96, encoding=DURATION_ENCODING)
VOCABULARIES = [
    DEFAULT_VOCABULARY,
    Vocabulary(steps_per_beat=24, encoding=DURATION_ENCODING),
    Vocabulary(velocity_bins=4, encoding=DURATION_ENCODING),
    Vocabulary(velocity_bins=1, encoding=DURATION_ENCODING),
    # tiny limits: long rests and long notes are the common case here
    Vocabulary(
        steps_per_beat=4, max_shift_steps=3, max_duration_steps=5, velocity_bins=7, encoding=DURATION_ENCODING
    ),
]
VOCAB_IDS = ["default", "24-steps", "4-velocity-bins", "1-velocity-bin", "tiny-limits"]

vocabularies = st.sampled_from(VOCABULARIES)


@st.composite
def note_lists(draw, vocab: Vocabulary, max_size: int = 16) -> list[Note]:
    """Notes on and off the grid, with chords, duplicates and same-pitch overlaps."""
    spb = vocab.steps_per_beat
    max_duration_beats = vocab.max_duration_steps / spb
    on_grid_start = st.integers(0, 3 * vocab.max_shift_steps + 5).map(lambda s: s / spb)
    off_grid_start = st.floats(0, 3 * vocab.max_shift_steps / spb + 1, allow_nan=False)
    # A small pool of starts and pitches, so chords and same-pitch overlaps are frequent.
    starts = draw(st.lists(st.one_of(on_grid_start, off_grid_start), min_size=1, max_size=6))
    pitches = draw(st.lists(st.integers(0, 127), min_size=1, max_size=4))
    duration = st.one_of(
        st.just(0.0),
        st.integers(0, vocab.max_duration_steps).map(lambda s: s / spb),
        st.just(max_duration_beats),
        st.floats(0, 1.5 * max_duration_beats, allow_nan=False),  # beyond the max: clipped
    )
    note = st.builds(
        Note,
        pitch=st.one_of(st.sampled_from(pitches), st.integers(0, 127)),
        velocity=st.integers(1, 127),
        start_beats=st.sampled_from(starts),
        duration_beats=duration,
    )
    notes = draw(st.lists(note, max_size=max_size))
    if notes:
        notes += draw(st.lists(st.sampled_from(notes), max_size=4))  # exact duplicates
    return draw(st.permutations(notes))


@st.composite
def vocab_and_notes(draw, max_size: int = 16) -> tuple[Vocabulary, list[Note]]:
    vocab = draw(vocabularies)
    return vocab, draw(note_lists(vocab, max_size))


def kinds(tokens, vocab: Vocabulary) -> list[tuple[str, int]]:
    """(kind, value) per token, using ``token_name`` (e.g. ("SHIFT", 3))."""
    out = []
    for token in tokens:
        name = vocab.token_name(int(token))
        kind, _, value = name.partition("_")
        out.append((kind, int(value) if value else -1))
    return out


# --- round trip ------------------------------------------------------------------------


@THOROUGH
@given(vocab_and_notes())
def test_decoding_the_encoding_of_quantized_notes_gives_them_back(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    assert tokens_to_notes(notes_to_tokens(q, vocab), vocab) == q


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=VOCAB_IDS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_round_trip_holds_for_each_vocabulary(vocab, data):
    notes = data.draw(note_lists(vocab))
    q = quantize_notes(notes, vocab)
    assert tokens_to_notes(notes_to_tokens(q, vocab), vocab) == q


@FAST
@given(vocab_and_notes())
def test_encoding_quantizes_on_the_way(case):
    vocab, notes = case
    assert np.array_equal(notes_to_tokens(notes, vocab), notes_to_tokens(quantize_notes(notes, vocab), vocab))


@FAST
@given(vocab_and_notes())
def test_bos_prefix_is_skipped_when_decoding(case):
    vocab, notes = case
    tokens = notes_to_tokens(notes, vocab, bos=True)
    assert tokens[0] == BOS
    assert np.array_equal(tokens[1:], notes_to_tokens(notes, vocab))
    assert tokens_to_notes(tokens, vocab) == quantize_notes(notes, vocab)


def test_round_trip_keeps_duplicates_chords_and_same_pitch_overlaps():
    notes = [
        Note(60, 100, 0.0, 1.0),
        Note(60, 100, 0.0, 1.0),  # duplicate
        Note(64, 100, 0.0, 1.0),  # chord
        Note(60, 50, 0.5, 2.0),  # same pitch, overlapping the first
        Note(60, 50, 0.5, 0.25),  # same pitch, same start, shorter
        Note(67, 127, 3.0, 0.0),  # zero length: one step
    ]
    q = quantize_notes(notes, DEFAULT_VOCABULARY)
    assert len(q) == len(notes)
    assert tokens_to_notes(notes_to_tokens(q, DEFAULT_VOCABULARY), DEFAULT_VOCABULARY) == q
    assert q[-1] == Note(67, DEFAULT_VOCABULARY.bin_to_velocity(31), 3.0, 1 / 12)


def test_empty_note_list_encodes_to_no_tokens():
    for vocab in (DEFAULT_VOCABULARY, Vocabulary()):
        assert notes_to_tokens([], vocab).size == 0
        assert notes_to_tokens([], vocab, bos=True).tolist() == [BOS]
        assert tokens_to_notes([], vocab) == []


# --- quantize and velocity bins --------------------------------------------------------


@FAST
@given(vocab_and_notes())
def test_quantize_is_idempotent(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    assert quantize_notes(q, vocab) == q


@FAST
@given(vocab_and_notes())
def test_quantized_notes_are_on_the_grid_sorted_and_within_limits(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    assert len(q) == len(notes)
    assert q == sort_notes(q)
    centres = {vocab.bin_to_velocity(b) for b in range(vocab.velocity_bins)}
    for note in q:
        start = note.start_beats * vocab.steps_per_beat
        steps = note.duration_beats * vocab.steps_per_beat
        assert start == pytest.approx(round(start))
        assert steps == pytest.approx(round(steps))
        assert 1 <= round(steps) <= vocab.max_duration_steps
        assert note.velocity in centres


@pytest.mark.parametrize("bins", range(1, 128))
def test_every_velocity_bin_centre_is_a_fixed_point(bins):
    vocab = Vocabulary(velocity_bins=bins, encoding=DURATION_ENCODING)
    for b in range(bins):
        centre = vocab.bin_to_velocity(b)
        assert 1 <= centre <= 127
        assert vocab.velocity_to_bin(centre) == b


@pytest.mark.parametrize("bins", range(1, 128))
def test_velocity_bins_cover_1_to_127_monotonically(bins):
    vocab = Vocabulary(velocity_bins=bins, encoding=DURATION_ENCODING)
    mapped = [vocab.velocity_to_bin(v) for v in range(1, 128)]
    assert mapped[0] == 0
    assert mapped[-1] == bins - 1
    # non-decreasing, never skipping a bin: every bin holds at least one velocity
    assert all(b - a in (0, 1) for a, b in pairwise(mapped))
    assert set(mapped) == set(range(bins))
    # the centres are increasing too
    centres = [vocab.bin_to_velocity(b) for b in range(bins)]
    assert centres == sorted(set(centres))


def test_velocity_to_bin_clamps_out_of_range_velocities():
    vocab = DEFAULT_VOCABULARY
    assert vocab.velocity_to_bin(0) == vocab.velocity_to_bin(1) == 0
    assert vocab.velocity_to_bin(200) == vocab.velocity_to_bin(127) == vocab.velocity_bins - 1


# --- grammar of the emitted tokens -----------------------------------------------------


@FAST
@given(vocab_and_notes(), st.booleans())
def test_every_pitch_is_followed_by_exactly_one_duration(case, bos):
    vocab, notes = case
    stream = kinds(notes_to_tokens(notes, vocab, bos=bos), vocab)
    for i, (kind, _) in enumerate(stream):
        if kind == "PITCH":
            assert i + 1 < len(stream) and stream[i + 1][0] == "DURATION"
            assert i + 2 == len(stream) or stream[i + 2][0] != "DURATION"
        if kind == "DURATION":
            assert i > 0 and stream[i - 1][0] == "PITCH"
    assert sum(k == "PITCH" for k, _ in stream) == len(notes)
    assert sum(k == "BOS" for k, _ in stream) == int(bos)
    assert all(k != "PAD" for k, _ in stream)


@FAST
@given(vocab_and_notes())
def test_velocity_is_stated_first_and_then_only_when_it_changes(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    stream = kinds(notes_to_tokens(q, vocab), vocab)
    if q:
        first_pitch = next(i for i, (k, _) in enumerate(stream) if k == "PITCH")
        assert any(k == "VELOCITY" for k, _ in stream[:first_pitch])
    stated = [v for k, v in stream if k == "VELOCITY"]
    assert all(a != b for a, b in pairwise(stated))
    bins = [vocab.velocity_to_bin(n.velocity) for n in q]
    changes = sum(1 for a, b in pairwise(bins) if a != b)
    assert len(stated) == (changes + 1 if q else 0)


@FAST
@given(vocab_and_notes())
def test_shifts_add_up_to_the_last_note_start(case):
    vocab, notes = case
    q = quantize_notes(notes, vocab)
    stream = kinds(notes_to_tokens(q, vocab), vocab)
    total = sum(v for k, v in stream if k == "SHIFT")
    expected = vocab.beats_to_steps(q[-1].start_beats) if q else 0
    assert total == expected


@FAST
@given(vocab_and_notes())
def test_long_rests_chain_full_shifts_then_the_remainder(case):
    vocab, notes = case
    stream = kinds(notes_to_tokens(notes, vocab), vocab)
    runs: list[list[int]] = [[]]
    for kind, value in stream:
        if kind == "SHIFT":
            runs[-1].append(value)
        elif runs[-1]:
            runs.append([])
    for run in filter(None, runs):
        assert all(step == vocab.max_shift_steps for step in run[:-1])
        assert 1 <= run[-1] <= vocab.max_shift_steps


@pytest.mark.parametrize("vocab", VOCABULARIES, ids=VOCAB_IDS)
def test_a_rest_longer_than_the_max_shift_is_chained(vocab):
    m = vocab.max_shift_steps
    assert shift_tokens(0, vocab) == []
    assert shift_tokens(m, vocab) == [vocab.shift_token(m)]
    assert shift_tokens(2 * m + 1, vocab) == [vocab.shift_token(m)] * 2 + [vocab.shift_token(1)]
    notes = [Note(60, 64, (2 * m + 1) / vocab.steps_per_beat, 1 / vocab.steps_per_beat)]
    tokens = notes_to_tokens(notes, vocab)
    assert tokens[:3].tolist() == shift_tokens(2 * m + 1, vocab)
    assert tokens_to_notes(tokens, vocab) == quantize_notes(notes, vocab)


@FAST
@given(vocab_and_notes())
def test_tokens_are_int32_ids_inside_the_vocabulary(case):
    vocab, notes = case
    tokens = notes_to_tokens(notes, vocab, bos=True)
    assert tokens.dtype == np.int32
    assert ((tokens >= 0) & (tokens < vocab.size)).all()


# --- decoding a continuation -----------------------------------------------------------


@FAST
@given(vocab_and_notes(), st.data())
def test_continuation_decodes_like_the_whole_stream_at_any_split(case, data):
    vocab, notes = case
    tokens = notes_to_tokens(notes, vocab, bos=data.draw(st.booleans()))
    split = data.draw(st.integers(0, len(tokens)))
    head, tail = tokens[:split], tokens[split:]
    whole = tokens_to_notes(tokens, vocab)

    head_notes = tokens_to_notes(head, vocab, state=DecoderState())
    state = decoder_state_after(head, vocab)
    tail_notes = tokens_to_notes(tail, vocab, state=state)

    assert head_notes + tail_notes == whole
    # the state was updated in place and ends where the whole stream ends
    assert state == decoder_state_after(tokens, vocab)


@FAST
@given(vocab_and_notes(), st.data())
def test_split_between_pitch_and_duration_carries_the_pending_pitch(case, data):
    vocab, notes = case
    tokens = notes_to_tokens(notes, vocab)
    pitch_positions = [i for i, (k, _) in enumerate(kinds(tokens, vocab)) if k == "PITCH"]
    if not pitch_positions:
        return
    i = data.draw(st.sampled_from(pitch_positions))
    head, tail = tokens[: i + 1], tokens[i + 1 :]
    state = decoder_state_after(head, vocab)
    assert state.pending_pitch == int(tokens[i]) - vocab.pitch_offset

    whole = tokens_to_notes(tokens, vocab)
    tail_notes = tokens_to_notes(tail, vocab, state=state)
    done = len(tokens_to_notes(head, vocab, state=DecoderState()))
    assert tail_notes == whole[done:]
    # the pending note is the first one the tail completes, with its full duration
    assert tail_notes[0] == whole[done]
    assert state.pending_pitch is None


def test_decoder_state_after_reports_cursor_velocity_and_pending_pitch():
    vocab = DEFAULT_VOCABULARY
    tokens = [vocab.shift_token(5), vocab.velocity_token(3), vocab.pitch_token(61)]
    expected = DecoderState(cursor_steps=5, velocity_bin=3, pending_pitch=61)
    assert decoder_state_after(tokens, vocab) == expected
    assert decoder_state_after([], vocab) == DecoderState()


# --- tolerant decoding -----------------------------------------------------------------


def test_pitch_without_duration_lasts_one_step():
    vocab = DEFAULT_VOCABULARY
    step = 1 / vocab.steps_per_beat
    tokens = [vocab.velocity_token(10), vocab.pitch_token(60), vocab.pitch_token(62), vocab.duration_token(3)]
    v = vocab.bin_to_velocity(10)
    assert tokens_to_notes(tokens, vocab) == [Note(60, v, 0.0, step), Note(62, v, 0.0, 3 * step)]


def test_pitch_cut_off_by_shift_or_velocity_lasts_one_step():
    vocab = DEFAULT_VOCABULARY
    step = 1 / vocab.steps_per_beat
    tokens = [vocab.pitch_token(60), vocab.shift_token(4), vocab.pitch_token(61), vocab.velocity_token(0)]
    assert tokens_to_notes(tokens, vocab, default_velocity=77) == [
        Note(60, 77, 0.0, step),
        Note(61, 77, 4 * step, step),
    ]


def test_pitch_at_the_end_of_a_complete_stream_lasts_one_step():
    vocab = DEFAULT_VOCABULARY
    tokens = [vocab.shift_token(2), vocab.pitch_token(60)]
    assert tokens_to_notes(tokens, vocab, default_velocity=90) == [Note(60, 90, 2 / 12, 1 / 12)]
    # with a state the stream may continue, so the pitch stays pending instead
    state = DecoderState()
    assert tokens_to_notes(tokens, vocab, state=state) == []
    assert state.pending_pitch == 60


def test_stray_duration_is_ignored():
    vocab = DEFAULT_VOCABULARY
    tokens = [
        vocab.duration_token(5),
        vocab.pitch_token(60),
        vocab.duration_token(2),
        vocab.duration_token(7),
    ]
    assert tokens_to_notes(tokens, vocab, default_velocity=90) == [Note(60, 90, 0.0, 2 / 12)]


def test_pad_and_bos_are_skipped_anywhere():
    vocab = DEFAULT_VOCABULARY
    clean = [vocab.velocity_token(5), vocab.pitch_token(60), vocab.duration_token(2), vocab.shift_token(3)]
    noisy = [PAD, BOS, clean[0], PAD, clean[1], BOS, clean[2], PAD, clean[3], PAD]
    assert tokens_to_notes(noisy, vocab) == tokens_to_notes(clean, vocab)
    assert decoder_state_after(noisy, vocab) == decoder_state_after(clean, vocab)


def test_missing_velocity_uses_the_default_velocity():
    vocab = DEFAULT_VOCABULARY
    tokens = [vocab.pitch_token(60), vocab.duration_token(1)]
    assert tokens_to_notes(tokens, vocab, default_velocity=33)[0].velocity == 33


@pytest.mark.parametrize("bad", [-1, DEFAULT_VOCABULARY.size, DEFAULT_VOCABULARY.size + 100, 10**6])
def test_out_of_vocabulary_token_raises_encoding_error(bad):
    vocab = DEFAULT_VOCABULARY
    with pytest.raises(EncodingError):
        tokens_to_notes([vocab.pitch_token(60), bad], vocab)
    with pytest.raises(EncodingError):
        vocab.token_name(bad)


@FAST
@given(vocabularies, st.data())
def test_any_in_vocabulary_sequence_decodes_one_note_per_pitch(vocab, data):
    tokens = data.draw(st.lists(st.integers(0, vocab.size - 1), max_size=60))
    notes = tokens_to_notes(tokens, vocab)
    pitches = [t - vocab.pitch_offset for t in tokens if vocab.pitch_offset <= t < vocab.duration_offset]
    assert [n.pitch for n in notes] == pitches
    for note in notes:
        steps = note.duration_beats * vocab.steps_per_beat
        assert 1 <= round(steps) <= vocab.max_duration_steps
    assert [n.start_beats for n in notes] == sorted(n.start_beats for n in notes)


# --- transposition ---------------------------------------------------------------------


@FAST
@given(vocab_and_notes(), st.integers(-127, 127))
def test_transpose_tokens_matches_transposing_the_notes(case, semitones):
    vocab, notes = case
    notes = [n for n in notes if 0 <= n.pitch + semitones <= 127]
    tokens = notes_to_tokens(notes, vocab, bos=True)
    moved = transpose_tokens(tokens, semitones, vocab)
    assert moved.dtype == tokens.dtype
    assert np.array_equal(moved, notes_to_tokens(transpose_notes(notes, semitones), vocab, bos=True))


@FAST
@given(vocab_and_notes(), st.data())
def test_transpose_tokens_raises_when_a_pitch_leaves_0_to_127(case, data):
    vocab, notes = case
    if not notes:
        return
    pitches = [n.pitch for n in notes]
    up = st.integers(128 - max(pitches), 200)
    down = st.integers(-200, -min(pitches) - 1)
    semitones = data.draw(st.one_of(up, down))
    with pytest.raises(EncodingError):
        transpose_tokens(notes_to_tokens(notes, vocab), semitones, vocab)


def test_transpose_tokens_leaves_non_pitch_tokens_alone():
    vocab = DEFAULT_VOCABULARY
    tokens = np.array(
        [BOS, vocab.velocity_token(31), vocab.shift_token(96), vocab.duration_token(96), PAD], dtype=np.int32
    )
    assert np.array_equal(transpose_tokens(tokens, 50, vocab), tokens)


# --- vocabulary ------------------------------------------------------------------------

vocab_params = st.builds(
    Vocabulary,
    steps_per_beat=st.integers(1, 48),
    max_shift_steps=st.integers(1, 200),
    max_duration_steps=st.integers(1, 200),
    velocity_bins=st.integers(1, 127),
    encoding=st.sampled_from(ENCODINGS),
)


@FAST
@given(vocab_params)
def test_vocabulary_dict_round_trip(vocab):
    data = vocab.to_dict()
    assert set(data) == {
        "steps_per_beat",
        "max_shift_steps",
        "max_duration_steps",
        "velocity_bins",
        "encoding",
    }
    assert Vocabulary.from_dict(data) == vocab
    # stored dicts may carry derived fields or strings (e.g. from JSON metadata)
    assert Vocabulary.from_dict({**{k: str(v) for k, v in data.items()}, "size": 1, "extra": "x"}) == vocab


def test_a_stored_vocabulary_without_encoding_is_the_duration_encoding():
    old = {"steps_per_beat": 12, "max_shift_steps": 96, "max_duration_steps": 96, "velocity_bins": 32}
    assert Vocabulary.from_dict(old) == DEFAULT_VOCABULARY
    assert DEFAULT_VOCABULARY.size == 354  # the layout of the first model files, unchanged


@settings(max_examples=40, deadline=None)
@given(vocab_params)
def test_token_names_are_unique_for_every_id(vocab):
    names = [vocab.token_name(t) for t in range(vocab.size)]
    assert len(set(names)) == vocab.size
    assert names[PAD] == "PAD" and names[BOS] == "BOS"
    pitch_ends = vocab.max_duration_steps if vocab.encoding == DURATION_ENCODING else 128
    assert vocab.size == 2 + vocab.velocity_bins + 128 + pitch_ends + vocab.max_shift_steps


def test_token_ids_name_what_they_encode():
    vocab = DEFAULT_VOCABULARY
    assert vocab.token_name(vocab.velocity_token(0)) == "VELOCITY_0"
    assert vocab.token_name(vocab.pitch_token(127)) == "PITCH_127"
    assert vocab.token_name(vocab.duration_token(1)) == "DURATION_1"
    assert vocab.token_name(vocab.duration_token(96)) == "DURATION_96"
    assert vocab.token_name(vocab.shift_token(96)) == "SHIFT_96"
    assert vocab.shift_token(96) == vocab.size - 1


@pytest.mark.parametrize(
    "kwargs",
    [{"steps_per_beat": 0}, {"max_shift_steps": -1}, {"velocity_bins": 128}, {"max_duration_steps": 1.5}],
)
def test_invalid_vocabulary_is_rejected(kwargs):
    with pytest.raises(ValueError):
        Vocabulary(**kwargs)
