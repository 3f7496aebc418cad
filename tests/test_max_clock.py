"""The Max patch's clock, run: its boxes and cords driven with Max's message order.

A small interpreter of the Max semantics those boxes rely on (no Max here): an object
outputs right to left (``[trigger]``, ``[transport]``), an outlet cabled to several boxes
sends to the rightmost first; a left inlet is hot (store and output), the others cold
(store); ``[transport]`` answers a bang with its state, tempo and position in ticks (480
per quarter note; the patch stores all three in cold inlets, so their order does not
matter); ``[udpsend]`` records what it would send. Every box the messages reach must be
one it knows, so a new box in the clock's path fails the test until it is modelled.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from conftest import REPO

MAXPAT = REPO / "max_patches" / "osc-composer.maxpat"
Atoms = list[Any]


@dataclass
class Transport:
    running: int = 0
    tempo: float = 120.0
    ticks: float = 0.0


@dataclass
class MaxRun:
    """The patch's boxes and cords, with each object's stored values."""

    patcher: dict
    transport: Transport = field(default_factory=Transport)
    sent: list[Atoms] = field(default_factory=list)
    state: dict[str, list[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.boxes = {b["box"]["id"]: b["box"] for b in self.patcher["boxes"]}
        self.cords: dict[tuple[str, int], list[tuple[str, int]]] = {}
        for line in self.patcher["lines"]:
            (source, outlet), (dest, inlet) = line["patchline"]["source"], line["patchline"]["destination"]
            self.cords.setdefault((source, outlet), []).append((dest, inlet))
        for targets in self.cords.values():
            # Max sends a fanned-out outlet right to left by the destinations' positions
            targets.sort(key=lambda t: -self.boxes[t[0]]["patching_rect"][0])

    def box(self, text: str) -> str:
        return next(i for i, b in self.boxes.items() if b.get("text") == text)

    def out(self, box_id: str, outlet: int, atoms: Atoms) -> None:
        for dest, inlet in self.cords.get((box_id, outlet), []):
            self.receive(dest, inlet, atoms)

    def receive(self, box_id: str, inlet: int, atoms: Atoms) -> None:
        box = self.boxes[box_id]
        kind, words = box["maxclass"], box.get("text", "").split()
        if kind in ("toggle", "number", "flonum"):
            self.out(box_id, 0, atoms)
            return
        if kind == "message":
            if inlet == 0 and "$" not in box["text"]:
                self.out(box_id, 0, [_atom(w) for w in words])
                return
            raise AssertionError(f"message box {box['text']!r} is not modelled")
        name, args = words[0], words[1:]
        stored = self.state.setdefault(box_id, [_atom(a) for a in args])
        if name in ("t", "trigger"):
            for outlet in reversed(range(len(args))):
                self.out(box_id, outlet, _trigger(args[outlet], atoms))
        elif name in ("i", "f"):
            cast = int if name == "i" else float
            if not stored:
                stored.append(cast(0))
            if atoms != ["bang"]:
                stored[0] = cast(atoms[0])
            if inlet == 0:
                self.out(box_id, 0, [stored[0]])
        elif name in ("+", "-", "*", "/", "!/"):
            while len(stored) < 2:
                stored.insert(0, 0)
            if atoms != ["bang"]:
                stored[inlet] = atoms[0]
            if inlet == 0:
                a, b = stored
                self.out(box_id, 0, [ARITHMETIC[name](a, b)])
        elif name == "sel":
            if atoms[0] == "bang":
                return
            for outlet, arg in enumerate(args):
                if atoms[0] == _atom(arg):
                    self.out(box_id, outlet, ["bang"])
                    return
            self.out(box_id, len(args), atoms)
        elif name == "pack":
            if atoms != ["bang"]:
                stored[inlet] = type(stored[inlet])(atoms[0])
            if inlet == 0:
                self.out(box_id, 0, list(stored))
        elif name == "prepend":
            self.out(box_id, 0, [*args, *atoms])
        elif name == "transport":
            t = self.transport
            if inlet == 0 and atoms == ["bang"]:
                bars, beats = int(t.ticks // 1920) + 1, int(t.ticks % 1920 // 480) + 1
                outputs = [
                    [bars],
                    [beats],
                    [t.ticks % 480],
                    [480.0],
                    [t.tempo],
                    [4, 4],
                    [t.running],
                    [t.ticks],
                ]
                for outlet in reversed(range(len(outputs))):
                    self.out(box_id, outlet, outputs[outlet])
        elif name == "metro":
            pass  # started and stopped; the test fires its ticks
        elif name == "udpsend":
            self.sent.append(atoms)
        else:
            raise AssertionError(f"[{box['text']}] is not modelled")


ARITHMETIC = {  # Max answers a division by zero with 0
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else 0,
    "!/": lambda a, b: b / a if a else 0,
}


def _trigger(kind: str, atoms: Atoms) -> Atoms:
    """What one outlet of [trigger] sends: bang, int, float, or the input as it is."""
    if kind == "b":
        return ["bang"]
    if kind == "i":
        return [int(atoms[0])]
    if kind == "f":
        return [float(atoms[0])]
    return atoms


def _atom(word: str) -> Any:
    try:
        return int(word)
    except ValueError:
        try:
            return float(word)
        except ValueError:
            return word


def clocks(run: MaxRun) -> list[Atoms]:
    return [m[1:] for m in run.sent if m[:1] == ["/composer/clock"]]


def patch() -> MaxRun:
    return MaxRun(json.loads(MAXPAT.read_text())["patcher"])


def _clock_toggle(run: MaxRun) -> str:
    """The toggle whose [t i b] resets the beat count and starts the [metro]."""
    t_clock = run.box("t i b")
    return next(s for (s, _), dests in run.cords.items() for d, _ in dests if d == t_clock)


def test_without_the_transport_the_clock_counts_beats_at_the_tempo_box() -> None:
    run = patch()
    tempo = next(i for i, b in run.boxes.items() if b["maxclass"] == "flonum" and b.get("maximum") == 400.0)
    run.receive(tempo, 0, [90.0])
    run.receive(_clock_toggle(run), 0, [1])
    metro = run.box("metro 500")
    for _ in range(3):
        run.out(metro, 0, ["bang"])
    assert clocks(run) == [[90.0, 0.0], [90.0, 1.0], [90.0, 2.0]]


def test_while_the_transport_runs_the_clock_is_its_tempo_and_position() -> None:
    run = patch()
    run.receive(_clock_toggle(run), 0, [1])
    run.transport = Transport(running=1, tempo=132.0, ticks=960.0)
    metro = run.box("metro 500")
    run.out(metro, 0, ["bang"])
    run.transport.ticks = 1200.0  # half a beat later
    run.out(metro, 0, ["bang"])
    assert clocks(run) == [[132.0, 2.0], [132.0, 2.5]]
    # stopped again: the patch's own count takes over where it was (0: it never ran)
    run.transport.running = 0
    run.out(metro, 0, ["bang"])
    assert clocks(run)[-1] == [120.0, 0.0]


def _rewire(run: MaxRun, box: str, outlet: int, new_outlet: int) -> None:
    """Move every cord leaving ``box``'s ``outlet`` to ``new_outlet`` (and back)."""
    moved = run.cords.pop((box, outlet), [])
    back = run.cords.pop((box, new_outlet), [])
    run.cords[(box, new_outlet)] = moved
    if back:
        run.cords[(box, outlet)] = back


def _after(run: MaxRun, box: str, outlet: int = 0) -> str:
    """The box a cord from ``box``'s ``outlet`` leads to (the clock's boxes share their texts
    with others in the patch, so they are found along the cords)."""
    return run.cords[(box, outlet)][0][0]


def _transport(run: MaxRun) -> str:
    return run.box("transport")


def _tick(run: MaxRun) -> str:  # [t b b]: ask the transport, then read its state
    return _after(run, run.box("metro 500"))


def _running_or_not(run: MaxRun) -> str:  # [sel 1 0]
    return _after(run, _after(run, _tick(run), 0))


@pytest.mark.parametrize(
    ("find", "outlet", "new_outlet"),
    [
        (_transport, 7, 6),  # the state read as the ticks
        (_running_or_not, 0, 1),  # running and stopped swapped
        (_tick, 0, 1),  # the state read before the transport is asked
    ],
)
def test_a_miswired_clock_is_caught(find: Callable[[MaxRun], str], outlet: int, new_outlet: int) -> None:
    run = patch()
    run.receive(_clock_toggle(run), 0, [1])
    run.transport = Transport(running=1, tempo=132.0, ticks=960.0)
    _rewire(run, find(run), outlet, new_outlet)
    try:
        run.out(run.box("metro 500"), 0, ["bang"])
    except AssertionError:
        return  # a message reached a box that cannot take it
    assert clocks(run) != [[132.0, 2.0]]
