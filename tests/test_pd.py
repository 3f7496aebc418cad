"""The Pure Data client patch, run for real: headless Pd talks to a real server over UDP.

Pd opens ``max_patches/osc-composer.pd`` unchanged; ``-send`` messages move it to the
test's ports (the same receivers the patch's own CONNECTION message boxes use), pick a
seed phrase, ask for a continuation and arm the patch's test hook that quits Pd once the
last variation has ended (or on an error). What Pd prints of the replies is the evidence.
The LIVE PLAY section is driven the same way: live notes go to the receiver [notein] feeds
(``composer-live-note pitch velocity``), and its buttons' receivers get a ``bang``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, free_udp_port, require_program, start_server, stop_server

PATCH = REPO / "max_patches" / "osc-composer.pd"
PD_TIMEOUT = 120  # seconds; the machine may be busy training
# 10 ms a beat: every note of an 8-beat result is played before the patch's autoquit (300 ms after /end)
FAST_TEMPO = 6000
MS_PER_BEAT = 60000 / FAST_TEMPO


def run_pd(pd: str, *sends: str, timeout: float = PD_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run the patch headless with ``-send`` messages; kill Pd and fail if it does not quit."""
    command = [pd, "-nogui", "-nosound", "-nomidi", "-noprefs", "-stderr", "-open", str(PATCH)]
    for message in sends:
        command += ["-send", message]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        pytest.fail(f"Pd did not quit within {timeout} s; its output:\n{stderr}\n{stdout}")
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def printed(output: str, name: str) -> list[list[str]]:
    """The atoms of every ``name: …`` line Pd printed."""
    return [line.split(":", 1)[1].split() for line in output.splitlines() if line.startswith(name + ":")]


def phrase_length(index: int) -> int:
    """Notes in the patch's phrase ``index`` (the ``[text define]`` bank: pitch velocity start duration …)."""
    bank = re.search(r"^#A set (.*?);$", PATCH.read_text(), re.MULTILINE | re.DOTALL).group(1)
    return len(bank.split("\\;")[index].split()) // 4


def pd_complaints(output: str) -> list[str]:
    """Lines where Pd reports an error, an object it could not create, or a connection it refused."""
    pattern = re.compile(r"^error:|couldn't create|connection failed|bad arguments")
    return [line for line in output.splitlines() if pattern.search(line)]


def run_with_server(
    pd: str, model: Path, tmp_path: Path, *sends: str, server_args: tuple[str, ...] = ()
) -> tuple[str, str]:
    """Start a server on a free port, point the patch at it, run ``sends``; (Pd's output, context)."""
    reply_port = free_udp_port()
    server = start_server(model, tmp_path / "server.log", *server_args, reply_port=reply_port)
    try:
        result = run_pd(
            pd, f"composer-listen {reply_port}", f"composer-connect 127.0.0.1 {server.port}", *sends
        )
    finally:
        stop_server(server)
    output = result.stderr
    context = f"\n--- Pd printed:\n{output}\n--- server log:\n{server.log()}"
    assert result.returncode == 0, context
    assert not pd_complaints(output), "Pd reported an error" + context
    return output, context


@pytest.fixture(scope="module")
def pd() -> str:
    return require_program("pd")


def test_pd_patch_generates_and_receives_notes(pd: str, small_model_path: Path, tmp_path: Path) -> None:
    output, context = run_with_server(
        pd,
        small_model_path,
        tmp_path,
        f"composer-tempo-bpm {FAST_TEMPO}",
        "composer-test autoquit 1",
        "composer-test seed 0",
        "composer-test generate",
    )
    assert not printed(output, "composer-error"), "the server refused something the patch sent" + context

    sizes = printed(output, "composer-seed-size")
    assert sizes and int(sizes[-1][0]) == phrase_length(0), "phrase 0 did not arrive as the seed" + context

    begins = printed(output, "composer-begin")
    assert len(begins) == 1 and len(begins[0]) == 3, context
    request_id, variations, length = begins[0]
    assert request_id == "1" and variations == "1" and float(length) == 8.0, context

    notes = printed(output, "composer-note")
    assert notes, "no /composer/note arrived" + context
    for note in notes:
        assert len(note) == 6, f"a note is not id variation pitch velocity start duration: {note}" + context
        note_id, variation, pitch, velocity, start, duration = (float(v) for v in note)
        assert note_id == 1 and variation == 0, context
        assert pitch == int(pitch) and 0 <= pitch <= 127, context
        assert velocity == int(velocity) and 1 <= velocity <= 127, context
        assert 0 <= start < float(length) and duration > 0, context

    ends = printed(output, "composer-end")
    assert len(ends) == 1, context
    assert ends[0][:2] == ["1", "0"] and int(ends[0][2]) == len(notes), context

    # every received note went through [pipe] to [makenote]: same pitch and velocity, duration in ms at TEMPO
    played = sorted((float(p), float(v), float(d)) for p, v, d in printed(output, "composer-play"))
    expected = sorted((float(n[2]), float(n[3]), float(n[5]) * MS_PER_BEAT) for n in notes)
    assert len(played) == len(expected), "not every note was played" + context
    for (pitch, velocity, ms), (want_pitch, want_velocity, want_ms) in zip(played, expected, strict=True):
        assert (pitch, velocity) == (want_pitch, want_velocity), context
        assert ms == pytest.approx(want_ms, rel=1e-4, abs=1e-3), context


def test_pd_patch_pings_and_reports_errors(pd: str, small_model_path: Path, tmp_path: Path) -> None:
    """Generate without a seed: the server's /composer/error reaches the patch, and ping answers."""
    output, context = run_with_server(
        pd,
        small_model_path,
        tmp_path,
        "composer-test ping",
        "composer-test autoquit 1",
        "composer-test generate",
    )
    pongs = printed(output, "composer-pong")
    assert pongs and re.fullmatch(r"\d+\.\d+\.\d+\S*", pongs[0][-1]), context
    errors = printed(output, "composer-error")
    assert errors, context
    assert errors[0][0] == "1" and "seed" in " ".join(errors[0]), context


def test_pd_patch_plays_live_and_hears_the_answer(pd: str, small_model_path: Path, tmp_path: Path) -> None:
    """The LIVE section: notes go out as /composer/live/note, respond brings /composer/live/answer."""
    played = [(60, 100), (64, 90), (67, 110), (60, 0), (64, 0), (67, 0)]
    output, context = run_with_server(
        pd,
        small_model_path,
        tmp_path,
        "composer-test autoquit 1",
        "composer-live-param-silence 0",  # answer only on respond
        "composer-live-on 1",
        *(f"composer-live-note {pitch} {velocity}" for pitch, velocity in played),
        "composer-live-respond bang",  # -send needs a message: a bare name sends nothing
    )
    assert not printed(output, "composer-error"), "the server refused something the patch sent" + context
    answers = printed(output, "composer-live-answer")
    assert len(answers) == 1 and len(answers[0]) == 3, context
    answer_id, beat, heard = answers[0]
    assert int(heard) == 3, "the three notes played live were not all heard" + context
    assert float(beat) == int(float(beat)) >= 0, "a live answer starts on a whole beat" + context
    begins = printed(output, "composer-begin")
    assert [b[0] for b in begins] == [answer_id], context
    ends = printed(output, "composer-end")
    assert len(ends) == 1 and ends[0][0] == answer_id, context
    assert int(ends[0][2]) == len(printed(output, "composer-note")), context


def test_pd_patch_sends_its_clock_and_plays_what_the_server_streams(
    pd: str, small_model_path: Path, tmp_path: Path
) -> None:
    """CLOCK on, generate, play: /composer/play/noteon and noteoff arrive, one pair per note."""
    output, context = run_with_server(
        pd,
        small_model_path,
        tmp_path,
        "composer-tempo-bpm 960",  # 62.5 ms a beat: the 8-beat result plays in about half a second
        "composer-clock-on 1",
        "composer-test playquit 1",
        "composer-test seed 0",
        "composer-test generate",
        "composer-play bang",
    )
    assert not printed(output, "composer-error"), "the server refused something the patch sent" + context
    notes = printed(output, "composer-note")
    assert notes, context
    starts = printed(output, "composer-play-start")
    assert len(starts) == 1 and starts[0][0] == "1", context
    assert float(starts[0][1]) == int(float(starts[0][1])) >= 0, "playback starts on a whole beat" + context
    assert printed(output, "composer-play-end") == [["1"]], context
    ons = printed(output, "composer-play-noteon")
    offs = printed(output, "composer-play-noteoff")
    want = sorted((float(n[2]), float(n[3])) for n in notes if n[1] == "0")
    assert sorted((float(p), float(v)) for p, v in ons) == want, "not every note was played" + context
    assert sorted(float(p) for (p,) in offs) == [p for p, _ in want], "a note-off is missing" + context


def test_pd_patch_plays_along_harmonize_and_every_harmony_note_ends(
    pd: str, small_model_path: Path, tmp_path: Path
) -> None:
    """Issue 14 end to end: a phrase played into real Pd (the receiver its [notein] feeds) goes
    to the server as live notes; in harmonize mode (set with the MODE radio's receiver) the
    harmony comes back into Pd as /composer/play/noteon, in key and in the interval below
    each note, and each harmony note ends with its note."""
    melody = [67, 69, 71, 72, 74, 72, 71, 67]
    played = [step for pitch in melody for step in (f"{pitch} 100", f"{pitch} 0")]
    output, context = run_with_server(
        pd,
        small_model_path,
        tmp_path,
        "composer-param-key symbol G",
        "composer-param-scale symbol major",
        "composer-live-param-harmony 2",
        "composer-live-param-interval_low -12",
        "composer-live-param-interval_high -3",
        "composer-live-param-mode 1",  # what the MODE radio sends for harmonize
        "composer-live-on 1",
        *(f"composer-live-note {note}" for note in played),
        "composer-test quitin 1500",
    )
    assert not printed(output, "composer-error"), "the server refused something the patch sent" + context
    events = [
        (line.split(":", 1)[0], int(float(line.split(":", 1)[1].split()[0])))
        for line in output.splitlines()
        if line.startswith(("composer-play-noteon:", "composer-play-noteoff:"))
    ]
    ons = [pitch for kind, pitch in events if kind == "composer-play-noteon"]
    offs = [pitch for kind, pitch in events if kind == "composer-play-noteoff"]
    assert len(ons) == 2 * len(melody), "every note played should get its two harmony notes" + context
    assert sorted(ons) == sorted(offs), "a harmony note was left sounding" + context
    g_major = {7, 9, 11, 0, 2, 4, 6}
    # the server answers each note before it reads the next: its harmony comes in order
    for index, pitch in enumerate(melody):
        harmony = ons[2 * index : 2 * index + 2]
        assert all(h % 12 in g_major and pitch - 12 <= h <= pitch - 3 for h in harmony), (pitch, harmony)


def test_pd_patch_lists_and_loads_models(pd: str, small_model_path: Path, tmp_path: Path) -> None:
    """MODEL: the list button asks /composer/models; typing a listed name loads it."""
    output, context = run_with_server(
        pd,
        small_model_path,
        tmp_path,
        "composer-models bang",
        f"composer-model symbol {small_model_path.stem}",
        "composer-test quitin 4000",
        server_args=("--models-dir", str(small_model_path.parent)),
    )
    # Pd's [print] names what it prints: "list small 1", "symbol small"
    available = [atoms[1:] for atoms in printed(output, "composer-model-available") if atoms[0] == "list"]
    assert [small_model_path.stem, "1"] in available, "the model in use is listed as current" + context
    loaded = printed(output, "composer-model-loaded")
    assert loaded == [["symbol", small_model_path.stem]], context
