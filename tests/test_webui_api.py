"""The JSON API: the library's JSON exactly, and errors as {"ok": false, "error": ...}."""

import pytest

from wardnews.index import Archive, SearchRequest


@pytest.fixture(scope="module")
def archive(demo_index):
    with Archive(demo_index) as opened:
        yield opened


@pytest.mark.parametrize("query_string, request_", [
    ({"q": "luong khanh thien"}, SearchRequest(query="luong khanh thien")),
    ({"q": "đại hội", "sort": "newest", "page": "2", "limit": "5"},
     SearchRequest(query="đại hội", sort="newest", page=2, limit=5)),
    ({"term": "2020-2025", "year": ["2020", "2021"]},
     SearchRequest(terms=("2020-2025",), years=("2020", "2021"), sort="newest")),
])
def test_api_search_returns_exactly_the_search_result_json(client, archive, query_string, request_):
    response = client.get("/api/search", query_string=query_string)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json() == archive.search(request_).to_json()


def test_api_search_has_the_design_shape(client):
    data = client.get("/api/search?q=dai+hoi").get_json()
    assert {"query", "total", "page", "hits", "facets", "suggestion"} <= set(data)
    # the design's keys, (issue 10) the date at its precision and (issue 12) its kind
    assert set(data["hits"][0]) == {"id", "source", "url", "title", "date", "wards", "terms",
                                    "officials", "score", "snippet", "date_partial",
                                    "date_precision", "date_kind"}
    assert {"ward", "term", "official", "year"} <= set(data["facets"])


def test_api_article_returns_exactly_the_article_json(client, archive):
    article_id = archive.search(SearchRequest(query="đại hội")).hits[0].id
    response = client.get(f"/api/article/{article_id}")
    assert response.status_code == 200
    assert response.get_json() == archive.article(article_id).to_json()


@pytest.mark.parametrize("url, error", [
    ("/api/search?page=0", "page must be a whole number from 1 to 10000, not '0'"),
    ("/api/search?page=10001", "page must be a whole number from 1 to 10000, not '10001'"),
    ("/api/search?limit=101", "limit must be a whole number from 1 to 100, not '101'"),
    ("/api/search?size=abc", "size must be a whole number from 1 to 100, not 'abc'"),
    ("/api/search?sort=best", "sort must be one of relevance, newest, oldest, not 'best'"),
    ("/api/search?from=2020-02-30", "from must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not '2020-02-30'"),
    ("/api/search?to=soon", "to must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not 'soon'"),
    ("/api/search?from=2021&to=2020", "from (2021-01-01) must not be after to (2020-12-31)"),
    ("/api/search?year=twenty", "year must be four digits or 'unknown', not 'twenty'"),
    ("/api/search?q=" + "a" * 1001, "q is 1001 characters long; at most 1000 are allowed"),
])
def test_bad_parameters_are_400_with_an_error_naming_the_parameter(client, url, error):
    response = client.get(url)
    assert response.status_code == 400
    assert response.get_json() == {"ok": False, "error": error}


@pytest.mark.parametrize("url, error", [
    ("/api/article/0000000000000000", "No article with id '0000000000000000' in this index"),
    ("/api/article/" + "b" * 100, "No article with id '" + "b" * 64 + "'… in this index"),
    ("/api/nothing", "No API endpoint at /api/nothing; there are /api/search, /api/article/<id> and /api/official/<name>"),
    ("/api/", "No API endpoint at /api/; there are /api/search, /api/article/<id> and /api/official/<name>"),
    ("/api/article/x/y", "No API endpoint at /api/article/x/y; there are /api/search, /api/article/<id> and /api/official/<name>"),
])
def test_unknown_ids_and_paths_are_404_json(client, url, error):
    response = client.get(url)
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.get_json() == {"ok": False, "error": error}


def test_wrong_method_is_405_json(client):
    response = client.post("/api/search")
    assert response.status_code == 405
    assert response.get_json()["ok"] is False
