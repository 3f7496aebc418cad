"""The address table in osc_composer.server.protocol: complete, consistent, documented, enforced."""

from __future__ import annotations

import math
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket

from osc_composer.engine.params import PARAM_SPECS
from osc_composer.server import ComposerServer, ServerConfig
from osc_composer.server.handlers import HANDLERS
from osc_composer.server.protocol import (
    ADDRESSES,
    EMITTED_TAGS,
    INCOMING,
    OUTGOING,
    PREFIX,
    TABLE_END,
    TABLE_START,
    ProtocolError,
    markdown_table,
    out_types,
    with_table,
)

REPO = Path(__file__).resolve().parent.parent


def parse(path: str, tags: str, *values: object) -> list[object]:
    return INCOMING[path].parse(tags, list(values))


# --- the table is complete ---------------------------------------------------------------------
def test_addresses_are_unique_and_under_the_prefix() -> None:
    paths = [a.path for a in ADDRESSES]
    assert len(paths) == len(set(paths))
    assert all(p.startswith(PREFIX + "/") for p in paths)
    assert {a.direction for a in ADDRESSES} == {"in", "out"}
    assert len(INCOMING) + len(OUTGOING) == len(ADDRESSES)


@pytest.mark.parametrize("address", list(INCOMING.values()), ids=lambda a: a.path)
def test_every_incoming_address_has_a_handler_function(address) -> None:
    assert address.handler
    assert callable(HANDLERS.get(address.handler)), address.handler


def test_outgoing_addresses_have_no_handler() -> None:
    assert all(not a.handler for a in OUTGOING.values())


@pytest.mark.parametrize("spec", PARAM_SPECS, ids=lambda s: s.name)
def test_every_param_spec_has_an_address(spec) -> None:
    address = INCOMING[f"{PREFIX}/param/{spec.name}"]
    assert address.param is spec
    assert address.handler == "set_param"
    assert address.signature == spec.osc_types
    assert str(spec.default) in address.doc


def test_every_param_address_has_a_spec() -> None:
    param_paths = {p for p in INCOMING if p.startswith(PREFIX + "/param/")}
    assert param_paths == {f"{PREFIX}/param/{s.name}" for s in PARAM_SPECS}


@pytest.mark.parametrize("address", list(OUTGOING.values()), ids=lambda a: a.path)
def test_outgoing_signatures_only_use_i_f_s(address) -> None:
    assert address.signature, address.path
    assert set(address.signature) <= EMITTED_TAGS
    assert not address.repeat and not address.optional
    assert out_types(address.path) == address.signature


def test_note_and_the_other_replies_have_their_documented_types() -> None:
    assert out_types(PREFIX + "/note") == "iiiiff"
    assert out_types(PREFIX + "/begin") == "iif"
    assert out_types(PREFIX + "/end") == "iii"
    assert out_types(PREFIX + "/error") == "is"
    assert out_types(PREFIX + "/seed/size") == "if"


# --- Address.parse -----------------------------------------------------------------------------
NOTES = PREFIX + "/seed/notes"
ADD = PREFIX + "/seed/add"
PITCHES = PREFIX + "/seed/pitches"
GENERATE = PREFIX + "/generate"


def test_numbers_may_come_as_ints_or_floats() -> None:
    assert parse(ADD, "iiff", 60, 100, 0, 1.5) == [60, 100, 0.0, 1.5]
    # Pd sends every number as f
    result = parse(ADD, "ffff", 60.0, 100.0, 0.0, 1.5)
    assert result == [60, 100, 0.0, 1.5]
    assert [type(v) for v in result] == [int, int, float, float]
    # an int where a float is expected
    result = parse(ADD, "iiii", 60, 100, 2, 1)
    assert [type(v) for v in result] == [int, int, float, float]


def test_h_and_d_are_coerced() -> None:
    result = parse(ADD, "hhdd", 60, 100, 0.5, 1.0)
    assert result == [60, 100, 0.5, 1.0]
    assert [type(v) for v in result] == [int, int, float, float]


def test_repeated_groups() -> None:
    assert parse(NOTES, "") == []
    assert parse(NOTES, "iiffiiff", 60, 100, 0.0, 1.0, 62, 90, 1.0, 0.5) == [
        60,
        100,
        0.0,
        1.0,
        62,
        90,
        1.0,
        0.5,
    ]
    assert parse(PITCHES, "iif", 60, 62, 64.0) == [60, 62, 64]


@pytest.mark.parametrize(
    ("path", "tags", "values", "reason"),
    [
        (ADD, "iifs", (60, 100, 0.0, "1"), "duration must be a number"),
        (ADD, "siff", ("C4", 100, 0.0, 1.0), "pitch must be a number"),
        (ADD, "iifT", (60, 100, 0.0, True), "duration must be a number"),
        (ADD, "iifN", (60, 100, 0.0, None), "duration must be a number"),
        (ADD, "iifb", (60, 100, 0.0, b"\x00"), "duration must be a number"),
        (PREFIX + "/seed/midi", "i", (3,), "path must be a string"),
        (PREFIX + "/model", "f", (1.0,), "name must be a string"),
        (GENERATE, "isT", (1, "temperature", True), "value must be a number or a string"),
        (GENERATE, "iib", (1, 5, b"x"), "name must be a string"),
    ],
)
def test_wrong_types_are_refused(path, tags, values, reason) -> None:
    with pytest.raises(ProtocolError, match=reason):
        parse(path, tags, *values)


@pytest.mark.parametrize(
    ("path", "tags", "values", "reason"),
    [
        (ADD, "iiff", (128, 100, 0.0, 1.0), "pitch must be in 0..127"),
        (ADD, "iiff", (-1, 100, 0.0, 1.0), "pitch must be in 0..127"),
        (ADD, "iiff", (60, 0, 0.0, 1.0), "velocity must be in 1..127"),
        (ADD, "iiff", (60, 100, -0.5, 1.0), "start must be in"),
        (ADD, "iiff", (60, 100, 0.0, 2e6), "duration must be in"),
        (ADD, "fiff", (60.5, 100, 0.0, 1.0), "pitch must be a whole number"),
        (PREFIX + "/reply_port", "i", (70000,), "port must be in 0..65535"),
        (GENERATE, "h", (2**31,), "id must be in"),
    ],
)
def test_out_of_range_values_are_refused(path, tags, values, reason) -> None:
    with pytest.raises(ProtocolError, match=reason):
        parse(path, tags, *values)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("position", [0, 2])
def test_nan_and_inf_are_refused(bad: float, position: int) -> None:
    values = [60.0, 100.0, 0.0, 1.0]
    values[position] = bad
    with pytest.raises(ProtocolError, match="finite"):
        parse(ADD, "ffff", *values)
    with pytest.raises(ProtocolError, match="finite"):
        parse(PREFIX + "/param/temperature", "f", bad)


@pytest.mark.parametrize(
    ("path", "tags", "values", "reason"),
    [
        (NOTES, "iif", (60, 100, 0.0), "groups of 4"),
        (NOTES, "iiffi", (60, 100, 0.0, 1.0, 62), "groups of 4"),
        (ADD, "iif", (60, 100, 0.0), "needs pitch velocity start duration"),
        (ADD, "iiffi", (60, 100, 0.0, 1.0, 5), "at most 4"),
        (PREFIX + "/ping", "i", (1,), "at most 0"),
        (PREFIX + "/seed/midi", "", (), "needs path"),
        (GENERATE, "is", (1, "temperature"), "groups of 2"),
        (GENERATE, "s", ("temperature",), "groups of 2"),
        (PREFIX + "/param/temperature", "", (), "takes one value"),
        (PREFIX + "/param/temperature", "ff", (1.0, 2.0), "takes one value"),
    ],
)
def test_wrong_argument_counts_are_refused(path, tags, values, reason) -> None:
    with pytest.raises(ProtocolError, match=reason):
        parse(path, tags, *values)


def test_tags_and_values_must_match_in_number() -> None:
    with pytest.raises(ProtocolError, match="type tag"):
        parse(ADD, "", 60, 100, 0.0, 1.0)


def test_generate_takes_an_optional_id_then_name_value_pairs() -> None:
    assert parse(GENERATE, "") == []
    assert parse(GENERATE, "i", 17) == [17]
    assert parse(GENERATE, "f", 17.0) == [17]  # Pd
    assert parse(GENERATE, "isf", 17, "temperature", 0.5) == [17, "temperature", 0.5]
    assert parse(GENERATE, "isfss", 1, "temperature", 0.9, "scale", "major") == [
        1,
        "temperature",
        0.9,
        "scale",
        "major",
    ]
    # without an id: the first value is a name, not a malformed id
    assert parse(GENERATE, "sf", "temperature", 0.5) == ["temperature", 0.5]
    assert parse(GENERATE, "sfss", "length", 4.0, "key", "A") == ["length", 4.0, "key", "A"]
    with pytest.raises(ProtocolError, match="whole number"):
        parse(GENERATE, "f", 17.5)


@pytest.mark.parametrize(
    ("name", "tags", "value", "expected"),
    [
        ("temperature", "f", 0.5, 0.5),
        ("temperature", "i", 2, 2.0),
        ("temperature", "d", 0.25, 0.25),
        ("top_k", "f", 10.0, 10),  # Pd
        ("top_k", "h", 10, 10),
        ("variations", "i", 4, 4),
        ("key", "s", "A", 9),
        ("key", "s", "Bb", 10),
        ("key", "f", 2.0, 2),
        ("key", "i", 62, 2),  # any MIDI pitch names its pitch class
        ("scale", "s", "Minor", "minor"),
        ("scale", "s", "major pentatonic", "major_pentatonic"),
        ("step", "f", 0.25, 0.25),
    ],
)
def test_param_addresses_coerce(name, tags, value, expected) -> None:
    result = parse(f"{PREFIX}/param/{name}", tags, value)
    assert result == [expected]
    assert type(result[0]) is type(expected)


@pytest.mark.parametrize(
    ("name", "tags", "value", "reason"),
    [
        ("temperature", "s", "hot", "must be a number"),
        ("temperature", "f", 9.0, "temperature must be in"),
        ("temperature", "f", 0.0, "temperature must be in"),
        ("top_k", "f", 10.5, "whole number"),
        ("top_k", "i", 5000, "top_k must be in"),
        ("variations", "i", 0, "variations must be in"),
        ("seed", "h", 2**40, "seed must be in"),
        ("low", "i", 128, "low must be in"),
        ("velocity", "T", True, "must be a number"),
        ("key", "s", "H", "unknown key"),
        ("key", "f", 2.5, "whole number"),
        ("key", "T", True, "must be a number or a string"),
        ("key", "b", b"A", "must be a number or a string"),
        ("scale", "s", "klingon", "unknown scale"),
        ("scale", "i", 3, "must be a string"),
        ("scale", "b", b"major", "must be a string"),
    ],
)
def test_param_addresses_refuse(name, tags, value, reason) -> None:
    with pytest.raises(ProtocolError, match=reason):
        parse(f"{PREFIX}/param/{name}", tags, value)


# --- documentation -----------------------------------------------------------------------------
def test_the_readme_table_is_current() -> None:
    readme = (REPO / "README.md").read_text()
    between = readme.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
    assert between.strip() == markdown_table(), "run: python -m osc_composer.server.protocol --update-readme"
    assert with_table(readme) == readme


def test_the_markdown_table_has_a_row_per_address() -> None:
    rows = markdown_table().splitlines()[2:]
    assert len(rows) == len(ADDRESSES)
    for row, address in zip(rows, ADDRESSES, strict=True):
        assert row.startswith(f"| `{address.path}` | {address.direction} | `{address.signature or '-'}` |")


def test_with_table_needs_the_markers() -> None:
    with pytest.raises(ValueError, match="markers"):
        with_table("# no table here\n")


# --- /composer/describe, from a server in this process (fake engine: no TensorFlow) -------------
class Describer:
    def __init__(self, max_datagram: int) -> None:
        self.replies = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.replies.bind(("127.0.0.1", 0))
        self.replies.settimeout(30)
        engine = SimpleNamespace(name="fake", vocab=SimpleNamespace(size=354))
        config = ServerConfig(port=0, reply_port=self.replies.getsockname()[1], max_datagram=max_datagram)
        self.server = ComposerServer(config, engine)  # type: ignore[arg-type]
        self.server.start()
        self.sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def describe(self) -> tuple[list[list[object]], int, list[int]]:
        self.sender.sendto(
            OscMessageBuilder(PREFIX + "/describe").build().dgram, ("127.0.0.1", self.server.port)
        )
        listing: list[list[object]] = []
        sizes: list[int] = []
        while True:
            data, _ = self.replies.recvfrom(65535)
            sizes.append(len(data))
            for timed in OscPacket(data).messages:
                message = timed.message
                if message.address == PREFIX + "/describe/end":
                    return listing, message.params[0], sizes
                assert message.address == PREFIX + "/address"
                listing.append(list(message.params))

    def close(self) -> None:
        self.server.stop()
        self.replies.close()
        self.sender.close()


@pytest.fixture
def describer(request) -> Iterator[Describer]:
    running = Describer(request.param)
    yield running
    running.close()


@pytest.mark.parametrize("describer", [1452], indirect=True)
def test_describe_lists_exactly_the_table(describer: Describer) -> None:
    listing, count, _ = describer.describe()
    assert count == len(ADDRESSES)
    assert listing == [[a.path, a.direction, a.signature, a.arg_names, a.doc] for a in ADDRESSES]


@pytest.mark.parametrize("describer", [256], indirect=True)
def test_describe_fits_small_datagrams(describer: Describer) -> None:
    listing, count, sizes = describer.describe()
    assert all(size <= 256 for size in sizes), sizes
    assert count == len(ADDRESSES)
    # every address is listed; only a doc too long for one datagram is shortened
    assert [row[:4] for row in listing] == [
        [a.path, a.direction, a.signature, a.arg_names] for a in ADDRESSES
    ]
    for row, address in zip(listing, ADDRESSES, strict=True):
        assert address.doc.startswith(row[4])
    assert any(row[4] != a.doc for row, a in zip(listing, ADDRESSES, strict=True))
    assert re.search(
        r"scale constraint", listing[[a.path for a in ADDRESSES].index(PREFIX + "/param/scale")][4]
    )
