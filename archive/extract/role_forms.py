"""One canonical form per role, beside the form as written, so an official's roles group and
count: "Chủ tịch UBND xã Kim Bình", "chủ tịch Uỷ ban nhân dân xã Kim Bình" and "Chủ tịch
Ủy ban ND xã Kim Bình" are one role.

The canonical form expands the abbreviations of the genre (UBND, HĐND, MTTQ, UVBTV, TP ...),
places tone marks the 1989 way (Uỷ → Ủy), and writes letter case as state documents do: a
capital for the role's first word, for organs' proper names (Ủy ban nhân dân, Đảng ủy,
Quốc hội) and for place names, lower case for unit words (xã, phường, huyện) and the rest.
"""

from __future__ import annotations

import re

from ..normalise import canonical_tones

__all__ = ["canonical_role"]

# Abbreviation -> full form, as state documents write it.  Keys are matched as whole words,
# case-sensitively for the short ones that are common syllables too ("ND", "CA").
_EXPANSIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQ": "Mặt trận Tổ quốc",
    "UVBTV": "Ủy viên Ban Thường vụ",
    "UV BTV": "Ủy viên Ban Thường vụ",
    "UVTV": "Ủy viên Thường vụ",
    "UVBCH": "Ủy viên Ban Chấp hành",
    "UV BCH": "Ủy viên Ban Chấp hành",
    "UVTW": "Ủy viên Trung ương",
    "UVTƯ": "Ủy viên Trung ương",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "BTVTU": "Ban Thường vụ Tỉnh ủy",
    "ĐBQH": "Đại biểu Quốc hội",
    "QH": "Quốc hội",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "T.Ư": "Trung ương",
    "T.W": "Trung ương",
    "UBKT": "Ủy ban Kiểm tra",
    "LĐLĐ": "Liên đoàn Lao động",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "CCB": "Cựu chiến binh",
    "BQL": "Ban Quản lý",
    "KCN": "khu công nghiệp",
    "HTX": "Hợp tác xã",
    "TNCS": "Thanh niên Cộng sản",
    "TNCS HCM": "Thanh niên Cộng sản Hồ Chí Minh",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN-PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn",
    "TN&MT": "Tài nguyên và Môi trường",
    "TN-MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GD-ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KH-ĐT": "Kế hoạch và Đầu tư",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "GTVT": "Giao thông vận tải",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP HCM": "Thành phố Hồ Chí Minh",
    "TP.": "thành phố",
    "TP": "thành phố",
    "Tp.": "thành phố",
    "Tp": "thành phố",
    "TX.": "thị xã",
    "TX": "thị xã",
    "TT.": "thị trấn",
    "P.": "phường",
    "Q.": "quận",
    "H.": "huyện",
}
_ABBREVIATION = re.compile(
    r"(?<![\w.&-])(" + "|".join(re.escape(k) for k in sorted(_EXPANSIONS, key=len, reverse=True))
    + r")(?![\w&])"
)
# Unit words: lower case, and the words after them are a place's name, capitalised.
_UNITS = ("thành phố", "thị xã", "thị trấn", "phường", "xã", "huyện", "quận", "tỉnh", "thôn",
          "xóm", "ấp", "bản", "tổ dân phố", "khu phố")
# Titles and organs whose case state documents and the press fix, as they write them.
_CASED = (
    "Tổng Bí thư", "Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch", "Chủ tịch nước",
    "Thủ tướng", "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Giám đốc", "Phó Giám đốc",
    "Tổng Giám đốc", "Trưởng", "Phó Trưởng", "Phó trưởng",
    "Chủ nhiệm", "Phó Chủ nhiệm", "Ủy viên", "Chánh Văn phòng", "Chánh án", "Viện trưởng",
    "Cục trưởng", "Tổ trưởng", "Đội trưởng", "Chỉ huy trưởng", "Chính trị viên", "Thường trực",
    "Đại biểu Quốc hội", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc",
    "Mặt trận Tổ quốc", "Ban Chấp hành", "Ban Thường vụ", "Bộ Chính trị", "Ban Bí thư",
    "Quốc hội", "Chính phủ", "Trung ương", "Đảng ủy", "Tỉnh ủy", "Thành ủy", "Huyện ủy",
    "Quận ủy", "Thị ủy", "Đảng bộ", "Đảng đoàn", "Ban cán sự đảng", "Chi bộ", "Đảng",
    "Ủy ban Kiểm tra", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Liên đoàn Lao động",
    "Công an", "Ban Chỉ huy Quân sự", "Quân sự", "Hợp tác xã", "Tòa án nhân dân",
    "Viện Kiểm sát nhân dân", "Việt Nam", "Hồ Chí Minh", "Nhà nước",
)
# Kinds of organ whose name follows ("Sở Tài chính", "Ban Tổ chức", "Phòng Văn hóa"): the
# kind and the first word of the name take capitals.
_KINDS = ("sở", "bộ", "ban", "phòng", "cục", "chi cục", "tổng cục", "trung tâm", "văn phòng",
          "hội", "đoàn", "viện", "trường", "bệnh viện", "trạm", "ủy ban", "liên minh")
_TITLE_ENDS = frozenset("trưởng phó đốc tịch thư viên nhiệm chánh".split())
_NOT_A_NAME = frozenset("và của các cấp thường trực nhân dân".split())
_SPACES = re.compile(r"\s+")
_GLUED = re.compile(r"(?<![\w.])((?:TP|Tp|TX|TT|P|Q|H)\.)(?=[A-ZĐÀ-Ỹ](?![A-Z.]))")


def _table(phrases) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lower-case words (tones placed canonically) -> the words as they are cased."""
    return {tuple(canonical_tones(p).lower().split(" ")): tuple(canonical_tones(p).split(" "))
            for p in phrases}


_CASED_TABLE = _table(_CASED)
_UNIT_TABLE = _table(_UNITS)
_KIND_TABLE = _table(_KINDS)
_COMMITTEES = set(_table(("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy")))


def canonical_role(role: str) -> str:
    """The role in its canonical form: abbreviations expanded, tones and case unified.

    >>> canonical_role("Chủ tịch UBND xã Kim Bình") == canonical_role("chủ tịch Uỷ ban nhân dân xã Kim Bình")
    True
    >>> canonical_role("UVBTV tỉnh ủy, trưởng Ban Tổ chức") == canonical_role("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban tổ chức")
    True
    >>> canonical_role("Giám đốc Sở NN&PTNT tỉnh Hà Nam")
    'Giám đốc Sở Nông nghiệp và phát triển nông thôn tỉnh Hà Nam'
    >>> canonical_role("Phó Chủ tịch Thường trực HĐND TP Phủ Lý")
    'Phó Chủ tịch Thường trực Hội đồng nhân dân thành phố Phủ Lý'
    """
    text = _GLUED.sub(r"\1 ", role.strip())  # "TP.Hà Nội" is "TP. Hà Nội"
    text = _ABBREVIATION.sub(lambda m: f" {_EXPANSIONS[m.group(1)]} ", text)
    text = canonical_tones(text)
    words = _SPACES.sub(" ", text).strip().split(" ")
    lower = [w.lower() for w in words]
    out = list(lower)
    i = 0
    while i < len(words):
        unit = _longest(lower, i, _UNIT_TABLE)
        if unit and not (i + unit < len(lower) and lower[i + unit] in ("ủy", "uỷ", "đội", "đoàn")):
            i += unit
            while i < len(words) and _is_name_word(words[i]):  # the place's name
                out[i] = _capital(lower[i])
                i += 1
            continue
        cased = _longest(lower, i, _CASED_TABLE)
        kind = _longest(lower, i, _KIND_TABLE)
        # a kind word is an organ only where it is written as one ("Sở Tài chính", "ban Tổ
        # chức"), never in a common noun ("cán bộ", "hội viên")
        written_as_organ = words[i][:1].isupper() or (
            i + kind < len(words) and words[i + kind][:1].isupper())
        after_title = i and lower[i - 1] in _TITLE_ENDS  # "trưởng ban tổ chức"
        if kind and not (written_as_organ or after_title):
            kind = 0
        if kind and i and lower[i - 1] in ("cán", "đảng", "chi"):
            kind = 0
        if kind > cased:
            out[i] = _capital(lower[i])
            following = i + kind
            if (following < len(lower) and lower[following] not in _NOT_A_NAME
                    and not _longest(lower, following, _UNIT_TABLE)
                    and not _longest(lower, following, _CASED_TABLE)):
                out[following] = _capital(lower[following])
                following += 1
            i = following
            continue
        if cased:
            phrase = tuple(lower[i : i + cased])
            out[i : i + cased] = _CASED_TABLE[phrase]
            i += cased
            if phrase in _COMMITTEES:  # "Tỉnh ủy Nghệ An": the committee's place follows
                while i < len(words) and _is_name_word(words[i]):
                    out[i] = _capital(lower[i])
                    i += 1
            continue
        i += 1
    if out:
        out[0] = _capital(out[0])
    return " ".join(out)


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _is_name_word(word: str) -> bool:
    """A word of a place's name: capitalised as written, or a number ("tổ dân phố số 3")."""
    return word[:1].isupper() or word.isdigit() or word.lower() == "số"


def _longest(words: list[str], i: int, table: dict) -> int:
    """The length of the longest phrase of the table starting at word i, or 0."""
    for size in range(min(6, len(words) - i), 0, -1):
        if tuple(words[i : i + size]) in table:
            return size
    return 0
