"""Discovery: an OSCQuery-style JSON description over HTTP and a Zeroconf advertisement.

Both are generated from the protocol table, like ``/composer/describe``. The JSON follows
OSCQuery's attribute names (FULL_PATH, CONTENTS, TYPE, RANGE, DESCRIPTION, ACCESS and
HOST_INFO); addresses the server receives are write-only (ACCESS 2), replies it sends are
listed with ACCESS 0. Zeroconf (``pip install "osc-composer[discovery]"``) is optional:
without it the server logs that and goes on.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import __version__
from ..music.theory import SCALES
from .protocol import ADDRESSES, Address, Arg

log = logging.getLogger("osc_composer.server.discovery")

SERVICE_NAME = "osc-composer"
OSC_SERVICE = "_osc._udp.local."
OSCQUERY_SERVICE = "_oscjson._tcp.local."  # where OSCQuery browsers look for the HTTP side
ACCESS_NONE, ACCESS_WRITE = 0, 2
MAX_HTTP_CONNECTIONS = 16  # a browser or TouchOSC needs one or two at a time
HTTP_IDLE_SECONDS = 5.0  # a connection that sends nothing this long is closed


def _range(arg: Arg, address: Address) -> dict[str, Any]:
    if address.param is not None and address.param.kind == "scale":
        return {"VALS": list(SCALES)}
    if arg.low is None or arg.high is None:
        return {}
    return {"MIN": arg.low, "MAX": arg.high}


def _leaf(address: Address) -> dict[str, Any]:
    node: dict[str, Any] = {
        "FULL_PATH": address.path,
        "DESCRIPTION": address.doc + ("" if address.direction == "in" else " (sent by the server)"),
        "ACCESS": ACCESS_WRITE if address.direction == "in" else ACCESS_NONE,
    }
    # OSCQuery has no notation for optional or repeated arguments, nor for "number or
    # string": those addresses keep their signature in the description only
    if address.args and not address.repeat and not address.optional and "*" not in address.signature:
        node["TYPE"] = address.signature
        node["RANGE"] = [_range(arg, address) for arg in address.args]
    if address.signature:
        node["DESCRIPTION"] += f" [types {address.signature}: {address.arg_names}]"
    return node


def oscquery_tree(addresses: tuple[Address, ...] = ADDRESSES) -> dict[str, Any]:
    """The OSCQuery namespace of ``addresses``: nested CONTENTS down to one node per address."""
    root: dict[str, Any] = {"FULL_PATH": "/", "CONTENTS": {}, "ACCESS": ACCESS_NONE}
    for address in addresses:
        node = root
        parts = address.path.strip("/").split("/")
        for depth, part in enumerate(parts):
            contents = node.setdefault("CONTENTS", {})
            node = contents.setdefault(
                part, {"FULL_PATH": "/" + "/".join(parts[: depth + 1]), "ACCESS": ACCESS_NONE}
            )
        node.update(_leaf(address))
    return root


def host_info(osc_host: str, osc_port: int) -> dict[str, Any]:
    return {
        "NAME": f"{SERVICE_NAME} {__version__}",
        "OSC_IP": osc_host,
        "OSC_PORT": osc_port,
        "OSC_TRANSPORT": "UDP",
        "EXTENSIONS": {
            "ACCESS": True,
            "VALUE": False,
            "RANGE": True,
            "DESCRIPTION": True,
            "TYPE": True,
            "CONTENTS": True,
        },
    }


def find_node(tree: dict[str, Any], path: str) -> dict[str, Any] | None:
    node = tree
    for part in [p for p in path.split("/") if p]:
        node = node.get("CONTENTS", {}).get(part)
        if node is None:
            return None
    return node


class _BoundedHTTPServer(ThreadingHTTPServer):
    """A thread per connection, but at most ``max_connections`` of them, and only for
    addresses ``allow`` accepts: a client that opens connections and sends nothing can
    neither grow the thread count nor keep a connection past the handler's timeout."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        allow: Callable[[str], bool],
        max_connections: int,
    ) -> None:
        self._allow = allow
        self._slots = threading.BoundedSemaphore(max_connections)
        super().__init__(address, handler)

    def verify_request(self, request: Any, client_address: Any) -> bool:
        return self._allow(str(client_address[0]))

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)  # full: closed at once, no thread
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class OscQueryServer:
    """The JSON description over HTTP: ``GET /`` (or any sub-path) and ``GET /?HOST_INFO``.

    Bounded like the OSC side: ``allow`` (the server's ``--allow`` networks), at most
    ``max_connections`` at once, and idle connections closed after ``idle_seconds``.
    """

    def __init__(
        self,
        host: str,
        port: int,
        osc_host: str,
        osc_port: int,
        *,
        allow: Callable[[str], bool] | None = None,
        max_connections: int = MAX_HTTP_CONNECTIONS,
        idle_seconds: float = HTTP_IDLE_SECONDS,
    ) -> None:
        tree = oscquery_tree()
        info = host_info(_advertised_ip(osc_host), osc_port)

        class Handler(BaseHTTPRequestHandler):
            timeout = idle_seconds  # applies to every read: an idle or trickling client is dropped

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                body = info if url.query == "HOST_INFO" else find_node(tree, unquote(url.path))
                if body is None:
                    self.send_error(404, "no such OSC address")
                    return
                data = json.dumps(body).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # browsers poll: keep the log quiet
                log.debug("oscquery %s", format % args)

        self.httpd = _BoundedHTTPServer((host, port), Handler, allow or (lambda _: True), max_connections)
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="oscquery", daemon=True)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Advertiser:
    """Registers ``_osc._udp`` (and ``_oscjson._tcp`` for the HTTP side) with Zeroconf, in the background."""

    def __init__(self, host: str, osc_port: int, http_port: int | None) -> None:
        self.host = host
        self.osc_port = osc_port
        self.http_port = http_port
        self.registered = threading.Event()
        self._zeroconf: Any = None
        self._infos: list[Any] = []
        self._thread = threading.Thread(target=self._register, name="zeroconf", daemon=True)

    def start(self) -> None:
        self._thread.start()  # registration probes the network for ~2 s: never block serving

    def _register(self) -> None:
        try:
            from zeroconf import IPVersion, ServiceInfo, Zeroconf
        except ImportError:
            log.info('Zeroconf advertisement off: pip install "osc-composer[discovery]" for it')
            return
        # the port in the name: several servers on one machine stay apart without renaming
        name = f"{SERVICE_NAME} {self.osc_port} on {socket.gethostname()}"[:63]
        ip = _advertised_ip(self.host)
        services = [(OSC_SERVICE, self.osc_port)]
        if self.http_port is not None:
            services.append((OSCQUERY_SERVICE, self.http_port))
        try:
            self._zeroconf = Zeroconf(ip_version=IPVersion.V4Only)
            for service, port in services:
                info = ServiceInfo(
                    service,
                    f"{name}.{service}",
                    addresses=[socket.inet_aton(ip)],
                    port=port,
                    properties={"version": __version__},
                )
                self._zeroconf.register_service(info, allow_name_change=True)
                self._infos.append(info)
        except Exception as exc:  # no multicast, no network: discovery is a convenience, serving goes on
            log.warning("Zeroconf advertisement failed: %s", exc)
            return
        # the names as registered: Zeroconf numbers a second server on the same machine
        log.info("advertised %s on %s", " and ".join(repr(info.name) for info in self._infos), ip)
        self.registered.set()

    def stop(self) -> None:
        self._thread.join(timeout=5)
        if self._zeroconf is None:
            return
        try:
            for info in self._infos:
                self._zeroconf.unregister_service(info)
            self._zeroconf.close()
        except Exception as exc:
            log.warning("Zeroconf shutdown: %s", exc)


def _advertised_ip(host: str) -> str:
    """The IPv4 address to advertise: the one listened on, or this machine's for 0.0.0.0."""
    if host not in ("0.0.0.0", "", "::"):
        try:
            return socket.gethostbyname(host)
        except OSError:
            return "127.0.0.1"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
