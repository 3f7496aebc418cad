"""Engine cost per event of several models, measured in one run, interleaved.

    python benchmarks/bench_models.py models/bach-chorales models/mixture --out benchmarks/RESULTS.md

For each model: a seed of 64 events is primed and exactly 64 events are sampled (the
engine's ``events`` mode), at batch 1 and with 8 variations; the time per sampled event
and per primed event. Models take turns run by run, so a machine that slows down during
the run slows every model alike; the ratios to the first model are what to read (these
machines vary 2× from day to day). Results go into ``benchmarks/RESULTS.md`` between
``<!-- bench_models:start -->`` and ``<!-- bench_models:end -->``.
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # as the server runs (see osc_composer/cli.py)

import argparse  # noqa: E402
import platform  # noqa: E402
import shlex  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import replace_section, versions  # noqa: E402

from osc_composer.engine.generate import GenerationRequest  # noqa: E402
from osc_composer.engine.loader import load_engine  # noqa: E402
from osc_composer.engine.params import SamplingParams  # noqa: E402
from osc_composer.music.notes import Note  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EVENTS = 64


def seed_of_events(engine, events: int) -> list[Note]:
    """A melody whose encoding in this model's vocabulary has about ``events`` events."""
    notes: list[Note] = []
    while True:
        candidate = [*notes, Note(60 + (len(notes) * 7) % 12, 90, len(notes) * 0.5, 0.5)]
        tokens, _ = engine.seed_tokens(candidate, float(len(candidate)) * 0.5)
        if len(tokens) > events:
            return notes
        notes = candidate


def one_run(engine, seed: list[Note], variations: int) -> tuple[float, int]:
    params = SamplingParams.create(seed=1, variations=variations, temperature=0.9)
    engine._prime_cache.clear()  # priming is part of a request
    started = time.perf_counter()
    result = engine.generate([GenerationRequest(seed, params)], events=EVENTS)[0]
    return time.perf_counter() - started, result.tokens_sampled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--out", type=Path, default=None, help="RESULTS.md to write the section into")
    args = parser.parse_args(argv)
    engines = [load_engine(str(m)) for m in args.models]
    seeds = [seed_of_events(e, EVENTS) for e in engines]
    times: dict[tuple[int, int], list[float]] = {}
    for run in range(args.runs + 3):
        for index, (engine, seed) in enumerate(zip(engines, seeds, strict=True)):
            for variations in (1, 8):
                seconds, _ = one_run(engine, seed, variations)
                if run >= 3:  # warm-up runs are dropped
                    times.setdefault((index, variations), []).append(seconds / EVENTS)
    rows = []
    base = {v: statistics.median(times[(0, v)]) for v in (1, 8)}
    for index, engine in enumerate(engines):
        weights = engine.weights
        row = {
            "model": engine.name,
            "vocabulary": f"{engine.vocab.size} ({engine.vocab.encoding})",
            "controls": "yes" if engine.has_controls else "no",
            "flops": weights.flops_per_token,
        }
        for variations in (1, 8):
            median = statistics.median(times[(index, variations)])
            row[f"ms{variations}"] = median * 1e3
            row[f"ratio{variations}"] = median / base[variations]
        rows.append(row)
    command = "python " + shlex.join(["benchmarks/bench_models.py", *(argv or sys.argv[1:])])
    lines = [
        "## Engine cost per event, model by model",
        "",
        f"`{command}` on {datetime.now(timezone.utc):%Y-%m-%d}, {os.cpu_count()} CPU cores "
        f"({platform.machine()}), Python {platform.python_version()}, "
        f"numpy {np.__version__}; {args.runs} interleaved runs per model (medians). One request: a "
        f"{EVENTS}-event seed primed and exactly {EVENTS} events sampled; time per sampled event "
        "(priming included).",
        "",
        "| model | vocabulary | controls | FLOPs/event | ms/event, 1 variation | × first | "
        "ms/event, 8 variations | × first |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['model']} | {row['vocabulary']} | {row['controls']} | {row['flops']:,} | "
            f"{row['ms1']:.3f} | {row['ratio1']:.2f} | {row['ms8']:.3f} | {row['ratio8']:.2f} |"
        )
    lines.append("")
    lines.append("Versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()) + ".")
    text = "\n".join(lines)
    print(text)
    if args.out:
        document = args.out.read_text() if args.out.exists() else "# Results\n"
        args.out.write_text(replace_section(document, "bench_models", text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
