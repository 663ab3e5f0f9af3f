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
_HAS_LOOKALIKE = re.compile("[\u00d0\u00f0\u0189\u0256]")

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
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _HAS_LOOKALIKE.search(text):  # str.translate costs far more than this search
        text = text.translate(_LOOKALIKES)
    return "\n".join(_RUNS_OF_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# --- tone placement -----------------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_QUALITY_VOWELS = set("ăâêôơư")
_WORD = re.compile(r"[^\W\d_]+")


# A Vietnamese syllable: initial consonant, one to three vowels, final consonant.  The u of
# qu and the i of gi belong to the consonant when a vowel follows (quý, già); the regex's
# backtracking gives gì, gìn their i back as the vowel.
_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"([aăâeêioôơuưy]{1,3})"
    r"(ch|nh|ng|[cmnpt])?",
    re.IGNORECASE,
)


def _place_tone(letters: str) -> int:
    """Index of the letter that carries the tone, by the 1989 rule (hoà, khoẻ, thuỷ)."""
    match = _SYLLABLE.fullmatch(letters)
    if not match:
        return -1
    start, end = match.span(2)
    nucleus = letters[start:end].lower()
    quality = [i for i, c in enumerate(nucleus) if c in _QUALITY_VOWELS]
    if quality:
        return start + quality[-1]  # ươ, uô, iê: the second carries it
    if len(nucleus) == 1:
        return start
    if len(nucleus) == 3:
        return start + 1  # hoài, khuỷu, ngoáy
    if match.group(3):
        return start + 1  # closed syllables: hoàn, khoảng, Huỳnh
    if nucleus in ("oa", "oe", "uy"):
        return start + 1  # the syllables that have two accepted styles: the main vowel
    return start  # mái, mùa, mía, cháo


def _canonical_syllable(match: re.Match) -> str:
    word = match.group(0)
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return word  # no tone, or not a Vietnamese syllable: leave it alone
    letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    at = _place_tone(letters)
    if at < 0:
        return word
    placed = letters[: at + 1] + tones[0] + letters[at + 1 :]
    return unicodedata.normalize("NFC", placed)


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
