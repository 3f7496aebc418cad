"""The Pure Data vanilla patch (osc-composer.pd), the reference client."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from builders.common import (
    KEY_NAMES,
    MAX_SEED_NOTES_PD,
    NUMERIC_SPECS,
    PHRASES,
    REPLY_PORT,
    SERVER_HOST,
    SERVER_PORT,
    SPECS,
    STYLE_CHOICES,
    address,
    number_text,
    phrase_atoms,
    range_text,
    short_doc,
)
from builders.picture import Box, render_svg
from osc_composer.live.settings import LIVE_MODES, LIVE_SPECS
from osc_composer.music.theory import SCALES


def pd_escape(text: str) -> str:
    """Pd file escaping: ``$`` → ``\\$``, ``;`` and ``,`` as separate escaped atoms."""
    text = text.replace("$", "\\$")
    text = re.sub(r"\s*;\s*", lambda _: " \\; ", text)
    text = re.sub(r"\s*,\s*", lambda _: " \\, ", text)
    return text.strip()


PD_COLORS = "#fcfcfc #000000 #000000"  # background, front, label


# Pd's geometry at font size 12 (what the picture draws): a character, a box's height, a comment line
PD_CHAR, PD_BOX, PD_LINE, PD_WRAP = 7, 21, 16, 60


@dataclass
class PdCanvas:
    """One Pd canvas: elements are numbered in file order (comments count too). ``view``
    keeps each element's box as Pd draws it (approximately), for the README's picture."""

    name: str | None = None
    rect: tuple[int, int, int, int] = (0, 50, 900, 600)
    lines: list[str] = field(default_factory=list)
    count: int = 0
    connects: list[tuple[int, int, int, int]] = field(default_factory=list)
    view: list[Box] = field(default_factory=list)

    def _add(self, line: str, extra: Sequence[str] = (), box: Box | None = None) -> int:
        self.lines.append(line)
        self.lines.extend(extra)
        if box is not None:
            self.view.append(box)
        self.count += 1
        return self.count - 1

    @staticmethod
    def _text_box(x: int, y: int, text: str, width: int | None, kind: str) -> Box:
        """A box that holds text: ``width`` characters wide (Pd wraps at 60 without one);
        a message box starts a line after each ``;``."""
        parts = [s.strip() for s in text.split(";") if s.strip()] if kind == "text" else [text]
        chars = width or min(
            max(len(s) + (1 if kind == "text" and ";" in text else 0) for s in parts), PD_WRAP
        )
        rows = sum(max(1, -(-len(s) // max(chars, 1))) for s in parts) + (1 if text.startswith(";") else 0)
        height = PD_LINE * rows if kind == "comment" else max(PD_BOX, PD_LINE * rows + 5)
        return (x, y, chars * PD_CHAR + 4, height, text, kind)

    def obj(self, x: int, y: int, text: str, *, width: int | None = None, extra: Sequence[str] = ()) -> int:
        suffix = f", f {width}" if width else ""
        box = self._text_box(x, y, text, width, "object")
        return self._add(f"#X obj {x} {y} {pd_escape(text)}{suffix};", extra, box)

    def msg(self, x: int, y: int, text: str, *, width: int | None = None) -> int:
        suffix = f", f {width}" if width else ""
        return self._add(
            f"#X msg {x} {y} {pd_escape(text)}{suffix};", box=self._text_box(x, y, text, width, "text")
        )

    def comment(self, x: int, y: int, text: str, *, width: int | None = None) -> int:
        suffix = f", f {width}" if width else ""
        box = self._text_box(x, y, text, width, "comment")
        return self._add(f"#X text {x} {y} {pd_escape(text)}{suffix};", box=box)

    def floatatom(self, x: int, y: int, width: int, low: float, high: float, receive: str, send: str) -> int:
        return self._add(
            f"#X floatatom {x} {y} {width} {number_text(low)} {number_text(high)} 0 - {receive} {send} 0;",
            box=(x, y, width * PD_CHAR + 4, PD_BOX, "0", "number"),
        )

    def symbolatom(self, x: int, y: int, width: int, receive: str, send: str = "-") -> int:
        return self._add(
            f"#X symbolatom {x} {y} {width} 0 0 0 - {receive} {send} 0;",
            box=(x, y, width * PD_CHAR + 4, PD_BOX, "", "number"),
        )

    def bng(self, x: int, y: int, send: str, label: str = "empty", size: int = 22) -> int:
        return self._add(
            f"#X obj {x} {y} bng {size} 250 50 0 {send} empty {label} {size + 5} 11 0 12 {PD_COLORS};",
            box=(x, y, size, size, "", "button"),
        )

    def tgl(self, x: int, y: int, send: str, label: str = "empty", size: int = 22) -> int:
        return self._add(
            f"#X obj {x} {y} tgl {size} 0 {send} empty {label} {size + 5} 11 0 12 {PD_COLORS} 0 1;",
            box=(x, y, size, size, "", "toggle"),
        )

    def hradio(self, x: int, y: int, number: int, send: str, size: int = 22, receive: str = "empty") -> int:
        index = self._add(
            f"#X obj {x} {y} hradio {size} 1 0 {number} {send} {receive} empty 0 -10 0 12 {PD_COLORS} 0;"
        )
        self.view += [(x + size * cell, y, size, size, "", "toggle") for cell in range(number)]
        return index

    def sub(self, x: int, y: int, canvas: PdCanvas) -> int:
        self.lines.append(canvas.render())
        self.lines.append(f"#X restore {x} {y} pd {canvas.name};")
        self.view.append(self._text_box(x, y, f"pd {canvas.name}", None, "object"))
        self.count += 1
        return self.count - 1

    def picture(self, margin: int = 10) -> str:
        """An SVG of the canvas as a user sees it on opening the patch (boxes, not cords)."""
        width = max(x + w for x, _, w, _, _, _ in self.view) + margin
        height = max(y + h for _, y, _, h, _, _ in self.view) + margin
        return render_svg(self.view, width, height)

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
    """The patch file's text."""
    return pd_main().render() + "\n"


def pd_picture() -> str:
    """The README's picture of the patch's main window."""
    return pd_main().picture()


def pd_main() -> PdCanvas:
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
    main.msg(x0, y + 66, f"; composer-listen {REPLY_PORT}")
    main.comment(x0 + 250, y + 66, "port replies come to")
    main.bng(x0, y + 108, "composer-ping")
    main.comment(x0 + 30, y + 110, "ping")
    main.bng(x0 + 100, y + 108, "composer-push")
    main.comment(x0 + 130, y + 110, "send all parameters again")
    r = main.obj(x0, y + 140, "r composer-conn-show")
    box = main.msg(x0, y + 166, "not connected")
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
    main.tgl(x1, y + 172, "composer-record", size=30)
    main.comment(x1 + 38, y + 178, "RECORD from MIDI in: play, then switch off to send")
    main.bng(x1, y + 214, "composer-seed-send")
    main.comment(x1 + 30, y + 216, "send seed again")
    main.bng(x1 + 170, y + 214, "composer-seed-clear")
    main.comment(x1 + 200, y + 216, "clear seed")

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
    for title, name, choices, columns, spacing in (
        ("KEY (tonic of the scale)", "key", KEY_NAMES, 4, 75),
        ("SCALE (chromatic = no constraint)", "scale", SCALES, 2, 175),
        ("STYLE (auto = the seed's; the default model's styles)", "style", STYLE_CHOICES, 2, 175),
    ):
        y = pd_symbol_choice(main, x2, y, title, name, choices, columns, spacing) + 20

    # ---------------------------------------------------------------- model (left column)
    y = 720
    main.comment(x0, y, "MODEL")
    main.bng(x0, y + 24, "composer-models")
    main.comment(x0 + 30, y + 26, "list the server's models:")
    r = main.obj(x0, y + 54, "r composer-models-show")
    box = main.msg(x0, y + 80, "(press to list)", width=50)
    main.connect(r, 0, box)
    main.comment(x0, y + 112, "load:")
    main.symbolatom(x0 + 50, y + 112, 16, "composer-model-show", "composer-model")
    main.comment(x0 + 200, y + 112, "<- type a name from the list and press Enter")

    # ---------------------------------------------------------------- live play (bottom row)
    pd_live_section(main, x0, 880)

    # ---------------------------------------------------------------- plumbing subpatches
    y = 720
    main.comment(x2, y, "how it works (open to see):")
    subs = (pd_network(), pd_seed(), pd_record(), pd_params(), pd_player(), pd_live(), pd_models(), pd_test())
    for i, canvas in enumerate(subs):
        main.sub(x2 + (i % 3) * 100, y + 26 + (i // 3) * 30, canvas)
    return main


def pd_symbol_choice(
    main: PdCanvas,
    x: int,
    y: int,
    title: str,
    name: str,
    choices: Sequence[str],
    columns: int,
    spacing: int,
) -> int:
    """A click-to-choose block: one ``symbol CHOICE`` message box per choice, all into one
    ``[s composer-param-NAME]``, and the current choice below; returns the y below it."""
    main.comment(x, y, title)
    yy = y + 24 + -(-len(choices) // columns) * 26
    send = main.obj(x + 230, yy, f"s composer-param-{name}")
    for i, choice in enumerate(choices):
        box = main.msg(x + (i % columns) * spacing, y + 24 + (i // columns) * 26, f"symbol {choice}")
        main.connect(box, 0, send)
    main.symbolatom(x, yy, 16, f"composer-param-{name}-show")
    main.comment(x + 140, yy, f"current {name}")
    return yy + PD_BOX


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
    route = c.obj(20, 266, "route begin note end error seed pong live play model")
    c.chain(r_in, route)
    to_live = c.obj(560, 240, "s composer-in-live")
    to_play = c.obj(700, 240, "s composer-in-play")
    c.connect(route, 6, to_live)
    c.connect(route, 7, to_play)
    c.connect(route, 8, c.obj(840, 240, "s composer-in-model"))
    other = c.obj(560, 296, "print composer-other")
    c.connect(route, 9, other)

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
    main.comment(x, y + 250, "MODE: what the server does while you play")
    modes = len(LIVE_MODES)
    main.hradio(x, y + 274, modes, "composer-live-param-mode", size=30, receive="composer-live-mode-radio")
    main.comment(x + 30 * modes + 8, y + 280, " / ".join(LIVE_MODES))
    main.bng(x, y + 316, "composer-live-start", size=30)
    main.comment(x + 38, y + 322, "start the model's own voice (duet, continue)")
    main.bng(x + 300, y + 316, "composer-live-stop", size=30)
    main.comment(x + 338, y + 322, "stop it (every note ends)")
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
            ("composer-live-start", "/live/start"),
            ("composer-live-stop", "/live/stop"),
        )
    ):
        xx = 300 + 260 * (i % 4)
        yy = 50 + 90 * (i // 4)
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
        if spec.name == "mode":  # the MODE radio shows a mode typed into its number box, and back
            c.connect(
                r,
                0,
                c.msg(
                    xx + 100,
                    yy + 52,
                    "; composer-live-mode-radio set $1; composer-live-param-mode-set set $1",
                    width=30,
                ),
            )

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


def pd_models() -> PdCanvas:
    c = PdCanvas("models", (220, 220, 760, 420))
    c.comment(
        20,
        10,
        "MODEL: /composer/models lists what the server can load (/composer/model/available name current), "
        "/composer/model name loads one (/composer/model/loaded name when it is in use)",
        width=90,
    )
    r_list = c.obj(20, 60, "r composer-models")
    t_list = c.obj(20, 86, "t b b")
    clear = c.msg(120, 112, "; composer-models-show set")
    c.chain(r_list, t_list)
    c.connect(t_list, 1, clear)
    c.chain(t_list, c.obj(20, 140, pd_oscformat("/models", "")), c.obj(20, 166, "s composer-out"))
    r_load = c.obj(360, 60, "r composer-model")
    c.chain(r_load, c.obj(360, 86, pd_oscformat("/model", "s")), c.obj(360, 112, "s composer-out"))

    r_in = c.obj(20, 210, "r composer-in-model")
    route = c.obj(20, 236, "route available loaded")
    c.chain(r_in, route)
    # route leaves "name current" as a message named after the model: [list] makes it a list again
    as_list = c.obj(20, 262, "list")
    t_available = c.obj(20, 288, "t l l")
    c.connect(route, 0, as_list)
    c.connect(as_list, 0, t_available)
    c.connect(t_available, 1, c.obj(120, 318, "print composer-model-available"))
    listed = c.msg(20, 348, "; composer-models-show add2 $1 ($2)", width=30)
    c.connect(t_available, 0, listed)
    loaded_list = c.obj(360, 262, "list")
    t_loaded = c.obj(360, 288, "t l l")
    c.connect(route, 1, loaded_list)
    c.connect(loaded_list, 0, t_loaded)
    c.connect(t_loaded, 1, c.obj(460, 318, "print composer-model-loaded"))
    c.connect(
        t_loaded,
        0,
        c.msg(360, 326, "; composer-model-show set $1; composer-status-show set model $1 loaded", width=30),
    )
    return c


def pd_test() -> PdCanvas:
    c = PdCanvas("test", (180, 180, 640, 360))
    c.comment(
        20,
        10,
        'remote control for scripts: pd -nogui -send "composer-test seed" ... '
        "(seed [n], generate, ping, autoquit 0/1: quit after the last /composer/end or an error, "
        "playquit 0/1: quit after /composer/play/end, quitin MS: quit after MS ms)",
        width=80,
    )
    r = c.obj(20, 50, "r composer-test")
    route = c.obj(20, 76, "route seed generate ping autoquit playquit quitin")
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
    later = c.obj(560, 180, "delay")  # quitin MS: quit MS ms from now
    c.connect(route, 5, later)
    c.connect(later, 0, bye)
    return c
