"""The embedded backend's scores on searchd: one set of scored keywords per query.

The embedded archive lists a reading (strict, or loose) but scores every listed article by
the loose reading's query, its optional boosts included (search.py: `loose.scores_of`), and
lifts the tiers by a constant.  searchd scores an article by the keywords of the MATCH that
selects it, and a keyword written twice in one MATCH takes one of its boosts by rules of
its parser's own.  So the MATCH a relevance order sends is rewritten: each keyword carries
the boost the loose query gives it (0 when the loose query does not score it: the strict
reading's exact pairs, a tier's extra keywords), and the loose query's scored keywords
are written before it, OR'ed with the token every article holds: a side that ranks and
never selects.  (searchd 2.2's own MAYBE selects like AND, and with a NOT beside
it selects nothing: measured, so not used.)
"""

from __future__ import annotations

import re

from whoosh import query as wq

from ..evaluate import B, K1, LENGTH_FIELD
from .schema import EVERY_FIELD, FIELDS
from .tokens import EVERY, token

# The embedded ranking (evaluate.py) written as searchd's expression ranker: per scored field,
# BM25 with that field's length (title tiers by the title's, text tiers by the text's) and
# the schema's field boost (titles twice), summed; the query's own boosts (EXACT_BOOST,
# PAIR_BOOST, compile.py) ride on its keywords as `^` (below), which scales their idf.
# searchd's expressions see a field's keywords together: `tf_idf` (their occurrences times
# idf) over the field's mean occurrence (`hit_count/word_count`) is the saturation of
# BM25 exact for one keyword and close for several.  `user_weight` only names the field.
# searchd's WEIGHT() is an integer, hence the scale; its plain idf is log(N/n) over
# 2·log(N+1), the same for every article of a shard.
WEIGHT_SCALE = 1_000_000
SCORED_FIELDS = tuple(LENGTH_FIELD)
UNSCORED_WEIGHT = 99


def ranker(mean_lengths: dict[str, float]) -> str:
    """The OPTION text of the ranking, for the archive's mean length of each length field."""
    boosts = field_boosts()
    formula = "0"
    for number, name in reversed(list(enumerate(SCORED_FIELDS, 1))):
        length = LENGTH_FIELD[name]
        mean = max(float(mean_lengths.get(length, 1.0)), 1.0)
        norm = f"({1 - B:g} + {B:g} * {length}_len / {mean:.6g})"
        bm25 = f"{boosts[name]:g} * tf_idf * {K1 + 1:g} / (hit_count / word_count + {K1:g} * {norm})"
        formula = f"IF(user_weight == {number}, {bm25}, {formula})"
    weights = ", ".join([f"{n}={i}" for i, n in enumerate(SCORED_FIELDS, 1)] +
                        [f"{n}={UNSCORED_WEIGHT}" for n in FIELDS if n not in SCORED_FIELDS])
    return (f"ranker=expr('sum({formula}) * {WEIGHT_SCALE}'), idf='plain,tfidf_unnormalized', "
            f"field_weights=({weights})")


def field_boosts() -> dict[str, float]:
    """Each scored field's boost in the embedded schema (titles count twice)."""
    from ..schema import make_schema

    schema = make_schema()
    return {name: float(getattr(schema[name].format, "field_boost", 1.0) or 1.0) for name in SCORED_FIELDS}


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
    """The MATCH text selecting the same articles, scored by these keyword weights.

    Every scored keyword stands first, on its own, OR'ed with the every-token: searchd then
    counts it wherever the article holds it (a keyword inside a phrase, or on an AND branch
    the article does not match, would otherwise go uncounted), and a keyword written again
    in the selecting text takes the first one's boost (measured: the first written wins).
    """
    scored = " | ".join(f"(@{field} {_boosted(word, weight)})" for word, (field, weight) in weights.items()
                        if weight)
    if not scored:
        return match
    text = _KEYWORD.sub(lambda found: _boosted(found.group(1), weights.get(found.group(1), (None, 0.0))[1]),
                        match)
    return f"(({scored} | (@{EVERY_FIELD} {EVERY})) {text})"


def _boosted(word: str, weight: float) -> str:
    return word if weight == 1 else f"{word}^{weight:g}"
