"""The embedded backend's scores on searchd: one set of scored keywords per query.

The embedded archive lists a reading (strict, or loose) but scores every listed article by
the loose reading's query, its optional boosts included (search.py: `loose.scores_of`), and
lifts the tiers by a constant.  searchd scores an article by the keywords of the MATCH that
selects it, and a keyword written twice in one MATCH takes one of its boosts by rules of
its parser's own.  So the MATCH a relevance order sends is rewritten: each keyword carries
the boost the loose query gives it (0 when the loose query does not score it: the strict
reading's exact pairs, a tier's extra keywords), and the loose query's scored keywords
the MATCH lacks are added beside it, OR'ed with the token every article holds: a side that
ranks and never selects.  (searchd 2.2's own MAYBE selects like AND, and with a NOT beside
it selects nothing: measured, so not used.)
"""

from __future__ import annotations

import re

from whoosh import query as wq

from .connections import SCORED_FIELDS
from .schema import EVERY_FIELD
from .tokens import EVERY, token

# A keyword of a MATCH text (tokens.py: ASCII, a field letter and "_"), with its boost if
# written; "@field" names and the upper-case operators are not keywords.
_KEYWORD = re.compile(r"(?<![@\w^.])([a-z]_[0-9a-z_]*)(\^[0-9.]+)?")


def keyword_weights(query: wq.Query) -> dict[str, tuple[str, float]]:
    """Each scored keyword of a query (its token) with its field and summed boost: what the
    evaluator multiplies that keyword's BM25 by, over every place it stands.  Excluded
    words score nothing."""
    weights: dict[str, tuple[str, float]] = {}

    def add(field: str, key: str, boost: float) -> None:
        if field in SCORED_FIELDS:
            written = token(key, field)
            weights[written] = (field, weights.get(written, (field, 0.0))[1] + boost)

    def walk(node, boost: float) -> None:
        boost *= getattr(node, "boost", 1.0)
        if isinstance(node, wq.Term):
            add(node.fieldname, node.text, boost)
        elif isinstance(node, wq.Phrase):
            for word in node.words:
                add(node.fieldname, word, boost)
        elif isinstance(node, wq.AndNot):
            walk(node.a, boost)
        elif isinstance(node, wq.AndMaybe):
            walk(node.a, boost)
            walk(node.b, boost)
        elif isinstance(node, (wq.And, wq.Or)):
            for part in node.subqueries:
                walk(part, boost)

    walk(query, 1.0)
    return weights


def ranked(match: str, weights: dict[str, tuple[str, float]]) -> str:
    """The MATCH text selecting the same articles, scored by these keyword weights."""
    present = set()

    def reweigh(found: re.Match) -> str:
        word = found.group(1)
        present.add(word)
        weight = weights.get(word, (None, 0.0))[1]
        return word if weight == 1 else f"{word}^{weight:g}"

    text = _KEYWORD.sub(reweigh, match)
    extra = [f"(@{field} {word}" + ("" if weight == 1 else f"^{weight:g}") + ")"
             for word, (field, weight) in weights.items() if word not in present and weight]
    if not extra:
        return text
    return f"({text} ({' | '.join(extra)} | (@{EVERY_FIELD} {EVERY})))"
