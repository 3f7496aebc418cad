"""Shared fixtures: a small model file, a real server process, a UDP reply socket."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SMALL_STYLES = ("chorale", "dance")  # the styles of the small test model


def require_program(name: str) -> str:
    """The path of an external program; skip without it locally, fail without it in CI."""
    path = shutil.which(name)
    if path is None:
        packages = "puredata-core liblo-tools nodejs"
        message = f"{name} is not installed (apt-get install -y --no-install-recommends {packages})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Training runs keep what they read from MIDI files in a temporary cache, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OSC_COMPOSER_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def small_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2×32 LSTM with random weights in the real file format (builds in ~2 s, no training)."""
    from osc_composer.model.files import ModelConfig, ModelMetadata, build_model, save_model
    from osc_composer.music.encoding import Vocabulary

    folder = tmp_path_factory.mktemp("models") / "small"
    vocab = Vocabulary()
    config = ModelConfig(
        units=32, layers=2, embedding_dim=16, dropout=0.0, controls=True, styles=SMALL_STYLES
    )
    import keras
    import numpy as np

    keras.utils.set_random_seed(7)
    model = build_model(vocab, config)
    # controls start at zero in training; random here, so that they change what the model says
    rng = np.random.default_rng(7)
    for table in model.get_layer("embedding").control_embeddings:
        table.assign(rng.normal(scale=0.5, size=table.shape).astype("float32"))
    metadata = ModelMetadata("small", vocab, config, training={"corpus": {"folder": "random weights"}})
    save_model(folder / "model.keras", model, metadata)
    return folder


@dataclass
class RunningServer:
    process: subprocess.Popen
    port: int
    reply_port: int
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(model: Path, log_path: Path, *extra: str, reply_port: int | None = None) -> RunningServer:
    """Run ``osc-composer serve`` in its own process on a free port; wait until it listens."""
    reply_port = reply_port or free_udp_port()
    command = [
        sys.executable,
        "-m",
        "osc_composer.cli",
        "serve",
        "--no-console",
        "--model",
        str(model),
        "--port",
        "0",
        "--reply-port",
        str(reply_port),
        *extra,
    ]
    log_file = log_path.open("w")
    process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, cwd=REPO)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        match = re.search(r"listening on udp://[^ ]+:(\d+)", log_path.read_text(errors="replace"))
        if match and "ready in" in log_path.read_text(errors="replace"):
            return RunningServer(process, int(match.group(1)), reply_port, log_path)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("server did not start:\n" + log_path.read_text(errors="replace"))


def stop_server(server: RunningServer) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()


@pytest.fixture(scope="module")
def server(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A real server process on the small model, shared by a test module."""
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    running = start_server(small_model_path, log_path)
    yield running
    stop_server(running)
