"""Abuse against the real server process over real UDP (issue 15): it stays fair and bounded.

Each test starts ``osc-composer serve`` in its own process and attacks it the way the issue's
adversarial run did; each fails on the server before the split. Client hosts are told apart
by loopback addresses (127.0.0.1, 127.0.0.2 …: Linux routes all of 127/8 to the loopback).
Timing is compared within one run (a loaded p99 against the unloaded p99 of the same run),
generously, and never against a fixed number of milliseconds.
"""

from __future__ import annotations

import math
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import broken_models
import pytest
from conftest import REPO, RunningServer, start_server, stop_server
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket

from osc_composer.engine.params import PARAM_SPECS
from osc_composer.live.settings import LIVE_SPECS
from osc_composer.music.midi import write_midi
from osc_composer.music.notes import Note
from osc_composer.server.protocol import INCOMING

P = "/composer"
WAIT = 30.0  # seconds: only a hang (the server before the split) should ever reach this
Received = list[tuple[str, list[Any]]]


# --- clients ---------------------------------------------------------------------------------
def osc(address: str, *args: Any, types: str | None = None) -> bytes:
    """A message built by python-osc; types default to i/f/s from the Python values."""
    if types is None:
        types = "".join("s" if isinstance(a, str) else "f" if isinstance(a, float) else "i" for a in args)
    builder = OscMessageBuilder(address)
    for tag, value in zip(types, args, strict=True):
        builder.add_arg(value, tag)
    return builder.build().dgram


def bundle(*elements: bytes) -> bytes:
    body = b"".join(len(e).to_bytes(4, "big") + e for e in elements)
    return b"#bundle\x00" + (1).to_bytes(8, "big") + body


class Peer:
    """A UDP socket at one loopback host; with ``--reply-port 0`` replies come back to it."""

    def __init__(self, server_port: int, host: str = "127.0.0.1") -> None:
        self.server = ("127.0.0.1", server_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 0))
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        self.host = host
        self.sent = 0  # bytes
        self.received = 0  # bytes

    def send(self, *packets: bytes) -> None:
        for packet in packets:
            self.sock.sendto(packet, self.server)
            self.sent += len(packet)

    def receive(self, done: Callable[[Received], bool], timeout: float = WAIT) -> Received:
        """Messages until ``done(messages)`` holds; fails the test after ``timeout``."""
        got: Received = []
        deadline = time.monotonic() + timeout
        while not done(got):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no such reply within {timeout:.0f} s; got {got[-5:]}")
            got += self._read(remaining)
        return got

    def quiet(self, seconds: float) -> Received:
        """Everything that arrives until nothing has for ``seconds``."""
        got: Received = []
        while True:
            more = self._read(seconds)
            if not more:
                return got
            got += more

    def _read(self, timeout: float) -> Received:
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return []
        data = self.sock.recv(65535)
        self.received += len(data)
        return [(t.message.address, list(t.message.params)) for t in OscPacket(data).messages]

    def close(self) -> None:
        self.sock.close()


def has(address: str, *prefix: Any, count: int = 1) -> Callable[[Received], bool]:
    return lambda got: (
        sum(1 for a, v in got if a == P + address and v[: len(prefix)] == list(prefix)) >= count
    )


def refused(request_id: int | None = None, text: str = "") -> Callable[[Received], bool]:
    return lambda got: any(
        a == P + "/error" and (request_id is None or v[0] == request_id) and text in v[1] for a, v in got
    )


def answered(request_id: int) -> Callable[[Received], bool]:
    """The request's /composer/end (or an error for it, which fails the caller's check)."""
    return lambda got: has("/end", request_id)(got) or refused(request_id)(got)


def errors_in(got: Received) -> list[str]:
    return [v[1] for a, v in got if a == P + "/error"]


def p99(samples: list[float]) -> float:
    """The 99th percentile as numpy computes it (linear between order statistics): of 100
    samples, not just the largest, so one scheduling hiccup of a shared machine is not all."""
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


def proc_status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/{pid}/status")


@pytest.fixture
def serve(small_model_path: Path, tmp_path: Path) -> Iterator[Callable[..., RunningServer]]:
    """Start servers (replies to each client's own port unless told otherwise); all stopped after."""
    running: list[RunningServer] = []

    def start(*extra: str) -> RunningServer:
        server = start_server(
            small_model_path,
            tmp_path / f"server-{len(running)}.log",
            "--reply-port",
            "0",
            "--no-zeroconf",
            *extra,
        )
        running.append(server)
        return server

    yield start
    for server in running:
        stop_server(server)


SEED = osc(P + "/seed/pitches", *range(60, 72))


# --- fairness: admission by cost, round-robin by host ---------------------------------------------
def flood_bundle(reply_ports: list[int]) -> bytes:
    """The issue's flood: 64 × (a new reply port, a seed, 16 variations × 64 beats) in one 11 kB bundle."""
    return bundle(
        *(
            part
            for port in reply_ports
            for part in (
                osc(P + "/reply_port", port),
                SEED,
                osc(P + "/generate", port, "variations", 16, "length", 64.0),
            )
        )
    )


class Flood:
    """Sends the flood bundle from 127.0.0.2 every 100 ms (its queue stays full: each of its
    requests takes longer than that) and notes when each of its results is complete."""

    def __init__(self, server_port: int) -> None:
        self.server = ("127.0.0.1", server_port)
        self.listeners = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(64)]
        for listener in self.listeners:
            listener.bind(("127.0.0.2", 0))
        self.packet = flood_bundle([listener.getsockname()[1] for listener in self.listeners])
        self.completed: list[float] = []  # time.monotonic() of each result's last /composer/end
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._send), threading.Thread(target=self._collect)]

    def __enter__(self) -> Flood:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()
        for listener in self.listeners:
            listener.close()

    def _send(self) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as attacker:
            attacker.bind(("127.0.0.2", 0))
            while not self._stop.is_set():
                attacker.sendto(self.packet, self.server)
                self._stop.wait(0.1)

    def _collect(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select(self.listeners, [], [], 0.05)
            now = time.monotonic()
            for listener in ready:
                for item in OscPacket(listener.recv(65535)).messages:
                    if item.message.address == P + "/end" and item.message.params[1] == 15:
                        self.completed.append(now)


def test_a_flooding_host_delays_another_host_by_at_most_one_batch(serve) -> None:
    """The issue's fairness test: a well-behaved client's p99 while another host floods stays
    within twice its unloaded p99 plus one batch, the flood's batches measured in the same run."""
    running = serve()
    good = Peer(running.port, "127.0.0.1")
    ids = iter(range(1, 10**6))

    def ask() -> tuple[float, float]:
        """One small request of the well-behaved client (127.0.0.1): (sent, answered)."""
        request_id = next(ids)
        sent = time.monotonic()
        good.send(osc(P + "/generate", request_id, "length", 4.0, "seed", request_id))
        got = good.receive(answered(request_id))
        assert not refused(request_id)(got), errors_in(got)
        return sent, time.monotonic()

    def measure() -> tuple[float, float, float, int]:
        unloaded = [done - sent for sent, done in (ask() for _ in range(100))]
        with Flood(running.port) as flood:
            time.sleep(0.5)  # the flood's queue is as full as it can get
            spans = [ask() for _ in range(100)]
        time.sleep(1.0)  # what the flood queued has run
        # one batch: the time from the previous answer (anyone's) to each flood result
        done = sorted([(t, "flood") for t in flood.completed] + [(end, "good") for _, end in spans])
        batches = [t - done[i - 1][0] for i, (t, kind) in enumerate(done) if kind == "flood" and i]
        # and how many of the flood's results were completed while each good request waited:
        # a fair server runs at most the one batch that was running when the request came
        overtaken = max(sum(1 for t in flood.completed if sent < t < end) for sent, end in spans)
        loaded = [end - sent for sent, end in spans]
        return p99(unloaded), p99(batches) if len(batches) > 1 else math.inf, p99(loaded), overtaken

    try:
        good.send(SEED)
        good.receive(has("/seed/size"))
        # On a shared machine a scheduling hiccup can stall any batch: the bound must hold in one
        # of three attempts, each measured afresh. The server before the split failed every one
        # (the request refused as busy, or run in one batch with up to 63 of the flood's).
        attempts = []
        for _ in range(3):
            attempts.append(measure())
            unloaded, batch, loaded, overtaken = attempts[-1]
            if loaded <= 2 * unloaded + batch and overtaken <= 2:
                break
    finally:
        good.close()
    for unloaded, batch, loaded, overtaken in attempts:
        print(
            f"\nfairness: unloaded p99 {1000 * unloaded:.1f} ms; while another host floods, p99 "
            f"{1000 * loaded:.1f} ms, the flood's batches p99 {1000 * batch:.0f} ms, at most "
            f"{overtaken} of its results completed while a request waited"
        )
    # overtaken: at most the running batch, and (rarely) the next one, started while the
    # request's packet waited for the receive thread to finish a slice of a flood packet
    assert any(
        loaded <= 2 * unloaded + batch and overtaken <= 2 for unloaded, batch, loaded, overtaken in attempts
    )


# --- playback and timers ----------------------------------------------------------------------------
def test_playbacks_are_bounded_and_pile_up_no_timers(serve) -> None:
    running = serve()
    pinger = Peer(running.port)

    def ping() -> float:
        started = time.perf_counter()
        pinger.send(osc(P + "/ping"))
        pinger.receive(has("/pong"))
        return time.perf_counter() - started

    baseline = statistics.median(ping() for _ in range(20))
    clients = [Peer(running.port) for _ in range(17)]
    starts, busy = 0, 0
    try:
        for index, client in enumerate(clients):
            seed = osc(P + "/seed/pitches", *[48 + (3 * i) % 36 for i in range(64)])
            client.send(bundle(osc(P + "/clock", 1.0, 0.0), seed, osc(P + "/generate", 1, "length", 64.0)))
            client.receive(answered(1))
            # four playbacks each at 1 bpm: an hour of timers per note, the way the 30 packets did
            client.send(*[osc(P + "/play", 1) for _ in range(4)])
            got = client.receive(
                lambda got: len([a for a, _ in got if a in (P + "/play/start", P + "/error")]) >= 4
            )
            starts += sum(1 for a, _ in got if a == P + "/play/start")
            busy += sum(1 for text in errors_in(got) if "busy" in text)
            if index == 15:
                assert starts == 64, starts
        after = max(ping() for _ in range(20))
    finally:
        for client in clients:
            client.close()
        pinger.close()
    print(f"\nplayback: {starts} started, {busy} refused; ping {1000 * baseline:.2f} → {1000 * after:.2f} ms")
    assert (starts, busy) == (64, 4)  # the server's cap (16 clients × 4); the 17th client's are refused
    assert after <= 20 * baseline + 0.25  # the scheduler never rescans its heap on the receive path


# --- per-client state: sessions, timers, tables ---------------------------------------------------
def test_forgotten_sessions_free_their_memory(serve) -> None:
    running = serve()  # 256 sessions at most, 32 per host
    notes = [v for i in range(256) for v in (40 + i % 48, 90, 0.25 * i, 0.25)]
    seed = osc(P + "/seed/notes", *notes, types="iiff" * 256)
    pid = running.process.pid

    def clients(count: int) -> None:
        """Each from its own port: a session with a seed and a silence timer two beats away
        at 1 bpm (two minutes), then a pong to pace the sender."""
        for _ in range(count):
            client = Peer(running.port)
            client.send(
                bundle(
                    osc(P + "/clock", 1.0, 0.0),
                    seed,
                    osc(P + "/live/note", 60, 90),
                    osc(P + "/live/note", 60, 0),
                    osc(P + "/ping"),
                )
            )
            client.receive(has("/pong"))
            client.close()

    clients(300)  # the table is full and the allocator warm
    before = proc_status(pid, "VmRSS") / 1024
    clients(1500)
    growth = proc_status(pid, "VmRSS") / 1024 - before
    print(f"\n1500 more clients, each with a 256-note seed: RSS {before:.0f} MB + {growth:.1f} MB")
    assert growth < 16, f"RSS grew by {growth:.0f} MB: forgotten sessions are kept alive"


def test_tables_keyed_by_source_shrink(small_model_path: Path) -> None:
    """In this process (to look at the tables), over real UDP: 300 sources, 16 sessions."""
    from osc_composer.engine.loader import load_engine
    from osc_composer.server import ComposerServer, ServerConfig

    server = ComposerServer(
        ServerConfig(port=0, reply_port=0, max_sessions=16),
        load_engine(small_model_path),
    )
    server.start()
    try:
        for _ in range(300):
            client = Peer(server.port)
            client.send(osc(P + "/reply_port", 0), osc(P + "/nope"), osc(P + "/ping"))
            client.receive(has("/pong"))  # the errors are budgeted per host: most are not sent
            client.close()
        assert len(server.sessions) <= 16
        assert server.sessions.sources() <= 64
        assert len(server.stats.clients) <= 64
        assert len(server.transport.errors) <= 1 and len(server.transport.reply_bytes) <= 1  # per host
    finally:
        server.stop()


# --- amplification: a byte budget per destination host -------------------------------------------
def _example(address: str) -> tuple[list[bytes], bytes]:
    """(what a client sends first, one valid message) for every address the server reads."""
    setup = [SEED]
    name = address.removeprefix(P)
    params = {f"/param/{s.name}": s for s in PARAM_SPECS} | {f"/live/param/{s.name}": s for s in LIVE_SPECS}
    if name in params:
        spec = params[name]
        value = {"scale": "major", "key": 2, "name": "auto"}.get(spec.kind, spec.default)
        return setup, osc(address, value, types=spec.osc_types if spec.osc_types != "*" else "i")
    examples: dict[str, tuple[Any, ...]] = {
        "/seed/notes": (60, 100, 0.0, 1.0),
        "/seed/add": (60, 100, 0.0, 1.0),
        "/seed/pitches": (60, 62, 64),
        "/seed/midi": ("phrase.mid",),
        "/generate": (7, "variations", 16, "length", 64.0, "temperature", 3.0),
        "/reply_port": (0,),
        "/model": ("nope",),
        "/live/note": (60, 90),
        "/live/respond": (8,),
        "/clock": (120.0, 0.0),
        "/play": (1,),
    }
    if name == "/live/respond":
        setup += [osc(P + "/live/note", 60, 90), osc(P + "/live/note", 60, 0)]
    if name in ("/play", "/play/stop", "/panic"):
        setup += [osc(P + "/generate", 1, "variations", 4, "length", 16.0, "temperature", 3.0)]
    return setup, osc(address, *examples.get(name, ()))


def test_no_address_makes_the_server_send_more_than_the_byte_budget(serve) -> None:
    budget = 16384.0  # bytes per second to any one host, as much again in a burst (the least allowed)
    running = serve("--reply-budget", f"{budget:.0f}")
    addresses = sorted(INCOMING)
    peers = {a: Peer(running.port, f"127.0.0.{10 + i}") for i, a in enumerate(addresses)}  # a host each
    try:
        for address, peer in peers.items():
            peer.send(*_example(address)[0])
        time.sleep(1.0)
        for peer in peers.values():
            peer.quiet(0.01)
            peer.received = peer.sent = 0
        # every address 30 times from its own host, then everything that comes back in 3 s
        started = time.monotonic()
        for address, peer in peers.items():
            peer.send(*[_example(address)[1]] * 30)
        while time.monotonic() - started < 3.0:
            ready, _, _ = select.select([p.sock for p in peers.values()], [], [], 0.1)
            for peer in peers.values():
                if peer.sock in ready:
                    peer._read(0)
        elapsed = time.monotonic() - started
        rows = sorted(((p.received / p.sent, a, p.sent, p.received) for a, p in peers.items()), reverse=True)
    finally:
        for peer in peers.values():
            peer.close()
    print(
        f"\nbytes out per byte in, 30 messages each, {elapsed:.1f} s, budget {budget:.0f} bytes/s per host:"
    )
    for ratio, address, sent, received in rows:
        print(f"  {address:34} {sent:6d} in {received:7d} out  {ratio:7.1f}×")
    allowed = budget + budget * elapsed  # the burst, and the rate over the whole time
    over = [(a, received) for _, a, _, received in rows if received > allowed]
    assert not over, f"more than {allowed:.0f} bytes to one host: {over}"


# --- threads: one model loader, a bounded OSCQuery server ------------------------------------------
def test_model_requests_and_http_connections_do_not_multiply_threads(
    serve, small_model_path: Path, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    models.mkdir()
    for name in ("a", "b"):
        shutil.copy(small_model_path / "model.keras", models / f"{name}.keras")
    running = serve("--models-dir", str(models))
    pid = running.process.pid
    peer = Peer(running.port)
    connections: list[socket.socket] = []
    try:
        peer.send(osc(P + "/ping"))
        peer.receive(has("/pong"))
        base = proc_status(pid, "Threads")
        # 400 × /composer/model in one packet
        peer.send(bundle(*[osc(P + "/model", "ab"[i % 2]) for i in range(400)]))
        peak = base
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            peak = max(peak, proc_status(pid, "Threads"))
            time.sleep(0.01)
        got = peer.quiet(1.0)
        assert has("/model/loaded")(got), errors_in(got)[:3]
        assert peak <= base + 1, f"{peak - base} threads more for 400 /composer/model"

        # 300 idle HTTP connections to the OSCQuery server
        match = re.search(r"OSCQuery description on http://[^:]+:(\d+)/", running.log())
        assert match, running.log()
        for _ in range(300):
            connections.append(socket.create_connection(("127.0.0.1", int(match.group(1))), timeout=WAIT))
        time.sleep(1.0)
        threads = proc_status(pid, "Threads")
        assert threads <= base + 16 + 1, f"{threads - base} threads more for 300 idle connections"
        # and the idle ones are closed by the server (after its 5 s idle timeout)
        deadline = time.monotonic() + WAIT
        open_ones = list(connections)
        while open_ones and time.monotonic() < deadline:
            ready, _, _ = select.select(open_ones, [], [], 1.0)
            for conn in ready:
                try:
                    data = conn.recv(1)
                except OSError:
                    data = b""
                if not data:
                    open_ones.remove(conn)
        assert not open_ones, f"{len(open_ones)} idle connections still open after {WAIT:.0f} s"
    finally:
        for conn in connections:
            conn.close()
        peer.close()


def test_allow_applies_to_the_oscquery_server_too(serve) -> None:
    running = serve("--allow", "127.0.0.2/32")
    match = re.search(r"OSCQuery description on http://[^:]+:(\d+)/", running.log())
    assert match, running.log()
    http_port = int(match.group(1))

    def http_get(source: str) -> bytes:
        with socket.create_connection(
            ("127.0.0.1", http_port), timeout=WAIT, source_address=(source, 0)
        ) as conn:
            conn.sendall(b"GET /?HOST_INFO HTTP/1.0\r\nHost: x\r\n\r\n")
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)

    assert b"OSC_PORT" in http_get("127.0.0.2")
    assert http_get("127.0.0.1") == b""  # closed without a word
    allowed, other = Peer(running.port, "127.0.0.2"), Peer(running.port, "127.0.0.1")
    try:
        other.send(osc(P + "/ping"))
        allowed.send(osc(P + "/ping"))
        allowed.receive(has("/pong"))
        assert other.quiet(0.3) == []
    finally:
        allowed.close()
        other.close()


# --- broken models ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_models(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    source = small_model_path / "model.keras"
    shutil.copy(source, folder / "good.keras")
    broken_models.with_nan_weights(source, folder / "nan.keras")
    broken_models.with_wrong_shape(source, folder / "shape.keras")
    broken_models.with_huge_declared_dataset(source, folder / "huge.keras")
    broken_models.with_zip_bomb(source, folder / "bomb.keras")
    broken_models.as_fifo(folder / "fifo.keras")
    broken_models.as_link_to_dev_zero(folder / "zero.keras")
    return folder


def test_broken_models_are_refused_and_the_current_one_stays(serve, hostile_models: Path) -> None:
    running = serve("--models-dir", str(hostile_models))
    peer = Peer(running.port)
    try:
        peer.send(osc(P + "/models"))
        got = peer.receive(has("/model/available", count=5))  # the FIFO and /dev/zero are skipped, at once
        assert {v[0] for a, v in got if a == P + "/model/available"} == {
            "good",
            "nan",
            "shape",
            "huge",
            "bomb",
        }
        for name, reason in (
            ("nan", "NaN or infinite"),
            ("shape", "recurrent has shape"),
            ("huge", "its weights declare"),
            ("bomb", "its members declare"),
        ):
            peer.send(osc(P + "/model", name))
            got = peer.receive(refused(-1, f"model '{name}' not loaded, keeping 'small'"))
            assert reason in errors_in(got)[-1]
            assert not has("/model/loaded")(got)
        peer.send(SEED, osc(P + "/generate", 5, "length", 2.0))
        assert has("/end", 5)(peer.receive(answered(5)))  # still serving, on the model it had
        assert proc_status(running.process.pid, "VmHWM") < 512 * 1024  # nothing inflated the zip bomb
    finally:
        peer.close()


@pytest.mark.parametrize("name", ["nan", "shape", "fifo", "zero", "bomb"])
def test_a_broken_model_at_start_up_is_one_line_and_exit_status_2(hostile_models: Path, name: str) -> None:
    command = [sys.executable, "-m", "osc_composer.cli", "serve", "--no-console", "--port", "0"]
    try:
        done = subprocess.run(
            [*command, "--model", str(hostile_models / f"{name}.keras")],
            capture_output=True,
            text=True,
            timeout=WAIT,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"the server hung on {name}.keras at start-up") from None
    output = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 2, output
    assert len(output) == 1 and output[0].startswith("error:"), output
    assert f"{name}.keras" in output[0]


# --- logs ------------------------------------------------------------------------------------------------
def test_log_lines_are_single_short_escaped_and_budgeted_per_host(serve) -> None:
    running = serve()
    peer = Peer(running.port)
    try:
        peer.send(osc(P + "/param/key", math.inf))
        peer.receive(refused(-1, "key must be finite"))
        peer.send(osc(P + "/x\nFORGED: osc_composer stopped"), osc(P + "/" + "y" * 5000), osc(P + "/ping"))
        peer.receive(has("/pong"))
        # errors from one host, each bundle to a new reply port: the budget is the host's
        started = time.monotonic()
        for k in range(100):
            peer.send(bundle(osc(P + "/reply_port", 46000 + k), *[osc(P + "/nope")] * 20))
        peer.send(osc(P + "/reply_port", 0), osc(P + "/ping"))
        peer.receive(has("/pong"))
        elapsed = time.monotonic() - started
    finally:
        peer.close()
    log = running.log()
    lines = log.splitlines()
    assert "Traceback" not in log
    assert not any(line.startswith("FORGED") for line in lines), "a client forged a log line"
    assert max(len(line) for line in lines) < 400
    flood_lines = sum(1 for line in lines if "unknown address /composer/nope" in line)
    print(f"\n2000 errors from one host over 100 reply ports in {elapsed:.2f} s: {flood_lines} logged")
    assert flood_lines <= 20 + 20 * elapsed + 1  # errors_per_second 20, per source host


# --- the receive thread only parses ----------------------------------------------------------------------
def test_reading_a_midi_seed_never_holds_up_another_client(serve, tmp_path: Path) -> None:
    midi = tmp_path / "midi"
    midi.mkdir()
    write_midi(midi / "big.mid", [Note(36 + i % 60, 90, i / 16, 1 / 32) for i in range(50_000)])
    assert (midi / "big.mid").stat().st_size < 512 * 1024
    write_midi(midi / "phrase.mid", [Note(60 + 2 * i, 90, 0.5 * i, 0.5) for i in range(5)])
    running = serve("--midi-dir", str(midi))
    reader, other = Peer(running.port), Peer(running.port, "127.0.0.2")
    try:
        reader.send(osc(P + "/seed/midi", "big.mid"))  # seconds of parsing (50,000 notes)
        time.sleep(0.05)
        other.send(osc(P + "/ping"))
        first, _, _ = select.select([reader.sock, other.sock], [], [], WAIT)
        assert first == [other.sock], "the ping waited for the MIDI file to be read"
        assert has("/pong")(other.receive(has("/pong")))
        assert refused(-1, "over the limit")(reader.receive(refused()))  # 50,000 notes: read, then refused
        # and a client's messages still take effect in order: this generate continues the file
        reader.send(bundle(osc(P + "/seed/midi", "phrase.mid"), osc(P + "/generate", 3, "length", 2.0)))
        got = reader.receive(answered(3))
        sizes = [v for a, v in got if a == P + "/seed/size"]
        assert sizes == [[5, 2.5]] and has("/end", 3)(got)
        assert [a for a, _ in got].index(P + "/seed/size") < [a for a, _ in got].index(P + "/begin")
    finally:
        reader.close()
        other.close()


# --- SIGHUP ------------------------------------------------------------------------------------------------
def test_sighup_stops_cleanly_with_note_offs(serve) -> None:
    running = serve()
    peer = Peer(running.port)
    try:
        peer.send(SEED, osc(P + "/generate", 1, "length", 16.0, "seed", 3, "polyphony", 4))
        peer.receive(answered(1))
        peer.send(osc(P + "/clock", 60.0, 0.0), osc(P + "/play", 1))
        got = peer.receive(has("/play/noteon"))
        running.process.send_signal(signal.SIGHUP)
        assert running.process.wait(timeout=WAIT) == 0, running.log()
        got += peer.quiet(0.5)
    finally:
        peer.close()
    sounding: dict[int, int] = {}
    for address, values in got:
        if address == P + "/play/noteon":
            sounding[values[0]] = sounding.get(values[0], 0) + 1
        elif address == P + "/play/noteoff":
            sounding[values[0]] = sounding.get(values[0], 0) - 1
    assert not any(sounding.values()), f"left sounding: {sounding}"
    assert "stopped" in running.log() and "Traceback" not in running.log()


def test_the_helpers_are_really_other_hosts() -> None:
    peer = Peer(9, "127.0.0.2")
    try:
        assert peer.sock.getsockname()[0] == "127.0.0.2"
    finally:
        peer.close()
    assert os.path.exists("/proc/self/status")
