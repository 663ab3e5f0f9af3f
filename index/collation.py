"""Vietnamese alphabetical order: how lists of wards, officials and terms are sorted and filed.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y: ă, â, đ, ê, ô,
ơ and ư are letters of their own, so "Đông" comes after every "D…" and before "E…", and
"Ấp" (â with a tone) after every "An".  Tones do not make letters: they decide only between
texts whose letters are all the same (ba, bà, bả, bã, bá, bạ, as Unicode's Vietnamese
collation orders them), compared syllable by syllable, so where a syllable's tone mark sits
(hoà, hòa) changes nothing.  Case decides last.  The foreign letters f, j, w, z sort where
the Latin alphabet puts them, and numbers by their value ("Tổ 2" before "Tổ 10").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..archive.normalise import clean_text

ALPHABET = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
VIETNAMESE_LETTERS = tuple(letter for letter in ALPHABET if letter not in "fjwz")
NUMBER_GROUP = "0-9"  # the group of texts that begin with a number
OTHER_GROUP = "other"  # ... and of those that begin with anything else

_RANK = {letter: rank for rank, letter in enumerate(ALPHABET, start=1)}
# Keys are strings, which Python compares in C: sorting 50,000 values by nested tuples took
# seconds.  Below every letter: the end of a word (so "An Bình" sorts before "Anh"), and the
# mark that starts a number (numbers before words).  Letters are characters from _BASE up.
_WORD_END, _NUMBER = "\x01", "\x02"
_BASE = 0x20
# The marks that make a letter (ă â ê ô ơ ư) and the five tone marks, in the order of the
# Unicode CLDR Vietnamese collation: huyền, hỏi, ngã, sắc, nặng.
_LETTER_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                 ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_WORD = re.compile(r"\d+|[^\W\d_]+")  # a number, or a run of letters


@functools.lru_cache(maxsize=4096)
def letter_of(char: str) -> tuple[str, int]:
    """A character as (the letter of the alphabet it is, its tone: 0 for none, 1–5).

    >>> letter_of("Ấ"), letter_of("đ"), letter_of("ờ"), letter_of("é"), letter_of("ç")
    (('â', 4), ('đ', 0), ('ơ', 1), ('e', 4), ('c', 0))
    """
    lower = char.lower()
    if lower in _RANK:
        return lower, 0
    decomposed = unicodedata.normalize("NFD", lower)
    letter, tone = decomposed[:1], 0
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        else:  # a letter-making mark; others (ë, ç) leave the base letter as it is
            letter = _LETTER_MARKS.get((letter, mark), letter)
    return letter, tone


def _letter_char(letter: str) -> str:
    """A letter as the character its rank sorts by; letters of other scripts after z."""
    rank = _RANK.get(letter)
    return chr(_BASE + rank) if rank else chr(min(0x100 + ord(letter[:1] or " "), 0x10FFFF))


@functools.lru_cache(maxsize=200_000)
def sort_key(text: str) -> tuple[str, str, str, str]:
    """The key that sorts texts in Vietnamese alphabetical order: (letters, tones, case, the
    text itself), each compared only when those before are equal.  Remembered: lists of tens
    of thousands of values are sorted on every request.

    >>> sorted(["Đông", "Ấp Bắc", "Dương", "An", "Ăn", "Em", "ba", "Bá", "bà"], key=sort_key)
    ['An', 'Ăn', 'Ấp Bắc', 'ba', 'bà', 'Bá', 'Dương', 'Đông', 'Em']
    """
    letters, tones, cases = [], [], []
    for word in _WORD.findall(clean_text(text)):
        if word.isdigit():
            digits = word.lstrip("0")  # by value: its length, then its digits (no int(): any length)
            letters.append(f"{_NUMBER}{chr(_BASE + min(len(digits), 0xFFFF))}{digits}{_WORD_END}")
            continue
        tone = 0
        for char in word:
            letter, mark = letter_of(char)
            letters.append(_letter_char(letter))
            tone = tone or mark  # one tone per syllable, wherever its mark sits
            cases.append("1" if char != char.lower() else "0")  # lower case first
        letters.append(_WORD_END)
        tones.append(str(tone))
    return "".join(letters), "".join(tones), "".join(cases), text


@functools.lru_cache(maxsize=200_000)
def filing_letter(text: str) -> str:
    """The letter a text is filed under in an A–Z list: its first letter as a capital (Đ and
    Ă its own), NUMBER_GROUP for a number, OTHER_GROUP for anything else.

    >>> [filing_letter(t) for t in ("Đông Khê", "ấp Bắc", "an", "2020-2025", "«Hà»", "Ωmega")]
    ['Đ', 'Â', 'A', '0-9', 'H', 'other']
    """
    found = _WORD.search(clean_text(text))
    if not found:
        return OTHER_GROUP
    if found.group()[0].isdigit():
        return NUMBER_GROUP
    letter, _ = letter_of(found.group()[0])
    return letter.upper() if letter in _RANK else OTHER_GROUP


# The type words a place's value begins with (ward, commune, district, province): an A–Z
# list files "phường Minh Khai" under M, as a gazetteer does.  Longest first.
PLACE_TYPES = ("thị trấn", "thị xã", "thành phố", "đặc khu", "phường", "xã", "quận",
               "huyện", "tỉnh")
_TYPE = re.compile(r"^(%s)\s+(?=\w)" % "|".join(PLACE_TYPES), re.IGNORECASE)


def without_type(value: str) -> tuple[str, str]:
    """A place's value as (its type word, the rest), the type empty when it has none.

    >>> without_type("phường Minh Khai, Quận Hai Bà Trưng, Hà Nội")
    ('phường', 'Minh Khai, Quận Hai Bà Trưng, Hà Nội')
    >>> without_type("Thị trấn Đức An"), without_type("Hà Nam")
    (('Thị trấn', 'Đức An'), ('', 'Hà Nam'))
    """
    value = clean_text(value)
    found = _TYPE.match(value)
    return (found.group(1), value[found.end():]) if found else ("", value)


@functools.lru_cache(maxsize=200_000)
def place_sort_key(value: str) -> tuple:
    """The sort key of a place's value: by its name, the type word after (to break ties).

    >>> sorted(["xã Trường Xuân", "phường An Hòa", "thị trấn Đức An"], key=place_sort_key)
    ['phường An Hòa', 'thị trấn Đức An', 'xã Trường Xuân']
    """
    kind, name = without_type(value)
    return sort_key(name), sort_key(kind)
