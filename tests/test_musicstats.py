"""Yang & Lerch features, their set comparison, the key finder and verbatim-copy detection."""

from __future__ import annotations

import numpy as np
import pytest

from osc_composer.evaluation.musicstats import (
    NOTE_LENGTH_CLASSES,
    CopyIndex,
    compare_sets,
    excerpt,
    excerpt_features,
    in_key_ratio,
    melody,
    overlap_and_kl,
)
from osc_composer.music.encoding import Vocabulary, notes_to_tokens
from osc_composer.music.notes import Note, shift_notes, transpose_notes
from osc_composer.music.theory import infer_key, key_shift, white_key_shift

C_MAJOR_SCALE = [60, 62, 64, 65, 67, 69, 71, 72]


def scale_notes(pitches: list[int], step: float = 1.0, velocity: int = 80) -> list[Note]:
    return [Note(p, velocity, i * step, step) for i, p in enumerate(pitches)]


def random_piece(rng: np.random.Generator, beats: int = 64, step: float = 0.5) -> list[Note]:
    """A melody in C major with a bass note every beat: enough variety to be unique."""
    scale = [0, 2, 4, 5, 7, 9, 11]
    notes = []
    for i in range(int(beats / step)):
        notes.append(Note(60 + int(rng.choice(scale)) + 12 * int(rng.integers(0, 2)), 80, i * step, step))
    for beat in range(beats):
        notes.append(Note(36 + int(rng.choice(scale)), 70, float(beat), 1.0))
    return notes


def test_features_of_a_c_major_scale_in_quarter_notes() -> None:
    features = excerpt_features(scale_notes(C_MAJOR_SCALE), 8.0)
    assert features["pitch_count"][0] == 8
    expected = np.zeros(12)
    expected[[0, 2, 4, 5, 7, 9, 11]] = 1 / 8
    expected[0] = 2 / 8
    np.testing.assert_allclose(features["pitch_class_histogram"], expected)
    assert features["pitch_range"][0] == 12
    assert features["average_pitch_interval"][0] == pytest.approx(12 / 7)
    assert features["inter_onset_interval"][0] == pytest.approx(1.0)
    assert features["note_density"][0] == pytest.approx(1.0)
    lengths = features["note_length_histogram"]
    assert lengths[NOTE_LENGTH_CLASSES.index(1.0)] == 1.0 and lengths.sum() == 1.0
    transitions = features["pitch_class_transition_matrix"].reshape(12, 12)
    assert transitions[0, 2] == pytest.approx(1 / 7) and transitions[11, 0] == pytest.approx(1 / 7)
    assert transitions.sum() == pytest.approx(1.0)


def test_chords_count_every_note_but_intervals_follow_the_top_voice() -> None:
    chords = [Note(p, 80, float(beat), 2.0) for beat in (0, 2) for p in (48 + beat, 60 + beat, 64 + beat)]
    assert [n.pitch for n in melody(chords)] == [64, 66]
    features = excerpt_features(chords, 4.0)
    assert features["average_pitch_interval"][0] == 2.0  # 64 → 66, not 64 → 50
    assert features["inter_onset_interval"][0] == 2.0  # two onsets, not six notes
    assert features["note_density"][0] == 1.5
    assert features["note_length_histogram"][NOTE_LENGTH_CLASSES.index(2.0)] == 1.0
    assert features["pitch_range"][0] == 66 - 48


def test_features_of_nothing_are_zeros_not_errors() -> None:
    features = excerpt_features([], 32.0)
    assert features["pitch_count"][0] == 0 and features["pitch_class_histogram"].sum() == 0
    assert features["inter_onset_interval"][0] == 32.0


def test_excerpt_keeps_notes_starting_inside_and_moves_them_to_zero() -> None:
    notes = scale_notes(C_MAJOR_SCALE)
    cut = excerpt(notes, 2.0, 3.0)
    assert [(n.pitch, n.start_beats) for n in cut] == [(64, 0.0), (65, 1.0), (67, 2.0)]


def test_a_set_overlaps_itself_almost_fully_and_a_shifted_set_much_less() -> None:
    rng = np.random.default_rng(1)
    quarter = [excerpt_features(random_piece(rng, 32, 1.0), 32.0) for _ in range(30)]
    more_quarter = [excerpt_features(random_piece(rng, 32, 1.0), 32.0) for _ in range(30)]
    eighths = [excerpt_features(random_piece(rng, 32, 0.5), 32.0) for _ in range(30)]
    itself = compare_sets(quarter, quarter)
    same_style = compare_sets(quarter, more_quarter)
    shifted = compare_sets(quarter, eighths)
    for name in ("pitch_class_histogram", "note_length_histogram", "pitch_range"):
        assert itself[name].overlap > 0.85, name
    assert same_style["pitch_class_histogram"].overlap > 0.8
    assert shifted["note_density"].overlap < 0.2 < same_style["note_density"].overlap
    assert shifted["note_density"].kl_divergence > same_style["note_density"].kl_divergence
    assert shifted["note_density"].generated_mean > shifted["note_density"].reference_mean


def test_overlap_of_identical_samples_is_one_and_of_distant_ones_zero() -> None:
    rng = np.random.default_rng(0)
    sample = rng.normal(size=500)
    assert overlap_and_kl(sample, sample) == (pytest.approx(1.0), pytest.approx(0.0, abs=1e-9))
    overlap, kl = overlap_and_kl(sample, sample + 20)
    assert overlap < 0.01 and kl > 10


def test_key_finder_names_major_and_minor_keys() -> None:
    assert infer_key(scale_notes(C_MAJOR_SCALE)).name == "C major"
    g_major = transpose_notes(scale_notes(C_MAJOR_SCALE), 7)
    assert infer_key(g_major).name == "G major"
    a_minor = scale_notes([57, 60, 64, 57, 59, 60, 62, 64, 57, 52, 57])
    assert infer_key(a_minor).name == "A minor"
    assert in_key_ratio(scale_notes([60, 61, 62, 63]), infer_key(scale_notes(C_MAJOR_SCALE))) == (2, 4)


def test_key_shift_moves_every_key_to_c_major_or_a_minor() -> None:
    assert [white_key_shift(tonic, "major") for tonic in (0, 2, 7, 5, 11)] == [0, -2, 5, -5, 1]
    assert [white_key_shift(tonic, "minor") for tonic in (9, 4, 2, 0)] == [0, 5, -5, -3]
    assert white_key_shift(2, "dorian") == 0 and white_key_shift(0, "chromatic") == 0
    assert white_key_shift(9, "harmonic_minor") == 0  # only G# is black; no shift does better
    for shift in range(-6, 6):  # a scale moved anywhere comes back to C major
        moved = transpose_notes(scale_notes(C_MAJOR_SCALE), shift)
        assert (key_shift(moved) + shift) % 12 == 0  # F# major goes down 6, not up 6
    assert key_shift([]) == 0


def test_copy_index_finds_a_planted_transposed_copy_and_not_a_fresh_phrase() -> None:
    vocab = Vocabulary()
    rng = np.random.default_rng(3)
    pieces = [random_piece(rng) for _ in range(6)]
    index = CopyIndex([notes_to_tokens(p, vocab, bos=True) for p in pieces], vocab)
    planted = transpose_notes(excerpt(pieces[4], 16.0, 32.0), 3)  # moved and re-voiced softer:
    planted = [Note(n.pitch, 30, n.start_beats, n.duration_beats) for n in planted]
    assert index.contains(planted)
    assert index.contains(shift_notes(planted, 5.0))  # where it starts in time does not matter
    fresh = excerpt(random_piece(np.random.default_rng(99)), 16.0, 32.0)
    assert not index.contains(fresh)
    altered = list(planted)
    altered[20] = Note(altered[20].pitch + 1, 30, altered[20].start_beats, altered[20].duration_beats)
    assert not index.contains(altered)
    short = excerpt(pieces[2], 8.0, 2.0)  # shorter than the hash window: compared directly
    assert index.contains(short)
    assert not index.contains([])
