"""MIDI files ⇄ note lists, with mido. The only module that touches .mid files."""

from __future__ import annotations

import os
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import mido

from .notes import Note, sort_notes

DRUM_CHANNEL = 9  # General MIDI channel 10, counted from 0
DEFAULT_TEMPO_BPM = 120.0
DEFAULT_TICKS_PER_BEAT = 480  # divisible by 12 and 24: the encoding grids land on whole ticks
MIDI_SUFFIXES = (".mid", ".midi", ".smf", ".kar")


class MidiFileError(ValueError):
    """A file that cannot be read as MIDI. The message names the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class MidiContents:
    """What osc-composer keeps of a MIDI file."""

    notes: list[Note]
    tempo_bpm: float  # the first tempo; later changes do not move beats
    ticks_per_beat: int
    midi_type: int


def read_midi(
    path: str | os.PathLike,
    *,
    include_drums: bool = False,
    channels: Iterable[int] | None = None,
) -> MidiContents:
    """Read a MIDI file (type 0, 1 or 2) into notes measured in beats.

    note_on with velocity 0 counts as note_off; overlapping notes of one pitch and
    channel are closed first-in first-out; notes still sounding at the end of the file
    end there. Drums (channel 10) are left out unless ``include_drums``; ``channels``
    (0–15) keeps only those channels. Raises :class:`MidiFileError` for anything that is
    not a readable MIDI file.
    """
    path = Path(path)
    try:
        midi = mido.MidiFile(path)
    except FileNotFoundError:
        raise MidiFileError(path, "no such file") from None
    except IsADirectoryError:
        raise MidiFileError(path, "is a directory, not a MIDI file") from None
    except PermissionError:
        raise MidiFileError(path, "permission denied") from None
    except EOFError:
        raise MidiFileError(path, "file is truncated (ends in the middle of a chunk)") from None
    except Exception as exc:  # mido raises OSError, ValueError, KeyError, IndexError… on bad bytes
        raise MidiFileError(path, f"not a valid MIDI file ({type(exc).__name__}: {exc})") from None
    if midi.type not in (0, 1, 2):
        raise MidiFileError(path, f"unknown MIDI file format {midi.type} (must be 0, 1 or 2)")
    # Type 2 tracks are independent patterns: read each from beat 0. Others play together.
    tracks = [[t] for t in midi.tracks] if midi.type == 2 else [midi.tracks]
    tracks = [group for group in tracks if group]  # a header may declare no tracks: no notes
    if midi.ticks_per_beat <= 0:
        raise MidiFileError(path, "uses SMPTE time division, which has no beats")
    wanted = set(range(16)) if channels is None else set(channels)
    if not include_drums and channels is None:
        wanted.discard(DRUM_CHANNEL)
    notes: list[Note] = []
    tempo_bpm: float | None = None
    for group in tracks:
        merged = mido.merge_tracks(group) if len(group) > 1 else group[0]
        group_notes, group_tempo = _notes_from_messages(merged, midi.ticks_per_beat, wanted)
        notes.extend(group_notes)
        tempo_bpm = tempo_bpm or group_tempo
    return MidiContents(sort_notes(notes), tempo_bpm or DEFAULT_TEMPO_BPM, midi.ticks_per_beat, midi.type)


def _notes_from_messages(
    messages: Iterable[mido.Message], ticks_per_beat: int, channels: set[int]
) -> tuple[list[Note], float | None]:
    notes: list[Note] = []
    sounding: dict[tuple[int, int], deque[tuple[int, int]]] = defaultdict(deque)
    tempo_bpm: float | None = None
    tick = 0

    def close(key: tuple[int, int], end_tick: int) -> None:
        start_tick, velocity = sounding[key].popleft()
        notes.append(
            Note(key[1], velocity, start_tick / ticks_per_beat, (end_tick - start_tick) / ticks_per_beat)
        )

    for message in messages:
        tick += message.time
        if message.type == "set_tempo" and tempo_bpm is None and message.tempo > 0:
            tempo_bpm = mido.tempo2bpm(message.tempo)
        elif message.type in ("note_on", "note_off") and message.channel in channels:
            key = (message.channel, message.note)
            if message.type == "note_on" and message.velocity > 0:
                sounding[key].append((tick, message.velocity))
            elif sounding[key]:
                close(key, tick)
    for key, queue in sounding.items():
        while queue:
            close(key, tick)
    return notes, tempo_bpm


def write_midi(
    path: str | os.PathLike,
    notes: Iterable[Note],
    *,
    tempo_bpm: float = DEFAULT_TEMPO_BPM,
    ticks_per_beat: int = DEFAULT_TICKS_PER_BEAT,
    channel: int = 0,
    program: int | None = None,
    track_name: str = "osc-composer",
) -> Path:
    """Write notes as a type 1 MIDI file (a tempo track and one note track)."""
    path = Path(path)
    midi = mido.MidiFile(type=1, ticks_per_beat=ticks_per_beat)
    tempo_track = mido.MidiTrack(
        [
            mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(tempo_bpm), time=0),
            mido.MetaMessage("time_signature", numerator=4, denominator=4, time=0),
        ]
    )
    events: list[tuple[int, int, int, mido.Message]] = []
    for note in notes:
        start = round(note.start_beats * ticks_per_beat)
        end = max(round(note.end_beats * ticks_per_beat), start + 1)
        # note_off sorts before note_on at one tick so repeated notes re-strike cleanly;
        # note_ons at one tick go shortest first, so first-in first-out reading pairs them right.
        events.append(
            (start, 1, end, mido.Message("note_on", channel=channel, note=note.pitch, velocity=note.velocity))
        )
        events.append((end, 0, 0, mido.Message("note_off", channel=channel, note=note.pitch, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    note_track = mido.MidiTrack([mido.MetaMessage("track_name", name=track_name, time=0)])
    if program is not None:
        note_track.append(mido.Message("program_change", channel=channel, program=program, time=0))
    last = 0
    for tick, _, _, message in events:
        note_track.append(message.copy(time=tick - last))
        last = tick
    midi.tracks.extend([tempo_track, note_track])
    path.parent.mkdir(parents=True, exist_ok=True)
    midi.save(path)
    return path


def find_midi_files(folder: str | os.PathLike) -> list[Path]:
    """Every MIDI file below ``folder``, sorted, by suffix (case-insensitive)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder")
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in MIDI_SUFFIXES)
