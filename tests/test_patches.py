"""The client patches in max_patches/: current, well-formed, and speaking the server's protocol.

For every patch and layout the checkers below extract each OSC address it sends (with the
type tags it sends) and each reply address it expects (with the arguments it reads) and
hold them against :mod:`osc_composer.server.protocol`. The mutation tests run the same checkers
on copies with one address renamed or one type changed, so a checker that cannot fail
would fail here.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import REPO, require_program

from osc_composer.engine.params import PARAM_SPECS
from osc_composer.live.settings import LIVE_SPECS
from osc_composer.server.protocol import INCOMING, OUTGOING, Address, ProtocolError

PATCHES = REPO / "max_patches"
BUILD = PATCHES / "build_patches.py"
PD = PATCHES / "osc-composer.pd"
MAXPAT = PATCHES / "osc-composer.maxpat"
AMXD = PATCHES / "osc-composer.amxd"
M4L_JS = PATCHES / "osc-composer-m4l.js"
TOSC = PATCHES / "osc-composer.tosc"
NODE_TESTS = REPO / "tests" / "js"
RECORDER = NODE_TESTS / "record-messages.js"

PARAM_ADDRESSES = {f"/composer/param/{spec.name}" for spec in PARAM_SPECS}
# What every client must be able to do: seed, every parameter, generate; and read notes and errors.
MUST_SEND = {"/composer/seed/notes", "/composer/generate", *PARAM_ADDRESSES}
MUST_READ = {"/composer/begin", "/composer/note", "/composer/end", "/composer/error"}
# The live-play section of the Pd and Max patches: call and response, clock, streaming playback.
LIVE_SEND = {
    "/composer/live/note",
    "/composer/live/respond",
    "/composer/live/clear",
    "/composer/clock",
    "/composer/play",
    "/composer/play/stop",
    "/composer/panic",
    *(f"/composer/live/param/{spec.name}" for spec in LIVE_SPECS),
}
LIVE_READ = {
    "/composer/live/answer",
    "/composer/play/start",
    "/composer/play/noteon",
    "/composer/play/noteoff",
    "/composer/play/end",
}


# ------------------------------------------------------------------------------------------------
# the protocol side: what may be sent, what may be read
# ------------------------------------------------------------------------------------------------


def _letters(address: Address, args: Iterable) -> str:
    return "".join("[ifs]" if a.type == "*" else a.type for a in args)


def signature_pattern(address: Address) -> re.Pattern[str]:
    """The type tags a client may send to ``address``, exactly (an ``f`` for an ``i`` argument is refused)."""
    fixed = [_letters(address, [a]) for a in address.args]
    required = fixed[: len(fixed) - address.optional]
    optional = fixed[len(fixed) - address.optional :]
    pattern = "".join(required) + "".join(f"(?:{o})?" for o in optional)
    if address.repeat:
        pattern += f"(?:{_letters(address, address.repeat)})*"
    return re.compile(pattern)


def sent_problems(where: str, path: str, tags: str, values: list | None = None) -> list[str]:
    """Problems of one message a client sends; with ``values``, the server's own parser judges them too."""
    spec = INCOMING.get(path)
    if spec is None:
        return [f"{where}: sends {path}, which the server does not receive"]
    if not signature_pattern(spec).fullmatch(tags):
        return [f"{where}: sends {path} with types {tags!r}; the table says {spec.signature!r}"]
    if values is not None:
        try:
            spec.parse(tags, list(values))
        except ProtocolError as exc:
            return [f"{where}: the server refuses {path} {values}: {exc}"]
    return []


@dataclass
class Expected:
    """How a client reads one reply address: unpacked types, highest ``$N`` used, list indices used."""

    unpacks: list[str] = field(default_factory=list)
    dollars: list[int] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)


def read_problems(where: str, path: str, expected: Expected) -> list[str]:
    spec = OUTGOING.get(path)
    if spec is None:
        return [f"{where}: expects {path}, which the server does not send"]
    problems = []
    count = len(spec.args)
    wanted = "".join("s" if a.type == "s" else "f" for a in spec.args)
    for types in expected.unpacks:
        # unpacking the first few arguments is fine; more than there are, or a number as a symbol, is not
        if types != wanted[: len(types)] or len(types) > count:
            problems.append(f"{where}: unpacks {path} as {types!r}; the server sends {spec.signature!r}")
    for n in expected.dollars + expected.indices:
        if not 1 <= n <= count:
            problems.append(f"{where}: reads argument {n} of {path}, which has {count} ({spec.arg_names})")
    return problems


def atom_tag(atom: str) -> str:
    """The OSC type Max gives a typed atom: ``60`` int, ``0.5`` or ``0.`` float, else a symbol."""
    if re.fullmatch(r"-?\d+", atom):
        return "i"
    if re.fullmatch(r"-?(\d+\.\d*|\.\d+|\d+(\.\d*)?e[-+]?\d+)", atom):
        return "f"
    return "s"


def atom_value(atom: str) -> int | float | str:
    tag = atom_tag(atom)
    return int(atom) if tag == "i" else float(atom) if tag == "f" else atom


# ------------------------------------------------------------------------------------------------
# Pure Data
# ------------------------------------------------------------------------------------------------


@dataclass
class PdBox:
    canvas: int
    index: int
    kind: str  # obj, msg, text, floatatom, restore ...
    atoms: list[str]

    @property
    def name(self) -> str:
        return self.atoms[0] if self.atoms else ""


def parse_pd(
    text: str,
) -> tuple[dict[tuple[int, int], PdBox], dict[tuple[int, int], list[tuple[int, tuple]]]]:
    """Boxes keyed by (canvas, index) and connections: key -> [(outlet, (key, inlet))]."""
    boxes: dict[tuple[int, int], PdBox] = {}
    edges: dict[tuple[int, int], list[tuple[int, tuple]]] = defaultdict(list)
    stack: list[tuple[int, int]] = []  # (canvas id, boxes so far)
    next_canvas = 0
    for record in re.split(r"(?<!\\);\s*(?:\n|$)", text):
        words = record.replace("\\,", " \\, ").split()
        if not words:
            continue
        if words[:2] == ["#N", "canvas"]:
            stack.append((next_canvas, 0))
            next_canvas += 1
            continue
        if words[0] != "#X":
            continue
        canvas, count = stack[-1]
        if words[1] == "connect":
            a, outlet, b, inlet = map(int, words[2:6])
            edges[(canvas, a)].append((outlet, ((canvas, b), inlet)))
            continue
        if words[1] == "restore":
            stack.pop()
            canvas, count = stack[-1]
        elif words[1] not in ("obj", "msg", "text", "floatatom", "symbolatom", "listbox", "array"):
            continue
        atoms = re.sub(r",\s*f\s+\d+$", "", " ".join(words[4:])).split()
        boxes[(canvas, count)] = PdBox(canvas, count, words[1], atoms)
        stack[-1] = (canvas, count + 1)
    return boxes, edges


def pd_problems(text: str) -> tuple[list[str], set[str], set[str]]:
    """(problems, addresses sent, addresses read) of a Pd patch."""
    boxes, edges = parse_pd(text)
    problems: list[str] = []
    sent: set[str] = set()
    for key, box in boxes.items():
        if box.kind == "obj" and box.name == "oscformat":
            args = box.atoms[1:]
            tags = ""
            if args[:1] == ["-f"]:
                tags, args = args[1], args[2:]
            path = "/" + "/".join(args)
            sent.add(path)
            problems += sent_problems(f"pd box {key}", path, tags)

    receivers = defaultdict(list)
    for key, box in boxes.items():
        if box.kind == "obj" and box.name in ("r", "receive") and len(box.atoms) > 1:
            receivers[box.atoms[1]].append(key)

    def successors(key: tuple[int, int], outlets: Iterable[int] | None = None) -> list[tuple[int, int]]:
        box = boxes[key]
        if box.kind == "obj" and box.name in ("s", "send") and len(box.atoms) > 1:
            return receivers[box.atoms[1]]
        return [dest for outlet, (dest, inlet) in edges[key] if outlets is None or outlet in outlets]

    read: dict[str, Expected] = defaultdict(Expected)

    def evidence(key: tuple[int, int], path: str, seen: set) -> None:
        """Follow a reply's atoms (without its address) through triggers and gates to where they are read."""
        if key in seen:
            return
        seen.add(key)
        box = boxes[key]
        if box.kind == "msg":
            read[path].dollars += [int(n) for n in re.findall(r"\$(\d+)", " ".join(box.atoms))]
        elif box.name == "unpack":
            read[path].unpacks.append("".join("s" if a == "s" else "f" for a in box.atoms[1:]))
        elif box.name in ("t", "trigger"):
            outlets = [i for i, a in enumerate(box.atoms[1:]) if a in ("l", "a", "list", "anything")]
            for nxt in successors(key, outlets):
                evidence(nxt, path, seen)
        elif box.name == "spigot" or box.atoms == ["list"]:
            for nxt in successors(key):
                evidence(nxt, path, seen)
        elif box.name == "list" and box.atoms[1:2] == ["split"]:
            read[path].indices.append(int(box.atoms[2]) + 1)
        elif box.name == "route":
            raise AssertionError("a route inside a reply is an address level, handled by walk()")

    def walk(key: tuple[int, int], words: list[str], seen: set) -> None:
        """Follow [oscparse]'s output through [route]s: each route argument is one address level."""
        if (key, tuple(words)) in seen:
            return
        seen.add((key, tuple(words)))
        box = boxes[key]
        if box.kind == "obj" and (
            box.name in ("s", "send", "r", "receive") or box.atoms[:2] == ["list", "trim"]
        ):
            for nxt in successors(key):
                walk(nxt, words, seen)
        elif box.kind == "obj" and box.name == "route":
            for outlet, word in enumerate(box.atoms[1:]):
                for nxt in successors(key, [outlet]):
                    walk(nxt, [*words, word], seen)
        elif box.kind == "obj" and box.name == "print":
            pass  # shows anything; reading nothing
        else:
            path = "/" + "/".join(words)
            read[path]
            evidence(key, path, set())

    for key, box in boxes.items():
        if box.kind == "obj" and box.name == "oscparse":
            for nxt in successors(key):
                walk(nxt, [], set())
    for path, expected in sorted(read.items()):
        problems += read_problems("pd", path, expected)
    return problems, sent, set(read)


# ------------------------------------------------------------------------------------------------
# Max (.maxpat, and the patcher inside the .amxd)
# ------------------------------------------------------------------------------------------------

MAX_SOURCE_TAGS = {("number", 0): "i", ("flonum", 0): "f", ("umenu", 0): "i", ("umenu", 1): "s"}


def max_problems(patcher: dict) -> tuple[list[str], set[str], set[str]]:
    """(problems, addresses sent, addresses read) of a Max patcher (the dict under ``"patcher"``)."""
    boxes = {b["box"]["id"]: b["box"] for b in patcher["boxes"]}
    into: dict[str, list[tuple[str, int, int]]] = defaultdict(list)  # dest -> (source, outlet, inlet)
    out_of: dict[str, list[tuple[int, str, int]]] = defaultdict(list)  # source -> (outlet, dest, inlet)
    for line in patcher["lines"]:
        (source, outlet), (dest, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        into[dest].append((source, outlet, inlet))
        out_of[source].append((outlet, dest, inlet))
    problems: list[str] = []
    sent: set[str] = set()

    def source_tags(source: str, outlet: int) -> str | None:
        box = boxes[source]
        if (box["maxclass"], outlet) in MAX_SOURCE_TAGS:
            return MAX_SOURCE_TAGS[box["maxclass"], outlet]
        words = box.get("text", "").split()
        if words[:1] in (["t"], ["trigger"]):
            return {"i": "i", "f": "f", "s": "s"}.get(words[1 + outlet])
        if words[:1] in (["i"], ["+"]):
            return "i"
        if words[:1] == ["pack"]:
            return "".join(atom_tag(a) for a in words[1:])  # [pack 0 0.]: an int and a float
        if words[:1] == ["zl.group"]:
            return None  # a whole seed: checked from the coll's data and the phrase boxes below
        raise AssertionError(f"no output type known for {box['maxclass']} {words} outlet {outlet}")

    for box_id, box in boxes.items():
        words = box.get("text", "").split()
        if box["maxclass"] == "message" and words[:1] and words[0].startswith("/"):
            sent.add(words[0])
            rest = words[1:]
            tags = "".join(atom_tag(a) for a in rest)
            problems += sent_problems(f"max {box_id}", words[0], tags, [atom_value(a) for a in rest])
        elif box["maxclass"] == "newobj" and words[:1] == ["prepend"] and words[1].startswith("/"):
            sent.add(words[1])
            for source, outlet, inlet in into[box_id]:
                tags = source_tags(source, outlet) if inlet == 0 else None
                if tags is not None:
                    problems += sent_problems(f"max {box_id} (from {source})", words[1], tags)
        if box.get("coll_data"):
            # the embedded seed goes out whole as /composer/seed/notes
            values = [v for entry in box["coll_data"]["data"] for v in entry["value"]]
            tags = "".join("i" if isinstance(v, int) else "f" for v in values)
            problems += sent_problems(f"max {box_id} (coll data)", "/composer/seed/notes", tags, values)
        if box["maxclass"] == "message" and len(words) >= 4 and all(atom_tag(w) != "s" for w in words):
            # a phrase box: stored in the coll, sent as the seed
            tags = "".join(atom_tag(w) for w in words)
            problems += sent_problems(
                f"max {box_id} (phrase)", "/composer/seed/notes", tags, [atom_value(w) for w in words]
            )

    read: dict[str, Expected] = defaultdict(Expected)

    def evidence(box_id: str, inlet: int, path: str, seen: set) -> None:
        if (box_id, inlet) in seen:
            return
        seen.add((box_id, inlet))
        box = boxes[box_id]
        words = box.get("text", "").split()
        if box["maxclass"] == "message":
            read[path].dollars += [int(n) for n in re.findall(r"\$(\d+)", box.get("text", ""))]
        elif words[:1] == ["unpack"]:
            read[path].unpacks.append("".join("s" if w == "s" else "f" for w in words[1:]))
        elif words[:1] == ["zl.nth"]:
            read[path].indices.append(int(words[1]))
        elif words[:1] in (["t"], ["trigger"]):
            for outlet, dest, dest_inlet in out_of[box_id]:
                if words[1 + outlet] in ("l", "a"):
                    evidence(dest, dest_inlet, path, seen)
        elif words[:1] == ["gate"] and inlet == 1:
            for _, dest, dest_inlet in out_of[box_id]:
                evidence(dest, dest_inlet, path, seen)

    for box_id, box in boxes.items():
        words = box.get("text", "").split()
        if words[:1] == ["route"] and any(w.startswith("/") for w in words[1:]):
            for outlet, dest, inlet in out_of[box_id]:
                if outlet < len(words) - 1:
                    read[words[1 + outlet]]
                    evidence(dest, inlet, words[1 + outlet], set())
    for path, expected in sorted(read.items()):
        problems += read_problems("max", path, expected)
    return problems, sent, set(read)


# ------------------------------------------------------------------------------------------------
# Max for Live: the container, its patcher, and the JavaScript
# ------------------------------------------------------------------------------------------------


def amxd_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The container's chunks: 4-byte id, little-endian uint32 size, data; they must fill the file."""
    chunks, at = [], 0
    while at < len(data):
        assert at + 8 <= len(data), f"truncated chunk header at byte {at}"
        tag, size = data[at : at + 4], struct.unpack("<I", data[at + 4 : at + 8])[0]
        assert at + 8 + size <= len(data), f"chunk {tag!r} runs past the end of the file"
        chunks.append((tag, data[at + 8 : at + 8 + size]))
        at += 8 + size
    return chunks


def amxd_patcher(data: bytes) -> dict:
    chunks = amxd_chunks(data)
    assert [tag for tag, _ in chunks] == [b"ampf", b"meta", b"ptch"]
    assert chunks[0][1] == b"mmmm", "not a MIDI effect"
    payload = chunks[2][1]
    if payload.startswith(b"mx@c"):  # frozen: tests/test_m4l.py checks the collective itself
        sys.path.insert(0, str(PATCHES))
        from builders.amxd import read_amxd

        return read_amxd(data).patcher
    assert payload.endswith(b"\x00"), "the patcher JSON must end in NUL"
    return json.loads(payload[:-1].decode("utf-8"))


def js_problems(source: str) -> tuple[list[str], set[str]]:
    """Problems of the device script's text: its generated tables and every address it spells out."""
    problems = []
    replies = json.loads("{" + re.search(r"var REPLIES = \{(.*?)\};", source, re.S).group(1) + "}")
    for path, types in replies.items():
        if path not in OUTGOING or OUTGOING[path].signature != types:
            problems.append(f"js: REPLIES[{path!r}] = {types!r} is not in the table")
    params = json.loads("{" + re.search(r"var PARAMS = \{(.*?)\};", source, re.S).group(1) + "}")
    if sorted(params) != sorted(spec.name for spec in PARAM_SPECS):
        problems.append(f"js: PARAMS {sorted(params)} differ from the table's parameters")
    spelled = set(re.findall(r'PREFIX \+ "([^"]+)"', source))
    for path in sorted(spelled):
        full = "/composer" + path
        # a stem completed at run time ("/param/" + name) must begin some address
        known = full in INCOMING or full in OUTGOING
        if not known and not (full.endswith("/") and any(a.startswith(full) for a in INCOMING)):
            problems.append(f"js: uses {full}, which is not in the table")
    return problems, {"/composer" + p for p in spelled}


def recorded_js_messages(script: Path) -> list[dict]:
    """What the device script sends when every entry point is used (run in Node)."""
    node = require_program("node")
    result = subprocess.run([node, str(RECORDER), str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def recorded_problems(messages: list[dict]) -> list[str]:
    problems = []
    for m in messages:
        # [js] sends an integral number as an int: the server's parser decides (numbers are interchangeable)
        spec = INCOMING.get(m["address"])
        if spec is None:
            problems.append(f"js: sends {m['address']}, which the server does not receive")
            continue
        try:
            spec.parse(m["tags"], m["values"])
        except ProtocolError as exc:
            problems.append(f"js: the server refuses {m['address']} {m['values']}: {exc}")
    return problems


# ------------------------------------------------------------------------------------------------
# TouchOSC
# ------------------------------------------------------------------------------------------------

TOSC_TAGS = {"INTEGER": "i", "FLOAT": "f", "STRING": "s"}


def tosc_problems(data: bytes) -> tuple[list[str], set[str], set[str]]:
    """(problems, addresses sent, addresses read) of a .tosc layout."""
    root = ElementTree.fromstring(zlib.decompress(data))
    assert root.tag == "lexml" and len(root) == 1 and root[0].get("type") == "GROUP"
    nodes = list(root.iter("node"))
    ids = [n.get("ID") for n in nodes]
    assert len(set(ids)) == len(ids), "node IDs must be unique"
    problems: list[str] = []
    sent: set[str] = set()
    read: set[str] = set()
    for node in nodes:
        name = next(
            (p.findtext("value") for p in node.find("properties") if p.findtext("key") == "name"), "?"
        )
        messages = node.find("messages")
        for osc in messages.findall("osc") if messages is not None else []:
            if osc.findtext("enabled") != "1" or osc.findtext("send") != "1":
                continue
            path = "".join(p.findtext("value") for p in osc.find("path").findall("partial"))
            sent.add(path)
            partials = osc.find("arguments").findall("partial")
            conversions = [p.findtext("conversion") for p in partials]
            if any(c not in TOSC_TAGS for c in conversions):
                problems.append(f"tosc {name}: argument conversions {conversions} for {path}")
                continue
            tags = "".join(TOSC_TAGS[c] for c in conversions)
            # constants as written; a control's value at both ends of its scale
            ends = (
                ("scaleMin", "scaleMax")
                if any(p.findtext("type") == "VALUE" for p in partials)
                else ("value",)
            )
            for end in ends:
                values = [
                    (p.findtext(end) if p.findtext("type") == "VALUE" else p.findtext("value"))
                    for p in partials
                ]
                typed = [
                    v if t == "s" else (int(float(v)) if t == "i" else float(v))
                    for t, v in zip(tags, values, strict=True)
                ]
                problems += sent_problems(f"tosc {name}", path, tags, typed)
        script = next(
            (p.findtext("value") for p in node.find("properties") if p.findtext("key") == "script"), ""
        )
        for path, types in re.findall(r"\['(/[^']+)'\] = '([^']*)'", script):
            read.add(path)
            if path not in OUTGOING or OUTGOING[path].signature != types:
                problems.append(f"tosc {name}: script expects {path} {types!r}, not in the table")
        for path in re.findall(r"'(/composer[^']*)'", script):
            if path not in OUTGOING and path not in INCOMING:
                problems.append(f"tosc {name}: script uses {path}, which is not in the table")
        problems += script_send_problems(f"tosc {name}", script, sent)
    return problems, sent, read


def script_send_problems(where: str, script: str, sent: set[str]) -> list[str]:
    """The root script's control tables: each address with the type it is sent as, at both ends
    of a fader's range and for every choice of a radio (the server's parser judges them)."""
    problems = []
    number = r"(-?[\d.e+-]+)"
    for path, tag, low, high in re.findall(rf"\{{'(/composer[^']*)', '(\w)', {number}, {number}\}}", script):
        sent.add(path)
        for end in (low, high):
            value = int(float(end)) if tag == "i" else float(end)
            problems += sent_problems(f"{where} (fader)", path, tag, [value])
    for path, tag, choices in re.findall(r"\{'(/composer[^']*)', '(\w)', \{([^}]*)\}\}", script):
        sent.add(path)
        for index, choice in enumerate(re.findall(r"'([^']*)'", choices)):
            value = choice if tag == "s" else index
            problems += sent_problems(f"{where} (radio)", path, tag, [value])
    for path, on, off in re.findall(r"\{'(/composer[^']*)', (-?\d+), (-?\d+)\}", script):
        sent.add(path)
        for value in (int(on), int(off)):
            problems += sent_problems(f"{where} (toggle)", path, "i", [value])
    return problems


# ------------------------------------------------------------------------------------------------
# tests
# ------------------------------------------------------------------------------------------------


def test_committed_patches_are_built_from_the_current_table() -> None:
    result = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_check_fails_on_a_stale_patch(tmp_path: Path) -> None:
    """--check compares bytes: a hand-edited patch is reported (in a copy of the folder)."""
    copy = tmp_path / "max_patches"
    shutil.copytree(PATCHES, copy)
    pd = copy / PD.name
    pd.write_bytes(pd.read_bytes().replace(b"GENERATE", b"GENERATE!", 1))
    check = [sys.executable, str(copy / BUILD.name), "--check"]
    result = subprocess.run(check, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1 and "osc-composer.pd" in result.stdout, result.stdout + result.stderr
    (copy / TOSC.name).unlink()
    result = subprocess.run(check, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1 and "osc-composer.tosc" in result.stdout, result.stdout + result.stderr


def test_pd_patch_speaks_the_protocol() -> None:
    text = PD.read_text()
    problems, sent, read = pd_problems(text)
    assert problems == []
    play_along = {"/composer/live/start", "/composer/live/stop"}
    models = {"/composer/models", "/composer/model"}
    assert sent >= MUST_SEND | LIVE_SEND | play_along | models | {
        "/composer/reply_port",
        "/composer/seed/clear",
        "/composer/ping",
    }
    assert read >= MUST_READ | LIVE_READ | {
        "/composer/seed/size",
        "/composer/pong",
        "/composer/model/available",
        "/composer/model/loaded",
    }


def test_pd_patch_uses_vanilla_network_objects_only() -> None:
    boxes, _ = parse_pd(PD.read_text())
    objects = [b.atoms for b in boxes.values() if b.kind == "obj"]
    assert ["netsend", "-u", "-b"] in objects and ["netreceive", "-u", "-b"] in objects
    assert all(a[1] == "-f" for a in objects if a[0] == "oscformat" and len(a) > 3 and a[-2] == "param")
    names = {a[0] for a in objects}
    assert {"oscparse", "makenote", "noteout", "pipe"} <= names
    assert not names & {"mrpeach", "packOSC", "unpackOSC", "udpsend", "udpreceive"}, (
        "externals are not vanilla"
    )


def max_line_problems(patcher: dict) -> list[str]:
    """Patch cords that join a missing box, or an outlet/inlet the box does not have."""
    boxes = {b["box"]["id"]: b["box"] for b in patcher["boxes"]}
    problems = []
    for line in patcher["lines"]:
        (source, outlet), (dest, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
        if source not in boxes or dest not in boxes:
            problems.append(f"cord {source} -> {dest} joins a missing box")
        elif outlet >= boxes[source]["numoutlets"] or inlet >= boxes[dest]["numinlets"]:
            problems.append(f"cord {source}:{outlet} -> {dest}:{inlet} is out of range")
    return problems


def test_max_patch_speaks_the_protocol() -> None:
    patcher = json.loads(MAXPAT.read_text())["patcher"]
    problems, sent, read = max_problems(patcher)
    assert problems == []
    assert max_line_problems(patcher) == []
    assert sent >= MUST_SEND | LIVE_SEND | {"/composer/reply_port", "/composer/seed/clear", "/composer/ping"}
    assert read >= MUST_READ | LIVE_READ | {"/composer/seed/size", "/composer/pong"}
    texts = [b["box"].get("text", "") for b in patcher["boxes"]]
    assert any(t.startswith("udpsend ") for t in texts) and any(t.startswith("udpreceive ") for t in texts)
    assert {"makenote 100 250", "noteout"} <= set(texts)


def test_max_patch_offers_models_describe_the_voice_and_the_transport_clock() -> None:
    """Model choice (/composer/models -> a menu -> /composer/model), the describe readout, and the
    clock from Max's [transport] while it runs (its tempo; its ticks / 480 as the beat)."""
    patcher = json.loads(MAXPAT.read_text())["patcher"]
    _, sent, read = max_problems(patcher)
    assert {"/composer/models", "/composer/model", "/composer/describe"} <= sent
    assert {"/composer/live/start", "/composer/live/stop"} <= sent  # the model's voice (duet, continue)
    assert {"/composer/model/available", "/composer/model/loaded", "/composer/describe/end"} <= read
    boxes = {b["box"]["id"]: b["box"] for b in patcher["boxes"]}
    by_text = {b.get("text"): i for i, b in boxes.items()}
    cords = {
        (ln["patchline"]["source"][0], ln["patchline"]["source"][1], ln["patchline"]["destination"][0])
        for ln in patcher["lines"]
    }
    transport, beats = by_text["transport"], by_text["/ 480."]
    assert (transport, 7, beats) in cords, "the beat comes from the transport's ticks"
    clock = by_text["prepend /composer/clock"]
    sources = [boxes[s]["text"] for s, _, d in cords if d == clock]
    assert sources == ["pack 0. 0.", "pack 0. 0."], "transport and fallback both send bpm beat"
    menu = next(s for s, o, d in cords if d == by_text["prepend /composer/model"])
    assert boxes[menu]["maxclass"] == "umenu"


def test_amxd_container_holds_a_midi_effect_patcher() -> None:
    document = amxd_patcher(AMXD.read_bytes())
    patcher = document["patcher"]
    texts = [b["box"].get("text", "") for b in patcher["boxes"]]
    assert f"js {M4L_JS.name}" in texts
    assert any(t.startswith("udpreceive ") and "@defer 1" in t for t in texts)
    assert any(t.startswith("udpsend ") for t in texts)
    assert "live.thisdevice" in texts
    # every control forwards a real parameter; every command box names a function of the script
    script = M4L_JS.read_text()
    params = {t.split()[2] for t in texts if t.startswith("prepend param ")}
    assert params and params <= {spec.name for spec in PARAM_SPECS}
    boxes = {b["box"]["id"]: b["box"] for b in patcher["boxes"]}
    js_id = next(i for i, b in boxes.items() if b.get("text") == f"js {M4L_JS.name}")
    into_js = [
        line["patchline"]["source"][0]
        for line in patcher["lines"]
        if line["patchline"]["destination"][0] == js_id
    ]
    commands = {boxes[s]["text"].split()[0] for s in into_js if boxes[s]["maxclass"] == "message"}
    assert {"init", "generate", "audition"} <= commands
    for command in commands:
        assert re.search(rf"^function {command}\(", script, re.M), (
            f"{command} is not a function of the script"
        )
    longnames = [
        b["box"]["saved_attribute_attributes"]["valueof"]["parameter_longname"]
        for b in patcher["boxes"]
        if "saved_attribute_attributes" in b["box"]
    ]
    assert len(longnames) == len(set(longnames)), "Live parameter names must be unique"
    assert max_line_problems(patcher) == []


def test_m4l_script_speaks_the_protocol() -> None:
    problems, spelled = js_problems(M4L_JS.read_text())
    assert problems == []
    messages = recorded_js_messages(M4L_JS)
    assert recorded_problems(messages) == []
    sent = {m["address"] for m in messages}
    assert sent >= MUST_SEND | {"/composer/reply_port", "/composer/ping"}
    assert spelled >= MUST_READ


def test_m4l_logic_passes_its_node_tests() -> None:
    node = require_program("node")
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", str(NODE_TESTS / "m4l.test.js")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)", output, re.M)
    assert passed and int(passed.group(1)) >= 9, output
    assert re.search(r"^# fail 0$", output, re.M), output


def test_touchosc_layout_speaks_the_protocol() -> None:
    problems, sent, read = tosc_problems(TOSC.read_bytes())
    assert problems == []
    assert sent >= MUST_SEND | {"/composer/seed/clear", "/composer/ping"}
    assert read >= {"/composer/begin", "/composer/end", "/composer/error"}
    root = ElementTree.fromstring(zlib.decompress(TOSC.read_bytes()))
    types = [n.get("type") for n in root.iter("node")]
    assert types.count("FADER") >= 8 and "BUTTON" in types and "LABEL" in types


# ---- the checkers can fail: one renamed address or changed type in a copy of each file ------------


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("route begin note end", "route begin notes end", "/composer/notes"),  # a reply renamed
        ("oscformat -f i composer generate", "oscformat -f i composer generat", "/composer/generat"),
        ("-f f composer param temperature", "-f s composer param temperature", "'s'"),  # a type changed
        ("unpack f f f f f f", "unpack f f f f f f f", "unpacks /composer/note"),  # an argument too many
        ("unpack f f f f f f", "unpack f f s f f f", "unpacks /composer/note"),  # a number read as a symbol
        ("-f ii composer live note", "-f if composer live note", "'if'"),  # a live address's type changed
        ("route noteon noteoff start end", "route noteon noteof start end", "/composer/play/noteof"),
        (
            r"set answer \$1 at beat \$2 - \$3 notes",  # Pd writes $ as \$
            r"set answer \$1 at beat \$2 - \$4 notes",
            "argument 4 of /composer/live/answer",
        ),
    ],
)
def test_pd_checker_catches_a_mutation(old: str, new: str, complaint: str) -> None:
    text = PD.read_text()
    assert old in text
    problems, _, _ = pd_problems(text.replace(old, new))
    assert any(complaint in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        (
            "prepend /composer/param/temperature",
            "prepend /composer/param/temprature",
            "/composer/param/temprature",
        ),
        ("route /composer/begin", "route /composer/bgin", "/composer/bgin"),
        ('"/composer/seed/clear"', '"/composer/seed/clr"', "/composer/seed/clr"),
        ("set $1 notes over $2 beats", "set $1 notes over $3 beats", "argument 3 of /composer/seed/size"),
        ("prepend /composer/live/note", "prepend /composer/live/notes", "/composer/live/notes"),
        ('"pack 0. 0."', '"pack 0. 0"', "sends /composer/clock with types 'fi'"),  # the beat as an int
        ("route /composer/live/answer", "route /composer/live/answers", "/composer/live/answers"),
        ("prepend /composer/model", "prepend /composer/modl", "/composer/modl"),
        ("route /composer/model/available", "route /composer/model/availabl", "/composer/model/availabl"),
        ("append $1", "append $3", "argument 3 of /composer/model/available"),
    ],
)
def test_max_checker_catches_a_mutation(old: str, new: str, complaint: str) -> None:
    text = MAXPAT.read_text()
    assert old in text
    problems, _, _ = max_problems(json.loads(text.replace(old, new))["patcher"])
    assert any(complaint in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ('PREFIX + "/seed/notes"', 'PREFIX + "/seed/note"', "/composer/seed/note"),
        ('PREFIX + "/generate"', 'PREFIX + "/generat"', "/composer/generat"),
        ('return spec.type === "i" ? Math.round(number) : number;', "return number + 0.5;", "whole number"),
    ],
)
def test_m4l_checker_catches_a_mutation(old: str, new: str, complaint: str, tmp_path: Path) -> None:
    text = M4L_JS.read_text()
    assert old in text
    mutated = tmp_path / M4L_JS.name
    mutated.write_text(text.replace(old, new))
    problems = js_problems(mutated.read_text())[0] + recorded_problems(recorded_js_messages(mutated))
    assert any(complaint in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("/composer/seed/clear", "/composer/seed/clr", "/composer/seed/clr"),
        ("['/composer/end'] = 'iii'", "['/composer/end'] = 'ii'", "/composer/end"),
        ("{'/composer/param/scale', 's'", "{'/composer/param/scale', 'i'", "/composer/param/scale"),
        ("{'/composer/param/temperature', 'f', 0.05,", "{'/composer/param/temperature', 'f', 0,", "refuses"),
        ("{'/composer/param/top_k', 'i'", "{'/composer/param/top_k', 'f'", "'f'"),
        ("'/composer/live/params'", "'/composer/live/parms'", "/composer/live/parms"),
    ],
)
def test_touchosc_checker_catches_a_mutation(old: str, new: str, complaint: str) -> None:
    text = zlib.decompress(TOSC.read_bytes()).decode()
    assert old in text
    problems, _, _ = tosc_problems(zlib.compress(text.replace(old, new).encode()))
    assert any(complaint in p for p in problems), problems
