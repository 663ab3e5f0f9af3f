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


PUBLISHED_FILL, EVENT_FILL, OTHER_FILL = "#1f5f8b", "#b35900", "#6b6b6b"


@dataclass(frozen=True)
class Bar:
    """One period's bar, placed in the chart's coordinates; `event_height` of it, drawn at
    its foot, is the share of articles placed by their event date (the rest: published)."""

    period: str
    count: int
    x: float
    y: float
    width: float
    height: float
    event_height: float = 0.0
    event: int = 0
    published: int = 0


def layout(histogram, width: int = WIDTH, height: int = HEIGHT) -> list[Bar]:
    """Bars for (period, count[, published, event]) entries, as tall as their share of the
    largest count.

    >>> [(b.period, b.height) for b in layout([("2019", 1), ("2020", 2)], 100, 122)]
    [('2019', 43.0), ('2020', 86.0)]
    >>> layout([("2020", 4, 1, 3)], 100, 122)[0].event_height
    64.5
    """
    if not histogram:
        return []
    tallest = max(entry[1] for entry in histogram) or 1
    slot = width / len(histogram)
    room = height - AXIS - TOP
    bars = []
    for i, entry in enumerate(histogram):
        period, count = entry[0], entry[1]
        published, event = (entry[2], entry[3]) if len(entry) >= 4 else (0, 0)
        bar_height = round(room * count / tallest, 1)
        event_height = round(bar_height * event / count, 1) if count else 0.0
        bars.append(Bar(period, count, round(i * slot + slot * 0.1, 1), TOP + room - bar_height,
                        round(slot * 0.8, 1), bar_height, event_height, event, published))
    return bars


def svg(histogram, href, label, title: str, show=str) -> str:
    """The chart as inline SVG markup; `href(period)` is a bar's link, `label(period, n)` its
    name (`label(period, n, published, event)` when the archive tells the two dates apart).

    A bar is in two parts when its articles are placed by both kinds of date: published
    (blue, above) and event (orange, at the foot), so a reader sees which the chart counts.
    Every text put in the markup is escaped here, so the result may be marked safe.
    """
    bars = layout(histogram)
    if not bars:
        return ""
    every = max(1, len(bars) // 12)  # label at most about twelve periods, so they do not overlap
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    for i, bar in enumerate(bars):
        unknown = bar.period == "unknown"
        split = bar.published and bar.event and not unknown
        name = escape(label(bar.period, bar.count, bar.published, bar.event) if split
                      else label(bar.period, bar.count))
        middle = round(bar.x + bar.width / 2, 1)
        fill = (OTHER_FILL if unknown else
                EVENT_FILL if bar.event == bar.count and bar.count else PUBLISHED_FILL)
        parts.append(
            f'<a class="bar" href="{escape(href(bar.period))}" aria-label="{name}">'
            f"<title>{name}</title>"
            f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{max(bar.height, 1)}" '
            f'fill="{fill}"/>'
        )
        if split:
            foot = round(bar.y + bar.height - bar.event_height, 1)
            parts.append(f'<rect class="event" x="{bar.x}" y="{foot}" width="{bar.width}" '
                         f'height="{max(bar.event_height, 1)}" fill="{EVENT_FILL}"/>')
        parts.append(
            f'<text x="{middle}" y="{round(bar.y - 3, 1)}" text-anchor="middle" font-size="11" '
            f'fill="#1a1a1a">{bar.count}</text></a>'
        )
        if i % every == 0 or unknown:
            parts.append(f'<text x="{middle}" y="{HEIGHT - 6}" text-anchor="middle" '
                         f'font-size="11" fill="#1a1a1a">{escape(show(bar.period))}</text>')
    parts.append("</svg>")
    return "".join(parts)
