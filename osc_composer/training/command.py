"""``osc-composer train``: its options, and the run they describe (the card written after)."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..music.encoding import Vocabulary
from .config import MIN_WINDOW, NEW_MODEL, STRATEGIES, TrainConfig, default_learning_rate

if TYPE_CHECKING:
    from rich.console import Console


def add_train_arguments(train: argparse.ArgumentParser) -> None:
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


def train_from_args(args: argparse.Namespace, console: Console) -> int:
    """``osc-composer train``: a TrainConfig and ModelConfig from the options, then :func:`train`."""
    from ..model.metadata import ModelConfig
    from .card import write_card
    from .config import default_transpose
    from .distributed import is_chief
    from .records import default_cache_dir
    from .reporting import RichTrainingReporter
    from .train import read_base, train

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
        from .corpus import corpus_terms, get_corpus

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
