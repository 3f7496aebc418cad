"""One MIDI file → its record (event ids with control classes, melody signature), and the cache of records.

Each file's :class:`FileRecord` is kept in an SQLite file keyed by a hash of the file's
bytes, the reading settings and the code that computes records (:meth:`ReadSettings.key`),
so a second run over the same folder parses nothing, and a changed file or a new version
of the encoding is read again.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..music.encoding import Vocabulary, notes_to_tokens
from ..music.midi import MidiFileError, read_midi
from ..music.notes import Note, transpose_notes
from ..music.texture import measure_texture, stretch_notes
from ..music.theory import key_shift

# what a record's event ids are stored as: every vocabulary is far below 32,767 events

# what a record's event ids are stored as: every vocabulary is far below 32,767 events
EVENT_DTYPE = np.int16
# below this many files a pool costs more (a process start imports numpy and mido) than it saves


MELODY_SIGNATURE_INTERVALS = 24


def melody_signature(notes: list[Note]) -> tuple[int, ...] | None:
    """The first intervals of a piece's top line (the highest pitch at each onset), or None
    for a piece too short to tell: one tune harmonised twice, or printed in two books,
    shares it, whatever its key or file name."""
    top: dict[float, int] = {}
    for note in notes:
        top[note.start_beats] = max(top.get(note.start_beats, -1), note.pitch)
    pitches = [top[t] for t in sorted(top)][: MELODY_SIGNATURE_INTERVALS + 1]
    if len(pitches) <= MELODY_SIGNATURE_INTERVALS:
        return None
    return tuple(int(b - a) for a, b in itertools.pairwise(pitches))


def stretched_versions(notes: list[Note], vocab: Vocabulary) -> list[list[Note]]:
    """The file at double speed and at half speed, each only where it stays musical: at
    double speed the median time between onsets stays at least a sixteenth and every onset
    and length stays on the grid; at half speed that median stays at most two beats."""
    starts = sorted({n.start_beats for n in notes})
    if len(starts) < 2:
        return []
    gaps = np.diff(starts)
    median = float(np.median(gaps))
    versions = []
    steps = [vocab.beats_to_steps(x) for n in notes for x in (n.start_beats, n.duration_beats)]
    if median / 2 >= 0.25 and all(s % 2 == 0 for s in steps):
        versions.append(stretch_notes(notes, 0.5))
    if median * 2 <= 2.0:
        versions.append(stretch_notes(notes, 2.0))
    return versions


def events_with_controls(tokens: np.ndarray, style: int, notes: list[Note]) -> np.ndarray:
    """(n, 4) rows of event id, style, voices class and density class of ``notes``."""
    texture = measure_texture(notes)
    return control_rows(tokens, style, texture.voice_class, texture.density_class)


def control_rows(
    tokens: np.ndarray, style: int, voices: int, density: int, dtype: type = np.int32
) -> np.ndarray:
    """(n, 4) rows of event id and the three control classes."""
    rows = np.empty((len(tokens), 4), dtype)
    rows[:, 0] = tokens
    rows[:, 1:] = (style, voices, density)
    return rows


# --- one file ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReadSettings:
    """What decides the record of a file besides its bytes."""

    vocab: Vocabulary
    include_drums: bool = False
    key_normalized: bool = False
    time_stretch: bool = False

    def key(self) -> str:
        """A digest of the settings and of the code that turns a file into a record, so
        records made by another version of the encoding are never read back."""
        digest = hashlib.sha1(
            json.dumps(
                [self.vocab.to_dict(), self.include_drums, self.key_normalized, self.time_stretch],
                sort_keys=True,
            ).encode()
        )
        package = Path(__file__).resolve().parent.parent
        sources = (
            "training/records",
            *(f"music/{name}" for name in ("encoding", "midi", "notes", "texture", "theory")),
        )
        for module in sources:
            digest.update((package / f"{module}.py").read_bytes())
        return digest.hexdigest()[:16]


@dataclass(frozen=True)
class FileRecord:
    """What training needs of one file: its versions (the file, then its time-stretched
    copies) as event ids with their voices and density classes, its melody signature;
    or why it cannot be used (a broken file is remembered too: it is not parsed again)."""

    versions: tuple[tuple[np.ndarray, int, int], ...] = ()
    signature: tuple[int, ...] | None = None
    error: str | None = None

    def to_bytes(self) -> bytes:
        header = json.dumps(
            {
                "error": self.error,
                "signature": self.signature,
                "versions": [[len(t), v, d] for t, v, d in self.versions],
            }
        ).encode()
        body = b"".join(np.asarray(t, EVENT_DTYPE).tobytes() for t, _, _ in self.versions)
        return struct.pack("<I", len(header)) + header + body

    @classmethod
    def from_bytes(cls, data: bytes) -> FileRecord:
        (size,) = struct.unpack_from("<I", data)
        header = json.loads(data[4 : 4 + size])
        events = np.frombuffer(data, EVENT_DTYPE, offset=4 + size)
        versions, start = [], 0
        for length, voices, density in header["versions"]:
            versions.append((events[start : start + length], voices, density))
            start += length
        signature = tuple(header["signature"]) if header["signature"] is not None else None
        return cls(tuple(versions), signature, header["error"])


def record_of_notes(notes: list[Note], settings: ReadSettings) -> FileRecord:
    """The record of a file's notes (moved to C major / A minor first if key-normalised)."""
    if settings.key_normalized:
        notes = transpose_notes(notes, key_shift(notes))
    versions = [notes]
    if settings.time_stretch:
        versions += stretched_versions(notes, settings.vocab)
    encoded = []
    for version in versions:
        texture = measure_texture(version)
        tokens = notes_to_tokens(version, settings.vocab, bos=True).astype(EVENT_DTYPE)
        encoded.append((tokens, texture.voice_class, texture.density_class))
    return FileRecord(tuple(encoded), melody_signature(notes))


def read_notes(path: Path, settings: ReadSettings) -> list[Note]:
    """A file's notes; :class:`MidiFileError` for a file that cannot be read or has none."""
    notes = read_midi(path, include_drums=settings.include_drums).notes
    if not notes:
        raise MidiFileError(path, "contains no notes")
    return notes


def read_record(path: Path, settings: ReadSettings) -> FileRecord:
    try:
        notes = read_notes(path, settings)
    except MidiFileError as exc:
        return FileRecord(error=exc.reason)
    return record_of_notes(notes, settings)


_worker_settings: ReadSettings | None = None


def start_worker(settings: ReadSettings) -> None:
    global _worker_settings
    _worker_settings = settings


def worker_read(path: Path) -> bytes:
    assert _worker_settings is not None
    return read_record(path, _worker_settings).to_bytes()


# --- the cache -----------------------------------------------------------------------------
class RecordStore:
    """Records by key, in memory (the default: nothing is written anywhere)."""

    def __init__(self) -> None:
        self._records: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._records.get(key)

    def keys(self, prefix: str) -> set[str]:
        """The keys stored under ``prefix/``."""
        return {key for key in self._records if key.startswith(prefix + "/")}

    def put(self, items: Iterable[tuple[str, bytes]]) -> None:
        self._records.update(items)

    def close(self) -> None: ...


class CacheError(ValueError):
    """The cache cannot be used; the message says which file and what to do instead."""

    def __init__(self, path: Path, exc: Exception) -> None:
        super().__init__(f"the cache {path} cannot be used ({exc}): give another --cache-dir, or --no-cache")


class RecordCache(RecordStore):
    """Records by key in an SQLite file: one file however many MIDI files, safe for
    several processes (two trainings over one folder), and a reader never sees half a
    record."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=120)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, payload BLOB NOT NULL)"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(path, exc) from None

    def get(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT payload FROM records WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def keys(self, prefix: str) -> set[str]:
        # keys are "<prefix>/<hex digest>": a range scan of the primary key, no payloads read
        rows = self._db.execute(
            "SELECT key FROM records WHERE key > ? AND key < ?", (prefix + "/", prefix + "0")
        )
        return {row[0] for row in rows}

    def put(self, items: Iterable[tuple[str, bytes]]) -> None:
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)", items)
        except sqlite3.Error as exc:  # a full disk, a file another program spoilt
            raise CacheError(self.path, exc) from None

    def close(self) -> None:
        self._db.close()


def default_cache_dir() -> Path:
    """``$OSC_COMPOSER_CACHE``, else ``$XDG_CACHE_HOME/osc-composer``, else ``~/.cache/osc-composer``."""
    configured = os.environ.get("OSC_COMPOSER_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "osc-composer"


def open_store(cache_dir: Path | None) -> RecordStore:
    """The record cache in ``cache_dir`` (``events.sqlite``), or an in-memory store for None."""
    return RecordStore() if cache_dir is None else RecordCache(Path(cache_dir) / "events.sqlite")
