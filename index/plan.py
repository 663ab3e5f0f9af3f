"""A query read once per request: parsed, compiled, and what could not be read.

Searching, exporting, suggesting and marking an article all start from the same plan, so a
query string is parsed and compiled once however many of them a request needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .compile import Compiled, compile_tree
from .query import parse
from .snippets import mark, snippet

PLANS_KEPT = 512  # plans of recent queries, for pages that ask the same query again


@dataclass(frozen=True)
class Plan:
    """How one query string is searched and marked."""

    text: str
    tree: object | None  # the parsed tree, None for an empty query
    compiled: Compiled
    notes: tuple[str, ...]  # parts of the query that could not be read, said plainly


@lru_cache(maxsize=PLANS_KEPT)
def plan(query: str) -> Plan:
    """The plan of a query string; any string has one."""
    parsed = parse(query)
    return Plan(query, parsed.tree, compile_tree(parsed.tree), tuple(parsed.notes))


class Highlighter:
    """Marks what a query matches in any text, as HTML with <mark>; the rest is escaped.

    >>> Highlighter("luong khanh").mark("Phường Lương Khánh Thiện <b>")
    'Phường <mark>Lương</mark> <mark>Khánh</mark> Thiện &lt;b&gt;'
    """

    def __init__(self, query: str):
        compiled = plan(query).compiled
        self._keys = (compiled.exact_keys, compiled.folded_keys)

    def mark(self, text: str) -> str:
        """The whole text, escaped, with every match marked."""
        return mark(text, *self._keys)

    def snippet(self, text: str) -> str:
        """The passages of a text with the most matches, marked, as a results list shows them."""
        return snippet(text, *self._keys)
