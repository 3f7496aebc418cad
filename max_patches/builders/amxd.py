"""The .amxd container: a Max for Live device, frozen, so it loads from the one file.

Layout, as Ableton's own reader ``maxdiff/amxd_textconv.py`` and
``maxdiff/frozen_device_printer.py`` (github.com/Ableton/maxdevtools) parse it and as the
devices Live ships are written:

* chunks of (4-byte id, little-endian uint32 size, data): ``ampf`` the device type,
  ``meta`` four bytes, ``ptch`` the patcher;
* device types: ``mmmm`` MIDI effect, ``aaaa`` audio effect, ``iiii`` instrument,
  ``nagg`` MIDI Tool Generator, ``natt`` MIDI Tool Transformation (Live 12);
* a frozen ``ptch`` is a collective: ``mx@c``, big-endian uint32 16 (header size), then a
  big-endian uint64 offset of the footer; the files follow the header back to back, the
  device's own patcher (JSON ending in NUL) first; the footer is ``dlst`` (big-endian
  size, header included) holding one ``dire`` per file, whose fields are ``type`` (4
  chars), ``fnam`` (NUL-terminated, padded to 4 bytes), ``sz32`` size, ``of32`` offset
  from the start of ``mx@c``, ``vers`` 0, ``flag`` (0x11 for the device itself, 0 for a
  ``js`` file) and ``mdat`` (seconds since 1904, HFS+). Every field is (id, big-endian
  size including its 8-byte header, data).

:func:`write_frozen_amxd` writes that; :func:`read_amxd` reads it back (the tests check
every device with it, so a malformed file fails the build).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

DEVICE_TYPES = {
    b"mmmm": "MIDI effect",
    b"aaaa": "audio effect",
    b"iiii": "instrument",
    b"nagg": "MIDI Tool Generator",
    b"natt": "MIDI Tool Transformation",
}
# project.amxdtype in the patcher: the device type's four bytes as a big-endian int
# (1835887981 = 'mmmm' in Ableton's FrozenTest.amxd).
META = struct.pack("<I", 7)  # what Max writes in every device we have seen
FLAG_DEVICE = 0x11
FLAG_FILE = 0
# A fixed modification date (2026-01-01 00:00 UTC) keeps the build byte-for-byte repeatable.
MDAT = 2082844800 + 1767225600


def amxd_type_code(device_type: bytes) -> int:
    return int.from_bytes(device_type, "big")


def _field(tag: bytes, data: bytes) -> bytes:
    return tag + struct.pack(">I", 8 + len(data)) + data


def _name(name: str) -> bytes:
    raw = name.encode("utf-8") + b"\x00"
    return raw + b"\x00" * (-len(raw) % 4)


def _dire(kind: bytes, name: str, size: int, offset: int, flag: int) -> bytes:
    fields = b"".join(
        (
            _field(b"type", kind),
            _field(b"fnam", _name(name)),
            _field(b"sz32", struct.pack(">I", size)),
            _field(b"of32", struct.pack(">I", offset)),
            _field(b"vers", struct.pack(">I", 0)),
            _field(b"flag", struct.pack(">I", flag)),
            _field(b"mdat", struct.pack(">I", MDAT)),
        )
    )
    return _field(b"dire", fields)


def patcher_bytes(patcher: dict) -> bytes:
    """The patcher as Max saves it inside a device: tab-indented JSON ending in NUL."""
    return (json.dumps(patcher, indent="\t") + "\n").encode("utf-8") + b"\x00"


def write_frozen_amxd(device_type: bytes, device_name: str, patcher: dict, files: dict[str, bytes]) -> bytes:
    """A frozen device: the patcher plus ``files`` (name → bytes, e.g. the ``js`` source)."""
    if device_type not in DEVICE_TYPES:
        raise ValueError(f"unknown device type {device_type!r}")
    entries = [(b"JSON", device_name, patcher_bytes(patcher), FLAG_DEVICE)]
    entries += [(b"TEXT", name, data, FLAG_FILE) for name, data in sorted(files.items())]
    header_size = 16
    body, footer, offset = b"", b"", header_size
    for kind, name, data, flag in entries:
        footer += _dire(kind, name, len(data), offset, flag)
        body += data
        offset += len(data)
    collective = b"mx@c" + struct.pack(">IQ", header_size, offset) + body + _field(b"dlst", footer)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return tag + struct.pack("<I", len(data)) + data

    return chunk(b"ampf", device_type) + chunk(b"meta", META) + chunk(b"ptch", collective)


class AmxdError(ValueError):
    """A device file that Live would not load: says which rule it breaks."""


@dataclass
class Device:
    """What :func:`read_amxd` finds: the type, the device's patcher and every embedded file."""

    device_type: bytes
    name: str
    patcher: dict
    files: dict[str, bytes]
    frozen: bool


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, at = [], 0
    while at < len(data):
        if at + 8 > len(data):
            raise AmxdError(f"truncated chunk header at byte {at}")
        tag, size = data[at : at + 4], struct.unpack("<I", data[at + 4 : at + 8])[0]
        if at + 8 + size > len(data):
            raise AmxdError(f"chunk {tag!r} runs past the end of the file")
        chunks.append((tag, data[at + 8 : at + 8 + size]))
        at += 8 + size
    return chunks


def _fields(data: bytes, where: str) -> dict[bytes, bytes]:
    fields, at = {}, 0
    while at < len(data):
        if at + 8 > len(data):
            raise AmxdError(f"{where}: truncated field at byte {at}")
        tag, size = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        if size < 8 or at + size > len(data):
            raise AmxdError(f"{where}: field {tag!r} has a bad size {size}")
        fields[tag] = data[at + 8 : at + size]
        at += size
    return fields


def _json_patcher(data: bytes, name: str) -> dict:
    if not data.endswith(b"\x00"):
        raise AmxdError(f"{name}: the patcher JSON must end in NUL")
    try:
        document = json.loads(data[:-1].decode("utf-8"))
    except ValueError as exc:
        raise AmxdError(f"{name}: the patcher is not JSON: {exc}") from None
    if "patcher" not in document:
        raise AmxdError(f"{name}: no 'patcher' at the top")
    return document


def read_amxd(data: bytes) -> Device:
    """Parse a device file; raises :class:`AmxdError` naming the first rule it breaks."""
    chunks = _chunks(data)
    if [tag for tag, _ in chunks] != [b"ampf", b"meta", b"ptch"]:
        raise AmxdError(f"chunks must be ampf, meta, ptch, not {[tag for tag, _ in chunks]}")
    device_type, patch = chunks[0][1], chunks[2][1]
    if device_type not in DEVICE_TYPES:
        raise AmxdError(f"unknown device type {device_type!r}")
    if len(chunks[1][1]) != 4:
        raise AmxdError("the meta chunk must hold four bytes")
    if not patch.startswith(b"mx@c"):
        return Device(device_type, "", _json_patcher(patch, "ptch"), {}, frozen=False)
    header_size, footer_at = struct.unpack(">IQ", patch[4:16])
    if header_size != 16 or not 16 <= footer_at <= len(patch) - 8:
        raise AmxdError(f"mx@c header: size {header_size}, footer at {footer_at}")
    footer = patch[footer_at:]
    if footer[:4] != b"dlst" or struct.unpack(">I", footer[4:8])[0] != len(footer):
        raise AmxdError("the footer must be a dlst whose size is the rest of the file")
    files: dict[str, bytes] = {}
    order: list[tuple[str, bytes, int]] = []
    at = 8
    expected_offset = 16
    while at < len(footer):
        tag, size = footer[at : at + 4], struct.unpack(">I", footer[at + 4 : at + 8])[0]
        if tag != b"dire":
            raise AmxdError(f"dlst holds {tag!r}, not dire")
        fields = _fields(footer[at + 8 : at + size], "dire")
        missing = {b"type", b"fnam", b"sz32", b"of32", b"vers", b"flag", b"mdat"} - set(fields)
        if missing:
            raise AmxdError(f"dire lacks {sorted(missing)}")
        if len(fields[b"fnam"]) % 4 or not fields[b"fnam"].endswith(b"\x00"):
            raise AmxdError("fnam must be NUL-terminated and padded to 4 bytes")
        name = fields[b"fnam"].rstrip(b"\x00").decode("utf-8")
        size32 = struct.unpack(">I", fields[b"sz32"])[0]
        offset = struct.unpack(">I", fields[b"of32"])[0]
        if offset != expected_offset or offset + size32 > footer_at:
            raise AmxdError(f"{name}: offset {offset} size {size32} do not follow the previous file")
        expected_offset = offset + size32
        files[name] = patch[offset : offset + size32]
        order.append((name, fields[b"type"], struct.unpack(">I", fields[b"flag"])[0]))
        at += size
    if expected_offset != footer_at:
        raise AmxdError(f"the files end at {expected_offset}, the footer starts at {footer_at}")
    if not order or order[0][1] != b"JSON" or order[0][2] != FLAG_DEVICE:
        raise AmxdError("the first file must be the device's own patcher (JSON, flag 0x11)")
    name = order[0][0]
    patcher = _json_patcher(files.pop(name), name)
    return Device(device_type, name, patcher, files, frozen=True)
