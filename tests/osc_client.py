"""A python-osc client in its own process, driven by JSON lines on stdin (for the server tests).

    python tests/osc_client.py HOST PORT

Prints the UDP port it sends from, then answers one line per command:

- ``{"send": [packet, …]}``: send the packets back to back from that one socket; prints ``{"sent": N}``
  (with ``"stamp": true``, also ``"at"``: the ``time.monotonic()`` of each send).
- ``{"recv": seconds, "count": N}``: print the messages received on that socket, as
  ``{"received": [[address, [values…]], …]}``, once N have arrived or the time is up.

A packet is ``{"address": "/x", "args": [[tag, value], …]}`` (built by python-osc with those
exact type letters), ``{"bundle": [packet, …]}``, or ``{"hex": "…"}`` (raw bytes).
"""

from __future__ import annotations

import json
import socket
import sys
import time
from typing import Any

from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket


def build(packet: dict[str, Any]) -> Any:
    if "bundle" in packet:
        builder = OscBundleBuilder(IMMEDIATELY)
        for element in packet["bundle"]:
            builder.add_content(build(element))
        return builder.build()
    message = OscMessageBuilder(address=packet["address"])
    for tag, value in packet.get("args", []):
        if tag == "b":
            value = bytes.fromhex(value)
        elif tag == "m":
            value = tuple(value)
        message.add_arg(value, tag)
    return message.build()


def encode(packet: dict[str, Any]) -> bytes:
    return bytes.fromhex(packet["hex"]) if "hex" in packet else build(packet).dgram


def main() -> int:
    host, port = sys.argv[1], int(sys.argv[2])
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    print(sock.getsockname()[1], flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if "send" in command:
            sent_at = []
            for packet in command["send"]:
                data = encode(packet)
                sent_at.append(time.monotonic())  # CLOCK_MONOTONIC is system-wide: the test can compare
                sock.sendto(data, (host, port))
            answer: dict[str, Any] = {"sent": len(command["send"])}
            if command.get("stamp"):
                answer["at"] = sent_at
            print(json.dumps(answer), flush=True)
        elif "recv" in command:
            received: list[Any] = []
            deadline = time.monotonic() + float(command["recv"])
            while len(received) < command.get("count", 1) and time.monotonic() < deadline:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                try:
                    data, _ = sock.recvfrom(65535)
                except (TimeoutError, socket.timeout):  # noqa: UP041 (Python 3.10 has both)
                    break
                received += [[t.message.address, list(t.message.params)] for t in OscPacket(data).messages]
            print(json.dumps({"received": received}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
