"""Build the client patches in this folder from the server's protocol table.

    python max_patches/build_patches.py          # write every patch
    python max_patches/build_patches.py --check  # exit 1 if a committed patch is out of date

Every parameter control (its name, OSC type, range, default) and every address a patch
sends comes from :mod:`osc_composer.protocol` and :mod:`osc_composer.params`, so a patch
never drifts from the server: rename an address or change a range and the patches change
with it (``tests/test_patches.py`` checks both the files and what they send).

Outputs: ``osc-composer.pd`` (Pure Data vanilla), ``osc-composer.maxpat`` (Max),
``osc-composer.amxd`` (Max for Live MIDI effect, with the parameter table of
``osc-composer-m4l.js`` regenerated in place) and ``osc-composer.tosc`` (TouchOSC).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import struct
import sys
import uuid
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a clone without installing

from osc_composer.live import LIVE_SPECS  # noqa: E402
from osc_composer.params import PARAM_SPECS, ParamSpec  # noqa: E402
from osc_composer.protocol import INCOMING, OUTGOING, PREFIX  # noqa: E402
from osc_composer.theory import SCALES  # noqa: E402

SERVER_HOST = "127.0.0.1"
SERVER_PORT = 9000
REPLY_PORT = 9001

PD_PATH = HERE / "osc-composer.pd"
MAX_PATH = HERE / "osc-composer.maxpat"
AMXD_PATH = HERE / "osc-composer.amxd"
M4L_JS_PATH = HERE / "osc-composer-m4l.js"
TOSC_PATH = HERE / "osc-composer.tosc"

# Key names without '#': Pd reads '#' in a saved file as '$', and the server takes flats.
KEY_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")
NUMERIC_SPECS = tuple(s for s in PARAM_SPECS if s.kind in ("int", "float"))
SPECS = {s.name: s for s in PARAM_SPECS}


def _style_choices() -> tuple[str, ...]:
    """``auto`` and the styles of the bundled default model (a style menu's entries)."""
    from osc_composer.model import ModelFileError, read_metadata
    from osc_composer.paths import default_model_path

    try:
        return ("auto", *read_metadata(default_model_path()).config.styles)
    except ModelFileError:
        return ("auto",)


STYLE_CHOICES = _style_choices()

# Seed phrases every client offers: (name, notes as (pitch, velocity, start, duration) in beats).
PHRASES: tuple[tuple[str, tuple[tuple[int, int, float, float], ...]], ...] = (
    (
        "C major line",
        (
            (60, 100, 0, 0.5),
            (62, 90, 0.5, 0.5),
            (64, 100, 1, 0.5),
            (65, 90, 1.5, 0.5),
            (67, 110, 2, 1),
            (65, 90, 3, 0.5),
            (64, 100, 3.5, 0.5),
        ),
    ),
    (
        "A minor arpeggio",
        (
            (57, 100, 0, 0.5),
            (60, 90, 0.5, 0.5),
            (64, 95, 1, 0.5),
            (69, 110, 1.5, 1),
            (64, 90, 2.5, 0.5),
            (60, 85, 3, 1),
        ),
    ),
    (
        "C blues riff",
        (
            (60, 110, 0, 0.75),
            (63, 90, 0.75, 0.25),
            (65, 100, 1, 0.5),
            (66, 95, 1.5, 0.5),
            (67, 110, 2, 1),
            (70, 90, 3, 0.5),
            (67, 85, 3.5, 0.5),
        ),
    ),
    (
        "chords I-ii",
        ((60, 90, 0, 2), (64, 85, 0, 2), (67, 85, 0, 2), (62, 90, 2, 2), (65, 85, 2, 2), (69, 85, 2, 2)),
    ),
)
MAX_SEED_NOTES_PD = 64  # notes typed exactly as iiff by the Pd patch; more go out as f (accepted)


def address(path: str) -> str:
    """A full address, checked against the table (a typo here fails the build)."""
    full = PREFIX + path
    if full not in INCOMING and full not in OUTGOING:
        raise KeyError(f"{full} is not in osc_composer.protocol.ADDRESSES")
    return full


def number_text(value: float) -> str:
    """A number as Pd and Max write it: 1, 0.5, 1e+06 (no trailing .0)."""
    text = f"{value:g}"
    return text


def max_float(value: float) -> str:
    """A float literal as Max types it (``1.``, ``0.5``) so it stays a float."""
    text = f"{float(value):g}"
    return text if any(c in text for c in ".e") else text + "."


def phrase_atoms(notes: Iterable[tuple[int, int, float, float]], *, max_floats: bool = False) -> list[str]:
    atoms: list[str] = []
    for pitch, velocity, start, duration in notes:
        if max_floats:
            atoms += [str(pitch), str(velocity), max_float(start), max_float(duration)]
        else:
            atoms += [str(pitch), str(velocity), number_text(start), number_text(duration)]
    return atoms


def short_doc(spec: ParamSpec) -> str:
    return spec.doc.split(":")[0].split("(")[0].strip()


def range_text(spec: ParamSpec) -> str:
    if spec.name == "seed":
        return "-1 = random"
    return f"{number_text(spec.low)}..{number_text(spec.high)}"


# =====================================================================================
# Pure Data
# =====================================================================================


def pd_escape(text: str) -> str:
    """Pd file escaping: ``$`` → ``\\$``, ``;`` and ``,`` as separate escaped atoms."""
    text = text.replace("$", "\\$")
    text = re.sub(r"\s*;\s*", lambda _: " \\; ", text)
    text = re.sub(r"\s*,\s*", lambda _: " \\, ", text)
    return text.strip()


PD_COLORS = "#fcfcfc #000000 #000000"  # background, front, label


@dataclass
class PdCanvas:
    """One Pd canvas: elements are numbered in file order (comments count too)."""

    name: str | None = None
    rect: tuple[int, int, int, int] = (0, 50, 900, 600)
    lines: list[str] = field(default_factory=list)
    count: int = 0
    connects: list[tuple[int, int, int, int]] = field(default_factory=list)

    def _add(self, line: str, extra: Sequence[str] = ()) -> int:
        self.lines.append(line)
        self.lines.extend(extra)
        self.count += 1
        return self.count - 1

    def obj(self, x: int, y: int, text: str, *, width: int | None = None, extra: Sequence[str] = ()) -> int:
        suffix = f", f {width}" if width else ""
        return self._add(f"#X obj {x} {y} {pd_escape(text)}{suffix};", extra)

    def msg(self, x: int, y: int, text: str, *, width: int | None = None) -> int:
        suffix = f", f {width}" if width else ""
        return self._add(f"#X msg {x} {y} {pd_escape(text)}{suffix};")

    def comment(self, x: int, y: int, text: str, *, width: int | None = None) -> int:
        suffix = f", f {width}" if width else ""
        return self._add(f"#X text {x} {y} {pd_escape(text)}{suffix};")

    def floatatom(self, x: int, y: int, width: int, low: float, high: float, receive: str, send: str) -> int:
        return self._add(
            f"#X floatatom {x} {y} {width} {number_text(low)} {number_text(high)} 0 - {receive} {send} 0;"
        )

    def symbolatom(self, x: int, y: int, width: int, receive: str) -> int:
        return self._add(f"#X symbolatom {x} {y} {width} 0 0 0 - {receive} - 0;")

    def bng(self, x: int, y: int, send: str, label: str = "empty", size: int = 22) -> int:
        return self._add(
            f"#X obj {x} {y} bng {size} 250 50 0 {send} empty {label} {size + 5} 11 0 12 {PD_COLORS};"
        )

    def tgl(self, x: int, y: int, send: str, label: str = "empty", size: int = 22) -> int:
        return self._add(
            f"#X obj {x} {y} tgl {size} 0 {send} empty {label} {size + 5} 11 0 12 {PD_COLORS} 0 1;"
        )

    def hradio(self, x: int, y: int, number: int, send: str, size: int = 22) -> int:
        return self._add(
            f"#X obj {x} {y} hradio {size} 1 0 {number} {send} empty empty 0 -10 0 12 {PD_COLORS} 0;"
        )

    def sub(self, x: int, y: int, canvas: PdCanvas) -> int:
        self.lines.append(canvas.render())
        self.lines.append(f"#X restore {x} {y} pd {canvas.name};")
        self.count += 1
        return self.count - 1

    def connect(self, a: int, outlet: int, b: int, inlet: int = 0) -> None:
        self.connects.append((a, outlet, b, inlet))

    def chain(self, *items: int) -> None:
        """Connect outlet 0 of each item to inlet 0 of the next."""
        for a, b in itertools.pairwise(items):
            self.connect(a, 0, b, 0)

    def render(self) -> str:
        x, y, w, h = self.rect
        head = f"#N canvas {x} {y} {w} {h} {self.name} 0;" if self.name else f"#N canvas {x} {y} {w} {h} 12;"
        connects = [f"#X connect {a} {o} {b} {i};" for a, o, b, i in self.connects]
        return "\n".join([head, *self.lines, *connects])


def pd_oscformat(path: str, types: str) -> str:
    """``oscformat -f TYPES a b c`` for ``/composer/a/b``-style paths (address checked)."""
    full = address(path)
    words = full.strip("/").split("/")
    flag = f"-f {types} " if types else ""
    return f"oscformat {flag}{' '.join(words)}"


def build_pd() -> str:
    main = PdCanvas(rect=(40, 40, 1240, 1140))

    # ---------------------------------------------------------------- title and help
    main.comment(20, 12, "osc-composer - Pure Data client (vanilla Pd 0.51+)")
    main.comment(
        20,
        36,
        "Start the server (osc-composer serve), pick or record a seed, set parameters, press GENERATE. "
        "Notes come back over OSC and play on [noteout] in time with TEMPO.",
        width=150,
    )

    # ---------------------------------------------------------------- connection (left column)
    x0, y = 20, 90
    main.comment(x0, y, "CONNECTION")
    main.msg(x0, y + 24, f"; composer-connect {SERVER_HOST} {SERVER_PORT}")
    main.comment(x0 + 250, y + 24, "server host and port")
    main.msg(x0, y + 52, f"; composer-listen {REPLY_PORT}")
    main.comment(x0 + 250, y + 52, "port replies come to")
    main.bng(x0, y + 82, "composer-ping")
    main.comment(x0 + 30, y + 84, "ping")
    main.bng(x0 + 100, y + 82, "composer-push")
    main.comment(x0 + 130, y + 84, "send all parameters again")
    r = main.obj(x0, y + 116, "r composer-conn-show")
    box = main.msg(x0, y + 142, "not connected")
    main.connect(r, 0, box)

    # ---------------------------------------------------------------- status (left column)
    y = 290
    main.comment(x0, y, "STATUS")
    r = main.obj(x0, y + 22, "r composer-status-show")
    box = main.msg(x0, y + 48, "idle")
    main.connect(r, 0, box)
    main.comment(x0, y + 78, "last error")
    r = main.obj(x0, y + 100, "r composer-error-show")
    box = main.msg(x0, y + 126, "none")
    main.connect(r, 0, box)
    main.comment(x0, y + 156, "server seed")
    r = main.obj(x0, y + 178, "r composer-seed-show")
    box = main.msg(x0, y + 204, "no seed yet")
    main.connect(r, 0, box)

    # ---------------------------------------------------------------- play (left column)
    y = 540
    main.comment(x0, y, "GENERATE AND PLAY")
    main.bng(x0, y + 26, "composer-generate", size=40)
    main.comment(x0 + 48, y + 36, "GENERATE")
    main.bng(x0 + 160, y + 26, "composer-stop", size=40)
    main.comment(x0 + 208, y + 36, "stop notes")
    rows = (
        ("tempo", "tempo-bpm", 20, 400, "beats per minute"),
        ("play variation", "play-variation", 0, 15, "which variation plays"),
        ("MIDI channel", "channel", 1, 16, "for [noteout]"),
    )
    for i, (label, name, low, high, doc) in enumerate(rows):
        yy = y + 82 + 26 * i
        main.comment(x0, yy, label)
        main.floatatom(x0 + 120, yy, 5, low, high, f"composer-{name}-set", f"composer-{name}")
        main.comment(x0 + 175, yy, doc)

    # ---------------------------------------------------------------- seed (middle column)
    x1, y = 420, 90
    main.comment(x1, y, "SEED (pitch velocity start duration, in beats)")
    main.comment(x1, y + 24, "phrase bank:")
    main.hradio(x1 + 100, y + 22, len(PHRASES), "composer-phrase")
    main.comment(x1 + 100 + 22 * len(PHRASES) + 8, y + 24, " / ".join(name for name, _ in PHRASES), width=40)
    phrase_lines = " ; ".join(" ".join(phrase_atoms(notes)) for _, notes in PHRASES)
    main.obj(
        x1, y + 56, "text define -k composer-phrases", extra=[f"#A set {pd_escape(phrase_lines + ' ;')};"]
    )
    main.comment(x1 + 230, y + 56, "<- double-click to edit the bank")
    main.comment(x1, y + 86, "or click a phrase of your own (edit it freely):")
    main.msg(x1, y + 108, "; composer-seed-set " + " ".join(phrase_atoms(PHRASES[0][1])), width=56)
    main.tgl(x1, y + 158, "composer-record", size=30)
    main.comment(x1 + 38, y + 164, "RECORD from MIDI in: play, then switch off to send")
    main.bng(x1, y + 200, "composer-seed-send")
    main.comment(x1 + 30, y + 202, "send seed again")
    main.bng(x1 + 170, y + 200, "composer-seed-clear")
    main.comment(x1 + 200, y + 202, "clear seed")

    # ---------------------------------------------------------------- parameters (middle column)
    y = 340
    main.comment(x1, y, "PARAMETERS (sent as soon as they change)")
    for i, spec in enumerate(NUMERIC_SPECS):
        yy = y + 26 + 24 * i
        main.comment(x1, yy, spec.name)
        main.floatatom(
            x1 + 100,
            yy,
            7,
            spec.low,
            spec.high,
            f"composer-param-{spec.name}-set",
            f"composer-param-{spec.name}",
        )
        main.comment(x1 + 170, yy, f"{range_text(spec)} : {short_doc(spec)}", width=60)

    # ---------------------------------------------------------------- key and scale (right column)
    x2, y = 900, 90
    main.comment(x2, y, "KEY (tonic of the scale)")
    for i, name in enumerate(KEY_NAMES):
        main.msg(x2 + (i % 6) * 52, y + 24 + (i // 6) * 28, f"; composer-param-key symbol {name}")
    main.symbolatom(x2, y + 84, 6, "composer-param-key-show")
    main.comment(x2 + 70, y + 84, "current key")
    y = 210
    main.comment(x2, y, "SCALE (chromatic = no constraint)")
    for i, name in enumerate(SCALES):
        main.msg(x2 + (i % 2) * 150, y + 24 + (i // 2) * 26, f"; composer-param-scale symbol {name}")
    yy = y + 24 + ((len(SCALES) + 1) // 2) * 26
    main.symbolatom(x2, yy, 16, "composer-param-scale-show")
    main.comment(x2 + 140, yy, "current scale")
    y = yy + 34
    main.comment(x2, y, "STYLE (auto = the seed's; the default model's styles)")
    for i, name in enumerate(STYLE_CHOICES):
        main.msg(x2 + (i % 2) * 150, y + 24 + (i // 2) * 26, f"; composer-param-style symbol {name}")
    yy = y + 24 + ((len(STYLE_CHOICES) + 1) // 2) * 26
    main.symbolatom(x2, yy, 16, "composer-param-style-show")
    main.comment(x2 + 140, yy, "current style")

    # ---------------------------------------------------------------- live play (bottom row)
    pd_live_section(main, x0, 880)

    # ---------------------------------------------------------------- plumbing subpatches
    y = 720
    main.comment(x2, y, "how it works (open to see):")
    subs = (pd_network(), pd_seed(), pd_record(), pd_params(), pd_player(), pd_live(), pd_test())
    for i, canvas in enumerate(subs):
        main.sub(x2 + (i % 3) * 100, y + 26 + (i // 3) * 30, canvas)
    return main.render() + "\n"


def pd_network() -> PdCanvas:
    c = PdCanvas("network", (80, 80, 760, 560))
    c.comment(20, 10, "UDP out to the server, UDP in for replies (bundles are flattened by oscparse)")
    lb = c.obj(20, 40, "loadbang")
    t = c.obj(20, 66, "t b b")
    listen_default = c.msg(120, 92, str(REPLY_PORT))
    connect_default = c.msg(20, 118, f"{SERVER_HOST} {SERVER_PORT}")
    c.chain(lb, t)
    c.connect(t, 1, listen_default)
    c.connect(t, 0, connect_default)
    s_listen = c.obj(120, 118, "s composer-listen")
    s_connect = c.obj(20, 144, "s composer-connect")
    c.connect(listen_default, 0, s_listen)
    c.connect(connect_default, 0, s_connect)

    # listen port: remembered, told to the server as /composer/reply_port
    r_listen = c.obj(300, 40, "r composer-listen")
    t_listen = c.obj(300, 66, "t b f f")
    listen = c.msg(420, 92, "listen $1")
    port = c.obj(300, 200, f"f {REPLY_PORT}")
    c.chain(r_listen, t_listen)
    c.connect(t_listen, 2, listen)
    c.connect(t_listen, 1, port, 1)
    c.connect(t_listen, 0, port)
    reply = c.obj(300, 226, pd_oscformat("/reply_port", "i"))
    c.chain(port, reply)

    # server address: reconnect, then re-send the reply port and every parameter
    r_connect = c.obj(20, 200, "r composer-connect")
    t_connect = c.obj(20, 226, "t b b a b")
    disconnect = c.msg(200, 262, "disconnect")
    prepend = c.obj(100, 262, "list prepend connect")
    trim = c.obj(100, 288, "list trim")
    push = c.obj(20, 340, "s composer-push")
    c.chain(r_connect, t_connect)
    c.connect(t_connect, 3, disconnect)
    c.connect(t_connect, 2, prepend)
    c.chain(prepend, trim)
    c.connect(t_connect, 1, port)
    c.connect(t_connect, 0, push)

    r_out = c.obj(420, 262, "r composer-out")
    netsend = c.obj(200, 320, "netsend -u -b")
    c.connect(trim, 0, netsend)
    c.connect(disconnect, 0, netsend)
    c.connect(r_out, 0, netsend)
    c.connect(reply, 0, netsend)
    state = c.obj(200, 350, "sel 0 1")
    off = c.msg(200, 380, "; composer-conn-show set not connected")
    on = c.msg(200, 430, "; composer-conn-show set connected - ping to check the server")
    c.chain(netsend, state)
    c.connect(state, 0, off)
    c.connect(state, 1, on)

    receive = c.obj(420, 118, "netreceive -u -b")
    c.connect(listen, 0, receive)
    parse = c.obj(420, 144, "oscparse")
    trim_in = c.obj(420, 170, "list trim")
    route = c.obj(420, 196, "route composer")
    s_in = c.obj(420, 226, "s composer-in")
    other = c.obj(540, 226, "print composer-other")
    c.chain(receive, parse, trim_in, route, s_in)
    c.connect(route, 1, other)
    return c


def pd_seed() -> PdCanvas:
    c = PdCanvas("seed", (100, 100, 700, 420))
    c.comment(20, 10, "the seed lives in [list store]; /composer/seed/notes sends it whole")
    r_set = c.obj(20, 40, "r composer-seed-set")
    t_set = c.obj(20, 66, "t b l")
    r_send = c.obj(180, 40, "r composer-seed-send")
    store = c.obj(20, 130, "list store")
    c.chain(r_set, t_set)
    c.connect(t_set, 1, store, 1)
    s_send = c.obj(20, 96, "s composer-seed-send")
    c.connect(t_set, 0, s_send)
    c.connect(r_send, 0, store)
    fmt = c.obj(20, 170, pd_oscformat("/seed/notes", "iiff" * MAX_SEED_NOTES_PD), width=70)
    out = c.obj(20, 250, "s composer-out")
    c.chain(store, fmt, out)

    r_clear = c.obj(400, 40, "r composer-seed-clear")
    t_clear = c.obj(400, 66, "t b b")
    clear = c.obj(400, 96, pd_oscformat("/seed/clear", ""))
    c.chain(r_clear, t_clear)
    c.connect(t_clear, 1, store, 1)
    c.connect(t_clear, 0, clear)
    out2 = c.obj(400, 126, "s composer-out")
    c.chain(clear, out2)

    r_phrase = c.obj(400, 180, "r composer-phrase")
    get = c.obj(400, 206, "text get composer-phrases")
    s_phrase = c.obj(400, 232, "s composer-seed-set")
    c.chain(r_phrase, get, s_phrase)
    return c


def pd_record() -> PdCanvas:
    c = PdCanvas("record", (120, 120, 900, 640))
    c.comment(
        20,
        10,
        "RECORD: note-ons remember time and velocity per pitch; each note-off appends "
        "pitch velocity start duration (beats at TEMPO, first note at 0)",
        width=110,
    )
    c.obj(700, 40, "table composer-on-time 128")
    c.obj(700, 66, "table composer-on-vel 128")

    r_rec = c.obj(20, 50, "r composer-record")
    t_rec = c.obj(20, 76, "t f f")
    sel = c.obj(20, 102, "sel 1 0")
    c.chain(r_rec, t_rec)
    c.connect(t_rec, 0, sel)
    gate = c.obj(300, 160, "spigot")
    c.connect(t_rec, 1, gate, 1)

    take = c.obj(20, 400, "list store")  # the take being recorded
    start_rec = c.obj(20, 130, "t b b b")
    c.connect(sel, 0, start_rec)
    c.connect(start_rec, 2, take, 1)  # bang in the right inlet: empty the take
    first_open = c.msg(120, 160, "1")
    c.connect(start_rec, 1, first_open)
    showing = c.msg(20, 160, "; composer-seed-show set recording - play some notes")
    c.connect(start_rec, 0, showing)

    stop_rec = c.obj(20, 440, "t l l")
    c.connect(sel, 1, take)
    c.connect(take, 0, stop_rec)
    length = c.obj(120, 470, "list length")
    nonempty = c.obj(120, 496, "> 0")
    keep = c.obj(20, 530, "spigot")
    to_seed = c.obj(20, 556, "s composer-seed-set")
    c.connect(stop_rec, 1, length)
    c.chain(length, nonempty)
    c.connect(nonempty, 0, keep, 1)
    c.connect(stop_rec, 0, keep)
    c.chain(keep, to_seed)

    notein = c.obj(300, 50, "notein")
    pack_in = c.obj(300, 110, "pack f f")
    c.connect(notein, 0, pack_in, 0)
    c.connect(notein, 1, pack_in, 1)
    c.connect(pack_in, 0, gate)
    swap = c.msg(300, 186, "$2 $1")
    route = c.obj(300, 212, "route 0")
    c.chain(gate, swap, route)

    timer = c.obj(560, 330, "timer")
    timer_off = c.obj(180, 400, "timer")
    # note-on: "vel pitch"
    t_on = c.obj(420, 240, "t b b l")
    c.connect(route, 1, t_on)
    unpack_on = c.obj(560, 270, "unpack f f")
    c.connect(t_on, 2, unpack_on)
    write_vel = c.obj(560, 300, "tabwrite composer-on-vel")
    write_time = c.obj(560, 390, "tabwrite composer-on-time")
    t_index = c.obj(700, 270, "t f f")
    c.connect(unpack_on, 1, t_index)
    c.connect(t_index, 0, write_vel, 1)
    c.connect(t_index, 1, write_time, 1)
    c.connect(unpack_on, 0, write_vel)
    first = c.obj(440, 280, "spigot")
    c.connect(first_open, 0, first, 1)
    c.connect(t_on, 1, first)
    t_first = c.obj(440, 306, "t b b")
    close = c.msg(500, 306, "0")
    c.chain(first, t_first)
    c.connect(t_first, 1, close)
    c.connect(close, 0, first, 1)
    c.connect(t_first, 0, timer, 0)
    c.connect(t_first, 0, timer_off, 0)
    c.connect(t_on, 0, timer, 1)
    c.connect(timer, 0, write_time)

    # note-off: "pitch"
    t_off = c.obj(300, 250, "t f f b f f")
    c.connect(route, 0, t_off)
    read_vel = c.obj(300, 290, "tabread composer-on-vel")
    read_time = c.obj(300, 316, "tabread composer-on-time")
    c.connect(t_off, 4, read_vel)
    c.connect(t_off, 3, read_time)
    t_time = c.obj(300, 342, "t f f")
    c.chain(read_time, t_time)
    minus = c.obj(420, 420, "- ")
    c.connect(t_time, 1, minus, 1)
    start_beats = c.obj(300, 420, "/ 500")
    c.connect(t_time, 0, start_beats)
    c.connect(t_off, 2, timer_off, 1)
    c.connect(timer_off, 0, minus)
    dur_beats = c.obj(420, 446, "/ 500")
    c.chain(minus, dur_beats)
    r_mspb = c.obj(200, 380, "r composer-mspb")
    c.connect(r_mspb, 0, start_beats, 1)
    c.connect(r_mspb, 0, dur_beats, 1)
    note = c.obj(300, 480, "pack f f f f")
    c.connect(read_vel, 0, note, 1)
    c.connect(start_beats, 0, note, 2)
    c.connect(dur_beats, 0, note, 3)
    c.connect(t_off, 1, note, 0)
    # forget the note-on so a stray note-off cannot repeat it
    t_forget = c.obj(180, 290, "t b f")
    zero = c.msg(180, 316, "0")
    forget = c.obj(180, 342, "tabwrite composer-on-vel")
    c.connect(t_off, 0, t_forget)
    c.connect(t_forget, 1, forget, 1)
    c.connect(t_forget, 0, zero)
    c.connect(zero, 0, forget)
    # keep only notes that had a note-on (velocity > 0), append them to the take
    t_note = c.obj(300, 506, "t l l")
    c.chain(note, t_note)
    vel_of = c.obj(420, 532, "unpack f f")
    positive = c.obj(420, 558, "> 0")
    keep_note = c.obj(300, 584, "spigot")
    c.connect(t_note, 1, vel_of)
    c.connect(vel_of, 1, positive)
    c.connect(positive, 0, keep_note, 1)
    c.connect(t_note, 0, keep_note)
    append = c.obj(300, 610, "list prepend append")
    trim = c.obj(300, 636, "list trim")
    c.chain(keep_note, append, trim)
    c.connect(trim, 0, take)
    return c


def pd_params() -> PdCanvas:
    c = PdCanvas("params", (140, 140, 1000, 120 + 60 * len(NUMERIC_SPECS)))
    c.comment(20, 10, "each parameter: [r] from its number box, remembered in [f], re-sent on composer-push")
    init = [f"composer-param-{s.name}-set set {number_text(s.default)}" for s in NUMERIC_SPECS]
    init += [
        f"composer-param-key-show set {KEY_NAMES[SPECS['key'].default]}",
        f"composer-param-scale-show set {SPECS['scale'].default}",
        f"composer-param-style-show set {SPECS['style'].default}",
        "composer-tempo-bpm-set 120",
        "composer-play-variation-set 0",
        "composer-channel-set 1",
    ]
    lb = c.obj(20, 40, "loadbang")
    setup = c.msg(20, 66, "; " + " ; ".join(init), width=60)
    c.chain(lb, setup)
    for i, spec in enumerate((*NUMERIC_SPECS, SPECS["key"], SPECS["scale"], SPECS["style"])):
        x, y = 460 + (i % 2) * 260, 40 + (i // 2) * 110
        r = c.obj(x, y, f"r composer-param-{spec.name}")
        push = c.obj(x + 130, y, "r composer-push")
        if spec.kind in ("int", "float"):
            store = c.obj(x, y + 26, f"f {number_text(spec.default)}")
            fmt = c.obj(x, y + 52, pd_oscformat(f"/param/{spec.name}", spec.osc_types))
            c.chain(r, store, fmt)
        else:
            default = KEY_NAMES[spec.default] if spec.name == "key" else spec.default
            store = c.obj(x, y + 26, f"symbol {default}")
            t = c.obj(x, y + 52, "t s s")
            show = c.obj(x + 60, y + 78, f"s composer-param-{spec.name}-show")
            fmt = c.obj(x, y + 52 + 26, pd_oscformat(f"/param/{spec.name}", "s"))
            c.chain(r, store, t)
            c.connect(t, 1, show)
            c.connect(t, 0, fmt)
        c.connect(push, 0, store)
        out = c.obj(x, y + 52 + 26 * (2 if spec.kind not in ("int", "float") else 1), "s composer-out")
        c.connect(fmt, 0, out)
    return c


def pd_player() -> PdCanvas:
    c = PdCanvas("player", (160, 160, 1100, 700))
    c.comment(
        20,
        10,
        "replies: begin / note / end / error / seed size / pong. Notes are scheduled with "
        "[pipe] at start x 60000/tempo ms after they arrive and played with [makenote].",
        width=120,
    )
    # requests
    r_gen = c.obj(20, 50, "r composer-generate")
    t_gen = c.obj(20, 76, "t b b")
    asking = c.msg(120, 102, "; composer-status-show set asking the server ...")
    counter = c.obj(20, 130, "f")
    plus = c.obj(60, 130, "+ 1")
    gen = c.obj(20, 160, pd_oscformat("/generate", "i"))
    out = c.obj(20, 186, "s composer-out")
    c.chain(r_gen, t_gen)
    c.connect(t_gen, 1, asking)
    c.connect(t_gen, 0, counter)
    c.connect(counter, 0, plus)
    c.connect(plus, 0, counter, 1)
    c.connect(plus, 0, gen)
    c.chain(gen, out)
    r_ping = c.obj(300, 50, "r composer-ping")
    ping = c.obj(300, 76, pd_oscformat("/ping", ""))
    out2 = c.obj(300, 102, "s composer-out")
    c.chain(r_ping, ping, out2)

    # tempo: ms per beat
    r_tempo = c.obj(560, 50, "r composer-tempo-bpm")
    swap = c.obj(560, 76, "swap 60000")
    div = c.obj(560, 102, "/")
    s_mspb = c.obj(560, 128, "s composer-mspb")
    c.chain(r_tempo, swap, div, s_mspb)
    c.connect(swap, 1, div, 1)

    # replies
    r_in = c.obj(20, 240, "r composer-in")
    route = c.obj(20, 266, "route begin note end error seed pong live play")
    c.chain(r_in, route)
    to_live = c.obj(560, 240, "s composer-in-live")
    to_play = c.obj(700, 240, "s composer-in-play")
    c.connect(route, 6, to_live)
    c.connect(route, 7, to_play)
    other = c.obj(560, 296, "print composer-other")
    c.connect(route, 8, other)

    # begin: id variations length
    t_begin = c.obj(20, 300, "t l l")
    c.connect(route, 0, t_begin)
    print_begin = c.obj(20, 330, "print composer-begin")
    c.connect(t_begin, 1, print_begin)
    begin_show = c.msg(
        120, 330, "; composer-status-show set request $1: $2 variation(s) over $3 beats", width=40
    )
    c.connect(t_begin, 0, begin_show)
    begin_vars = c.obj(20, 380, "unpack f f f")
    c.connect(t_begin, 0, begin_vars)

    # note: id variation pitch velocity start duration
    t_note = c.obj(380, 330, "t l l l")
    c.connect(route, 1, t_note)
    print_note = c.obj(520, 360, "print composer-note")
    c.connect(t_note, 2, print_note)
    which = c.obj(440, 360, "unpack f f")
    is_chosen = c.obj(440, 386, "==")
    r_var = c.obj(520, 386, "r composer-play-variation")
    c.connect(t_note, 1, which)
    c.connect(which, 1, is_chosen)
    c.connect(r_var, 0, is_chosen, 1)
    chosen = c.obj(380, 420, "spigot")
    c.connect(is_chosen, 0, chosen, 1)
    c.connect(t_note, 0, chosen)
    fields = c.obj(380, 446, "unpack f f f f f f")
    c.chain(chosen, fields)
    dur_ms = c.obj(560, 476, "* 500")
    start_ms = c.obj(500, 476, "* 500")
    r_mspb = c.obj(640, 446, "r composer-mspb")
    c.connect(r_mspb, 0, dur_ms, 1)
    c.connect(r_mspb, 0, start_ms, 1)
    c.connect(fields, 5, dur_ms)
    c.connect(fields, 4, start_ms)
    event = c.obj(380, 510, "pack f f f f")
    c.connect(dur_ms, 0, event, 2)
    c.connect(start_ms, 0, event, 3)
    c.connect(fields, 3, event, 1)
    c.connect(fields, 2, event, 0)
    pipe = c.obj(380, 540, "pipe 0 0 0 0")
    c.chain(event, pipe)
    makenote = c.obj(380, 580, "makenote 100 250")
    c.connect(pipe, 0, makenote, 0)
    c.connect(pipe, 1, makenote, 1)
    c.connect(pipe, 2, makenote, 2)
    # what is played, when it is played: pitch velocity duration-ms (tests/test_pd.py reads it)
    played = c.obj(240, 580, "pack f f f")
    print_played = c.obj(240, 606, "print composer-play")
    c.connect(pipe, 0, played, 0)
    c.connect(pipe, 1, played, 1)
    c.connect(pipe, 2, played, 2)
    c.chain(played, print_played)
    noteout = c.obj(380, 620, "noteout 1")
    c.connect(makenote, 0, noteout, 0)
    c.connect(makenote, 1, noteout, 1)
    r_channel = c.obj(500, 590, "r composer-channel")
    c.connect(r_channel, 0, noteout, 2)
    r_stop = c.obj(700, 540, "r composer-stop")
    t_stop = c.obj(700, 566, "t b b")
    clear = c.msg(700, 592, "clear")
    stop = c.msg(760, 592, "stop")
    c.chain(r_stop, t_stop)
    c.connect(t_stop, 1, clear)
    c.connect(t_stop, 0, stop)
    c.connect(clear, 0, pipe)
    c.connect(stop, 0, makenote)

    # end: id variation note_count -> done after the last variation
    t_end = c.obj(20, 420, "t l l l")
    c.connect(route, 2, t_end)
    print_end = c.obj(160, 450, "print composer-end")
    c.connect(t_end, 2, print_end)
    end_show = c.msg(160, 480, "; composer-status-show set request $1 variation $2: $3 notes", width=36)
    c.connect(t_end, 1, end_show)
    end_fields = c.obj(20, 450, "unpack f f f")
    c.connect(t_end, 0, end_fields)
    next_var = c.obj(20, 476, "+ 1")
    last = c.obj(20, 502, "==")
    c.connect(end_fields, 1, next_var)
    c.chain(next_var, last)
    c.connect(begin_vars, 1, last, 1)
    is_last = c.obj(20, 528, "sel 1")
    done = c.obj(20, 554, "s composer-done")
    c.chain(last, is_last, done)

    # error: id message (the message as words, for display)
    t_err = c.obj(700, 300, "t b l l")
    c.connect(route, 3, t_err)
    print_err = c.obj(860, 330, "print composer-error")
    c.connect(t_err, 2, print_err)
    split = c.obj(700, 330, "list split 1")
    c.connect(t_err, 1, split)
    chars = c.obj(780, 356, "list fromsymbol")
    words = c.obj(780, 382, "fudiparse")
    show = c.obj(780, 408, "list prepend set")
    trim = c.obj(780, 434, "list trim")
    s_show = c.obj(780, 460, "s composer-error-show")
    c.connect(split, 1, chars)
    c.chain(chars, words, show, trim, s_show)
    done2 = c.obj(700, 460, "s composer-done")
    c.connect(t_err, 0, done2)

    # seed size: notes beats
    seed = c.obj(240, 560, "route size")
    c.connect(route, 4, seed)
    t_seed = c.obj(240, 586, "t l l")
    c.chain(seed, t_seed)
    print_seed = c.obj(240, 640, "print composer-seed-size")
    c.connect(t_seed, 1, print_seed)
    seed_show = c.msg(240, 612, "; composer-seed-show set $1 notes over $2 beats")
    c.connect(t_seed, 0, seed_show)

    # pong: version
    t_pong = c.obj(860, 540, "t a a")
    c.connect(route, 5, t_pong)
    print_pong = c.obj(940, 566, "print composer-pong")
    c.connect(t_pong, 1, print_pong)
    as_list = c.obj(860, 574, "list")
    pong_show = c.msg(860, 600, "; composer-conn-show set connected to osc-composer $1")
    c.connect(t_pong, 0, as_list)
    c.chain(as_list, pong_show)
    return c


def pd_live_section(main: PdCanvas, x: int, y: int) -> None:
    """LIVE PLAY on the main canvas: call and response, clock, streaming playback."""
    main.comment(x, y, "LIVE PLAY (call and response - the server plays results at your clock)")
    main.tgl(x, y + 26, "composer-live-on", size=30)
    main.comment(x + 38, y + 32, "LIVE: send MIDI in as /composer/live/note")
    main.bng(x, y + 66, "composer-live-respond", size=30)
    main.comment(x + 38, y + 72, "respond now")
    main.bng(x + 160, y + 66, "composer-live-clear", size=30)
    main.comment(x + 198, y + 72, "clear what was heard")
    main.tgl(x, y + 106, "composer-clock-on", size=30)
    main.comment(x + 38, y + 112, "send the clock (/composer/clock TEMPO beat, every beat)")
    for i, (name, label) in enumerate(
        (("composer-play", "play latest"), ("composer-play-stop", "stop"), ("composer-panic", "panic"))
    ):
        main.bng(x + 140 * i, y + 146, name, size=30)
        main.comment(x + 140 * i + 38, y + 152, label)
    r = main.obj(x, y + 186, "r composer-live-show")
    box = main.msg(x, y + 212, "nothing heard yet")
    main.connect(r, 0, box)
    px = x + 480
    main.comment(px, y + 26, "live parameters (sent as soon as they change)")
    for i, spec in enumerate(LIVE_SPECS):
        yy = y + 52 + 24 * i
        main.comment(px, yy, spec.name)
        main.floatatom(
            px + 100,
            yy,
            7,
            spec.low,
            spec.high,
            f"composer-live-param-{spec.name}-set",
            f"composer-live-param-{spec.name}",
        )
        main.comment(px + 170, yy, f"{range_text(spec)} : {short_doc(spec)}", width=60)


def pd_live() -> PdCanvas:
    c = PdCanvas("live", (200, 200, 1500, 660))
    c.comment(
        20,
        10,
        "live play: MIDI in -> /composer/live/note, the clock from TEMPO and a beat counter, "
        "play / stop / panic. /composer/play/noteon and noteoff -> [noteout]",
        width=120,
    )
    # MIDI in, while LIVE is on (composer-live-note takes "pitch velocity" from scripts too)
    notein = c.obj(20, 50, "notein")
    pack_in = c.obj(20, 80, "pack f f")
    c.connect(notein, 0, pack_in, 0)
    c.connect(notein, 1, pack_in, 1)
    r_note = c.obj(100, 50, "r composer-live-note")
    gate = c.obj(20, 110, "spigot")
    r_on = c.obj(100, 80, "r composer-live-on")
    c.connect(pack_in, 0, gate)
    c.connect(r_note, 0, gate)
    c.connect(r_on, 0, gate, 1)
    note = c.obj(20, 140, pd_oscformat("/live/note", "ii"))
    c.chain(gate, note, c.obj(20, 166, "s composer-out"))

    # commands without arguments
    for i, (receive, path) in enumerate(
        (
            ("composer-live-respond", "/live/respond"),
            ("composer-live-clear", "/live/clear"),
            ("composer-play", "/play"),
            ("composer-play-stop", "/play/stop"),
            ("composer-panic", "/panic"),
        )
    ):
        xx = 300 + 260 * (i % 3)
        yy = 50 + 90 * (i // 3)
        c.chain(
            c.obj(xx, yy, f"r {receive}"),
            c.obj(xx, yy + 26, pd_oscformat(path, "")),
            c.obj(xx, yy + 52, "s composer-out"),
        )

    # live parameters: remembered, re-sent on composer-push
    init = [f"composer-live-param-{s.name}-set set {number_text(s.default)}" for s in LIVE_SPECS]
    lb = c.obj(20, 220, "loadbang")
    setup = c.msg(20, 246, "; " + " ; ".join(init), width=40)
    c.chain(lb, setup)
    for i, spec in enumerate(LIVE_SPECS):
        xx, yy = 300 + 300 * i, 240
        r = c.obj(xx, yy, f"r composer-live-param-{spec.name}")
        push = c.obj(xx + 100, yy + 26, "r composer-push")
        store = c.obj(xx, yy + 26, f"f {number_text(spec.default)}")
        fmt = c.obj(xx, yy + 52, pd_oscformat(f"/live/param/{spec.name}", spec.osc_types))
        c.chain(r, store, fmt, c.obj(xx, yy + 78, "s composer-out"))
        c.connect(push, 0, store)

    # the clock: every beat of [metro] at TEMPO sends "bpm beat", counting from 0 when switched on
    r_clock = c.obj(20, 360, "r composer-clock-on")
    t_clock = c.obj(20, 386, "t f b")
    zero = c.msg(80, 412, "0")
    metro = c.obj(20, 438, "metro 500")
    r_mspb = c.obj(120, 412, "r composer-mspb")
    counter = c.obj(20, 464, "f")
    plus = c.obj(60, 490, "+ 1")
    t_beat = c.obj(20, 490, "t f f")
    c.chain(r_clock, t_clock)
    c.connect(t_clock, 1, zero)
    c.connect(zero, 0, counter, 1)
    c.connect(t_clock, 0, metro)
    c.connect(r_mspb, 0, metro, 1)
    c.chain(metro, counter, t_beat)
    c.connect(t_beat, 1, plus)
    c.connect(plus, 0, counter, 1)
    t_bpm = c.obj(20, 516, "t b f")
    bpm = c.obj(20, 542, "f 120")
    r_bpm = c.obj(80, 516, "r composer-tempo-bpm")
    clip = c.obj(80, 542, "clip 1 999")
    c.chain(r_bpm, clip)
    c.connect(clip, 0, bpm, 1)
    clock = c.obj(20, 568, "pack f f")
    c.connect(t_beat, 0, t_bpm)
    c.connect(t_bpm, 1, clock, 1)
    c.connect(t_bpm, 0, bpm)
    c.connect(bpm, 0, clock)
    c.chain(clock, c.obj(20, 594, pd_oscformat("/clock", "ff")), c.obj(20, 620, "s composer-out"))

    # replies: /composer/live/answer id beat heard
    r_live = c.obj(300, 360, "r composer-in-live")
    answer = c.obj(300, 386, "route answer")
    t_answer = c.obj(300, 412, "t l l")
    c.chain(r_live, answer, t_answer)
    c.connect(t_answer, 1, c.obj(400, 438, "print composer-live-answer"))
    c.connect(
        t_answer,
        0,
        c.msg(300, 464, "; composer-live-show set answer $1 at beat $2 - $3 notes heard", width=36),
    )

    # /composer/play/noteon pitch velocity, noteoff pitch, start id beat, end id
    r_play = c.obj(600, 360, "r composer-in-play")
    route = c.obj(600, 386, "route noteon noteoff start end")
    c.chain(r_play, route)
    noteout = c.obj(600, 560, "noteout 1")
    c.connect(c.obj(700, 530, "r composer-channel"), 0, noteout, 2)
    t_on = c.obj(600, 420, "t l l")
    c.connect(route, 0, t_on)
    c.connect(t_on, 1, c.obj(600, 600, "print composer-play-noteon"))
    on_fields = c.obj(600, 500, "unpack f f")
    c.connect(t_on, 0, on_fields)
    c.connect(on_fields, 1, noteout, 1)
    c.connect(on_fields, 0, noteout, 0)
    t_off = c.obj(720, 420, "t l l")
    c.connect(route, 1, t_off)
    c.connect(t_off, 1, c.obj(800, 600, "print composer-play-noteoff"))
    off = c.msg(720, 450, "$1 0")
    c.connect(t_off, 0, off)
    off_fields = c.obj(720, 476, "unpack f f")
    c.chain(off, off_fields)
    c.connect(off_fields, 1, noteout, 1)
    c.connect(off_fields, 0, noteout, 0)
    t_start = c.obj(840, 420, "t l l")
    c.connect(route, 2, t_start)
    c.connect(t_start, 1, c.obj(940, 450, "print composer-play-start"))
    c.connect(t_start, 0, c.msg(840, 476, "; composer-live-show set playing $1 from beat $2", width=24))
    t_end = c.obj(960, 386, "t b l l")
    c.connect(route, 3, t_end)
    c.connect(t_end, 2, c.obj(1000, 520, "print composer-play-end"))
    c.connect(t_end, 1, c.msg(960, 550, "; composer-live-show set played $1", width=24))
    c.connect(t_end, 0, c.obj(960, 600, "s composer-play-done"))
    return c


def pd_test() -> PdCanvas:
    c = PdCanvas("test", (180, 180, 640, 360))
    c.comment(
        20,
        10,
        'remote control for scripts: pd -nogui -send "composer-test seed" ... '
        "(seed [n], generate, ping, autoquit 0/1: quit after the last /composer/end or an error, "
        "playquit 0/1: quit after /composer/play/end)",
        width=80,
    )
    r = c.obj(20, 50, "r composer-test")
    route = c.obj(20, 76, "route seed generate ping autoquit playquit")
    c.chain(r, route)
    phrase = c.obj(20, 110, "f 0")
    s_phrase = c.obj(20, 136, "s composer-phrase")
    c.connect(route, 0, phrase)
    c.chain(phrase, s_phrase)
    s_gen = c.obj(160, 110, "s composer-generate")
    c.connect(route, 1, s_gen)
    s_ping = c.obj(300, 110, "s composer-ping")
    c.connect(route, 2, s_ping)
    quit_gate = c.obj(420, 180, "spigot")
    c.connect(route, 3, quit_gate, 1)
    r_done = c.obj(420, 150, "r composer-done")
    wait = c.obj(420, 206, "delay 300")
    bye = c.msg(420, 232, "; pd quit")
    c.chain(r_done, quit_gate, wait, bye)
    play_gate = c.obj(300, 180, "spigot")
    c.connect(route, 4, play_gate, 1)
    r_played = c.obj(300, 150, "r composer-play-done")
    c.chain(r_played, play_gate, wait)
    return c


# =====================================================================================
# Max
# =====================================================================================

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


def max_param_ui(p: MaxPatcher, spec: ParamSpec, x: float, y: float) -> str:
    """A number box (int) or flonum (float) limited to the parameter's range."""
    if spec.kind == "int":
        return p.ui("number", x, y, 70, minimum=int(spec.low), maximum=int(spec.high))
    return p.ui("flonum", x, y, 70, format=6, minimum=float(spec.low), maximum=float(spec.high))


def build_max() -> dict:
    p = MaxPatcher()
    p.comment(20, 10, "osc-composer - Max client", fontsize=18.0, fontface=1, width=400)
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
    ping = p.msg(20, 255, address("/ping"))
    p.connect(ping, 0, udpsend)
    p.comment(130, 255, "<- is the server there? (answer below)")
    push = p.ui("button", 20, 285, 24, 24)
    p.comment(50, 287, "send every parameter again (after restarting the server)")

    # ------------------------------------------------------------ parameters
    p.comment(420, 90, "PARAMETERS (sent as soon as they change)", fontface=1, width=300)
    ui_boxes: list[tuple[str, str]] = []  # (ui box, default message box text)
    yy = 115
    for spec in NUMERIC_SPECS:
        p.comment(420, yy, spec.name)
        ui = max_param_ui(p, spec, 510, yy)
        send = p.obj(620, yy, "prepend " + address(f"/param/{spec.name}"))
        p.connect(ui, 0, send)
        p.connect(send, 0, udpsend)
        p.comment(880, yy, f"{range_text(spec)}: {short_doc(spec)}", width=330)
        default = str(int(spec.default)) if spec.kind == "int" else max_float(spec.default)
        ui_boxes.append((ui, default))
        yy += 28
    p.comment(420, yy, "key")
    key = p.ui("umenu", 510, yy, 70, items=[item for name in KEY_NAMES for item in (name, ",")][:-1])
    key_send = p.obj(620, yy, "prepend " + address("/param/key"))
    p.connect(key, 0, key_send)
    p.connect(key_send, 0, udpsend)
    p.comment(880, yy, "tonic of the scale (sent as 0-11)", width=330)
    ui_boxes.append((key, str(SPECS["key"].default)))
    yy += 28
    p.comment(420, yy, "scale")
    scale = p.ui("umenu", 510, yy, 100, items=[item for name in SCALES for item in (name, ",")][:-1])
    scale_send = p.obj(620, yy, "prepend " + address("/param/scale"))
    p.connect(scale, 1, scale_send)
    p.connect(scale_send, 0, udpsend)
    p.comment(880, yy, "scale constraint (chromatic = none)", width=330)
    ui_boxes.append((scale, str(list(SCALES).index(SPECS["scale"].default))))
    yy += 28
    p.comment(420, yy, "style")
    style = p.ui("umenu", 510, yy, 100, items=[item for name in STYLE_CHOICES for item in (name, ",")][:-1])
    style_send = p.obj(620, yy, "prepend " + address("/param/style"))
    p.connect(style, 1, style_send)
    p.connect(style_send, 0, udpsend)
    p.comment(880, yy, "style to continue in (auto = the seed's)", width=330)
    ui_boxes.append((style, str(STYLE_CHOICES.index(SPECS["style"].default))))

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
    p.comment(20, sy, "SEED: pitch velocity start duration (beats)", fontface=1, width=380)
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
    p.comment(20, sy + 25, "phrase bank")
    bank = p.ui("umenu", 110, sy + 25, 150, items=[item for name, _ in PHRASES for item in (name, ",")][:-1])
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

    send_seed = p.ui("button", 420, sy + 360, 24, 24)
    p.comment(450, sy + 362, "send seed")
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

    clear_seed = p.ui("button", 540, sy + 360, 24, 24)
    p.comment(570, sy + 362, "clear seed")
    t_clear = p.obj(540, sy + 390, "t b b")
    server_clear = p.msg(540, sy + 420, address("/seed/clear"))
    p.connect(clear_seed, 0, t_clear)
    p.connect(t_clear, 1, clear_local)
    p.connect(t_clear, 0, server_clear)
    p.connect(server_clear, 0, udpsend)

    # record from [notein]: note-ons remember velocity and time per pitch, note-offs append
    ry = sy + 470
    p.comment(20, ry, "RECORD from MIDI in (the first note starts at beat 0; switch off to send)", width=520)
    record = p.ui("toggle", 20, ry + 25, 24, 24)
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
    p.comment(gx, 90, "GENERATE AND PLAY", fontface=1)
    generate = p.ui("button", gx, 115, 48, 48)
    p.comment(gx + 55, 128, "GENERATE", fontface=1)
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

    p.comment(gx, 270, "tempo (BPM)")
    tempo = p.ui("flonum", gx + 100, 270, 60, format=6, minimum=20.0, maximum=400.0)
    mspb = p.obj(gx + 170, 270, "!/ 60000.")
    p.chain(tempo, mspb)
    p.connect(tempo, 0, record_mspb)
    p.comment(gx, 298, "play variation")
    variation = p.ui("number", gx + 100, 298, 60, minimum=0, maximum=15)
    p.comment(gx, 326, "MIDI channel")
    channel = p.ui("number", gx + 100, 326, 60, minimum=1, maximum=16)
    stop = p.ui("button", gx, 356, 24, 24)
    p.comment(gx + 30, 358, "stop notes")
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
    status = p.msg(gx, 420, "idle", width=330)
    p.comment(gx, 398, "status")
    error = p.msg(gx, 480, "none", width=330)
    p.comment(gx, 458, "last error")
    seed_status = p.msg(gx, 540, "no seed yet", width=330)
    p.comment(gx, 518, "server seed")
    connection = p.msg(gx, 600, "ping to check the server", width=330)
    p.comment(gx, 578, "server")
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
    p.connect(live_route, 5, other)

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
    return p.patcher((40.0, 60.0, 1620.0, 1080.0))


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
    p.comment(x, y, "LIVE PLAY (call and response; the server plays at your clock)", fontface=1, width=400)
    live_on = p.ui("toggle", x, y + 25, 24, 24)
    p.comment(x + 30, y + 27, "LIVE: send MIDI in as /composer/live/note", width=300)
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
    for i, path in enumerate(("/live/respond", "/live/clear", "/play", "/play/stop", "/panic")):
        box = p.msg(x + (i % 3) * 130, y + 60 + 28 * (i // 3), address(path))
        p.connect(box, 0, udpsend)
    p.comment(
        x,
        y + 116,
        "respond now, forget what was heard; play the latest result, stop, all notes off",
        width=290,
    )

    # live parameters, limited to their range; defaults at load, again with the push button
    t_push = p.obj(x + 520, y + 120, "t " + " ".join("b" for _ in LIVE_SPECS))
    p.connect(push, 0, t_push)
    for i, spec in enumerate(LIVE_SPECS):
        yy = y + 150 + 28 * i
        p.comment(x, yy, spec.name)
        ui = max_param_ui(p, spec, x + 90, yy)
        send = p.obj(x + 170, yy, "prepend " + address(f"/live/param/{spec.name}"))
        p.chain(ui, send, udpsend)
        default = p.msg(
            x + 520, yy, str(int(spec.default)) if spec.kind == "int" else max_float(spec.default)
        )
        p.connect(loadbang, 0, default)
        p.connect(default, 0, ui)
        p.connect(t_push, len(LIVE_SPECS) - 1 - i, ui)

    # the clock: every beat of [metro] at tempo sends "bpm beat", counting from 0 when switched on
    cy = y + 150 + 28 * len(LIVE_SPECS) + 10
    clock_on = p.ui("toggle", x, cy, 24, 24)
    p.comment(x + 30, cy + 2, "send the clock (/composer/clock tempo beat, every beat)", width=330)
    t_clock = p.obj(x, cy + 30, "t i b")
    reset = p.msg(x + 60, cy + 60, "0")
    metro = p.obj(x, cy + 60, "metro 500")
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
    p.chain(metro, counter, t_beat)
    p.connect(t_beat, 2, plus)
    p.connect(plus, 0, counter, 1)
    p.connect(t_beat, 1, clock, 1)
    p.connect(t_beat, 0, bpm)
    p.connect(tempo, 0, bpm, 1)
    p.connect(bpm, 0, clock)
    p.chain(clock, to_clock, udpsend)

    # replies: the answer and playback shown, streamed notes to [noteout]
    ry = cy + 250
    live_status = p.msg(x, ry + 150, "nothing heard yet", width=330)
    p.comment(x, ry + 128, "live")
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


# =====================================================================================
# Max for Live
# =====================================================================================

JS_START = "// <protocol:start> generated by max_patches/build_patches.py from osc_composer.protocol"
JS_END = "// <protocol:end>"
REPLY_PATHS = ("/begin", "/note", "/end", "/error", "/seed/size", "/pong")


def js_protocol_block() -> str:
    """The protocol constants of osc-composer-m4l.js, from the table."""
    params = []
    for spec in PARAM_SPECS:
        if spec.kind == "scale":
            entry = {"type": "s", "values": list(SCALES), "default": spec.default}
        elif spec.kind == "key":
            entry = {"type": "i", "low": 0, "high": 11, "default": spec.default}
        elif spec.kind == "name":
            entry = {"type": "s", "values": list(STYLE_CHOICES), "default": spec.default}
        else:
            entry = {"type": spec.osc_types, "low": spec.low, "high": spec.high, "default": spec.default}
        params.append(f"    {json.dumps(spec.name)}: {json.dumps(entry)}")
    replies = [
        f"    {json.dumps(address(path))}: {json.dumps(OUTGOING[address(path)].signature)}"
        for path in REPLY_PATHS
    ]
    return "\n".join(
        [
            JS_START,
            f"var PREFIX = {json.dumps(PREFIX)};",
            f"var BASE_REPLY_PORT = {REPLY_PORT};",
            "var PARAMS = {",
            ",\n".join(params),
            "};",
            "var REPLIES = {",
            ",\n".join(replies),
            "};",
            JS_END,
        ]
    )


def build_m4l_js() -> str:
    text = M4L_JS_PATH.read_text()
    head, start, rest = text.partition(JS_START)
    _, end, tail = rest.partition(JS_END)
    if not start or not end:
        raise ValueError(f"{M4L_JS_PATH.name} has no {JS_START!r} ... {JS_END!r} block")
    return head + js_protocol_block() + tail


# The device's controls: (parameter, UI class, long name, short name).
M4L_CONTROLS = (
    ("temperature", "live.dial", "Temperature", "Temp"),
    ("top_p", "live.dial", "Top P", "Top P"),
    ("length", "live.dial", "Length", "Length"),
    ("top_k", "live.numbox", "Top K", "Top K"),
    ("variations", "live.numbox", "Variations", "Vars"),
    ("polyphony", "live.numbox", "Polyphony", "Poly"),
    ("low", "live.numbox", "Lowest pitch", "Low"),
    ("high", "live.numbox", "Highest pitch", "High"),
    ("seed", "live.numbox", "Random seed", "Seed"),
    ("key", "live.menu", "Key", "Key"),
    ("scale", "live.menu", "Scale", "Scale"),
)
M4L_SEED_LIMIT = 99999  # a Live parameter is a float: keep the seed where it is exact


def live_parameter(
    p: MaxPatcher,
    maxclass: str,
    x: float,
    y: float,
    varname: str,
    longname: str,
    shortname: str,
    presentation: Sequence[float],
    **valueof,
) -> str:
    width, height = presentation[2], presentation[3]
    attributes = {
        "parameter_longname": longname,
        "parameter_shortname": shortname,
        "parameter_initial_enable": 1,
        **valueof,
    }
    return p.ui(
        maxclass,
        x,
        y,
        width,
        height,
        varname=varname,
        presentation=presentation,
        saved_attribute_attributes={"valueof": attributes},
    )


def build_amxd_patcher() -> dict:
    p = MaxPatcher()
    js = p.obj(40, 420, f"js {M4L_JS_PATH.name}", width=180.0)
    udpsend = p.obj(40, 470, f"udpsend {SERVER_HOST} {SERVER_PORT}")
    udpreceive = p.obj(260, 380, f"udpreceive {REPLY_PORT} @defer 1")
    p.connect(js, 0, udpsend)
    p.connect(js, 1, udpreceive)
    p.connect(udpreceive, 0, js)
    status = p.comment(240, 470, "starting ...", width=300.0, presentation=(8.0, 140.0, 620.0, 18.0))
    to_status = p.obj(240, 440, "prepend set")
    p.connect(js, 2, to_status)
    p.connect(to_status, 0, status)

    device = p.obj(40, 20, "live.thisdevice")
    t_device = p.obj(40, 50, "t b b")
    init = p.msg(120, 80, "init")
    p.connect(device, 0, t_device)
    p.connect(t_device, 1, init)
    p.connect(init, 0, js)

    p.comment(40, 110, "osc-composer", presentation=(8.0, 4.0, 120.0, 18.0), fontface=1)
    controls: list[str] = []
    px = 8.0
    for i, (name, maxclass, longname, shortname) in enumerate(M4L_CONTROLS):
        spec = SPECS[name]
        x, y = 40 + 90 * i, 140
        if i:
            px += 100.0 if M4L_CONTROLS[i - 1][0] == "scale" else 52.0
        if maxclass == "live.dial":
            ui = live_parameter(
                p,
                maxclass,
                x,
                y,
                name,
                longname,
                shortname,
                (px, 24.0, 48.0, 48.0),
                parameter_type=0,
                parameter_mmin=spec.low,
                parameter_mmax=spec.high,
                parameter_initial=[spec.default],
                parameter_unitstyle=1,
            )
        elif maxclass == "live.numbox":
            high = min(spec.high, M4L_SEED_LIMIT)
            ui = live_parameter(
                p,
                maxclass,
                x,
                y,
                name,
                longname,
                shortname,
                (px, 40.0, 48.0, 15.0),
                parameter_type=1,
                parameter_mmin=spec.low,
                parameter_mmax=high,
                parameter_initial=[spec.default],
                parameter_unitstyle=0,
            )
            p.comment(x, y - 20, shortname, presentation=(px, 24.0, 48.0, 15.0), fontsize=9.0)
        else:
            items = list(KEY_NAMES) if name == "key" else list(SCALES)
            default = spec.default if name == "key" else items.index(spec.default)
            width = 48.0 if name == "key" else 96.0
            ui = live_parameter(
                p,
                maxclass,
                x,
                y,
                name,
                longname,
                shortname,
                (px, 40.0, width, 15.0),
                parameter_type=2,
                parameter_enum=items,
                parameter_mmax=len(items) - 1,
                parameter_initial=[default],
            )
            p.comment(x, y - 20, shortname, presentation=(px, 24.0, width, 15.0), fontsize=9.0)
        forward = p.obj(x, y + 60, f"prepend param {name}")
        p.connect(ui, 0, forward)
        p.connect(forward, 0, js)
        controls.append(ui)

    port = live_parameter(
        p,
        "live.numbox",
        40,
        260,
        "port",
        "Reply port offset",
        "Port",
        (8.0, 100.0, 48.0, 15.0),
        parameter_type=1,
        parameter_mmin=0,
        parameter_mmax=999,
        parameter_initial=[0],
        parameter_unitstyle=0,
    )
    p.comment(40, 240, "Port (0 = auto)", presentation=(8.0, 84.0, 90.0, 15.0), fontsize=9.0)
    to_port = p.obj(40, 290, "prepend portoffset")
    p.chain(port, to_port, js)
    controls.append(port)
    # live.thisdevice: init first (reply port), then every control reports its value
    t_controls = p.obj(40, 80, "t " + " ".join("b" for _ in controls))
    p.connect(t_device, 0, t_controls)
    for i, ui in enumerate(controls):
        p.connect(t_controls, i, ui)

    for i, (label, message) in enumerate(
        (("Generate", "generate"), ("Send seed", "sendseed"), ("Audition", "audition"), ("Ping", "ping"))
    ):
        x = 300 + 110 * i
        button = p.ui(
            "live.text",
            x,
            260,
            80,
            20,
            text=label,
            texton=label,
            mode=0,
            varname=message,
            presentation=(120.0 + 90 * i, 100.0, 80.0, 20.0),
            saved_attribute_attributes={
                "valueof": {
                    "parameter_longname": label,
                    "parameter_shortname": label,
                    "parameter_type": 2,
                    "parameter_enum": ["off", "on"],
                    "parameter_invisible": 1,
                }
            },
        )
        pressed = p.obj(x, 290, "sel 1")
        command = p.msg(x, 320, message)
        p.chain(button, pressed, command, js)
    return p.patcher(
        (100.0, 100.0, 1100.0, 560.0),
        openinpresentation=1,
        devicewidth=640.0,
        dependency_cache=[{"name": M4L_JS_PATH.name, "bootpath": ".", "type": "TEXT", "implicit": 1}],
    )


def amxd_bytes(patcher: dict, device_type: bytes = b"mmmm") -> bytes:
    """The .amxd container: chunks of (4-byte id, little-endian uint32 size, data).

    ``ampf`` holds the device type (``mmmm`` MIDI effect, ``aaaa`` audio effect,
    ``iiii`` instrument), ``meta`` four bytes, ``ptch`` the patcher JSON ending in NUL.
    """
    payload = (json.dumps(patcher, indent="\t") + "\n").encode() + b"\x00"

    def chunk(tag: bytes, data: bytes) -> bytes:
        return tag + struct.pack("<I", len(data)) + data

    return chunk(b"ampf", device_type) + chunk(b"meta", struct.pack("<I", 7)) + chunk(b"ptch", payload)


# =====================================================================================
# TouchOSC
# =====================================================================================

TOSC_SIZE = (1024, 768)
TOSC_FIXED_SEED = 1  # what the "repeatable" toggle sends when on (-1, random, when off)
TOSC_CONVERSION = {"i": "INTEGER", "f": "FLOAT", "s": "STRING"}


def cdata(text: str) -> str:
    return f"<![CDATA[{text}]]>"


@dataclass
class ToscNode:
    """One TouchOSC control: properties, values, OSC messages, children (written as lexml)."""

    type: str
    name: str
    frame: tuple[float, float, float, float]
    properties: dict[str, tuple[str, object]] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    children: list[ToscNode] = field(default_factory=list)

    def xml(self, path: str = "") -> str:
        # IDs from the node's place in the tree: stable, so --check can compare bytes
        node_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"osc-composer.tosc{path}/{self.name}"))
        props = {
            "name": ("s", self.name),
            "frame": ("r", self.frame),
            "visible": ("b", 1),
            "interactive": ("b", 0 if self.type in ("LABEL", "GROUP") else 1),
            **self.properties,
        }
        out = [f"<node ID='{node_id}' type='{self.type}'><properties>"]
        for key, (kind, value) in sorted(props.items()):
            out.append(
                f"<property type='{kind}'><key>{cdata(key)}</key>"
                f"<value>{tosc_value(kind, value)}</value></property>"
            )
        out.append("</properties><values>")
        for key, default in self.values.items():
            out.append(
                f"<value><key>{cdata(key)}</key><locked>0</locked><lockedDefaultCurrent>0</lockedDefaultCurrent>"
                f"<default>{cdata(str(default))}</default><defaultPull>0</defaultPull></value>"
            )
        out.append("</values><messages>" + "".join(self.messages) + "</messages>")
        if self.children:
            out.append(
                "<children>" + "".join(c.xml(f"{path}/{self.name}") for c in self.children) + "</children>"
            )
        out.append("</node>")
        return "".join(out)


def tosc_value(kind: str, value: object) -> str:
    if kind == "r":
        x, y, w, h = value  # type: ignore[misc]
        return f"<x>{number_text(x)}</x><y>{number_text(y)}</y><w>{number_text(w)}</w><h>{number_text(h)}</h>"
    if kind == "c":
        r, g, b, a = value  # type: ignore[misc]
        return f"<r>{r}</r><g>{g}</g><b>{b}</b><a>{a}</a>"
    if kind == "s":
        return cdata(str(value))
    return str(value)


def tosc_partial(kind: str, conversion: str, value: str, low: float = 0, high: float = 1) -> str:
    return (
        f"<partial><type>{kind}</type><conversion>{conversion}</conversion><value>{cdata(value)}</value>"
        f"<scaleMin>{number_text(low)}</scaleMin><scaleMax>{number_text(high)}</scaleMax></partial>"
    )


def tosc_send(path: str, arguments: Sequence[str], trigger: str) -> str:
    """An OSC message a control sends on ``x`` (``RISE``: on press, ``ANY``: every change)."""
    return (
        "<osc><enabled>1</enabled><send>1</send><receive>0</receive><feedback>0</feedback>"
        "<noDuplicates>0</noDuplicates><connections>1111111111</connections>"
        f"<triggers><trigger><var>{cdata('x')}</var><condition>{trigger}</condition></trigger></triggers>"
        f"<path>{tosc_partial('CONSTANT', 'STRING', address(path))}</path>"
        f"<arguments>{''.join(arguments)}</arguments></osc>"
    )


def tosc_constants(types: str, values: Sequence[object]) -> list[str]:
    return [
        tosc_partial("CONSTANT", TOSC_CONVERSION[t], number_text(v) if t != "s" else str(v))
        for t, v in zip(types, values, strict=True)
    ]


def tosc_label(
    name: str,
    text: str,
    frame: tuple[float, float, float, float],
    size: int = 14,
    **properties: tuple[str, object],
) -> ToscNode:
    return ToscNode(
        "LABEL",
        name,
        frame,
        {"textSize": ("i", size), "textColor": ("c", (1, 1, 1, 1)), "background": ("b", 0), **properties},
        {"text": text},
    )


def tosc_button(
    name: str,
    label: str,
    frame: tuple[float, float, float, float],
    message: str,
    color: tuple[float, float, float, float] = (0.25, 0.55, 0.85, 1),
    toggle: bool = False,
) -> list[ToscNode]:
    button = ToscNode(
        "BUTTON",
        name,
        frame,
        {"buttonType": ("i", 1 if toggle else 0), "color": ("c", color)},
        {"x": 0, "touch": "false"},
        [message],
    )
    return [button, tosc_label(f"{name}_label", label, frame, 13, textAlignH=("i", 2))]


TOSC_STATUS_SCRIPT = """-- osc-composer status: the server's replies (types from osc_composer.protocol)
local REPLIES = {
%(replies)s
}

function onReceiveOSC(message, connections)
  local path, arguments = message[1], message[2]
  local types = REPLIES[path]
  if types == nil or #arguments ~= #types then return false end
  local v = {}
  for i = 1, #arguments do v[i] = tostring(arguments[i].value) end
  if path == '%(begin)s' then
    self.values.text = 'request ' .. v[1] .. ': ' .. v[2] .. ' variation(s) over ' .. v[3] .. ' beats'
  elseif path == '%(end)s' then
    self.values.text = 'request ' .. v[1] .. ' variation ' .. v[2] .. ': ' .. v[3] .. ' notes'
  elseif path == '%(error)s' then
    self.values.text = 'error: ' .. v[2]
  elseif path == '%(size)s' then
    self.values.text = 'seed: ' .. v[1] .. ' notes over ' .. v[2] .. ' beats'
  elseif path == '%(pong)s' then
    self.values.text = 'connected to osc-composer ' .. v[1]
  end
  return false
end
"""
TOSC_STATUS_REPLIES = ("/begin", "/end", "/error", "/seed/size", "/pong")


def tosc_status_script() -> str:
    replies = ",\n".join(
        f"  ['{address(p)}'] = '{OUTGOING[address(p)].signature}'" for p in TOSC_STATUS_REPLIES
    )
    return TOSC_STATUS_SCRIPT % {
        "replies": replies,
        "begin": address("/begin"),
        "end": address("/end"),
        "error": address("/error"),
        "size": address("/seed/size"),
        "pong": address("/pong"),
    }


def build_tosc_xml() -> str:
    width, height = TOSC_SIZE
    nodes: list[ToscNode] = [tosc_label("title", "osc-composer", (20, 10, 400, 36), 24)]

    # parameters: one fader per number, scaled to its range by TouchOSC itself
    faders = [s for s in NUMERIC_SPECS if s.name != "seed"]
    for i, spec in enumerate(faders):
        x, y = 20 + (i % 2) * 250, 60 + (i // 2) * 70
        nodes.append(
            tosc_label(
                f"{spec.name}_label",
                f"{spec.name} ({range_text(spec)})",
                (x, y, 230, 20),
                12,
                textAlignH=("i", 1),
            )
        )
        conversion = TOSC_CONVERSION[spec.osc_types]
        argument = tosc_partial("VALUE", conversion, "x", spec.low, spec.high)
        nodes.append(
            ToscNode(
                "FADER",
                spec.name,
                (x, y + 22, 230, 36),
                {
                    "orientation": ("i", 1),
                    "color": ("c", (0.3, 0.7, 0.5, 1)),
                    "bar": ("b", 1),
                    "response": ("i", 0),
                },
                {"x": number_text((spec.default - spec.low) / (spec.high - spec.low)), "touch": "false"},
                [tosc_send(f"/param/{spec.name}", [argument], "ANY")],
            )
        )
    y = 60 + ((len(faders) + 1) // 2) * 70
    seed = SPECS["seed"]
    nodes += tosc_button(
        "seed",
        f"repeatable (seed {TOSC_FIXED_SEED})",
        (20, y, 230, 36),
        tosc_send(
            "/param/seed", [tosc_partial("VALUE", "INTEGER", "x", seed.default, TOSC_FIXED_SEED)], "ANY"
        ),
        (0.6, 0.5, 0.2, 1),
        toggle=True,
    )

    # key and scale: a button per value
    kx = 540
    nodes.append(tosc_label("key_title", "key", (kx, 60, 460, 20), 12, textAlignH=("i", 1)))
    for i, name in enumerate(KEY_NAMES):
        frame = (kx + (i % 6) * 77, 82 + (i // 6) * 42, 72, 36)
        nodes += tosc_button(
            f"key_{name}",
            name,
            frame,
            tosc_send("/param/key", tosc_constants("i", [i]), "RISE"),
            (0.45, 0.35, 0.7, 1),
        )
    nodes.append(tosc_label("scale_title", "scale", (kx, 172, 460, 20), 12, textAlignH=("i", 1)))
    for i, name in enumerate(SCALES):
        frame = (kx + (i % 3) * 154, 194 + (i // 3) * 42, 148, 36)
        nodes += tosc_button(
            f"scale_{name}",
            name.replace("_", " "),
            frame,
            tosc_send("/param/scale", tosc_constants("s", [name]), "RISE"),
            (0.45, 0.35, 0.7, 1),
        )

    style_top = 194 + ((len(SCALES) + 2) // 3) * 42 + 8
    nodes.append(tosc_label("style_title", "style", (kx, style_top, 460, 20), 12, textAlignH=("i", 1)))
    for i, name in enumerate(STYLE_CHOICES):
        frame = (kx + (i % 3) * 154, style_top + 22 + (i // 3) * 42, 148, 36)
        nodes += tosc_button(
            f"style_{name}",
            name,
            frame,
            tosc_send("/param/style", tosc_constants("s", [name]), "RISE"),
            (0.45, 0.35, 0.7, 1),
        )

    # seed phrases, then the big buttons
    py = style_top + 22 + ((len(STYLE_CHOICES) + 2) // 3) * 42 + 8
    nodes.append(
        tosc_label(
            "phrases_title",
            "seed phrase (pitch velocity start duration)",
            (kx, py, 460, 20),
            12,
            textAlignH=("i", 1),
        )
    )
    for i, (name, notes) in enumerate(PHRASES):
        frame = (kx + (i % 2) * 231, py + 22 + (i // 2) * 42, 226, 36)
        values = [v for note in notes for v in note]
        nodes += tosc_button(
            f"phrase_{i}",
            name,
            frame,
            tosc_send("/seed/notes", tosc_constants("iiff" * len(notes), values), "RISE"),
            (0.2, 0.5, 0.6, 1),
        )
    by = 560
    big = (
        ("generate", "GENERATE", tosc_send("/generate", [], "RISE"), (0.85, 0.35, 0.25, 1)),
        (
            "variation",
            "VARIATION (new random take)",
            tosc_send("/generate", tosc_constants("si", ["seed", -1]), "RISE"),
            (0.85, 0.55, 0.2, 1),
        ),
        ("clear", "CLEAR SEED", tosc_send("/seed/clear", [], "RISE"), (0.4, 0.4, 0.4, 1)),
        ("reset", "RESET", tosc_send("/reset", [], "RISE"), (0.4, 0.4, 0.4, 1)),
        ("ping", "PING", tosc_send("/ping", [], "RISE"), (0.4, 0.4, 0.4, 1)),
    )
    x = 20
    for name, label, message, color in big:
        w = 250 if name in ("generate", "variation") else 150
        nodes += tosc_button(name, label, (x, by, w, 90), message, color)
        x += w + 10
    nodes.append(
        tosc_label(
            "status",
            "press PING to check the server",
            (20, 670, width - 40, 60),
            18,
            textAlignH=("i", 1),
            background=("b", 1),
            color=("c", (0.12, 0.12, 0.14, 1)),
            script=("s", tosc_status_script()),
        )
    )
    root = ToscNode(
        "GROUP",
        "osc-composer",
        (0, 0, width, height),
        {"background": ("b", 1), "color": ("c", (0.08, 0.08, 0.1, 1))},
        {},
        [],
        nodes,
    )
    return "<?xml version='1.0' encoding='UTF-8'?>\n<lexml version='3'>" + root.xml() + "</lexml>"


def tosc_bytes() -> bytes:
    """The .tosc file: the layout XML, zlib-compressed (level 9, as TouchOSC writes it)."""
    return zlib.compress(build_tosc_xml().encode(), 9)


# =====================================================================================
# command line
# =====================================================================================


def build_all() -> dict[Path, bytes]:
    return {
        PD_PATH: build_pd().encode(),
        MAX_PATH: (json.dumps(build_max(), indent=2) + "\n").encode(),
        M4L_JS_PATH: build_m4l_js().encode(),
        AMXD_PATH: amxd_bytes(build_amxd_patcher()),
        TOSC_PATH: tosc_bytes(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a patch on disk is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, data in build_all().items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.name)
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
    if stale:
        print("out of date (run python max_patches/build_patches.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
