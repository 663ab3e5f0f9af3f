"""Moving between a search and its articles: every link keeps the whole search."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return unescape(response.get_data(as_text=True))


def _hit_links(html):
    return [unescape(h) for h in re.findall(r'<article class="hit">\s*<h2><a href="([^"]+)"', html)]


SEARCH = "/search?q=phường&year=2020&sort=oldest&limit=2&page=2"


def test_hit_links_carry_the_whole_search_and_the_page(client):
    links = _hit_links(_page(client, SEARCH))
    assert len(links) == 2
    for link in links:
        assert sorted(parse_qsl(urlsplit(link).query)) == sorted(
            [("q", "phường"), ("year", "2020"), ("sort", "oldest"), ("limit", "2"), ("page", "2")])


def test_the_article_says_where_it_stands_and_goes_back_to_its_page_with_every_filter(client):
    listed = client.get("/api/search", query_string={"q": "phường", "year": "2020", "sort": "oldest",
                                                     "limit": 100}).get_json()
    ids = [h["id"] for h in listed["hits"]]
    assert len(ids) >= 4
    link = _hit_links(_page(client, SEARCH))[1]  # the 4th of the search
    html = _page(client, link)
    assert f"Bài 4 trong {listed['total']} bài của kết quả tìm" in html
    back = re.search(r'<p class="back"><a href="([^"]+)"', html).group(1)
    assert sorted(parse_qsl(urlsplit(back).query)) == sorted(
        [("q", "phường"), ("year", "2020"), ("sort", "oldest"), ("limit", "2"), ("page", "2")])
    previous = re.search(r'<a rel="prev" href="([^"]+)"', html).group(1)
    following = re.search(r'<a rel="next" href="([^"]+)"', html).group(1)
    assert urlsplit(previous).path == f"/article/{ids[2]}"
    assert urlsplit(following).path == f"/article/{ids[4]}" if len(ids) > 4 else True
    # the neighbour's back link goes to the page it is on (the 3rd article: page 2 of 2 a page)
    neighbour = _page(client, previous)
    assert "Bài 3 trong" in neighbour
    assert ("page", "2") in parse_qsl(urlsplit(re.search(r'<p class="back"><a href="([^"]+)"', neighbour).group(1)).query)


def test_the_first_article_has_no_previous_and_the_last_no_next(client):
    listed = client.get("/api/search", query_string={"q": "phường", "limit": 100}).get_json()
    first = _page(client, f"/article/{listed['hits'][0]['id']}?q=phường")
    assert 'rel="prev"' not in first.split('class="in-search"')[1].split("</nav>")[0]
    assert "Bài 1 trong" in first
    if listed["total"] <= 100:
        last = _page(client, f"/article/{listed['hits'][-1]['id']}?q=phường")
        assert 'rel="next"' not in last.split('class="in-search"')[1].split("</nav>")[0]


def test_an_article_opened_outside_a_search_has_no_search_links(client):
    listed = client.get("/api/search", query_string={"q": "phường"}).get_json()
    html = _page(client, f"/article/{listed['hits'][0]['id']}")
    assert 'class="in-search"' not in html


def test_an_article_the_search_does_not_list_keeps_the_back_link_only(client):
    listed = client.get("/api/search", query_string={"q": "phường"}).get_json()
    html = _page(client, f"/article/{listed['hits'][0]['id']}?q=khongcotunaynhe")
    assert "Quay lại kết quả tìm" in html and 'class="position"' not in html


def test_results_are_numbered_and_the_range_is_said(client):
    html = _page(client, "/search?q=phường&limit=3&page=2")
    total = client.get("/api/search", query_string={"q": "phường"}).get_json()["total"]
    assert '<ol class="hits" start="4">' in html
    assert f"Kết quả 4–6 trong {total} bài" in html
    english = _page(client, "/search?q=phường&limit=3&page=2&lang=en")
    assert f"Results 4–6 of {total}" in english


def test_the_page_size_can_be_chosen_and_is_marked(client):
    html = _page(client, "/search?q=phường&limit=20")
    sizes = dict(re.findall(r'<a href="([^"]+)"(?: aria-current="true")?>(10|20|50|100)</a>', html))
    chosen = re.search(r'aria-current="true">(\d+)</a>', html.split('class="per-page"')[1]).group(1)
    assert chosen == "20"
    assert set(sizes.values()) == {"10", "20", "50", "100"}
    fifty = next(u for u, n in sizes.items() if n == "50")
    assert ("limit", "50") in parse_qsl(urlsplit(fifty).query) and ("q", "phường") in parse_qsl(urlsplit(fifty).query)
    assert len(_hit_links(_page(client, fifty))) == min(50, client.get(
        "/api/search", query_string={"q": "phường"}).get_json()["total"])


def test_the_archive_gives_an_articles_place_in_a_search(demo_index):
    from wardnews.index import Archive

    with Archive(demo_index) as archive:
        everything = [h.id for h in archive.iter_results("phường", sort="newest")]
        middle = archive.position("phường", everything[1], sort="newest")
        assert (middle.number, middle.total, middle.previous, middle.next) == (
            2, len(everything), everything[0], everything[2])
        assert archive.position("khongcotunaynhe", everything[1]) is None
