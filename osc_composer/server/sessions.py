"""Sessions: one client's state (seed, parameters, request ids, results, playbacks, live notes).

A client is a host and a reply port (:class:`~.transport.ReplyAddress`). Everything in a
:class:`Session` is guarded by its own ``lock``: the receive thread, the tasks thread,
the engine workers and the scheduler all change sessions, and each takes that lock first.
The :class:`SessionTable` is bounded in total and per host, and forgets the longest-idle
session when full; a forgotten session is closed (its timers cancelled, its playbacks
stopped), so nothing keeps it alive.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from ..engine.generate import Continuation
from ..engine.params import SamplingParams
from ..live.modes import LivePlayer
from ..live.playback import Clock, Playback, Timer
from ..live.settings import LiveBuffer, LiveSettings
from ..music.notes import Note
from .transport import ReplyAddress, Source

MAX_PLAYBACKS_PER_SESSION = 4  # a fifth stops the oldest


@dataclass(eq=False)
class Session:
    """One client's state. Read and change it only with ``lock`` held."""

    key: ReplyAddress
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    seed: list[Note] = field(default_factory=list)
    params: SamplingParams = field(default_factory=SamplingParams)
    next_id: int = 1
    last_seen: float = field(default_factory=time.monotonic)
    clock: Clock = field(default_factory=Clock)
    live: LiveBuffer = field(default_factory=LiveBuffer)
    live_settings: LiveSettings = field(default_factory=LiveSettings)
    silence_timer: Timer | None = None
    results: OrderedDict[int, Continuation] = field(default_factory=OrderedDict)
    pending_id: int | None = None  # the request queued or being computed
    play_requested: dict[int, int] = field(default_factory=dict)  # request id → variation
    playbacks: list[Playback] = field(default_factory=list)
    closed: bool = False  # forgotten by the table: results are no longer kept
    player: LivePlayer | None = None  # harmonize / duet / continue (live_modes.py), made on first use

    @property
    def host(self) -> str:
        return self.key.host

    def new_id(self) -> int:
        """A request id for a request that came without one."""
        request_id = self.next_id
        self.next_id += 1
        return request_id

    def keep_result(
        self, request_id: int, result: Continuation, max_results: int, max_notes: int
    ) -> int | None:
        """Remember a result for /composer/play (the newest ``max_results``, at most ``max_notes``
        notes in all, the newest always); returns the variation to play now, if one was asked."""
        if self.closed:
            return None
        self.results[request_id] = result
        self.results.move_to_end(request_id)
        total = sum(_notes(r) for r in self.results.values())
        while len(self.results) > 1 and (len(self.results) > max_results or total > max_notes):
            _, dropped = self.results.popitem(last=False)
            total -= _notes(dropped)
        if self.pending_id == request_id:
            self.pending_id = None
        variation = self.play_requested.pop(request_id, None)
        self.play_requested.clear()  # a superseded request will never come
        return variation

    def live_playbacks(self) -> list[Playback]:
        self.playbacks = [p for p in self.playbacks if not p.finished]
        return self.playbacks

    def stop_player(self, *, forget: bool = False) -> None:
        """End everything the live player sounds (its note-offs go out now); ``forget``: also
        drop its stream, so a new key, model or controls start afresh."""
        if self.player is not None:
            self.player.stop()
            if forget:
                self.player = None

    def close(self) -> list[Playback]:
        """Forget everything; returns the playbacks still running, for the caller to stop."""
        self.closed = True
        if self.silence_timer is not None:
            self.silence_timer.cancel()
            self.silence_timer = None
        playing, self.playbacks = self.live_playbacks(), []
        self.stop_player(forget=True)
        self.results.clear()
        self.play_requested.clear()
        self.seed = []
        self.live.clear()
        return playing


def _notes(result: Continuation) -> int:
    return sum(len(v) for v in result.variations)


class Slots:
    """A count of things in use, at most ``limit`` (playbacks across every session)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._used = 0
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self._used >= self.limit:
                return False
            self._used += 1
            return True

    def give_back(self) -> None:
        with self._lock:
            self._used = max(0, self._used - 1)

    @property
    def used(self) -> int:
        with self._lock:
            return self._used


class SessionTable:
    """Sessions by reply address, and the reply ports packet sources asked for.

    Bounded: ``max_sessions`` in all and ``max_per_host`` per client host (every new reply
    port is a new session, so one host alone cannot fill the table); ``max_sources`` reply
    ports remembered. The least recently used go first. ``on_evict`` is called for every
    forgotten session, outside the table's lock.
    """

    def __init__(
        self,
        *,
        default_reply_port: int,
        max_sessions: int,
        max_per_host: int,
        max_live_notes: int,
        on_evict: Callable[[Session], None],
        max_sources: int | None = None,
    ) -> None:
        self.default_reply_port = default_reply_port
        self.max_sessions = max_sessions
        self.max_per_host = max_per_host
        self.max_live_notes = max_live_notes
        self.max_sources = max_sources or 4 * max_sessions
        self.on_evict = on_evict
        self._lock = threading.Lock()
        self._sessions: OrderedDict[ReplyAddress, Session] = OrderedDict()
        self._per_host: dict[str, int] = {}
        self._reply_ports: OrderedDict[Source, int] = OrderedDict()

    def reply_address(self, source: Source) -> ReplyAddress:
        with self._lock:
            return self._reply_address(source)

    def _reply_address(self, source: Source) -> ReplyAddress:
        port = self._reply_ports.get(source, self.default_reply_port)
        return ReplyAddress(source.host, source.port if port == 0 else port)

    def session(self, source: Source) -> Session:
        """The session of a packet source (created if new)."""
        evicted: list[Session] = []
        with self._lock:
            key = self._reply_address(source)
            session = self._sessions.get(key)
            if session is None:
                session = Session(key, live=LiveBuffer(self.max_live_notes))
                evicted = self._make_room(key.host)
                self._add(session)
            else:
                self._sessions.move_to_end(key)
            session.last_seen = time.monotonic()
        for old in evicted:
            self.on_evict(old)
        return session

    def all(self) -> list[Session]:
        with self._lock:
            return list(self._sessions.values())

    def get(self, key: ReplyAddress) -> Session | None:
        with self._lock:
            return self._sessions.get(key)

    def set_reply_port(self, source: Source, port: int) -> None:
        """Replies to ``source`` go to ``port`` from now on (0: back to the source port); its
        session, if it had one and the new address has none, moves with it. Called with that
        session's lock held (its handler's), so changing its key is safe."""
        with self._lock:
            old_key = self._reply_address(source)
            self._reply_ports.pop(source, None)
            self._reply_ports[source] = port
            while len(self._reply_ports) > self.max_sources:
                self._reply_ports.popitem(last=False)
            new_key = self._reply_address(source)
            session = self._sessions.get(old_key)
            if session is not None and new_key not in self._sessions and new_key != old_key:
                self._remove(old_key)
                session.key = new_key  # the client keeps its seed and parameters
                self._add(session)

    def _add(self, session: Session) -> None:
        self._sessions[session.key] = session
        self._per_host[session.host] = self._per_host.get(session.host, 0) + 1

    def _remove(self, key: ReplyAddress) -> Session:
        session = self._sessions.pop(key)
        left = self._per_host[session.host] - 1
        if left:
            self._per_host[session.host] = left
        else:
            del self._per_host[session.host]
        return session

    def _make_room(self, host: str) -> list[Session]:
        evicted = []
        if self._per_host.get(host, 0) >= self.max_per_host:  # the host's own longest-idle first
            oldest = next(k for k, s in self._sessions.items() if s.host == host)
            evicted.append(self._remove(oldest))
        while len(self._sessions) >= self.max_sessions:
            evicted.append(self._remove(next(iter(self._sessions))))
        return evicted

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)

    def sources(self) -> int:
        with self._lock:
            return len(self._reply_ports)
