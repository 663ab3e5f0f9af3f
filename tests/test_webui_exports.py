"""Exports: the whole result set, streamed, with the search and the archive recorded in the file."""

import csv
import datetime as dt
import io
import json
import types
from importlib.metadata import version

import pytest

from wardnews.archive import Official, Ward
from wardnews.index import Archive, Hit, SearchRequest
from wardnews.webui import create_app, exports
from wardnews.webui.exports import COLUMNS


def read_csv(text):
    """The metadata lines (# key, value) and the table of a CSV export: the header row first
    (after the byte-order mark), the facts after the table and an empty line."""
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text[1:])))
    blank = len(lines) - 1 - lines[::-1].index([])
    meta = {row[0][2:]: row[1] for row in lines[blank + 1:]}
    return meta, lines[0], lines[1:blank]


def test_csv_export_has_every_result_not_just_a_page(client, demo_index):
    with Archive(demo_index) as archive:
        expected = [h.id for h in archive.iter_results(SearchRequest(query="đại hội"))]
    response = client.get("/export.csv?q=đại+hội&page=2&limit=5")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="wardnews-search.csv"'
    meta, header, rows = read_csv(response.get_data(as_text=True))
    assert header == list(exports.COLUMNS)
    assert len(expected) > 10 and [r[0] for r in rows] == expected
    assert meta["total"] == str(len(expected))


def test_csv_export_records_query_filters_time_and_archive_version(client, demo_index):
    with Archive(demo_index) as archive:
        built = archive.stats().built_at
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    text = client.get("/export.csv?q=dai+hoi&term=2020-2025&year=2020&year=2021&from=2020-03").get_data(as_text=True)
    meta, _, rows = read_csv(text)
    assert meta["query"] == "dai hoi" and meta["term"] == "2020-2025"
    assert meta["year"] == "2020; 2021" and meta["from"] == "2020-03-01" and meta["to"] == ""
    assert meta["version"] == version("wardnews") and meta["index_built_at"] == built
    assert dt.datetime.fromisoformat(meta["exported_at"]) >= before
    assert all("2020-2025" in row[COLUMNS.index("terms")] for row in rows)


def test_json_export_has_every_result_and_the_metadata(client, demo_index):
    with Archive(demo_index) as archive:
        hits = [h.to_json() for h in archive.iter_results(SearchRequest(query="dai hoi", wards=("Lương Khánh Thiện",)))]
    response = client.get("/export.json?q=dai+hoi&ward=Lương+Khánh+Thiện")
    assert response.mimetype == "application/json"
    data = json.loads(response.get_data(as_text=True))
    links = [hit.pop("permalink") for hit in data["hits"]]  # the search JSON, and its page
    assert data["hits"] == hits and data["meta"]["total"] == len(hits)
    assert links == [f"http://localhost/article/{hit['id']}" for hit in hits]
    assert {"date_kind", "date_precision"} <= set(hits[0]) and hits[0]["date_kind"] in ("published", "event")
    assert data["meta"]["filters"]["ward"] == ["Lương Khánh Thiện"]
    assert set(data["meta"]) == {"query", "filters", "sort", "match", "mentions", "total",
                                 "exported_at", "version", "index_built_at"}


def test_an_export_of_nothing_is_a_valid_empty_file(client):
    data = json.loads(client.get("/export.json?q=zzzqqqxxx").get_data(as_text=True))
    assert data["hits"] == [] and data["meta"]["total"] == 0
    meta, header, rows = read_csv(client.get("/export.csv?q=zzzqqqxxx").get_data(as_text=True))
    assert rows == [] and header[0] == "id"


def test_export_parameters_are_checked(client):
    response = client.get("/export.csv?from=someday")
    assert response.status_code == 400


def fake_hit(number):
    return Hit(id=f"{number:016x}", source=f"s/{number}.txt", url=None, title=f"Bài {number}, \"số\"",
               date=dt.date(2020, 1, 1), date_kind="published", category=None,
               wards=(Ward("phường", "A", province="Hà Nam"),),
               terms=("2020-2025",), officials=(Official("Trần Văn B", ("Bí thư", "Chủ tịch")),),
               score=None, snippet="")


class Counting:
    """Hits made one at a time, counting how many were asked for."""

    def __init__(self, total):
        self.total, self.made = total, 0

    def __iter__(self):
        for number in range(self.total):
            self.made += 1
            yield fake_hit(number)


@pytest.mark.parametrize("stream", [exports.csv_stream, exports.json_stream])
def test_exports_stream_in_batches_without_building_the_whole_list(stream):
    source = Counting(2500)
    chunks = stream(source, exports.metadata(SearchRequest(), 2500, "now", "0", None))
    assert isinstance(chunks, types.GeneratorType)
    next(chunks), next(chunks)
    assert source.made <= 2 * exports.BATCH  # only what was sent so far was made
    rest = "".join(chunks)
    assert source.made == 2500 and rest


@pytest.fixture
def big_client(demo_index, monkeypatch):
    """A client whose archive has 2,500 results for any export, made as they are read."""
    from wardnews.webui.state import get_archive

    app = create_app({"WARDNEWS_INDEX": str(demo_index), "TESTING": True})
    with app.app_context():
        archive = get_archive()
    source = Counting(2500)
    monkeypatch.setattr(archive, "iter_results", lambda request: source)  # has .total, like Results
    app.test_source = source
    return app.test_client()


@pytest.mark.parametrize("url", ["/export.csv", "/export.json"])
def test_export_routes_stream_2500_rows(big_client, url):
    source = big_client.application.test_source
    response = big_client.get(url, buffered=False)
    assert response.is_streamed
    body = iter(response.response)
    first = next(body)
    assert source.made <= exports.BATCH and first
    text = (first if isinstance(first, str) else first.decode()) + b"".join(
        part if isinstance(part, bytes) else part.encode() for part in body).decode()
    assert source.made == 2500
    if url.endswith(".csv"):
        _, _, rows = read_csv(text)
        assert len(rows) == 2500
        cell = dict(zip(COLUMNS, rows[0]))
        assert cell["title"] == 'Bài 0, "số"' and cell["officials"] == "Trần Văn B (Bí thư, Chủ tịch)"
        assert cell["wards"] == cell["subject_wards"] == "phường A, Hà Nam"
    else:
        assert len(json.loads(text)["hits"]) == 2500
