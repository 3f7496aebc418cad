"""What an evaluation report says: the targets it is checked against, the model card's section, the plot.

:func:`~osc_composer.evaluation.evaluate.evaluate` makes the report (a dict, written as JSON);
this module only reads it.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path
from typing import Any

from ..model.files import read_metadata, resolve_model_path
from ..music.notes import shift_notes

# --- targets (issues 8 and 12) -------------------------------------------------------------------
# on the model's own held-out files
TARGET_OVERLAP = 0.8
TARGET_OVERLAP_FEATURES = ("pitch_class_histogram", "inter_onset_interval", "note_length_histogram")
TARGET_NLL_BELOW_NGRAM = 0.20
# on music of a style the model never saw (another folder, held out whole)
TARGET_UNSEEN_OVERLAP = 0.6
TARGET_UNSEEN_OVERLAP_FEATURES = (
    "pitch_count",
    "note_density",
    "inter_onset_interval",
    "note_length_histogram",
)
TARGET_UNSEEN_NLL_BELOW_NGRAM = 0.10
TARGET_MAX_COPIES = 0.01
TARGET_MONOPHONIC = 0.95


def rounded(value: float | None) -> float | None:
    """A number as the report keeps it: 4 decimals."""
    return None if value is None else round(value, 4)


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the default model: the value, whether it is met, and the margin
    (positive = met with room to spare, negative = missed by that much). Values and margins
    with ``"unit": "%"`` are fractions shown as percentages."""
    likelihood = report["likelihood"]
    rows = []

    def add(
        name: str,
        goal: str,
        value: float | None,
        margin: float | None,
        met: bool | None = None,
        unit: str = "",
    ) -> None:
        if met is None:
            met = margin is not None and margin >= 0
        rows.append(
            {
                "target": name,
                "goal": goal,
                "value": rounded(value),
                "met": met,
                "margin": rounded(margin),
                "unit": unit,
            }
        )

    own = report["data"]["heldout"] == "the model's validation split"
    target_below = TARGET_NLL_BELOW_NGRAM if own else TARGET_UNSEEN_NLL_BELOW_NGRAM
    below = likelihood["nll_below_best_ngram"]
    best = likelihood["best_ngram"]
    needed = (1 - target_below) * best["nll"]
    add(
        f"NLL below the best n-gram ({best['name']}, {best['nll']:.4f})",
        f"≥ {target_below:.0%} (NLL ≤ {needed:.4f})",
        below,
        below - target_below,
        unit="%",
    )
    model = likelihood["model"]
    for other in likelihood["compare"]:
        # per note when the vocabularies differ (per-event NLLs of different events do not compare)
        key = "nll_per_note" if other["events"] != model["events"] else "nll"
        unit = "nats/note" if key == "nll_per_note" else "nats/event"
        mine, theirs = model[key], other[key]
        add(f"NLL below {other['name']} ({unit})", f"< {theirs:.4f}", mine, theirs - mine, theirs > mine)
    features = TARGET_OVERLAP_FEATURES if own else TARGET_UNSEEN_OVERLAP_FEATURES
    goal = TARGET_OVERLAP if own else TARGET_UNSEEN_OVERLAP
    for feature in features:
        overlap = report["features"][feature]["overlap"]
        ok = overlap is not None and not math.isnan(overlap)
        add(f"overlap: {feature}", f"≥ {goal}", overlap, overlap - goal if ok else None)
    mono = report.get("texture", {}).get("all", {})
    if mono.get("monophonic_fraction") is not None:
        fraction = mono["monophonic_fraction"]
        add(
            f"monophonic seeds answered monophonically ({mono['monophonic_seeds']} seeds)",
            f"≥ {TARGET_MONOPHONIC:.0%}",
            fraction,
            fraction - TARGET_MONOPHONIC,
            unit="%",
        )
    fraction = report["copies"]["fraction"]
    add(
        "verbatim 8-bar copies",
        "< 1%",
        fraction,
        TARGET_MAX_COPIES - fraction,
        fraction < TARGET_MAX_COPIES,
        unit="%",
    )
    keyed = report["in_key"]["constrained"]
    add("in key when constrained", "100%", keyed, None if keyed is None else keyed - 1.0, unit="%")
    return rows


def format_target(row: dict[str, Any], key: str, *, signed: bool = True) -> str:
    """A target's value or margin for people: percentages as such, margins signed
    (or as a distance, with ``signed=False``)."""
    number = row[key]
    if number is None:
        return "n/a"
    sign = "+" if key == "margin" and signed else ""
    number = number if signed else abs(number)
    if row.get("unit") == "%":
        return f"{100 * number:{sign}.1f}" + ("%" if key == "value" else " points")
    return f"{number:{sign}.4f}"


# --- model card ------------------------------------------------------------------------------------
def card_section(report: dict[str, Any]) -> str:
    """The "Evaluation" section of a model card: numbers, targets and the command."""
    likelihood = report["likelihood"]
    data = report["data"]
    lines = [
        f"Measured by `osc-composer evaluate` on {data['heldout_files']} held-out files "
        f"({data['heldout']} of `{data['midi_dir']}`, {data['heldout_events']:,} events); "
        f"n-grams trained on the model's {data['training_files']} training files.",
        *(
            [
                "",
                "The model reads music moved to C major / A minor, so every file is scored moved "
                "there (by the key heard in the whole file), and the n-grams learn from and are "
                "scored on the same moved files. Continuations are seeded with the music as "
                "written; the engine moves each seed itself and its continuation back.",
            ]
            if data.get("key_normalized")
            else []
        ),
        "",
        "```sh",
        report["command"] or "osc-composer evaluate …",
        "```",
        "",
        "| predictor | NLL (nats/event) | NLL (nats/note) | accuracy |",
        "|---|---|---|---|",
        _score_row(
            likelihood["model"],
            " (this model; voices and density of each file, style auto)"
            if likelihood.get("controls")
            else " (this model)",
        ),
    ]
    modes = {"auto": " (every control auto)", "all": " (its style told too)"}
    for mode, score in likelihood.get("controls", {}).items():
        lines.append(_score_row({**score, "name": likelihood["model"]["name"]}, modes.get(mode, "")))
    for other in likelihood["compare"]:
        lines.append(
            _score_row(
                other, " (its own vocabulary)" if other["events"] != likelihood["model"]["events"] else ""
            )
        )
    lines.append(_score_row(likelihood["best_ngram"], " (best n-gram)"))
    texture = report.get("texture")
    if texture:
        lines += [
            "",
            "Texture of the seeds, of the model's continuations (every control auto) and of the "
            "real continuations, per style (the file's folder): mean voices sounding at once / "
            "notes per beat; how many monophonic seeds got a monophonic answer; and the same "
            "with the engine's voice cap off (`auto` voices cap an answer at the seed's voices "
            "1-3): what the model does by itself.",
            "",
            "| style | continuations | seeds | model | real | monophonic answers | without the voice cap |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, row in texture.items():

            def pair(values: dict[str, float]) -> str:
                return f"{values['voices']:.2f} / {values['notes_per_beat']:.2f}"

            mono = (
                f"{row['monophonic_answered_monophonic']} of {row['monophonic_seeds']}"
                if row["monophonic_seeds"]
                else "–"
            )
            free = row.get("uncapped")
            by_itself = pair(free["generated"]) if free else "–"
            if free and row["monophonic_seeds"]:
                by_itself += f"; {free['monophonic_answered_monophonic']} of {row['monophonic_seeds']}"
            lines.append(
                f"| {name} | {row['count']} | {pair(row['seeds'])} | {pair(row['generated'])} | "
                f"{pair(row['heldout'])} | {mono} | {by_itself} |"
            )
    lines += [
        "",
        f"Musical statistics (Yang & Lerch 2018) of {report['continuations']['count']} generated "
        f"{report['continuations']['span_bars']}-bar continuations of held-out "
        f"{report['continuations']['seed_beats']:g}-beat seeds (temperature "
        f"{report['continuations']['temperature']:g}) against the real continuations:",
        "",
        "| feature | overlap | KL | overlap of real vs real (two halves) |",
        "|---|---|---|---|",
    ]
    for name, values in report["features"].items():
        ceiling = values.get("heldout_overlap")
        lines.append(
            f"| {name} | {values['overlap']:.3f} | {values['kl_divergence']:.3f} | "
            f"{'n/a' if ceiling is None else f'{ceiling:.3f}'} |"
        )
    copies, keys = report["copies"], report["in_key"]
    lines += [
        "",
        f"Verbatim copies of the training data: {copies['copied']} of {copies['spans']} generated "
        f"8-bar spans (the real held-out continuations: {copies['heldout_copied']} of {copies['spans']}). "
        f"Notes in the seed's key: {_percent(keys['unconstrained'])} unconstrained, "
        f"{_percent(keys['constrained'])} with the key constraint "
        f"(the real continuations: {_percent(keys['heldout'])}).",
        *(
            ["", f"![Held-out seeds, the model's continuations and the real pieces]({report['plot']})"]
            if report.get("plot")
            else []
        ),
        "",
        "| target | goal | value | met |",
        "|---|---|---|---|",
    ]
    for row in report["targets"]:
        verdict = "yes" if row["met"] else "**no**"
        if row["margin"] is not None:
            if row["met"]:
                verdict += f" (margin {format_target(row, 'margin')})"
            else:
                verdict += f" (missed by {format_target(row, 'margin', signed=False)})"
        lines.append(f"| {row['target']} | {row['goal']} | {format_target(row, 'value')} | {verdict} |")
    return "\n".join(lines)


def _score_row(score: dict[str, Any], note: str = "") -> str:
    per_note = score.get("nll_per_note")
    return (
        f"| {score['name']}{note} | {score['nll']:.4f} | "
        f"{'n/a' if per_note is None else f'{per_note:.4f}'} | {score['accuracy']:.3f} |"
    )


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def update_card(model: str | os.PathLike, report: dict[str, Any], title: str = "Evaluation") -> Path:
    """Write or replace the ``## Evaluation`` section of the model card beside the model file;
    the rest of the card is kept as it is (a missing card is rendered from the metadata)."""
    from ..training.card import render_card

    model_path = resolve_model_path(model)
    card = model_path.parent / "README.md"
    body = card_section(report)
    if not card.exists():
        card.write_text(render_card(read_metadata(model_path), extra_sections={title: body}))
        return card
    text = card.read_text()
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    card.write_text(text)
    return card


def plot_report(path: str | os.PathLike, report: dict[str, Any], count: int = 4) -> Path:
    """Piano rolls of the first ``count`` seeds with their generated continuations
    (the real continuation drawn as outlines)."""
    from .plot import PianoRoll, plot_piano_rolls

    excerpts, spans = report["_excerpts"]
    seed_beats = report["continuations"]["seed_beats"]
    rolls = [
        PianoRoll(
            item.seed,
            shift_notes(generated, seed_beats),
            title=f"{item.file}, from beat {item.start_beats:g}",
            origin_beats=seed_beats,
            reference=shift_notes(item.reference, seed_beats),
        )
        for item, generated in list(zip(excerpts, spans, strict=True))[:count]
    ]
    return plot_piano_rolls(path, rolls, title=f"{report['model']['name']}: held-out seeds, continued")


def public_report(report: dict[str, Any]) -> dict[str, Any]:
    """The report without what only plotting needs (what ``--json`` writes)."""
    return {k: v for k, v in report.items() if not k.startswith("_")}
