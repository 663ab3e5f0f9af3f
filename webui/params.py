"""Request arguments → a SearchRequest, and links to this search with one thing changed.

The parameters are the CLI's: q, ward, term, official, year (repeatable), from, to
(YYYY, YYYY-MM or YYYY-MM-DD), sort, match (strict, or loose for other accents and
syllables apart too), page, limit (or size).  Every bad value raises
BadRequest with a message that names the parameter.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..index import MAX_PAGE_SIZE, MAX_QUERY_CHARS, BadRequest, SearchRequest

FACET_PARAMS = {"province": "provinces", "district": "districts", "ward": "wards",
                "now_province": "now_provinces", "now": "nows", "term": "terms",
                "official": "officials", "year": "years"}
SINGLE_PARAMS = ("q", "from", "to", "sort", "match", "mentions", "page", "limit", "size", "map")
# `map` (the map's level) is the page's, not the search's, but every link keeps it all the same
SEARCH_PARAMS = ("q", *FACET_PARAMS, "from", "to", "sort", "match", "mentions", "page", "limit",
                 "size", "map")
# The library's argument names as this page's parameters, for its error messages.
PARAMETER_OF = {"query": "q", "date_from": "from", "date_to": "to",
                **{field: name for name, field in FACET_PARAMS.items()}}


def search_request(args, max_query_chars: int = MAX_QUERY_CHARS,
                   max_page_size: int = MAX_PAGE_SIZE, page_size: int = 10,
                   **fixed) -> SearchRequest:
    """A SearchRequest from request arguments; `fixed` adds facet values of an entity page.

    SearchRequest reads and checks every value; its errors name this page's parameters.

    >>> search_request({"q": "đại hội", "page": "2"}).page
    2
    """
    query = _first(args, "q").strip()
    limit_name = "limit" if _first(args, "limit") else "size"
    if len(query) > max_query_chars:
        raise BadRequest(f"{{q}} is {len(query)} characters long; at most {max_query_chars} are "
                         "allowed", ("q",), code="too_long",
                         values={"length": len(query), "most": max_query_chars})
    facets = {field: tuple(_all(args, name)) for name, field in FACET_PARAMS.items()}
    for field, values in fixed.items():
        facets[field] = tuple(dict.fromkeys((*values, *facets.get(field, ()))))
    limit = _first(args, limit_name).strip() or page_size
    try:
        request = SearchRequest(
            query=query, **facets, date_from=_first(args, "from").strip() or None,
            date_to=_first(args, "to").strip() or None,
            sort=_first(args, "sort") or ("relevance" if query else "newest"),
            match=_first(args, "match") or "strict",
            mentions=_first(args, "mentions") or False,
            page=_first(args, "page").strip() or 1, limit=limit,
        )
    except BadRequest as exc:
        raise exc.renamed({**PARAMETER_OF, "limit": limit_name}) from None
    if request.limit > max_page_size:
        raise BadRequest(f"{{{limit_name}}} must be a whole number from 1 to {max_page_size}, "
                         f"not {str(limit)[:20]!r}", (limit_name,), code="whole",
                         values={"low": 1, "high": max_page_size, "value": str(limit)[:20]})
    return request


def _first(args, name: str) -> str:
    values = args.getlist(name) if hasattr(args, "getlist") else [args.get(name, "")]
    return values[0] if values and values[0] is not None else ""


def _all(args, name: str) -> list[str]:
    return args.getlist(name) if hasattr(args, "getlist") else [args[name]] if name in args else []


def search_pairs(args) -> list[tuple[str, str]]:
    """The search parameters of a request as (name, value) pairs, in a stable order."""
    pairs = []
    for name in SEARCH_PARAMS:
        if name in SINGLE_PARAMS:
            value = _first(args, name).strip()
            if value:
                pairs.append((name, value))
        else:
            pairs.extend((name, v) for v in dict.fromkeys(v.strip() for v in _all(args, name))
                         if v)
    return pairs


class Links:
    """URLs for "this search with one thing changed", every one a plain GET link.

    >>> links = Links("/search", [("q", "đại hội"), ("ward", "A"), ("page", "3")])
    >>> links.toggle("ward", "B")
    '/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i&ward=A&ward=B'
    >>> links.toggle("ward", "A")
    '/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i'
    """

    def __init__(self, path: str, pairs: list[tuple[str, str]]):
        self.path = path
        self.pairs = list(pairs)

    def url(self, pairs) -> str:
        """The path with these parameters, in one order, so one search has one URL."""
        order = {name: i for i, name in enumerate(SEARCH_PARAMS)}
        pairs = sorted(pairs, key=lambda pair: order.get(pair[0], len(order)))
        path = quote(self.path, safe="/")  # a ward page's path holds its name
        return f"{path}?{urlencode(pairs)}" if pairs else path

    def selected(self, name: str) -> list[str]:
        """The values given for a parameter."""
        return [v for n, v in self.pairs if n == name]

    def toggle(self, name: str, value: str) -> str:
        """Add a facet value (OR with the others of its facet), or remove it if it is there."""
        if value in self.selected(name):
            return self.remove(name, value)
        return self.url(_without_page(self.pairs) + [(name, value)])

    def remove(self, name: str, value: str) -> str:
        """This search without one value of a parameter, back on page 1."""
        return self.url([(n, v) for n, v in _without_page(self.pairs) if (n, v) != (name, value)])

    def change(self, **values) -> str:
        """Single-valued parameters set (None removes one); page 1 unless a page is given."""
        values = {k.rstrip("_"): v for k, v in values.items()}
        kept = [(n, v) for n, v in self.pairs if n not in values and n != "page"]
        return self.url(kept + [(n, str(v)) for n, v in values.items() if v not in (None, "")])

    def page(self, number: int) -> str:
        """This search on another page."""
        return self.change(page=number if number > 1 else None)

    def narrow(self, period: str) -> str:
        """This search within one year ("2020") or month ("2020-05"), as a date range; or
        among the articles whose year is unknown."""
        if period == "unknown":
            return self.url(_without_page(self.pairs) + [("year", period)])
        return self.change(from_=period, to=period)

    def article(self, article_id: str, page: int | None = None) -> str:
        """An article's page within this search: its back link and neighbours keep it all
        (on `page`, the page of results the article is on, when given)."""
        pairs = _without_page(self.pairs) if page is not None else self.pairs
        if page is not None and page > 1:
            pairs = pairs + [("page", str(page))]
        return Links(f"/article/{article_id}", []).url(pairs)

    def export(self, path: str) -> str:
        """The whole result set of this search at another path (an export)."""
        return Links(path, []).url([(n, v) for n, v in self.pairs if n not in ("page", "limit", "size")])


def _without_page(pairs):
    return [(n, v) for n, v in pairs if n != "page"]
