"""What to try when a search finds nothing: other searches, each with the total it lists.

Each alternative is this search with one thing changed: a suggested spelling, loose
matching, one filter or the dates removed, the query without field names and quotes.  Its
total is counted by running the very parameters its link carries, as the linked page reads
them, so the number shown is the number the reader gets.  Those that would find nothing
too are left out: a link to another empty page helps no one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from werkzeug.datastructures import MultiDict

from ..index import BadRequest, clicked, without_fields

from .params import FACET_PARAMS, Links, search_request


@dataclass(frozen=True)
class Alternative:
    """A search to try: what it changes (`kind`, and the text it names), its link and total."""

    kind: str  # "suggestion", "loose", "without", "without_dates", "without_all", "plain"
    text: str
    href: str
    total: int
    vietnamese: bool = True  # whether `text` is Vietnamese content (a query, a place, a name)


def alternatives(archive, links: Links, result, selected, config, unread=(),
                 **fixed) -> list[Alternative]:
    """The searches worth trying instead of an empty one, in the order they are offered.

    `selected` is the page's (parameter, value, label) of every filter; `unread` the date
    parameters the page could not read (it searched without them, and so do these); `fixed`
    the facet values of an entity page, which no link can remove.
    """
    pairs = [(n, v) for n, v in links.pairs if n != "page" and n not in unread]
    count = _counter(archive, config, fixed)
    found = [Alternative("suggestion", s.text, links.change(q=clicked(s.text)), s.count)
             for s in result.suggestions]
    query = result.request.query
    if query and result.request.match == "strict":
        found.append(_alternative("loose", "", links, _set(pairs, "match", "loose"), count))
    for name, value, label in selected:
        if name in FACET_PARAMS:
            found.append(_alternative("without", label, links,
                                      [p for p in pairs if p != (name, value)], count,
                                      vietnamese=name != "year"))
    if any(n in ("from", "to") for n, _ in pairs):
        found.append(_alternative("without_dates", "", links,
                                  [p for p in pairs if p[0] not in ("from", "to")], count))
    filters = [p for p in pairs if p[0] in FACET_PARAMS or p[0] in ("from", "to")]
    if len(filters) > 1:  # no one filter is to blame: all of them together
        found.append(_alternative("without_all", "", links,
                                  [p for p in pairs if p not in filters], count))
    plain = without_fields(query) if query else None
    if plain:
        found.append(_alternative("plain", plain, links, _set(pairs, "q", plain), count))
    return [a for a in found if a is not None and a.total > 0]


def _set(pairs, name: str, value: str) -> list[tuple[str, str]]:
    return [(n, v) for n, v in pairs if n != name] + [(name, value)]


def _alternative(kind, text, links: Links, pairs, count, vietnamese=True) -> Alternative | None:
    total = count(pairs)
    return None if total is None else Alternative(kind, text, links.url(pairs), total, vietnamese)


def _counter(archive, config, fixed):
    """How many articles the page at these parameters lists (None if it would refuse them)."""
    def count(pairs) -> int | None:
        try:
            request = search_request(MultiDict(pairs), max_query_chars=config["MAX_QUERY_CHARS"],
                                     max_page_size=config["MAX_PAGE_SIZE"],
                                     page_size=config["PAGE_SIZE"], **fixed)
        except BadRequest:
            return None
        return archive.search(replace(request, page=1, limit=1, facet_limit=0)).total
    return count
