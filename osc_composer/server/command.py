"""``osc-composer serve``: the command line, start-up checks and signals."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import signal
import threading
import time
from pathlib import Path

from ..engine.generate import Engine
from ..engine.loader import load_engine
from ..engine.params import PARAMS_BY_NAME, SamplingParams
from ..model.files import ModelFileError, resolve_model_path
from ..model.paths import default_model_path
from ..music.notes import Note
from .app import ComposerServer, ServerConfig
from .wire import DEFAULT_MAX_DATAGRAM

log = logging.getLogger("osc_composer.server")

VIRTUAL_MIDI_PORT = "(virtual)"  # --midi-out without a name
MIN_REPLY_BUDGET = 16384  # bytes per second
STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")  # SIGHUP (terminal closed, service reload) stops cleanly too


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    defaults = ServerConfig()
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument(
        "--reply-port", type=int, default=9001, help="port replies go to (0: the sender's port)"
    )
    parser.add_argument("--model", type=Path, default=None, help="model folder or .keras file")
    parser.add_argument("--models-dir", type=Path, default=None, help="folder of models for /composer/model")
    parser.add_argument("--midi-dir", type=Path, default=None, help="folder /composer/seed/midi reads from")
    parser.add_argument(
        "--max-datagram", type=int, default=DEFAULT_MAX_DATAGRAM, help="largest reply datagram"
    )
    parser.add_argument("--max-seed-notes", type=int, default=4096, help="longest seed accepted")
    parser.add_argument(
        "--max-length",
        type=float,
        default=PARAMS_BY_NAME["length"].high,
        help="longest continuation in beats a client may ask for",
    )
    parser.add_argument(
        "--max-variations",
        type=int,
        default=int(PARAMS_BY_NAME["variations"].high),
        help="most variations a client may ask for in one request",
    )
    parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="CIDR",
        help="accept packets (and OSCQuery connections) only from these networks (repeatable)",
    )
    parser.add_argument(
        "--reply-budget",
        type=float,
        default=defaults.reply_budget,
        metavar="BYTES",
        help=f"most bytes per second sent to any one host (default {defaults.reply_budget:.0f}); "
        "replies over it are refused as busy",
    )
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=defaults.max_sessions,
        help=f"clients remembered at once (default {defaults.max_sessions}; the longest idle is forgotten)",
    )
    parser.add_argument("--batch-window-ms", type=float, default=0.0)
    parser.add_argument("--no-console", action="store_true", help="plain log lines instead of the dashboard")
    parser.add_argument(
        "--midi-out",
        nargs="?",
        const=VIRTUAL_MIDI_PORT,
        default=None,
        metavar="NAME",
        help="also play to this MIDI output (no NAME: a virtual port 'osc-composer'; needs python-rtmidi)",
    )
    advertise = parser.add_mutually_exclusive_group()
    advertise.add_argument(
        "--zeroconf",
        action="store_true",
        help="advertise _osc._udp with Zeroconf even on loopback (default: only when --host is not loopback)",
    )
    advertise.add_argument("--no-zeroconf", action="store_true", help="never advertise with Zeroconf")
    parser.add_argument("--no-oscquery", action="store_true", help="do not serve the OSCQuery JSON over HTTP")
    parser.add_argument(
        "--oscquery-port", type=int, default=0, help="HTTP port of the OSCQuery JSON (default: any free port)"
    )


def config_from_args(args: argparse.Namespace) -> ServerConfig:
    """The configuration, every number checked (a ``ValueError`` says which option is wrong)."""
    if args.max_datagram < 64:
        raise ValueError("--max-datagram must be at least 64 bytes")
    for name in ("length", "variations"):
        cap, spec = getattr(args, "max_" + name), PARAMS_BY_NAME[name]
        if not spec.low <= cap <= spec.high:
            raise ValueError(f"--max-{name} must be within {spec.low:g}..{spec.high:g}")
    if args.reply_budget < MIN_REPLY_BUDGET:  # a reply bigger than the budget is never sent
        raise ValueError(
            f"--reply-budget must be at least {MIN_REPLY_BUDGET} bytes (/composer/describe is ~8 KB)"
        )
    if args.max_sessions < 1:
        raise ValueError("--max-sessions must be at least 1")
    return ServerConfig(
        host=args.host,
        port=args.port,
        reply_port=args.reply_port,
        model=args.model,
        models_dir=args.models_dir,
        midi_dir=args.midi_dir,
        max_datagram=args.max_datagram,
        max_seed_notes=args.max_seed_notes,
        max_length=args.max_length,
        max_variations=args.max_variations,
        max_sessions=args.max_sessions,
        max_sessions_per_host=min(ServerConfig.max_sessions_per_host, args.max_sessions),
        reply_budget=args.reply_budget,
        allow=tuple(ipaddress.ip_network(c, strict=False) for c in args.allow),
        batch_window_ms=args.batch_window_ms,
        oscquery=not args.no_oscquery,
        oscquery_port=args.oscquery_port,
        # a loopback-only server has nothing to offer the network: advertise it only when asked
        zeroconf=args.zeroconf or (not args.no_zeroconf and not _is_loopback(args.host)),
    )


def serve_from_args(args: argparse.Namespace) -> int:
    from .console import run_with_console, setup_plain_logging

    config = config_from_args(args)
    use_console = not args.no_console and os.isatty(1)
    if not use_console:
        setup_plain_logging()
    path = resolve_model_path(config.model or default_model_path())
    started = time.monotonic()
    engine = load_checked(path)
    midi = None
    if args.midi_out is not None:
        from ..live.midi_out import open_midi_output

        midi = open_midi_output(None if args.midi_out == VIRTUAL_MIDI_PORT else args.midi_out)
    server = ComposerServer(config, engine, model_path=path, midi=midi)
    # handlers before the socket opens: a stop sent the moment "ready" is logged must be clean
    stop = threading.Event()
    for name in STOP_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: stop.set())
    server.start()
    log.info("ready in %.2f s", time.monotonic() - started)
    if not _is_loopback(config.host) and not config.allow:
        log.warning("listening on %s without --allow: anyone on the network can use this server", config.host)
    try:
        if use_console:
            run_with_console(server, stop)
        else:
            server.serve_forever(stop)
    finally:
        server.stop()
    return 0


def load_checked(path: Path) -> Engine:
    """The model at ``path``, validated and warmed up; any failure is one :class:`ModelFileError`
    (the command line prints it as one line and exits with status 2)."""
    try:
        engine = load_engine(path)
        engine.name = path.parent.name if path.name == "model.keras" else path.stem
        warm_up(engine)
    except ModelFileError:
        raise
    except (ValueError, OSError, MemoryError) as exc:
        raise ModelFileError(path, f"cannot be used: {exc}") from None
    except Exception as exc:  # whatever a damaged file makes a reader raise: still one line
        raise ModelFileError(path, f"cannot be used ({type(exc).__name__}: {exc})") from None
    return engine


def warm_up(engine: Engine) -> None:
    """One tiny request, so the first real one does not pay for lazy allocations, and so a
    model that cannot answer (NaN or infinite scores) is refused before it is used."""
    engine.continue_notes([Note(60, 90, 0.0, 1.0)], SamplingParams.create(length=1.0, seed=0))


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
