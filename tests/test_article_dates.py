"""Dates as a historian reads them (issue 10 §3): each source of an article's date, each
precision, the year of a yearless date and where it came from, history kept apart; and the
search side: the year-unknown bucket, published vs event counts, `date:--MM-DD`, ranges over
dates known only to their month or year."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wardnews import Archive, build_index
from wardnews.archive.extract.dates import article_date, url_date
from wardnews.archive.formats.html import html_document, publication


# --- the article's date: (text, folder years) -> (ISO at its precision, precision, source) ---

@pytest.mark.parametrize("text, folder, expected", [
    # a full date in the text is the event's date
    ("Sáng 4/5/2020, Đảng bộ phường tổ chức đại hội.", None, ("2020-05-04", "day", "text")),
    # the year of a yearless date: stated near it
    ("Sáng 7/2, UBND phường họp. Năm 2017 phường phấn đấu hoàn thành kế hoạch.", None,
     ("2017-02-07", "day", "year in the text")),
    # ... restated by another full date of the article
    ("Sáng 7/2, phường họp. Ngày 10/1/2018, UBND quận đã ban hành kế hoạch.", None,
     ("2018-02-07", "day", "year in the text")),
    # ... declared by the folder (corpus.toml year = 2017)
    ("Sáng 7/2, UBND phường họp dân.", (2017, 2017), ("2017-02-07", "day", "folder")),
    # ... the term the article reports on (a congress of term 2020-2025 sits in 2020)
    ("Sáng 15/5, Đảng bộ phường tổ chức Đại hội đại biểu nhiệm kỳ 2020-2025.", None,
     ("2020-05-15", "day", "term")),
    # ... the anniversary celebrated: 78 years after 1945
    ("Sáng 2/9, phường tổ chức kỷ niệm 78 năm Cách mạng tháng Tám năm 1945 và Quốc khánh.",
     None, ("2023-09-02", "day", "anniversary")),
    # nothing tells the year: kept as a day and month, never dropped
    ("Sáng 7/2, UBND phường họp dân.", None, ("--02-07", "month-day", "text")),
    # a folder spanning two years cannot choose one
    ("Sáng 7/2, UBND phường họp dân.", (2016, 2017), ("--02-07", "month-day", "text")),
    # 29 February is a day of the year, whatever the year
    ("Chiều 29/2, phường họp.", None, ("--02-29", "month-day", "text")),
    # a historical year never dates "sáng 2/9"
    ("Sáng 2/9, phường tổ chức kỷ niệm Quốc khánh năm 1945.", None,
     ("--09-02", "month-day", "text")),
    # a plan's horizon is no year of the article
    ("Sáng 7/2, phường họp. Phường phấn đấu đến năm 2030 đạt chuẩn văn minh.", None,
     ("--02-07", "month-day", "text")),
    # month and year, or a year, in the title or lead
    ("Tháng 5/2020, phường ra mắt mô hình dân vận khéo.", None, ("2020-05", "month", "text")),
    ("Năm 2019, phường đạt chuẩn văn minh đô thị.", None, ("2019", "year", "text")),
    ("Phường phấn đấu đến năm 2030 đạt chuẩn văn minh đô thị.", None, (None, None, None)),
    # a month of history in the lead is no month of the article
    ("Tháng 12/1986, Đại hội VI của Đảng mở ra công cuộc Đổi mới.", None, (None, None, None)),
])
def test_the_article_date_at_its_precision_with_its_source(text, folder, expected):
    dated = article_date(None, text, folder)
    assert (dated.iso, dated.precision, dated.source) == expected


def test_a_historical_date_is_mentioned_not_the_article_date():
    dated = article_date(None, "Kỷ niệm ngày 2/9/1945. Sáng 2/9/2017, phường tổ chức lễ chào cờ.")
    assert (dated.iso, dated.kind, dated.mentioned) == ("2017-09-02", "event", ("1945-09-02",))
    # a date the text looks ahead to is no measure of its time: 2016 is not history here
    ahead = article_date(None, "Xe kiểm định lần cuối ngày 22/10/2016 và có hạn kiểm định đến 21/4/2019.")
    assert (ahead.iso, ahead.mentioned) == ("2016-10-22", ())
    only_history = article_date(None, "Ngày 19/8/1945, nhân dân giành chính quyền. Phường ôn lại "
                                      "truyền thống vào ngày 19/8/2016.")
    assert only_history.iso == "2016-08-19" and only_history.mentioned == ("1945-08-19",)


def test_a_publication_date_comes_first_and_says_what_gave_it():
    published = article_date(dt.date(2021, 3, 1), "Sáng 7/2, phường họp.", None, "URL")
    assert (published.iso, published.kind, published.source) == ("2021-03-01", "published", "URL")
    byline = article_date(None, "Phường họp dân\nThứ Hai, 04/05/2020 08:30\nSáng nay phường họp.")
    assert (byline.iso, byline.kind, byline.source) == ("2020-05-04", "published", "byline")


@pytest.mark.parametrize("url, expected", [
    ("https://phuong.gov.vn/tin-tuc/2020/05/04/dai-hoi.html", dt.date(2020, 5, 4)),
    ("https://phuong.gov.vn/dai-hoi-20191231.htm", dt.date(2019, 12, 31)),
    ("https://phuong.gov.vn/2019-12-31/dai-hoi", dt.date(2019, 12, 31)),
    ("https://baomoi.com/dai-hoi/c/34567890.epi", None),  # an id, not a date
    ("https://phuong.gov.vn/tin/20201340.htm", None),  # no 40th of month 13
    (None, None),
])
def test_a_date_in_the_address(url, expected):
    assert url_date(url) == expected


def test_publication_sources_in_the_order_they_are_trusted():
    meta, byline, captured = dt.date(2020, 1, 1), dt.date(2020, 1, 2), dt.date(2024, 1, 1)
    url = "https://p.gov.vn/2020/01/03/a.html"
    assert publication(meta, byline, url, captured) == {"published": meta, "published_from": "metadata"}
    assert publication(None, byline, url, captured)["published_from"] == "byline"
    assert publication(None, None, url, captured) == {"published": dt.date(2020, 1, 3),
                                                      "published_from": "URL"}
    assert publication(None, None, None, captured)["published_from"] == "capture date"
    assert publication(None, None, None, None) == {}


def test_a_page_without_dates_is_dated_by_its_address():
    html = ("<html><head><title>Phường họp dân</title></head><body><h1>Phường họp dân</h1>"
            "<p>Sáng 7/2, UBND phường Minh Khai họp dân bàn kế hoạch chỉnh trang đô thị.</p>"
            "</body></html>")
    doc = html_document(html, "a.html", "utf-8", url="https://p.gov.vn/tin/2019/02/07/hop.html",
                        captured=dt.date(2024, 6, 1))
    assert (doc.published, doc.published_from) == (dt.date(2019, 2, 7), "URL")


# --- searching dates at their precision ------------------------------------------------------

FILLER = "Cán bộ và nhân dân khu dân cư cùng tham gia, nghe phổ biến kế hoạch của địa phương."
DATED = {
    # key: (date field of the record, text): what the archive can tell of each
    "published-2020": ("2020-05-04", "Phường họp dân bàn kế hoạch."),
    "event-2020": (None, "Sáng 6/5/2020, phường họp dân bàn kế hoạch."),
    "month-2020": (None, "Tháng 5/2020, phường họp dân bàn kế hoạch."),
    "year-2020": (None, "Năm 2020, phường họp dân bàn kế hoạch nhiều lần."),
    "yearless-may-15": (None, "Sáng 15/5, phường họp dân bàn kế hoạch."),
    "published-may-15": ("2019-05-15", "Phường họp dân bàn kế hoạch."),
    "undated": (None, "Phường họp dân bàn kế hoạch."),
}


@pytest.fixture(scope="module")
def dated_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("dates")
    lines = [json.dumps({"id": key, "title": f"Tin {key}", "text": f"{text}\n\n{FILLER}",
                         **({"date": date} if date else {})}, ensure_ascii=False)
             for key, (date, text) in DATED.items()]
    (root / "corpus").mkdir()
    (root / "corpus" / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_index(root / "corpus", root / "index")
    with Archive(root / "index") as archive:
        yield archive


def ids_of(archive, **options):
    result = archive.search("phường", limit=100, **options)
    return sorted(h.title.removeprefix("Tin ") for h in result.hits)


def test_every_article_is_in_one_year_bucket_the_unknown_one_included(dated_archive):
    result = dated_archive.search("phường", limit=100, facet_limit=100)
    years = {v.value: v.count for v in result.facets["year"]}
    assert years == {"2020": 4, "2019": 1, "unknown": 2}
    assert sum(years.values()) == result.total == len(DATED)
    assert [p.period for p in result.histogram] == ["2019", "2020", "unknown"]
    assert ids_of(dated_archive, years=("unknown",)) == ["undated", "yearless-may-15"]


def test_the_year_facet_and_chart_tell_published_from_event_dates(dated_archive):
    result = dated_archive.search("phường", limit=100)
    year_2020 = next(v for v in result.facets["year"] if v.value == "2020")
    assert year_2020.kinds == (1, 3)  # one published, three by their event's date
    assert year_2020.to_json()["published"] == 1 and year_2020.to_json()["event"] == 3
    bar = next(p for p in result.histogram if p.period == "2020")
    assert (bar.count, bar.published, bar.event) == (4, 1, 3)


def test_a_range_holds_the_dates_known_only_to_its_month_or_year_when_it_holds_them_whole(dated_archive):
    assert ids_of(dated_archive, date_from="2020", date_to="2020") == [
        "event-2020", "month-2020", "published-2020", "year-2020"]
    assert ids_of(dated_archive, date_from="2020-05", date_to="2020-05") == [
        "event-2020", "month-2020", "published-2020"]
    assert ids_of(dated_archive, date_from="2020-05-01", date_to="2020-05-05") == ["published-2020"]


def test_a_day_and_month_are_searchable_whether_the_year_is_known_or_not(dated_archive):
    result = dated_archive.search("phường date:--05-15", limit=100)
    assert sorted(h.title.removeprefix("Tin ") for h in result.hits) == [
        "published-may-15", "yearless-may-15"]
    yearless = next(h for h in result.hits if h.title.endswith("yearless-may-15"))
    assert (yearless.date, yearless.date_partial, yearless.date_precision) == (
        None, "--05-15", "month-day")
    assert yearless.to_json()["date_partial"] == "--05-15"


def test_a_bad_day_of_the_year_is_said_plainly(dated_archive):
    result = dated_archive.search("phường date:--02-30")
    assert any("date:--02-30" in note and "--MM-DD" in note for note in result.notes)


def test_the_web_chart_has_an_unknown_bar_that_lists_its_articles(dated_archive):
    from wardnews.webui import create_app

    client = create_app({"WARDNEWS_INDEX": str(dated_archive.location), "TESTING": True}).test_client()
    page = client.get("/search?q=ph%C6%B0%E1%BB%9Dng&lang=en").get_data(as_text=True)
    assert "Year unknown" in page
    assert 'href="/search?q=ph%C6%B0%E1%BB%9Dng&amp;year=unknown"' in page
    assert "2020: 4 articles (1 by publication date, 3 by event date)" in page
    listed = client.get("/search?q=ph%C6%B0%E1%BB%9Dng&year=unknown&lang=en").get_data(as_text=True)
    assert "15 May (year unknown)" in listed
    api = client.get("/api/search?q=ph%C6%B0%E1%BB%9Dng&year=unknown").get_json()
    assert api["total"] == 2
