"""A prefix ("thi*") wherever it stands: excluded, inside an alternative, under any order.

Each was once a server error: only the prefixes of plain required words were read as the
index's words, so an excluded one or one in an OR's ranking tier reached the evaluator as is.
"""

from __future__ import annotations

import pytest


def _ids(archive, query: str, **options) -> set[str]:
    found = archive.iter_results(query, **options)
    return {hit.id for hit in found}


@pytest.fixture(scope="module")
def archive(demo_index):
    from wardnews.index import Archive

    with Archive(demo_index) as opened:
        yield opened


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_an_excluded_prefix_removes_the_articles_with_its_words(archive, sort):
    phuong, thi = _ids(archive, "phường"), _ids(archive, "thi*")
    assert phuong & thi and phuong - thi  # the demo corpus has both kinds
    result = archive.search("phường -thi*", sort=sort, limit=100)
    assert {h.id for h in result.hits} == phuong - thi
    assert result.total == len(phuong - thi)


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_prefix_in_an_alternative_finds_either(archive, sort):
    dai, phuong = _ids(archive, "đại*"), _ids(archive, "phường")
    result = archive.search("đại* OR phường", sort=sort, limit=100)
    assert {h.id for h in result.hits} == dai | phuong
    assert result.total == len(dai | phuong)


def test_only_an_excluded_prefix_lists_every_other_article(archive):
    everything, thi = _ids(archive, ""), _ids(archive, "thi*")
    assert archive.search("-thi*", limit=100).total == len(everything - thi) > 0


@pytest.mark.parametrize("query", ["đại hội -đ*", "đại* OR phường", "(đại* OR phường) -hội*",
                                   "phường -(đại* OR x)", "NOT đ* phường"])
def test_the_search_page_answers_prefixes_anywhere(client, query):
    page = client.get("/search", query_string={"q": query})
    assert page.status_code == 200
    answer = client.get("/api/search", query_string={"q": query}).get_json()
    assert isinstance(answer["total"], int)
