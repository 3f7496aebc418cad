"""The TouchOSC layout (osc-composer.tosc): controls, OSC messages and its Lua scripts."""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from builders.common import (
    KEY_NAMES,
    NUMERIC_SPECS,
    PHRASES,
    SPECS,
    STYLE_CHOICES,
    address,
    number_text,
    range_text,
)
from osc_composer.music.theory import SCALES
from osc_composer.server.protocol import OUTGOING

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
