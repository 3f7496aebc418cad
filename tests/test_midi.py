"""MIDI file I/O: real files written with mido into temporary folders (no mocks)."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import mido
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from osc_composer.music.encoding import quantize_notes
from osc_composer.music.midi import MidiFileError, find_midi_files, read_midi, write_midi
from osc_composer.music.notes import Note, sort_notes

TPB = 480
FILE_SETTINGS = settings(max_examples=60, deadline=None)  # with tmp_path_factory: one folder per example


# --- helpers ---------------------------------------------------------------------------


def about(bpm: float):
    """A tempo as read back: mido stores whole microseconds per beat."""
    return pytest.approx(bpm, rel=1e-5)


def track(events: list[tuple[int, mido.Message | mido.MetaMessage]], end_tick: int | None = None):
    """A track from (absolute tick, message) pairs, kept in the given order within a tick."""
    out = mido.MidiTrack()
    last = 0
    for tick, message in sorted(events, key=lambda e: e[0]):
        out.append(message.copy(time=tick - last))
        last = tick
    out.append(mido.MetaMessage("end_of_track", time=max((end_tick or last) - last, 0)))
    return out


def on(note: int, velocity: int = 100, channel: int = 0) -> mido.Message:
    return mido.Message("note_on", note=note, velocity=velocity, channel=channel)


def off(note: int, channel: int = 0, *, as_zero_velocity_on: bool = False) -> mido.Message:
    if as_zero_velocity_on:
        return mido.Message("note_on", note=note, velocity=0, channel=channel)
    return mido.Message("note_off", note=note, velocity=64, channel=channel)


def tempo(bpm: float) -> mido.MetaMessage:
    return mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm))


def save(path: Path, tracks: list[mido.MidiTrack], *, midi_type: int = 1, ticks_per_beat: int = TPB) -> Path:
    midi = mido.MidiFile(type=midi_type, ticks_per_beat=ticks_per_beat)
    midi.tracks.extend(tracks)
    midi.save(path)
    return path


def note_events(notes: list[tuple[int, int, int, int, int]], scale: int = 1):
    """(channel, pitch, velocity, start tick, end tick) → [(tick, message)], offs before ons at a tick."""
    events = []
    for channel, pitch, velocity, start, end in notes:
        events.append((start * scale, 1, on(pitch, velocity, channel)))
        events.append((end * scale, 0, off(pitch, channel)))
    events.sort(key=lambda e: (e[0], e[1]))
    return [(tick, message) for tick, _, message in events]


# A small piece on three channels (plus drums on channel 9), in ticks at 480 per beat.
PIECE = [
    (0, 60, 100, 0, 480),
    (0, 64, 90, 0, 480),
    (1, 48, 70, 0, 960),
    (0, 62, 80, 480, 720),
    (2, 72, 110, 240, 1200),
    (1, 50, 60, 960, 1440),
    (0, 60, 100, 1440, 1920),
]
DRUMS = [(9, 36, 120, 0, 120), (9, 38, 100, 480, 600)]


def expected(notes, ticks_per_beat: int = TPB) -> list[Note]:
    return sort_notes(Note(p, v, s / ticks_per_beat, (e - s) / ticks_per_beat) for _, p, v, s, e in notes)


def valid_file(path: Path) -> Path:
    return save(path, [track([(0, tempo(120))]), track(note_events(PIECE))])


# --- write → read ----------------------------------------------------------------------


@st.composite
def tick_grid_notes(draw) -> list[Note]:
    """Notes on the 480-tick grid that MIDI can hold unambiguously.

    Same-pitch notes may overlap or repeat, but not nest (one starting later and ending
    earlier than another of its pitch): note_on/note_off pairs cannot tell nesting from
    overlapping, and the reader pairs them first-in first-out.
    """
    pitches = draw(st.lists(st.integers(0, 127), min_size=1, max_size=4))
    starts = draw(st.lists(st.integers(0, 8 * TPB), min_size=1, max_size=4))  # shared starts: chords
    raw = draw(
        st.lists(
            st.tuples(
                st.sampled_from(pitches),
                st.integers(1, 127),
                st.one_of(st.sampled_from(starts), st.integers(0, 8 * TPB)),
                st.integers(1, 4 * TPB),
            ),
            max_size=25,
        )
    )
    notes = []
    for pitch in {p for p, *_ in raw}:
        latest_end = 0
        for _, velocity, start, length in sorted((r for r in raw if r[0] == pitch), key=lambda r: r[2:]):
            end = max(start + length, latest_end)  # stretch a nested note to the end of its host
            latest_end = end
            notes.append(Note(pitch, velocity, start / TPB, (end - start) / TPB))
    return draw(st.permutations(notes))


@FILE_SETTINGS
@given(notes=tick_grid_notes(), bpm=st.sampled_from([60.0, 120.0, 150.0]))
def test_write_then_read_gives_back_the_notes(tmp_path_factory, notes, bpm):
    path = write_midi(tmp_path_factory.mktemp("roundtrip") / "out.mid", notes, tempo_bpm=bpm)
    contents = read_midi(path)
    assert contents.notes == sort_notes(notes)
    assert contents.tempo_bpm == about(bpm)
    assert contents.ticks_per_beat == TPB
    assert contents.midi_type == 1


def test_write_then_read_keeps_same_pitch_notes_that_start_together(tmp_path):
    notes = [Note(60, 100, 0.0, 2.0), Note(60, 50, 0.0, 1.0), Note(60, 70, 1.0, 1.5)]
    assert read_midi(write_midi(tmp_path / "unison.mid", notes)).notes == sort_notes(notes)


def test_write_midi_creates_missing_folders_and_program_change(tmp_path):
    notes = [Note(60, 100, 0.0, 1.0)]
    path = write_midi(tmp_path / "a" / "b" / "out.mid", notes, program=5, channel=3)
    assert path.is_file()
    midi = mido.MidiFile(path)
    assert any(m.type == "program_change" and m.program == 5 and m.channel == 3 for m in midi.tracks[1])
    assert read_midi(path).notes == notes


# --- file types ------------------------------------------------------------------------


def test_type_0_and_type_1_files_give_the_same_notes(tmp_path):
    type0 = save(tmp_path / "type0.mid", [track([(0, tempo(100)), *note_events(PIECE)])], midi_type=0)
    # type 1: a tempo track, then the notes dealt round-robin over three tracks
    parts = [PIECE[i::3] for i in range(3)]
    type1 = save(
        tmp_path / "type1.mid",
        [track([(0, tempo(100))]), *(track(note_events(part)) for part in parts)],
        midi_type=1,
    )
    a, b = read_midi(type0), read_midi(type1)
    assert a.notes == b.notes == expected(PIECE)
    assert a.tempo_bpm == b.tempo_bpm == about(100)
    assert (a.midi_type, b.midi_type) == (0, 1)


def test_type_1_note_on_and_off_in_different_tracks_still_pair(tmp_path):
    path = save(tmp_path / "split.mid", [track([(0, on(60))]), track([(960, off(60))])])
    assert read_midi(path).notes == [Note(60, 100, 0.0, 2.0)]


def test_type_2_file_reads_each_track_from_beat_0(tmp_path):
    first = [(0, 60, 100, 0, 480), (0, 62, 100, 480, 960)]
    second = [(0, 67, 80, 0, 240), (0, 69, 80, 240, 480)]
    path = save(
        tmp_path / "type2.mid",
        [track([(0, tempo(90)), *note_events(first)]), track(note_events(second))],
        midi_type=2,
    )
    contents = read_midi(path)
    assert contents.midi_type == 2
    assert contents.notes == expected(first + second)
    assert contents.tempo_bpm == about(90)


# --- tempo -----------------------------------------------------------------------------


def test_tempo_changes_do_not_move_notes_and_the_first_tempo_is_reported(tmp_path):
    tempos = [(0, tempo(90)), (480, tempo(60)), (960, tempo(200)), (1500, tempo(33))]
    path = save(tmp_path / "tempo.mid", [track(tempos), track(note_events(PIECE))])
    contents = read_midi(path)
    assert contents.notes == expected(PIECE)
    assert contents.tempo_bpm == about(90)


def test_tempo_change_inside_a_type_0_track_does_not_move_notes(tmp_path):
    events = [(0, tempo(140)), *note_events(PIECE), (700, tempo(40))]
    contents = read_midi(save(tmp_path / "t0.mid", [track(events)], midi_type=0))
    assert contents.notes == expected(PIECE)
    assert contents.tempo_bpm == about(140)


def test_file_without_tempo_reports_120_bpm(tmp_path):
    assert read_midi(save(tmp_path / "notempo.mid", [track(note_events(PIECE))])).tempo_bpm == 120.0


def test_zero_tempo_is_ignored_instead_of_dividing_by_zero(tmp_path):
    zero = mido.MetaMessage("set_tempo", tempo=0)
    path = save(tmp_path / "zero_tempo.mid", [track([(0, zero), (480, tempo(75)), *note_events(PIECE)])])
    contents = read_midi(path)
    assert contents.notes == expected(PIECE)
    assert contents.tempo_bpm == about(75)


# --- note pairing ----------------------------------------------------------------------


def test_note_on_with_velocity_0_acts_as_note_off(tmp_path):
    events = [(0, on(60, 90)), (480, off(60, as_zero_velocity_on=True)), (480, on(62, 70))]
    events += [(720, off(62, as_zero_velocity_on=True))]
    contents = read_midi(save(tmp_path / "vel0.mid", [track(events, end_tick=4000)]))
    assert contents.notes == [Note(60, 90, 0.0, 1.0), Note(62, 70, 1.0, 0.5)]


def test_overlapping_notes_of_one_pitch_close_first_in_first_out(tmp_path):
    events = [(0, on(60, 100)), (240, on(60, 50)), (480, off(60)), (960, off(60))]
    contents = read_midi(save(tmp_path / "fifo.mid", [track(events)]))
    assert contents.notes == [Note(60, 100, 0.0, 1.0), Note(60, 50, 0.5, 1.5)]


def test_same_pitch_on_different_channels_pairs_per_channel(tmp_path):
    events = [(0, on(60, 100, 0)), (240, on(60, 50, 1)), (480, off(60, 1)), (960, off(60, 0))]
    contents = read_midi(save(tmp_path / "channels.mid", [track(events)]))
    assert contents.notes == [Note(60, 100, 0.0, 2.0), Note(60, 50, 0.5, 0.5)]


def test_note_never_closed_ends_at_the_end_of_the_file(tmp_path):
    events = [(0, on(60)), (480, on(64)), (960, off(64))]
    contents = read_midi(save(tmp_path / "open.mid", [track(events, end_tick=1920)]))
    assert contents.notes == [Note(60, 100, 0.0, 4.0), Note(64, 100, 1.0, 1.0)]


def test_note_never_closed_in_type_1_ends_at_the_end_of_the_longest_track(tmp_path):
    path = save(tmp_path / "open1.mid", [track([(0, on(60))]), track([], end_tick=2400)])
    assert read_midi(path).notes == [Note(60, 100, 0.0, 5.0)]


def test_stray_note_off_is_ignored(tmp_path):
    events = [(0, off(61)), (0, on(60)), (480, off(60)), (480, off(60))]
    assert read_midi(save(tmp_path / "stray.mid", [track(events)])).notes == [Note(60, 100, 0.0, 1.0)]


def test_zero_length_note_reads_as_0_and_quantizes_to_one_step(tmp_path):
    events = [(480, on(60, 100)), (480, off(60))]
    notes = read_midi(save(tmp_path / "zero.mid", [track(events, end_tick=960)])).notes
    assert notes == [Note(60, 100, 1.0, 0.0)]
    (q,) = quantize_notes(notes)
    assert (q.pitch, q.start_beats, q.duration_beats) == (60, 1.0, 1 / 12)


# --- channels --------------------------------------------------------------------------


def drum_file(path: Path) -> Path:
    return save(path, [track(note_events(PIECE + DRUMS))])


def test_drum_channel_is_left_out_by_default(tmp_path):
    assert read_midi(drum_file(tmp_path / "drums.mid")).notes == expected(PIECE)


def test_drum_channel_is_kept_with_include_drums(tmp_path):
    contents = read_midi(drum_file(tmp_path / "drums.mid"), include_drums=True)
    assert contents.notes == expected(PIECE + DRUMS)


def test_channels_filter_keeps_only_those_channels(tmp_path):
    path = drum_file(tmp_path / "drums.mid")
    assert read_midi(path, channels=[1]).notes == expected([n for n in PIECE if n[0] == 1])
    assert read_midi(path, channels={0, 2}).notes == expected([n for n in PIECE if n[0] in (0, 2)])
    assert read_midi(path, channels=[9]).notes == expected(DRUMS)
    assert read_midi(path, channels=[]).notes == []


# --- resolution ------------------------------------------------------------------------


@pytest.mark.parametrize("ticks_per_beat", [96, 480, 960])
def test_ticks_per_beat_does_not_change_beats(tmp_path, ticks_per_beat):
    # positions at 1/4 and 1/3 beats are whole ticks at all three resolutions
    base = [(0, 60, 100, 0, 24), (0, 61, 90, 24, 56), (0, 62, 80, 32, 96), (1, 40, 70, 0, 200)]
    scale = ticks_per_beat // 96
    path = save(
        tmp_path / f"tpb{ticks_per_beat}.mid",
        [track(note_events(base, scale))],
        ticks_per_beat=ticks_per_beat,
    )
    contents = read_midi(path)
    assert contents.ticks_per_beat == ticks_per_beat
    assert contents.notes == expected(base, ticks_per_beat=96)


# --- broken input ----------------------------------------------------------------------


def truncated(tmp_path: Path) -> Path:
    data = valid_file(tmp_path / "whole.mid").read_bytes()
    path = tmp_path / "truncated.mid"
    path.write_bytes(data[: len(data) // 2])
    return path


def random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "noise.mid"
    path.write_bytes(random.Random(1234).randbytes(2048))
    return path


def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.mid"
    path.write_bytes(b"")
    return path


def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "readme_renamed.mid"
    path.write_text("This is not a MIDI file, just some text.\n" * 20)
    return path


def directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder.mid"
    path.mkdir()
    return path


def missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.mid"


def bad_track_header(tmp_path: Path) -> Path:
    data = valid_file(tmp_path / "whole.mid").read_bytes()
    path = tmp_path / "bad_chunk.mid"
    path.write_bytes(data.replace(b"MTrk", b"MTrx", 1))
    return path


def bad_file_header(tmp_path: Path) -> Path:
    data = valid_file(tmp_path / "whole.mid").read_bytes()
    path = tmp_path / "bad_header.mid"
    path.write_bytes(b"RIFF" + data[4:])
    return path


def wrong_chunk_length(tmp_path: Path) -> Path:
    data = bytearray(valid_file(tmp_path / "whole.mid").read_bytes())
    second = data.index(b"MTrk", data.index(b"MTrk") + 4)
    data[second + 4 : second + 8] = struct.pack(">L", 10_000)  # longer than the file
    path = tmp_path / "long_chunk.mid"
    path.write_bytes(bytes(data))
    return path


def unknown_format(tmp_path: Path) -> Path:
    data = bytearray(valid_file(tmp_path / "whole.mid").read_bytes())
    data[8:10] = struct.pack(">h", 7)
    path = tmp_path / "format7.mid"
    path.write_bytes(bytes(data))
    return path


def smpte_division(tmp_path: Path) -> Path:
    data = bytearray(valid_file(tmp_path / "whole.mid").read_bytes())
    data[12:14] = bytes([0xE7, 40])  # -25 frames per second, 40 ticks per frame
    path = tmp_path / "smpte.mid"
    path.write_bytes(bytes(data))
    return path


BROKEN = [
    truncated,
    random_bytes,
    empty,
    text_file,
    directory,
    missing,
    bad_track_header,
    bad_file_header,
    wrong_chunk_length,
    unknown_format,
    smpte_division,
]


@pytest.mark.parametrize("make", BROKEN, ids=[f.__name__ for f in BROKEN])
def test_broken_file_raises_midi_file_error_naming_the_file(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(MidiFileError) as caught:
        read_midi(path)
    assert path.name in str(caught.value)
    assert caught.value.path == str(path)
    assert caught.value.reason


@pytest.mark.parametrize("make", BROKEN, ids=[f.__name__ for f in BROKEN])
def test_good_file_reads_after_a_broken_one(tmp_path, make):
    with pytest.raises(MidiFileError):
        read_midi(make(tmp_path))
    assert read_midi(valid_file(tmp_path / "good.mid")).notes == expected(PIECE)


def test_every_truncation_of_a_valid_file_raises_midi_file_error(tmp_path):
    data = valid_file(tmp_path / "whole.mid").read_bytes()
    path = tmp_path / "cut.mid"
    for cut in range(len(data)):
        path.write_bytes(data[:cut])
        with pytest.raises(MidiFileError, match=r"cut\.mid"):
            read_midi(path)


def test_midi_file_error_is_a_value_error():
    assert issubclass(MidiFileError, ValueError)


@FILE_SETTINGS
@given(data=st.data())
def test_corrupted_bytes_raise_midi_file_error_or_read(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    original = bytearray(valid_file(folder / "whole.mid").read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    path = folder / "corrupt.mid"
    path.write_bytes(bytes(original))
    try:
        contents = read_midi(path)
    except MidiFileError as error:
        assert "corrupt.mid" in str(error)
    else:
        assert all(isinstance(note, Note) for note in contents.notes)


@FILE_SETTINGS
@given(body=st.binary(max_size=200), midi_type=st.integers(0, 3), tracks=st.integers(0, 3))
def test_random_bytes_after_a_valid_header_raise_midi_file_error_or_read(
    tmp_path_factory, body, midi_type, tracks
):
    path = tmp_path_factory.mktemp("fuzz") / "noise.mid"
    path.write_bytes(b"MThd" + struct.pack(">Lhhh", 6, midi_type, tracks, TPB) + b"MTrk" + body)
    try:
        read_midi(path)
    except MidiFileError as error:
        assert "noise.mid" in str(error)


@pytest.mark.parametrize("midi_type", [0, 1, 2])
def test_header_without_tracks_reads_as_no_notes(tmp_path, midi_type):
    path = tmp_path / "no_tracks.mid"
    path.write_bytes(b"MThd" + struct.pack(">Lhhh", 6, midi_type, 0, TPB))
    contents = read_midi(path)
    assert contents.notes == []
    assert contents.tempo_bpm == 120.0


# --- finding files ---------------------------------------------------------------------


def test_find_midi_files_finds_midi_suffixes_recursively_and_ignores_the_rest(tmp_path):
    wanted = ["a.mid", "sub/B.MID", "sub/deeper/c.midi", "sub/deeper/D.Midi"]
    ignored = ["notes.txt", "a.mid.bak", "sub/e.wav", "sub/mid", "sub/deeper/f.mid.txt"]
    for name in wanted + ignored:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder.mid").mkdir()  # a folder named like a MIDI file is not a file
    found = find_midi_files(tmp_path)
    assert found == sorted(tmp_path / name for name in wanted)
    assert find_midi_files(str(tmp_path)) == found


def test_find_midi_files_in_an_empty_folder_finds_nothing(tmp_path):
    assert find_midi_files(tmp_path) == []


def test_find_midi_files_on_a_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        find_midi_files(tmp_path / "nowhere")
