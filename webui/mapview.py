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
MAX_DOTS = 400  # dots drawn at most, the places with most articles: about 100 kB of page


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
        raise BadRequest(f"map must be one of {', '.join(LEVELS)}, not {level[:40]!r}")
    return level


@bp.app_template_global()
def place_map(search_request, links: Links, fixed: tuple[str, str] | None = None) -> PlaceMap | None:
    """The map of the articles a search lists; None when it lists none.

    `links` is the page's (the level switch stays on it); `fixed` is the filter an entity
    page adds, kept by the dots' links to the search page, as ("official", name).
    """
    level = map_level(request.args)
    facet, point_of = LEVELS[level]
    spread = get_archive().spread(search_request, facet, lambda value: point_of(value) is not None)
    if not spread.total:
        return None
    pairs = [p for p in links.pairs if p != fixed]
    filters = Links("/search", [fixed, *pairs] if fixed else pairs)
    t = i18n.translator(g.lang)
    count = lambda n: _count(t, n)  # noqa: E731
    chosen = set(filters.selected(facet))
    label = lambda value, n: t("map_dot_selected" if value in chosen else "map_dot",  # noqa: E731
                               place=value[:1].upper() + value[1:], count=count(n))
    placed = [(value, n, point_of(value)) for value, n in spread.values if point_of(value)]
    dots = placemap.layout(placed[:MAX_DOTS], lambda v: filters.toggle(facet, v), label, chosen)
    title = t(f"map_title_{level}")
    drawn = {d.value for d in dots}
    rows = tuple(Row(value, n, filters.toggle(facet, value), value in drawn) for value, n in spread.values)
    return PlaceMap(
        title=title, svg=Markup(placemap.svg(dots, title)),  # placemap.svg escapes what it writes
        legend=_legend(t, dots, count), unplaced=_unplaced(t, spread, level),
        not_drawn=t("map_not_drawn", n=_number(len(placed) - len(dots))) if len(placed) > len(dots) else "",
        rows=rows, levels=tuple((name, _switch(links, name), name == level) for name in LEVELS))


def _number(n: int) -> str:
    return i18n.format_number(n, g.lang)


def _count(t, n: int) -> str:
    return t("map_count_one") if n == 1 else t("map_count", n=_number(n))


def _legend(t, dots, count) -> str:
    if not dots:
        return ""
    largest = dots[0]
    floored = any(d.r == placemap.SMALLEST and d.count < largest.count for d in dots)
    return t("map_legend", count=count(largest.count)) + (t("map_floor") if floored else "")


def _unplaced(t, spread, level: str) -> str:
    """How many of the listed articles have no dot, and why, counted."""
    missing = spread.without_value + spread.without_counted
    if not missing:
        return t("map_all_placed")
    reasons = [t(f"map_bare_{level}", n=_number(spread.without_value)) if spread.without_value else "",
               t("map_unknown", n=_number(spread.without_counted)) if spread.without_counted else ""]
    return t("map_unplaced", n=_number(missing), total=_number(spread.total),
             reasons="; ".join(r for r in reasons if r))


def _switch(links: Links, level: str) -> str:
    """This page with the map at another level, its page kept, scrolled to the map."""
    pairs = links.pairs + ([("map", level)] if level != "ward" else [])
    return links.url(pairs) + "#map"
