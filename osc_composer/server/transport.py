"""The UDP edge: the socket, who may talk to the server, where replies go, and how much they may cost.

Two address types never mix: a :class:`Source` is where a packet came from (and may be
forged on a network), a :class:`ReplyAddress` is where its replies go. Every datagram the
server sends goes through :meth:`Transport.send`, which packs bundles and charges the
destination host's byte budget (a token bucket: ``reply_budget`` bytes per second, as
many again in a burst); what does not fit is not sent, so a stream of forged requests can
make the server send at most that to any one host. Errors and their log lines have their
own budget per *source* host, so cycling reply ports does not multiply them.
"""

from __future__ import annotations

import ipaddress
import logging
import select
import socket
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .protocol import OUTGOING, PREFIX
from .wire import build_message, pack_bundles

if TYPE_CHECKING:
    from .stats import Stats

log = logging.getLogger("osc_composer.server")

RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024  # the kernel may grant less (net.core.rmem_max)
RECEIVE_WAIT = 0.2  # seconds: how often an idle receive thread checks whether to stop
SEND_WAIT = 1.0  # seconds a datagram may wait for room in the send buffer
MAX_TEXT_MESSAGE = 1024  # bytes: longest /composer/error or /composer/address message
LOG_TEXT_LIMIT = 240  # characters of client-supplied text in one log line
MAX_BUDGET_KEYS = 4096  # hosts whose budgets are remembered (least recently used forgotten)
LOG_LINES_PER_SECOND = 50.0  # all error lines together, whatever the hosts


@dataclass(frozen=True, slots=True)
class Source:
    """Where a packet came from: host and UDP port."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True, slots=True)
class ReplyAddress:
    """Where replies go: a client's host and its reply port. Also the key of its session."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


class Allowlist:
    """The networks allowed to use the server (``--allow``); empty: everyone."""

    def __init__(self, networks: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network] = ()) -> None:
        self.networks = tuple(networks)

    def allows(self, host: str) -> bool:
        if not self.networks:
            return True
        try:
            address = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in network for network in self.networks)


class Inbox:
    """Received work waiting for the receive thread, per source host, taken round-robin by host
    (the host served longest ago first), so one host's stream of packets delays another host's
    by at most one slice of work. Bounded in bytes per host and in all: beyond, dropped (as the
    kernel would drop them from a full socket buffer) and counted."""

    def __init__(self, max_bytes_per_host: int = 2 * 1024 * 1024, max_bytes: int = 16 * 1024 * 1024) -> None:
        self.max_bytes_per_host = max_bytes_per_host
        self.max_bytes = max_bytes
        self._hosts: OrderedDict[str, deque[tuple[Source, object, int]]] = (
            OrderedDict()
        )  # least recently served first
        self._bytes: dict[str, int] = {}
        self._total = 0

    def add(self, source: Source, work: object, size: int) -> bool:
        held = self._bytes.get(source.host, 0)
        if held + size > self.max_bytes_per_host or self._total + size > self.max_bytes:
            return False
        self._hosts.setdefault(source.host, deque()).append((source, work, size))
        self._bytes[source.host] = held + size
        self._total += size
        return True

    def take(self) -> tuple[Source, object, int] | None:
        """The next piece of work of the host served longest ago; that host goes last."""
        if not self._hosts:
            return None
        host, queue = next(iter(self._hosts.items()))
        source, work, size = queue.popleft()
        self._hosts.move_to_end(host)
        self._bytes[host] -= size
        self._total -= size
        if not queue:
            del self._hosts[host]
            del self._bytes[host]
        return source, work, size

    def put_back(self, source: Source, work: object, size: int) -> None:
        """The rest of a packet, first in its host's line again (its host has just been served)."""
        self._hosts.setdefault(source.host, deque()).appendleft((source, work, size))
        self._bytes[source.host] = self._bytes.get(source.host, 0) + size
        self._total += size

    def __bool__(self) -> bool:
        return bool(self._hosts)


class TokenBuckets:
    """A token bucket per key (``rate`` per second, at most ``burst``), for at most ``max_keys``
    keys: the least recently used are forgotten, so a flood from many hosts stays bounded."""

    def __init__(self, rate: float, burst: float, max_keys: int = MAX_BUDGET_KEYS) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._lock = threading.Lock()
        self._buckets: OrderedDict[Hashable, tuple[float, float]] = OrderedDict()

    def take(self, key: Hashable, amount: float = 1.0) -> bool:
        """Take ``amount`` if the bucket holds it."""
        now = time.monotonic()
        with self._lock:
            tokens, stamp = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - stamp) * self.rate)
            allowed = tokens >= amount
            self._buckets[key] = (tokens - amount if allowed else tokens, now)
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            return allowed

    def __len__(self) -> int:
        with self._lock:
            return len(self._buckets)


def safe_text(text: object, limit: int = LOG_TEXT_LIMIT) -> str:
    """``text`` fit for one log line: control characters escaped (no forged lines), cut to ``limit``."""
    whole = str(text)
    shown = whole[:limit]  # every character shows as at least one: no need to look further
    if not shown.isprintable():  # newlines, escape sequences, line separators …; accents stay
        shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in shown)
    return shown if len(shown) <= limit and len(whole) <= limit else shown[: limit - 1] + "…"


def message(path: str, *values: object) -> bytes:
    """An outgoing message by its path under ``/composer``, typed by the protocol table."""
    address = OUTGOING[PREFIX + path]
    return build_message(address.path, address.signature, values)


class Transport:
    """The server's UDP socket, with the allowlist and the per-host budgets."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        max_datagram: int,
        allow: Allowlist,
        reply_budget: float,
        errors_per_second: float,
        stats: Stats,
    ) -> None:
        self.host = host
        self.requested_port = port
        self.max_datagram = max_datagram
        self.allow = allow
        self.stats = stats
        self.reply_bytes = TokenBuckets(reply_budget, reply_budget)  # per destination host
        self.errors = TokenBuckets(errors_per_second, errors_per_second)  # per source host
        self.log_lines = TokenBuckets(LOG_LINES_PER_SECOND, LOG_LINES_PER_SECOND)
        self._unlogged = 0  # error lines not logged since the last one (the total budget)
        self.sock: socket.socket | None = None

    # --- lifecycle ---------------------------------------------------------------------
    def bind(self) -> tuple[str, int]:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            sock.bind((self.host, self.requested_port))
        except OSError as exc:
            sock.close()
            raise OSError(
                f"cannot listen on {self.host}:{self.requested_port}: {exc.strerror or exc}"
            ) from None
        # a big receive buffer rides out bursts (a Max patch sending a whole clip at once)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
        # non-blocking: the receive thread waits in select() only when it has nothing else to do
        # (Python's socket timeouts would make every "is there more?" read wait that long too)
        sock.setblocking(False)
        self.sock = sock
        host, port = sock.getsockname()[:2]
        return host, port

    @property
    def port(self) -> int:
        return self.sock.getsockname()[1] if self.sock else self.requested_port

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()

    # --- receiving ---------------------------------------------------------------------
    def receive(self, *, wait: bool = True) -> tuple[bytes, Source] | None:
        """One datagram from an allowed host, or None (nothing came: after the socket's timeout,
        or at once without ``wait``; or it was dropped by the allowlist)."""
        assert self.sock is not None
        try:
            if wait and not select.select([self.sock], [], [], RECEIVE_WAIT)[0]:
                return None
            data, address = self.sock.recvfrom(65535)  # non-blocking: nothing there raises
        except (BlockingIOError, OSError, ValueError):  # ValueError: closed meanwhile
            return None
        source = Source(address[0], address[1])
        if not self.allow.allows(source.host):
            self.stats.add("dropped_not_allowed")
            return None
        return data, source

    # --- sending -----------------------------------------------------------------------
    def send(self, to: ReplyAddress, messages: list[bytes], *, prepaid: bool = False) -> bool:
        """Send ``messages`` as bundles; False (nothing sent) when ``to.host``'s byte budget
        cannot pay for all of them. ``prepaid``: already paid for (the note-offs of played
        notes, paid with their note-ons: a synth must not be left with a hanging note)."""
        if self.sock is None or not messages:
            return True
        datagrams = pack_bundles(messages, self.max_datagram)
        size = sum(len(d) for d in datagrams)
        if not prepaid and not self.reply_bytes.take(to.host, size):
            self.stats.add("bytes_refused", size)
            return False
        self.stats.add("bytes_out", size)
        for datagram in datagrams:
            try:
                self._send_one(datagram, (to.host, to.port))
            except OSError as exc:
                log.warning("could not send to %s: %s", to, safe_text(exc))
                return False
        return True

    def _send_one(self, datagram: bytes, address: tuple[str, int]) -> None:
        """The socket is non-blocking: a full send buffer (a long result on a slow network)
        waits for room, up to a second, instead of losing the datagram."""
        assert self.sock is not None
        try:
            self.sock.sendto(datagram, address)
        except BlockingIOError:
            if not select.select([], [self.sock], [], SEND_WAIT)[1]:
                raise OSError(f"send buffer full for {SEND_WAIT:g} s") from None
            self.sock.sendto(datagram, address)

    def pay(self, to: ReplyAddress, size: int) -> bool:
        """Take ``size`` bytes from ``to.host``'s budget for something sent later as prepaid."""
        if self.reply_bytes.take(to.host, size):
            return True
        self.stats.add("bytes_refused", size)
        return False

    def fitted(self, path: str, *values: object) -> bytes:
        """Like :func:`message`, with the last (text) argument shortened so the message fits a
        bundle of ``max_datagram`` bytes (16-byte bundle header, 4-byte element size)."""
        limit = min(self.max_datagram - 20, MAX_TEXT_MESSAGE)
        values_list = list(values)
        built = message(path, *values_list)
        while len(built) > limit and values_list[-1]:
            text = str(values_list[-1]).encode("utf-8")
            values_list[-1] = text[: max(0, len(text) - (len(built) - limit))].decode("utf-8", "ignore")
            built = message(path, *values_list)
        return built

    def error(self, to: ReplyAddress, source_host: str, request_id: int, text: str) -> None:
        """Send ``/composer/error`` and log it in one line, at most ``errors_per_second`` per
        source host (the rest are only counted: a flood must neither fill the disk nor the
        network), and only if ``to.host``'s byte budget pays for it."""
        self.stats.note_error(str(to), safe_text(text))
        if not self.errors.take(source_host):
            self.stats.add("errors_suppressed")
            return
        if self.log_lines.take("all"):
            skipped, self._unlogged = self._unlogged, 0
            more = f" ({skipped} more error lines not logged)" if skipped else ""
            log.warning("error for %s: %s%s", to, safe_text(text), more)
        else:
            self._unlogged += 1
        self.send(to, [self.fitted("/error", request_id, text)])
