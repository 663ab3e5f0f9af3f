"""Filters, facet counts and the date histogram of a search, as array operations over columns.

Values ticked in one facet combine with OR, facets with AND.  A facet's counts take every
filter but its own, so that ticking a second value shows what it would add.  Counting reads
the columns of the matched documents only (sorted docnums), so it costs what a search found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .columns import PLACE_FACETS, Columns, within
from .compile import normal_term
from .errors import BadRequest
from .request import FACETS, PLACE_FILTERS, UNKNOWN_YEAR, SearchRequest
from .results import FacetValue, Period, Spread

PUBLISHED, EVENT = 1, 2  # the kind column: which date an article is placed by

COUNTED = (*FACETS, "category")  # facets counted for every search, in this order
PLACES = frozenset(PLACE_FACETS)


@dataclass
class Selection:
    """What a request's filters let through: one mask per ticked facet, and the dates."""

    masks: dict[str, np.ndarray]
    ids: dict[str, set]  # the value ids ticked per facet (years as text)
    dates: np.ndarray | None  # None: no date range

    def keeps(self, docs: np.ndarray, leave_out: str | None = None) -> np.ndarray:
        """For each of the docnums, whether every filter lets it through, but for one
        facet's own (for its counts)."""
        keep = np.ones(len(docs), dtype=bool) if self.dates is None else self.dates[docs]
        for name, selected in self.masks.items():
            if name != leave_out:
                keep &= selected[docs]
        return keep

    def kept(self, docs: np.ndarray, leave_out: str | None = None) -> np.ndarray:
        """The docnums every filter lets through (but `leave_out`'s)."""
        if self.dates is None and not any(name != leave_out for name in self.masks):
            return docs
        return docs[self.keeps(docs, leave_out)]


def data_name(name: str, mentions: bool) -> str:
    """The arrays a facet is counted from: places over subjects, or over every ward named."""
    return f"{name}_all" if mentions and name in PLACES else name


def chosen_values(facets, request: SearchRequest):
    """(facet name, the name of its data, the value ids the request ticks) for each facet
    with a ticked value; `facets` maps a data name to what answers `ids_matching`.  Every
    backend reads a request's facet values through this."""
    typed = {place: getattr(request, field) for field, place in PLACE_FILTERS.items()}
    typed.update({"term": tuple(normal_term(t) for t in request.terms),
                  "official": request.officials, "category": request.categories})
    for name, values in typed.items():
        if values:
            data = data_name(name, request.mentions)
            yield name, data, set().union(*(facets[data].ids_matching(v) for v in values))


def selection(columns: Columns, request: SearchRequest) -> Selection:
    """The masks of a request's facet values and date range."""
    masks: dict[str, np.ndarray] = {}
    ids: dict[str, set] = {}
    for name, data, chosen in chosen_values(columns.facets, request):
        ids[name] = chosen
        masks[name] = columns.facets[data].mask_for(chosen, columns.size)
    if request.years:
        wanted = [int(y) for y in request.years if y != UNKNOWN_YEAR]
        masks["year"] = (np.isin(columns.year, wanted) & (columns.day > 0)) | (
            (columns.day == 0) if UNKNOWN_YEAR in request.years else False)
        ids["year"] = set(request.years)
    return Selection(masks, ids, date_mask(columns, request.date_from, request.date_to))


def date_mask(columns: Columns, start: dt.date | None, end: dt.date | None) -> np.ndarray | None:
    """Documents dated within the range; an end excludes undated ones, a start does too.
    None when there is no range."""
    if not start and not end:
        return None
    return within(columns.day, int(start.strftime("%Y%m%d")) if start else None,
                  int(end.strftime("%Y%m%d")) if end else None, columns.periods)


def facet_counts(columns: Columns, matched: np.ndarray, chosen: Selection, limit: int,
                 mentions: bool = False) -> dict[str, tuple[FacetValue, ...]]:
    """Every counted facet's values over the matched docnums, most frequent first."""
    return {name: shown for name, (shown, _) in
            sized_facet_counts(columns, matched, chosen, limit, mentions).items()}


def sized_facet_counts(columns: Columns, matched: np.ndarray, chosen: Selection, limit: int,
                       mentions: bool = False) -> dict[str, tuple[tuple[FacetValue, ...], int]]:
    """Every counted facet's values over the matched docnums, and how many it has in all."""
    everything = chosen.kept(matched)  # what a facet without a ticked value counts over
    return {name: sized_values(columns, name,
                               chosen.kept(matched, leave_out=name) if name in chosen.masks else everything,
                               chosen.ids.get(name, set()), limit, mentions)
            for name in COUNTED}


def one_facet(columns: Columns, matched: np.ndarray, chosen: Selection, name: str,
              mentions: bool = False) -> tuple[FacetValue, ...]:
    """Every value of one facet, counted as sized_facet_counts counts it (over the docs every
    filter but the facet's own lets through), most frequent first: the list a "more" link opens."""
    shown, _ = sized_values(columns, name, chosen.kept(matched, leave_out=name),
                            chosen.ids.get(name, set()), None, mentions)
    return shown


def facet_values(columns: Columns, name: str, docs: np.ndarray, selected: set,
                 limit: int, mentions: bool = False) -> tuple[FacetValue, ...]:
    """One facet's values over the docnums: the `limit` most frequent, and every selected one."""
    shown, _ = sized_values(columns, name, docs, selected, limit, mentions)
    return shown


def sized_values(columns: Columns, name: str, docs: np.ndarray, selected: set,
                 limit: int | None, mentions: bool = False) -> tuple[tuple[FacetValue, ...], int]:
    """facet_values (every value when `limit` is None), and how many values the facet has
    over the docnums in all: the length of its list without a limit."""
    if name == "year":
        return year_values(years_of(columns, docs), selected, limit)
    facet = columns.facets[data_name(name, mentions)]
    ids, counts = facet.tally(docs)
    return listed_values(facet, name, ids, counts, selected, limit)


def year_values(periods, selected: set, limit: int | None) -> tuple[tuple[FacetValue, ...], int]:
    """The year facet from its periods (oldest first, the unknown year last): newest first,
    the unknown year last and always shown, every selected year shown (every year when
    `limit` is None); and how many years it has in all.  Any backend that counts years shows
    them through this."""
    values = [FacetValue(p.period, p.count, p.period in selected, kinds=(p.published, p.event))
              for p in reversed(periods)]
    if values and values[0].value == UNKNOWN_YEAR:
        values.append(values.pop(0))  # newest first; the unknown year last, always shown
    limit = len(values) if limit is None else limit
    shown = values[:limit] + [v for v in values[limit:] if v.selected or v.value == UNKNOWN_YEAR]
    missing = sorted(selected - {v.value for v in values})  # ticked, but in no document
    shown += [FacetValue(y, 0, True) for y in missing]
    return tuple(shown), len(values) + len(missing)


def listed_values(facet, name: str, ids: np.ndarray, counts: np.ndarray, selected: set,
                  limit: int | None) -> tuple[tuple[FacetValue, ...], int]:
    """A facet's values from their counts (value ids ascending): the `limit` most frequent
    (all when None), ties to the value met first, and every selected one; and how many values
    it has in all.  Any backend that counts value ids shows them through this."""
    order = np.argsort(-counts, kind="stable")  # ties: the value met first in the archive
    count_of = dict(zip(ids.tolist(), counts.tolist()))
    shown = [int(i) for i in ids[order[:limit]]]
    shown += [i for i in selected if i not in shown]
    return _labelled(facet, name, shown, count_of, selected), \
        len(ids) + sum(1 for i in selected if i not in count_of)


def _labelled(facet, name: str, shown: list[int], count_of: dict, selected: set) -> tuple[FacetValue, ...]:
    """The value ids as FacetValues, each labelled as its facet shows it."""
    if name == "official":  # labelled with a distinguishing role
        return tuple(FacetValue(facet.values[i], count_of.get(i, 0), i in selected,
                                label=f"{facet.values[i]} · {facet.notes[i]}" if facet.notes[i] else None)
                     for i in shown)
    if name != "ward":
        return tuple(FacetValue(facet.values[i], count_of.get(i, 0), i in selected) for i in shown)
    return tuple(FacetValue(facet.values[i], count_of.get(i, 0), i in selected,
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


def _unknown(columns: Columns, docs: np.ndarray) -> list[Period]:
    """The bucket of documents whose year is unknown, when there are any."""
    undated = docs[columns.day[docs] == 0]
    if not len(undated):
        return []
    kinds = _kinds(columns, undated)
    return [Period(UNKNOWN_YEAR, len(undated), int((kinds == PUBLISHED).sum()),
                   int((kinds == EVENT).sum()))]


def _kinds(columns: Columns, docs: np.ndarray) -> np.ndarray:
    return columns.kind[docs] if columns.kind is not None else np.zeros(len(docs), dtype=np.int64)


def years_of(columns: Columns, docs: np.ndarray) -> tuple[Period, ...]:
    """The docnums per year, oldest first, then those whose year is unknown."""
    dated = docs[columns.day[docs] > 0]
    known = _periods(columns.day[dated] // 10000, _kinds(columns, dated), str)
    return tuple(known + _unknown(columns, docs))


def histogram(columns: Columns, docs: np.ndarray) -> tuple[Period, ...]:
    """The docnums per year, or per month when the dates span three years or less and each
    is known to its month; the year-unknown bucket last.  Every bar is the set its link
    lists: a year's bar is `from=Y&to=Y`, a month's `from=Y-M&to=Y-M`."""
    dated = docs[columns.day[docs] > 0]
    days = columns.day[dated]
    if not len(days):
        return tuple(_unknown(columns, docs))
    years = days // 10000
    if years.max() - years.min() <= 2 and not (days % 10000 == 0).any():
        months = _periods(days // 100, _kinds(columns, dated), lambda m: f"{m // 100:04d}-{m % 100:02d}")
        return tuple(months + _unknown(columns, docs))
    return years_of(columns, docs)


SPREADABLE = (*PLACE_FACETS, "term", "official", "category")  # facets a Spread can be of


def check_counted(name) -> None:
    """BadRequest unless the name is a facet counted (Archive.facet, on either backend)."""
    if name not in COUNTED:
        raise BadRequest(f"{str(name)[:40]!r} is not a facet; the facets are {', '.join(COUNTED)}")


def check_spreadable(name) -> None:
    """BadRequest unless a Spread can be counted over the facet (Archive.spread)."""
    if name not in SPREADABLE:
        raise BadRequest(f"{str(name)[:40]!r} is not a facet a spread is counted over; they are "
                         f"{', '.join(SPREADABLE)}")


def spread(columns: Columns, name: str, docs: np.ndarray, counted=None,
           mentions: bool = False) -> Spread:
    """Every value of a facet over the docnums, most frequent first (ties: the value met
    first in the archive, as facet_values orders them); and how many docnums carry no
    value, or only values for which `counted(value)` is false."""
    facet = columns.facets[data_name(name, mentions)]
    ids, counts = facet.tally(docs)
    order = np.argsort(-counts, kind="stable")
    values = tuple((facet.values[i], int(n)) for i, n in zip(ids[order].tolist(), counts[order].tolist()))
    usable = {i for i in ids.tolist() if counted is None or counted(facet.values[i])}

    def carrying(chosen: set[int]) -> int:
        return int(facet.mask_for(chosen, columns.size)[docs].sum()) if chosen else 0

    with_value = carrying(set(ids.tolist()))
    return Spread(values, int(len(docs)), int(len(docs)) - with_value, with_value - carrying(usable))
