"""Benchmark the inference engine and the OSC server, all in one run on the same weights.

    python benchmarks/bench_engine.py --model models/bach-chorales --out benchmarks/RESULTS.md

What one run measures (see benchmarks/README.md for the definitions):

1. the tutorial loop: ``model.predict`` on a sliding window once per generated event;
2. the engine, batch 1 and 8 variations: a 64-event seed → exactly 64 sampled events;
3. the arithmetic limit (FLOPs ÷ measured BLAS rate) and a bare numpy matmul loop;
4. end-to-end latency over loopback UDP from a separate client process to ``osc-composer serve``;
5. throughput with 16 concurrent client processes;
6. cold start (process launch → first reply);
7. the server's peak RSS (VmHWM).

Everything stays on 127.0.0.1, every child process is ended by its pid, and every phase
has a time limit, so a run ends by itself (in ~5 minutes by default).
"""

from __future__ import annotations

import os

# As the CLI does: one BLAS thread (see osc_composer/cli.py). Before numpy is imported.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED_EVENTS = 64  # events in the seed (BOS not counted)
NEW_EVENTS = 64  # events sampled per continuation
TEMPERATURE = 0.9
HOST = "127.0.0.1"

TARGETS = {
    "engine_vs_limit": ("engine (batch 1) ≤ 1.5× the arithmetic limit", 1.5, "max"),
    "engine_vs_naive": ("engine ≥ 300× faster than the naive loop", 300.0, "min"),
    "e2e_p50": ("end-to-end OSC p50 ≤ 15 ms", 15.0, "max"),
    "e2e_p99": ("end-to-end OSC p99 ≤ 25 ms", 25.0, "max"),
    "osc_overhead": ("OSC p50 − the same request in-process ≤ 3 ms", 3.0, "max"),
    "variations_ratio": ("8 variations ≤ 2.5× one", 2.5, "max"),
    "throughput": ("16 clients ≥ 200 requests/s", 200.0, "min"),
    "throughput_p99": ("16 clients p99 ≤ 100 ms", 100.0, "max"),
    "cold_start": ("cold start ≤ 4 s", 4.0, "max"),
    "peak_rss": ("server peak RSS ≤ 600 MB", 600.0, "max"),
}


# --- small helpers --------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, float), q)) if values else float("nan")


def timed(
    function, repeats: int, warmup: int = 2, budget: float | None = None, minimum: int = 3
) -> list[float]:
    """Wall-clock seconds of ``repeats`` calls (after ``warmup``), stopping early past ``budget``
    seconds once ``minimum`` calls are timed."""
    for _ in range(warmup):
        function()
    times: list[float] = []
    started = time.perf_counter()
    for _ in range(repeats):
        t = time.perf_counter()
        function()
        times.append(time.perf_counter() - t)
        if budget is not None and time.perf_counter() - started > budget and len(times) >= minimum:
            break
    return times


def summary_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "median": statistics.median(ms),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "min": min(ms),
        "max": max(ms),
    }


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def read_proc_status(pid: int) -> dict[str, int]:
    """VmHWM/VmRSS in kB from /proc (psutil is not a dependency)."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine_info() -> dict[str, Any]:
    cpu = "?"
    memory = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    caches = {}
    for index in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*"):
        try:
            level = (index / "level").read_text().strip()
            kind = (index / "type").read_text().strip()
            caches[f"L{level} {kind}"] = (index / "size").read_text().strip()
        except OSError:
            continue
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "caches (per core)": ", ".join(f"{k}: {v}" for k, v in sorted(caches.items())),
        "kernel": platform.release(),
    }


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for name in ("tensorflow", "keras", "numpy", "python-osc", "osc-composer"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    found["BLAS"] = blas_info()
    return found


def blas_info() -> str:
    """numpy's BLAS and its thread count (threadpoolctl when installed, else OpenBLAS's own API)."""
    try:
        from threadpoolctl import threadpool_info

        pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            return ", ".join(
                f"{p['internal_api']} {p.get('version')} threads={p['num_threads']}" for p in pools
            )
    except ImportError:
        pass
    import ctypes
    import glob

    libs = glob.glob(str(Path(np.__file__).parent.parent / "numpy.libs" / "*openblas*"))
    for lib in libs:
        try:
            handle = ctypes.CDLL(lib)
            for symbol in (
                "scipy_openblas_get_num_threads64_",
                "openblas_get_num_threads64_",
                "openblas_get_num_threads",
            ):
                if hasattr(handle, symbol):
                    return f"OpenBLAS ({Path(lib).name}) threads={getattr(handle, symbol)()}"
        except OSError:
            continue
    return "unknown"


# --- the seed ---------------------------------------------------------------------------------
def seed_notes(count: int):
    from osc_composer.music.notes import Note

    melody = [60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62]
    return [Note(melody[i % len(melody)], 80, i * 0.5, 0.5) for i in range(count)]


def seed_with_events(engine, events: int):
    """The shortest melody whose encoding (up to the origin, BOS excluded) has ``events`` events."""
    for count in range(1, 400):
        notes = seed_notes(count)
        origin = math.ceil(max(n.end_beats for n in notes))
        tokens, _ = engine.seed_tokens(notes, origin)
        if len(tokens) - 1 == events:
            return notes, tokens
        if len(tokens) - 1 > events:
            break
    raise RuntimeError(f"no melody encodes to exactly {events} events")


# --- 2/3: engine, arithmetic limit, bare loop ---------------------------------------------------
def weight_matrices(weights) -> list[np.ndarray]:
    """Every matrix a step multiplies by, in step order (the first layer's input is a lookup)."""
    matrices = []
    for layer in weights.layers:
        if layer.kernel is not None:
            matrices.append(layer.kernel)
        matrices.append(layer.recurrent)
    matrices.append(weights.dense_kernel)
    return matrices


def blas_rates(weights, budget: float) -> dict[str, Any]:
    """GFLOP/s of numpy matrix-vector products of the model's shapes, at batch 1.

    * ``hot``: each shape alone, repeated (its matrix stays in cache);
    * ``sustained``: one step's products back to back, as a step must do them (with every
      weight matrix of the model streaming through the caches in turn).
    """
    rng = np.random.default_rng(0)
    matrices = [np.ascontiguousarray(m, dtype=np.float32) for m in weight_matrices(weights)]
    vectors = [rng.standard_normal((1, m.shape[0]), dtype=np.float32) for m in matrices]
    outputs = [np.empty((1, m.shape[1]), np.float32) for m in matrices]
    per_shape = []
    deadline = time.perf_counter() + budget / 2
    for m, v, o in zip(matrices, vectors, outputs, strict=True):
        repeats = 2000
        seconds = min(
            t / repeats
            for t in timed(lambda m=m, v=v, o=o, r=repeats: [np.matmul(v, m, out=o) for _ in range(r)], 5, 1)
        )
        per_shape.append(
            {"shape": f"{m.shape[0]}×{m.shape[1]}", "us": seconds * 1e6, "gflops": 2 * m.size / seconds / 1e9}
        )
        if time.perf_counter() > deadline:
            break
    flops = sum(2 * m.size for m in matrices)

    def one_step_each(repeats: int = 500) -> None:
        for _ in range(repeats):
            for m, v, o in zip(matrices, vectors, outputs, strict=True):
                np.matmul(v, m, out=o)

    step = min(timed(one_step_each, 7, 1)) / 500
    hot_step = sum(s["us"] for s in per_shape) / 1e6
    return {
        "per_shape": per_shape,
        "flops_per_step": flops,
        "hot_gflops": flops / hot_step / 1e9,
        "sustained_gflops": flops / step / 1e9,
        "sustained_step_us": step * 1e6,
        "weight_bytes": sum(m.nbytes for m in matrices),
    }


def bare_loop(weights, primed: int, sampled_steps: int, rows: int) -> float:
    """Seconds for only the matrix products the engine's request needs: ``primed`` steps at
    batch 1, then ``sampled_steps`` steps at ``rows`` rows. No gates, masks or sampling."""
    matrices = [np.ascontiguousarray(m, dtype=np.float32) for m in weight_matrices(weights)]
    units = weights.layers[0].recurrent.shape[0]
    h1 = np.zeros((1, units), np.float32) + 0.1
    hb = np.zeros((rows, units), np.float32) + 0.1
    started = time.perf_counter()
    for _ in range(primed):
        for m in matrices:
            _ = h1 @ m
    for _ in range(sampled_steps):
        for m in matrices:
            _ = hb @ m
    return time.perf_counter() - started


def engine_phase(engine, seed, seed_tokens_, runs: int, budget: float) -> dict[str, Any]:
    from osc_composer.engine.generate import GenerationRequest
    from osc_composer.engine.params import SamplingParams

    results: dict[str, Any] = {}
    for variations in (1, 8):
        params = SamplingParams.create(temperature=TEMPERATURE, seed=7, variations=variations)
        request = [GenerationRequest(seed, params)]
        check = engine.generate(request, events=NEW_EVENTS)[0]
        assert check.tokens_sampled == NEW_EVENTS * variations, check.tokens_sampled
        times = timed(
            lambda request=request: engine.generate(request, events=NEW_EVENTS), runs, 3, budget / 3
        )
        results[f"b{variations}"] = summary_ms(times)
        results[f"b{variations}"]["notes"] = sum(len(v) for v in check.variations) / variations
    prime = timed(lambda: engine.prime(seed_tokens_), runs, 2, budget / 6)
    results["prime"] = summary_ms(prime)
    return results


# --- the compiled alternative -------------------------------------------------------------------
def compiled_phase(weights, seed_tokens_, runs: int, budget: float) -> dict[str, Any]:
    """The other fast path the issue names: the whole prime + sample loop as one XLA-compiled
    ``tf.function`` (same weights, temperature sampling only: no grammar or key masks, so it
    does less work than the engine). Measured so the choice of the numpy engine is a measurement."""
    import tensorflow as tf

    table = tf.constant(weights.input_table)
    layers = [
        (None if layer.kernel is None else tf.constant(layer.kernel), tf.constant(layer.recurrent),
         tf.constant(layer.bias))
        for layer in weights.layers
    ]  # fmt: skip
    dense_kernel, dense_bias = tf.constant(weights.dense_kernel), tf.constant(weights.dense_bias)
    units = [layer.recurrent.shape[0] for layer in weights.layers]

    def step(token, hs, cs):
        x, new_h, new_c = None, [], []
        for index, (kernel, recurrent, bias) in enumerate(layers):
            z = tf.gather(table, token) if kernel is None else x @ kernel + bias
            z += hs[index] @ recurrent
            i, f, g, o = tf.split(z, 4, axis=-1)
            c = tf.sigmoid(f) * cs[index] + tf.sigmoid(i) * tf.tanh(g)
            x = tf.sigmoid(o) * tf.tanh(c)
            new_h.append(x)
            new_c.append(c)
        return x @ dense_kernel + dense_bias, new_h, new_c

    @tf.function(jit_compile=True)
    def continuation(tokens, seed):
        hs = [tf.zeros((1, u)) for u in units]
        cs = [tf.zeros((1, u)) for u in units]
        logits = tf.zeros((1, weights.dense_bias.shape[0]))
        for t in tf.range(tf.shape(tokens)[0]):
            logits, hs, cs = step(tf.reshape(tokens[t], [1]), hs, cs)
        sampled = tf.TensorArray(tf.int32, size=NEW_EVENTS)
        for t in tf.range(NEW_EVENTS):
            token = tf.random.stateless_categorical(logits / TEMPERATURE, 1, seed=seed + t, dtype=tf.int32)[0]
            sampled = sampled.write(t, token[0])
            logits, hs, cs = step(token, hs, cs)
        return sampled.stack()

    tokens = tf.constant(np.asarray(seed_tokens_, np.int32))
    seed = tf.constant([1, 2], tf.int32)
    started = time.perf_counter()
    continuation(tokens, seed).numpy()  # trace and compile
    compile_ms = (time.perf_counter() - started) * 1000
    times = timed(lambda: continuation(tokens, seed).numpy(), runs, 2, budget)
    result = summary_ms(times)
    result["compile_ms"] = compile_ms
    return result


# --- 1: the tutorial loop -----------------------------------------------------------------------
def naive_phase(model, output: str, seed_tokens_, runs: int, budget: float) -> dict[str, Any]:
    """``model.predict`` on the last 64 tokens, once per new event; sample; slide the window."""
    rng = np.random.default_rng(0)
    window_length = SEED_EVENTS

    def one_phrase() -> None:
        window = list(seed_tokens_[-window_length:])
        for _ in range(NEW_EVENTS):
            scores = model.predict(np.asarray([window], np.int32), verbose=0)[0, -1].astype(np.float64)
            logits = np.log(np.maximum(scores, 1e-30)) if output == "probabilities" else scores
            probs = np.exp((logits - logits.max()) / TEMPERATURE)
            token = int(rng.choice(len(probs), p=probs / probs.sum()))
            window = [*window[1:], token]

    first_started = time.perf_counter()
    model.predict(np.asarray([list(seed_tokens_[-window_length:])], np.int32), verbose=0)  # trace once
    first_call = time.perf_counter() - first_started
    times = timed(one_phrase, runs, 0, budget, minimum=1)
    result = summary_ms(times)
    result["first_predict_ms"] = first_call * 1000
    result["per_event_ms"] = result["median"] / NEW_EVENTS
    return result


# --- 4-7: the server ---------------------------------------------------------------------------
def server_command(model: Path, port: int) -> list[str]:
    script = Path(sys.executable).parent / "osc-composer"
    launcher = [str(script)] if script.exists() else [sys.executable, "-m", "osc_composer.cli"]
    return [
        *launcher,
        "serve",
        "--no-console",
        "--model",
        str(model),
        "--host",
        HOST,
        "--port",
        str(port),
        "--reply-port",
        "0",
    ]


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log_path: Path
    launched: float
    children: list[subprocess.Popen] = field(default_factory=list)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        for child in self.children:
            stop_process(child)
        stop_process(self.process)


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def osc(path: str, types: str, *values: Any) -> bytes:
    from osc_composer.server.wire import build_message

    return build_message(path, types, list(values))


def seed_message(notes) -> bytes:
    values: list[Any] = []
    for n in notes:
        values += [n.pitch, n.velocity, n.start_beats, n.duration_beats]
    return osc("/composer/seed/notes", "iiff" * len(notes), *values)


def generate_message(request_id: int, length: float) -> bytes:
    return osc(
        "/composer/generate",
        "isfsfsi",
        request_id,
        "length",
        length,
        "temperature",
        TEMPERATURE,
        "seed",
        request_id,
    )


def cold_start(model: Path, notes, length: float, log_dir: Path, timeout: float) -> tuple[Server, dict]:
    """Launch the server and hammer it with seed+generate until the first result arrives."""
    from osc_composer.server.wire import pack_bundles, parse_packet

    port = free_udp_port()
    log_path = log_dir / f"server-{port}.log"
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((HOST, 0))
    sock.settimeout(0.02)
    packet = pack_bundles([seed_message(notes), generate_message(1, length)], 65000)[0]
    with log_path.open("w") as log_file:
        launched = time.perf_counter()
        process = subprocess.Popen(
            server_command(model, port),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
        )
    server = Server(process, port, log_path, launched)
    first_reply = None
    try:
        while time.perf_counter() - launched < timeout and process.poll() is None:
            sock.sendto(packet, (HOST, port))
            try:
                data, _ = sock.recvfrom(65535)
            except (TimeoutError, OSError):
                continue
            if any(address == "/composer/end" for address, _, _ in parse_packet(data)):
                first_reply = time.perf_counter() - launched
                break
    finally:
        sock.close()
    if first_reply is None:
        server.stop()
        raise RuntimeError(f"server gave no result within {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")
    ready = re.search(r"ready in ([0-9.]+) s", server.log())
    return server, {"first_reply_s": first_reply, "ready_in_s": float(ready.group(1)) if ready else None}


def start_clients(count: int, port: int, notes_count: int, length: float, timeout: float) -> list:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--client",
        "--port",
        str(port),
        "--seed-notes",
        str(notes_count),
        "--length",
        str(length),
    ]
    clients = [
        subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(count)
    ]
    deadline = time.monotonic() + timeout
    for client in clients:
        line = ""
        while time.monotonic() < deadline and client.poll() is None:
            line = client.stdout.readline()
            if line.strip() == "ready" or not line:
                break
        if line.strip() != "ready":
            for c in clients:
                stop_process(c)
            raise RuntimeError(
                f"a client did not get ready: {client.stderr.read()[-2000:] if client.poll() else ''}"
            )
    return clients


def run_clients(clients: list, requests: int, duration: float, warmup: int) -> list[dict]:
    start_at = time.time() + 0.5
    order = json.dumps({"start": start_at, "duration": duration, "requests": requests, "warmup": warmup})
    for client in clients:
        client.stdin.write(order + "\n")
        client.stdin.flush()
    reports = []
    for client in clients:
        try:
            out, err = client.communicate(timeout=duration + 60)
        except subprocess.TimeoutExpired:
            stop_process(client)
            raise RuntimeError("a client did not finish in time") from None
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if not lines:
            raise RuntimeError(f"a client reported nothing: {err[-2000:]}")
        reports.append(json.loads(lines[-1]))
    return reports


def e2e_phase(server: Server, notes, length: float, requests: int, budget: float) -> dict[str, Any]:
    clients = start_clients(1, server.port, len(notes), length, 60)
    server.children += clients
    report = run_clients(clients, requests, budget, warmup=10)[0]
    latencies = report["latencies"]
    result = summary_ms(latencies)
    result.update(
        lost=report["lost"], errors=report["errors"], notes_per_reply=report["notes"] / max(len(latencies), 1)
    )
    return result


def throughput_phase(
    server: Server, notes, length: float, clients_count: int, duration: float
) -> dict[str, Any]:
    clients = start_clients(clients_count, server.port, len(notes), length, 90)
    server.children += clients
    reports = run_clients(clients, 10**9, duration, warmup=0)
    latencies = [x for r in reports for x in r["latencies"]]
    elapsed = max(r["elapsed"] for r in reports)
    result = summary_ms(latencies) if latencies else {"n": 0}
    result.update(
        clients=clients_count,
        seconds=elapsed,
        requests_per_s=len(latencies) / elapsed if elapsed else 0.0,
        lost=sum(r["lost"] for r in reports),
        errors=sum(r["errors"] for r in reports),
        per_client=[len(r["latencies"]) for r in reports],
    )
    return result


# --- client mode: a separate process with its own socket (and so its own reply port) -----------
def client_main(args: argparse.Namespace) -> int:
    from osc_composer.server.wire import parse_packet

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((HOST, 0))
    server = (HOST, args.port)
    notes = seed_notes(args.seed_notes)

    def wait_for(predicate, timeout: float) -> tuple[bool, Any]:
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return False, None
            sock.settimeout(remaining)
            try:
                data, _ = sock.recvfrom(65535)
            except (TimeoutError, OSError):
                return False, None
            for message in parse_packet(data):
                verdict = predicate(message)
                if verdict is not None:
                    return True, verdict

    for _ in range(5):
        sock.sendto(seed_message(notes), server)
        ok, _ = wait_for(lambda m: True if m[0] == "/composer/seed/size" else None, 2.0)
        if ok:
            break
    else:
        print("no answer to the seed", file=sys.stderr)
        return 1
    print("ready", flush=True)
    order = json.loads(sys.stdin.readline())
    time.sleep(max(0.0, order["start"] - time.time()))
    latencies, notes_received, lost, errors = [], 0, 0, 0
    started = time.perf_counter()
    request_id = 0
    while len(latencies) < order["requests"] and time.perf_counter() - started < order["duration"]:
        request_id += 1
        count = [0]

        def finished(message, wanted=request_id, count=count):
            address, _, values = message
            if address == "/composer/note" and values[0] == wanted:
                count[0] += 1
            elif address == "/composer/end" and values[0] == wanted:
                return "end"
            elif address == "/composer/error" and values[0] in (wanted, -1):
                return "error"
            return None

        sent = time.perf_counter()
        sock.sendto(generate_message(request_id, args.length), server)
        ok, verdict = wait_for(finished, 2.0)
        latency = time.perf_counter() - sent
        if not ok:
            lost += 1
        elif verdict == "error":
            errors += 1
        elif request_id > order["warmup"]:
            latencies.append(latency)
            notes_received += count[0]
    print(
        json.dumps(
            {
                "latencies": latencies,
                "lost": lost,
                "errors": errors,
                "notes": notes_received,
                "elapsed": time.perf_counter() - started,
            }
        ),
        flush=True,
    )
    return 0


# --- calibration: OSC requests are in beats, not events -----------------------------------------
def calibrate_length(engine, seed) -> dict[str, Any]:
    """The length in beats whose continuations average ~64 events with this model and seed."""
    from osc_composer.engine.generate import GenerationRequest
    from osc_composer.engine.params import SamplingParams

    def events_at(length: float, samples: int = 24) -> list[int]:
        return [
            engine.generate(
                [
                    GenerationRequest(
                        seed, SamplingParams.create(temperature=TEMPERATURE, length=length, seed=s)
                    )
                ]
            )[0].tokens_sampled
            for s in range(samples)
        ]

    probe = 8.0
    per_beat = statistics.mean(events_at(probe)) / probe
    length = min(64.0, max(0.25, round(NEW_EVENTS / max(per_beat, 1e-6) * 4) / 4))
    counts = events_at(length)
    return {
        "length": length,
        "events_mean": statistics.mean(counts),
        "events_sd": statistics.pstdev(counts),
        "events_per_beat": per_beat,
    }


def capacity(engine, seed, length: float, clients: int, runs: int, budget: float) -> dict[str, float]:
    """In-process: one batch of ``clients`` requests of the OSC length (what the server's worker runs)."""
    from osc_composer.engine.generate import GenerationRequest
    from osc_composer.engine.params import SamplingParams

    requests = [
        GenerationRequest(seed, SamplingParams.create(temperature=TEMPERATURE, length=length, seed=i))
        for i in range(clients)
    ]
    one = [requests[0]]
    batch = summary_ms(timed(lambda: engine.generate(requests), runs, 1, budget / 2))
    single = summary_ms(timed(lambda: engine.generate(one), runs, 1, budget / 2))
    return {
        "batch_ms": batch["median"],
        "single_ms": single["median"],
        "max_requests_per_s": clients / (batch["median"] / 1000),
    }


# --- report -----------------------------------------------------------------------------------
def verdict(key: str, value: float | None) -> tuple[str, str]:
    text, target, kind = TARGETS[key]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return text, "not measured"
    met = value <= target if kind == "max" else value >= target
    if met:
        return text, "**met**"
    factor = value / target if kind == "max" else target / value
    return text, f"**missed** ({factor:.2f}× off)"


def fmt(value: Any, digits: int = 2) -> str:
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def write_report(path: Path, data: dict[str, Any]) -> str:
    r = data
    lines = [
        "# Engine and server benchmark",
        "",
        f"Date: {r['date']}  ",
        f"Command: `{r['command']}`  ",
        f"Model: `{r['model']}` ({r['architecture']}, vocabulary {r['vocabulary']}, "
        f"{r['flops_per_token'] / 1e6:.2f} MFLOP per event)  ",
        f"Load average at start / end: {r['load_start']} / {r['load_end']}  ",
        f"Wall time of the run: {r['wall_s']:.0f} s",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in r["machine"].items()],
        "",
        "## Versions",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in r["versions"].items()],
        "",
        "## What one request is",
        "",
        f"A {SEED_EVENTS}-event seed ({r['seed_notes']} notes; BOS + {SEED_EVENTS} events = "
        f"{r['primed_tokens']} tokens primed) continued by exactly {NEW_EVENTS} sampled events "
        f"at temperature "
        f"{TEMPERATURE} (`Engine.generate(..., events=64)`: the length stop is off, every row samples 64 "
        f"events). The network runs {r['network_steps']} steps per row: {r['primed_tokens']} to prime, "
        f"{NEW_EVENTS - 1} after sampled events (the last one needs none).",
        "",
        "## Targets",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    for key, value in r["targets"].items():
        text, result = verdict(key, value)
        lines.append(f"| {text} | {fmt(value)} | {result} |")
    e = r["engine"]
    a = r["arithmetic"]
    lines += [
        "",
        "## 1–3. Engine, tutorial loop, arithmetic limit (one request, batch 1 unless said)",
        "",
        "| measurement | median ms | p95 ms | runs | ratio |",
        "|---|---|---|---|---|",
    ]
    if r.get("naive"):
        n = r["naive"]
        lines.append(
            f"| naive: `model.predict` per event, window {SEED_EVENTS} | {n['median']:.0f} | "
            f"{n['p95']:.0f} | {n['n']} | engine is {r['targets']['engine_vs_naive']:.0f}× faster |"
        )
    lines += [
        f"| engine, 1 variation | {e['b1']['median']:.2f} | {e['b1']['p95']:.2f} | {e['b1']['n']} | 1 |",
    ]
    if r.get("compiled"):
        c = r["compiled"]
        lines.append(
            f"| whole loop as one XLA-compiled `tf.function` (no masks; compiling took "
            f"{c['compile_ms']:.0f} ms) | {c['median']:.2f} | {c['p95']:.2f} | {c['n']} | "
            f"{c['median'] / e['b1']['median']:.2f}× the engine |"
        )
    lines += [
        f"| engine, 8 variations | {e['b8']['median']:.2f} | {e['b8']['p95']:.2f} | {e['b8']['n']} | "
        f"{r['targets']['variations_ratio']:.2f}× one |",
        f"| engine, priming the seed only | {e['prime']['median']:.2f} | {e['prime']['p95']:.2f} | "
        f"{e['prime']['n']} | {e['prime']['median'] / e['b1']['median']:.2f} of one request |",
        f"| arithmetic limit, sustained BLAS rate (batch 1) | {a['limit_sustained_ms']:.2f} | | | "
        f"engine / limit = "
        f"{r['targets']['engine_vs_limit']:.2f} |",
        f"| arithmetic limit, cache-hot BLAS rate (batch 1) | {a['limit_hot_ms']:.2f} | | | engine / limit = "
        f"{e['b1']['median'] / a['limit_hot_ms']:.2f} |",
        f"| bare numpy loop of the products only, batch 1 | {a['bare_b1']['median']:.2f} | "
        f"{a['bare_b1']['p95']:.2f} "
        f"| {a['bare_b1']['n']} | engine / bare = {e['b1']['median'] / a['bare_b1']['median']:.2f} |",
        f"| bare numpy loop of the products only, 8 rows | {a['bare_b8']['median']:.2f} | "
        f"{a['bare_b8']['p95']:.2f} "
        f"| {a['bare_b8']['n']} | engine / bare = {e['b8']['median'] / a['bare_b8']['median']:.2f} |",
        "",
        f"BLAS rate for the model's matrix-vector shapes (numpy matmul, batch 1, {r['versions']['BLAS']}); "
        f"the weights are {a['weight_bytes'] / 2**20:.1f} MiB:",
        "",
        "| shape | µs (alone, cache-hot) | GFLOP/s |",
        "|---|---|---|",
        *[f"| {s['shape']} | {s['us']:.1f} | {s['gflops']:.1f} |" for s in a["per_shape"]],
        f"| one step, all shapes back to back (sustained) | {a['sustained_step_us']:.1f} | "
        f"{a['sustained_gflops']:.1f} |",
        "",
        f"Arithmetic limit = {r['network_steps']} steps × {r['flops_per_token'] / 1e6:.2f} MFLOP ÷ rate. "
        "The sustained rate is the one a real step can get: each product streams a different weight "
        "matrix, and together they do not fit in one core's L2 cache; the cache-hot rate is what one "
        "shape gets when its matrix stays in cache (a lower bound no step can reach). Priming can beat "
        "per-token rates, because the engine primes layer by layer (matrix-matrix products).",
    ]
    c = r["calibration"]
    lines += [
        "",
        "## 4–5. Over OSC (loopback UDP, separate client processes, `osc-composer serve --no-console`)",
        "",
        f"OSC requests give a length in beats, not events: {c['length']:g} beats, calibrated in this run "
        f"so that continuations average {c['events_mean']:.1f} ± {c['events_sd']:.1f} events "
        f"({c['events_per_beat']:.1f} events per beat with this model and seed). Each client sends "
        f"`/composer/generate id length {c['length']:g} temperature {TEMPERATURE} seed id`, waits for "
        "`/composer/end`, and sends the next (closed loop); latency is send → last datagram received.",
        "",
        "| measurement | requests | p50 ms | p95 ms | p99 ms | max ms | requests/s | lost |",
        "|---|---|---|---|---|---|---|---|",
    ]
    e2e = r.get("e2e")
    if e2e:
        lines.append(
            f"| 1 client | {e2e['n']} | {e2e['median']:.2f} | {e2e['p95']:.2f} | {e2e['p99']:.2f} | "
            f"{e2e['max']:.2f} | {1000 / e2e['median']:.0f} (serial) | {e2e['lost']} |"
        )
    t = r.get("throughput")
    if t and t.get("n"):
        lines.append(
            f"| {t['clients']} clients, {t['seconds']:.0f} s | {t['n']} | {t['median']:.2f} | "
            f"{t['p95']:.2f} | {t['p99']:.2f} | {t['max']:.2f} | {t['requests_per_s']:.0f} | {t['lost']} |"
        )
    cap = r.get("capacity")
    if cap:
        lines += [
            "",
            f"In-process, same length: one request takes {cap['single_ms']:.2f} ms in the engine "
            + (
                f"(over OSC the median takes {r['targets']['osc_overhead']:+.2f} ms more); "
                if r["targets"].get("osc_overhead") is not None
                else "; "
            )
            + f"one batch of "
            f"{r['clients']} requests (what the server's worker runs when all clients wait) takes "
            f"{cap['batch_ms']:.2f} ms, so the engine alone can serve at most "
            f"{cap['max_requests_per_s']:.0f} requests/s on this machine.",
        ]
    s = r.get("server", {})
    lines += [
        "",
        "## 6–7. Cold start and memory",
        "",
        "| measurement | value |",
        "|---|---|",
    ]
    for index, start in enumerate(s.get("cold_starts", []), 1):
        ready = f", server log says ready after {start['ready_in_s']:.2f} s" if start["ready_in_s"] else ""
        lines.append(f"| cold start {index}: launch → first result | {start['first_reply_s']:.2f} s{ready} |")
    if s.get("import_s") is not None:
        lines.append(
            f"| importing TensorFlow, for comparison (the server does not: it reads the weights with "
            f"h5py) | {s['import_s']:.2f} s |"
        )
    if s.get("peak_rss_mb") is not None:
        lines.append(f"| server peak RSS (VmHWM) after all requests | {s['peak_rss_mb']:.0f} MB |")
        lines.append(f"| server RSS now (VmRSS) | {s['rss_mb']:.0f} MB |")
    if s.get("tf_rss_mb") is not None:
        lines.append(f"| a bare `import tensorflow` process, peak RSS | {s['tf_rss_mb']:.0f} MB |")
    if r.get("notes"):
        lines += ["", "## Notes", "", *[f"- {note}" for note in r["notes"]]]
    text = "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(replace_section(path.read_text() if path.exists() else "", "bench_engine", text))
    return text


def run_header(
    title: str, when: str, command: str, load_at_start: tuple[float, ...] | None = None
) -> list[str]:
    """The opening lines every benchmark report shares: title, when, the command, the machine,
    the versions, and (given the load average at the start) the load at start and end."""
    lines = [
        f"# {title}",
        "",
        when,
        "",
        "```sh",
        command,
        "```",
        "",
        "Machine: " + "; ".join(f"{key} {value}" for key, value in machine_info().items()) + ".",
        "Versions: " + "; ".join(f"{key} {value}" for key, value in versions().items()) + ".",
    ]
    if load_at_start is not None:
        lines.append(
            f"Load average at start / end: {' '.join(f'{x:.2f}' for x in load_at_start)} / "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}."
        )
    return lines


def replace_section(document: str, name: str, text: str) -> str:
    """Put ``text`` between ``<!-- name:start -->`` and ``<!-- name:end -->`` in ``document``
    (appended if the markers are missing), one heading level down, so RESULTS.md can hold
    this run beside the fuzz, load and jitter results without one overwriting another."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    body = "\n".join("#" + line if line.startswith("#") else line for line in text.splitlines())
    block = f"{start}\n{body}\n{end}"
    if start in document and end in document:
        return document[: document.index(start)] + block + document[document.index(end) + len(end) :]
    return (document.rstrip() + "\n\n" if document.strip() else "") + block + "\n"


def tf_import_cost(timeout: float) -> tuple[float | None, float | None]:
    """Seconds and peak RSS (MB) of a process that only imports TensorFlow the way the server does."""
    code = (
        "import time,os;t=time.perf_counter();from osc_composer.model import tf_setup;tf_setup.configure();"
        "import keras;d=time.perf_counter()-t;"
        "hwm=[l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1];"
        "print(d, int(hwm)/1024)"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO,
            check=True,
        ).stdout.split()
        return float(out[0]), float(out[1])
    except (subprocess.SubprocessError, IndexError, ValueError):
        return None, None


# --- main -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=REPO / "models" / "bach-chorales")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS.md")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw numbers here")
    parser.add_argument("--runs", type=int, default=50, help="engine runs per measurement")
    parser.add_argument("--naive-runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200, help="end-to-end requests from one client")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of the concurrent-clients run")
    parser.add_argument("--cold-starts", type=int, default=3)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=("naive", "server", "compiled"),
        help="leave a part out (repeatable)",
    )
    # client mode (internal)
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--seed-notes", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--length", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.client:
        return client_main(args)

    run_started = time.perf_counter()
    from osc_composer.engine.generate import Engine
    from osc_composer.model.files import load_model, resolve_model_path

    model_path = resolve_model_path(args.model)
    print(f"loading {model_path} …", flush=True)
    model, metadata = load_model(model_path)
    engine = Engine.from_keras(model, metadata)
    seed, seed_tokens_ = seed_with_events(engine, SEED_EVENTS)
    steps = len(seed_tokens_) + NEW_EVENTS - 1
    data: dict[str, Any] = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python "
        + shlex.join([sys.argv[0], *sys.argv[1:]] if argv is None else ["benchmarks/bench_engine.py", *argv]),
        "model": str(args.model),
        "architecture": f"{metadata.config.architecture} "
        + "×".join(str(layer.units) for layer in engine.weights.layers),
        "vocabulary": metadata.vocabulary.size,
        "flops_per_token": engine.weights.flops_per_token,
        "machine": machine_info(),
        "versions": versions(),
        "load_start": load_average(),
        "seed_notes": len(seed),
        "primed_tokens": len(seed_tokens_),
        "network_steps": steps,
        "clients": args.clients,
        "notes": [],
        "targets": {},
    }
    data["notes"].append(
        "The machine was shared with other work during this run when the load average above exceeds its "
        f"{data['machine']['nproc']} cores; medians are robust to that, tails (p95/p99) are not."
    )
    targets = data["targets"]

    print("engine …", flush=True)
    data["engine"] = engine_phase(engine, seed, seed_tokens_, args.runs, budget=60)
    print("arithmetic limit …", flush=True)
    rates = blas_rates(engine.weights, budget=20)
    flops = engine.weights.flops_per_token
    rates["limit_sustained_ms"] = steps * flops / (rates["sustained_gflops"] * 1e9) * 1000
    rates["limit_hot_ms"] = steps * flops / (rates["hot_gflops"] * 1e9) * 1000
    rates["bare_b1"] = summary_ms(
        timed(lambda: bare_loop(engine.weights, len(seed_tokens_), NEW_EVENTS - 1, 1), args.runs, 2, 20)
    )
    rates["bare_b8"] = summary_ms(
        timed(lambda: bare_loop(engine.weights, len(seed_tokens_), NEW_EVENTS - 1, 8), args.runs, 2, 20)
    )
    data["arithmetic"] = rates
    b1 = data["engine"]["b1"]["median"]
    targets["engine_vs_limit"] = b1 / rates["limit_sustained_ms"]
    targets["engine_vs_naive"] = None
    targets["variations_ratio"] = data["engine"]["b8"]["median"] / b1
    print(
        f"  engine b1 {b1:.2f} ms, b8 {data['engine']['b8']['median']:.2f} ms, "
        f"limit {rates['limit_sustained_ms']:.2f} ms (hot {rates['limit_hot_ms']:.2f}), "
        f"bare loop {rates['bare_b1']['median']:.2f} ms",
        flush=True,
    )

    print("calibrating the OSC length …", flush=True)
    data["calibration"] = calibrate_length(engine, seed)
    length = data["calibration"]["length"]
    data["capacity"] = capacity(engine, seed, length, args.clients, 20, budget=20)
    print(f"  length {length} beats ≈ {data['calibration']['events_mean']:.1f} events", flush=True)

    targets.update(
        e2e_p50=None,
        e2e_p99=None,
        osc_overhead=None,
        throughput=None,
        throughput_p99=None,
        cold_start=None,
        peak_rss=None,
    )
    if "server" not in args.skip:
        server_phase(args, data, model_path, seed, length)

    if "naive" not in args.skip:
        print("naive model.predict loop …", flush=True)
        naive = naive_phase(model, metadata.config.output, seed_tokens_, args.naive_runs, budget=90)
        data["naive"] = naive
        targets["engine_vs_naive"] = naive["median"] / b1
        print(
            f"  naive {naive['median']:.0f} ms per phrase ({naive['per_event_ms']:.1f} ms per event)",
            flush=True,
        )

    if "compiled" not in args.skip:
        print("compiled tf.function (XLA) loop …", flush=True)
        data["compiled"] = compiled_phase(engine.weights, seed_tokens_, args.runs, budget=60)
        print(
            f"  compiled {data['compiled']['median']:.2f} ms (compiling took "
            f"{data['compiled']['compile_ms']:.0f} ms)",
            flush=True,
        )

    data["load_end"] = load_average()
    data["wall_s"] = time.perf_counter() - run_started
    text = write_report(args.out, data)
    if args.json:
        args.json.write_text(json.dumps(data, indent=2, default=str))
    print()
    print(text)
    return 0


def server_phase(args, data: dict[str, Any], model_path: Path, seed, length: float) -> None:
    targets = data["targets"]
    server_data: dict[str, Any] = {"cold_starts": []}
    data["server"] = server_data
    server: Server | None = None
    with tempfile.TemporaryDirectory(prefix="osc-bench-") as log_dir:
        try:
            for attempt in range(max(1, args.cold_starts)):
                print(f"cold start {attempt + 1} …", flush=True)
                if server is not None:
                    server.stop()
                server, start = cold_start(model_path, seed, length, Path(log_dir), timeout=90)
                server_data["cold_starts"].append(start)
                print(f"  first result after {start['first_reply_s']:.2f} s", flush=True)
            targets["cold_start"] = statistics.median(s["first_reply_s"] for s in server_data["cold_starts"])
            print("end-to-end, one client …", flush=True)
            e2e = e2e_phase(server, seed, length, args.requests, budget=90)
            data["e2e"] = e2e
            targets["e2e_p50"], targets["e2e_p99"] = e2e["median"], e2e["p99"]
            # what OSC adds: the same request's in-process time, measured earlier in this run
            targets["osc_overhead"] = e2e["median"] - data["capacity"]["single_ms"]
            print(f"  p50 {e2e['median']:.2f} ms, p99 {e2e['p99']:.2f} ms", flush=True)
            print(f"{args.clients} concurrent clients for {args.duration:g} s …", flush=True)
            throughput = throughput_phase(server, seed, length, args.clients, args.duration)
            data["throughput"] = throughput
            targets["throughput"] = throughput["requests_per_s"]
            targets["throughput_p99"] = throughput.get("p99")
            print(
                f"  {throughput['requests_per_s']:.0f} requests/s, "
                f"p99 {throughput.get('p99', float('nan')):.1f} ms",
                flush=True,
            )
            status = read_proc_status(server.process.pid)
            if "VmHWM" in status:
                server_data["peak_rss_mb"] = status["VmHWM"] / 1024
                server_data["rss_mb"] = status["VmRSS"] / 1024
                targets["peak_rss"] = server_data["peak_rss_mb"]
            busy = server.log().count("busy")
            if busy:
                data["notes"].append(f"The server answered 'busy' {busy} times.")
        except RuntimeError as exc:
            data["notes"].append(f"server measurements stopped: {exc}")
            print(f"  {exc}", flush=True)
        finally:
            if server is not None:
                server.stop()
    server_data["import_s"], server_data["tf_rss_mb"] = tf_import_cost(timeout=60)


if __name__ == "__main__":
    raise SystemExit(main())
