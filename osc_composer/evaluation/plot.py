"""Piano rolls of a seed and its continuation, as PNG (matplotlib, optional extra ``plot``).

matplotlib is imported only when drawing, through its object-oriented API with the Agg
canvas (no pyplot, no global backend switch, no display needed).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..music.notes import Note

SEED_COLOUR = "#1f77b4"  # blue
CONTINUATION_COLOUR = "#ff7f0e"  # orange
REFERENCE_COLOUR = "#555555"  # outlines: what the real piece does
MIN_ALPHA = 0.25  # the softest notes stay visible


class PlotError(RuntimeError):
    """Plotting is unavailable (matplotlib is not installed) or failed."""


@dataclass
class PianoRoll:
    """One panel: seed notes, continuation notes (both in the seed's beats), optional reference."""

    seed: Sequence[Note]
    continuation: Sequence[Note]
    title: str = ""
    origin_beats: float | None = None  # where the continuation starts (a dashed line)
    reference: Sequence[Note] = field(default_factory=list)  # drawn as outlines, e.g. the real piece
    view_from_beats: float = 0.0  # the left edge: a long seed would squeeze the continuation

    def focused(self, context_beats: float) -> PianoRoll:
        """The same roll viewed from about ``context_beats`` before the continuation (on a bar line)."""
        if self.origin_beats is None:
            return self
        start = max(0.0, math.floor((self.origin_beats - context_beats) / 4) * 4)
        return replace(self, view_from_beats=start)


def require_matplotlib() -> None:
    """Raise :class:`PlotError` with the install command when matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise PlotError(
            'plotting needs matplotlib: pip install -e ".[plot]" (or pip install matplotlib)'
        ) from None


def plot_piano_rolls(
    path: str | os.PathLike, rolls: Sequence[PianoRoll], *, title: str = "", dpi: int = 110
) -> Path:
    """Draw one panel per roll (beats across, MIDI pitch up, velocity as opacity) into a PNG."""
    require_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    if not rolls:
        raise PlotError("nothing to plot")
    figure = Figure(figsize=(11, 2.6 * len(rolls) + 0.6), dpi=dpi)
    FigureCanvasAgg(figure)
    axes_list = figure.subplots(len(rolls), 1, squeeze=False)[:, 0]
    has_reference = False
    for axes, roll in zip(axes_list, rolls, strict=True):
        everything = [
            n for n in (*roll.seed, *roll.continuation, *roll.reference) if n.end_beats > roll.view_from_beats
        ]
        for notes, colour in ((roll.seed, SEED_COLOUR), (roll.continuation, CONTINUATION_COLOUR)):
            for note in notes:
                axes.add_patch(
                    Rectangle(
                        (note.start_beats, note.pitch - 0.4),
                        max(note.duration_beats, 1 / 48),
                        0.8,
                        facecolor=colour,
                        edgecolor="none",
                        alpha=max(MIN_ALPHA, note.velocity / 127),
                    )
                )
        for note in roll.reference:
            has_reference = True
            axes.add_patch(
                Rectangle(
                    (note.start_beats, note.pitch - 0.45),
                    max(note.duration_beats, 1 / 48),
                    0.9,
                    facecolor="none",
                    edgecolor=REFERENCE_COLOUR,
                    linewidth=0.6,
                    alpha=0.7,
                )
            )
        if everything:
            low = min(n.pitch for n in everything)
            high = max(n.pitch for n in everything)
            end = max(n.end_beats for n in everything)
        else:
            low, high, end = 60, 72, 4.0
        axes.set_xlim(roll.view_from_beats, max(end, roll.view_from_beats + 1.0))
        axes.set_ylim(low - 2, high + 2)
        if roll.origin_beats is not None:
            axes.axvline(roll.origin_beats, color="black", linestyle="--", linewidth=0.8)
        for beat in range(int(roll.view_from_beats), int(end) + 1, 4):
            axes.axvline(beat, color="#dddddd", linewidth=0.5, zorder=0)
        axes.set_ylabel("MIDI pitch")
        axes.set_title(roll.title, fontsize=9, loc="left")
    axes_list[-1].set_xlabel("beats")
    handles = [Patch(color=SEED_COLOUR, label="seed"), Patch(color=CONTINUATION_COLOUR, label="continuation")]
    if has_reference:
        handles.append(Patch(facecolor="none", edgecolor=REFERENCE_COLOUR, label="the real piece"))
    figure.legend(handles=handles, loc="upper right", ncol=len(handles), fontsize=8, frameon=False)
    if title:
        figure.suptitle(title, fontsize=10, x=0.01, ha="left")
    figure.tight_layout(rect=(0, 0, 1, 0.97))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    return path
