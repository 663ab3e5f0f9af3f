"""Suggestions: the accented forms the archive writes for words typed without diacritics, and
a near spelling for a word the archive does not hold.

"luong khanh thien" → "Lương Khánh Thiện (46)"; "dong tamm" → "dong tam (95)".  Forms are
read from matching articles as their sources wrote them, as whole runs of syllables that no
punctuation parts; every count is the total the suggestion's own search gives (the click
searches the quoted form), never an estimate.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from whoosh import query as wq

from ..archive.normalise import has_diacritics

from .keys import SYLLABLE, exact_key, folded_in_place, folded_key, pair_keys, parted, syllables
from .query import Words
from .results import Suggestion

SAMPLE = 40  # matching articles read for the forms they write
MAX_SYLLABLES = 12
MIN_FREQUENT = 5  # articles a near spelling must be in to be offered
_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"

Count = Callable[[str], int]  # a query string → the total its search gives


def _plain_words(tree) -> list[str]:
    if tree is None:
        return []
    if isinstance(tree, Words):
        return [tree.text] if tree.field in (None, "title") and not tree.prefix else []
    if hasattr(tree, "part"):  # an exclusion suggests nothing
        return []
    parts = getattr(tree, "parts", ())
    return [w for part in parts for w in _plain_words(part)]


def _sequence_query(folded: list[str]) -> wq.Query:
    if len(folded) == 1:
        return wq.Or([wq.Term("text_folded", folded[0]), wq.Term("title_folded", folded[0])])
    pairs = pair_keys(folded)
    if len(pairs) == 1:
        return wq.Or([wq.Term("text_pairs", pairs[0]), wq.Term("title_pairs", pairs[0])])
    return wq.Or([wq.Phrase("text_pairs", pairs), wq.Phrase("title_pairs", pairs)])


def _forms_in(text: str, folded: list[str]) -> list[str]:
    """Where the text writes these folded syllables side by side, as it writes them: whole
    syllables, parted by nothing but spaces or a hyphen (as the index pairs them).

    >>> _forms_in("Phường Lương Khánh Thiện; lương, khánh; đ/c", ["luong", "khanh"])
    ['Lương Khánh']
    >>> _forms_in("Kì họp, kỳ họp thứ hai", ["ky", "hop"])
    ['Kì họp', 'kỳ họp']
    """
    plain = folded_in_place(text)
    if plain is not None:
        # Only where the folded letters stand in a row (i and y either way, as the keys make
        # them one) is the text cut into syllables: a long article is scanned once, in C.
        forms = []
        for found in _sequence(folded).finditer(plain):
            start, end = found.start(1), found.end(1)
            forms += _forms_at(text[start:end], plain[start:end], folded)
        return forms
    return _forms_at(text, None, folded)


def _sequence(folded: list[str]) -> re.Pattern:
    """Where the folded syllables may stand in a row in a folded text (overlapping matches)."""
    key = tuple(folded)
    pattern = _SEQUENCES.get(key)
    if pattern is None:
        letters = [re.sub("[iy]", "[iy]", re.escape(k)) for k in folded]
        # a lookahead, so that overlapping runs ("a a a" holds "a a" twice) are all found
        pattern = re.compile(r"(?<![^\W_])(?=(" + r"[\W_]+".join(letters) + r")(?![^\W_]))")
        if len(_SEQUENCES) >= 1024:
            _SEQUENCES.clear()
        _SEQUENCES[key] = pattern
    return pattern


_SEQUENCES: dict[tuple[str, ...], re.Pattern] = {}


def _forms_at(text: str, plain: str | None, folded: list[str]) -> list[str]:
    """The forms of the folded syllables in a text (or a slice of it), cut into syllables."""
    found = list(SYLLABLE.finditer(plain if plain is not None else text))
    keys = [m.group() if plain is not None else folded_key(m.group()) for m in found]
    keys = [folded_key(k) for k in keys]
    size = len(folded)
    forms = []
    for i in range(len(keys) - size + 1):
        if keys[i : i + size] != folded:
            continue
        window = found[i : i + size]
        if any(parted(text[a.end() : b.start()], text[a.start() : a.end()], text[b.start() : b.end()])
               or text[a.end() : b.start()].strip() == "/" for a, b in zip(window, window[1:])):
            continue
        forms.append(text[window[0].start() : window[-1].end()])
    return forms


def suggestions_for(matching, planned, stored_text, count: Count, frequency: Callable[[str, str], int],
                    limit: int = 3) -> list[Suggestion]:
    """Accented forms of a query typed without diacritics, most frequent first; else, for a
    word the archive does not hold, the query with the nearest frequent spelling.

    `matching(query)` gives the live documents a Whoosh query matches, in index order;
    `count(text)` the total of a search for the text; `frequency(field, key)` how many
    articles hold a key.
    """
    if has_diacritics(planned.text):
        return []
    words = " ".join(_plain_words(planned.tree))
    folded = [folded_key(s.text) for s in syllables(words)]
    if not folded or len(folded) > MAX_SYLLABLES:
        return []
    if any(not frequency("text_folded", k) and not frequency("title_folded", k) for k in folded):
        near = _near_spelling(words, folded, frequency)
        if near is None:
            return []
        total = count(clicked(near))
        return [Suggestion(near, total)] if total else []
    sample = matching(_sequence_query(folded))[:SAMPLE]
    spellings: dict[tuple[str, ...], Counter] = {}
    for docnum in sample:
        for form in _forms_in(stored_text(docnum), folded):
            if not has_diacritics(form):
                continue
            key = tuple(exact_key(s.text) for s in syllables(form, cleaned=True))
            spellings.setdefault(key, Counter())[form] += 1
    found = []
    for forms in spellings.values():
        shown = _display(forms)
        total = count(clicked(shown))
        if total:
            found.append(Suggestion(shown, total))
    found.sort(key=lambda s: (-s.count, s.text))
    return found[:limit]


def clicked(text: str) -> str:
    """The query a suggestion's link searches: quoted when it has several syllables.

    >>> clicked("Lương Khánh Thiện"), clicked("phường")
    ('"Lương Khánh Thiện"', 'phường')
    """
    return f'"{text}"' if len(SYLLABLE.findall(text)) > 1 else text


def _near_spelling(words: str, folded: list[str], frequency) -> str | None:
    """The query with each syllable the archive lacks replaced by the most frequent syllable
    one edit away (a letter deleted, added, changed, or two swapped), if every one has one."""
    out = list(folded)
    for i, key in enumerate(folded):
        if frequency("text_folded", key) or frequency("title_folded", key):
            continue
        candidates = [(frequency("text_folded", c), c) for c in _edits(key)]
        best = max(candidates, default=(0, ""))
        if best[0] < MIN_FREQUENT:
            return None
        out[i] = best[1]
    return " ".join(out)


def _edits(word: str) -> set[str]:
    """Every string one edit from a word (Norvig's four kinds).

    >>> len(_edits("tam")), "tam" in _edits("tamm"), "tam" in _edits("tma"), "tam" in _edits("tam")
    (251, True, True, False)
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | swaps | replaces | inserts) - {word, ""}


def _display(forms: Counter) -> str:
    # Prefer the form written with capitals (names), then the most frequent.
    return max(forms, key=lambda f: (f[:1].isupper(), forms[f]))
