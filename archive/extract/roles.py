"""Where a role ends: a title, its organ and its place, and nothing of the clause after it.

A role as written is a title ("Chủ tịch") and the organ it heads ("UBND", "Hội Cựu chiến
binh", "tổ dân phố số 3") with its place ("phường", "xã Kim Bình", "tỉnh Hà Nam"). News runs
the sentence straight on ("... Chủ tịch Ủy ban MTTQ phường ôn lại truyền thống"), so a role
is read word by word and ends where that grammar ends: after a unit word and its name, at a
lower-case word that is no part of an organ's name, at a word opening the next sentence, or
at the next title.
"""

from __future__ import annotations

import re

from ..normalise import canonical_tones

__all__ = ["role_end"]

_WORD = re.compile(r"\S+")


def _phrases(text: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases (lower case) by first word, longest first, for matching word by word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in text.split("|"):
        words = tuple(phrase.strip().split())
        if words:
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


# Administrative units and the residential units below them; a name or number follows.
_UNITS = _phrases(
    "phường|xã|thị trấn|huyện|quận|tỉnh|thành phố|thị xã|thôn|xóm|bản|buôn|bon|ấp|làng|"
    "sóc|khu phố|tổ dân phố|tổ dân cư|khu dân cư|khu|tổ|cụm|tp|tp.|tx|tx.|q.|p.|h.|tt.|tt"
)
# Words after a unit word that make it an organ instead ("Tỉnh ủy", "Xã đội", "xã hội").
_UNIT_ORGAN = frozenset("ủy uỷ đội đoàn".split())
# "thành ủy", "thị ủy", "thành đoàn": committees of a city or town, its name may follow.
_COMMITTEE_ONLY = frozenset({"thành", "thị"})
_NOT_UNIT = frozenset("hội viên ủy uỷ đội đoàn dân".split())
# Unit words that are common words too; they are units only with a name or number after.
_NAMED_ONLY = frozenset("tổ khu cụm bản làng sóc ấp buôn bon".split())
# Lower-case words that belong to the organ a title heads.
_ORGAN = _phrases(
    "ủy|uỷ|ủy ban|uỷ ban|ban|nhân dân|hội đồng|đảng ủy|đảng uỷ|đảng bộ|đảng đoàn|đảng|"
    "ban cán sự|mặt trận|tổ quốc|mặt trận tổ quốc|hội|nông dân|liên hiệp|phụ nữ|"
    "cựu chiến binh|chiến binh|đoàn|thanh niên|cộng sản|công đoàn|liên đoàn|lao động|"
    "công an|quân sự|chỉ huy|văn phòng|chi bộ|chi hội|chi đoàn|chi cục|cục|sở|phòng|"
    "trung tâm|trường|trạm|đội|nước|chính phủ|quốc hội|hợp tác xã|thường trực|thường vụ|"
    "chấp hành|cao cấp|phó|chính|bệnh viện|đa khoa|kiểm lâm|thanh tra|mầm non|tiểu học|"
    "trung học|cơ sở|phổ thông|đại biểu|dân cư|nhân dân tự quản|điều hành|công tác|"
    "tự quản|an ninh|bảo vệ|dân phòng|viện|tòa án|toà án|kiểm sát|huyện đội|xã đội|"
    "phường đội|thành đoàn|tỉnh đoàn|huyện đoàn|quận đoàn|bộ phận|báo|báo điện tử|tạp chí|đài"
)
# Organs named by a kind word ("ban", "phòng", "sở") whose name is often lower case.
_KINDS = frozenset(
    "ban|ủy ban|uỷ ban|phòng|sở|cục|chi cục|trung tâm|hội|văn phòng|đội|trạm|"
    "ban cán sự|chi hội|trường|bộ phận|báo|tạp chí|đài|viện|tổng cục".split("|")
)
_DEPARTMENTS = _phrases(
    "tổ chức|tuyên giáo|dân vận|kiểm tra|nội chính|chỉ huy|chỉ đạo|công tác|điều hành|"
    "pháp chế|kinh tế|văn hóa|văn hoá|thông tin|tài chính|kế hoạch|nội vụ|y tế|giáo dục|"
    "đào tạo|quản lý|đô thị|xây dựng|nông nghiệp|phát triển|nông thôn|địa chính|tài nguyên|"
    "môi trường|thương binh|xã hội|khuyến học|người cao tuổi|chữ thập đỏ|cảnh sát|hình sự|"
    "an ninh|giao thông|dân số|dân tộc|tôn giáo|đại diện|bảo vệ|tư pháp|tiếp công dân|"
    "dân nguyện|văn hóa - xã hội|kinh tế - ngân sách|mặt trận|phụ huynh|hạ tầng|"
    "kinh tế - hạ tầng|thi đua|khen thưởng|dân chủ|giám sát|vận động|quân sự|thống kê|"
    "và|nhân dân|cựu chiến binh|nông dân|phụ nữ|thanh niên|tổng hợp|bầu cử|dự án|"
    "bồi thường|giải phóng mặt bằng|an toàn giao thông|phòng chống|thi hành án|quỹ đất|"
    "hỗ trợ|truyền thông|nghiệp vụ|hành chính|tổng hợp|chính sách|xã hội"
)
# Capitalised words that open a sentence, never a part of an organ or place name, when a
# lower-case word or a number follows ("Theo đó", "Được biết", "Sáng 10").
_OPENERS = frozenset(
    "theo trong được sáng chiều tối trưa tại sau trước ngày hôm khi với từ để do vì "
    "nhưng tuy còn hiện cũng đây đó qua dịp cùng thế như nếu ngoài bên riêng cho là "
    "vừa đã sẽ đang".split()
)
# Heads that go on the title before them ("Phó Chủ tịch Thường trực").
_HEAD_SUFFIXES = frozenset({"thường trực", "thường vụ", "đại biểu quốc hội", "đại biểu hđnd", "đbqh"})


def _match(table: dict, words: list[str], i: int, lower: bool = True) -> int:
    """How many words from `i` form one of the table's phrases (0 for none)."""
    first = words[i].lower() if lower else words[i]
    for phrase in table.get(first, ()):
        n = len(phrase)
        if [w.lower() for w in words[i : i + n]] == list(phrase):
            return n
    return 0


def _unit_at(words: list[str], i: int) -> tuple[int, bool]:
    """The length of a unit word at `i`, and whether it names an organ ("Tỉnh ủy")."""
    n = _match(_UNITS, words, i)
    if not n:
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        committee = words[i].lower() in _COMMITTEE_ONLY and after in _UNIT_ORGAN
        return (2, True) if committee else (0, False)
    after = words[i + n].lower() if i + n < len(words) else ""
    if after in _UNIT_ORGAN:
        return n + 1, True
    if after in _NOT_UNIT:
        return 0, False
    if n == 1 and words[i].lower() in _NAMED_ONLY and not (after and (_upper(after) or after == "số")):
        return 0, False  # "tổ chức", "khu vực", "bản tin": no unit without its name

    return n, False


def _upper(word: str) -> bool:
    """Whether a word is written capitalised, as a number or as a symbol (names, acronyms)."""
    return not word[0].isalpha() or word[0].isupper()


def _number(word: str) -> bool:
    """Whether a word is a number, as in "số 3", "phường 8"."""
    return word.rstrip(".,").isdigit()


def role_end(role: str, start: int, heads: re.Pattern, places: frozenset[str]) -> int:
    """Where the role that starts with a title ending at `start` ends in `role`.

    `heads` finds a title at a position; `places` holds place names (lower case, canonical
    tones) that need no unit word before them ("Bí thư Tỉnh ủy Hòa Bình").
    """
    words = [m for m in _WORD.finditer(role, start)]
    texts = [m.group() for m in words]
    end = start
    state = "organ"  # then "unit" (a unit word, its name to come) or "named"
    run: list[str] = []  # the capitalised words just read
    kind = False  # the last organ was a kind word, so a lower-case name may follow
    named = False  # inside a capitalised organ name, whose later syllables may be lower case
    i = 0
    while i < len(texts):
        word = texts[i]
        n, organ = _unit_at(texts, i)
        if n:
            state, run, kind, named = "unit", [], False, False
            i += n
            end = words[i - 1].end()
            if not organ and i + 1 < len(texts) and texts[i].lower() == "số" and _number(texts[i + 1]):
                i += 2
                end, state = words[i - 1].end(), "named"
            elif i < len(texts) and _number(texts[i]):
                i += 1
                end, state = words[i - 1].end(), "named"
            continue
        if _upper(word):
            following = texts[i + 1] if i + 1 < len(texts) else ""
            if word.lower() in _OPENERS and following and (not _upper(following) or _number(following)):
                break
            head = heads.match(role, words[i].start())
            # A second title, unless it is the last word ("xã Tân Mỹ Chánh" is a name).
            if head and i and head.end() < len(role.rstrip()) and (state == "named" or not _upper(texts[i - 1])):
                if head.group(0).lower() not in _HEAD_SUFFIXES:
                    break
            if state == "named" and run and word.lower() in _KINDS and following and not _upper(following):
                break  # "tỉnh Khánh Hòa Ban cán sự ...": a place name ends, a new organ starts
            if state == "unit":
                state = "named"
            run.append(word)
            kind = word.lower() in _KINDS  # "Ban tổ chức", "Cục phòng chống ..."
            i += 1
            end = words[i - 1].end()
            continue
        if state != "organ":
            break
        if run and _is_place(run[1:] if run[0].lower() in _KINDS else run, places):
            break
        organ = 0
        n = _match(_DEPARTMENTS, texts, i) if kind else 0
        if not n:
            n = organ = _match(_ORGAN, texts, i)
        if organ:
            kind = " ".join(texts[i : i + n]).lower() in _KINDS
        if not n and (run or named):
            n = 1  # a lower-case syllable of a capitalised name ("Hội Cựu chiến binh")
        if not n:
            break
        # A capitalised name goes on through its lower-case syllables ("Phòng Bảo vệ chính
        # trị nội bộ", "Hiệp hội bất động sản"); a closing organ word ("Đảng ủy") ends it.
        named = named or (bool(run) and (not organ or kind))
        run = []
        i += n
        end = words[i - 1].end()
    return end


def _is_place(run: list[str], places: frozenset[str]) -> bool:
    """Whether the capitalised words just read end in a place name of two or more words."""
    for k in range(2, min(4, len(run)) + 1):
        if canonical_tones(" ".join(run[-k:])).lower() in places:
            return True
    return False
