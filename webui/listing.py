"""Long lists of values as pages show them: filtered by what a user typed, sorted, paged,
filed by letter.  Plain functions over (value, ...) items, apart from Flask."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..index import (ALPHABET, NUMBER_GROUP, OTHER_GROUP, BadRequest, facet_key, filing_letter,
                     place_sort_key, sort_key, typed_prefixes, without_type)

PLACE_FACETS = frozenset({"province", "district", "ward", "now_province", "now"})
ORDERS = ("count", "az")
MAX_FILTER_CHARS = 200
MAX_LIST_PAGE = 1_000_000  # a page number past any list: the request is junk, not a page
# Every letter an A–Z list can file a value under, in order: numbers, the alphabet, the rest.
GROUPS = (NUMBER_GROUP, *(letter.upper() for letter in ALPHABET), OTHER_GROUP)


@functools.lru_cache(maxsize=200_000)
def _folded(value: str) -> str:
    # Remembered: a filter box reads every value of a facet on each request.
    return " " + facet_key(value)


def matcher(typed: str):
    """A test of values against what a user typed: each word typed begins one of the value's
    words, in any order; case, diacritics and tone placement aside (as facet values are found).

    >>> finds = matcher("hoan kiem")
    >>> finds("phường Hoàn Kiếm, Hà Nội"), finds("phường Hàng Bạc, Quận Hoàn Kiếm"), finds("Hoàng Mai")
    (True, True, False)
    >>> matcher("minh khai hai phong")("phường Minh Khai, Quận Hồng Bàng, Hải Phòng")
    True
    >>> matcher("oan")("phường Hoàn Kiếm"), matcher("HOÀN ki")("phường Hoàn Kiếm"), matcher("thanh uỷ")("Thành ủy")
    (False, True, True)
    >>> matcher("ki son")("xã Kỳ Sơn"), matcher("k")("xã Kỳ Sơn")
    (True, True)
    """
    # Once, for every value tested: each word typed as a search of the value's folded words
    # for a word that begins with one of its forms (a regular expression runs in C).
    wanted = [re.compile(" (?:%s)" % "|".join(map(re.escape, forms))) for forms in typed_prefixes(typed)]

    def finds(value: str) -> bool:
        words = _folded(value)
        return all(part.search(words) for part in wanted)

    return finds


def filter_text(typed: str) -> str:
    """The filter box's text, checked: BadRequest if it is too long to be a value.

    >>> filter_text("  hoan kiem ")
    'hoan kiem'
    """
    if len(typed) > MAX_FILTER_CHARS:
        raise BadRequest(f"{{fq}} is {len(typed)} characters long; at most {MAX_FILTER_CHARS} are allowed",
                         ("fq",), code="too_long", values={"length": len(typed), "most": MAX_FILTER_CHARS})
    return typed.strip()


def searchable(typed: str) -> bool:
    """Whether a filter text has a letter or digit to filter by ("!!!" has none: no filter).

    >>> searchable("hoan"), searchable(" -!- ")
    (True, False)
    """
    return bool(typed_prefixes(typed))


def list_order(order: str) -> str:
    """The order asked for, checked: by count (the default) or alphabetical."""
    if order in ORDERS:
        return order
    raise BadRequest(f"{{forder}} must be one of {', '.join(ORDERS)}, not {order[:20]!r}", ("forder",),
                     code="choice", values={"choices": ", ".join(ORDERS), "value": order[:20]})


def alphabetical_key(facet: str):
    """How a facet's values sort A–Z: places by name, their type word aside ("phường Minh
    Khai" under M); years as numbers, the unknown year last; the rest as written."""
    if facet in PLACE_FACETS:
        return lambda value: place_sort_key(value.value)
    if facet == "year":
        return lambda value: (value.value == "unknown", value.value)
    return lambda value: sort_key(value.value)


def ordered(values, facet: str, order: str) -> list:
    """FacetValues in an order: most articles first (ties A–Z), or A–Z."""
    by_name = sorted(values, key=alphabetical_key(facet))
    if order == "count":
        by_name.sort(key=lambda value: -value.count)  # stable: ties stay alphabetical
    return by_name


@functools.lru_cache(maxsize=200_000)
def filed_under(value: str, facet: str) -> str:
    """The letter an A–Z list files a value under: a place's by its name.

    >>> filed_under("thị trấn Đức An, Huyện Đắk Song", "ward"), filed_under("2020-2025", "term")
    ('Đ', '0-9')
    """
    return filing_letter(without_type(value)[1] if facet in PLACE_FACETS else value)


@dataclass(frozen=True)
class Page:
    """One page of a list: its items, its number, the last page's, where it starts."""

    items: list
    number: int
    last: int
    first: int  # the 1-based position of its first item in the list (0 when empty)
    total: int

    @property
    def end(self) -> int:
        """The position of its last item."""
        return self.first + len(self.items) - 1 if self.items else 0


def page_number(text: str, name: str) -> int:
    """A page number from a request, checked: BadRequest names the parameter.

    >>> page_number("", "fpage"), page_number(" 3", "fpage")
    (1, 3)
    """
    text = text.strip()
    if not text:
        return 1
    if not (text.isascii() and text.isdigit()) or len(text) > 7 or not 1 <= int(text) <= MAX_LIST_PAGE:
        raise BadRequest(f"{{{name}}} must be a whole number from 1 to {MAX_LIST_PAGE}, not {text[:20]!r}",
                         (name,), code="whole", values={"low": 1, "high": MAX_LIST_PAGE, "value": text[:20]})
    return int(text)


def last_page(count: int, per_page: int) -> int:
    """The number of the last page of a list of `count` items (an empty list has one page).

    >>> last_page(0, 100), last_page(100, 100), last_page(101, 100)
    (1, 1, 2)
    """
    return max(1, -(-count // per_page))


def paged(items: list, number: int, per_page: int) -> Page | None:
    """The page of a list with that number; None when the list has no such page (an empty
    list has one, empty, page).

    >>> page = paged(list(range(250)), 3, 100)
    >>> page.first, page.end, page.last, page.total
    (201, 250, 3, 250)
    >>> paged(list(range(250)), 4, 100) is None, paged([], 1, 100).end
    (True, 0)
    """
    last = last_page(len(items), per_page)
    if number > last:
        return None
    start = (number - 1) * per_page
    chosen = items[start:start + per_page]
    return Page(chosen, number, last, start + 1 if chosen else 0, len(items))
