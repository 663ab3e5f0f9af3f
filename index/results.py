"""What a search returns: the project's own records, with no Whoosh object inside."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from ..archive.article import Official, Ward, annotations_json, identity_json

from .request import SearchRequest


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with how many results have it (Datasette's shape)."""

    value: str
    count: int
    selected: bool = False
    label: str | None = None  # how to show it, when the value alone is not enough
    now: str | None = None  # for wards: the unit it belongs to since July 2025
    kinds: tuple[int, int] | None = None  # for years: placed by (published, event) dates

    def to_json(self) -> dict:
        data = {"value": self.value, "count": self.count, "selected": self.selected}
        if self.label is not None:
            data["label"] = self.label
        if self.now is not None:
            data["now"] = self.now
        if self.kinds is not None:
            data["published"], data["event"] = self.kinds
        return data


class Period(NamedTuple):
    """A bar of the date chart or a year's count: documents placed by a published date and
    by an event date are told apart (`published` + `event` may be less than `count` for
    articles of an older index that did not record it)."""

    period: str  # "2020", "2020-05", or "unknown" (the year nothing tells)
    count: int
    published: int = 0
    event: int = 0


@dataclass(frozen=True)
class Hit:
    """One result: what a results list shows, the snippet marked with [[ ]] around matches."""

    id: str
    source: str
    url: str | None
    title: str
    date: dt.date | None
    date_kind: str | None
    category: str | None
    wards: tuple[Ward, ...]
    terms: tuple[str, ...]
    officials: tuple[Official, ...]
    score: float | None
    snippet: str  # plain text with matches between MARK_START and MARK_END
    title_marked: str = ""
    date_partial: str | None = None  # the date at its precision: "2020-05", "--05-15" ...
    date_precision: str | None = None

    def to_json(self) -> dict:
        """The hit in the JSON shape of DESIGN.md, with the date's kind and its precision."""
        return {
            **identity_json(self),
            "date_kind": self.date_kind,  # "published", "event" or null, as an article's JSON
            "date_partial": self.date_partial,
            "date_precision": self.date_precision,
            **annotations_json(self),
            "score": round(self.score, 4) if self.score is not None else None,
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class Suggestion:
    """An accented form found in the archive for words typed without diacritics."""

    text: str
    count: int

    def __str__(self) -> str:
        return f"{self.text} ({self.count})"


@dataclass(frozen=True)
class SearchResult:
    """A page of results, the total, facet counts over the whole result set, suggestions."""

    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]]
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[str, ...] = ()  # parts of the query that could not be read, said plainly
    histogram: tuple[Period, ...] = ()  # per year or month over the result set, unknown last
    seconds: float = 0.0
    match: str = "strict"  # the reading listed: the words as typed, or "loose"
    # Articles the loose reading finds and the strict one does not, under the same filters:
    # what a strict search offers, and what a loose one holds beyond the words as typed.
    more: int = 0
    nothing_to_search: bool = False  # typed, but only punctuation or operators
    # How many values each facet has over the results in all (`facets` holds the first
    # facet_limit and the selected ones): more than shown, and a page offers the whole list.
    facet_sizes: dict[str, int] = field(default_factory=dict)
    # Some shard of a searchd archive did not answer and the archive allows answering
    # without it: totals, hits and counts are of the shards that answered.
    partial: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.limit))

    def to_json(self) -> dict:
        """The search in the JSON shape of DESIGN.md."""
        best = self.suggestions[0] if self.suggestions else None
        return {
            "query": self.request.query,
            "total": self.total,
            "page": self.request.page,
            "hits": [h.to_json() for h in self.hits],
            "facets": {name: [v.to_json() for v in values] for name, values in self.facets.items()},
            "suggestion": str(best) if best else None,
            "suggestions": [{"text": s.text, "count": s.count} for s in self.suggestions],
            "notes": list(self.notes),
            "match": self.match,
            "more": self.more,
            **({"partial": True} if self.partial else {}),  # said only when it is so
        }


@dataclass(frozen=True)
class Stats:
    """What an index holds, how large it is, and when and from what it was built."""

    location: str
    articles: int
    size_bytes: int
    built_at: str | None
    corpus: str | None
    files: int
    by_ward: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    by_term: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    by_year: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    by_official: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Spread:
    """How the articles a search lists spread over one facet: every value among them with
    its count (not a facet's top few), and the articles a caller's values leave out (a map:
    those it cannot place)."""

    values: tuple[tuple[str, int], ...]  # (value, articles), most frequent first
    total: int  # the articles the search lists
    without_value: int  # of them, those with no value of the facet
    without_counted: int  # those with values, none of which the caller counts
