"""The Max patch (osc-composer.maxpat) and the Max patcher model the Max for Live device reuses."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from builders.common import (
    KEY_NAMES,
    NUMERIC_SPECS,
    PHRASES,
    REPLY_PORT,
    SERVER_HOST,
    SERVER_PORT,
    SPECS,
    STYLE_CHOICES,
    address,
    max_float,
    phrase_atoms,
    range_text,
    short_doc,
)
from osc_composer.engine.params import ParamSpec
from osc_composer.live.settings import LIVE_SPECS
from osc_composer.music.theory import SCALES

MAX_PRESENTATION_SIZE = (1000.0, 640.0)  # the window, opened in presentation mode
_TRIGGER_TYPES = {"b": "bang", "i": "int", "f": "float", "l": "", "s": "", "a": ""}


def max_io(text: str) -> tuple[int, int, list[str]]:
    """(inlets, outlets, outlet types) of a Max object box, from its text."""
    words = text.split()
    name, args = words[0], [w for w in words[1:] if not w.startswith("@")]
    if "@" in text:
        args = words[1 : next(i for i, w in enumerate(words) if w.startswith("@"))]
    n = len(args)
    if name in ("t", "trigger"):
        return 1, n, [_TRIGGER_TYPES.get(a, "") for a in args]
    if name == "route":
        return n + 1, n + 1, [""] * (n + 1)
    if name in ("sel", "select"):
        return (2 if n == 1 else 1), n + 1, ["bang"] * n + [""]
    if name == "unpack":
        return 1, n, ["float" if "." in a or a == "f" else "int" if a not in ("s", "l") else "" for a in args]
    if name == "pack":
        return n, 1, [""]
    if name == "pipe":
        return n, n - 1, ["float" if "." in a else "int" for a in args[:-1]]
    simple: dict[str, tuple[int, int, list[str]]] = {
        "loadbang": (1, 1, ["bang"]),
        "udpsend": (1, 0, []),
        "udpreceive": (1, 1, [""]),
        "prepend": (1, 1, [""]),
        "print": (1, 0, []),
        "makenote": (3, 2, ["float", "float"]),
        "noteout": (3, 0, []),
        "notein": (1, 3, ["int", "int", "int"]),
        "gate": (2, 1, [""]),
        "onebang": (2, 2, ["bang", "bang"]),
        "timer": (2, 1, ["float"]),
        "metro": (2, 1, ["bang"]),
        "coll": (1, 4, ["", "", "", "bang"]),
        "zl.group": (2, 2, ["", ""]),
        "zl.iter": (2, 2, ["", ""]),
        "zl.nth": (2, 2, ["", ""]),
        "zl.join": (2, 2, ["", ""]),
        "zl.len": (2, 2, ["", ""]),
        "i": (2, 1, ["int"]),
        "f": (2, 1, ["float"]),
        "+": (2, 1, ["int"]),
        "*": (2, 1, ["float"]),
        "-": (2, 1, ["float"]),
        "/": (2, 1, ["float"]),
        "!/": (2, 1, ["float"]),
        "==": (2, 1, ["int"]),
        ">": (2, 1, ["int"]),
        "deferlow": (1, 1, [""]),
        # Max 8's transport (as Max saves it): bars, beats, units, resolution, tempo, time
        # signature, state (1 = running), ticks, info
        "transport": (2, 9, ["int", "int", "float", "float", "float", "", "int", "float", ""]),
        "live.thisdevice": (1, 3, ["bang", "int", "int"]),
        "js": (1, 3, ["", "", ""]),
    }
    if name in simple:
        return simple[name]
    raise KeyError(f"no inlet/outlet table for Max object {name!r}")


@dataclass
class MaxPatcher:
    """Boxes and patchlines, written as Max writes a .maxpat."""

    boxes: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)

    def _box(
        self,
        box: dict,
        x: float,
        y: float,
        width: float,
        height: float = 22.0,
        presentation: Sequence[float] | None = None,
    ) -> str:
        box_id = f"obj-{len(self.boxes) + 1}"
        box = {"id": box_id, **box, "patching_rect": [float(x), float(y), float(width), float(height)]}
        if presentation is not None:
            box["presentation"] = 1
            box["presentation_rect"] = [float(v) for v in presentation]
        self.boxes.append({"box": dict(sorted(box.items()))})
        return box_id

    @staticmethod
    def _width(text: str) -> float:
        return float(max(34, 7 * len(text) + 14))

    def obj(self, x: float, y: float, text: str, **extra) -> str:
        inlets, outlets, types = max_io(text)
        box = {
            "maxclass": "newobj",
            "text": text,
            "numinlets": inlets,
            "numoutlets": outlets,
            "outlettype": types,
            **extra,
        }
        presentation = box.pop("presentation", None)
        return self._box(box, x, y, extra.pop("width", None) or self._width(text), presentation=presentation)

    def msg(self, x: float, y: float, text: str, width: float | None = None, **extra) -> str:
        box = {
            "maxclass": "message",
            "text": text,
            "numinlets": 2,
            "numoutlets": 1,
            "outlettype": [""],
            **extra,
        }
        presentation = box.pop("presentation", None)
        return self._box(box, x, y, width or self._width(text), presentation=presentation)

    def comment(self, x: float, y: float, text: str, width: float | None = None, **extra) -> str:
        box = {"maxclass": "comment", "text": text, "numinlets": 1, "numoutlets": 0, **extra}
        presentation = box.pop("presentation", None)
        return self._box(box, x, y, width or self._width(text), presentation=presentation)

    def ui(
        self, maxclass: str, x: float, y: float, width: float = 50.0, height: float = 22.0, **extra
    ) -> str:
        io = {
            "number": (1, 2, ["", "bang"]),
            "flonum": (1, 2, ["", "bang"]),
            "button": (1, 1, ["bang"]),
            "toggle": (1, 1, ["int"]),
            "umenu": (1, 3, ["int", "", ""]),
            "live.dial": (1, 2, ["", "float"]),
            "live.numbox": (1, 2, ["", "float"]),
            "live.menu": (1, 3, ["", "", "float"]),
            "live.text": (1, 2, ["", ""]),
            "live.comment": (1, 0, []),
        }[maxclass]
        box = {
            "maxclass": maxclass,
            "numinlets": io[0],
            "numoutlets": io[1],
            "outlettype": io[2],
            "parameter_enable": 1 if maxclass.startswith("live.") and maxclass != "live.comment" else 0,
            **extra,
        }
        presentation = box.pop("presentation", None)
        return self._box(box, x, y, width, height, presentation=presentation)

    def connect(self, source: str, outlet: int, destination: str, inlet: int = 0) -> None:
        self.lines.append({"patchline": {"destination": [destination, inlet], "source": [source, outlet]}})

    def chain(self, *ids: str) -> None:
        for a, b in itertools.pairwise(ids):
            self.connect(a, 0, b, 0)

    def patcher(self, rect: Sequence[float], **extra) -> dict:
        return {
            "patcher": {
                "fileversion": 1,
                "appversion": {"major": 8, "minor": 5, "revision": 5, "architecture": "x64", "modernui": 1},
                "classnamespace": "box",
                "rect": [float(v) for v in rect],
                "bglocked": 0,
                "openinpresentation": 0,
                "default_fontsize": 12.0,
                "default_fontface": 0,
                "default_fontname": "Arial",
                "gridonopen": 1,
                "gridsize": [15.0, 15.0],
                "gridsnaponopen": 1,
                "objectsnaponopen": 1,
                "statusbarvisible": 2,
                "toolbarvisible": 1,
                "boxanimatetime": 200,
                "enablehscroll": 1,
                "enablevscroll": 1,
                "description": "",
                "digest": "",
                "tags": "",
                "style": "",
                "subpatcher_template": "",
                "assistshowspatchername": 0,
                **extra,
                "boxes": self.boxes,
                "lines": self.lines,
                "dependency_cache": extra.get("dependency_cache", []),
                "autosave": 0,
            }
        }


def max_param_ui(p: MaxPatcher, spec: ParamSpec, x: float, y: float, **extra) -> str:
    """A number box (int) or flonum (float) limited to the parameter's range."""
    if spec.kind == "int":
        return p.ui("number", x, y, 70, minimum=int(spec.low), maximum=int(spec.high), **extra)
    return p.ui("flonum", x, y, 70, format=6, minimum=float(spec.low), maximum=float(spec.high), **extra)


def build_max() -> dict:
    p = MaxPatcher()
    p.comment(
        20,
        10,
        "osc-composer - Max client",
        fontsize=18.0,
        fontface=1,
        width=400,
        presentation=(10, 8, 400, 28),
    )
    p.comment(
        20,
        40,
        "1. start the server (osc-composer serve)  2. pick, type or record a seed  "
        "3. set parameters  4. GENERATE. Notes come back over OSC and play through "
        "[makenote] -> [noteout] in time with TEMPO.",
        width=760,
        linecount=2,
        height=36,
    )
    p.comment(
        420,
        10,
        "Patching mode (Cmd/Ctrl-Alt-E) shows the plumbing.",
        width=340,
        presentation=(420, 12, 340, 22),
    )

    udpsend = p.obj(620, 760, f"udpsend {SERVER_HOST} {SERVER_PORT}")
    udpreceive = p.obj(900, 120, f"udpreceive {REPLY_PORT}")

    # ------------------------------------------------------------ connection
    p.comment(20, 90, "CONNECTION", fontface=1)
    host = p.msg(20, 115, f"host {SERVER_HOST}")
    p.connect(host, 0, udpsend)
    p.comment(160, 115, "<- edit and click to change the server host")
    p.comment(20, 145, "server port")
    server_port = p.ui("number", 110, 145, 60, minimum=1, maximum=65535)
    to_port = p.obj(180, 145, "prepend port")
    p.chain(server_port, to_port, udpsend)
    p.comment(20, 175, "reply port")
    reply_port = p.ui("number", 110, 175, 60, minimum=1, maximum=65535)
    t_reply = p.obj(180, 175, "t i i")
    listen = p.obj(260, 200, "prepend port")
    tell = p.obj(180, 225, "prepend " + address("/reply_port"))
    p.chain(reply_port, t_reply)
    p.connect(t_reply, 1, listen)
    p.connect(listen, 0, udpreceive)
    p.connect(t_reply, 0, tell)
    p.connect(tell, 0, udpsend)
    ping = p.msg(20, 255, address("/ping"), presentation=(340, 560, 110, 22))
    p.connect(ping, 0, udpsend)
    p.comment(130, 255, "<- is the server there? (answer below)")
    push = p.ui("button", 20, 285, 24, 24, presentation=(460, 559, 24, 24))
    p.comment(50, 287, "send every parameter again (after restarting the server)")
    p.comment(50, 287, "send all settings again", presentation=(488, 560, 170, 20))

    # ------------------------------------------------------------ parameters
    p.comment(
        420,
        90,
        "PARAMETERS (sent as soon as they change)",
        fontface=1,
        width=300,
        presentation=(10, 180, 300, 20),
    )
    ui_boxes: list[tuple[str, str]] = []  # (ui box, default message box text)
    yy = 115
    py = 204  # the presentation's row
    for spec in NUMERIC_SPECS:
        p.comment(420, yy, spec.name, presentation=(10, py, 90, 20))
        ui = max_param_ui(p, spec, 510, yy, presentation=(100, py, 70, 22))
        send = p.obj(620, yy, "prepend " + address(f"/param/{spec.name}"))
        p.connect(ui, 0, send)
        p.connect(send, 0, udpsend)
        p.comment(880, yy, f"{range_text(spec)}: {short_doc(spec)}", width=330)
        p.comment(880, yy, range_text(spec), width=150, presentation=(176, py, 150, 20))
        default = str(int(spec.default)) if spec.kind == "int" else max_float(spec.default)
        ui_boxes.append((ui, default))
        yy += 28
        py += 25
    # menus: the key is sent as its index (outlet 0), a scale or style as its name (outlet 1)
    menus = (
        ("key", KEY_NAMES, 0, "tonic of the scale (sent as 0-11)", 70),
        ("scale", tuple(SCALES), 1, "scale constraint (chromatic = none)", 100),
        ("style", STYLE_CHOICES, 1, "style to continue in (auto = the seed's)", 100),
    )
    for name, choices, outlet, doc, width in menus:
        p.comment(420, yy, name, presentation=(10, py, 90, 20))
        menu = p.ui(
            "umenu",
            510,
            yy,
            width,
            items=[item for choice in choices for item in (choice, ",")][:-1],
            presentation=(100, py, width * 1.3 if outlet else width, 22),
        )
        send = p.obj(620, yy, "prepend " + address(f"/param/{name}"))
        p.connect(menu, outlet, send)
        p.connect(send, 0, udpsend)
        p.comment(880, yy, doc, width=330)
        default = SPECS[name].default
        ui_boxes.append((menu, str(default if isinstance(default, int) else choices.index(default))))
        yy += 28
        py += 25

    # loadbang: defaults into every control (which sends them); push: every control again
    loadbang = p.obj(20, 330, "loadbang")
    defaults = [(server_port, str(SERVER_PORT)), (reply_port, str(REPLY_PORT)), *ui_boxes]
    t_load = p.obj(20, 355, "t " + " ".join("b" for _ in defaults))
    p.connect(loadbang, 0, t_load)
    for i, (ui, value) in enumerate(defaults):
        box = p.msg(20 + 40 * i, 385 + 0 * i, value, width=38)
        p.connect(t_load, len(defaults) - 1 - i, box)
        p.connect(box, 0, ui)
    t_push = p.obj(20, 415, "t " + " ".join("b" for _ in defaults[1:]))
    p.connect(push, 0, t_push)
    for i, (ui, _) in enumerate(defaults[1:]):
        p.connect(t_push, len(defaults) - 2 - i, ui)

    # ------------------------------------------------------------ seed
    sy = 470
    p.comment(
        20,
        sy,
        "SEED: pitch velocity start duration (beats)",
        fontface=1,
        width=380,
        presentation=(10, 44, 320, 20),
    )
    coll_data = {
        "count": len(PHRASES[0][1]),
        "data": [
            {"key": i + 1, "value": [pitch, velocity, float(start), float(duration)]}
            for i, (pitch, velocity, start, duration) in enumerate(PHRASES[0][1])
        ],
    }
    seed = p.obj(
        20,
        sy + 330,
        "coll osc-composer-seed",
        saved_object_attributes={"embed": 1, "precision": 6},
        coll_data=coll_data,
    )
    p.comment(20, sy + 25, "phrase bank", presentation=(10, 68, 90, 20))
    bank = p.ui(
        "umenu",
        110,
        sy + 25,
        150,
        items=[item for name, _ in PHRASES for item in (name, ",")][:-1],
        presentation=(100, 68, 160, 22),
    )
    pick = p.obj(270, sy + 25, "sel " + " ".join(str(i) for i in range(len(PHRASES))))
    p.connect(bank, 0, pick)
    phrase_boxes = []
    for i, (_, notes) in enumerate(PHRASES):
        box = p.msg(20, sy + 55 + 26 * i, " ".join(phrase_atoms(notes, max_floats=True)), width=380)
        p.connect(pick, i, box)
        phrase_boxes.append(box)
    p.comment(20, sy + 160, "or click one of the phrases above (edit them freely)", width=380)
    load = p.obj(20, sy + 185, "t b l b")
    for box in phrase_boxes:
        p.connect(box, 0, load)
    iterate = p.obj(120, sy + 215, "zl.iter 4")
    p.connect(load, 1, iterate)

    # append one note to the coll: index from a counter, then "index p v s d"
    add_note = p.obj(120, sy + 245, "t b l")
    join = p.obj(120, sy + 300, "zl.join")
    index = p.obj(220, sy + 245, "i 1")
    plus = p.obj(260, sy + 270, "+ 1")
    p.connect(iterate, 0, add_note)
    p.connect(add_note, 1, join, 1)
    p.connect(add_note, 0, index)
    p.connect(index, 0, plus)
    p.connect(plus, 0, index, 1)
    p.connect(index, 0, join)
    p.connect(join, 0, seed)

    clear_local = p.obj(300, sy + 185, "t b b")
    p.connect(load, 2, clear_local)
    clear = p.msg(300, sy + 215, "clear")
    one = p.msg(360, sy + 215, "1")
    p.connect(clear_local, 1, clear)
    p.connect(clear_local, 0, one)
    p.connect(clear, 0, seed)
    p.connect(one, 0, index, 1)

    send_seed = p.ui("button", 420, sy + 360, 24, 24, presentation=(10, 124, 24, 24))
    p.comment(450, sy + 362, "send seed", presentation=(38, 126, 80, 20))
    dump = p.msg(20, sy + 360, "dump")
    p.connect(load, 0, dump)
    p.connect(send_seed, 0, dump)
    p.connect(dump, 0, seed)
    group = p.obj(20, sy + 390, "zl.group 4096 @zlmaxsize 4096")
    p.connect(seed, 0, group)
    p.connect(seed, 3, group)
    notes_out = p.obj(20, sy + 420, "prepend " + address("/seed/notes"))
    p.chain(group, notes_out)
    p.connect(notes_out, 0, udpsend)

    clear_seed = p.ui("button", 540, sy + 360, 24, 24, presentation=(130, 124, 24, 24))
    p.comment(570, sy + 362, "clear seed", presentation=(158, 126, 80, 20))
    t_clear = p.obj(540, sy + 390, "t b b")
    server_clear = p.msg(540, sy + 420, address("/seed/clear"))
    p.connect(clear_seed, 0, t_clear)
    p.connect(t_clear, 1, clear_local)
    p.connect(t_clear, 0, server_clear)
    p.connect(server_clear, 0, udpsend)

    # record from [notein]: note-ons remember velocity and time per pitch, note-offs append
    ry = sy + 470
    p.comment(20, ry, "RECORD from MIDI in (the first note starts at beat 0; switch off to send)", width=520)
    record = p.ui("toggle", 20, ry + 25, 24, 24, presentation=(10, 96, 24, 24))
    p.comment(50, ry + 25, "RECORD from MIDI in (off: send)", width=240, presentation=(38, 98, 240, 20))
    rec_sel = p.obj(60, ry + 25, "sel 1 0")
    p.connect(record, 0, rec_sel)
    start_take = p.obj(60, ry + 55, "t b b b")
    p.connect(rec_sel, 0, start_take)
    p.connect(start_take, 2, clear_local)
    onsets = p.obj(420, ry + 230, "coll")
    forget_all = p.msg(160, ry + 85, "clear")
    p.connect(start_take, 1, forget_all)
    p.connect(forget_all, 0, onsets)
    first = p.obj(300, ry + 140, "onebang 1")
    p.connect(start_take, 0, first, 1)
    p.connect(rec_sel, 1, dump)  # stop: send the take as the seed

    notein = p.obj(300, ry + 25, "notein")
    gate = p.obj(300, ry + 80, "gate")
    pack_in = p.obj(300, ry + 55, "pack 0 0")
    p.connect(notein, 0, pack_in)
    p.connect(notein, 1, pack_in, 1)
    p.connect(record, 0, gate)
    p.connect(pack_in, 0, gate, 1)
    swap = p.msg(300, ry + 110, "$2 $1")
    route = p.obj(360, ry + 110, "route 0")
    p.chain(gate, swap, route)
    timer = p.obj(300, ry + 200, "timer")
    t_on = p.obj(480, ry + 140, "t l b b")
    p.connect(route, 1, t_on)
    p.connect(t_on, 2, first)
    p.connect(first, 0, timer)
    on_pack = p.obj(480, ry + 230, "pack 0 0 0.")
    p.connect(t_on, 1, timer, 1)
    p.connect(timer, 0, on_pack, 2)
    on_unpack = p.obj(480, ry + 170, "unpack 0 0")
    p.connect(t_on, 0, on_unpack)
    p.connect(on_unpack, 1, on_pack, 1)
    p.connect(on_unpack, 0, on_pack, 0)
    on_store = p.msg(480, ry + 260, "$2 $1 $3")
    p.chain(on_pack, on_store, onsets)

    t_off = p.obj(640, ry + 140, "t i b i")
    p.connect(route, 0, t_off)
    off_timer = p.obj(640, ry + 200, "timer")
    p.connect(first, 0, off_timer)
    p.connect(t_off, 2, onsets)
    p.connect(t_off, 1, off_timer, 1)
    on_fields = p.obj(420, ry + 290, "unpack 0 0.")
    p.connect(onsets, 0, on_fields)
    t_time = p.obj(500, ry + 320, "t f f")
    p.connect(on_fields, 1, t_time)
    minus = p.obj(640, ry + 350, "- 0.")
    p.connect(t_time, 1, minus, 1)
    p.connect(off_timer, 0, minus)
    start_beats = p.obj(500, ry + 380, "/ 500.")
    dur_beats = p.obj(640, ry + 380, "/ 500.")
    p.connect(t_time, 0, start_beats)
    p.chain(minus, dur_beats)
    record_mspb = p.obj(760, ry + 380, "!/ 60000.")
    p.connect(record_mspb, 0, start_beats, 1)
    p.connect(record_mspb, 0, dur_beats, 1)
    note = p.obj(420, ry + 420, "pack 0 0 0. 0.")
    p.connect(on_fields, 0, note, 1)
    p.connect(start_beats, 0, note, 2)
    p.connect(dur_beats, 0, note, 3)
    t_pitch = p.obj(760, ry + 170, "t i i")
    p.connect(t_off, 0, t_pitch)
    p.connect(t_pitch, 1, note, 0)
    forget = p.obj(760, ry + 200, "prepend remove")
    p.connect(t_pitch, 0, forget)
    p.connect(forget, 0, onsets)
    silence = p.msg(820, ry + 200, "0")
    p.connect(t_pitch, 0, silence)
    p.connect(silence, 0, note, 1)
    t_note = p.obj(420, ry + 450, "t l l")
    p.chain(note, t_note)
    vel_of = p.obj(520, ry + 480, "zl.nth 2")
    positive = p.obj(520, ry + 510, "> 0")
    keep = p.obj(420, ry + 540, "gate")
    p.connect(t_note, 1, vel_of)
    p.chain(vel_of, positive)
    p.connect(positive, 0, keep)
    p.connect(t_note, 0, keep, 1)
    p.connect(keep, 0, add_note)

    # ------------------------------------------------------------ generate, receive, play
    gx = 1240
    p.comment(gx, 90, "GENERATE AND PLAY", fontface=1, presentation=(340, 44, 200, 20))
    generate = p.ui("button", gx, 115, 48, 48, presentation=(340, 68, 48, 48))
    p.comment(gx + 55, 128, "GENERATE", fontface=1, presentation=(394, 82, 100, 20))
    t_gen = p.obj(gx, 175, "t b b")
    p.connect(generate, 0, t_gen)
    request = p.obj(gx, 205, "i")
    next_id = p.obj(gx + 40, 205, "+ 1")
    p.connect(t_gen, 0, request)
    p.connect(request, 0, next_id)
    p.connect(next_id, 0, request, 1)
    ask = p.obj(gx, 235, "prepend " + address("/generate"))
    p.connect(next_id, 0, ask)
    p.connect(ask, 0, udpsend)

    p.comment(gx, 270, "tempo (BPM)", presentation=(340, 124, 100, 20))
    tempo = p.ui(
        "flonum", gx + 100, 270, 60, format=6, minimum=20.0, maximum=400.0, presentation=(440, 124, 60, 22)
    )
    mspb = p.obj(gx + 170, 270, "!/ 60000.")
    p.chain(tempo, mspb)
    p.connect(tempo, 0, record_mspb)
    p.comment(gx, 298, "play variation", presentation=(340, 149, 100, 20))
    variation = p.ui("number", gx + 100, 298, 60, minimum=0, maximum=15, presentation=(440, 149, 60, 22))
    p.comment(gx, 326, "MIDI channel", presentation=(340, 174, 100, 20))
    channel = p.ui("number", gx + 100, 326, 60, minimum=1, maximum=16, presentation=(440, 174, 60, 22))
    stop = p.ui("button", gx, 356, 24, 24, presentation=(520, 124, 24, 24))
    p.comment(gx + 30, 358, "stop notes", presentation=(548, 126, 100, 20))
    for ui, value in ((tempo, "120."), (variation, "0"), (channel, "1")):
        box = p.msg(gx + 180, 300 + 28 * [tempo, variation, channel].index(ui), value, width=40)
        p.connect(loadbang, 0, box)
        p.connect(box, 0, ui)

    route_in = p.obj(
        900,
        150,
        "route " + " ".join(address(a) for a in ("/begin", "/note", "/end", "/error", "/seed/size", "/pong")),
    )
    p.connect(udpreceive, 0, route_in)
    status = p.msg(gx, 420, "idle", width=330, presentation=(340, 226, 320, 22))
    p.comment(gx, 398, "status", presentation=(340, 206, 100, 20))
    error = p.msg(gx, 480, "none", width=330, presentation=(340, 270, 320, 22))
    p.comment(gx, 458, "last error", presentation=(340, 250, 100, 20))
    seed_status = p.msg(gx, 540, "no seed yet", width=330, presentation=(340, 314, 320, 22))
    p.comment(gx, 518, "server seed", presentation=(340, 294, 100, 20))
    connection = p.msg(gx, 600, "ping to check the server", width=330, presentation=(340, 358, 320, 22))
    p.comment(gx, 578, "server", presentation=(340, 338, 100, 20))
    asking = p.msg(gx + 100, 175, "set asking the server ...")
    p.connect(t_gen, 1, asking)
    p.connect(asking, 0, status)

    begin_show = p.msg(900, 200, "set request $1: $2 variation(s) over $3 beats")
    p.connect(route_in, 0, begin_show)
    p.connect(begin_show, 0, status)
    end_show = p.msg(900, 230, "set request $1 variation $2: $3 notes")
    p.connect(route_in, 2, end_show)
    p.connect(end_show, 0, status)
    error_show = p.obj(900, 260, "prepend set")
    p.connect(route_in, 3, error_show)
    p.connect(error_show, 0, error)
    seed_show = p.msg(900, 290, "set $1 notes over $2 beats")
    p.connect(route_in, 4, seed_show)
    p.connect(seed_show, 0, seed_status)
    pong_show = p.msg(900, 320, "set connected to osc-composer $1")
    p.connect(route_in, 5, pong_show)
    p.connect(pong_show, 0, connection)
    other = p.obj(1100, 200, "print osc-composer")
    live_route = max_live_section(p, gx, 660, udpsend, loadbang, push, mspb, tempo, channel)
    p.connect(route_in, 6, live_route)
    info_route = max_models_section(p, udpsend)
    p.connect(live_route, 5, info_route)
    p.connect(info_route, 4, other)

    # notes: keep the chosen variation, schedule at start x ms-per-beat, play
    t_note_in = p.obj(900, 360, "t l l")
    p.connect(route_in, 1, t_note_in)
    which = p.obj(1000, 390, "zl.nth 2")
    chosen = p.obj(1000, 420, "==")
    p.connect(t_note_in, 1, which)
    p.chain(which, chosen)
    p.connect(variation, 0, chosen, 1)
    pass_note = p.obj(900, 450, "gate")
    p.connect(chosen, 0, pass_note)
    p.connect(t_note_in, 0, pass_note, 1)
    fields = p.obj(900, 480, "unpack 0 0 0 0 0. 0.")
    p.chain(pass_note, fields)
    dur_ms = p.obj(1080, 510, "* 500.")
    start_ms = p.obj(1010, 510, "* 500.")
    p.connect(mspb, 0, dur_ms, 1)
    p.connect(mspb, 0, start_ms, 1)
    p.connect(fields, 5, dur_ms)
    p.connect(fields, 4, start_ms)
    event = p.obj(900, 545, "pack 0 0 0. 0.")
    p.connect(dur_ms, 0, event, 2)
    p.connect(start_ms, 0, event, 3)
    p.connect(fields, 3, event, 1)
    p.connect(fields, 2, event, 0)
    pipe = p.obj(900, 575, "pipe 0 0 0. 0")
    p.chain(event, pipe)
    makenote = p.obj(900, 610, "makenote 100 250")
    for i in range(3):
        p.connect(pipe, i, makenote, i)
    noteout = p.obj(900, 645, "noteout")
    p.connect(makenote, 0, noteout)
    p.connect(makenote, 1, noteout, 1)
    p.connect(channel, 0, noteout, 2)
    t_stop = p.obj(gx, 385, "t b b")
    p.connect(stop, 0, t_stop)
    clear_pipe = p.msg(1080, 575, "clear")
    stop_notes = p.msg(1080, 610, "stop")
    p.connect(t_stop, 1, clear_pipe)
    p.connect(t_stop, 0, stop_notes)
    p.connect(clear_pipe, 0, pipe)
    p.connect(stop_notes, 0, makenote)
    return p.patcher((40.0, 60.0, *MAX_PRESENTATION_SIZE), openinpresentation=1)


def max_models_section(p: MaxPatcher, udpsend: str) -> str:
    """MODEL: ask for the models, pick one from a menu (sent as /composer/model), show the one in
    use; DESCRIBE: ask what the server can do (each address printed, the count shown). Returns the
    [route] for their replies."""
    x, y = 900, 700
    p.comment(x, y, "MODEL", fontface=1, presentation=(340, 392, 200, 20))
    ask = p.msg(x, y + 60, address("/models"), presentation=(340, 414, 130, 22))
    p.connect(ask, 0, udpsend)
    clear = p.msg(x + 140, y + 60, "clear")
    menu = p.ui("umenu", x + 140, y + 90, 180, items=[], presentation=(476, 414, 184, 22))
    p.connect(clear, 0, menu)
    p.connect(ask, 0, clear)  # asking empties the menu; the replies fill it again
    choose = p.obj(x + 140, y + 120, "prepend " + address("/model"))
    p.connect(menu, 1, choose)
    p.connect(choose, 0, udpsend)
    current = p.msg(x, y + 210, "model: ask the server", width=320, presentation=(340, 440, 320, 22))

    describe = p.msg(x, y + 240, address("/describe"), presentation=(340, 476, 130, 22))
    p.connect(describe, 0, udpsend)
    known = p.msg(x, y + 300, "what can the server do?", width=320, presentation=(340, 502, 320, 22))

    route = p.obj(
        x,
        y + 150,
        "route "
        + " ".join(address(a) for a in ("/model/available", "/model/loaded", "/address", "/describe/end")),
    )
    t_item = p.obj(x, y + 180, "t l l")
    p.connect(route, 0, t_item)
    append = p.msg(x + 140, y + 180, "append $1")
    p.connect(t_item, 1, append)
    p.connect(append, 0, menu)
    fields = p.obj(x + 300, y + 180, "unpack s 0")
    p.connect(t_item, 0, fields)
    in_use = p.obj(x + 300, y + 210, "gate")
    p.connect(fields, 1, in_use)
    p.connect(fields, 0, in_use, 1)
    show_current = p.msg(x + 300, y + 240, "set model: $1 (in use)")
    p.connect(in_use, 0, show_current)
    p.connect(show_current, 0, current)
    loaded = p.msg(x + 500, y + 180, "set model: $1 (loaded)")
    p.connect(route, 1, loaded)
    p.connect(loaded, 0, current)
    printed = p.obj(x + 500, y + 240, "print osc-composer-describe")
    p.connect(route, 2, printed)
    count = p.msg(x + 500, y + 270, "set the server knows $1 addresses (listed in the Max console)")
    p.connect(route, 3, count)
    p.connect(count, 0, known)
    return route


def max_live_section(
    p: MaxPatcher,
    x: float,
    y: float,
    udpsend: str,
    loadbang: str,
    push: str,
    mspb: str,
    tempo: str,
    channel: str,
) -> str:
    """LIVE PLAY: MIDI in as live notes, respond/clear, live parameters, the clock, play/stop/panic,
    and the streamed notes to [noteout]. Returns the [route] for the live and play replies."""
    px = 680  # the presentation's column
    p.comment(
        x,
        y,
        "LIVE PLAY (call and response; the server plays at your clock)",
        fontface=1,
        width=400,
        presentation=(px, 44, 310, 20),
    )
    live_on = p.ui("toggle", x, y + 25, 24, 24, presentation=(px, 68, 24, 24))
    p.comment(
        x + 30,
        y + 27,
        "LIVE: send MIDI in as /composer/live/note",
        width=300,
        presentation=(px + 28, 70, 280, 20),
    )
    notein = p.obj(x + 300, y + 25, "notein")
    pack_in = p.obj(x + 300, y + 55, "pack 0 0")
    p.connect(notein, 0, pack_in)
    p.connect(notein, 1, pack_in, 1)
    to_note = p.obj(x + 300, y + 85, "prepend " + address("/live/note"))
    p.chain(pack_in, to_note)
    gate = p.obj(x + 300, y + 115, "gate")
    p.connect(live_on, 0, gate)
    p.connect(to_note, 0, gate, 1)
    p.connect(gate, 0, udpsend)

    # commands: click to send
    commands = ("/live/respond", "/live/clear", "/play", "/play/stop", "/panic", "/live/start", "/live/stop")
    for i, path in enumerate(commands):
        box = p.msg(
            x + (i % 4) * 130,
            y + 60 + 28 * (i // 4),
            address(path),
            presentation=(px + (i % 2) * 155, 98 + 26 * (i // 2), 150, 22),
        )
        p.connect(box, 0, udpsend)
    p.comment(
        x,
        y + 116,
        "respond now, forget what was heard; play the latest result, stop, all notes off; "
        "start and stop the model's own voice (duet and continue modes)",
        width=290,
    )

    # live parameters, limited to their range; defaults at load, again with the push button
    t_push = p.obj(x + 520, y + 120, "t " + " ".join("b" for _ in LIVE_SPECS))
    p.connect(push, 0, t_push)
    for i, spec in enumerate(LIVE_SPECS):
        yy = y + 150 + 28 * i
        py = 208 + 25 * i
        p.comment(x, yy, spec.name, presentation=(px, py, 110, 20))
        p.comment(x + 600, yy, range_text(spec), width=120, presentation=(px + 186, py, 120, 20))
        ui = max_param_ui(p, spec, x + 90, yy, presentation=(px + 110, py, 70, 22))
        send = p.obj(x + 170, yy, "prepend " + address(f"/live/param/{spec.name}"))
        p.chain(ui, send, udpsend)
        default = p.msg(
            x + 520, yy, str(int(spec.default)) if spec.kind == "int" else max_float(spec.default)
        )
        p.connect(loadbang, 0, default)
        p.connect(default, 0, ui)
        p.connect(t_push, len(LIVE_SPECS) - 1 - i, ui)

    # the clock, on every beat of [metro] at tempo: Max's transport (its tempo, its position in
    # ticks / 480) while it runs; otherwise the tempo box and a beat count from 0 at switch-on
    cy = y + 150 + 28 * len(LIVE_SPECS) + 10
    clock_on = p.ui("toggle", x, cy, 24, 24, presentation=(px, 536, 24, 24))
    p.comment(x + 30, cy + 2, "send the clock (/composer/clock tempo beat, every beat)", width=330)
    p.comment(
        x + 30,
        cy + 2,
        "send the clock (transport, else tempo)",
        width=280,
        presentation=(px + 28, 538, 280, 20),
    )
    t_clock = p.obj(x, cy + 30, "t i b")
    reset = p.msg(x + 60, cy + 60, "0")
    metro = p.obj(x, cy + 60, "metro 500")
    t_tick = p.obj(x + 300, cy + 60, "t b b")
    transport = p.obj(x + 300, cy + 90, "transport")
    running = p.obj(x + 200, cy + 90, "i")
    which = p.obj(x + 200, cy + 120, "sel 1 0")
    tp_tempo = p.obj(x + 300, cy + 180, "f")
    ticks_to_beats = p.obj(x + 400, cy + 120, "/ 480.")  # Max: 480 ticks per quarter note
    tp_beat = p.obj(x + 400, cy + 150, "f")
    t_transport = p.obj(x + 200, cy + 150, "t b b")
    transport_clock = p.obj(x + 300, cy + 210, "pack 0. 0.")
    p.connect(metro, 0, t_tick)
    p.connect(t_tick, 1, transport)
    p.connect(transport, 4, tp_tempo, 1)
    p.connect(transport, 6, running, 1)
    p.connect(transport, 7, ticks_to_beats)
    p.connect(ticks_to_beats, 0, tp_beat, 1)
    p.connect(t_tick, 0, running)
    p.connect(running, 0, which)
    p.connect(which, 0, t_transport)
    p.connect(t_transport, 1, tp_beat)
    p.connect(tp_beat, 0, transport_clock, 1)
    p.connect(t_transport, 0, tp_tempo)
    p.connect(tp_tempo, 0, transport_clock)
    counter = p.obj(x, cy + 90, "i")
    t_beat = p.obj(x, cy + 120, "t b i i")
    plus = p.obj(x + 100, cy + 150, "+ 1")
    bpm = p.obj(x, cy + 150, "f 120.")
    clock = p.obj(x, cy + 180, "pack 0. 0.")
    to_clock = p.obj(x, cy + 210, "prepend " + address("/clock"))
    p.chain(clock_on, t_clock)
    p.connect(t_clock, 1, reset)
    p.connect(reset, 0, counter, 1)
    p.connect(t_clock, 0, metro)
    p.connect(mspb, 0, metro, 1)
    p.connect(which, 1, counter)
    p.connect(counter, 0, t_beat)
    p.connect(t_beat, 2, plus)
    p.connect(plus, 0, counter, 1)
    p.connect(t_beat, 1, clock, 1)
    p.connect(t_beat, 0, bpm)
    p.connect(tempo, 0, bpm, 1)
    p.connect(bpm, 0, clock)
    p.chain(clock, to_clock, udpsend)
    p.connect(transport_clock, 0, to_clock)

    # replies: the answer and playback shown, streamed notes to [noteout]
    ry = cy + 250
    live_status = p.msg(x, ry + 150, "nothing heard yet", width=330, presentation=(px, 590, 310, 22))
    p.comment(x, ry + 128, "live", presentation=(px, 570, 100, 20))
    route = p.obj(
        x,
        ry,
        "route "
        + " ".join(
            address(a) for a in ("/live/answer", "/play/noteon", "/play/noteoff", "/play/start", "/play/end")
        ),
    )
    answer = p.msg(x, ry + 30, "set answer $1 at beat $2 - $3 notes heard")
    p.connect(route, 0, answer)
    p.connect(answer, 0, live_status)
    noteout = p.obj(x + 300, ry + 100, "noteout")
    p.connect(channel, 0, noteout, 2)
    on_fields = p.obj(x + 300, ry + 30, "unpack 0 0")
    p.connect(route, 1, on_fields)
    p.connect(on_fields, 0, noteout)
    p.connect(on_fields, 1, noteout, 1)
    off = p.msg(x + 400, ry + 30, "$1 0")
    off_fields = p.obj(x + 400, ry + 60, "unpack 0 0")
    p.connect(route, 2, off)
    p.chain(off, off_fields)
    p.connect(off_fields, 0, noteout)
    p.connect(off_fields, 1, noteout, 1)
    start = p.msg(x, ry + 60, "set playing $1 from beat $2")
    p.connect(route, 3, start)
    p.connect(start, 0, live_status)
    end = p.msg(x, ry + 90, "set played $1")
    p.connect(route, 4, end)
    p.connect(end, 0, live_status)
    return route
