"""A map of Vietnam with a dot per place of a search's results, drawn as SVG on the server.

No tiles and no boundary file: the land is the gazetteer's own points (every commune before
and after July 2025), drawn faintly, which outlines the country and its islands.  Each dot
is an SVG link that filters the search by its place, so the map works without JavaScript,
and the machine serving it may be offline.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from html import escape

from ..archive import Point, country_points

# The frame: the mainland (102.1°E at Điện Biên to 109.5°E) and the islands out to
# Trường Sa (114.5°E), from 8.3°N (Cà Mau, Côn Đảo) to 23.4°N (Hà Giang).
WEST, EAST, NORTH, SOUTH = 101.8, 115.0, 23.7, 8.2
# Equirectangular, with longitudes shortened by the cosine of the frame's middle latitude,
# so that a degree east is as long as it is on the ground there (within 4% over the frame).
SHRINK = math.cos(math.radians((NORTH + SOUTH) / 2))
SCALE = 24.0  # viewBox units per degree of latitude
WIDTH = round((EAST - WEST) * SHRINK * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)
CELL = 2  # the land is drawn as the cells of this size holding a commune's point
# Dot radii, in viewBox units (the map is 305 across): an article's worth when few are
# counted, the largest dot's when many are, and the floor, to be seen and clicked.
PER_ARTICLE, LARGEST, SMALLEST = 3.0, 12.0, 1.5

DOT_FILL, DOT_EDGE = "#1f5f8b", "#0b3a5a"  # the edge: 11:1 on white, 3:1 on the land too
SELECTED_FILL, SELECTED_EDGE = "#b35900", "#5c2e00"
LAND_FILL = "#c9d2da"  # decorative: the dots' edges, not the land, carry the meaning
LABEL_FILL = "#4a4a4a"  # 8.9:1 on white
# The archipelagos, a commune's point each: named, or the eye takes them for specks.
ISLANDS = (("Hoàng Sa", Point(16.2, 112.1), "middle"), ("Trường Sa", Point(9.3, 114.6), "end"))


def project(point: Point) -> tuple[float, float]:
    """A point's place in the map's viewBox, north up.

    >>> project(Point(NORTH, WEST)), [round(v) for v in project(Point(SOUTH, EAST))] == [WIDTH, HEIGHT]
    ((0.0, 0.0), True)
    """
    x = (point.lon - WEST) * SHRINK * SCALE
    y = (NORTH - point.lat) * SCALE
    return round(x, 1), round(y, 1)


def radius(count: int, most: int) -> float:
    """A dot's radius when the largest count is `most`: its area proportional to its count,
    at PER_ARTICLE² per article until the largest dot would pass LARGEST; none below SMALLEST.

    >>> radius(1, 2), radius(4, 4), radius(100, 100), radius(25, 100), radius(1, 10_000)
    (3.0, 6.0, 12.0, 6.0, 1.5)
    """
    return round(max(SMALLEST, _proportional(count, most)), 1)


def _proportional(count: int, most: int) -> float:
    return min(PER_ARTICLE, LARGEST / math.sqrt(most)) * math.sqrt(count) if most > 0 else 0.0


def enlarged(count: int, most: int) -> bool:
    """Whether a dot is drawn at the floor, larger than its count's share of area.

    >>> enlarged(1, 10_000), enlarged(1, 2)
    (True, False)
    """
    return _proportional(count, most) < SMALLEST


@dataclass(frozen=True)
class Dot:
    """One place's dot: where, how large, how many articles, its link and its name."""

    value: str
    count: int
    x: float
    y: float
    r: float
    href: str
    label: str
    selected: bool = False


def layout(places, href, label, selected=frozenset()) -> list[Dot]:
    """Dots for (value, count, Point) entries, largest first, so that a smaller dot is
    drawn over a larger one it overlaps and stays clickable.

    >>> dots = layout([("A", 1, Point(21, 105.8)), ("B", 4, Point(10.8, 106.7))],
    ...               lambda v: "?" + v, lambda v, n: f"{v}: {n}")
    >>> [(d.value, d.r, d.href, d.label) for d in dots]
    [('B', 6.0, '?B', 'B: 4'), ('A', 3.0, '?A', 'A: 1')]
    >>> dots[0].y > dots[1].y  # Hồ Chí Minh City lies south of Hà Nội
    True
    """
    most = max((count for _, count, _ in places), default=0)
    dots = []
    for value, count, point in places:
        x, y = project(point)
        dots.append(Dot(value, count, x, y, radius(count, most), href(value), label(value, count),
                        value in selected))
    return sorted(dots, key=lambda d: -d.r)


@functools.lru_cache(maxsize=1)
def land() -> str:
    """The country as one SVG path: a run of cells per row where communes lie; made once.

    Rows of cells, not a circle per commune: 13,000 circles would weigh 400 kB a page.
    """
    rows: dict[int, set[int]] = {}
    for point in country_points():
        x, y = project(point)
        rows.setdefault(int(y // CELL), set()).add(int(x // CELL))
    runs = []
    for row, cells in sorted(rows.items()):
        ordered = sorted(cells)
        start = previous = ordered[0]
        for cell in ordered[1:] + [None]:
            if cell is not None and cell == previous + 1:
                previous = cell
                continue
            runs.append(f"M{start * CELL} {row * CELL}h{(previous - start + 1) * CELL}v{CELL}"
                        f"h-{(previous - start + 1) * CELL}z")
            if cell is not None:
                start = previous = cell
    return "".join(runs)


def svg(dots: list[Dot], title: str) -> str:
    """The map as inline SVG markup: the land, then every dot as a named link.

    Every text put in the markup is escaped here, so the result may be marked safe.
    """
    parts = [f'<svg class="place-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<path class="land" d="{land()}" fill="{LAND_FILL}" aria-hidden="true"/>',
             _island_names(),
             # the dots' colours once, on their group: a page may hold hundreds of dots
             f'<g fill="{DOT_FILL}" fill-opacity="0.55" stroke="{DOT_EDGE}" stroke-width="1">']
    for dot in dots:
        colours = f' fill="{SELECTED_FILL}" stroke="{SELECTED_EDGE}"' if dot.selected else ""
        name = escape(dot.label)
        parts.append(f'<a class="dot{" selected" if dot.selected else ""}" href="{escape(dot.href)}" '
                     f'aria-label="{name}"><title>{name}</title>'
                     f'<circle cx="{dot.x}" cy="{dot.y}" r="{dot.r}"{colours}/></a>')
    parts.append("</g></svg>")
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def _island_names() -> str:
    """The archipelagos' names under their points; hidden from screen readers, as the land is."""
    names = [f'<text x="{x}" y="{y}" text-anchor="{anchor}">{escape(name)}</text>'
             for name, point, anchor in ISLANDS for x, y in [project(point)]]
    return (f'<g class="islands" font-size="9" fill="{LABEL_FILL}" aria-hidden="true">'
            f'{"".join(names)}</g>')
