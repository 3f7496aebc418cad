"""Training on your own music: user errors as one line, fine-tuning from any model, serving
the result without a restart, Ctrl-C and --resume, and the window/batch fitting rules.

Every CLI test runs the real ``python -m osc_composer.cli`` in its own process.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO, start_server, stop_server
from rich.console import Console
from test_server import ClientProcess, P, Replies, has, msg, only, result_of
from test_train import TINY, run_cli, write_tiny_corpus

from osc_composer.model.builder import build_model, fold_pitch_classes
from osc_composer.model.files import load_model, read_metadata, save_model
from osc_composer.model.metadata import ModelConfig, ModelMetadata
from osc_composer.music.encoding import Vocabulary
from osc_composer.music.midi import write_midi
from osc_composer.music.notes import Note
from osc_composer.training.config import MIN_WINDOW, TrainConfig, TrainingError, fit_to_corpus
from osc_composer.training.train import transfer_weights

pytestmark = pytest.mark.slow
BUNDLED = sorted((REPO / "models").glob("*/model.keras"))


@pytest.fixture(scope="module")
def songs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight short songs and two broken files: a musician's folder."""
    return write_tiny_corpus(tmp_path_factory.mktemp("songs"), pieces=8, notes_per_piece=60)


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> str:
    """Exit status 2 and a single ``error:`` line naming what is wrong; never a traceback."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, lines
    message = " ".join(result.stderr.split("error:", 1)[1].split())  # rich may wrap the line
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_train_help_names_fine_tuning_and_every_default() -> None:
    result = run_cli("train", "--help")
    assert result.returncode == 0, result.stderr[-3000:]
    text = " ".join(result.stdout.split())
    assert "--from MODEL" in text and "fine-tune" in text and "--jobs" in text and "--cache-dir" in text
    assert f"default {TrainConfig.batch_size}" in text and f"{TrainConfig.holdout_tail:.0%}" in text


# --- user errors: one line each ----------------------------------------------------------------
def test_too_little_music_is_one_line(tmp_path: Path) -> None:
    write_midi(tmp_path / "music" / "short.mid", [Note(60 + i % 5, 90, i * 0.5, 0.5) for i in range(20)])
    result = run_cli("train", str(tmp_path / "music"), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, "too little music", "add MIDI files")


def test_explicit_sizes_too_large_for_the_music_say_which_options(songs: Path, tmp_path: Path) -> None:
    result = run_cli("train", str(songs), "--out", str(tmp_path / "out"), "--sequence-length", "512")
    assert_one_line_error(result, "--sequence-length 512", "leave both options out")


@pytest.mark.parametrize("content", ["empty", "text only", "missing"])
def test_a_folder_without_midi_is_one_line(tmp_path: Path, content: str) -> None:
    folder = tmp_path / "music"
    if content != "missing":
        folder.mkdir()
    if content == "text only":
        (folder / "notes.txt").write_text("not music")
    result = run_cli("train", str(folder), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, str(folder), "not a folder" if content == "missing" else "no MIDI files")


def test_an_unwritable_out_is_one_line(songs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")  # a path under a file cannot be created, even by root
    result = run_cli("train", str(songs), "--out", str(blocker / "mine"))
    assert_one_line_error(result, "--out", "cannot write there")


def test_a_spoilt_cache_is_one_line(songs: Path, tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "events.sqlite").write_text("not a database " * 20)
    result = run_cli(
        "train", str(songs), "--out", str(tmp_path / "o"), "--cache-dir", str(tmp_path / "cache")
    )
    assert_one_line_error(result, "cannot be used", "--no-cache")


@pytest.mark.parametrize(
    "kind", ["text file", "missing", "folder without a model", "keras without metadata", "broken weights"]
)
def test_a_from_that_is_not_a_model_is_one_line(
    songs: Path, small_model_path: Path, tmp_path: Path, kind: str
) -> None:
    base = tmp_path / "base"
    if kind == "text file":
        base = tmp_path / "base.keras"
        base.write_text("not a model")
    elif kind == "folder without a model":
        base.mkdir()
    elif kind == "keras without metadata":
        import zipfile

        base = tmp_path / "plain.keras"
        with zipfile.ZipFile(base, "w") as archive:
            archive.writestr("config.json", "{}")
    elif kind == "broken weights":  # the metadata reads, Keras cannot load the weights
        from test_server import _broken_copy

        base = tmp_path / "broken.keras"
        _broken_copy(small_model_path / "model.keras", base)
    result = run_cli("train", str(songs), "--from", str(base), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, "--from")


def test_architecture_options_with_from_are_one_line(
    songs: Path, small_model_path: Path, tmp_path: Path
) -> None:
    result = run_cli(
        "train", str(songs), "--from", str(small_model_path), "--out", str(tmp_path / "o"), "--units", "64"
    )
    assert_one_line_error(result, "--units", "keeps the vocabulary and architecture")


def test_fine_tuning_into_the_base_models_folder_is_refused(songs: Path, small_model_path: Path) -> None:
    result = run_cli("train", str(songs), "--from", str(small_model_path), "--out", str(small_model_path))
    assert_one_line_error(result, "base model's folder")


@pytest.fixture(scope="module")
def checkpointed(songs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-epoch tiny model with its checkpoint, to resume with the wrong options."""
    out = tmp_path_factory.mktemp("checkpointed") / "tiny"
    done = run_cli("train", str(songs), "--out", str(out), "--epochs", "1", *TINY)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (out / "checkpoint.keras").exists()
    return out


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (["--units", "32"], "units 24 → 32"),
        (["--steps-per-beat", "24"], "steps_per_beat 12 → 24"),
        (["--no-controls"], "controls True → False"),
        (["--architecture", "seed"], "architecture 'lstm' → 'seed'"),
        (["--from", "SMALL"], "trained from scratch, this run fine-tunes"),
    ],
)
def test_a_resume_that_does_not_match_the_checkpoint_is_one_line(
    songs: Path, checkpointed: Path, small_model_path: Path, change: list[str], fragment: str
) -> None:
    change = [str(small_model_path) if part == "SMALL" else part for part in change]
    # the last of a repeated option wins; --from takes no architecture options at all
    options = change if "--from" in change else [*TINY, *change]
    result = run_cli("train", str(songs), "--out", str(checkpointed), "--epochs", "2", "--resume", *options)
    assert_one_line_error(result, "--resume", fragment)
    assert json.loads((checkpointed / "train_state.json").read_text())["epoch"] == 1, "nothing trained"


def test_a_resume_in_a_folder_with_new_styles_is_one_line(
    songs: Path, checkpointed: Path, tmp_path: Path
) -> None:
    styled = tmp_path / "styled"
    shutil.copytree(songs, styled / "folk")  # a subfolder is a style: the controls change
    result = run_cli("train", str(styled), "--out", str(checkpointed), "--epochs", "2", "--resume", *TINY)
    assert_one_line_error(result, "--resume", "styles [] → ['folk']")


# --- fine-tuning -------------------------------------------------------------------------------
def _duration_base(folder: Path) -> Path:
    """A small model in the old duration vocabulary, without controls (like bach-chorales)."""
    vocab = Vocabulary(encoding="duration", max_duration_steps=96)
    config = ModelConfig(units=24, layers=2, embedding_dim=16, key_normalized=True)
    model = build_model(vocab, config)
    for layer in model.layers:  # shared tables nonzero, so the folded file differs from the own weights
        layer.set_weights([np.random.default_rng(3).normal(0, 0.1, w.shape) for w in layer.get_weights()])
    metadata = ModelMetadata("old", vocab, config, training={"corpus": {"folder": "random"}})
    return save_model(folder / "old" / "model.keras", model, metadata)


def _bases(tmp_path: Path, small_model_path: Path) -> list[Path]:
    return [small_model_path / "model.keras", _duration_base(tmp_path), *BUNDLED]


def test_the_fine_tuning_model_starts_exactly_where_its_base_is(
    small_model_path: Path, tmp_path: Path
) -> None:
    """Every bundled model and both vocabularies: the training model (with pitch-class layers
    where the base was trained with them) computes the base model's logits before any step."""
    for path in _bases(tmp_path, small_model_path):
        base, metadata = load_model(path)
        model = build_model(metadata.vocabulary, metadata.config)
        transfer_weights(model, base)
        rng = np.random.default_rng(0)
        ids = rng.integers(2, metadata.vocabulary.size, size=(2, 40)).astype("int32")
        if metadata.config.controls:
            sizes = metadata.config.control_sizes
            controls = np.stack([rng.integers(0, n, size=(2, 40)) for n in sizes], -1).astype("int32")
            ids = np.concatenate([ids[..., None], controls], -1)
        expected = np.asarray(base(ids, training=False))
        np.testing.assert_allclose(
            np.asarray(model(ids, training=False)), expected, atol=1e-5, err_msg=str(path)
        )
        if metadata.config.pitch_classes and metadata.config.architecture == "lstm":
            assert len(model.weights) > len(base.weights), f"{path}: trains with its pitch-class tables"
        folded = fold_pitch_classes(model, metadata.vocabulary, metadata.config)
        for mine, theirs in zip(folded.weights, base.weights, strict=True):
            np.testing.assert_allclose(mine.numpy(), theirs.numpy(), atol=1e-6)


def test_fine_tuning_keeps_the_base_and_reports_broken_files(
    songs: Path, small_model_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "mine"
    result = run_cli("train", str(songs), "--from", str(small_model_path), "--out", str(out), "--epochs", "3")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "truncated.mid" in result.stderr and "notes.txt.mid" in result.stderr
    base, mine = read_metadata(small_model_path), read_metadata(out)
    assert mine.vocabulary == base.vocabulary and mine.config == base.config
    assert mine.training["fine_tuned_from"]["name"] == "small"
    settings = mine.training["config"]
    assert settings["learning_rate"] < TrainConfig.learning_rate, "a lower rate than training's"
    assert settings["sequence_length"] <= TrainConfig.sequence_length
    assert "base_val_loss" in mine.metrics
    card = (out / "README.md").read_text()
    assert "## Fine-tuning" in card and "Fine-tuned from **small**" in card
    assert "2 skipped as unreadable" in card


def test_a_subfolder_named_like_a_base_style_trains_as_that_style(tmp_path: Path) -> None:
    from osc_composer.training.prepare import prepare_corpus
    from osc_composer.training.records import ReadSettings

    tune = [Note(60 + (i * 7) % 12, 90, i * 0.5, 0.5) for i in range(80)]
    for name in ("dance/a.mid", "mine/b.mid", "c.mid", "dance/d.mid", "mine/e.mid"):
        write_midi(tmp_path / name, tune[: 40 + len(name)])
    corpus = prepare_corpus(
        tmp_path, ReadSettings(Vocabulary()), validation_percent=0.0, styles=("chorale", "dance")
    )
    assert corpus.styles == ("chorale", "dance")
    assert set(np.unique(corpus.train[:, 1]).tolist()) == {0, 2}  # dance → 2, the rest auto


def test_with_fewer_than_five_files_the_last_part_of_each_is_held_out(tmp_path: Path) -> None:
    from osc_composer.training.prepare import HOLDOUT_TAIL, prepare_corpus, split_tail
    from osc_composer.training.records import ReadSettings

    notes = [Note(60 + i % 7, 90, i * 0.5, 1.0) for i in range(100)]
    head, tail, cut = split_tail(notes, 0.15)
    assert cut == int(cut) and 40 <= cut <= 44
    assert len(head) + len(tail) == len(notes)
    assert max(n.end_beats for n in head) <= cut, "nothing of the tail sounds in the head"
    for index in range(3):
        write_midi(tmp_path / f"song{index}.mid", notes)
    corpus = prepare_corpus(
        tmp_path, ReadSettings(Vocabulary()), validation_percent=10.0, holdout_tail=0.15, min_files_by_file=5
    )
    assert corpus.holdout == HOLDOUT_TAIL and corpus.files == 3
    assert corpus.train_files == corpus.validation_files
    assert 0.1 < len(corpus.validation) / (len(corpus.train) + len(corpus.validation)) < 0.25


def test_fine_tuning_three_songs_stops_early_on_their_last_bars(
    small_model_path: Path, tmp_path: Path
) -> None:
    folder = write_tiny_corpus(tmp_path / "three", pieces=3, notes_per_piece=90)
    out = tmp_path / "three-songs"
    result = run_cli(
        "train", str(folder), "--from", str(small_model_path), "--out", str(out), "--epochs", "3"
    )
    assert result.returncode == 0, result.stderr[-3000:]
    metadata = read_metadata(out)
    assert metadata.training["holdout"] == "tail" and metadata.training["files_train"] == 3
    assert "val_loss" in metadata.metrics, "the held-out tails drove early stopping"
    assert "each trained on its first 85%, the last 15% held out" in (out / "README.md").read_text()

    # evaluate scores what training held out: the three tails, not whole files it trained on
    from osc_composer.evaluation.evaluate import EvaluationConfig, load_heldout
    from osc_composer.music.encoding import tokens_to_notes
    from osc_composer.music.midi import read_midi

    data = load_heldout(folder, metadata, folder, EvaluationConfig())
    assert len(data.heldout) == 3
    assert {name for name, _ in data.heldout} == {name for name, _ in data.training}, "their heads train"
    for name, events in data.heldout:
        held = len(tokens_to_notes(events[:, 0].tolist(), metadata.vocabulary))
        share = held / len(read_midi(folder / name).notes)
        assert 0.08 < share < 0.25, f"{name}: {share:.0%} of its notes held out, not its last 15%"


def test_fine_tuning_interrupted_with_ctrl_c_resumes_from_its_checkpoint(
    songs: Path, small_model_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "interrupted"
    command = ["train", str(songs), "--from", str(small_model_path), "--out", str(out)]
    process = subprocess.Popen(
        [sys.executable, "-m", "osc_composer.cli", *command, "--epochs", "200", "--patience", "200"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    state_path = out / "train_state.json"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not state_path.exists() and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr[-3000:]
    assert "Traceback" not in stderr and "--resume to continue" in " ".join(stderr.split())
    epochs = json.loads(state_path.read_text())["epoch"]
    assert 1 <= epochs < 200
    resumed = run_cli(*command, "--epochs", str(epochs + 1), "--patience", "200", "--resume")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert f"resuming after epoch {epochs}" in resumed.stderr
    history = json.loads(state_path.read_text())["history"]
    assert [h["epoch"] for h in history] == list(range(1, epochs + 2))
    assert read_metadata(out).training["fine_tuned_from"]["name"] == "small"


# --- serving it at once ------------------------------------------------------------------------
def test_a_fine_tuned_model_is_served_without_a_restart(
    songs: Path, small_model_path: Path, tmp_path: Path
) -> None:
    """The issue's whole path: a folder with broken files → fine-tuned into the server's
    models folder while it runs → listed, switched to and answering over real UDP."""
    models = tmp_path / "models"
    shutil.copytree(small_model_path, models / "small")
    running = start_server(models / "small", tmp_path / "server.log", "--models-dir", str(models))
    replies = Replies(running.reply_port)
    client = ClientProcess(running.port)
    try:
        client.send(msg(P + "/models"))
        listed = {r.args[0] for r in only(replies.wait(has("/model/available")), "/model/available")}
        assert listed == {"small"}
        done = run_cli("train", str(songs), "--from", "small", "--out", str(models / "mine"), "--epochs", "2",
                       env={"OSC_COMPOSER_MODELS": str(models)})  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        replies.drain()
        client.send(msg(P + "/models"))
        got = replies.wait(has("/model/available", count=2))
        assert {r.args[0]: r.args[1] for r in only(got, "/model/available")} == {"small": 1, "mine": 0}
        client.send(msg(P + "/model", "mine"))
        replies.wait(has("/model/loaded", "mine"))
        client.send(msg(P + "/seed/pitches", 60, 62, 64, 65, 67), msg(P + "/generate", 77, "length", 4.0))
        assert result_of(replies, 77).length == 4.0
    finally:
        client.close()
        replies.close()
        stop_server(running)


# --- fitting windows and batches to the music --------------------------------------------------
def test_a_large_corpus_keeps_the_configured_windows_and_batches() -> None:
    config = TrainConfig()
    assert fit_to_corpus(config, 6_000_000) == config


def test_a_small_corpus_gets_shorter_windows_and_smaller_batches() -> None:
    fitted = fit_to_corpus(TrainConfig(), 1_800)
    assert fitted.sequence_length == MIN_WINDOW
    windows = (1_800 - 1) // (MIN_WINDOW + 1)
    assert fitted.batch_size * 8 <= windows and fitted.batch_size >= 1


def test_fitting_refuses_too_little_music_and_sizes_it_was_told_not_to_change() -> None:
    with pytest.raises(TrainingError, match="too little music"):
        fit_to_corpus(TrainConfig(), 200)
    with pytest.raises(TrainingError, match="--batch-size 64"):
        fit_to_corpus(TrainConfig(fit_to_corpus=False), 5_000)


# --- progress ----------------------------------------------------------------------------------
def _report_a_run(console: Console) -> None:
    from osc_composer.training.prepare import PreparedCorpus
    from osc_composer.training.reporting import RichTrainingReporter
    from osc_composer.training.train import TrainState

    reporter = RichTrainingReporter(console)
    for done in range(1, 4):
        reporter.files_progress(done, 3, 1)
    empty = np.zeros((0, 4), np.int16)
    reporter.corpus_loaded(PreparedCorpus(empty, empty, ["a.mid"], ["b.mid"], [], (), 0))
    config = TrainConfig(epochs=3)
    reporter.training_started(config, 4, 0, 1000)
    state = TrainState()
    for epoch in (1, 2):
        reporter.epoch_started(epoch, config.epochs)
        for step in range(1, 5):
            reporter.batch_done(step, 2.5, 12_345.0)
        state.epoch = epoch
        reporter.epoch_done(state, {"loss": 2.5, "val_loss": 2.4}, 3.0, True)
    reporter.interrupted(state, Path("models/mine"))


def test_off_a_terminal_training_reports_a_plain_line_per_epoch() -> None:
    console = Console(file=io.StringIO(), force_terminal=False, width=100)
    _report_a_run(console)
    text = console.file.getvalue()
    assert "\x1b[" not in text and "reading MIDI" not in text, "no escape codes, no bars in a log"
    assert "read 3/3 MIDI files" in text
    epochs = [line for line in text.splitlines() if line.startswith("epoch ")]
    assert len(epochs) == 2 and "12,345 events/s" in epochs[0] and "left" in epochs[0]
    assert "epoch 2 is in models/mine; run the same command with --resume" in " ".join(text.split())


def test_on_a_terminal_training_shows_a_bar_with_events_per_second_and_time_left() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=160, color_system=None)
    _report_a_run(console)
    text = console.file.getvalue()
    assert "reading MIDI" in text and "files/s" in text, "the bar of files read"
    bars = [line for line in re.split(r"[\r\n]", text) if line.startswith("\x1b[2Kepoch 2/3 ")]
    assert bars and "loss 2.500  12,345 events/s" in bars[-1]
    assert re.search(r"left \d+:\d\d:\d\d$", bars[-1]), bars[-1]


def test_the_card_of_a_fine_tuned_model_shows_base_songs_settings_and_the_nll_table() -> None:
    from osc_composer.training.card import render_card

    settings = {"sequence_length": 32, "batch_size": 6, "learning_rate": 0.0005, "schedule": "cosine"}
    training = {
        "files_train": 7,
        "files_validation": 1,
        "files_skipped": 4,
        "holdout": "by file",
        "config": {**settings, "epochs": 20, "patience": 4},
        "fine_tuned_from": {"name": "mixture", "path": "models/mixture/model.keras", "files": ["a"] * 8},
    }
    metadata = ModelMetadata(
        "mine",
        Vocabulary(),
        ModelConfig(controls=True, styles=("air", "dance")),
        training=training,
        metrics={"val_loss": 1.2, "base_val_loss": 1.8, "best_epoch": 5, "epochs_trained": 9},
    )
    card = render_card(metadata)
    section = card.split("## Fine-tuning", 1)[1]
    assert "Fine-tuned from **mixture**" in section and "`air`, `dance`" in section
    assert "8 readable: 7 trained on, 1 held out (by file); 4 skipped" in section
    assert "windows of 32 events, batches of 6, learning rate 0.0005" in section
    assert "| `mixture` (base, before fine-tuning) | 1.800 |" in section
    assert "| this model (fine-tuned) | 1.200 |" in section
    training["fine_tuned_from"]["comparison"] = [
        {"model": "base", "nll_note": 3.5, "nll_event": 1.2, "notes": 91},
        {"model": "from scratch", "nll_note": 9.7, "nll_event": 3.2, "notes": 91},
    ]
    section = render_card(metadata).split("## Fine-tuning", 1)[1]
    assert "| model | nats/note | nats/event | notes scored |" in section
    assert "| from scratch | 9.700 | 3.200 | 91 |" in section
