"""Live play (issue 7): call-and-response, tempo-synced playback, MIDI out, discovery.

The server runs as a real process (or, for the MIDI port, in this process with a stand-in
at mido's port boundary); the client is ``tests/osc_client.py`` in another process; replies
arrive on a real UDP socket. Timing is measured and printed, never held to a tight bound:
the machine is shared.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mido
import pytest
from conftest import RunningServer, free_udp_port, start_server, stop_server
from test_server import (
    ClientProcess,
    P,
    Replies,
    Reply,
    error_containing,
    has,
    msg,
    only,
    result_of,
)

from osc_composer.engine.loader import load_engine
from osc_composer.live.midi_out import MidiSink, open_midi_output
from osc_composer.live.playback import Clock, Playback, PlayEvent, Scheduler, events_from_notes
from osc_composer.live.settings import LIVE_SPECS, LiveBuffer
from osc_composer.music.notes import Note
from osc_composer.server import ComposerServer, ServerConfig
from osc_composer.server.protocol import ADDRESSES

SANITY_SECONDS = 0.5  # a played event this late means the scheduler is broken, not the machine busy


# --- fixtures ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def live_server(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A real server process with its default discovery (OSCQuery, Zeroconf) and --midi-out."""
    log_path = tmp_path_factory.mktemp("live") / "server.log"
    running = start_server(small_model_path, log_path, "--midi-out", "--zeroconf")
    yield running
    stop_server(running)


class TimedReplies(Replies):
    """Replies stamped with ``time.monotonic()`` on arrival (attribute ``at``)."""

    def _receive(self, timeout: float) -> list[Reply]:
        got = super()._receive(timeout)
        now = time.monotonic()
        for reply in got:
            reply.at = now  # type: ignore[attr-defined]
        return got


@pytest.fixture(scope="module")
def replies(live_server: RunningServer) -> Iterator[TimedReplies]:
    receiver = TimedReplies(live_server.reply_port)
    yield receiver
    receiver.close()


@pytest.fixture(scope="module")
def client(live_server: RunningServer) -> Iterator[ClientProcess]:
    process = ClientProcess(live_server.port)
    yield process
    process.close()


@pytest.fixture
def fresh(client: ClientProcess, replies: TimedReplies) -> ClientProcess:
    replies.drain()
    client.send(msg(P + "/panic"), msg(P + "/live/clear"), msg(P + "/reset"))
    replies.wait(has("/seed/size", 0, 0.0))
    return client


def stamped_send(client: ClientProcess, *packets: dict[str, Any]) -> list[float]:
    """Send and return the client process's monotonic time of each send."""
    answer = client._command({"send": list(packets), "stamp": True})
    assert answer["sent"] == len(packets)
    return answer["at"]


def play_until_end(replies: TimedReplies, request_id: int) -> tuple[Reply, list[Reply]]:
    """The /play/start and every note-on/off until /play/end for ``request_id``."""
    got = replies.wait(has("/play/end", request_id), timeout=60)
    start = next(r for r in only(got, "/play/start") if r.args[0] == request_id)
    played = [r for r in got if r.address in (P + "/play/noteon", P + "/play/noteoff")]
    return start, played


def live_notes(*pitches: int) -> list[dict[str, Any]]:
    packets = []
    for pitch in pitches:
        packets += [msg(P + "/live/note", pitch, 90), msg(P + "/live/note", pitch, 0)]
    return packets


# --- pure parts --------------------------------------------------------------------------------
def test_clock_converts_between_beats_and_time() -> None:
    clock = Clock(bpm=120, beat=4.0, at=100.0)
    assert clock.beat_at(101.0) == 6.0
    assert clock.time_of(8.0) == 102.0
    assert clock.next_beat(100.1) == 5.0
    assert clock.next_beat(100.5) == 5.0  # exactly on a beat: that beat


def test_events_turn_notes_off_before_on_at_the_same_beat() -> None:
    notes = [Note(60, 90, 0.0, 1.0), Note(60, 80, 1.0, 0.5), Note(64, 70, 2.0, 0.0)]
    events = events_from_notes(notes, start_beat=10.0)
    assert [(e.beat, e.pitch, e.is_on) for e in events] == [
        (10.0, 60, True),
        (11.0, 60, False),  # the repeated pitch is released before it sounds again
        (11.0, 60, True),
        (11.5, 60, False),
        (12.0, 64, True),
        (round(12.0 + 1 / 96, 6), 64, False),  # a zero-length note still ends after it starts
    ]


def test_live_buffer_keeps_the_last_listen_beats_and_is_bounded() -> None:
    buffer = LiveBuffer(max_notes=4)
    for i, pitch in enumerate((60, 62, 64, 65, 67)):
        buffer.note(pitch, 90, 10.0 + i)
        buffer.note(pitch, 0, 10.5 + i)
    assert len(buffer.notes) == 4  # the oldest was dropped
    buffer.note(72, 100, 14.75)  # still sounding when the seed is taken
    seed, origin = buffer.seed(now=15.0, listen=2.5)
    assert origin == 13.0  # a whole beat of the clock: the model sees the host's grid
    assert [(n.pitch, n.start_beats, n.duration_beats) for n in seed] == [
        (65, 0.0, 0.5),
        (67, 1.0, 0.5),
        (72, 1.75, 0.25),
    ]
    assert buffer.seed(now=15.0, listen=0.1) == ([], 0.0)


class RecordingSink:
    """Collects what a playback sends (the scheduler under test, not a transport)."""

    def __init__(self) -> None:
        self.events: list[PlayEvent] = []
        self.done = threading.Event()

    def send(self, events: list[PlayEvent]) -> None:
        self.events += events

    def panic(self) -> None:
        pass


def test_a_new_clock_retimes_what_is_still_to_play() -> None:
    scheduler = Scheduler()
    sink = RecordingSink()
    try:
        notes = [Note(60 + i, 90, float(i), 0.5) for i in range(4)]
        clock = Clock(bpm=60.0, beat=0.0, at=time.monotonic())  # one beat a second: 4 s in all
        playback = Playback(scheduler, sink, events_from_notes(notes, 0.0), clock, on_end=sink.done.set)
        time.sleep(0.2)
        assert [(e.pitch, e.is_on) for e in sink.events] == [(60, True)]
        playback.retime(Clock(bpm=6000.0, beat=clock.beat_at(time.monotonic())))  # much faster now
        assert sink.done.wait(2.0), "the rest was not played at the new tempo"
        assert [(e.pitch, e.is_on) for e in sink.events] == [
            (p, on) for p in range(60, 64) for on in (True, False)
        ]
    finally:
        scheduler.close()


def test_stopping_turns_off_only_what_sounds() -> None:
    scheduler = Scheduler()
    sink = RecordingSink()
    try:
        notes = [Note(60, 90, 0.0, 6.0), Note(64, 90, 0.0, 0.25), Note(67, 90, 3.0, 1.0)]
        clock = Clock(bpm=60.0, beat=0.0, at=time.monotonic() + 0.05)
        playback = Playback(scheduler, sink, events_from_notes(notes, 0.0), clock, on_end=sink.done.set)
        time.sleep(1.0)  # 60 and 64 started, 64 ended (with time to spare on a busy machine)
        playback.stop()
        assert sink.done.is_set() and playback.finished
        assert [(e.pitch, e.is_on) for e in sink.events] == [(60, True), (64, True), (64, False), (60, False)]
        time.sleep(0.2)
        assert scheduler.pending() == 0
    finally:
        scheduler.close()


def test_the_oscquery_tree_is_the_protocol_table() -> None:
    from osc_composer.server.discovery import find_node, oscquery_tree

    tree = oscquery_tree()
    for address in ADDRESSES:
        node = find_node(tree, address.path)
        assert node is not None and node["FULL_PATH"] == address.path
        assert node["DESCRIPTION"].startswith(address.doc)
        assert node["ACCESS"] == (2 if address.direction == "in" else 0)
        if "TYPE" in node:
            assert node["TYPE"] == address.signature
            assert len(node["RANGE"]) == len(address.args)


# --- call-and-response over UDP ----------------------------------------------------------------
def test_live_respond_continues_what_was_played_in_key_and_range(
    fresh: ClientProcess, replies: TimedReplies
) -> None:
    fresh.send(
        msg(P + "/live/param/silence", 0),  # only on request
        msg(P + "/param/scale", "major"),
        msg(P + "/param/key", "D"),
        msg(P + "/param/low", 60),
        msg(P + "/param/high", 76),
        msg(P + "/param/length", 4.0),
        msg(P + "/param/seed", 3),
        msg(P + "/clock", 240.0, 16.0),
        *live_notes(62, 64, 66, 67),
        msg(P + "/live/respond", 77),
    )
    result = result_of(replies, 77)
    answer = only(result.received, "/live/answer")[0]
    assert answer.tags == "ifi" and answer.args[0] == 77
    assert answer.args[2] == 4  # the four notes heard
    assert answer.args[1] >= 16.0 and answer.args[1] == int(answer.args[1])  # a whole beat, from now on
    notes = result.notes[0]
    d_major = {(2 + step) % 12 for step in (0, 2, 4, 5, 7, 9, 11)}
    for note in notes:
        assert 60 <= note.args[2] <= 76 and note.args[2] % 12 in d_major
        assert note.args[4] < 4.0


def test_live_answers_by_itself_after_the_silence(fresh: ClientProcess, replies: TimedReplies) -> None:
    fresh.send(msg(P + "/live/params"))
    got = replies.wait(has("/live/param/latency_ms"))
    assert {r.address.rsplit("/", 1)[1] for r in got if "/live/param/" in r.address} == {
        s.name for s in LIVE_SPECS
    }
    fresh.send(
        msg(P + "/clock", 480.0, 0.0),
        msg(P + "/live/param/silence", 2.0),  # a quarter of a second at 480 bpm
        msg(P + "/param/length", 2.0),
        *live_notes(60, 62, 64),
    )
    got = replies.wait(has("/end"))  # nothing asked: the silence alone brings the answer
    answer = only(got, "/live/answer")[0]
    assert answer.args[2] == 3 and only(got, "/begin")[0].args[0] == answer.args[0]
    # answered once: no second answer without new playing
    fresh.send(msg(P + "/ping"))
    assert not only(replies.wait(has("/pong")), "/live/answer")


def test_live_respond_with_nothing_heard_is_an_error(fresh: ClientProcess, replies: TimedReplies) -> None:
    fresh.send(msg(P + "/live/respond", 5))
    replies.wait(error_containing("nothing heard", 5))
    fresh.send(msg(P + "/live/note", 60, 128), msg(P + "/live/param/listen", 0.0))
    replies.wait(error_containing("velocity"))
    replies.wait(error_containing("listen"))


# --- playback ----------------------------------------------------------------------------------
def test_play_is_on_the_beat_complete_in_order_and_reports_jitter(
    fresh: ClientProcess, replies: TimedReplies
) -> None:
    fresh.send(
        msg(P + "/seed/pitches", 60, 62, 64, 65, 67, 65, 64, 62),
        msg(P + "/generate", 31, "length", 64.0, "seed", 11),
    )
    result = result_of(replies, 31)
    notes = [Note(r.args[2], r.args[3], r.args[4], r.args[5]) for r in result.notes[0]]
    assert notes, "the model gave no notes to play"
    bpm, latency_ms = 600.0, 20.0
    fresh.send(msg(P + "/live/param/latency_ms", latency_ms))
    clock_at = stamped_send(fresh, msg(P + "/clock", bpm, 100.25), msg(P + "/play", 31))[0]
    start, played = play_until_end(replies, 31)
    start_beat = start.args[1]
    assert start_beat == int(start_beat) and start_beat >= 101.0

    # completeness and order: exactly the result's notes, each on followed by its off
    expected = sorted(
        [(start_beat + n.start_beats, 1, n.pitch, n.velocity) for n in notes]
        + [(start_beat + n.start_beats + n.duration_beats, 0, n.pitch, 0) for n in notes],
        key=lambda e: (round(e[0], 4), e[1], e[2], e[3]),
    )
    got = [(1, r.args[0], r.args[1]) if r.address.endswith("noteon") else (0, r.args[0], 0) for r in played]
    assert got == [(kind, pitch, velocity) for _, kind, pitch, velocity in expected]
    sounding: dict[int, int] = {}
    for kind, pitch, _ in got:
        sounding[pitch] = sounding.get(pitch, 0) + (1 if kind else -1)
        assert sounding[pitch] >= 0, f"note-off for {pitch} before its note-on"
    assert not any(sounding.values()), "a note was left sounding"

    # timing: arrival vs the moment the clock says (the clock's arrival counts from its send)
    scheduled = [clock_at + (beat - 100.25) * 60.0 / bpm + latency_ms / 1000 for beat, *_ in expected]
    jitter_ms = sorted(abs(r.at - s) * 1000 for r, s in zip(played, scheduled, strict=True))
    p99 = jitter_ms[min(len(jitter_ms) - 1, int(0.99 * len(jitter_ms)))]
    median = jitter_ms[len(jitter_ms) // 2]
    print(
        f"\nplayback jitter over loopback: {len(jitter_ms)} events, median {median:.2f} ms, "
        f"p99 {p99:.2f} ms, max {jitter_ms[-1]:.2f} ms"
    )
    assert jitter_ms[-1] < SANITY_SECONDS * 1000


def test_play_stop_turns_off_what_sounds(fresh: ClientProcess, replies: TimedReplies) -> None:
    fresh.send(
        msg(P + "/seed/pitches", 60, 62, 64, 65),
        msg(P + "/generate", 41, "length", 64.0, "seed", 5),
    )
    result_of(replies, 41)
    fresh.send(msg(P + "/clock", 120.0, 0.0), msg(P + "/play"))  # no id: the latest result
    got = replies.wait(has("/play/noteon"), timeout=60)
    fresh.send(msg(P + "/play/stop"))
    got += replies.wait(has("/play/end", 41))
    sounding: dict[int, int] = {}
    for r in got:
        if r.address == P + "/play/noteon":
            sounding[r.args[0]] = sounding.get(r.args[0], 0) + 1
        elif r.address == P + "/play/noteoff":
            sounding[r.args[0]] -= 1
    assert all(count == 0 for count in sounding.values())
    time.sleep(0.6)  # more than a beat: nothing else is played
    assert not [r for r in replies.drain() if r.address.startswith(P + "/play/note")]
    fresh.send(msg(P + "/panic"))
    got = replies.wait(has("/play/noteoff", count=128))
    assert sorted(r.args[0] for r in only(got, "/play/noteoff")) == list(range(128))
    fresh.send(msg(P + "/play", 999))
    replies.wait(error_containing("no result with id 999"))


# --- MIDI out ------------------------------------------------------------------------------------
def test_without_a_midi_backend_the_server_says_so_and_serves(
    live_server: RunningServer, client: ClientProcess, replies: TimedReplies
) -> None:
    try:
        import rtmidi  # noqa: F401
    except ImportError:
        assert "no MIDI backend" in live_server.log()
        assert open_midi_output(None) is None
    else:
        pytest.skip("python-rtmidi is installed: there is a backend")
    client.send(msg(P + "/ping"))
    replies.wait(has("/pong"))


class StandInPort:
    """mido's output-port API (``send``), recording what it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[float, mido.Message]] = []

    def send(self, message: mido.Message) -> None:
        self.messages.append((time.monotonic(), message))


def test_played_notes_reach_the_midi_port(small_model_path: Path) -> None:
    port = StandInPort()
    receiver = TimedReplies(free_udp_port())
    config = ServerConfig(port=0, reply_port=receiver.port)
    server = ComposerServer(config, load_engine(small_model_path / "model.keras"), midi=MidiSink(port))
    server.start()
    client = ClientProcess(server.port)
    try:
        client.send(
            msg(P + "/seed/pitches", 60, 64, 67),
            msg(P + "/generate", 9, "length", 4.0, "seed", 2),
            msg(P + "/clock", 480.0, 0.0),
            msg(P + "/play", 9),
        )
        _, played = play_until_end(receiver, 9)
        assert played
        osc = [(r.address.rsplit("/", 1)[1], r.args[0]) for r in played]
        midi = [(m.type.replace("_", ""), m.note) for _, m in port.messages]
        assert midi == osc
        client.send(msg(P + "/panic"))
        receiver.wait(has("/play/noteoff", count=128))
        assert any(m.type == "control_change" and m.control == 123 for _, m in port.messages)
    finally:
        client.close()
        server.stop()
        receiver.close()


def test_midi_sink_sends_note_on_and_off() -> None:
    port = StandInPort()
    MidiSink(port, channel=2).send([PlayEvent(0.0, 1, 60, 99), PlayEvent(1.0, 0, 60, 0)])
    assert [(m.type, m.channel, m.note, m.velocity) for _, m in port.messages] == [
        ("note_on", 2, 60, 99),
        ("note_off", 2, 60, 0),
    ]


# --- discovery ---------------------------------------------------------------------------------
def oscquery_url(server: RunningServer) -> str:
    match = re.search(r"OSCQuery description on (http://\S+/)", server.log())
    assert match, server.log()
    return match.group(1)


def fetch(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.headers["Content-Type"] == "application/json"
        return json.loads(response.read())


def test_oscquery_json_over_http_matches_the_table(live_server: RunningServer) -> None:
    url = oscquery_url(live_server)
    tree = fetch(url)
    assert tree["FULL_PATH"] == "/"
    found = {}

    def walk(node: dict[str, Any]) -> None:
        if "DESCRIPTION" in node:
            found[node["FULL_PATH"]] = node
        for child in node.get("CONTENTS", {}).values():
            walk(child)

    walk(tree)
    assert set(found) == {a.path for a in ADDRESSES}
    for address in ADDRESSES:
        assert found[address.path]["DESCRIPTION"].startswith(address.doc)
    note = fetch(url + "composer/play/noteon")
    assert note["TYPE"] == "ii" and note["RANGE"] == [{"MIN": 0, "MAX": 127}, {"MIN": 1, "MAX": 127}]
    info = fetch(url + "?HOST_INFO")
    assert info["OSC_PORT"] == live_server.port and info["OSC_TRANSPORT"] == "UDP"
    with pytest.raises(urllib.error.HTTPError):
        fetch(url + "composer/nothing")


def test_discovery_can_be_switched_off(small_model_path: Path, tmp_path: Path) -> None:
    running = start_server(small_model_path, tmp_path / "server.log", "--no-oscquery", "--no-zeroconf")
    try:
        time.sleep(2.5)  # Zeroconf would have registered by now
        assert "OSCQuery" not in running.log() and "advertised" not in running.log()
    finally:
        stop_server(running)


def test_zeroconf_advertises_osc_udp(live_server: RunningServer) -> None:
    zeroconf = pytest.importorskip("zeroconf")
    deadline = time.monotonic() + 30
    while "advertised" not in live_server.log() and time.monotonic() < deadline:
        if "Zeroconf advertisement failed" in live_server.log():
            pytest.skip("no multicast on this machine: " + live_server.log())
        time.sleep(0.1)
    osc_name = re.search(r"advertised '([^']+\._osc\._udp\.local\.)'", live_server.log())
    http_name = re.search(r"'([^']+\._oscjson\._tcp\.local\.)'", live_server.log())
    assert osc_name and http_name, live_server.log()
    browser = zeroconf.Zeroconf(ip_version=zeroconf.IPVersion.V4Only)

    def lookup(service: str, name: str) -> Any:
        # right after the announcements a responder may hold back (mDNS rate limits): ask again
        for _ in range(10):
            info = browser.get_service_info(service, name, timeout=2000)
            if info is not None:
                return info
        return None

    try:  # asked over multicast from this process, as TouchOSC would
        info = lookup("_osc._udp.local.", osc_name.group(1))
        assert info is not None and info.port == live_server.port
        http = lookup("_oscjson._tcp.local.", http_name.group(1))
        assert http is not None and f":{http.port}/" in oscquery_url(live_server)
    finally:
        browser.close()
