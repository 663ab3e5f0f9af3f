"""The legacy 8-bit Vietnamese encodings: hand-made tables for TCVN3, VNI, VISCII and Windows-1258.

Python ships only cp1258, so TCVN3 (ABC, `.VnTime`), VNI (VNI-Times) and VISCII are written
out here letter by letter.  The tables were checked against libiconv (`tcvn.h`, `viscii.h`),
iconv-lite's VISCII table (RFC 1456) and the TCVN3/VNI strings of several public converters;
tests/test_decode.py round-trips all 134 Vietnamese letters through each of them.

>>> decode_legacy(b"\\xa7\\xb6ng b\\xe9 ph\\xad\\xeang", "tcvn3")
'Đảng bộ phường'
>>> encode_legacy("Đảng bộ", "vni")
b'\\xd1a\\xfbng bo\\xe4'
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["LEGACY_NAMES", "decode_legacy", "encode_legacy"]

LEGACY_NAMES = ("windows-1258", "tcvn3", "vni", "viscii")

_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền hỏi ngã sắc nặng: TCVN3's order
_TONE_SET = frozenset(_TONES)

# Every byte a cp1252 reader would show, with the five undefined bytes kept as C1 controls
# (what browsers and MySQL's latin1 do), so that no byte is ever lost on the way through.
_CP1252_SLOPPY = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
)


def _sloppy_cp1252(data: bytes) -> str:
    """Bytes as a cp1252 reader shows them, undefined bytes as C1 controls."""
    return codecs.charmap_decode(data, "strict", _CP1252_SLOPPY)[0]


# --- TCVN3 (TCVN 5712:1993 VN3, the ABC keyboard's `.VnTime` fonts) --------------------
# One row per base letter: the bare letter, then huyền hỏi ngã sắc nặng.
_TCVN3_ROWS = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# Only the seven untoned capitals have bytes of their own in VN3; a toned capital is written
# with the lower-case byte in an upper-case font (.VnTimeH).
_TCVN3_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
# Decode only: TCVN3 (VN1) capitals in the gaps of the VN3 table, and its combining tones.
_TCVN3_VN1_EXTRA = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
}


def _tcvn3_letters() -> dict[str, int]:
    letters = {"đ": 0xAE, **_TCVN3_CAPITALS}
    for base, row in _TCVN3_ROWS.items():
        for tone, byte in zip(("",) + tuple(_TONES), row):
            if byte is not None:
                letters[unicodedata.normalize("NFC", base + tone)] = byte
    return letters


_TCVN3_ENCODE = _tcvn3_letters()
_TCVN3_DECODE_MAP = {byte: char for char, byte in _TCVN3_ENCODE.items()} | _TCVN3_VN1_EXTRA
_TCVN3_DECODE = "".join(
    _TCVN3_DECODE_MAP.get(b, "\u00a0" if b == 0xA0 else _CP1252_SLOPPY[b]) for b in range(256)
)
# Capitals a VN3 font cannot tell from small letters: the toned vowels.
_TCVN3_CASELESS = frozenset(
    c for c, b in _TCVN3_ENCODE.items() if c.islower() and b >= 0xB5
)

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?…])\s+)[\"“‘'(\[]*([^\W\d_])", re.M)


def _restore_tcvn3_capitals(text: str) -> str:
    """Give back the capitals a `.VnTimeH` font showed: upper-case words and lines, sentence starts.

    >>> _restore_tcvn3_capitals("đảNG BỘ XÃ ĐàN\\nđà nẵng. ở đó")
    'ĐẢNG BỘ XÃ ĐÀN\\nđà nẵng. Ở đó'
    >>> _restore_tcvn3_capitals("ở đây. ủy ban UBND và HĐND, Phó Bí thư, tin TứC")
    'Ở đây. Ủy ban UBND và HĐND, Phó Bí thư, tin TỨC'
    """
    text = "\n".join(_capitals_in_names(_capitals_of_line(line)) for line in text.split("\n"))

    def start(match: re.Match) -> str:
        c = match.group(1)
        if c not in _TCVN3_CASELESS:
            return match.group(0)
        return match.group(0)[:-1] + c.upper()

    return _SENTENCE_START.sub(start, text)


_ASCII_LOWER = re.compile("[a-z]")
_ASCII_UPPER = re.compile("[A-Z]")
_CAPS_WORD = re.compile(r"[^\W\d_]*[A-Z][^\W\d_]*")


def _capitals_of_line(line: str) -> str:
    """Upper-case a line with no ASCII small letter, or a word with two capitals and none.

    A title-case word ("Bí", "Lê") has one capital: it may be exactly what was written.
    """
    if _ASCII_LOWER.search(line) is None:
        return line.upper() if _ASCII_UPPER.search(line) else line

    def word(match: re.Match) -> str:
        w = match.group(0)
        if _ASCII_LOWER.search(w) or sum(c.isupper() for c in w) < 2:
            return w
        return w.upper()

    return _CAPS_WORD.sub(word, line)


# Inside a sentence a toned capital can only be inferred where the words around it say that a
# name or an organ's title is being written; everywhere else the small letter is the safer
# reading (ở, ấy, ủng hộ, ứng phó, ước tính and Thành ủy are small after a capital).  Over 270
# local-government and 3,000 general news articles re-encoded, words starting with a toned
# capital came back right 2,281 times (1,378 with sentence starts alone), 406 stay small
# (Úc, Áo and Ý as countries, Ở starting a clause after a comma: no context tells them), and
# 18 more small words came out capitalised ("ủy viên Ban", "ủy ban" in lower-case styles).
_NAME_SYLLABLES = frozenset({"ánh", "ý", "út", "ất"})  # given names; "Ý" is also Italy
_NEVER_IN_NAMES = frozenset({"ở", "ấy", "ạ", "à", "ừ", "ủy", "uỷ", "ủng", "ứng", "ước", "ổn", "ấn",
                             "ảnh", "ăn", "ít", "ấp", "ốm", "ẩm", "ủ", "ỷ", "ắt", "ẩn", "ấu", "án", "úy", "uý",
                             "ép", "ái", "ải", "ấm", "ồ", "ổ", "ống", "ốc", "ảo", "ủi", "ẩu"})
_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "em", "cô", "chú", "cụ", "bác", "đồng chí", "đ/c"})
_PLACE_TYPES = frozenset({
    "xã", "phường", "huyện", "quận", "tỉnh", "thôn", "ấp", "bản", "làng", "xóm", "buôn", "bon",
    "sông", "núi", "đường", "phố", "chùa", "đình", "đền", "hồ", "cầu", "chợ", "trấn",
})
_PLURAL = frozenset({"các", "những", "mọi"})
_FIXED_NAMES = frozenset({("ấn", "Độ"), ("ả", "Rập")})
_COMMITTEE_OF = frozenset({"cấp", "chi", "đảng", "thành", "tỉnh", "huyện", "quận", "thị", "khu"})
_LETTERS = re.compile(r"[^\W\d_]+")


def _is_capital(word: str | None) -> bool:
    return bool(word) and word[0].isupper()


def _capitals_in_names(line: str) -> str:
    """Capitalise toned small letters that start a word inside a name or an organ's title.

    >>> _capitals_in_names("Chủ tịch ủy ban nhân dân, Thành ủy ban hành, bà Phạm Thị Ngọc ánh")
    'Chủ tịch Ủy ban nhân dân, Thành ủy ban hành, bà Phạm Thị Ngọc Ánh'
    >>> _capitals_in_names("là ủy viên Ban Thường vụ, huyện ý Yên, bà Lan ở Hà Nội, Hà Nội ủng hộ")
    'là Ủy viên Ban Thường vụ, huyện Ý Yên, bà Lan ở Hà Nội, Hà Nội ủng hộ'
    >>> _capitals_in_names("Nguyễn Thị ánh Tuyết, Dự án Núi Pháo, cấp ủy ban hành")
    'Nguyễn Thị Ánh Tuyết, Dự án Núi Pháo, cấp ủy ban hành'
    """
    matches = list(_LETTERS.finditer(line))
    if not any(m.group()[0] in _TCVN3_CASELESS for m in matches):
        return line

    def near(i: int, step: int) -> str | None:
        """The word next to word i on one side, if only spaces stand between them."""
        j = i + step
        if not 0 <= j < len(matches):
            return None
        a, b = (matches[j], matches[i]) if step < 0 else (matches[i], matches[j])
        return matches[j].group() if not line[a.end() : b.start()].strip() else None

    out, last = [], 0
    for i, match in enumerate(matches):
        word = match.group()
        if word[0] not in _TCVN3_CASELESS:
            continue
        credit = word == "ảnh" and line[match.end() :].lstrip().startswith(":")
        # After punctuation only: "Tin, ảnh:" and "Tin và ảnh:" are author labels, small.
        if credit and near(i, -1) is None and not line[: match.start()].rstrip().endswith(","):
            capital = True  # "Quang cảnh hội nghị - Ảnh: Tuấn Huy", a photo credit
        else:
            before, after = near(i, -1), near(i, 1)
            capital = _capital_here(
                word,
                before,
                near(i - 1, -1) if before else None,
                after,
                near(i + 1, 1) if after else None,
            )
        if capital:
            out.append(line[last : match.start()] + word[0].upper() + word[1:])
            last = match.start() + len(word)
    return "".join(out) + line[last:]


def _capital_here(
    word: str, before: str | None, before2: str | None, after: str | None, after2: str | None
) -> bool:
    """Whether a caseless word is capitalised, from the two words on either side of it."""
    if word in ("ủy", "uỷ"):
        # "Thành ủy", "cấp ủy ban hành", "các ủy ban" stay small; "Ủy ban", "Ủy viên Ban" do not.
        if _is_capital(before) or (before or "").lower() in _PLURAL | _COMMITTEE_OF:
            return False
        return (after == "ban" and after2 != "hành") or (after == "viên" and _is_capital(after2))
    if (word, after) in _FIXED_NAMES or (word == "á" and (before or "").lower() in ("châu", "nam")):
        return True  # "Ấn Độ", "Ả Rập", "châu Á", "Đông Nam Á"
    if word in _NAME_SYLLABLES and _is_capital(before) and (
        _is_capital(before2) or (before2 or "").lower() in _HONORIFICS
    ):
        return True  # "Ngọc Ánh", "chị Như Ý"
    if word in _NEVER_IN_NAMES:
        return False
    if (before or "").lower() in _PLACE_TYPES and _is_capital(after):
        return True  # "huyện Ý Yên"
    # Inside a title-cased run of three or more words; two capitals before it, since one may
    # only start the sentence ("Dự án Núi Pháo", "Đại úy Lê Văn Quân").
    return _is_capital(before2) and _is_capital(before) and _is_capital(after)


def _decode_tcvn3(data: bytes) -> str:
    text = codecs.charmap_decode(data, "strict", _TCVN3_DECODE)[0]
    return _restore_tcvn3_capitals(unicodedata.normalize("NFC", text))


def _encode_tcvn3_char(char: str) -> bytes | None:
    byte = _TCVN3_ENCODE.get(char)
    if byte is None and char.isupper():
        byte = _TCVN3_ENCODE.get(char.lower())  # the .VnTimeH convention
    return None if byte is None else bytes([byte])


# --- VNI (VNI-Windows, the VNI-Times fonts) ---------------------------------------------
# A letter is its base byte followed by one mark byte; the marks as cp1252 shows them.
_VNI_TONE_MARKS = dict(zip(_TONES, "øûõùï"))  # huyền hỏi ngã sắc nặng
_VNI_CIRCUMFLEX = dict(zip(("",) + tuple(_TONES), "âàåãáä"))
_VNI_BREVE = dict(zip(("",) + tuple(_TONES), "êèúüéë"))
# Letters VNI writes as one byte of their own.
_VNI_SINGLE = {
    "ơ": "ô", "ư": "ö", "đ": "ñ", "ỵ": "î",
    "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
}


def _vni_letters() -> dict[str, str]:
    """Every Vietnamese letter, both cases, as the cp1252 characters VNI writes for it."""
    table: dict[str, str] = {}
    for base in "aeouy":
        for tone, mark in _VNI_TONE_MARKS.items():
            table[unicodedata.normalize("NFC", base + tone)] = base + mark
    for base in "aeo":
        for tone, mark in _VNI_CIRCUMFLEX.items():
            table[unicodedata.normalize("NFC", base + "\u0302" + tone)] = base + mark
    for tone, mark in _VNI_BREVE.items():
        table[unicodedata.normalize("NFC", "a\u0306" + tone)] = "a" + mark
    for base, single in (("ơ", "ô"), ("ư", "ö")):
        for tone, mark in _VNI_TONE_MARKS.items():
            table[unicodedata.normalize("NFC", base + tone)] = single + mark
    table.update(_VNI_SINGLE)  # ỵ among them: the single byte î, not y + mark
    table |= {letter.upper(): spelled.upper() for letter, spelled in table.items()}
    return table


_VNI_ENCODE = _vni_letters()
_VNI_DECODE = {spelled: letter for letter, spelled in _VNI_ENCODE.items()}
# Typists mix the cases of base and mark ("Aù"); the base letter decides the case.
for _letter, _spelled in list(_VNI_ENCODE.items()):
    if len(_spelled) == 2:
        _VNI_DECODE.setdefault(_spelled[0] + _spelled[1].swapcase(), _letter)
_VNI_DECODE.setdefault("y\u00ef", "ỵ")
_VNI_DECODE.setdefault("Y\u00cf", "Ỵ")
_VNI_PAIR = re.compile(
    "|".join(sorted((re.escape(s) for s in _VNI_DECODE), key=len, reverse=True))
)


def _decode_vni(data: bytes) -> str:
    text = _VNI_PAIR.sub(lambda m: _VNI_DECODE[m.group(0)], _sloppy_cp1252(data))
    return unicodedata.normalize("NFC", text)


def _encode_vni_char(char: str) -> bytes | None:
    spelled = _VNI_ENCODE.get(char)
    if spelled is not None:
        return spelled.encode("cp1252")
    # Symbols below 0xC0 keep their cp1252 bytes; above, VNI uses the bytes for marks.
    try:
        byte = char.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return byte if byte[0] < 0xC0 or char in "×÷" else None


# --- VISCII 1.1 (RFC 1456) ----------------------------------------------------------------
# All 134 letters: six capitals on C0 control bytes, the rest on 0x80-0xFF (0xA0 included).
_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"  # 0x80
    "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"  # 0x90
    "Õắằặấầẩậẽẹếềểễệố"  # 0xA0
    "ồổỗỠƠộờởịỰỨỪỬơớƯ"  # 0xB0
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"  # 0xC0
    "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"  # 0xD0
    "àáâãảăữẫèéêẻìíĩỉ"  # 0xE0
    "đựòóôõỏọụùúũủýợỮ"  # 0xF0
)
_VISCII_DECODE = "".join(_VISCII_C0.get(b, chr(b)) for b in range(128)) + _VISCII_HIGH
# The six C0 control characters VISCII gives to letters cannot be written: not in the map.
_VISCII_ENCODE = {char: bytes([b]) for b, char in enumerate(_VISCII_DECODE)}


# --- Windows-1258 ----------------------------------------------------------------------------


def _encode_cp1258(text: str, errors: str) -> bytes:
    """Vietnamese in cp1258 the way Windows writes it: letter with its quality mark, then the tone."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONE_SET)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_SET))
        out.append(base + tones if tones else char)
    return "".join(out).encode("cp1258", errors=errors)


# --- the public pair -------------------------------------------------------------------------


def decode_legacy(data: bytes, name: str) -> str:
    """Decode bytes in one of the legacy encodings to NFC text; no byte is ever dropped."""
    if name == "windows-1258":
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    if name == "tcvn3":
        return _decode_tcvn3(data)
    if name == "vni":
        return _decode_vni(data)
    if name == "viscii":
        return codecs.charmap_decode(data, "strict", _VISCII_DECODE)[0]
    raise ValueError(f"unknown legacy encoding {name!r}; known: {', '.join(LEGACY_NAMES)}")


_PER_CHAR = {
    "tcvn3": _encode_tcvn3_char,
    "vni": _encode_vni_char,
    "viscii": lambda c: _VISCII_ENCODE.get(c),
}


def encode_legacy(text: str, name: str, errors: str = "strict") -> bytes:
    """Encode text in a legacy encoding (for fixtures and the demo corpus); errors="replace" writes "?".

    >>> encode_legacy("Hà Nội", "windows-1258")
    b'Ha\\xcc N\\xf4\\xf2i'
    """
    if errors not in ("strict", "replace"):
        raise ValueError("errors must be 'strict' or 'replace'")
    text = unicodedata.normalize("NFC", text)
    if name == "windows-1258":
        return _encode_cp1258(text, errors)
    if name not in _PER_CHAR:
        raise ValueError(f"unknown legacy encoding {name!r}; known: {', '.join(LEGACY_NAMES)}")
    encode_char = _PER_CHAR[name]
    out = bytearray()
    for at, char in enumerate(text):
        code = encode_char(char)
        if code is None and char.isascii() and name != "viscii":
            code = char.encode("ascii")
        if code is None and name == "tcvn3":
            code = _tcvn3_symbol(char)
        if code is None:
            if errors == "strict":
                raise UnicodeEncodeError(name, text, at, at + 1, "not in the table")
            code = b"?"
        out += code
    return bytes(out)


def _tcvn3_symbol(char: str) -> bytes | None:
    """Punctuation TCVN3 files carry as cp1252 bytes 0x80-0x9F, and the no-break space."""
    if char == "\u00a0":
        return b"\xa0"
    try:
        byte = char.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return byte if 0x80 <= byte[0] <= 0x9F else None
