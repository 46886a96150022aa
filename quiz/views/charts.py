"""Small bar charts drawn on the server as SVG (no script, no inline style: the page's CSS colours them).

Right to left like the page: the first value is drawn at the right edge, the last at the left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 300
HEIGHT = 90
GAP = 2
FLOOR = 1.5  # a day with reviews never shrinks to nothing


@dataclass(frozen=True)
class Bar:
    """One bar: its box in the SVG's coordinates and what it stands for."""

    x: float
    y: float
    width: float
    height: float
    day: dt.date
    value: int


@dataclass(frozen=True)
class Chart:
    """A bar chart's size, bars and largest value."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    peak: int


def bar_chart(values: Sequence[tuple[dt.date, int]], width: int = WIDTH, height: int = HEIGHT) -> Chart:
    """Return bars for (day, count) pairs, oldest first, laid out right to left."""
    peak = max((v for _, v in values), default=0)
    step = width / max(len(values), 1)
    bars = []
    for i, (day, value) in enumerate(values):
        h = 0.0 if peak == 0 or value == 0 else max(FLOOR, height * value / peak)
        x = width - (i + 1) * step + GAP / 2
        bars.append(Bar(x=round(x, 2), y=round(height - h, 2), width=round(step - GAP, 2), height=round(h, 2),
                        day=day, value=value))
    return Chart(width=width, height=height, bars=tuple(bars), peak=peak)
