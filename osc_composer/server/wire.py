"""OSC bytes at the edge: checked parsing of what arrives, strictly typed building of what leaves.

What a stage server needs beyond python-osc (which the tests use as the reference reader
and writer): type tags are read first, so tags python-osc would drop silently (``S``,
``c``) or that Max and Pd cannot use are refused with a clear reason; arguments are read
with one precompiled ``struct`` per type tag string, so the receiving thread parses a full
64 KB seed in about a millisecond (python-osc's reader takes ~15 ms for it); outgoing
arguments are typed explicitly as ``i``/``f``/``s`` (python-osc would auto-type a numpy
scalar, a bool or a large int as ``d``/``T``/``h``); and replies are packed into bundles
no larger than a datagram limit.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Sequence
from typing import Any

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
    return [(address, tags) for address, tags, _, _ in _walk(data, depth)]


def _walk(data: bytes, depth: int = 0) -> list[tuple[str, str, bytes, int]]:
    """Every message as (address, tags, its bytes, offset of its arguments), all checked."""
    if depth > MAX_BUNDLE_DEPTH:
        raise WireError(f"bundles nested deeper than {MAX_BUNDLE_DEPTH}")
    if len(data) < 4 or len(data) % 4:
        raise WireError(f"packet of {len(data)} bytes is not a multiple of 4")
    if data.startswith(BUNDLE_HEADER):
        if len(data) < 16:
            raise WireError("bundle shorter than its header")
        messages: list[tuple[str, str, bytes, int]] = []
        offset = 16
        while offset < len(data):
            if offset + 4 > len(data):
                raise WireError("bundle element size is cut off")
            (size,) = struct.unpack_from(">i", data, offset)
            offset += 4
            if size <= 0 or size % 4 or offset + size > len(data):
                raise WireError(f"bundle element size {size} does not fit the packet")
            messages.extend(_walk(data[offset : offset + size], depth + 1))
            offset += size
            if len(messages) > MAX_MESSAGES_PER_PACKET:
                raise WireError(f"more than {MAX_MESSAGES_PER_PACKET} messages in one packet")
        return messages
    if not data.startswith(b"/"):
        raise WireError("not an OSC message or bundle (does not start with '/' or '#bundle')")
    address, offset = _read_string(data, 0)
    if offset >= len(data):
        return [(address, "", data, len(data))]  # OSC 1.0 allows a message without a type tag string
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
    return [(address, tags, data, arguments)]


_FIXED_SIZES = {"i": 4, "f": 4, "h": 8, "d": 8, "T": 0, "F": 0, "N": 0}


def _check_arguments(data: bytes, offset: int, address: str, tags: str) -> None:
    """The argument bytes must be exactly what the type tags announce.

    python-osc pads a missing trailing float with zeros (for Reaktor), so a packet cut
    short would otherwise arrive with made-up values; extra bytes mean the tags are wrong.
    """
    end = _arguments_end(data, offset, address, tags)
    if end > len(data):
        raise WireError(
            f"{address}: arguments cut off (type tags {_tags_text(tags)} announce more bytes than sent)"
        )
    if end < len(data):
        raise WireError(
            f"{address}: {len(data) - end} byte(s) after the arguments of type tags {_tags_text(tags)}"
        )


def _arguments_end(data: bytes, offset: int, address: str, tags: str) -> int:
    """Where the arguments the tags announce end (past the end of ``data`` when cut off)."""
    layout = _fixed_layout(tags)
    if layout is not None:  # numbers only: the size alone says it all
        return offset + layout[0].size
    for tag in tags:
        if tag in _FIXED_SIZES:
            offset += _FIXED_SIZES[tag]
        elif tag == "s":
            if offset >= len(data):
                return len(data) + 1
            _, offset = _read_string(data, offset)
        else:  # "b": int32 size, then the bytes, padded to 4
            if offset + 4 > len(data):
                return len(data) + 1
            (size,) = struct.unpack_from(">i", data, offset)
            if size < 0:
                raise WireError(f"{address}: blob of negative size {size}")
            offset += 4 + size + (-size % 4)
        if offset > len(data):
            return offset
    return offset


def _tags_text(tags: str) -> str:
    """Type tags quoted for an error message; a seed's 12,800 tags are cut to the first 64."""
    return f"',{tags}'" if len(tags) <= 64 else f"',{tags[:64]}…'"


def parse_packet(data: bytes) -> list[tuple[str, str, list[Any]]]:
    """Every message of a packet as (address, tags, values). Raises :class:`WireError`."""
    return [(address, tags, _decode(data, tags, offset)) for address, tags, data, offset in _walk(data)]


_CONSTANTS = {"T": True, "F": False, "N": None}
_STRUCT_CODES = {"i": "i", "f": "f", "h": "q", "d": "d"}


@functools.lru_cache(maxsize=256)
def _fixed_layout(tags: str) -> tuple[struct.Struct, tuple[int, ...]] | None:
    """For tags without strings or blobs: one ``struct`` for the numbers, and where the
    constants (``T``, ``F``, ``N``) go; None when the tags hold ``s`` or ``b``."""
    if "s" in tags or "b" in tags:
        return None
    constants = tuple(index for index, tag in enumerate(tags) if tag in _CONSTANTS)
    return struct.Struct(">" + "".join(_STRUCT_CODES.get(tag, "") for tag in tags)), constants


def _decode(data: bytes, tags: str, offset: int) -> list[Any]:
    """The values of one message whose layout :func:`_check_arguments` has already checked."""
    if not tags:
        return []
    layout = _fixed_layout(tags)
    if layout is not None:  # the common case: numbers only, one C call
        packer, constants = layout
        values = list(packer.unpack_from(data, offset))
        for index in constants:
            values.insert(index, _CONSTANTS[tags[index]])
        return values
    values = []
    for tag in tags:
        if tag in _CONSTANTS:
            values.append(_CONSTANTS[tag])
        elif tag == "s":
            text, offset = _read_string(data, offset)
            values.append(text)
        elif tag == "b":
            (size,) = struct.unpack_from(">i", data, offset)
            values.append(data[offset + 4 : offset + 4 + size])
            offset += 4 + size + (-size % 4)
        else:
            code = ">" + _STRUCT_CODES[tag]
            values.append(struct.unpack_from(code, data, offset)[0])
            offset += struct.calcsize(code)
    return values


def _padded(text: bytes) -> bytes:
    """An OSC string: the bytes, a zero byte, zeros up to a multiple of 4."""
    return text + b"\x00" * (4 - len(text) % 4)


@functools.lru_cache(maxsize=256)
def _header(address: str, types: str) -> bytes:
    for tag in types:
        if tag not in EMITTED_TAGS:
            raise ValueError(f"{address}: the server never emits type {tag!r}")
    return _padded(address.encode("utf-8")) + _padded(("," + types).encode("ascii"))


def build_message(address: str, types: str, values: Sequence[Any]) -> bytes:
    """One OSC message with exactly the given type letters (only ``i``, ``f``, ``s``)."""
    if len(types) != len(values):
        raise ValueError(f"{address}: {len(types)} types for {len(values)} values")
    parts = [_header(address, types)]
    for tag, value in zip(types, values, strict=True):
        if tag == "i":
            number = int(value)
            if not -(2**31) <= number < 2**31:
                raise ValueError(f"{address}: {number} does not fit an OSC int32")
            parts.append(_INT.pack(number))
        elif tag == "f":
            parts.append(_FLOAT.pack(float(value)))
        else:
            parts.append(_padded(str(value).encode("utf-8")))
    return b"".join(parts)


_INT = struct.Struct(">i")
_FLOAT = struct.Struct(">f")


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
