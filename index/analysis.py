"""One definition of how Vietnamese text becomes index keys, for documents and queries alike.

Text is cleaned (NFC, look-alike Đ, spaces) and cut into syllables; each syllable gives an
exact key (lower case, canonical tone placement) and a folded key (no marks, đ→d), and
neighbouring syllables give folded pairs that make phrases and proximity cheap to match.

Whoosh pickles the schema, and with it these analyzer classes, into the index: they must stay
importable under these names, or older indexes stop opening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh.analysis import Composable, Token

from archive.normalise import canonical_tones, clean_text, fold

__all__ = [
    "Syllable",
    "syllables",
    "exact_key",
    "folded_key",
    "pair_keys",
    "ExactAnalyzer",
    "FoldedAnalyzer",
    "PairAnalyzer",
]

# A syllable is a run of letters or digits; "2020-2025", "đ/c" and "12/5/2020" split at
# their punctuation, as the query side splits them too.
SYLLABLE = _SYLLABLE = re.compile(r"[^\W_]+")

# Vietnamese has a few thousand syllables: remembering each key once makes keying the
# 20 million syllables of a large archive a dictionary lookup.
_EXACT: dict[str, str] = {}
_FOLDED: dict[str, str] = {}


def exact_key(word: str) -> str:
    """The key that keeps diacritics, whatever tone placement the source used.

    >>> exact_key("Hòa"), exact_key("hoà")
    ('hoà', 'hoà')
    """
    key = _EXACT.get(word)
    if key is None:
        key = _EXACT[word] = canonical_tones(word.lower())
    return key


def folded_key(word: str) -> str:
    """The key for typing without diacritics.

    >>> folded_key("Đảng")
    'dang'
    """
    key = _FOLDED.get(word)
    if key is None:
        key = _FOLDED[word] = fold(word.lower())
    return key


@dataclass(frozen=True)
class Syllable:
    """One syllable of a text, where it stands in the (cleaned) text."""

    text: str
    start: int
    end: int


def syllables(text: str, cleaned: bool = False) -> list[Syllable]:
    """The syllables of a text, after cleaning unless the caller already did.

    >>> [s.text for s in syllables("Thie\\u0323\\u0302n nhiệm kỳ 2020-2025")]
    ['Thiện', 'nhiệm', 'kỳ', '2020', '2025']
    """
    if not cleaned:
        text = clean_text(text)
    return [Syllable(m.group(), m.start(), m.end()) for m in _SYLLABLE.finditer(text)]


def words(text: str) -> list[str]:
    """The syllables of already-clean text as plain strings (the fast path for indexing)."""
    return _SYLLABLE.findall(text)


# fold() one letter at a time, as a table: str.translate keeps positions and runs in C.
_FOLD_TABLE = {
    code: fold(chr(code)) for code in range(0xC0, 0x1F00)
    if len(fold(chr(code))) == 1 and fold(chr(code)) != chr(code)
}


def folded_in_place(text: str) -> str | None:
    """The text folded and lower-cased letter for letter, or None if positions would move.

    >>> folded_in_place("Đảng bộ")
    'dang bo'
    """
    plain = text.translate(_FOLD_TABLE).lower()
    return plain if len(plain) == len(text) else None


def pair_keys(folded: list[str]) -> list[str]:
    """Folded keys of neighbouring syllables, joined by a space.

    >>> pair_keys(["luong", "khanh", "thien"])
    ['luong khanh', 'khanh thien']
    """
    return [f"{a} {b}" for a, b in zip(folded, folded[1:])]


# Punctuation that parts words: "lễ hội, đồng thời" holds no "hội đồng".  A full stop
# parts them too, except after an abbreviation ("P. Minh Khai", "TP. Huế") or between
# digits ("5.000"); hyphens and slashes join ("2020-2025", "đ/c").
_PARTING = frozenset(",;:!?…()[]{}\"“”«»\n")


def parted(gap: str, before: str, after: str) -> bool:
    """Whether the characters between two syllables part them into different phrases.

    >>> parted(", ", "hội", "đồng"), parted(". ", "P", "Minh"), parted(".", "5", "000")
    (True, False, False)
    """
    if any(c in _PARTING for c in gap):
        return True
    if "." in gap:
        abbreviation = len(before) <= 3 and before[:1].isupper()
        number = before[-1:].isdigit() and after[:1].isdigit()
        return not (abbreviation or number)
    return False


def phrase_runs(text: str) -> list[str]:
    """The stretches of a text that punctuation does not part.

    >>> phrase_runs("lễ hội, đồng thời P. Minh Khai")
    ['lễ hội', 'đồng thời P. Minh Khai']
    """
    matches = list(SYLLABLE.finditer(text))
    runs, start = [], 0
    for before, after in zip(matches, matches[1:]):
        gap = text[before.end() : after.start()]
        if gap != " " and parted(gap, before.group(), after.group()):
            runs.append(text[start : before.end()].strip())
            start = after.start()
    if matches:
        runs.append(text[start : matches[-1].end()].strip())
    return runs


class _KeyAnalyzer(Composable):
    """A Whoosh analyzer over this module's keys; subclasses say which key."""

    def keys(self, texts: list[str]) -> list[str]:
        raise NotImplementedError

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="",
                 **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        found = syllables(value) if tokenize else [Syllable(value, 0, len(value))]
        for position, (syllable, key) in enumerate(zip(found, self.keys([s.text for s in found]))):
            token.text = key
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = syllable.text
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + syllable.start
                token.endchar = start_char + syllable.end
            yield token

    def __eq__(self, other):
        return type(self) is type(other)

    def __hash__(self):
        return hash(type(self).__name__)


class ExactAnalyzer(_KeyAnalyzer):
    """Syllables keyed with their diacritics, tone placement made canonical."""

    def keys(self, texts):
        return [exact_key(t) for t in texts]


class FoldedAnalyzer(_KeyAnalyzer):
    """Syllables keyed without diacritics."""

    def keys(self, texts):
        return [folded_key(t) for t in texts]


class PairAnalyzer(_KeyAnalyzer):
    """Neighbouring syllables, folded, as one key each: "luong khanh", "khanh thien"."""

    def keys(self, texts):
        return pair_keys([folded_key(t) for t in texts])
