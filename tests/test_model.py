"""Model files: metadata travels inside the .keras archive and bad files fail clearly."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from osc_composer.model.files import (
    METADATA_MEMBER,
    ModelConfig,
    ModelFileError,
    ModelMetadata,
    build_model,
    fold_pitch_classes,
    list_models,
    load_model,
    read_metadata,
    read_saved_layers,
    save_model,
)
from osc_composer.music.encoding import DURATION_ENCODING, Vocabulary


def test_metadata_is_readable_without_importing_tensorflow(small_model_path: Path) -> None:
    code = (
        "import sys; from osc_composer.model.files import read_metadata; "
        f"m = read_metadata({str(small_model_path)!r}); "
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules, 'TF was imported'; "
        "print(m.name, m.vocabulary.size, m.config.units)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["small", str(Vocabulary().size), "32"]


def test_save_and_load_round_trip_keeps_weights_and_metadata(tmp_path: Path) -> None:
    vocab = Vocabulary(steps_per_beat=24)
    config = ModelConfig(units=16, layers=1, embedding_dim=8, dropout=0.1)
    model = build_model(vocab, config)
    metadata = ModelMetadata("roundtrip", vocab, config, training={"command": "x"}, metrics={"val_loss": 1.5})
    path = save_model(tmp_path / "m" / "model.keras", model, metadata)
    loaded, loaded_meta = load_model(path.parent)
    tokens = np.random.default_rng(0).integers(0, vocab.size, (2, 12))
    np.testing.assert_allclose(model(tokens).numpy(), loaded(tokens).numpy(), atol=1e-6)
    assert loaded_meta.vocabulary == vocab
    assert loaded_meta.config == config
    assert loaded_meta.metrics == {"val_loss": 1.5}
    assert loaded_meta.training["command"] == "x"


def test_seed_architecture_is_one_hot_lstm128_softmax() -> None:
    vocab = Vocabulary()
    model = build_model(vocab, ModelConfig(architecture="seed"))
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["InputLayer", "Embedding", "LSTM", "Dense"]
    one_hot = model.get_layer("one_hot")  # a frozen identity: each event is its one-hot vector
    assert not one_hot.trainable
    np.testing.assert_array_equal(one_hot.embeddings.numpy(), np.eye(vocab.size))
    assert model.get_layer("lstm_1").units == 128
    probabilities = model(np.array([[1, 5, 9]])).numpy()
    np.testing.assert_allclose(probabilities.sum(-1), 1.0, rtol=1e-5)


def test_pitch_class_layers_share_weights_and_are_saved_folded(tmp_path: Path) -> None:
    import keras

    vocab = Vocabulary(encoding=DURATION_ENCODING)  # one block of pitches: 12 shared classes
    config = ModelConfig(units=16, layers=1, embedding_dim=8, dropout=0.0, pitch_classes=True)
    model = build_model(vocab, config)
    embedding, dense = model.get_layer("embedding"), model.get_layer("next_token")
    assert type(embedding).__name__ == "PitchClassEmbedding" and type(dense).__name__ == "PitchClassDense"
    rng = np.random.default_rng(3)
    # only the shared pitch-class vectors set: every C gets one vector, every C# another,
    # and tokens that are not pitches get nothing from them
    embedding.embeddings.assign(np.zeros((vocab.size, 8), "float32"))
    embedding.pitch_class_embeddings.assign(rng.normal(size=(12, 8)).astype("float32"))
    table = np.asarray(embedding.table())
    c4, c5, cs4 = (vocab.pitch_token(p) for p in (60, 72, 61))
    np.testing.assert_array_equal(table[c4], table[c5])
    assert not np.allclose(table[c4], table[cs4])
    assert not table[vocab.shift_token(3)].any() and not table[vocab.velocity_token(5)].any()
    # the same for the output weights: a pitch-class bias raises every pitch of that class
    dense.pitch_class_bias.assign(np.eye(12, dtype="float32")[0] * 5)
    _, bias = dense.effective()
    raised = {token for token in range(vocab.size) if np.asarray(bias)[token] == 5}
    assert raised == {vocab.pitch_token(p) for p in range(0, 128, 12)}

    for layer in (embedding, dense):  # every training weight nonzero, so folding is exercised
        for weight in layer.weights:
            weight.assign(rng.normal(scale=0.1, size=weight.shape).astype("float32"))
    tokens = rng.integers(0, vocab.size, (2, 12))
    expected = model(tokens).numpy()
    np.testing.assert_allclose(fold_pitch_classes(model, vocab, config)(tokens).numpy(), expected, atol=1e-5)

    path = save_model(tmp_path / "pc" / "model.keras", model, ModelMetadata("pc", vocab, config))
    _, layers = read_saved_layers(path)
    assert [layer.class_name for layer in layers] == ["InputLayer", "Embedding", "LSTM", "Dense"]
    loaded, metadata = load_model(path)
    assert metadata.config.pitch_classes
    np.testing.assert_allclose(loaded(tokens).numpy(), expected, atol=1e-5)
    from osc_composer.engine.loader import load_engine

    logits = load_engine(str(path)).logits(tokens[0])
    np.testing.assert_allclose(logits, expected[0], atol=1e-4)
    # a training checkpoint keeps the pitch-class layers and loads in safe mode
    model.save(tmp_path / "checkpoint.keras")
    restored = keras.saving.load_model(tmp_path / "checkpoint.keras", safe_mode=True)
    np.testing.assert_allclose(restored(tokens).numpy(), expected, atol=1e-6)


def test_model_files_from_before_pitch_classes_read_as_trained_without_them() -> None:
    stored = asdict(ModelConfig(units=16, layers=1))
    del stored["pitch_classes"]
    assert ModelConfig.from_dict(stored).pitch_classes is False
    assert ModelConfig.from_dict({**stored, "pitch_classes": True}).pitch_classes is True


def test_unknown_architecture_and_bad_hyperparameters_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown architecture"):
        ModelConfig(architecture="transformer")
    with pytest.raises(ValueError):
        ModelConfig(dropout=1.5)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not a .keras model file"),
        (b"this is not a zip", "not a .keras model file"),
    ],
)
def test_damaged_model_files_raise_model_file_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.keras"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=reason) as info:
        load_model(path)
    assert "bad.keras" in str(info.value)


def test_missing_file_and_keras_file_without_metadata(tmp_path: Path, small_model_path: Path) -> None:
    with pytest.raises(ModelFileError, match="no such model file"):
        read_metadata(tmp_path / "nothing.keras")
    stripped = tmp_path / "plain.keras"
    with (
        zipfile.ZipFile(small_model_path / "model.keras") as source,
        zipfile.ZipFile(stripped, "w") as target,
    ):
        for item in source.infolist():
            if item.filename != METADATA_MEMBER:
                target.writestr(item, source.read(item.filename))
    with pytest.raises(ModelFileError, match="without osc-composer metadata"):
        load_model(stripped)


def test_truncated_archive_fails_without_loading(tmp_path: Path, small_model_path: Path) -> None:
    data = (small_model_path / "model.keras").read_bytes()
    path = tmp_path / "cut.keras"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError):
        load_model(path)


def test_vocabulary_mismatch_is_detected(tmp_path: Path, small_model_path: Path) -> None:
    path = tmp_path / "mismatch.keras"
    shutil.copy(small_model_path / "model.keras", path)
    metadata = read_metadata(path)
    metadata.vocabulary = Vocabulary(velocity_bins=8)
    with zipfile.ZipFile(small_model_path / "model.keras") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            if item.filename != METADATA_MEMBER:
                target.writestr(item, source.read(item.filename))
        target.writestr(METADATA_MEMBER, metadata.to_json())
    with pytest.raises(ModelFileError, match="predicts"):
        load_model(path)


def test_list_models_finds_folders_and_files_and_ignores_junk(tmp_path: Path, small_model_path: Path) -> None:
    shutil.copytree(small_model_path, tmp_path / "alpha")
    shutil.copy(small_model_path / "model.keras", tmp_path / "beta.keras")
    (tmp_path / "junk.keras").write_bytes(b"nope")
    assert sorted(list_models(tmp_path)) == ["alpha", "beta"]


def test_bundled_default_model_has_a_card_and_matching_metadata() -> None:
    from osc_composer.model.paths import default_model_path

    folder = default_model_path()
    metadata = read_metadata(folder)
    assert metadata.vocabulary.size == Vocabulary().size
    assert metadata.metrics.get("val_loss") is not None
    card = (folder / "README.md").read_text()
    for heading in ("## Data", "## Terms", "## How it was made", "## Metrics"):
        assert heading in card
    assert "osc-composer train" in card
