"""The server's configuration: :class:`ServerConfig`, whose fields marked with :func:`option`
are also the options of ``osc-composer serve`` (default and help written once, here)."""

from __future__ import annotations

import ipaddress
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..engine.params import PARAMS_BY_NAME
from ..live.settings import DEFAULT_MAX_LIVE_NOTES
from .wire import DEFAULT_MAX_DATAGRAM


def option(default: Any, help: str, **argparse: Any) -> Any:
    """A :class:`ServerConfig` field that is also an option of ``osc-composer serve``: its
    default and help are written here once (``argparse``: extra keywords, e.g. ``type``)."""
    return field(default=default, metadata={"help": help, **argparse})


@dataclass
class ServerConfig:
    host: str = option(
        "127.0.0.1", "address to listen on: 127.0.0.1 this computer only, 0.0.0.0 every network"
    )
    port: int = option(9000, "UDP port the server receives OSC on: clients send here", metavar="PORT")
    reply_port: int = option(
        9001,
        "UDP port replies go to, at the sender's address (0: the port the sender sent from)",
        metavar="PORT",
    )
    model: Path | None = option(
        None, "model folder or .keras file (default: the bundled model)", type=Path, metavar="PATH"
    )
    models_dir: Path | None = option(
        None,
        "folder of models /composer/model lists and loads (default: the bundled models)",
        type=Path,
        metavar="DIR",
    )
    midi_dir: Path | None = option(
        None,
        "folder /composer/seed/midi may read from (default: none, MIDI seeds are refused)",
        type=Path,
        metavar="DIR",
    )
    max_datagram: int = option(DEFAULT_MAX_DATAGRAM, "largest reply datagram, in bytes", metavar="BYTES")
    max_seed_notes: int = option(4096, "longest seed accepted, in notes", metavar="N")
    max_midi_bytes: int = 512 * 1024  # a seed file; a whole song is typically under 100 KB
    # may only lower the table's caps
    max_length: float = option(
        PARAMS_BY_NAME["length"].high, "longest continuation in beats a client may ask for", metavar="BEATS"
    )
    max_variations: int = option(
        int(PARAMS_BY_NAME["variations"].high),
        "most variations a client may ask for in one request",
        metavar="N",
    )
    max_sessions: int = option(256, "clients remembered at once (the longest idle is forgotten)", metavar="N")
    max_sessions_per_host: int = 32  # every reply port is a session: one host cannot fill the table
    max_pending: int = 64  # queued requests (one per session at most); beyond: "busy"
    # queued work (see worker.request_cost), per client host and in all, in largest requests
    # (16 variations × 64 beats ≈ 12,800); beyond: "busy"
    queued_requests_per_host: float = 2.0
    queued_requests_total: float = 8.0
    batch_cost: int = 4096  # a batch holds requests up to this cost (16 short ones); a bigger one runs alone
    errors_per_second: float = 20.0  # per client host; more errors are counted, neither sent nor logged
    reply_budget: float = option(
        1_000_000.0,
        "most bytes per second sent to any one host (as much again in a burst); replies over it are "
        "refused as busy",
        metavar="BYTES",
    )
    allow: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    batch_window_ms: float = option(
        0.0, "extra wait in ms to batch requests together (0: batch what queued meanwhile)", metavar="MS"
    )
    max_live_notes: int = DEFAULT_MAX_LIVE_NOTES  # per client
    kept_results: int = 8  # per client, for /composer/play
    kept_notes: int = 8192  # per client, in its kept results (the newest is always kept)
    max_playbacks: int = 64  # playing at once on the server (4 per client)
    oscquery: bool = False  # the command line turns discovery on; embedding code opts in
    oscquery_port: int = option(
        0, "HTTP port of the OSCQuery JSON (0: any free port, logged at start)", metavar="PORT"
    )
    zeroconf: bool = False


def serve_options() -> list[Field]:
    """The fields of :class:`ServerConfig` that ``osc-composer serve`` takes as options."""
    return [f for f in fields(ServerConfig) if "help" in f.metadata]
