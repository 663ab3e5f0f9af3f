"""Query trees to Whoosh queries: folded keys decide what matches, the rest decides the order.

Every word must match on its folded key (so "luong khanh thien" finds "Lương Khánh Thiện"),
in the title or the text.  On top of that, optional clauses lift:
  - documents with the query's own diacritics (when it has any), via the exact tier;
  - documents where neighbouring query words stand side by side, via the pairs tier;
  - title matches, via the title fields' boost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as wq

from archive.normalise import has_diacritics

from .analysis import exact_key, folded_key, pair_keys, syllables
from .query import And, DateRange, Not, Or, Words
from .schema import facet_key

EXACT_BOOST = 1.5  # the same diacritics as typed
PAIR_BOOST = 2.0  # words side by side, as typed


@dataclass
class Compiled:
    """A Whoosh query that decides matching, and the keys a highlighter should mark."""

    query: wq.Query
    exact_keys: set[str] = field(default_factory=set)
    folded_keys: set[str] = field(default_factory=set)
    phrases: list[list[str]] = field(default_factory=list)  # folded keys, for suggestions


def compile_tree(tree) -> Compiled:
    """Compile a parsed query; an empty tree matches every article."""
    compiled = Compiled(wq.Every())
    if tree is None:
        return compiled
    required, boosts = _compile(tree, compiled)
    if isinstance(required, _Negative):  # only exclusions: everything but them
        required = wq.AndNot(wq.Every(), required.query)
    compiled.query = wq.AndMaybe(required, wq.Or(boosts)) if boosts else required
    return compiled


@dataclass
class _Negative:
    query: wq.Query


def _compile(node, compiled: Compiled):
    if isinstance(node, Words):
        return _words(node, compiled)
    if isinstance(node, DateRange):
        start = int(node.start.strftime("%Y%m%d")) if node.start else 10000101
        end = int(node.end.strftime("%Y%m%d")) if node.end else 99991231
        return wq.NumericRange("day", start, end), []
    if isinstance(node, Not):
        inner, _ = _compile(node.part, Compiled(wq.NullQuery))  # excluded words are not marked
        if isinstance(inner, _Negative):
            return inner.query, []  # NOT NOT x is x
        return _Negative(inner), []
    if isinstance(node, And):
        return _and(node, compiled)
    if isinstance(node, Or):
        parts = [_compile(p, compiled) for p in node.parts]
        positives = [q if not isinstance(q, _Negative) else wq.AndNot(wq.Every(), q.query)
                     for q, _ in parts]
        return wq.Or(positives), [b for _, boosts in parts for b in boosts]
    raise TypeError(f"unknown query node {node!r}")


def _and(node: And, compiled: Compiled):
    positives, negatives, boosts = [], [], []
    for part in node.parts:
        query, part_boosts = _compile(part, compiled)
        (negatives if isinstance(query, _Negative) else positives).append(query)
        boosts.extend(part_boosts)
    boosts.extend(_proximity(node))
    if not positives:
        return _Negative(wq.Or([n.query for n in negatives])), boosts
    required = wq.And(positives) if len(positives) > 1 else positives[0]
    if negatives:
        required = wq.AndNot(required, wq.Or([n.query for n in negatives]))
    return required, boosts


def _proximity(node: And) -> list[wq.Query]:
    """Neighbouring plain words of the query found side by side in the article."""
    plain = [p for p in node.parts if isinstance(p, Words) and p.field in (None, "title")]
    keys = [folded_key(s.text) for p in plain for s in syllables(p.text)]
    pairs = pair_keys(keys)
    return [wq.Or([wq.Term("text_pairs", p, boost=PAIR_BOOST), wq.Term("title_pairs", p, boost=PAIR_BOOST)])
            for p in pairs]


_TERM = re.compile(r"(\d{4})\s*[-–—]\s*(\d{2,4})")


def _words(node: Words, compiled: Compiled):
    if node.field == "ward":
        return wq.Term("ward", facet_key(node.text)), []
    if node.field == "official":
        return wq.Term("official", facet_key(node.text)), []
    if node.field == "category":
        return wq.Term("category", facet_key(node.text)), []
    if node.field == "term":
        return wq.Term("term", normal_term(node.text)), []
    found = syllables(node.text)
    if not found:
        return wq.NullQuery, []
    folded = [folded_key(s.text) for s in found]
    exact = [exact_key(s.text) for s in found]
    compiled.folded_keys.update(folded)
    marked = has_diacritics(node.text)
    if marked:
        compiled.exact_keys.update(exact)
    compiled.phrases.append(folded)
    where = ("title",) if node.field == "title" else ("text", "title")
    # A quoted phrase, or one token that holds several syllables ("2020-2025"), keeps its order.
    if len(folded) > 1 and (node.phrase or len(found) > 1):
        pairs = pair_keys(folded)
        required = wq.Or([_pairs(f"{w}_pairs", pairs) for w in where])
    else:
        required = wq.Or([wq.Term(f"{w}_folded", folded[0]) for w in where])
    boosts = []
    if marked:
        boosts = [wq.Or([wq.Term(f"{w}_exact", e, boost=EXACT_BOOST) for w in where for e in exact])]
    return required, boosts


def _pairs(fieldname: str, pairs: list[str]) -> wq.Query:
    if len(pairs) == 1:
        return wq.Term(fieldname, pairs[0])
    return wq.Phrase(fieldname, pairs)


def normal_term(text: str) -> str:
    """A term as the index keeps it: '2020 – 2025' and '2020-25' become '2020-2025'.

    >>> normal_term("2020 – 25")
    '2020-2025'
    """
    match = _TERM.search(text)
    if not match:
        return text.strip()
    start, end = match.groups()
    if len(end) == 2:
        end = start[:2] + end
    return f"{start}-{end}"
