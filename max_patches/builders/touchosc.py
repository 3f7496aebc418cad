"""The TouchOSC layout (osc-composer.tosc): controls, OSC messages and its Lua scripts.

Two-way: the root's script asks the server for every parameter (``/composer/params``,
``/composer/live/params``) and the models (``/composer/models``) when the layout loads, on
SYNC and after RESET, and sets every control from the replies. A control the user moves
tells the root (``root:notify``), and the root sends the value with the table's type.
Controls send only while touched (``self.values.touch``), so a value set from a reply is
not echoed back to the server.

The file format follows a layout saved by TouchOSC itself (tosclib's
``docs/demos/files/controls.xml``): the properties each control type carries
(:data:`TOSC_PROPERTIES`), the values, the ``<osc>`` messages and the ``script`` property.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from builders.common import (
    KEY_NAMES,
    NUMERIC_SPECS,
    PHRASES,
    SPECS,
    STYLE_CHOICES,
    address,
    number_text,
)
from osc_composer.engine.params import ParamSpec
from osc_composer.live.settings import LIVE_MODES, LIVE_SPECS
from osc_composer.music.theory import SCALES
from osc_composer.server.protocol import OUTGOING

TOSC_SIZE = (1280, 800)
TOSC_FIXED_SEED = 1  # what the "repeatable" toggle sends when on (-1, random, when off)
TOSC_CONVERSION = {"i": "INTEGER", "f": "FLOAT", "s": "STRING"}
# TouchOSC's enumerations as tosclib documents them (src/tosclib/controls.py): Orientation
# 0 north, 1 east (left to right), 2 south, 3 west; button type 0 momentary, 1 toggle on
# release, 2 toggle on press; textAlignH 1 left, 2 centre, 3 right.
HORIZONTAL = 1
BUTTON_MOMENTARY, BUTTON_TOGGLE_PRESS = 0, 2

Color = tuple[float, float, float, float]

# The properties TouchOSC writes for each control type (from a layout it saved), with their
# property types; a control without one of them is refused by tests/test_client_structure.py.
_COMMON = {
    "background": "b",
    "color": "c",
    "cornerRadius": "f",
    "frame": "r",
    "grabFocus": "b",
    "interactive": "b",
    "locked": "b",
    "name": "s",
    "orientation": "i",
    "outline": "b",
    "outlineStyle": "i",
    "pointerPriority": "i",
    "shape": "i",
    "visible": "b",
}
TOSC_PROPERTIES: dict[str, dict[str, str]] = {
    "GROUP": dict(_COMMON),
    "BUTTON": {**_COMMON, "buttonType": "i", "press": "b", "release": "b", "valuePosition": "b"},
    "LABEL": {
        **_COMMON,
        "font": "i",
        "textAlignH": "i",
        "textAlignV": "i",
        "textClip": "b",
        "textColor": "c",
        "textLength": "i",
        "textSize": "i",
    },
    "FADER": {
        **_COMMON,
        "bar": "b",
        "barDisplay": "i",
        "cursor": "b",
        "cursorDisplay": "i",
        "grid": "b",
        "gridSteps": "i",
        "response": "i",
        "responseFactor": "i",
    },
    "RADIO": {**_COMMON, "radioType": "i", "steps": "i"},
}
# The values each control type has (every control has ``touch``).
TOSC_VALUES: dict[str, tuple[str, ...]] = {
    "GROUP": ("touch",),
    "BUTTON": ("touch", "x"),
    "LABEL": ("text", "touch"),
    "FADER": ("touch", "x"),
    "RADIO": ("touch", "x"),
}
_DEFAULTS: dict[str, object] = {
    "background": 1,
    "color": (0.3, 0.3, 0.3, 1),
    "cornerRadius": 1,
    "grabFocus": 1,
    "locked": 0,
    "orientation": 0,
    "outline": 1,
    "outlineStyle": 1,
    "pointerPriority": 0,
    "shape": 1,
    "visible": 1,
    "buttonType": BUTTON_MOMENTARY,
    "press": 1,
    "release": 1,
    "valuePosition": 0,
    "font": 0,
    "textAlignH": 2,
    "textAlignV": 2,
    "textClip": 1,
    "textColor": (1, 1, 1, 1),
    "textLength": 0,
    "textSize": 14,
    "bar": 1,
    "barDisplay": 0,
    "cursor": 1,
    "cursorDisplay": 0,
    "grid": 0,
    "gridSteps": 10,
    "response": 0,
    "responseFactor": 100,
    "radioType": 0,
    "steps": 2,
}


def cdata(text: str) -> str:
    return f"<![CDATA[{text}]]>"


@dataclass
class ToscNode:
    """One TouchOSC control: properties, values, OSC messages, children (written as lexml).

    ``properties`` override the type's defaults; ``frame`` is relative to the parent, as
    TouchOSC stores it.
    """

    type: str
    name: str
    frame: tuple[float, float, float, float]
    properties: dict[str, object] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    children: list[ToscNode] = field(default_factory=list)

    def xml(self, path: str = "") -> str:
        # IDs from the node's place in the tree: stable, so --check can compare bytes
        node_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"osc-composer.tosc{path}/{self.name}"))
        kinds = TOSC_PROPERTIES[self.type]
        props: dict[str, object] = {key: _DEFAULTS[key] for key in kinds if key in _DEFAULTS}
        props.update(
            name=self.name,
            frame=self.frame,
            interactive=0 if self.type in ("LABEL", "GROUP") else 1,
        )
        props.update(self.properties)
        out = [f"<node ID='{node_id}' type='{self.type}'><properties>"]
        for key, value in sorted(props.items()):
            kind = kinds.get(key, "s")
            out.append(
                f"<property type='{kind}'><key>{cdata(key)}</key>"
                f"<value>{tosc_value(kind, value)}</value></property>"
            )
        out.append("</properties><values>")
        values = {"touch": "false", **({"x": 0} if "x" in TOSC_VALUES[self.type] else {}), **self.values}
        for key in sorted(values):
            out.append(
                f"<value><key>{cdata(key)}</key><locked>0</locked><lockedDefaultCurrent>0</lockedDefaultCurrent>"
                f"<default>{cdata(str(values[key]))}</default><defaultPull>0</defaultPull></value>"
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
    name: str, text: str, frame: tuple[float, float, float, float], size: int = 14, **properties: object
) -> ToscNode:
    return ToscNode(
        "LABEL",
        name,
        frame,
        {"textSize": size, "background": 0, "outline": 0, **properties},
        {"text": text},
    )


def tosc_button(
    name: str,
    label: str,
    frame: tuple[float, float, float, float],
    message: str | None = None,
    color: Color = (0.25, 0.55, 0.85, 1),
    *,
    script: str | None = None,
    toggle: bool = False,
    size: int = 13,
) -> list[ToscNode]:
    """A button and its caption (a label on top, not interactive, so touches reach the button)."""
    properties: dict[str, object] = {
        "buttonType": BUTTON_TOGGLE_PRESS if toggle else BUTTON_MOMENTARY,
        "color": color,
    }
    if script is not None:
        properties["script"] = script
    button = ToscNode("BUTTON", name, frame, properties, {}, [message] if message else [])
    return [button, tosc_label(f"{name}_label", label, frame, size)]


# ------------------------------------------------------------------------------------------------
# the scripts
# ------------------------------------------------------------------------------------------------

# A control the user moves tells the root, which sends its value (only while touched: a value
# set from a server reply is not sent back).
TOUCHED_SCRIPT = """-- osc-composer: tell the root when the user changes this control
function onValueChanged(key)
  if key == 'x' and self.values.touch then
    root:notify('touched', self.name)
  end
end
"""

# A command button asks the root to do something that needs more than one message.
COMMAND_SCRIPT = """-- osc-composer: ask the root to %(what)s
function onValueChanged(key)
  if key == 'x' and self.values.x == 1 then
    root:notify('%(command)s')
  end
end
"""

ROOT_SCRIPT = """-- osc-composer: the server's replies drive every control.
-- Generated from osc_composer.server.protocol: addresses, types, ranges and choices.
local PARAMS = '%(params)s'
local LIVE_PARAMS = '%(live_params)s'
local MODELS = '%(models)s'
local MODEL = '%(model)s'
local RESET = '%(reset)s'

-- fader name = {address, type, low, high}
local FADERS = {
%(faders)s
}
-- radio name = {address, type sent ('i': the index, 's': the choice), choices}
local RADIOS = {
%(radios)s
}
-- toggle name = {address, value when on, value when off}
local TOGGLES = {
%(toggles)s
}
-- the server's replies this script reads, with their types
local REPLIES = {
%(replies)s
}

local BY_ADDRESS = {}
for name, spec in pairs(FADERS) do BY_ADDRESS[spec[1]] = name end
for name, spec in pairs(RADIOS) do BY_ADDRESS[spec[1]] = name end
for name, spec in pairs(TOGGLES) do BY_ADDRESS[spec[1]] = name end

local models = {}
local chosen = 0

local function control(name)
  return root:findByName(name, true)
end

local function show(name, text)
  local label = control(name)
  if label then label.values.text = text end
end

local function number_text(value, tag)
  if tag == 'i' then return string.format('%%d', value) end
  return string.format('%%.4g', value)
end

local function send(path, tag, value)
  if tag == nil then
    sendOSC({path, {}})
  else
    sendOSC({path, {{tag = tag, value = value}}})
  end
end

local function refresh()
  models = {}
  chosen = 0
  send(PARAMS)
  send(LIVE_PARAMS)
  send(MODELS)
end

local function show_model()
  if chosen >= 1 and chosen <= #models then
    show('model_name', models[chosen])
  end
end

-- the user moved a control: send its value in the parameter's units and type
local function touched(name)
  local c = control(name)
  if FADERS[name] then
    local spec = FADERS[name]
    local value = spec[3] + c.values.x * (spec[4] - spec[3])
    if spec[2] == 'i' then value = math.floor(value + 0.5) end
    show(name .. '_value', number_text(value, spec[2]))
    send(spec[1], spec[2], value)
  elseif RADIOS[name] then
    local spec = RADIOS[name]
    local choice = spec[3][c.values.x + 1]
    show(name .. '_value', choice)
    if spec[2] == 's' then send(spec[1], 's', choice) else send(spec[1], 'i', c.values.x) end
  elseif TOGGLES[name] then
    local spec = TOGGLES[name]
    if c.values.x > 0 then send(spec[1], 'i', spec[2]) else send(spec[1], 'i', spec[3]) end
  end
end

-- a parameter's value from the server: the control follows
local function follow(name, value)
  local c = control(name)
  if c == nil then return end
  if FADERS[name] then
    local spec = FADERS[name]
    local x = (value - spec[3]) / (spec[4] - spec[3])
    c.values.x = math.max(0, math.min(1, x))
    show(name .. '_value', number_text(value, spec[2]))
  elseif RADIOS[name] then
    local choices = RADIOS[name][3]
    for i = 1, #choices do
      if choices[i] == value or (type(value) == 'number' and i - 1 == value) then
        c.values.x = i - 1
        show(name .. '_value', choices[i])
        return
      end
    end
    show('status', name .. ' ' .. tostring(value) .. ' is not on this layout')
  elseif TOGGLES[name] then
    if value == TOGGLES[name][3] then c.values.x = 0 else c.values.x = 1 end
  end
end

function init()
  show('status', 'asking the server for its settings ...')
  refresh()
end

function onReceiveNotify(key, value)
  if key == 'touched' then
    touched(value)
  elseif key == 'sync' then
    refresh()
  elseif key == 'reset' then
    send(RESET)
    refresh()
  elseif key == 'model_next' and #models > 0 then
    chosen = chosen %% #models + 1
    show_model()
  elseif key == 'model_previous' and #models > 0 then
    chosen = (chosen - 2) %% #models + 1
    show_model()
  elseif key == 'model_load' and chosen >= 1 then
    send(MODEL, 's', models[chosen])
    show('status', 'loading model ' .. models[chosen] .. ' ...')
  end
end

function onReceiveOSC(message, connections)
  local path, arguments = message[1], message[2]
  local name = BY_ADDRESS[path]
  if name ~= nil then
    if #arguments == 1 then follow(name, arguments[1].value) end
    return false
  end
  local types = REPLIES[path]
  if types == nil or #arguments ~= #types then return false end
  local v = {}
  for i = 1, #arguments do v[i] = arguments[i].value end
  if path == '%(begin)s' then
    show('status', 'request ' .. v[1] .. ': ' .. v[2] .. ' variation(s) over ' .. v[3] .. ' beats')
  elseif path == '%(end)s' then
    show('status', 'request ' .. v[1] .. ' variation ' .. v[2] .. ': ' .. v[3] .. ' notes')
  elseif path == '%(error)s' then
    show('status', 'error: ' .. v[2])
    -- a refused value leaves its control where the user put it: show the server's again
    send(PARAMS)
    send(LIVE_PARAMS)
  elseif path == '%(size)s' then
    show('status', 'seed: ' .. v[1] .. ' notes over ' .. v[2] .. ' beats')
  elseif path == '%(pong)s' then
    show('status', 'connected to osc-composer ' .. v[1])
  elseif path == '%(available)s' then
    models[#models + 1] = v[1]
    if v[2] == 1 or chosen == 0 then chosen = #models end
    show_model()
  elseif path == '%(loaded)s' then
    show('status', 'model ' .. v[1] .. ' loaded')
    show('model_name', v[1])
  elseif path == '%(answer)s' then
    show('status', 'live answer ' .. v[1] .. ' at beat ' .. v[2] .. ' (' .. v[3] .. ' notes heard)')
  elseif path == '%(play_start)s' then
    show('status', 'playing ' .. v[1] .. ' from beat ' .. v[2])
  elseif path == '%(play_end)s' then
    show('status', 'played ' .. v[1])
  end
  return false
end
"""
ROOT_REPLIES = (
    "/begin",
    "/end",
    "/error",
    "/seed/size",
    "/pong",
    "/model/available",
    "/model/loaded",
    "/live/answer",
    "/play/start",
    "/play/end",
)


def lua_number(value: float) -> str:
    """A number as Lua reads it back exactly (a range end written as 0.0833333 would fall outside)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def lua_string(text: str) -> str:
    if "'" in text or "\\" in text or "\n" in text:
        raise ValueError(f"{text!r} cannot be a plain Lua string")
    return f"'{text}'"


def live_name(spec: ParamSpec) -> str:
    """A live parameter's control name (``live_`` keeps it apart from a sampling parameter)."""
    return f"live_{spec.name}"


FADER_SPECS = tuple(s for s in NUMERIC_SPECS if s.name != "seed")
LIVE_FADER_SPECS = tuple(s for s in LIVE_SPECS if s.name != "mode")
# radio name -> (address, type sent, choices)
RADIOS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "key": ("/param/key", "i", KEY_NAMES),
    "scale": ("/param/scale", "s", tuple(SCALES)),
    "style": ("/param/style", "s", STYLE_CHOICES),
    "live_mode": ("/live/param/mode", "i", LIVE_MODES),
}


def root_script() -> str:
    faders = [(spec.name, f"/param/{spec.name}", spec) for spec in FADER_SPECS] + [
        (live_name(spec), f"/live/param/{spec.name}", spec) for spec in LIVE_FADER_SPECS
    ]
    fader_rows = ",\n".join(
        f"  [{lua_string(name)}] = {{{lua_string(address(path))}, '{spec.osc_types}', "
        f"{lua_number(spec.low)}, {lua_number(spec.high)}}}"
        for name, path, spec in faders
    )
    radio_rows = ",\n".join(
        f"  [{lua_string(name)}] = {{{lua_string(address(path))}, '{tag}', "
        f"{{{', '.join(lua_string(c) for c in choices)}}}}}"
        for name, (path, tag, choices) in RADIOS.items()
    )
    seed = SPECS["seed"]
    toggle_rows = f"  ['seed'] = {{{lua_string(address('/param/seed'))}, {TOSC_FIXED_SEED}, {seed.default}}}"
    replies = ",\n".join(f"  ['{address(p)}'] = '{OUTGOING[address(p)].signature}'" for p in ROOT_REPLIES)
    return ROOT_SCRIPT % {
        "params": address("/params"),
        "live_params": address("/live/params"),
        "models": address("/models"),
        "model": address("/model"),
        "reset": address("/reset"),
        "faders": fader_rows,
        "radios": radio_rows,
        "toggles": toggle_rows,
        "replies": replies,
        "begin": address("/begin"),
        "end": address("/end"),
        "error": address("/error"),
        "size": address("/seed/size"),
        "pong": address("/pong"),
        "available": address("/model/available"),
        "loaded": address("/model/loaded"),
        "answer": address("/live/answer"),
        "play_start": address("/play/start"),
        "play_end": address("/play/end"),
    }


def command_script(command: str, what: str) -> str:
    return COMMAND_SCRIPT % {"command": command, "what": what}


# ------------------------------------------------------------------------------------------------
# the layout
# ------------------------------------------------------------------------------------------------

FADER_COLOR: Color = (0.3, 0.7, 0.5, 1)
LIVE_COLOR: Color = (0.85, 0.55, 0.2, 1)
CHOICE_COLOR: Color = (0.45, 0.35, 0.7, 1)
GREY: Color = (0.4, 0.4, 0.4, 1)


def fader_row(name: str, spec: ParamSpec, x: int, y: int, width: int, color: Color) -> list[ToscNode]:
    """Caption and numeric readout on one line, the fader below (46 px in all); at the
    parameter's default until the server's value arrives."""
    position = (spec.default - spec.low) / (spec.high - spec.low)
    return [
        tosc_label(f"{name}_caption", spec.name, (x, y, width - 90, 18), 12, textAlignH=1),
        tosc_label(f"{name}_value", number_text(spec.default), (x + width - 90, y, 90, 18), 12, textAlignH=3),
        ToscNode(
            "FADER",
            name,
            (x, y + 20, width, 24),
            {"orientation": HORIZONTAL, "color": color, "script": TOUCHED_SCRIPT},
            {"x": number_text(position)},
        ),
    ]


def radio_row(
    name: str,
    caption: str,
    x: int,
    y: int,
    step: int,
    choices: Sequence[str],
    size: int = 12,
    default: int = 0,
) -> list[ToscNode]:
    """A caption, a horizontal radio (one step per choice) with the choices written on it, and
    a readout of the current choice."""
    nodes = [
        tosc_label(f"{name}_caption", caption, (x, y, 70, 16), 11, textAlignH=1),
        tosc_label(f"{name}_value", choices[default], (x, y + 16, 70, 20), 11, textAlignH=1),
        ToscNode(
            "RADIO",
            name,
            (x + 70, y, step * len(choices), 36),
            {
                "orientation": HORIZONTAL,
                "steps": len(choices),
                "color": CHOICE_COLOR,
                "script": TOUCHED_SCRIPT,
            },
            {"x": default},
        ),
    ]
    for i, choice in enumerate(choices):
        nodes.append(
            tosc_label(f"{name}_{i}", choice.replace("_", " "), (x + 70 + i * step, y, step, 36), size)
        )
    return nodes


def build_tosc_root() -> ToscNode:
    width, height = TOSC_SIZE
    nodes: list[ToscNode] = [tosc_label("title", "osc-composer", (16, 8, 260, 36), 24, textAlignH=1)]

    # model choice and connection, top right
    nodes.append(tosc_label("model_caption", "model", (300, 8, 60, 36), 13, textAlignH=1))
    # buttons that ask the root's script: (name = the notification, caption, x, width, colour, what)
    commands = (
        ("model_previous", "<", 360, 40, GREY, "show the previous model"),
        ("model_next", ">", 608, 40, GREY, "show the next model"),
        ("model_load", "LOAD MODEL", 652, 120, CHOICE_COLOR, "load the model shown"),
        ("sync", "SYNC", 1000, 120, GREY, "ask the server for every setting"),
    )
    for name, caption, x, w, color, what in commands:
        nodes += tosc_button(name, caption, (x, 8, w, 36), None, color, script=command_script(name, what))
    nodes.append(
        tosc_label("model_name", "-", (404, 8, 200, 36), 14, background=1, color=(0.12, 0.12, 0.14, 1))
    )
    nodes += tosc_button("ping", "PING", (1144, 8, 120, 36), tosc_send("/ping", [], "RISE"), GREY)

    # choices: key, scale, style (+ the repeatable toggle)
    nodes += radio_row("key", "key", 16, 52, 98, KEY_NAMES, 14, SPECS["key"].default)
    nodes += radio_row(
        "scale", "scale", 16, 96, 84, tuple(SCALES), 11, list(SCALES).index(SPECS["scale"].default)
    )
    nodes += radio_row(
        "style", "style", 16, 140, 120, STYLE_CHOICES, 12, STYLE_CHOICES.index(SPECS["style"].default)
    )
    nodes += tosc_button(
        "seed",
        f"repeatable (seed {TOSC_FIXED_SEED})",
        (1064, 140, 200, 36),
        None,
        (0.6, 0.5, 0.2, 1),
        script=TOUCHED_SCRIPT,
        toggle=True,
    )

    # sampling parameters: two columns of faders
    top = 192
    nodes.append(tosc_label("params_title", "PARAMETERS", (16, top, 300, 20), 13, textAlignH=1))
    for i, spec in enumerate(FADER_SPECS):
        x, y = 16 + (i % 2) * 316, top + 24 + (i // 2) * 48
        nodes += fader_row(spec.name, spec, x, y, 300, FADER_COLOR)

    # live play: mode, live parameters, commands
    lx = 656
    nodes.append(tosc_label("live_title", "LIVE PLAY", (lx, top, 300, 20), 13, textAlignH=1))
    mode = next(spec for spec in LIVE_SPECS if spec.name == "mode")
    nodes += radio_row("live_mode", "mode", lx, top + 24, 134, LIVE_MODES, 13, mode.default)
    for i, spec in enumerate(LIVE_FADER_SPECS):
        x, y = lx + (i % 2) * 312, top + 68 + (i // 2) * 48
        nodes += fader_row(live_name(spec), spec, x, y, 296, LIVE_COLOR)

    # seed phrases
    py = 540
    nodes.append(tosc_label("phrases_title", "SEED PHRASE", (16, py, 300, 20), 13, textAlignH=1))
    for i, (name, notes) in enumerate(PHRASES):
        values = [v for note in notes for v in note]
        nodes += tosc_button(
            f"phrase_{i}",
            name,
            (16 + i * 156, py + 22, 150, 40),
            tosc_send("/seed/notes", tosc_constants("iiff" * len(notes), values), "RISE"),
            (0.2, 0.5, 0.6, 1),
        )
    # live commands
    live_commands = (
        ("respond", "RESPOND", "/live/respond"),
        ("clear_heard", "CLEAR HEARD", "/live/clear"),
        ("play", "PLAY", "/play"),
        ("stop", "STOP", "/play/stop"),
        ("panic", "PANIC", "/panic"),
        ("voice_on", "VOICE ON", "/live/start"),
        ("voice_off", "VOICE OFF", "/live/stop"),
    )
    for i, (name, label, path) in enumerate(live_commands):
        nodes += tosc_button(
            name, label, (lx + i * 87, py + 22, 83, 40), tosc_send(path, [], "RISE"), LIVE_COLOR, size=11
        )

    # the big buttons
    by = 620
    big = (
        ("generate", "GENERATE", tosc_send("/generate", [], "RISE"), (0.85, 0.35, 0.25, 1), None),
        (
            "variation",
            "VARIATION (new random take)",
            tosc_send("/generate", tosc_constants("si", ["seed", -1]), "RISE"),
            (0.85, 0.55, 0.2, 1),
            None,
        ),
        ("clear", "CLEAR SEED", tosc_send("/seed/clear", [], "RISE"), GREY, None),
        (
            "reset",
            "RESET",
            None,
            GREY,
            command_script("reset", "reset the server's settings, then show them"),
        ),
    )
    x = 16
    for name, label, message, color, script in big:
        w = 300 if name in ("generate", "variation") else 200
        nodes += tosc_button(name, label, (x, by, w, 80), message, color, script=script, size=16)
        x += w + 12
    nodes.append(
        tosc_label(
            "status",
            "press PING to check the server",
            (16, 716, width - 32, 60),
            18,
            textAlignH=1,
            background=1,
            color=(0.12, 0.12, 0.14, 1),
        )
    )
    return ToscNode(
        "GROUP",
        "osc-composer",
        (0, 0, width, height),
        {"background": 1, "color": (0.08, 0.08, 0.1, 1), "script": root_script()},
        {},
        [],
        nodes,
    )


def build_tosc_xml() -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n<lexml version='3'>" + build_tosc_root().xml() + "</lexml>"
    )


def tosc_bytes() -> bytes:
    """The .tosc file: the layout XML, zlib-compressed (level 9, as TouchOSC writes it)."""
    return zlib.compress(build_tosc_xml().encode(), 9)


# ------------------------------------------------------------------------------------------------
# the README's picture: every control at its frame, in its colour, as TouchOSC draws them
# (builders/picture.py draws Max's kinds; a radio's steps and the colours are TouchOSC's own)
# ------------------------------------------------------------------------------------------------


def _n(value: float) -> str:
    """A coordinate written the same way every time (no float noise)."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _svg_rect(x: float, y: float, w: float, h: float, fill: str, stroke: str = "none") -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="3" fill="{fill}" '
        f'stroke="{stroke}"/>'
    )


def _svg_text(
    x: float, y: float, h: float, text: str, size: float, ink: str, anchor: str, width: float
) -> str:
    chars = max(1, int(width / (size * 0.55)))  # ≈ 0.55 em per character
    shown = text if len(text) <= chars else text[: max(1, chars - 1)] + "…"
    return (
        f'<text x="{_n(x)}" y="{_n(y + h / 2 + size * 0.35)}" font-size="{_n(size)}" fill="{ink}" '
        f'text-anchor="{anchor}">{escape(shown)}</text>'
    )


def _svg_color(value: ElementTree.Element | None, default: str) -> str:
    if value is None:
        return default
    r, g, b = (round(float(value.findtext(c)) * 255) for c in "rgb")
    return f"#{r:02x}{g:02x}{b:02x}"


def _svg_node(node: ElementTree.Element, ox: float, oy: float) -> list[str]:
    props = {p.findtext("key"): p.find("value") for p in node.find("properties")}
    values = {v.findtext("key"): v.findtext("default") or "" for v in node.find("values")}
    x, y, w, h = (float(props["frame"].findtext(k)) for k in "xywh")
    x, y = x + ox, y + oy
    kind, color = node.get("type"), _svg_color(props.get("color"), "#555555")
    out = []
    if kind == "LABEL":
        if props["background"].text == "1":
            out.append(_svg_rect(x, y, w, h, color))
        size, ink = float(props["textSize"].text), _svg_color(props.get("textColor"), "#ffffff")
        if props["textAlignH"].text == "2":
            out.append(_svg_text(x + w / 2, y, h, values["text"], size, ink, "middle", w - 4))
        else:
            out.append(_svg_text(x + 4, y, h, values["text"], size, ink, "start", w - 6))
    elif kind == "BUTTON":
        out.append(_svg_rect(x, y, w, h, color))
    elif kind == "FADER":
        out += [
            _svg_rect(x, y, w, h, "#2a2a2e", "#555555"),
            _svg_rect(x, y, max(2.0, w * float(values["x"])), h, color),
        ]
    elif kind == "RADIO":
        steps, chosen = int(props["steps"].text), int(float(values["x"]))
        step = w / steps
        out.append(_svg_rect(x, y, w, h, "#2a2a2e", "#555555"))
        for i in range(steps):
            out.append(
                _svg_rect(x + i * step + 1, y + 1, step - 2, h - 2, color if i == chosen else "#3a3a40")
            )
    elif kind == "GROUP" and props["background"].text == "1":
        out.append(_svg_rect(x, y, w, h, color))
    children = node.find("children")
    for child in children if children is not None else []:
        out += _svg_node(child, x, y)
    return out


def tosc_picture() -> str:
    """An SVG picture of the layout, drawn from its controls' frames (not a screenshot)."""
    root = ElementTree.fromstring(build_tosc_xml())[0]
    width, height = TOSC_SIZE
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, Helvetica, sans-serif">'
    )
    return "\n".join([head, "<title>osc-composer.tosc</title>", *_svg_node(root, 0, 0), "</svg>", ""])
