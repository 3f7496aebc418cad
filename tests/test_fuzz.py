"""Malformed packets against the real server process: it stays up, answers valid requests, stays small.

The default suite throws a few thousand packets. The full run is one command:

    FUZZ_PACKETS=100000 python -m pytest tests/test_fuzz.py -s

(results go in benchmarks/RESULTS.md).
"""

from __future__ import annotations

import os
import random
import socket
import struct
import threading
import time
from pathlib import Path

import pytest
from conftest import RunningServer, start_server, stop_server
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket

PACKETS = int(os.environ.get("FUZZ_PACKETS", "3000"))
VALID_REQUESTS = int(os.environ.get("FUZZ_VALID_REQUESTS", "20"))


def osc_string(text: str | bytes) -> bytes:
    data = (text.encode() if isinstance(text, str) else text) + b"\0"
    return data + b"\0" * (-len(data) % 4)


def raw_message(address: str, tags: str, payload: bytes) -> bytes:
    return osc_string(address) + osc_string("," + tags) + payload


def bundle(*elements: bytes) -> bytes:
    return b"#bundle\0" + struct.pack(">Q", 1) + b"".join(struct.pack(">i", len(e)) + e for e in elements)


def message(address: str, *args: object, types: str | None = None) -> bytes:
    builder = OscMessageBuilder(address)
    for index, value in enumerate(args):
        builder.add_arg(value, types[index] if types else None)
    return builder.build().dgram


def malformed_packets(rng: random.Random):
    """An endless mix of hostile and broken packets."""
    valid = message("/composer/seed/notes", 60, 100, 0.0, 1.0, types="iiff")
    addresses = [
        "/composer/seed/notes",
        "/composer/generate",
        "/composer/param/temperature",
        "/composer/seed/midi",
        "/composer/param/scale",
        "/composer/reply_port",
        "/nope",
        "/composer/model",
    ]
    makers = [
        lambda: bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 200))),
        lambda: valid[: rng.randrange(0, len(valid))],
        lambda: raw_message(rng.choice(addresses), rng.choice("ScmrtI"), b"\0\0\0\x41"),
        lambda: raw_message(rng.choice(addresses), "i" * 40, b"\0\0\0\x01"),
        lambda: (
            bundle(*[bundle(valid)] * rng.randrange(1, 4)) if rng.random() < 0.5 else _deep_bundle(12, valid)
        ),
        lambda: b"#bundle\0" + struct.pack(">Q", 1) + struct.pack(">i", 2**30) + valid,
        lambda: message("/composer/param/temperature", rng.choice([float("nan"), float("inf"), -1.0, 1e30])),
        lambda: message("/composer/param/length", rng.choice([-4.0, 0.0, 1e9]), types="f"),
        lambda: message(
            "/composer/seed/notes", *[rng.randrange(-300, 300) for _ in range(rng.randrange(1, 30))]
        ),
        lambda: message("/composer/generate", "variations", rng.choice([0, 10_000, -1])),
        lambda: message(
            "/composer/seed/midi", rng.choice(["../../etc/passwd", "/etc/passwd", "", "x" * 300])
        ),
        lambda: message("/composer/reply_port", rng.choice([-1, 70000])),
        lambda: message(
            rng.choice(addresses), *(rng.choice([1, 2.5, "s", b"blob", True, None]) for _ in range(3))
        ),
        lambda: message("/composer/model", "../../../tmp/evil"),
        lambda: raw_message("/composer/ping", "", b"") + b"\x00\x00\x00",
        # an empty seed asked to continue
        lambda: bundle(message("/composer/seed/clear"), message("/composer/generate", types="")),
        # the largest seed one datagram holds (~3,200 notes; the server caps seeds at --max-seed-notes)
        lambda: big_seed if rng.random() < 0.05 else valid,
    ]
    big_seed = message(
        "/composer/seed/notes",
        *[v for i in range(3200) for v in (40 + i % 48, 90, i * 0.25, 0.25)],
        types="iiff" * 3200,
    )
    while True:
        yield rng.choice(makers)()


def _deep_bundle(depth: int, inner: bytes) -> bytes:
    for _ in range(depth):
        inner = bundle(inner)
    return inner


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


@pytest.fixture(scope="module")
def fuzz_server(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory):
    midi_dir = tmp_path_factory.mktemp("midi")
    running = start_server(
        small_model_path, tmp_path_factory.mktemp("fuzz") / "server.log", "--midi-dir", str(midi_dir)
    )
    yield running
    stop_server(running)


def ask(sock: socket.socket, port: int, request_id: int, timeout: float = 20.0) -> bool:
    """A valid seed + generate from a well-behaved client; True when its /composer/end arrives."""
    sock.sendto(message("/composer/seed/pitches", 60, 62, 64, types="iii"), ("127.0.0.1", port))
    sock.sendto(message("/composer/generate", request_id, "length", 2.0, types="isf"), ("127.0.0.1", port))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            data, _ = sock.recvfrom(65535)
        except TimeoutError:
            continue
        for item in OscPacket(data).messages:
            if item.message.address == "/composer/end" and item.message.params[0] == request_id:
                return True
    return False


def test_malformed_flood_never_kills_or_wedges_the_server(fuzz_server: RunningServer) -> None:
    port = fuzz_server.port
    # the well-behaved client replies on its own port (reply_port 0 = the packet's source port)
    good = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    good.bind(("127.0.0.1", 0))
    good.settimeout(0.5)
    good.sendto(message("/composer/reply_port", 0, types="i"), ("127.0.0.1", port))
    assert ask(good, port, 1), "server does not answer before the flood"
    rss_before = rss_kb(fuzz_server.process.pid)

    stop = threading.Event()
    sent = 0
    stalls: list[str] = []

    def flood() -> None:
        """Send in batches; after each batch a ping on a separate socket must come back. The server
        reads packets in order, so the pong proves the batch was handled, and the kernel's socket
        buffer never overflows (a drop there would say nothing about the server)."""
        nonlocal sent
        rng = random.Random(2026)
        attacker = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        pacer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        pacer.bind(("127.0.0.1", 0))
        pacer.settimeout(10.0)
        pacer.sendto(message("/composer/reply_port", 0, types="i"), ("127.0.0.1", port))
        packets = malformed_packets(rng)
        while sent < PACKETS and not stop.is_set():
            for _ in range(min(64, PACKETS - sent)):
                attacker.sendto(next(packets), ("127.0.0.1", port))
                sent += 1
            pacer.sendto(message("/composer/ping"), ("127.0.0.1", port))
            try:
                while OscPacket(pacer.recvfrom(65535)[0]).messages[0].message.address != "/composer/pong":
                    pass
            except TimeoutError:
                stalls.append(f"no pong after {sent} packets")
                break
        attacker.close()
        pacer.close()

    flooder = threading.Thread(target=flood)
    flooder.start()
    answered = 0
    request_id = 100
    while flooder.is_alive() or answered < VALID_REQUESTS:
        request_id += 1
        assert ask(good, port, request_id), f"valid request {request_id} not answered during the flood"
        answered += 1
        assert fuzz_server.process.poll() is None, fuzz_server.log()[-3000:]
        if answered >= VALID_REQUESTS and not flooder.is_alive():
            break
    stop.set()
    flooder.join()
    assert not stalls, stalls
    assert sent == PACKETS
    assert ask(good, port, 99999), "server does not answer after the flood"
    growth_mb = (rss_kb(fuzz_server.process.pid) - rss_before) / 1024
    print(
        f"\nfuzz: {sent} malformed packets, {answered} valid requests all answered, "
        f"RSS growth {growth_mb:.1f} MB"
    )
    assert growth_mb < 100, f"memory grew by {growth_mb:.0f} MB"
    assert fuzz_server.process.poll() is None
