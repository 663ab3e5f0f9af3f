"""A request's filters as searchd WHERE conditions: the same selection facets.selection makes.

Values ticked in one facet combine with OR (an MVA IN), facets with AND; a facet's own
counts leave its condition out.  A typed value selects the ids the embedded Facet selects
(Facet.ids_matching over the same value tables), so "Lương Khánh Thiện" ticks the same wards.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..columns import Facet
from ..facets import chosen_values
from ..request import UNKNOWN_YEAR, SearchRequest
from .client import numbers
from .documents import VALUE_OFFSET
from .schema import mva

NONE = "id = 0"  # no article has document id 0 (shards.document_id is never 0)


@dataclass(frozen=True)
class Filters:
    """Conditions by facet name, the date range's, and the value ids ticked per facet."""

    by_facet: dict[str, str]
    dates: tuple[str, ...]
    ids: dict[str, set]

    def where(self, leave_out: str | None = None) -> list[str]:
        """Every condition, but for one facet's own (for its counts)."""
        return [*self.dates, *(c for name, c in self.by_facet.items() if name != leave_out)]


def filters(facets: dict[str, Facet], request: SearchRequest) -> Filters:
    """The conditions of a request's facet values and date range."""
    by_facet: dict[str, str] = {}
    ids: dict[str, set] = {}
    for name, data, chosen in chosen_values(facets, request):
        ids[name] = chosen
        by_facet[name] = (f"{mva(data)} IN {numbers(sorted(i + VALUE_OFFSET for i in chosen))}"
                          if chosen else NONE)
    if request.years:
        # year 0 is the unknown year: an article without a known year (day 0)
        years = sorted({0 if y == UNKNOWN_YEAR else int(y) for y in request.years})
        by_facet["year"] = f"year IN {numbers(years)}"
        ids["year"] = set(request.years)
    return Filters(by_facet, _dates(request), ids)


def _dates(request: SearchRequest) -> tuple[str, ...]:
    """columns.within as conditions: dated, and the whole date inside the range."""
    start, end = request.date_from, request.date_to
    if not start and not end:
        return ()
    found = ["day > 0"]
    if start:
        found.append(f"first_day >= {int(start.strftime('%Y%m%d'))}")
    if end:
        found.append(f"last_day <= {int(end.strftime('%Y%m%d'))}")
    return tuple(found)
