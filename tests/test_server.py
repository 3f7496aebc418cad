"""The real server process, driven over real UDP sockets by a python-osc client in another process.

The server is ``python -m osc_composer.cli serve`` (fixture ``server`` in conftest.py); the
client is ``tests/osc_client.py`` in its own process; replies are read here from a socket
bound to the server's reply port. Timeouts are generous and nothing asserts on speed.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import RunningServer, free_udp_port, start_server, stop_server
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket
from pythonosc.parsing import osc_types

from osc_composer import __version__
from osc_composer.engine.params import PARAM_SPECS
from osc_composer.music.midi import write_midi
from osc_composer.music.notes import Note
from osc_composer.music.theory import SCALES

HELPER = Path(__file__).resolve().parent / "osc_client.py"
P = "/composer"
TIMEOUT = 90.0  # seconds; the machine is shared, so only a hang should ever hit this
ids = itertools.count(1000)


# --- the client process ------------------------------------------------------------------------
def msg(address: str, *args: Any, types: str | None = None) -> dict[str, Any]:
    """A message for the client process; types default to i/f/s from the Python values."""
    if types is None:
        types = "".join("s" if isinstance(a, str) else "f" if isinstance(a, float) else "i" for a in args)
    assert len(types) == len(args)
    return {"address": address, "args": [[t, a] for t, a in zip(types, args, strict=True)]}


def raw(data: bytes) -> dict[str, Any]:
    return {"hex": data.hex()}


class ClientProcess:
    """``tests/osc_client.py`` in its own process: one UDP socket, one source port."""

    def __init__(self, server_port: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HELPER), "127.0.0.1", str(server_port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.source_port = int(self._read_line(TIMEOUT))

    def _read_line(self, timeout: float) -> str:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            raise AssertionError(f"client process did not answer (exit code {self.process.poll()})")
        return line

    def _command(self, command: dict[str, Any], timeout: float = TIMEOUT) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return json.loads(self._read_line(timeout + 10))

    def send(self, *packets: dict[str, Any]) -> None:
        assert self._command({"send": list(packets)}) == {"sent": len(packets)}

    def receive(self, count: int, timeout: float = TIMEOUT) -> list[list[Any]]:
        """Messages that came back to the client's own socket (for /composer/reply_port 0)."""
        return self._command({"recv": timeout, "count": count}, timeout)["received"]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- replies -----------------------------------------------------------------------------------
@dataclass
class Reply:
    address: str
    args: list[Any]
    tags: str
    datagram: int  # which datagram it came in (counted per Replies)
    size: int  # that datagram's size in bytes


def _tags(dgram: bytes) -> str:
    _, offset = osc_types.get_string(dgram, 0)
    return osc_types.get_string(dgram, offset)[0][1:] if offset < len(dgram) else ""


class Replies:
    """A UDP socket on a reply port; replies parsed with python-osc (not the server's code)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", port))
        self.port = port
        self.count = 0

    def _receive(self, timeout: float) -> list[Reply]:
        self.sock.settimeout(timeout)
        data, _ = self.sock.recvfrom(65535)
        self.count += 1
        return [
            Reply(t.message.address, list(t.message.params), _tags(t.message.dgram), self.count, len(data))
            for t in OscPacket(data).messages
        ]

    def drain(self) -> list[Reply]:
        """Whatever is still arriving from earlier tests."""
        drained = []
        while True:
            try:
                drained += self._receive(0.1)
            except TimeoutError:
                return drained

    def wait(self, done: Callable[[list[Reply]], bool], timeout: float = TIMEOUT) -> list[Reply]:
        got: list[Reply] = []
        deadline = time.monotonic() + timeout
        while not done(got):
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                got += self._receive(remaining)
            except TimeoutError:
                raise AssertionError(f"no such reply within {timeout:.0f} s; got {got}") from None
        return got

    def close(self) -> None:
        self.sock.close()


def has(address: str, *args: Any, count: int = 1) -> Callable[[list[Reply]], bool]:
    """Done when ``count`` replies to ``address`` whose arguments start with ``args`` came."""

    def done(got: list[Reply]) -> bool:
        return sum(1 for r in got if r.address == P + address and _starts(r.args, args)) >= count

    return done


def _starts(values: list[Any], prefix: tuple[Any, ...]) -> bool:
    return len(values) >= len(prefix) and all(
        math.isclose(v, p, rel_tol=1e-6) if isinstance(p, float) else v == p
        for v, p in zip(values, prefix, strict=False)
    )


def error_containing(text: str, request_id: int | None = None) -> Callable[[list[Reply]], bool]:
    def done(got: list[Reply]) -> bool:
        return any(
            r.address == P + "/error"
            and text in r.args[1]
            and (request_id is None or r.args[0] == request_id)
            for r in got
        )

    return done


def only(got: list[Reply], address: str) -> list[Reply]:
    return [r for r in got if r.address == P + address]


@dataclass
class Result:
    request_id: int
    variations: int
    length: float
    notes: list[list[Reply]] = field(default_factory=list)  # per variation
    ends: list[Reply] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)  # everything for this id, in arrival order
    received: list[Reply] = field(default_factory=list)  # everything that came meanwhile


def result_of(replies: Replies, request_id: int, timeout: float = TIMEOUT) -> Result:
    """Wait for one whole result: begin, the notes, an end per variation. An error fails the test."""

    def done(got: list[Reply]) -> bool:
        mine = [r for r in got if r.args[:1] == [request_id]]
        errors = only(mine, "/error")
        if errors:
            raise AssertionError(f"request {request_id} refused: {errors[0].args[1]}")
        begins = only(mine, "/begin")
        return bool(begins) and len(only(mine, "/end")) >= begins[0].args[1]

    got = replies.wait(done, timeout)
    mine = [
        r for r in got if r.args[:1] == [request_id] and r.address in (P + "/begin", P + "/note", P + "/end")
    ]
    begin = only(mine, "/begin")[0]
    result = Result(request_id, begin.args[1], begin.args[2], replies=mine, received=got)
    result.notes = [[n for n in only(mine, "/note") if n.args[1] == v] for v in range(result.variations)]
    result.ends = only(mine, "/end")
    return result


# --- fixtures ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def replies(server: RunningServer) -> Iterator[Replies]:
    receiver = Replies(server.reply_port)
    yield receiver
    receiver.close()


@pytest.fixture(scope="module")
def client(server: RunningServer) -> Iterator[ClientProcess]:
    process = ClientProcess(server.port)
    yield process
    process.close()


@pytest.fixture
def fresh(client: ClientProcess, replies: Replies) -> ClientProcess:
    """The shared client with its session reset (seed and parameters back to defaults)."""
    replies.drain()
    client.send(msg(P + "/reset"))
    replies.wait(has("/seed/size", 0, 0.0))
    return client


def ping(client: ClientProcess, replies: Replies) -> None:
    """The server still answers (and has handled everything sent before)."""
    client.send(msg(P + "/ping"))
    replies.wait(has("/pong", __version__))


SEED = msg(P + "/seed/pitches", 60, 62, 64, 65, 67, 65, 64, 62)


# --- basics ------------------------------------------------------------------------------------
def test_ping_pong(client: ClientProcess, replies: Replies) -> None:
    replies.drain()
    client.send(msg(P + "/ping"))
    [pong] = only(replies.wait(has("/pong")), "/pong")
    assert pong.args == [__version__]
    assert pong.tags == "s"


def test_seed_notes_answers_its_size(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(msg(P + "/seed/notes", 60, 100, 0.0, 1.0, 64, 90, 1.0, 0.5, 67, 80, 1.0, 2.0))
    [size] = only(replies.wait(has("/seed/size", 3)), "/seed/size")
    assert size.args == [3, 3.0]
    assert size.tags == "if"


def test_seed_notes_from_pd_as_floats(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(msg(P + "/seed/notes", 60.0, 100.0, 0.0, 1.0, 62.0, 100.0, 1.0, 1.0))
    replies.wait(has("/seed/size", 2, 2.0))


def test_seed_pitches_use_the_step_and_velocity_params(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(
        msg(P + "/param/step", 0.25),
        msg(P + "/param/velocity", 80),
        msg(P + "/seed/pitches", 60, 62, 64, 65),
        msg(P + "/params"),
    )
    got = replies.wait(lambda got: has("/seed/size", 4)(got) and has("/param/velocity")(got))
    assert only(got, "/seed/size")[0].args == [4, 1.0]  # 4 notes, one every 0.25 beats
    assert only(got, "/param/step")[0].args == [0.25]
    assert only(got, "/param/velocity")[0].args == [80]
    fresh.send(msg(P + "/param/step", 1.0), msg(P + "/seed/pitches", 60, 62, 64))
    replies.wait(has("/seed/size", 3, 3.0))


def test_seed_add_and_clear(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(msg(P + "/seed/pitches", 60, 62))
    replies.wait(has("/seed/size", 2, 1.0))
    fresh.send(msg(P + "/seed/add", 72, 100, 2.0, 1.5))
    replies.wait(has("/seed/size", 3, 3.5))
    fresh.send(msg(P + "/seed/add", 48, 60, 0.0, 0.5))  # earlier than the rest: size stays 3.5 beats
    replies.wait(has("/seed/size", 4, 3.5))
    fresh.send(msg(P + "/seed/clear"))
    replies.wait(has("/seed/size", 0, 0.0))
    fresh.send(msg(P + "/seed/add", 60, 100, 0.0, 1.0))
    replies.wait(has("/seed/size", 1, 1.0))


def test_params_are_set_and_read_back(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(
        msg(P + "/param/temperature", 0.5),
        msg(P + "/param/top_k", 10.0),  # Pd sends ints as floats
        msg(P + "/param/top_p", 0.9),
        msg(P + "/param/length", 4),  # an int for a float
        msg(P + "/param/variations", 3),
        msg(P + "/param/seed", 1234),
        msg(P + "/param/key", "A"),
        msg(P + "/param/scale", "Minor"),
        msg(P + "/param/low", 40),
        msg(P + "/param/high", 90),
        msg(P + "/param/polyphony", 2),
        msg(P + "/params"),
    )
    got = replies.wait(has("/param/velocity"))
    values = {
        r.address.rsplit("/", 1)[1]: (r.args, r.tags) for r in got if r.address.startswith(P + "/param/")
    }
    assert set(values) == {s.name for s in PARAM_SPECS}
    assert values["temperature"] == ([0.5], "f")
    assert values["top_k"] == ([10], "i")
    assert math.isclose(values["top_p"][0][0], 0.9, rel_tol=1e-6) and values["top_p"][1] == "f"
    assert values["length"] == ([4.0], "f")
    assert values["variations"] == ([3], "i")
    assert values["seed"] == ([1234], "i")
    assert values["key"] == ([9], "i")
    assert values["scale"] == (["minor"], "s")
    assert values["low"] == ([40], "i")
    assert values["high"] == ([90], "i")
    assert values["polyphony"] == ([2], "i")
    assert values["step"] == ([0.5], "f")  # untouched: the default
    assert values["velocity"] == ([100], "i")
    # /composer/reset brings the defaults back
    fresh.send(msg(P + "/reset"), msg(P + "/params"))
    got = replies.wait(has("/param/velocity"))
    assert only(got, "/param/temperature")[0].args == [1.0]
    assert only(got, "/param/scale")[0].args == ["chromatic"]


# --- generating --------------------------------------------------------------------------------
def test_generate_with_an_explicit_id(fresh: ClientProcess, replies: Replies) -> None:
    request_id = next(ids)
    fresh.send(SEED, msg(P + "/generate", request_id))
    result = result_of(replies, request_id)
    assert (result.variations, result.length) == (1, 8.0)  # the defaults
    assert result.ends[0].args == [request_id, 0, len(result.notes[0])]


def test_generate_with_an_id_from_pd_as_a_float(fresh: ClientProcess, replies: Replies) -> None:
    request_id = next(ids)
    fresh.send(SEED, msg(P + "/generate", float(request_id), "length", 2.0))
    assert result_of(replies, request_id).length == 2.0


def test_generate_without_an_id(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(SEED, msg(P + "/generate"))
    got = replies.wait(has("/end"))
    [begin] = only(got, "/begin")
    request_id = begin.args[0]
    assert isinstance(request_id, int)
    assert {r.args[0] for r in got if r.address in (P + "/note", P + "/end")} <= {request_id}
    # ids the server hands out keep counting up
    fresh.send(msg(P + "/generate"))
    [begin] = only(replies.wait(has("/end")), "/begin")
    assert begin.args[0] == request_id + 1


def test_generate_without_an_id_but_with_overrides(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(SEED, msg(P + "/generate", "length", 2.0, "variations", 2))
    got = replies.wait(has("/end", count=2))
    assert not only(got, "/error"), only(got, "/error")
    [begin] = only(got, "/begin")
    assert begin.args[1:] == [2, 2.0]


def test_overrides_hold_for_one_request_only(fresh: ClientProcess, replies: Replies) -> None:
    first, second = next(ids), next(ids)
    fresh.send(
        SEED,
        msg(P + "/param/length", 4.0),
        msg(P + "/generate", first, "length", 2.0, "variations", 2, "temperature", 0.7, "seed", 5),
    )
    result = result_of(replies, first)
    assert (result.variations, result.length) == (2, 2.0)
    fresh.send(msg(P + "/generate", second))
    result = result_of(replies, second)
    assert (result.variations, result.length) == (1, 4.0)
    fresh.send(msg(P + "/params"))
    got = replies.wait(has("/param/velocity"))
    assert only(got, "/param/temperature")[0].args == [1.0]
    assert only(got, "/param/variations")[0].args == [1]


def test_a_fixed_random_seed_repeats_the_result(fresh: ClientProcess, replies: Replies) -> None:
    first, second = next(ids), next(ids)
    fresh.send(SEED, msg(P + "/param/seed", 99), msg(P + "/generate", first, "length", 4.0))
    a = result_of(replies, first)
    fresh.send(msg(P + "/generate", second, "length", 4.0))
    b = result_of(replies, second)
    assert [n.args[1:] for n in a.notes[0]] == [n.args[1:] for n in b.notes[0]]


def test_variations_come_as_begin_notes_and_an_end_each(fresh: ClientProcess, replies: Replies) -> None:
    request_id = next(ids)
    fresh.send(SEED, msg(P + "/generate", request_id, "variations", 3, "length", 4.0))
    result = result_of(replies, request_id)
    assert result.variations == 3 and result.length == 4.0
    begin = result.replies[0]
    assert begin.address == P + "/begin" and begin.tags == "iif"
    # begin, then per variation its notes and its end, in that order
    expected_order = []
    for variation in range(3):
        expected_order += [(P + "/note", variation)] * len(result.notes[variation]) + [
            (P + "/end", variation)
        ]
    assert [(r.address, r.args[1]) for r in result.replies[1:]] == expected_order
    for variation in range(3):
        assert result.ends[variation].args == [request_id, variation, len(result.notes[variation])]
        assert result.ends[variation].tags == "iii"
        for note in result.notes[variation]:
            assert note.tags == "iiiiff"
            assert [type(v) for v in note.args] == [int, int, int, int, float, float]
    assert sum(len(n) for n in result.notes) > 0


@pytest.mark.parametrize(
    ("key", "scale", "low", "high", "length"),
    [("D", "dorian", 50, 74, 6.0), (7, "major_pentatonic", 30, 100, 3.5), ("Bb", "blues", 60, 72, 8.0)],
)
def test_notes_keep_to_the_length_scale_and_range(
    fresh: ClientProcess, replies: Replies, key: Any, scale: str, low: int, high: int, length: float
) -> None:
    request_id = next(ids)
    fresh.send(
        SEED,
        msg(P + "/param/scale", scale),
        msg(P + "/param/low", low),
        msg(P + "/param/high", high),
        msg(P + "/generate", request_id, "key", key, "length", length, "variations", 4, "temperature", 2.0),
    )
    result = result_of(replies, request_id)
    tonic = {"D": 2, "Bb": 10}.get(key, key)
    allowed = {(tonic + step) % 12 for step in SCALES[scale]}
    notes = [n.args for variation in result.notes for n in variation]
    assert notes, "a random-weight model at temperature 2 should play something"
    for _, _, pitch, velocity, start, duration in notes:
        assert pitch % 12 in allowed, (pitch, scale, key)
        assert low <= pitch <= high
        assert 1 <= velocity <= 127
        assert start >= 0 and duration > 0
        assert start + duration <= length + 1e-4


def test_polyphony_is_respected(fresh: ClientProcess, replies: Replies) -> None:
    request_id = next(ids)
    fresh.send(SEED, msg(P + "/generate", request_id, "polyphony", 2, "variations", 4, "temperature", 2.0))
    result = result_of(replies, request_id)
    for variation in result.notes:
        spans = [(round(n.args[4] * 12), round((n.args[4] + n.args[5]) * 12)) for n in variation]
        for start, _ in spans:
            assert sum(1 for s, e in spans if s <= start < e) <= 2


def test_newest_request_wins(fresh: ClientProcess, replies: Replies) -> None:
    first = next(ids)
    count = 30
    request_ids = [first + i for i in range(count)]
    for _ in range(count - 1):
        next(ids)
    fresh.send(SEED, msg(P + "/param/length", 64.0), msg(P + "/param/variations", 16))
    fresh.send(*(msg(P + "/generate", i) for i in request_ids))  # back to back, one datagram each
    last = result_of(replies, request_ids[-1])
    assert last.variations == 16
    # the worker answers in order, so everything answered has arrived by now
    answered = {r.args[0] for r in last.received + replies.drain() if r.address == P + "/begin"}
    assert request_ids[-1] in answered
    assert answered <= set(request_ids)
    assert len(answered) < count, "every request was answered: none was superseded"


# --- sessions ----------------------------------------------------------------------------------
def test_each_client_has_its_own_seed_and_params(
    server: RunningServer, fresh: ClientProcess, replies: Replies
) -> None:
    other_port = free_udp_port()
    other_replies = Replies(other_port)
    other = ClientProcess(server.port)
    try:
        other.send(msg(P + "/reply_port", other_port), msg(P + "/reset"))
        other_replies.wait(has("/seed/size", 0))
        fresh.send(msg(P + "/seed/pitches", 60, 62, 64), msg(P + "/param/temperature", 0.5))
        other.send(msg(P + "/seed/pitches", 70, 72, 74, 76, 77), msg(P + "/param/temperature", 2.0))
        replies.wait(has("/seed/size", 3))
        other_replies.wait(has("/seed/size", 5))
        fresh.send(msg(P + "/seed/add", 50, 100, 0.0, 1.0), msg(P + "/params"))
        other.send(msg(P + "/seed/add", 50, 100, 0.0, 1.0), msg(P + "/params"))
        mine = replies.wait(lambda got: has("/seed/size", 4)(got) and has("/param/velocity")(got))
        theirs = other_replies.wait(lambda got: has("/seed/size", 6)(got) and has("/param/velocity")(got))
        assert only(mine, "/param/temperature")[0].args == [0.5]
        assert only(theirs, "/param/temperature")[0].args == [2.0]
        # nothing of the other client's came to this reply port
        assert not has("/seed/size", 6)(mine) and not has("/seed/size", 5)(mine)
        # and each gets its own results
        request_id = next(ids)
        other.send(msg(P + "/generate", request_id, "length", 2.0))
        assert result_of(other_replies, request_id).length == 2.0
    finally:
        other.close()
        other_replies.close()


def test_reply_port_zero_replies_to_the_source_port(server: RunningServer) -> None:
    client = ClientProcess(server.port)
    try:
        client.send(msg(P + "/reply_port", 0), msg(P + "/ping"))
        assert client.receive(1) == [[P + "/pong", [__version__]]]
        # its session is its own: a seed set now is answered there too
        client.send(msg(P + "/seed/pitches", 60, 64))
        assert client.receive(1) == [[P + "/seed/size", [2, 1.0]]]
    finally:
        client.close()


# --- errors ------------------------------------------------------------------------------------
def _notes_packet() -> bytes:
    builder = OscMessageBuilder(P + "/seed/notes")
    for tag, value in (("i", 60), ("i", 100), ("f", 0.5), ("f", 1.0)):
        builder.add_arg(value, tag)
    return builder.build().dgram


def _raw_message(address: str, tags: str, payload: bytes) -> bytes:
    def padded(text: str) -> bytes:
        data = text.encode() + b"\x00"
        return data + b"\x00" * (-len(data) % 4)

    return padded(address) + padded("," + tags) + payload


ERROR_CASES = {
    "unknown address": ([msg(P + "/nope")], "unknown address /composer/nope", -1),
    "outside the prefix": ([msg("/nope", 1)], "addresses start with /composer/", -1),
    "param of the wrong type": ([msg(P + "/param/temperature", "hot")], "must be a number", -1),
    "seed of the wrong type": ([msg(P + "/seed/add", "C4", 100, 0.0, 1.0)], "pitch must be a number", -1),
    "a blob for a scale": ([msg(P + "/param/scale", "6d616a6f72", types="b")], "must be a string", -1),
    "pitch out of range": ([msg(P + "/seed/notes", 200, 100, 0.0, 1.0)], "pitch must be in 0..127", -1),
    "param out of range": ([msg(P + "/param/variations", 99)], "variations must be in 1", -1),
    "low above high": ([msg(P + "/param/high", 50), msg(P + "/param/low", 60)], "must not be above high", -1),
    "nan": ([msg(P + "/param/temperature", math.nan)], "finite", -1),
    "inf": ([msg(P + "/seed/add", 60, 100, math.inf, 1.0)], "finite", -1),
    "infinite key": ([msg(P + "/param/key", math.inf)], "key must be finite", -1),
    "infinite key override": (
        [SEED, msg(P + "/generate", 4246, "key", -math.inf)],
        "key must be finite",
        4246,
    ),
    "seed group count": ([msg(P + "/seed/notes", 60, 100, 0.0)], "groups of 4", -1),
    "empty seed": ([msg(P + "/generate", 4242)], "the seed is empty", 4242),
    "unknown override": ([SEED, msg(P + "/generate", 4243, "bogus", 1)], "unknown parameter 'bogus'", 4243),
    "override out of range (Pd id)": (
        [SEED, msg(P + "/generate", 4244.0, "temperature", 99.0)],
        "temperature must be in",
        4244,
    ),
    "override pairs": ([SEED, msg(P + "/generate", 4245, "length")], "groups of 2", 4245),
    "unknown style": (  # the engine's own check, answered at once (the small model knows chorale, dance)
        [SEED, msg(P + "/generate", 4247, "style", "polka")],
        "style 'polka' is not one this model knows (auto, chorale, dance)",
        4247,
    ),
    "random bytes": ([raw(b"\x00" + bytes(range(1, 64)))], "malformed packet", -1),
    "odd length": ([raw(b"/composer/ping\x00")], "malformed packet", -1),
    "truncated": ([raw(_notes_packet()[:-4])], "cut off", -1),
    "type S": (
        [raw(_raw_message(P + "/param/scale", "S", b"major\x00\x00\x00"))],
        "unsupported OSC type tag",
        -1,
    ),
    "type c": (
        [raw(_raw_message(P + "/param/key", "c", b"\x00\x00\x00A"))],
        "unsupported OSC type tag(s) 'c'",
        -1,
    ),
    "type m": ([msg(P + "/seed/add", [0, 0x90, 60, 100], types="m")], "unsupported OSC type tag(s) 'm'", -1),
    "bad bundle size": (
        [
            raw(
                b"#bundle\x00"
                + b"\x00" * 7
                + b"\x01"
                + b"\x00\x00\x01\x00"
                + b"/composer/ping\x00\x00,\x00\x00\x00"
            )
        ],
        "bundle element size 256",
        -1,
    ),
}


@pytest.mark.parametrize("case", list(ERROR_CASES), ids=list(ERROR_CASES))
def test_errors_are_answered_and_the_server_keeps_serving(
    case: str, fresh: ClientProcess, replies: Replies
) -> None:
    packets, text, request_id = ERROR_CASES[case]
    fresh.send(*packets)
    got = replies.wait(error_containing(text))
    [error] = [r for r in only(got, "/error") if text in r.args[1]]
    assert error.tags == "is"
    assert error.args[0] == request_id
    ping(fresh, replies)


def test_a_refused_message_changes_nothing(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(msg(P + "/seed/pitches", 60, 62, 64), msg(P + "/param/temperature", 0.5))
    replies.wait(has("/seed/size", 3))
    fresh.send(
        msg(P + "/seed/notes", 60, 100, 0.0, 1.0, 61, 100, 1.0, -1.0),  # one bad note spoils the message
        msg(P + "/param/temperature", 50.0),
    )
    replies.wait(error_containing("temperature must be in"))
    fresh.send(msg(P + "/seed/add", 70, 100, 0.0, 1.0), msg(P + "/params"))
    got = replies.wait(lambda got: has("/seed/size", 4)(got) and has("/param/velocity")(got))
    assert only(got, "/param/temperature")[0].args == [0.5]


def test_a_bundle_of_messages_is_handled_in_order(fresh: ClientProcess, replies: Replies) -> None:
    request_id = next(ids)
    fresh.send(
        {"bundle": [SEED, msg(P + "/param/length", 2.0), {"bundle": [msg(P + "/generate", request_id)]}]}
    )
    assert result_of(replies, request_id).length == 2.0


def test_seed_midi_needs_a_midi_folder(fresh: ClientProcess, replies: Replies) -> None:
    fresh.send(msg(P + "/seed/midi", "phrase.mid"))
    replies.wait(error_containing("no MIDI folder configured"))


# --- a second server: small datagrams, a models folder, a MIDI folder --------------------------
def _broken_copy(source: Path, target: Path) -> None:
    """The metadata is fine (so it is listed), the weights are garbage (so Keras fails)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as broken:
        for name in original.namelist():
            data = original.read(name)
            broken.writestr(name, b"not an HDF5 file" if name.endswith(".h5") else data)


@pytest.fixture(scope="module")
def folders(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("configured")
    models = root / "models"
    (models / "small").mkdir(parents=True)
    model_file = small_model_path / "model.keras"
    shutil.copy(model_file, models / "small" / "model.keras")
    shutil.copy(model_file, models / "other.keras")
    _broken_copy(model_file, models / "broken.keras")
    midi = root / "midi"
    (midi / "sub").mkdir(parents=True)
    phrase = [Note(60 + 2 * i, 90, 0.5 * i, 0.5) for i in range(5)]
    write_midi(midi / "phrase.mid", phrase)
    write_midi(midi / "sub" / "inner.mid", phrase[:2])
    (midi / "garbage.mid").write_bytes(b"this is not a MIDI file")
    (midi / "enormous.mid").write_bytes(b"MThd" + bytes(600 * 1024))
    outside = root / "outside"
    outside.mkdir()
    write_midi(outside / "secret.mid", phrase[:3])
    (midi / "escape.mid").symlink_to(outside / "secret.mid")
    (midi / "link").symlink_to(outside, target_is_directory=True)
    (midi / "inside.mid").symlink_to(midi / "phrase.mid")  # a link that stays inside is fine
    return {"models": models, "midi": midi, "outside": outside, "root": root}


@pytest.fixture(scope="module")
def configured(small_model_path: Path, folders: dict[str, Path]) -> Iterator[tuple[ClientProcess, Replies]]:
    running = start_server(
        small_model_path,
        folders["root"] / "server.log",
        "--max-datagram", "256",
        "--max-length", "32",
        "--max-variations", "8",
        "--models-dir", str(folders["models"]),
        "--midi-dir", str(folders["midi"]),
    )  # fmt: skip
    receiver = Replies(running.reply_port)
    client = ClientProcess(running.port)
    try:
        yield client, receiver
    finally:
        client.close()
        receiver.close()
        stop_server(running)


def test_small_datagrams_split_the_result_and_lose_nothing(configured: tuple[ClientProcess, Replies]) -> None:
    client, replies = configured
    replies.drain()
    request_id = next(ids)
    client.send(SEED, msg(P + "/generate", request_id, "variations", 4, "length", 16.0, "temperature", 2.0))
    result = result_of(replies, request_id)
    assert result.variations == 4
    sizes = {r.datagram: r.size for r in result.replies}
    assert all(size <= 256 for size in sizes.values()), sizes
    assert len(sizes) > 1
    for variation in range(4):
        assert result.ends[variation].args == [request_id, variation, len(result.notes[variation])]
    assert sum(len(n) for n in result.notes) > 4  # more than one 256-byte bundle holds


def test_small_datagrams_also_hold_long_errors_and_the_listing(
    configured: tuple[ClientProcess, Replies],
) -> None:
    client, replies = configured
    replies.drain()
    client.send(msg(P + "/" + "x" * 400))
    got = replies.wait(error_containing("unknown address /composer/xxx"))
    assert all(r.size <= 256 for r in got)
    client.send(msg(P + "/describe"))
    got = replies.wait(has("/describe/end"))
    assert all(r.size <= 256 for r in got)
    assert len(only(got, "/address")) == only(got, "/describe/end")[0].args[0]


def _models(client: ClientProcess, replies: Replies) -> dict[str, int]:
    client.send(msg(P + "/models"))
    got = replies.wait(has("/model/available", count=3))
    return {r.args[0]: r.args[1] for r in only(got, "/model/available")}


def test_models_are_listed_and_switched(configured: tuple[ClientProcess, Replies]) -> None:
    client, replies = configured
    replies.drain()
    assert _models(client, replies) == {"small": 1, "other": 0, "broken": 0}
    client.send(msg(P + "/model", "other"))
    replies.wait(has("/model/loaded", "other"))
    assert _models(client, replies) == {"small": 0, "other": 1, "broken": 0}
    # a file that cannot be loaded: an error, and the current model stays
    client.send(msg(P + "/model", "broken"))
    got = replies.wait(error_containing("model 'broken' not loaded, keeping 'other'"))
    assert not only(got, "/model/loaded")
    assert _models(client, replies) == {"small": 0, "other": 1, "broken": 0}
    client.send(msg(P + "/model", "nonexistent"))
    replies.wait(error_containing("no model named 'nonexistent'"))
    request_id = next(ids)
    client.send(SEED, msg(P + "/generate", request_id, "length", 2.0))
    assert result_of(replies, request_id).length == 2.0


@pytest.mark.parametrize(
    ("name", "size"),
    [("phrase.mid", [5, 2.5]), ("sub/inner.mid", [2, 1.0]), ("inside.mid", [5, 2.5])],
)
def test_seed_midi_reads_from_the_midi_folder(
    configured: tuple[ClientProcess, Replies], name: str, size: list[Any]
) -> None:
    client, replies = configured
    replies.drain()
    client.send(msg(P + "/seed/midi", name))
    replies.wait(has("/seed/size", *size))


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../outside/secret.mid", "no absolute paths or '..'"),
        ("sub/../../outside/secret.mid", "no absolute paths or '..'"),
        ("ABSOLUTE", "no absolute paths or '..'"),
        ("escape.mid", "leads outside the MIDI folder"),
        ("link/secret.mid", "leads outside the MIDI folder"),
        ("missing.mid", "no such file"),
        ("sub", "no such file"),
        pytest.param("x" * 5000 + ".mid", "cannot be read", id="name-too-long"),
        ("", "give a file name"),
        ("garbage.mid", "garbage.mid"),
        ("enormous.mid", "up to 512 KB"),
    ],
)
def test_seed_midi_refuses_paths_leading_out(
    configured: tuple[ClientProcess, Replies], folders: dict[str, Path], name: str, reason: str
) -> None:
    client, replies = configured
    replies.drain()
    if name == "ABSOLUTE":
        name = str(folders["outside"] / "secret.mid")
    client.send(msg(P + "/seed/midi", name))
    got = replies.wait(has("/error"))
    [error] = only(got, "/error")
    assert error.args[0] == -1
    assert reason in error.args[1], error.args[1]
    assert not only(got, "/seed/size")
    ping(client, replies)


def test_configured_caps_refuse_bigger_requests(configured: tuple[ClientProcess, Replies]) -> None:
    client, replies = configured
    for name, value, cap in (("length", 33.0, "cap of 32"), ("variations", 9, "cap of 8")):
        replies.drain()
        request_id = next(ids)
        client.send(SEED, msg(P + "/generate", request_id, name, value))
        got = replies.wait(has("/error"))
        [error] = only(got, "/error")
        assert error.args[0] == request_id and cap in error.args[1], error.args
        assert not only(got, "/begin")
    request_id = next(ids)
    client.send(msg(P + "/generate", request_id, "length", 32.0, "variations", 8))
    assert result_of(replies, request_id).variations == 8


def test_a_port_in_use_is_a_clear_message(small_model_path: Path) -> None:
    taken = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    taken.bind(("127.0.0.1", 0))
    try:
        port = str(taken.getsockname()[1])
        command = [sys.executable, "-m", "osc_composer.cli", "serve", "--no-console", "--port", port]
        done = subprocess.run(
            [*command, "--model", str(small_model_path)], capture_output=True, text=True, timeout=120
        )
    finally:
        taken.close()
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr + done.stdout


# --- shutting down -----------------------------------------------------------------------------
def test_sigterm_stops_the_server_cleanly(small_model_path: Path, tmp_path: Path) -> None:
    running = start_server(small_model_path, tmp_path / "server.log")
    try:
        replies = Replies(running.reply_port)
        client = ClientProcess(running.port)
        try:
            client.send(SEED, msg(P + "/generate", 1))
            result_of(replies, 1)
        finally:
            client.close()
            replies.close()
        running.process.send_signal(signal.SIGTERM)
        assert running.process.wait(timeout=TIMEOUT) == 0, running.log()
        assert "stopped" in running.log()
        assert "Traceback" not in running.log()
    finally:
        stop_server(running)


def test_the_client_is_really_another_process(client: ClientProcess) -> None:
    assert client.process.pid != os.getpid()
