"""A histogram of matching articles per year or month, drawn as SVG on the server.

Each bar is an SVG link that narrows the search to its period, so the chart works without
JavaScript and needs no library: the machine serving it may be offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 600, 160
AXIS = 22  # room under the bars for the period labels
TOP = 14  # room above the tallest bar for its count


@dataclass(frozen=True)
class Bar:
    """One period's bar, placed in the chart's coordinates."""

    period: str
    count: int
    x: float
    y: float
    width: float
    height: float


def layout(histogram, width: int = WIDTH, height: int = HEIGHT) -> list[Bar]:
    """Bars for (period, count) pairs, as tall as their share of the largest count.

    >>> [(b.period, b.height) for b in layout([("2019", 1), ("2020", 2)], 100, 122)]
    [('2019', 43.0), ('2020', 86.0)]
    """
    if not histogram:
        return []
    tallest = max(count for _, count in histogram) or 1
    slot = width / len(histogram)
    room = height - AXIS - TOP
    bars = []
    for i, (period, count) in enumerate(histogram):
        bar_height = round(room * count / tallest, 1)
        bars.append(Bar(period, count, round(i * slot + slot * 0.1, 1), TOP + room - bar_height,
                        round(slot * 0.8, 1), bar_height))
    return bars


def svg(histogram, href, label, title: str, show=str) -> str:
    """The chart as inline SVG markup; `href(period)` is a bar's link, `label(period, n)` its name.

    Every text put in the markup is escaped here, so the result may be marked safe.
    """
    bars = layout(histogram)
    if not bars:
        return ""
    every = max(1, len(bars) // 12)  # label at most about twelve periods, so they do not overlap
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    for i, bar in enumerate(bars):
        name = escape(label(bar.period, bar.count))
        middle = round(bar.x + bar.width / 2, 1)
        parts.append(
            f'<a class="bar" href="{escape(href(bar.period))}" aria-label="{name}">'
            f"<title>{name}</title>"
            f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{max(bar.height, 1)}" '
            f'fill="#1f5f8b"/>'
            f'<text x="{middle}" y="{round(bar.y - 3, 1)}" text-anchor="middle" font-size="11" '
            f'fill="#1a1a1a">{bar.count}</text></a>'
        )
        if i % every == 0:
            parts.append(f'<text x="{middle}" y="{HEIGHT - 6}" text-anchor="middle" '
                         f'font-size="11" fill="#1a1a1a">{escape(show(bar.period))}</text>')
    parts.append("</svg>")
    return "".join(parts)
