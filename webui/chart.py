"""A histogram of matching articles per year or month on a true time axis, drawn as SVG on
the server.

Every year (or month) from the first to the last is a slot, so the spacing is time: a
period without articles is an empty slot, not a missing one.  The articles whose year is
unknown get their own bar after a gap, so none is left out without a word.  Each bar is an
SVG link that narrows the search to its period, so the chart works without JavaScript and
needs no library: the machine serving it may be offline.  With JavaScript, dragging across
bars (or shift-clicking a second bar) sets a from–to range (static/app.js).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 720, 170  # the wide drawing, for a desktop's results column
NARROW_WIDTH, NARROW_HEIGHT = 360, 190  # the phone's: fewer, larger labels per unit of width
AXIS = 22  # room under the bars for the period labels
TOP = 14  # room above the tallest bar for its count
FONT = 11
CHAR_WIDTH = 0.62 * FONT  # a generous average advance of a digit or letter at FONT
LABEL_GAP = 6  # at least this much between two labels
UNKNOWN = "unknown"

PUBLISHED_FILL, EVENT_FILL, OTHER_FILL = "#1f5f8b", "#b35900", "#6b6b6b"


@dataclass(frozen=True)
class Bar:
    """One period's slot, placed in the chart's coordinates; `event_height` of it, drawn at
    its foot, is the share of articles placed by their event date (the rest: published).
    An empty period has a slot and no bar."""

    period: str
    count: int
    x: float
    y: float
    width: float
    height: float
    event_height: float = 0.0
    event: int = 0
    published: int = 0

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


def _next_period(period: str) -> str:
    """The year or month after `period`.

    >>> _next_period("2019"), _next_period("2020-12"), _next_period("2020-05")
    ('2020', '2021-01', '2020-06')
    """
    if len(period) == 4:
        return f"{int(period) + 1:04d}"
    year, month = int(period[:4]), int(period[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def timeline(histogram) -> list[tuple]:
    """The histogram with every period between its first and last, the empty ones counted 0;
    the year-unknown entry stays last.

    >>> [e[:2] for e in timeline([("2018", 2), ("2021", 1), ("unknown", 4)])]
    [('2018', 2), ('2019', 0), ('2020', 0), ('2021', 1), ('unknown', 4)]
    >>> [e[0] for e in timeline([("2020-11", 1), ("2021-02", 3)])]
    ['2020-11', '2020-12', '2021-01', '2021-02']
    """
    dated = [tuple(e) for e in histogram if e[0] != UNKNOWN]
    unknown = [tuple(e) for e in histogram if e[0] == UNKNOWN]
    if not dated:
        return unknown
    known = {e[0]: e for e in dated}
    filled, period, last = [], dated[0][0], dated[-1][0]
    while True:
        filled.append(known.get(period, (period, 0, 0, 0)))
        if period >= last:
            break
        period = _next_period(period)
    return filled + unknown


def layout(histogram, width: int = WIDTH, height: int = HEIGHT) -> list[Bar]:
    """Bars for (period, count[, published, event]) entries, as tall as their share of the
    largest count, one slot per period; the year-unknown bar one slot further right.

    >>> [(b.period, b.height) for b in layout([("2019", 1), ("2020", 2)], 100, 122)]
    [('2019', 43.0), ('2020', 86.0)]
    >>> layout([("2020", 4, 1, 3)], 100, 122)[0].event_height
    64.5
    >>> [b.x for b in layout([("2019", 1), ("unknown", 1)], 120, 122)]
    [4.0, 84.0]
    """
    if not histogram:
        return []
    tallest = max(entry[1] for entry in histogram) or 1
    has_unknown = histogram[-1][0] == UNKNOWN
    slot = width / (len(histogram) + (1 if has_unknown and len(histogram) > 1 else 0))
    room = height - AXIS - TOP
    bars = []
    for i, entry in enumerate(histogram):
        period, count = entry[0], entry[1]
        published, event = (entry[2], entry[3]) if len(entry) >= 4 else (0, 0)
        place = i + 1 if period == UNKNOWN and i else i  # a gap before the unknown bar
        bar_height = round(room * count / tallest, 1)
        event_height = round(bar_height * event / count, 1) if count else 0.0
        bars.append(Bar(period, count, round(place * slot + slot * 0.1, 1), TOP + room - bar_height,
                        round(slot * 0.8, 1), bar_height, event_height, event, published))
    return bars


def label_step(bars: list[Bar], texts: list[str]) -> int:
    """Label every `step`-th dated period, the smallest step at which no two labels overlap
    (each label is centred under its bar).

    >>> bars = layout([(str(2000 + i), 1) for i in range(30)], 300, 100)
    >>> label_step(bars, [b.period for b in bars])
    4
    """
    dated = [(b, t) for b, t in zip(bars, texts) if b.period != UNKNOWN]
    if len(dated) < 2:
        return 1
    slot = dated[1][0].x - dated[0][0].x
    widest = max(len(t) for _, t in dated) * CHAR_WIDTH + LABEL_GAP
    step = 1
    while step * slot < widest:
        step += 1
    return step


def _labels(bars: list[Bar], texts: list[str], width: float) -> list[tuple[float, str]]:
    """The labels to draw, as (centre, text): the year-unknown bar's always, then every
    `label_step`-th period from the first; a label near an edge is moved inside the drawing,
    and one that would still overlap another is left out."""
    step = label_step(bars, texts)
    boxes, chosen = [], []
    ordered = [(b, t) for b, t in zip(bars, texts) if b.period == UNKNOWN]
    ordered += [(b, t) for i, (b, t) in enumerate(zip(bars, texts)) if b.period != UNKNOWN and i % step == 0]
    for bar, text in ordered:
        half = len(text) * CHAR_WIDTH / 2
        centre = min(max(bar.middle, half), width - half)
        left, right = centre - half, centre + half
        if any(left < r + LABEL_GAP and l < right + LABEL_GAP for l, r in boxes):
            continue
        boxes.append((left, right))
        chosen.append((round(centre, 1), text))
    return sorted(chosen)


def svg(histogram, href, label, title: str, show=str, width: int = WIDTH, height: int = HEIGHT,
        variant: str = "wide") -> str:
    """The chart as inline SVG markup; `href(period)` is a bar's link, `label(period, n)` its
    name (`label(period, n, published, event)` when the archive tells the two dates apart),
    `show(period)` the text under it.

    A bar is in two parts when its articles are placed by both kinds of date: published
    (blue, above) and event (orange, at the foot), so a reader sees which the chart counts.
    Every text put in the markup is escaped here, so the result may be marked safe.
    """
    bars = layout(timeline(histogram), width, height)
    if not bars:
        return ""
    texts = [show(bar.period) for bar in bars]
    baseline = height - AXIS
    parts = [f'<svg class="chart chart-{variant}" viewBox="0 0 {width} {height}" role="group" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<line class="axis" x1="0" y1="{baseline + 0.5}" x2="{width}" y2="{baseline + 0.5}" '
             f'stroke="#6b6b6b" stroke-width="1"/>']
    for bar in bars:
        if not bar.count:
            continue  # an empty period: its slot stays empty, the table lists it with 0
        parts.append(_bar(bar, href, label, show))
    for centre, text in _labels(bars, texts, width):
        parts.append(f'<text class="period" x="{centre}" y="{height - 6}" text-anchor="middle" '
                     f'font-size="{FONT}" fill="#1a1a1a">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bar(bar: Bar, href, label, show) -> str:
    unknown = bar.period == UNKNOWN
    split = bar.published and bar.event and not unknown
    name = escape(label(bar.period, bar.count, bar.published, bar.event) if split
                  else label(bar.period, bar.count))
    fill = (OTHER_FILL if unknown else
            EVENT_FILL if bar.event == bar.count and bar.count else PUBLISHED_FILL)
    data = "" if unknown else f' data-period="{escape(bar.period)}" data-label="{escape(show(bar.period))}"'
    parts = [f'<a class="bar" href="{escape(href(bar.period))}" aria-label="{name}"{data}>'
             f"<title>{name}</title>",
             # the whole slot's height takes the pointer, so a drag can pass over short bars
             f'<rect class="hit" x="{bar.x}" y="0" width="{bar.width}" height="{bar.y + bar.height}" '
             f'fill="transparent"/>',
             f'<rect class="fill" x="{bar.x}" y="{bar.y}" width="{bar.width}" '
             f'height="{max(bar.height, 1)}" fill="{fill}"/>']
    if split:
        foot = round(bar.y + bar.height - bar.event_height, 1)
        parts.append(f'<rect class="event" x="{bar.x}" y="{foot}" width="{bar.width}" '
                     f'height="{max(bar.event_height, 1)}" fill="{EVENT_FILL}"/>')
    count = str(bar.count)
    if len(count) * CHAR_WIDTH <= bar.width / 0.8:  # the count only where it fits its slot
        parts.append(f'<text x="{bar.middle}" y="{round(bar.y - 3, 1)}" text-anchor="middle" '
                     f'font-size="{FONT}" fill="#1a1a1a">{count}</text>')
    parts.append("</a>")
    return "".join(parts)


def rows(histogram) -> list[tuple]:
    """The chart's figures for its table: every period of the time axis (empty ones with 0)
    as (period, count, published, event), the year-unknown row last."""
    return [(e[0], e[1], *(e[2:4] if len(e) >= 4 else (0, 0))) for e in timeline(histogram)]
