"""Facet counts and the date chart from searchd's FACET rows, shown as the embedded index
shows them (facets.listed_values, facets.year_values): one presentation for both backends."""

from __future__ import annotations

import numpy as np

from ..columns import Facet
from ..facets import EVENT, PUBLISHED, listed_values, year_values
from ..request import UNKNOWN_YEAR
from ..results import FacetValue, Period
from .documents import VALUE_OFFSET


def facet_from_rows(facet: Facet, name: str, rows, selected: set, limit: int) -> tuple[FacetValue, ...]:
    """A facet's values from (stored id, count) rows."""
    return sized_from_rows(facet, name, rows, selected, limit)[0]


def sized_from_rows(facet: Facet, name: str, rows, selected: set,
                    limit: int | None) -> tuple[tuple[FacetValue, ...], int]:
    """A facet's values from (stored id, count) rows, and how many values it has in all
    (facets.listed_values): the rows hold every group, as the FACET asks for all."""
    pairs = sorted((int(v) - VALUE_OFFSET, int(c)) for v, c in rows)
    ids = np.array([i for i, _ in pairs], dtype=np.int64)
    counts = np.array([c for _, c in pairs], dtype=np.int64)
    return listed_values(facet, name, ids, counts, selected, limit)


def _periods(rows, label) -> list[Period]:
    """Periods from (period * 4 + kind, count) rows, ascending; period 0 left out."""
    table: dict[int, list[int]] = {}
    for value, count in rows:
        period, kind = divmod(int(value), 4)
        if period:
            entry = table.setdefault(period, [0, 0, 0])
            entry[0] += int(count)
            entry[1] += int(count) if kind == PUBLISHED else 0
            entry[2] += int(count) if kind == EVENT else 0
    return [Period(label(p), *table[p]) for p in sorted(table)]


def _unknown(rows) -> list[Period]:
    """The bucket of articles with no known year: (period 0 * 4 + kind, count) rows."""
    counts = [0, 0, 0]
    for value, count in rows:
        period, kind = divmod(int(value), 4)
        if not period:
            counts[0] += int(count)
            counts[1] += int(count) if kind == PUBLISHED else 0
            counts[2] += int(count) if kind == EVENT else 0
    return [Period(UNKNOWN_YEAR, *counts)] if counts[0] else []


def years(rows) -> tuple[Period, ...]:
    """facets.years_of from year_kind rows: per year, oldest first, then the unknown year."""
    return tuple(_periods(rows, str) + _unknown(rows))


def year_facet(rows, selected: set, limit: int | None) -> tuple[tuple[FacetValue, ...], int]:
    """The year facet and how many years it has in all (facets.year_values)."""
    return year_values(years(rows), selected, limit)


def histogram(rows) -> tuple[Period, ...]:
    """facets.histogram from month_kind rows (month is yyyymm, yyyy00 known to the year)."""
    months = [(int(v) // 4, c) for v, c in rows if int(v) // 4]
    if not months:
        return tuple(_unknown(rows))
    spans = [m // 100 for m, _ in months]
    if max(spans) - min(spans) <= 2 and not any(m % 100 == 0 for m, _ in months):
        return tuple(_periods(rows, lambda m: f"{m // 100:04d}-{m % 100:02d}") + _unknown(rows))
    by_year = [((int(v) // 4) // 100 * 4 + int(v) % 4, c) for v, c in rows]
    return years(by_year)
