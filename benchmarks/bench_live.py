"""Live harmonize latency over loopback: player note-on sent → harmony note-on received.

    python benchmarks/bench_live.py --notes 2000 --out benchmarks/RESULTS.md

Starts ``osc-composer serve`` on the bundled model, then for 1 and for 8 client processes
playing at once: each client sets ``/composer/live/param/mode harmonize`` and plays
``--notes`` notes (a scale, one every ``--gap`` seconds, each held half that), timing from
just before its ``/composer/live/note`` datagram is sent to the arrival of the first
``/composer/play/noteon`` that answers it, on the client's own socket (reply port 0). It
also times the same harmonize step in-process (the engine alone), so the table says
where the time goes. Results go into ``benchmarks/RESULTS.md`` between
``<!-- bench_live:start -->`` and ``<!-- bench_live:end -->``.
"""

from __future__ import annotations

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import shlex  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import free_udp_port, replace_section, run_header, stop_process  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SCALE = (60, 62, 64, 65, 67, 69, 71, 72)
NOTOCHORD_MS = 10.0  # "below ten milliseconds" (Notochord's paper and README), no percentile given


def osc(path: str, types: str, *values) -> bytes:
    from osc_composer.server.wire import build_message

    return build_message(path, types, list(values))


# --- client: a separate process with its own socket ----------------------------------------------
def client_main(port: int, notes: int, gap: float, harmony: int) -> int:
    from osc_composer.server.wire import parse_packet

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((HOST, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    server = (HOST, port)
    for packet in (
        osc("/composer/reply_port", "i", 0),
        osc("/composer/param/scale", "s", "major"),
        osc("/composer/live/param/harmony", "i", harmony),
        osc("/composer/live/param/mode", "i", 1),  # harmonize
    ):
        sock.sendto(packet, server)
    print("ready", flush=True)
    start_at = json.loads(sys.stdin.readline())["start"]
    time.sleep(max(0.0, start_at - time.time()))
    latencies: list[float] = []
    lost = 0
    for index in range(notes):
        pitch = SCALE[index % len(SCALE)]
        sent = time.perf_counter()
        sock.sendto(osc("/composer/live/note", "ii", pitch, 90), server)
        answered = False
        deadline = sent + 1.0
        while not answered and time.perf_counter() < deadline:
            sock.settimeout(max(deadline - time.perf_counter(), 1e-4))
            try:
                data, _ = sock.recvfrom(65535)
            except TimeoutError:
                break
            for address, _, _ in parse_packet(data):
                if address == "/composer/play/noteon" and not answered:
                    latencies.append(time.perf_counter() - sent)
                    answered = True
        if not answered:
            lost += 1
        time.sleep(gap / 2)
        sock.sendto(osc("/composer/live/note", "ii", pitch, 0), server)
        time.sleep(gap / 2)
        sock.settimeout(0.0)
        try:
            while True:
                sock.recvfrom(65535)  # the note-offs
        except (BlockingIOError, TimeoutError):
            pass
    print(json.dumps({"latencies": latencies, "lost": lost}), flush=True)
    return 0


def run(port: int, clients: int, notes: int, gap: float, harmony: int) -> dict:
    command = [sys.executable, __file__, "--client", "--port", str(port), "--notes", str(notes)]
    command += ["--gap", str(gap), "--harmony", str(harmony)]
    processes = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(clients)
    ]
    try:
        for process in processes:
            assert process.stdout.readline().strip() == "ready"
        start = json.dumps({"start": time.time() + 0.5}) + "\n"
        for process in processes:
            process.stdin.write(start)
            process.stdin.flush()
        reports = [
            json.loads(p.communicate(timeout=notes * gap * 4 + 60)[0].splitlines()[-1]) for p in processes
        ]
    finally:
        for process in processes:
            stop_process(process)
    latencies = np.asarray([x for r in reports for x in r["latencies"]]) * 1e3
    return {
        "clients": clients,
        "notes": len(latencies),
        "lost": sum(r["lost"] for r in reports),
        "p50": float(np.percentile(latencies, 50)),
        "p99": float(np.percentile(latencies, 99)),
        "max": float(latencies.max()),
    }


def in_process(model: Path, notes: int, harmony: int, gap: float = 0.0) -> dict:
    """The harmonize step alone (feed the note-on, choose the harmony, feed it back), and the
    note-off; ``gap`` seconds of sleep between notes, as a player leaves them (the weights
    leave the CPU's caches meanwhile), or none (back to back, the weights stay cached)."""
    from osc_composer.engine.loader import load_engine
    from osc_composer.engine.streaming import Constraints, LiveStream
    from osc_composer.music.theory import allowed_pitches

    engine = load_engine(str(model))
    stream = LiveStream(engine, seed=0)
    constraints = Constraints(allowed_pitches(0, "major"))
    times = []
    for index in range(notes):
        pitch = SCALE[index % len(SCALE)]
        if gap:
            time.sleep(gap)
        started = time.perf_counter()
        stream.note_on(pitch, 90, index * 6)
        added = stream.harmonize(harmony, constraints, around=pitch, interval_low=-12, interval_high=-1)
        times.append(time.perf_counter() - started)
        stream.settle()
        stream.note_off(pitch, index * 6 + 3)
        for other in added:
            stream.note_off(other, index * 6 + 3)
    values = np.asarray(times[10:]) * 1e3
    return {
        "notes": len(values),
        "p50": float(np.percentile(values, 50)),
        "p99": float(np.percentile(values, 99)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="default: the bundled default model")
    parser.add_argument("--notes", type=int, default=2000, help="notes per client")
    parser.add_argument("--gap", type=float, default=0.02, help="seconds between a client's notes")
    parser.add_argument("--harmony", type=int, default=2, help="harmony notes per played note")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.client:
        return client_main(args.port, args.notes, args.gap, args.harmony)
    from osc_composer.model.paths import default_model_path

    model = args.model or default_model_path()
    load_at_start = os.getloadavg()
    port = free_udp_port()
    log = Path(tempfile.mkdtemp()) / "server.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "osc_composer.cli", "serve", "--no-console", "--model", str(model),
         "--host", HOST, "--port", str(port), "--reply-port", "0"],
        stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=REPO,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while "ready in" not in log.read_text(errors="replace"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("server did not start:\n" + log.read_text(errors="replace"))
            time.sleep(0.05)
        rows = [run(port, clients, args.notes, args.gap, args.harmony) for clients in (1, 8)]
    finally:
        stop_process(server)
    warm = in_process(model, args.notes, args.harmony)
    cold = in_process(model, min(args.notes, 500), args.harmony, args.gap)
    command = "python " + shlex.join(["benchmarks/bench_live.py", *(argv or sys.argv[1:])])
    gap_ms = args.gap * 1e3
    lines = [
        *run_header(
            "Live harmonize latency (issue 14)",
            f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, model `{Path(model).name}`.",
            command,
            load_at_start,
        ),
        "",
        f"Each client process plays {args.notes} notes (one every {gap_ms:.0f} ms) in `harmonize` "
        f"mode with {args.harmony} harmony notes; latency is from just before the player's "
        "`/composer/live/note` datagram is sent to the arrival of the first `/composer/play/noteon` "
        "it caused, over loopback UDP. The engine rows time the same step in-process: back to "
        f"back, and with the players' {gap_ms:.0f} ms between notes.",
        "",
        "| | notes timed | lost | p50 ms | p99 ms | max ms | goal |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = "met" if row["p50"] <= 2.0 and row["p99"] <= 5.0 else "**missed**"
        lines.append(
            f"| osc-composer, {row['clients']} client(s) | {row['notes']} | {row['lost']} | "
            f"{row['p50']:.2f} | {row['p99']:.2f} | {row['max']:.2f} | p50 ≤ 2, p99 ≤ 5: {met} |"
        )
    lines += [
        f"| engine alone, notes back to back | {warm['notes']} | 0 | "
        f"{warm['p50']:.2f} | {warm['p99']:.2f} | | |",
        f"| engine alone, {gap_ms:.0f} ms between notes | {cold['notes']} | 0 | "
        f"{cold['p50']:.2f} | {cold['p99']:.2f} | | |",
        f'| Notochord (published: "below ten milliseconds") | | | < {NOTOCHORD_MS:.0f} | | | |',
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        document = args.out.read_text() if args.out.exists() else "# Results\n"
        args.out.write_text(replace_section(document, "bench_live", text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
