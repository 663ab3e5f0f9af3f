"""JSON records of articles: one object, an array of them, or one per line (JSONL), maybe gzipped.

Fields are looked up by the names the shapes in ../shared/data/news use (title, sapo or
description, text, date, url, category, id or slug); any of them may be missing.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..article import Document
from ..clean import clean_lines, parse_date
from ..decode import decode_bytes, repair_text
from ..errors import DecodeError, Problem
from ..normalise import clean_text
from . import EMPTY, MAX_RECORD_BYTES, MAX_SINGLE_BYTES, binary_kind, binary_reason, decode_reason
from . import load_single, record_too_large_reason, too_large_reason

__all__ = ["record_document", "read_json", "read_jsonl"]

TITLE_FIELDS = ("title", "headline", "name")
TEXT_FIELDS = ("text", "content", "body", "fulltext", "articleBody")
SUMMARY_FIELDS = ("sapo", "description", "summary", "lead", "abstract")
DATE_FIELDS = ("date", "published", "pubDate", "pubdate", "published_at", "datePublished")
URL_FIELDS = ("url", "link")
CATEGORY_FIELDS = ("category", "section")
KEY_FIELDS = ("id", "slug")

NOT_OBJECT = "not a JSON object ({kind}); each article must be one {{...}} object"
NO_ARTICLE = (
    "no title or text: the record has only {fields}; an article needs 'title' or "
    "'text' (also read: 'content', 'body')"
)
TOO_DEEP = "JSON nested too deeply to be an article (arrays or objects inside each other by the thousand)"
_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true/false", type(None): "null"}


# JSON can spell half of a surrogate pair ("\\ud800"), which no UTF-8 page, export or
# database can hold: such halves become U+FFFD at ingest.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _field(record: dict, names: Iterable[str], numbers: bool = False) -> str | None:
    """The first of the named fields that holds text; a list of strings is joined by lines.

    Numbers count as text only where asked (an id); true/false never does.
    """
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = "\n".join(v for v in value if isinstance(v, str))
        if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return _SURROGATE.sub("\ufffd", value)
    return None


def _not_text(record: dict, names: Iterable[str]) -> str | None:
    """The first of the named fields present whose value is not text, as "'text' (a number)"."""
    for name in names:
        if name in record and record[name] is not None:
            value = record[name]
            if isinstance(value, str) or (isinstance(value, list) and
                                          all(isinstance(v, str) for v in value)):
                return None
            return f"{name!r} ({_JSON_KINDS.get(type(value), type(value).__name__)})"
    return None


def _repaired(value: str | None, repairs: list[str]) -> str | None:
    if value is None:
        return None
    text, repair = repair_text(value)
    if repair:
        repairs.append(repair)
    return text


def record_document(
    record: object, source: str, key: str | None, encoding: str, where: str | None = None
) -> Document | Problem:
    """A Document from one decoded JSON record, or the Problem that keeps it out."""
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        return Problem(source, NOT_OBJECT.format(kind=kind), where)
    repairs: list[str] = []
    title = _repaired(_field(record, TITLE_FIELDS), repairs)
    text = _repaired(_field(record, TEXT_FIELDS), repairs)
    wrong = [f for f, found in ((_not_text(record, TITLE_FIELDS), title),
                                (_not_text(record, TEXT_FIELDS), text)) if f and found is None]
    if wrong:
        verb = "are" if len(wrong) > 1 else "is"
        return Problem(source, f"{' and '.join(wrong)} {verb} not text: an article's title and text "
                               "must be strings", where)
    summary = _repaired(_field(record, SUMMARY_FIELDS), repairs)
    date = _field(record, DATE_FIELDS, numbers=True)
    category = _field(record, CATEGORY_FIELDS)
    cleaned = clean_lines(
        [text or ""],
        title=title,
        category=clean_text(category).strip() if category else None,
        published=parse_date(date) if date else None,
        find_title=False,  # a record's first sentence is not its title
    )
    if not cleaned.title and not cleaned.paragraphs:
        fields = ", ".join(sorted(record)) or "no fields"
        return Problem(source, NO_ARTICLE.format(fields=fields), where)
    return Document(
        source=source,
        key=key,
        title=cleaned.title or "",
        paragraphs=cleaned.paragraphs,
        encoding=repairs[0] if repairs else encoding,
        url=_field(record, URL_FIELDS),
        category=cleaned.category,
        published=cleaned.published,
        published_from=("metadata" if date and parse_date(date) else "byline") if cleaned.published else None,
        summary=(clean_text(summary).strip() or None) if summary else None,
    )


def _record_key(record: object, fallback: str, seen: set[str]) -> str:
    """The record's own id or slug, unless missing or already used in this file."""
    key = _field(record, KEY_FIELDS, numbers=True) if isinstance(record, dict) else None
    key = key.strip() if key else fallback
    if key in seen:  # two records with one id would get one article id
        key = fallback
    seen.add(key)
    return key


# --- JSON Lines ----------------------------------------------------------------------

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def _is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON: {exc.msg} at column {exc.colno}; fix or remove the line"


def _line_document(raw: bytes, n: int, source: str, seen: set[str]) -> Document | Problem:
    where = f"line {n}"
    raw = raw.strip()  # so that an error's column counts in the line, not past its end
    try:
        line, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            decoded = decode_bytes(raw, None)
        except DecodeError as exc:
            return Problem(source, decode_reason(str(exc)), where)
        line, encoding = decoded.text, decoded.encoding
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(source, _json_error(exc), where)
    except RecursionError:
        return Problem(source, TOO_DEEP, where)
    return record_document(record, source, _record_key(record, where, seen), encoding, where)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a stream, None for each longer than `limit` bytes (skipped unread, a
    megabyte at a time, so a 50 MB line never sits in memory)."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _binary_file(head: bytes) -> str | None:
    """What the first bytes of a JSONL file say it is, if a binary file and not lines of text.

    NUL bytes in a line or two cost those lines (each is said); a file whose lines are mostly
    NULs, or that has none in its first 8 KB, is binary.
    """
    kind = binary_kind(head.replace(b"\x00", b""))  # magic numbers: a PDF, a zip
    if kind or b"\x00" not in head:
        return kind
    lines = head.split(b"\n")[:-1]  # the complete ones
    if not lines or sum(b"\x00" in line for line in lines) * 2 > len(lines):
        return "binary data (it contains NUL bytes)"
    return None


def _lines(stream: IO[bytes], source: str) -> Iterator[Document | Problem]:
    # Looked at before any line is read: a binary file may have no line end for megabytes.
    kind = _binary_file(stream.peek(8192)[:8192])
    if kind:
        yield Problem(source, binary_reason(kind))
        return
    seen: set[str] = set()
    any_text = False
    for n, raw in enumerate(_bounded_lines(stream, MAX_RECORD_BYTES), 1):
        if raw is None:
            any_text = True
            yield Problem(source, record_too_large_reason(), f"line {n}")
            continue
        if n == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        any_text = True
        if b"\x00" in raw:
            yield Problem(source, "binary data (NUL bytes) in the line: not JSON text; "
                                  "fix or remove the line", f"line {n}")
            continue
        yield _line_document(raw, n, source, seen)
    if not any_text:
        yield Problem(source, EMPTY)


def read_jsonl(path: Path, source: str) -> Iterator[Document | Problem]:
    """Every article of a JSON Lines file (.jsonl or .jsonl.gz), streamed line by line."""
    count = 0
    try:
        with (gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb")) as stream:
            for item in _lines(stream, source):
                count += 1
                yield item
    except _GZIP_ERRORS as exc:
        yield Problem(
            source,
            f"truncated or corrupt gzip after {count} records ({exc}); "
            "the records before it were kept, compress the file again",
        )
    except OSError as exc:
        yield Problem(source, f"cannot open: {exc.strerror or exc}; check the file's permissions")


# --- one JSON document ------------------------------------------------------------------


def _load_json_bytes(path: Path, source: str) -> bytes | Problem:
    """The bytes of a .json or .json.gz file, refusing what is too large before reading it all."""
    if not _is_gzip(path):
        return load_single(path, source)
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_SINGLE_BYTES + 1)
    except _GZIP_ERRORS as exc:
        return Problem(source, f"truncated or corrupt gzip ({exc}); compress the file again")
    except OSError as exc:
        return Problem(source, f"cannot open: {exc.strerror or exc}; check the file's permissions")
    if len(data) > MAX_SINGLE_BYTES:  # only this much was decompressed: the size is "over"
        return Problem(source, too_large_reason(None))
    if not data.strip():
        return Problem(source, EMPTY)
    kind = binary_kind(data[:8192])
    return Problem(source, binary_reason(kind)) if kind else data


def read_json(path: Path, source: str) -> Iterator[Document | Problem]:
    """The article of a .json file holding one object, or every article of an array."""
    data = _load_json_bytes(path, source)
    if isinstance(data, Problem):
        yield data
        return
    try:
        decoded = decode_bytes(data, None)
    except DecodeError as exc:
        yield Problem(source, decode_reason(str(exc)))
        return
    try:
        parsed = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        yield Problem(
            source, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}; fix the file"
        )
        return
    except RecursionError:
        yield Problem(source, TOO_DEEP)
        return
    if not isinstance(parsed, list):
        yield record_document(parsed, source, None, decoded.encoding)
        return
    seen: set[str] = set()
    for i, record in enumerate(parsed):
        where = f"record {i}"
        key = _record_key(record, str(i), seen)
        yield record_document(record, source, key, decoded.encoding, where)
