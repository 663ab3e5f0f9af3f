"""The CSV's extra columns and the per-search Atom feed."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from wardnews.index import Archive, SearchRequest

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_csv_opens_on_its_header_and_parses_with_the_new_columns(client, demo_index):
    text = client.get("/export.csv?q=đại+hội").get_data(as_text=True)
    assert text.startswith("\ufeffid,date,")  # Excel reads the BOM as UTF-8; the header first
    table = text[1:].split("\r\n\r\n")[0]
    rows = list(csv.DictReader(io.StringIO(table)))
    with Archive(demo_index) as archive:
        hits = list(archive.iter_results(SearchRequest(query="đại hội")))
    assert [r["id"] for r in rows] == [h.id for h in hits]
    first, hit = rows[0], hits[0]
    assert "<mark>" not in first["snippet"] and first["snippet"]
    assert urlsplit(first["permalink"]).path == f"/article/{hit.id}"
    assert client.get(urlsplit(first["permalink"]).path).status_code == 200
    assert first["host"] == (urlsplit(hit.url).hostname or "" if hit.url else "")
    nows = [r for r, h in zip(rows, hits) if any(w.now for w in h.wards)]
    assert nows and all(r["wards_now"] for r in nows)
    assert {"date_kind", "date_precision"} <= set(first)


def test_the_feed_lists_the_newest_articles_of_the_search_with_their_pages(client, demo_index):
    response = client.get("/feed.atom?q=đại+hội&ward=Lương+Khánh+Thiện&page=3")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{ATOM}feed" and "đại hội" in root.find(f"{ATOM}title").text
    entries = root.findall(f"{ATOM}entry")
    with Archive(demo_index) as archive:
        newest = archive.search(SearchRequest(query="đại hội", wards=("Lương Khánh Thiện",),
                                              sort="newest", limit=50))
    assert [urlsplit(e.find(f"{ATOM}id").text).path for e in entries] == [f"/article/{h.id}" for h in newest.hits]
    assert all(e.find(f"{ATOM}updated").text.endswith("Z") for e in entries)
    self_link = next(l for l in root.findall(f"{ATOM}link") if l.get("rel") == "self").get("href")
    assert "page=" not in self_link and "ward=" in self_link


def test_the_search_page_links_its_feed(client):
    html = client.get("/search?q=đại+hội").get_data(as_text=True)
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert "Theo dõi (Atom)" in html


def test_a_feed_of_hostile_text_is_well_formed_xml(client):
    response = client.get("/feed.atom?q=%3C%2Ffeed%3E%26%22")
    ET.fromstring(response.data)  # nothing the query holds breaks the XML
    assert response.status_code == 200
