"""Bytes to text: detect the encoding a Vietnamese page was saved in, decode or repair it.

PLACEHOLDER: only UTF-8 so far; the decoding work replaces this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import DecodeError


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a file's bytes, naming the encoding found."""
    if not data.strip():
        raise DecodeError("the file is empty")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8 (byte {exc.start})") from None


def repair_text(text: str) -> tuple[str, str | None]:
    """Repair text that was decoded wrongly before it reached us; name the repair or None."""
    return text, None
