"""Archive.spread: every value of a facet over the articles a search lists, recounted here
from the listed hits themselves."""

from __future__ import annotations

from collections import Counter

import pytest

from wardnews.archive.normalise import canonical_tones
from wardnews.index import Archive, BadRequest, SearchRequest, ward_value


def one_form(value: str) -> str:
    """A value as the facet tells values apart: "Thuận Hoà" and "Thuận Hòa" are one ward."""
    return canonical_tones(value)


def by_form(values) -> dict[str, int]:
    return {one_form(value): n for value, n in values}


def wards_of_listed(archive, request, mentions=False) -> tuple[Counter, int]:
    """Articles per ward value among the listed hits, and how many hits name no ward."""
    counts, bare = Counter(), 0
    for hit in archive.iter_results(request):
        values = {one_form(ward_value(w)) for w in hit.wards if mentions or w.subject}
        counts.update(values)
        bare += not values
    return counts, bare


@pytest.mark.parametrize("request_", [
    SearchRequest(),
    SearchRequest(query="phường"),
    SearchRequest(wards=("Lương Khánh Thiện",)),  # the facet's own filter counts too
    SearchRequest(mentions=True),
], ids=["all", "query", "ward ticked", "mentions"])
def test_a_spread_counts_every_ward_of_the_listed_articles(search_archive, request_):
    spread = search_archive.spread(request_, "ward")
    counts, bare = wards_of_listed(search_archive, request_, request_.mentions)
    assert spread.total == search_archive.search(request_).total
    assert by_form(spread.values) == counts
    assert spread.without_value == bare
    assert spread.without_counted == 0  # nothing refused: every value counts
    assert [n for _, n in spread.values] == sorted((n for _, n in spread.values), reverse=True)


def test_a_spread_is_not_cut_at_the_facet_limit(search_archive):
    spread = search_archive.spread(SearchRequest(facet_limit=1), "ward")
    assert len(spread.values) > 1
    assert len(search_archive.search(SearchRequest(facet_limit=1)).facets["ward"]) == 1


def test_with_no_ward_ticked_a_spread_is_the_ward_facet_in_full(search_archive):
    request = SearchRequest(query="đại hội", facet_limit=10_000)
    facet = search_archive.search(request).facets["ward"]
    assert search_archive.spread(request, "ward").values == tuple((v.value, v.count) for v in facet)


def test_articles_whose_every_value_is_refused_are_counted(search_archive):
    request = SearchRequest()
    counts, bare = wards_of_listed(search_archive, request)
    refused = {value for value in counts if "Hà Nam" not in value}
    expected = sum(1 for hit in search_archive.iter_results(request)
                   if (values := {one_form(ward_value(w)) for w in hit.wards if w.subject})
                   and values <= refused)
    spread = search_archive.spread(request, "ward", counted=lambda value: one_form(value) not in refused)
    assert expected > 0
    assert spread.without_counted == expected
    assert spread.without_value == bare  # articles naming no ward are counted apart
    assert by_form(spread.values) == counts  # refused values are still listed with their counts


def test_a_province_spread_counts_the_provinces_of_the_listed_articles(search_archive):
    request = SearchRequest(query="đại hội")
    spread = search_archive.spread(request, "province")
    provinces = Counter()
    for hit in search_archive.iter_results(request):
        provinces.update({w.province for w in hit.wards if w.subject and w.province})
    assert dict(spread.values) == provinces


def test_a_spread_of_no_facet_is_refused_by_name(search_archive):
    with pytest.raises(BadRequest, match="^'year' is not a facet a spread is counted over; they are "
                                         "ward, district, province, now, now_province, term, "
                                         "official, category$"):
        search_archive.spread(SearchRequest(), "year")


def test_the_demo_archives_spellings_of_one_ward_count_as_one(demo_index):
    # The demo writes "Thuận Hoà" and "Thuận Hòa": one ward, as the facet counts it.
    with Archive(demo_index) as archive:
        request = SearchRequest(query="phuong")
        counts, bare = wards_of_listed(archive, request)
        spread = archive.spread(request, "ward")
        assert by_form(spread.values) == counts and spread.without_value == bare
        assert len(spread.values) == len(counts)
