"""Bytes to text: detect the encoding a Vietnamese page was saved in, decode or repair it.

Order: byte-order marks, then strict UTF-8 (checked for double-encoded mojibake and for legacy
font text), then every 8-bit candidate scored by how many of its words are Vietnamese
syllables.  A file no candidate reads confidently is rejected with the scores; nothing is
guessed silently.

>>> decode_bytes("Đảng bộ phường".encode("utf-8"))
Decoded(text='Đảng bộ phường', encoding='utf-8')
>>> decode_bytes(b"\\xa7\\xb6ng b\\xe9 ph\\xad\\xeang L\\xad\\xacng Kh\\xb8nh Thi\\xd6n").encoding
'tcvn3'
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass

from .errors import DecodeError
from .legacy_codecs import LEGACY_NAMES, decode_legacy

__all__ = ["Decoded", "decode_bytes", "repair_text", "vietnamese_score", "is_syllable"]

MOJIBAKE = "utf-8-mojibake-repaired"
_FLOOR = 0.7  # share of marked words that must be Vietnamese syllables
_MARGIN = 0.15  # how far the winner must be ahead of the runner-up
_MIN_WORDS = 2  # marked syllables needed before a reading counts as evidence
_SAMPLE_WORDS = 3000  # marked words scored per candidate: enough, and a 50 MB file stays fast


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# --- the syllable validator -----------------------------------------------------------------

_TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_OPEN_ONLY = (  # nuclei ending in a glide: nothing may follow
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ oai oao oay oeo uây uôi "
    "ươi ươu uya iêu yêu uyu"
).split()
_CLOSED_ONLY = "ă â iê yê uô ươ oă uâ uyê".split()  # need a final consonant
_EITHER = "a e ê i o ô ơ u ư y oa oe uê uy oo".split()
_NUCLEI = sorted(_OPEN_ONLY + _CLOSED_ONLY + _EITHER, key=len, reverse=True)
_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"({'|'.join(_NUCLEI)})"
    r"(ch|ng|nh|[cmnpt])?"
)
_OPEN, _CLOSED = frozenset(_OPEN_ONLY), frozenset(_CLOSED_ONLY)
_LOOKALIKE_D = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})


@functools.lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether a word is one well-formed Vietnamese syllable (initial, nucleus, final, one tone).

    >>> [is_syllable(w) for w in ("Thiện", "NGHIÊNG", "quý", "gì", "hoà", "mèt", "Äáº", "ĐảNG")]
    [True, True, True, True, True, False, False, False]
    """
    if not (word.islower() or word.isupper() or word[1:].islower()):
        return False
    parts = unicodedata.normalize("NFD", word.translate(_LOOKALIKE_D).lower())
    tones = [c for c in parts if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    nucleus, final = match.group(2), match.group(3)
    if final and nucleus in _OPEN or not final and nucleus in _CLOSED:
        return False
    # A stop final (c ch p t) takes only sắc or nặng.
    return not (final in ("c", "ch", "p", "t") and tones and tones[0] not in "\u0301\u0323")


_TOKEN = re.compile(r"[^\s\-–—/.,;:!?()\[\]{}\"'“”‘’…<>=+*&|#@%0-9]+")


def vietnamese_score(text: str, limit: int = _SAMPLE_WORDS) -> tuple[float, int]:
    """Share of the words with a non-ASCII letter that are Vietnamese syllables, and their count.

    >>> vietnamese_score("Lương Khánh Thiện, 2020 news")
    (1.0, 3)
    >>> vietnamese_score("L­¬ng Kh¸nh")
    (0.0, 2)
    """
    good = total = 0
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if word.isascii() or len(word) < 2:
            continue  # the same in every reading, or a lone letter or symbol: no evidence
        total += 1
        good += is_syllable(word)
        if total >= limit:
            break
    return (good / total if total else 0.0), total


# --- reading bytes -----------------------------------------------------------------------------

_MAGIC = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip data"), (b"\xd0\xcf\x11\xe0", "Word 97-2003 or other OLE document"),
    (b"RIFF", "RIFF media"), (b"\x7fELF", "program"), (b"BM", None), (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7-Zip archive"), (b"\x00\x00\x00", None),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-bom"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
_DECLARED = {
    "windows-1258": "windows-1258", "cp1258": "windows-1258", "x-cp1258": "windows-1258",
    "tcvn": "tcvn3", "tcvn3": "tcvn3", "tcvn-5712": "tcvn3", "tcvn5712-1": "tcvn3",
    "vni": "vni", "vni-windows": "vni", "viscii": "viscii", "csviscii": "viscii",
}


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a file's bytes, naming the encoding found; raise DecodeError when unsure."""
    if not data:
        raise DecodeError("the file is empty")
    if not data.strip():
        raise DecodeError("the file holds only whitespace")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise DecodeError("UTF-32 text is not supported; save it as UTF-8")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _from_unicode(_decode_strict(data, len(bom), codec, name), name)
    kind = _binary_kind(data)
    if kind:
        raise DecodeError(f"binary file ({kind}), not text")
    if b"\x00" in data:
        return _without_bom_utf16(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _single_byte(data, declared, exc)
    return _from_unicode(text, "utf-8")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if kind and data.startswith(magic):
            return kind
    return None


def _decode_strict(data: bytes, skip: int, codec: str, name: str) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"starts with a {name} byte-order mark but is broken at byte {exc.start + skip}"
        ) from None


def _from_unicode(text: str, name: str) -> Decoded:
    if not text.strip():
        raise DecodeError("the file holds only whitespace")
    repaired, how = repair_text(text)
    return Decoded(repaired, how or name)


def _without_bom_utf16(data: bytes) -> Decoded:
    """NUL bytes: UTF-16 that lost its byte-order mark, if it reads as Vietnamese; else binary."""
    zeros_even = data[0::2].count(0)
    zeros_odd = data[1::2].count(0)
    codec = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = ""
    score, words = vietnamese_score(text)
    if text.strip() and score >= _FLOOR and words >= _MIN_WORDS and "\x00" not in text:
        return _from_unicode(text, codec)
    raise DecodeError(f"binary data: NUL byte at offset {data.index(0)}, and not UTF-16 text")


# --- 8-bit candidates ---------------------------------------------------------------------------


def _candidates(data: bytes) -> dict[str, str]:
    """Every 8-bit reading of the bytes that decodes at all."""
    readings = {}
    for name in LEGACY_NAMES:
        try:
            readings[name] = decode_legacy(data, name)
        except UnicodeDecodeError:
            continue  # cp1258 leaves a few bytes undefined: not this encoding
    repaired = _undo_mojibake(_sloppy_cp1252(data))
    if repaired is not None:
        readings[MOJIBAKE] = repaired
    return readings


def _single_byte(data: bytes, declared: str | None, exc: UnicodeDecodeError) -> Decoded:
    readings = _candidates(data)
    scores = {name: vietnamese_score(text) for name, text in readings.items()}
    hint = _DECLARED.get((declared or "").strip().lower())
    winner = _pick(scores, hint)
    if winner is None:
        raise DecodeError(_why_not(data, scores, exc))
    return Decoded(readings[winner], winner)


def _pick(scores: dict[str, tuple[float, int]], hint: str | None) -> str | None:
    """The clear winner above the floor; a declared charset only breaks near-ties."""
    ranked = sorted(scores, key=lambda n: scores[n][0], reverse=True)
    if not ranked:
        return None
    best = ranked[0]
    runner_up = scores[ranked[1]][0] if len(ranked) > 1 else 0.0
    if hint in scores and hint != best:
        score, words = scores[hint]
        if score >= _FLOOR and words >= _MIN_WORDS and scores[best][0] - score < _MARGIN:
            return hint
    score, words = scores[best]
    if score >= _FLOOR and words >= _MIN_WORDS and score - runner_up >= _MARGIN:
        return best
    return None


def _why_not(data: bytes, scores: dict[str, tuple[float, int]], exc: UnicodeDecodeError) -> str:
    ranked = sorted(scores, key=lambda n: scores[n][0], reverse=True)[:2]
    guesses = " and ".join(f"{n} ({scores[n][0]:.0%})" for n in ranked)
    bad = data[exc.start]
    return (
        f"could not tell the encoding: not UTF-8 (byte 0x{bad:02X} at offset {exc.start}); "
        f"best guesses {guesses} of words read as Vietnamese; "
        "convert the file to UTF-8 or declare its encoding"
    )


# --- repairing text that was already decoded -------------------------------------------------

_CP1252_SLOPPY = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)
_TO_BYTE = {ord(c): b for b, c in enumerate(_CP1252_SLOPPY)}
_TO_BYTE.update({b: b for b in range(0x80, 0xA0)})  # Latin-1 readers give C1 controls


def _sloppy_cp1252(data: bytes) -> str:
    """Bytes as a cp1252 reader shows them, the five undefined bytes as C1 controls."""
    return codecs.charmap_decode(data, "strict", _CP1252_SLOPPY)[0]


def _as_bytes(text: str) -> bytes | None:
    """The bytes a cp1252 or Latin-1 reader was shown, or None if the text cannot have come so."""
    try:
        return text.translate(_TO_BYTE).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _undo_mojibake(text: str) -> str | None:
    """UTF-8 that a cp1252/Latin-1 reader decoded, decoded again properly; None if it is not that."""
    raw = _as_bytes(text)
    if raw is not None:
        if raw.isascii():
            return None
        try:
            return unicodedata.normalize("NFC", raw.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    import ftfy  # only for damaged mojibake: the clean case above needs no heuristics

    fixed = ftfy.fix_encoding(text)
    if fixed == text or _looks_misdecoded(fixed):
        return None  # a half-repaired text is a guess, not a repair
    return unicodedata.normalize("NFC", fixed)


# Characters good Vietnamese text almost never holds but every mis-decoded text does: C1
# controls, Latin-1 symbols, non-Vietnamese Latin letters (Ð included: cheap to re-check),
# cp1252's extra letters.  One character class, so the common case costs a few µs per KB.
_SUSPECT = re.compile(
    "[\u0080-\u009f\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8"
    "\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb"
    "\u00fc\u00fe\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u201a"
    "\u201e\u2020\u2021\u2030\u2039\u203a\u20ac]"
)
# Letter pairs Vietnamese never writes but short VNI, cp1258 and mojibake strings can be made
# of alone ("Vaên hoùa"); a long text always holds a suspect character as well.
_SUSPECT_PAIR = re.compile(
    "[aeouyAEOUY][ùÙ]|[aeoAEO][âÂêÊ]|[aeAE][áÁàÀãÃéÉèÈúÚ]"
    "|[aeiouyâêôAEIOUYÂÊÔ][ÌìÒòÞ]|Ã[\u00a0-\u00bf]"
)
_SHORT = 400


def _looks_misdecoded(text: str) -> bool:
    if _SUSPECT.search(text) is not None:
        return True
    return len(text) < _SHORT and _SUSPECT_PAIR.search(text) is not None


_BYTE_READINGS = (MOJIBAKE,) + LEGACY_NAMES


def repair_text(text: str) -> tuple[str, str | None]:
    """Repair text that was decoded wrongly before it reached us; name the repair or None.

    >>> repair_text("Ä\\x90áº£ng bá»™ phÆ°á»\\x9dng")
    ('Đảng bộ phường', 'utf-8-mojibake-repaired')
    >>> repair_text("§¶ng bé ph­êng")
    ('Đảng bộ phường', 'tcvn3')
    >>> repair_text("Đảng bộ phường, José Müller, 25°C")
    ('Đảng bộ phường, José Müller, 25°C', None)
    """
    if text.isascii() or not _looks_misdecoded(text):
        return text, None
    own_score, _ = vietnamese_score(text)
    if own_score >= _FLOOR:
        return text, None
    raw = _as_bytes(text)
    readings = {}
    for name in _BYTE_READINGS:
        if name == MOJIBAKE:
            reading = _undo_mojibake(text)
        elif raw is None:
            continue
        else:
            try:
                reading = decode_legacy(raw, name)
            except UnicodeDecodeError:
                continue
        if reading is not None:
            readings[name] = reading
    scores = {name: vietnamese_score(reading) for name, reading in readings.items()}
    scores["as is"] = (own_score, 0)
    winner = _pick(scores, None)
    if winner is None or winner == "as is":
        return text, None
    return readings[winner], winner
