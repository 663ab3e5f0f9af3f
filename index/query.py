"""The query language, parsed into a small tree that any input string can produce.

    Lương Khánh Thiện          words, all required
    Thiệ*  thie*               words beginning so (with the typed diacritics, or any)
    "đại hội đảng bộ"          a phrase
    đại hội OR hội nghị        alternatives; AND is implied, NOT / -word exclude
    title:"nhiệm kỳ"           a field: title, ward, official, term, date, category
    date:2020..2021-06         a date range (YYYY, YYYY-MM or YYYY-MM-DD at either end)
    date:--05-15               15 May of any year, and of articles whose year is unknown

The parser never raises: unbalanced quotes close at the end, stray operators are read as
words, unknown fields as words.  What it could not read is reported in `notes`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..archive.normalise import clean_text

from .keys import phrase_runs
from .notes import Note, note
from .request import MAX_QUERY_CHARS, parse_day

MAX_DEPTH = 20  # brackets and NOTs inside each other; deeper ones are ignored with a note
MAX_CLAUSES = 32  # words, phrases and filters a query may hold; more are dropped with a note
FIELDS = ("title", "ward", "official", "term", "date", "category")
# Fields a user may spell in Vietnamese or without the colon's neighbours spaced.
FIELD_ALIASES = {"phuong": "ward", "xa": "ward", "canbo": "official", "nhiemky": "term",
                 "ngay": "date", "tieude": "title"}


@dataclass(frozen=True)
class Words:
    """Syllables that must all appear (a phrase when `phrase`), in a field or anywhere."""

    text: str
    field: str | None = None
    phrase: bool = False
    prefix: bool = False  # typed with a final "*": its last syllable is a prefix


@dataclass(frozen=True)
class DateRange:
    """Articles dated from `start` to `end`, both included; None leaves a side open."""

    start: dt.date | None
    end: dt.date | None
    month_day: int | None = None  # mmdd: "date:--05-15", 15 May of any year or of none known


@dataclass(frozen=True)
class And:
    parts: tuple


@dataclass(frozen=True)
class Or:
    parts: tuple


@dataclass(frozen=True)
class Not:
    part: object


@dataclass
class Parsed:
    """A parsed query: its tree (None for an empty query) and what was not understood."""

    tree: object | None
    notes: list[Note] = field(default_factory=list)  # each also its English text


_TOKEN = re.compile(
    r'(?P<open>\()|(?P<close>\))'
    r'|(?P<neg>-)?(?:(?P<field>[^\W\d_]+):)?'
    r'(?:"(?P<quoted>[^"]*)(?:"|$)|(?P<word>[^\s()"]+))?',
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def parse(query: str) -> Parsed:
    """Parse any string into a query tree; never raises.

    >>> parse('đại hội -"hội nghị" ward:"Lương Khánh Thiện"').tree
    And(parts=(Words(text='đại', field=None, phrase=False, prefix=False), Words(text='hội', field=None, phrase=False, prefix=False), Not(part=Words(text='hội nghị', field=None, phrase=True, prefix=False)), Words(text='Lương Khánh Thiện', field='ward', phrase=True, prefix=False)))
    """
    notes: list[Note] = []
    text = clean_text(_CONTROL.sub(" ", query or ""))
    if len(text) > MAX_QUERY_CHARS:
        notes.append(note("query_cut", most=MAX_QUERY_CHARS))
        text = text[:MAX_QUERY_CHARS]
    tokens = _tokens(text, notes)
    items = [i for i, t in enumerate(tokens) if t.kind == "item"]
    if len(items) > MAX_CLAUSES:
        notes.append(note("clauses_cut", most=MAX_CLAUSES))
        tokens = tokens[: items[MAX_CLAUSES]]
    tree = _Parser(tokens, notes).parse()
    return Parsed(tree, list(dict.fromkeys(notes)))  # each said once, however often it came


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(", ")", "AND", "OR", "NOT", "item"
    node: object = None


def _tokens(text: str, notes: list[str]) -> list[_Tok]:
    out: list[_Tok] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            position += 1  # a character no rule reads; skip it
            continue
        position = match.end()
        if match.group("open"):
            out.append(_Tok("("))
        elif match.group("close"):
            out.append(_Tok(")"))
        else:
            token = _item(match, notes)
            if token is not None:
                out.append(token)
    return out


def _item(match: re.Match, notes: list[str]) -> _Tok | None:
    negated = bool(match.group("neg"))
    name = match.group("field")
    quoted = match.group("quoted")
    word = match.group("word")
    if quoted is not None and match.group(0).count('"') < 2:
        notes.append(note("quote_unclosed"))
    if quoted is None and word is None:
        if name:
            notes.append(note("field_empty", name=name))
        elif negated and match.string.startswith("(", match.end()):
            return _Tok("NOT")  # -( ... ) excludes the bracket, as NOT ( ... ) does
        return None
    if not negated and quoted is None and not name and word in _OPERATORS:
        return _Tok(_OPERATORS[word])
    value = quoted if quoted is not None else word
    field_name = _field(name, notes)
    if name and field_name is None:
        value = f"{name}:{value}"  # not a field we know: search the text as written
    node = _node(value, field_name, quoted is not None, notes)
    if node is None:
        return None
    return _Tok("item", Not(node) if negated else node)


_OPERATORS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "&&": "AND", "||": "OR"}
_FACET_FIELDS = ("ward", "official", "term", "category")


def _field(name: str | None, notes: list[str]) -> str | None:
    if not name:
        return None
    lowered = name.lower()
    lowered = FIELD_ALIASES.get(lowered, lowered)
    if lowered in FIELDS:
        return lowered
    notes.append(note("field_unknown", name=name, fields=", ".join(FIELDS)))
    return None


def _node(value: str, field_name: str | None, quoted: bool, notes: list[str]):
    value = value.strip()
    if field_name == "date":
        found = parse_date_range(value)
        if found is None:
            notes.append(note("date_unreadable", value=value))
        return found
    if not re.search(r"[^\W_]", value):
        return None  # punctuation only: nothing to match
    if not quoted and field_name in (None, "title") and value.endswith("*"):
        stem = value.rstrip("*")
        if re.search(r"[^\W_]$", stem):  # "Thiệ*": every word it begins
            return Words(stem, field_name, prefix=True)
    if quoted and field_name in (None, "title"):
        runs = phrase_runs(value)
        if len(runs) > 1:  # the index pairs no words across punctuation: nor does the query
            return And(tuple(Words(run, field_name, phrase=True) for run in runs))
    # Facet fields take the whole value; a quoted text keeps its order.
    return Words(value, field_name, phrase=quoted or field_name in _FACET_FIELDS)


def parse_date_range(value: str) -> DateRange | None:
    """'2020', '2020..2021-06', '..2019', '2021-03-01..' as a range, '--05-15' a day of the
    year; None if unreadable.

    >>> parse_date_range("--05-15"), parse_date_range("--02-30")
    (DateRange(start=None, end=None, month_day=515), None)
    """
    yearless = re.fullmatch(r"\s*--(\d\d)-(\d\d)\s*", value)
    if yearless:
        month, day = int(yearless.group(1)), int(yearless.group(2))
        try:
            dt.date(2000, month, day)  # a leap year: 29 February is a day of the year
        except ValueError:
            return None
        return DateRange(None, None, month * 100 + day)
    if ".." in value:
        left, right = value.split("..", 1)
        start = parse_day(left) if left.strip() else None
        end = parse_day(right, end=True) if right.strip() else None
        if (left.strip() and start is None) or (right.strip() and end is None):
            return None
        if start is None and end is None:
            return None
        return DateRange(start, end)
    start, end = parse_day(value), parse_day(value, end=True)
    return DateRange(start, end) if start else None


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary+; unary := NOT unary | atom."""

    def __init__(self, tokens: list[_Tok], notes: list[str]):
        self.tokens = tokens
        self.at = 0
        self.notes = notes
        self.depth = 0  # brackets and NOTs open around the current token

    def peek(self) -> str | None:
        return self.tokens[self.at].kind if self.at < len(self.tokens) else None

    def parse(self):
        parts = []
        while self.at < len(self.tokens):
            node = self.parse_or()
            if node is not None:
                parts.append(node)
            if self.peek() == ")":
                self.notes.append(note("bracket_unopened"))
                self.at += 1
        return _combine(And, parts)

    def parse_or(self):
        parts = [self.parse_and()]
        while self.peek() == "OR":
            self.at += 1
            parts.append(self.parse_and())
        parts = [p for p in parts if p is not None]
        return _combine(Or, parts)

    def parse_and(self):
        parts = []
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.at += 1
                continue
            node = self.parse_unary()
            if node is not None:
                parts.append(node)
        return _combine(And, parts)

    def parse_unary(self):
        kind = self.peek()
        if kind in ("NOT", "(") and self.depth >= MAX_DEPTH:
            # Deeper nesting asks nothing a reader could mean, and recursion must end.
            deep = note("nesting_deep", most=MAX_DEPTH)
            if deep not in self.notes:
                self.notes.append(deep)
            self.at += 1
            return None
        self.depth += 1
        try:
            return self._unary(kind)
        finally:
            self.depth -= 1

    def _unary(self, kind):
        if kind == "NOT":
            self.at += 1
            if self.peek() in (None, ")", "OR", "AND"):
                self.notes.append(note("not_dangling"))
                return None
            node = self.parse_unary()
            return Not(node) if node is not None else None
        if kind == "(":
            self.at += 1
            node = self.parse_or()
            if self.peek() == ")":
                self.at += 1
            else:
                self.notes.append(note("bracket_unclosed"))
            return node
        token = self.tokens[self.at]
        self.at += 1
        return token.node


def _combine(kind, parts):
    # A word said twice asks nothing more ("đại đại đại ..." must not cost 250 matchers).
    parts = list(dict.fromkeys(p for p in parts if p is not None))
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return kind(tuple(parts))
