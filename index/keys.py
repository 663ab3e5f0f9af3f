"""How Vietnamese text becomes search keys: the one definition documents and queries share.

Text is cleaned (NFC, look-alike Đ, spaces) and cut into syllables; each syllable gives an
exact key (lower case, canonical tone placement) and a folded key (no marks, đ→d), and
neighbouring syllables give folded pairs that make phrases and proximity cheap to match.
Plain functions, without Whoosh: the query side, facet values and links use them too.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass

from ..archive.normalise import canonical_tones, clean_text, fold

# A syllable is a run of letters or digits; "2020-2025", "đ/c" and "12/5/2020" split at
# their punctuation, as the query side splits them too.
SYLLABLE = _SYLLABLE = re.compile(r"[^\W_]+")

# Vietnamese has a few thousand syllables: remembering each key once makes keying the
# 20 million syllables of a large archive a dictionary lookup.  Queries feed these too, so
# they are bounded: past the bound a table starts again (numbers and names keep coming).
_EXACT: dict[str, str] = {}
_FOLDED: dict[str, str] = {}
MAX_REMEMBERED = 200_000


# i and y are one letter after these consonants in an open syllable: kì/kỳ, lí/lý, mĩ/mỹ,
# kĩ/kỹ, qui/quy, sĩ/sỹ, hi/hy, ti/ty (textbooks write i, administrative texts y).  Keys
# write y.  Never elsewhere: uy is its own rhyme (tuy is not tui, Huy is not Hui).
_I_TO_Y = str.maketrans("iìíỉĩị", "yỳýỷỹỵ")
_I_OR_Y = re.compile(r"^(?:h|k|l|m|qu|s|t)[iìíỉĩịyỳýỷỹỵ]$")


def spelling_key(key: str) -> str:
    """A lower-case syllable with the i/y spelling variants made one.

    >>> [spelling_key(s) for s in ("kì", "lí", "mĩ", "qui", "tui", "tuy", "gì", "hi")]
    ['kỳ', 'lý', 'mỹ', 'quy', 'tui', 'tuy', 'gì', 'hy']
    """
    return key.translate(_I_TO_Y) if _I_OR_Y.match(key) else key


def exact_key(word: str) -> str:
    """The key that keeps diacritics, whatever tone placement and i/y spelling the source used.

    >>> exact_key("Hòa"), exact_key("hoà"), exact_key("kì"), exact_key("Kỳ")
    ('hoà', 'hoà', 'kỳ', 'kỳ')
    """
    key = _EXACT.get(word)
    if key is None:
        if len(_EXACT) >= MAX_REMEMBERED:
            _EXACT.clear()
        key = _EXACT[word] = spelling_key(canonical_tones(word.lower()))
    return key


def folded_key(word: str) -> str:
    """The key for typing without diacritics (i/y variants made one too).

    >>> folded_key("Đảng"), folded_key("Lí"), folded_key("quy")
    ('dang', 'ly', 'quy')
    """
    key = _FOLDED.get(word)
    if key is None:
        if len(_FOLDED) >= MAX_REMEMBERED:
            _FOLDED.clear()
        key = _FOLDED[word] = spelling_key(fold(word.lower()))
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
    # As code points through a table (numpy): str.translate with a dict looks every letter
    # up in Python's dict, 3 to 6 times slower on the article heads suggestions read.
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = _fold_codes()
    mapped = np.where(codes < len(table), table[np.minimum(codes, len(table) - 1)], codes)
    plain = mapped.tobytes().decode("utf-32-le", "surrogatepass").lower()
    return plain if len(plain) == len(text) else None


@functools.lru_cache(maxsize=1)
def _fold_codes():
    import numpy as np

    table = np.arange(0x1F00, dtype=np.uint32)
    for code, letter in _FOLD_TABLE.items():
        table[code] = ord(letter)
    return table


def pair_key(first: str, second: str, gap: str = " ") -> str:
    """The key of two neighbouring syllables: joined by a space, or by "/" when a slash joins
    them, so that "đ/c" and "12/5" are not "Đ.C" or "đồng chỉ" (and "đồng/chỉ" no "đồng chí").

    >>> pair_key("d", "c", "/"), pair_key("dong", "chi", " "), pair_key("2020", "2025", "-")
    ('d/c', 'dong chi', '2020 2025')
    """
    return f"{first}/{second}" if gap.strip() == "/" else f"{first} {second}"


def pair_keys(keys: list[str], gaps: list[str] | None = None) -> list[str]:
    """Keys of neighbouring syllables; `gaps[i]` stands between keys i and i + 1 (a space if
    not given).

    >>> pair_keys(["luong", "khanh", "thien"]), pair_keys(["d", "c"], ["/"])
    (['luong khanh', 'khanh thien'], ['d/c'])
    """
    gaps = gaps or [" "] * max(0, len(keys) - 1)
    return [pair_key(a, b, gap) for a, b, gap in zip(keys, keys[1:], gaps)]


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


def pairs_in(found: list[str], gaps: list[str], keys: list[str]) -> list[str | None]:
    """Pair keys of neighbouring syllables, None where punctuation parts them.

    `gaps[i]` is the text between syllables i and i + 1.  The None keeps its place, so pairs
    either side of it are never adjacent positions.

    >>> found, gaps = ["lễ", "hội", "đồng", "thời", "P", "Minh", "đ", "c"], [" ", ", ", " ", " ", ". ", " ", "/"]
    >>> pairs_in(found, gaps, [folded_key(w) for w in found])
    ['le hoi', None, 'dong thoi', 'thoi p', 'p minh', 'minh d', 'd/c']
    """
    return [
        pair_key(keys[i], keys[i + 1], gap)
        if gap == " " or not parted(gap, found[i], found[i + 1]) else None
        for i, gap in enumerate(gaps)
    ]


def syllables_and_gaps(text: str) -> tuple[list[str], list[str]]:
    """The syllables of clean text, and the text between each and the next.

    Plain strings, no match objects: a long article has millions of syllables.

    >>> syllables_and_gaps("lễ hội, đồng")
    (['lễ', 'hội', 'đồng'], [' ', ', '])
    """
    found = SYLLABLE.findall(text)
    gaps = SYLLABLE.split(text)[1:-1] if found else []
    return found, gaps


def ward_value(ward) -> str:
    """A ward as a facet value: type and name, then district and province where known."""
    return ", ".join(p for p in (f"{ward.type} {ward.name}", ward.district, ward.province) if p)


def facet_key(value: str) -> str:
    """The folded form a facet value is searched by.

    >>> facet_key("phường Lương Khánh Thiện, Thành phố Phủ Lý, Hà Nam")
    'phuong luong khanh thien thanh pho phu ly ha nam'
    """
    return " ".join(folded_key(w) for w in words(clean_text(value)))


def ward_keys(ward) -> set[str]:
    """The keys a ward is found by: its name, its type and name, its whole facet value."""
    return {facet_key(ward.name), facet_key(f"{ward.type} {ward.name}"), facet_key(ward_value(ward))}


def typed_prefixes(text: str) -> list[tuple[str, ...]]:
    """For each word typed into a filter box (perhaps cut short), the folded keys of the value
    words it may begin: as typed, and with i/y made one (a whole "ki" is "kỳ", but "ki" cut
    short begins "kiếm").

    >>> typed_prefixes("Hoàn ki")
    [('hoan',), ('ki', 'ky')]
    """
    return [tuple(dict.fromkeys((fold(w.lower()), folded_key(w)))) for w in words(clean_text(text))]
