"""The OSC server: UDP in, protocol table, per-client sessions, engine worker, bundles out.

Threads: one receives and dispatches packets (cheap: parse, validate, update a session,
queue a request); one runs the engine on batches of queued requests and sends the
replies; the console (if any) only reads :class:`Stats`. A client that asks again
before its previous request ran has the older one replaced, so turning a knob never
builds a backlog.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import math
import os
import signal
import socket
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .engine import Continuation, Engine, GenerationRequest, load_engine
from .live import LIVE_SPECS, LiveBuffer, LiveSettings
from .midi import MidiFileError, read_midi
from .model import ModelFileError, list_models, resolve_model_path
from .notes import Note, NoteError, end_beats
from .params import PARAM_SPECS, PARAMS_BY_NAME, ParamError, SamplingParams
from .paths import default_model_path, models_dir
from .playback import Clock, NoteSink, Player, PlayEvent, Scheduler, Timer
from .protocol import ADDRESSES, INCOMING, NUMBER_TAGS, OUTGOING, PREFIX, Address, ProtocolError
from .wire import DEFAULT_MAX_DATAGRAM, WireError, build_message, pack_bundles, parse_packet

log = logging.getLogger("osc_composer.server")

SessionKey = tuple[str, int]  # (client host, reply port)
RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024  # the kernel may grant less (net.core.rmem_max)
MAX_TEXT_MESSAGE = 1024  # bytes: longest /composer/error or /composer/address message
VIRTUAL_MIDI_PORT = "(virtual)"  # --midi-out without a name


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 9000
    reply_port: int = 9001
    model: Path | None = None
    models_dir: Path | None = None
    midi_dir: Path | None = None  # where /composer/seed/midi may read from
    max_datagram: int = DEFAULT_MAX_DATAGRAM
    max_seed_notes: int = 4096
    max_midi_bytes: int = 512 * 1024  # a seed file; a whole song is typically under 100 KB
    max_length: float = PARAMS_BY_NAME["length"].high  # beats per request; may only lower the table's cap
    max_variations: int = int(PARAMS_BY_NAME["variations"].high)
    max_sessions: int = 256
    max_pending: int = 64  # queued requests (one per client at most); beyond: "busy"
    errors_per_second: float = 20.0  # per client; more errors are counted, not sent
    allow: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    batch_window_ms: float = 0.0  # extra wait to batch requests (0: batch what queued meanwhile)
    max_live_notes: int = 512  # per client
    kept_results: int = 8  # per client, for /composer/play
    oscquery: bool = False  # the command line turns discovery on; embedding code opts in
    oscquery_port: int = 0  # 0: any free port (logged, and advertised with Zeroconf)
    zeroconf: bool = False


@dataclass
class Session:
    """One client's seed and parameters."""

    key: SessionKey
    seed: list[Note] = field(default_factory=list)
    params: SamplingParams = field(default_factory=SamplingParams)
    next_id: int = 1
    last_seen: float = field(default_factory=time.monotonic)
    clock: Clock = field(default_factory=Clock)
    live: LiveBuffer = field(default_factory=LiveBuffer)
    live_settings: LiveSettings = field(default_factory=LiveSettings)
    # the receive thread and the scheduler's silence timers both touch the live notes
    live_lock: threading.Lock = field(default_factory=threading.Lock)
    silence_timer: Timer | None = None
    results: OrderedDict[int, Continuation] = field(default_factory=OrderedDict)
    pending_id: int | None = None
    play_requested: dict[int, int] = field(default_factory=dict)  # request id → variation


@dataclass
class RequestRecord:
    """What the console shows about a finished request."""

    client: str
    request_id: int
    params: dict[str, Any]
    notes: int
    milliseconds: float
    when: float


@dataclass
class Job:
    session_key: SessionKey
    reply_to: tuple[str, int]
    request_id: int
    request: GenerationRequest
    received: float
    live: tuple[float, int] | None = None  # a live answer: (clock beat where it starts, notes heard)


class Stats:
    """Counters and recent events, written by the server threads and read by the console."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.packets = 0
        self.requests = 0
        self.replies = 0
        self.errors = 0
        self.errors_suppressed = 0
        self.superseded = 0
        self.busy = 0
        self.dropped_not_allowed = 0
        self.recent: deque[RequestRecord] = deque(maxlen=12)
        self.recent_errors: deque[tuple[float, str, str]] = deque(maxlen=8)
        self.request_times: deque[float] = deque(maxlen=512)
        self.clients: dict[str, float] = {}
        self.model_name = ""
        self.model_info: dict[str, Any] = {}
        self.listening = ""

    def add(self, counter: str, amount: int = 1) -> None:
        with self.lock:
            setattr(self, counter, getattr(self, counter) + amount)

    def requests_per_second(self, window: float = 10.0) -> float:
        now = time.monotonic()
        with self.lock:
            recent = [t for t in self.request_times if now - t <= window]
        return len(recent) / window


class QueueFull(Exception):
    pass


class RequestQueue:
    """Pending requests, one per session: a newer request replaces the older one."""

    def __init__(self, max_pending: int) -> None:
        self.max_pending = max_pending
        self._jobs: OrderedDict[SessionKey, Job] = OrderedDict()
        self._cond = threading.Condition()
        self._closed = False

    def put(self, job: Job) -> Job | None:
        """Queue a job; returns the job it replaced, if any. Raises QueueFull."""
        with self._cond:
            replaced = self._jobs.pop(job.session_key, None)
            if replaced is None and len(self._jobs) >= self.max_pending:
                raise QueueFull
            self._jobs[job.session_key] = job
            self._cond.notify()
            return replaced

    def take(self, window: float = 0.0) -> list[Job]:
        """Wait for work and take everything queued (after ``window`` seconds more)."""
        with self._cond:
            while not self._jobs and not self._closed:
                self._cond.wait()
            if self._closed and not self._jobs:
                return []
            if window > 0:
                self._cond.wait(window)
            jobs = list(self._jobs.values())
            self._jobs.clear()
            return jobs

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class ComposerServer:
    """Serve one engine over UDP. ``start()`` binds and returns; ``stop()`` shuts down."""

    def __init__(
        self,
        config: ServerConfig,
        engine: Engine,
        *,
        model_path: Path | None = None,
        midi: NoteSink | None = None,
    ) -> None:
        self.config = config
        self.midi = midi  # everything played also goes here (a mido port, see midi_out.py)
        self.scheduler: Scheduler | None = None
        self.player: Player | None = None
        self._discovery: list[Any] = []
        self.engine = engine
        self.model_path = model_path
        self.stats = Stats()
        self.sessions: OrderedDict[SessionKey, Session] = OrderedDict()
        self.reply_ports: dict[tuple[str, int], int] = {}  # packet source → chosen reply port
        self.queue = RequestQueue(config.max_pending)
        self.sock: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._running = threading.Event()
        self._engine_lock = threading.Lock()
        self._error_lock = threading.Lock()
        self._error_budget: dict[tuple[str, int], tuple[float, float]] = {}
        self._handlers: dict[str, Callable[[Address, list[Any], tuple[str, int]], None]] = {
            path: getattr(self, "_on_" + address.handler) for path, address in INCOMING.items()
        }
        self._set_model_stats(engine, model_path)

    # --- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        family = socket.AF_INET6 if ":" in self.config.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            sock.bind((self.config.host, self.config.port))
        except OSError as exc:
            sock.close()
            raise OSError(
                f"cannot listen on {self.config.host}:{self.config.port}: {exc.strerror or exc}"
            ) from None
        # a big receive buffer rides out bursts (a Max patch sending a whole clip at once)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
        sock.settimeout(0.2)
        self.sock = sock
        host, port = sock.getsockname()[:2]
        self.stats.listening = f"udp://{host}:{port}"
        self._running.set()
        self.scheduler = Scheduler()
        self.player = Player(self.scheduler)
        for target, name in ((self._receive_loop, "osc-receive"), (self._work_loop, "osc-engine")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        log.info(
            "listening on %s, replies to port %d, model %s",
            self.stats.listening,
            self.config.reply_port,
            self.engine.name,
        )
        self._start_discovery(host, port)

    def _start_discovery(self, host: str, port: int) -> None:
        from .discovery import Advertiser, OscQueryServer

        http_port = None
        if self.config.oscquery:
            try:
                oscquery = OscQueryServer(self.config.host, self.config.oscquery_port, host, port)
            except OSError as exc:
                log.warning("OSCQuery off: cannot listen on port %d: %s", self.config.oscquery_port, exc)
            else:
                oscquery.start()
                self._discovery.append(oscquery)
                http_port = oscquery.port
                log.info("OSCQuery description on http://%s:%d/", self.config.host, http_port)
        if self.config.zeroconf:
            advertiser = Advertiser(self.config.host, port, http_port)
            advertiser.start()
            self._discovery.append(advertiser)

    @property
    def port(self) -> int:
        return self.sock.getsockname()[1] if self.sock else self.config.port

    def stop(self) -> None:
        """Stop receiving, let the engine finish what it is doing, close the socket."""
        self._running.clear()
        self.queue.close()
        for thread in self._threads:
            thread.join(timeout=10)
        if self.player is not None:
            self.player.stop_all()  # no note left hanging on a synth
        if self.scheduler is not None:
            self.scheduler.close()
        for service in self._discovery:
            service.stop()
        close_midi = getattr(self.midi, "close", None)
        if close_midi is not None:
            close_midi()
        if self.sock:
            self.sock.close()
        log.info("stopped")

    def serve_forever(self, until: threading.Event | None = None) -> None:
        until = until or threading.Event()
        while self._running.is_set() and not until.wait(0.2):
            pass

    # --- receiving ---------------------------------------------------------------------
    def _receive_loop(self) -> None:
        assert self.sock is not None
        while self._running.is_set():
            try:
                data, source = self.sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                if not self._running.is_set():
                    return
                continue
            source = (source[0], source[1])
            try:
                self.handle_packet(data, source)
            except Exception as exc:  # a bug must never take the receive thread down
                log.exception("internal error on a packet from %s", source)
                self._error(source, -1, f"internal error: {type(exc).__name__}: {exc}")

    def _allowed(self, host: str) -> bool:
        if not self.config.allow:
            return True
        try:
            address = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in network for network in self.config.allow)

    def handle_packet(self, data: bytes, source: tuple[str, int]) -> None:
        """Parse one datagram and act on each of its messages."""
        if not self._allowed(source[0]):
            self.stats.add("dropped_not_allowed")
            return
        self.stats.add("packets")
        with self.stats.lock:
            self.stats.clients[f"{source[0]}:{self._reply_port(source)}"] = time.monotonic()
        try:
            messages = parse_packet(data)
        except WireError as exc:
            self._error(source, -1, f"malformed packet: {exc}")
            return
        for path, tags, values in messages:
            address = INCOMING.get(path)
            if address is None:
                hint = " (addresses start with /composer/)" if not path.startswith(PREFIX) else ""
                self._error(source, -1, f"unknown address {path}{hint}; send /composer/describe for the list")
                continue
            try:
                args = address.parse(tags, values)  # the tags as sent, not guessed from python values
                self._handlers[path](address, args, source)
            except (ProtocolError, ParamError, NoteError, ValueError) as exc:
                self._error(source, _request_id_of(path, tags, values), f"{path}: {exc}")

    # --- sessions ----------------------------------------------------------------------
    def _reply_port(self, source: tuple[str, int]) -> int:
        port = self.reply_ports.get(source, self.config.reply_port)
        return source[1] if port == 0 else port

    def _session(self, source: tuple[str, int]) -> Session:
        key = (source[0], self._reply_port(source))
        session = self.sessions.get(key)
        if session is None:
            session = Session(key, live=LiveBuffer(self.config.max_live_notes))
            self.sessions[key] = session
            while len(self.sessions) > self.config.max_sessions:
                self.sessions.popitem(last=False)  # forget the longest-idle client
        else:
            self.sessions.move_to_end(key)
        session.last_seen = time.monotonic()
        return session

    # --- handlers (named in the protocol table) ----------------------------------------
    def _on_seed_clear(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        session.seed = []
        self._send_seed_size(source, session)

    def _on_seed_notes(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        notes = [Note(*args[i : i + 4]) for i in range(0, len(args), 4)]
        self._set_seed(source, notes)

    def _on_seed_add(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        self._set_seed(source, [*session.seed, Note(*args)])

    def _on_seed_pitches(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        params = self._session(source).params
        notes = [Note(p, params.velocity, i * params.step, params.step) for i, p in enumerate(args)]
        self._set_seed(source, notes)

    def _on_seed_midi(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        path = self._confined_midi_path(args[0])
        try:
            notes = read_midi(path).notes
        except MidiFileError as exc:
            raise ProtocolError(f"{args[0]}: {exc.reason}") from None
        self._set_seed(source, notes)

    def _confined_midi_path(self, name: str) -> Path:
        if self.config.midi_dir is None:
            raise ProtocolError("no MIDI folder configured (start the server with --midi-dir)")
        root = self.config.midi_dir.resolve()
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts or not name.strip() or "\0" in name:
            raise ProtocolError(
                f"{name!r}: give a file name inside the MIDI folder (no absolute paths or '..')"
            )
        try:
            path = (root / relative).resolve()  # symlinks followed: where the file really is
            is_file = path.is_file()  # devices, fifos and folders are not
        except (OSError, RuntimeError) as exc:  # name too long, symlink loop …
            shown = name if len(name) <= 80 else name[:40] + "…"
            raise ProtocolError(f"cannot be read ({exc.__class__.__name__}): {shown!r}") from None
        if root not in path.parents:
            raise ProtocolError(f"{name!r} leads outside the MIDI folder")
        if not is_file:
            raise ProtocolError(f"{name!r}: no such file in the MIDI folder")
        size = path.stat().st_size
        if size > self.config.max_midi_bytes:  # parsing runs on the receiving thread: keep it short
            raise ProtocolError(
                f"{name!r} is {size / 1024:.0f} KB; seeds are read from files of up to "
                f"{self.config.max_midi_bytes // 1024} KB"
            )
        return path

    def _set_seed(self, source: tuple[str, int], notes: list[Note]) -> None:
        if len(notes) > self.config.max_seed_notes:
            raise ProtocolError(
                f"seed of {len(notes)} notes is over the limit of {self.config.max_seed_notes}"
            )
        session = self._session(source)
        session.seed = notes
        self._send_seed_size(source, session)

    def _send_seed_size(self, source: tuple[str, int], session: Session) -> None:
        self._send(source, [self._message("/seed/size", len(session.seed), end_beats(session.seed))])

    def _on_set_param(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        assert address.param is not None
        session = self._session(source)
        session.params = session.params.with_values(**{address.param.name: args[0]})

    def _on_params(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        params = self._session(source).params
        messages = []
        for spec in PARAM_SPECS:
            value = getattr(params, spec.name)
            types = "s" if isinstance(value, str) else ("i" if isinstance(value, int) else "f")
            messages.append(build_message(f"{PREFIX}/param/{spec.name}", types, [value]))
        self._send(source, messages)

    def _on_reset(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        session.seed = []
        session.params = SamplingParams()
        session.live_settings = LiveSettings()
        session.clock = Clock()
        self._on_live_clear(address, args, source)
        self._send_seed_size(source, session)

    def _on_generate(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        if args and isinstance(args[0], int) and not isinstance(args[0], bool):
            request_id, pairs = args[0], args[1:]
        else:
            request_id, pairs = session.next_id, args
            session.next_id += 1
        if len(pairs) % 2:
            raise ProtocolError("parameter overrides come in name value pairs")
        overrides = {}
        for name, value in zip(pairs[::2], pairs[1::2], strict=True):
            if not isinstance(name, str) or name not in PARAMS_BY_NAME:
                raise ProtocolError(f"unknown parameter {name!r} in overrides")
            overrides[name] = value
        try:
            params = session.params.with_values(**overrides)
        except ParamError as exc:
            raise ProtocolError(str(exc)) from None
        self._check_caps(params)
        if not session.seed:
            self._error(
                source,
                request_id,
                "the seed is empty: send /composer/seed/notes or /composer/seed/pitches first",
            )
            return
        job = Job(
            session.key,
            (source[0], self._reply_port(source)),
            request_id,
            GenerationRequest(list(session.seed), params),
            time.monotonic(),
        )
        self._queue_job(session, job)

    def _check_caps(self, params: SamplingParams) -> None:
        if params.length > self.config.max_length:
            raise ProtocolError(
                f"length {params.length:g} is over this server's cap of {self.config.max_length:g}"
            )
        if params.variations > self.config.max_variations:
            raise ProtocolError(
                f"variations {params.variations} is over this server's cap of {self.config.max_variations}"
            )

    def _queue_job(self, session: Session, job: Job) -> None:
        try:
            replaced = self.queue.put(job)
        except QueueFull:
            self.stats.add("busy")
            self._error(
                job.reply_to, job.request_id, "busy: too many requests queued, try again", direct=True
            )
            return
        session.pending_id = job.request_id
        if replaced is not None:
            self.stats.add("superseded")
        self.stats.add("requests")

    def _on_reply_port(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        old_key = (source[0], self._reply_port(source))
        self.reply_ports[source] = args[0]
        new_key = (source[0], self._reply_port(source))
        # the client keeps its seed and parameters under its new address
        if old_key in self.sessions and new_key not in self.sessions:
            session = self.sessions.pop(old_key)
            session.key = new_key
            self.sessions[new_key] = session

    def _on_ping(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        self._send(source, [self._message("/pong", __version__)])

    def _on_describe(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        messages = [
            self._fitted_message("/address", a.path, a.direction, a.signature, a.arg_names, a.doc)
            for a in ADDRESSES
        ]
        messages.append(self._message("/describe/end", len(ADDRESSES)))
        self._send(source, messages)

    def _available_models(self) -> dict[str, Path]:
        return list_models(self.config.models_dir or models_dir())

    def _on_models(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        current = self.engine.name
        self._send(
            source,
            [
                self._message("/model/available", name, int(name == current))
                for name in self._available_models()
            ],
        )

    def _on_model(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        name = args[0]
        path = self._available_models().get(name)
        if path is None:
            raise ProtocolError(f"no model named {name!r}; send /composer/models for the list")
        # loading takes ~0.3 s with TF: never on the receiving thread
        threading.Thread(target=self._load_model, args=(name, path, source), daemon=True).start()

    def _load_model(self, name: str, path: Path, source: tuple[str, int]) -> None:
        try:
            engine = load_engine(path)
        except Exception as exc:  # Keras and the engine raise many types; the client must hear of it
            if not isinstance(exc, (ModelFileError, ValueError)):
                log.exception("loading model %s failed", path)
            self._error(source, -1, f"model {name!r} not loaded, keeping {self.engine.name!r}: {exc}")
            return
        engine.name = name
        with self._engine_lock:
            self.engine = engine
            self.model_path = path
        self._set_model_stats(engine, path)
        self._send(source, [self._message("/model/loaded", name)])

    def _set_model_stats(self, engine: Engine, path: Path | None) -> None:
        info: dict[str, Any] = {"vocabulary": engine.vocab.size}
        if path is not None:
            try:
                from .model import read_metadata

                metadata = read_metadata(path)
                info.update(metadata.metrics)
                info["corpus"] = metadata.training.get("corpus", {}).get("name") or metadata.training.get(
                    "corpus", {}
                ).get("folder", "")
                info["architecture"] = (
                    f"{metadata.config.architecture} {metadata.config.layers}×{metadata.config.units}"
                )
            except ModelFileError:
                pass
        with self.stats.lock:
            self.stats.model_name = engine.name
            self.stats.model_info = info

    # --- live play: call-and-response (live.py keeps the notes) --------------------------
    def _on_live_note(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        pitch, velocity = args
        now = time.monotonic()
        with session.live_lock:
            beat = session.clock.beat_at(now)
            session.live.note(pitch, velocity, beat)
            if session.silence_timer is not None:
                session.silence_timer.cancel()
                session.silence_timer = None
            silence = session.live_settings.silence
            if silence > 0 and session.live.sounding == 0 and self.scheduler is not None:
                reply_to = (source[0], self._reply_port(source))
                session.silence_timer = self.scheduler.call_at(
                    session.clock.time_of(beat + silence),
                    lambda: self._live_answer(session, reply_to, None, after_silence=beat),
                )

    def _on_live_respond(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        self._live_answer(session, (source[0], self._reply_port(source)), args[0] if args else None)

    def _on_live_clear(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        with session.live_lock:
            session.live.clear()
            if session.silence_timer is not None:
                session.silence_timer.cancel()
                session.silence_timer = None

    def _on_set_live_param(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        assert address.param is not None
        session = self._session(source)
        session.live_settings = session.live_settings.with_value(address.param.name, args[0])

    def _on_live_params(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        settings = self._session(source).live_settings
        messages = []
        for spec in LIVE_SPECS:
            value = getattr(settings, spec.name)
            messages.append(
                build_message(f"{PREFIX}/live/param/{spec.name}", "i" if spec.kind == "int" else "f", [value])
            )
        self._send(source, messages)

    def _live_answer(
        self,
        session: Session,
        reply_to: tuple[str, int],
        request_id: int | None,
        *,
        after_silence: float | None = None,
    ) -> None:
        """Queue a continuation of the last ``listen`` beats, starting on the next beat.

        Called by /composer/live/respond, or by the silence timer (``after_silence``: the beat
        of the note-off that started the silence; a newer note makes the timer moot).
        """
        with session.live_lock:
            if after_silence is not None:
                session.silence_timer = None
                if session.live.answered or session.live.last_event != after_silence:
                    return
            now = session.clock.beat_at(time.monotonic())
            seed, origin = session.live.seed(now, session.live_settings.listen)
            if seed:
                session.live.answered = True
        if request_id is None:
            request_id = session.next_id
            session.next_id += 1
        if not seed:
            if after_silence is None:
                self._error(
                    reply_to,
                    request_id,
                    "nothing heard to answer: send /composer/live/note first",
                    direct=True,
                )
            return
        params = session.params
        try:
            self._check_caps(params)
        except ProtocolError as exc:
            self._error(reply_to, request_id, f"{PREFIX}/live/respond: {exc}", direct=True)
            return
        start = float(math.ceil(now - 1e-9))
        request = GenerationRequest(seed[-self.config.max_seed_notes :], params, origin_beats=start - origin)
        job = Job(session.key, reply_to, request_id, request, time.monotonic(), live=(start, len(seed)))
        if session.live_settings.autoplay:
            session.play_requested[request_id] = 0
        self._queue_job(session, job)

    # --- playback, locked to the client's clock (playback.py does the timing) -------------
    def _on_clock(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        session.clock = Clock(args[0], args[1], time.monotonic())
        if self.player is not None:
            self.player.retime(session.key, session.clock)

    def _on_play(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        request_id = args[0] if args else None
        variation = args[1] if len(args) > 1 else 0
        if request_id is None:
            if session.pending_id is not None:
                request_id = session.pending_id
            elif session.results:
                request_id = next(reversed(session.results))
            else:
                raise ProtocolError("nothing to play yet: send /composer/generate first")
        result = session.results.get(request_id)
        if result is None:
            if request_id != session.pending_id:
                raise ProtocolError(
                    f"no result with id {request_id} (the last {self.config.kept_results} are kept)"
                )
            session.play_requested[request_id] = variation  # played as soon as it is ready
            return
        if variation >= len(result.variations):
            raise ProtocolError(f"result {request_id} has {len(result.variations)} variation(s)")
        self._start_playback(session, (source[0], self._reply_port(source)), request_id, result, variation)

    def _on_play_stop(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        if self.player is not None:
            self.player.stop(session.key)

    def _on_panic(self, address: Address, args: list[Any], source: tuple[str, int]) -> None:
        session = self._session(source)
        session.play_requested.clear()
        if self.player is not None:
            self.player.stop(session.key)
        _OscSink(self, (source[0], self._reply_port(source))).panic()

    def _keep_result(self, job: Job, result: Continuation) -> None:
        """Remember the result for /composer/play, and play it if that was asked for."""
        session = self.sessions.get(job.session_key)
        if session is None:
            return  # the client was forgotten meanwhile
        session.results[job.request_id] = result
        while len(session.results) > self.config.kept_results:
            session.results.popitem(last=False)
        if session.pending_id == job.request_id:
            session.pending_id = None
        variation = session.play_requested.pop(job.request_id, None)
        session.play_requested.clear()  # a superseded request will never come
        if variation is not None and variation < len(result.variations):
            start = job.live[0] if job.live is not None else None
            self._start_playback(session, job.reply_to, job.request_id, result, variation, start)

    def _start_playback(
        self,
        session: Session,
        reply_to: tuple[str, int],
        request_id: int,
        result: Continuation,
        variation: int,
        start: float | None = None,
    ) -> None:
        """Play from ``start`` (a clock beat) if it is still ahead, else from the next whole beat."""
        if self.player is None:
            return
        clock = session.clock
        latency = session.live_settings.latency_ms / 1000.0
        soonest = time.monotonic() + 0.005 - latency  # a few ms to get the first bundle out
        if start is None or clock.time_of(start) < soonest:
            start = clock.next_beat(soonest)
        self._send(reply_to, [self._message("/play/start", request_id, start)], direct=True)
        self.player.play(
            session.key,
            _OscSink(self, reply_to),
            result.variations[variation],
            start,
            clock,
            latency,
            on_end=lambda: self._send(reply_to, [self._message("/play/end", request_id)], direct=True),
        )

    # --- the engine worker -------------------------------------------------------------
    def _work_loop(self) -> None:
        while True:
            jobs = self.queue.take(self.config.batch_window_ms / 1000.0)
            if not jobs:
                return
            with self._engine_lock:
                engine = self.engine
            try:
                results = engine.generate([job.request for job in jobs])
            except Exception as exc:  # one bad request must not lose the others
                log.exception("engine failed on a batch of %d", len(jobs))
                results = self._generate_one_by_one(engine, jobs, exc)
            for job, result in zip(jobs, results, strict=True):
                if isinstance(result, Exception):
                    self._error(job.reply_to, job.request_id, f"generation failed: {result}", direct=True)
                    continue
                try:
                    self._send_result(job, result)
                except Exception as exc:  # a bug here must not stop every later reply
                    log.exception("could not send the result of request %d", job.request_id)
                    self._error(
                        job.reply_to,
                        job.request_id,
                        f"internal error: {type(exc).__name__}: {exc}",
                        direct=True,
                    )

    def _generate_one_by_one(self, engine: Engine, jobs: list[Job], first: Exception) -> list[Any]:
        results: list[Any] = []
        for job in jobs:
            try:
                results.append(engine.generate([job.request])[0])
            except Exception as exc:
                results.append(exc)
        return results

    def _send_result(self, job: Job, result: Continuation) -> None:
        messages = []
        if job.live is not None:
            messages.append(self._message("/live/answer", job.request_id, job.live[0], job.live[1]))
        messages.append(self._message("/begin", job.request_id, len(result.variations), result.length_beats))
        for index, notes in enumerate(result.variations):
            for note in notes:
                messages.append(
                    self._message(
                        "/note",
                        job.request_id,
                        index,
                        note.pitch,
                        note.velocity,
                        note.start_beats,
                        note.duration_beats,
                    )
                )
            messages.append(self._message("/end", job.request_id, index, len(notes)))
        self._send(job.reply_to, messages, direct=True)
        self._keep_result(job, result)
        elapsed = (time.monotonic() - job.received) * 1000
        params = job.request.params
        record = RequestRecord(
            client=f"{job.reply_to[0]}:{job.reply_to[1]}",
            request_id=job.request_id,
            params={
                "temperature": params.temperature,
                "length": params.length,
                "variations": params.variations,
                "key": params.key,
                "scale": params.scale,
            },
            notes=sum(len(v) for v in result.variations),
            milliseconds=elapsed,
            when=time.time(),
        )
        with self.stats.lock:
            self.stats.replies += 1
            self.stats.recent.append(record)
            self.stats.request_times.append(time.monotonic())
        log.info(
            "request %d from %s: %d notes in %.1f ms", job.request_id, record.client, record.notes, elapsed
        )

    # --- sending -----------------------------------------------------------------------
    def _message(self, path: str, *values: Any) -> bytes:
        address = OUTGOING[PREFIX + path]
        return build_message(address.path, address.signature, values)

    def _fitted_message(self, path: str, *values: Any) -> bytes:
        """Like :meth:`_message`, with the last (text) argument shortened so the message fits
        a bundle of ``max_datagram`` bytes (16-byte bundle header, 4-byte element size)."""
        limit = min(self.config.max_datagram - 20, MAX_TEXT_MESSAGE)
        values = list(values)
        message = self._message(path, *values)
        while len(message) > limit and values[-1]:
            text = str(values[-1]).encode("utf-8")
            values[-1] = text[: max(0, len(text) - (len(message) - limit))].decode("utf-8", "ignore")
            message = self._message(path, *values)
        return message

    def _send(self, target: tuple[str, int], messages: list[bytes], *, direct: bool = False) -> None:
        """Send to ``target``: a reply address if ``direct``, else a packet source to map."""
        destination = target if direct else (target[0], self._reply_port(target))
        if self.sock is None:
            return
        for datagram in pack_bundles(messages, self.config.max_datagram):
            try:
                self.sock.sendto(datagram, destination)
            except OSError as exc:
                log.warning("could not send to %s:%d: %s", destination[0], destination[1], exc)
                return

    def _error(self, target: tuple[str, int], request_id: int, text: str, *, direct: bool = False) -> None:
        """Send /composer/error, at most ``errors_per_second`` per client (the rest are counted).

        ``target`` is a packet source, or with ``direct`` the reply address itself.
        """
        destination = target if direct else (target[0], self._reply_port(target))
        self.stats.add("errors")
        with self.stats.lock:
            self.stats.recent_errors.append((time.time(), f"{destination[0]}:{destination[1]}", text))
        now = time.monotonic()
        rate = self.config.errors_per_second
        with self._error_lock:
            tokens, stamp = self._error_budget.get(destination, (rate, now))
            tokens = min(rate, tokens + (now - stamp) * rate)
            allowed = tokens >= 1
            self._error_budget[destination] = (tokens - 1 if allowed else tokens, now)
            if len(self._error_budget) > 4 * self.config.max_sessions:
                self._error_budget.clear()  # bounded memory under a flood from many ports
        if not allowed:  # counted on the console, neither sent nor logged: a flood must not fill the disk
            self.stats.add("errors_suppressed")
            return
        log.warning("error for %s:%d: %s", destination[0], destination[1], text)
        self._send(destination, [self._fitted_message("/error", request_id, text)], direct=True)


class _OscSink:
    """Played notes to a client as /composer/play/noteon and noteoff (and to MIDI out, if any)."""

    def __init__(self, server: ComposerServer, reply_to: tuple[str, int]) -> None:
        self.server = server
        self.reply_to = reply_to

    def send(self, events: list[PlayEvent]) -> None:
        messages = [
            self.server._message("/play/noteon", e.pitch, e.velocity)
            if e.is_on
            else self.server._message("/play/noteoff", e.pitch)
            for e in events
        ]
        self.server._send(self.reply_to, messages, direct=True)
        if self.server.midi is not None:
            self.server.midi.send(events)

    def panic(self) -> None:
        self.server._send(
            self.reply_to, [self.server._message("/play/noteoff", p) for p in range(128)], direct=True
        )
        if self.server.midi is not None:
            self.server.midi.panic()


def _request_id_of(path: str, tags: str, values: list[Any]) -> int:
    """The id of a refused /composer/generate, so the client can match the error (else -1).

    Pd sends every number as a float, so a whole float counts as an id too.
    """
    if path != PREFIX + "/generate" or not values or tags[:1] not in NUMBER_TAGS:
        return -1
    try:
        number = float(values[0])
    except (TypeError, ValueError):
        return -1
    if math.isfinite(number) and number == int(number) and -(2**31) <= number < 2**31:
        return int(number)
    return -1


# --- command line --------------------------------------------------------------------------
def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
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
        help="accept packets only from these networks (repeatable)",
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


def serve_from_args(args: argparse.Namespace) -> int:
    from .console import run_with_console, setup_plain_logging

    if args.max_datagram < 64:
        raise ValueError("--max-datagram must be at least 64 bytes")
    for name in ("length", "variations"):
        cap, spec = getattr(args, "max_" + name), PARAMS_BY_NAME[name]
        if not spec.low <= cap <= spec.high:
            raise ValueError(f"--max-{name} must be within {spec.low:g}..{spec.high:g}")
    config = ServerConfig(
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
        allow=tuple(ipaddress.ip_network(c, strict=False) for c in args.allow),
        batch_window_ms=args.batch_window_ms,
        oscquery=not args.no_oscquery,
        oscquery_port=args.oscquery_port,
        # a loopback-only server has nothing to offer the network: advertise it only when asked
        zeroconf=args.zeroconf or (not args.no_zeroconf and not _is_loopback(args.host)),
    )
    use_console = not args.no_console and os.isatty(1)
    if not use_console:
        setup_plain_logging()
    path = resolve_model_path(config.model or default_model_path())
    started = time.monotonic()
    engine = load_engine(path)
    engine.name = path.parent.name if path.name == "model.keras" else path.stem
    warm_up(engine)
    midi = None
    if args.midi_out is not None:
        from .midi_out import open_midi_output

        midi = open_midi_output(None if args.midi_out == VIRTUAL_MIDI_PORT else args.midi_out)
    server = ComposerServer(config, engine, model_path=path, midi=midi)
    # handlers before the socket opens: a stop sent the moment "ready" is logged must be clean
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
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


def warm_up(engine: Engine) -> None:
    """One tiny request so the first real one does not pay for lazy allocations."""
    engine.continue_notes([Note(60, 90, 0.0, 1.0)], SamplingParams.create(length=1.0, seed=0))


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
