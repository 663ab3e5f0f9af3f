"""Dates of an article: the publication date from metadata or a byline, else the event date.

Vietnamese writes dates day first, always: "04/05/2020" is 4 May.  Candidates are found by
digit regexes over the lower-cased text, and only the few characters around each are looked
at for words ("sáng", "Quyết định số ... ngày", "đến ngày"), so the text is never folded as a
whole.  The words are matched with and without diacritics.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass

from ..normalise import canonical_tones, fold

__all__ = ["parse_date", "url_date", "find_byline_date", "find_event_date", "annotate_date", "ArticleDate",
           "article_date"]

# Vietnam's time.  A UTC timestamp such as "2019-10-30T17:30:00Z" is already 31 October for
# the readers the article was written for; the date printed on the page is the local one.
VIETNAM = dt.timezone(dt.timedelta(hours=7))
FIRST_YEAR = 1945


def _words(*words: str) -> str:
    """A regex alternation of words as written, with the other tone placement and unaccented.

    >>> bool(re.fullmatch(_words("chiều nay"), "chieu  nay"))
    True
    """
    variants = {v for w in words for v in (w, canonical_tones(w), fold(w))}
    escaped = (r"\s+".join(re.escape(part) for part in v.split()) for v in variants)
    return "(?:" + "|".join(sorted(escaped, key=len, reverse=True)) + ")"


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= dt.date.today().year + 1


def _make(year: int, month: int, day: int) -> dt.date | None:
    """The date if it exists and its year is plausible for an archived article."""
    if not _plausible(year):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- one date string ----------------------------------------------------------------

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    re.I,
)
_RFC2822 = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}",
    re.I,
)
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
# d/m/yyyy with one separator throughout: "04/05/2020", "4-5-2020", "04.05.2020".
_DMY = re.compile(r"(?<![\d/.,])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/]|[.,-]\d)")
_MONTH_WORD = _words("tháng")
_YEAR_WORD = _words("năm")
# "15 tháng 3 năm 2021", "15 tháng 03, 2021", "15 tháng 3/2021"; the year may be missing.
_WORDY = re.compile(
    r"(\d{1,2})\s+" + _MONTH_WORD + r"\s+(\d{1,2})"
    r"(?:(?:\s*,\s*|\s*/\s*|\s+" + _YEAR_WORD + r"\s+|\s+)((?:19|20)\d\d))?(?![\d/])"
)


_MONTH_AT = re.compile(r"th(?:á|a)ng\s+\d")
_DAY_TAIL = re.compile(r"\d{1,2}\s+$")


def _free_start(text: str, match: re.Match) -> bool:
    """Whether a match starting with a digit is not the tail of a longer number or word.

    Checked here rather than by a look-behind in the pattern: a pattern that opens with a
    digit lets the regex engine skip ahead to digits, which makes the scan several times faster.
    """
    at = match.start()
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "/.,_")


def _iso_date(match: re.Match, text: str) -> dt.date | None:
    if match.group(4) is None:
        return _make(*(int(g) for g in match.group(1, 2, 3)))
    try:
        moment = dt.datetime.fromisoformat(text[: match.end()].replace("z", "Z"))
    except ValueError:
        return None
    local = moment.astimezone(VIETNAM).date()  # why: see VIETNAM
    return local if _plausible(local.year) else None


# A date in a URL's path, as portals and CMSs write it: /2020/05/04/, /2020-05-04-, 20200504.
_URL_DATE = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_-]?)(\d\d)\2(\d\d)(?![\d])")


def url_date(url: str | None) -> dt.date | None:
    """The publication date a URL's path carries, if it carries one that exists.

    >>> url_date("https://x.gov.vn/tin-tuc/2020/05/04/dai-hoi.html"), url_date("https://x.vn/a-20191231.htm")
    (datetime.date(2020, 5, 4), datetime.date(2019, 12, 31))
    >>> url_date("https://baomoi.com/a/c/34567890.epi") is None
    True
    """
    if not url:
        return None
    path = urllib.parse.urlsplit(url).path
    for found in _URL_DATE.finditer(path):
        date = _make(int(found.group(1)), int(found.group(3)), int(found.group(4)))
        if date is not None and date <= dt.date.today():
            return date
    return None


def parse_date(s: str) -> dt.date | None:
    """One date string from metadata or a byline, day first, in Vietnam's time; else None.

    >>> parse_date("2019-10-30T18:00:00.000Z"), parse_date("Thứ Hai, 04/05/2020 08:30")
    (datetime.date(2019, 10, 31), datetime.date(2020, 5, 4))
    >>> parse_date("31/02/2020") is None
    True
    """
    text = unicodedata.normalize("NFC", s).strip()
    iso = _ISO.match(text)
    if iso:
        return _iso_date(iso, text)
    if _RFC2822.match(text):
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is not None:
            moment = moment.astimezone(VIETNAM)
        return moment.date() if _plausible(moment.year) else None
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        return _make(*(int(g) for g in year_first.groups()))
    lower = text.lower()
    dmy = _DMY.search(lower)
    wordy = next((m for m in _WORDY.finditer(lower) if _free_start(lower, m)), None)
    if wordy and wordy.group(3) and (dmy is None or wordy.start() < dmy.start()):
        return _make(int(wordy.group(3)), int(wordy.group(2)), int(wordy.group(1)))
    if dmy:
        return _make(int(dmy.group(4)), int(dmy.group(3)), int(dmy.group(1)))
    return None


# --- byline -------------------------------------------------------------------------

_BYLINE_TOP = 400
_BYLINE_MARKER = re.compile(
    r"(?m)^[\s|•·-]*(?:"
    + _words("ngày đăng tin", "ngày đăng bài", "ngày đăng", "đăng ngày", "đăng lúc",
             "ngày cập nhật", "cập nhật lúc", "cập nhật ngày", "cập nhật", "ngày xuất bản",
             "xuất bản ngày", "thời gian đăng", "ngày ban hành tin", "posted on", "published")
    + r")\s*[:\-–]?\s*([^\n]{6,60})"
)
# Every marker above holds one of these words; most articles have none, so skip the scan.
_BYLINE_HINT = re.compile(_words("đăng", "cập nhật", "xuất bản", "posted", "published"))
_WEEKDAY = _words(
    "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"
) + r"|thứ\s*[2-7]|thu\s*[2-7]|\bt[2-7]|\bcn"
_DATE_TEXT = r"(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?"
_BYLINE_TOP_PATTERNS = (
    # "Thứ Hai, 04/05/2020 08:30", "Chủ nhật - ngày 3/5/2020"
    re.compile(r"(?:" + _WEEKDAY + r")\s*[,\-–|]?\s*(?:" + _words("ngày") + r"\s*)?" + _DATE_TEXT),
    # "(Ngày 12/3/2021)" standing before the lead
    re.compile(r"\(\s*" + _words("ngày") + r"\s*" + _DATE_TEXT + r"\s*\)"),
    # a line holding nothing but a date and a time: "04/05/2020 08:30", "08:30 | 04/05/2020"
    re.compile(
        r"(?m)^[\s|•·]*(?:" + _TIME + r"\s*[,|\-–]?\s*)?" + _DATE_TEXT
        + r"(?:\s*[,|\-–]?\s*" + _TIME + r")?\s*(?:\(?gmt\s*\+\s*7\)?)?\s*$"
    ),
    # a date run together with a time in the page head: "| 04/05/2020 08:30"
    re.compile(r"(?<![\w\s])\s*" + _DATE_TEXT + r"\s*[,\-–|]?\s*" + _TIME),
)


def find_byline_date(text: str) -> dt.date | None:
    """A publication date the page states as such: a "Ngày đăng"-style line, or a dated head.

    >>> find_byline_date("Tin tức\\nThứ Hai, 04/05/2020 08:30\\nSáng 3/5, phường ...")
    datetime.date(2020, 5, 4)
    """
    lower = text.lower()
    for match in _BYLINE_MARKER.finditer(lower) if _BYLINE_HINT.search(lower) else ():
        found = parse_date(match.group(1))
        if found:
            return found
    head = lower[:_BYLINE_TOP]
    if not _DMY.search(head):
        return None
    for pattern in _BYLINE_TOP_PATTERNS:
        match = pattern.search(head)
        if match:
            found = parse_date(match.group(1))
            if found:
                return found
    return None


# --- event date ---------------------------------------------------------------------

@dataclass
class _Candidate:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    score: float = 0.0
    excluded: str | None = None  # why it cannot be the event date
    linked_year: int | None = None  # from the full date that closes a range ("28/4 đến 2/5/2020")


# d/m or d/m/yyyy in running text; a lone d/m counts only after a word that makes it a date.
_NUMERIC = re.compile(
    r"(\d{1,2})([/.-])(\d{1,2})(?:\2((?:19|20)\d\d))?(?![\w/]|[.,-]\d)"
)
_DAY_WORD = _words("ngày", "mùng", "hôm")
_TIME_OF_DAY = _words(
    "sáng sớm", "rạng sáng", "sáng", "trưa", "chiều tối", "chiều", "tối", "đêm", "khuya",
    "đầu giờ sáng", "đầu giờ chiều", "cuối giờ chiều", "hôm", "thứ hai", "thứ ba", "thứ tư",
    "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật",
)
_NOW = _words("nay", "qua", "mai", "hôm nay", "hôm qua", "ngày mai")
# "Sáng 12/5", "chiều ngày 3-6-2019", "sáng nay (6-2)", "chiều nay, 19-5", "thứ Hai (4/5)".
_STRONG_BEFORE = re.compile(
    r"(?:^|[^\w])(?:" + _TIME_OF_DAY + r")(?:\s+" + _NOW + r")?(?:\s+" + _DAY_WORD
    + r")?[\s,(]*$"
)
_DAY_BEFORE = re.compile(r"(?:^|[^\w])" + _DAY_WORD + r"\s*$")
_FROM_BEFORE = re.compile(r"(?:^|[^\w])(?:" + _words("từ", "vào", "trong") + r")\s*$")
# The first day of a range written before the closing date: "ngày 4 và 5/5/2020",
# "từ ngày 1 đến 3/6/2020", "ngày 4, 5/5/2020", "ngày 4-5/5/2020".
_RANGE_HEAD = re.compile(
    r"(?:^|[^\w])(?:" + _words("ngày", "từ", "sáng", "chiều", "tối", "đêm") + r")\s+(\d{1,2})"
    r"\s*(?:,|;|-|–|—|" + _words("và", "đến", "tới") + r")\s*(?:" + _words("ngày") + r"\s+)?$"
)
# A yearless date closed by a full one: "từ 28/4 đến 2/5/2020", "30/12/2019 - 2/1/2020".
_RANGE_LINK = re.compile(
    r"^\s*(?:,|-|–|—|" + _words("và", "đến", "tới") + r")\s*(?:" + _words("ngày") + r"\s+)?$"
)
_DOC_WORD = _words(
    "quyết định", "nghị quyết", "nghị định", "thông tư", "chỉ thị", "công văn", "văn bản",
    "kết luận", "thông báo", "tờ trình", "kế hoạch", "hướng dẫn", "quy định", "luật",
    "báo cáo", "biên bản", "công điện", "đề án", "pháp lệnh", "điều lệ", "đơn", "giấy",
)
_SIGNED = _words("ký", "ban hành", "ra", "đề")
# A date that dates a cited document or newspaper, not the news:
# "Quyết định số 123/QĐ-UBND ngày 1/2/2019", "Văn bản số 5279/UBND-TKBT, ngày 09/9/2016",
# "Chỉ thị 05 của Bộ Chính trị ngày 15/5/2016", "Báo Tiền phong ngày 6/2/2017 đăng bài".
_DOC_REF = re.compile(
    r"(?:"
    r"\d+\s*[/-]\s*[a-zđ][\w/&-]*\s*,?\s*"
    r"|(?:^|[^\w])" + _DOC_WORD + r"\s+(?:" + _words("số") + r"\s*)?[\w/&-]*\d[^.;!?\n]{0,40}?\s"
    r"|(?:^|[^\w])" + _words("báo", "tạp chí", "đài", "bản tin") + r"(?:\s+\w+){1,3}\s+"
    r")(?:" + _SIGNED + r"\s+)?" + _DAY_WORD + r"\s*$"
)
_NOT_EVENT_BEFORE = re.compile(
    r"(?:^|[^\w])(?:"
    + _words("sinh", "ngày sinh", "sinh ngày", "đến", "tới", "trước", "hết", "hạn",
             "chậm nhất", "muộn nhất", "hiệu lực", "tức", "kể từ", "tính đến", "từ nay đến",
             "cho đến", "thời hạn", "hạn chót", "năm sinh")
    + r")\s*(?::\s*)?(?:" + _DAY_WORD + r"\s*)?$"
)
# "sinh" that is not birth: "dưỡng sinh", "học sinh", "vệ sinh", "phát sinh".
_SINH_COMPOUND = re.compile(
    r"(?:^|[^\w])" + _words("dưỡng", "học", "vệ", "phát", "nảy", "ký", "kí") + r"\s+" + _words("sinh")
    + r"(?=[^\w]|$)"
)
_LUNAR_AFTER = re.compile(r"^\s*(?:\(?\s*" + _words("âm lịch", "âl", "al") + r"\b)")
# "(20/5/1947 - 20/5/2017)": an anniversary's span, not a date of the article.
_ANNIVERSARY = re.compile(
    r"\(\s*\d{1,2}/\d{1,2}/\d{4}\s*[-–—]\s*\d{1,2}/\d{1,2}/\d{4}\s*\)"
)
_EVENT_WORDS = re.compile(
    r"(?:^|[^\w])(?:"
    + _words("tổ chức", "diễn ra", "khai mạc", "bế mạc", "họp", "hội nghị", "đại hội",
             "kỳ họp", "lễ", "tiếp xúc", "làm việc", "thăm", "dự", "phát động", "ra quân",
             "trao", "khánh thành", "khởi công", "ký kết", "tọa đàm", "hội thảo", "bầu",
             "kiểm tra", "xảy ra", "công bố", "tổng kết", "ra mắt", "gắn biển", "đón",
             "tiếp", "chủ trì", "triển khai", "phát biểu", "cho biết", "thông tin",
             "mở phiên", "xét xử", "tuyên án", "khởi tố", "bắt giữ", "phát hiện", "ký")
    + r")(?:[^\w]|$)"
)
# "Trước đó, ngày 22/4/2016, ...": background to the news, not its event.
_BACKGROUND = re.compile(
    r"(?:^|[^\w])" + _words("trước đó", "trước đây", "hồi", "cách đây", "năm ngoái", "từng")
    + r"(?:[^\w]|$)"
)
_CLAUSE_END = re.compile(r"[.;!?\n](?=\s)|\n")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_ABBREVIATION = re.compile(r"(?:^|[^\w])\w{1,2}$")
_DIGIT = re.compile(r"\d")
_LEAD = 1500  # characters over which a date's earliness still counts
_THRESHOLD = 3.0


def _candidates(lower: str) -> list[_Candidate]:
    """Every d/m, d/m/yyyy and "d tháng m năm yyyy" in the text, in order."""
    found = [
        _Candidate(m.start(), m.end(), int(m.group(1)), int(m.group(3)),
                   int(m.group(4)) if m.group(4) else None)
        for m in _NUMERIC.finditer(lower)
        if _free_start(lower, m)
    ]
    for month_word in _MONTH_AT.finditer(lower):
        # Find "tháng" first (a literal the engine jumps to), then read the day before it.
        at = max(0, month_word.start() - 8)
        day = _DAY_TAIL.search(lower, at, month_word.start())
        m = _WORDY.match(lower, day.start()) if day else None
        if m and _free_start(lower, m):
            found.append(_Candidate(m.start(), m.end(), int(m.group(1)), int(m.group(2)),
                                    int(m.group(3)) if m.group(3) else None))
    found.sort(key=lambda c: c.start)
    spans = [(m.start(), m.end()) for m in _ANNIVERSARY.finditer(lower)]
    for c in found:
        if any(a <= c.start < b for a, b in spans):
            c.excluded = "anniversary"
    return found


def _sentence_before(lower: str, at: int, reach: int = 80) -> str:
    """The sentence a date stands in, up to the date: nothing of a heading or sentence before.

    A full stop after one or two letters is an abbreviation ("tp. hà nội"), not an end.

    >>> _sentence_before("câu lạc bộ dưỡng sinh\\n\\nngày 20/8/2024", 28)
    'ngày '
    >>> _sentence_before("ubnd tp. hà nội ngày 2/3", 21)
    'ubnd tp. hà nội ngày '
    """
    window = lower[max(0, at - reach) : at]
    start = 0
    for end in _SENTENCE_END.finditer(window):
        if end.group() != "." or not _ABBREVIATION.search(window, 0, end.start()):
            start = end.end()
    return window[start:]


def _clause_before(lower: str, at: int, reach: int = 80) -> str:
    window = lower[max(0, at - reach) : at]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _sentence_after(lower: str, at: int, reach: int = 120) -> str:
    window = lower[at : at + reach]
    end = _CLAUSE_END.search(window)
    return window[: end.start()] if end else window


def _trigger(before: str) -> float:
    """How strongly the words just before a date make it an event date (0: not at all)."""
    if _STRONG_BEFORE.search(before[-32:]):
        return 3.0
    if _DAY_BEFORE.search(before[-12:]):
        return 1.5
    if _FROM_BEFORE.search(before[-10:]):
        return 0.5
    return 0.0


def _score(lower: str, c: _Candidate) -> None:
    """Weigh one candidate as the article's main event date, or rule it out."""
    # Only the date's own sentence speaks for it: "... dưỡng sinh" ending a heading does not
    # make "Ngày 20/8/2024" opening the next paragraph a birthday.
    before = _sentence_before(lower, c.start)
    tail = before[-30:]
    head = _RANGE_HEAD.search(tail) if _DIGIT.search(tail) else None
    if head and int(head.group(1)) < c.day <= int(head.group(1)) + 10:
        c.start -= len(tail) - head.start(1)
        c.day = int(head.group(1))
        c.score += 1.0
        before = _sentence_before(lower, c.start)
    trigger = _trigger(before)
    if trigger == 0.0 and c.year is None:
        c.excluded = "fraction"  # "7/11 tuyến đường", "3/4 diện tích": a fraction, not a date
        return
    if _DOC_REF.search(before):
        c.excluded = "document"
        return
    if _NOT_EVENT_BEFORE.search(_SINH_COMPOUND.sub(" ", before[-30:])) or _LUNAR_AFTER.match(lower, c.end):
        c.excluded = "deadline, birth or lunar"
        return
    clause = _clause_before(lower, c.start)
    if trigger == 1.5 and clause.strip() in {"ngày", "ngay", "(ngày", "trong ngày"}:
        trigger = 2.0  # "Ngày 15/3/2021, ..." opening a sentence
    c.score += trigger
    if _EVENT_WORDS.search(_sentence_after(lower, c.end)) or _EVENT_WORDS.search(clause):
        c.score += 2.0
    if _BACKGROUND.search(clause):
        c.score -= 2.0
    c.score += 3.0 * max(0.0, 1.0 - c.start / _LEAD)


def _link_ranges(lower: str, found: list[_Candidate]) -> None:
    """Give a yearless date the year of the full date that closes its range."""
    for c, nxt in zip(found, found[1:]):
        if c.year is None and nxt.year is not None and _RANGE_LINK.match(lower[c.end : nxt.start]):
            c.linked_year = nxt.year - 1 if c.month > nxt.month else nxt.year


def _nearest_year(day: int, month: int, published: dt.date) -> int:
    """The year that puts day/month closest to the publication date."""
    best = published.year
    best_gap = None
    for year in (published.year - 1, published.year, published.year + 1):
        date = _make(year, month, day)
        if date is not None and (best_gap is None or abs(date - published) < best_gap):
            best, best_gap = year, abs(date - published)
    return best


def _year_from_text(c: _Candidate, dated: list[_Candidate]) -> int | None:
    """The year of a full date that restates a yearless one's day, the latest if several.

    News leaves out the year of this year's dates and writes it for other years' ("Sáng
    19/5 ..." beside "bầu cử ngày 22/5/2016"); measured on real articles, even a full date
    three days off was last year's more often than not.  Only a restatement of the same day
    ("Sáng 6/2 ..." and later "ngày 6/2/2017") reliably gives the year.
    """
    years = [d.year for d in dated if (d.day, d.month) == (c.day, c.month) and d.year]
    return max(years) if years else None


def _resolve(c: _Candidate, published: dt.date | None, text_year: int | None) -> dt.date | None:
    if c.year is not None:
        return _make(c.year, c.month, c.day)
    if c.linked_year is not None:
        return _make(c.linked_year, c.month, c.day)
    if published is not None:
        return _make(_nearest_year(c.day, c.month, published), c.month, c.day)
    if text_year is not None:
        return _make(text_year, c.month, c.day)
    return None  # a date without a year and nothing to take one from: not a date at all


def find_event_date(text: str, published: dt.date | None = None) -> dt.date | None:
    """The main event date in the body, day first; None rather than a wild guess.

    >>> find_event_date("Trong 2 ngày 4 và 5/5/2020 Đảng bộ phường tổ chức Đại hội.")
    datetime.date(2020, 5, 4)
    >>> find_event_date("Sáng 12/5, UBND xã họp.", dt.date(2021, 5, 13))
    datetime.date(2021, 5, 12)
    """
    lower = text.lower()
    if not unicodedata.is_normalized("NFC", lower):
        lower = unicodedata.normalize("NFC", lower)
    found = _candidates(lower)
    for c in found:
        if not c.excluded:
            _score(lower, c)
    _link_ranges(lower, found)
    dated, best = _dated_and_best(found)
    if best is None:
        return None
    # The best candidate decides: when it has no year to be had, falling back to a weaker
    # full date would put a background date ("Trước đó, ngày 22/4/2016") in its place.
    return _resolve(best, published, _year_from_text(best, dated))


def annotate_date(
    published: dt.date | None, text: str
) -> tuple[dt.date | None, str | None]:
    """The article's date and its kind: published (metadata or byline), else event, else none.

    >>> annotate_date(None, "Sáng 4/5/2020, phường tổ chức lễ ra quân.")
    (datetime.date(2020, 5, 4), 'event')
    """
    if published is not None:
        return published, "published"
    byline = find_byline_date(text)
    if byline is not None:
        return byline, "published"
    event = find_event_date(text)
    if event is not None:
        return event, "event"
    return None, None


# --- the article's date, partial dates kept ------------------------------------------

# An article's own date is news of its time: a full date this much older than the latest
# year the article names, or before this year, is a historical reference ("ngày 2/9/1945"
# in an anniversary story), listed among the article's dates but never its date.
HISTORICAL_GAP = 2
FIRST_ARTICLE_YEAR = 1990
_NAM_YEAR = re.compile(r"(?:^|[^\w])" + _YEAR_WORD + r"\s+((?:19|20)\d\d)(?![\d/])")
_MONTH_YEAR = re.compile(r"(?:^|[^\w])" + _MONTH_WORD + r"\s+(\d{1,2})\s*(?:/|-|,|\s+" + _YEAR_WORD
                         + r")\s*((?:19|20)\d\d)(?![\d/])")
_TERM = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)?\d\d)(?!\d)")
_NEAR = 300  # characters around a yearless date in which a stated year dates it
_HEAD = 600  # the title and lead, where a month or a year alone can date the article


@dataclass(frozen=True)
class ArticleDate:
    """An article's date at the precision the sources give, with where it came from.

    `precision` is "day", "month", "year", or "month-day" (a day and month whose year
    nothing tells); `source` says what gave it, or what gave the year of a date written
    without one.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    kind: str | None = None  # "published" or "event"
    precision: str | None = None
    source: str | None = None
    mentioned: tuple[str, ...] = ()  # historical dates the article names (ISO)

    @property
    def value(self) -> dt.date | None:
        """The date itself when known to the day."""
        return dt.date(self.year, self.month, self.day) if self.precision == "day" else None

    @property
    def iso(self) -> str | None:
        """ISO 8601 at its precision: "2020-05-04", "2020-05", "2020", or "--05-04".

        >>> ArticleDate(None, 5, 4, "event", "month-day").iso, ArticleDate(2020, 5, None, "event", "month").iso
        ('--05-04', '2020-05')
        """
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "month-day":
            return f"--{self.month:02d}-{self.day:02d}"
        return None


def _of(date: dt.date, kind: str, source: str, mentioned=()) -> ArticleDate:
    return ArticleDate(date.year, date.month, date.day, kind, "day", source, tuple(mentioned))


_AHEAD = re.compile(r"(?:" + _words("đến", "tới", "hạn", "hsd", "hết hạn", "trước", "dự kiến", "kéo dài",
                                      "chậm nhất") + r")[^\d\n]{0,14}$")


def _this_year() -> int:
    return dt.date.today().year


# A year that plans or looks back ("đến năm 2030", "tầm nhìn 2045", "giai đoạn 2021-2025"):
# it does not date the article.
_NOT_THE_YEAR = re.compile(r"(?:" + _words("đến", "tới", "trước", "tầm nhìn", "giai đoạn", "sau",
                                           "từ", "vào", "kể từ") + r")\s*$")


def article_date(published: dt.date | None, text: str, folder_years: tuple[int, int] | None = None,
                 published_source: str = "metadata") -> ArticleDate:
    """The article's date: published (metadata or byline), else the main event's, a yearless
    one given the year the archive can tell, else kept partial.

    The year of an event date written without one comes, in this order, from the
    publication date, a year the text states near it, the folder (corpus.toml `year` or
    `years`), then the article's other dates or its term; else the date stays "--MM-DD".

    >>> article_date(None, "Sáng 7/2, UBND phường họp. Năm 2017 phường phấn đấu ...").iso
    '2017-02-07'
    >>> article_date(None, "Sáng 7/2, UBND phường họp dân.").iso
    '--02-07'
    >>> d = article_date(None, "Kỷ niệm ngày 2/9/1945. Sáng 2/9/2017, phường tổ chức lễ chào cờ.")
    >>> d.iso, d.mentioned
    ('2017-09-02', ('1945-09-02',))
    """
    lower = text.lower()
    if not unicodedata.is_normalized("NFC", lower):
        lower = unicodedata.normalize("NFC", lower)
    if published is not None:
        return _of(published, "published", published_source)
    byline = find_byline_date(text)
    if byline is not None:
        return _of(byline, "published", "byline")
    found = _candidates(lower)
    # The latest year of the full dates the article writes (plans' years, "đến năm 2030",
    # are no full dates): what is older by HISTORICAL_GAP years is history.
    # A date the text looks ahead to ("hạn kiểm định đến 21/4/2019", "HSD: 19/01/2019") is
    # no measure of the article's time.
    latest = max((c.year for c in found if c.year is not None and c.year <= _this_year()
                  and not _AHEAD.search(lower, max(0, c.start - 24), c.start)), default=None)
    mentioned = []
    for c in found:
        historical = c.year is not None and (c.year < FIRST_ARTICLE_YEAR
                                             or (latest and c.year < latest - HISTORICAL_GAP))
        if historical:
            if not c.excluded:
                mentioned.append(f"{c.year:04d}-{c.month:02d}-{c.day:02d}")
            c.excluded = c.excluded or "historical"
        elif not c.excluded:
            _score(lower, c)
    _link_ranges(lower, found)
    dated, best = _dated_and_best(found)
    mentioned = tuple(dict.fromkeys(mentioned))
    if best is not None:
        return _event(best, lower, dated, folder_years, mentioned)
    return _coarse(lower, latest, mentioned)


def _dated_and_best(found: list[_Candidate]) -> tuple[list[_Candidate], _Candidate | None]:
    """The candidates whose year may date a yearless one, and the best event candidate.

    A cited document is dated before the article, so its year may still date a "Sáng 12/5";
    deadlines, birthdays and anniversaries may not.
    """
    dated = [c for c in found if c.year is not None and c.excluded in (None, "document")]
    best = None
    for c in found:
        if not c.excluded and c.score >= _THRESHOLD and (best is None or c.score > best.score):
            best = c
    return dated, best


def _event(best: _Candidate, lower: str, dated: list[_Candidate], folder_years, mentioned) -> ArticleDate:
    """The best event candidate at the precision its year can be had."""
    if best.year is not None:
        date = _make(best.year, best.month, best.day)
        return _of(date, "event", "text", mentioned) if date else ArticleDate(mentioned=mentioned)
    if best.linked_year is not None:
        date = _make(best.linked_year, best.month, best.day)
        if date:
            return _of(date, "event", "text", mentioned)
    for year, source in _year_sources(best, lower, dated, folder_years):
        date = _make(year, best.month, best.day)
        if date:
            return _of(date, "event", source, mentioned)
    try:
        dt.date(2000, best.month, best.day)  # a leap year: 29/2 is a day and a month
    except ValueError:
        return ArticleDate(mentioned=mentioned)
    return ArticleDate(None, best.month, best.day, "event", "month-day", "text", mentioned)


# "kỷ niệm 78 năm Cách mạng Tháng Tám (1945)": the anniversary tells the year it is held.
_ANNIVERSARY = re.compile(_words("kỷ niệm") + r"\s+(\d{1,3})\s+" + _YEAR_WORD
                          + r"(?:[^\d]{0,120}?)(?<!\d)((?:18|19|20)\d\d)(?!\d)")


def _anniversary_year(lower: str) -> int | None:
    """The year an anniversary the article celebrates falls in, if that is a year of news."""
    for found in _ANNIVERSARY.finditer(lower[:_HEAD * 2]):
        year = int(found.group(2)) + int(found.group(1))
        if FIRST_ARTICLE_YEAR <= year <= _this_year():
            return year
    return None


def _year_sources(best: _Candidate, lower: str, dated: list[_Candidate], folder_years):
    """Candidate years for a yearless date, in the order they are trusted, with their source.

    Only years of news count: a year the article names as history ("năm 1945") never
    becomes the year of "sáng 2/9".
    """
    restated = _year_from_text(best, dated)
    if restated and restated >= FIRST_ARTICLE_YEAR:
        yield restated, "year in the text"
    anniversary = _anniversary_year(lower)
    if anniversary:
        yield anniversary, "anniversary"
    window = lower[max(0, best.start - _NEAR) : best.end + _NEAR]
    near = sorted({int(y) for y in _NAM_YEAR.findall(window) if int(y) >= FIRST_ARTICLE_YEAR
                   and _plausible(int(y)) and not _plans(window, y)}
                  | {c.year for c in dated if abs(c.start - best.start) <= _NEAR})
    if len(near) == 1:
        yield near[0], "year in the text"
    if folder_years:
        first, last = folder_years
        if first == last:
            yield first, "folder"
        else:
            inside = [c.year for c in dated if first <= c.year <= last]
            if inside:
                yield max(inside), "folder"
    if dated:
        yield max(c.year for c in dated), "article's other dates"
    terms = [int(m.group(1)) for m in _TERM.finditer(lower)
             if FIRST_ARTICLE_YEAR <= int(m.group(1)) <= _this_year()]
    if terms:
        yield max(terms), "term"


def _plans(window: str, year: str) -> bool:
    """Whether every mention of the year in the window is a plan's horizon ("đến năm 2030")."""
    spots = [m.start() for m in re.finditer(year, window)]
    return bool(spots) and all(_NOT_THE_YEAR.search(window[max(0, s - 22) : s].rstrip()
                                                    .removesuffix("năm").removesuffix("nam"))
                               for s in spots)


def _coarse(lower: str, latest: int | None, mentioned) -> ArticleDate:
    """No day to be had: a month and year, or a year, stated in the title or lead."""
    head = lower[:_HEAD]
    for match in _MONTH_YEAR.finditer(head):
        month, year = int(match.group(1)), int(match.group(2))
        if (1 <= month <= 12 and FIRST_ARTICLE_YEAR <= year <= _this_year()
                and not (latest and year < latest - HISTORICAL_GAP)):
            return ArticleDate(year, month, None, "event", "month", "text", mentioned)
    years = [int(m.group(1)) for m in _NAM_YEAR.finditer(head)
             if FIRST_ARTICLE_YEAR <= int(m.group(1)) <= _this_year()
             and not _NOT_THE_YEAR.search(head[max(0, m.start() - 16) : m.start() + 1])]
    years = [y for y in years if not (latest and y < latest - HISTORICAL_GAP)]
    if years:
        return ArticleDate(max(years), None, None, "event", "year", "text", mentioned)
    return ArticleDate(mentioned=mentioned)
