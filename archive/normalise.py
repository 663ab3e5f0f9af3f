"""Canonical Vietnamese text: NFC, look-alike letters, spaces, tone placement and folding.

Display text keeps the source's spelling (`clean_text`); search keys are derived from it
(`canonical_tones`, `fold`, `search_key`, `folded_key`).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "clean_text",
    "canonical_tones",
    "fold",
    "search_key",
    "folded_key",
    "has_diacritics",
]

# Letters that stand in for Đ/đ in real text: Icelandic eth (a Windows-1258 Đ read as
# Latin-1) and African D.  Map them before anything compares strings.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ"})

# Spaces a cleaner must see as spaces; invisible characters it must not see at all.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_RUNS_OF_SPACES = re.compile(r" {2,}")
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """NFC, look-alike Đ letters mapped, odd spaces made plain, line ends unified.

    >>> clean_text("Thie\u0323\u0302n\u00a0\u00a0x\u00e3 \u00d0\u00f4ng")
    'Thiện xã Đông'
    """
    text = _LINE_ENDS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    return "\n".join(_RUNS_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# --- tone placement -----------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_VOWELS = set("aăâeêioôơuưy")
_QUALITY_VOWELS = set("ăâêôơư")
_WORD = re.compile(r"[^\W\d_]+")


def _place_tone(letters: list[str]) -> int:
    """Index of the letter that carries the tone, by the 1989 rule (hoà, khoẻ, thuỷ)."""
    lower = [c.lower() for c in letters]
    start = 0
    # The u of qu and the i of gi belong to the consonant when a vowel follows.
    if len(lower) > 2 and lower[0] == "q" and lower[1] == "u":
        start = 2
    elif len(lower) > 2 and lower[0] == "g" and lower[1] == "i" and lower[2] in _VOWELS:
        start = 2
    while start < len(lower) and lower[start] not in _VOWELS:
        start += 1
    end = start
    while end < len(lower) and lower[end] in _VOWELS:
        end += 1
    nucleus = range(start, end)
    if not nucleus:
        return -1
    quality = [i for i in nucleus if lower[i] in _QUALITY_VOWELS]
    if quality:
        return quality[-1]  # ươ, uô, iê: the second carries it
    if len(nucleus) == 1:
        return start
    if len(nucleus) == 3:
        return start + 1  # hoài, khuỷu, ngoáy
    closed = end < len(lower)
    if closed:
        return start + 1  # hoàn, khoảng, Huỳnh
    if lower[start : start + 2] in (["o", "a"], ["o", "e"], ["u", "y"]):
        return start + 1  # the syllables that have two accepted styles: pick the main vowel
    return start  # mái, mùa, mía, cháo


def _canonical_syllable(match: re.Match) -> str:
    word = match.group(0)
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return word  # no tone, or not a Vietnamese syllable: leave it alone
    letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if len(letters) > 7 or any(c.lower() not in _VIETNAMESE_LETTERS for c in letters):
        return word
    at = _place_tone(list(letters))
    if at < 0:
        return word
    placed = letters[: at + 1] + tones[0] + letters[at + 1 :]
    return unicodedata.normalize("NFC", placed)


_VIETNAMESE_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư") | set("fjwz")


def canonical_tones(text: str) -> str:
    """Put every syllable's tone mark where the 1989 rule puts it, one syllable at a time.

    >>> canonical_tones("Thành ủy hòa khỏe, qúy gìa Hoàng")
    'Thành uỷ hoà khoẻ, quý già Hoàng'
    """
    return _WORD.sub(_canonical_syllable, unicodedata.normalize("NFC", text))


# --- folding ------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Drop every diacritic, đ included (it has no Unicode decomposition).

    >>> fold("Đảng bộ phường Lương Khánh Thiện")
    'Dang bo phuong Luong Khanh Thien'
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_LOOKALIKES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).translate(_FOLD_EXTRA)


def has_diacritics(text: str) -> bool:
    """Whether the text carries any Vietnamese mark, đ included.

    >>> has_diacritics("luong khanh thien"), has_diacritics("Lương")
    (False, True)
    """
    return fold(text) != unicodedata.normalize("NFC", text)


def search_key(text: str) -> str:
    """The exact-diacritic key: clean, canonical tones, lower case.

    >>> search_key("Thành Ủy") == search_key("thành uỷ")
    True
    """
    return canonical_tones(clean_text(text)).lower()


def folded_key(text: str) -> str:
    """The key for typing without diacritics.

    >>> folded_key("Đảng Ủy")
    'dang uy'
    """
    return fold(clean_text(text)).lower()
