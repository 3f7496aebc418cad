"""``osc-composer evaluate``: a model against n-gram baselines and the held-out music.

What is measured, all on held-out files (files the model never trained on):

* **likelihood**: negative log-likelihood per event (nats) and next-event accuracy of the
  model, of every n-gram baseline (orders 1–4, interpolated modified Kneser-Ney, trained on
  the model's training split with and without the model's transpositions) and optionally
  of a second model. Every scorer predicts the same targets: each event after ``BOS``;
* **musical statistics** (Yang & Lerch 2018): excerpts of the held-out files seed the
  model; its continuations and the real continuations of the same seeds are compared
  feature by feature (overlap of distance distributions, KL divergence);
* **verbatim copies**: how many generated 8-bar spans occur in the training data;
* **in key**: the fraction of generated notes in the seed's key (Krumhansl-Schmuckler),
  without and with the key/scale constraint of :class:`~osc_composer.engine.params.SamplingParams`.

The split is the one training made (:func:`osc_composer.training.prepare.is_validation_file` with the
model's ``validation_percent``), so "held out" means the model's own validation files.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..engine.generate import Engine, GenerationRequest
from ..engine.lstm import LstmState, lstm_step
from ..engine.params import SamplingParams
from ..model.files import read_metadata, resolve_model_path
from ..model.metadata import ModelMetadata
from ..music.encoding import PITCH, Vocabulary, tokens_to_notes
from ..music.notes import Note
from ..music.texture import measure_texture, most_sounding
from ..music.theory import infer_key
from ..training.config import TrainConfig
from ..training.prepare import HOLDOUT_TAIL, Corpus, load_corpus, style_of
from ..training.records import default_cache_dir
from .musicstats import CopyIndex, compare_sets, excerpt, excerpt_features, in_key_ratio
from .ngram import augment_transpositions, fit_ngrams, score_ngrams
from .report import check_targets, rounded

BEATS_PER_BAR = 4  # the corpora are overwhelmingly in 4/4; "8 bars" means 32 beats
NGRAM_ORDERS = (1, 2, 3, 4)
LIKELIHOOD_BATCH = 64  # held-out streams run through the LSTM side by side


class EvaluationError(ValueError):
    """The evaluation cannot run as asked (no held-out music, no training corpus, …)."""


@dataclass(frozen=True)
class EvaluationConfig:
    """How much to measure; the defaults finish in minutes on two cores for the default model."""

    seed: int = 0
    max_files: int | None = None  # held-out files used (a seeded sample); None = all
    continuations: int = 100  # generated continuations (and as many real ones)
    seed_beats: float = 4.0 * BEATS_PER_BAR  # excerpt given to the model
    span_bars: int = 8  # length compared and checked for copies
    temperature: float = 1.0
    ngram_orders: tuple[int, ...] = NGRAM_ORDERS

    @property
    def span_beats(self) -> float:
        return float(self.span_bars * BEATS_PER_BAR)


@dataclass
class HeldOut:
    """The files scored and the files the baselines learn from."""

    midi_dir: Path
    training_dir: Path
    same_folder: bool  # True: held out = the model's validation split of midi_dir
    # events (n, 4): ids and control classes, as in train.Corpus
    heldout: list[tuple[str, np.ndarray]]  # as the model reads them (key-normalised if it is)
    training: list[tuple[str, np.ndarray]]  # likewise
    music: list[tuple[str, np.ndarray]]  # the held-out files as written (seeds for continuations)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Excerpt:
    """A seed from a held-out file and the real continuation after it (both from beat 0)."""

    file: str
    start_beats: float
    seed: list[Note]
    reference: list[Note]


# --- data ----------------------------------------------------------------------------------
def training_folder(
    metadata: ModelMetadata,
    model_path: Path,
    override: str | os.PathLike | None,
    on_progress: Any = None,
) -> Path:
    """The folder the model was trained on: ``override``, or the card's folder as given
    (relative to the working directory) or relative to the repository holding
    ``models/NAME``; failing those, a model trained on a named corpus (a bundled model)
    gets that corpus rebuilt by ``osc-composer corpus`` into the user's cache, once."""
    if override is not None:
        folder = Path(override)
        if not folder.is_dir():
            raise EvaluationError(f"{folder}: not a folder")
        return folder
    corpus = metadata.training.get("corpus", {})
    recorded = corpus.get("folder")
    if not recorded:
        raise EvaluationError("the model's metadata names no training folder: give --train-dir")
    candidates = [Path(recorded)]
    if not Path(recorded).is_absolute():
        candidates.append(model_path.parent.parent.parent / recorded)  # repo/models/NAME/model.keras
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    name = corpus.get("name")
    if name:
        return rebuilt_corpus(str(name), on_progress)
    raise EvaluationError(
        f"the model was trained on {recorded!r}, which is not here: give --train-dir "
        "(the n-gram baselines and the copy check learn from the model's training files)"
    )


def corpus_cache() -> Path:
    """Where rebuilt training corpora are kept: ``corpora`` in the cache folder training uses
    (:func:`~osc_composer.training.records.default_cache_dir`, by default ``~/.cache/osc-composer``)."""
    return default_cache_dir() / "corpora"


def rebuilt_corpus(name: str, on_progress: Any = None) -> Path:
    """The named corpus exported into :func:`corpus_cache` (a rerun only does what is missing)."""
    from ..training.corpus import UnknownCorpusError, export_corpus
    from ..training.scores import CorpusDependencyError

    folder = corpus_cache() / name
    if on_progress is not None:
        on_progress(f"rebuilding the training corpus {name!r} in {folder} (once; minutes)")
    try:
        report = export_corpus(name, folder)
    except (CorpusDependencyError, UnknownCorpusError) as exc:
        raise EvaluationError(
            f"the model's training corpus is not here and cannot be rebuilt: {exc}"
        ) from None
    except OSError as exc:
        raise EvaluationError(f"cannot rebuild the training corpus in {folder}: {exc}") from None
    if not report.written and not report.existing:
        raise EvaluationError(f"rebuilding the corpus {name!r} gave no files")
    return folder


def load_heldout(
    midi_dir: str | os.PathLike,
    metadata: ModelMetadata,
    training_dir: Path,
    config: EvaluationConfig,
) -> HeldOut:
    """Held-out and training streams, split exactly as training split them."""
    midi_dir = Path(midi_dir)
    if not midi_dir.is_dir():
        raise EvaluationError(f"{midi_dir}: not a folder")
    settings = metadata.training.get("config", {})
    percent = float(settings.get("validation_percent", 10.0))
    # a model trained on too few files to hold any out whole held out the end of each
    tail_split = {}
    if metadata.training.get("holdout") == HOLDOUT_TAIL:
        tail_split = {
            "holdout_tail": float(settings.get("holdout_tail", TrainConfig.holdout_tail)),
            "min_files_by_file": int(settings.get("min_files_by_file", TrainConfig.min_files_by_file)),
        }
    drums = bool(settings.get("include_drums", False))
    vocab = metadata.vocabulary
    styles = metadata.config.styles
    # a folder inside the training folder (one style of it, say): its files' held-out split
    inside = midi_dir.resolve().is_relative_to(training_dir.resolve())
    prefix = midi_dir.resolve().relative_to(training_dir.resolve()).as_posix() + "/" if inside else ""
    prefix = "" if prefix == "./" else prefix

    def read(normalized: bool) -> tuple[Corpus, list[tuple[str, np.ndarray]], list[tuple[str, str]]]:
        # read as training reads: one process per core, records cached (a second run parses nothing)
        common = {
            "include_drums": drums,
            "key_normalized": normalized,
            "styles": styles,
            "jobs": os.cpu_count() or 1,
            "cache_dir": default_cache_dir(),
        }
        own = load_corpus(training_dir, vocab, validation_percent=percent, **tail_split, **common)
        if inside:
            return own, [f for f in own.validation if f[0].startswith(prefix)], own.skipped
        other = load_corpus(midi_dir, vocab, validation_percent=0.0, **common)
        return own, other.train + other.validation, other.skipped

    own, heldout, skipped = read(metadata.config.key_normalized)
    if not heldout:
        raise EvaluationError(f"{midi_dir}: no readable held-out MIDI files")
    if not own.train:
        raise EvaluationError(f"{training_dir}: no readable training files")
    # continuations are seeded with the music as written: the engine does its own normalising
    music = heldout
    if metadata.config.key_normalized:
        written = dict(read(False)[1])
        music = [(name, written[name]) for name, _ in heldout]
    if config.max_files is not None and len(heldout) > config.max_files:
        chosen = sorted(
            np.random.default_rng(config.seed).choice(len(heldout), config.max_files, replace=False)
        )
        heldout, music = [heldout[i] for i in chosen], [music[i] for i in chosen]
    return HeldOut(midi_dir, training_dir, inside, heldout, own.train, music, skipped)


def cut_excerpts(
    files: Sequence[tuple[str, np.ndarray]], vocab: Vocabulary, config: EvaluationConfig
) -> list[Excerpt]:
    """``config.continuations`` seeds with their real continuations, starting on beats
    4, 8, 12 … of their files, drawn at random, the styles of a mixture in turn.

    Files too short for seed + span are left out; files are cycled so every long-enough
    file contributes before any contributes twice, and a file repeats a start only when it
    has run out of them.
    """
    rng = np.random.default_rng(config.seed)
    total = config.seed_beats + config.span_beats
    pieces = []
    for name, events in files:
        notes = tokens_to_notes(events[:, 0], vocab)
        last_start = max((n.start_beats for n in notes), default=0.0)
        bars = int((last_start - total) // BEATS_PER_BAR) + 1  # bar lines where an excerpt still fits
        if notes and bars > 0:
            pieces.append((name, notes, rng.permutation(bars)))
    # the files in a seeded random order, taking the styles (first-level folders) in turn,
    # so the continuations cover every part of a mixture alike, not the first folder's files
    order = rng.permutation(len(pieces))
    by_style: dict[str, list] = {}
    for index in order:
        by_style.setdefault(style_of(pieces[index][0]) or "", []).append(pieces[index])
    queues = list(by_style.values())
    pieces = [
        queue[i]
        for i in range(max((len(q) for q in queues), default=0))
        for queue in queues
        if i < len(queue)
    ]
    if not pieces:
        raise EvaluationError(
            f"no held-out file is long enough for a {config.seed_beats:g}-beat seed "
            f"and a {config.span_bars}-bar continuation"
        )
    excerpts = []
    for index in range(config.continuations):
        name, notes, starts = pieces[index % len(pieces)]
        start = float(starts[(index // len(pieces)) % len(starts)] * BEATS_PER_BAR)
        seed = excerpt(notes, start, config.seed_beats)
        reference = excerpt(notes, start + config.seed_beats, config.span_beats)
        excerpts.append(Excerpt(name, start, seed, reference))
    return excerpts


# --- likelihood ----------------------------------------------------------------------------
@dataclass(frozen=True)
class LikelihoodScore:
    """NLL per event (nats) and next-event top-1 accuracy over ``events`` targets, and
    over the ``notes`` those events encode: NLL per note compares models whose vocabularies
    differ (the same music costs so many nats whatever it is spelt in)."""

    name: str
    nll: float
    accuracy: float
    events: int
    notes: int = 0

    @property
    def perplexity(self) -> float:
        return float(math.exp(self.nll))

    @property
    def nll_per_note(self) -> float | None:
        return self.nll * self.events / self.notes if self.notes else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "nll": round(self.nll, 4),
            "accuracy": round(self.accuracy, 4),
            "perplexity": round(self.perplexity, 3),
            "events": self.events,
            "notes": self.notes,
            "nll_per_note": rounded(self.nll_per_note),
        }


def count_notes(streams: Sequence[np.ndarray], vocab: Vocabulary) -> int:
    """Notes (PITCH / note-on events) among the targets of ``streams`` (event ids)."""
    return int(sum(int((vocab.kinds[np.asarray(s, np.int64)[1:]] == PITCH).sum()) for s in streams))


CONTROL_MODES = ("texture", "auto", "all")


def stream_controls(engine: Engine, events: np.ndarray, mode: str) -> tuple[int, int, int]:
    """The control classes a file is scored with: ``texture``, its voices and density as
    ``auto`` would measure them on a seed of it, style left to the model (the honest
    default: n-grams know no style either); ``auto``, nothing; ``all``, its style too."""
    if not engine.has_controls or mode == "auto" or len(events) == 0:
        return (0, 0, 0)
    style, voices, density = (int(v) for v in events[0, 1:])
    return (style if mode == "all" else 0, voices, density)


def model_likelihood(
    engine: Engine, streams: Sequence[np.ndarray], name: str, controls: str = "texture"
) -> LikelihoodScore:
    """Score every event after the first of each stream, with the state carried from the
    stream's start (the numpy engine, which matches Keras to 1e-5, in batches of streams).
    ``streams`` are (n, 4) events (ids and control classes); ``controls`` is one of
    :data:`CONTROL_MODES` (see :func:`stream_controls`)."""
    total_nll = 0.0
    hits = 0
    events = 0
    order = sorted(range(len(streams)), key=lambda i: len(streams[i]))  # similar lengths share a batch
    for first in range(0, len(order), LIKELIHOOD_BATCH):
        chosen = [streams[i] for i in order[first : first + LIKELIHOOD_BATCH]]
        batch = [np.asarray(s, np.int64)[:, 0] for s in chosen]
        lengths = np.asarray([len(s) for s in batch])
        padded = np.zeros((len(batch), lengths.max()), np.int64)  # PAD after each stream's end
        for row, stream in enumerate(batch):
            padded[row, : len(stream)] = stream
        state = LstmState.zeros(engine.weights, len(batch))
        if engine.has_controls:
            vectors = [engine.control_vector(stream_controls(engine, s, controls)) for s in chosen]
            state.controls = np.concatenate(vectors, axis=1)
        for t in range(lengths.max() - 1):
            logits = lstm_step(engine.weights, padded[:, t], state).astype(np.float64)
            live = lengths > t + 1
            targets = padded[live, t + 1]
            scores = logits[live]
            top = scores.max(axis=1)
            log_total = top + np.log(np.exp(scores - top[:, None]).sum(axis=1))
            total_nll += float((log_total - scores[np.arange(len(targets)), targets]).sum())
            hits += int((scores.argmax(axis=1) == targets).sum())
            events += len(targets)
    if not events:
        raise EvaluationError("the held-out files have no events to predict")
    notes = count_notes([np.asarray(s)[:, 0] for s in streams], engine.vocab)
    return LikelihoodScore(name, total_nll / events, hits / events, events, notes)


def ngram_likelihoods(
    training: Sequence[np.ndarray],
    heldout: Sequence[np.ndarray],
    vocab: Vocabulary,
    orders: Sequence[int],
    transpose: int,
) -> list[LikelihoodScore]:
    """Every order, fitted on the training files as they are and (when the model was trained
    with transpositions) on all their transpositions within ±``transpose``, the same
    augmentation the model saw; both are honest baselines, and the better one counts."""
    notes = count_notes(heldout, vocab)
    variants = [("", list(training))]
    if transpose > 0:
        variants.append((f" (±{transpose} transposed)", augment_transpositions(training, transpose, vocab)))
    scores = []
    for suffix, streams in variants:
        models = fit_ngrams(streams, orders, vocab.size)
        for order, score in score_ngrams(models, heldout).items():
            scores.append(
                LikelihoodScore(f"{order}-gram{suffix}", score.nll, score.accuracy, score.events, notes)
            )
    return scores


# --- generation ------------------------------------------------------------------------------
def generate_spans(
    engine: Engine, excerpts: Sequence[Excerpt], config: EvaluationConfig, *, constrained: bool
) -> list[list[Note]]:
    """One continuation per excerpt, cut to the notes starting in its first ``span_bars`` bars.

    A bar more than the span is generated, so the span's last notes keep the durations
    the model chose instead of being cut at the requested length.
    """
    requests = []
    for index, item in enumerate(excerpts):
        values: dict[str, Any] = {
            "length": config.span_beats + BEATS_PER_BAR,
            "temperature": config.temperature,
            "seed": (config.seed * 100_003 + index * 2 + int(constrained)) % 2**31,
        }
        if constrained:
            key = infer_key(item.seed)
            values.update(key=key.tonic, scale=key.scale)
        requests.append(GenerationRequest(item.seed, SamplingParams.create(**values), config.seed_beats))
    results = engine.generate(requests)
    return [excerpt(result.variations[0], 0.0, config.span_beats) for result in results]


# --- the whole evaluation --------------------------------------------------------------------
def evaluate(
    model: str | os.PathLike,
    midi_dir: str | os.PathLike,
    *,
    config: EvaluationConfig = EvaluationConfig(),
    train_dir: str | os.PathLike | None = None,
    compare: Sequence[str | os.PathLike] = (),
    command: str = "",
    on_progress: Any = None,
) -> dict[str, Any]:
    """Run every measurement; the JSON-ready report (see the module docstring)."""
    from ..engine.loader import load_engine

    def progress(text: str) -> None:
        if on_progress is not None:
            on_progress(text)

    started = time.perf_counter()
    model_path = resolve_model_path(model)
    metadata = read_metadata(model_path)
    vocab = metadata.vocabulary
    training_dir = training_folder(metadata, model_path, train_dir, on_progress)
    data = load_heldout(midi_dir, metadata, training_dir, config)
    heldout_events = [events for _, events in data.heldout]
    heldout_streams = [events[:, 0] for events in heldout_events]
    training_streams = [events[:, 0] for _, events in data.training]
    progress(
        f"{len(data.heldout)} held-out files, {sum(len(s) - 1 for s in heldout_streams):,} targets; "
        f"{len(data.training)} training files"
    )

    engine = load_engine(str(model_path))
    model_score = model_likelihood(engine, heldout_events, metadata.name)
    progress(f"model NLL {model_score.nll:.4f}")
    control_scores = {}
    if engine.has_controls:  # the same files scored knowing nothing, and knowing their style
        for mode in ("auto", "all") if data.same_folder else ("auto",):
            control_scores[mode] = model_likelihood(engine, heldout_events, f"{metadata.name} ({mode})", mode)
    compared = []
    for other in compare:
        other_path = resolve_model_path(other)
        other_metadata = read_metadata(other_path)
        other_events = heldout_events
        if other_metadata.vocabulary != vocab:
            # the same files spelt in its own vocabulary: compare NLL per note, not per event
            other_events = [
                e for _, e in load_heldout(midi_dir, other_metadata, training_dir, config).heldout
            ]
        if other_metadata.config.key_normalized != metadata.config.key_normalized:
            raise EvaluationError(
                f"{other}: one model reads music moved to C major / A minor and the other does "
                "not, so their NLLs are not comparable"
            )
        other_engine = load_engine(str(other_path))
        compared.append(model_likelihood(other_engine, other_events, other_metadata.name))
    transpose = int(metadata.training.get("config", {}).get("transpose", 0))
    ngrams = ngram_likelihoods(training_streams, heldout_streams, vocab, config.ngram_orders, transpose)
    best = min(ngrams, key=lambda s: s.nll)
    progress(f"n-grams done; best {best.name} NLL {best.nll:.4f}")

    excerpts = cut_excerpts(data.music, vocab, config)
    free = generate_spans(engine, excerpts, config, constrained=False)
    keyed = generate_spans(engine, excerpts, config, constrained=True)
    progress(f"{len(free) + len(keyed)} continuations generated")
    references = [item.reference for item in excerpts]
    reference_features = [excerpt_features(notes, config.span_beats) for notes in references]
    features = {
        name: comparison.as_dict()
        for name, comparison in compare_sets(
            reference_features, [excerpt_features(notes, config.span_beats) for notes in free]
        ).items()
    }
    # what real music scores against real music: one half of the held-out spans against the
    # other, the ceiling to read the model's overlaps against
    half = len(reference_features) // 2
    if half >= 2:
        for name, comparison in compare_sets(reference_features[:half], reference_features[half:]).items():
            features[name]["heldout_overlap"] = round(comparison.overlap, 4)
    texture = texture_report(excerpts, free)
    if engine.has_controls:
        # the same seeds with the engine's voice cap off: what the model does by itself
        engine.enforce_voices = False
        try:
            uncapped = texture_report(excerpts, generate_spans(engine, excerpts, config, constrained=False))
        finally:
            engine.enforce_voices = True
        for name, row in uncapped.items():
            texture[name]["uncapped"] = {
                "generated": row["generated"],
                "monophonic_answered_monophonic": row["monophonic_answered_monophonic"],
                "monophonic_fraction": row["monophonic_fraction"],
            }
    mono = texture["all"]
    answered, seeds = mono["monophonic_answered_monophonic"], mono["monophonic_seeds"]
    progress(f"texture: {answered}/{seeds} monophonic seeds answered monophonically")
    index = CopyIndex(training_streams, vocab)
    copied = sum(index.contains(notes) for notes in free if notes)
    reference_copied = sum(index.contains(notes) for notes in references if notes)
    keys = [infer_key(item.seed) for item in excerpts]

    def key_ratio(spans: Sequence[list[Note]]) -> float | None:
        counts = [in_key_ratio(notes, key) for notes, key in zip(spans, keys, strict=True)]
        total = sum(all_notes for _, all_notes in counts)
        return sum(inside for inside, _ in counts) / total if total else None

    report: dict[str, Any] = {
        "model": {"name": metadata.name, "path": str(model_path)},
        "command": command,
        "data": {
            "midi_dir": str(data.midi_dir),
            "heldout": "the model's validation split" if data.same_folder else "every file of the folder",
            "heldout_files": len(data.heldout),
            "heldout_events": model_score.events,
            "training_dir": str(data.training_dir),
            "training_files": len(data.training),
            "skipped_files": len(data.skipped),
            "key_normalized": metadata.config.key_normalized,
        },
        "likelihood": {
            "model": model_score.as_dict(),
            "controls": {mode: score.as_dict() for mode, score in control_scores.items()},
            "compare": [score.as_dict() for score in compared],
            "ngrams": [score.as_dict() for score in ngrams],
            "best_ngram": best.as_dict(),
            "nll_below_best_ngram": round(1 - model_score.nll / best.nll, 4),
        },
        "continuations": {
            "count": len(excerpts),
            "seed_beats": config.seed_beats,
            "span_bars": config.span_bars,
            "span_beats": config.span_beats,
            "temperature": config.temperature,
            "notes_per_span": {
                "generated": round(float(np.mean([len(n) for n in free])), 2),
                "heldout": round(float(np.mean([len(n) for n in references])), 2),
            },
        },
        "features": features,
        "texture": texture,
        "copies": {
            "spans": len(free),
            "copied": int(copied),
            "fraction": copied / len(free),
            "heldout_copied": int(reference_copied),
            "heldout_fraction": reference_copied / len(references),
        },
        "in_key": {
            "unconstrained": rounded(key_ratio(free)),
            "constrained": rounded(key_ratio(keyed)),
            "heldout": rounded(key_ratio(references)),
        },
        "config": {
            "seed": config.seed,
            "max_files": config.max_files,
            "continuations": config.continuations,
        },
    }
    report["targets"] = check_targets(report)
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["_excerpts"] = (excerpts, free)  # for plotting; dropped before writing JSON
    return report


def texture_report(excerpts: Sequence[Excerpt], generated: Sequence[list[Note]]) -> dict[str, Any]:
    """Per style (the file's first-level folder) and overall: the texture of the seeds, of
    the model's continuations and of the real continuations (voices at once, notes per
    beat), and how often a monophonic seed got a monophonic continuation."""
    groups: dict[str, list[int]] = {"all": list(range(len(excerpts)))}
    for index, item in enumerate(excerpts):
        groups.setdefault(style_of(item.file) or "(top folder)", []).append(index)
    report = {}
    for name, indices in groups.items():

        def mean(values: list[float]) -> float:
            return round(float(np.mean(values)), 3) if values else 0.0

        def describe(spans: list[list[Note]]) -> dict[str, float]:
            measured = [measure_texture(n) for n in spans if n]
            return {
                "voices": mean([t.voices for t in measured]),
                "notes_per_beat": mean([t.notes_per_beat for t in measured]),
                "onsets_per_beat": mean([t.onsets_per_beat for t in measured]),
            }

        mono = [i for i in indices if excerpts[i].seed and most_sounding(excerpts[i].seed) == 1]
        answered = sum(1 for i in mono if generated[i] and most_sounding(generated[i]) == 1)
        report[name] = {
            "count": len(indices),
            "seeds": describe([excerpts[i].seed for i in indices]),
            "generated": describe([generated[i] for i in indices]),
            "heldout": describe([excerpts[i].reference for i in indices]),
            "monophonic_seeds": len(mono),
            "monophonic_answered_monophonic": answered,
            "monophonic_fraction": round(answered / len(mono), 4) if mono else None,
        }
    return report
