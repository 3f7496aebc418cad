"""The Live 12 MIDI Generator (osc-composer-generator.amxd): a Max for Live MIDI Tool.

``live.miditool.in`` hands the script the clip's notes and context (selection, scale,
grid); the script answers through ``live.miditool.out`` (see osc-composer-miditool.js for
the two-pass apply the network needs). Device type ``nagg`` (MIDI Tool Generator), frozen
with its script.
"""

from __future__ import annotations

from builders.amxd import write_frozen_amxd
from builders.common import HERE, REPLY_PORT, SERVER_HOST, SERVER_PORT, SPECS, STYLE_CHOICES
from builders.m4l import (
    DevicePatcher,
    device_project,
    js_io,
    live_menu,
    live_parameter,
    load_trigger,
    report_on_load,
    with_protocol_block,
)

GENERATOR_PATH = HERE / "osc-composer-generator.amxd"
GENERATOR_JS_PATH = HERE / "osc-composer-miditool.js"
GENERATOR_REPLY_PATHS = ("/begin", "/note", "/end", "/error", "/seed/size", "/pong")
# A MIDI Tool sits in the clip view's tool pane; the published examples open at 152 × 147
# (h1data/M4L-MIDI-tool-examples), so the whole view fits that.
GENERATOR_WIDTH = 152.0
GENERATOR_HEIGHT = 147.0
GENERATOR_MODES = ("continue", "variations")


def build_generator_js() -> str:
    return with_protocol_block(GENERATOR_JS_PATH, GENERATOR_REPLY_PATHS)


def _numbox(
    p: DevicePatcher, varname: str, longname: str, label: str, x: float, y: float, rect, low, high, initial
) -> str:
    p.comment(x, y - 20, label, presentation=(rect[0], rect[1] - 13.0, rect[2], 12.0), fontsize=9.0)
    is_int = float(low).is_integer() and float(high).is_integer() and float(initial).is_integer()
    return live_parameter(
        p,
        "live.numbox",
        x,
        y,
        varname,
        longname,
        label,
        rect,
        parameter_type=1 if is_int else 0,
        parameter_mmin=low,
        parameter_mmax=high,
        parameter_initial=[initial],
        parameter_unitstyle=0 if is_int else 1,
    )


def build_generator_patcher(script: str | None = None) -> dict:
    script = build_generator_js() if script is None else script
    js_name = GENERATOR_JS_PATH.name
    p = DevicePatcher({js_name: script})
    tool_in = p.obj(40, 300, "live.miditool.in")
    js = p.obj(40, 360, f"js {js_name}", width=200.0)
    tool_out = p.obj(40, 420, "live.miditool.out")
    p.connect(tool_in, 0, js, 0)  # notes
    p.connect(tool_in, 1, js, 1)  # context: selection, scale, grid
    p.connect(js, 0, tool_out)
    p.connect(js, 1, tool_in)  # bang: continue the apply cycle once the answer is here
    udpsend = p.obj(260, 420, f"udpsend {SERVER_HOST} {SERVER_PORT}")
    udpreceive = p.obj(300, 300, f"udpreceive {REPLY_PORT} @defer 1")
    p.connect(js, 2, udpsend)
    p.connect(js, 3, udpreceive)
    p.connect(udpreceive, 0, js)
    status = p.comment(
        420, 440, "starting ...", width=200.0, presentation=(2.0, 130.0, 148.0, 14.0), fontsize=9.0
    )
    to_status = p.obj(420, 410, "prepend set")
    p.connect(js, 4, to_status)
    p.connect(to_status, 0, status)

    _, t_device = load_trigger(p, js)

    p.comment(40, 110, "osc-composer", presentation=(2.0, 0.0, 100.0, 15.0), fontface=1, fontsize=10.0)
    controls = []
    mode = live_menu(p, 40, 140, "mode", "Mode", "Mode", (2.0, 17.0, 148.0, 15.0), GENERATOR_MODES)
    p.chain(mode, p.obj(40, 170, "prepend mode"), js)
    controls.append(mode)
    variations = SPECS["variations"]
    numbers = (
        ("variation", "Variation", "Variation", "variation", (2.0, 48.0, 70.0, 15.0), 1, variations.high, 1),
        ("count", "Variations asked", "Count", "setting variations", (78.0, 48.0, 72.0, 15.0), 1, 8, 4),
        (
            "temperature",
            "Temperature",
            "Temp",
            "setting temperature",
            (2.0, 80.0, 70.0, 15.0),
            SPECS["temperature"].low,
            SPECS["temperature"].high,
            SPECS["temperature"].default,
        ),
        ("seed", "Random seed", "Seed", "setting seed", (78.0, 80.0, 72.0, 15.0), 0, 99999, 1),
        ("listen", "Listen beats", "Listen", "setting listen", (2.0, 112.0, 70.0, 15.0), 0.25, 64.0, 8.0),
    )
    for i, (varname, longname, label, forward, rect, low, high, initial) in enumerate(numbers):
        x, y = 200 + 110 * i, 140
        ui = _numbox(p, varname, longname, label, x, y, rect, low, high, initial)
        p.chain(ui, p.obj(x, y + 30, f"prepend {forward}"), js)
        controls.append(ui)
    p.comment(800, 120, "Style", presentation=(78.0, 99.0, 72.0, 12.0), fontsize=9.0)
    style = live_menu(p, 800, 140, "style", "Style", "Style", (78.0, 112.0, 72.0, 15.0), STYLE_CHOICES)
    p.chain(style, p.obj(800, 170, "prepend setting style"), js)
    controls.append(style)

    report_on_load(p, t_device, controls)
    assert js_io(script) == (2, 5), "the patch wires the script's two inlets and five outlets"
    return p.patcher(
        (100.0, 100.0, 1000.0, 560.0),
        openinpresentation=1,
        devicewidth=GENERATOR_WIDTH,
        openrect=[0.0, 0.0, GENERATOR_WIDTH, GENERATOR_HEIGHT],
        dependency_cache=[{"name": js_name, "bootpath": ".", "type": "TEXT", "implicit": 1}],
        project=device_project(b"nagg"),
    )


def build_generator(script: str | None = None) -> bytes:
    """osc-composer-generator.amxd: the MIDI Generator, frozen with its script."""
    script = build_generator_js() if script is None else script
    return write_frozen_amxd(
        b"nagg",
        GENERATOR_PATH.name,
        build_generator_patcher(script),
        {GENERATOR_JS_PATH.name: script.encode()},
    )
