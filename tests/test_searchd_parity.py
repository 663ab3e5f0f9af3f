"""The same searches on both backends: the embedded Whoosh index and a searchd cluster of
two shards and a head, started by the tests on free loopback ports.

Every request of tests/search_equivalence.py's tables (a few hundred per corpus: words with
and without diacritics, pairs, phrases, OR, exclusions, field queries, abbreviations, every
facet filter, dates, orders, readings, pages) must give equal totals, hits, facet counts,
date chart, reading, notes and suggestions, and how many values each facet has in all.  Hits are compared in order for the date orders;
for relevance the whole listed set (the two rank by different BM25 code; README: searchd).
A query node the searchd backend could not translate would be refused by name (none of the
tables' is).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import SEARCH_CORPUS, running_cluster

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_equivalence  # noqa: E402

pytestmark = pytest.mark.searchd

NOT_TRANSLATED: set[str] = set()  # every query class of the tables is translated


def _compared(request):
    """The request as compared: relevance pages widened to the whole result set."""
    from wardnews.index import MAX_PAGE_SIZE, SearchRequest

    if request.sort == "relevance":
        return SearchRequest.of(request, page=1, limit=MAX_PAGE_SIZE)
    return request


def differences(embedded, searchd, request) -> list[str]:
    """What a researcher would see differ between the backends' answers to one request."""
    e, s = embedded.search(request), searchd.search(request)
    found = []
    ids_e, ids_s = [h.id for h in e.hits], [h.id for h in s.hits]
    if request.sort != "relevance":
        if ids_e != ids_s:
            found.append(f"hits {ids_e} != {ids_s}")
    elif set(ids_e) != set(ids_s):
        found.append(f"hit set differs by {sorted(set(ids_e) ^ set(ids_s))}")
    for name in ("total", "facets", "facet_sizes", "histogram", "match", "more", "notes",
                 "suggestions", "nothing_to_search"):
        if getattr(e, name) != getattr(s, name):
            found.append(f"{name}: {getattr(e, name)!r} != {getattr(s, name)!r}"[:400])
    return found


def _parity(embedded, searchd) -> tuple[list, dict]:
    from wardnews.index import SearchRequest
    from wardnews.index.searchd.errors import NotTranslated

    failures, untranslated = [], {}
    for fields in search_equivalence.requests(embedded):
        request = _compared(SearchRequest(**fields))
        try:
            found = differences(embedded, searchd, request)
        except NotTranslated as exc:
            untranslated.setdefault(exc.what, []).append(fields["query"])
            continue
        if found:
            failures.append((fields, found))
    return failures, untranslated


@pytest.fixture(scope="module")
def search_cluster(tmp_path_factory):
    """tests/data/search (one article per search rule) on its own two shards and head."""
    with running_cluster(tmp_path_factory.mktemp("searchd-rules"), SEARCH_CORPUS) as local:
        yield local


def _check(embedded, folder, cluster=None):
    from wardnews.index.searchd.archive import SearchdArchive

    with SearchdArchive(folder, cluster) as searchd:
        failures, untranslated = _parity(embedded, searchd)
    assert not failures, f"{len(failures)} requests differ; the first: {failures[:3]}"
    assert set(untranslated) <= NOT_TRANSLATED, untranslated
    return untranslated


def test_demo_corpus_answers_alike(demo_index, searchd_cluster):
    from wardnews.index import Archive

    with Archive(demo_index) as embedded:
        assert _check(embedded, searchd_cluster.cluster.folder) == {}


def test_without_a_head_the_client_merges_alike(demo_index, searchd_cluster):
    """The same table with no head configured: the client asks both shards and merges."""
    import dataclasses

    from wardnews.index import Archive

    headless = dataclasses.replace(searchd_cluster.cluster, head=None)
    with Archive(demo_index) as embedded:
        assert _check(embedded, searchd_cluster.cluster.folder, headless) == {}


def test_rule_corpus_answers_alike(search_archive, search_cluster):
    assert _check(search_archive, search_cluster.cluster.folder) == {}


def test_an_untranslatable_node_is_refused_by_name():
    from whoosh import query as wq

    from wardnews.index import BadRequest
    from wardnews.index.searchd.translate import match_text

    with pytest.raises(BadRequest) as refused:
        match_text(wq.Phrase("text_pairs", ["a b", "b c"], slop=3))
    assert str(refused.value) == ("the searchd backend cannot search phrases with a slop yet; "
                                  "use the embedded backend (--backend whoosh) for this query")


@pytest.mark.parametrize("query", ["Thiệ*", "thi*", "luong kh*", "t*", "đại hội OR đ*", "hội đồng đ*",
                                   "đại hội -đ*", "đại* OR phường", "(đại* OR phường) -hội*",
                                   "phường -(đại* OR x)", "NOT đ* phường"])
def test_prefixes_expand_alike(demo_index, searchd_cluster, query):
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        e, s = embedded.search(query, sort="newest", limit=100), searchd.search(query, sort="newest", limit=100)
    assert [h.id for h in e.hits] == [h.id for h in s.hits]
    assert (e.total, e.facets, e.notes, e.more, e.match) == (s.total, s.facets, s.notes, s.more, s.match)
    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        # by relevance too: both backends' tiers hold the prefix's words
        ranked, searched = embedded.search(query, limit=100), searchd.search(query, limit=100)
    assert {h.id for h in ranked.hits} == {h.id for h in searched.hits} == {h.id for h in s.hits}
    assert ranked.total == searched.total == e.total


@pytest.mark.parametrize("query", ["date:2020", "date:2020-06", "date:--06-18", "date:2015..2021",
                                   "date:2020-05", "date:2024-01..2025-06", "date:2019-02-01..2020-03-31",
                                   "đại hội date:2021", "date:2019-12-15..2021-01-31 -đảng",
                                   "date:..2018 OR date:2024.."])
def test_dates_typed_in_the_query_find_alike(demo_index, searchd_cluster, query):
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        e, s = embedded.search(query, sort="oldest", limit=100), searchd.search(query, sort="oldest", limit=100)
    assert e.total and [h.id for h in e.hits] == [h.id for h in s.hits]
    assert e.facets == s.facets


def test_articles_lie_on_the_shard_their_id_hashes_to(searchd_cluster):
    from wardnews.index.searchd.client import Connection
    from wardnews.index.searchd.shards import shard_of

    cluster = searchd_cluster.cluster
    slot = cluster.live()["slot"]
    held = []
    for number, shard in enumerate(cluster.shards):
        connection = Connection(shard.host, shard.port)
        try:
            ids = [r[0] for r in connection.execute(f"SELECT aid FROM {slot} LIMIT 1000")[0]]
        finally:
            connection.close()
        assert ids, f"shard {number} holds nothing: the hash does not spread the demo corpus"
        assert all(shard_of(i, len(cluster.shards)) == number for i in ids)
        held += ids
    assert len(held) == len(set(held)) == cluster.live()["articles"]


def test_article_by_id_is_the_embedded_record(demo_index, searchd_cluster):
    from wardnews.index import Archive, ArticleNotFound
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        for hit in embedded.search(limit=100).hits:
            assert searchd.article(hit.id) == embedded.article(hit.id)
        with pytest.raises(ArticleNotFound):
            searchd.article("no-such-article")


def test_stats_count_the_same_values(demo_index, searchd_cluster):
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        e, s = embedded.stats(), searchd.stats()
    for name in ("articles", "by_ward", "by_term", "by_year", "by_official"):
        assert getattr(e, name) == getattr(s, name), name
    assert s.size_bytes > 100_000  # the shards' files on disk


def test_exports_positions_careers_alike(demo_index, searchd_cluster):
    from wardnews.index import Archive, SearchRequest
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        for request in (SearchRequest("đảng bộ", sort="newest"), SearchRequest("", sort="oldest"),
                        SearchRequest("hội đồng", wards=("Lương Khánh Thiện",), sort="oldest")):
            e, s = embedded.iter_results(request), searchd.iter_results(request)
            assert e.total == s.total and [h.id for h in e] == [h.id for h in s]
            ids = [h.id for h in embedded.iter_results(request)]
            for article_id in ids[:3] + ids[-2:]:
                assert searchd.position(request, article_id) == embedded.position(request, article_id)
        official = embedded.search(limit=1).facets["official"][0].value
        assert searchd.career(official) == embedded.career(official)


def test_more_like_this_finds_articles_sharing_pairs(demo_index, searchd_cluster):
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive

    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        first = embedded.search(limit=1).hits[0].id
        e, s = embedded.more_like_this(first), searchd.more_like_this(first)
    assert s and first not in {h.id for h in s}
    # the same candidates (articles sharing a distinctive pair), ranked by other BM25 code
    assert len({h.id for h in e} & {h.id for h in s}) >= min(len(e), len(s)) // 2


@pytest.mark.parametrize("options", [{}, {"query": "phường"}, {"query": "đại hội", "years": ("2020",)},
                                     {"query": "ủy ban", "match": "loose"}, {"query": "x"},
                                     {"query": "phường", "mentions": True}])
def test_the_spread_of_every_facet_is_counted_alike(demo_index, searchd_cluster, options):
    """The map's counts (Archive.spread): every value with its count, and the articles with
    no value or none the caller counts."""
    from wardnews.index import Archive, SearchRequest
    from wardnews.index.facets import SPREADABLE
    from wardnews.index.searchd.archive import SearchdArchive

    request = SearchRequest(**options)
    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        for facet in SPREADABLE:
            for counted in (None, lambda value: "Hải Phòng" in value):
                assert embedded.spread(request, facet, counted) == searchd.spread(request, facet, counted), facet
        assert embedded.spread(request, "ward").total == embedded.search(request).total


@pytest.mark.parametrize("options", [{"query": "", "sort": "newest"}, {"query": "", "sort": "oldest"},
                                     {"query": ""}, {"query": "phường", "sort": "newest"},
                                     {"query": "phường"}, {"query": "đại hội", "years": ("2020",), "sort": "oldest"}])
def test_every_article_s_place_and_neighbours_are_the_embedded_ones(demo_index, searchd_cluster, options):
    """Archive.position for every listed article (counted from attribute keys over searchd in
    the date orders, read in order where scores order), and the whole export order."""
    from wardnews.index import Archive, SearchRequest
    from wardnews.index.searchd.archive import SearchdArchive

    request = SearchRequest(**options)
    with Archive(demo_index) as embedded, SearchdArchive(searchd_cluster.cluster.folder) as searchd:
        listed = [h.id for h in embedded.iter_results(request)]
        exported = searchd.iter_results(request)
        order = [h.id for h in exported]
        assert exported.total == len(listed) and sorted(order) == sorted(listed)
        scored = request.sort == "relevance" and request.query  # the order within a tier differs
        if not scored:
            assert order == listed
        for i, article_id in enumerate(order):
            place = searchd.position(request, article_id)
            if scored:  # its place in searchd's own order
                assert (place.number, place.total, place.previous, place.next) == (
                    i + 1, len(order), order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None)
            else:
                assert place == embedded.position(request, article_id)
