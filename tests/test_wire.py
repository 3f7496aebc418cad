"""osc_composer.server.wire: checked parsing, strictly typed building, bundle packing (no sockets)."""

from __future__ import annotations

import contextlib
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket
from pythonosc.parsing import osc_types

from osc_composer.server.wire import (
    BUNDLE_HEADER,
    MAX_BUNDLE_DEPTH,
    WireError,
    build_message,
    message_headers,
    pack_bundles,
    parse_packet,
)

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150)


def osc(address: str, *typed: tuple[str, object]) -> bytes:
    """A message built by python-osc with explicit type letters."""
    builder = OscMessageBuilder(address=address)
    for tag, value in typed:
        builder.add_arg(value, tag)
    return builder.build().dgram


def bundle(*elements: bytes) -> bytes:
    """A bundle (timetag 'immediately') of already-encoded messages or bundles."""
    return BUNDLE_HEADER + struct.pack(">Q", 1) + b"".join(struct.pack(">i", len(e)) + e for e in elements)


def padded(text: str) -> bytes:
    raw = text.encode() + b"\x00"
    return raw + b"\x00" * (-len(raw) % 4)


def raw_message(address: str, tags: str, payload: bytes = b"") -> bytes:
    """A message assembled by hand (for type tags python-osc cannot write)."""
    return padded(address) + padded("," + tags) + payload


def type_tags(dgram: bytes) -> str:
    """The type tag string of an encoded message, read straight from the bytes."""
    _, offset = osc_types.get_string(dgram, 0)
    tags, _ = osc_types.get_string(dgram, offset)
    return tags


NOTES = osc(
    "/composer/seed/notes",
    ("i", 60),
    ("i", 100),
    ("f", 0.0),
    ("f", 1.0),
    ("i", 64),
    ("i", 90),
    ("f", 1.0),
    ("f", 0.5),
)


# --- parsing good packets ----------------------------------------------------------------------
def test_a_plain_message_parses_with_its_tags_and_values() -> None:
    assert message_headers(NOTES) == [("/composer/seed/notes", "iiffiiff")]
    assert parse_packet(NOTES) == [
        ("/composer/seed/notes", "iiffiiff", [60, 100, 0.0, 1.0, 64, 90, 1.0, 0.5])
    ]


def test_every_readable_type_parses() -> None:
    data = osc(
        "/x",
        ("i", -3),
        ("f", 0.5),
        ("h", 2**40),
        ("d", 1.25),
        ("s", "héllo"),
        ("T", True),
        ("F", False),
        ("N", None),
        ("b", b"abcde"),
    )
    assert parse_packet(data) == [
        ("/x", "ifhdsTFNb", [-3, 0.5, 2**40, 1.25, "héllo", True, False, None, b"abcde"])
    ]


def test_messages_without_arguments_with_and_without_a_type_tag_string() -> None:
    assert parse_packet(osc("/composer/ping")) == [("/composer/ping", "", [])]
    # OSC 1.0: old clients may leave the type tag string off
    assert parse_packet(padded("/composer/ping")) == [("/composer/ping", "", [])]


def test_nested_bundles_are_flattened_in_order() -> None:
    ping, pong = osc("/composer/ping"), osc("/a", ("i", 1))
    inner = bundle(pong, osc("/b", ("s", "two")))
    data = bundle(ping, inner, bundle(bundle(osc("/c", ("f", 3.0)))), osc("/d"))
    assert message_headers(data) == [
        ("/composer/ping", ""),
        ("/a", "i"),
        ("/b", "s"),
        ("/c", "f"),
        ("/d", ""),
    ]
    assert [(a, v) for a, _, v in parse_packet(data)] == [
        ("/composer/ping", []),
        ("/a", [1]),
        ("/b", ["two"]),
        ("/c", [3.0]),
        ("/d", []),
    ]


def test_a_bundle_built_by_python_osc_parses() -> None:
    builder = OscBundleBuilder(IMMEDIATELY)
    builder.add_content(OscMessageBuilder("/composer/seed/clear").build())
    builder.add_content(OscMessageBuilder("/composer/ping").build())
    assert [a for a, _, _ in parse_packet(builder.build().dgram)] == [
        "/composer/seed/clear",
        "/composer/ping",
    ]


def test_an_empty_bundle_has_no_messages() -> None:
    assert parse_packet(bundle()) == []


def test_nesting_up_to_the_limit_is_fine_and_deeper_is_refused() -> None:
    data = osc("/deep")
    for _ in range(MAX_BUNDLE_DEPTH):
        data = bundle(data)
    assert parse_packet(data) == [("/deep", "", [])]
    with pytest.raises(WireError, match="nested deeper"):
        parse_packet(bundle(data))


# --- malformed packets -------------------------------------------------------------------------
@pytest.mark.parametrize("data", [NOTES, bundle(NOTES, osc("/composer/ping")), bundle(bundle(NOTES))])
def test_every_truncation_is_refused_or_loses_only_whole_messages(data: bytes) -> None:
    whole = parse_packet(data)
    for cut in range(len(data)):
        try:
            messages = parse_packet(data[:cut])
        except WireError:
            continue
        if data.startswith(BUNDLE_HEADER):
            # a bundle has no element count: cut at an element boundary it is a shorter bundle,
            # but never one with a partial message or made-up values
            assert messages == whole[: len(messages)], cut
        else:  # an address without a type tag string is an OSC 1.0 message without arguments
            assert messages == [("/composer/seed/notes", "", [])], cut


def test_a_missing_trailing_float_is_not_made_up() -> None:
    # python-osc would pad a missing float with zeros: the wire layer must refuse instead
    with pytest.raises(WireError, match="cut off"):
        parse_packet(NOTES[:-4])


def test_bytes_after_the_last_argument_are_refused() -> None:
    with pytest.raises(WireError, match="after the arguments"):
        parse_packet(NOTES + b"\x00\x00\x00\x01")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "multiple of 4"),
        (b"/ab", "multiple of 4"),
        (b"/composer/ping\x00", "multiple of 4"),
        (b"xyz\x00", "does not start with '/'"),
        (b"/abc", "terminating zero"),
        (padded("/x") + b"iff\x00", "does not start with ','"),
        (padded("/x") + padded(",s") + b"\xff\xfe\x00\x00", "UTF-8"),
        (padded("/x") + padded(",b") + struct.pack(">i", -4), "negative"),
        (padded("/x") + padded(",b") + struct.pack(">i", 64) + b"abcd", "cut off"),
        (BUNDLE_HEADER + b"\x00" * 4, "shorter than its header"),
    ],
)
def test_malformed_packets_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(WireError, match=reason):
        parse_packet(data)


@pytest.mark.parametrize("size", [0, -4, 3, 6, 1000, 2**31 - 1, -(2**31)])
def test_bad_bundle_element_sizes_are_refused(size: int) -> None:
    ping = osc("/composer/ping")
    data = BUNDLE_HEADER + struct.pack(">Q", 1) + struct.pack(">i", size) + ping
    data += b"\x00" * (-len(data) % 4)
    with pytest.raises(WireError, match=f"size {size}"):
        parse_packet(data)


def test_a_cut_off_element_size_is_refused() -> None:
    data = bundle(osc("/composer/ping")) + b"\x00\x00"
    with pytest.raises(WireError):
        parse_packet(data + b"\x00\x00")  # 4 bytes, but a size of zero
    with pytest.raises(WireError):
        parse_packet(data)  # not a multiple of 4


@pytest.mark.parametrize(
    ("tag", "payload"),
    [
        ("S", padded("symbol")),  # symbol: python-osc would drop it silently
        ("c", struct.pack(">i", ord("a"))),  # char
        ("m", bytes([0, 0x90, 60, 100])),  # MIDI message
        ("r", bytes([255, 0, 0, 255])),  # RGBA colour
        ("t", struct.pack(">Q", 1)),  # timetag
        ("I", b""),  # impulse / infinitum
        ("[i]", struct.pack(">i", 1)),  # array
    ],
)
def test_unsupported_type_tags_are_refused_with_a_clear_reason(tag: str, payload: bytes) -> None:
    data = raw_message("/composer/seed/add", "i" + tag, struct.pack(">i", 60) + payload)
    with pytest.raises(WireError, match="unsupported OSC type tag") as caught:
        parse_packet(data)
    assert "/composer/seed/add" in str(caught.value)
    assert "send numbers as i or f, text as s" in str(caught.value)
    # also inside a bundle, whatever comes before
    with pytest.raises(WireError, match="unsupported OSC type tag"):
        parse_packet(bundle(osc("/composer/ping"), data))


_ARGUMENTS = st.one_of(
    st.tuples(st.just("i"), st.integers(-(2**31), 2**31 - 1)),
    st.tuples(st.just("f"), st.floats(width=32, allow_nan=False)),
    st.tuples(st.just("h"), st.integers(-(2**63), 2**63 - 1)),
    st.tuples(st.just("d"), st.floats(allow_nan=False)),
    st.tuples(st.just("s"), st.text(st.characters(exclude_characters="\x00"), max_size=12)),
    st.tuples(st.just("b"), st.binary(min_size=1, max_size=9)),  # python-osc writes no empty blob
    st.tuples(st.sampled_from("TFN"), st.none()),
)


@SETTINGS
@given(st.lists(_ARGUMENTS, max_size=12))
def test_values_are_read_exactly_as_python_osc_reads_them(arguments: list[tuple[str, object]]) -> None:
    """The server reads arguments with its own struct layouts; python-osc is the reference."""
    typed = [(tag, {"T": True, "F": False}.get(tag, value)) for tag, value in arguments]
    data = osc("/composer/x", *typed)
    [(address, tags, values)] = parse_packet(data)
    reference = OscPacket(data).messages[0].message
    assert (address, tags) == ("/composer/x", "".join(tag for tag, _ in arguments))
    assert values == list(reference.params)
    assert [type(v) for v in values] == [type(v) for v in reference.params]


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_parse_or_raise_wire_error(data: bytes) -> None:
    try:
        messages = parse_packet(data)
    except WireError:
        return
    assert all(address.startswith("/") for address, _, _ in messages)


@SETTINGS
@given(st.binary(min_size=4, max_size=120).map(lambda b: b[: len(b) - len(b) % 4]))
def test_random_bundle_bodies_parse_or_raise_wire_error(body: bytes) -> None:
    with contextlib.suppress(WireError):
        parse_packet(BUNDLE_HEADER + struct.pack(">Q", 1) + body)


# --- building ----------------------------------------------------------------------------------
def test_build_message_writes_exactly_the_given_types() -> None:
    data = build_message("/composer/note", "iiiiff", [1, 0, 60, 100, 0.5, 1.0])
    assert type_tags(data) == ",iiiiff"
    assert parse_packet(data) == [("/composer/note", "iiiiff", [1, 0, 60, 100, 0.5, 1.0])]


@pytest.mark.parametrize(
    ("types", "value", "expected"),
    [
        ("i", np.int64(7), 7),
        ("i", np.int32(-7), -7),
        ("i", np.uint8(200), 200),
        ("i", np.float32(3.0), 3),
        ("i", True, 1),  # python-osc alone would write T
        ("i", False, 0),  # … or F
        ("i", 2**31 - 1, 2**31 - 1),  # python-osc alone writes i here, h one above
        ("i", -(2**31), -(2**31)),
        ("f", np.float64(0.25), 0.25),  # python-osc alone would write d
        ("f", np.float32(0.5), 0.5),
        ("f", 3, 3.0),  # a Python int as f
        ("f", np.int64(2), 2.0),
        ("f", True, 1.0),
        ("s", np.str_("major"), "major"),
        ("s", 5, "5"),
    ],
)
def test_build_message_converts_numpy_scalars_bools_and_ints(types: str, value: object, expected: object):
    data = build_message("/v", types, [value])
    assert type_tags(data) == "," + types  # the raw type tag bytes, not python-osc's guess
    [(_, tags, values)] = parse_packet(data)
    assert tags == types
    assert values == [expected]
    assert type(values[0]) is type(expected)


def test_python_osc_alone_would_guess_other_types_or_refuse_numpy() -> None:
    """Why build_message exists: auto-typing writes T and h (which Max and Pd cannot use) and
    refuses numpy integers and float32, which is what the engine hands out."""
    for value, guessed, wanted in ((True, ",T", "i"), (2**31 + 5, ",h", "f")):
        builder = OscMessageBuilder("/v")
        builder.add_arg(value)
        assert type_tags(builder.build().dgram) == guessed
        assert type_tags(build_message("/v", wanted, [value])) == "," + wanted
    for value in (np.int64(3), np.float32(0.5)):
        with pytest.raises(ValueError):
            OscMessageBuilder("/v").add_arg(value)
        assert parse_packet(build_message("/v", "f", [value]))[0][1] == "f"


@pytest.mark.parametrize("number", [2**31, -(2**31) - 1, 2**40])
def test_build_message_refuses_ints_that_do_not_fit_int32(number: int) -> None:
    with pytest.raises(ValueError, match="int32"):
        build_message("/v", "i", [number])


@pytest.mark.parametrize("types", ["d", "h", "T", "b", "S"])
def test_build_message_never_emits_other_types(types: str) -> None:
    with pytest.raises(ValueError, match="never emits"):
        build_message("/v", types, [1])


def test_build_message_refuses_a_count_mismatch() -> None:
    with pytest.raises(ValueError, match="types for"):
        build_message("/v", "ii", [1])


# --- bundles out -------------------------------------------------------------------------------
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
ARGUMENT = st.one_of(
    st.tuples(st.just("i"), st.integers(-(2**31), 2**31 - 1)),
    st.tuples(st.just("f"), st.floats(width=32, allow_nan=False)),
    st.tuples(st.just("s"), TEXT),
)
MESSAGE = st.tuples(
    st.text("abcdefghijklmnopqrstuvwxyz/_", min_size=1, max_size=40).map(lambda a: "/" + a),
    st.lists(ARGUMENT, max_size=8),
)


def built(spec: tuple[str, list[tuple[str, object]]]) -> bytes:
    address, arguments = spec
    return build_message(address, "".join(t for t, _ in arguments), [v for _, v in arguments])


def elements(datagram: bytes) -> list[bytes]:
    """The messages of one datagram, as bytes (a bundle's elements, or the message itself)."""
    if not datagram.startswith(BUNDLE_HEADER):
        return [datagram]
    assert datagram[8:16] == struct.pack(">Q", 1)  # 'immediately'
    found, offset = [], 16
    while offset < len(datagram):
        (size,) = struct.unpack_from(">i", datagram, offset)
        found.append(datagram[offset + 4 : offset + 4 + size])
        offset += 4 + size
    return found


@SETTINGS
@given(st.lists(MESSAGE, max_size=40), st.integers(64, 1500))
def test_pack_bundles_respects_the_limit_keeps_order_and_parses_back(specs, max_datagram) -> None:
    messages = [built(s) for s in specs]
    datagrams = pack_bundles(messages, max_datagram)
    for datagram in datagrams:
        if datagram.startswith(BUNDLE_HEADER):
            assert len(datagram) <= max_datagram
        else:  # a message too large to share a bundle goes alone; it may exceed only if it must
            assert len(datagram) <= max_datagram or 16 + 4 + len(datagram) > max_datagram
            assert datagram in messages
    # nothing lost, nothing reordered, byte for byte
    assert [m for d in datagrams for m in elements(d)] == messages
    # and an independent parser (python-osc) reads the same messages back, in order
    parsed = [
        (timed.message.address, timed.message.params) for d in datagrams for timed in OscPacket(d).messages
    ]
    expected = []
    for address, arguments in specs:
        values = [v for _, v in arguments]
        expected.append((address, values))
    assert [a for a, _ in parsed] == [a for a, _ in expected]
    for (_, got), (_, want) in zip(parsed, expected, strict=True):
        assert got == [float(np.float32(v)) if isinstance(v, float) else v for v in want]


@SETTINGS
@given(st.lists(st.integers(0, 40), min_size=1, max_size=60), st.integers(64, 600))
def test_pack_bundles_never_exceeds_the_limit_when_every_message_fits(sizes, max_datagram) -> None:
    # messages of every size up to what fits one bundle alone
    room = max_datagram - 20
    messages = [build_message("/m", "s", ["x" * min(n * 7, room - 12)]) for n in sizes]
    assert all(len(m) + 20 <= max_datagram for m in messages)
    datagrams = pack_bundles(messages, max_datagram)
    assert all(len(d) <= max_datagram for d in datagrams)
    assert all(d.startswith(BUNDLE_HEADER) for d in datagrams)
    assert [m for d in datagrams for m in elements(d)] == messages


def test_pack_bundles_of_nothing_is_nothing() -> None:
    assert pack_bundles([], 256) == []


def test_pack_bundles_fills_bundles_before_starting_the_next() -> None:
    note = build_message("/composer/note", "iiiiff", [1, 0, 60, 100, 0.0, 1.0])
    assert len(note) == 48
    datagrams = pack_bundles([note] * 10, 256)  # 16 + 4 × (4 + 48) = 224 <= 256 < 276
    assert [len(elements(d)) for d in datagrams] == [4, 4, 2]
    assert all(len(d) <= 256 for d in datagrams)
    assert all(parse_packet(d) for d in datagrams)


def test_a_message_larger_than_a_bundle_goes_out_alone() -> None:
    big = build_message("/composer/error", "is", [-1, "x" * 300])
    small = build_message("/composer/pong", "s", ["0.1.0"])
    datagrams = pack_bundles([small, big, small], 256)
    assert datagrams[1] == big
    assert [m for d in datagrams for m in elements(d)] == [small, big, small]
