"""A query read once per request: parsed, compiled in both readings, and what could not be read.

Searching, exporting, suggesting and marking an article all start from the same plan, so a
query string is parsed and compiled once however many of them a request needs.  An opened
Archive makes plans with its own statistics (which typed syllables form words, words.py)
and keeps them; `plan()` here makes them without, for marking text outside any index.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .compile import Compiled, Segmenter, compile_tree
from .notes import Note, note
from .query import parse
from .snippets import Finder, key_finder, mark, snippet, unit_finder

PLANS_KEPT = 512  # plans of recent queries, for pages that ask the same query again
READINGS = ("strict", "loose")
NOTHING_TO_SEARCH = note("nothing_to_search")


@dataclass(frozen=True)
class Plan:
    """How one query string is searched and marked."""

    text: str
    tree: object | None  # the parsed tree, None for an empty query
    compiled: Compiled
    notes: tuple[Note, ...]  # parts of the query that could not be read, said plainly

    @property
    def empty(self) -> bool:
        """Typed, but with nothing searchable left: only punctuation or operators."""
        return self.tree is None and bool(self.text.strip())

    def finder(self, reading: str = "strict") -> Finder:
        """What a highlighter marks: the units as typed (strict), or every syllable (loose)."""
        compiled = self.compiled
        if reading == "strict" and compiled.units:
            return unit_finder(compiled.units)
        return key_finder(compiled.exact_keys, compiled.folded_keys)


def make_plan(query: str, segment: Segmenter | None = None) -> Plan:
    """The plan of a query string; any string has one."""
    parsed = parse(query)
    notes = tuple(parsed.notes)
    if parsed.tree is None and query.strip():
        notes += (NOTHING_TO_SEARCH,)
    return Plan(query, parsed.tree, compile_tree(parsed.tree, segment), notes)


@lru_cache(maxsize=PLANS_KEPT)
def plan(query: str) -> Plan:
    """The plan of a query string without an archive's statistics (names alone are joined)."""
    return make_plan(query)


class Highlighter:
    """Marks what a query matches in any text, as HTML with <mark>; the rest is escaped.

    Made by `Archive.highlighter(query)` it marks what that archive's search matched; made
    alone it knows no statistics, so only names typed with capitals are read as one word.

    >>> Highlighter("luong khanh").mark("Phường Lương Khánh Thiện <b>")
    'Phường <mark>Lương</mark> <mark>Khánh</mark> Thiện &lt;b&gt;'
    >>> Highlighter("Thụy Xuân").mark("Thủy Xuân và Thụy Xuân")
    'Thủy Xuân và <mark>Thụy Xuân</mark>'
    """

    def __init__(self, query: str | Plan, reading: str = "strict"):
        planned = query if isinstance(query, Plan) else plan(query)
        self._find = planned.finder(reading)

    def mark(self, text: str) -> str:
        """The whole text, escaped, with every match marked."""
        return mark(text, self._find)

    def snippet(self, text: str) -> str:
        """The passages of a text with the most matches, marked, as a results list shows them."""
        return snippet(text, self._find)
