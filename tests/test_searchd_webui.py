"""The web UI over a searchd archive: the pages answer through the seam; a facet's whole
list is counted as on the embedded index; the map, not counted over searchd yet, is left out
rather than failing the page."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.searchd


@pytest.fixture(scope="module")
def clients(demo_index, searchd_cluster):
    from wardnews.webui import create_app

    embedded = create_app({"WARDNEWS_INDEX": str(demo_index), "TESTING": True}).test_client()
    searchd = create_app({"WARDNEWS_INDEX": str(searchd_cluster.cluster.folder), "TESTING": True,
                          "WARDNEWS_BACKEND": "searchd"}).test_client()
    return embedded, searchd


def values(html):
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>\s*<span class="count">\((\d+)\)', html)


@pytest.mark.parametrize("url", ["/search?q=ph%C6%B0%E1%BB%9Dng", "/", "/search?q=dai+hoi&year=2020",
                                 "/wards", "/officials", "/help"])
def test_pages_answer_over_searchd(clients, url):
    _, searchd = clients
    response = searchd.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]


@pytest.mark.parametrize("url", ["/search?q=ph%C6%B0%E1%BB%9Dng", "/search?q=ph%C6%B0%E1%BB%9Dng&map=province",
                                 "/search?q=dai+hoi&year=2020"])
def test_the_search_page_states_the_same_total_and_draws_the_same_map(clients, url):
    pages = [c.get(url).get_data(as_text=True) for c in clients]
    totals = [re.search(r'<p class="total"[^>]*>([^<]*)</p>', p).group(1) for p in pages]
    assert totals[0] == totals[1]
    maps = [re.search(r'<svg class="place-map".*?</svg>', p, re.S) for p in pages]
    assert maps[0] and maps[1] and maps[0].group(0) == maps[1].group(0)


def test_a_facet_s_whole_list_is_the_embedded_one(clients):
    embedded, searchd = clients
    lists = [c.get("/facet/official?q=ph%C6%B0%E1%BB%9Dng").get_data(as_text=True) for c in clients]
    assert values(lists[0]) and [(unescape(t), n) for _, t, n in values(lists[0])] == [
        (unescape(t), n) for _, t, n in values(lists[1])]
