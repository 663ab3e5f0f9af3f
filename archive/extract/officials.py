"""Officials named in ward news: full names with the roles the article gives them.

Two patterns cover the genre: a cue word before the name ("đ/c", "đồng chí", "ông", "bà")
with roles after it, and a title before the name ("Chủ tịch UBND xã Nguyễn Văn A").
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import sqlite3
import unicodedata

from ..article import Official
from ..extract.roles import role_end
from ..normalise import canonical_tones, clean_text, search_key

__all__ = ["find_officials"]

# --- letters and syllables ------------------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_BASE_VOWELS = "aăâeêioôơuưy"
_VOWELS = "".join(
    unicodedata.normalize("NFC", v + t) for v in _BASE_VOWELS for t in ["", *_TONE_MARKS]
)
_LOWER = "bcdđfghjklmnpqrstvwxz" + _VOWELS
_UPPER = _LOWER.upper()

# One Vietnamese syllable, lower-cased: onset, one to three vowels, coda.
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_VOWELS}]{{1,3}}"
    rf"(?:ch|ng|nh|[cmnpt])?"
)
# A run of capitalised words; which of them form a name is decided word by word.
# (An apostrophe is a letter of some ethnic-minority names: H'Hen Niê, K'Nhiên.)
_CAP_WORD = rf"[{_UPPER}](?:[{_LOWER}{_UPPER}]|['’](?=[{_UPPER}]))*"
_CAP_RUN = rf"{_CAP_WORD}(?: {_CAP_WORD})*"

# Family names: the first syllable of almost every Kinh name, and the common ones of the
# ethnic minorities that local news reports; they keep "bà con" and "Ban Chấp hành" out.
_FAMILY = frozenset(
    search_key(n)
    for n in """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào
    Đoàn Đinh Lương Trịnh Mai Trương Lâm Phùng Tạ Tô Hà Cao Chu Châu Quách Thái Kiều Lưu La
    Vương Tăng Triệu Khổng Hứa Mạc Nghiêm Âu Lại Từ Giang Tống Thân Quan Đàm Lò Lục Nông
    Hầu Kim Diệp Viên Ninh Bạch Lã Lạc Mạch Sầm Tôn Đồng Khúc Nhữ Phí Trang Vi Ma Bế Cù
    Doãn Đậu Lữ Phương Tiêu Mã Ung Cấn Chử Kha Khuất Đường Bành Chế Hàn Hồng Mẫn Thạch Danh
    Sơn Lăng Nhan Ôn Văn Hoàng Thiều Biện Trình Đới Đồ Khương Khiếu Lường Quàng Cầm Vàng Giàng
    Sùng Mùa Thào Lầu Hờ Tẩn Chảo Bàn Điểu Hà Y Ksor Siu Nay Rơ Rah Đoàn Lê Bạc Cung Dư Đàm
    Giáp Hoa Khưu Lạ Long Lỗ Lê Mẫn Nghị Ngọ Phó Quản Sử Tào Thi Tiết Trà Trác Tường Ưng Vưu
    Yên Hàng Lò Lục Mông Nhâm Phi Tòng Ứng Đỗ Âu""".split()
)

# Title heads: a role starts with one of these (letter case of the first word is free).
_HEADS = r"""Tổng Bí thư|Phó Bí thư|Bí thư|Phó Chủ tịch|Chủ tịch|Phó Thủ tướng|Thủ tướng|
Ủy viên|Uỷ viên|Đảng ủy viên|Đảng uỷ viên|Tỉnh ủy viên|Tỉnh uỷ viên|Thành ủy viên|Thành uỷ viên|
Quận ủy viên|Quận uỷ viên|Huyện ủy viên|Huyện uỷ viên|Thị ủy viên|Thị uỷ viên|UVBTV|UVTV|UVBCH|UVTW|UV BCH|UV BTV|UVTƯ|
Phó trưởng|Trưởng|Phó Giám đốc|Giám đốc|Tổng Giám đốc|Phó Tổng Giám đốc|Chỉ huy trưởng|
Chỉ huy phó|Đại biểu Quốc hội|ĐBQH|Đại biểu HĐND|Tổ trưởng|Tổ phó|Phó Chủ nhiệm|Chủ nhiệm|
Phó Chánh|Chánh|Thường trực|Thường vụ|Hiệu trưởng|Hiệu phó|Thứ trưởng|Bộ trưởng|
Viện trưởng|Phó Viện trưởng|Cục trưởng|Phó Cục trưởng|Vụ trưởng|Phó Vụ trưởng|Tổng cục trưởng|
Chính trị viên|Xã đội trưởng|Phường đội trưởng|Đội trưởng|Đội phó|Đồn trưởng|Phó Đồn trưởng|
Trạm trưởng|Chi cục trưởng|Phó Chi cục trưởng|Phó phòng|Phó ban|Phó Trưởng|Phó Tổng biên tập|Tổng biên tập|Thư ký|
Chánh án|Phó Chánh án|Kiểm sát viên|Thẩm phán|Thanh tra viên|Phó Chủ tịch nước|
Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|
Đại úy|Đại uý|Thượng úy|Thượng uý|Trung úy|Trung uý|Thiếu úy|Thiếu uý|
Chủ tịch nước|Chủ tịch Quốc hội|Phó Chủ tịch Quốc hội|Tổng Thư ký|Đại sứ|Tổng Kiểm toán|
Tổng Thanh tra|Trưởng ban|Phó Trưởng ban|Tổng Tham mưu trưởng|Tư lệnh|Phó Tư lệnh"""
_HEAD_PREFIXES = frozenset({"nguyên", "tân", "quyền", "cựu", "đương"})
_HEAD = rf"(?:(?:nguyên|tân|quyền|cựu|đương kim) )?(?:{_HEADS.replace(chr(10), '')})"
_ROLE_START = re.compile(rf"(?i:{_HEAD})(?![{_LOWER}{_UPPER}])")
_HEAD_ANYWHERE = re.compile(rf"(?<![{_LOWER}{_UPPER}])(?i:{_HEAD})(?![{_LOWER}{_UPPER}])")
# Capitalised words that end a name because a title or an organisation starts there
# ("ông Nguyễn Văn A Chủ tịch..."); none of them is a name syllable.
_NOT_NAME = frozenset(
    "bí phó giám ủy uỷ trưởng chủ ban đảng ubnd hđnd sở bộ tổ cục tổng thủ thứ chỉ "
    "phòng xã phường huyện tỉnh quận tp ông bà".split()
)

# Words that end a role: the verb of the sentence or the next clause begins.
_ROLE_END = re.compile(
    r"\s(?:cho biết|cho rằng|cho hay|nói|phát biểu|khẳng định|nhấn mạnh|đánh giá|chia sẻ|"
    r"thông tin|thông báo|yêu cầu|đề nghị|chỉ đạo|trao|tặng|đã|đang|sẽ|cũng|là|được|bị|"
    r"vừa|tới|đến|dự|chủ trì|làm việc|(?<![Bb]an )kiểm tra|(?<![Bb]an )điều hành|ôn|luôn|từ|nhằm|thăm|tham dự|trả lời|giải thích|xác nhận|"
    r"lưu ý|ký|báo cáo|và(?! [{U}])|cùng|với|khi|tại|về|trong|năm|lúc|hiện|từng|nay|"
    r"người|ghi nhận|biểu dương|chúc mừng|trình bày|đọc|công bố|mong|cảm ơn|gửi|"
    r"nêu|bày tỏ|nhận|giao|quán triệt|của|đồng ý|phản đối|tán thành|kêu gọi|ủng hộ|"
    r"đề xuất|thừa nhận|hướng dẫn|động viên|thăm hỏi|tiếp nhận|tiếp thu|khen|phân tích|"
    r"trực tiếp|đi|ra|vào|ở|do|vì|nên|thì|mà|rồi|hỏi|đáp|gặp|có|chịu|này|xuống|làm|"
    r"kết luận|phải|không|chưa|đứng|để|sau|trước|bằng|lên|qua|ngày|chiều|sáng|tối|hôm|"
    r"giữ|tiếp tục|tái|kiêm|hứa|nhiệm kỳ|vui mừng|xúc động|phấn khởi|khen ngợi|thay mặt|khóa|khoá|tín nhiệm|bầu(?! cử)|chỉ định|bổ nhiệm)(?![{L}{U}])".replace("{U}", _UPPER).replace("{L}", _LOWER)
)
_MAX_ROLE_WORDS = 14
# Titles one person holds at a time, by which the press names them without their name.
_UNIQUE_TITLES = frozenset({"tổng bí thư", "thủ tướng", "chủ tịch nước", "chủ tịch quốc hội"})

# A role given by an appointment rather than after a comma: "được bầu giữ chức Chủ tịch
# HĐND xã", "tái đắc cử Bí thư", "được bầu làm ...", "kiêm Chủ tịch ...".  The words run up
# to a verb that names the post, so "được Chủ tịch UBND tỉnh tặng bằng khen" is not one.
_APPOINTED = re.compile(
    r"(?:\s*,)?\s+(?:(?:tiếp tục|vẫn|đã|vừa|được|tín nhiệm|lại|tái)\s+)*"
    r"(?:(?:bầu|chỉ định|bổ nhiệm|phân công|điều động|giới thiệu|cử)\s+)?"
    r"(?:giữ chức vụ|giữ chức|giữ cương vị|làm|tái đắc cử|đắc cử|tái cử|trúng cử|kiêm nhiệm|kiêm|là"
    r"|(?<=bầu )|(?<=định )|(?<=nhiệm )|(?<=công )|(?<=động )|(?<=thiệu ))\s*"
)

# Separators between a name and its roles and between roles; a dash between two roles has
# a space on at least one side ("Sở NN-PTNT" keeps its hyphen).
_SEPARATOR = re.compile(r"\s*,\s*|\s+[-–—]\s*|[-–—]\s+")
_SEGMENT = re.compile(
    r"(?:(?:TP|Tp|TX|TT|P|Q|H)\.\s?|T\.[ƯW]|(?<=\S)[-–](?=\S)|[^-–—,;()\.:!?\n\"“”])+"
)
_PARENTHESIS = re.compile(r"\s*\((?P<inside>[^()\n]{0,120})\)")
_BRACKET_PART = re.compile(r"[,;]|\s[-–—]\s")

# Cue words: "đ/c", "đồng chí", "ông", "bà", plural "các ...", then a title-like prefix that
# is not part of the name (academic degrees; ranks, which are roles).
_RANKS = (
    "Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|"
    "Đại úy|Đại uý|Thượng úy|Thượng uý|Trung úy|Trung uý|Thiếu úy|Thiếu uý"
)
_CUE = re.compile(
    rf"(?<![{_LOWER}{_UPPER}/])(?P<plural>(?i:các) )?(?P<cue>(?i:đ/c|đồng chí|ông|bà))"
    rf"(?: ?: ?| )"
    rf"(?:(?P<degree>(?:(?:PGS|GS|TS|ThS|Ths|BS|BSCKII|BSCKI|KS|CN|NGƯT|NGND|NSND|NSƯT|LS)"
    rf"\. ?(?:-? ?)?)+ ?)|(?P<rank>{_RANKS}) )?"
    rf"(?P<name>{_CAP_RUN})"
)
# Names after a title have three or four syllables, so shorter runs are not looked at.
_TITLED_RUN = re.compile(
    rf"(?<![{_LOWER}{_UPPER}])(?P<name>{_CAP_WORD}(?: {_CAP_WORD}){{2,}})"
)
# Two-syllable names (Tô Lâm, Lê Duẩn) are read only right after a title, as a whole run
# followed by no other capitalised word.
_SHORT_RUN = re.compile(
    rf"(?<![{_LOWER}{_UPPER}])(?P<name>{_CAP_WORD} {_CAP_WORD})(?! [{_UPPER}])(?![{_LOWER}{_UPPER}'’])"
)
_CAPITAL_BEFORE = re.compile(rf"[{_UPPER}][{_LOWER}{_UPPER}]* $")
_CUE_BEFORE = re.compile(r"(?<!\w)(?i:đ/c|đồng chí|ông|bà)\s*:?\s*$")
# A name that opens a clause and is followed by its post after a dash or comma, with no cue
# word: "Đinh Văn Sáu - Chủ tịch UBND xã", "gồm: Trần Thị B, Phó Chủ tịch HĐND phường".
_OPENING_NAME = re.compile(rf"(?<![{_LOWER}{_UPPER}])(?P<name>{_CAP_RUN})(?=\s*(?:[-–—]|,)\s)")
# What a name opening a clause follows (checked on the few characters before it).
_CLAUSE_OPENS = ("\n", ";", ":", "(", ". ", "! ", "? ", "; ", ": ", "( ", ", ", "\n ", " và ")
_LIST_ITEM = re.compile(rf"\s*(?:;|,| và)\s*(?P<name>{_CAP_RUN})")

# Words after which a capitalised run is a place name unless shown to be a person.
_PLACE_WORDS = re.compile(
    r"(?:phường|xã|thị trấn|quận|huyện|tỉnh|thành phố|thị xã|TP\.?|Tp\.?|P\.|thôn|xóm|"
    r"khu phố|tổ dân phố|ấp|bản|làng|đường|phố)\s$",
    re.IGNORECASE,
)
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:các|những|mọi|nhiều)\s+$", re.IGNORECASE)
# Institutions and streets named after people: the name that follows is theirs.
_NAMED_AFTER = re.compile(
    r"(?:(?<!\w)(?:[Tt]rường|[Pp]hân hiệu|[Đđ]iểm trường)(?: (?:[Tt]iểu học|THCS|THPT|[Mm]ầm non|[Mm]ẫu giáo"
    r"|[Tt]rung học cơ sở|[Tt]rung học phổ thông|[Pp]hổ thông|[Đđ]ại học|ĐH|[Cc]ao đẳng|[Cc]huyên|PTDTBT|PTDTNT"
    r"|[Tt]iểu học và THCS|TH&THCS|TH và THCS))?|(?<!\w)(?:[Đđ]ường|[Pp]hố|[Cc]ầu|[Cc]hợ|[Cc]ông viên|[Nn]hà thờ"
    r"|[Bb]ệnh viện|[Đđ]ền|[Cc]hùa|[Qq]uảng trường|[Kk]hu tưởng niệm|[Nn]hà lưu niệm|[Tt]ượng đài))\s$"
)
_CLAUSE_START = re.compile(r".*(?:[,;:.()!?\n\"“”]|\s[-–—]\s)", re.DOTALL)


def _unit_key(words: list[str]) -> str:
    """The key a place name is looked up by: canonical tones, lower case."""
    return canonical_tones(" ".join(words)).lower()


def _is_syllable(word: str) -> bool:
    """Whether a capitalised word is one Vietnamese syllable written as part of a name."""
    if not (word[1:].islower() or word.isupper() or len(word) == 1):
        return False
    return _SYLLABLE.fullmatch(word.lower()) is not None


# First words of names of the Central Highlands' peoples (Ê Đê, Gia Rai, Ba Na, Cơ Ho ...):
# the syllables after them are not Kinh syllables ("Y Bhin Niê", "Ksor Phước Hà", "H'Hen").
_MINORITY_FIRST = frozenset("y ksor siu rơ nay rah kpă rcom êban ayun niê byă mlô k'".split())
_MINORITY_WORD = re.compile(rf"[{_UPPER}](?:[{_LOWER}]|['’][{_UPPER}])[{_LOWER}]{{0,7}}")
# Middle names: a name that ends on one is not yet complete ("Nguyễn Văn" + "Đúng").
_MIDDLE = frozenset("văn thị đức hữu ngọc đình công quang xuân thanh minh như".split())
# Words that begin a sentence and are almost never a given name: one of them after a
# complete name starts the next sentence, whose full stop the page lost ("Nguyễn Đức Chung
# Đúng là ...", "ông Nguyễn Sự Nhưng ...").
_SENTENCE_WORDS = frozenset(
    "nhưng đúng tuy theo khi trong với vì để tại nếu thì mà cũng đã đang sẽ bị không là "
    "rồi đây đó này vậy còn hay hoặc ngoài sau trước qua cùng các những mỗi".split()
)


def _is_family(word: str) -> bool:
    """Whether a name can start with the word: a family name, or a minority name's first word."""
    lower = word.lower()
    return lower in _FAMILY or lower in _MINORITY_FIRST or lower.startswith(("h'", "h’", "k'", "k’"))


def _name_words(run: str) -> list[str]:
    """The leading words of a capitalised run that can be part of a name.

    >>> _name_words("Nguyễn Đức Chung Đúng"), _name_words("Nguyễn Văn Đúng"), _name_words("Y Bhin Niê")
    (['Nguyễn', 'Đức', 'Chung'], ['Nguyễn', 'Văn', 'Đúng'], ['Y', 'Bhin', 'Niê'])
    """
    words: list[str] = []
    minority = False
    for word in run.split(" "):
        lower = word.lower()
        if not words:
            minority = lower in _MINORITY_FIRST or lower.startswith(("h'", "h’", "k'", "k’"))
        fits = _is_syllable(word) or (minority and _MINORITY_WORD.fullmatch(word) is not None)
        if not fits and minority and not words and re.fullmatch(r"[HK]['’]\w+", word):
            fits = True
        if not fits or (words and lower in _NOT_NAME):
            break
        if len(words) >= 2 and lower in _SENTENCE_WORDS and words[-1].lower() not in _MIDDLE:
            break
        words.append(word)
    return words


def _proper(words: list[str]) -> str:
    """The name with proper capitals; a name written in capitals becomes title case.

    >>> _proper(["ĐẶNG", "ĐÌNH", "THOẢNG"])
    'Đặng Đình Thoảng'
    """
    if all(w.isupper() for w in words):
        words = [w[0] + w[1:].lower() for w in words]
    return " ".join(words)


@functools.cache
def _unit_names() -> frozenset[str]:
    """Names of provinces, districts and communes, old and new, as search keys."""
    db = importlib.resources.files("vietnamadminunits") / "data" / "dataset.db"
    names: set[str] = set()
    with importlib.resources.as_file(db) as path:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for row in conn.execute(
                "SELECT provinceShort, districtShort, wardShort FROM admin_units_legacy"
            ):
                names.update(row)
            for row in conn.execute("SELECT provinceShort, wardShort FROM admin_units"):
                names.update(row)
        finally:
            conn.close()
    return frozenset(canonical_tones(n).lower() for n in names if n)


def _looks_personal(words: list[str]) -> bool:
    """Whether a name has a middle name that places never have (Văn, Thị)."""
    return len(words) >= 3 and words[1].lower() in {"văn", "thị"}


# --- roles ----------------------------------------------------------------------------


def _role_at(text: str, pos: int) -> tuple[str | None, int]:
    """The role that starts at `pos` and where it ends, or None when none starts there."""
    if not _ROLE_START.match(text, pos):
        return None, pos
    seg = _SEGMENT.match(text, pos)
    end = seg.end() if seg else pos
    role = text[pos:end]
    cut = _ROLE_END.search(role)
    if cut:
        role = role[: cut.start()]
    extent = _role_extent(role)
    cut = cut or extent < len(role.rstrip())
    role = role[:extent].strip()
    if not role or len(role.split()) > _MAX_ROLE_WORDS or _ends_with_person(role):
        return None, pos
    return role, (pos + len(role) if cut else end)


def _role_extent(role: str) -> int:
    """How much of a phrase that starts with a title is the role: title, organ and place."""
    head = _ROLE_START.match(role)
    return role_end(role, head.end() if head else 0, _ROLE_START, _unit_names())


def _ends_with_person(role: str) -> bool:
    """Whether a role phrase carries the next person's name ("Phó Chủ tịch xã Lê Văn C")."""
    for m in _TITLED_RUN.finditer(role):
        if m.end() == len(role) and _split_titled(role, m) is not None:
            return True
    return False


def _roles_after(text: str, pos: int) -> tuple[list[str], int]:
    """Roles that follow a name, each after a separator, until something else comes."""
    roles: list[str] = []
    paren = _PARENTHESIS.match(text, pos)
    if paren:
        roles = _bracket_roles(paren.group("inside"))
        pos = paren.end()
    while True:
        sep = _appointed(text, pos) or _SEPARATOR.match(text, pos)
        if not sep:
            break
        role, end = _role_at(text, sep.end())
        if role is None:
            break
        if (role.lower() in _UNIQUE_TITLES and roles == [] and _ROLE_END.match(text, end)
                and not _appointed(text, sep.start())):
            # "… ông X, Tổng Bí thư gửi lời cảm ơn": the one holder of the title, named by it
            # alone, is the subject of the next clause, not X's post
            break
        roles.append(role)
        pos = end
        if end < len(text) and _ROLE_END.match(text, end) and not _appointed(text, end):
            break
    return roles, pos


def _bracket_roles(inside: str) -> list[str]:
    """The roles among the parts of a bracket after a name; ages and birth years are left out.

    >>> _bracket_roles("57 tuổi, Phó bí thư, Chủ tịch UBND xã Kim Bình")
    ['Phó bí thư', 'Chủ tịch UBND xã Kim Bình']
    """
    roles = []
    for part in _BRACKET_PART.split(inside):
        part = part.strip()
        role, _ = _role_at(part, 0) if part else (None, 0)
        if role:
            roles.append(role)
    return roles


def _appointed(text: str, pos: int) -> re.Match | None:
    """The appointment words between a name (or a role) and the post it is given."""
    match = _APPOINTED.match(text, pos)
    if not match or match.end() == pos:
        return None
    head = _ROLE_START.match(text, match.end())
    # "do đồng chí X ... làm trưởng đoàn": a task named in lower case is no post.
    return match if head and _titled_head(head.group(0)) else None


def _role_before(text: str, start: int, seps: tuple[str, ...]) -> str | None:
    """A role written just before a name and cut from it by a separator ("..., đồng chí X")."""
    head = text[max(0, start - 160) : start]
    stripped = head.rstrip()
    sep = next((s for s in seps if stripped.endswith(s)), None)
    if sep is None:
        return None
    clause = stripped[: -len(sep)].rstrip()
    return _clause_role(clause)


def _clause_role(clause: str) -> str | None:
    """The title at the end of a clause: from its first head word to its end."""
    start = _CLAUSE_START.match(clause)
    clause = clause[start.end() :] if start else clause
    for m in _HEAD_ANYWHERE.finditer(clause):
        role = clause[m.start() :].strip()
        if _PLURAL_BEFORE.search(clause, 0, m.start()):
            continue  # "thay mặt các tổ trưởng, ông X": a class of people, not X's title
        if _CUE.search(clause, 0, m.start()):
            break  # "bà A giữ chức Chủ tịch HĐND, ông B ...": the title is A's, not B's
        if (
            role
            and len(role.split()) <= _MAX_ROLE_WORDS
            and not _ROLE_END.search(role)
            and _role_extent(role) >= len(role)  # "Chủ tịch tỉnh X và Đại tá Y": not Y's
            and not _ends_with_person(role)
        ):
            return role
    return None


def _titled_head(head: str) -> bool:
    """Whether a head word before a name is written as a title: capitalised, or after nguyên/tân.

    >>> _titled_head("Chủ tịch"), _titled_head("nguyên Bí thư"), _titled_head("tổ trưởng")
    (True, True, False)
    """
    return head[0].isupper() or head.split(" ", 1)[0].lower() in _HEAD_PREFIXES


# --- names ----------------------------------------------------------------------------


def _split_titled(text: str, run: re.Match, shortest: int = 3) -> tuple[int, list[str]] | None:
    """The person's name at the end of a capitalised run after a title, place names cut off."""
    words = run.group("name").split(" ")
    offsets = [run.start()]
    for w in words[:-1]:
        offsets.append(offsets[-1] + len(w) + 1)
    for i in _name_starts(words):
        name = _name_words(" ".join(words[i:]))
        rest = words[i + len(name):]
        if rest and rest[0].lower() not in _SENTENCE_WORDS:  # a run-on past the name is cut
            continue
        if not shortest <= len(name) <= 4:
            continue
        if _unit_key(name) in _unit_names():
            continue
        if i == 0 and _NAMED_AFTER.search(text, max(0, offsets[i] - 40), offsets[i]):
            return None  # "Trường Tiểu học Lý Tự Trọng": a school named after a person
        after_place = _PLACE_WORDS.search(text[max(0, offsets[i] - 16) : offsets[i]])
        if i == 0 and after_place and not _looks_personal(name):
            return None
        return offsets[i], name
    return None


def _name_starts(words: list[str]) -> list[int]:
    """Where a name may start in a run: after a known place name first, then left to right."""
    starts = [i for i, w in enumerate(words) if _is_family(w)]
    if not starts:
        return []
    units = _unit_names()
    after_unit = [i for i in starts if i and _unit_key(words[:i]) in units]
    return after_unit + [i for i in starts if i not in after_unit]


def _cue_matches(text: str, taken: set[int]) -> list[tuple[int, str, list[str]]]:
    """Officials introduced by a cue word, with plural lists followed item by item.

    Every name a cue introduces goes into `taken`, kept or not: a resident's name must not
    be read again as the name after some title further back.
    """
    found = []
    for m in _CUE.finditer(text):
        words = _name_words(m.group("name"))
        if not words or not _is_family(words[0]) or len(words) > 5:
            continue
        end = m.start("name") + len(" ".join(words))
        roles, pos = _roles_after(text, end)
        if len(words) < 2 or (len(words) == 2 and not roles and m["cue"].lower() in {"ông", "bà"}):
            continue
        before = _role_before(text, m.start(), (",", " -", " –"))
        if m.group("rank"):
            roles.insert(0, m.group("rank"))
        if before:
            roles.insert(0, before)
        taken.add(m.start("name"))
        if not roles and m["cue"].lower() in {"ông", "bà"}:
            continue  # "gia đình ông X ở thôn 5": a resident, not an official
        found.append((m.start("name"), _proper(words), roles))
        if m.group("plural"):
            found.extend(_list_items(text, pos))
    return found


def _list_items(text: str, pos: int) -> list[tuple[int, str, list[str]]]:
    """Further people of a plural list: "các đồng chí: X, Bí thư...; Y, Chủ tịch..."."""
    items = []
    while True:
        m = _LIST_ITEM.match(text, pos)
        if not m:
            break
        words = _name_words(m.group("name"))
        if len(words) < 2 or not _is_family(words[0]):
            break
        end = m.start("name") + len(" ".join(words))
        roles, pos = _roles_after(text, end)
        items.append((m.start("name"), _proper(words), roles))
    return items


def _short_candidate(text: str, run: re.Match) -> bool:
    """Cheap tests first (most two-word capitalised runs are places and organs): a family
    name, then a title just before."""
    first, _, second = run.group("name").partition(" ")
    return (_is_family(first) and second.lower() not in _NOT_NAME
            and _HEAD_ANYWHERE.search(text, max(0, run.start() - 60), run.start()) is not None)


def _titled_matches(text: str, taken: set[int]) -> list[tuple[int, str, list[str]]]:
    """Officials named after their title: "Phó Chủ tịch UBND tỉnh Lê Văn C cho biết",
    "Tổng Bí thư Tô Lâm"."""
    found = []
    runs = [(run, 3) for run in _TITLED_RUN.finditer(text)]
    runs += [(run, 2) for run in _SHORT_RUN.finditer(text)]
    for run, shortest in runs:
        if shortest == 2 and not _short_candidate(text, run):
            continue
        if shortest == 2 and (_CAPITAL_BEFORE.search(text, max(0, run.start() - 12), run.start())
                              or _CUE_BEFORE.search(text, max(0, run.start() - 12), run.start())):
            # the end of a longer run ("Võ Văn Thưởng"), read as a whole above; or a name
            # after "ông"/"bà", which the cue rules read with the post they require
            continue
        split = _split_titled(text, run, shortest)
        if split is None or (shortest == 2 and split[0] != run.start()):
            continue
        start, words = split
        if start in taken:
            continue
        lead = text[max(0, start - 160) : start]
        role = _clause_role(lead)
        if role is None:
            role = _role_before(text, start, (" -", " –"))
        if role is None:
            continue
        roles, _ = _roles_after(text, start + len(" ".join(words)))
        found.append((start, _proper(words), [role, *roles]))
    return found


def _opening_matches(text: str, taken: set[int]) -> list[tuple[int, str, list[str]]]:
    """Officials named at the start of a clause with their post after a dash or comma."""
    found = []
    for m in _OPENING_NAME.finditer(text):
        start = m.start("name")
        if start and not text[max(0, start - 4) : start].endswith(_CLAUSE_OPENS):
            continue  # only where a clause opens
        words = _name_words(m.group("name"))
        if start in taken or len(words) != len(m.group("name").split(" ")):
            continue  # a longer run than a name: a place or an organ, not a person
        if not 2 <= len(words) <= 5 or not _is_family(words[0]) or _unit_key(words) in _unit_names():
            continue
        if _NAMED_AFTER.search(text, max(0, start - 40), start) or _PLACE_WORDS.search(
                text[max(0, start - 16) : start]):
            continue
        roles, _ = _roles_after(text, start + len(m.group("name")))
        if roles:
            found.append((start, _proper(words), roles))
    return found


def _merge(found: list[tuple[int, str, list[str]]]) -> tuple[Official, ...]:
    """One Official per person, in order of first mention, roles merged without repeats."""
    people: dict[str, tuple[str, list[str], set[str]]] = {}
    for _, name, roles in sorted(found, key=lambda f: f[0]):
        key = search_key(name)
        shown, kept, seen = people.setdefault(key, (name, [], set()))
        for role in roles:
            _add_role(kept, role)
    # A name with no post anywhere in the article is no official ("đồng chí X phát biểu").
    return tuple(Official(name, tuple(roles)) for name, roles, _ in people.values() if roles)


def _add_role(kept: list[str], role: str) -> None:
    """Add a role unless it is already there; "Bí thư" and "Bí thư Đảng ủy phường X" are one.

    >>> roles = ["Bí thư"]; _add_role(roles, "Bí thư Đảng ủy phường"); _add_role(roles, "bí thư"); roles
    ['Bí thư Đảng ủy phường']
    """
    key = search_key(role).lower()
    for i, other in enumerate(kept):
        other_key = search_key(other).lower()
        if other_key == key or other_key.startswith(key + " "):
            return
        if key.startswith(other_key + " "):
            kept[i] = role
            return
    kept.append(role)


def find_officials(text: str) -> tuple[Official, ...]:
    """Named officials with their roles as written, in order of first appearance.

    >>> find_officials("Dự có đ/c Bùi Văn Hùng - Bí thư Thành ủy - Chủ tịch HĐND thành phố.")
    (Official(name='Bùi Văn Hùng', roles=('Bí thư Thành ủy', 'Chủ tịch HĐND thành phố')),)
    """
    text = clean_text(text)
    taken: set[int] = set()
    cued = _cue_matches(text, taken)
    taken.update(start for start, _, _ in cued)
    titled = _titled_matches(text, taken)
    taken.update(start for start, _, _ in titled)
    return _merge(cued + titled + _opening_matches(text, taken))
