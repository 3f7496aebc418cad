"""osc_composer.corpus: the corpus table, conversion rules and .mid export."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from osc_composer import corpus
from osc_composer.corpus import (
    CORPORA,
    MUSIC21_CORPUS_LICENSE,
    MUSIC21_CORPUS_STATUS,
    CorpusDependencyError,
    CorpusPiece,
    CorpusSpec,
    UnknownCorpusError,
    corpus_terms,
    export_corpus,
    stream_to_notes,
)
from osc_composer.midi import read_midi

needs_music21 = pytest.mark.skipif(
    importlib.util.find_spec("music21") is None, reason="music21 not installed"
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- the table ----------------------------------------------------------------------------


def test_table_has_the_two_sets_and_not_the_restricted_ones():
    assert {"bach-chorales", "oneill-1850"} <= set(CORPORA)
    for name, spec in CORPORA.items():
        assert spec.name == name
        assert spec.description and "\n" not in spec.description
        assert spec.pieces_from and spec.terms
        text = f"{spec.source} {spec.pieces_from}".lower()
        assert "essen" not in text and "palestrina" not in text
        assert corpus_terms(name).startswith(f"{name}: ")
        assert MUSIC21_CORPUS_STATUS in corpus_terms(name)


@needs_music21
def test_license_quotes_match_the_installed_music21():
    import music21

    license_txt = Path(music21.__file__).parent / "corpus" / "license.txt"
    text = _squash(license_txt.read_text(encoding="utf-8"))
    assert _squash(MUSIC21_CORPUS_LICENSE) in text
    assert _squash(MUSIC21_CORPUS_STATUS) in text


def test_unknown_corpus_name_is_a_clear_error(tmp_path):
    with pytest.raises(UnknownCorpusError, match=r"unknown corpus 'essen'.*bach-chorales.*oneill-1850"):
        export_corpus("essen", tmp_path)
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
