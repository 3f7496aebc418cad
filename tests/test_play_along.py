"""Play along over real UDP (issue 14): harmonize, duet and continue against the real server.

The conftest server runs the small note-off test model; a python-osc client in another
process plays scripted notes as /composer/live/note, the replies are read on the reply port.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest
from conftest import RunningServer
from test_server import ClientProcess, P, Replies, error_containing, has, msg

from osc_composer.music.theory import allowed_pitches


@pytest.fixture(scope="module")
def replies(server: RunningServer) -> Iterator[Replies]:
    receiver = Replies(server.reply_port)
    yield receiver
    receiver.close()


@pytest.fixture
def player(server: RunningServer, replies: Replies) -> Iterator[ClientProcess]:
    process = ClientProcess(server.port)
    process.send(msg(P + "/reset"))
    replies.wait(has("/seed/size", 0, 0.0))
    replies.drain()
    yield process
    process.send(msg(P + "/live/stop"), msg(P + "/reset"))
    process.close()


def sounding(events: list[tuple[str, int]]) -> set[int]:
    on: set[int] = set()
    for kind, pitch in events:
        if kind == "on":
            on.add(pitch)
        else:
            on.discard(pitch)
    return on


def play_events(replies: Replies, seconds: float) -> list[tuple[str, int, int, float]]:
    """Every /composer/play/noteon and noteoff that arrives within ``seconds``, stamped."""
    got = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            batch = replies._receive(max(0.01, deadline - time.monotonic()))
        except TimeoutError:
            break
        for reply in batch:
            if reply.address == P + "/play/noteon":
                got.append(("on", reply.args[0], reply.args[1], time.monotonic()))
            elif reply.address == P + "/play/noteoff":
                got.append(("off", reply.args[0], 0, time.monotonic()))
    return got


def test_harmonize_answers_every_note_in_key_and_range_and_ends_each(
    player: ClientProcess, replies: Replies
) -> None:
    player.send(
        msg(P + "/param/key", 7),
        msg(P + "/param/scale", "major"),
        msg(P + "/param/low", 43),
        msg(P + "/param/high", 84),
        msg(P + "/live/param/harmony", 2),
        msg(P + "/live/param/interval_low", -12),
        msg(P + "/live/param/interval_high", -3),
        msg(P + "/live/param/mode", 1),  # harmonize
    )
    key = allowed_pitches(7, "major", 43, 84)
    melody = [67, 69, 71, 72, 74, 76, 78, 79, 78, 76, 74, 72, 71, 69, 67, 74]
    for pitch in melody:
        player.send(msg(P + "/live/note", pitch, 100))
        got = replies.wait(has("/play/noteon", count=2))
        harmony = [r.args[0] for r in got if r.address == P + "/play/noteon"]
        assert len(harmony) == 2, harmony
        assert all(key[h] and pitch - 12 <= h <= pitch - 3 for h in harmony), (pitch, harmony)
        assert all(r.args[1] == 80 for r in got if r.address == P + "/play/noteon")  # 0.8 × 100
        player.send(msg(P + "/live/note", pitch, 0))
        ended = replies.wait(has("/play/noteoff", count=2))
        assert sorted(r.args[0] for r in ended if r.address == P + "/play/noteoff") == sorted(harmony)
    # a held note's harmony ends when the mode changes
    player.send(msg(P + "/live/note", 67, 100))
    replies.wait(has("/play/noteon", count=2))
    player.send(msg(P + "/live/param/mode", 0))  # answer
    replies.wait(has("/play/noteoff", count=2))


@pytest.mark.parametrize("mode", ["duet", "continue"])
def test_the_models_voice_follows_the_clock_stays_in_range_and_stops_clean(
    player: ClientProcess, replies: Replies, mode: str
) -> None:
    player.send(
        msg(P + "/clock", 240.0, 0.0),  # four beats a second
        msg(P + "/param/low", 60),
        msg(P + "/param/high", 72),
        msg(P + "/param/polyphony", 1),
        msg(P + "/live/param/min_gap", 0.5),
        msg(P + "/live/param/max_gap", 0.5),  # the model waits exactly half a beat at a time
        msg(P + "/live/param/max_length", 1.0),
        msg(P + "/live/param/mode", {"duet": 2, "continue": 3}[mode]),
        msg(P + "/live/start"),
    )
    if mode == "duet":
        for pitch in (55, 57, 59):
            player.send(msg(P + "/live/note", pitch, 90))
            time.sleep(0.2)
            player.send(msg(P + "/live/note", pitch, 0))
    events = play_events(replies, 2.5)
    player.send(msg(P + "/live/stop"))
    events += play_events(replies, 0.5)
    ons = [e for e in events if e[0] == "on"]
    assert len(ons) >= 3, events
    assert all(60 <= e[1] <= 72 for e in events)
    assert not sounding([(e[0], e[1]) for e in events]), "stop left a note sounding"
    if mode == "continue":
        # alone, the model's moments are half a beat (125 ms at 240 bpm) apart, or a multiple
        # of it (in a duet the player's notes move its time, so it may also play between)
        moments = sorted({round(e[3], 3) for e in events})
        gaps = [b - a for a, b in itertools.pairwise(moments) if b - a > 0.06]
        assert gaps and min(gaps) > 0.09, gaps


def test_start_outside_duet_and_continue_is_a_clear_error(player: ClientProcess, replies: Replies) -> None:
    player.send(msg(P + "/live/start"))
    replies.wait(error_containing("duet and continue"))
    player.send(msg(P + "/live/param/mode", 7))
    replies.wait(error_containing("mode must be in 0–3"))
