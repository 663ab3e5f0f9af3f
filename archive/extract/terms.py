"""Party and council terms ("nhiệm kỳ 2020-2025") mentioned in an article, normalised.

Everything is anchored on a year range found by one digit regex, so the text is never folded
as a whole (folding 35,000 articles costs seconds); the words around a range are matched with
patterns that accept every diacritic spelling of a letter, so "nhiem ky", "nhiệm kì" and
"NHIỆM KỲ" all count.
"""

from __future__ import annotations

import datetime as dt
import re

from ..normalise import fold

__all__ = ["find_terms"]

# Each plain letter stands for itself with any Vietnamese mark: text typed without
# diacritics, with the other tone placement (khoá/khóa) or with a wrong mark still matches.
_LETTER_CLASSES = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


def _loose(*words: str) -> str:
    """A regex alternation matching each unaccented word with any diacritics, spaces flexible.

    >>> bool(re.fullmatch(_loose("nhiem ky"), "nhiệm  kỳ"))
    True
    """
    def one(word: str) -> str:
        parts = []
        for ch in word:
            if ch == " ":
                parts.append(r"\s+")
            elif ch in _LETTER_CLASSES:
                parts.append(f"[{_LETTER_CLASSES[ch]}]")
            else:
                parts.append(re.escape(ch))
        return "".join(parts)

    return "(?:" + "|".join(one(w) for w in sorted(words, key=len, reverse=True)) + ")"


# A year range: "2020-2025", "2020 – 2025", "2020- 2025", "2020 đến 2025", "2020-25".  Not part
# of a longer number, a date ("20/5/1947-20/5/2017"), a phone number or a document number.
_RANGE = re.compile(
    r"((?:19|20)\d\d)"
    r"\s*(?:[-‐‑‒–—―−~/]|" + _loose("den", "toi") + r")\s*"
    r"(?:" + _loose("nam") + r"\s+)?"
    r"((?:19|20)\d\d|\d\d)(?![\d/]|[.,]\d|-\d)"
)

_TERM_WORD = _loose("nhiem ky", "nhiem ki")
# The word "nhiệm kỳ" (or "NK") directly before the range, "từ năm" allowed between.
_NAMED = re.compile(
    r"(?:\b" + _TERM_WORD + r"|\bnk)[\s:,(]*(?:" + _loose("tu") + r"\s+)?(?:"
    + _loose("nam") + r"\s+)?$"
)
# "HĐND khóa 2016 - 2021" names a term; "niên khóa", "tài khóa" name school and fiscal years.
_KHOA = re.compile(r"(?:(\w+)\s+)?\b" + _loose("khoa") + r"[\s:,(]*$")
_NOT_KHOA = {"nien", "tai"}
# A range that continues a list of terms: "nhiệm kỳ 2005 - 2010 và 2010 - 2015".
_CONTINUED = re.compile(r"^\s*(?:,|;|" + _loose("va") + r")\s*$")
# Words that, within the same clause, make a following range a term: the term word itself
# ("nhiệm kỳ là năm năm (2015-2020)"), a congress ("Đại hội ... lần thứ XVI (2015-2020)"),
# or a numbered committee or council ("HĐND tỉnh khóa X, 2021-2026").
_TERM_CONTEXT = re.compile(
    r"\b(?:" + _TERM_WORD + r"|" + _loose("dai hoi") + r"|" + _loose("khoa", "lan thu")
    + r"\s+[ivxlc\d]+\b)"
)
# Words that make the range something else: a plan period, a school or financial year,
# a span of years ("năm 2015-2020", "từ 2015-2020").
_NOT_TERM = re.compile(
    r"\b(?:"
    + _loose("giai doan", "nam hoc", "nien do", "nien khoa", "nien hoc", "ke hoach",
             "chien luoc", "tam nhin", "quy hoach", "thoi ky", "thoi gian", "hoc ky")
    + r")\b|\b" + _loose("nam", "tu", "den", "sinh") + r"\s*$"
)
# The range must follow the context directly or in brackets, not sit mid-sentence.
_CONTEXT_JOIN = re.compile(r"(?:\(\s*|[,:–—-]\s*|\s)$")
_CLAUSE_END = re.compile(r"[.;!?\n](?=\s)|\n")
_LOOKBACK = 120


def _valid(start: int, end: int) -> bool:
    """Whether a year range can be a term: 2 to 6 years, inside the Party's history."""
    return 1930 <= start <= dt.date.today().year + 6 and 2 <= end - start <= 6


def _years(match: re.Match) -> tuple[int, int]:
    start = int(match.group(1))
    end_text = match.group(2)
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    return start, end


def _clause_before(text: str, at: int) -> str:
    """The text of the clause that ends where a range starts, at most _LOOKBACK characters."""
    window = text[max(0, at - _LOOKBACK) : at]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _names_a_term(before: str) -> bool:
    """Whether the clause before a range makes that range a term."""
    tail = before[-40:]
    if _NAMED.search(tail):
        return True
    khoa = _KHOA.search(tail)
    if khoa and fold(khoa.group(1) or "") not in _NOT_KHOA:
        return True
    context = None
    for context in _TERM_CONTEXT.finditer(before):
        pass
    if context is None or not _CONTEXT_JOIN.search(before):
        return False
    return not _NOT_TERM.search(before[context.end() :])


def find_terms(text: str) -> tuple[str, ...]:
    """Every party or council term the text mentions, as "2020-2025", in order of appearance.

    >>> find_terms("Đại hội nhiệm kỳ 2020 – 2025 ... NHIỆM KỲ 2015-20; giai đoạn 2021-2025")
    ('2020-2025', '2015-2020')
    """
    lower = text.lower()
    found: dict[str, None] = {}
    previous_end = -1
    for match in _RANGE.finditer(lower):
        # The look-behind lives here, not in _RANGE: a pattern opening with a digit lets the
        # regex engine skip to digits, several times faster over a whole article.
        at = match.start()
        if at and (lower[at - 1].isalnum() or lower[at - 1] in "/.,"):
            continue
        start, end = _years(match)
        if not _valid(start, end):
            continue
        if previous_end >= 0:
            between = lower[previous_end : match.start()]
            continued = len(between) <= 12 and _CONTINUED.match(between) is not None
        else:
            continued = False
        if continued or _names_a_term(_clause_before(lower, match.start())):
            found.setdefault(f"{start}-{end}", None)
            previous_end = match.end()
        else:
            previous_end = -1
    return tuple(found)
