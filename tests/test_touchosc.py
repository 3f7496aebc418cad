"""The TouchOSC layout's Lua scripts, run in a real Lua against a real server.

The scripts are taken out of the generated ``.tosc`` and run in Lua 5.1 (lupa; TouchOSC's
scripting is Lua 5.1-based) inside a harness that models the parts of TouchOSC they use, as
the TouchOSC manual describes them:

- ``onReceiveOSC(message, connections)``: ``message`` is ``{path, {{tag = 'i', value = 7}, …}}``
  (1-based arguments); the root's script is called first.
- ``sendOSC({path, {{tag = …, value = …}, …}})``: recorded, encoded with exactly those type
  tags (python-osc) and sent to the server from the test's socket.
- ``self.values.x``: a FADER's and a BUTTON's position is a float in 0..1, a RADIO's is the
  integer index of its step (0 .. steps-1), a LABEL's ``text`` is a string; assigning anything
  else fails the test instead of being coerced. ``onValueChanged(key)`` runs when a value
  changes; then the control's ``<osc>`` messages whose trigger fires are sent (RISE: x went
  up from 0; ANY: any change), their arguments built from the partials (a VALUE partial is
  x scaled to scaleMin..scaleMax).
- ``values.touch`` is true while a finger is on the control (the harness's ``touch``).
- ``root:findByName(name, true)``, ``control:notify(key, value)`` → ``onReceiveNotify``,
  ``init()`` once when the layout loads.

The replies are the real server's datagrams (a bundle taken apart into its messages), decoded
and handed to the scripts.
"""

from __future__ import annotations

import socket
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import IN_CI, REPO, RunningServer, free_udp_port, start_server, stop_server
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket
from pythonosc.parsing import osc_types
from test_patches import sent_problems

from osc_composer.engine.params import PARAMS_BY_NAME
from osc_composer.live.settings import LIVE_MODES, LIVE_SPECS
from osc_composer.music.theory import SCALES

try:
    import lupa.lua51 as lupa  # a dev dependency (pyproject: dev extras)
except ImportError:
    if IN_CI:
        raise
    pytest.skip("lupa is not installed (pip install lupa)", allow_module_level=True)

TOSC = REPO / "max_patches" / "osc-composer.tosc"

HARNESS = r"""
local H = {sent = {}, controls = {}, errors = {}}

local function fail(text) error('touchosc harness: ' .. text, 3) end

local VALUE_KIND = {
  FADER = {x = 'unit'}, BUTTON = {x = 'unit'}, RADIO = {x = 'index'}, LABEL = {text = 'string'},
}

local function check_value(control, key, value)
  if key == 'touch' then
    if type(value) ~= 'boolean' then fail(control.name .. '.values.touch must be a boolean') end
    return value
  end
  local kind = (VALUE_KIND[control.type] or {})[key]
  if kind == nil then fail(control.type .. ' ' .. control.name .. ' has no value ' .. tostring(key)) end
  if kind == 'unit' then
    if type(value) ~= 'number' or value < 0 or value > 1 then
      fail(control.name .. '.values.' .. key .. ' must be a number in 0..1, got ' .. tostring(value))
    end
  elseif kind == 'index' then
    if type(value) ~= 'number' or value ~= math.floor(value) or value < 0 or value >= control.steps then
      local last = control.steps - 1
      fail(control.name .. '.values.x must be a step index 0..' .. last .. ', got ' .. tostring(value))
    end
  elseif type(value) ~= 'string' then
    fail(control.name .. '.values.text must be a string, got ' .. type(value) .. ' ' .. tostring(value))
  end
  return value
end

local function callback(control, name, ...)
  local fn = control.env and rawget(control.env, name)
  if fn then return fn(...) end
end

local function fire_messages(control, key, old, new)
  for _, m in ipairs(control.messages) do
    if m.var == key and ((m.condition == 'ANY') or (m.condition == 'RISE' and old == 0 and new > 0)) then
      local arguments = {}
      for i, a in ipairs(m.arguments) do
        local value = a.value
        if a.kind == 'VALUE' then value = a.low + control.values.x * (a.high - a.low) end
        if a.tag == 'i' then value = math.floor(value + 0.5) end
        arguments[i] = {tag = a.tag, value = value}
      end
      table.insert(H.sent, {from = control.name, path = m.path, arguments = arguments})
    end
  end
end

local function new_values(control, defaults)
  local store = {}
  for k, v in pairs(defaults) do store[k] = v end
  return setmetatable({}, {
    __index = store,
    __newindex = function(_, key, value)
      value = check_value(control, key, value)
      local old = store[key]
      if old == value then return end
      store[key] = value
      callback(control, 'onValueChanged', key)
      fire_messages(control, key, old, value)
    end,
  })
end

local function find(node, name, recursive)
  for _, child in ipairs(node.children) do
    if child.name == name then return child end
    if recursive then
      local found = find(child, name, true)
      if found then return found end
    end
  end
  return nil
end

local Control = {}
Control.__index = Control
function Control:findByName(name, recursive) return find(self, name, recursive) end
function Control:notify(key, value) callback(self, 'onReceiveNotify', key, value) end

local function sendOSC(message, connections)
  if type(message) ~= 'table' or type(message[1]) ~= 'string' then
    fail('sendOSC wants {path, {arguments}}')
  end
  local arguments = message[2] or {}
  for i, a in ipairs(arguments) do
    if type(a) ~= 'table' or type(a.tag) ~= 'string' or a.value == nil then
      fail('sendOSC argument ' .. i .. ' of ' .. message[1] .. ' must be {tag = ..., value = ...}')
    end
  end
  table.insert(H.sent, {from = 'script', path = message[1], arguments = arguments})
end

function H.build(spec, parent)
  local control = setmetatable({
    type = spec.type, name = spec.name, steps = spec.steps, frame = spec.frame,
    children = {}, parent = parent, messages = spec.messages, script = spec.script,
  }, Control)
  control.values = new_values(control, spec.values)
  for _, child in ipairs(spec.children) do
    local built = H.build(child, control)
    table.insert(control.children, built)
    control.children[built.name] = built
  end
  table.insert(H.controls, control)
  return control
end

function H.load(root)
  H.root = root
  for _, control in ipairs(H.controls) do
    if control.script then
      local chunk, err = loadstring(control.script, '=' .. control.name)
      if not chunk then error(err) end
      local globals = {self = control, root = root, sendOSC = sendOSC, print = print}
      local env = setmetatable(globals, {__index = _G})
      setfenv(chunk, env)
      chunk()
      control.env = env
    end
  end
  -- init: the root's first
  callback(root, 'init')
  for _, control in ipairs(H.controls) do
    if control ~= root then callback(control, 'init') end
  end
end

function H.receive(path, arguments)
  local message = {path, arguments}
  callback(H.root, 'onReceiveOSC', message, {true})
  for _, control in ipairs(H.controls) do
    if control ~= H.root then callback(control, 'onReceiveOSC', message, {true}) end
  end
end

-- assignments from Python go through here: a protected call, so an error is a LuaError
function H.set(control, key, value) control.values[key] = value end

function H.take_sent()
  local sent = H.sent
  H.sent = {}
  return sent
end

return H
"""


# ------------------------------------------------------------------------------------------------
# the layout, read from the .tosc
# ------------------------------------------------------------------------------------------------

VALUE_TYPES = {"FADER": float, "BUTTON": float, "RADIO": int}
TAGS = {"INTEGER": "i", "FLOAT": "f", "STRING": "s"}


def _properties(node: ElementTree.Element) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for prop in node.find("properties"):
        key, kind, value = prop.findtext("key"), prop.get("type"), prop.find("value")
        if kind == "r":
            props[key] = {k: float(value.findtext(k)) for k in "xywh"}
        elif kind in ("i", "f", "b"):
            props[key] = float(value.text)
        else:
            props[key] = value.text or ""
    return props


def _messages(node: ElementTree.Element) -> list[dict[str, Any]]:
    messages = []
    for osc in node.find("messages").findall("osc"):
        if osc.findtext("enabled") != "1" or osc.findtext("send") != "1":
            continue
        trigger = osc.find("triggers/trigger")
        arguments = []
        for partial in osc.find("arguments").findall("partial"):
            tag = TAGS[partial.findtext("conversion")]
            text = partial.findtext("value")
            value: Any = text if tag == "s" or partial.findtext("type") == "VALUE" else float(text)
            arguments.append(
                {
                    "kind": partial.findtext("type"),
                    "tag": tag,
                    "value": value,
                    "low": float(partial.findtext("scaleMin")),
                    "high": float(partial.findtext("scaleMax")),
                }
            )
        messages.append(
            {
                "var": trigger.findtext("var"),
                "condition": trigger.findtext("condition"),
                "path": "".join(p.findtext("value") for p in osc.find("path").findall("partial")),
                "arguments": arguments,
            }
        )
    return messages


def _spec(node: ElementTree.Element) -> dict[str, Any]:
    kind = node.get("type")
    props = _properties(node)
    values: dict[str, Any] = {}
    for value in node.find("values"):
        key, default = value.findtext("key"), value.findtext("default")
        if key == "touch":
            values[key] = default == "true"
        elif key == "text":
            values[key] = default
        else:
            values[key] = VALUE_TYPES[kind](float(default))
    children = node.find("children")
    return {
        "type": kind,
        "name": props["name"],
        "frame": props["frame"],
        "steps": int(props.get("steps", 0)),
        "script": props.get("script") or None,
        "values": values,
        "messages": _messages(node),
        "children": [_spec(c) for c in children] if children is not None else [],
    }


def layout_spec(data: bytes) -> dict[str, Any]:
    root = ElementTree.fromstring(zlib.decompress(data))
    return _spec(root[0])


def to_lua(lua: Any, value: Any) -> Any:
    """Python dicts and lists as Lua tables (lists 1-based), recursively."""
    if isinstance(value, dict):
        return lua.table_from({k: to_lua(lua, v) for k, v in value.items()})
    if isinstance(value, list):
        return lua.table_from([to_lua(lua, v) for v in value])
    return value


# ------------------------------------------------------------------------------------------------
# TouchOSC with its scripts, talking to the real server
# ------------------------------------------------------------------------------------------------


@dataclass
class Sent:
    source: str  # 'script' or the control whose <osc> message it is
    path: str
    tags: str
    values: list[Any]


@dataclass
class Tablet:
    """The layout running in Lua, connected to a server over UDP from one socket."""

    server: RunningServer
    sock: socket.socket
    lua: Any = None
    harness: Any = None
    sent: list[Sent] = field(default_factory=list)
    received: list[tuple[str, list[tuple[str, Any]]]] = field(default_factory=list)

    def load(self) -> None:
        self.lua = lupa.LuaRuntime(unpack_returned_tuples=True)
        self.harness = self.lua.execute(HARNESS)
        root = self.harness.build(to_lua(self.lua, layout_spec(TOSC.read_bytes())), None)
        self.harness.load(root)
        self.exchange(until=self.synced())

    def synced(self) -> Callable[[], bool]:
        """Whether every parameter, every live parameter and the models have come back since now."""
        since = len(self.received)
        wanted = {"/composer/model/available"}
        wanted |= {f"/composer/param/{name}" for name in PARAMS_BY_NAME}
        wanted |= {f"/composer/live/param/{spec.name}" for spec in LIVE_SPECS}
        return lambda: wanted <= {path for path, _ in self.received[since:]}

    def arrived(self, path: str) -> Callable[[], bool]:
        """Whether ``path`` has come back since now."""
        since = len(self.received)
        return lambda: any(p == path for p, _ in self.received[since:])

    def control(self, name: str) -> Any:
        found = self.harness.root.findByName(self.harness.root, name, True)
        assert found is not None, f"no control named {name}"
        return found

    def value(self, name: str, key: str = "x") -> Any:
        return self.control(name)["values"][key]

    def text(self, name: str) -> str:
        return self.value(name, "text")

    def touch(
        self, name: str, x: float, *, exchange: bool = True, until: Callable[[], bool] | None = None
    ) -> None:
        """A finger on the control moves it to ``x``, then lets go."""
        control = self.control(name)
        for key, value in (("touch", True), ("x", x), ("touch", False)):
            self.harness.set(control, key, value)
        if exchange:
            self.exchange(until=until)

    def press(self, name: str, until: Callable[[], bool] | None = None) -> None:
        """A tap on a button: pressed (x 1), released (x 0)."""
        control = self.control(name)
        for key, value in (("touch", True), ("x", 1.0), ("x", 0.0), ("touch", False)):
            self.harness.set(control, key, value)
        self.exchange(until=until)

    def send_raw(self, path: str, *arguments: tuple[str, Any]) -> None:
        builder = OscMessageBuilder(address=path)
        for tag, value in arguments:
            builder.add_arg(value, tag)
        self.sock.sendto(builder.build().dgram, ("127.0.0.1", self.server.port))

    def exchange(
        self, quiet: float = 0.15, until: Callable[[], bool] | None = None, limit: float = 20.0
    ) -> None:
        """Send what the scripts sent and hand every reply to the scripts, until the scripts send
        nothing more, the server has been quiet for ``quiet`` seconds and ``until`` holds (on a
        busy machine a reply may take longer than ``quiet``)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            outgoing = list(self.harness.take_sent().values())
            for message in outgoing:
                arguments = list(message["arguments"].values())
                tags = "".join(a["tag"] for a in arguments)
                values = [a["value"] for a in arguments]
                values = [int(v) if t == "i" else v for t, v in zip(tags, values, strict=True)]
                self.sent.append(Sent(message["from"], message["path"], tags, values))
                self.send_raw(message["path"], *zip(tags, values, strict=True))
            replies = self._receive(quiet)
            for path, arguments in replies:
                self.received.append((path, arguments))
                lua_arguments = [{"tag": tag, "value": value} for tag, value in arguments]
                self.harness.receive(path, to_lua(self.lua, lua_arguments))
            if not replies and len(self.harness.sent) == 0 and (until is None or until()):
                return
        raise AssertionError(f"no end to the exchange in {limit} s:\n{self.server.log()[-3000:]}")

    def _receive(self, quiet: float) -> list[tuple[str, list[tuple[str, Any]]]]:
        messages = []
        self.sock.settimeout(quiet)
        while True:
            try:
                data = self.sock.recv(65536)
            except TimeoutError:
                return messages
            for timed in OscPacket(data).messages:
                m = timed.message
                messages.append((m.address, list(zip(type_tags(m.dgram), m.params, strict=True))))

    def replies(self, path: str) -> list[list[Any]]:
        return [[v for _, v in arguments] for p, arguments in self.received if p == path]


def type_tags(dgram: bytes) -> str:
    """A message's OSC type tags, as TouchOSC hands them to a script (``tag``)."""
    _, index = osc_types.get_string(dgram, 0)
    tags, _ = osc_types.get_string(dgram, index)
    return tags[1:]


@pytest.fixture(scope="module")
def server(small_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    logs = tmp_path_factory.mktemp("touchosc")
    running = start_server(
        small_model_path / "model.keras",
        logs / "server.log",
        "--models-dir",
        str(small_model_path.parent),
        reply_port=free_udp_port(),
    )
    yield running
    stop_server(running)


@pytest.fixture
def tablet(server: RunningServer) -> Iterator[Tablet]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", server.reply_port))
    tablet = Tablet(server, sock)
    try:
        tablet.send_raw("/composer/reset")  # one server for the module: each test starts clean
        tablet._receive(0.3)
        yield tablet
    finally:
        sock.close()


def fader_x(name: str, value: float, specs: dict = PARAMS_BY_NAME) -> float:
    spec = specs[name]
    return (value - spec.low) / (spec.high - spec.low)


LIVE = {spec.name: spec for spec in LIVE_SPECS}


# ------------------------------------------------------------------------------------------------
# tests
# ------------------------------------------------------------------------------------------------


def test_on_load_every_control_shows_the_servers_values(tablet: Tablet) -> None:
    """Values set on the server before the layout loads are what the controls show."""
    tablet.send_raw("/composer/param/temperature", ("f", 0.5))
    tablet.send_raw("/composer/param/key", ("i", 7))
    tablet.send_raw("/composer/param/scale", ("s", "dorian"))
    tablet.send_raw("/composer/param/style", ("s", "dance"))
    tablet.send_raw("/composer/param/variations", ("i", 3))
    tablet.send_raw("/composer/param/seed", ("i", 5))
    tablet.send_raw("/composer/live/param/mode", ("i", 2))
    tablet.send_raw("/composer/live/param/silence", ("f", 4.0))
    tablet.load()

    asked = [s.path for s in tablet.sent]
    assert asked[:3] == ["/composer/params", "/composer/live/params", "/composer/models"]
    assert tablet.value("temperature") == pytest.approx(fader_x("temperature", 0.5))
    assert tablet.text("temperature_value") == "0.5"
    assert tablet.value("variations") == pytest.approx(fader_x("variations", 3))
    assert tablet.text("variations_value") == "3"
    assert tablet.value("key") == 7 and tablet.text("key_value") == "G"
    assert tablet.value("scale") == list(SCALES).index("dorian") and tablet.text("scale_value") == "dorian"
    assert tablet.text("style_value") == "dance"
    assert tablet.value("seed") == 1.0  # repeatable: the server has a fixed seed
    assert tablet.value("live_mode") == 2 and tablet.text("live_mode_value") == LIVE_MODES[2]
    assert tablet.value("live_silence") == pytest.approx(fader_x("silence", 4.0, LIVE))
    assert tablet.text("model_name") == "small"
    # setting controls from replies sent nothing back
    assert [s.path for s in tablet.sent] == asked[:3]


def test_a_moved_control_sends_its_value_with_the_tables_type(tablet: Tablet) -> None:
    tablet.load()
    tablet.touch("temperature", fader_x("temperature", 2.0))
    tablet.touch("top_k", fader_x("top_k", 40) + 0.0004)  # between two integers: rounded
    tablet.touch("key", 9)
    tablet.touch("scale", list(SCALES).index("blues"))
    tablet.touch("style", 1)
    tablet.touch("seed", 1.0)
    tablet.touch("live_mode", 1)
    tablet.touch("live_latency_ms", fader_x("latency_ms", -250, LIVE))
    moved = {s.path: (s.tags, s.values) for s in tablet.sent[3:]}
    assert moved["/composer/param/temperature"] == ("f", [pytest.approx(2.0)])
    assert moved["/composer/param/top_k"] == ("i", [40])
    assert moved["/composer/param/key"] == ("i", [9])
    assert moved["/composer/param/scale"] == ("s", ["blues"])
    assert moved["/composer/param/style"][0] == "s"
    assert moved["/composer/param/seed"] == ("i", [1])
    assert moved["/composer/live/param/mode"] == ("i", [1])
    assert moved["/composer/live/param/latency_ms"] == ("f", [pytest.approx(-250)])
    assert tablet.text("temperature_value") == "2" and tablet.text("key_value") == "A"
    # the server took every one of them: its own answer to /composer/params says so
    tablet.received.clear()
    tablet.press("sync", until=tablet.synced())
    params = {p: tablet.replies(p)[-1][0] for p in moved}
    assert params["/composer/param/temperature"] == pytest.approx(2.0)
    assert params["/composer/param/key"] == 9 and params["/composer/param/scale"] == "blues"
    assert params["/composer/live/param/mode"] == 1
    assert not tablet.replies("/composer/error")


def test_after_reset_the_faders_show_the_defaults_again(tablet: Tablet) -> None:
    tablet.load()
    tablet.touch("temperature", fader_x("temperature", 3.0))
    tablet.touch("key", 4)
    tablet.touch("live_silence", fader_x("silence", 10.0, LIVE))
    assert tablet.text("temperature_value") == "3"
    tablet.press("reset", until=tablet.synced())
    paths = [s.path for s in tablet.sent]
    assert paths[-4:] == ["/composer/reset", "/composer/params", "/composer/live/params", "/composer/models"]
    assert tablet.value("temperature") == pytest.approx(fader_x("temperature", 1.0))
    assert tablet.text("temperature_value") == "1"
    assert tablet.value("key") == 0 and tablet.text("key_value") == "C"
    assert tablet.value("live_silence") == pytest.approx(fader_x("silence", 2.0, LIVE))


def test_a_refused_value_goes_back_to_the_servers(tablet: Tablet) -> None:
    """low above high is refused: the status says so and the fader returns to the server's low."""
    tablet.load()
    tablet.touch("high", fader_x("high", 60))
    tablet.touch("low", fader_x("low", 100), until=tablet.arrived("/composer/param/low"))
    assert "low" in tablet.text("status") and tablet.text("status").startswith("error: ")
    assert tablet.value("low") == pytest.approx(fader_x("low", 0)) and tablet.text("low_value") == "0"
    assert tablet.value("high") == pytest.approx(fader_x("high", 60))


def test_status_shows_the_servers_error_and_results(tablet: Tablet) -> None:
    tablet.load()
    tablet.press("generate", until=tablet.arrived("/composer/error"))  # no seed yet: refused
    assert [s.path for s in tablet.sent if s.source == "generate"] == ["/composer/generate"]
    assert tablet.text("status").startswith("error: ")
    assert tablet.replies("/composer/error")[-1][1] in tablet.text("status")
    tablet.press("phrase_0", until=tablet.arrived("/composer/seed/size"))
    assert tablet.text("status").startswith("seed: 7 notes")
    tablet.press("generate", until=tablet.arrived("/composer/end"))
    assert tablet.replies("/composer/end"), tablet.server.log()
    assert tablet.text("status").startswith("request ") and "notes" in tablet.text("status")
    tablet.press("ping", until=tablet.arrived("/composer/pong"))
    assert tablet.text("status").startswith("connected to osc-composer ")


def test_play_stop_panic_respond_and_the_voice_reach_the_server(tablet: Tablet) -> None:
    tablet.load()
    for name in ("respond", "clear_heard", "play", "stop", "panic", "voice_on", "voice_off"):
        tablet.press(name)
    # (a refused command makes the root ask for the parameters again: those come from 'script')
    sent = [(s.source, s.path) for s in tablet.sent if s.source != "script"]
    assert sent == [
        ("respond", "/composer/live/respond"),
        ("clear_heard", "/composer/live/clear"),
        ("play", "/composer/play"),
        ("stop", "/composer/play/stop"),
        ("panic", "/composer/panic"),
        ("voice_on", "/composer/live/start"),
        ("voice_off", "/composer/live/stop"),
    ]


def test_model_choice_loads_the_model_shown(tablet: Tablet) -> None:
    tablet.load()
    assert tablet.text("model_name") == "small"
    tablet.press("model_next")  # one model: next is the same one
    tablet.press("model_load", until=tablet.arrived("/composer/model/loaded"))
    asked = next(s for s in reversed(tablet.sent) if s.path == "/composer/model")
    assert (asked.tags, asked.values) == ("s", ["small"])
    assert tablet.replies("/composer/model/loaded"), tablet.server.log()
    assert tablet.text("status") == "model small loaded"


def test_everything_the_layout_sends_is_in_the_table(tablet: Tablet) -> None:
    """Every control moved to both ends and every button pressed: the table accepts each message."""
    tablet.load()
    root = layout_spec(TOSC.read_bytes())
    for node in root["children"]:
        if node["type"] in ("FADER", "RADIO"):
            top = 1.0 if node["type"] == "FADER" else node["steps"] - 1
            tablet.touch(node["name"], top, exchange=False)
            tablet.touch(node["name"], 0, exchange=False)
        elif node["type"] == "BUTTON" and not node["name"].startswith(("reset", "model_load")):
            tablet.press(node["name"])
    tablet.exchange()
    problems = [p for s in tablet.sent for p in sent_problems(s.source, s.path, s.tags, s.values)]
    assert problems == []
    sources = {s.source for s in tablet.sent}
    assert "script" in sources and "generate" in sources


@pytest.mark.parametrize(
    ("control", "key", "value", "complaint"),
    [
        ("temperature", "x", 1.5, "in 0..1"),
        ("key", "x", 1.5, "step index"),
        ("key", "x", 12, "step index"),
        ("status", "text", 3, "must be a string"),
        ("status", "x", 1, "has no value x"),
    ],
)
def test_the_harness_refuses_what_touchosc_would_not_hold(
    control: str, key: str, value: object, complaint: str
) -> None:
    """A script assigning a wrong value fails the test (the harness does not coerce it)."""
    lua = lupa.LuaRuntime(unpack_returned_tuples=True)
    harness = lua.execute(HARNESS)
    spec = layout_spec(TOSC.read_bytes())
    for node in spec["children"]:
        node["script"] = None  # no server here: the controls alone
    spec["script"] = None
    root = harness.build(to_lua(lua, spec), None)
    harness.load(root)
    target = root.findByName(root, control, True)
    with pytest.raises(lupa.LuaError, match=complaint):
        harness.set(target, key, value)
