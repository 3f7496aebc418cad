"""16 client processes hammer one real server: every request is answered, memory stays flat.

The default suite runs a few seconds on the small test model. The long run is one command
(on the bundled model, results go in benchmarks/RESULTS.md):

    LOAD_SECONDS=120 LOAD_MODEL=models/bach-chorales python -m pytest tests/test_load.py -s

Nothing here is timed against a threshold: requests/s and p99 are printed, not asserted
(the machine is shared). What is asserted holds on any machine: no request is lost
(each gets its notes or an explicit error such as ``busy``), the server stays up, and its
resident memory does not grow with the number of requests served.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
from conftest import REPO, start_server, stop_server

sys.path.insert(0, str(REPO / "benchmarks"))
from bench_engine import read_proc_status, run_clients, start_clients, stop_process

CLIENTS = 16
SECONDS = float(os.environ.get("LOAD_SECONDS", "4"))
MODEL = os.environ.get("LOAD_MODEL")
RSS_GROWTH_LIMIT_MB = 64  # a leak of even 1 KB per request would pass this in a long run only if slow


def test_sixteen_clients_are_all_answered_and_memory_stays_flat(
    small_model_path: Path, tmp_path: Path
) -> None:
    model = Path(MODEL) if MODEL else small_model_path
    running = start_server(model, tmp_path / "server.log", "--reply-port", "0")
    clients: list = []
    try:
        clients = start_clients(CLIENTS, running.port, notes_count=16, length=4.0, timeout=120)
        run_clients(clients, requests=10**9, duration=1.0, warmup=0)  # fill caches, arenas
        after_warm_up = read_proc_status(running.process.pid)["VmRSS"] / 1024

        clients = start_clients(CLIENTS, running.port, notes_count=16, length=4.0, timeout=120)
        reports = run_clients(clients, requests=10**9, duration=SECONDS, warmup=0)
        status = read_proc_status(running.process.pid)
        assert running.process.poll() is None, running.log()

        answered = sum(len(r["latencies"]) for r in reports)
        lost = sum(r["lost"] for r in reports)
        errors = sum(r["errors"] for r in reports)
        growth = status["VmRSS"] / 1024 - after_warm_up
        latencies = np.asarray([x for r in reports for x in r["latencies"]]) * 1000
        elapsed = max(r["elapsed"] for r in reports)
        print(
            f"\n{CLIENTS} clients, {elapsed:.1f} s: {answered} answered "
            f"({answered / elapsed:.0f} requests/s), "
            f"p50 {np.percentile(latencies, 50):.1f} ms, p99 {np.percentile(latencies, 99):.1f} ms, "
            f"{errors} errors (busy), {lost} lost; RSS {after_warm_up:.0f} → {status['VmRSS'] / 1024:.0f} MB "
            f"(peak {status['VmHWM'] / 1024:.0f} MB)"
        )
        assert lost == 0
        assert answered > 0 and all(r["latencies"] for r in reports), "a client was starved"
        assert growth < RSS_GROWTH_LIMIT_MB, f"RSS grew by {growth:.0f} MB"
        log = running.log()
        assert "Traceback" not in log
        assert log.count("error for") == errors  # the only errors are the ones the clients saw
        assert errors == 0 or "busy" in log
    finally:
        for client in clients:
            stop_process(client)
        stop_server(running)
