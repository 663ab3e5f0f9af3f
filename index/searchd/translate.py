"""Compiled queries (compile.py's Whoosh trees) as searchd MATCH expressions.

The one parser and compiler define what a query means; this only writes the same tree in
searchd's extended syntax over the same key fields.  A node searchd cannot express the
same way raises NotTranslated, naming the query class, rather than answering differently.
"""

from __future__ import annotations

from whoosh import query as wq

from .dates import DATES_FIELD, cover
from .errors import NotTranslated
from .schema import EVERY_FIELD, FIELDS
from .tokens import EVERY, token

# What a subtree matches beyond a MATCH text: every article, or none.
EVERYTHING = object()
NOTHING = object()


def match_text(query: wq.Query, years: tuple[int, int] = (0, 0)):
    """The MATCH text of a query: a string, or EVERYTHING / NOTHING.  `years` are the first
    and last year the archive holds, which bound a date range typed in the query.

    >>> match_text(wq.And([wq.Term("text_folded", "dang"), wq.Phrase("text_pairs", ["luong khanh", "khanh thien"])]))
    '((@text_folded f_dang) (@text_pairs "g_luong_20_khanh g_khanh_20_thien"))'
    >>> match_text(wq.AndNot(wq.Every(), wq.Term("text_folded", "dang")))
    '((@every __every) -(@text_folded f_dang))'
    """
    return _write(query, years)


def positive(text) -> str:
    """A MATCH text that searchd can compute on its own (never a bare negation)."""
    if text is EVERYTHING:
        return f"(@{EVERY_FIELD} {EVERY})"
    return text


def _field(name: str) -> str:
    if name not in FIELDS or name == EVERY_FIELD:
        raise NotTranslated(f"queries on the field {name!r}")
    return name


def _write(node, years: tuple[int, int]):
    if isinstance(node, wq.Every):
        return EVERYTHING
    if node is wq.NullQuery or isinstance(node, type(wq.NullQuery)):
        return NOTHING
    if isinstance(node, wq.Term):
        return f"(@{_field(node.fieldname)} {token(node.text, node.fieldname)})"
    if isinstance(node, wq.Phrase):
        if node.slop != 1:
            raise NotTranslated("phrases with a slop")
        field = _field(node.fieldname)
        return f'(@{field} "{" ".join(token(w, field) for w in node.words)}")'
    if isinstance(node, wq.AndNot):  # before And: AndNot is no And subclass, but be explicit
        return _and_not(_write(node.a, years), _write(node.b, years))
    if isinstance(node, wq.AndMaybe):
        return _write(node.a, years)  # the optional side only ranks
    if isinstance(node, wq.And):
        return _and([_write(q, years) for q in node.subqueries])
    if isinstance(node, wq.Or):
        return _or([_write(q, years) for q in node.subqueries])
    if isinstance(node, wq.Prefix):
        raise NotTranslated("prefixes (a word ending in *)")
    if isinstance(node, wq.NumericRange):
        return _dates(node, years)
    raise NotTranslated(f"the query node {type(node).__name__}")


def _dates(node: wq.NumericRange, years: tuple[int, int]):
    """A day or month-and-day range (compile._days) as the date tokens it wholly holds."""
    if node.fieldname == "md" and node.start == node.end:
        keys = [f"md{node.start}"]
    elif node.fieldname == "day":
        keys = cover(node.start, node.end, years)
    else:
        raise NotTranslated(f"ranges of {node.fieldname!r}")
    return _or([f"(@{DATES_FIELD} {token(k, DATES_FIELD)})" for k in keys])


def _and(parts: list):
    if any(p is NOTHING for p in parts):
        return NOTHING
    texts = [p for p in parts if p is not EVERYTHING]
    if not texts:
        return EVERYTHING
    return texts[0] if len(texts) == 1 else "(" + " ".join(texts) + ")"


def _or(parts: list):
    if any(p is EVERYTHING for p in parts):
        return EVERYTHING
    texts = [p for p in parts if p is not NOTHING]
    if not texts:
        return NOTHING
    return texts[0] if len(texts) == 1 else "(" + " | ".join(texts) + ")"


def _and_not(kept, dropped):
    if kept is NOTHING or dropped is EVERYTHING:
        return NOTHING
    if dropped is NOTHING:
        return kept
    return f"({positive(kept)} -{dropped})"


def both(first, second):
    """Articles in both: the MATCH text of an And of two translated texts."""
    return _and([first, second])


def without(kept, dropped):
    """Articles of the first but not the second."""
    return _and_not(kept, dropped)
