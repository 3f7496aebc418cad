"""The ``osc-composer`` command: serve, generate, train, evaluate, corpus, info (``serve``'s
options live with the server, in :mod:`osc_composer.server.command`)."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

# BLAS must not spin up a thread per core beside TF's pools (measured up to 50× slower).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from rich.console import Console

from .engine.params import PARAM_SPECS, ParamError, SamplingParams
from .model.paths import default_model_path
from .training.command import add_train_arguments, train_from_args
from .training.config import TrainingError

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
            help=spec.help_text(),
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
    parser = argparse.ArgumentParser(
        prog="osc-composer",
        description="Continue musical phrases with an LSTM: over OSC for Max/MSP, Pure Data, Ableton "
        "Live and TouchOSC (serve), or from MIDI files (generate); train, evaluate and inspect models.",
        epilog="osc-composer COMMAND --help explains a command and shows its defaults.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser(
        "train",
        help="train a model on a folder of MIDI files, or fine-tune one on a few songs (--from)",
        description="Train a model on a folder of MIDI files (subfolders are styles), or with --from "
        "fine-tune an existing model on a few of your songs. Options left out take defaults fitted "
        "to the music: a small folder gets shorter windows and smaller batches.",
    )
    add_train_arguments(train)

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
    from .server.command import serve_epilog

    serve = commands.add_parser(
        "serve",
        help="run the OSC server",
        description="Run the OSC server: clients send OSC to --port and get notes back on --reply-port "
        "(see the README for the addresses). The OSCQuery URL is in the log and on the console.",
        epilog=serve_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_serve_arguments(serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # log files and pipes get whole lines, not text wrapped at 80 columns
    console = Console(stderr=True, soft_wrap=not sys.stderr.isatty())
    try:
        return {
            "train": train_from_args,
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

    from .evaluation.evaluate import EvaluationConfig, evaluate
    from .evaluation.plot import require_matplotlib
    from .evaluation.report import plot_report, public_report, update_card
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

    from .evaluation.report import format_target

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
    from .training.corpus import CORPORA, corpus_summary, export_corpus
    from .training.corpus_terms import decisions_text

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
