"""Sampling parameters: one table of specs drives validation, the CLI options and the OSC protocol."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace
from typing import Any

from ..music.theory import SCALES, parse_key, parse_scale


class ParamError(ValueError):
    """A parameter value that is unknown, of the wrong type or out of range."""


@dataclass(frozen=True)
class ParamSpec:
    """One parameter: its kind (``int``, ``float``, ``key``, ``scale``, ``name``), range, default
    and doc. A ``name`` is a short word (e.g. a style); what the model knows is checked by
    the engine, which knows the model."""

    name: str
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    doc: str = ""

    @property
    def osc_types(self) -> str:
        """The OSC type tags a client should send (numbers may come as ``i`` or ``f``)."""
        return {"int": "i", "float": "f", "key": "*", "scale": "s", "name": "s"}[self.kind]

    def range_text(self) -> str:
        if self.kind == "scale":
            return " | ".join(SCALES)
        if self.kind == "key":
            return "0–11 or C, C#, Db … B"
        if self.kind == "name":
            return "auto or a style of the model (osc-composer info lists them)"
        if self.kind == "int":
            return f"{int(self.low)}–{int(self.high)}"
        return f"{self.low:g}–{self.high:g}"

    def coerce(self, value: Any) -> Any:
        """Check and convert one value; raises :class:`ParamError` saying exactly what is wrong."""
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        try:
            if self.kind == "scale":
                if not isinstance(value, str):
                    raise ParamError(f"{self.name} must be a scale name, got {value!r}")
                return parse_scale(value)
            if self.kind == "key":
                if isinstance(value, float) and not math.isfinite(value):
                    raise ParamError(f"{self.name} must be finite, got {value!r}")
                return parse_key(value)
            if self.kind == "name":
                if not isinstance(value, str) or not _NAME.fullmatch(value.strip().lower()):
                    raise ParamError(
                        f"{self.name} must be a word of letters, digits and - (e.g. auto), got {value!r}"
                    )
                return value.strip().lower()
            if isinstance(value, (str, bool)):
                raise ParamError(f"{self.name} must be a number, got {value!r}")
            number = float(value)
        except ParamError:
            raise
        except (ValueError, TypeError, ArithmeticError) as exc:  # int(inf) is an OverflowError
            raise ParamError(f"{self.name}: {exc}") from None
        if not math.isfinite(number):
            raise ParamError(f"{self.name} must be finite, got {value!r}")
        if self.kind == "int":
            if number != int(number):
                raise ParamError(f"{self.name} must be a whole number, got {value!r}")
            number = int(number)
        if not self.low <= number <= self.high:
            raise ParamError(f"{self.name} must be in {self.range_text()}, got {value!r}")
        return number


_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")

PARAM_SPECS: tuple[ParamSpec, ...] = (
    ParamSpec(
        "temperature", "float", 1.0, 0.05, 5.0, "sampling temperature: lower is safer, higher is wilder"
    ),
    ParamSpec("top_k", "int", 0, 0, 1000, "sample only among the k likeliest events (0 = off)"),
    ParamSpec(
        "top_p", "float", 1.0, 0.01, 1.0, "nucleus sampling: smallest set with this probability (1 = off)"
    ),
    ParamSpec("length", "float", 8.0, 0.25, 64.0, "length of each continuation in beats"),
    ParamSpec("variations", "int", 1, 1, 16, "how many different continuations to return"),
    ParamSpec("seed", "int", -1, -1, 2**31 - 1, "random seed for reproducible results (-1 = random)"),
    ParamSpec("key", "key", 0, None, None, "tonic of the scale constraint"),
    ParamSpec("scale", "scale", "chromatic", None, None, "scale constraint on pitches (chromatic = none)"),
    ParamSpec("low", "int", 0, 0, 127, "lowest pitch allowed"),
    ParamSpec("high", "int", 127, 0, 127, "highest pitch allowed"),
    ParamSpec("polyphony", "int", 8, 1, 16, "most notes sounding at once"),
    ParamSpec("step", "float", 0.5, 1 / 24, 16.0, "beats per note for pitch-only seeds"),
    ParamSpec("velocity", "int", 100, 1, 127, "velocity of notes in pitch-only seeds"),
    ParamSpec(
        "style",
        "name",
        "auto",
        doc="which part of the model's training music to continue in (auto: what the seed sounds like)",
    ),
    ParamSpec(
        "voices",
        "int",
        0,
        0,
        4,
        "notes sounding at once, at most: 1, 2, 3, or 4 (= four or more); 0 = auto, the seed's",
    ),
    ParamSpec(
        "density",
        "int",
        0,
        0,
        5,
        "note onsets per beat: 1 slow, 2 quarters, 3 eighths, 4 busy, 5 sixteenths; 0 = auto, the seed's",
    ),
)
PARAMS_BY_NAME = {spec.name: spec for spec in PARAM_SPECS}


@dataclass(frozen=True)
class SamplingParams:
    """Validated parameters of one request. Build with :meth:`create` or :meth:`with_values`."""

    temperature: float = 1.0
    top_k: int = 0
    top_p: float = 1.0
    length: float = 8.0
    variations: int = 1
    seed: int = -1
    key: int = 0
    scale: str = "chromatic"
    low: int = 0
    high: int = 127
    polyphony: int = 8
    step: float = 0.5
    velocity: int = 100
    style: str = "auto"
    voices: int = 0
    density: int = 0

    @classmethod
    def create(cls, **values: Any) -> SamplingParams:
        return cls().with_values(**values)

    def with_values(self, **values: Any) -> SamplingParams:
        """A copy with some values changed, each checked against its spec."""
        checked = {}
        for name, value in values.items():
            spec = PARAMS_BY_NAME.get(name)
            if spec is None:
                raise ParamError(f"unknown parameter {name!r}; known: {', '.join(PARAMS_BY_NAME)}")
            checked[name] = spec.coerce(value)
        result = replace(self, **checked)
        if result.low > result.high:
            raise ParamError(f"low ({result.low}) must not be above high ({result.high})")
        return result

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# The dataclass and the table must list the same names with the same defaults.
assert {f.name: f.default for f in fields(SamplingParams)} == {s.name: s.default for s in PARAM_SPECS}
