"""ComposerServer: the parts wired together, the receive loop, start and stop."""

from __future__ import annotations

import ipaddress
import logging
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine.generate import Engine
from ..engine.params import PARAMS_BY_NAME, ParamError
from ..live.playback import NoteSink, Scheduler
from ..model.files import ModelFileError, read_metadata
from ..music.notes import NoteError
from . import handlers
from .protocol import INCOMING, PREFIX, ProtocolError
from .sessions import Session, SessionTable, Slots
from .stats import Stats
from .tasks import LoadRequest, Message, ModelLoader, TaskRunner
from .transport import Allowlist, Inbox, ReplyAddress, Source, Transport, safe_text
from .wire import DEFAULT_MAX_DATAGRAM, WireError, parse_packet
from .worker import Busy, FairQueue, Job, Worker, largest_cost

log = logging.getLogger("osc_composer.server")

SWITCH_INTERVAL = 0.0005  # seconds: see start()
SLICE = 32  # messages of one packet handled before other hosts' packets get a turn
DRAIN = 64  # datagrams read at most between two slices (the rest wait in the kernel's buffer)
BAD_INPUT = (ProtocolError, ParamError, NoteError, ValueError, ArithmeticError)


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
    max_sessions_per_host: int = 32  # every reply port is a session: one host cannot fill the table
    max_pending: int = 64  # queued requests (one per session at most); beyond: "busy"
    # queued work (see worker.request_cost), per client host and in all, in largest requests
    # (16 variations × 64 beats ≈ 12,800); beyond: "busy"
    queued_requests_per_host: float = 2.0
    queued_requests_total: float = 8.0
    batch_cost: int = 4096  # a batch holds requests up to this cost (16 short ones); a bigger one runs alone
    errors_per_second: float = 20.0  # per client host; more errors are counted, neither sent nor logged
    reply_budget: float = 1_000_000.0  # bytes per second to any one host (as much again in a burst)
    allow: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    batch_window_ms: float = 0.0  # extra wait to batch requests (0: batch what queued meanwhile)
    max_live_notes: int = 512  # per client
    kept_results: int = 8  # per client, for /composer/play
    kept_notes: int = 8192  # per client, in its kept results (the newest is always kept)
    max_playbacks: int = 64  # playing at once on the server (4 per client)
    oscquery: bool = False  # the command line turns discovery on; embedding code opts in
    oscquery_port: int = 0  # 0: any free port (logged, and advertised with Zeroconf)
    zeroconf: bool = False


class ComposerServer:
    """Serve one engine over UDP. ``start()`` binds and returns; ``stop()`` shuts down.

    Threads: ``osc-receive`` parses packets and runs cheap handlers; ``osc-tasks`` runs
    slow messages in each client's order; ``osc-engine`` runs batches; ``osc-loader``
    loads models; ``osc-scheduler`` plays; ``oscquery`` serves HTTP. See the package
    docstring for which lock guards what.
    """

    def __init__(
        self,
        config: ServerConfig,
        engine: Engine,
        *,
        model_path: Path | None = None,
        midi: NoteSink | None = None,
    ) -> None:
        self.config = config
        self.midi = midi  # everything played also goes here (a mido port, see live/midi_out.py)
        self.stats = Stats()
        self.model_path = model_path
        self.transport = Transport(
            config.host,
            config.port,
            max_datagram=config.max_datagram,
            allow=Allowlist(config.allow),
            reply_budget=config.reply_budget,
            errors_per_second=config.errors_per_second,
            stats=self.stats,
        )
        self.sessions = SessionTable(
            default_reply_port=config.reply_port,
            max_sessions=config.max_sessions,
            max_per_host=config.max_sessions_per_host,
            max_live_notes=config.max_live_notes,
            on_evict=self._evicted,
        )
        biggest = largest_cost(config.max_length, config.max_variations)
        self.queue = FairQueue(
            max_jobs=config.max_pending,
            max_cost_per_host=int(config.queued_requests_per_host * biggest),
            max_cost=int(config.queued_requests_total * biggest),
        )
        self.worker = Worker(
            engine,
            self.queue,
            lambda job, result: handlers.deliver(self, job, result),
            batch_cost=config.batch_cost,
            window=config.batch_window_ms / 1000.0,
        )
        self.tasks = TaskRunner(self._run)
        self.loader: ModelLoader[Engine] = ModelLoader(self._load, self._loaded, self._load_replaced)
        self.playback_slots = Slots(config.max_playbacks)
        self.scheduler: Scheduler | None = None
        self.description: list[bytes] = handlers.description(self)
        self._discovery: list[Any] = []
        self._receiver = threading.Thread(target=self._receive_loop, name="osc-receive", daemon=True)
        self._running = threading.Event()
        self._set_model_stats(engine, model_path)

    @property
    def engine(self) -> Engine:
        """The model in use now."""
        return self.worker.engine

    # --- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        # A thread back from a socket call waits for the GIL until the engine thread's switch
        # interval ends: at Python's default 5 ms, every reply the receive thread sends while a
        # batch runs can cost it up to 5 ms (measured: 0.34 ms a send on average under a flood).
        # Process-wide; the 16-client benchmark is no slower at 0.5 ms.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        host, port = self.transport.bind()
        self.stats.listening = f"udp://{host}:{port}"
        self._running.set()
        self.scheduler = Scheduler()
        self.worker.start()
        self.tasks.start()
        self.loader.start()
        self._receiver.start()
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
                oscquery = OscQueryServer(
                    self.config.host, self.config.oscquery_port, host, port, allow=self.transport.allow.allows
                )
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
        return self.transport.port

    def stop(self) -> None:
        """Stop receiving, let the engine finish what it is doing, turn off what sounds, close."""
        self._running.clear()
        if self._receiver.is_alive():
            self._receiver.join(timeout=10)
        self.queue.close()
        self.tasks.close()
        self.loader.close()
        self.worker.join(timeout=10)
        self.tasks.join(timeout=5)
        for session in self.sessions.all():
            self._evicted(session)  # no note left hanging on a synth
        if self.scheduler is not None:
            self.scheduler.close()
        for service in self._discovery:
            service.stop()
        close_midi = getattr(self.midi, "close", None)
        if close_midi is not None:
            close_midi()
        self.transport.close()
        log.info("stopped")

    def serve_forever(self, until: threading.Event | None = None) -> None:
        until = until or threading.Event()
        while self._running.is_set() and not until.wait(0.2):
            pass

    # --- receiving: parse, then run cheap handlers here and hand slow ones on ----------
    def _receive_loop(self) -> None:
        """Receive, then work through what came: one slice of one host's packet at a time, the
        host served longest ago first, looking for newly arrived packets between slices."""
        inbox = Inbox()
        while self._running.is_set():
            received = self.transport.receive(wait=not inbox)
            for more in range(DRAIN, 0, -1):
                if received is None:
                    break
                data, source = received
                if not inbox.add(source, data, len(data)):
                    self.stats.add("dropped_inbox_full")
                received = self.transport.receive(wait=False) if more > 1 else None
            work = inbox.take()
            if work is None:
                continue
            source, item, size = work
            try:
                rest = self._handle_slice(source, item)
            except Exception as exc:  # a bug must never take the receive thread down
                log.error("internal error on a packet from %s: %s", source, handlers.describe_error(exc))
                log.debug("internal error", exc_info=True)
                continue
            if rest:
                inbox.put_back(source, rest, size)

    def handle_packet(self, data: bytes, source: Source) -> None:
        """Parse one datagram and act on each of its messages, in order."""
        rest = self._handle_slice(source, data)
        while rest:
            rest = self._handle_slice(source, rest)

    def _handle_slice(self, source: Source, item: object) -> list[tuple[str, str, list[Any]]]:
        """Handle a datagram (bytes) or the rest of one (messages), up to :data:`SLICE` messages;
        returns the messages left."""
        if isinstance(item, bytes):
            self.stats.add("packets")
            self.stats.seen(str(self.sessions.reply_address(source)))
            try:
                messages = parse_packet(item)
            except WireError as exc:
                self._error_to_source(source, -1, f"malformed packet: {exc}")
                return []
        else:
            messages = item  # type: ignore[assignment]
        for path, tags, values in messages[:SLICE]:
            self._handle_message(source, path, tags, values)
        return messages[SLICE:]

    def _handle_message(self, source: Source, path: str, tags: str, values: list[Any]) -> None:
        address = INCOMING.get(path)
        if address is None:
            hint = " (addresses start with /composer/)" if not path.startswith(PREFIX) else ""
            self._error_to_source(
                source, -1, f"unknown address {path}{hint}; send /composer/describe for the list"
            )
            return
        msg = Message(address, tags, values, source)
        session = self.sessions.session(source)
        try:
            if self.tasks.offer(session, msg, slow=handlers.is_slow(msg)):
                return
        except Busy as exc:
            self.error(session.key, source.host, handlers.request_id_of(msg), f"{path}: {exc}")
            return
        self._run(session, msg)

    def _run(self, session: Session, msg: Message) -> None:
        """Check one message's arguments and run its handler (on the receive or tasks thread)."""
        handler = handlers.HANDLERS[msg.address.handler]
        try:
            args = msg.address.parse(msg.tags, msg.values)  # the tags as sent, not guessed from values
            if handler in handlers.OFFLINE:
                replies = handler(self, session, msg, args)
            else:
                with session.lock:
                    replies = handler(self, session, msg, args)
            if replies:
                self.send(session.key, replies, msg.source.host, handlers.request_id_of(msg))
        except BAD_INPUT as exc:
            request_id = exc.request_id if isinstance(exc, handlers.Refused) else handlers.request_id_of(msg)
            self.error(session.key, msg.source.host, request_id, f"{msg.address.path}: {exc}")
        except Exception as exc:  # a bug: one line to the client and the log, the traceback at debug level
            log.error(
                "internal error on %s from %s: %s", msg.address.path, msg.source, handlers.describe_error(exc)
            )
            log.debug("internal error", exc_info=True)
            self.error(session.key, msg.source.host, -1, handlers.describe_error(exc))

    # --- sending -----------------------------------------------------------------------
    def send(self, to: ReplyAddress, replies: list[bytes], source_host: str, request_id: int = -1) -> bool:
        """Send replies within ``to.host``'s byte budget; over it, a short busy error instead."""
        if self.transport.send(to, replies):
            return True
        self.stats.add("busy")
        self.error(
            to,
            source_host,
            request_id,
            f"busy: replies to {to.host} are over the budget of {self.config.reply_budget:.0f} bytes/s",
        )
        return False

    def error(self, to: ReplyAddress, source_host: str, request_id: int, text: str) -> None:
        self.transport.error(to, source_host, request_id, text)

    def _error_to_source(self, source: Source, request_id: int, text: str) -> None:
        self.error(self.sessions.reply_address(source), source.host, request_id, text)

    # --- sessions, models ----------------------------------------------------------------
    def _evicted(self, session: Session) -> None:
        """A session forgotten by the table (or the server stopping): free what it holds."""
        self.queue.discard(session)
        with session.lock:
            playing = session.close()
            for playback in playing:
                playback.stop()

    def _load(self, request: LoadRequest) -> Engine:
        """On the loader thread: a model that has passed every check and answered a request."""
        from ..engine.loader import load_engine
        from .command import warm_up

        engine = load_engine(request.path)
        engine.name = request.name
        warm_up(engine)  # a model that cannot answer is refused here, not on every request
        return engine

    def _loaded(self, request: LoadRequest, result: Engine | Exception) -> None:
        if isinstance(result, Exception):
            if isinstance(result, ModelFileError):
                reason = result.reason  # the client named the model; the server's paths stay private
            elif isinstance(result, (ValueError, OSError)):
                reason = str(result)
            else:  # something the checks did not foresee: say what it was
                reason = f"{type(result).__name__}: {result}"
                log.debug("loading model %s failed", request.path, exc_info=result)
            self.error(
                request.reply_to,
                request.source_host,
                -1,
                f"model {request.name!r} not loaded, keeping {self.engine.name!r}: {reason}",
            )
            return
        self.worker.swap(result)
        for session in self.sessions.all():  # every note played along on the old model ends now
            with session.lock:
                session.stop_player(forget=True)
        self.model_path = request.path
        self._set_model_stats(result, request.path)
        log.info("model %s loaded", safe_text(request.name))
        self.send(request.reply_to, [handlers.message("/model/loaded", request.name)], request.source_host)

    def _load_replaced(self, older: LoadRequest, newer: LoadRequest) -> None:
        self.error(
            older.reply_to,
            older.source_host,
            -1,
            f"model {older.name!r} not loaded: a later /composer/model asked for {newer.name!r}",
        )

    def _set_model_stats(self, engine: Engine, path: Path | None) -> None:
        vocab = getattr(engine, "vocab", None)
        info: dict[str, Any] = {"vocabulary": getattr(vocab, "size", 0)}
        if path is not None:
            try:
                metadata = read_metadata(path)
                info.update(metadata.metrics)
                corpus = metadata.training.get("corpus", {})
                info["corpus"] = corpus.get("name") or corpus.get("folder", "")
                config = metadata.config
                info["architecture"] = f"{config.architecture} {config.layers}×{config.units}"
            except ModelFileError:
                pass
        with self.stats.lock:
            self.stats.model_name = engine.name
            self.stats.model_info = info


__all__ = ["ComposerServer", "Job", "ServerConfig"]
