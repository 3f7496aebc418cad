"""The console: the rich dashboard as a recording console sees it, and plain lines off a terminal."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket
from rich.console import Console

from osc_composer.engine.loader import load_engine
from osc_composer.server import ComposerServer, ServerConfig
from osc_composer.server.console import render_dashboard, run_with_console


def message(address: str, *args: object) -> bytes:
    builder = OscMessageBuilder(address)
    for value in args:
        builder.add_arg(value)
    return builder.build().dgram


@pytest.fixture
def busy_server(small_model_path: Path) -> Iterator[ComposerServer]:
    """A server (in this process: the dashboard is under test, not the transport) that has
    answered one request and refused one packet, sent over real UDP."""
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", 0))
    receiver.settimeout(10)
    config = ServerConfig(port=0, reply_port=receiver.getsockname()[1])
    server = ComposerServer(config, load_engine(str(small_model_path)), model_path=small_model_path)
    server.start()
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        target = ("127.0.0.1", server.port)
        sender.sendto(message("/composer/seed/pitches", 60, 62, 64), target)
        sender.sendto(message("/composer/generate", 42, "temperature", 0.5), target)
        sender.sendto(message("/composer/no/such/address"), target)
        seen: set[str] = set()
        while not {"/composer/end", "/composer/error"} <= seen:
            data, _ = receiver.recvfrom(65535)
            seen |= {item.message.address for item in OscPacket(data).messages}
        deadline = time.monotonic() + 10  # the worker records a request just after sending it
        while not server.stats.recent and time.monotonic() < deadline:
            time.sleep(0.01)
        yield server
    finally:
        server.stop()
        sender.close()
        receiver.close()


def test_dashboard_shows_address_model_requests_clients_and_errors(busy_server: ComposerServer) -> None:
    console = Console(record=True, width=140, force_terminal=True)
    console.print(render_dashboard(busy_server.stats, reply_port=busy_server.config.reply_port))
    text = console.export_text()
    assert f"udp://127.0.0.1:{busy_server.port}" in text
    assert f"replies → port {busy_server.config.reply_port}" in text
    assert "small" in text and "architecture lstm" in text
    row = next(line for line in text.splitlines() if re.search(r"│\s+42 │", line))
    assert "temperature=0.5" in row and re.search(r"\d+\.\d ms", row)
    assert f"127.0.0.1:{busy_server.config.reply_port}" in text  # the client, by its reply port
    assert "unknown address /composer/no/such/address" in text
    assert re.search(r"requests 1 .*errors 1", text)


def test_live_dashboard_runs_until_stopped(busy_server: ComposerServer) -> None:
    console = Console(record=True, width=140, force_terminal=True)
    stop = threading.Event()
    threading.Timer(0.8, stop.set).start()
    started = time.monotonic()
    run_with_console(busy_server, stop, console)
    assert time.monotonic() - started < 30
    assert "last requests" in console.export_text()


def test_off_a_terminal_the_server_prints_plain_log_lines(small_model_path: Path) -> None:
    """Without --no-console but with stdout a pipe (a service, a log file): lines, no dashboard."""
    command = [sys.executable, "-m", "osc_composer.cli", "serve", "--model", str(small_model_path)]
    process = subprocess.Popen(
        [*command, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO
    )
    try:
        lines: list[str] = []
        assert process.stdout is not None
        while not any("ready in" in line for line in lines):
            line = process.stdout.readline()
            assert line, "".join(lines)
            lines.append(line)
    finally:
        process.terminate()
        rest, _ = process.communicate(timeout=30)
    output = "".join(lines) + rest
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ INFO listening on udp://", output, re.M)
    assert "stopped" in output
    assert "╭" not in output and "\x1b[" not in output  # no panels, no terminal escapes
