"""liblo's command-line tools against the real server: a C OSC implementation, not python-osc.

``oscsend`` sends the seed and the request (each call from its own UDP port, as a stage
rig's scripts would), ``oscdump`` listens on the reply port and prints what arrives. The
server must be understood by, and emit only what is understood by, a second implementation.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import RunningServer, free_udp_port, require_program, start_server, stop_server

TIMEOUT = 60.0


@pytest.fixture(scope="module")
def liblo_server(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    require_program("oscsend")
    require_program("oscdump")
    running = start_server(
        small_model_path, tmp_path_factory.mktemp("liblo") / "server.log", reply_port=free_udp_port()
    )
    yield running
    stop_server(running)


class Dump:
    """``oscdump -L PORT`` in the background; its lines, split into (address, types, args)."""

    def __init__(self, port: int) -> None:
        self.process = subprocess.Popen(
            [require_program("oscdump"), "-L", str(port)], stdout=subprocess.PIPE, text=True
        )
        self.lines: list[str] = []
        # a reader thread: select() on a buffered pipe misses lines already in Python's buffer
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        time.sleep(0.3)  # let it bind before anything is sent

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, address: str, count: int = 1) -> list[tuple[str, str, list[str]]]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            messages = self.messages()
            if sum(1 for m in messages if m[0] == address) >= count:
                return messages
            time.sleep(0.05)
        pytest.fail(f"oscdump did not print {address} within {TIMEOUT} s:\n{''.join(self.lines)}")

    def messages(self) -> list[tuple[str, str, list[str]]]:
        parsed = []
        for line in list(self.lines):
            words = line.split()
            if words and not words[0].startswith("/"):  # a bundle's timetag comes first
                words = words[1:]
            if words and words[0].startswith("/composer"):
                parsed.append((words[0], words[1] if len(words) > 1 else "", words[2:]))
        return parsed

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def oscsend(port: int, address: str, types: str = "", *values: object) -> None:
    command = [require_program("oscsend"), "127.0.0.1", str(port), address]
    if types:
        command += [types, *(str(v) for v in values)]
    subprocess.run(command, check=True, timeout=TIMEOUT)


def test_liblo_round_trip(liblo_server: RunningServer) -> None:
    dump = Dump(liblo_server.reply_port)
    try:
        port = liblo_server.port
        oscsend(
            port,
            "/composer/seed/notes",
            "iiffiiffiiff",
            60,
            100,
            0.0,
            1.0,
            64,
            80,
            1.0,
            1.0,
            67,
            90,
            2.0,
            1.0,
        )
        oscsend(port, "/composer/param/scale", "s", "major")
        oscsend(port, "/composer/param/key", "s", "D")
        oscsend(port, "/composer/generate", "isfsi", 7, "length", 8.0, "variations", 2)
        messages = dump.wait_for("/composer/end", count=2)
    finally:
        dump.close()
    size = [m for m in messages if m[0] == "/composer/seed/size"]
    assert size[0][1:] == ("if", ["3", "3.000000"])
    [begin] = [m for m in messages if m[0] == "/composer/begin"]
    assert begin[1] == "iif" and begin[2][:2] == ["7", "2"]
    notes = [m for m in messages if m[0] == "/composer/note"]
    ends = [m for m in messages if m[0] == "/composer/end"]
    assert {m[1] for m in messages} <= {"if", "iif", "iiiiff", "iii", "is"}  # only i, f, s ever
    d_major = {2, 4, 6, 7, 9, 11, 1}
    for variation in (0, 1):
        mine = [n for n in notes if n[2][1] == str(variation)]
        [end] = [e for e in ends if e[2][1] == str(variation)]
        assert end[2] == ["7", str(variation), str(len(mine))]
        for note in mine:
            assert note[1] == "iiiiff"
            pitch, velocity, start, duration = int(note[2][2]), int(note[2][3]), *map(float, note[2][4:])
            assert pitch % 12 in d_major and 1 <= velocity <= 127
            assert start >= 0 and start + duration <= 8.0 + 1e-6 and duration > 0


def test_liblo_gets_an_error_for_a_bad_request(liblo_server: RunningServer) -> None:
    dump = Dump(liblo_server.reply_port)
    try:
        oscsend(liblo_server.port, "/composer/param/temperature", "f", -3.0)
        oscsend(liblo_server.port, "/composer/ping")
        messages = dump.wait_for("/composer/pong")
    finally:
        dump.close()
    [error] = [m for m in messages if m[0] == "/composer/error"]
    assert error[1] == "is" and error[2][0] == "-1" and "temperature" in " ".join(error[2])
