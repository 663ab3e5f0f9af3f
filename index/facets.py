"""Filters, facet counts and the date histogram of a search, as array operations over columns.

Values ticked in one facet combine with OR, facets with AND.  A facet's counts take every
filter but its own, so that ticking a second value shows what it would add.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .columns import PLACE_FACETS, Columns
from .compile import normal_term
from .request import FACETS, PLACE_FILTERS, SearchRequest
from .results import FacetValue

COUNTED = (*FACETS, "category")  # facets counted for every search, in this order
PLACES = frozenset(PLACE_FACETS)


@dataclass
class Selection:
    """What a request's filters let through: one mask per ticked facet, and the dates."""

    masks: dict[str, np.ndarray]
    ids: dict[str, set]  # the value ids ticked per facet (years as text)
    dates: np.ndarray

    def allowed(self, leave_out: str | None = None) -> np.ndarray:
        """Documents every filter lets through, but for one facet's own (for its counts)."""
        mask = self.dates.copy()
        for name, selected in self.masks.items():
            if name != leave_out:
                mask &= selected
        return mask


def data_name(name: str, mentions: bool) -> str:
    """The arrays a facet is counted from: places over subjects, or over every ward named."""
    return f"{name}_all" if mentions and name in PLACES else name


def selection(columns: Columns, request: SearchRequest) -> Selection:
    """The masks of a request's facet values and date range."""
    masks: dict[str, np.ndarray] = {}
    ids: dict[str, set] = {}
    typed = {place: getattr(request, field) for field, place in PLACE_FILTERS.items()}
    typed.update({"term": tuple(normal_term(t) for t in request.terms),
                  "official": request.officials, "category": request.categories})
    for name, values in typed.items():
        if not values:
            continue
        facet = columns.facets[data_name(name, request.mentions)]
        chosen = set().union(*(facet.ids_matching(v) for v in values))
        ids[name] = chosen
        masks[name] = facet.mask_for(chosen, columns.size)
    if request.years:
        wanted = [int(y) for y in request.years]
        masks["year"] = np.isin(columns.year, wanted)
        ids["year"] = {str(y) for y in wanted}
    return Selection(masks, ids, date_mask(columns, request.date_from, request.date_to))


def date_mask(columns: Columns, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Documents dated within the range; an end excludes undated ones, a start does too."""
    mask = np.ones(columns.size, dtype=bool)
    if start:
        mask &= columns.day >= int(start.strftime("%Y%m%d"))
    if end:
        mask &= (columns.day <= int(end.strftime("%Y%m%d"))) & (columns.day > 0)
    return mask


def facet_counts(columns: Columns, matched: np.ndarray, chosen: Selection, limit: int,
                 mentions: bool = False) -> dict[str, tuple[FacetValue, ...]]:
    """Every counted facet's values over the matched documents, most frequent first."""
    return {name: facet_values(columns, name, matched & chosen.allowed(leave_out=name),
                               chosen.ids.get(name, set()), limit, mentions)
            for name in COUNTED}


def facet_values(columns: Columns, name: str, mask: np.ndarray, selected: set,
                 limit: int, mentions: bool = False) -> tuple[FacetValue, ...]:
    """One facet's values under the mask: the `limit` most frequent, and every selected one."""
    if name == "year":
        years, counts = np.unique(columns.year[mask & (columns.day > 0)], return_counts=True)
        values = [FacetValue(str(y), int(c), str(y) in selected) for y, c in zip(years, counts)]
        values.sort(key=lambda v: v.value, reverse=True)
        return tuple(values[:limit] + [v for v in values[limit:] if v.selected])
    facet = columns.facets[data_name(name, mentions)]
    counts = facet.count(mask)
    order = np.argsort(-counts, kind="stable")
    shown = [int(i) for i in order[:limit] if counts[i] > 0]
    shown += [i for i in selected if i not in shown]
    if name != "ward":
        return tuple(FacetValue(facet.values[i], int(counts[i]), i in selected) for i in shown)
    return tuple(FacetValue(facet.values[i], int(counts[i]), i in selected,
                            label=facet.values[i], now=facet.nows[i]) for i in shown)


def top_values(columns: Columns, name: str, limit: int | None = None) -> tuple[tuple[str, int], ...]:
    """A facet's values over the whole live index, most frequent first (for stats)."""
    facet = columns.facets[name]  # places: the wards articles are about
    counts = facet.count(columns.live)
    order = np.argsort(-counts, kind="stable")
    return tuple((facet.values[i], int(counts[i])) for i in order[:limit] if counts[i])


def years_of(columns: Columns, mask: np.ndarray) -> tuple[tuple[str, int], ...]:
    """Dated documents under the mask per year, oldest first."""
    years, counts = np.unique(columns.year[mask & (columns.day > 0)], return_counts=True)
    return tuple((str(y), int(c)) for y, c in zip(years, counts))


def histogram(columns: Columns, mask: np.ndarray) -> tuple[tuple[str, int], ...]:
    """Documents under the mask per year, or per month when the dates span three years or less."""
    days = columns.day[mask & (columns.day > 0)]
    if not len(days):
        return ()
    years = days // 10000
    if years.max() - years.min() <= 2:
        months, counts = np.unique(days // 100, return_counts=True)
        return tuple((f"{m // 100:04d}-{m % 100:02d}", int(c)) for m, c in zip(months, counts))
    return years_of(columns, mask)
