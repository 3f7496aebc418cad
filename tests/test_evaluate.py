"""``osc-composer evaluate`` and ``generate --plot`` end to end, on a tiny random model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from osc_composer.cli import main
from osc_composer.evaluation.evaluate import update_card
from osc_composer.music.midi import write_midi
from osc_composer.music.notes import Note

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chorale_like(rng: np.random.Generator, beats: int = 56) -> list[Note]:
    """Four voices on C major's I, IV, V and vi, a chord every beat: long enough for a
    16-beat seed and 8 bars, and unmistakably in C major."""
    chords = ((0, 4, 7), (5, 9, 12), (7, 11, 14), (9, 12, 16))
    notes = []
    for beat in range(beats):
        root, third, fifth = chords[int(rng.integers(len(chords)))] if beat % 4 else chords[0]
        for pitch in (36 + root, 48 + fifth, 60 + third, 72 + int(rng.choice((root, third, fifth)))):
            notes.append(Note(pitch, 80, float(beat), 1.0))
    return notes


@pytest.fixture(scope="module")
def midi_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("midi")
    rng = np.random.default_rng(5)
    for index in range(8):
        write_midi(folder / f"piece{index}.mid", chorale_like(rng))
    return folder


@pytest.fixture(scope="module")
def seed_architecture_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article's network (one-hot → LSTM(128) → softmax), random weights."""
    import keras

    from osc_composer.model.files import ModelConfig, ModelMetadata, build_model, save_model
    from osc_composer.music.encoding import Vocabulary

    keras.utils.set_random_seed(3)
    config = ModelConfig(architecture="seed")
    path = tmp_path_factory.mktemp("seedarch") / "seed-arch.keras"
    save_model(path, build_model(Vocabulary(), config), ModelMetadata("seed-arch", Vocabulary(), config))
    return path


@pytest.fixture()
def model(small_model_path: Path, tmp_path: Path) -> Path:
    """A private copy: --update-card writes beside the model."""
    return Path(shutil.copytree(small_model_path, tmp_path / "small"))


def test_evaluate_reports_every_measure_in_range(
    model: Path, seed_architecture_model: Path, midi_dir: Path, tmp_path: Path
) -> None:
    report_path, plot_path = tmp_path / "report.json", tmp_path / "rolls.png"
    argv = ["evaluate", str(model), str(midi_dir), "--train-dir", str(midi_dir), "--continuations", "6"]
    argv += ["--json", str(report_path), "--plot", str(plot_path), "--update-card"]
    argv += ["--compare", str(seed_architecture_model)]
    assert main(argv) == 0
    report = json.loads(report_path.read_text())
    assert set(report) >= {"likelihood", "features", "copies", "in_key", "targets", "data", "command"}
    assert report["data"]["heldout"] == "the model's validation split"
    assert report["data"]["heldout_files"] + report["data"]["training_files"] == 8
    likelihood = report["likelihood"]
    assert 0 < likelihood["model"]["nll"] < 10 and 0 <= likelihood["model"]["accuracy"] <= 1
    assert likelihood["compare"][0]["name"] == "seed-arch" and 0 < likelihood["compare"][0]["nll"] < 10
    assert {row["name"] for row in likelihood["ngrams"]} >= {"1-gram", "4-gram"}
    assert likelihood["best_ngram"]["nll"] == min(row["nll"] for row in likelihood["ngrams"])
    # random weights cannot beat n-grams trained on the data
    assert likelihood["model"]["nll"] > likelihood["best_ngram"]["nll"]
    assert len(report["features"]) == 8
    for values in report["features"].values():
        assert 0 <= values["overlap"] <= 1 and values["kl_divergence"] >= 0
        assert 0 <= values["heldout_overlap"] <= 1
    assert report["copies"]["spans"] == 6 and 0 <= report["copies"]["fraction"] <= 1
    assert report["in_key"]["constrained"] == 1.0
    assert report["in_key"]["heldout"] > 0.8  # the pieces are in C major (the key finder may say F or G)
    targets = {row["target"]: row for row in report["targets"]}
    assert targets["in key when constrained"]["met"]
    assert not next(row for name, row in targets.items() if name.startswith("NLL below the best"))["met"]
    assert plot_path.read_bytes().startswith(PNG_SIGNATURE)

    card = (model / "README.md").read_text()
    assert card.count("## Evaluation") == 1 and "osc-composer evaluate" in card and "seed-arch" in card
    update_card(model, report)  # again: replaced, not appended
    card = (model / "README.md").read_text()
    assert card.count("## Evaluation") == 1 and card.startswith("# Model card: small")
    (model / "README.md").write_text("# Card\n\n## Evaluation\n\nold numbers\n\n## Notes\n\nkept\n")
    update_card(model, report)
    card = (model / "README.md").read_text()
    assert "old numbers" not in card and card.endswith("## Notes\n\nkept\n") and "| target |" in card


@pytest.mark.parametrize("which", ["lstm", "seed"])
def test_likelihood_matches_keras_cross_entropy(
    which: str, small_model_path: Path, seed_architecture_model: Path, midi_dir: Path
) -> None:
    from osc_composer.engine.generate import Engine
    from osc_composer.evaluation.evaluate import model_likelihood
    from osc_composer.model.files import load_model
    from osc_composer.music.encoding import notes_to_tokens
    from osc_composer.music.midi import read_midi
    from osc_composer.training.prepare import events_with_controls

    keras_model, metadata = load_model(small_model_path if which == "lstm" else seed_architecture_model)
    engine = Engine.from_keras(keras_model, metadata)
    pieces = [read_midi(midi_dir / f"piece{i}.mid").notes[:n] for i, n in ((0, 30), (1, 12))]
    # the lstm test model has controls: score with every control known (style 1 here)
    events = [events_with_controls(notes_to_tokens(p, metadata.vocabulary, bos=True), 1, p) for p in pieces]
    expected_nll, expected_events = 0.0, 0
    for rows in events:
        stream = rows[:, 0]
        inputs = rows[None, :-1] if metadata.config.controls else stream[None, :-1]
        outputs = np.asarray(keras_model(inputs.astype(np.int32)), np.float64)[0]
        if metadata.config.output == "logits":
            outputs = np.exp(outputs - outputs.max(axis=1, keepdims=True))
            outputs /= outputs.sum(axis=1, keepdims=True)
        expected_nll -= np.log(outputs[np.arange(len(stream) - 1), stream[1:]]).sum()
        expected_events += len(stream) - 1
    score = model_likelihood(engine, events, "x", controls="all")
    assert score.events == expected_events
    assert score.nll == pytest.approx(expected_nll / expected_events, rel=1e-4)
    assert score.notes == sum(len(p) for p in pieces) and score.nll_per_note > score.nll


def test_other_music_is_held_out_whole_and_baselines_learn_the_training_folder(
    model: Path, midi_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    rng = np.random.default_rng(11)
    for index in range(3):
        write_midi(other / f"song{index}.mid", chorale_like(rng))
    report_path = tmp_path / "report.json"
    argv = ["evaluate", str(model), str(other), "--train-dir", str(midi_dir), "--continuations", "3"]
    assert main([*argv, "--json", str(report_path), "--max-files", "2"]) == 0
    data = json.loads(report_path.read_text())["data"]
    assert data["heldout"] == "every file of the folder" and data["heldout_files"] == 2
    assert data["training_files"] == 7  # the model's training split of its own folder


def test_a_key_normalised_model_is_scored_on_moved_music_and_seeded_with_the_real_one(
    small_model_path: Path, midi_dir: Path, tmp_path: Path
) -> None:
    import dataclasses

    from osc_composer.evaluation.evaluate import EvaluationConfig, EvaluationError, evaluate, load_heldout
    from osc_composer.model.files import load_model, save_model
    from osc_composer.music.encoding import tokens_to_notes
    from osc_composer.music.notes import transpose_notes

    keras_model, metadata = load_model(small_model_path)
    metadata.config = dataclasses.replace(metadata.config, key_normalized=True)
    normalised = save_model(tmp_path / "normalised" / "model.keras", keras_model, metadata)
    d_major = tmp_path / "d-major"  # the C major pieces moved up a tone
    rng = np.random.default_rng(12)
    for index in range(3):
        write_midi(d_major / f"song{index}.mid", transpose_notes(chorale_like(rng), 2))

    data = load_heldout(d_major, metadata, midi_dir, EvaluationConfig())
    assert len(data.heldout) == len(data.music) == 3
    for (_, scored), (_, written) in zip(data.heldout, data.music, strict=True):
        assert tokens_to_notes(scored, metadata.vocabulary) == transpose_notes(
            tokens_to_notes(written, metadata.vocabulary), -2
        )
    config = EvaluationConfig(continuations=3, ngram_orders=(1, 2))
    report = evaluate(normalised, d_major, config=config, train_dir=midi_dir)
    assert report["data"]["key_normalized"]
    assert report["in_key"]["constrained"] == 1.0
    assert "moved to C major / A minor" in update_card(normalised, report).read_text()
    with pytest.raises(EvaluationError, match="not comparable"):
        evaluate(normalised, d_major, config=config, train_dir=midi_dir, compare=[small_model_path])


def test_evaluate_says_what_is_missing(model: Path, midi_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["evaluate", str(model), str(midi_dir)]) == 2  # the card's folder is "random weights"
    assert "--train-dir" in capsys.readouterr().err


def test_generate_plots_seed_and_continuation(model: Path, midi_dir: Path, tmp_path: Path) -> None:
    plot_path = tmp_path / "roll.png"
    argv = ["generate", "--seed", str(midi_dir / "piece0.mid"), "--out", str(tmp_path / "out.mid")]
    argv += ["--model", str(model), "--plot", str(plot_path), "--length-beats", "4", "--variations", "2"]
    assert main(argv) == 0
    assert plot_path.read_bytes().startswith(PNG_SIGNATURE)
    assert (tmp_path / "out-2.mid").exists()
