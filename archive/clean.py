"""Portal boilerplate out, article parts kept: title, section, byline date and paragraphs.

Used by every reader: the .txt path feeds it the file's lines, the HTML path the lines of the
chosen content block, the JSON path the lines of a record's text. Each rule is a small
function over one line so that it can be tested as a table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .extract.dates import parse_date  # day-first; re-exported for the format readers
from .normalise import clean_text

__all__ = [
    "Cleaned",
    "clean_lines",
    "line_key",
    "is_menu_line",
    "breadcrumb_parts",
    "is_image_name",
    "byline_date",
    "is_tail_marker",
    "is_section_label",
    "strip_leading",
    "parse_date",
]


@dataclass(frozen=True)
class Cleaned:
    """What is left of a page once its boilerplate is out."""

    title: str | None
    category: str | None
    paragraphs: tuple[str, ...]
    published: dt.date | None


# --- comparing lines ----------------------------------------------------------------

def line_key(line: str) -> str:
    """The line as compared: case-folded, spaces collapsed, no punctuation at either end.

    >>> line_key("  Đảng bộ  phường Lương Khánh Thiện. ")
    'đảng bộ phường lương khánh thiện'
    """
    # Plain loops over the ends: a regex anchored at the end rescans long lines from the start.
    start, end = 0, len(line)
    while start < end and not line[start].isalnum():
        start += 1
    while end > start and not line[end - 1].isalnum():
        end -= 1
    return " ".join(line[start:end].split()).casefold()


def _is_copy(line: str, key: str) -> bool:
    """Whether a line is the text whose line_key is key; long lines are ruled out cheaply."""
    return len(line) <= 2 * len(key) + 20 and line_key(line) == key


def _words(line: str) -> int:
    return len(line.split())


# --- menus, skip links, share bars --------------------------------------------------

# Phrases that portals print around an article, never in one: skip links, menus, tool and
# share bars.  A line made only of them (with or without separators) is page furniture.
_MENU_PHRASES = (
    "Skip Ribbon Commands", "Skip to main content", "Skip to content", "Skip navigation",
    "Bỏ qua nội dung", "Bỏ qua menu", "Chuyển đến nội dung chính",
    "Trang chủ", "Trang chu", "Home", "Menu", "Danh mục", "Tìm kiếm", "Search",
    "Đăng nhập", "Đăng ký", "Liên hệ", "Sơ đồ trang", "Sơ đồ site", "Sơ đồ cổng", "English",
    "In bài viết", "In bài", "In trang", "In tin", "Bản in", "In", "Print",
    "Chia sẻ", "Chia sẻ bài viết", "Share", "Tweet", "Like", "Thích", "Facebook", "Twitter",
    "Zalo", "Email", "Gửi email", "Gửi mail", "Gửi bài viết qua email", "Gửi cho bạn bè",
    "Gửi bài viết", "Gửi tin", "Quay lại", "Trở lại", "Trở về", "Quay về", "Back",
    "Lên đầu trang", "Về đầu trang", "Đầu trang", "Về trang trước", "Xem thêm", "Đọc thêm",
    "Xem tiếp", "Xem chi tiết", "Chi tiết", "Đóng", "Close", "Lưu", "Lưu bài viết",
    "Bình luận", "Gửi bình luận", "Ý kiến của bạn", "Đánh giá bài viết", "Tải về",
    "Tải xuống", "Download", "Nghe đọc bài", "Nghe bài viết", "Tắt âm thanh",
    "Lưu bài viết thành công",
)
_MENU = frozenset(line_key(s) for s in _MENU_PHRASES)
# Font-size bars ("Cỡ chữ: A- A+", "A- A A+") and counters ("Lượt xem: 1.287").
_FONT_BAR = r"(?:(?:cỡ chữ|kích thước chữ|cỡ chữ hiển thị|font chữ|font size)\s*:?\s*)?(?:a\s*[-+]?(?:\s+|$)){2,}"
_COUNTER_TEXT = (
    r"(?:lượt xem|số lượt xem|lượt đọc|số lần đọc|số lần xem|lượt truy cập|lượt thích|views?)"
    r"\s*:?\s*\d[\d.,]*"
)
_MENU_ITEM = (
    "(?:"
    + "|".join(sorted((re.escape(p) for p in _MENU_PHRASES), key=len, reverse=True))
    + rf"|{_FONT_BAR}|{_COUNTER_TEXT})(?!\w)"
)
# A run of menu items, separated by bars, dots, slashes, colons or plain spaces.
_MENU_RUN = re.compile(rf"[\s|·•/:-]*{_MENU_ITEM}(?:[\s|·•/:,-]*{_MENU_ITEM})*[\s|·•/:-]*$", re.I)
# Counters, font-size bars and tag lists: "Lượt xem: 120", "A- A A+", "Từ khóa: ...".
_MENU_PATTERN = re.compile(
    rf"{_COUNTER_TEXT}$"
    r"|(?:từ khóa|từ khoá|tags?|thẻ)\s*:"
    r"|(?:a[-+]?\s*){2,}$"
    r"|(?:cổng thông tin|trang thông tin|cổng ttđt|website)\b(?!.*[.!?]$)",
    re.IGNORECASE,
)


def is_menu_line(line: str) -> bool:
    """Whether a line is navigation, a skip link, a tool or share bar, or a counter.

    >>> is_menu_line("Skip Ribbon Commands"), is_menu_line("In bài viết | Gửi email | Quay lại")
    (True, True)
    >>> is_menu_line("In trang | Gửi email | Trở về | Cỡ chữ: A- A+"), is_menu_line("Bản in Quay lại")
    (True, True)
    >>> is_menu_line("Trang chủ của phường được nâng cấp trong năm 2020.")
    False
    """
    if len(line) > 160:
        return False
    if line_key(line) in _MENU:
        return True
    stripped = line.strip()
    return _MENU_PATTERN.match(stripped) is not None or _MENU_RUN.match(stripped) is not None


_CRUMB_SEPARATORS = re.compile(r"\s*(?:>>|»|›|>|→|/|\\)\s*")
_HOME = frozenset({"trang chủ", "trang chu", "home", "trang nhất"})


def breadcrumb_parts(line: str) -> list[str] | None:
    """The sections named by a breadcrumb line after "Trang chủ", or None if it is not one.

    >>> breadcrumb_parts("Trang chủ > Tin tức > Tin tức - Sự kiện")
    ['Tin tức', 'Tin tức - Sự kiện']
    >>> breadcrumb_parts("Trang chủ đã có 5/7 tổ dân phố") is None
    True
    """
    if len(line) > 200:
        return None
    parts = [p.strip() for p in _CRUMB_SEPARATORS.split(line.strip())]
    if len(parts) < 2 or line_key(parts[0]) not in _HOME:
        return None
    parts = [p for p in parts[1:] if p]
    if any(_words(p) > 12 for p in parts):
        return None
    return parts


# --- images where photos were ---------------------------------------------------------

_IMAGE_NAME = re.compile(
    r"(?:\S[^\n]{0,150}?)?\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg|heic)", re.IGNORECASE
)
_IMAGE_LINE = re.compile(
    rf"\s*{_IMAGE_NAME.pattern}(?:\s+{_IMAGE_NAME.pattern})*\s*$", re.IGNORECASE
)


def is_image_name(line: str) -> bool:
    """Whether a line is only image file names, left where a photo stood.

    >>> is_image_name("(Khong Xoa).00_01_22_20.Still745.bmp"), is_image_name("anh 1.jpg")
    (True, True)
    >>> is_image_name("Ảnh: Đại biểu dự đại hội")
    False
    """
    return len(line) < 320 and _IMAGE_LINE.match(line) is not None


# --- dates ----------------------------------------------------------------------------

# The shapes of dates a byline line may hold; parse_date turns the line into a date.
_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?!\d)")
_WORDY = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*|\s+)năm\s+(\d{4})", re.IGNORECASE)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)"
_LABEL = (
    r"(?:ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc)?|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+đăng\s+tải"
    r"|ngày\s+xuất\s+bản|xuất\s+bản|thời\s+gian(?:\s+đăng)?|đăng|posted(?:\s+on)?|published"
    r"|updated|ngày)"
)
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?m\.?)?"
_ANY_DATE = rf"(?:{_ISO.pattern}|{_DMY.pattern}|{_WORDY.pattern})"
# A whole line that is a date stamp, maybe with a weekday, a label, a time, a zone and a short
# tail after a separator (author, view count); a sentence that starts with a date is not one.
_BYLINE = re.compile(
    rf"\s*[(\[]?\s*(?:{_WEEKDAY}\s*[,-]?\s*)?(?:{_LABEL}\s*:?\s*)?(?:lúc\s*)?"
    rf"(?:{_TIME}\s*[,-]?\s*)?(?:ngày\s*)?(?:{_WEEKDAY}\s*[,-]?\s*)?(?:ngày\s*)?{_ANY_DATE}"
    rf"(?:\s*[,-]?\s*(?:lúc\s*)?{_TIME})?(?:\s*\(?\s*(?:gmt|utc)\s*[+-]\s*\d{{1,2}}(?::?00)?\s*\)?)?"
    rf"\s*[)\]]?\s*(?:[|–—-]\s*[^.!?]{{0,80}})?\s*$",
    re.IGNORECASE,
)


_COUNTER_TAIL = re.compile(rf"\s*[|·•–—-]?\s*{_COUNTER_TEXT}\s*$", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[|–—]|\s-\s)\s*")


def byline_date(line: str) -> dt.date | None:
    """The date of a byline or date-stamp line, author and view counter allowed; else None.

    >>> byline_date("Thứ Hai, 04/05/2020 08:30"), byline_date("Cập nhật: 15/03/2021")
    (datetime.date(2020, 5, 4), datetime.date(2021, 3, 15))
    >>> byline_date("Thứ Sáu, 20/12/2019 16:05 Lượt xem: 1.287")
    datetime.date(2019, 12, 20)
    >>> byline_date("Minh Hằng | 22/04/2020 08:30"), byline_date("Tác giả: Thu Trang - 3/5/2021")
    (datetime.date(2020, 4, 22), datetime.date(2021, 5, 3))
    >>> byline_date("Ngày 4/5/2020, Đảng bộ phường tổ chức đại hội.") is None
    True
    """
    if len(line) > 160 or not any(c.isdigit() for c in line):
        return None
    line = _COUNTER_TAIL.sub("", line)
    if _BYLINE.match(line):
        return parse_date(line)
    # "Author | date": the name or label first, then the stamp.
    parts = _AUTHOR_SPLIT.split(line.strip(), maxsplit=1)
    if len(parts) == 2 and is_author_line(parts[0], bare=True) and _BYLINE.match(parts[1]):
        return parse_date(parts[1])
    return None


# --- author lines -----------------------------------------------------------------------

_AUTHOR_LABELLED = re.compile(
    r"\s*[(\[]?\s*(?:tác\s+giả|người\s+viết|người\s+đăng|đăng\s+bởi|bài\s+và\s+ảnh|bài\s*,\s*ảnh"
    r"|tin\s+và\s+ảnh|tin\s*,\s*ảnh|tin|bài|nguồn|phóng\s+viên|biên\s+tập(?:\s+viên)?|thực\s+hiện)"
    r"\s*:\s*[^.!?:;]{1,80}?[)\]]?\s*$",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(r"\s*[(\[]?\s*theo\s+(\S[^!?:;]{0,60}?)[)\]]?\s*$", re.IGNORECASE)
_AGENCIES = frozenset({"pv", "ctv", "btv", "bbt", "ttxvn", "nhóm pv", "phóng viên", "ban biên tập"})
_NAME_THEN_ORG = re.compile(
    r"(?P<name>[^-–—,(]+?)\s*(?:[-–—,]\s*(?P<org>[^()]+)|\((?P<unit>[^()]+)\))?$"
)
_TERMINAL_STOP = re.compile(r"[.!?;…]$")


def _is_name(text: str) -> bool:
    """Whether text is a person's name as bylines write it: two to five capitalised syllables."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w.isalpha() and w[0].isupper() and (w[1:].islower() or w.isupper()) for w in words
    )


def is_author_line(line: str, *, bare: bool = False) -> bool:
    """Whether a line only names the author or source; with bare=True, a lone name counts too.

    A lone name ("Thu Trang", "Minh Hằng - Văn phòng Thành ủy") is an author line only where
    a signature stands, so the caller says so with bare=True.

    >>> is_author_line("Tin, ảnh: Thu Trang"), is_author_line("(Theo Báo Hà Nam)")
    (True, True)
    >>> is_author_line("Minh Hằng - Văn phòng Thành ủy", bare=True), is_author_line("Thu Trang")
    (True, False)
    >>> is_author_line("Quang cảnh Đại hội", bare=True), is_author_line("Theo kế hoạch, phường sẽ họp.")
    (False, False)
    """
    line = line.strip()
    if not line or len(line) > 100 or _TERMINAL_STOP.search(line):
        return False
    if _AUTHOR_LABELLED.match(line):
        return True
    source = _SOURCE_LINE.match(line)
    if source and len(source.group(1).split()) <= 6:
        first = source.group(1)
        if first[0].isupper() or "." in first:  # "Theo Báo Hà Nam", "Theo baohanam.com.vn"
            return True
    if not bare:
        return False
    if line_key(line) in _AGENCIES:
        return True
    if line[0] in "([" and line[-1] in ")]":
        line = line[1:-1].strip()
    match = _NAME_THEN_ORG.match(line)
    if match is None or not _is_name(match.group("name")):
        return False
    org = match.group("org") or match.group("unit") or ""
    return len(org.split()) <= 10


# --- the end of the article -----------------------------------------------------------

_TAIL = re.compile(
    r"\s*(?:tin\s+liên\s+quan|các\s+tin\s+(?:khác|liên\s+quan|đã\s+đưa|cùng\s+chuyên\s+mục|mới)"
    r"|tin\s+(?:khác|cùng\s+chuyên\s+mục|cùng\s+chủ\s+đề|cùng\s+loại|đã\s+đưa|mới(?:\s+hơn|\s+nhất|\s+đăng)?"
    r"|cũ\s+hơn|xem\s+nhiều|đọc\s+nhiều|tức\s+khác|tức\s+liên\s+quan|bài\s+khác|bài\s+liên\s+quan)"
    r"|bài\s+viết\s+(?:liên\s+quan|khác|cùng\s+chuyên\s+mục)|các\s+bài\s+(?:viết\s+)?khác"
    r"|bài\s+liên\s+quan|xem\s+thêm|đọc\s+thêm|ý\s+kiến\s+bạn\s+đọc|bình\s+luận\s*\(\d+\)"
    r"|related\s+(?:news|articles?))"
    r"\s*[:.»>(\d)]*\s*$",
    re.IGNORECASE,
)


def is_tail_marker(line: str) -> bool:
    """Whether a line opens the list of other articles that follows the article.

    >>> is_tail_marker("Tin liên quan"), is_tail_marker("Các tin khác:")
    (True, True)
    >>> is_tail_marker("Tin liên quan đến đại hội được đăng tải đầy đủ.")
    False
    """
    return len(line) < 60 and _TAIL.match(line) is not None


# --- section labels and titles --------------------------------------------------------

_TERMINAL = re.compile(r"[.!?:;,…\"”]$")


def is_section_label(line: str) -> bool:
    """Whether a line is short enough, and bare enough, to be a portal section's name.

    >>> is_section_label("Tin tức - Sự kiện"), is_section_label("Ảnh: Đại biểu dự đại hội.")
    (True, False)
    """
    line = line.strip()
    return (
        0 < _words(line) <= 8
        and len(line) <= 70
        and not _TERMINAL.search(line)
        and line[:1].isupper()
        and not any(c.isdigit() for c in line)
    )


_GLUED = re.compile(r"\s*[.:!?–—-]*\s+")
_FIRST_ALNUM = re.compile(r"[^\W_]")


def strip_leading(text: str, prefix: str) -> str:
    """The text without a leading exact copy of prefix (a title glued to the first sentence).

    >>> strip_leading("Phường A đón Tết Phường A vừa tổ chức...", "Phường A đón Tết")
    'Phường A vừa tổ chức...'
    >>> strip_leading("Phường A đón Tết vui vẻ.", "Phường A đón Tết")
    'Phường A đón Tết vui vẻ.'
    """
    prefix = prefix.strip()
    if not prefix or not text.startswith(prefix):
        return text
    rest = text[len(prefix) :]
    if not rest.strip(" .:!?"):
        return ""
    # Only a copy followed by what starts a sentence; "Tết vui vẻ" continues the title.
    glued = _GLUED.match(rest)
    if not glued:
        return text
    first = _FIRST_ALNUM.search(rest, glued.end())
    starts_sentence = first is not None and (first.group().isupper() or first.group().isdigit())
    return rest[glued.end() :] if starts_sentence else text


# --- the whole page -------------------------------------------------------------------

_LEADING_JUNK = re.compile(
    r"^(?:Lưu bài viết thành công\s*Bạn có thể xem lại bài viết đã lưu ở trang\s*"
    r"Tin bài đã lưu\s*)"
)
_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$")
_HEAD_WINDOW = 15  # content lines searched for the title; portals put it near the top
_TITLE_MAX_WORDS = 40


def _split(lines: Iterable[str]) -> list[str]:
    out = []
    for raw in lines:
        for line in clean_text(raw).split("\n"):
            line = _LEADING_JUNK.sub("", line.strip())
            if line and not _ONLY_PUNCTUATION.match(line):
                out.append(line)
    return out


@dataclass
class _Page:
    content: list[str]  # lines that may be article text, in order
    tails: list[tuple[int, int]]  # where a "Tin liên quan" list starts: content index, line
    crumbs: list[str]
    bylines: list[tuple[int, int, dt.date]]  # content index of the line after, line, date

    @property
    def first_byline(self) -> int | None:
        """Where the article's byline is: the first one above any list of other news."""
        if self.tails and self.tails[0][0] > 0:
            above = [b for b in self.bylines if b[1] < self.tails[0][1]]
            return above[0][0] if above else None
        return self.bylines[0][0] if self.bylines else None

    def published(self, end: int) -> dt.date | None:
        """The first byline date above the list that ends the article at content index end."""
        line = next((n for at, n in self.tails if at == end), None)
        return next((d for at, n, d in self.bylines if at <= end and (line is None or n < line)), None)


def _sort(lines: list[str]) -> _Page:
    """Take menu, image-name, author and byline lines out; note breadcrumbs, dates and tails."""
    page = _Page([], [], [], [])
    for n, line in enumerate(lines):
        if is_tail_marker(line):
            page.tails.append((len(page.content), n))
            continue
        crumbs = breadcrumb_parts(line)
        if crumbs is not None:
            page.crumbs = page.crumbs or crumbs
            continue
        if is_menu_line(line) or is_image_name(line) or is_author_line(line):
            continue
        date = byline_date(line)
        if date is not None:
            page.bylines.append((len(page.content), n, date))
            continue
        page.content.append(line)
    return page


def _find_title(content: list[str], byline_at: int | None, end: int) -> int | None:
    """Index of the title line: a repeated line, the line above the byline, or the first.

    Only lines above `end`, where a list of other news starts, are candidates.
    """
    window = []
    for i, line in enumerate(content[: min(_HEAD_WINDOW, end)]):
        if _words(line) > _TITLE_MAX_WORDS:
            break
        window.append(i)
    seen: dict[str, int] = {}
    for i in window:
        key = line_key(content[i])
        if key in seen and _words(content[i]) >= 2:
            return seen[key]
        seen.setdefault(key, i)
    if byline_at and byline_at - 1 in window and _words(content[byline_at - 1]) >= 4:
        return byline_at - 1
    for i in window:
        if _words(content[i]) >= 4 and not content[i].endswith(":"):
            return i
    return 0 if content else None


def _given_title_at(content: list[str], title: str) -> int | None:
    """Index of the given title in the first lines, if only short lines come before it."""
    key = line_key(title)
    for i, line in enumerate(content[:6]):
        if _is_copy(line, key):
            return i
        if _words(line) > 8:
            return None
    return None


def _label_before(content: list[str], start: int, end: int) -> str | None:
    """The section label nearest above `end`, among the head lines content[start:end]."""
    for i in range(end - 1, start - 1, -1):
        if is_section_label(content[i]):
            return content[i]
    return None


def clean_lines(
    lines: Iterable[str],
    *,
    title: str | None = None,
    category: str | None = None,
    published: dt.date | None = None,
    find_title: bool = True,
) -> Cleaned:
    """Title, section, byline date and paragraphs of a page's text lines, boilerplate out.

    A title, category or date already known from metadata wins over what the text says;
    with find_title=False (a record whose title field is empty) no line is taken as title.

    >>> c = clean_lines(["Skip to main content", "Tin tức", "Phường A đón Tết năm nay",
    ...                  "Thứ Hai, 04/05/2020 08:30", "Phường A vừa tổ chức đón Tết.", "anh 1.jpg"])
    >>> c.title, c.category, c.published, c.paragraphs
    ('Phường A đón Tết năm nay', 'Tin tức', datetime.date(2020, 5, 4), ('Phường A vừa tổ chức đón Tết.',))
    """
    page = _sort(_split(lines))
    content = page.content
    if title:
        title = clean_text(title).strip()
        at = _given_title_at(content, title)
    elif not find_title:
        title, at = None, None
    else:
        # A list of other news above every line (a sidebar) does not end the head; one below does.
        end = next((t for t, _ in page.tails if t > 0), len(content))
        at = _find_title(content, page.first_byline, end)
        title = content[at] if at is not None else None
    label = None
    body_from = 0
    if at is not None:
        key = line_key(title)
        end = min(len(content), at + 4)
        copies = [i for i in range(at + 1, end) if _is_copy(content[i], key)]
        # Between a title and its repetition only the section label stands (the seed page).
        label = _label_before(content, at + 1, copies[0]) if copies else None
        label = label or _label_before(content, 0, at)
        body_from = (copies[-1] if copies else at) + 1
    if not category:
        crumbs = [c for c in page.crumbs if title is None or line_key(c) != line_key(title)]
        category = crumbs[-1] if crumbs else label
    end = next((t for t, _ in page.tails if t > body_from), len(content))
    body = _body(content[body_from:end], title, category)
    published = published or page.published(end)
    return Cleaned(title or None, category or None, tuple(body), published)


# A signature closes the article: at most the author's line and a source line under it.
_SIGNATURE_LINES = 2


def _body(lines: list[str], title: str | None, category: str | None) -> list[str]:
    """The article's paragraphs: copies of the title and section out, the signature off."""
    drop = [line_key(text) for text in (title, category) if text]
    body = []
    for line in lines:
        if any(_is_copy(line, key) for key in drop):
            continue
        if title and not body:
            line = strip_leading(line, title)
            if not line:
                continue
        body.append(line)
    for _ in range(_SIGNATURE_LINES):
        if len(body) > 1 and is_author_line(body[-1], bare=True):
            body.pop()
    return body
