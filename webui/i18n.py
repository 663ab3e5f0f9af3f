"""The interface's words in Vietnamese (the default) and English, and dates as each writes them."""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"

STRINGS = {
    "vi": {
        "site_name": "Lưu trữ tin phường, xã",
        "skip": "Bỏ qua, đến nội dung chính",
        "skip_filters": "Đến bộ lọc",
        "search_label": "Tìm trong lưu trữ",
        "search_button": "Tìm",
        "search_hint": "Có thể gõ không dấu; dùng \"…\" cho cụm từ, OR, -từ để loại trừ.",
        "language": "Ngôn ngữ",
        "overview": "Tổng quan lưu trữ",
        "overview_total": "{n} bài trong lưu trữ",
        "results_for": "Kết quả cho “{q}”",
        "results": "Kết quả",
        "total": "{n} bài",
        "total_range": "Kết quả {first}–{last} trong {n} bài",
        "per_page": "Số bài mỗi trang",
        "feed_link": "Theo dõi (Atom)",
        "feed_title": "Lưu trữ tin phường, xã: “{q}”, mới nhất trước",
        "feed_title_all": "Lưu trữ tin phường, xã: bài mới nhất",
        "in_search": "Trong kết quả tìm",
        "article_position": "Bài {n} trong {total} bài của kết quả tìm",
        "previous_article": "Bài trước",
        "next_article": "Bài sau",
        "total_none": "Không có bài nào khớp.",
        "more_loose": "Thêm {n} bài có các từ này với dấu khác hoặc các âm tiết đứng rời: xem cả",
        "loose_shown": "Gồm cả {n} bài có các từ với dấu khác hoặc các âm tiết đứng rời.",
        "strict_only": "Chỉ các từ đúng như đã gõ ({n} bài)",
        "did_you_mean": "Bạn có muốn tìm:",
        "notes": "Chưa hiểu phần này của câu tìm:",
        "partial": "Kết quả chưa đầy đủ: một phần kho lưu trữ (một máy chủ) không trả lời; số bài và các con số chỉ tính phần đã trả lời.",
        "sort": "Sắp xếp",
        "sort_relevance": "Liên quan nhất",
        "sort_newest": "Mới nhất",
        "sort_oldest": "Cũ nhất",
        "pages": "Trang",
        "previous": "Trang trước",
        "next": "Trang sau",
        "page_n": "Trang {n}",
        "filters": "Bộ lọc",
        "filter_button": "Lọc",
        "selected_filters": "Đang lọc",
        "remove_filter": "Bỏ lọc {value}",
        "facet_ward": "Phường, xã",
        "facet_province": "Tỉnh, thành phố",
        "facet_district": "Quận, huyện (trước 7/2025)",
        "facet_now_province": "Tỉnh, thành phố hiện nay",
        "facet_now": "Phường, xã hiện nay",
        "mentions_include": "Tính cả các phường, xã chỉ được nhắc đến",
        "merged_into_now": "Cùng sáp nhập vào đơn vị hiện nay",
        "ward_with_mentions": "Kể cả các bài chỉ nhắc đến (tổng {n} bài)",
        "ward_subjects_only": "Chỉ các bài nói về đơn vị này ({n} bài)",
        "mentions_only_subjects": "Chỉ các phường, xã bài viết nói về",
        "facet_term": "Nhiệm kỳ",
        "facet_official": "Cán bộ",
        "facet_year": "Năm",
        "now": "nay: {unit}",
        "dates": "Khoảng thời gian",
        "date_from": "Từ ngày",
        "date_to": "Đến ngày",
        "date_format": "NN/TT/NNNN, TT/NNNN, NNNN hoặc NNNN-TT-NN",
        "date_invalid": "“{value}” không phải là ngày: hãy gõ như 04/05/2020, 5/2020 hoặc 2020. Kết quả dưới đây chưa lọc theo ô này.",
        "date_order": "Ngày bắt đầu ở sau ngày kết thúc: kết quả dưới đây chưa lọc theo ngày.",
        "chart_title": "Số bài theo thời gian",
        "chart_bar": "{period}: {n} bài; chọn để thu hẹp thời gian",
        "chart_bar_kinds": "{period}: {n} bài ({published} theo ngày đăng, {event} theo ngày sự kiện); chọn để thu hẹp thời gian",
        "chart_legend": "Cột xanh: theo ngày đăng; cam: theo ngày sự kiện nêu trong bài; xám: không rõ năm.",
        "chart_undated": "{n} bài không rõ năm (cột xám ở cuối biểu đồ): xem các bài này",
        "chart_range_hint": "Chọn một cột để thu hẹp vào thời gian đó. Để chọn một khoảng, dùng các liên kết “từ đây” và “đến đây” trong bảng số liệu.",
        "chart_range_hint_js": "Chọn cột đầu rồi cột cuối của khoảng thời gian (chọn một cột hai lần: chỉ thời gian đó), hoặc kéo qua các cột. Esc để bỏ.",
        "chart_range_started": "Bắt đầu từ {period}: chọn cột cuối của khoảng (Esc để bỏ).",
        "chart_table": "Bảng số liệu của biểu đồ",
        "chart_period": "Thời gian",
        "chart_count": "Số bài",
        "chart_published": "Theo ngày đăng",
        "chart_event": "Theo ngày sự kiện",
        "chart_choose": "Chọn",
        "chart_only_this": "chỉ thời gian này",
        "chart_from_here": "từ đây",
        "chart_to_here": "đến đây",
        "year_unknown": "Không rõ năm",
        "year_kinds": "{published} ngày đăng, {event} ngày sự kiện",
        "exports": "Tải toàn bộ kết quả",
        "recent": "Bài mới nhất",
        "by_ward": "Theo phường, xã",
        "by_term": "Theo nhiệm kỳ",
        "by_year": "Theo năm",
        "date": "Ngày",
        "date_published": "ngày đăng",
        "date_event": "ngày diễn ra sự kiện",
        "date_unknown": "không rõ ngày",
        "date_from_source": " · theo {source}",
        "source_metadata": "siêu dữ liệu của trang",
        "source_byline": "dòng ngày đăng",
        "source_URL": "địa chỉ trang",
        "source_capture_date": "ngày lưu trang",
        "source_text": "ngày ghi trong bài",
        "source_year_in_the_text": "năm ghi gần ngày đó trong bài",
        "source_folder": "năm khai báo của thư mục (corpus.toml)",
        "source_articles_other_dates": "các ngày khác trong bài",
        "source_term": "nhiệm kỳ nêu trong bài",
        "source_anniversary": "năm kỷ niệm nêu trong bài",
        "dates_mentioned": "Ngày lịch sử nêu trong bài",
        "category": "Chuyên mục",
        "wards": "Phường, xã",
        "terms": "Nhiệm kỳ",
        "officials": "Cán bộ",
        "roles": "Chức vụ",
        "source": "Tệp nguồn",
        "url": "Địa chỉ gốc",
        "encoding": "Bảng mã khi đọc",
        "metadata": "Thông tin bài",
        "full_text": "Toàn văn",
        "more_like_this": "Bài tương tự",
        "none": "Không có",
        "citation": "Trích dẫn",
        "citation_text": "Trích dẫn dạng văn bản",
        "copy": "Chép trích dẫn",
        "copied": "Đã chép",
        "download_ris": "Tải RIS",
        "download_csl": "Tải CSL-JSON",
        "back_to_search": "Quay lại kết quả tìm",
        "ward_page": "Phường, xã: {name}",
        "official_page": "Cán bộ: {name}",
        "career": "Quá trình công tác theo các bài",
        "career_role": "Chức vụ",
        "career_first": "Bài đầu tiên",
        "career_last": "Bài gần nhất",
        "career_articles": "Số bài",
        "career_places": "Phường, xã trong các bài",
        "career_as_written": "cách viết trong bài",
        "namesakes": "Người khác cùng tên",
        "career_rule": "Một người là một tên cùng một nơi (tỉnh nêu trong chức vụ, \"Trung ương\" với chức vụ cấp quốc gia, hoặc tỉnh của phường, xã trong bài). Một người chuyển tỉnh hay lên Trung ương được tính là hai người; xem \"Người khác cùng tên\".",
        "term_page": "Nhiệm kỳ {name}",
        "entity_total": "{n} bài, mới nhất trước",
        "n_articles": "{n} bài",
        "roles_here": "Chức vụ trong bài:",
        "error": "Lỗi",
        "error_400": "Yêu cầu chưa hợp lệ",
        "error_404": "Không tìm thấy",
        "error_500": "Đã có lỗi ở máy chủ; lỗi đã được ghi lại.",
        "error_503": "Chưa có chỉ mục để tìm",
        "home": "Về trang đầu",
        "archive_version": "wardnews {version}, chỉ mục dựng lúc {built}",
        "accessed": "truy cập {date}",
    },
    "en": {
        "site_name": "Ward news archive",
        "skip": "Skip to main content",
        "skip_filters": "Skip to filters",
        "search_label": "Search the archive",
        "search_button": "Search",
        "search_hint": "Diacritics are optional; use \"…\" for phrases, OR, -word to exclude.",
        "language": "Language",
        "overview": "Archive overview",
        "overview_total": "{n} articles in the archive",
        "results_for": "Results for “{q}”",
        "results": "Results",
        "total": "{n} articles",
        "total_range": "Results {first}–{last} of {n}",
        "per_page": "Articles per page",
        "feed_link": "Follow (Atom)",
        "feed_title": "Ward news archive: “{q}”, newest first",
        "feed_title_all": "Ward news archive: newest articles",
        "in_search": "In the search results",
        "article_position": "Article {n} of the search's {total}",
        "previous_article": "Previous article",
        "next_article": "Next article",
        "total_none": "No article matches.",
        "more_loose": "{n} more articles have these words with other accents or their syllables apart: include them",
        "loose_shown": "Including {n} articles with the words in other accents or their syllables apart.",
        "strict_only": "Only the words as typed ({n} articles)",
        "did_you_mean": "Did you mean:",
        "notes": "This part of the query was not understood:",
        "partial": "Partial results: part of the archive (a server) did not answer; the totals and counts are of the part that did.",
        "sort": "Sort",
        "sort_relevance": "Most relevant",
        "sort_newest": "Newest",
        "sort_oldest": "Oldest",
        "pages": "Pages",
        "previous": "Previous page",
        "next": "Next page",
        "page_n": "Page {n}",
        "filters": "Filters",
        "filter_button": "Filter",
        "selected_filters": "Filtering by",
        "remove_filter": "Remove filter {value}",
        "facet_ward": "Ward or commune",
        "facet_province": "Province",
        "facet_district": "District (before July 2025)",
        "facet_now_province": "Province now",
        "facet_now": "Ward or commune now",
        "mentions_include": "Count wards only mentioned too",
        "merged_into_now": "Merged into the unit of today",
        "ward_with_mentions": "Include the articles that only mention it ({n} in all)",
        "ward_subjects_only": "Only the articles about it ({n})",
        "mentions_only_subjects": "Only the wards articles are about",
        "facet_term": "Term",
        "facet_official": "Official",
        "facet_year": "Year",
        "now": "now: {unit}",
        "dates": "Dates",
        "date_from": "From",
        "date_to": "To",
        "date_format": "DD/MM/YYYY, MM/YYYY, YYYY or YYYY-MM-DD",
        "date_invalid": "“{value}” is not a date: type it as 04/05/2020, 5/2020 or 2020. The results below are not filtered by this field.",
        "date_order": "The start date is after the end date: the results below are not filtered by date.",
        "chart_title": "Articles over time",
        "chart_bar": "{period}: {n} articles; choose to narrow the dates",
        "chart_bar_kinds": "{period}: {n} articles ({published} by publication date, {event} by event date); choose to narrow the dates",
        "chart_legend": "Blue: by publication date; orange: by the event date the article gives; grey: year unknown.",
        "chart_undated": "{n} articles with no known year (the grey bar at the end of the chart): list them",
        "chart_range_hint": "Choose a bar to narrow to its period. To choose a range, use the “from here” and “to here” links in the chart's table.",
        "chart_range_hint_js": "Choose the first and then the last bar of a range (the same bar twice: that period only), or drag across bars. Esc cancels.",
        "chart_range_started": "From {period}: now choose the last bar of the range (Esc cancels).",
        "chart_table": "The chart's figures as a table",
        "chart_period": "Period",
        "chart_count": "Articles",
        "chart_published": "By publication date",
        "chart_event": "By event date",
        "chart_choose": "Choose",
        "chart_only_this": "this period only",
        "chart_from_here": "from here",
        "chart_to_here": "to here",
        "year_unknown": "Year unknown",
        "year_kinds": "{published} published, {event} event dates",
        "exports": "Download every result",
        "recent": "Latest articles",
        "by_ward": "By ward or commune",
        "by_term": "By term",
        "by_year": "By year",
        "date": "Date",
        "date_published": "published",
        "date_event": "date of the event",
        "date_unknown": "date unknown",
        "date_from_source": " · from {source}",
        "source_metadata": "the page's metadata",
        "source_byline": "the byline",
        "source_URL": "the page's address",
        "source_capture_date": "the capture date",
        "source_text": "a date in the text",
        "source_year_in_the_text": "a year stated near it in the text",
        "source_folder": "the folder's declared year (corpus.toml)",
        "source_articles_other_dates": "the article's other dates",
        "source_term": "the term the article names",
        "source_anniversary": "the anniversary the article marks",
        "dates_mentioned": "Historical dates the article names",
        "category": "Category",
        "wards": "Wards and communes",
        "terms": "Terms",
        "officials": "Officials",
        "roles": "Roles",
        "source": "Source file",
        "url": "Original URL",
        "encoding": "Read in encoding",
        "metadata": "About this article",
        "full_text": "Full text",
        "more_like_this": "More like this",
        "none": "None",
        "citation": "Citation",
        "citation_text": "Citation as text",
        "copy": "Copy citation",
        "copied": "Copied",
        "download_ris": "Download RIS",
        "download_csl": "Download CSL-JSON",
        "back_to_search": "Back to the results",
        "ward_page": "Ward or commune: {name}",
        "official_page": "Official: {name}",
        "career": "Career as the articles record it",
        "career_role": "Role",
        "career_first": "First article",
        "career_last": "Latest article",
        "career_articles": "Articles",
        "career_places": "Wards of those articles",
        "career_as_written": "as written",
        "namesakes": "Other people with the same name",
        "career_rule": "One person is one name in one place (the province a role names, \"Trung ương\" for national posts, or the province of the article's wards). Someone who moves province or to a national post counts as two people; see \"Other people with the same name\".",
        "term_page": "Term {name}",
        "entity_total": "{n} articles, newest first",
        "n_articles": "{n} articles",
        "roles_here": "Roles in this article:",
        "error": "Error",
        "error_400": "The request is not valid",
        "error_404": "Not found",
        "error_500": "Something went wrong on the server; it has been logged.",
        "error_503": "There is no index to search yet",
        "home": "Back to the start page",
        "archive_version": "wardnews {version}, index built {built}",
        "accessed": "accessed {date}",
    },
}


def choose_language(arg: str | None, cookie: str | None, default: str = DEFAULT) -> str:
    """The language asked for by ?lang=, else the cookie's, else Vietnamese.

    >>> choose_language(None, "en"), choose_language("vi", "en"), choose_language("xx", None)
    ('en', 'vi', 'vi')
    """
    for wanted in (arg, cookie):
        if wanted in LANGUAGES:
            return wanted
    return default if default in LANGUAGES else DEFAULT


def translator(lang: str):
    """A function giving the words for a key in `lang`, with {placeholders} filled."""
    strings = STRINGS[lang]

    def t(key: str, **values) -> str:
        return strings[key].format(**values) if values else strings[key]

    return t


def format_date(day: dt.date | None, lang: str) -> str:
    """A day as each language writes it: 04/05/2020 in Vietnamese, 4 May 2020 in English.

    >>> format_date(dt.date(2020, 5, 4), "vi"), format_date(dt.date(2020, 5, 4), "en")
    ('04/05/2020', '4 May 2020')
    """
    if day is None:
        return ""
    if lang == "vi":
        return day.strftime("%d/%m/%Y")
    return f"{day.day} {day.strftime('%B')} {day.year}"


def format_partial(partial: str | None, lang: str) -> str:
    """A date at its precision ("2020-05-04", "2020-05", "2020", "--05-04") as each language
    writes it, saying when the year is unknown.

    >>> [format_partial(p, "vi") for p in ("2020-05-04", "2020-05", "2020", "--05-04")]
    ['04/05/2020', '05/2020', 'năm 2020', '04/05 (không rõ năm)']
    >>> format_partial("--05-04", "en")
    '4 May (year unknown)'
    """
    if not partial:
        return ""
    if partial.startswith("--"):
        month, day = int(partial[2:4]), int(partial[5:7])
        if lang == "vi":
            return f"{day:02d}/{month:02d} (không rõ năm)"
        return f"{day} {dt.date(2000, month, 1).strftime('%B')} (year unknown)"
    parts = partial.split("-")
    if len(parts) == 3:
        return format_date(dt.date(*map(int, parts)), lang)
    if len(parts) == 2:
        month = dt.date(int(parts[0]), int(parts[1]), 1)
        return month.strftime("%m/%Y") if lang == "vi" else month.strftime("%B %Y")
    return f"năm {partial}" if lang == "vi" else partial


def format_number(n: int, lang: str) -> str:
    """A count with thousands grouped: 35.000 in Vietnamese, 35,000 in English.

    >>> format_number(35000, "vi"), format_number(35000, "en")
    ('35.000', '35,000')
    """
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


def format_period(period: str, lang: str) -> str:
    """A histogram period ("2020" or "2020-05") as each language writes it.

    >>> format_period("2020-05", "vi"), format_period("2020-05", "en"), format_period("2020", "vi")
    ('05/2020', '2020-05', '2020')
    """
    if period == "unknown":
        return STRINGS[lang]["year_unknown"] if lang in STRINGS else period
    if len(period) == 7 and lang == "vi":
        return f"{period[5:]}/{period[:4]}"
    return period
