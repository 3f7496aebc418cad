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

Conversion rules (:func:`stream_to_notes`):

* tied notes become one note (per part and pitch, like music21's ``stripTies()`` but
  never across two different pitches); chords become one note per pitch; rests are
  skipped; chord symbols (ABC accompaniment such as ``"Am"``) are not notes;
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

Sets with :attr:`CorpusSpec.expand_repeats` (all but the two original ones, whose exports
existing models were trained on) play repeats out (:func:`expand_repeats`): an end-repeat
with no start-repeat goes back to the previous section (the previous end-repeat, double
bar or last ending), as ABC and printed music mean it, not to the top of the piece as
music21 would assume. A piece whose repeats music21 cannot expand is exported as written
and counted in :attr:`ExportReport.repeats_not_expanded` with the reason.

music21 is imported inside the functions only, so ``import osc_composer.training.corpus`` works
without it; exporting without it raises :class:`CorpusDependencyError`.
"""

from __future__ import annotations

import copy
import itertools
import multiprocessing
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..music.midi import write_midi
from ..music.notes import Note, sort_notes

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
# Quoted verbatim from music21/corpus/essenFolksong/license.txt; tests check the quotes.
ESSEN_STATUS = (
    "The legal status of the Essen folksong database is unclear, as the data has been input by many people."
)
ESSEN_PERMISSION = (
    "The project was taken over by Prof. AMU Dr. Habil. Ewa Dahlig-Turek, who has given "
    "permission for non-commercial distribution and use of these files in music21."
)


# --- terms: what may train a shipped model ------------------------------------------------

TRAIN = "train"
EVALUATION_ONLY = "evaluation only"
NOT_USED = "not used"


@dataclass(frozen=True)
class TermsDecision:
    """Whether some files of music21's corpus may train a shipped model, and why."""

    directories: tuple[str, ...]  # directories of music21's corpus
    files: str  # which of their files, in words
    verdict: str  # TRAIN, EVALUATION_ONLY or NOT_USED
    reason: str  # why, quoting the terms (or their absence) found on disk

    def text(self) -> str:
        return f"- {', '.join(self.directories)} ({self.files}): {self.verdict}. {self.reason}"


_NO_LICENCE = "no licence is embedded in the files, so music21's corpus licence governs them"

# The rest of music21's corpus directories (music21 10.5): art music that no set draws from.
# fmt: off
_OTHER_DIRECTORIES = (
    "beach", "beethoven", "chopin", "ciconia", "corelli", "cpebach", "demos", "handel", "haydn",
    "johnson_j_r", "joplin", "liliuokalani", "luca", "lusitano", "monteverdi", "mozart",
    "schoenberg", "schubert", "schumann_clara", "schumann_robert", "theoryExercises", "trecento",
    "verdi", "weber", "webern",
)
# fmt: on

CORPUS_DECISIONS: tuple[TermsDecision, ...] = (
    TermsDecision(
        ("bach",),
        "the chorales' MusicXML files, .mxl and .xml",
        TRAIN,
        "Music by J. S. Bach (1685-1750), public domain. Encodings from Margaret Greentree's "
        "jsbchorales.net, whose title pages read 'PDF © 2004 Margaret Greentree'; " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("bach",),
        "bwv277.krn, bwv281.krn, bwv366.krn",
        NOT_USED,
        "Each says '!!!YEC: Copyright 1994, Center for Computer Assisted Research in the "
        "Humanities' and '!!!YEM: Rights to all derivative electronic formats reserved.'",
    ),
    TermsDecision(
        ("oneills1850",),
        "all 39 .abc files",
        TRAIN,
        "O'Neill's Music of Ireland (Chicago, 1903), public-domain melodies. ABC transcriptions "
        "by volunteers named in Z: fields ('Transcribed by Norbert Paap', '1997 by John "
        "Chambers'); " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("ryansMammoth",),
        "all 1,059 .abc files",
        TRAIN,
        "Ryan's Mammoth Collection (Boston, 1883), public domain ('B:Ryan's Mammoth "
        "Collection'); 264 files were transcribed from its 1940 reprint of the same tunes "
        "('B:Cole's 1000 Fiddle Tunes'). Contributors in Z: fields ('Contributed by Ray "
        "Davies', 'Bob Puckette', 'John B. Walsh'); " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("airdsAirs",),
        "book1.abc to book6.abc",
        TRAIN,
        "James Aird's 'A Selection of Scotch, English, Irish and Foreign Airs adapted to the "
        "Fife, Violin, or German-Flute' (Glasgow, '1778 (often cited as 1782)' onwards), public "
        "domain; every tune says 'Z:Jack Campin * www.campin.me.uk * 2009'; " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("miscFolk",),
        "northumbrianminstrelsyopus.abc",
        TRAIN,
        "'Tunes from Bruce and Stokoe, \"Northumbrian Minstrelsy\", 1882', public domain; "
        "'Z:Jack Campin, http://www.campin.me.uk/'; " + _NO_LICENCE + ".",
    ),
    TermsDecision(
        ("miscFolk",),
        "americanfifeopus.abc",
        NOT_USED,
        "Provenance unclear: its encoder writes 'I downloaded this from a site that has now "
        "disappeared' and 'I have no clear recollection of the context for these tunes'; "
        "many tunes are two voices ('splitting chordally notated music into two linear voices').",
    ),
    TermsDecision(
        ("nottingham-dataset",),
        "reelsa-c.abc (two tunes)",
        NOT_USED,
        "The only provenance is '% Nottingham Music Database' with 'S:Scottish, via EF' and "
        "'S:Joy, via EF': no composer, date or terms, and two tunes would not change the mixture.",
    ),
    TermsDecision(
        ("leadSheet",),
        "berlinAlexandersRagtime.mxl, fosterBrownHair.mxl",
        NOT_USED,
        "The Berlin lead sheet's rights field says 'All Rights Reserved'; the Foster one says "
        "'Public Domain' but is a single song with chord symbols.",
    ),
    TermsDecision(
        ("essenFolksong",),
        "all .abc files",
        EVALUATION_ONLY,
        f"Not for training a shipped model: license.txt says '{ESSEN_STATUS}' and "
        f"'{ESSEN_PERMISSION}' The set 'essen' exports a selection to evaluate models on.",
    ),
    TermsDecision(
        ("palestrina",),
        "all 1,318 .krn files",
        NOT_USED,
        "Not for training: each says '!!!YEC: Copyright 2000, John Miller', '!!!YEM: Rights to "
        "all derivative electronic formats reserved.' and '!!!YEM: This file must be accompanied "
        "by the licensing agreement.'",
    ),
    TermsDecision(
        ("josquin",),
        "all 8 .abc files",
        NOT_USED,
        "Each says 'Copyright (C) 1999  Laura E. Conrad' and is licensed under the 'GNU General "
        "Public License' version 2 or later, whose reach over a trained model is unsettled; "
        "Renaissance polyphony is outside this mixture anyway.",
    ),
    TermsDecision(
        _OTHER_DIRECTORIES,
        "all files",
        NOT_USED,
        "Art music outside this mixture's styles; their per-file terms were not reviewed, and "
        "music21's licence warns that 'Some encodings included in the corpus may not be used for "
        "commercial uses or have other restrictions'.",
    ),
)
"""The terms decision for every directory of music21's corpus (music21 10.5)."""


def decisions_text() -> str:
    """:data:`CORPUS_DECISIONS` as text for a model card or ``corpus --list``."""
    lines = [d.text() for d in CORPUS_DECISIONS]
    return "Which parts of music21's corpus may train a shipped model (terms read on disk):\n" + "\n".join(
        lines
    )


# --- the data types -----------------------------------------------------------------------


class UnknownCorpusError(ValueError):
    """A corpus name that is not in :data:`CORPORA`."""


class CorpusDependencyError(ImportError):
    """music21, which parses the corpus, is not installed."""


@dataclass(frozen=True)
class Rendering:
    """One .mid file made from a piece: which of its voices, and where the file goes.

    The file is ``<folder>/<piece stem><suffix>.mid``. ``voices`` names the parts to keep
    by the first word of their names, one part per word (the first such part in score
    order); a piece without one of them gets no file for this rendering. ``None`` keeps
    the parts the set's :attr:`CorpusSpec.voices` rule keeps.
    """

    folder: str = ""  # a subfolder of the export folder; "" for the folder itself
    suffix: str = ""  # "~satb"; "" for a piece with a single file
    voices: tuple[str, ...] | None = None


def texture(folder: str, *voices: str) -> Rendering:
    """The rendering of these voices into ``folder``, suffix their initials: ``~sab``."""
    return Rendering(folder, "~" + "".join(v[0] for v in voices), voices)


@dataclass(frozen=True)
class CorpusPiece:
    """One piece of a corpus: a stable id, its output file stem, how to parse it, its files."""

    piece_id: str  # e.g. "bach/bwv269" or "oneills1850/0001-0050.abc#X:1"
    stem: str  # filesystem-safe, unique within its set; the part of file names before "~"
    load: Callable[[], Any]  # returns a music21 Stream; may raise
    renderings: tuple[Rendering, ...] = (Rendering(),)


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


@dataclass(frozen=True)
class _AbcTune:
    path: Path
    number: int  # its X: field
    titles: tuple[str, ...]  # its T: fields
    rhythm: str  # its R: field, or ""
    position: int  # where its X: line starts in the file


_ABC_TUNE = re.compile(r"^X:\s*(\d+)", re.MULTILINE)


def _abc_tunes(path: Path) -> list[_AbcTune]:
    """The tunes of an ABC file in file order; a repeated X: number counts once (music21
    parses the first tune of a number)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    starts = list(_ABC_TUNE.finditer(text))
    tunes: dict[int, _AbcTune] = {}
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        header = text[match.start() : end].split("\nK:", 1)[0]
        number = int(match.group(1))
        tunes.setdefault(
            number,
            _AbcTune(
                path,
                number,
                tuple(t.strip() for t in re.findall(r"^T:(.*)$", header, re.MULTILINE)),
                " ".join(re.findall(r"^R:(.*)$", header, re.MULTILINE)).strip(),
                match.start(),
            ),
        )
    return list(tunes.values())


def _abc_files(directory: str) -> list[Path]:
    return sorted((_corpus_dir() / directory).glob("*.abc"))


def _abc_loader(path: Path, number: int) -> Callable[[], Any]:
    def load() -> Any:
        score = _music21().converter.parse(path, number=number, format="abc", forceSource=True)
        _restore_split_end_repeats(score)
        return score

    return load


def _restore_split_end_repeats(score: Any) -> None:
    """Put back the end-repeats that music21's ABC reader moves before a bar's last notes.

    The reader splits a bar that is longer than its time signature in two (``reBar``:
    ``fdf gec d2:|`` in 9/8 written as 6/8) and gives the second half the bar's closing
    end-repeat as its *left* barline, so the repeat would stop before the bar's last notes.
    ABC itself never writes an end-repeat on a bar's left, so it goes to the right again.
    """
    music21 = _music21()
    for part in score.parts if isinstance(score, music21.stream.Score) else [score]:
        measures = list(part.getElementsByClass(music21.stream.Measure))
        for before, measure in itertools.pairwise(measures):
            barline = measure.leftBarline
            if (
                _barline_kind(barline) == "end"
                and before.rightBarline is None
                and measure.rightBarline is None
            ):
                measure.leftBarline = None
                measure.rightBarline = barline


def _abc_piece(tune: _AbcTune, stem: str, *renderings: Rendering) -> CorpusPiece:
    return CorpusPiece(
        piece_id=f"{tune.path.parent.name}/{tune.path.name}#X:{tune.number}",
        stem=stem,
        load=_abc_loader(tune.path, tune.number),
        renderings=renderings or (Rendering(),),
    )


def _oneills_pieces() -> list[CorpusPiece]:
    """Every tune (X: number) of every .abc file in corpus/oneills1850, by file then number."""
    return [
        _abc_piece(tune, f"tune{tune.number:04d}_{_safe_stem(tune.path.stem)}")
        for path in _abc_files("oneills1850")
        for tune in _abc_tunes(path)
    ]


def _ryans_pieces() -> list[CorpusPiece]:
    """The tune of every .abc file in corpus/ryansMammoth (one each), by file name."""
    return [
        _abc_piece(tune, _safe_stem(path.stem))
        for path in _abc_files("ryansMammoth")
        for tune in _abc_tunes(path)
    ]


# The default mixture's styles: the first-level subfolders of its export, which the trainer
# uses as style labels (user-facing names).
CHORALE = "chorale"  # Bach chorales: SATB and its reductions
CHORALE_MELODY = "chorale-melody"  # their soprano lines
CHORALE_BASS = "chorale-bass"  # their bass lines
DANCE = "dance"  # Irish, Scottish and American dance tunes, marches: one melody line
AIR = "air"  # airs and song tunes: one melody line
DEFAULT_STYLES = (CHORALE, CHORALE_MELODY, CHORALE_BASS, DANCE, AIR)

SATB = ("soprano", "alto", "tenor", "bass")
CHORALE_TEXTURES = (
    texture(CHORALE, *SATB),
    texture(CHORALE, "soprano", "alto", "bass"),
    texture(CHORALE, "soprano", "tenor", "bass"),
    texture(CHORALE, "soprano", "bass"),
    texture(CHORALE_MELODY, "soprano"),
    texture(CHORALE_BASS, "bass"),
)

# O'Neill's Music of Ireland numbers its 1,850 tunes by section: 1-625 airs and songs,
# 626-700 O'Carolan's compositions (airs and planxties), 701-1800 dance music (jigs,
# reels, hornpipes, set dances), 1801-1850 marches.
ONEILL_LAST_AIR = 700

# Aird's books mix airs with dances; a tune whose title or R: field names a dance form
# (or a march) is a dance, any other an air.
_DANCE_FORMS = re.compile(
    r"\b(reel|jig|strathspey|hornpipe|march|quick ?step|rant|dance|minuet|waltz|gavotte|"
    r"fling|polka|slide|allemande|cotillion)s?\b",
    re.IGNORECASE,
)


def _is_dance(tune: _AbcTune) -> bool:
    return any(_DANCE_FORMS.search(text) for text in (*tune.titles, tune.rhythm))


def _default_pieces() -> list[CorpusPiece]:
    """The default mixture, chorales first, then the tune books (see :data:`CORPORA`)."""
    pieces = [replace(p, renderings=CHORALE_TEXTURES) for p in _bach_chorale_pieces()]
    oneill = [t for path in _abc_files("oneills1850") for t in _abc_tunes(path)]
    transcriptions = Counter(t.number for t in oneill)
    for tune in oneill:  # a number transcribed twice: one stem, the file as the variant
        variant = f"~{_safe_stem(tune.path.stem)}" if transcriptions[tune.number] > 1 else ""
        style = AIR if tune.number <= ONEILL_LAST_AIR else DANCE
        pieces.append(_abc_piece(tune, f"oneill-{tune.number:04d}", Rendering(style, variant)))
    pieces += [replace(p, stem=f"ryan-{p.stem}", renderings=(Rendering(DANCE),)) for p in _ryans_pieces()]
    for path in _abc_files("airdsAirs"):
        for tune in _abc_tunes(path):
            pieces.append(
                _abc_piece(tune, f"aird-{tune.number:04d}", Rendering(DANCE if _is_dance(tune) else AIR))
            )
    path = _corpus_dir() / "miscFolk" / "northumbrianminstrelsyopus.abc"
    pipe_tunes = path.read_text(encoding="utf-8").index("% ---- Pipe tunes")  # song tunes before
    for tune in _abc_tunes(path):
        style = DANCE if tune.position > pipe_tunes else AIR
        pieces.append(_abc_piece(tune, f"northumbrian-{tune.number:03d}", Rendering(style)))
    _check_unique_files(pieces)
    return pieces


def _check_unique_files(pieces: list[CorpusPiece]) -> None:
    """Stems must not collide across a set: the trainer splits by them."""
    names = Counter(f"{p.stem}{r.suffix}" for p in pieces for r in p.renderings)
    clashes = sorted(name for name, n in names.items() if n > 1)
    if clashes:
        raise RuntimeError(f"file names used twice in one corpus: {', '.join(clashes[:5])}")


# Essen: evaluation only. Six collections of different origin, the first 120 songs of each
# (irl has 62): 662 songs.
ESSEN_COLLECTIONS = ("altdeu10", "boehme10", "han1", "irl", "kinder0", "zuccal0")
ESSEN_SONGS_PER_COLLECTION = 120


def _essen_pieces() -> list[CorpusPiece]:
    folder = _corpus_dir() / "essenFolksong"
    return [
        _abc_piece(tune, f"{collection}-{tune.number:04d}", Rendering(collection))
        for collection in ESSEN_COLLECTIONS
        for tune in _abc_tunes(folder / f"{collection}.abc")[:ESSEN_SONGS_PER_COLLECTION]
    ]


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
            enumerate=_default_pieces,
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
            enumerate=_bach_chorale_pieces,
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
            enumerate=_oneills_pieces,
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
            enumerate=_ryans_pieces,
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
            enumerate=_essen_pieces,
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


_SECTION_BARS = {"double", "final", "light-light", "light-heavy", "heavy-light", "heavy-heavy", "heavy"}


def _barline_kind(barline: Any) -> str:
    """ "start" or "end" (repeat signs), "section" (double bars), else ""."""
    if barline is None:
        return ""
    direction = getattr(barline, "direction", None)  # only music21.bar.Repeat has one
    if direction in ("start", "end"):
        return direction
    return "section" if barline.type in _SECTION_BARS else ""


def _complete_repeat_signs(part: Any) -> tuple[int, int]:
    """Make a part's repeat signs say what notation means; (starts added, starts removed).

    An end-repeat without a start-repeat repeats from the previous end-repeat, double bar
    or the end of the previous section's last ending (printed music and ABC alike);
    music21 would go back to the top of the piece, replaying earlier sections, so a start
    is added there. The end-repeats of second and later endings belong to their first
    ending's repeat. A start-repeat that no end-repeat closes (``|:`` before a final
    ``|]``, a typo common in ABC) makes music21 refuse the whole piece, so it is removed.
    """
    music21 = _music21()
    measures = list(part.getElementsByClass(music21.stream.Measure))
    bracketed = {
        id(m)
        for bracket in part.spanners.getElementsByClass(music21.spanner.RepeatBracket)
        for m in bracket.getSpannedElements()
    }
    section = 0  # index of the measure the current section (and its repeat) starts at
    has_start = False  # measures[section] has an open start-repeat
    in_endings = False  # after an end-repeat inside an ending, until the endings are over
    added = removed = 0

    def close(next_index: int) -> None:
        # the repeated section ends just before measures[next_index]
        nonlocal section, has_start, in_endings, added
        in_ending = id(measures[next_index - 1]) in bracketed
        if in_ending and in_endings:
            return  # a later ending's end-repeat: same repeat as the first ending's
        if not has_start and section > 0:
            measures[section].leftBarline = music21.bar.Repeat(direction="start")
            added += 1
        has_start = False
        in_endings = in_ending
        section = next_index

    def drop_open_start() -> None:
        nonlocal removed
        measures[section].leftBarline = None
        removed += 1

    for i, measure in enumerate(measures):
        if in_endings and id(measure) not in bracketed:
            in_endings = False
            section = i
        kind = _barline_kind(measure.leftBarline)
        if kind == "start":
            if has_start:
                drop_open_start()
            has_start, section = True, i
        elif kind == "end":
            close(i)
        elif kind == "section" and not in_endings and not has_start:
            section = i
        kind = _barline_kind(measure.rightBarline)
        if kind == "end":
            close(i + 1)
        elif kind == "section" and not in_endings and not has_start and i + 1 < len(measures):
            section = i + 1
    if has_start:
        drop_open_start()
    return added, removed


def _has_repeats(part: Any) -> bool:
    music21 = _music21()
    for measure in part.getElementsByClass(music21.stream.Measure):
        if (
            _barline_kind(measure.leftBarline) in ("start", "end")
            or _barline_kind(measure.rightBarline) == "end"
        ):
            return True
    return bool(part.recurse().getElementsByClass(music21.repeat.RepeatExpression))


@dataclass(frozen=True)
class RepeatExpansion:
    """What :func:`expand_repeats` did: the score to convert, and how it got there."""

    score: Any  # the expanded score, or the given one
    expanded: bool = False  # repeats were played out
    implicit_starts: int = 0  # start-repeats added (see _complete_repeat_signs)
    dangling_starts: int = 0  # start-repeats without an end, removed
    failure: str | None = None  # why repeats could not be expanded (score as written)


def expand_repeats(score: Any) -> RepeatExpansion:
    """Play the repeats of a music21 score out, with the section rule of the module docstring.

    A score without repeat signs is returned as it is. When music21 cannot expand the
    repeats (badly formed signs), the score is returned as written with the reason.
    """
    music21 = _music21()
    parts = list(score.parts) if isinstance(score, music21.stream.Score) else [score]
    if not any(_has_repeats(p) for p in parts):
        return RepeatExpansion(score)
    fixes = [_complete_repeat_signs(p) for p in parts]
    added, removed = sum(f[0] for f in fixes), sum(f[1] for f in fixes)
    try:
        expanded = score.expandRepeats()
    except Exception as exc:  # music21.repeat.ExpanderException, or odd encodings
        reason = f"repeats not expanded ({type(exc).__name__}: {exc})"
        return RepeatExpansion(score, False, added, removed, reason)
    return RepeatExpansion(expanded, True, added, removed)


@dataclass
class _Sounding:
    pitch: int
    velocity: int | None  # None: the encoding gave none
    start: float
    end: float


@dataclass
class _Voice:
    """One part's notes before unisons are merged."""

    word: str  # first word of the part name, lower case ("" if none)
    soundings: list[_Sounding]
    grace: int  # grace notes dropped


def _voices(score: Any) -> tuple[list[_Voice], bool]:
    """One :class:`_Voice` per part of a Score (True), or one for a stream without parts."""
    music21 = _music21()
    parts = list(score.parts) if isinstance(score, music21.stream.Score) else []
    if not parts:
        return [_voice(score, score)], False
    return [_voice(part, score) for part in parts], True


def _voice(part: Any, score: Any) -> _Voice:
    """A part's notes in beats: ties merged per pitch, grace notes and chord symbols dropped."""
    music21 = _music21()
    base = float(part.getOffsetBySite(score)) if part is not score else 0.0
    grace = 0
    sounding: list[_Sounding] = []
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
    return _Voice(_first_word(getattr(part, "partName", None)), sounding, grace)


def _keep_named(voices: list[_Voice], words: tuple[str, ...] | None) -> list[_Voice]:
    """The voices whose word is among ``words``, or all when none is (or no words)."""
    if not words:
        return voices
    return [v for v in voices if v.word in words] or voices


def _pick(voices: list[_Voice], words: tuple[str, ...]) -> list[_Voice] | str:
    """The first voice named by each word, in the order of ``words``; or what is missing."""
    picked = []
    for word in words:
        voice = next((v for v in voices if v.word == word), None)
        if voice is None:
            return f"no {word} part"
        picked.append(voice)
    return picked


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
    place (time signatures unshared). Repeats are not expanded here (:func:`expand_repeats`).
    """
    _unshare_time_signatures(score)
    every, has_parts = _voices(score)
    kept = _keep_named(every, voices)
    notes, merged, defaults = _unisons_merged(kept)
    left_out = len(every) - len(kept) if has_parts else 0
    return notes, ConversionStats(sum(v.grace for v in kept), merged, defaults, left_out)


def _first_word(name: str | None) -> str:
    words = re.findall(r"[a-z]+", (name or "").lower())
    return words[0] if words else ""


def _unisons_merged(voices: Iterable[_Voice]) -> tuple[list[Note], int, int]:
    """Notes with one pitch and start become one (longest, loudest); default velocities."""
    by_onset: dict[tuple[int, float], _Sounding] = {}
    merged = 0
    for s in (s for v in voices for s in v.soundings):
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
    _music21()
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
        _unshare_time_signatures(score)
        if spec.expand_repeats:
            expansion = expand_repeats(score)
            score = expansion.score
            outcome.repeats = replace(expansion, score=None)
            if expansion.failure is not None:
                outcome.unexpanded = SkippedPiece(piece.piece_id, expansion.failure + "; exported as written")
        voices, has_parts = _voices(score)
    except Exception as exc:  # music21 raises many kinds of errors on odd encodings
        outcome.skipped.append(
            SkippedPiece(piece.piece_id, f"cannot parse or convert: {type(exc).__name__}: {exc}")
        )
        return
    used: dict[int, _Voice] = {}
    for rendering, target in todo:
        file_id = piece.piece_id + rendering.suffix
        if rendering.voices is None:
            chosen: list[_Voice] | str = _keep_named(voices, spec.voices)
        else:
            chosen = _pick(voices, rendering.voices)
        if isinstance(chosen, str):
            outcome.skipped.append(SkippedPiece(file_id, chosen))
            continue
        used.update((id(v), v) for v in chosen)
        notes, merged, defaults = _unisons_merged(chosen)
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
