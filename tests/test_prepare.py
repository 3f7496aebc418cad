"""Reading a folder for training: in parallel, cached by content, streamed; never a different
result for the same files (evaluation relies on the split and the style numbering)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from test_train import write_tiny_corpus

from osc_composer.music.encoding import Vocabulary
from osc_composer.music.midi import write_midi
from osc_composer.music.notes import Note
from osc_composer.training.prepare import (
    Corpus,
    ReadSettings,
    load_corpus,
    open_store,
    prepare_corpus,
    read_folder,
)

SETTINGS = {"key_normalized": True, "time_stretch": True}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two styles, one piece in two textures (they must share a side), files at the top,
    broken files, and a duplicate: enough for the pool (64 files) to be used."""
    root = tmp_path_factory.mktemp("music")
    write_tiny_corpus(root / "dance", pieces=40, notes_per_piece=40)
    write_tiny_corpus(root / "air", pieces=30, notes_per_piece=30)
    write_midi(root / "chorale" / "bwv1~satb.mid", [Note(60 + i % 9, 80, i, 1.0) for i in range(60)])
    write_midi(root / "chorale" / "bwv1~s.mid", [Note(72 + i % 9, 80, i, 1.0) for i in range(60)])
    write_midi(root / "top.mid", [Note(50 + i % 4, 80, i / 2, 0.5) for i in range(50)])
    shutil.copy(root / "dance" / "piece03.mid", root / "air" / "copy-of-piece03.mid")
    return root


def distinct_contents(folder: Path) -> int:
    return len({path.read_bytes() for path in folder.rglob("*.mid")})


def same(first: Corpus, second: Corpus) -> bool:
    def flat(corpus: Corpus) -> list:
        return [
            [(name, events.tolist()) for name, events in side] for side in (corpus.train, corpus.validation)
        ] + [corpus.skipped, corpus.styles, corpus.stretched]

    return flat(first) == flat(second)


def test_parallel_and_cached_reading_give_exactly_the_same_corpus(folder: Path, tmp_path: Path) -> None:
    vocab = Vocabulary()
    plain = load_corpus(folder, vocab, **SETTINGS)
    assert plain.validation and plain.skipped and plain.stretched
    assert plain.styles == ("air", "chorale", "dance")
    sides = {name: side for side in ("train", "validation") for name, _ in getattr(plain, side)}
    assert sides["chorale/bwv1~satb.mid"] == sides["chorale/bwv1~s.mid"], "one piece, one side"
    parallel = load_corpus(folder, vocab, jobs=2, cache_dir=tmp_path, **SETTINGS)
    assert same(plain, parallel)
    heard: list[tuple[int, int, int]] = []
    settings = ReadSettings(vocab, False, True, True)
    store = open_store(tmp_path)
    try:
        read_folder(folder, settings, store, jobs=2, on_progress=lambda *a: heard.append(a))
    finally:
        store.close()
    files, contents = heard[-1][1], distinct_contents(folder)
    assert contents < files, "some files are copies of others: each content is read once"
    assert heard[-1] == (files, files, contents), "all from the cache"
    assert same(plain, load_corpus(folder, vocab, jobs=2, cache_dir=tmp_path, **SETTINGS))


def test_a_changed_file_is_read_again_and_other_settings_are_cached_apart(
    folder: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "music"
    shutil.copytree(folder, copy)
    cache = tmp_path / "cache"
    load_corpus(copy, Vocabulary(), cache_dir=cache, **SETTINGS)
    write_midi(copy / "top.mid", [Note(40, 80, i, 1.0) for i in range(70)])
    changed = load_corpus(copy, Vocabulary(), cache_dir=cache, **SETTINGS)
    assert same(changed, load_corpus(copy, Vocabulary(), **SETTINGS))
    other = load_corpus(copy, Vocabulary(encoding="duration"), cache_dir=cache, **SETTINGS)
    assert same(other, load_corpus(copy, Vocabulary(encoding="duration"), **SETTINGS))


def test_streams_on_disk_equal_the_files_end_to_end(folder: Path, tmp_path: Path) -> None:
    """What training reads (memory-mapped from the cache) is load_corpus's files in order."""
    vocab = Vocabulary()
    corpus = load_corpus(folder, vocab, **SETTINGS)
    settings = ReadSettings(vocab, False, True, True)
    streamed = prepare_corpus(
        folder, settings, validation_percent=10.0, cache_dir=tmp_path, in_memory_events=0
    )
    assert isinstance(streamed.train, np.memmap)
    for side in ("train", "validation"):
        expected = np.concatenate([events for _, events in getattr(corpus, side)])
        np.testing.assert_array_equal(getattr(streamed, side), expected)
    assert streamed.train_files == [name for name, _ in corpus.train[: len(streamed.train_files)]]
    again = prepare_corpus(folder, settings, validation_percent=10.0, cache_dir=tmp_path, in_memory_events=0)
    assert again.train.filename == streamed.train.filename, "a rerun reuses the stream file"
    assert again.cached_files == distinct_contents(folder)
