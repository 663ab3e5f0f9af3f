"""The embedding API: `from wardnews import ...` returns the project's own records, nothing of Whoosh."""

import dataclasses
import datetime as dt

import pytest

from wardnews import index
from wardnews.archive import Article
from wardnews.index import Archive, ArticleNotFound, IndexNotFound, SearchRequest

PLAIN = (str, int, float, bool, type(None), dt.date)


def leaks(value, path="result"):
    """Paths inside a value whose type is neither plain data nor one of the project's own."""
    if isinstance(value, PLAIN):
        return []
    if dataclasses.is_dataclass(value):
        module = type(value).__module__
        found = [] if module.startswith("wardnews.") else [f"{path}: {type(value)}"]
        for item in dataclasses.fields(value):
            found += leaks(getattr(value, item.name), f"{path}.{item.name}")
        return found
    if isinstance(value, (tuple, list)):
        return [p for i, v in enumerate(value) for p in leaks(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaks(k, path) + leaks(v, f"{path}[{k!r}]")]
    return [f"{path}: {type(value)}"]


@pytest.mark.parametrize("request_", [
    SearchRequest(query="luong khanh thien"),
    SearchRequest(query="Đảng", wards=("Lương Khánh Thiện",), sort="newest"),
    SearchRequest(query="", years=("2020",), page=2, limit=1),
    SearchRequest(query='"UBND" -hoà', date_from=dt.date(2020, 1, 1)),
])
def test_search_results_hold_only_project_records(search_archive, request_):
    result = search_archive.search(request_)
    assert type(result) is index.SearchResult
    assert leaks(result) == []


def test_articles_related_articles_and_stats_hold_only_project_records(search_archive):
    hit = search_archive.search(query="Minh Khai").hits[0]
    article = search_archive.article(hit.id)
    assert type(article) is Article
    assert leaks(article) == []
    assert leaks(search_archive.more_like_this(hit.id)) == []
    assert leaks(search_archive.stats()) == []


def test_json_of_a_search_has_the_contract_keys(search_archive):
    data = search_archive.search(query="luong khanh thien").to_json()
    assert {"query", "total", "page", "hits", "facets", "suggestion"} <= set(data)
    assert set(data["facets"]) >= {"ward", "term", "official", "year"}
    assert {"id", "source", "url", "title", "date", "wards", "terms", "officials", "score",
            "snippet"} <= set(data["hits"][0])
    assert data["suggestion"].startswith("Lương Khánh Thiện (")


def test_unknown_article_and_missing_index_are_named_errors(search_archive, tmp_path):
    with pytest.raises(ArticleNotFound):
        search_archive.article("no-such-id")
    with pytest.raises(IndexNotFound):
        Archive(tmp_path / "nothing-here")


def test_the_module_docstring_example_runs(search_archive):
    # The example of index/__init__.py, pointed at the test index.
    with Archive(search_archive.location) as archive:
        result = archive.search("luong khanh thien", wards="Lương Khánh Thiện")
    assert result.total >= 1


# --- what a Python caller passes -----------------------------------------------------------

def test_hits_carry_the_projects_ward_and_official_records(search_archive):
    import wardnews

    hit = next(h for h in search_archive.search(query="Lương Khánh Thiện", limit=50).hits
               if h.wards and h.officials)
    assert all(type(w) is wardnews.Ward for w in hit.wards)
    assert all(type(o) is wardnews.Official for o in hit.officials)
    article = search_archive.article(hit.id)
    assert hit.wards == article.wards and hit.officials == article.officials
    # The hit's JSON and the article's agree wherever both contracts name the same thing.
    hit_json, article_json = hit.to_json(), article.to_json()
    for key in ("id", "source", "url", "title", "date", "date_kind", "wards", "terms", "officials"):
        assert hit_json[key] == article_json[key], key


@pytest.mark.parametrize("natural, explicit", [
    ({"date_from": "2020-01-01"}, {"date_from": dt.date(2020, 1, 1)}),
    ({"date_from": "2020", "date_to": "2020-06"},
     {"date_from": dt.date(2020, 1, 1), "date_to": dt.date(2020, 6, 30)}),
    ({"date_to": dt.datetime(2021, 5, 4, 13, 0)}, {"date_to": dt.date(2021, 5, 4)}),
    ({"limit": "5", "page": "1"}, {"limit": 5, "page": 1}),
    ({"wards": "Lương Khánh Thiện"}, {"wards": ("Lương Khánh Thiện",)}),
    ({"wards": ["Lương Khánh Thiện", " Minh Khai "]}, {"wards": ("Lương Khánh Thiện", "Minh Khai")}),
    ({"terms": "2020-2025"}, {"terms": ("2020-2025",)}),
    ({"years": 2020}, {"years": ("2020",)}),
    ({"years": [2020, "2021"]}, {"years": ("2020", "2021")}),
])
def test_search_takes_what_a_python_caller_passes(search_archive, natural, explicit):
    got = search_archive.search(query="phường", **natural)
    expected = search_archive.search(query="phường", **explicit)
    assert got.request == expected.request
    assert [h.id for h in got.hits] == [h.id for h in expected.hits]
    assert got.total == expected.total


def test_one_ward_as_a_string_narrows_as_a_tuple_does(search_archive):
    alone = search_archive.search("", wards="Lương Khánh Thiện")
    assert alone.total > 0
    assert alone.total == search_archive.search("", wards=("Lương Khánh Thiện",)).total
    assert alone.total < search_archive.search("").total


@pytest.mark.parametrize("options, message", [
    ({"date_from": "2020-13-01"}, "date_from must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not '2020-13-01'"),
    ({"date_to": 2020}, "date_to must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not 2020"),
    ({"limit": "five"}, "limit must be a whole number from 1 to 100, not 'five'"),
    ({"limit": "³"}, "limit must be a whole number from 1 to 100, not '³'"),
    ({"page": 1.5}, "page must be a whole number from 1 to 10000, not 1.5"),
    ({"page": True}, "page must be a whole number from 1 to 10000, not True"),
    ({"wards": 7}, "wards must be a string or a sequence of strings, not int"),
    ({"officials": [None]}, "officials must be a string or a sequence of strings, not a sequence holding NoneType"),
    ({"years": "²⁰²⁰"}, "years must be four digits or 'unknown', not '²⁰²⁰'"),
    ({"sort": "best"}, "sort must be one of relevance, newest, oldest, not 'best'"),
    ({"query": b"bytes"}, "query must be text, not bytes"),
    ({"ward": "Minh Khai"}, "'ward' is not a search option; the options are categories, date_from, "
                            "date_to, districts, facet_limit, limit, match, mentions, now_provinces, nows, officials, "
                            "page, provinces, query, sort, terms, wards, years"),
])
def test_a_value_that_cannot_be_read_is_a_bad_request_naming_it(search_archive, options, message):
    import wardnews

    with pytest.raises(wardnews.BadRequest) as error:
        search_archive.search(**options)
    assert str(error.value) == message
    with pytest.raises(wardnews.WardnewsError):
        list(search_archive.iter_results(**options))


def test_every_error_the_library_exports_is_a_wardnews_error():
    import wardnews

    errors = [getattr(wardnews, name) for name in wardnews.__all__
              if isinstance(getattr(wardnews, name), type)
              and issubclass(getattr(wardnews, name), BaseException)]
    assert len(errors) >= 10
    assert all(issubclass(e, wardnews.WardnewsError) for e in errors)


def test_the_top_package_exports_the_embedding_api():
    import wardnews

    assert {"Archive", "SearchRequest", "build_index", "read_articles", "WardnewsError",
            "BadRequest", "Highlighter"} <= set(wardnews.__all__)
    assert set(wardnews.__all__) <= set(dir(wardnews))
    with pytest.raises(AttributeError, match="module 'wardnews' has no attribute 'nothing'"):
        wardnews.nothing  # noqa: B018
