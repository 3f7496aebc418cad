"""The OSC address table: the one place the protocol is spelled out.

The server's dispatcher and validation, ``/composer/describe``, the README's address
table (``python -m osc_composer.server.protocol --markdown``) and the client-patch checks all
read :data:`ADDRESSES`. Like mido's message specs: data first, code reads it.

Argument type letters follow OSC: ``i`` int32, ``f`` float32, ``s`` string (``*`` in
this table: a number or a string, as in a parameter value). Incoming
numbers are accepted as ``i``, ``f``, ``h`` or ``d`` (Pd sends every number as ``f``);
the server only ever emits ``i``, ``f`` and ``s``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..engine.params import PARAM_SPECS, ParamError, ParamSpec
from ..live.settings import LIVE_SPECS

PREFIX = "/composer"
NUMBER_TAGS = frozenset("ifhd")
READABLE_TAGS = frozenset("ifhdsTFNb")  # what the server parses; anything else is refused
EMITTED_TAGS = frozenset("ifs")


class ProtocolError(ValueError):
    """A message that does not fit its address's spec; the text goes back in /composer/error."""


@dataclass(frozen=True)
class Arg:
    """One argument: name, OSC type (``i``/``f``/``s``), range for numbers, and a doc."""

    name: str
    type: str
    low: float | None = None
    high: float | None = None
    doc: str = ""

    def accepts(self, tag: str) -> bool:
        """Whether a value sent with type ``tag`` can be this argument (before range checks)."""
        if self.type == "*":
            return tag in NUMBER_TAGS or tag == "s"
        if self.type == "s":
            return tag == "s"
        return tag in NUMBER_TAGS

    def check_tag(self, value: Any, tag: str) -> None:
        if not self.accepts(tag):
            wanted = {"*": "a number or a string", "s": "a string"}.get(self.type, "a number")
            raise ProtocolError(f"{self.name} must be {wanted}, got {tag!r} {value!r}")

    def coerce(self, value: Any, tag: str) -> Any:
        self.check_tag(value, tag)
        if self.type in ("*", "s"):  # "*": a number or a string, checked later by whoever reads it
            return value
        number = float(value)
        if not math.isfinite(number):
            raise ProtocolError(f"{self.name} must be finite, got {value!r}")
        if self.type == "i":
            if number != int(number):
                raise ProtocolError(f"{self.name} must be a whole number, got {value!r}")
            number = int(number)
        if (self.low is not None and number < self.low) or (self.high is not None and number > self.high):
            raise ProtocolError(f"{self.name} must be in {self.low:g}..{self.high:g}, got {value!r}")
        return number


@dataclass(frozen=True)
class Address:
    """An address the server receives (``direction="in"``) or sends (``"out"``).

    ``args`` come first; ``repeat`` is a group of arguments that may follow any number
    of times (``/composer/seed/notes`` takes quadruples). ``optional`` args may be left off
    from the end. ``handler`` names the server method that serves it.
    """

    path: str
    direction: str
    doc: str
    args: tuple[Arg, ...] = ()
    repeat: tuple[Arg, ...] = ()
    optional: int = 0
    handler: str = ""
    param: ParamSpec | None = None

    @property
    def signature(self) -> str:
        """Type letters, e.g. ``iiiiff``, ``(iiff)*`` for a repeated group, ``[i]`` when optional."""
        fixed = "".join(a.type for a in self.args)
        if self.optional:
            fixed = fixed[: -self.optional] + "[" + fixed[-self.optional :] + "]"
        if self.repeat:
            fixed += "(" + "".join(a.type for a in self.repeat) + ")*"
        return fixed

    @property
    def arg_names(self) -> str:
        names = [a.name for a in self.args]
        if self.repeat:
            names.append("(" + " ".join(a.name for a in self.repeat) + ")…")
        return " ".join(names)

    def parse(self, tags: str, values: list[Any]) -> list[Any]:
        """Check a received message's arguments; raises :class:`ProtocolError` saying what is wrong."""
        if len(tags) != len(values):
            raise ProtocolError(f"{self.path}: {len(tags)} type tag(s) for {len(values)} value(s)")
        if self.param is not None:
            if len(values) != 1:
                raise ProtocolError(f"{self.path} takes one value, got {len(values)}")
            # the type first (a blob or a bool is not a scale name or a key), then the spec's checks
            self.args[0].check_tag(values[0], tags[0])
            try:
                return [self.param.coerce(values[0])]
            except ParamError as exc:
                raise ProtocolError(str(exc)) from None
        fixed = len(self.args)
        required = fixed - self.optional
        if len(values) < required:
            raise ProtocolError(f"{self.path} needs {self.arg_names}, got {len(values)} argument(s)")
        if not self.repeat and len(values) > fixed:
            raise ProtocolError(f"{self.path} takes at most {fixed} argument(s), got {len(values)}")
        present = fixed
        if self.optional and self.repeat:
            # Optional arguments before a repeated group are told apart by type:
            # ``/composer/generate 17 length 4`` has its id, ``/composer/generate length 4`` has none.
            present = required
            for arg, tag in zip(self.args[required:], tags[required:], strict=False):
                if not arg.accepts(tag):
                    break
                present += 1
        head = [arg.coerce(v, t) for arg, v, t in zip(self.args[:present], values, tags, strict=False)]
        rest_values, rest_tags = values[len(head) :], tags[len(head) :]
        if not self.repeat:
            return head
        width = len(self.repeat)
        if len(rest_values) % width:
            raise ProtocolError(
                f"{self.path} takes groups of {width} ({' '.join(a.name for a in self.repeat)}), "
                f"got {len(rest_values)} value(s)"
            )
        rest = [
            self.repeat[i % width].coerce(v, t)
            for i, (v, t) in enumerate(zip(rest_values, rest_tags, strict=True))
        ]
        return head + rest


def _in(
    path: str, handler: str, doc: str, *args: Arg, repeat: tuple[Arg, ...] = (), optional: int = 0
) -> Address:
    return Address(PREFIX + path, "in", doc, args, repeat, optional, handler)


def _out(path: str, doc: str, *args: Arg) -> Address:
    return Address(PREFIX + path, "out", doc, args)


PITCH = Arg("pitch", "i", 0, 127, "MIDI pitch")
VELOCITY = Arg("velocity", "i", 1, 127, "MIDI velocity")
START = Arg("start", "f", 0, 1e6, "start in beats")
DURATION = Arg("duration", "f", 0, 1e6, "duration in beats")
REQUEST_ID = Arg("id", "i", -(2**31), 2**31 - 1, "request id")
VARIATION = Arg("variation", "i", 0, 1000, "variation index, from 0")
PARAM_NAME = Arg("name", "s", doc="parameter name")
PARAM_VALUE = Arg("value", "*", doc="parameter value (number or string)")


def _param_address(spec: ParamSpec, folder: str = "/param", handler: str = "set_param") -> Address:
    arg_type = spec.osc_types
    return Address(
        f"{PREFIX}{folder}/{spec.name}",
        "in",
        f"{spec.doc} [{spec.range_text()}; default {spec.default}]",
        (Arg("value", arg_type, spec.low, spec.high),),
        handler=handler,
        param=spec,
    )


ADDRESSES: tuple[Address, ...] = (
    # --- seed --------------------------------------------------------------------------
    _in("/seed/clear", "seed_clear", "forget the seed"),
    _in(
        "/seed/notes",
        "seed_notes",
        "replace the seed with notes: pitch velocity start duration, repeated (beats)",
        repeat=(PITCH, VELOCITY, START, DURATION),
    ),
    _in("/seed/add", "seed_add", "append one note to the seed", PITCH, VELOCITY, START, DURATION),
    _in(
        "/seed/pitches",
        "seed_pitches",
        "replace the seed with pitches, one every `step` beats at `velocity`",
        repeat=(PITCH,),
    ),
    _in(
        "/seed/midi",
        "seed_midi",
        "replace the seed with a MIDI file from the server's MIDI folder",
        Arg("path", "s", doc="file name relative to the MIDI folder"),
    ),
    # --- parameters --------------------------------------------------------------------
    *(_param_address(spec) for spec in PARAM_SPECS),
    _in("/params", "params", "send back every current parameter, each on its own /composer/param/<name>"),
    _in("/reset", "reset", "forget seed, parameters, live notes and clock (back to defaults)"),
    # --- requests ----------------------------------------------------------------------
    _in(
        "/generate",
        "generate",
        "continue the seed; optional request id, then name value pairs overriding parameters once",
        REQUEST_ID,
        repeat=(PARAM_NAME, PARAM_VALUE),
        optional=1,
    ),
    # --- connection --------------------------------------------------------------------
    _in(
        "/reply_port",
        "reply_port",
        "send replies to this port (0 = the port the packet came from)",
        Arg("port", "i", 0, 65535),
    ),
    _in("/ping", "ping", "answer /composer/pong"),
    _in("/describe", "describe", "list every address as /composer/address messages"),
    _in("/models", "models", "list the models the server can load"),
    _in(
        "/model",
        "model",
        "switch to another model (by name); the current one stays on failure",
        Arg("name", "s"),
    ),
    # --- live play: call-and-response ------------------------------------------------
    _in(
        "/live/note",
        "live_note",
        "a note played live, stamped on arrival (velocity 0 = note-off); answered after `silence` beats",
        PITCH,
        Arg("velocity", "i", 0, 127, "MIDI velocity, 0 = note-off"),
    ),
    _in(
        "/live/respond",
        "live_respond",
        "answer the live playing now; optional request id",
        REQUEST_ID,
        optional=1,
    ),
    _in("/live/clear", "live_clear", "forget the live notes heard so far"),
    _in(
        "/live/start",
        "live_start",
        "duet and continue modes: the model starts playing its own voice at the clock's tempo",
    ),
    _in(
        "/live/stop",
        "live_stop",
        "the model's voice stops; every note it (or a harmony) sounds gets its note-off",
    ),
    *(_param_address(spec, "/live/param", "set_live_param") for spec in LIVE_SPECS),
    _in(
        "/live/params",
        "live_params",
        "send back every live parameter, each on its own /composer/live/param/<name>",
    ),
    # --- playback, locked to the host's clock ------------------------------------------
    _in(
        "/clock",
        "clock",
        "the host's tempo and its beat position now; playback and live notes follow it (default 120 bpm)",
        Arg("bpm", "f", 1, 999, "tempo"),
        Arg("beat", "f", -1e9, 1e9, "beat position at this moment"),
    ),
    _in(
        "/play",
        "play",
        "play a result (default the latest; its variation 0 unless given) as /composer/play/noteon and "
        "noteoff, from the next whole beat of the clock",
        REQUEST_ID,
        VARIATION,
        optional=2,
    ),
    _in("/play/stop", "play_stop", "stop playing; sounding notes get their note-off"),
    _in("/panic", "panic", "stop playing and send a note-off for every pitch"),
    # --- replies -----------------------------------------------------------------------
    _out("/begin", "a result starts", REQUEST_ID, Arg("variations", "i"), Arg("length", "f", doc="beats")),
    _out(
        "/note",
        "one note of a result (start and duration in beats from the end of the seed)",
        REQUEST_ID,
        VARIATION,
        PITCH,
        VELOCITY,
        START,
        DURATION,
    ),
    _out("/end", "a variation is complete", REQUEST_ID, VARIATION, Arg("note_count", "i")),
    _out("/error", "a request was refused; nothing changed", REQUEST_ID, Arg("message", "s")),
    _out("/pong", "answer to /composer/ping", Arg("version", "s")),
    _out(
        "/seed/size",
        "the seed now has this many notes over this many beats",
        Arg("notes", "i"),
        Arg("beats", "f"),
    ),
    _out(
        "/address",
        "one address (answer to /composer/describe)",
        Arg("path", "s"),
        Arg("direction", "s"),
        Arg("types", "s"),
        Arg("args", "s"),
        Arg("doc", "s"),
    ),
    _out("/describe/end", "end of the /composer/describe listing", Arg("count", "i")),
    _out(
        "/model/available",
        "a loadable model (answer to /composer/models)",
        Arg("name", "s"),
        Arg("current", "i"),
    ),
    _out("/model/loaded", "the model now in use", Arg("name", "s")),
    _out(
        "/live/answer",
        "a live answer follows as /composer/begin …; it starts at this beat of the clock",
        REQUEST_ID,
        Arg("beat", "f", doc="clock beat where note start 0 falls"),
        Arg("heard", "i", doc="live notes it continues"),
    ),
    _out(
        "/play/start",
        "playback of a result begins at this beat of the clock",
        REQUEST_ID,
        Arg("beat", "f"),
    ),
    _out("/play/noteon", "a played note starts now", PITCH, VELOCITY),
    _out("/play/noteoff", "a played note ends now", PITCH),
    _out("/play/end", "playback of a result is complete (or stopped)", REQUEST_ID),
)

INCOMING = {a.path: a for a in ADDRESSES if a.direction == "in"}
OUTGOING = {a.path: a for a in ADDRESSES if a.direction == "out"}


def out_types(path: str) -> str:
    """The type letters the server emits for an outgoing address."""
    return OUTGOING[path].signature


def markdown_table() -> str:
    """The README's address table, generated (a test checks the README is current)."""
    lines = ["| address | dir | types | arguments | what it does |", "|---|---|---|---|---|"]
    for a in ADDRESSES:
        lines.append(
            f"| `{a.path}` | {a.direction} | `{a.signature or '-'}` | {a.arg_names or '-'} | "
            f"{a.doc.replace('|', '/')} |"
        )
    return "\n".join(lines)


TABLE_START = "<!-- protocol-table:start -->"
TABLE_END = "<!-- protocol-table:end -->"


def with_table(readme: str) -> str:
    """``readme`` with the text between the table markers replaced by the current table."""
    head, start, rest = readme.partition(TABLE_START)
    _, end, tail = rest.partition(TABLE_END)
    if not start or not end:
        raise ValueError(f"README has no {TABLE_START} … {TABLE_END} markers")
    return f"{head}{start}\n{markdown_table()}\n{end}{tail}"


if __name__ == "__main__":
    import sys
    from pathlib import Path

    if sys.argv[1:2] == ["--update-readme"]:
        readme = Path(sys.argv[2] if len(sys.argv) > 2 else "README.md")
        readme.write_text(with_table(readme.read_text()))
    else:
        print(markdown_table())
