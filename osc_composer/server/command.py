"""``osc-composer serve``: the command line, start-up checks and signals."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import signal
import textwrap
import threading
import time
from pathlib import Path

from ..engine.generate import Engine
from ..engine.loader import load_engine, warm_up
from ..engine.params import PARAMS_BY_NAME
from ..model.files import ModelFileError, resolve_model_path
from ..model.paths import default_model_path
from .app import ComposerServer
from .config import ServerConfig, serve_options
from .protocol import ADDRESSES

log = logging.getLogger("osc_composer.server")

VIRTUAL_MIDI_PORT = "(virtual)"  # --midi-out without a name
MIN_REPLY_BUDGET = 16384  # bytes per second
STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")  # SIGHUP (terminal closed, service reload) stops cleanly too


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``osc-composer serve``: one per :func:`~.app.serve_options` field of
    :class:`ServerConfig` (its default and help), then the switches that are not fields."""
    for option in serve_options():
        extra = {k: v for k, v in option.metadata.items() if k != "help"}
        shown = "" if option.default is None else f" (default: {_shown(option.default)})"
        parser.add_argument(
            "--" + option.name.replace("_", "-"),
            type=extra.pop("type", type(option.default)),
            default=option.default,
            help=option.metadata["help"] + shown,
            **extra,
        )
    parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="CIDR",
        help="accept packets (and OSCQuery connections) only from these networks (repeatable; "
        "default: from anywhere the --host address is reachable)",
    )
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


def serve_epilog() -> str:
    """What each client can set, from the protocol table (``serve --help`` ends with it)."""
    lines = ["What each client can set (send the address with a value; a new client starts at the default):"]
    for address in ADDRESSES:
        if address.param is not None:
            text = f"{address.path}: {address.doc}"
            lines += textwrap.wrap(
                text, 100, initial_indent="  ", subsequent_indent="      ", break_on_hyphens=False
            )
    return "\n".join(lines)


def _shown(value: object) -> str:
    """A default as a person would write it: 64 and 1000000, not 64.0 and 1000000.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
        **{option.name: getattr(args, option.name) for option in serve_options()},
        max_sessions_per_host=min(ServerConfig.max_sessions_per_host, args.max_sessions),
        allow=tuple(ipaddress.ip_network(c, strict=False) for c in args.allow),
        oscquery=not args.no_oscquery,
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


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
