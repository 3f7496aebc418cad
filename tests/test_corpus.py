"""osc_composer.training.corpus: the corpus table, conversion rules and .mid export."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from osc_composer.music.midi import read_midi
from osc_composer.training import corpus
from osc_composer.training.corpus import (
    CORPORA,
    CORPUS_DECISIONS,
    DEFAULT_STYLES,
    ESSEN_PERMISSION,
    ESSEN_STATUS,
    EVALUATION_ONLY,
    MUSIC21_CORPUS_LICENSE,
    MUSIC21_CORPUS_STATUS,
    NOT_USED,
    TRAIN,
    CorpusDependencyError,
    CorpusPiece,
    CorpusSpec,
    Rendering,
    UnknownCorpusError,
    corpus_summary,
    corpus_terms,
    expand_repeats,
    export_corpus,
    is_trainable,
    stream_to_notes,
)

needs_music21 = pytest.mark.skipif(
    importlib.util.find_spec("music21") is None, reason="music21 not installed"
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- the table ----------------------------------------------------------------------------


def test_table_has_the_sets_and_trains_on_none_of_the_restricted_ones():
    assert {"default", "bach-chorales", "oneill-1850", "ryans-mammoth", "essen"} <= set(CORPORA)
    for name, spec in CORPORA.items():
        assert spec.name == name
        assert spec.description and "\n" not in spec.description
        assert spec.pieces_from and spec.terms and spec.directories
        assert corpus_terms(name).startswith(f"{name}: ")
        assert MUSIC21_CORPUS_STATUS in corpus_terms(name)
        if spec.trainable:
            text = f"{spec.source} {spec.pieces_from}".lower()
            assert "essen" not in text and "palestrina" not in text
    assert [name for name in CORPORA if not is_trainable(name)] == ["essen"]
    with pytest.raises(UnknownCorpusError):
        is_trainable("nope")


def test_every_set_reads_only_directories_with_its_verdict():
    verdicts = {}
    for decision in CORPUS_DECISIONS:
        assert decision.verdict in (TRAIN, EVALUATION_ONLY, NOT_USED)
        assert decision.files and len(decision.reason) > 40  # a reason, quoting the terms
        for directory in decision.directories:
            verdicts.setdefault(directory, set()).add(decision.verdict)
    assert verdicts["essenFolksong"] == {EVALUATION_ONLY}
    assert verdicts["palestrina"] == {NOT_USED}
    for spec in CORPORA.values():
        for directory in spec.directories:
            assert (TRAIN if spec.trainable else EVALUATION_ONLY) in verdicts[directory], (
                spec.name,
                directory,
            )


def test_default_terms_carry_every_decision_for_the_model_card():
    terms = corpus_terms("default")
    for decision in CORPUS_DECISIONS:
        assert decision.text() in terms
    assert "essenFolksong (all .abc files): evaluation only. Not for training" in terms
    assert "palestrina (all 1,318 .krn files): not used. Not for training" in terms
    assert "Rights to all derivative electronic formats reserved." in terms
    assert ESSEN_PERMISSION in terms
    assert "Evaluation only:" not in corpus_summary("default")
    essen = corpus_summary("essen")
    assert "Evaluation only: Not for training a shipped model" in essen and ESSEN_STATUS in essen


@needs_music21
def test_license_quotes_match_the_installed_music21():
    import music21

    license_txt = Path(music21.__file__).parent / "corpus" / "license.txt"
    text = _squash(license_txt.read_text(encoding="utf-8"))
    assert _squash(MUSIC21_CORPUS_LICENSE) in text
    assert _squash(MUSIC21_CORPUS_STATUS) in text
    essen = _squash((license_txt.parent / "essenFolksong" / "license.txt").read_text(encoding="utf-8"))
    assert _squash(ESSEN_STATUS) in essen and _squash(ESSEN_PERMISSION) in essen


@needs_music21
def test_every_directory_of_the_installed_corpus_has_a_decision():
    import music21

    root = Path(music21.__file__).parent / "corpus"
    on_disk = {p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")}
    decided = [d for decision in CORPUS_DECISIONS for d in decision.directories]
    assert on_disk == set(decided)


def test_unknown_corpus_name_is_a_clear_error(tmp_path):
    with pytest.raises(UnknownCorpusError, match=r"unknown corpus 'bach'.*bach-chorales.*oneill-1850"):
        export_corpus("bach", tmp_path)
    with pytest.raises(UnknownCorpusError, match="known corpora"):
        corpus_terms("nope")
    assert not any(tmp_path.iterdir())


def test_missing_music21_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "music21", None)  # makes `import music21` fail
    with pytest.raises(CorpusDependencyError, match=re.escape("pip install 'osc-composer[corpus]'")):
        export_corpus("bach-chorales", tmp_path / "out")
    assert corpus_terms("bach-chorales")  # the terms need no music21


# --- export -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bach_export(tmp_path_factory):
    pytest.importorskip("music21")
    out = tmp_path_factory.mktemp("bach")
    progress = []
    report = export_corpus("bach-chorales", out, limit=3, on_progress=lambda *a: progress.append(a))
    return out, report, progress


@pytest.fixture(scope="module")
def oneill_export(tmp_path_factory):
    pytest.importorskip("music21")
    out = tmp_path_factory.mktemp("oneill")
    return out, export_corpus("oneill-1850", out, limit=3)


def _check_sane(notes, low, high):
    assert len(notes) >= 20
    assert all(low <= n.pitch <= high for n in notes)
    assert all(n.start_beats >= 0 for n in notes)
    assert min(n.start_beats for n in notes) == 0  # pickups start at beat 0
    assert sum(n.duration_beats > 0 for n in notes) >= 0.99 * len(notes)
    assert all(1 <= n.velocity <= 127 for n in notes)


def test_bach_export_writes_four_voice_chorales(bach_export):
    out, report, progress = bach_export
    assert (report.total, report.written, report.existing, report.skipped) == (3, 3, 0, [])
    assert sorted(p.name for p in out.glob("*.mid")) == sorted(p.name for p in report.paths)
    assert [p.name for p in report.paths] == ["bwv269.mid", "bwv347.mid", "bwv153.1.mid"]
    assert progress == [
        (1, 3, "bach/bwv269", "written"),
        (2, 3, "bach/bwv347", "written"),
        (3, 3, "bach/bwv153.1", "written"),
    ]
    total = 0
    for path in report.paths:
        notes = read_midi(path).notes
        total += len(notes)
        _check_sane(notes, 36, 84)
        onsets = Counter(n.start_beats for n in notes)
        assert max(onsets.values()) == 4  # SATB, unisons merged
        assert sum(c >= 3 for c in onsets.values()) >= 0.5 * len(onsets)  # mostly chordal
        assert {n.velocity for n in notes} == {corpus.DEFAULT_VELOCITY}  # no velocities encoded
    assert total == report.notes


def test_oneill_export_writes_single_line_tunes(oneill_export):
    out, report = oneill_export
    assert (report.written, report.skipped_count) == (3, 0)
    assert sorted(out.iterdir()) == sorted(report.paths)
    assert [p.name for p in report.paths] == [
        "tune0001_0001-0050.mid",
        "tune0002_0001-0050.mid",
        "tune0003_0001-0050.mid",
    ]
    assert report.grace_notes_dropped > 0  # O'Neill tunes are full of ornaments
    for path in report.paths:
        notes = read_midi(path).notes
        _check_sane(notes, 48, 100)
        assert max(Counter(n.start_beats for n in notes).values()) == 1  # one melody line


def test_rerun_skips_files_already_exported(bach_export):
    out, first, _ = bach_export
    stamps = {p: p.stat().st_mtime_ns for p in first.paths}
    again = export_corpus("bach-chorales", out, limit=3)
    assert (again.written, again.existing, again.notes, again.skipped) == (0, 3, 0, [])
    assert again.paths == first.paths
    assert {p: p.stat().st_mtime_ns for p in again.paths} == stamps
    more = export_corpus("bach-chorales", out, limit=4)
    assert (more.written, more.existing) == (1, 3)


# --- conversion and failures --------------------------------------------------------------


def _tiny_part():
    from music21 import chord, note, stream, tie

    part = stream.Part()
    c1, c2 = note.Note("C4", quarterLength=1), note.Note("C4", quarterLength=1)
    c1.tie, c2.tie = tie.Tie("start"), tie.Tie("stop")
    g, a = note.Note("G4", quarterLength=0.75), note.Note("A4", quarterLength=0.25)
    g.tie, a.tie = tie.Tie("start"), tie.Tie("stop")  # an ABC "slur" written as a tie
    loud = note.Note("E4", quarterLength=1)
    loud.volume.velocity = 64
    part.append([note.Rest(quarterLength=1), c1, c2, g, a, note.Note("D5").getGrace(), loud])
    part.append(chord.Chord(["C4", "E4", "G4"], quarterLength=2))
    return part


@needs_music21
def test_stream_to_notes_rules():
    notes, stats = stream_to_notes(_tiny_part())
    got = [(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in notes]
    assert got == [
        (60, 1.0, 2.0, 90),  # tied C4s merged; the leading rest keeps its time
        (67, 3.0, 0.75, 90),
        (69, 3.75, 0.25, 90),  # a tie between two pitches does not swallow the A
        (64, 4.0, 1.0, 64),  # the grace D5 is dropped; velocity from the note's volume
        (60, 5.0, 2.0, 90),
        (64, 5.0, 2.0, 90),
        (67, 5.0, 2.0, 90),
    ]
    assert stats.grace_notes_dropped == 1
    assert stats.default_velocity_notes == 6


@needs_music21
def test_a_failing_piece_is_reported_and_skipped(tmp_path, monkeypatch):
    def broken():
        raise ValueError("bad ABC")

    def empty():
        from music21 import stream

        return stream.Part()

    pieces = [
        CorpusPiece("test/broken", "broken", broken),
        CorpusPiece("test/empty", "empty", empty),
        CorpusPiece("test/good", "good", _tiny_part),
    ]
    spec = CorpusSpec("test-set", "Three pieces.", "memory", "a list", "none", lambda: pieces)
    monkeypatch.setitem(CORPORA, "test-set", spec)
    errors = []
    report = export_corpus("test-set", tmp_path, on_error=lambda pid, msg: errors.append((pid, msg)))
    assert report.written == 1 and report.notes == 7
    assert [s.piece_id for s in report.skipped] == ["test/broken", "test/empty"]
    assert errors == [(s.piece_id, s.reason) for s in report.skipped]
    assert "ValueError: bad ABC" in errors[0][1]
    assert errors[1][1] == "no notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.mid"]  # no partial files left


def _two_voices():
    from music21 import note, stream

    score = stream.Score()
    for name, pitch in (("Soprano", "E5"), ("Bass", "C3")):
        part = stream.Part()
        part.partName = name
        part.append([note.Note(pitch), note.Note(pitch)])
        score.insert(0, part)
    return score


def _bad_repeats():
    """A second ending with no first one: music21 cannot play these repeats out."""
    from music21 import bar, meter, note, spanner, stream

    part = stream.Part()
    for number in range(1, 5):
        measure = stream.Measure(number=number)
        measure.append([note.Note("C4"), note.Note("D4")])
        part.append(measure)
    measures = list(part.getElementsByClass(stream.Measure))
    measures[0].insert(0, meter.TimeSignature("2/4"))
    measures[1].rightBarline = bar.Repeat(direction="end")
    part.insert(0, spanner.RepeatBracket(measures[2], number=2))
    return part


@needs_music21
def test_failures_are_counted_and_the_cli_lists_them(tmp_path, monkeypatch, capsys):
    from osc_composer.cli import main

    voices = (corpus.texture("sb", "soprano", "bass"), corpus.texture("stb", "soprano", "tenor", "bass"))
    pieces = [
        CorpusPiece("test/broken", "broken", lambda: 1 / 0),
        CorpusPiece("test/choir", "choir", _two_voices, voices),
        CorpusPiece("test/bad-repeats", "bad-repeats", _bad_repeats),
    ]
    spec = CorpusSpec(
        "test-set", "Three pieces.", "memory", "a list", "none", lambda: pieces, expand_repeats=True
    )
    monkeypatch.setitem(CORPORA, "test-set", spec)
    assert main(["corpus", "test-set", str(tmp_path)]) == 0
    report = export_corpus("test-set", tmp_path / "again")
    assert [(s.piece_id, s.reason) for s in report.skipped] == [
        ("test/broken", "cannot parse or convert: ZeroDivisionError: division by zero"),
        ("test/choir~stb", "no tenor part"),
    ]
    assert [s.piece_id for s in report.repeats_not_expanded] == ["test/bad-repeats"]
    assert "ExpanderException" in report.repeats_not_expanded[0].reason
    assert report.files_by_folder() == {"": 1, "sb": 1}  # the unexpanded piece is still exported
    assert report.written == 2 and len(read_midi(tmp_path / "bad-repeats.mid").notes) == 8
    err = _squash(capsys.readouterr().err)
    assert "2 skipped: test/broken: cannot parse or convert: ZeroDivisionError" in err
    assert "test/choir~stb: no tenor part" in err
    assert "1 exported as written, repeats not expanded: test/bad-repeats: repeats not expanded" in err
    assert "sb/: 1 files" in err


# --- the default mixture and the evaluation set ---------------------------------------------


@pytest.fixture(scope="module")
def default_pieces():
    pytest.importorskip("music21")
    return CORPORA["default"].enumerate()


@pytest.fixture(scope="module")
def default_export(tmp_path_factory):
    pytest.importorskip("music21")
    out = tmp_path_factory.mktemp("default")
    return out, export_corpus("default", out, limit=2)


def _only(monkeypatch, *pieces, expand_repeats=True):
    """A set of these pieces, registered as "test-set"."""
    spec = CorpusSpec(
        "test-set",
        "Test pieces.",
        "memory",
        "a list",
        "none",
        lambda: list(pieces),
        expand_repeats=expand_repeats,
    )
    monkeypatch.setitem(CORPORA, "test-set", spec)
    return "test-set"


def test_default_mixture_names_each_file_by_its_piece_and_style(default_pieces):
    files = [(r.folder, p.stem + r.suffix) for p in default_pieces for r in p.renderings]
    assert len({name for _, name in files}) == len(files)  # unique across the whole export
    assert {folder for folder, _ in files} == set(DEFAULT_STYLES)
    assert Counter(p.piece_id.split("/")[0] for p in default_pieces) == {
        "bach": 350,
        "oneills1850": 2009,
        "ryansMammoth": 1059,
        "airdsAirs": 1180,
        "miscFolk": 129,
    }
    by_id = {p.piece_id: p for p in default_pieces}
    assert [(r.folder, r.suffix) for r in by_id["bach/bwv269"].renderings] == [
        ("chorale", "~satb"),
        ("chorale", "~sab"),
        ("chorale", "~stb"),
        ("chorale", "~sb"),
        ("chorale-melody", "~s"),
        ("chorale-bass", "~b"),
    ]
    # stems are unique but for an O'Neill number transcribed twice: one tune, two variants
    stems = Counter(p.stem for p in default_pieces)
    twice = [p for p in default_pieces if stems[p.stem] > 1]
    assert len(twice) == 2 * 171 and all(p.piece_id.startswith("oneills1850/") for p in twice)
    assert [(r.folder, p.stem + r.suffix) for p in twice[:1] for r in p.renderings] == [
        ("air", "oneill-0550~0501-0550")
    ]
    assert all("~" not in p.stem for p in default_pieces)
    assert by_id["oneills1850/0001-0050.abc#X:1"].renderings == (Rendering("air"),)  # an air
    assert by_id["oneills1850/1176-1275.abc#X:1176"].renderings == (Rendering("dance"),)  # a reel
    assert by_id["ryansMammoth/AcaciaReel.abc#X:1"].stem == "ryan-AcaciaReel"
    assert {
        p.stem[: p.stem.index("-")] for p in default_pieces if "/" in p.piece_id and "#" in p.piece_id
    } == {
        "oneill",
        "ryan",
        "aird",
        "northumbrian",
    }


def _notes(path):
    return {(n.pitch, n.start_beats, n.duration_beats) for n in read_midi(path).notes}


def test_chorale_textures_are_reductions_of_one_chorale(default_export):
    out, report = default_export
    assert (report.written, report.skipped, report.parts_left_out) == (12, [], 0)
    assert report.files_by_folder() == {"chorale": 8, "chorale-bass": 2, "chorale-melody": 2}
    assert sum(report.notes_by_folder.values()) == report.notes
    chorale = next(p for p in CORPORA["bach-chorales"].enumerate() if p.piece_id == "bach/bwv269")
    for stem in ("bwv269", "bwv347"):
        files = {p.stem.split("~")[1]: p for p in report.paths if p.stem.split("~")[0] == stem}
        assert sorted(files) == ["b", "s", "sab", "satb", "sb", "stb"]
        notes = {texture: _notes(path) for texture, path in files.items()}
        assert notes["sb"] == notes["s"] | notes["b"]  # exactly the soprano and bass notes
        for texture in ("sab", "stb", "sb"):
            assert {n[:2] for n in notes[texture]} <= {n[:2] for n in notes["satb"]}
        most = {t: max(Counter(n[1] for n in notes[t]).values()) for t in notes}
        assert most == {"satb": 4, "sab": 3, "stb": 3, "sb": 2, "s": 1, "b": 1}
    soprano, _ = stream_to_notes(expand_repeats(chorale.load()).score, voices=("soprano",))
    assert {(n.pitch, n.start_beats, n.duration_beats) for n in soprano} == _notes(
        out / "chorale-melody" / "bwv269~s.mid"
    )


def test_a_chorale_with_two_soprano_parts_uses_the_first(default_pieces, tmp_path, monkeypatch):
    piece = next(p for p in default_pieces if p.piece_id == "bach/bwv27.6")  # Soprano 1, Soprano 2, A, T, B
    report = export_corpus(_only(monkeypatch, piece), tmp_path)
    assert (report.written, report.parts_left_out) == (6, 1)
    notes = {p.stem: _notes(p) for p in report.paths}
    assert notes["bwv27.6~sb"] == notes["bwv27.6~s"] | notes["bwv27.6~b"]
    assert max(Counter(n[1] for n in notes["bwv27.6~satb"]).values()) == 4


def test_export_is_the_same_bytes_again_and_with_worker_processes(default_export, tmp_path):
    out, first = default_export
    again = export_corpus("default", tmp_path, limit=2, jobs=2)
    assert [p.relative_to(tmp_path) for p in again.paths] == [p.relative_to(out) for p in first.paths]
    assert [p.read_bytes() for p in again.paths] == [p.read_bytes() for p in first.paths]
    assert (again.notes, again.repeats_expanded) == (first.notes, first.repeats_expanded)


@pytest.mark.parametrize(
    ("piece_id", "file", "as_written", "played_out", "grace"),
    [
        # O'Neill 964 "Paddy the Piper": three sections with pickups and grace notes, the
        # last in 9/8 after two in 6/8; no end-repeat has a start-repeat, and music21 moves
        # the last one before the final note when it splits a 9/8 bar.
        ("oneills1850/0951-0981.abc#X:964", "dance/oneill-0964.mid", 84, 168, 2),
        # Ryan's "Acacia Reel": a triplet pickup, grace notes, |: :| sections
        ("ryansMammoth/AcaciaReel.abc#X:1", "dance/ryan-AcaciaReel.mid", 32, 64, 14),
    ],
)
def test_abc_tunes_export_with_their_repeats_played_out(
    default_pieces, tmp_path, monkeypatch, piece_id, file, as_written, played_out, grace
):
    piece = next(p for p in default_pieces if p.piece_id == piece_id)
    report = export_corpus(_only(monkeypatch, piece), tmp_path)
    assert (report.written, report.repeats_expanded, report.repeats_not_expanded) == (1, 1, [])
    assert report.grace_notes_dropped == grace
    notes = read_midi(tmp_path / file).notes
    assert min(n.start_beats for n in notes) == 0  # the pickup starts the file
    assert max(n.end_beats for n in notes) == played_out
    score = piece.load()
    once, _ = stream_to_notes(score)
    assert score.highestTime == as_written and len(notes) == 2 * len(once)  # every section twice


@needs_music21
def test_first_and_second_endings_and_chord_symbols():
    # Nottingham's "Little Czech Number": |: A |1 :|2 | B :| C :| with "Am" chord symbols
    score = corpus._abc_loader(corpus._corpus_dir() / "nottingham-dataset" / "reelsa-c.abc", 81)()
    assert score.recurse().getElementsByClass("Harmony")
    expansion = expand_repeats(score)
    assert (expansion.expanded, expansion.implicit_starts) == (True, 2)
    notes, _ = stream_to_notes(expansion.score)
    assert max(n.end_beats for n in notes) == (1 + 28 + 3) + (1 + 28 + 4) + 2 * 16 + 2 * 16
    assert max(Counter(n.start_beats for n in notes).values()) == 1  # chord symbols are no notes


@needs_music21
def test_essen_is_for_evaluation_only_and_spans_collections(tmp_path):
    assert not is_trainable("essen") and is_trainable("default")
    pieces = CORPORA["essen"].enumerate()
    collections = Counter(r.folder for p in pieces for r in p.renderings)
    assert len(pieces) >= 500 and len(collections) >= 4 and min(collections.values()) >= 50
    assert len({p.stem for p in pieces}) == len(pieces)
    report = export_corpus("essen", tmp_path, limit=2)
    assert [p.relative_to(tmp_path).as_posix() for p in report.paths] == [
        "altdeu10/altdeu10-0001.mid",
        "altdeu10/altdeu10-0002.mid",
    ]
