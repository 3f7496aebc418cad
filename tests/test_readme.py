"""The README's promises: two quick-start commands, CI runs the test one, the server one works."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, RunningServer, free_udp_port, stop_server
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket

from osc_composer.model.paths import DEFAULT_MODEL_NAME

README = (REPO / "README.md").read_text()


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", section, re.S)
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ][:2]


def test_quick_start_has_exactly_two_setup_commands_one_serves_one_tests() -> None:
    section = README.split("## Quick start", 1)[1].split("Try it from another terminal", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(commands) == 2, commands
    serve, test = commands
    assert "osc-composer serve" in serve and serve.startswith("pip install")
    assert "pytest" in test and test.startswith("pip install")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = quick_start_commands()[1]
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines


def test_ruff_finds_nothing_in_the_repository() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_quick_start_serve_command_answers_on_the_bundled_model(tmp_path: Path) -> None:
    """`osc-composer serve` with no --model: the default model must load and answer a generate."""
    reply_port = free_udp_port()
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", reply_port))
    receiver.settimeout(1.0)
    log_path = tmp_path / "serve.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "osc_composer.cli",
            "serve",
            "--no-console",
            "--port",
            "0",
            "--reply-port",
            str(reply_port),
        ],
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        cwd=REPO,
    )
    server = RunningServer(process, 0, reply_port, log_path)
    try:
        deadline = time.monotonic() + 90
        port = None
        while time.monotonic() < deadline and port is None:
            match = re.search(r"listening on udp://[^ ]+:(\d+)", log_path.read_text())
            port = int(match.group(1)) if match and "ready in" in log_path.read_text() else None
            assert process.poll() is None, log_path.read_text()
            time.sleep(0.1)
        assert port, "server did not start:\n" + log_path.read_text()
        assert f"model {DEFAULT_MODEL_NAME}" in log_path.read_text()
        sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for address, args in (("/composer/seed/pitches", [60, 64, 67, 72]), ("/composer/generate", [42])):
            builder = OscMessageBuilder(address)
            for value in args:
                builder.add_arg(value, "i")
            sender.sendto(builder.build().dgram, ("127.0.0.1", port))
        addresses = []
        deadline = time.monotonic() + 30
        while "/composer/end" not in addresses and time.monotonic() < deadline:
            try:
                data, _ = receiver.recvfrom(65535)
            except TimeoutError:
                continue
            addresses += [m.message.address for m in OscPacket(data).messages]
        assert "/composer/begin" in addresses and "/composer/end" in addresses, addresses
    finally:
        stop_server(server)
        receiver.close()
