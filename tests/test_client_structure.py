"""The structural rules a client file must satisfy to load, checked on every generated client.

- ``.maxpat``: box ids unique; every patch cord joins an outlet and an inlet the boxes have;
  each object box's inlet and outlet counts are the ones its text makes in Max; the window
  opens in presentation mode and every presentation rectangle lies inside it.
- ``.pd``: every ``connect`` joins objects of its canvas, at an outlet and an inlet the objects
  have (vanilla objects: :data:`PD_IO`, measured in real Pd by
  ``test_pd_io_table_matches_real_pd``; subpatches: their ``inlet`` and ``outlet`` objects).
- ``.tosc``: node IDs unique; each control carries the properties (with their types) and
  values TouchOSC writes for its type; every frame lies inside its parent; a radio's value is
  one of its steps; every script compiles as Lua.

Each checker also runs on a copy with one rule broken, which it must report.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest
from conftest import IN_CI, REPO, require_program
from test_patches import max_line_problems

sys.path.insert(0, str(REPO / "max_patches"))
from builders.max import max_io
from builders.touchosc import TOSC_PROPERTIES, TOSC_VALUES

PATCHES = REPO / "max_patches"
MAXPAT = PATCHES / "osc-composer.maxpat"
PD = PATCHES / "osc-composer.pd"
TOSC = PATCHES / "osc-composer.tosc"


# ------------------------------------------------------------------------------------------------
# Max
# ------------------------------------------------------------------------------------------------


def max_structure_problems(patcher: dict) -> list[str]:
    """Unique ids, cords within the boxes' inlets and outlets, object boxes' counts as Max
    makes them, and the presentation inside the window (the devices' own checks, with their
    [js] and Live objects, are in tests/test_m4l.py)."""
    problems = []
    ids = [b["box"]["id"] for b in patcher["boxes"]]
    problems += [f"box id {i} is used {ids.count(i)} times" for i in sorted(set(ids)) if ids.count(i) > 1]
    problems += max_line_problems(patcher)
    for entry in patcher["boxes"]:
        box = entry["box"]
        if box["maxclass"] == "newobj":
            try:
                inlets, outlets, _ = max_io(box["text"])
            except KeyError as exc:
                problems.append(f"{box['id']}: {exc.args[0]}")
                continue
            if (box["numinlets"], box["numoutlets"]) != (inlets, outlets):
                problems.append(
                    f"{box['id']} [{box['text']}] says {box['numinlets']} inlets {box['numoutlets']} "
                    f"outlets; Max makes {inlets} and {outlets}"
                )
            if len(box.get("outlettype", [])) != box["numoutlets"]:
                problems.append(f"{box['id']}: {len(box['outlettype'])} outlet types for {outlets} outlets")
    width, height = patcher["rect"][2:]
    shown = [b["box"] for b in patcher["boxes"] if "presentation_rect" in b["box"]]
    if patcher.get("openinpresentation") and not shown:
        problems.append("opens in presentation mode with nothing in it")
    for box in shown:
        x, y, w, h = box["presentation_rect"]
        if box.get("presentation") != 1:
            problems.append(f"{box['id']} has a presentation rectangle but is not in the presentation")
        if x < 0 or y < 0 or w <= 0 or h <= 0 or x + w > width or y + h > height:
            problems.append(f"{box['id']} at {box['presentation_rect']} is outside the {width}x{height} view")
    return problems


def test_max_patch_structure() -> None:
    patcher = json.loads(MAXPAT.read_text())["patcher"]
    assert max_structure_problems(patcher) == []
    assert patcher["openinpresentation"] == 1
    shown = {
        b["box"].get("text", b["box"]["maxclass"]) for b in patcher["boxes"] if b["box"].get("presentation")
    }
    # what a user touches is in the presentation: generate, the seed, parameters, live play, models
    assert {"/composer/models", "/composer/describe", "/composer/play", "/composer/live/respond"} <= shown
    assert {"button", "umenu", "toggle", "number", "flonum"} <= shown
    hidden = [b["box"] for b in patcher["boxes"] if b["box"]["maxclass"] == "newobj"]
    assert all("presentation_rect" not in b for b in hidden), "plumbing stays out of the presentation"


def _mutate_max(edit: Callable[[dict], None]) -> list[str]:
    patcher = json.loads(MAXPAT.read_text())["patcher"]
    edit(patcher)
    return max_structure_problems(patcher)


def _box(patcher: dict, text: str) -> dict:
    return next(b["box"] for b in patcher["boxes"] if b["box"].get("text") == text)


def _first_shown(patcher: dict) -> dict:
    return next(b["box"] for b in patcher["boxes"] if "presentation_rect" in b["box"])


@pytest.mark.parametrize(
    ("edit", "complaint"),
    [
        (lambda p: p["lines"][0]["patchline"]["source"].__setitem__(1, 40), "out of range"),
        (lambda p: p["lines"][0]["patchline"]["destination"].__setitem__(0, "obj-9999"), "missing box"),
        (lambda p: p["boxes"][1]["box"].__setitem__("id", p["boxes"][0]["box"]["id"]), "is used 2 times"),
        (lambda p: _box(p, "transport").__setitem__("text", "transport 1"), ""),  # still 9 outlets: fine
        (lambda p: _box(p, "sel 1 0").__setitem__("text", "sel 1"), "Max makes 2 and 2"),
        (lambda p: _first_shown(p)["presentation_rect"].__setitem__(0, 990.0), "outside the 1000.0x640.0"),
        (lambda p: _first_shown(p).__setitem__("presentation", 0), "not in the presentation"),
        (lambda p: _box(p, "metro 500").__setitem__("text", "metronome 500"), "no inlet/outlet table"),
    ],
)
def test_max_structure_checker_catches_a_mutation(edit: Callable[[dict], None], complaint: str) -> None:
    problems = _mutate_max(edit)
    if complaint:
        assert any(complaint in p for p in problems), problems
    else:
        assert problems == []


# ------------------------------------------------------------------------------------------------
# Pure Data
# ------------------------------------------------------------------------------------------------


def _named(atom: str) -> bool:
    return atom not in ("empty", "-", "")


def _list_io(args: list[str]) -> tuple[int, int]:
    verb = args[0] if args else "append"
    return {
        "append": (2, 1),
        "prepend": (2, 1),
        "split": (2, 3),
        "trim": (1, 1),
        "length": (1, 1),
        "fromsymbol": (1, 1),
        "tosymbol": (1, 1),
        "store": (2, 2),
    }[verb]


def _text_io(args: list[str]) -> tuple[int, int]:
    return {"define": (1, 2), "get": (4, 2)}[args[0]]


# Vanilla objects: name -> (inlets, outlets) from the arguments. Measured in Pd 0.53.1
# (test_pd_io_table_matches_real_pd re-measures them whenever pd is installed).
PD_IO: dict[str, Callable[[list[str]], tuple[int, int]]] = {
    "r": lambda a: (0, 1) if a else (1, 1),
    "s": lambda a: (1, 0) if a else (2, 0),
    "t": lambda a: (1, len(a)),
    "f": lambda a: (2, 1),
    "print": lambda a: (1, 0),
    "list": _list_io,
    "text": _text_io,
    "oscformat": lambda a: (1, 1),
    "oscparse": lambda a: (1, 1),
    "fudiparse": lambda a: (1, 1),
    "spigot": lambda a: (2, 1),
    "unpack": lambda a: (1, len(a) or 2),
    "pack": lambda a: (len(a) or 2, 1),
    "route": lambda a: (2 if len(a) == 1 else 1, len(a) + 1),
    "sel": lambda a: (2 if len(a) == 1 else 1, len(a) + 1),
    "loadbang": lambda a: (0, 1),
    "tabwrite": lambda a: (2, 0),
    "tabread": lambda a: (1, 1),
    "table": lambda a: (0, 0),
    "symbol": lambda a: (2, 1),
    "/": lambda a: (2, 1),
    "+": lambda a: (2, 1),
    "-": lambda a: (2, 1),
    "*": lambda a: (2, 1),
    ">": lambda a: (2, 1),
    "==": lambda a: (2, 1),
    "swap": lambda a: (2, 2),
    "clip": lambda a: (3, 1),
    "delay": lambda a: (2, 1),
    "metro": lambda a: (2, 1),
    "timer": lambda a: (2, 1),
    "pipe": lambda a: (len(a) or 2, max(1, len(a) - 1)),
    "makenote": lambda a: (3, 2),
    "notein": lambda a: (0, 3) if not a else (0, 2),
    "noteout": lambda a: (3, 0),
    "netsend": lambda a: (1, 2),
    "netreceive": lambda a: (1, 1 if "-u" in a else 2),
    "inlet": lambda a: (0, 1),
    "outlet": lambda a: (1, 0),
    "bng": lambda a: (1, 1),
    "tgl": lambda a: (1, 1),
    "hradio": lambda a: (1, 1),
}


@dataclass
class PdBox:
    canvas: int
    index: int
    kind: str  # obj, msg, text, floatatom, symbolatom, restore (a subpatch)
    atoms: list[str]
    io: tuple[int, int] | None = None  # a subpatch's, from its inlet and outlet objects


def parse_pd_structure(
    text: str,
) -> tuple[dict[tuple[int, int], PdBox], list[tuple[int, int, int, int, int]]]:
    """Boxes by (canvas, index) and connections (canvas, source, outlet, destination, inlet)."""
    boxes: dict[tuple[int, int], PdBox] = {}
    connects: list[tuple[int, int, int, int, int]] = []
    counts: dict[int, int] = defaultdict(int)
    ports: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    stack: list[int] = []
    for record in re.split(r"(?<!\\);\s*(?:\n|$)", text):
        words = record.replace("\\,", " \\, ").split()
        if words[:2] == ["#N", "canvas"]:
            stack.append(_new_canvas(counts))
            continue
        if not words or words[0] != "#X":
            continue
        canvas = stack[-1]
        kind = words[1]
        if kind == "connect":
            a, outlet, b, inlet = map(int, words[2:6])
            connects.append((canvas, a, outlet, b, inlet))
            continue
        if kind == "restore":
            inner = stack.pop()
            canvas = stack[-1]
            box = PdBox(canvas, counts[canvas], "restore", words[4:], tuple(ports[inner]))
        elif kind in ("obj", "msg", "text", "floatatom", "symbolatom"):
            atoms = re.sub(r",\s*f\s+\d+$", "", " ".join(words[4:])).split()
            box = PdBox(canvas, counts[canvas], kind, atoms)
            if kind == "obj" and atoms[:1] == ["inlet"]:
                ports[canvas][0] += 1
            if kind == "obj" and atoms[:1] == ["outlet"]:
                ports[canvas][1] += 1
        else:
            continue  # coords, array data …: not boxes
        boxes[(canvas, box.index)] = box
        counts[canvas] += 1
    return boxes, connects


def _new_canvas(counts: dict[int, int]) -> int:
    canvas = len(counts)
    counts[canvas] = 0
    return canvas


def pd_box_io(box: PdBox) -> tuple[int, int]:
    if box.kind == "restore":
        assert box.io is not None
        return box.io
    if box.kind == "msg":
        return 1, 1
    if box.kind == "text":
        return 0, 0
    if box.kind in ("floatatom", "symbolatom"):
        # width min max flag label receive send: a receive name takes the inlet, a send name the outlet
        receive, send = box.atoms[5], box.atoms[6]
        return (0 if _named(receive) else 1), (0 if _named(send) else 1)
    name, args = box.atoms[0], box.atoms[1:]
    if name not in PD_IO:
        raise KeyError(f"no inlet/outlet table for [{name}]: add it to PD_IO")
    return PD_IO[name](args)


def pd_structure_problems(text: str) -> list[str]:
    boxes, connects = parse_pd_structure(text)
    problems = []
    for canvas, a, outlet, b, inlet in connects:
        source, dest = boxes.get((canvas, a)), boxes.get((canvas, b))
        if source is None or dest is None:
            problems.append(f"canvas {canvas}: connect {a} {outlet} {b} {inlet} names a missing box")
            continue
        try:
            outlets, inlets = pd_box_io(source)[1], pd_box_io(dest)[0]
        except KeyError as exc:
            problems.append(exc.args[0])
            continue
        if outlet >= outlets or inlet >= inlets:
            problems.append(
                f"canvas {canvas}: connect {a} {outlet} {b} {inlet}: [{' '.join(source.atoms[:3])}] has "
                f"{outlets} outlet(s), [{' '.join(dest.atoms[:3])}] {inlets} inlet(s)"
            )
    return problems


def test_pd_patch_structure() -> None:
    assert pd_structure_problems(PD.read_text()) == []


def _last_connect(text: str) -> re.Match[str]:
    return list(re.finditer(r"#X connect (\d+) (\d+) (\d+) (\d+);", text))[-1]


@pytest.mark.parametrize(
    ("edit", "complaint"),
    [
        (lambda t, m: t[: m.start()] + f"#X connect {m[1]} 9 {m[3]} {m[4]};" + t[m.end() :], "outlet(s)"),
        (lambda t, m: t[: m.start()] + f"#X connect {m[1]} {m[2]} {m[3]} 9;" + t[m.end() :], "inlet(s)"),
        (lambda t, m: t[: m.start()] + f"#X connect 999 0 {m[3]} 0;" + t[m.end() :], "missing box"),
        (lambda t, m: t.replace("#X obj", "#X obj 0 0 frobnicate;\n#X obj", 1), ""),  # no cords: fine
        (lambda t, m: t.replace(" oscparse;", " frobnicate;", 1), "no inlet/outlet table for [frobnicate]"),
        (lambda t, m: t.replace(" t b b b;", " t b b;", 1), "outlet(s)"),
    ],
)
def test_pd_structure_checker_catches_a_mutation(
    edit: Callable[[str, re.Match[str]], str], complaint: str
) -> None:
    text = PD.read_text()
    problems = pd_structure_problems(edit(text, _last_connect(text)))
    if complaint:
        assert any(complaint in p for p in problems), problems
    # a new first box shifts every index of its canvas: the checker sees cords land elsewhere
    elif problems:
        assert all("outlet(s)" in p or "inlet(s)" in p or "table" in p for p in problems)


def test_pd_io_table_matches_real_pd(tmp_path: Path) -> None:
    """Every object the patch uses, measured in Pd: a cord to each inlet and from each outlet
    up to 12; Pd reports those it cannot make ('connection failed')."""
    pd = require_program("pd")
    boxes, _ = parse_pd_structure(PD.read_text())
    texts = sorted({" ".join(b.atoms) for b in boxes.values() if b.kind == "obj"})
    lines = ["#N canvas 0 0 400 400 12;", "#X obj 0 0 t a a a a a a a a a a a a;", "#X obj 0 0 print x;"]
    for text in texts:
        lines.append(f"#X obj 0 0 {text};")
    for i, _ in enumerate(texts):
        index = i + 2
        lines += [f"#X connect 0 {k} {index} {k};" for k in range(12)]
        lines += [f"#X connect {index} {k} 1 0;" for k in range(12)]
    patch = tmp_path / "io.pd"
    patch.write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        [pd, "-nogui", "-nosound", "-nomidi", "-noprefs", "-stderr", "-open", str(patch), "-send", "pd quit"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    failed = re.findall(r"io\.pd (\d+) (\d+) (\d+) (\d+) .*connection failed", result.stderr)
    measured = {text: [12, 12] for text in texts}
    for a, outlet, b, inlet in ((int(w) for w in f) for f in failed):
        if a == 0:  # into inlet k of object b
            measured[texts[b - 2]][0] = min(measured[texts[b - 2]][0], inlet)
        else:  # out of outlet k of object a
            measured[texts[a - 2]][1] = min(measured[texts[a - 2]][1], outlet)
    wrong = {}
    for text in texts:
        box = PdBox(0, 0, "obj", text.split())
        if pd_box_io(box) != tuple(measured[text]):
            wrong[text] = {"table": pd_box_io(box), "pd": tuple(measured[text])}
    assert wrong == {}, json.dumps(wrong)


# ------------------------------------------------------------------------------------------------
# TouchOSC
# ------------------------------------------------------------------------------------------------


def _lua51() -> ModuleType:
    """lupa's Lua 5.1 (a dev dependency): skipped without it, except in CI."""
    try:
        import lupa.lua51
    except ImportError:
        if IN_CI:
            raise
        pytest.skip("lupa is not installed (pip install lupa)")
    return lupa.lua51


def tosc_structure_problems(data: bytes) -> list[str]:
    lua = _lua51().LuaRuntime()
    compile_lua = lua.eval("function(source, name) local f, err = loadstring(source, name); return err end")
    root = ElementTree.fromstring(zlib.decompress(data))
    problems = []
    if root.tag != "lexml" or root.get("version") != "3" or len(root) != 1:
        problems.append("not a lexml version 3 document with one root node")
    ids = [n.get("ID") for n in root.iter("node")]
    problems += [f"node ID {i} is used {ids.count(i)} times" for i in sorted(set(ids)) if ids.count(i) > 1]

    def visit(node: ElementTree.Element, parent: tuple[float, float] | None) -> None:
        kind = node.get("type")
        props = {p.findtext("key"): p for p in node.find("properties")}
        name = props["name"].findtext("value") if "name" in props else "?"
        wanted = TOSC_PROPERTIES.get(kind)
        if wanted is None:
            problems.append(f"{name}: no property table for control type {kind}")
            return
        for key, prop_type in wanted.items():
            if key not in props:
                problems.append(f"{kind} {name} lacks property {key}")
            elif props[key].get("type") != prop_type:
                problems.append(f"{kind} {name}: property {key} is {props[key].get('type')}, not {prop_type}")
        values = {v.findtext("key"): v.findtext("default") for v in node.find("values")}
        for key in TOSC_VALUES[kind]:
            if key not in values:
                problems.append(f"{kind} {name} lacks value {key}")
        if "frame" not in props:
            return
        frame = [float(props["frame"].find(f"value/{k}").text) for k in "xywh"]
        x, y, w, h = frame
        if (
            w <= 0
            or h <= 0
            or (parent is not None and (x < 0 or y < 0 or x + w > parent[0] or y + h > parent[1]))
        ):
            problems.append(f"{kind} {name} at {frame} is outside its parent {parent}")
        if kind == "RADIO" and "steps" in props:
            steps = int(props["steps"].findtext("value"))
            if steps < 1 or not 0 <= int(float(values.get("x") or 0)) < steps:
                problems.append(f"RADIO {name}: value {values.get('x')} is not one of its {steps} steps")
        if "script" in props:
            error = compile_lua(props["script"].findtext("value") or "", "=" + name)
            if error:
                problems.append(f"{kind} {name}: script does not compile: {error}")
        children = node.find("children")
        for child in children if children is not None else []:
            visit(child, (w, h))

    if len(root):
        visit(root[0], None)
    return problems


def test_touchosc_layout_structure() -> None:
    assert tosc_structure_problems(TOSC.read_bytes()) == []


def _tosc_text() -> str:
    return zlib.decompress(TOSC.read_bytes()).decode()


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("<key><![CDATA[steps]]></key>", "<key><![CDATA[stepz]]></key>", "lacks property steps"),
        (
            "<property type='i'><key><![CDATA[textSize]]>",
            "<property type='f'><key><![CDATA[textSize]]>",
            "is f",
        ),
        ("<x>16</x><y>716</y>", "<x>1200</x><y>716</y>", "outside its parent"),
        ("<key><![CDATA[text]]></key>", "<key><![CDATA[txt]]></key>", "lacks value text"),
        ("function onValueChanged(key)", "function onValueChanged(key", "does not compile"),
        ("type='RADIO'", "type='SLIDER'", "no property table"),
    ],
)
def test_touchosc_structure_checker_catches_a_mutation(old: str, new: str, complaint: str) -> None:
    text = _tosc_text()
    assert old in text
    problems = tosc_structure_problems(zlib.compress(text.replace(old, new, 1).encode()))
    assert any(complaint in p for p in problems), problems


def test_touchosc_radio_value_outside_its_steps_is_caught() -> None:
    text = _tosc_text()
    radio = text.index("type='RADIO'")
    x = text.index("<key><![CDATA[x]]></key>", radio)
    default = text.index("<default><![CDATA[0]]>", x)
    mutated = text[:default] + "<default><![CDATA[12]]>" + text[default + len("<default><![CDATA[0]]>") :]
    problems = tosc_structure_problems(zlib.compress(mutated.encode()))
    assert any("not one of its" in p for p in problems), problems


def test_touchosc_duplicate_ids_are_caught() -> None:
    text = _tosc_text()
    ids = re.findall(r"<node ID='([^']+)'", text)
    problems = tosc_structure_problems(zlib.compress(text.replace(ids[2], ids[1]).encode()))
    assert any("is used 2 times" in p for p in problems), problems
