"""Counters and recent events: written by the server's threads, read by the console."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.files import ModelFileError, read_metadata

MAX_CLIENTS_SHOWN = 64  # the console lists the most recent; older ones are forgotten


@dataclass
class RequestRecord:
    """What the console shows about a finished request."""

    client: str
    request_id: int
    params: dict[str, Any]
    notes: int
    milliseconds: float
    when: float


@dataclass(eq=False)
class Stats:
    """Every field is guarded by :attr:`lock` (a leaf lock: nothing else is taken under it)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    started: float = field(default_factory=time.monotonic)
    packets: int = 0
    requests: int = 0
    replies: int = 0
    errors: int = 0
    errors_suppressed: int = 0
    superseded: int = 0
    busy: int = 0
    dropped_not_allowed: int = 0
    dropped_inbox_full: int = 0  # a host sent faster than the server could read (its share)
    bytes_out: int = 0
    bytes_refused: int = 0  # replies not sent: over their host's byte budget
    recent: deque[RequestRecord] = field(default_factory=lambda: deque(maxlen=12))
    recent_errors: deque[tuple[float, str, str]] = field(default_factory=lambda: deque(maxlen=8))
    request_times: deque[float] = field(default_factory=lambda: deque(maxlen=512))
    clients: OrderedDict[str, float] = field(default_factory=OrderedDict)  # "host:reply port" → last seen
    model_name: str = ""
    model_info: dict[str, Any] = field(default_factory=dict)
    listening: str = ""
    oscquery: str = ""  # the OSCQuery description's URL, when it is served

    def set_model(self, name: str, vocabulary: int, path: Path | None) -> None:
        """The model the console shows: its name, vocabulary and, from its file, corpus,
        architecture and metrics."""
        info: dict[str, Any] = {"vocabulary": vocabulary}
        if path is not None:
            try:
                metadata = read_metadata(path)
            except ModelFileError:
                pass
            else:
                info.update(metadata.metrics)
                corpus = metadata.training.get("corpus", {})
                info["corpus"] = corpus.get("name") or corpus.get("folder", "")
                config = metadata.config
                info["architecture"] = f"{config.architecture} {config.layers}×{config.units}"
        with self.lock:
            self.model_name = name
            self.model_info = info

    def add(self, counter: str, amount: int = 1) -> None:
        with self.lock:
            setattr(self, counter, getattr(self, counter) + amount)

    def seen(self, client: str) -> None:
        with self.lock:
            self.clients.pop(client, None)
            self.clients[client] = time.monotonic()
            if len(self.clients) > MAX_CLIENTS_SHOWN:
                self.clients.popitem(last=False)

    def note_error(self, client: str, text: str) -> None:
        with self.lock:
            self.errors += 1
            self.recent_errors.append((time.time(), client, text))

    def record(self, record: RequestRecord) -> None:
        with self.lock:
            self.replies += 1
            self.recent.append(record)
            self.request_times.append(time.monotonic())

    def requests_per_second(self, window: float = 10.0) -> float:
        now = time.monotonic()
        with self.lock:
            recent = [t for t in self.request_times if now - t <= window]
        return len(recent) / window
