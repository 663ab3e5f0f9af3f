"""Suggestions: for words typed without diacritics, the accented forms the archive has.

"luong khanh thien" → "Lương Khánh Thiện (46)": the forms are read from matching articles
as their sources wrote them, and counted over the whole index by their exact keys.
"""

from __future__ import annotations

import re
from collections import Counter

from whoosh import query as wq

from ..archive.normalise import has_diacritics

from .keys import exact_key, folded_in_place, folded_key, pair_keys, syllables
from .query import Words
from .results import Suggestion

SAMPLE = 30  # matching articles read for the forms they write
MAX_SYLLABLES = 6
# Articles read to confirm a form stands in sequence; above this, the count is of articles
# with the folded sequence and every syllable of the form (rarely different, never less).
VERIFY = 100


def _plain_words(tree) -> list[str]:
    if tree is None:
        return []
    if isinstance(tree, Words):
        return [tree.text] if tree.field in (None, "title") else []
    parts = getattr(tree, "parts", ())
    return [w for part in parts for w in _plain_words(part)]


def _sequence_query(folded: list[str]) -> wq.Query:
    if len(folded) == 1:
        return wq.Or([wq.Term("text_folded", folded[0]), wq.Term("title_folded", folded[0])])
    pairs = pair_keys(folded)
    if len(pairs) == 1:
        return wq.Or([wq.Term("text_pairs", pairs[0]), wq.Term("title_pairs", pairs[0])])
    return wq.Or([wq.Phrase("text_pairs", pairs), wq.Phrase("title_pairs", pairs)])


_APART = r"(?:\s+|\s*[-/]\s*)"


def _forms_in(text: str, folded: list[str]) -> list[str]:
    """Where the text writes these folded syllables in sequence, as it writes them.

    >>> _forms_in("Phường Lương Khánh Thiện; lương, khánh; đ/c", ["luong", "khanh"])
    ['Lương Khánh']
    """
    plain = folded_in_place(text)
    if plain is not None:  # folding kept every position: search in C, not per syllable
        # A form is one name or word: syllables apart by spaces, a hyphen or a slash only.
        pattern = r"(?<![^\W_])" + _APART.join(map(re.escape, folded)) + r"(?![^\W_])"
        return [text[m.start() : m.end()] for m in re.finditer(pattern, plain)]
    found = syllables(text, cleaned=True)
    keys = [folded_key(s.text) for s in found]
    size = len(folded)
    return [
        text[found[i].start : found[i + size - 1].end]
        for i in range(len(keys) - size + 1)
        if keys[i : i + size] == folded
    ]


def suggestions_for(matching, planned, stored_text, limit: int = 3) -> list[Suggestion]:
    """Accented forms of a query (its Plan) typed without diacritics, most frequent first.

    `matching(query)` gives the live documents a Whoosh query matches, in index order.
    """
    if has_diacritics(planned.text):
        return []
    words = " ".join(_plain_words(planned.tree))
    folded = [folded_key(s.text) for s in syllables(words)]
    if not folded or len(folded) > MAX_SYLLABLES:
        return []
    sequence = _sequence_query(folded)
    sample = matching(sequence)[:SAMPLE]
    spellings: dict[tuple[str, ...], Counter] = {}
    for docnum in sample:
        for form in _forms_in(stored_text(docnum), folded):
            if not has_diacritics(form):
                continue
            key = tuple(exact_key(s.text) for s in syllables(form, cleaned=True))
            spellings.setdefault(key, Counter())[form] += 1
    found = []
    for key, forms in spellings.items():
        exact = wq.And([sequence] + [
            wq.Or([wq.Term("text_exact", k), wq.Term("title_exact", k)]) for k in key
        ])
        count = _count(matching, exact, key, folded, stored_text)
        if count:
            found.append(Suggestion(_display(forms), count))
    found.sort(key=lambda s: (-s.count, s.text))
    return found[:limit]


def _count(matching, query: wq.Query, key: tuple[str, ...], folded: list[str], stored_text) -> int:
    """Live articles that write the form: its syllables in sequence, in its diacritics."""
    docnums = matching(query)
    if len(key) == 1 or len(docnums) > VERIFY:
        return len(docnums)
    # The exact tier has no positions: "Lương Khánh Thiên ... thiện" has the folded
    # sequence and every exact syllable, but not the form; reading the text tells.
    return sum(
        1 for d in docnums
        if any(tuple(exact_key(s.text) for s in syllables(f, cleaned=True)) == key
               for f in _forms_in(stored_text(d), folded))
    )


def _display(forms: Counter) -> str:
    # Prefer the form written with capitals (names), then the most frequent.
    return max(forms, key=lambda f: (f[:1].isupper(), forms[f]))
