"""OSC bytes at the edge: checked parsing of what arrives, strictly typed building of what leaves.

python-osc does the encoding and decoding. This module adds what a stage server needs
around it: type tags are read first, so tags python-osc would drop silently (``S``,
``c``) or that Max and Pd cannot use are refused with a clear reason; outgoing
arguments are typed explicitly as ``i``/``f``/``s`` (python-osc would auto-type a numpy
scalar, a bool or a large int as ``d``/``T``/``h``); and replies are packed into
bundles no larger than a datagram limit.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from typing import Any

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from .protocol import EMITTED_TAGS, READABLE_TAGS

DEFAULT_MAX_DATAGRAM = 1452  # a 1500-byte MTU less IPv6 (40) and UDP (8) headers
MAX_BUNDLE_DEPTH = 8
MAX_MESSAGES_PER_PACKET = 4096
BUNDLE_HEADER = b"#bundle\x00"
IMMEDIATE_TIMETAG = struct.pack(">Q", 1)  # OSC's "immediately"


class WireError(ValueError):
    """Bytes that are not an OSC packet the server can read; the reason is sent back."""


def _read_string(data: bytes, offset: int) -> tuple[str, int]:
    end = data.find(b"\x00", offset)
    if end < 0:
        raise WireError("string without a terminating zero byte")
    try:
        text = data[offset:end].decode("utf-8")
    except UnicodeDecodeError:
        raise WireError("string is not valid UTF-8") from None
    return text, end + 1 + (-(end + 1 - offset) % 4)


def message_headers(data: bytes, *, depth: int = 0) -> list[tuple[str, str]]:
    """(address, type tags) of every message in a packet, bundles flattened, in order.

    Raises :class:`WireError` for truncated or malformed packets and for type tags the
    server does not accept.
    """
    if depth > MAX_BUNDLE_DEPTH:
        raise WireError(f"bundles nested deeper than {MAX_BUNDLE_DEPTH}")
    if len(data) < 4 or len(data) % 4:
        raise WireError(f"packet of {len(data)} bytes is not a multiple of 4")
    if data.startswith(BUNDLE_HEADER):
        if len(data) < 16:
            raise WireError("bundle shorter than its header")
        headers: list[tuple[str, str]] = []
        offset = 16
        while offset < len(data):
            if offset + 4 > len(data):
                raise WireError("bundle element size is cut off")
            (size,) = struct.unpack_from(">i", data, offset)
            offset += 4
            if size <= 0 or size % 4 or offset + size > len(data):
                raise WireError(f"bundle element size {size} does not fit the packet")
            headers.extend(message_headers(data[offset : offset + size], depth=depth + 1))
            offset += size
            if len(headers) > MAX_MESSAGES_PER_PACKET:
                raise WireError(f"more than {MAX_MESSAGES_PER_PACKET} messages in one packet")
        return headers
    if not data.startswith(b"/"):
        raise WireError("not an OSC message or bundle (does not start with '/' or '#bundle')")
    address, offset = _read_string(data, 0)
    if offset >= len(data):
        return [(address, "")]  # OSC 1.0 allows a message without a type tag string
    tags, arguments = _read_string(data, offset)
    if not tags.startswith(","):
        raise WireError(f"{address}: type tag string does not start with ','")
    tags = tags[1:]
    unknown = sorted(set(tags) - READABLE_TAGS)
    if unknown:
        raise WireError(
            f"{address}: unsupported OSC type tag(s) {''.join(unknown)!r}; send numbers as i or f, text as s"
        )
    _check_arguments(data, arguments, address, tags)
    return [(address, tags)]


_FIXED_SIZES = {"i": 4, "f": 4, "h": 8, "d": 8, "T": 0, "F": 0, "N": 0}


def _check_arguments(data: bytes, offset: int, address: str, tags: str) -> None:
    """The argument bytes must be exactly what the type tags announce.

    python-osc pads a missing trailing float with zeros (for Reaktor), so a packet cut
    short would otherwise arrive with made-up values; extra bytes mean the tags are wrong.
    """
    for tag in tags:
        if tag in _FIXED_SIZES:
            offset += _FIXED_SIZES[tag]
        elif tag == "s":
            if offset >= len(data):
                offset = len(data) + 1
                break
            _, offset = _read_string(data, offset)
        else:  # "b": int32 size, then the bytes, padded to 4
            if offset + 4 > len(data):
                offset = len(data) + 1
                break
            (size,) = struct.unpack_from(">i", data, offset)
            if size < 0:
                raise WireError(f"{address}: blob of negative size {size}")
            offset += 4 + size + (-size % 4)
        if offset > len(data):
            break
    if offset > len(data):
        raise WireError(f"{address}: arguments cut off (type tags ',{tags}' announce more bytes than sent)")
    if offset < len(data):
        raise WireError(f"{address}: {len(data) - offset} byte(s) after the arguments of type tags ',{tags}'")


def parse_packet(data: bytes) -> list[tuple[str, str, list[Any]]]:
    """Every message of a packet as (address, tags, values). Raises :class:`WireError`."""
    headers = message_headers(data)
    messages: list[tuple[str, str, list[Any]]] = []
    for chunk in _message_chunks(data):
        try:
            message = OscMessage(chunk)
        except Exception as exc:  # python-osc raises ParseError and struct errors on bad payloads
            raise WireError(f"malformed message arguments ({exc})") from None
        messages.append((message.address, "", list(message.params)))
    if len(messages) != len(headers):
        raise WireError("packet structure could not be read consistently")
    return [
        (address, tags, values) for (address, tags), (_, _, values) in zip(headers, messages, strict=True)
    ]


def _message_chunks(data: bytes) -> Iterable[bytes]:
    if not data.startswith(BUNDLE_HEADER):
        yield data
        return
    offset = 16
    while offset < len(data):
        (size,) = struct.unpack_from(">i", data, offset)
        yield from _message_chunks(data[offset + 4 : offset + 4 + size])
        offset += 4 + size


def build_message(address: str, types: str, values: Sequence[Any]) -> bytes:
    """One OSC message with exactly the given type letters (only ``i``, ``f``, ``s``)."""
    if len(types) != len(values):
        raise ValueError(f"{address}: {len(types)} types for {len(values)} values")
    builder = OscMessageBuilder(address=address)
    for tag, value in zip(types, values, strict=True):
        if tag not in EMITTED_TAGS:
            raise ValueError(f"{address}: the server never emits type {tag!r}")
        if tag == "i":
            number = int(value)
            if not -(2**31) <= number < 2**31:
                raise ValueError(f"{address}: {number} does not fit an OSC int32")
            builder.add_arg(number, "i")
        elif tag == "f":
            builder.add_arg(float(value), "f")
        else:
            builder.add_arg(str(value), "s")
    return builder.build().dgram


def pack_bundles(messages: Sequence[bytes], max_datagram: int = DEFAULT_MAX_DATAGRAM) -> list[bytes]:
    """Group messages, in order, into bundles of at most ``max_datagram`` bytes each.

    A message too large to share a bundle goes out alone as a plain message. Timetags
    are 'immediately': Max and Pd ignore them, so timing lives in the arguments.
    """
    datagrams: list[bytes] = []
    current: list[bytes] = []
    size = 16

    def flush() -> None:
        nonlocal current, size
        if len(current) == 1 and 16 + 4 + len(current[0]) > max_datagram:
            datagrams.append(current[0])
        elif current:
            datagrams.append(
                BUNDLE_HEADER + IMMEDIATE_TIMETAG + b"".join(struct.pack(">i", len(m)) + m for m in current)
            )
        current, size = [], 16

    for message in messages:
        if size + 4 + len(message) > max_datagram:
            flush()
        current.append(message)
        size += 4 + len(message)
    flush()
    return datagrams
