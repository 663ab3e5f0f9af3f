"""Readers for each input format, and the checks every one-article file goes through first.

Each reader is a generator of Documents and Problems that never raises for bad input:
`read_text`, `read_html`, `read_json`, `read_jsonl`, `read_warc`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..decode import Decoded, decode_bytes
from ..errors import DecodeError, Problem

__all__ = [
    "MAX_SINGLE_BYTES",
    "MAX_RECORD_BYTES",
    "record_too_large_reason",
    "EMPTY",
    "load_single",
    "binary_kind",
    "looks_utf16",
    "binary_reason",
    "too_large_reason",
    "decode_reason",
]

# One article never needs this much; a bigger .txt/.html/.json is a dump or a mistake, and
# reading it whole would hold it all in memory.  JSONL and WARC files are streamed, and each
# of their records has the same bound: a 50 MB line or page is refused before it is read.
MAX_SINGLE_BYTES = 20 * 1024 * 1024
MAX_RECORD_BYTES = MAX_SINGLE_BYTES

EMPTY = "empty file: nothing to read; save the page again or remove the file"

# Magic numbers of files that end up in article folders by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "a program"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def binary_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is, if it is not text; None for text.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind("Phường".encode())
    ('a PDF document', None)
    >>> binary_kind("Phường".encode("utf-16"))  # a BOM says text, NULs or not
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(_BOMS):
        return None
    # No text encoding a Vietnamese page uses has NUL, short of UTF-16: with or without its
    # byte-order mark, that one is left to the decoder, which tells text from binary.
    if b"\x00" in head and not looks_utf16(head):
        return "binary data (it contains NUL bytes)"
    return None


def looks_utf16(head: bytes) -> bool:
    """Whether NUL bytes fall as UTF-16 puts them: in every other byte, on one side only.

    >>> looks_utf16("Phường Minh Khai".encode("utf-16-le")), looks_utf16(b"ab\\x00cd" * 8)
    (True, False)
    """
    even, odd = head[0::2], head[1::2]
    if len(head) < 32:  # too few bytes to tell
        return False
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    return max(zeros_even, zeros_odd) >= 0.3 and min(zeros_even, zeros_odd) <= 0.02


def too_large_reason(size: int | None) -> str:
    """The reason a one-article file of this many bytes (None: unknown, decompressed) is refused.

    >>> too_large_reason(50 * 1024 * 1024)
    'file too large: 50.0 MB, over the 20 MB limit for a one-article file; split it, or store many articles as JSONL'
    """
    size_text = f"{size / 1024 / 1024:.1f} MB" if size is not None else "once decompressed"
    return (
        f"file too large: {size_text}, over the "
        f"{MAX_SINGLE_BYTES // 1024 // 1024} MB limit for a one-article file; "
        "split it, or store many articles as JSONL"
    )


def record_too_large_reason() -> str:
    """The reason a record of a JSONL or WARC file over the bound is refused."""
    return (f"record too large: over the {MAX_RECORD_BYTES // 1024 // 1024} MB limit for one "
            "article; it was skipped unread, and the other records kept")


def binary_reason(kind: str) -> str:
    """The reason a binary file is refused."""
    return f"binary file, not text: {kind}; remove it or convert it to text"


def load_single(path: Path, source: str) -> bytes | Problem:
    """The bytes of a one-article file, or the Problem that keeps it from being read."""
    try:
        size = os.stat(path).st_size
        if size > MAX_SINGLE_BYTES:  # checked before reading: never load a huge file whole
            return Problem(source, too_large_reason(size))
        data = Path(path).read_bytes()
    except OSError as exc:
        return Problem(source, f"cannot open: {exc.strerror or exc}; check the file's permissions")
    if not data.strip():
        return Problem(source, EMPTY)
    kind = binary_kind(data[:8192])
    if kind:
        return Problem(source, binary_reason(kind))
    return data


def decode_reason(message: str) -> str:
    """The reason bytes that could not be decoded are refused, from DecodeError's message."""
    return f"cannot decode: {message}"


def decoded(data: bytes | Problem, source: str, declared: str | None = None) -> Decoded | Problem:
    """Loaded bytes decoded, or the Problem that keeps the file out (passed on as it is)."""
    if isinstance(data, Problem):
        return data
    try:
        return decode_bytes(data, declared)
    except DecodeError as exc:
        return Problem(source, decode_reason(str(exc)))
