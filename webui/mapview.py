"""Blueprint "mapview": the map of a page's results, by ward or by province, for templates.

Templates call `place_map(request, links)`; the level is the URL's `map` parameter (`ward`,
the default, or `province`), a view of the map alone: the map's own switch sets it, and a
dot's link, which filters the search, goes back to wards (a province's dot shows its wards).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, g, request
from markupsafe import Markup

from ..archive import province_point, ward_point
from ..index import BadRequest

from . import i18n, placemap
from .params import Links
from .state import get_archive

bp = Blueprint("mapview", __name__)

# level → (the facet its dots are, and the search parameter a dot's link ticks; its points)
LEVELS = {"ward": ("ward", ward_point), "province": ("province", province_point)}
# Places drawn and listed at most, those with most articles first: a dot and its row weigh
# about 500 bytes (the link twice, the name three times); 200 made 110 kB of a search page
# over 6,500 articles, where the land is 9 kB.
MAX_PLACES = 200


@dataclass(frozen=True)
class Row:
    """A place of the table beside the map: its value, articles, link, and whether it is drawn."""

    value: str
    count: int
    href: str
    placed: bool


@dataclass(frozen=True)
class PlaceMap:
    """What a page shows of its map: the SVG, the words under it, the table, the switch."""

    title: str
    svg: Markup
    legend: str
    unplaced: str
    not_drawn: str
    rows: tuple[Row, ...]
    levels: tuple[tuple[str, str, bool], ...]  # (level, link, current)


def map_level(args) -> str:
    """The level the URL asks for; BadRequest names the parameter when it is neither.

    >>> map_level({}), map_level({"map": "province"})
    ('ward', 'province')
    """
    level = (args.get("map") or "ward").strip()
    if level not in LEVELS:
        raise BadRequest(f"{{map}} must be one of {', '.join(LEVELS)}, not {level[:40]!r}", ("map",),
                         code="choice", values={"choices": ", ".join(LEVELS), "value": level[:40]})
    return level


@bp.app_template_global()
def place_map(search_request, links: Links, fixed: tuple[str, str] | None = None) -> PlaceMap | None:
    """The map of the articles a search lists; None when it lists none.

    `links` is the page's (the level switch stays on it); `fixed` is the filter an entity
    page adds, kept by the dots' links to the search page, as ("official", name).
    """
    level = map_level(request.args)
    facet, point_of = LEVELS[level]
    try:
        spread, left_out = _spread(search_request, facet, point_of)
    except NotImplementedError:  # a backend that does not count spreads (searchd): no map
        return None
    if not spread.total:
        return None
    # a province's dot zooms in: its link filters by it and goes back to the wards' level
    pairs = [p for p in links.pairs if p != fixed and p[0] != "map"]
    filters = Links("/search", [fixed, *pairs] if fixed else pairs)  # what a dot's link narrows
    chosen = set(filters.selected(facet))
    t = i18n.translator(g.lang)
    shown = spread.values[:MAX_PLACES]
    placed = [(value, n, point) for value, n in shown if (point := point_of(value))]
    dots = placemap.layout(placed, lambda value: filters.toggle(facet, value), _labeller(t, chosen), chosen)
    drawn = {d.value for d in dots}
    title = t(f"map_title_{level}")
    left = len(spread.values) - len(shown)
    return PlaceMap(
        title=title, svg=Markup(placemap.svg(dots, title)),  # placemap.svg escapes what it writes
        legend=_legend(t, dots), unplaced=_unplaced(t, spread, level, left_out),
        not_drawn=t("map_not_drawn", n=_number(left)) if left else "",
        rows=tuple(Row(value, n, filters.toggle(facet, value), value in drawn) for value, n in shown),
        levels=tuple((name, _switch(links, name), name == level) for name in LEVELS))


def _spread(search_request, facet: str, point_of):
    """The search's spread over the facet, the values with a point counted; and how many
    articles name only places with a point past MAX_PLACES (those are not drawn)."""
    placeable = lambda value: point_of(value) is not None  # noqa: E731
    spread = get_archive().spread(search_request, facet, placeable)
    if len(spread.values) <= MAX_PLACES:
        return spread, 0
    kept = {value for value, _ in spread.values[:MAX_PLACES]}
    narrower = get_archive().spread(search_request, facet, lambda v: v in kept and placeable(v))
    return spread, narrower.without_counted - spread.without_counted


def _labeller(t, chosen: set[str]):
    """A dot's name, "Phường X, Quận Y, Hà Nội: 12 bài", saying when its link removes a filter."""
    def label(value: str, n: int) -> str:
        key = "map_dot_selected" if value in chosen else "map_dot"
        return t(key, place=value[:1].upper() + value[1:], count=_count(t, n))
    return label


def _number(n: int) -> str:
    return i18n.format_number(n, g.lang)


def _count(t, n: int) -> str:
    return t("map_count_one") if n == 1 else t("map_count", n=_number(n))


def _legend(t, dots) -> str:
    """How to read the dots' sizes; the largest dot comes first (placemap.layout)."""
    if not dots:
        return ""
    largest = dots[0]
    floored = any(placemap.enlarged(d.count, largest.count) for d in dots)
    return t("map_legend", count=_count(t, largest.count)) + (t("map_floor") if floored else "")


def _unplaced(t, spread, level: str, left_out: int) -> str:
    """How many of the listed articles have no dot, and why, counted: they name no place,
    only places without coordinates, or only places past the bound of those drawn."""
    missing = spread.without_value + spread.without_counted + left_out
    if not missing:
        return t("map_all_placed")
    reasons = [t(f"map_bare_{level}", n=_number(spread.without_value)) if spread.without_value else "",
               t("map_unknown", n=_number(spread.without_counted)) if spread.without_counted else "",
               t("map_left_out", n=_number(left_out)) if left_out else ""]
    return t("map_unplaced", n=_number(missing), total=_number(spread.total),
             reasons="; ".join(r for r in reasons if r))


def _switch(links: Links, level: str) -> str:
    """This page with the map at another level, its page kept, scrolled to the map."""
    pairs = links.pairs + ([("map", level)] if level != "ward" else [])
    return links.url(pairs) + "#map"
