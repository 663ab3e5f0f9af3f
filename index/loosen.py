"""A query without its field names and quotes: the words alone, to try when it finds nothing.

Only what the query asks for is loosened: a word kept out (-x, NOT x) stays out as typed, and
a date clause, which no plain word can stand for, is dropped.
"""

from __future__ import annotations

from .query import And, DateRange, Not, Or, Words, parse


def without_fields(query: str) -> str | None:
    """The query's words with no field names, quotes or dates; None if it has none of them.

    >>> without_fields('title:"nhiệm kỳ" ward:"Lương Khánh Thiện" date:2020 -"hội nghị"')
    'nhiệm kỳ Lương Khánh Thiện -"hội nghị"'
    >>> without_fields('"đại hội" OR (hội nghị term:2020-2025)'), without_fields("đại hội")
    ('đại hội OR (hội nghị 2020-2025)', None)
    """
    tree = parse(query).tree
    if tree is None or not _loosens(tree):
        return None
    loosened = _plain(tree, top=True)
    return loosened if loosened and parse(loosened).tree != tree else None


def _loosens(node) -> bool:
    """Whether a positive part of the tree has a field, a phrase or a date."""
    if isinstance(node, Words):
        return node.field is not None or node.phrase
    if isinstance(node, DateRange):
        return True
    if isinstance(node, (And, Or)):
        return any(_loosens(p) for p in node.parts)
    return False  # what a Not keeps out stays as typed


def _plain(node, top: bool = False) -> str:
    if isinstance(node, Words):
        if node.phrase and not _reads_as_words(node.text):
            return f'"{node.text}"'  # unquoted it would be an operator, a field or a bracket
        return node.text + ("*" if node.prefix else "")
    if isinstance(node, DateRange):
        return ""
    if isinstance(node, Not):
        return "-" + _typed(node.part)
    parts = [text for text in (_plain(p) for p in node.parts) if text]
    if isinstance(node, Or):
        joined = " OR ".join(parts)
        return joined if top or len(parts) < 2 else f"({joined})"
    joined = " ".join(parts)
    return joined if top or len(parts) < 2 else f"({joined})"


def _reads_as_words(text: str) -> bool:
    """Whether a phrase's text, unquoted, is read back as the same words.

    >>> [_reads_as_words(text) for text in ("hội nghị", "OR", "-x", "a:b")]
    [True, False, False, False]
    """
    return not (set(text) & set('():"') or text.startswith("-")
                or set(text.split()) & {"AND", "OR", "NOT", "&&", "||"})


def _typed(node) -> str:
    """A part kept out, written as the parser reads it back."""
    if isinstance(node, Words):
        name = f"{node.field}:" if node.field else ""
        text = f'"{node.text}"' if node.phrase else node.text + ("*" if node.prefix else "")
        return name + text
    if isinstance(node, DateRange):
        return "date:" + _range(node)
    if isinstance(node, Not):
        return "(NOT " + _typed(node.part) + ")"
    joiner = " OR " if isinstance(node, Or) else " "
    return "(" + joiner.join(_typed(p) for p in node.parts) + ")"


def _range(node: DateRange) -> str:
    if node.month_day is not None:
        return f"--{node.month_day // 100:02d}-{node.month_day % 100:02d}"
    start = node.start.isoformat() if node.start else ""
    end = node.end.isoformat() if node.end else ""
    return start if start == end else f"{start}..{end}"
