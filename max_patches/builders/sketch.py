"""Pictures of the Max patch's presentation and the TouchOSC layout, drawn as SVG from the
rectangles in the generated files (not screenshots: each control is a plain shape of its kind).

Deterministic (same file, same bytes), so ``build_patches.py --check`` compares the pictures
like the patches. ``max_sketch`` reads a ``.maxpat`` patcher, ``tosc_sketch`` a ``.tosc`` XML.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree
from xml.sax.saxutils import escape

FONT = "Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Shape:
    """One control: rectangle, what it shows, its kind (how it is drawn) and its colours."""

    x: float
    y: float
    w: float
    h: float
    label: str
    kind: str  # text, centered (text), field, menu, button, toggle, fader, radio, panel
    fill: str = "#e6e6e6"
    ink: str = "#202020"
    size: float = 12.0
    steps: int = 0  # a radio's
    value: float = 0.0  # a fader's position 0..1, a radio's step


def _n(value: float) -> str:
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _rect(x: float, y: float, w: float, h: float, fill: str, stroke: str = "#7a7a7a", rx: float = 3) -> str:
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(rx)}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1"/>'
    )


def _text(x: float, y: float, label: str, size: float, ink: str, anchor: str = "start") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="{ink}" '
        f'text-anchor="{anchor}">{escape(label)}</text>'
    )


def _fit(label: str, width: float, size: float) -> str:
    chars = max(1, int(width / (size * 0.55)))
    return label if len(label) <= chars else label[: max(1, chars - 1)] + "…"


def _shape(s: Shape) -> list[str]:
    base = s.y + s.h / 2 + s.size * 0.35
    if s.kind == "text":
        return [_text(s.x + 2, base, _fit(s.label, s.w - 4, s.size), s.size, s.ink)]
    if s.kind == "centered":
        return [_text(s.x + s.w / 2, base, _fit(s.label, s.w - 4, s.size), s.size, s.ink, "middle")]
    if s.kind == "panel":
        return [
            _rect(s.x, s.y, s.w, s.h, s.fill, s.fill, 2),
            _text(s.x + 6, base, _fit(s.label, s.w - 8, s.size), s.size, s.ink),
        ]
    if s.kind in ("field", "menu"):
        out = [
            _rect(s.x, s.y, s.w, s.h, s.fill, rx=2),
            _text(s.x + 4, base, _fit(s.label, s.w - 16, s.size), s.size, s.ink),
        ]
        if s.kind == "menu":
            out.append(_text(s.x + s.w - 10, base, "▾", s.size, s.ink))
        return out
    if s.kind == "button":
        if s.label:
            return [
                _rect(s.x, s.y, s.w, s.h, s.fill, rx=4),
                _text(s.x + s.w / 2, base, _fit(s.label, s.w - 6, s.size), s.size, s.ink, "middle"),
            ]
        cx, cy, r = s.x + s.w / 2, s.y + s.h / 2, min(s.w, s.h) / 2 - 3
        circle = f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="none" stroke="{s.ink}"/>'
        return [_rect(s.x, s.y, s.w, s.h, s.fill, rx=2), circle]
    if s.kind == "toggle":
        left, top, right, bottom = _n(s.x + 4), _n(s.y + 4), _n(s.x + s.w - 4), _n(s.y + s.h - 4)
        cross = f'<path d="M{left} {top}L{right} {bottom}M{right} {top}L{left} {bottom}" stroke="#b0b0b0"/>'
        return [_rect(s.x, s.y, s.w, s.h, s.fill, rx=2), cross]
    if s.kind == "fader":
        return [
            _rect(s.x, s.y, s.w, s.h, "#2a2a2e", rx=2),
            _rect(s.x, s.y, max(2.0, s.w * s.value), s.h, s.fill, s.fill, 2),
        ]
    if s.kind == "radio":
        step = s.w / max(1, s.steps)
        out = [_rect(s.x, s.y, s.w, s.h, "#2a2a2e", rx=2)]
        for i in range(s.steps):
            fill = s.fill if i == int(s.value) else "#3a3a40"
            out.append(_rect(s.x + i * step + 1, s.y + 1, step - 2, s.h - 2, fill, fill, 2))
        return out
    return [_rect(s.x, s.y, s.w, s.h, s.fill)]


def render_svg(shapes: list[Shape], width: float, height: float, background: str, title: str) -> str:
    """The shapes in order (later on top) on a ``width`` x ``height`` canvas."""
    body = [_rect(0, 0, width, height, background, background, 0)]
    for shape in shapes:
        body += _shape(shape)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" font-family="{FONT}">\n'
        f"<title>{escape(title)}</title>\n" + "\n".join(body) + "\n</svg>\n"
    )


# ------------------------------------------------------------------------------------------------
# Max: the boxes with a presentation rectangle
# ------------------------------------------------------------------------------------------------


def max_sketch(patcher: dict, title: str) -> str:
    """The patch as Max shows it in presentation mode."""
    shapes = []
    for entry in patcher["boxes"]:
        box = entry["box"]
        if "presentation_rect" not in box:
            continue
        x, y, w, h = box["presentation_rect"]
        kind = box["maxclass"]
        size = float(box.get("fontsize", 12.0))
        text = box.get("text", "")
        if kind == "comment":
            shapes.append(Shape(x, y, w, h, text, "text", size=size))
        elif kind == "message":
            shapes.append(Shape(x, y, w, h, text, "button", fill="#d8d8d8", size=11))
        elif kind in ("number", "flonum"):
            shapes.append(
                Shape(x, y, w, h, "0" if kind == "number" else "0.", "field", fill="#f4f4f4", size=11)
            )
        elif kind == "umenu":
            items = [i for i in box.get("items", []) if i != ","]
            shapes.append(Shape(x, y, w, h, items[0] if items else "", "menu", fill="#f4f4f4", size=11))
        elif kind == "button":
            shapes.append(Shape(x, y, w, h, "", "button", fill="#d8d8d8"))
        elif kind == "toggle":
            shapes.append(Shape(x, y, w, h, "", "toggle", fill="#d8d8d8"))
        else:
            shapes.append(Shape(x, y, w, h, kind, "field"))
    _, _, width, height = patcher["rect"]
    return render_svg(shapes, width, height, "#e9e9e9", title)


# ------------------------------------------------------------------------------------------------
# TouchOSC: every control at its frame (relative to its parent), in the order TouchOSC draws them
# ------------------------------------------------------------------------------------------------


def _color(prop: ElementTree.Element | None, default: str) -> str:
    if prop is None:
        return default
    value = prop.find("value")
    r, g, b = (round(float(value.findtext(c)) * 255) for c in "rgb")
    return f"#{r:02x}{g:02x}{b:02x}"


def tosc_sketch(xml: str, title: str) -> str:
    root = ElementTree.fromstring(xml)[0]
    shapes: list[Shape] = []

    def visit(node: ElementTree.Element, ox: float, oy: float) -> None:
        props = {p.findtext("key"): p for p in node.find("properties")}
        values = {v.findtext("key"): v.findtext("default") or "" for v in node.find("values")}
        frame = props["frame"].find("value")
        x, y, w, h = (float(frame.findtext(k)) + o for k, o in zip("xywh", (ox, oy, 0, 0), strict=True))
        kind = node.get("type")
        color = _color(props.get("color"), "#555555")
        if kind == "LABEL":
            size = float(props["textSize"].findtext("value"))
            ink = _color(props.get("textColor"), "#ffffff")
            align = int(props["textAlignH"].findtext("value")) if "textAlignH" in props else 2
            background = props.get("background") is not None and props["background"].findtext("value") == "1"
            if background:
                shapes.append(Shape(x, y, w, h, "", "panel", fill=color))
            label = values.get("text", "")
            if align == 2:
                shapes.append(Shape(x, y, w, h, label, "centered", ink=ink, size=size))
            else:
                shapes.append(Shape(x + 4, y, w - 4, h, label, "text", ink=ink, size=size))
        elif kind == "BUTTON":
            shapes.append(Shape(x, y, w, h, "", "panel", fill=color))
        elif kind == "FADER":
            shapes.append(Shape(x, y, w, h, "", "fader", fill=color, value=float(values.get("x") or 0)))
        elif kind == "RADIO":
            steps = int(props["steps"].findtext("value"))
            shapes.append(
                Shape(x, y, w, h, "", "radio", fill=color, steps=steps, value=float(values.get("x") or 0))
            )
        children = node.find("children")
        for child in children if children is not None else []:
            visit(child, x, y)

    visit(root, 0, 0)
    frame = root.find("properties/property[key='frame']/value")
    width, height = float(frame.findtext("w")), float(frame.findtext("h"))
    background = _color(root.find("properties/property[key='color']"), "#141418")
    return render_svg(shapes, width, height, background, title)
