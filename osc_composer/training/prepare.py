"""A folder of MIDI files → the event streams training reads: split, in parallel, cached.

Training and evaluation read a folder the same way (:func:`load_corpus`): every readable
file becomes event ids with its control classes; files are split into training and
held-out by piece and by melody (:func:`split_groups`), numbered by style (the first-level
subfolder, :func:`style_of`), and training files are also used time-stretched.

For a large folder (the Lakh MIDI dataset has 176,581 files) three things matter, and
:func:`prepare_corpus` does them while giving exactly the streams :func:`load_corpus` gives:

* **parallel**: files are parsed and tokenised by a pool of processes (``jobs``);
* **cached by content**: each file's :class:`FileRecord` is kept in an SQLite file keyed by
  a hash of the file's bytes, the reading settings and the code that computes records, so a
  second run over the same folder parses nothing, and a changed file or a new version of
  the encoding is read again;
* **streamed**: the split is planned from small per-file summaries (names, lengths, melody
  signatures); the events are then copied one file at a time into two ``.npy`` files that
  training reads memory-mapped, so the corpus is never held in memory whole.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..music.encoding import Vocabulary, notes_to_tokens
from ..music.midi import find_midi_files
from ..music.notes import Note, transpose_notes
from ..music.theory import key_shift
from .records import (
    EVENT_DTYPE,
    FileRecord,
    ReadSettings,
    RecordStore,
    control_rows,
    events_with_controls,
    melody_signature,
    open_store,
    read_notes,
    read_record,
    record_of_notes,
    start_worker,
    worker_read,
)

POOL_MIN_FILES = 64
# streams up to this many events stay in memory (8 bytes an event: 128 MB); longer ones go to
# memory-mapped files in the cache
STREAM_IN_MEMORY_EVENTS = 16_000_000


# --- the split -----------------------------------------------------------------------------
@dataclass
class Corpus:
    """Event streams of the readable files, split by file, and what was skipped.

    Each file is ``(relative name, events)``, events being (n, 4) int32: the event id and
    the file's three control classes (style, voices, density; :mod:`osc_composer.music.texture`)
    repeated on every row. ``styles`` names style classes 1…n: the first-level subfolders
    of the training folder that hold music (none: every file is style 0, ``auto``).
    """

    train: list[tuple[str, np.ndarray]] = field(default_factory=list)
    validation: list[tuple[str, np.ndarray]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    styles: tuple[str, ...] = ()
    stretched: int = 0  # time-stretched copies added to the training side

    def tokens(self, part: str) -> int:
        return sum(len(t) for _, t in getattr(self, part))


def split_key(relative_name: str) -> str:
    """What decides a file's side of the split: versions of one piece (``bwv269~satb.mid``,
    ``chorale-melody/bwv269~s.mid``) share the stem before ``~`` and so one side."""
    stem = relative_name.rsplit("/", 1)[-1]
    return stem.split("~", 1)[0] if "~" in stem else relative_name


def is_validation_file(relative_name: str, percent: float) -> bool:
    """A stable split: the same file lands on the same side on every machine and run
    (:func:`load_corpus` passes the group's name, see :func:`split_groups`)."""
    digest = hashlib.sha1(split_key(relative_name).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 10_000 < percent * 100


def split_groups(files: list[tuple[str, list[Note]]]) -> dict[str, str]:
    """File → the name that decides its side of the split: files that share a
    :func:`split_key` or a :func:`melody_signature` share a side (union-find), so neither
    another texture of a held-out chorale nor another book's print of a held-out tune is
    trained on."""
    return split_groups_by_signature([(name, melody_signature(notes)) for name, notes in files])


def split_groups_by_signature(files: list[tuple[str, tuple[int, ...] | None]]) -> dict[str, str]:
    """:func:`split_groups` from each file's name and melody signature alone."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(a: str, b: str) -> None:
        first, second = sorted((find(a), find(b)))
        parent[second] = first

    for name, signature in files:
        union("file:" + name, "key:" + split_key(name))
        if signature is not None:
            union("file:" + name, "melody:" + ",".join(map(str, signature)))
    # the group's representative: its smallest split key, a plain name hashed as before
    keys: dict[str, str] = {}
    for name, _ in files:
        root = find("file:" + name)
        key = split_key(name)
        keys[root] = min(keys.get(root, key), key)
    return {name: keys[find("file:" + name)] for name, _ in files}


def style_of(relative_name: str) -> str | None:
    """The style a file trains: its first-level subfolder (None for a file at the top)."""
    parts = relative_name.split("/")
    return parts[0] if len(parts) > 1 else None


def split_tail(notes: list[Note], fraction: float) -> tuple[list[Note], list[Note], float]:
    """A piece cut where its last ``fraction`` of notes begins (on a whole beat): the head
    (notes still sounding there end there), the tail (moved to start at beat 0) and the
    cut in beats. A tail is what a model that trained on the head has not heard: the
    held-out part of music too small to hold whole files out."""
    ordered = sorted(notes, key=lambda n: n.start_beats)
    index = min(len(ordered) - 1, max(1, round(len(ordered) * (1 - fraction))))
    cut = float(int(ordered[index].start_beats))  # floor to the beat: bars stay whole
    if cut <= ordered[0].start_beats:
        cut = ordered[index].start_beats
    head = [
        Note(n.pitch, n.velocity, n.start_beats, min(n.end_beats, cut) - n.start_beats)
        for n in ordered
        if n.start_beats < cut
    ]
    tail = [
        Note(n.pitch, n.velocity, n.start_beats - cut, n.duration_beats)
        for n in ordered
        if n.start_beats >= cut
    ]
    return head, tail, cut


# --- reading a folder ----------------------------------------------------------------------
@dataclass(frozen=True)
class FileEntry:
    """A file as the split sees it: its name, its record's key, and the summary of the
    record (the events themselves stay in the store)."""

    relative: str
    key: str
    error: str | None
    signature: tuple[int, ...] | None
    lengths: tuple[int, ...]  # events of each version
    textures: tuple[tuple[int, int], ...]  # (voices, density) of each version


FileCallback = Callable[[Path, "str | None"], None]
ProgressCallback = Callable[[int, int, int], None]  # files done, of total, of which cached


def file_digest(path: Path) -> str:
    """The hash of a file's bytes (an unreadable file is keyed by its error and path: once
    readable it has a digest, and is read)."""
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable:{type(exc).__name__}:{path}"


def read_folder(
    midi_dir: Path,
    settings: ReadSettings,
    store: RecordStore,
    *,
    jobs: int = 1,
    on_file: FileCallback | None = None,
    on_progress: ProgressCallback | None = None,
) -> list[FileEntry]:
    """Every MIDI file under ``midi_dir`` (sorted), its record in ``store``: taken from
    there when the same bytes were read with the same settings before, else read by
    ``jobs`` processes (in this one for a few files). ``on_file`` hears of every file in
    order, with its error (None when readable). Only summaries are kept here; the events
    stay in the store."""
    paths = find_midi_files(midi_dir)
    prefix = settings.key()
    keys = [f"{prefix}/{file_digest(path)}" for path in paths]
    present = store.keys(prefix)
    first_path = {key: path for key, path in zip(keys, paths, strict=True) if key not in present}
    fresh = _read_records(list(first_path.values()), settings, jobs)  # in order of first use
    summaries: dict[str, tuple] = {}  # key → FileEntry fields after the name and key
    pending: list[tuple[str, bytes]] = []
    entries = []
    cached = 0
    for done, (path, key) in enumerate(zip(paths, keys, strict=True), start=1):
        if key not in summaries:
            if key in present:
                data = store.get(key)
                cached += 1
            else:
                data = next(fresh)
                pending.append((key, data))
            assert data is not None
            record = FileRecord.from_bytes(data)
            summaries[key] = (
                record.error,
                record.signature,
                tuple(len(t) for t, _, _ in record.versions),
                tuple((v, d) for _, v, d in record.versions),
            )
        if len(pending) >= 256:  # write as we go: an interrupted first run keeps what it read
            store.put(pending)
            pending.clear()
        entry = FileEntry(path.relative_to(midi_dir).as_posix(), key, *summaries[key])
        entries.append(entry)
        if on_file:
            on_file(path, entry.error)
        if on_progress:
            on_progress(done, len(paths), cached)
    store.put(pending)
    return entries


def _read_records(paths: list[Path], settings: ReadSettings, jobs: int) -> Iterator[bytes]:
    """Records of ``paths`` in order, from a process pool when it pays."""
    if jobs <= 1 or len(paths) < POOL_MIN_FILES:
        return (read_record(path, settings).to_bytes() for path in paths)

    def pooled() -> Iterator[bytes]:
        # fork starts a worker in milliseconds, but once TensorFlow is imported its thread
        # pools would be copied half-initialised: then spawn (the CLI reads before importing it)
        forkable = "fork" in multiprocessing.get_all_start_methods() and "tensorflow" not in sys.modules
        context = multiprocessing.get_context("fork" if forkable else "spawn")
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=start_worker, initargs=(settings,))
        try:
            yield from pool.map(worker_read, paths, chunksize=max(1, min(64, len(paths) // (jobs * 8))))
        finally:
            # on Ctrl-C (or any error here) drop the queued files instead of waiting for them
            pool.shutdown(wait=False, cancel_futures=True)

    return pooled()


# --- the plan: which file goes where, in which order ---------------------------------------
@dataclass(frozen=True)
class Part:
    """One stream segment: a version of a file (0: as written, 1…: time-stretched) or the
    head or tail of it (``piece`` ``head``/``tail``), with its style."""

    relative: str
    key: str
    version: int
    style: int
    length: int
    voices: int
    density: int
    piece: str = "whole"


@dataclass
class Plan:
    train: list[Part] = field(default_factory=list)
    validation: list[Part] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    styles: tuple[str, ...] = ()
    stretched: int = 0

    def digest(self, settings_key: str) -> str:
        text = json.dumps(
            [settings_key, [[p.__dict__ for p in side] for side in (self.train, self.validation)]],
            sort_keys=True,
        )
        return hashlib.sha1(text.encode()).hexdigest()[:16]


def plan_split(
    entries: list[FileEntry],
    *,
    validation_percent: float,
    styles: tuple[str, ...] | None,
    time_stretch: bool,
) -> Plan:
    """Each readable file's side of the split and place in its stream (what
    :func:`load_corpus` has always done: by group, at least one file on each side, then
    the time-stretched copies of the training files)."""
    plan = Plan(skipped=[(e.relative, e.error) for e in entries if e.error is not None])
    read = [e for e in entries if e.error is None]
    found = tuple(sorted({s for e in read if (s := style_of(e.relative)) is not None}))
    plan.styles = found if styles is None else tuple(styles)
    style_ids = {name: index for index, name in enumerate(plan.styles, start=1)}

    def part(entry: FileEntry, version: int) -> Part:
        style = style_ids.get(style_of(entry.relative) or "", 0)
        voices, density = entry.textures[version]
        return Part(entry.relative, entry.key, version, style, entry.lengths[version], voices, density)

    groups = split_groups_by_signature([(e.relative, e.signature) for e in read])
    for entry in read:
        held_out = is_validation_file(groups[entry.relative], validation_percent)
        (plan.validation if held_out else plan.train).append(part(entry, 0))
    # A tiny corpus may hash every file to one side; keep at least one file on each.
    if validation_percent > 0 and not plan.validation and len(plan.train) > 1:
        plan.validation.append(plan.train.pop())
    if not plan.train and len(plan.validation) > 1:
        plan.train.append(plan.validation.pop())
    if time_stretch:
        training = {p.relative for p in plan.train}
        for entry in read:
            if entry.relative in training:
                for version in range(1, len(entry.lengths)):
                    plan.train.append(part(entry, version))
                    plan.stretched += 1
    return plan


def events_of(part: Part, store: RecordStore, dtype: type = np.int32) -> np.ndarray:
    """The (n, 4) rows of one planned part, read from the store."""
    data = store.get(part.key)
    if data is None:
        raise KeyError(f"{part.relative}: its record is missing from the cache")
    tokens, _, _ = FileRecord.from_bytes(data).versions[part.version]
    return control_rows(tokens, part.style, part.voices, part.density, dtype)


def load_corpus(
    midi_dir: str | os.PathLike,
    vocab: Vocabulary,
    *,
    validation_percent: float = 10.0,
    include_drums: bool = False,
    key_normalized: bool = False,
    time_stretch: bool = False,
    styles: tuple[str, ...] | None = None,
    holdout_tail: float = 0.0,
    min_files_by_file: int = 0,
    on_file: FileCallback | None = None,
    jobs: int = 1,
    cache_dir: Path | None = None,
) -> Corpus:
    """Read every MIDI file under ``midi_dir``; broken or empty files are reported and skipped.

    ``holdout_tail`` and ``min_files_by_file``: the split training made of a folder with
    few files (see :func:`prepare_corpus`): each file's head trains, its tail is held out
    (the same name on both sides).

    ``key_normalized``: each file is moved to C major / A minor (by its
    :func:`~osc_composer.music.theory.key_shift`), as key-normalised models learn and hear music.
    ``time_stretch``: training files also at double and half speed (:func:`stretched_versions`).
    ``styles``: the style names to number files by (a model's, when evaluating it); by
    default the subfolders found here. ``jobs`` and ``cache_dir`` (see :func:`prepare_corpus`)
    change how fast, never what is read."""
    midi_dir = Path(midi_dir)
    settings = ReadSettings(vocab, include_drums, key_normalized, time_stretch)
    store = open_store(cache_dir)
    try:
        entries = read_folder(midi_dir, settings, store, jobs=jobs, on_file=on_file)
        readable = sum(1 for e in entries if e.error is None)
        if holdout_tail > 0 and 0 < readable < min_files_by_file:
            names, splits = _tail_splits(midi_dir, entries, settings, holdout_tail, styles)
            return Corpus(
                train=[(name, heads[0]) for name, heads, _ in splits]
                + [(name, copy) for name, heads, _ in splits for copy in heads[1:]],
                validation=[(name, tail) for name, _, tail in splits],
                skipped=[(e.relative, e.error) for e in entries if e.error is not None],
                styles=names,
                stretched=sum(len(heads) - 1 for _, heads, _ in splits),
            )
        plan = plan_split(
            entries, validation_percent=validation_percent, styles=styles, time_stretch=time_stretch
        )
        return Corpus(
            train=[(p.relative, events_of(p, store)) for p in plan.train],
            validation=[(p.relative, events_of(p, store)) for p in plan.validation],
            skipped=plan.skipped,
            styles=plan.styles,
            stretched=plan.stretched,
        )
    finally:
        store.close()


# --- what training reads -------------------------------------------------------------------
HOLDOUT_BY_FILE = "by file"
HOLDOUT_TAIL = "tail"


@dataclass
class PreparedCorpus:
    """The two event streams training reads ((n, 4): event id, style, voices, density;
    files concatenated in plan order) and what the card and the progress display say
    about them. Large streams are read-only memory maps of files in the cache."""

    train: np.ndarray
    validation: np.ndarray
    train_files: list[str]
    validation_files: list[str]
    skipped: list[tuple[str, str]]
    styles: tuple[str, ...]
    stretched: int
    holdout: str = HOLDOUT_BY_FILE  # or HOLDOUT_TAIL: the last part of every file is held out
    cached_files: int = 0  # files whose records came from the cache

    @property
    def files(self) -> int:
        """Readable files (in tail mode each is on both sides)."""
        return len(set(self.train_files) | set(self.validation_files))

    def tokens(self, part: str) -> int:
        return len(getattr(self, part))


def prepare_corpus(
    midi_dir: str | os.PathLike,
    settings: ReadSettings,
    *,
    validation_percent: float,
    styles: tuple[str, ...] | None = None,
    holdout_tail: float = 0.0,
    min_files_by_file: int = 0,
    jobs: int = 1,
    cache_dir: Path | None = None,
    in_memory_events: int = STREAM_IN_MEMORY_EVENTS,
    on_file: FileCallback | None = None,
    on_progress: ProgressCallback | None = None,
) -> PreparedCorpus:
    """The training and held-out streams of ``midi_dir``: with a by-file split they equal
    :func:`load_corpus`'s files concatenated in order. With fewer than ``min_files_by_file``
    readable files (and ``holdout_tail`` > 0) too few files exist to hold any out: every file
    trains on its head and the last ``holdout_tail`` of it (:func:`split_tail`) is held out.

    With ``cache_dir`` records are cached there, and streams longer than
    ``in_memory_events`` are written there (``streams/<plan digest>/``, reused by a rerun)
    and memory-mapped; nothing else holds more than one file's events at a time."""
    midi_dir = Path(midi_dir)
    store = open_store(cache_dir)
    try:
        cached = [0]

        def progress(done: int, total: int, from_cache: int) -> None:
            cached[0] = from_cache
            if on_progress:
                on_progress(done, total, from_cache)

        entries = read_folder(midi_dir, settings, store, jobs=jobs, on_file=on_file, on_progress=progress)
        readable = [e for e in entries if e.error is None]
        if holdout_tail > 0 and 0 < len(readable) < min_files_by_file:
            prepared = _prepare_tails(midi_dir, entries, settings, holdout_tail, styles)
        else:
            plan = plan_split(
                entries,
                validation_percent=validation_percent,
                styles=styles,
                time_stretch=settings.time_stretch,
            )
            folder = None
            if cache_dir is not None and sum(p.length for p in plan.train) > in_memory_events:
                folder = Path(cache_dir) / "streams" / plan.digest(settings.key())
            prepared = PreparedCorpus(
                train=_stream(plan.train, store, folder, "train"),
                validation=_stream(plan.validation, store, folder, "validation"),
                train_files=[p.relative for p in plan.train if p.version == 0],
                validation_files=[p.relative for p in plan.validation],
                skipped=plan.skipped,
                styles=plan.styles,
                stretched=plan.stretched,
            )
        prepared.cached_files = cached[0]
        return prepared
    finally:
        store.close()


def _stream(parts: list[Part], store: RecordStore, folder: Path | None, name: str) -> np.ndarray:
    """The parts' events end to end: in memory, or (``folder``) a memory-mapped ``.npy`` file
    written one part at a time (and kept: the same plan reuses it)."""
    total = sum(p.length for p in parts)
    if folder is None:
        stream = np.empty((total, 4), EVENT_DTYPE)
        start = 0
        for part in parts:
            stream[start : start + part.length] = events_of(part, store, EVENT_DTYPE)
            start += part.length
        return stream
    path = folder / f"{name}.npy"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".npy", dir=folder)
        os.close(fd)
        try:
            stream = np.lib.format.open_memmap(tmp, mode="w+", dtype=EVENT_DTYPE, shape=(total, 4))
            start = 0
            for part in parts:
                stream[start : start + part.length] = events_of(part, store, EVENT_DTYPE)
                start += part.length
            stream.flush()
            del stream
            os.replace(tmp, path)  # a reader never sees a half-written stream
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
    return np.load(path, mmap_mode="r")


def _tail_splits(
    midi_dir: Path,
    entries: list[FileEntry],
    settings: ReadSettings,
    fraction: float,
    styles: tuple[str, ...] | None,
) -> tuple[tuple[str, ...], list[tuple[str, list[np.ndarray], np.ndarray]]]:
    """The style names, and for every readable file (relative name, its head's event rows,
    the first as written and the rest time-stretched copies, its tail's event rows): a few
    files only, read again here, in this process, to cut them."""
    readable = [e for e in entries if e.error is None]
    found = tuple(sorted({s for e in readable if (s := style_of(e.relative)) is not None}))
    names = found if styles is None else tuple(styles)
    style_ids = {name: index for index, name in enumerate(names, start=1)}
    plain = ReadSettings(settings.vocab, settings.include_drums, False, settings.time_stretch)
    splits = []
    for entry in readable:
        notes = read_notes(midi_dir / entry.relative, settings)
        if settings.key_normalized:  # the whole piece's key, as for a whole file
            notes = transpose_notes(notes, key_shift(notes))
        head, tail, _ = split_tail(notes, fraction)
        style = style_ids.get(style_of(entry.relative) or "", 0)
        heads = [
            control_rows(tokens, style, voices, density, EVENT_DTYPE)
            for tokens, voices, density in record_of_notes(head, plain).versions
        ]
        tail_tokens = notes_to_tokens(tail, settings.vocab, bos=True)
        splits.append(
            (entry.relative, heads, events_with_controls(tail_tokens, style, tail).astype(EVENT_DTYPE))
        )
    return names, splits


def _prepare_tails(
    midi_dir: Path,
    entries: list[FileEntry],
    settings: ReadSettings,
    fraction: float,
    styles: tuple[str, ...] | None,
) -> PreparedCorpus:
    """Every readable file trains on its head and holds out its tail."""
    names, splits = _tail_splits(midi_dir, entries, settings, fraction, styles)
    train = [heads[0] for _, heads, _ in splits]
    train += [copy for _, heads, _ in splits for copy in heads[1:]]  # stretched copies last, as by file
    files = [name for name, _, _ in splits]
    empty = np.zeros((0, 4), EVENT_DTYPE)
    return PreparedCorpus(
        train=np.concatenate(train) if train else empty,
        validation=np.concatenate([tail for _, _, tail in splits]) if splits else empty,
        train_files=files,
        validation_files=files,
        skipped=[(e.relative, e.error) for e in entries if e.error is not None],
        styles=names,
        stretched=len(train) - len(splits),
        holdout=HOLDOUT_TAIL,
    )
