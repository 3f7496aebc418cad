"""Work that must not run on the receive thread: slow messages, in each client's order, and model loads.

A message is slow when it reads files (``/composer/seed/midi``, ``/composer/models``,
``/composer/model``) or carries a big seed. The receive thread hands it to the
:class:`TaskRunner`, and with it every later message of the same session until the queue
has drained, so a client's messages still take effect in the order they were sent
(``/composer/seed/midi`` then ``/composer/generate`` continues the file). Sessions are served
round-robin by client host; queued messages are bounded per session, per host and in all.

The :class:`ModelLoader` loads one model at a time on its own thread; a request that
arrives while another waits replaces it.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from .protocol import Address
from .sessions import Session
from .transport import ReplyAddress, Source, safe_text
from .worker import Busy

log = logging.getLogger("osc_composer.server")

T = TypeVar("T")


@dataclass(frozen=True)
class Message:
    """One received message, not yet checked against its address's arguments."""

    address: Address
    tags: str
    values: list[Any]
    source: Source


class _Background:
    """A thread of its own and a condition to wake it; ``close()`` asks it to end."""

    def __init__(self, name: str) -> None:
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def _loop(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def join(self, timeout: float) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)


class _Queue(deque[Message]):
    """A session's waiting messages, and how many argument values they hold."""

    values = 0


class TaskRunner(_Background):
    """One thread running queued messages, per session in order, sessions round-robin by host."""

    def __init__(
        self,
        run: Callable[[Session, Message], None],
        *,
        max_per_session: int = 1024,
        max_values_per_session: int = 32768,
        max_sessions_per_host: int = 4,
        max_sessions: int = 16,
    ) -> None:
        super().__init__("osc-tasks")
        self.run = run
        # bounded in messages and in argument values (a queued seed holds up to ~13,000 values)
        self.max_per_session = max_per_session
        self.max_values_per_session = max_values_per_session
        self.max_sessions_per_host = max_sessions_per_host
        self.max_sessions = max_sessions
        # host → its sessions with queued messages (the serving order of both); a session stays
        # here while its last message runs, so what arrives meanwhile queues behind it
        self._hosts: OrderedDict[str, OrderedDict[Session, _Queue]] = OrderedDict()
        self._sessions = 0

    def offer(self, session: Session, message: Message, *, slow: bool) -> bool:
        """Queue ``message`` if it is slow or its session already has messages queued (True:
        the caller must not run it). Raises :class:`Busy` when it should queue but cannot."""
        with self._cond:
            sessions = self._hosts.get(session.host)
            queue = sessions.get(session) if sessions is not None else None
            if queue is None and not slow:
                return False
            if queue is None:
                if sessions is not None and len(sessions) >= self.max_sessions_per_host:
                    raise Busy(f"busy: {session.host} has {len(sessions)} clients waiting for slow work")
                if self._sessions >= self.max_sessions:
                    raise Busy("busy: too much slow work waiting, try again")
                queue = self._hosts.setdefault(session.host, OrderedDict()).setdefault(session, _Queue())
                self._sessions += 1
            elif (
                len(queue) >= self.max_per_session
                or queue.values + len(message.values) > self.max_values_per_session
            ):
                raise Busy(f"busy: {len(queue)} messages of this client wait for slow work")
            queue.append(message)
            queue.values += len(message.values)
            self._cond.notify()
            return True

    def waiting(self) -> int:
        """Sessions with messages queued or running."""
        with self._cond:
            return self._sessions

    def _next(self) -> tuple[Session, Message] | None:
        with self._cond:
            while not self._closed:
                for host, sessions in self._hosts.items():
                    for session, queue in sessions.items():
                        if queue:
                            sessions.move_to_end(session)
                            self._hosts.move_to_end(host)
                            message = queue.popleft()
                            queue.values -= len(message.values)
                            return session, message
                self._cond.wait()
            return None

    def _done(self, session: Session) -> None:
        with self._cond:
            sessions = self._hosts.get(session.host)
            queue = sessions.get(session) if sessions is not None else None
            if sessions is not None and queue is not None and not queue:  # drained: hand back
                del sessions[session]
                self._sessions -= 1
                if not sessions:
                    del self._hosts[session.host]

    def _loop(self) -> None:
        while (task := self._next()) is not None:
            session, message = task
            try:
                self.run(session, message)
            except Exception as exc:  # run() answers errors itself; this is a bug, keep serving
                log.error("internal error in slow work for %s: %s", session.key, safe_text(exc))
                log.debug("slow work failed", exc_info=True)
            finally:
                self._done(session)


@dataclass(frozen=True)
class LoadRequest:
    name: str
    path: Path
    reply_to: ReplyAddress
    source_host: str


class ModelLoader(_Background, Generic[T]):
    """Loads models on its own thread, one at a time; at most one request waits, the newest.

    ``load`` returns the ready model or raises; ``done`` gets the request and the model or
    the exception; ``replaced`` is told about a request that never ran.
    """

    def __init__(
        self,
        load: Callable[[LoadRequest], T],
        done: Callable[[LoadRequest, T | Exception], None],
        replaced: Callable[[LoadRequest, LoadRequest], None],
    ) -> None:
        super().__init__("osc-loader")
        self.load = load
        self.done = done
        self.replaced = replaced
        self._waiting: LoadRequest | None = None

    def request(self, request: LoadRequest) -> None:
        with self._cond:
            older, self._waiting = self._waiting, request
            self._cond.notify()
        if older is not None:
            self.replaced(older, request)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._waiting is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                request, self._waiting = self._waiting, None
            try:
                result: T | Exception = self.load(request)
            except Exception as exc:  # Keras and the engine raise many types; the client hears of it
                result = exc
            try:
                self.done(request, result)
            except Exception as exc:
                log.error("internal error after loading %s: %s", safe_text(request.name), safe_text(exc))
                log.debug("model load delivery failed", exc_info=True)
