"""The ``osc-composer`` command: train, generate, corpus, info (and serve, from ``server``)."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

# BLAS must not spin up a thread per core beside TF's pools (measured up to 50× slower).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from rich.console import Console

from .engine.params import PARAM_SPECS, ParamError, SamplingParams
from .model.paths import default_model_path
from .music.encoding import Vocabulary
from .training.train import (
    MIN_WINDOW,
    NEW_MODEL,
    STRATEGIES,
    TrainConfig,
    TrainingError,
    default_learning_rate,
)

# CLI names for parameters whose table name would clash with another option
_OPTION_NAMES = {"seed": "--random-seed", "length": "--length-beats"}


def _add_param_options(parser: argparse.ArgumentParser) -> None:
    """One option per sampling parameter, straight from the parameter table."""
    group = parser.add_argument_group("sampling parameters")
    for spec in PARAM_SPECS:
        if spec.name in ("step", "velocity"):
            continue  # only for pitch-only OSC seeds
        option = _OPTION_NAMES.get(spec.name, "--" + spec.name.replace("_", "-"))
        group.add_argument(
            option,
            dest=f"param_{spec.name}",
            default=None,
            metavar=spec.kind.upper(),
            help=f"{spec.doc} [{spec.range_text()}; default {spec.default}]",
        )


def _params_from_args(args: argparse.Namespace) -> SamplingParams:
    values = {}
    for spec in PARAM_SPECS:
        raw = getattr(args, f"param_{spec.name}", None)
        if raw is None:
            continue
        values[spec.name] = raw if spec.kind in ("key", "scale") else float(raw)
    return SamplingParams.create(**values)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="osc-composer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser(
        "train",
        help="train a model on a folder of MIDI files, or fine-tune one on a few songs (--from)",
        description="Train a model on a folder of MIDI files (subfolders are styles), or with --from "
        "fine-tune an existing model on a few of your songs. Options left out take defaults fitted "
        "to the music: a small folder gets shorter windows and smaller batches.",
    )
    train.add_argument("midi_dir", type=Path)
    train.add_argument("--out", type=Path, required=True, help="model folder, e.g. models/mine")
    train.add_argument(
        "--from",
        dest="base",
        metavar="MODEL",
        help="fine-tune this model (a model folder, a .keras file or a bundled model's name, e.g. "
        "mixture) instead of starting from random weights: its vocabulary, architecture, key "
        "normalisation and styles are kept; files in a subfolder named like one of its styles "
        "train as that style, all others as auto",
    )
    train.add_argument("--name", help="model name (default: the folder name)")
    shape = train.add_argument_group("architecture (new models only: a fine-tuned model keeps its base's)")
    shape.add_argument("--architecture", choices=("lstm", "seed"), default=None, help="default: lstm")
    shape.add_argument("--units", type=int, default=None, help=f"default {NEW_MODEL.units}")
    shape.add_argument("--layers", type=int, default=None, help=f"default {NEW_MODEL.layers}")
    shape.add_argument("--embedding-dim", type=int, default=None, help=f"default {NEW_MODEL.embedding_dim}")
    shape.add_argument("--dropout", type=float, default=None, help=f"default {NEW_MODEL.dropout}")
    shape.add_argument(
        "--pitch-classes",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="share weights between pitches of one pitch class and of one octave while "
        "training (folded into a plain model when saved; default on)",
    )
    shape.add_argument(
        "--key-normalize",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="move every file to C major / A minor before training (and seeds when generating; default on)",
    )
    shape.add_argument(
        "--controls",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="condition the model on style (the first-level subfolder of each file), voices and "
        "density, so clients can ask for them (lstm architecture only; default on)",
    )
    shape.add_argument(
        "--steps-per-beat",
        type=int,
        default=None,
        help=f"time grid (12 or 24; default {Vocabulary.steps_per_beat})",
    )
    run = train.add_argument_group("training")
    run.add_argument(
        "--epochs", type=int, default=TrainConfig.epochs, help="at most this many (default %(default)s)"
    )
    run.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help=f"windows per step (default {TrainConfig.batch_size}, fewer for a small folder)",
    )
    run.add_argument(
        "--sequence-length",
        type=int,
        default=None,
        help=f"events per window, the BPTT length (default {TrainConfig.sequence_length}, down to "
        f"{MIN_WINDOW} for a small folder)",
    )
    run.add_argument(
        "--learning-rate",
        type=float,
        default=None,
        help=f"default {default_learning_rate(fine_tuning=False):g}; "
        f"{default_learning_rate(fine_tuning=True):g} with --from",
    )
    run.add_argument(
        "--schedule",
        choices=("cosine", "constant"),
        default=TrainConfig.schedule,
        help="learning-rate schedule over --epochs (default %(default)s)",
    )
    run.add_argument(
        "--validation-percent",
        type=float,
        default=TrainConfig.validation_percent,
        help="files held out (by piece; default %(default)s); with fewer than "
        f"{TrainConfig.min_files_by_file} files the last {TrainConfig.holdout_tail * 100:.0f}%% of each "
        "file is held out instead",
    )
    run.add_argument(
        "--transpose",
        type=int,
        default=None,
        help="random transposition range in semitones "
        f"(default: 0 with --key-normalize, else {TrainConfig.transpose})",
    )
    run.add_argument(
        "--velocity-shift",
        type=int,
        default=TrainConfig.velocity_shift,
        help="random velocity-bin shift range",
    )
    run.add_argument(
        "--control-dropout",
        type=float,
        default=TrainConfig.control_dropout,
        help="share of training windows in which each control is hidden (learns 'auto')",
    )
    run.add_argument(
        "--time-stretch",
        action=argparse.BooleanOptionalAction,
        default=TrainConfig.time_stretch,
        help="also train on every file at double and half speed where it stays musical",
    )
    run.add_argument(
        "--patience", type=int, default=TrainConfig.patience, help="early stopping patience in epochs"
    )
    run.add_argument("--steps-per-epoch", type=int, default=None, help="cap, for quick runs")
    run.add_argument("--seed", type=int, default=TrainConfig.seed)
    run.add_argument("--include-drums", action="store_true")
    run.add_argument("--resume", action="store_true", help="continue from the last checkpoint in --out")
    scale = train.add_argument_group("large corpora and more devices")
    scale.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="processes that read MIDI files (default: one per CPU core)",
    )
    scale.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where what was read from each file is kept, by content, so the next run parses "
        "nothing again (default $OSC_COMPOSER_CACHE or ~/.cache/osc-composer; safe to delete)",
    )
    scale.add_argument("--no-cache", action="store_true", help="read every file again and keep nothing")
    scale.add_argument("--strategy", choices=STRATEGIES, default=TrainConfig.strategy)
    scale.add_argument(
        "--cpu-devices",
        type=int,
        default=0,
        help="split the CPU into N logical devices (to use/test strategies)",
    )
    train.add_argument(
        "--corpus-name", help="name of the music21 corpus the folder was exported from (for the card)"
    )

    generate = commands.add_parser("generate", help="continue a MIDI seed and write MIDI files")
    generate.add_argument("--seed", type=Path, help="seed MIDI file (default: start from nothing)")
    generate.add_argument("--out", type=Path, required=True, help="output .mid (variations get -1, -2 …)")
    generate.add_argument("--model", type=Path, default=None, help="model folder or .keras file")
    generate.add_argument("--with-seed", action="store_true", help="write the seed before the continuation")
    generate.add_argument(
        "--tempo", type=float, default=None, help="tempo of the written file (default: the seed's)"
    )
    generate.add_argument("--plot", type=Path, help="also draw seed + continuation as a piano roll PNG")
    _add_param_options(generate)

    evaluate = commands.add_parser(
        "evaluate", help="measure a model on held-out MIDI against n-gram baselines and the real music"
    )
    evaluate.add_argument("model", type=Path, help="model folder or .keras file")
    evaluate.add_argument(
        "midi_dir", type=Path, help="the model's training folder (→ its held-out split) or other music"
    )
    evaluate.add_argument("--json", type=Path, help="write the full report as JSON")
    evaluate.add_argument("--plot", type=Path, help="draw a few seeds and their continuations (PNG)")
    evaluate.add_argument("--update-card", action="store_true", help="write the results into the model card")
    evaluate.add_argument(
        "--card-section",
        default="Evaluation",
        help="the card section --update-card writes (one per evaluation set)",
    )
    evaluate.add_argument("--seed", type=int, default=0, help="random seed (excerpts, sampling)")
    evaluate.add_argument("--max-files", type=int, default=None, help="use at most N held-out files")
    evaluate.add_argument("--continuations", type=int, default=100, help="continuations to generate")
    evaluate.add_argument(
        "--temperature", type=float, default=1.0, help="sampling temperature of continuations"
    )
    evaluate.add_argument(
        "--compare", type=Path, action="append", default=[], help="another model to score (repeatable)"
    )
    evaluate.add_argument(
        "--train-dir",
        type=Path,
        default=None,
        help="the model's training folder, if its card's path is not here",
    )

    corpus = commands.add_parser("corpus", help="export a public-domain corpus from music21 as MIDI files")
    corpus.add_argument(
        "name", help="corpus name (see --list); 'default' is the default model's mixture", nargs="?"
    )
    corpus.add_argument("out_dir", type=Path, nargs="?")
    corpus.add_argument("--limit", type=int, default=None, help="export only the first N pieces")
    corpus.add_argument("--jobs", type=int, default=1, help="convert in N processes (default 1)")
    corpus.add_argument("--list", action="store_true", help="list the corpora and their terms")

    info = commands.add_parser("info", help="show a model's metadata (no TensorFlow needed)")
    info.add_argument("model", type=Path, nargs="?", default=None)

    from .server import add_serve_arguments

    serve = commands.add_parser("serve", help="run the OSC server")
    add_serve_arguments(serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # log files and pipes get whole lines, not text wrapped at 80 columns
    console = Console(stderr=True, soft_wrap=not sys.stderr.isatty())
    try:
        return {
            "train": _train,
            "generate": _generate,
            "evaluate": _evaluate,
            "corpus": _corpus,
            "info": _info,
            "serve": _serve,
        }[args.command](args, console)
    except (ParamError, ValueError, OSError, TrainingError) as exc:  # OSError: a missing file, a port in use
        console.print(f"[red]error:[/] {exc}")
        return 2
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


# architecture options: a fine-tuned model keeps its base's, so giving one with --from is an error
_SHAPE_OPTIONS = {
    "architecture": "architecture",
    "units": "units",
    "layers": "layers",
    "embedding_dim": "embedding_dim",
    "dropout": "dropout",
    "pitch_classes": "pitch_classes",
    "key_normalize": "key_normalized",
    "controls": "controls",
}


def _train(args: argparse.Namespace, console: Console) -> int:
    from .model.files import ModelConfig
    from .training.card import write_card
    from .training.prepare import default_cache_dir
    from .training.reporting import RichTrainingReporter
    from .training.train import default_transpose, is_chief, read_base, train

    given = {field: getattr(args, option) for option, field in _SHAPE_OPTIONS.items()}
    given = {field: value for field, value in given.items() if value is not None}
    if args.base:
        clashing = [
            f"--{o.replace('_', '-')}"
            for o in [*_SHAPE_OPTIONS, "steps_per_beat"]
            if getattr(args, o) is not None
        ]
        if clashing:
            raise ValueError(
                f"{', '.join(clashing)}: a fine-tuned model keeps the vocabulary and architecture of "
                f"its base ({args.base}); leave {'it' if len(clashing) == 1 else 'them'} out"
            )
        _, base_metadata = read_base(args.base)
        model_config, vocab = base_metadata.config, base_metadata.vocabulary
    else:
        values = {**asdict(NEW_MODEL), **given}
        values["controls"] = values["controls"] and values["architecture"] == "lstm"  # seed takes none
        model_config = ModelConfig(**values)
        vocab = Vocabulary(steps_per_beat=args.steps_per_beat or Vocabulary.steps_per_beat)
    config = TrainConfig(
        epochs=args.epochs,
        # None: not given, so the default (and fitted to the corpus); 0 must reach validation
        batch_size=TrainConfig.batch_size if args.batch_size is None else args.batch_size,
        sequence_length=TrainConfig.sequence_length if args.sequence_length is None else args.sequence_length,
        fit_to_corpus=args.batch_size is None and args.sequence_length is None,
        learning_rate=default_learning_rate(fine_tuning=bool(args.base))
        if args.learning_rate is None
        else args.learning_rate,
        schedule=args.schedule,
        validation_percent=args.validation_percent,
        transpose=default_transpose(model_config.key_normalized)
        if args.transpose is None
        else args.transpose,
        velocity_shift=args.velocity_shift,
        patience=args.patience,
        steps_per_epoch=args.steps_per_epoch,
        seed=args.seed,
        strategy=args.strategy,
        include_drums=args.include_drums,
        control_dropout=args.control_dropout,
        time_stretch=args.time_stretch,
    )
    if args.jobs is not None and args.jobs < 1:
        raise ValueError("--jobs must be at least 1")
    corpus_info = {"folder": str(args.midi_dir)}
    if args.corpus_name:
        from .training.corpus import corpus_terms, get_corpus

        entry = get_corpus(args.corpus_name)
        if not entry.trainable:
            raise ValueError(
                f"the corpus {args.corpus_name!r} is for evaluation only; its terms do not allow "
                "training a model on it (osc-composer corpus --list)"
            )
        corpus_info = {
            "name": args.corpus_name,
            "description": entry.description,
            "terms": corpus_terms(args.corpus_name),
            "folder": str(args.midi_dir),
        }
    command = "osc-composer " + shlex.join(sys.argv[1:] if sys.argv[1:2] == ["train"] else ["train", "…"])
    result = train(
        args.midi_dir,
        args.out,
        config=config,
        model_config=model_config,
        vocab=vocab,
        base=args.base,
        resume=args.resume,
        name=args.name,
        command=command,
        corpus_info=corpus_info,
        cpu_devices=args.cpu_devices,
        jobs=args.jobs or os.cpu_count() or 1,
        cache_dir=None if args.no_cache else args.cache_dir or default_cache_dir(),
        reporter=RichTrainingReporter(console),
    )
    if result.corpus.skipped:
        console.print(f"[yellow]{len(result.corpus.skipped)} file(s) skipped[/]:")
        for name, reason in result.corpus.skipped:
            console.print(f"  {name}: {reason}", markup=False, highlight=False)
    if is_chief() and result.model_path.exists():
        write_card(args.out, result.metadata)
    return 0


def _generate(args: argparse.Namespace, console: Console) -> int:
    from .engine.generate import continuation_in_seed_time
    from .engine.loader import load_engine
    from .music.midi import DEFAULT_TEMPO_BPM, read_midi, write_midi

    params = _params_from_args(args)
    if args.plot:
        from .evaluation.plot import require_matplotlib

        require_matplotlib()  # fail before loading the model, not after generating
    seed_notes, tempo = [], DEFAULT_TEMPO_BPM
    if args.seed:
        contents = read_midi(args.seed)
        seed_notes, tempo = contents.notes, contents.tempo_bpm
    engine = load_engine(args.model or default_model_path())
    result = engine.continue_notes(seed_notes, params)
    outputs = []
    for index in range(len(result.variations)):
        notes = result.variations[index]
        if args.with_seed:
            notes = seed_notes + continuation_in_seed_time(result, index)
        out = args.out if len(result.variations) == 1 else args.out.with_stem(f"{args.out.stem}-{index + 1}")
        write_midi(out, notes, tempo_bpm=args.tempo or tempo)
        outputs.append(out)
        console.print(f"{out}: {len(result.variations[index])} notes over {result.length_beats:g} beats")
    console.print(
        f"{engine.name}: {result.tokens_sampled} events in {result.seconds * 1000:.1f} ms "
        f"({len(seed_notes)} seed notes)"
    )
    if args.plot:
        from .evaluation.plot import PianoRoll, plot_piano_rolls

        rolls = [
            PianoRoll(
                seed_notes,
                continuation_in_seed_time(result, index),
                title=f"variation {index + 1}" if len(result.variations) > 1 else "",
                origin_beats=result.origin_beats,
            ).focused(max(16.0, 2 * result.length_beats))
            for index in range(len(result.variations))
        ]
        title = f"{engine.name}: {args.seed.name if args.seed else 'no seed'} continued"
        console.print(f"{plot_piano_rolls(args.plot, rolls, title=title)}: piano roll")
    return 0


def _evaluate(args: argparse.Namespace, console: Console) -> int:
    import json

    from .evaluation.evaluate import EvaluationConfig, evaluate, plot_report, public_report, update_card
    from .evaluation.plot import require_matplotlib
    from .model.files import resolve_model_path

    if args.plot:
        require_matplotlib()
    if args.continuations < 2 or (args.max_files is not None and args.max_files < 1):
        raise ValueError("--continuations must be at least 2 and --max-files at least 1")
    SamplingParams.create(temperature=args.temperature)  # the table's range check, before any work
    config = EvaluationConfig(
        seed=args.seed,
        max_files=args.max_files,
        continuations=args.continuations,
        temperature=args.temperature,
    )
    # the command as it would be retyped (for the card), whatever the current directory's spelling
    command = ["osc-composer", "evaluate", str(args.model), str(args.midi_dir), "--seed", str(args.seed)]
    command += ["--continuations", str(args.continuations), "--temperature", f"{args.temperature:g}"]
    command += ["--max-files", str(args.max_files)] if args.max_files is not None else []
    command += ["--train-dir", str(args.train_dir)] if args.train_dir else []
    for other in args.compare:
        command += ["--compare", str(other)]
    command += ["--plot", str(args.plot)] if args.plot else []
    command += ["--update-card"] if args.update_card else []
    command += ["--card-section", args.card_section] if args.card_section != "Evaluation" else []
    report = evaluate(
        args.model,
        args.midi_dir,
        config=config,
        train_dir=args.train_dir,
        compare=args.compare,
        command=shlex.join(command),
        on_progress=lambda text: console.print(f"[dim]{text}[/]"),
    )
    _print_evaluation(report, console)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(public_report(report), indent=2) + "\n")
        console.print(f"{args.json}: report")
    if args.plot:
        console.print(f"{plot_report(args.plot, report)}: piano rolls")
        folder = resolve_model_path(args.model).parent.resolve()
        if args.plot.resolve().is_relative_to(folder):  # the card can show a picture beside it
            report["plot"] = args.plot.resolve().relative_to(folder).as_posix()
    if args.update_card:
        card = update_card(args.model, report, title=args.card_section)
        console.print(f"{card}: section '{args.card_section}' updated")
    return 0


def _print_evaluation(report: dict, console: Console) -> None:
    from rich.table import Table

    from .evaluation.evaluate import format_target

    likelihood = report["likelihood"]
    table = Table(title=f"next-event prediction on {report['data']['heldout_files']} held-out files")
    table.add_column("predictor", no_wrap=True)
    for column in ("NLL (nats/event)", "accuracy", "perplexity"):
        table.add_column(column, justify="right")
    best = likelihood["best_ngram"]["name"]
    rows = [likelihood["model"], *likelihood["compare"], *likelihood["ngrams"]]
    for index, row in enumerate(rows):
        name = row["name"] + (" (model)" if index == 0 else " (best)" if row["name"] == best else "")
        style = "bold" if index == 0 or row["name"] == best else None
        table.add_row(
            name, f"{row['nll']:.4f}", f"{row['accuracy']:.3f}", f"{row['perplexity']:.2f}", style=style
        )
    console.print(table)

    spans = report["continuations"]
    features = Table(
        title=f"{spans['count']} continuations vs held-out (Yang & Lerch): "
        f"{spans['span_bars']} bars after {spans['seed_beats']:g}-beat seeds",
        caption="real/real: one half of the real continuations against the other, the overlap to aim at",
    )
    features.add_column("feature", no_wrap=True)  # the numbers may wrap their headers, not the names
    for column in ("overlap", "KL", "real/real", "real mean", "gen. mean"):
        features.add_column(column, justify="right")
    for name, values in report["features"].items():
        extra = [values.get("heldout_overlap"), values["reference_mean"], values["generated_mean"]]
        features.add_row(
            name,
            f"{values['overlap']:.3f}",
            f"{values['kl_divergence']:.3f}",
            *("" if m is None else f"{m:.3f}" for m in extra),
        )
    console.print(features)

    copies, keys = report["copies"], report["in_key"]
    console.print(
        f"verbatim 8-bar copies of training data: {copies['copied']}/{copies['spans']} generated, "
        f"{copies['heldout_copied']}/{copies['spans']} real held-out continuations"
    )
    console.print(
        "in the seed's key: "
        + ", ".join(f"{name} {'n/a' if v is None else f'{100 * v:.1f}%'}" for name, v in keys.items())
    )
    targets = Table(title="targets")
    for column in ("target", "goal", "value", "met", "margin"):
        targets.add_column(column)
    for row in report["targets"]:
        targets.add_row(
            row["target"],
            row["goal"],
            format_target(row, "value"),
            "[green]yes[/]" if row["met"] else "[red]no[/]",
            format_target(row, "margin"),
        )
    console.print(targets)
    console.print(f"[dim]{report['seconds']:.1f} s[/]")


def _corpus(args: argparse.Namespace, console: Console) -> int:
    from .training.corpus import CORPORA, corpus_summary, decisions_text, export_corpus

    if args.list or not args.name:
        for name in CORPORA:
            console.print(corpus_summary(name), markup=False)
            console.print()
        console.print(decisions_text(), markup=False)
        return 0
    if args.out_dir is None:
        console.print("[red]error:[/] give the output folder, e.g. data/" + args.name)
        return 2

    def progress(done: int, total: int, piece: str, status: str) -> None:
        if done % 500 == 0 or done == total:
            console.print(f"[dim]{done:,}/{total:,} pieces[/]")

    report = export_corpus(args.name, args.out_dir, limit=args.limit, jobs=args.jobs, on_progress=progress)
    console.print(report.summary(), markup=False)
    folders = report.files_by_folder()
    if len(folders) > 1 or "" not in folders:
        for folder, files in folders.items():
            notes = report.notes_by_folder.get(folder, 0)
            console.print(f"  {folder or '.'}/: {files:,} files ({notes:,} notes written now)", markup=False)
    for title, entries in (
        ("skipped", report.skipped),
        ("exported as written, repeats not expanded", report.repeats_not_expanded),
    ):
        if entries:
            console.print(f"[yellow]{len(entries)} {title}[/]:")
            for entry in entries:
                console.print(f"  {entry.piece_id}: {entry.reason}", markup=False)
    return 0


def _info(args: argparse.Namespace, console: Console) -> int:
    from rich.markdown import Markdown

    from .model.files import read_metadata, resolve_model_path
    from .training.card import render_card

    path = resolve_model_path(args.model or default_model_path())
    metadata = read_metadata(path)  # also checks that it is a model
    card = path.parent / "README.md"
    # the card beside the model has everything (evaluation, known weaknesses); the
    # metadata alone gives data, terms, command and training metrics
    text = card.read_text(encoding="utf-8") if card.is_file() else render_card(metadata)
    if console.is_terminal:
        console.print(Markdown(text))
    else:
        console.print(text, markup=False, highlight=False, soft_wrap=True)
    return 0


def _serve(args: argparse.Namespace, console: Console) -> int:
    from .server import serve_from_args

    return serve_from_args(args)


if __name__ == "__main__":
    raise SystemExit(main())
