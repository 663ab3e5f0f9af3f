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
        result = archive.search(SearchRequest(query="luong khanh thien", wards=("Lương Khánh Thiện",)))
    assert result.total >= 1
