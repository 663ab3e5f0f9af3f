"""Facets, filters, sorting and paging, each checked against the whole result set."""

import datetime as dt
from collections import Counter

import pytest

from wardnews.index import BadRequest

FACETS = ("ward", "term", "official", "year")


def everything(archive, **options):
    """Every hit of a search (the fixture index is small enough for one page)."""
    result = archive.search(limit=100, facet_limit=1000, **options)
    assert len(result.hits) == result.total
    return result


def person(archive, official):
    """The person the facet counts an official as: the entity, or, for a name no article
    placed, the one person of that name the archive places (the rule of extract/identity.py)."""
    if official.place:
        return official.entity
    placed = {o.entity for hit in archive.iter_results() for o in hit.officials
              if o.place and o.name == official.name}
    return placed.pop() if len(placed) == 1 else official.entity


def expected_counts(archive, name, hits):
    """A facet's counts computed from the hits' own records, not from the index's columns."""
    counts = Counter()
    for hit in hits:
        if name == "year":
            # every hit is counted: by its year at whatever precision, else as "unknown"
            known = hit.date_partial and not hit.date_partial.startswith("--")
            counts.update([hit.date_partial[:4] if known else "unknown"])
        elif name == "official":
            counts.update({person(archive, o) for o in hit.officials})  # people, not names
        elif name == "term":
            counts.update(set(hit.terms))
        else:
            article = archive.article(hit.id)
            counts.update({w.name for w in article.wards})
    return counts


def shown_counts(result, name):
    counts = Counter()
    for value in result.facets[name]:
        # Ward values carry district and province; compare by the ward's name.
        key = value.value.split(",")[0].split(" ", 1)[1] if name == "ward" else value.value
        counts[key] += value.count
    return counts


@pytest.mark.parametrize("name", FACETS)
@pytest.mark.parametrize("query", ["", "Đảng", "phường", "luong khanh thien"])
def test_facet_counts_cover_the_whole_result_set_not_the_page(search_archive, name, query):
    whole = everything(search_archive, query=query)
    page = search_archive.search(query=query, limit=2, facet_limit=1000)
    assert shown_counts(page, name) == expected_counts(search_archive, name, whole.hits)


def test_values_of_one_facet_combine_with_or(search_archive):
    one = everything(search_archive, wards=("Minh Khai",)).total
    other = everything(search_archive, wards=("Quang Trung",)).total
    both = everything(search_archive, wards=("Minh Khai", "Quang Trung"))
    assert both.total == one + other and one and other


def test_different_facets_combine_with_and(search_archive):
    result = everything(search_archive, wards=("Minh Khai",), terms=("2020-2025",))
    assert result.total >= 1
    for hit in result.hits:
        assert "2020-2025" in hit.terms
        assert any(w.name == "Minh Khai" for w in search_archive.article(hit.id).wards)


@pytest.mark.parametrize("selection", [
    {"wards": ("Minh Khai",)},
    {"terms": ("2020-2025",)},
    {"officials": ("Trần Thị Hà",)},
    {"years": ("2020",)},
    {"wards": ("Lương Khánh Thiện",), "years": ("2020", "2010")},
])
def test_counts_under_filters_ignore_only_their_own_facet(search_archive, selection):
    filtered = everything(search_archive, **selection)
    names = {"wards": "ward", "terms": "term", "officials": "official", "years": "year"}
    for option, name in names.items():
        # A facet counts what the other selections leave, so ticking one more of its
        # values shows what it adds.
        others = {k: v for k, v in selection.items() if k != option}
        base = everything(search_archive, **others)
        assert shown_counts(filtered, name) == expected_counts(search_archive, name, base.hits)
    for option, values in selection.items():
        name = names[option]
        chosen = [v for v in filtered.facets[name] if v.selected]
        assert chosen, f"selected {name} values are shown as selected"


@pytest.mark.parametrize("start, end", [
    (dt.date(2020, 1, 1), dt.date(2020, 12, 31)),  # a year
    (dt.date(2020, 6, 1), dt.date(2020, 6, 30)),  # a month
    (dt.date(2020, 6, 18), dt.date(2020, 6, 18)),  # a day
    (dt.date(2019, 1, 1), None),
    (None, dt.date(2015, 12, 31)),
])
def test_date_range_keeps_articles_dated_inside_it(search_archive, start, end):
    inside = everything(search_archive, date_from=start, date_to=end)
    outside = set(h.id for h in everything(search_archive).hits) - {h.id for h in inside.hits}
    assert inside.total
    for hit in inside.hits:
        assert hit.date is not None or end is None
        assert not hit.date or ((start is None or hit.date >= start) and (end is None or hit.date <= end))
    for article_id in outside:
        date = search_archive.article(article_id).date
        assert date is None or (start and date < start) or (end and date > end)


def test_date_range_that_ends_before_it_starts_is_a_bad_request(search_archive):
    with pytest.raises(BadRequest, match=r"^date_from \(2021-01-01\) must not be after date_to \(2020-01-01\)$"):
        search_archive.search(date_from=dt.date(2021, 1, 1), date_to=dt.date(2020, 1, 1))


@pytest.mark.parametrize("sort, reverse", [("newest", True), ("oldest", False)])
def test_sorting_by_date_puts_undated_articles_last(search_archive, sort, reverse):
    hits = everything(search_archive, sort=sort).hits
    dated = [h.date for h in hits if h.date]
    assert dated == sorted(dated, reverse=reverse)
    undated = [i for i, h in enumerate(hits) if h.date is None]
    assert undated and undated == list(range(len(hits) - len(undated), len(hits)))


def test_relevance_sort_is_by_score(search_archive):
    hits = everything(search_archive, query="phường").hits
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_pages_follow_each_other_without_overlap(search_archive, sort):
    whole = [h.id for h in everything(search_archive, query="phường", sort=sort).hits]
    pages = [search_archive.search(query="phường", sort=sort, limit=3, page=p) for p in (1, 2, 3)]
    assert [h.id for p in pages for h in p.hits] == whole[:9]
    assert all(p.total == len(whole) for p in pages)


def test_a_page_past_the_end_is_empty_with_the_total_unchanged(search_archive):
    total = search_archive.search(query="phường").total
    result = search_archive.search(query="phường", page=50, limit=10)
    assert result.hits == () and result.total == total


@pytest.mark.parametrize("options, message", [
    ({"sort": "best"}, "sort must be one of relevance, newest, oldest"),
    ({"page": 0}, "page must be a whole number from 1 to 10000, not 0"),
    ({"limit": 1000}, "limit must be a whole number from 1 to 100, not 1000"),
    ({"years": ("20x0",)}, "years must be four digits or 'unknown', not '20x0'"),
])
def test_bad_requests_say_what_is_accepted(search_archive, options, message):
    with pytest.raises(BadRequest, match=message):
        search_archive.search(**options)


def test_ward_values_differing_only_in_tone_placement_are_one_facet_value(demo_index):
    from wardnews.archive.normalise import fold
    from wardnews.index import Archive

    with Archive(demo_index) as archive:
        wards = archive.search(query="Thuận Hòa").facets["ward"]
    names = [v.value for v in wards if "phuong Thuan Hoa" in fold(v.value)]
    assert len(names) == 1, names  # the corpus writes both "Thuận Hòa" and "Thuận Hoà"
    assert next(v.count for v in wards if v.value == names[0]) >= 2


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_iter_results_gives_every_hit_in_the_order_of_the_pages(search_archive, sort):
    from wardnews.index import SearchRequest

    request = SearchRequest(query="phường", sort=sort, limit=3)
    paged = []
    first = search_archive.search(request)
    for page in range(1, first.pages + 1):
        paged += [h.id for h in search_archive.search(
            SearchRequest(query="phường", sort=sort, limit=3, page=page)).hits]
    results = search_archive.iter_results(request)
    assert results.total == first.total  # known before a hit is read
    streamed = [h.id for h in results]
    assert streamed == paged and len(streamed) == first.total


def test_the_columns_cache_gives_the_same_searches_and_a_broken_one_is_rebuilt(demo_index):
    from wardnews.index import Archive
    from wardnews.index.store import current_generation

    with Archive(demo_index) as archive:
        before = archive.search(query="đại hội", limit=50).to_json()
    caches = list(current_generation(demo_index).glob("columns-*.npz"))
    assert len(caches) == 1
    caches[0].write_bytes(b"not an npz file")
    with Archive(demo_index) as archive:
        assert archive.search(query="đại hội", limit=50).to_json() == before
    assert caches[0].read_bytes() != b"not an npz file"
