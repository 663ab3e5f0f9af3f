"""Archive.facet, one facet's whole list, and SearchResult.facet_sizes, over the demo index."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wardnews.index import FACETS, Archive, BadRequest, SearchRequest
from wardnews.index.request import MAX_FACET_LIMIT

REQUESTS = [
    SearchRequest(sort="newest"),
    SearchRequest(query="đại hội"),
    SearchRequest(query="dai hoi", provinces=("Hà Nội",)),
    SearchRequest(wards=("Minh Khai",), years=("2020", "2021")),
    SearchRequest(officials=("Vũ Đình Khải",), mentions=True),
    SearchRequest(date_from="2019", date_to="2021-06"),
]


@pytest.fixture(scope="module")
def archive(demo_index):
    with Archive(demo_index) as opened:
        yield opened


def rows(values):
    return [(v.value, v.count, v.selected, v.label, v.now, v.kinds) for v in values]


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: repr(r)[:60])
@pytest.mark.parametrize("name", FACETS)
def test_a_facet_s_whole_list_is_the_search_s_own_facet_without_a_limit(archive, request_, name):
    whole = archive.facet(request_, name)
    assert rows(whole) == rows(archive.search(replace(request_, facet_limit=MAX_FACET_LIMIT)).facets[name])


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: repr(r)[:60])
def test_facet_sizes_count_the_values_of_each_whole_list(archive, request_):
    result = archive.search(request_)
    assert set(result.facet_sizes) >= set(FACETS)
    for name in FACETS:
        whole = archive.facet(request_, name)
        assert result.facet_sizes[name] == len(whole), name
        assert len({v.value for v in whole}) == len(whole)  # no value twice
        # The search shows the first facet_limit of the list, and every ticked value (and
        # the unknown year) wherever it stands in the list.
        always = [v for v in whole[request_.facet_limit:] if v.selected or v.value == "unknown"]
        assert sorted(rows(result.facets[name])) == sorted(rows(whole[:request_.facet_limit] + tuple(always))), name


def test_the_search_shows_the_most_frequent_values_and_says_how_many_there_are(archive):
    result = archive.search(SearchRequest(sort="newest", facet_limit=20))
    assert len(result.facets["official"]) == 20
    assert result.facet_sizes["official"] == 95 > 20  # the demo corpus names 95 officials
    counts = [v.count for v in archive.facet(SearchRequest(), "official")]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) >= result.total  # an article may name several officials


def test_a_ticked_value_without_articles_is_in_the_list_and_counted_in_the_size(archive):
    request_ = SearchRequest(query="đại hội", years=("1999",))
    whole = archive.facet(request_, "year")
    assert ("1999", 0, True) in [(v.value, v.count, v.selected) for v in whole]
    assert archive.search(request_).facet_sizes["year"] == len(whole)


def test_an_unknown_facet_is_a_bad_request_that_names_the_facets(archive):
    with pytest.raises(BadRequest, match=r"^'colour' is not a facet; the facets are province, "):
        archive.facet(SearchRequest(), "colour")


def test_the_whole_list_takes_options_as_search_does(archive):
    assert rows(archive.facet("đại hội", "term")) == rows(archive.facet(SearchRequest(query="đại hội"), "term"))
    assert rows(archive.facet(None, "ward", wards="Minh Khai")) == rows(
        archive.facet(SearchRequest(wards=("Minh Khai",)), "ward"))
