"""The .xlsx export: the CSV's table and facts, read back with openpyxl as a spreadsheet shows them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile

import openpyxl
import re
from html import unescape

import pytest

from wardnews.archive import Ward
from wardnews.index import Archive, Hit, SearchRequest
from wardnews.webui import exports, xlsx_export
from wardnews.webui.exports import COLUMNS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SEARCH = "q=đại+hội&term=2020-2025&sort=newest"


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def as_csv_text(value) -> str:
    """A cell read from the workbook as the CSV writes the same value."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def csv_table_and_facts(text: str) -> tuple[list[list[str]], list[tuple[str, str]]]:
    table, _, facts = text.lstrip("\ufeff").partition("\r\n\r\n")
    return (list(csv.reader(io.StringIO(table))),
            [(key[2:], value) for key, value in csv.reader(io.StringIO(facts))])


def test_the_workbook_holds_the_csv_rows_in_the_same_order_under_the_header(client, demo_index):
    response = client.get(f"/export.xlsx?{SEARCH}")
    assert response.status_code == 200 and response.mimetype == XLSX
    assert response.headers["Content-Disposition"] == 'attachment; filename="wardnews-search.xlsx"'
    book = workbook(response.data)
    assert book.sheetnames == ["Kết quả", "Thông tin"]
    shown = [[as_csv_text(v) for v in row] for row in book["Kết quả"].iter_rows(values_only=True)]
    table, _ = csv_table_and_facts(client.get(f"/export.csv?{SEARCH}").get_data(as_text=True))
    assert shown[0] == list(COLUMNS) == table[0]
    assert len(shown) > 3 and shown == table  # every cell as the CSV has it (none is neutralised here)
    with Archive(demo_index) as archive:
        hits = list(archive.iter_results(SearchRequest(query="đại hội", terms=("2020-2025",), sort="newest")))
    titles = [row[COLUMNS.index("title")] for row in shown[1:]]
    assert titles == [hit.title for hit in hits] and any("Đảng bộ phường" in t for t in titles)


def test_the_header_is_bold_and_stays_in_view(client):
    sheet = workbook(client.get(f"/export.xlsx?{SEARCH}").data).worksheets[0]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert all(cell.font.b for cell in sheet[1]) and not sheet["A2"].font.b


def test_the_about_sheet_holds_the_csv_facts(client):
    search = "q=dai+hoi&ward=Minh+Khai&year=2020&year=2021&from=2020-03"
    about = workbook(client.get(f"/export.xlsx?{search}").data)["Thông tin"]
    facts = [(key, as_csv_text(value)) for key, value in about.iter_rows(values_only=True)]
    _, expected = csv_table_and_facts(client.get(f"/export.csv?{search}").get_data(as_text=True))
    exported_at = [k for k, _ in expected].index("exported_at")
    del facts[exported_at], expected[exported_at]  # the two files were made seconds apart
    assert facts == expected
    assert ("ward", "Minh Khai") in facts and ("year", "2020; 2021") in facts
    assert dict(facts)["total"] == str(about["B5"].value) and about["B5"].data_type == "n"


def test_the_sheets_are_named_in_the_interface_language(client):
    assert workbook(client.get(f"/export.xlsx?{SEARCH}&lang=en").data).sheetnames == ["Results", "About"]


def test_cells_have_their_types_dates_known_to_the_day_are_dates(client, demo_index):
    sheet = workbook(client.get("/export.xlsx").data).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2))
    date, precision = COLUMNS.index("date"), COLUMNS.index("date_precision")
    by_day = [r for r in rows if r[precision].value == "day"]
    assert by_day and all(r[date].is_date and r[date].number_format == "yyyy-mm-dd" for r in by_day)
    others = [r for r in rows if r[precision].value != "day"]
    assert others and all(not r[date].is_date for r in others)
    assert {r[COLUMNS.index("date_kind")].value for r in rows} == {"published", "event"}
    assert all(r[COLUMNS.index("title")].data_type == "s" for r in rows)


def hit(title="Phường Minh Khai", precision="day", date=dt.date(2020, 5, 4), score=1.5, number=0):
    return Hit(id=f"{number:016x}", source="s.txt", url="https://baomoi.example/a", title=title,
               date=date, date_kind="event", category=None,
               wards=(Ward("phường", "Minh Khai", province="Hà Nội", now="Phường Vĩnh Tuy"),),
               terms=(), officials=(), score=score, snippet="", date_partial="2020-05",
               date_precision=precision)


def written(hits) -> openpyxl.Workbook:
    """The workbook the export writes for these hits, read back."""
    facts = exports.metadata(SearchRequest(), len(hits), "now", "0", None)
    return workbook(b"".join(xlsx_export.xlsx_stream(hits, facts)))


def test_a_date_known_only_to_the_month_is_text_at_its_precision_and_the_score_a_number():
    sheet = written([hit(precision="month", date=None), hit()]).worksheets[0]
    month, day = sheet[2], sheet[3]
    date, partial = COLUMNS.index("date"), COLUMNS.index("date_partial")
    assert month[date].value is None and (month[partial].value, month[partial].data_type) == ("2020-05", "s")
    assert day[date].value == dt.datetime(2020, 5, 4) and day[date].is_date
    assert (month[COLUMNS.index("score")].value, month[COLUMNS.index("score")].data_type) == (1.5, "n")
    assert month[COLUMNS.index("wards_now")].value == "Phường Vĩnh Tuy"


def test_text_longer_than_a_cell_holds_is_cut_with_a_mark():
    long = "Ủy ban nhân dân phường " * 2000  # 46,000 characters
    cell = written([hit(title=long)]).worksheets[0].cell(2, COLUMNS.index("title") + 1).value
    assert len(cell) == xlsx_export.MAX_CELL and cell.endswith(xlsx_export.CUT_MARK)
    assert long.startswith(cell[: -len(xlsx_export.CUT_MARK)])


def test_a_result_set_larger_than_a_sheet_stops_and_says_so(monkeypatch):
    monkeypatch.setattr(xlsx_export, "MAX_ROWS", 3)
    book = written([hit(number=n) for n in range(5)])
    ids = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert ids == [f"{n:016x}" for n in range(3)]
    last = list(book.worksheets[1].iter_rows(values_only=True))[-1]
    assert last == ("error", "the export stopped here: a sheet holds 3 rows; the CSV export has them all")


BAD = [("from", "someday"), ("page", "abc"), ("sort", "sideways"), ("limit", "-1"), ("year", "abc"),
       ("match", "x"), ("q", "x" * 5000)]


@pytest.mark.parametrize("name, value", BAD, ids=[name for name, _ in BAD])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_bad_parameter_is_a_400_that_says_what_the_csv_export_says(client, name, value, lang):
    response = client.get("/export.xlsx", query_string={name: value, "lang": lang})
    assert response.status_code == 400 and response.mimetype == "text/html"
    said = re.search(r'<p class="message"[^>]*>(.*?)</p>', response.get_data(as_text=True), re.S).group(1)
    csv_page = client.get("/export.csv", query_string={name: value, "lang": lang})
    assert csv_page.status_code == 400
    assert said.strip() and said in csv_page.get_data(as_text=True)  # in the page's language
    if lang == "en":
        api = client.get("/api/search", query_string={name: value}).get_json()["error"]
        assert api.split(",")[0].split(" not ")[0][:20] in unescape(said)


def test_text_no_xml_may_hold_still_gives_a_workbook_that_opens(client):
    response = client.get("/export.xlsx", query_string={"q": "\x00\x07 <đại hội> &", "ward": "\x1f"})
    assert response.status_code == 200
    about = dict(workbook(response.data)["Thông tin"].iter_rows(values_only=True))
    assert about["query"].endswith("<đại hội> &")


def test_the_temporary_files_are_gone_once_the_response_is_sent_or_dropped(client, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    response = client.get(f"/export.xlsx?{SEARCH}", buffered=False)
    body = iter(response.response)
    first = next(body)
    assert first.startswith(b"PK") and [p.name for p in tmp_path.glob("wardnews-xlsx-*/*")] == ["export.xlsx"]
    data = first + b"".join(body)
    response.close()
    assert list(tmp_path.iterdir()) == [] and workbook(data).sheetnames
    dropped = client.get(f"/export.xlsx?{SEARCH}", buffered=False)
    next(iter(dropped.response))
    dropped.close()  # the client went away after the first chunk
    assert list(tmp_path.iterdir()) == []


def test_the_search_page_links_the_workbook_beside_csv_and_json(client):
    html = client.get("/search?q=đại+hội&page=2").get_data(as_text=True)
    assert '<a href="/export.xlsx?q=%C4%91%E1%BA%A1i+h%E1%BB%99i" download>Excel (.xlsx)</a>' in html
