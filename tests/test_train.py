"""Training: corpus loading, the tf.data pipeline, resume, strategies, and the CLI end to end."""

from __future__ import annotations

import json
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from osc_composer.model.files import read_metadata
from osc_composer.music.encoding import NOTE_OFF, PITCH, Vocabulary, notes_to_tokens
from osc_composer.music.midi import read_midi, write_midi
from osc_composer.music.notes import Note, transpose_notes
from osc_composer.training.prepare import events_with_controls, is_validation_file, load_corpus, split_groups
from osc_composer.training.train import TrainConfig, is_chief, make_dataset

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
TINY = [
    "--units",
    "24",
    "--layers",
    "1",
    "--embedding-dim",
    "8",
    "--batch-size",
    "8",
    "--sequence-length",
    "24",
]


def write_tiny_corpus(folder: Path, pieces: int = 10, notes_per_piece: int = 90) -> Path:
    """Scale melodies over a bass line, plus two broken files."""
    rng = random.Random(3)
    folder.mkdir(parents=True, exist_ok=True)
    scale = [0, 2, 4, 5, 7, 9, 11]
    for index in range(pieces):
        notes, beat = [], 0.0
        for step in range(notes_per_piece):
            duration = rng.choice([0.5, 1.0])
            notes.append(Note(60 + scale[rng.randrange(7)], rng.choice([70, 100]), beat, duration))
            if step % 4 == 0:
                notes.append(Note(48 + scale[rng.randrange(7)], 80, beat, 2.0))
            beat += duration
        write_midi(folder / f"piece{index:02d}.mid", notes)
    (folder / "truncated.mid").write_bytes((folder / "piece00.mid").read_bytes()[:40])
    (folder / "notes.txt.mid").write_text("not midi at all")
    return folder


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "osc_composer.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_corpus(tmp_path_factory.mktemp("corpus"))


def test_corpus_loading_reports_and_skips_broken_files(corpus_dir: Path) -> None:
    seen: list[tuple[str, str | None]] = []
    corpus = load_corpus(corpus_dir, Vocabulary(), on_file=lambda p, e: seen.append((p.name, e)))
    assert sorted(name for name, _ in corpus.skipped) == ["notes.txt.mid", "truncated.mid"]
    assert len(corpus.train) + len(corpus.validation) == 10
    assert corpus.validation, "at least one file is held out"
    assert {n for n, _ in corpus.train}.isdisjoint({n for n, _ in corpus.validation})
    assert sum(1 for _, error in seen if error) == 2


def test_validation_split_is_by_file_and_stable() -> None:
    names = [f"folder/piece{i}.mid" for i in range(2000)]
    held_out = [n for n in names if is_validation_file(n, 10.0)]
    assert 150 < len(held_out) < 250
    assert held_out == [n for n in names if is_validation_file(n, 10.0)]


def test_dataset_windows_are_next_event_pairs_from_the_stream() -> None:
    vocab = Vocabulary()
    notes = [Note(p, 90, i * 0.5, 0.5) for i, p in enumerate([0, 127, 60, 64, 67] * 40)]
    stream = notes_to_tokens(notes, vocab, bos=True)
    config = TrainConfig(batch_size=4, sequence_length=16, transpose=5)
    batches = list(make_dataset(stream, vocab, config, training=False))
    first_inputs, first_targets = batches[0]
    np.testing.assert_array_equal(first_inputs.numpy()[0], stream[:16])
    np.testing.assert_array_equal(first_targets.numpy()[0], stream[1:17])
    for inputs, targets in make_dataset(stream, vocab, config, training=True).take(20):
        np.testing.assert_array_equal(inputs.numpy()[:, 1:], targets.numpy()[:, :-1])
        assert inputs.numpy().min() >= 0 and inputs.numpy().max() < vocab.size


def test_transposition_moves_whole_windows_by_one_interval_within_range() -> None:
    vocab = Vocabulary()
    notes = [Note(60 + (i % 5), 90, i * 0.5, 0.5) for i in range(400)]
    stream = notes_to_tokens(notes, vocab, bos=True)
    config = TrainConfig(batch_size=1, sequence_length=32, transpose=5, seed=9)
    intervals = set()
    for inputs, _ in make_dataset(stream, vocab, config, training=True).take(40):
        tokens = inputs.numpy()[0]
        pitches = (
            tokens[(tokens >= vocab.pitch_offset) & (tokens < vocab.duration_offset)] - vocab.pitch_offset
        )
        assert set(pitches - pitches.min()) == {0, 1, 2, 3, 4}, "the window keeps its shape"
        intervals.add(int(pitches.min()) - 60)
    assert intervals <= set(range(-5, 6))
    assert len(intervals) > 3, "random transposition should vary between windows"


def test_note_offs_move_with_their_note_ons_and_controls_are_hidden_in_some_windows() -> None:
    vocab = Vocabulary()
    notes = [Note(60 + (i % 5), 90, i * 0.5, 0.5) for i in range(400)]
    events = events_with_controls(notes_to_tokens(notes, vocab, bos=True), 2, notes)
    assert events[0, 1:].tolist() == [2, 1, 3]  # style 2, one voice, eighth notes
    config = TrainConfig(batch_size=1, sequence_length=32, transpose=5, seed=9, control_dropout=0.5)
    hidden = set()
    for inputs, targets in make_dataset(events, vocab, config, training=True, controls=True).take(60):
        rows = inputs.numpy()[0]
        np.testing.assert_array_equal(rows[1:, 0], targets.numpy()[0, :-1])
        on = rows[:, 0][vocab.kinds[rows[:, 0]] == PITCH] - vocab.pitch_offset
        off = rows[:, 0][vocab.kinds[rows[:, 0]] == NOTE_OFF] - vocab.note_off_offset
        assert set(off) <= set(range(on.min() - 1, on.max() + 1)) | set(on), "offs moved with the ons"
        for column in range(3):
            values = set(rows[:, 1 + column].tolist())
            assert len(values) == 1, "a window hides a control everywhere or nowhere"
            hidden.add((column, values == {0}))
    assert {(c, True) for c in range(3)} <= hidden and {(c, False) for c in range(3)} <= hidden


def test_files_share_a_side_by_piece_and_by_melody() -> None:
    tune = [Note(60 + (i * 7) % 12, 90, i * 0.5, 0.5) for i in range(40)]
    other = [Note(60 + (i * 5) % 12, 90, i * 0.5, 0.5) for i in range(40)]
    files = [
        ("chorale/bwv1~satb.mid", other),
        ("chorale-melody/bwv1~s.mid", other[:30]),
        ("air/aird-0423.mid", tune),
        ("dance/oneill-0450.mid", transpose_notes(tune, 3)),  # the same tune in another book
        ("dance/ryan-Other.mid", [Note(60, 90, 0.0, 1.0)]),
    ]
    groups = split_groups(files)
    assert groups["chorale/bwv1~satb.mid"] == groups["chorale-melody/bwv1~s.mid"] == "bwv1"
    assert groups["air/aird-0423.mid"] == groups["dance/oneill-0450.mid"]
    assert groups["dance/ryan-Other.mid"] == "dance/ryan-Other.mid"


def test_velocity_shift_moves_whole_windows_by_one_offset_within_range() -> None:
    vocab = Vocabulary()
    notes = [Note(60, (30, 50, 70, 90)[i % 4], i * 0.5, 0.5) for i in range(400)]
    stream = notes_to_tokens(notes, vocab, bos=True)
    config = TrainConfig(batch_size=1, sequence_length=32, transpose=0, velocity_shift=8, seed=3)
    original = sorted({vocab.velocity_to_bin(v) for v in (30, 50, 70, 90)})
    offsets = set()
    for inputs, _ in make_dataset(stream, vocab, config, training=True).take(40):
        tokens = inputs.numpy()[0]
        is_velocity = (tokens >= vocab.velocity_offset) & (tokens < vocab.pitch_offset)
        bins = sorted(set((tokens[is_velocity] - vocab.velocity_offset).tolist()))
        assert len(bins) == 4, "every 32-event window holds all four velocities"
        offset = bins[0] - original[0]
        assert bins == [b + offset for b in original], "one offset moves every velocity of the window"
        assert abs(offset) <= 8 and bins[0] >= 0 and bins[-1] < vocab.velocity_bins
        offsets.add(offset)
    assert len(offsets) > 3, "random velocity shifts should vary between windows"


def test_seed_architecture_trains_and_runs_in_the_engine(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed-arch"
    done = run_cli(
        "train", str(corpus_dir), "--out", str(out), "--epochs", "1", "--architecture", "seed", *TINY
    )
    assert done.returncode == 0, done.stderr[-3000:]
    from osc_composer.engine.loader import load_engine
    from osc_composer.model.files import load_model

    engine = load_engine(str(out))
    model, metadata = load_model(out)
    assert metadata.config.architecture == "seed"
    tokens = np.asarray([1, 40, 100, 170, 260, 80, 170])
    probabilities = np.asarray(model(tokens[None].astype(np.int32), training=False))[0]
    logits = engine.logits(tokens)
    mine = np.exp(logits - logits.max(1, keepdims=True))
    np.testing.assert_allclose(mine / mine.sum(1, keepdims=True), probabilities, atol=1e-5)


def test_cli_train_reports_broken_files_then_generate_uses_the_model(
    corpus_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "mine"
    result = run_cli("train", str(corpus_dir), "--out", str(out), "--epochs", "1", *TINY)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "truncated.mid" in result.stderr and "notes.txt.mid" in result.stderr
    assert (out / "model.keras").exists() and (out / "README.md").exists()
    card = (out / "README.md").read_text()
    assert "osc-composer train" in card and "val_loss" in card
    metadata = read_metadata(out)
    assert metadata.config.pitch_classes and "pitch-class sharing" in card
    # key normalisation is the default, and then random transposition is off
    assert metadata.config.key_normalized and metadata.training["config"]["transpose"] == 0
    generated = tmp_path / "continued.mid"
    result = run_cli(
        "generate",
        "--model",
        str(out),
        "--seed",
        str(corpus_dir / "piece01.mid"),
        "--out",
        str(generated),
        "--length-beats",
        "8",
        "--variations",
        "2",
        "--random-seed",
        "5",
        "--scale",
        "major",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for index in (1, 2):
        notes = read_midi(tmp_path / f"continued-{index}.mid").notes
        assert notes, "a continuation has notes"
        assert max(n.end_beats for n in notes) <= 8 + 1e-6
        assert all(n.pitch % 12 in (0, 2, 4, 5, 7, 9, 11) for n in notes)


def test_resume_continues_from_the_checkpoint_without_redoing_epochs(
    corpus_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "resumable"
    first = run_cli("train", str(corpus_dir), "--out", str(out), "--epochs", "1", *TINY)
    assert first.returncode == 0, first.stderr[-3000:]
    state = json.loads((out / "train_state.json").read_text())
    assert state["epoch"] == 1
    second = run_cli("train", str(corpus_dir), "--out", str(out), "--epochs", "2", "--resume", *TINY)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "resuming after epoch 1" in second.stderr
    state = json.loads((out / "train_state.json").read_text())
    assert [h["epoch"] for h in state["history"]] == [1, 2]


def test_training_killed_mid_epoch_resumes_from_its_last_checkpoint(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "osc_composer.cli",
            "train",
            str(corpus_dir),
            "--out",
            str(out),
            "--epochs",
            "30",
            "--patience",
            "30",
            *TINY,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    state_path = out / "train_state.json"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not state_path.exists():
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert state_path.exists(), "no checkpoint was written before the kill"
    epochs_done = json.loads(state_path.read_text())["epoch"]
    assert 1 <= epochs_done < 30
    resumed = run_cli(
        "train",
        str(corpus_dir),
        "--out",
        str(out),
        "--epochs",
        str(epochs_done + 1),
        "--resume",
        "--patience",
        "30",
        *TINY,
    )
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    history = json.loads(state_path.read_text())["history"]
    assert [h["epoch"] for h in history] == list(range(1, epochs_done + 2))


def readme_recipes() -> tuple[list[str], dict, list[str]]:
    """The README's scale-out recipes as written: the mirrored command, and the multi-worker
    TF_CONFIG with its command (so the tests below run what users are told to run)."""
    section = (REPO / "README.md").read_text().split("#### More devices", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    mirrored = shlex.split(blocks[0].strip())
    export, command = blocks[1].strip().splitlines()
    tf_config = json.loads(shlex.split(export.split("=", 1)[1])[0])
    return mirrored, tf_config, shlex.split(command)


def recipe_args(command: list[str], corpus: Path, out: Path) -> list[str]:
    """A README command on the test corpus and a temporary --out, after ``osc-composer``."""
    assert command[:2] == ["osc-composer", "train"] and command[3] == "--out", command
    return ["train", str(corpus), "--out", str(out), *command[5:]]


def test_the_readme_mirrored_recipe_trains_on_two_logical_cpu_devices(
    corpus_dir: Path, tmp_path: Path
) -> None:
    mirrored, _, _ = readme_recipes()
    assert "--strategy" in mirrored and "mirrored" in mirrored
    out = tmp_path / "mirrored"
    result = run_cli(
        *recipe_args(mirrored, corpus_dir, out),
        "--cpu-devices",
        "2",
        "--epochs",
        "1",
        "--no-pitch-classes",
        "--no-key-normalize",
        *TINY,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "strategy mirrored" in " ".join(result.stderr.split())
    metadata = read_metadata(out)
    assert not metadata.config.pitch_classes and not metadata.config.key_normalized
    assert metadata.training["config"]["transpose"] == 5  # the music as written, transposed at random


def test_the_readme_multiworker_recipe_trains_with_two_worker_processes(
    corpus_dir: Path, tmp_path: Path
) -> None:
    from conftest import free_udp_port  # TCP ports: pick from the free range the same way

    _, tf_config, command = readme_recipes()
    assert tf_config["task"] == {"type": "worker", "index": 0}
    workers = len(tf_config["cluster"]["worker"])
    cluster = {"worker": [f"localhost:{free_udp_port()}" for _ in range(workers)]}
    processes = []
    for index in range(workers):
        env = {
            **os.environ,
            "TF_CONFIG": json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}}),
        }
        arguments = recipe_args(command, corpus_dir, tmp_path / f"w{index}")
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "osc_composer.cli", *arguments, "--epochs", "2", *TINY],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                cwd=REPO,
                env=env,
            )
        )
    outputs = [p.communicate(timeout=600)[0] for p in processes]
    for process, output in zip(processes, outputs, strict=False):
        assert process.returncode == 0, output[-3000:]
    # only the chief (worker 0) writes the model
    assert (tmp_path / "w0" / "model.keras").exists()
    assert not (tmp_path / "w1" / "model.keras").exists()
    history = json.loads((tmp_path / "w0" / "train_state.json").read_text())["history"]
    assert len(history) == 2 and history[1]["loss"] < history[0]["loss"]


def test_chief_is_worker_zero_or_the_chief_task(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TF_CONFIG", raising=False)
    assert is_chief()
    cluster = {"worker": ["a:1", "b:2"]}
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": cluster, "task": {"type": "worker", "index": 1}}))
    assert not is_chief()
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": cluster, "task": {"type": "worker", "index": 0}}))
    assert is_chief()
    with_chief = {"chief": ["c:3"], **cluster}
    monkeypatch.setenv(
        "TF_CONFIG", json.dumps({"cluster": with_chief, "task": {"type": "worker", "index": 0}})
    )
    assert not is_chief()


def test_a_folder_without_usable_files_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "bad.mid").write_bytes(b"MThd")
    result = run_cli("train", str(tmp_path), "--out", str(tmp_path / "out"), "--epochs", "1", *TINY)
    assert result.returncode != 0
    assert "no readable MIDI files" in result.stderr
