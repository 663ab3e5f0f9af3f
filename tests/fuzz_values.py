"""Hostile values for every parameter of the web UI and the CLI, shared by the fuzz test and
bench/fuzz.py: Unicode digits that str.isdigit() takes and int() refuses, deep brackets,
formulas, broken UTF-8 (a surrogate's bytes), huge numbers, and plain text."""

from __future__ import annotations

import random
from urllib.parse import quote

TRICKY = [
    "", " ", "0", "1", "2", "-1", "+3", " 5 ", "1.5", "1e3", "0x10", "NaN", "9" * 40,
    "²", "³", "¹⁰", "²²²²", "٣", "١٢", "߃", "𝟖", "Ⅷ", "½",
    "(" * 331, "-(" * 499, "NOT " * 300, ")" * 50, '"' * 7, "AND OR", "!!!", "*", '""',
    "=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "\t=1", "title:", "date:2020..", "date:..",
    "ward:\"", "official:(", "2020-13", "2020-02-30", "0000", "9999-12-31", "2021..2020",
    "%", "%00", "\x00", "\x1b[31m", "đại hội", "Lương Khánh Thiện", "luong khanh thien",
    "phường", "Đảng", "đại hội -đ*", "đại* OR phường", "-(t* OR h*)", "relevance", "newest", "oldest", "best", "vi", "en", "xx",
]
# Bytes no UTF-8 text holds: a lone surrogate's encoding, a cut sequence, an overlong one.
BROKEN_BYTES = ["%ED%A0%80", "%C3", "%E1%BA", "%C0%AF", "%FF%FE"]
PARAMETERS = ("q", "ward", "term", "official", "year", "from", "to", "sort", "page", "limit",
              "size", "lang")
PAGES = ("/", "/search", "/api/search", "/export.csv", "/export.json", "/export.xlsx", "/ward/x",
         "/term/x", "/official/x")


def value(rng: random.Random) -> str:
    """A value, percent-encoded for a query string."""
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(BROKEN_BYTES) + quote(rng.choice(TRICKY))
    if roll < 0.75:
        return quote(rng.choice(TRICKY))
    alphabet = "aăâđeêioôơuưy0123456789()-\"': ²³٣%=+@\t"
    return quote("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))))


def url(rng: random.Random) -> str:
    """A request for one of the pages with a few hostile parameters."""
    names = rng.sample(PARAMETERS, rng.randint(1, 4))
    query = "&".join(f"{name}={value(rng)}" for name in names)
    return f"{rng.choice(PAGES)}?{query}"
