"""Web archives (.warc, .warc.gz): every HTML response record is an article candidate."""

from __future__ import annotations

import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed

from ..article import Document
from ..clean import parse_date
from ..decode import decode_bytes
from ..errors import DecodeError, Problem
from . import EMPTY, MAX_RECORD_BYTES, decode_reason, record_too_large_reason
from .html import declared_charset, html_document

__all__ = ["read_warc"]

# What a damaged archive raises while warcio reads it.
_DAMAGE = (ArchiveLoadFailed, ChunkedDataException, zlib.error, EOFError, ValueError)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def _is_html(content_type: str | None, payload: bytes) -> bool:
    """HTML by the HTTP header, or by the first bytes when the header says nothing useful."""
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return True
        if kind not in ("", "application/octet-stream", "text/plain", "unknown/unknown"):
            return False
    return _HTML_START.match(payload[:1024]) is not None


def _kind(record) -> str:
    """A record's type for the summary of what a WARC held: "request", "response image/png"."""
    if record.rec_type != "response" or record.http_headers is None:
        return record.rec_type
    content_type = record.http_headers.get_header("Content-Type") or "no content type"
    return f"response {content_type.split(';')[0].strip()}"


def _record_document(record, payload: bytes, source: str) -> Document | Problem:
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    where = f"record {record_id}"
    content_type = record.http_headers.get_header("Content-Type") or ""
    found = _CHARSET.search(content_type)
    declared = found.group(1).lower() if found else declared_charset(payload)
    try:
        decoded = decode_bytes(payload, declared)
    except DecodeError as exc:
        return Problem(source, decode_reason(str(exc)), where)
    # The capture date stands in only when the page itself gives no date (html_document).
    captured = parse_date(record.rec_headers.get_header("WARC-Date") or "")
    return html_document(
        decoded.text,
        source,
        decoded.encoding,
        key=record_id,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        captured=captured,
        where=where,
    )


def _ok_status(record) -> bool:
    status = record.http_headers.get_statuscode() if record.http_headers else None
    return status is None or str(status).startswith("2")


def _damaged(kinds: Counter, detail: str) -> str:
    count = sum(kinds.values())
    if count == 0:
        return f"not a readable WARC ({detail}); check that the file is a web archive"
    return (
        f"truncated or corrupt WARC after {count} records ({detail}); "
        "the records before it were kept, fetch or copy the archive again"
    )


def _responses(stream, size: int, kinds: Counter) -> Iterator[tuple[object, bytes | None]]:
    """The HTML responses of an archive with their payloads (None for one over the bound);
    raises _DAMAGE where it breaks."""
    records = ArchiveIterator(stream)
    for record in records:
        kinds[_kind(record)] += 1
        if record.rec_type != "response" or record.http_headers is None or not _ok_status(record):
            continue  # requests, metadata, redirects, DNS: not articles, and nothing to say
        payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
        if len(payload) > MAX_RECORD_BYTES:  # the rest is skipped unread, a block at a time
            yield record, None
            continue
        if record.raw_stream.limit > 0:
            kinds[_kind(record)] -= 1  # not a record read, only the start of one
            raise EOFError("the last record is cut short")
        if _is_html(record.http_headers.get_header("Content-Type"), payload):
            yield record, payload
    if records.offset < size:  # warcio stops quietly where a gzip member breaks off
        raise EOFError(f"reading stopped at byte {records.offset} of {size}")


def read_warc(path: Path, source: str) -> Iterator[Document | Problem]:
    """Every HTML response of a .warc or .warc.gz file, streamed record by record."""
    kinds: Counter[str] = Counter()
    html = 0
    try:
        size = os.stat(path).st_size
        if size == 0:
            yield Problem(source, EMPTY)
            return
        with open(path, "rb") as stream:
            responses = _responses(stream, size, kinds)
            while True:
                try:
                    record, payload = next(responses)
                except StopIteration:
                    break
                except _DAMAGE as exc:
                    yield Problem(source, _damaged(kinds, str(exc) or type(exc).__name__))
                    return
                html += 1
                if payload is None:
                    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
                    yield Problem(source, record_too_large_reason(), f"record {record_id}")
                else:
                    yield _record_document(record, payload, source)
    except OSError as exc:
        yield Problem(source, f"cannot open: {exc.strerror or exc}; check the file's permissions")
        return
    if not html:
        held = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "no records"
        yield Problem(source, f"no HTML response in this WARC (it holds {held}); nothing to read")
