"""A picture of a client's presentation view: boxes drawn from their rectangles, as SVG.

Deterministic (same boxes, same bytes), so ``build_patches.py --check`` can compare the
committed pictures like any other generated file. Not a screenshot: each box is a plain
shape in the style of its kind, labelled, at its presentation rectangle.

    svg = render_svg([(8, 4, 120, 18, "osc-composer", "title"), ...], width=640, height=169)

Kinds: ``title``, ``comment`` / ``label`` (text only), ``dial``, ``number``, ``menu``,
``button``, ``toggle``, ``text`` (an editable field), ``fader``, ``display``, ``panel``;
anything else is drawn as a plain box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

Box = tuple[float, float, float, float, str, str]  # x, y, width, height, label, kind

BACKGROUND = "#c8c8c8"  # Live's device background, roughly
INK = "#202020"
FIELD = "#e6e6e6"
ACCENT = "#f5a623"
EDGE = "#7a7a7a"
FONT = "Arial, Helvetica, sans-serif"


def _n(value: float) -> str:
    """A coordinate written the same way every time (no float noise)."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _text(x: float, y: float, label: str, size: float, anchor: str = "start", weight: str = "normal") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}" '
        f'font-weight="{weight}">{escape(label)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, stroke: str = EDGE, rx: float = 2) -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(rx)}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1"/>'
    )


def _fit(label: str, width: float, size: float) -> str:
    """The label cut to what fits in ``width`` (≈ 0.55 em per character)."""
    chars = max(1, int(width / (size * 0.55)))
    return label if len(label) <= chars else label[: max(1, chars - 1)] + "…"


def _box(x: float, y: float, w: float, h: float, label: str, kind: str) -> list[str]:
    size = max(7.0, min(11.0, h * 0.62))
    middle = y + h / 2 + size * 0.35
    if kind in ("title",):
        return [_text(x + 1, middle, _fit(label, w, 12), 12, weight="bold")]
    if kind in ("comment", "label"):
        return [_text(x + 1, middle, _fit(label, w, size), size)]
    if kind == "dial":
        radius = max(4.0, min(w, h - 12) / 2 - 2)
        cx, cy = x + w / 2, y + 2 + radius
        return [
            f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="{FIELD}" stroke="{EDGE}"/>',
            f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(cx)}" y2="{_n(cy - radius)}" stroke="{ACCENT}" '
            'stroke-width="2"/>',
            _text(cx, y + h - 1, _fit(label, w, 9), 9, anchor="middle"),
        ]
    if kind == "toggle":
        return [_rect(x, y, w, h, FIELD), _text(x + w / 2, middle, _fit(label, w, size), size, "middle")]
    if kind == "button":
        label_text = _text(x + w / 2, middle, _fit(label, w, size), size, "middle")
        return [_rect(x, y, w, h, ACCENT, rx=3), label_text]
    if kind == "menu":
        return [
            _rect(x, y, w, h, FIELD),
            _text(x + 3, middle, _fit(label, w - 10, size), size),
            _text(x + w - 3, middle, "▾", size, anchor="end"),
        ]
    if kind in ("number", "text"):
        return [_rect(x, y, w, h, FIELD, rx=1), _text(x + 3, middle, _fit(label, w - 4, size), size)]
    if kind == "fader":
        return [
            _rect(x, y, w, h, FIELD),
            _rect(x, y + h * 0.5, w, h * 0.5, ACCENT, stroke="none", rx=0),
            _text(x + w / 2, y + 12, _fit(label, w, 9), 9, anchor="middle"),
        ]
    if kind == "display":
        return [_rect(x, y, w, h, "#f8f8f0", rx=1), _text(x + 3, middle, _fit(label, w - 4, size), size)]
    if kind == "panel":
        return [_rect(x, y, w, h, "none", stroke=EDGE, rx=4)]
    return [_rect(x, y, w, h, FIELD), _text(x + 3, middle, _fit(label, w - 4, size), size)]


def render_svg(boxes: Iterable[Sequence], width: float, height: float) -> str:
    """An SVG picture of ``boxes`` (x, y, w, h, label, kind) on a ``width`` × ``height`` view.

    Boxes are drawn in the order given (panels first, then controls, looks right).
    Raises ``ValueError`` for a box outside the view: a picture must not hide a control
    the device itself would cut off.
    """
    shapes: list[str] = []
    for box in boxes:
        x, y, w, h, label, kind = box
        if x < 0 or y < 0 or w <= 0 or h <= 0 or x + w > width + 1e-6 or y + h > height + 1e-6:
            raise ValueError(f"box {label!r} at {(x, y, w, h)} lies outside the {width}×{height} view")
        shapes += _box(float(x), float(y), float(w), float(h), str(label), str(kind))
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" font-family="{FONT}" fill="{INK}">'
    )
    background = f'<rect x="0" y="0" width="{_n(width)}" height="{_n(height)}" fill="{BACKGROUND}"/>'
    return "\n".join([head, background, *("  " + s for s in shapes), "</svg>", ""])


def _max_label(box: dict) -> tuple[str, str]:
    """(label, kind) for a Max box, as it shows in presentation mode."""
    maxclass = box["maxclass"]
    valueof = box.get("saved_attribute_attributes", {}).get("valueof", {})
    if maxclass == "comment":
        return box.get("text", ""), "title" if box.get("fontface") == 1 else "comment"
    if maxclass == "live.dial":
        return valueof.get("parameter_shortname", ""), "dial"
    if maxclass == "live.numbox":
        initial = valueof.get("parameter_initial", [0])[0]
        return f"{initial:g}" if isinstance(initial, float) else str(initial), "number"
    if maxclass in ("live.menu", "live.tab"):
        items = valueof.get("parameter_enum", [""])
        return str(items[int(valueof.get("parameter_initial", [0])[0])]), "menu"
    if maxclass == "live.text":
        return box.get("text", ""), "toggle" if box.get("mode") == 1 else "button"
    if maxclass == "umenu":
        items = [item for item in box.get("items", []) if item != ","]
        return (items[0] if items else "(models)"), "menu"
    if maxclass == "textedit":
        return box.get("text", ""), "text"
    if maxclass in ("number", "flonum"):
        return "0", "number"
    if maxclass in ("toggle", "button"):
        return "", "toggle"
    if maxclass == "message":
        return box.get("text", ""), "button"
    if maxclass == "panel":
        return "", "panel"
    return box.get("text", maxclass), maxclass


def max_boxes(patcher: dict) -> list[Box]:
    """The presentation boxes of a Max patcher (the dict under ``"patcher"``), ready for :func:`render_svg`.

    Panels first, so they sit behind the controls; otherwise in patcher order.
    """
    found = []
    for entry in patcher["boxes"]:
        box = entry["box"]
        if not box.get("presentation"):
            continue
        x, y, w, h = box["presentation_rect"]
        label, kind = _max_label(box)
        found.append((x, y, w, h, label, kind))
    return sorted(found, key=lambda b: b[5] != "panel")
