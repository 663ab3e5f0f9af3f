"""A search request, read and checked once, whoever asks: the CLI, the web or a program.

A Python caller passes what is natural (dates as `date` or ISO text, one ward or several,
numbers as ints or digits); the web and the CLI pass the text they received.  Every value
that cannot be read raises BadRequest naming the argument; front ends rename it to their
own parameter (`date_from` is `from` on the web, `--from` on the command line).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace

from .errors import BadRequest

SORTS = ("relevance", "newest", "oldest")
MATCHES = ("strict", "loose")  # the words as typed; or also other accents, syllables apart
# Facets counted for every search: the places (as the article names them, and the units in
# force now), then terms, officials and years.
# The year facet's value for articles whose year nothing tells (undated, or a day and month
# alone): counted and selectable like a year, never dropped.
UNKNOWN_YEAR = "unknown"
FACETS = ("province", "district", "ward", "now_province", "now", "term", "official", "year")
PLACE_FILTERS = {"provinces": "province", "districts": "district", "wards": "ward",
                 "now_provinces": "now_province", "nows": "now"}
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
MAX_QUERY_CHARS = 1000  # what the parser reads; the rest is cut with a note
MAX_QUERY_LENGTH = 10 * MAX_QUERY_CHARS  # what a request may hold at all
MAX_VALUES = 50  # values ticked in one facet
MAX_VALUE_CHARS = 300  # characters in one facet value
MAX_FACET_LIMIT = 10_000

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$", re.ASCII)
# The way Vietnamese (and this archive's pages) write dates: day first, then month, year.
_DAY_FIRST = re.compile(r"^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")  # half a pair: no page or JSON output can hold it
_DIGITS = re.compile(r"^[0-9]+$")  # str.isdigit() takes "²" and "١", which int() refuses or misreads


def parse_day(value: str, end: bool = False) -> dt.date | None:
    """A date as a day: the first of the period, or its last if `end`.  Written as YYYY,
    YYYY-MM or YYYY-MM-DD, or day first as Vietnamese writes it: DD/MM/YYYY, D/M/YYYY,
    MM/YYYY (slashes, dots or hyphens).

    >>> parse_day("2020-02", end=True), parse_day("04/05/2020"), parse_day("5/2020", end=True)
    (datetime.date(2020, 2, 29), datetime.date(2020, 5, 4), datetime.date(2020, 5, 31))
    >>> parse_day("2020-13", end=True) is None, parse_day("31/02/2020") is None
    (True, True)
    """
    text = value.strip()
    if match := _DATE.match(text):
        year, month, day = (int(g) if g else None for g in match.groups())
    elif match := _DAY_FIRST.match(text):
        day, month, year = (int(g) if g else None for g in match.groups())
    else:
        return None
    if month is not None and not 1 <= month <= 12:
        return None  # "2020-13" is no month, not January 2021
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            if not end:
                return dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shown(value) -> str:
    """A value as an error message quotes it: short, and safe inside a message template."""
    text = repr(value if not isinstance(value, str) else value[:20])
    return text.replace("{", "{{").replace("}", "}}")


def _given(value) -> str:
    """A value as a translated message quotes it: the text typed (short), else its repr."""
    return value[:20] if isinstance(value, str) else repr(value)


def _problem(template: str, *arguments: str, code: str, **values) -> BadRequest:
    """BadRequest with its English message, and the code and values that translate it."""
    return BadRequest(template, arguments, code=code, values=values)


def _text(name: str, value, most: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _problem(f"{{{name}}} must be text, not {type(value).__name__}", name,
                       code="type", kind=type(value).__name__)
    if len(value) > most:
        raise _problem(f"{{{name}}} is {len(value)} characters long; at most {most} are allowed",
                       name, code="too_long", length=len(value), most=most)
    return _SURROGATE.sub("\ufffd", value)


def _values(name: str, value) -> tuple[str, ...]:
    """One value or several as a tuple of distinct, stripped, non-empty strings."""
    if value is None:
        return ()
    single = isinstance(value, str) or (name == "years" and isinstance(value, int))
    items = (value,) if single else value
    try:
        if isinstance(items, (bytes, dict)):  # iterable, but not of values
            raise TypeError
        items = tuple(items)
    except TypeError:
        raise _problem(f"{{{name}}} must be a string or a sequence of strings, "
                       f"not {type(value).__name__}", name, code="type",
                       kind=type(value).__name__) from None
    found = []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool) and name == "years":
            item = str(item)
        if not isinstance(item, str):
            raise _problem(f"{{{name}}} must be a string or a sequence of strings, "
                           f"not a sequence holding {type(item).__name__}", name, code="type",
                           kind=type(item).__name__)
        if len(item) > MAX_VALUE_CHARS:
            raise _problem(f"{{{name}}} is longer than {MAX_VALUE_CHARS} characters", name,
                           code="value_too_long", most=MAX_VALUE_CHARS)
        if item.strip():
            found.append(_SURROGATE.sub("\ufffd", item.strip()))
    values = tuple(dict.fromkeys(found))
    if len(values) > MAX_VALUES:
        raise _problem(f"{{{name}}} is given {len(values)} times; "
                       f"at most {MAX_VALUES} values are allowed", name, code="too_many",
                       count=len(values), most=MAX_VALUES)
    return values


def _years(name: str, value) -> tuple[str, ...]:
    years = _values(name, value)
    for year in years:
        if not (len(year) == 4 and _DIGITS.match(year)) and year != UNKNOWN_YEAR:
            raise _problem(f"{{{name}}} must be four digits or '{UNKNOWN_YEAR}', not "
                           f"{_shown(year)}", name, code="year", value=_given(year))
    return years


def _day(name: str, value, end: bool) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    day = parse_day(value, end=end) if isinstance(value, str) else None
    if day is None:
        raise _problem(f"{{{name}}} must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or "
                       f"YYYY-MM-DD, not {_shown(value)}", name, code="date", value=_given(value))
    return day


_YES, _NO = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def _flag(name: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES + _NO:
        return value.strip().lower() in _YES
    raise _problem(f"{{{name}}} must be true or false (1 or 0), not {_shown(value)}", name,
                   code="flag", value=_given(value))


def _whole(name: str, value, low: int, high: int) -> int:
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _DIGITS.match(value.strip()):
        number = int(value.strip())
    if number is None or not low <= number <= high:
        raise _problem(f"{{{name}}} must be a whole number from {low} to {high}, "
                       f"not {_shown(value)}", name, code="whole", low=low, high=high,
                       value=_given(value))
    return number


@dataclass(frozen=True)
class SearchRequest:
    """A search: the query, the facet values ticked, a date range, the order and the page.

    Read and checked when made: BadRequest names the argument that cannot be read.

    >>> SearchRequest(query="đại hội", wards="Lương Khánh Thiện", date_from="2020", page="2")
    ... # doctest: +ELLIPSIS
    SearchRequest(query='đại hội', wards=('Lương Khánh Thiện',), ..., date_from=datetime.date(2020, 1, 1), ..., page=2, ...)
    """

    query: str = ""
    wards: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    now_provinces: tuple[str, ...] = ()  # provinces in force now (since July 2025)
    nows: tuple[str, ...] = ()  # communes in force now
    terms: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    match: str = "strict"  # "loose" adds the other accents and the syllables apart
    mentions: bool = False  # places count and filter the wards an article is about; True: every ward named
    page: int = 1
    limit: int = 10
    facet_limit: int = 20  # values shown per facet; selected values are always shown

    def __post_init__(self):
        read = {
            "query": _text("query", self.query, MAX_QUERY_LENGTH),
            **{name: _values(name, getattr(self, name))
               for name in ("wards", "provinces", "districts", "now_provinces", "nows", "terms",
                            "officials", "categories")},
            "years": _years("years", self.years),
            "date_from": _day("date_from", self.date_from, end=False),
            "date_to": _day("date_to", self.date_to, end=True),
            "sort": self.sort,
            "mentions": _flag("mentions", self.mentions),
            "page": _whole("page", self.page, 1, MAX_PAGE),
            "limit": _whole("limit", self.limit, 1, MAX_PAGE_SIZE),
            "facet_limit": _whole("facet_limit", self.facet_limit, 0, MAX_FACET_LIMIT),
        }
        if self.match not in MATCHES:
            raise _problem(f"{{match}} must be one of {', '.join(MATCHES)}, not {_shown(self.match)}",
                           "match", code="choice", choices=", ".join(MATCHES),
                           value=_given(self.match))
        if read["sort"] not in SORTS:
            raise _problem(f"{{sort}} must be one of {', '.join(SORTS)}, not {_shown(self.sort)}",
                           "sort", code="choice", choices=", ".join(SORTS),
                           value=_given(self.sort))
        start, end = read["date_from"], read["date_to"]
        if start and end and start > end:
            raise _problem(f"{{date_from}} ({start}) must not be after {{date_to}} ({end})",
                           "date_from", "date_to", code="date_order", start=start, end=end)
        for name, value in read.items():
            object.__setattr__(self, name, value)

    @classmethod
    def of(cls, request: SearchRequest | str | None = None, **options) -> SearchRequest:
        """A request from another, a query string, or options alone; unknown options are named."""
        unknown = set(options) - OPTIONS
        if unknown:
            name = sorted(unknown)[0]
            raise BadRequest(f"{name!r} is not a search option; the options are "
                             f"{', '.join(sorted(OPTIONS))}")
        if isinstance(request, SearchRequest):
            return replace(request, **options) if options else request
        if request is not None and not isinstance(request, str):
            raise BadRequest("a search takes a SearchRequest or a query string, "
                             f"not {type(request).__name__}")
        if request is not None:
            options = {"query": request, **options}
        return cls(**options)


OPTIONS = frozenset(f.name for f in fields(SearchRequest))
