"""Filters, facet counts and the date histogram of a search, as array operations over columns.

Values ticked in one facet combine with OR, facets with AND.  A facet's counts take every
filter but its own, so that ticking a second value shows what it would add.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .columns import PLACE_FACETS, Columns, within
from .compile import normal_term
from .request import FACETS, PLACE_FILTERS, UNKNOWN_YEAR, SearchRequest
from .results import FacetValue, Period

PUBLISHED, EVENT = 1, 2  # the kind column: which date an article is placed by

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
        wanted = [int(y) for y in request.years if y != UNKNOWN_YEAR]
        masks["year"] = (np.isin(columns.year, wanted) & (columns.day > 0)) | (
            (columns.day == 0) if UNKNOWN_YEAR in request.years else False)
        ids["year"] = set(request.years)
    return Selection(masks, ids, date_mask(columns, request.date_from, request.date_to))


def date_mask(columns: Columns, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Documents dated within the range; an end excludes undated ones, a start does too."""
    if not start and not end:
        return np.ones(columns.size, dtype=bool)
    return within(columns.day, int(start.strftime("%Y%m%d")) if start else None,
                  int(end.strftime("%Y%m%d")) if end else None, columns.periods)


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
        values = [FacetValue(p.period, p.count, p.period in selected, kinds=(p.published, p.event))
                  for p in reversed(years_of(columns, mask))]
        if values and values[0].value == UNKNOWN_YEAR:
            values.append(values.pop(0))  # newest first; the unknown year last, always shown
        shown = values[:limit] + [v for v in values[limit:] if v.selected or v.value == UNKNOWN_YEAR]
        shown += [FacetValue(y, 0, True) for y in sorted(selected - {v.value for v in shown})]
        return tuple(shown)
    facet = columns.facets[data_name(name, mentions)]
    counts = facet.count(mask)
    order = np.argsort(-counts, kind="stable")
    shown = [int(i) for i in order[:limit] if counts[i] > 0]
    shown += [i for i in selected if i not in shown]
    if name == "official":  # labelled with a distinguishing role
        return tuple(FacetValue(facet.values[i], int(counts[i]), i in selected,
                                label=f"{facet.values[i]} · {facet.notes[i]}" if facet.notes[i] else None)
                     for i in shown)
    if name != "ward":
        return tuple(FacetValue(facet.values[i], int(counts[i]), i in selected) for i in shown)
    return tuple(FacetValue(facet.values[i], int(counts[i]), i in selected,
                            label=facet.values[i], now=facet.notes[i]) for i in shown)


def top_values(columns: Columns, name: str, limit: int | None = None) -> tuple[tuple[str, int], ...]:
    """A facet's values over the whole live index, most frequent first (for stats)."""
    facet = columns.facets[name]  # places: the wards articles are about
    counts = facet.count(columns.live)
    order = np.argsort(-counts, kind="stable")
    return tuple((facet.values[i], int(counts[i])) for i in order[:limit] if counts[i])


def _periods(keys: np.ndarray, kinds: np.ndarray, label) -> list[Period]:
    """Documents per period key, with how many are placed by a published or an event date."""
    periods, index, counts = np.unique(keys, return_inverse=True, return_counts=True)
    published = np.bincount(index, weights=kinds == PUBLISHED, minlength=len(periods))
    event = np.bincount(index, weights=kinds == EVENT, minlength=len(periods))
    return [Period(label(int(p)), int(c), int(a), int(b))
            for p, c, a, b in zip(periods, counts, published, event)]


def _unknown(columns: Columns, mask: np.ndarray) -> list[Period]:
    """The bucket of documents whose year is unknown, when there are any."""
    undated = mask & (columns.day == 0)
    count = int(undated.sum())
    if not count:
        return []
    kinds = _kinds(columns)[undated]
    return [Period(UNKNOWN_YEAR, count, int((kinds == PUBLISHED).sum()), int((kinds == EVENT).sum()))]


def _kinds(columns: Columns) -> np.ndarray:
    return columns.kind if columns.kind is not None else np.zeros(columns.size, dtype=np.int64)


def years_of(columns: Columns, mask: np.ndarray) -> tuple[Period, ...]:
    """Documents under the mask per year, oldest first, then those whose year is unknown."""
    dated = mask & (columns.day > 0)
    known = _periods(columns.year[dated], _kinds(columns)[dated], str)
    return tuple(known + _unknown(columns, mask))


def histogram(columns: Columns, mask: np.ndarray) -> tuple[Period, ...]:
    """Documents under the mask per year, or per month when the dates span three years or
    less and each is known to its month; the year-unknown bucket last.  Every bar is the set
    its link lists: a year's bar is `from=Y&to=Y`, a month's `from=Y-M&to=Y-M`."""
    dated = mask & (columns.day > 0)
    days = columns.day[dated]
    if not len(days):
        return tuple(_unknown(columns, mask))
    years = days // 10000
    if years.max() - years.min() <= 2 and not (days % 10000 == 0).any():
        months = _periods(days // 100, _kinds(columns)[dated], lambda m: f"{m // 100:04d}-{m % 100:02d}")
        return tuple(months + _unknown(columns, mask))
    return years_of(columns, mask)
