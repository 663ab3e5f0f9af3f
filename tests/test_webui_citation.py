"""Citations: plain text to copy, RIS and CSL-JSON that reference managers such as Zotero read."""

import datetime as dt
import json

import pytest

from wardnews.archive import Article, Official, Ward
from wardnews.webui import citation

ARTICLE = Article(
    id="0123456789abcdef", source="ha-nam/phu-ly/dai-hoi.html", url="https://phuly.hanam.gov.vn/tin/1",
    title="Đại hội Đảng bộ phường Lương Khánh Thiện\nnhiệm kỳ 2020 - 2025", date=dt.date(2020, 5, 4),
    date_kind="published", category="Xây dựng Đảng",
    wards=(Ward("phường", "Lương Khánh Thiện", "Thành phố Phủ Lý", "Hà Nam", "Phường Phủ Lý, Tỉnh Ninh Bình"),),
    terms=("2020-2025",), officials=(Official("Trần Văn A", ("Bí thư",)),), encoding="utf-8", text="…",
)
UNDATED = Article(id="fedcba9876543210", source="x/y.txt", url=None, title="Tin phường", date=None,
                  date_kind=None, category=None, wards=(), terms=(), officials=(), encoding="cp1258", text="…")


def parse_ris(text):
    lines = text.split("\r\n")
    assert lines[-1] == "" and lines[-2] == "ER  - "
    return [(line[:2], line[6:]) for line in lines[:-1]]


@pytest.mark.parametrize("article, tag, value", [
    (ARTICLE, "TY", "NEWS"),
    (ARTICLE, "TI", "Đại hội Đảng bộ phường Lương Khánh Thiện nhiệm kỳ 2020 - 2025"),
    (ARTICLE, "T2", "phuly.hanam.gov.vn"),
    (ARTICLE, "PY", "2020"),
    (ARTICLE, "DA", "2020/05/04"),
    (ARTICLE, "UR", "https://phuly.hanam.gov.vn/tin/1"),
    (ARTICLE, "KW", "2020-2025"),
    (ARTICLE, "N1", "Archive source: ha-nam/phu-ly/dai-hoi.html"),
    (UNDATED, "T2", "wardnews archive"),  # the file is its archive location (N1), not a publication
])
def test_ris_has_the_lines_zotero_reads(article, tag, value):
    assert (tag, value) in parse_ris(citation.ris(article))


def test_ris_starts_with_its_type_and_leaves_out_what_is_unknown():
    lines = parse_ris(citation.ris(UNDATED))
    assert lines[0] == ("TY", "NEWS")
    assert not {"PY", "DA", "UR"} & {tag for tag, _ in lines}
    assert all(len(tag) == 2 and tag.isalnum() and tag == tag.upper() for tag, _ in lines)


def test_csl_json_is_a_list_of_one_newspaper_article():
    items = json.loads(json.dumps(citation.csl_json(ARTICLE)))
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert item["type"] == "article-newspaper"
    assert item["title"] == ARTICLE.title
    assert item["issued"] == {"date-parts": [[2020, 5, 4]]}
    assert item["URL"] == ARTICLE.url and item["container-title"] == "phuly.hanam.gov.vn"


def test_csl_json_of_an_undated_article_has_no_issued_date():
    item = citation.csl_json(UNDATED)[0]
    assert "issued" not in item and "URL" not in item and item["id"] == UNDATED.id


@pytest.mark.parametrize("article, accessed, expected", [
    (ARTICLE, dt.date(2026, 1, 2),
     "Đại hội Đảng bộ phường Lương Khánh Thiện nhiệm kỳ 2020 - 2025. phuly.hanam.gov.vn, 04/05/2020. "
     "https://phuly.hanam.gov.vn/tin/1. Accessed 02/01/2026."),
    (UNDATED, None, "Tin phường. wardnews archive, n.d."),
])
def test_plain_citation(article, accessed, expected):
    assert citation.plain(article, accessed) == expected


def test_the_plain_citation_speaks_the_interfaces_language():
    assert citation.plain(ARTICLE, dt.date(2026, 1, 2), lang="vi").endswith(
        "https://phuly.hanam.gov.vn/tin/1. Truy cập ngày 02/01/2026.")
    assert citation.plain(UNDATED, None, lang="vi") == "Tin phường. Lưu trữ wardnews, không rõ ngày."


def test_a_date_known_to_its_month_is_cited_so():
    from dataclasses import replace

    assert "05/2020." in citation.plain(replace(UNDATED, date_partial="2020-05"), None)
    assert ", 2020." in citation.plain(replace(UNDATED, date_partial="2020"), None)
    assert "n.d." in citation.plain(replace(UNDATED, date_partial="--05-04"), None)


def test_the_article_page_cites_in_its_language(client):
    listed = client.get("/api/search", query_string={"q": "phường"}).get_json()
    article_id = listed["hits"][0]["id"]
    assert "Truy cập ngày" in client.get(f"/article/{article_id}").get_data(as_text=True)
    english = client.get(f"/article/{article_id}?lang=en").get_data(as_text=True)
    assert "Accessed" in english and "Truy cập" not in english


def test_citation_downloads_from_the_app(client):
    article_id = client.get("/api/search?q=dai+hoi").get_json()["hits"][0]["id"]
    article = client.get(f"/api/article/{article_id}").get_json()
    ris = client.get(f"/article/{article_id}/citation.ris")
    assert ris.mimetype == "application/x-research-info-systems"
    assert ris.headers["Content-Disposition"] == f'attachment; filename="{article_id}.ris"'
    lines = parse_ris(ris.get_data(as_text=True))
    assert ("TI", " ".join(article["title"].split())) in lines
    assert ("PY", article["date"][:4]) in lines and ("DA", article["date"].replace("-", "/")) in lines
    csl = client.get(f"/article/{article_id}/citation.json")
    assert csl.mimetype == "application/vnd.citationstyles.csl+json"
    item = json.loads(csl.get_data(as_text=True))[0]
    assert item["type"] == "article-newspaper" and item["title"] == article["title"]
    assert item["issued"]["date-parts"] == [[int(p) for p in article["date"].split("-")]]
