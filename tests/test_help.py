"""The command line explains itself: every parameter and server option in ``--help``, with its default."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import REPO

from osc_composer.engine.params import PARAM_SPECS
from osc_composer.live.settings import LIVE_SPECS
from osc_composer.server.config import ServerConfig, serve_options
from osc_composer.server.protocol import ADDRESSES


def help_text(*command: str) -> str:
    """``osc-composer COMMAND --help`` as a user sees it, white space folded (wrapping varies)."""
    result = subprocess.run(
        [sys.executable, "-m", "osc_composer.cli", *command, "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "", "PYTHONPATH": str(REPO)},
        check=True,
    )
    return " ".join(result.stdout.split())


@pytest.fixture(scope="module")
def serve_help() -> str:
    return help_text("serve")


def test_top_level_help_lists_every_command_in_plain_text() -> None:
    text = help_text()
    for command in ("train", "generate", "evaluate", "corpus", "info", "serve"):
        assert command in text
    assert "``" not in text and ":mod:" not in text


def test_generate_help_has_every_sampling_parameter_with_its_range_and_default() -> None:
    text = help_text("generate")
    for spec in PARAM_SPECS:
        if spec.name in ("step", "velocity"):  # they shape pitch-only OSC seeds: not for MIDI files
            continue
        assert spec.help_text() in text, spec.name


def test_serve_help_has_every_parameter_a_client_can_set_with_its_default(serve_help: str) -> None:
    params = {
        a.param.name for a in ADDRESSES if a.param is not None and a.path.startswith("/composer/param/")
    }
    live = {a.param.name for a in ADDRESSES if a.param is not None and "/live/param/" in a.path}
    assert params == {s.name for s in PARAM_SPECS} and live == {s.name for s in LIVE_SPECS}
    for address in ADDRESSES:
        if address.param is not None:
            assert f"{address.path}: {address.param.help_text()}" in serve_help, address.path


def option_help(serve_help: str, flag: str) -> str:
    """The help of one option in the options list (after its metavar, up to the next option)."""
    options = serve_help.split(" options: ", 1)[1]
    match = re.search(rf"(?:^| ){re.escape(flag)} [A-Z]+ (.*?)(?= --[a-z]| What each client|$)", options)
    assert match, flag
    return match.group(1)


def test_serve_help_has_every_server_option_with_its_default(serve_help: str) -> None:
    defaults = ServerConfig()
    for option in serve_options():
        text = option_help(serve_help, "--" + option.name.replace("_", "-"))
        default = getattr(defaults, option.name)
        if default is not None:
            shown = int(default) if isinstance(default, float) and default.is_integer() else default
            assert text.endswith(f"(default: {shown})"), (option.name, text)


def test_serve_help_explains_the_two_ports(serve_help: str) -> None:
    assert option_help(serve_help, "--port").startswith("UDP port the server receives OSC on")
    reply = option_help(serve_help, "--reply-port")
    assert reply.startswith("UDP port replies go to") and reply.endswith("(default: 9001)")
