"""Training sets from music21's bundled corpus, exported as .mid files in beats.

music21 (the optional extra ``corpus``: ``pip install 'osc-composer[corpus]'``) ships a
corpus of encoded scores inside its wheel, so the default model can be trained offline on
music whose terms are known. :data:`CORPORA` names the sets this project exports;
:func:`export_corpus` turns one of them into a folder of MIDI files that the rest of the
package reads like any other folder of MIDI. :data:`CORPUS_DECISIONS` records, for every
directory of music21's corpus, whether it may train a shipped model and why, quoting the
terms found on disk; a set that may not (``essen``) is marked evaluation-only
(:func:`is_trainable`).

The set ``default`` is the default model's training mixture, one subfolder per style
(:data:`DEFAULT_STYLES`: the trainer uses the first-level subfolder as the style label).
Every file made from one piece is named ``<stem>~<variant>.mid`` (plain ``<stem>.mid``
when a piece has one file), and stems are unique across a set, so a train/validation split
by the stem before ``~`` keeps all textures of a chorale, and all transcriptions of one
O'Neill tune, on the same side.

music21 only parses here: each piece becomes a list of :class:`~osc_composer.music.notes.Note`
(offsets in quarter lengths are beats already) and is written with
:func:`~osc_composer.music.midi.write_midi`, which is much faster than music21's own MIDI export.

How a score becomes notes (ties, chords, grace notes, unisons, repeats) is
:mod:`osc_composer.training.scores`.

Sets with :attr:`CorpusSpec.expand_repeats` (all but the two original ones, whose exports
existing models were trained on) play repeats out
(:func:`~osc_composer.training.scores.expand_repeats`). A piece whose repeats music21
cannot expand is exported as written and counted in :attr:`ExportReport.repeats_not_expanded` with the reason.

music21 is imported inside the functions only, so ``import osc_composer.training.corpus`` works
without it; exporting without it raises
:class:`~osc_composer.training.scores.CorpusDependencyError`.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..music.midi import write_midi
from ..music.notes import Note
from .corpus_pieces import (
    ESSEN_COLLECTIONS,
    ESSEN_SONGS_PER_COLLECTION,
    SATB,
    CorpusPiece,
    Rendering,
    bach_chorale_pieces,
    default_pieces,
    essen_pieces,
    oneills_pieces,
    ryans_pieces,
)
from .corpus_terms import (
    CORPUS_DECISIONS,
    ESSEN_PERMISSION,
    ESSEN_STATUS,
    EVALUATION_ONLY,
    MUSIC21_CORPUS_LICENSE,
    MUSIC21_CORPUS_STATUS,
    decisions_text,
)
from .scores import (
    RepeatExpansion,
    Voice,
    expand_repeats,
    import_music21,
    keep_named,
    pick_voices,
    score_voices,
    unisons_merged,
    unshare_time_signatures,
)

# --- the data types -----------------------------------------------------------------------


class UnknownCorpusError(ValueError):
    """A corpus name that is not in :data:`CORPORA`."""


@dataclass(frozen=True)
class CorpusSpec:
    """One entry of :data:`CORPORA`."""

    name: str
    description: str
    source: str  # the music21 corpus directories it comes from
    pieces_from: str  # how the pieces are enumerated, in words
    terms: str  # what the encodings and the music are licensed under, as found on disk
    enumerate: Callable[[], list[CorpusPiece]] = field(repr=False, compare=False)
    # Keep only parts whose name begins with one of these words (case-insensitive), when
    # a piece has any; None keeps every part. Renderings that name voices override it.
    voices: tuple[str, ...] | None = None
    # False: its terms forbid training a model that is shipped; export it to evaluate only.
    trainable: bool = True
    expand_repeats: bool = False  # play repeats out (see the module docstring)
    directories: tuple[str, ...] = ()  # the music21 corpus directories it reads


@dataclass(frozen=True)
class SkippedPiece:
    piece_id: str  # a piece, or "<piece>~<variant>" for one file of it
    reason: str


@dataclass
class ExportReport:
    """What :func:`export_corpus` did.

    ``written`` and ``existing`` count files (a chorale of ``default`` makes six);
    ``skipped`` lists pieces that failed as a whole and single files that failed (id
    ``<piece>~<variant>``). Repeats that could not be expanded did not stop a file: it was
    written as encoded and is listed in ``repeats_not_expanded``. The per-piece counts
    (grace notes, parts left out) count each parsed piece once; the per-note ones (notes,
    unisons, default velocities) count each written file.
    """

    corpus: str
    out_dir: Path
    total: int = 0  # pieces considered (after ``limit``)
    written: int = 0  # .mid files written by this run
    existing: int = 0  # files already exported (present), not made again
    notes: int = 0  # notes in the files written by this run
    grace_notes_dropped: int = 0
    unisons_merged: int = 0
    default_velocity_notes: int = 0  # notes whose encoding had no velocity (given 90)
    parts_left_out: int = 0  # parts no file of their piece uses (instruments, a second soprano)
    repeats_expanded: int = 0  # pieces whose repeats were played out
    implicit_repeat_starts: int = 0  # start-repeats added where an end-repeat had none
    dangling_repeat_starts: int = 0  # start-repeats that no end-repeat closed, removed
    seconds: float = 0.0
    skipped: list[SkippedPiece] = field(default_factory=list)
    repeats_not_expanded: list[SkippedPiece] = field(default_factory=list)
    notes_by_folder: dict[str, int] = field(default_factory=dict)  # written by this run
    paths: list[Path] = field(default_factory=list, repr=False)  # every file of the set, written or existing

    @property
    def skipped_count(self) -> int:
        return len(self.skipped)

    def files_by_folder(self) -> dict[str, int]:
        """Files of the set (written or existing) per subfolder, "" for the folder itself."""
        counts = Counter(p.parent.relative_to(self.out_dir).as_posix() for p in self.paths)
        return {("" if folder == "." else folder): n for folder, n in sorted(counts.items())}

    def summary(self) -> str:
        text = (
            f"{self.corpus}: {self.written} written, {self.existing} already present, "
            f"{self.skipped_count} skipped, {self.notes} notes, "
            f"{self.grace_notes_dropped} grace notes dropped in {self.seconds:.1f} s"
        )
        if self.repeats_expanded or self.repeats_not_expanded:
            text += (
                f"; repeats expanded in {self.repeats_expanded} pieces, "
                f"not expandable in {len(self.repeats_not_expanded)}"
            )
        return text


# --- the table ----------------------------------------------------------------------------

_BACH_TERMS = (
    "Bach chorales - music: J. S. Bach (1685-1750), public domain. Encodings: MusicXML files "
    "from Margaret Greentree's jsbchorales.net, whose title pages read "
    "'PDF © 2004 Margaret Greentree' (a few: '© 2003', or '- used by permission'); "
    "no licence is embedded in the files, so music21's corpus licence applies. "
    "Not used: bach/bwv277.krn, bwv281.krn, bwv366.krn, which say 'Copyright 1994, "
    "Center for Computer Assisted Research in the Humanities' and 'Rights to all "
    "derivative electronic formats reserved.'"
)
_ONEILL_TERMS = (
    "O'Neill - music: traditional Irish melodies as collected by Francis O'Neill (published "
    "1903), public domain. Encodings: ABC transcriptions by volunteers credited in "
    "each tune's Z: field (e.g. 'Transcribed by Norbert Paap', '1997 by John "
    "Chambers'); no licence is embedded in the files, so music21's corpus licence applies."
)
_RYAN_TERMS = (
    "Ryan's Mammoth Collection - music: fiddle tunes published by Elias Howe, Boston, 1883, "
    "public domain (264 files were transcribed from Cole's 1000 Fiddle Tunes, its 1940 "
    "reprint). Encodings: ABC contributed by volunteers named in Z: fields (e.g. 'Contributed "
    "by Ray Davies'); no licence is embedded in the files, so music21's corpus licence applies."
)
_AIRD_TERMS = (
    "Aird's Airs - music: James Aird's six books of airs and dances (Glasgow, 1778-1803), "
    "public domain. Encodings: ABC by Jack Campin ('Z:Jack Campin * www.campin.me.uk * 2009'); "
    "no licence is embedded in the files, so music21's corpus licence applies."
)
_NORTHUMBRIAN_TERMS = (
    "Northumbrian Minstrelsy - music: song and pipe tunes from Bruce and Stokoe's collection "
    "(1882), public domain. Encodings: ABC by Jack Campin (miscFolk/northumbrianminstrelsyopus.abc); "
    "no licence is embedded in the file, so music21's corpus licence applies."
)

CORPORA: dict[str, CorpusSpec] = {
    spec.name: spec
    for spec in (
        CorpusSpec(
            name="default",
            description=(
                "The default model's training mixture, one subfolder per style: chorale (Bach's "
                "chorales as SATB, SAB, STB and SB), chorale-melody, chorale-bass, dance (Irish, "
                "Scottish and American dance tunes and marches) and air (airs and song tunes)."
            ),
            source=(
                "music21 corpus/bach (MusicXML), oneills1850, ryansMammoth, airdsAirs and "
                "miscFolk/northumbrianminstrelsyopus.abc (ABC)"
            ),
            pieces_from=(
                "the 350 chorales of bach-chorales, six files each (~satb, ~sab, ~stb, ~sb in "
                "chorale/, ~s in chorale-melody/, ~b in chorale-bass/); every tune of "
                "oneills1850 (numbers 1-700 in air/, the rest in dance/; a number transcribed "
                "twice gets one stem and the source file as its variant), of ryansMammoth "
                "(dance/), of airdsAirs (dance/ when the title or R: field names a dance form or "
                "march, else air/) and of Northumbrian Minstrelsy (song tunes in air/, pipe "
                "tunes in dance/); repeats played out"
            ),
            terms=" ".join((_BACH_TERMS, _ONEILL_TERMS, _RYAN_TERMS, _AIRD_TERMS, _NORTHUMBRIAN_TERMS)),
            enumerate=default_pieces,
            expand_repeats=True,
            directories=("bach", "oneills1850", "ryansMammoth", "airdsAirs", "miscFolk"),
        ),
        CorpusSpec(
            name="bach-chorales",
            description="J. S. Bach's four-part chorales (SATB), 350 unique harmonisations.",
            source="music21 corpus/bach (MusicXML, .mxl/.xml)",
            pieces_from=(
                "music21.corpus.chorales.Iterator(returnType='filename'): 371 Riemenschneider "
                "numbers, deduplicated to 350 files, each resolved to its own MusicXML file "
                "(never the .krn encodings or the -a/-sc/-inst variants); repeats as written"
            ),
            terms=_BACH_TERMS,
            enumerate=bach_chorale_pieces,
            # 18 chorales add instruments (trumpets, horns, timpani, strings, continuo).
            voices=SATB,
            directories=("bach",),
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
                "transcriptions of 171 numbers); repeats as written"
            ),
            terms=_ONEILL_TERMS,
            enumerate=oneills_pieces,
            directories=("oneills1850",),
        ),
        CorpusSpec(
            name="ryans-mammoth",
            description=(
                "Ryan's Mammoth Collection (1883): American, Irish and Scottish fiddle tunes "
                "(reels, hornpipes, jigs, strathspeys, clogs) as single-line melodies."
            ),
            source="music21 corpus/ryansMammoth (ABC, 1,059 files)",
            pieces_from=(
                "the one tune of every .abc file in corpus/ryansMammoth, by file name; repeats played out"
            ),
            terms=_RYAN_TERMS,
            enumerate=ryans_pieces,
            expand_repeats=True,
            directories=("ryansMammoth",),
        ),
        CorpusSpec(
            name="essen",
            description=(
                "Essen folksong collection, for evaluating models only: German, Chinese and "
                "Irish folk songs as single-line melodies, one subfolder per collection."
            ),
            source="music21 corpus/essenFolksong (ABC)",
            pieces_from=(
                f"the first {ESSEN_SONGS_PER_COLLECTION} X: tunes of each of "
                f"{', '.join(c + '.abc' for c in ESSEN_COLLECTIONS)} (irl.abc has 62), in file "
                "order; repeats played out"
            ),
            terms=(
                "Essen folksong collection: encoded under Helmut Schaffrath, ABC by Seymour "
                f"Schlien. license.txt: '{ESSEN_STATUS}' '{ESSEN_PERMISSION}' Non-commercial "
                "use in music21 only: never train a shipped model on it."
            ),
            enumerate=essen_pieces,
            trainable=False,
            expand_repeats=True,
            directories=("essenFolksong",),
        ),
    )
}
"""Named sets from music21's corpus: :func:`is_trainable` says which may train a shipped
model (see :data:`CORPUS_DECISIONS` for every directory's verdict)."""


def get_corpus(name: str) -> CorpusSpec:
    """The :data:`CORPORA` entry called ``name``; :class:`UnknownCorpusError` otherwise."""
    try:
        return CORPORA[name]
    except (KeyError, TypeError):
        known = ", ".join(sorted(CORPORA))
        raise UnknownCorpusError(f"unknown corpus {name!r}; known corpora: {known}") from None


def is_trainable(name: str) -> bool:
    """Whether corpus ``name`` may train a model that is shipped (False: evaluation only)."""
    return get_corpus(name).trainable


def corpus_summary(name: str) -> str:
    """The corpus's description, source and terms, and whether it is evaluation only."""
    spec = get_corpus(name)
    text = (
        f"{spec.name}: {spec.description}\nSource: {spec.source}.\nTerms: {spec.terms}\n"
        f'music21\'s corpus licence: "{MUSIC21_CORPUS_LICENSE}" "{MUSIC21_CORPUS_STATUS}"'
    )
    if not spec.trainable:
        reasons = " ".join(
            d.reason
            for d in CORPUS_DECISIONS
            if d.verdict == EVALUATION_ONLY and set(d.directories) & set(spec.directories)
        )
        text += f"\nEvaluation only: {reasons or 'never train a shipped model on it.'}"
    return text


def corpus_terms(name: str) -> str:
    """The provenance and terms of a corpus, with :data:`CORPUS_DECISIONS`, as text for a
    model card (needs no music21)."""
    return f"{corpus_summary(name)}\n\n{decisions_text()}"


# --- export -------------------------------------------------------------------------------


def export_corpus(
    name: str,
    out_dir: str | os.PathLike,
    *,
    limit: int | None = None,
    jobs: int = 1,
    on_progress: Callable[[int, int, str, str], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> ExportReport:
    """Write the .mid files of corpus ``name`` into ``out_dir`` (and its style subfolders).

    Each piece makes one file per :class:`Rendering` (``bwv269.mid``,
    ``chorale/bwv269~sab.mid``); a file that already exists is left alone, so a rerun only
    does what is missing, and a piece whose files all exist is not parsed. ``limit`` keeps
    the first ``limit`` pieces of the corpus's order. A piece that fails to parse or
    convert, or a file that would have no notes, is skipped: it goes into
    ``report.skipped`` and to ``on_error(piece_id, message)``; the run goes on.
    ``on_progress(done, total, piece_id, status)`` is called after each piece, in order,
    status being ``"written"`` (at least one file), ``"existing"`` or ``"skipped"``.
    ``jobs`` > 1 converts pieces in that many forked processes (same files, same order).

    Raises :class:`UnknownCorpusError` for a name not in :data:`CORPORA` and
    :class:`CorpusDependencyError` when music21 is missing.
    """
    spec = get_corpus(name)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, got {jobs}")
    import_music21()
    began = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pieces = spec.enumerate()
    if limit is not None:
        pieces = pieces[:limit]
    report = ExportReport(corpus=spec.name, out_dir=out, total=len(pieces))
    for done, (piece, outcome) in enumerate(
        zip(pieces, _outcomes(pieces, spec, out, jobs), strict=True), start=1
    ):
        _add_outcome(report, outcome)
        if on_error is not None:
            for skipped in outcome.skipped:
                on_error(skipped.piece_id, skipped.reason)
        if on_progress is not None:
            on_progress(done, len(pieces), piece.piece_id, outcome.status)
    report.seconds = time.perf_counter() - began
    return report


@dataclass
class _Outcome:
    """One piece's export, as a worker process hands it back."""

    paths: list[Path] = field(default_factory=list)  # its files, written or existing
    written: list[tuple[str, int]] = field(default_factory=list)  # (folder, notes) per file written
    made: set[Path] = field(default_factory=set)  # the files written
    existing: int = 0
    skipped: list[SkippedPiece] = field(default_factory=list)
    repeats: RepeatExpansion | None = None  # without the score
    unexpanded: SkippedPiece | None = None
    grace: int = 0
    unisons: int = 0
    defaults: int = 0
    parts_left_out: int = 0

    @property
    def status(self) -> str:
        if self.written:
            return "written"
        return "skipped" if self.skipped else "existing"


def _add_outcome(report: ExportReport, outcome: _Outcome) -> None:
    report.paths += outcome.paths
    report.written += len(outcome.written)
    report.existing += outcome.existing
    for folder, notes in outcome.written:
        report.notes += notes
        report.notes_by_folder[folder] = report.notes_by_folder.get(folder, 0) + notes
    report.skipped += outcome.skipped
    if outcome.unexpanded is not None:
        report.repeats_not_expanded.append(outcome.unexpanded)
    if outcome.repeats is not None:
        report.repeats_expanded += outcome.repeats.expanded
        report.implicit_repeat_starts += outcome.repeats.implicit_starts
        report.dangling_repeat_starts += outcome.repeats.dangling_starts
    report.grace_notes_dropped += outcome.grace
    report.unisons_merged += outcome.unisons
    report.default_velocity_notes += outcome.defaults
    report.parts_left_out += outcome.parts_left_out


# The pieces a forked worker exports: set before the pool forks, so the pieces' loaders
# (closures, which cannot be pickled) never cross a process boundary; only indices and
# outcomes do.
_JOB: tuple[list[CorpusPiece], CorpusSpec, Path] | None = None


def _export_index(index: int) -> _Outcome:
    assert _JOB is not None
    pieces, spec, out = _JOB
    return _export_piece(pieces[index], spec, out)


def _outcomes(pieces: list[CorpusPiece], spec: CorpusSpec, out: Path, jobs: int) -> Iterator[_Outcome]:
    global _JOB
    if jobs == 1 or len(pieces) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for piece in pieces:
            yield _export_piece(piece, spec, out)
        return
    _JOB = (pieces, spec, out)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(pieces))) as pool:
            yield from pool.imap(_export_index, range(len(pieces)), chunksize=4)
    finally:
        _JOB = None


def _export_piece(piece: CorpusPiece, spec: CorpusSpec, out: Path) -> _Outcome:
    """Parse, convert and write the missing files of one piece (its present ones are kept)."""
    outcome = _Outcome()
    targets = [(r, out / r.folder / f"{piece.stem}{r.suffix}.mid") for r in piece.renderings]
    present = {target for _, target in targets if target.exists()}
    outcome.existing = len(present)
    todo = [(rendering, target) for rendering, target in targets if target not in present]
    if todo:
        _write_renderings(piece, spec, todo, outcome)
    outcome.paths = [target for _, target in targets if target in present or target in outcome.made]
    return outcome


def _write_renderings(
    piece: CorpusPiece, spec: CorpusSpec, todo: list[tuple[Rendering, Path]], outcome: _Outcome
) -> None:
    try:
        score = piece.load()
        unshare_time_signatures(score)
        if spec.expand_repeats:
            expansion = expand_repeats(score)
            score = expansion.score
            outcome.repeats = replace(expansion, score=None)
            if expansion.failure is not None:
                outcome.unexpanded = SkippedPiece(piece.piece_id, expansion.failure + "; exported as written")
        voices, has_parts = score_voices(score)
    except Exception as exc:  # music21 raises many kinds of errors on odd encodings
        outcome.skipped.append(
            SkippedPiece(piece.piece_id, f"cannot parse or convert: {type(exc).__name__}: {exc}")
        )
        return
    used: dict[int, Voice] = {}
    for rendering, target in todo:
        file_id = piece.piece_id + rendering.suffix
        if rendering.voices is None:
            chosen: list[Voice] | str = keep_named(voices, spec.voices)
        else:
            chosen = pick_voices(voices, rendering.voices)
        if isinstance(chosen, str):
            outcome.skipped.append(SkippedPiece(file_id, chosen))
            continue
        used.update((id(v), v) for v in chosen)
        notes, merged, defaults = unisons_merged(chosen)
        if not notes:
            outcome.skipped.append(SkippedPiece(file_id, "no notes"))
            continue
        reason = _write(target, notes, file_id)
        if reason is not None:
            outcome.skipped.append(SkippedPiece(file_id, reason))
            continue
        outcome.made.add(target)
        outcome.written.append((rendering.folder, len(notes)))
        outcome.unisons += merged
        outcome.defaults += defaults
    outcome.grace = sum(v.grace for v in used.values())
    outcome.parts_left_out = len(voices) - len(used) if has_parts and used else 0


def _write(target: Path, notes: list[Note], track_name: str) -> str | None:
    """Write a .mid file atomically; why it could not be written, or None."""
    partial = target.with_name(target.name + ".partial")
    try:
        write_midi(partial, notes, track_name=track_name)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return f"cannot write {target}: {exc}"
    return None
