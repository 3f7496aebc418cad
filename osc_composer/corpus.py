"""Training sets from music21's bundled corpus, exported as .mid files in beats.

music21 (the optional extra ``corpus``: ``pip install 'osc-composer[corpus]'``) ships a
corpus of encoded scores inside its wheel, so the default model can be trained offline on
music whose terms are known. :data:`CORPORA` names the sets this project may train on;
:func:`export_corpus` turns one of them into a folder of MIDI files that the rest of the
package reads like any other folder of MIDI.

music21 only parses here: each piece becomes a list of :class:`~osc_composer.notes.Note`
(offsets in quarter lengths are beats already) and is written with
:func:`~osc_composer.midi.write_midi`, which is much faster than music21's own MIDI export.

Conversion rules (:func:`stream_to_notes`):

* tied notes become one note (per part and pitch, like music21's ``stripTies()`` but
  never across two different pitches); chords become one note per pitch; rests are
  skipped;
* grace notes (zero duration in music21) are **dropped** and counted: they would otherwise
  sound as a simultaneous cluster at the main note's onset, which is not what they mean;
* pickups (anacrusis) start at beat 0: the first note of a piece is at its first offset,
  whether or not the first bar is complete;
* velocity is the note's own volume velocity when the encoding sets one, else 90;
* two voices striking the same pitch at the same moment (a unison, common in chorales)
  become one note (the longer, louder of the two), so the single MIDI channel does not
  carry two overlapping note-ons of one key;
* time signatures that music21's ABC reader shares between measures (tunes with meter
  changes) are copied per measure before anything else touches the score.

music21 is imported inside the functions only, so ``import osc_composer.corpus`` works
without it; exporting without it raises :class:`CorpusDependencyError`.
"""

from __future__ import annotations

import copy
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .midi import write_midi
from .notes import Note, sort_notes

DEFAULT_VELOCITY = 90
INSTALL_HINT = "pip install 'osc-composer[corpus]'"

# Quoted verbatim from music21/corpus/license.txt (music21 10.5); tests check the quote.
MUSIC21_CORPUS_LICENSE = (
    "The BSD licensed music21 software is distributed with a corpus of encoded compositions "
    "which are distributed with the permission of the encoders (and, where needed, the "
    "composers or arrangers) and where permitted under United States copyright law. "
    "Some encodings included in the corpus may not be used for commercial uses or have "
    "other restrictions: please see the licenses embedded in individual compositions or "
    "directories for more details."
)
MUSIC21_CORPUS_STATUS = (
    "To the best of our knowledge, the each piece of music in the corpus is "
    "either out of copyright in the United States or is licensed for use, though there may be "
    "restrictions on commercial use."
)


class UnknownCorpusError(ValueError):
    """A corpus name that is not in :data:`CORPORA`."""


class CorpusDependencyError(ImportError):
    """music21, which parses the corpus, is not installed."""


@dataclass(frozen=True)
class CorpusPiece:
    """One piece of a corpus: a stable id, its output file stem, and how to parse it."""

    piece_id: str  # e.g. "bach/bwv269" or "oneills1850/0001-0050.abc#X:1"
    stem: str  # filesystem-safe file name without ".mid"
    load: Callable[[], Any]  # returns a music21 Stream; may raise


@dataclass(frozen=True)
class CorpusSpec:
    """One entry of :data:`CORPORA`."""

    name: str
    description: str
    source: str  # the music21 corpus directory it comes from
    pieces_from: str  # how the pieces are enumerated, in words
    terms: str  # what the encodings and the music are licensed under, as found on disk
    enumerate: Callable[[], list[CorpusPiece]] = field(repr=False, compare=False)
    # Keep only parts whose name begins with one of these words (case-insensitive), when
    # a piece has any; None keeps every part.
    voices: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SkippedPiece:
    piece_id: str
    reason: str


@dataclass
class ExportReport:
    """What :func:`export_corpus` did. ``skipped`` are failures; ``existing`` were left alone."""

    corpus: str
    out_dir: Path
    total: int = 0  # pieces considered (after ``limit``)
    written: int = 0  # .mid files written by this run
    existing: int = 0  # already exported (file present), not parsed again
    notes: int = 0  # notes in the files written by this run
    grace_notes_dropped: int = 0
    unisons_merged: int = 0
    default_velocity_notes: int = 0  # notes whose encoding had no velocity (given 90)
    parts_left_out: int = 0  # instrument parts not among the corpus's voices
    seconds: float = 0.0
    skipped: list[SkippedPiece] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list, repr=False)  # every file of the set, written or existing

    @property
    def skipped_count(self) -> int:
        return len(self.skipped)

    def summary(self) -> str:
        return (
            f"{self.corpus}: {self.written} written, {self.existing} already present, "
            f"{self.skipped_count} skipped, {self.notes} notes, "
            f"{self.grace_notes_dropped} grace notes dropped in {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class ConversionStats:
    grace_notes_dropped: int = 0
    unisons_merged: int = 0
    default_velocity_notes: int = 0
    parts_left_out: int = 0


# --- music21 access -----------------------------------------------------------------------


def _music21() -> Any:
    try:
        import music21
    except ImportError as exc:
        raise CorpusDependencyError(
            f"exporting a corpus needs music21, which is not installed: {INSTALL_HINT}"
        ) from exc
    return music21


def _corpus_dir() -> Path:
    return Path(_music21().common.getCorpusFilePath())


def _safe_stem(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "piece"


# --- enumerators --------------------------------------------------------------------------

_SCORE_SUFFIXES = (".mxl", ".xml", ".musicxml")


def _bach_chorale_pieces() -> list[CorpusPiece]:
    """The unique chorale files of music21's Riemenschneider list, in that order.

    ``chorales.Iterator()`` yields 371 Riemenschneider numbers that name 350 distinct
    files (some chorales are listed under several numbers). It parses by work name,
    which for bwv277, bwv281 and bwv366 would pick a CCARH Humdrum (.krn) encoding whose
    derivative rights are reserved, and for some others a variant file (bwv69.6-a,
    bwv112.5-sc, bwv190.7-inst); so each name is resolved here to its own MusicXML file.
    """
    music21 = _music21()
    names = list(dict.fromkeys(music21.corpus.chorales.Iterator(returnType="filename")))
    return [
        CorpusPiece(piece_id=name, stem=_safe_stem(name.rsplit("/", 1)[-1]), load=_chorale_loader(name))
        for name in names
    ]


def _chorale_loader(work: str) -> Callable[[], Any]:
    def load() -> Any:
        music21 = _music21()
        base = work.rsplit("/", 1)[-1]
        found = music21.corpus.getWork(work, fileExtensions=tuple(s[1:] for s in _SCORE_SUFFIXES))
        return music21.converter.parse(_pick_score_file(base, found), forceSource=True)

    return load


def _pick_score_file(base: str, found: Any) -> Path:
    """The MusicXML file for chorale ``base`` among music21's prefix matches.

    The file named exactly ``base`` if there is one (``bwv69.6.xml``, not
    ``bwv69.6-a.mxl``), else the only match (``bwv18.5-l`` is stored as ``bwv18.5-lz``).
    """
    candidates = [Path(p) for p in (found if isinstance(found, list) else [found])]
    candidates = [p for p in candidates if p.suffix in _SCORE_SUFFIXES]
    exact = [p for p in candidates if p.stem == base]
    if exact:
        return exact[0]
    if len(candidates) == 1:
        return candidates[0]
    names = ", ".join(p.name for p in candidates) or "none"
    raise FileNotFoundError(f"no single MusicXML file for {base} in music21's corpus (found: {names})")


_ABC_TUNE = re.compile(r"^X:\s*(\d+)", re.MULTILINE)


def _oneills_pieces() -> list[CorpusPiece]:
    """Every tune (X: number) of every .abc file in corpus/oneills1850, by file then number."""
    folder = _corpus_dir() / "oneills1850"
    pieces = []
    for path in sorted(folder.glob("*.abc")):
        numbers = [int(x) for x in _ABC_TUNE.findall(path.read_text(encoding="utf-8"))]
        for number in dict.fromkeys(numbers):
            pieces.append(
                CorpusPiece(
                    piece_id=f"oneills1850/{path.name}#X:{number}",
                    stem=f"tune{number:04d}_{_safe_stem(path.stem)}",
                    load=_abc_loader(path, number),
                )
            )
    return pieces


def _abc_loader(path: Path, number: int) -> Callable[[], Any]:
    def load() -> Any:
        return _music21().converter.parse(path, number=number, format="abc", forceSource=True)

    return load


# --- the table ----------------------------------------------------------------------------

CORPORA: dict[str, CorpusSpec] = {
    spec.name: spec
    for spec in (
        CorpusSpec(
            name="bach-chorales",
            description="J. S. Bach's four-part chorales (SATB), 350 unique harmonisations.",
            source="music21 corpus/bach (MusicXML, .mxl/.xml)",
            pieces_from=(
                "music21.corpus.chorales.Iterator(returnType='filename'): 371 Riemenschneider "
                "numbers, deduplicated to 350 files, each resolved to its own MusicXML file "
                "(never the .krn encodings or the -a/-sc/-inst variants)"
            ),
            terms=(
                "Music: J. S. Bach (1685-1750), public domain. Encodings: MusicXML files from "
                "Margaret Greentree's jsbchorales.net, whose title pages read "
                "'PDF © 2004 Margaret Greentree' (a few: '© 2003', or '- used by permission'); "
                "no licence is embedded in the files, so music21's corpus licence applies: "
                f'"{MUSIC21_CORPUS_LICENSE}" "{MUSIC21_CORPUS_STATUS}" '
                "Not used: bach/bwv277.krn, bwv281.krn, bwv366.krn, which say 'Copyright 1994, "
                "Center for Computer Assisted Research in the Humanities' and 'Rights to all "
                "derivative electronic formats reserved.'"
            ),
            enumerate=_bach_chorale_pieces,
            # 18 chorales add instruments (trumpets, horns, timpani, strings, continuo).
            voices=("soprano", "alto", "tenor", "bass"),
        ),
        CorpusSpec(
            name="oneill-1850",
            description=(
                "O'Neill's Music of Ireland: 1850 Melodies (1903), Irish traditional dance tunes "
                "and airs as single-line melodies."
            ),
            source="music21 corpus/oneills1850 (ABC, 39 files)",
            pieces_from=(
                "every X: tune of every .abc file in corpus/oneills1850, in file order: 2,009 "
                "tunes (1,838 distinct O'Neill numbers; overlapping files hold second "
                "transcriptions of 171 numbers)"
            ),
            terms=(
                "Music: traditional Irish melodies as collected by Francis O'Neill (published "
                "1903), public domain. Encodings: ABC transcriptions by volunteers credited in "
                "each tune's Z: field (e.g. 'Transcribed by Norbert Paap', '1997 by John "
                "Chambers'); no licence is embedded in the files, so music21's corpus licence "
                f'applies: "{MUSIC21_CORPUS_LICENSE}" "{MUSIC21_CORPUS_STATUS}"'
            ),
            enumerate=_oneills_pieces,
        ),
    )
}
"""Named sets from music21's corpus that osc-composer may train on.

Deliberately absent: the Essen folksong collection (its license.txt grants only
"permission for non-commercial distribution and use of these files in music21") and the
Palestrina Humdrum files (each says "Rights to all derivative electronic formats
reserved.").
"""


def get_corpus(name: str) -> CorpusSpec:
    """The :data:`CORPORA` entry called ``name``; :class:`UnknownCorpusError` otherwise."""
    try:
        return CORPORA[name]
    except (KeyError, TypeError):
        known = ", ".join(sorted(CORPORA))
        raise UnknownCorpusError(f"unknown corpus {name!r}; known corpora: {known}") from None


def corpus_terms(name: str) -> str:
    """The provenance and terms of a corpus, as text for a model card (needs no music21)."""
    spec = get_corpus(name)
    return f"{spec.name}: {spec.description}\nSource: {spec.source}.\nTerms: {spec.terms}"


# --- conversion ---------------------------------------------------------------------------


def _unshare_time_signatures(score: Any) -> None:
    """Give every measure its own TimeSignature object.

    music21's ABC reader reuses one TimeSignature object in several measures when a tune
    changes meter back and forth; an element living in several measures confuses
    operations that follow ``activeSite``. Copies are cheap.
    """
    music21 = _music21()
    seen: set[int] = set()
    for measure in score.recurse().getElementsByClass(music21.stream.Measure):
        for ts in list(measure.getElementsByClass(music21.meter.TimeSignature)):
            if id(ts) in seen:
                measure.replace(ts, copy.deepcopy(ts))
            else:
                seen.add(id(ts))


def stream_to_notes(
    score: Any, *, voices: tuple[str, ...] | None = None
) -> tuple[list[Note], ConversionStats]:
    """Convert a parsed music21 stream into notes in beats (see the module docstring).

    Ties are merged per part and pitch: a note whose tie stops or continues extends the
    tied note of the same pitch that ends exactly where it starts. Unlike music21's
    ``stripTies()``, this never merges a "tie" between two different pitches (which some
    ABC transcriptions write for a slur: ``G3-A``); ``stripTies()`` would swallow the
    second note. ``voices`` keeps only the parts whose name begins with one of these
    words, if any part does (see :attr:`CorpusSpec.voices`). The stream is changed in
    place (time signatures unshared).
    """
    music21 = _music21()
    _unshare_time_signatures(score)
    parts = list(score.parts) if isinstance(score, music21.stream.Score) else []
    every_part = len(parts)
    if voices:
        wanted = [p for p in parts if _first_word(p.partName) in voices]
        parts = wanted or parts
    grace = 0
    sounding: list[_Sounding] = []
    for part in parts or [score]:
        base = float(part.getOffsetBySite(score)) if part is not score else 0.0
        tied: dict[int, _Sounding] = {}  # pitch -> the note whose tie is still open
        for element in part.flatten().notes:
            if isinstance(element, music21.harmony.Harmony) or not element.pitches:
                continue  # chord symbols and unpitched percussion are not pitched notes
            duration = float(element.quarterLength)
            if duration <= 0 or element.duration.isGrace:
                grace += len(element.pitches)
                continue
            start = base + float(element.offset)
            is_chord = isinstance(element, music21.chord.Chord)
            members = list(element.notes) if is_chord else [element]
            chord_tie = element.tie if is_chord and all(m.tie is None for m in members) else None
            for member in members:
                pitch = member.pitch.midi
                if not 0 <= pitch <= 127:
                    continue
                tie = member.tie or chord_tie
                velocity = _velocity(member)
                if velocity is None and is_chord:
                    velocity = _velocity(element)
                open_note = tied.get(pitch)
                if (
                    tie is not None
                    and tie.type in ("stop", "continue")
                    and open_note is not None
                    and abs(open_note.end - start) < 1e-6
                ):
                    open_note.end = start + duration
                    current = open_note
                else:
                    current = _Sounding(pitch, velocity, start, start + duration)
                    sounding.append(current)
                if tie is not None and tie.type in ("start", "continue"):
                    tied[pitch] = current
                else:
                    tied.pop(pitch, None)
    notes, merged, defaults = _unisons_merged(sounding)
    return notes, ConversionStats(grace, merged, defaults, every_part - len(parts))


def _first_word(name: str | None) -> str:
    words = re.findall(r"[a-z]+", (name or "").lower())
    return words[0] if words else ""


@dataclass
class _Sounding:
    pitch: int
    velocity: int | None  # None: the encoding gave none
    start: float
    end: float


def _unisons_merged(sounding: list[_Sounding]) -> tuple[list[Note], int, int]:
    """Notes with one pitch and start become one (longest, loudest); default velocities."""
    by_onset: dict[tuple[int, float], _Sounding] = {}
    merged = 0
    for s in sounding:
        key = (s.pitch, round(s.start, 6))
        other = by_onset.get(key)
        if other is None:
            by_onset[key] = s
            continue
        merged += 1
        velocities = [v for v in (s.velocity, other.velocity) if v is not None]
        by_onset[key] = _Sounding(s.pitch, max(velocities, default=None), s.start, max(s.end, other.end))
    shift = -min(min((s.start for s in by_onset.values()), default=0.0), 0.0)  # never > 0
    defaults = sum(1 for s in by_onset.values() if s.velocity is None)
    notes = [
        Note(
            s.pitch, DEFAULT_VELOCITY if s.velocity is None else s.velocity, s.start + shift, s.end - s.start
        )
        for s in by_onset.values()
    ]
    return sort_notes(notes), merged, defaults


def _velocity(element: Any) -> int | None:
    # hasVolumeInformation() first: reading .volume creates a Volume object.
    if not element.hasVolumeInformation():
        return None
    velocity = element.volume.velocity
    if velocity is None:
        return None
    return min(max(round(velocity), 1), 127)


# --- export -------------------------------------------------------------------------------


def export_corpus(
    name: str,
    out_dir: str | os.PathLike,
    *,
    limit: int | None = None,
    on_progress: Callable[[int, int, str, str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> ExportReport:
    """Write one .mid per piece of corpus ``name`` into ``out_dir``.

    Files are named after the piece (``bwv269.mid``, ``tune0001_0001-0050.mid``) and a
    file that already exists is left alone, so a rerun only does what is missing.
    ``limit`` keeps the first ``limit`` pieces of the corpus's order. A piece that fails
    to parse or convert, or has no notes, is skipped: it goes into ``report.skipped`` and
    to ``on_error(piece_id, message)``; the run goes on. ``on_progress(done, total,
    piece_id, status)`` is called after each piece, status being ``"written"``,
    ``"existing"`` or ``"skipped"``.

    Raises :class:`UnknownCorpusError` for a name not in :data:`CORPORA` and
    :class:`CorpusDependencyError` when music21 is missing.
    """
    spec = get_corpus(name)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    _music21()
    began = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pieces = spec.enumerate()
    if limit is not None:
        pieces = pieces[:limit]
    report = ExportReport(corpus=spec.name, out_dir=out, total=len(pieces))
    for done, piece in enumerate(pieces, start=1):
        target = out / f"{piece.stem}.mid"
        if target.exists():
            report.existing += 1
            report.paths.append(target)
            status = "existing"
        else:
            reason = _export_piece(piece, target, report, spec.voices)
            if reason is None:
                status = "written"
            else:
                status = "skipped"
                report.skipped.append(SkippedPiece(piece.piece_id, reason))
                if on_error is not None:
                    on_error(piece.piece_id, reason)
        if on_progress is not None:
            on_progress(done, len(pieces), piece.piece_id, status)
    report.seconds = time.perf_counter() - began
    return report


def _export_piece(
    piece: CorpusPiece, target: Path, report: ExportReport, voices: tuple[str, ...] | None
) -> str | None:
    """Parse, convert and write one piece; the reason it was skipped, or None."""
    try:
        notes, stats = stream_to_notes(piece.load(), voices=voices)
    except Exception as exc:  # music21 raises many kinds of errors on odd encodings
        return f"cannot parse or convert: {type(exc).__name__}: {exc}"
    if not notes:
        return "no notes"
    partial = target.with_name(target.name + ".partial")
    try:
        write_midi(partial, notes, track_name=piece.piece_id)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return f"cannot write {target}: {exc}"
    report.written += 1
    report.notes += len(notes)
    report.grace_notes_dropped += stats.grace_notes_dropped
    report.unisons_merged += stats.unisons_merged
    report.default_velocity_notes += stats.default_velocity_notes
    report.parts_left_out += stats.parts_left_out
    report.paths.append(target)
    return None
