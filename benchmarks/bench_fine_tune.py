"""Fine-tuning on eight songs: how long it takes on this machine, and what it buys.

    python benchmarks/bench_fine_tune.py --songs data/essen/han1 --bases models/mixture models/bach-chorales

A musician's folder, as the issue describes it: ``--count`` real songs (chosen at random,
seeded, from ``--songs``) with four broken files mixed in (truncated, not MIDI, empty,
no notes). The last 15% of every song (cut on a beat, :func:`osc_composer.training.prepare.split_tail`)
is kept back as the test: the folder holds only the first 85%, so neither training nor its
early stopping ever sees a test bar. Then, each with the real command line in its own process:

* ``osc-composer train SONGS --from BASE --out …`` for every base model (wall time measured
  from process start to exit, TensorFlow's start-up included);
* ``osc-composer train SONGS --out …``: a model trained from scratch on the same folder, with
  the same fitted windows and batches and the default learning rate.

Every model (the bases, the fine-tuned ones, the scratch one) is then scored on the held-out
bars: primed on the song's first 85% (key-normalised models hear the song moved by the key of
that part, models with controls get its voices and density, style ``auto``) and teacher-forced
through the rest. NLL per note (nats) compares models whose vocabularies differ; per event is
given too. ``--sets`` repeats all of it for other random choices of songs.

Writes its section of ``benchmarks/RESULTS.md`` and, into each fine-tuned model's card, the
table of its own run. Essen songs are an evaluation-only corpus (non-commercial terms): fine
for measuring, never for a model that ships.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))  # this checkout's package, whatever `pip install -e` points at

from bench_engine import replace_section, run_header  # noqa: E402

from osc_composer.engine.generate import Engine  # noqa: E402
from osc_composer.engine.loader import load_engine  # noqa: E402
from osc_composer.engine.lstm import LstmState, lstm_step  # noqa: E402
from osc_composer.model.files import MODEL_FILENAME, read_metadata, resolve_model_path  # noqa: E402
from osc_composer.music.encoding import PITCH, notes_to_tokens  # noqa: E402
from osc_composer.music.midi import MidiFileError, find_midi_files, read_midi, write_midi  # noqa: E402
from osc_composer.music.notes import Note, transpose_notes  # noqa: E402
from osc_composer.music.texture import measure_texture  # noqa: E402
from osc_composer.music.theory import key_shift  # noqa: E402
from osc_composer.training.card import write_card  # noqa: E402
from osc_composer.training.prepare import split_tail  # noqa: E402
from osc_composer.training.train import STATE_FILENAME, TrainConfig, TrainState, training_metrics  # noqa: E402

MIN_NOTES = 40  # a song whose 15% tail holds at least six notes


@dataclass
class Song:
    name: str
    head: list[Note]  # what the folder holds (notes sounding at the cut end there)
    tail: list[Note]  # the held-out bars, from beat 0 of the tail
    cut: float


@dataclass
class Score:
    nll: float = 0.0  # summed over the scored events
    events: int = 0
    notes: int = 0

    def add(self, other: Score) -> None:
        self.nll, self.events, self.notes = (
            self.nll + other.nll,
            self.events + other.events,
            self.notes + other.notes,
        )

    @property
    def per_event(self) -> float:
        return self.nll / self.events

    @property
    def per_note(self) -> float:
        return self.nll / self.notes


def choose_songs(folder: Path, count: int, seed: int) -> list[Song]:
    candidates = []
    for path in find_midi_files(folder):
        try:
            notes = read_midi(path).notes
        except MidiFileError:
            continue
        if len(notes) >= MIN_NOTES:
            candidates.append((path, notes))
    rng = np.random.default_rng(seed)
    chosen = sorted(rng.choice(len(candidates), count, replace=False))
    songs = []
    for index in chosen:
        path, notes = candidates[index]
        head, tail, cut = split_tail(notes, TrainConfig.holdout_tail)
        songs.append(Song(path.relative_to(folder).as_posix(), head, tail, cut))
    return songs


def write_folder(songs: list[Song], folder: Path) -> None:
    """The songs' heads, and four files a real folder has: broken in four ways."""
    folder.mkdir(parents=True)
    for song in songs:
        write_midi(folder / song.name.replace("/", "-"), song.head)
    first = next(folder.glob("*.mid")).read_bytes()
    (folder / "truncated.mid").write_bytes(first[:60])
    (folder / "lyrics.mid").write_text("not a MIDI file")
    (folder / "empty.mid").write_bytes(b"")
    write_midi(folder / "no-notes.mid", [])


def run_train(arguments: list[str], log: Path) -> dict[str, float]:
    """One ``osc-composer train`` in its own process; its wall time and what its state says."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "osc_composer.cli", "train", *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    wall = time.perf_counter() - started
    log.write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        raise SystemExit(f"training failed, see {log}:\n{done.stderr[-2000:]}")
    out = Path(arguments[arguments.index("--out") + 1])
    state = json.loads((out / "train_state.json").read_text())
    return {
        "wall": wall,
        "training": state["seconds"],
        "epochs": state["epoch"],
        "best_epoch": state["best_epoch"],
        "skipped": read_metadata(out).training["files_skipped"],
    }


def score(engine: Engine, songs: list[Song]) -> Score:
    """Teacher-forced NLL of every song's held-out bars after priming on its head."""
    metadata_vocab = engine.vocab
    total = Score()
    for song in songs:
        head, tail = (
            song.head,
            [Note(n.pitch, n.velocity, n.start_beats + song.cut, n.duration_beats) for n in song.tail],
        )
        if engine.key_normalized:
            shift = key_shift(head)  # the seed's own key, as the engine hears a seed
            head, tail = transpose_notes(head, shift), transpose_notes(tail, shift)
        prefix = notes_to_tokens(head, metadata_vocab, bos=True)
        tokens = notes_to_tokens(head + tail, metadata_vocab, bos=True)
        if not np.array_equal(tokens[: len(prefix)], prefix):
            raise AssertionError(f"{song.name}: the head's events are not a prefix of the song's")
        state = LstmState.zeros(engine.weights, 1)
        if engine.has_controls:
            texture = measure_texture(song.head)
            state.controls = engine.control_vector((0, texture.voice_class, texture.density_class))
        for t in range(len(tokens) - 1):
            logits = lstm_step(engine.weights, tokens[t : t + 1], state)[0].astype(np.float64)
            if t + 1 < len(prefix):
                continue
            target = int(tokens[t + 1])
            top = logits.max()
            total.nll += float(top + np.log(np.exp(logits - top).sum()) - logits[target])
            total.events += 1
            total.notes += int(metadata_vocab.kinds[target] == PITCH)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--songs", type=Path, default=REPO / "data" / "essen" / "han1")
    parser.add_argument("--bases", type=Path, nargs="+", default=[REPO / "models" / "bach-chorales"])
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--sets", type=int, default=1, help="random choices of songs (seeds 0, 1, …)")
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out" / "fine-tune")
    parser.add_argument("--train-args", default="", help="extra options for every training run")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS.md")
    parser.add_argument("--section", default="fine_tune")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    load_at_start = os.getloadavg()
    shutil.rmtree(args.work, ignore_errors=True)
    extra = shlex.split(args.train_args)
    runs: list[dict] = []
    for seed in range(args.sets):
        work = args.work / f"set{seed}"
        songs = choose_songs(args.songs, args.count, seed)
        write_folder(songs, work / "songs")
        cache = ["--cache-dir", str(work / "cache")]  # a first contact: nothing cached yet
        print(f"set {seed}: {', '.join(s.name for s in songs)}", flush=True)
        trained: dict[Path, dict] = {}  # model file → its run
        for base in args.bases:
            name = read_metadata(base).name
            out = work / f"fine-tuned-{name}"
            options = [str(work / "songs"), "--from", str(base), "--out", str(out), *cache, *extra]
            trained[out / MODEL_FILENAME] = run_train(options, work / f"{name}.log") | {
                "base": resolve_model_path(base)
            }
        scratch = work / "scratch" / MODEL_FILENAME
        options = [str(work / "songs"), "--out", str(scratch.parent), *cache, *extra]
        trained[scratch] = run_train(options, work / "scratch.log")
        scores = {}
        for path in [*(resolve_model_path(b) for b in args.bases), *trained]:
            scores[path] = score(load_engine(path), songs)
            print(f"  {read_metadata(path).name}: {scores[path].per_note:.3f} nats/note", flush=True)
        runs.append({"seed": seed, "songs": songs, "trained": trained, "scores": scores, "scratch": scratch})
        for path, info in trained.items():
            if path != scratch:
                write_comparison_card(path, info["base"], scratch, scores)

    text = report(args, argv, runs, time.perf_counter() - started, load_at_start)
    print(text)
    if args.out:
        document = args.out.read_text() if args.out.exists() else ""
        args.out.write_text(replace_section(document, args.section, text))
    return 0


def write_comparison_card(model: Path, base: Path, scratch: Path, scores: dict[Path, Score]) -> None:
    """The fine-tuned model's card, with this run's held-out table in its Fine-tuning section."""
    metadata = read_metadata(model)
    # the file's metrics date from its best epoch; the card tells the whole run
    metadata.metrics = training_metrics(TrainState.load(model.parent / STATE_FILENAME))
    rows = []
    for label, path in (
        (f"`{read_metadata(base).name}` (base, before fine-tuning)", base),
        ("this model (fine-tuned)", model),
        ("trained from scratch on the same songs", scratch),
    ):
        found = scores[path]
        rows.append(
            {"model": label, "nll_note": found.per_note, "nll_event": found.per_event, "notes": found.notes}
        )
    info = metadata.training["fine_tuned_from"]
    info["comparison"] = rows
    info["comparison_note"] = (
        "On the last 15% of every song, which the training folder did not hold: primed on the "
        "first 85%, teacher-forced (`benchmarks/bench_fine_tune.py`). Per note compares "
        "vocabularies; per event only models of one vocabulary."
    )
    write_card(model.parent, metadata)


def report(
    args: argparse.Namespace,
    argv: list[str] | None,
    runs: list[dict],
    seconds: float,
    load_at_start: tuple[float, float, float],
) -> str:
    command = "python " + shlex.join(
        ["benchmarks/bench_fine_tune.py", *(argv if argv is not None else sys.argv[1:])]
    )
    lines = [
        *run_header(
            "Fine-tuning on eight songs",
            f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}, {seconds / 60:.1f} min in all:",
            command,
            load_at_start,
        ),
        "",
        f"Songs: {args.count} from `{args.songs}` per set, with 4 broken files in the folder (all "
        "reported and skipped); the last 15% of "
        "each song held back as the test.",
        "",
        "| set | model | NLL nats/note | nats/event | notes scored | wall time of the run | of it training "
        "| epochs (best) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    totals: dict[str, Score] = {}
    for run in runs:
        for path, found in run["scores"].items():
            info = run["trained"].get(path)
            if info is None:
                label = f"`{read_metadata(path).name}` (base)"
            elif path == run["scratch"]:
                label = "from scratch"
            else:
                label = f"fine-tuned from `{read_metadata(info['base']).name}`"
            totals.setdefault(label, Score()).add(found)
            timing = ["", "", ""]
            if info:
                timing = [
                    f"{info['wall']:.0f} s",
                    f"{info['training']:.0f} s",
                    f"{info['epochs']} ({info['best_epoch']})",
                ]
            lines.append(
                f"| {run['seed']} | {label} | {found.per_note:.3f} | {found.per_event:.3f} | {found.notes} | "
                + " | ".join(timing)
                + " |"
            )
    if len(runs) > 1:
        lines += ["", "All sets together:", "", "| model | NLL nats/note | notes scored |", "|---|---|---|"]
        lines += [f"| {label} | {score.per_note:.3f} | {score.notes} |" for label, score in totals.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
