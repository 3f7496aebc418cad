"""The pieces of each corpus: which files of music21's corpus, parsed how, rendered into which .mid files.

Every file made from one piece is named ``<stem>~<variant>.mid`` (plain ``<stem>.mid``
when a piece has one file), and stems are unique across a set, so a train/validation split
by the stem before ``~`` keeps all textures of a chorale, and all transcriptions of one
O'Neill tune, on the same side. The default mixture's styles are :data:`DEFAULT_STYLES`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .scores import (
    barline_kind,
    import_music21,
)

# --- the data types -----------------------------------------------------------------------


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


# --- music21 access -----------------------------------------------------------------------


def _corpus_dir() -> Path:
    return Path(import_music21().common.getCorpusFilePath())


def _safe_stem(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "piece"


# --- enumerators --------------------------------------------------------------------------

_SCORE_SUFFIXES = (".mxl", ".xml", ".musicxml")


def bach_chorale_pieces() -> list[CorpusPiece]:
    """The unique chorale files of music21's Riemenschneider list, in that order.

    ``chorales.Iterator()`` yields 371 Riemenschneider numbers that name 350 distinct
    files (some chorales are listed under several numbers). It parses by work name,
    which for bwv277, bwv281 and bwv366 would pick a CCARH Humdrum (.krn) encoding whose
    derivative rights are reserved, and for some others a variant file (bwv69.6-a,
    bwv112.5-sc, bwv190.7-inst); so each name is resolved here to its own MusicXML file.
    """
    music21 = import_music21()
    names = list(dict.fromkeys(music21.corpus.chorales.Iterator(returnType="filename")))
    return [
        CorpusPiece(piece_id=name, stem=_safe_stem(name.rsplit("/", 1)[-1]), load=_chorale_loader(name))
        for name in names
    ]


def _chorale_loader(work: str) -> Callable[[], Any]:
    def load() -> Any:
        music21 = import_music21()
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
        score = import_music21().converter.parse(path, number=number, format="abc", forceSource=True)
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
    music21 = import_music21()
    for part in score.parts if isinstance(score, music21.stream.Score) else [score]:
        measures = list(part.getElementsByClass(music21.stream.Measure))
        for before, measure in itertools.pairwise(measures):
            barline = measure.leftBarline
            if (
                barline_kind(barline) == "end"
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


def oneills_pieces() -> list[CorpusPiece]:
    """Every tune (X: number) of every .abc file in corpus/oneills1850, by file then number."""
    return [
        _abc_piece(tune, f"tune{tune.number:04d}_{_safe_stem(tune.path.stem)}")
        for path in _abc_files("oneills1850")
        for tune in _abc_tunes(path)
    ]


def ryans_pieces() -> list[CorpusPiece]:
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


def default_pieces() -> list[CorpusPiece]:
    """The default mixture, chorales first, then the tune books (see :data:`CORPORA`)."""
    pieces = [replace(p, renderings=CHORALE_TEXTURES) for p in bach_chorale_pieces()]
    oneill = [t for path in _abc_files("oneills1850") for t in _abc_tunes(path)]
    transcriptions = Counter(t.number for t in oneill)
    for tune in oneill:  # a number transcribed twice: one stem, the file as the variant
        variant = f"~{_safe_stem(tune.path.stem)}" if transcriptions[tune.number] > 1 else ""
        style = AIR if tune.number <= ONEILL_LAST_AIR else DANCE
        pieces.append(_abc_piece(tune, f"oneill-{tune.number:04d}", Rendering(style, variant)))
    pieces += [replace(p, stem=f"ryan-{p.stem}", renderings=(Rendering(DANCE),)) for p in ryans_pieces()]
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


def essen_pieces() -> list[CorpusPiece]:
    folder = _corpus_dir() / "essenFolksong"
    return [
        _abc_piece(tune, f"{collection}-{tune.number:04d}", Rendering(collection))
        for collection in ESSEN_COLLECTIONS
        for tune in _abc_tunes(folder / f"{collection}.abc")[:ESSEN_SONGS_PER_COLLECTION]
    ]
