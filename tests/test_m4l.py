"""The Max for Live devices: files Live can load, patches that hold together, scripts that speak the protocol.

``osc-composer.amxd`` (MIDI effect) and ``osc-composer-generator.amxd`` (Live 12 MIDI
Generator) are frozen: the script is inside. :func:`device_problems` holds a device file
to the rules it must keep to load and work (container, embedded files, patch cords within
each box's inlets and outlets, presentation inside the device, commands the script
understands); the mutation tests break one rule at a time, so a checker that cannot fail
fails here. The Node tests (tests/js/) run the shipped devices through a harness that
models Max and Live, and once against a real server over UDP.
"""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, RunningServer, require_program
from test_patches import js_problems, recorded_problems  # the same protocol checks as every client

PATCHES = REPO / "max_patches"
sys.path.insert(0, str(PATCHES))

from builders.amxd import AmxdError, read_amxd, write_frozen_amxd  # noqa: E402
from builders.m4l import DEVICE_HEIGHT, M4L_WIDTH, build_amxd_patcher, build_m4l_js, js_io  # noqa: E402
from builders.miditool import (  # noqa: E402
    GENERATOR_HEIGHT,
    GENERATOR_JS_PATH,
    GENERATOR_PATH,
    GENERATOR_WIDTH,
    build_generator_js,
    build_generator_patcher,
)
from builders.picture import render_svg  # noqa: E402

EFFECT = PATCHES / "osc-composer.amxd"
EFFECT_JS = PATCHES / "osc-composer-m4l.js"
NODE_TESTS = REPO / "tests" / "js"
# device file -> (device type, its script, presentation width and height)
DEVICES = {
    EFFECT: (b"mmmm", EFFECT_JS, M4L_WIDTH, DEVICE_HEIGHT),
    GENERATOR_PATH: (b"nagg", GENERATOR_JS_PATH, GENERATOR_WIDTH, GENERATOR_HEIGHT),
}


def device_problems(data: bytes, device_type: bytes, width: float, height: float) -> list[str]:
    """Every rule ``data`` breaks that would stop the device from loading or working in Live."""
    try:
        device = read_amxd(data)
    except AmxdError as exc:
        return [f"container: {exc}"]
    problems = []
    if device.device_type != device_type:
        problems.append(f"device type {device.device_type!r}, not {device_type!r}")
    if not device.frozen:
        problems.append("not frozen: the device needs files beside it")
    patcher = device.patcher["patcher"]
    if patcher.get("project", {}).get("amxdtype") != int.from_bytes(device_type, "big"):
        problems.append("project.amxdtype does not match the device type")
    if patcher.get("openinpresentation") != 1:
        problems.append("the device does not open in presentation mode")
    boxes = {b["box"]["id"]: b["box"] for b in patcher["boxes"]}
    scripts: dict[str, str] = {}
    for box in boxes.values():
        words = box.get("text", "").split()
        if box["maxclass"] == "newobj" and words[:1] == ["js"]:
            if words[1] not in device.files:
                problems.append(f"{words[1]} is not embedded in the device")
                continue
            script = device.files[words[1]].decode("utf-8")
            scripts[box["id"]] = script
            if js_io(script) != (box["numinlets"], box["numoutlets"]):
                problems.append(
                    f"[js {words[1]}] has {box['numinlets']}/{box['numoutlets']} inlets/outlets, "
                    f"the script declares {js_io(script)}"
                )
    for line in patcher["lines"]:
        (source, outlet), (dest, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        if source not in boxes or dest not in boxes:
            problems.append(f"cord {source} -> {dest} joins a missing box")
        elif not 0 <= outlet < boxes[source]["numoutlets"] or not 0 <= inlet < boxes[dest]["numinlets"]:
            problems.append(f"cord {source}:{outlet} -> {dest}:{inlet} is out of range")
        elif dest in scripts:
            # a command box or [prepend X] into the script must name one of its functions
            box = boxes[source]
            words = box.get("text", "").split()
            name = (
                words[0] if box["maxclass"] == "message" else words[1] if words[:1] == ["prepend"] else None
            )
            if name and not re.search(rf"^function {re.escape(name)}\(", scripts[dest], re.M):
                problems.append(f"{source} sends {name!r}, which is not a function of the script")
    rects = []
    for box in boxes.values():
        if box.get("presentation"):
            x, y, w, h = box["presentation_rect"]
            if x < 0 or y < 0 or x + w > width or y + h > height:
                problems.append(
                    f"{box['id']} at {box['presentation_rect']} lies outside the {width:g}×{height:g} device"
                )
            rects.append((box["id"], x, y, w, h))
    for i, (a, x, y, w, h) in enumerate(rects):
        for b, x2, y2, w2, h2 in rects[i + 1 :]:
            if x < x2 + w2 and x2 < x + w and y < y2 + h2 and y2 < y + h:
                problems.append(f"{a} and {b} overlap in the presentation view")
    names = [
        b["saved_attribute_attributes"]["valueof"]["parameter_longname"]
        for b in boxes.values()
        if "valueof" in b.get("saved_attribute_attributes", {})
    ]
    if len(names) != len(set(names)):
        problems.append("Live parameter names must be unique")
    return problems


def recorded(effect: Path = EFFECT, generator: Path = GENERATOR_PATH) -> dict:
    node = require_program("node")
    command = [node, str(NODE_TESTS / "record-devices.js"), str(effect), str(generator)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def run_node_tests(*files: Path, env: dict | None = None) -> tuple[int, str]:
    node = require_program("node")
    command = [node, "--test", "--test-reporter=tap", *(str(f) for f in files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=REPO, env=env)
    return result.returncode, result.stdout + result.stderr


# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", list(DEVICES), ids=lambda p: p.name)
def test_device_file_keeps_every_rule_live_needs(path: Path) -> None:
    device_type, _, width, height = DEVICES[path]
    assert device_problems(path.read_bytes(), device_type, width, height) == []


@pytest.mark.parametrize("path", list(DEVICES), ids=lambda p: p.name)
def test_embedded_script_is_the_readable_source(path: Path) -> None:
    _, script, _, _ = DEVICES[path]
    assert read_amxd(path.read_bytes()).files == {script.name: script.read_bytes()}


def test_published_frozen_layout_round_trips() -> None:
    """The writer's layout, byte by byte: header, files back to back, footer entries."""
    data = write_frozen_amxd(
        b"nagg", "x.amxd", {"patcher": {"boxes": [], "lines": []}}, {"a.js": b"post(1);"}
    )
    assert data[:12] == b"ampf" + struct.pack("<I", 4) + b"nagg"
    ptch = data[data.index(b"ptch") + 8 :]
    assert ptch[:8] == b"mx@c" + struct.pack(">I", 16)
    footer = struct.unpack(">Q", ptch[8:16])[0]
    assert (
        ptch[footer : footer + 4] == b"dlst"
        and struct.unpack(">I", ptch[footer + 4 : footer + 8])[0] == len(ptch) - footer
    )
    assert b"fnam\x00\x00\x00\x10x.amxd\x00\x00" in ptch  # NUL-terminated, padded to 4 bytes
    device = read_amxd(data)
    assert (device.name, device.files, device.frozen) == ("x.amxd", {"a.js": b"post(1);"}, True)


@pytest.mark.parametrize("script", [EFFECT_JS, GENERATOR_JS_PATH], ids=lambda p: p.name)
def test_scripts_spell_only_addresses_of_the_table(script: Path) -> None:
    assert js_problems(script.read_text())[0] == []


@pytest.mark.parametrize("script", [EFFECT_JS, GENERATOR_JS_PATH], ids=lambda p: p.name)
def test_scripts_are_es5_as_max_js_requires(script: Path, tmp_path: Path) -> None:
    node = require_program("node")
    check = [node, "--expose-internals", str(NODE_TESTS / "check-es5.js")]
    result = subprocess.run([*check, str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    modern = tmp_path / script.name  # the check can fail: one arrow function
    modern.write_text(script.read_text() + "\nvar twice = (x) => 2 * x;\n")
    result = subprocess.run([*check, str(modern)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "not ES5" in result.stdout


def test_devices_send_what_the_server_accepts() -> None:
    result = recorded()
    assert result["errors"] == []
    assert recorded_problems(result["messages"]) == []
    sent = {(m["device"], m["address"]) for m in result["messages"]}
    effect = {a for d, a in sent if d == "effect"}
    generator = {a for d, a in sent if d == "generator"}
    assert effect >= {
        "/composer/seed/notes",
        "/composer/generate",
        "/composer/reply_port",
        "/composer/clock",
        "/composer/live/note",
        "/composer/live/param/mode",
        "/composer/live/param/autoplay",
        "/composer/live/start",
        "/composer/live/stop",
        "/composer/live/respond",
        "/composer/panic",
        "/composer/play/stop",
        "/composer/models",
        "/composer/model",
        "/composer/param/style",
        "/composer/param/voices",
        "/composer/param/density",
    }
    assert generator >= {
        "/composer/seed/notes",
        "/composer/generate",
        "/composer/reply_port",
        "/composer/param/seed",
    }


def test_node_tests_of_both_devices_pass() -> None:
    code, output = run_node_tests(NODE_TESTS)
    assert code == 0, output
    passed = re.search(r"^# pass (\d+)", output, re.M)
    assert passed and int(passed.group(1)) >= 30, output
    assert re.search(r"^# fail 0$", output, re.M), output


def test_devices_against_a_real_server(server: RunningServer) -> None:
    """Both shipped devices over real UDP: a clip generated, live harmony, a Generator apply in D major."""
    node = require_program("node")
    command = [node, str(NODE_TESTS / "real-server.js"), str(server.port)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr + server.log()[-3000:]
    summary = json.loads(result.stdout)
    assert summary["pong"].startswith("server ")
    assert summary["clip"]["notes"] > 0
    assert summary["harmony"], "harmonize answered the played note"
    assert summary["generator"]["notes"] > 0
    assert all((p - 2) % 12 in (0, 2, 4, 5, 7, 9, 11) for p in summary["generator"]["pitches"])


def test_pictures_are_drawn_from_the_presentation_rectangles() -> None:
    svg = (PATCHES / "pictures" / "osc-composer-m4l.svg").read_text()
    assert f'height="{DEVICE_HEIGHT:g}"' in svg and ">Generate<" in svg and ">Live<" in svg
    with pytest.raises(ValueError, match="outside"):
        render_svg([(0, 160, 10, 20, "too low", "button")], 100, 169)


# ---- the checkers can fail: one rule broken at a time ------------------------------------------


def effect_with(patcher_change=None, script_change=None) -> bytes:
    script = build_m4l_js()
    if script_change:
        old, new = script_change
        assert old in script
        script = script.replace(old, new)
    patcher = build_amxd_patcher(script)
    if patcher_change:
        patcher_change(patcher["patcher"])
    return write_frozen_amxd(b"mmmm", "osc-composer.amxd", patcher, {EFFECT_JS.name: script.encode()})


def box_with(patcher: dict, text: str) -> dict:
    return next(b["box"] for b in patcher["boxes"] if b["box"].get("text", "") == text)


def cord_out_of_range(patcher: dict) -> None:
    patcher["lines"][0]["patchline"]["source"][1] = 9


def status_below_the_device(patcher: dict) -> None:
    box = next(b["box"] for b in patcher["boxes"] if b["box"].get("text") == "starting ...")
    box["presentation_rect"][1] = DEVICE_HEIGHT - 8


def js_box_with_wrong_outlets(patcher: dict) -> None:
    box_with(patcher, f"js {EFFECT_JS.name}")["numoutlets"] = 3


def not_in_presentation(patcher: dict) -> None:
    patcher["openinpresentation"] = 0


@pytest.mark.parametrize(
    ("mutate", "complaint"),
    [
        (lambda: effect_with(cord_out_of_range), "out of range"),
        (lambda: effect_with(status_below_the_device), "outside the 760×169 device"),
        (lambda: effect_with(js_box_with_wrong_outlets), "inlets/outlets"),
        (lambda: effect_with(not_in_presentation), "presentation mode"),
        (lambda: effect_with(script_change=("function respond(", "function reply_now(")), "'respond'"),
        (
            lambda: write_frozen_amxd(
                b"mmmm",
                "osc-composer.amxd",
                build_amxd_patcher(),
                {EFFECT_JS.name: build_m4l_js().replace("outlets = 5;", "outlets = 4;").encode()},
            ),
            "the script declares",
        ),
        (
            lambda: write_frozen_amxd(b"mmmm", "osc-composer.amxd", build_amxd_patcher(), {}),
            "is not embedded",
        ),
        (lambda: EFFECT.read_bytes()[:-1], "runs past the end"),
        (lambda: EFFECT.read_bytes().replace(b"mmmm", b"mmmx", 1), "unknown device type"),
        (lambda: EFFECT.read_bytes().replace(b"of32", b"of33", 1), "lacks"),
        (lambda: EFFECT.read_bytes().replace(b"mmmm", b"nagg", 1), "device type b'nagg'"),
    ],
    ids=[
        "cord",
        "rectangle",
        "js-box",
        "presentation",
        "command",
        "declared-outlets",
        "not-embedded",
        "truncated",
        "type",
        "footer-field",
        "wrong-type",
    ],
)
def test_device_checker_catches_a_mutation(mutate, complaint: str) -> None:
    problems = device_problems(mutate(), b"mmmm", M4L_WIDTH, DEVICE_HEIGHT)
    assert any(complaint in p for p in problems), problems


def test_generator_checker_catches_a_mutation() -> None:
    patcher = build_generator_patcher()
    box_with(patcher["patcher"], "live.miditool.in")["numoutlets"] = 1
    data = write_frozen_amxd(
        b"nagg", GENERATOR_PATH.name, patcher, {GENERATOR_JS_PATH.name: build_generator_js().encode()}
    )
    problems = device_problems(data, b"nagg", GENERATOR_WIDTH, GENERATOR_HEIGHT)
    assert any("out of range" in p for p in problems), problems


def test_script_checker_catches_a_mutation() -> None:
    source = EFFECT_JS.read_text().replace('PREFIX + "/live/note"', 'PREFIX + "/live/notes"')
    assert any("/composer/live/notes" in p for p in js_problems(source)[0])


@pytest.mark.parametrize(
    ("patcher_change", "script_change", "failing_test"),
    [
        # the old bug: the script sent "set text" into [prepend set]; Live showed "set ready: ..."
        (
            None,
            ("outlet(OUT_STATUS, String(text));", 'outlet(OUT_STATUS, "set", String(text));'),
            "status line",
        ),
        # no pass-through: the track's instrument hears nothing
        (
            lambda p: p["lines"].remove(
                next(
                    line
                    for line in p["lines"]
                    if box_with(p, "midiin")["id"] == line["patchline"]["source"][0]
                    and box_with(p, "midiout")["id"] == line["patchline"]["destination"][0]
                )
            ),
            None,
            "MIDI passes through",
        ),
    ],
    ids=["prepend-set", "pass-through"],
)
def test_node_tests_fail_on_a_broken_device(
    patcher_change, script_change, failing_test: str, tmp_path: Path
) -> None:
    broken = tmp_path / "osc-composer.amxd"
    broken.write_bytes(effect_with(patcher_change, script_change))
    env = {**os.environ, "OSC_COMPOSER_AMXD": str(broken)}
    code, output = run_node_tests(NODE_TESTS / "device.test.js", env=env)
    assert code != 0, output
    assert re.search(rf"^not ok \d+ - .*{failing_test}", output, re.M), output
