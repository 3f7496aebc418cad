"""Reading a large MIDI corpus for training: files per second and peak memory, first run
(parsing in parallel) and cached run, against the single-process reading it replaced.

    python benchmarks/bench_corpus.py --source data/default --files 20000

1. **Generates** ``--files`` MIDI files from the files under ``--source`` (each source file
   transposed by -5…+6 semitones and re-timed: played at 0.5×, 1×, 1.5× or 2× its note
   lengths and written at another tempo and resolution), in the source's style subfolders.
2. **Measures**, each phase in a fresh process (peak RSS of the process and of its largest
   worker, from ``getrusage``), the settings ``osc-composer train`` uses by default
   (key-normalised, time-stretched, note-off vocabulary):

   * ``baseline``: the reading the previous commit did (``--baseline-commit``, from ``git
     archive``): one process, every file's events in memory, then concatenated;
   * ``first run``: :func:`osc_composer.training.prepare.prepare_corpus` with ``--jobs`` processes and an
     empty cache (parse, tokenise, cache, write the streams);
   * ``cached run``: the same again (nothing parsed: records and streams come from the cache);
   * ``training start``: ``osc-composer train`` for ``--steps`` steps on the cached corpus, the
     old code and the new, to show what streaming saves where the whole corpus met TensorFlow.

   The training streams of the baseline and of the new code are hashed: they must be equal.

Writes its section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))  # this checkout's package, whatever `pip install -e` points at

from bench_engine import replace_section, run_header  # noqa: E402

from osc_composer.music.midi import MidiFileError, find_midi_files, read_midi, write_midi  # noqa: E402
from osc_composer.music.notes import Note, transpose_notes  # noqa: E402

STRETCHES = (1.0, 0.5, 1.5, 2.0)
RESOLUTIONS = (480, 960, 384, 240)

# Each phase runs this in a fresh process with the package under test first on sys.path; it
# prints one JSON line: seconds, peak RSS (MB) of the process and of its largest child, the
# stream's hash and size.
PHASE = r"""
import hashlib, json, resource, sys, time
from pathlib import Path
import numpy as np
from osc_composer.music.encoding import Vocabulary

folder, kind, jobs, cache = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
started = time.perf_counter()
if kind == "baseline":
    from osc_composer.training.train import _stream, load_corpus
    corpus = load_corpus(folder, Vocabulary(), key_normalized=True, time_stretch=True)
    train = _stream(corpus.train)
    files = len(corpus.train) - corpus.stretched + len(corpus.validation) + len(corpus.skipped)
    cached = 0
else:
    from osc_composer.training.prepare import ReadSettings, prepare_corpus
    prepared = prepare_corpus(folder, ReadSettings(Vocabulary(), False, True, True),
                              validation_percent=10.0, jobs=jobs, cache_dir=Path(cache))
    train = prepared.train
    files = len(prepared.train_files) + len(prepared.validation_files) + len(prepared.skipped)
    cached = prepared.cached_files
seconds = time.perf_counter() - started
# measured before hashing: reading a memory-mapped stream to hash it maps its pages in
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
digest = hashlib.sha1()
for start in range(0, len(train), 1 << 20):  # in chunks: a memory map stays on disk
    digest.update(np.ascontiguousarray(train[start:start + (1 << 20)], np.int32).tobytes())
print(json.dumps({
    "seconds": seconds, "files": files, "cached": cached, "events": int(len(train)),
    "rss": rss, "cpu": sum(u.ru_utime + u.ru_stime for u in used),
    "children_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "hash": digest.hexdigest(), "memmap": isinstance(train, np.memmap),
}))
"""


def generate(source: Path, target: Path, count: int, seed: int) -> float:
    """``count`` variants of the files under ``source`` in ``target``; returns seconds."""
    started = time.perf_counter()
    sources = find_midi_files(source)
    rng = np.random.default_rng(seed)
    rounds = -(-count // len(sources))
    written = 0
    for index, path in enumerate(sources):
        if index >= count:  # fewer files than sources: the first ones, once each
            break
        try:
            notes = read_midi(path).notes
        except MidiFileError:
            continue
        relative = path.relative_to(source)
        for variant in range(rounds):
            number = variant * len(sources) + index
            if number >= count:
                break
            stretch = STRETCHES[(number + variant) % len(STRETCHES)]
            moved = transpose_notes(notes, int(rng.integers(-5, 7)))
            timed = [
                Note(n.pitch, n.velocity, n.start_beats * stretch, n.duration_beats * stretch) for n in moved
            ]
            name = relative.with_name(f"{relative.stem}~v{variant}{relative.suffix}")
            write_midi(
                target / name,
                timed,
                tempo_bpm=float(rng.integers(60, 180)),
                ticks_per_beat=RESOLUTIONS[number % len(RESOLUTIONS)],
            )
            written += 1
    return time.perf_counter() - started


def unpack_commit(commit: str, target: Path) -> Path:
    """The package as it was at ``commit`` (``git archive``), to run the code it replaced."""
    archive = subprocess.run(
        ["git", "archive", commit, "osc_composer"], cwd=REPO, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def run_phase(package_root: Path, folder: Path, kind: str, jobs: int, cache: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(package_root)!r})\n" + PHASE,
         str(folder), kind, str(jobs), str(cache)],
        capture_output=True, text=True, cwd=package_root,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_training(package_root: Path, folder: Path, out: Path, steps: int, cache: Path) -> dict:
    """``osc-composer train`` for ``steps`` steps; wall time and the process's peak RSS (a
    child's peak says nothing here: TensorFlow forks helpers that count its pages as theirs)."""
    code = (
        f"import sys, resource, runpy; sys.path.insert(0, {str(package_root)!r}); "
        "sys.argv = ['osc-composer'] + sys.argv[1:]\n"
        "try:\n    runpy.run_module('osc_composer.cli', run_name='__main__')\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, code)"
    )
    # 1% held out: validating on 10% of a large corpus would take longer than the steps
    options = ["train", str(folder), "--out", str(out), "--epochs", "1", "--steps-per-epoch", str(steps)]
    options += ["--validation-percent", "1"]
    if (package_root / "osc_composer" / "prepare.py").exists():
        options += ["--cache-dir", str(cache)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *options], capture_output=True, text=True, cwd=package_root
    )
    seconds = time.perf_counter() - started
    line = [x for x in done.stdout.splitlines() if x.startswith("RSS ")]
    if not line or line[-1].split()[2] != "0":
        raise SystemExit(f"training failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    _, rss, _ = line[-1].split()
    return {"seconds": seconds, "rss": float(rss)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, default=REPO / "data" / "default")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=20, help="training steps of the training-start phase")
    parser.add_argument("--baseline-commit", default="8b5ebc1", help="the commit before parallel reading")
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out" / "corpus")
    parser.add_argument("--keep", action="store_true", help="reuse a generated corpus in --work")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    load_at_start = os.getloadavg()
    corpus = args.work / "midi"
    generated = None
    if not (args.keep and corpus.is_dir()):
        shutil.rmtree(args.work, ignore_errors=True)
        generated = generate(args.source, corpus, args.files, args.seed)
        print(f"generated {args.files:,} files in {generated:.0f} s", flush=True)
    baseline_root = unpack_commit(args.baseline_commit, args.work / "baseline")
    cache = args.work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    phases = {}
    for label, root, kind, jobs in (
        ("baseline: previous code, 1 process, in memory", baseline_root, "baseline", 1),
        (f"first run: {args.jobs} processes, empty cache", REPO, "new", args.jobs),
        (f"cached run: {args.jobs} processes", REPO, "new", args.jobs),
    ):
        phases[label] = run_phase(root, corpus, kind, jobs, cache)
        print(label, phases[label], flush=True)
    hashes = {p["hash"] for p in phases.values()}
    trainings = {}
    for label, root in (("previous code", baseline_root), ("this code", REPO)):
        trainings[label] = run_training(root, corpus, args.work / f"model-{label[:4]}", args.steps, cache)
        print(label, trainings[label], flush=True)

    command = "python " + shlex.join(
        ["benchmarks/bench_corpus.py", *(argv if argv is not None else sys.argv[1:])]
    )
    events = next(iter(phases.values()))["events"]
    lines = [
        *run_header(
            "Large corpora: reading 20,000 MIDI files",
            f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC}, "
            f"{(time.perf_counter() - started) / 60:.1f} min in all:",
            command,
            load_at_start,
        ),
        "",
        f"Corpus: {args.files:,} MIDI files generated from `{args.source}` (transposed, re-timed, other "
        f"tempo and resolution){f' in {generated:.0f} s' if generated else ''}; read key-normalised and "
        f"time-stretched in the note-off vocabulary: {events:,} training events. Training streams "
        + ("**identical** in all three phases" if len(hashes) == 1 else "**DIFFERENT** (a bug)")
        + " (SHA-1 of the event stream).",
        "",
        "| phase | seconds | files/s | CPU seconds (all processes) | peak RSS, process | peak RSS, largest "
        "worker | from cache | stream |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, p in phases.items():
        lines.append(
            f"| {label} | {p['seconds']:.1f} | {p['files'] / p['seconds']:,.0f} | {p['cpu']:.0f} | "
            f"{p['rss']:,.0f} MB | "
            f"{p['children_rss']:,.0f} MB | {p['cached']:,} | "
            f"{'memory-mapped' if p['memmap'] else 'in memory'} |"
        )
    first, cached = list(phases.values())[1:]
    base = next(iter(phases.values()))
    lines += [
        "",
        f"First run {base['seconds'] / first['seconds']:.1f}× the baseline's speed; cached run "
        f"{base['seconds'] / cached['seconds']:.0f}× (and {first['seconds'] / cached['seconds']:.0f}× the "
        "first run).",
        "",
        f"Training start (`osc-composer train … --epochs 1 --steps-per-epoch {args.steps} "
        "--validation-percent 1`, default 2×256 model; this code's records come from the cache):",
        "",
        "| code | wall time | peak RSS |",
        "|---|---|---|",
    ]
    for label, t in trainings.items():
        lines.append(f"| {label} | {t['seconds']:.0f} s | {t['rss']:,.0f} MB |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        document = args.out.read_text() if args.out.exists() else ""
        args.out.write_text(replace_section(document, "corpus", text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
