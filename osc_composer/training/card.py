"""Model cards: the human-readable README.md written beside every trained model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model.files import ModelMetadata
from .prepare import HOLDOUT_TAIL


def render_card(metadata: ModelMetadata, *, extra_sections: dict[str, str] | None = None) -> str:
    """Markdown describing a model: data, terms, command, architecture, metrics."""
    training = metadata.training
    corpus: dict[str, Any] = training.get("corpus", {})
    config = metadata.config
    metrics = metadata.metrics
    lines = [f"# Model card: {metadata.name}", ""]
    lines += [
        "## Data",
        "",
        f"- Source: {corpus.get('description', corpus.get('folder', 'unknown'))}",
    ]
    if corpus.get("name"):
        lines.append(f"- Corpus: `{corpus['name']}` (exported with `osc-composer corpus {corpus['name']}`)")
    if training.get("holdout") == HOLDOUT_TAIL:
        tail = training.get("config", {}).get("holdout_tail", 0)
        files = (
            f"- Files: {training.get('files_train', '?')}, each trained on its first {1 - tail:.0%} with "
            f"the last {tail:.0%} held out, {training.get('files_skipped', 0)} skipped as unreadable"
        )
    else:
        files = (
            f"- Files: {training.get('files_train', '?')} for training, "
            f"{training.get('files_validation', '?')} held out (split by file), "
            f"{training.get('files_skipped', 0)} skipped as unreadable"
        )
    lines += [
        files,
        f"- Events: {training.get('events_train', 0):,} training, "
        f"{training.get('events_validation', 0):,} held out",
        "",
        "## Terms",
        "",
        corpus.get("terms", "The user's own files; their terms apply."),
        "",
        "## How it was made",
        "",
        "```sh",
        *(_export_commands(corpus) if corpus.get("name") else []),
        *([training["command"]] if training.get("command") else []),
        "```",
        "",
        f"Trained on {training.get('date', '?')} in {metadata.metrics.get('training_seconds', '?')} s "
        f"on {training.get('machine', '?')}.",
        "",
        f"TensorFlow {training.get('tensorflow', '?')}, Keras {training.get('keras', '?')}; "
        f"{training.get('parameters', 0):,} parameters.",
        "",
        "## Architecture",
        "",
    ]
    if config.architecture == "seed":
        lines.append(
            "The seed article's network: one-hot input → LSTM(128, return_sequences=True) → Dense softmax."
        )
    else:
        lines.append(
            f"Embedding({metadata.vocabulary.size}, {config.embedding_dim}) → {config.layers} × "
            f"LSTM({config.units}) with dropout {config.dropout} → Dense({metadata.vocabulary.size}) logits."
        )
        if config.pitch_classes:
            lines.append(
                "\nTrained with pitch-class sharing: each PITCH token's embedding and output weights "
                "were its own plus ones shared by its pitch class and by its octave, folded into the "
                "plain Embedding and Dense of this file when it was saved."
            )
    if config.controls:
        styles = ", ".join(f"`{name}`" for name in config.styles) or "none (one folder)"
        lines.append(
            "\nConditioned on three controls, each embedded and added to every event's embedding: "
            f"**style** (the training folder's first-level subfolders: {styles}), **voices** "
            "(notes sounding at once, 1–4+) and **density** (note onsets per beat, five classes), "
            "measured per file. Each was hidden (`auto`) in "
            f"{training.get('config', {}).get('control_dropout', '?')} of the training windows, so "
            "the model also infers them from the music; `auto` voices and density are the seed's own."
        )
    if config.key_normalized:
        lines.append(
            "\nKey-normalised: every training file was moved to C major / A minor (by the key "
            "the Krumhansl-Schmuckler algorithm hears in it); the engine moves each seed there "
            "(by the key asked for, else the seed's own) and the continuation back."
        )
    lines += [
        "",
        f"Vocabulary: {metadata.vocabulary.size} events, {metadata.vocabulary.encoding} encoding, "
        f"{metadata.vocabulary.steps_per_beat} grid steps per beat "
        f"(`{json.dumps(metadata.vocabulary.to_dict())}`).",
        "",
        "Training settings: `" + json.dumps(training.get("config", {}), sort_keys=True) + "`",
        "",
        "## Metrics (held-out files)",
        "",
        "| metric | value |",
        "|---|---|",
    ]
    for key in (
        "val_loss",
        "val_accuracy",
        "loss",
        "accuracy",
        "best_epoch",
        "epochs_trained",
        "training_seconds",
    ):
        if key in metrics:
            lines.append(f"| {key} | {metrics[key]} |")
    lines += ["", "Loss is cross-entropy in nats per event; accuracy is next-event top-1 accuracy.", ""]
    if training.get("fine_tuned_from"):
        lines += fine_tuning_section(metadata)
    for title, body in (extra_sections or {}).items():
        lines += [f"## {title}", "", body.strip(), ""]
    return "\n".join(lines)


def fine_tuning_section(metadata: ModelMetadata) -> list[str]:
    """The card's account of a fine-tuned model: its base, the songs, the settings and the
    held-out likelihood before and after (and any comparison a benchmark added)."""
    training, metrics, config = metadata.training, metadata.metrics, metadata.config
    base = training["fine_tuned_from"]
    settings = training.get("config", {})
    files = int(training.get("files_train", 0))
    if training.get("holdout") == HOLDOUT_TAIL:
        split = (
            f"each trained on its first {1 - settings.get('holdout_tail', 0):.0%}, the last "
            f"{settings.get('holdout_tail', 0):.0%} held out (too few files to hold any out whole)"
        )
    else:
        split = f"{files} trained on, {training.get('files_validation', 0)} held out (by file)"
    skipped = int(training.get("files_skipped", 0))
    base_corpus = base.get("corpus", {})
    source = base_corpus.get("description") or base_corpus.get("name") or base_corpus.get("folder", "?")
    styles = ", ".join(f"`{name}`" for name in config.styles)
    lines = [
        "## Fine-tuning",
        "",
        f"Fine-tuned from **{base['name']}** (its corpus: {source.rstrip('.')}). "
        f"It keeps the base model's vocabulary ({metadata.vocabulary.size} events, "
        f"{metadata.vocabulary.encoding} encoding), architecture and key normalisation"
        + (
            f", and its styles ({styles}): songs in a subfolder named like one of them trained as "
            "that style, all others as `auto`."
            if config.controls
            else "."
        ),
        "",
        "| | |",
        "|---|---|",
        f"| base model | `{base['name']}` (`{base.get('path', '?')}`) |",
        f"| songs | {len(base.get('files', []))} readable: {split}; {skipped} skipped as unreadable |",
        f"| settings | windows of {settings.get('sequence_length', '?')} events, batches of "
        f"{settings.get('batch_size', '?')}, learning rate {settings.get('learning_rate', '?')} "
        f"({settings.get('schedule', '?')}), at most {settings.get('epochs', '?')} epochs, early stopping "
        f"after {settings.get('patience', '?')} without improvement |",
        f"| result | best epoch {metrics.get('best_epoch', '?')} of "
        f"{metrics.get('epochs_trained', '?')} trained, "
        f"{metrics.get('training_seconds', '?')} s of training |",
        "",
        "Held-out music, negative log-likelihood (lower is better):",
        "",
    ]
    rows = base.get("comparison") or [
        {"model": f"`{base['name']}` (base, before fine-tuning)", "nll_event": metrics.get("base_val_loss")},
        {"model": "this model (fine-tuned)", "nll_event": metrics.get("val_loss")},
    ]
    # per note first: it compares models whose vocabularies differ (per event does not)
    columns = [("nll_note", "nats/note"), ("nll_event", "nats/event"), ("notes", "notes scored")]
    shown = [(key, title) for key, title in columns if any(row.get(key) is not None for row in rows)]
    lines += ["| model | " + " | ".join(title for _, title in shown) + " |"]
    lines += ["|---|" + "---|" * len(shown)]
    for row in rows:
        values = [row.get(key) for key, _ in shown]
        cells = ["" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v) for v in values]
        lines.append(f"| {row['model']} | " + " | ".join(cells) + " |")
    lines += [
        "",
        base.get("comparison_note", "Per event, on the held-out music above (validation loss)."),
        "",
    ]
    return lines


def _export_commands(corpus: dict[str, Any]) -> list[str]:
    export = f"osc-composer corpus {corpus['name']} {corpus.get('folder', '')}".strip()
    return ['pip install -e ".[corpus]"', export]


def write_card(folder: str | Path, metadata: ModelMetadata, **kwargs: Any) -> Path:
    path = Path(folder) / "README.md"
    path.write_text(render_card(metadata, **kwargs))
    return path
