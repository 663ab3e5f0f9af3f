"""The map of results on the search, overview and entity pages: its dots, their counts and
links, the province level, the articles it cannot place, and bad `map=` values."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from urllib.parse import parse_qsl, quote, urlsplit

import pytest

from wardnews.archive import ward_point
from wardnews.archive.normalise import canonical_tones
from wardnews.index import Archive, SearchRequest, ward_value
from wardnews.webui import create_app

DOT = re.compile(r'<a class="dot( selected)?" href="([^"]*)" aria-label="([^"]*)"><title>([^<]*)</title>')


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def map_of(html) -> str:
    start = html.index('<figure class="map-box" id="map">')
    return html[start:html.index("</figure>", start)]


def dots(html) -> list[dict]:
    """Every dot of the page's map: its link, its name, the count its name gives."""
    found = []
    for selected, href, label, title in DOT.findall(map_of(html)):
        label = unescape(label)
        assert unescape(title) == label
        count = re.search(r": (1) (?:bài|article)\b|: ([\d.,]+) (?:bài|articles)\b", label)
        found.append({"href": unescape(href), "label": label, "selected": bool(selected),
                      "count": int((count.group(1) or count.group(2)).replace(".", "").replace(",", ""))})
    return found


def added(href: str, page_url: str, name: str) -> str:
    """The value of parameter `name` a link has that the page's URL has not."""
    before = {v for n, v in parse_qsl(urlsplit(page_url).query) if n == name}
    new = [v for n, v in parse_qsl(urlsplit(href).query) if n == name and v not in before]
    assert len(new) == 1, href
    return new[0]


def total_on(html) -> int:
    shown = re.search(r'<p class="total"[^>]*>([^<]*)</p>', html).group(1)
    return int(re.findall(r"\d[\d.]*", shown)[-1].replace(".", ""))


@pytest.fixture(scope="module")
def archive(demo_index):
    with Archive(demo_index) as opened:
        yield opened


def facet_counts(archive, facet, **request) -> dict[str, int]:
    found = archive.search(SearchRequest(facet_limit=10_000, **request)).facets[facet]
    return {v.value: v.count for v in found}


SEARCH = "/search?q=phuong"  # 34 articles about 29 wards: more than a facet lists


def test_the_search_map_has_a_dot_per_ward_of_the_results_with_the_ward_facets_counts(client, archive):
    html = page(client, SEARCH)
    drawn = {added(d["href"], SEARCH, "ward"): d["count"] for d in dots(html)}
    expected = facet_counts(archive, "ward", query="phuong")
    assert len(expected) > 20  # more than the facet lists: the map shows them all
    assert drawn == expected
    assert all(ward_point(value) for value in expected)  # each can be placed, so:
    assert "Mọi bài của kết quả đều có trên bản đồ." in html
    assert map_of(html).count('<svg class="place-map"') == 1
    assert 'role="group" aria-label="Bản đồ số bài theo phường, xã"' in html


def test_a_dots_link_filters_by_its_ward_and_that_page_lists_the_dots_count(client):
    for dot in dots(page(client, SEARCH)):
        ward = added(dot["href"], SEARCH, "ward")
        assert dict(parse_qsl(urlsplit(dot["href"]).query))["q"] == "phuong"  # the query kept
        html = page(client, dot["href"])
        assert total_on(html) == dot["count"], ward
        assert f'<a class="chip" href="{quote("/search?q=phuong", safe="/?=")}" aria-label="Bỏ lọc {ward}">' \
            in unescape(html)


def test_a_dot_links_as_the_ward_facets_tick_does(client):
    html = page(client, SEARCH)
    ticks = {unescape(value): unescape(href) for value, href in re.findall(
        r'name="ward" value="([^"]*)" autocomplete="off" data-toggle="([^"]*)"', html)}
    links = {added(d["href"], SEARCH, "ward"): d["href"] for d in dots(html)}
    assert ticks and all(links[value] == href for value, href in ticks.items())


def test_a_ticked_wards_dot_is_marked_and_removes_the_filter(client, archive):
    value = "phường Minh Khai, Quận Hai Bà Trưng, Hà Nội"
    url = "/search?ward=" + quote(value)
    html = page(client, url)
    selected = [d for d in dots(html) if d["selected"]]
    assert len(selected) == 1
    assert selected[0]["count"] == total_on(html)  # every listed article is about it
    assert "đang lọc theo nơi này, chọn để bỏ lọc" in selected[0]["label"]
    assert selected[0]["href"] == "/search"
    # The other dots count the listed articles, not the archive: the map is of this list.
    listed = {canonical_tones(ward_value(w)).lower()
              for hit in archive.iter_results(SearchRequest(wards=(value,))) for w in hit.wards if w.subject}
    assert {canonical_tones(d["label"].split(": ")[0]).lower() for d in dots(html)} == listed


def test_the_province_level_draws_a_dot_per_province_that_filters_by_it(client, archive):
    url = SEARCH + "&map=province"
    html = page(client, url)
    found = dots(html)
    drawn = {added(d["href"], url, "province"): d["count"] for d in found}
    assert drawn == facet_counts(archive, "province", query="phuong")
    assert 'aria-label="Bản đồ số bài theo tỉnh, thành phố"' in html
    for dot in found[:3]:
        assert "map" not in dict(parse_qsl(urlsplit(dot["href"]).query))  # back to its wards
        assert total_on(page(client, dot["href"])) == dot["count"]


def test_the_level_switch_keeps_the_search_and_marks_the_current_level(client):
    html = map_of(page(client, SEARCH + "&page=2"))
    assert '<a href="/search?q=phuong&amp;page=2#map" aria-current="true">Phường, xã</a>' in html
    assert '<a href="/search?q=phuong&amp;page=2&amp;map=province#map">Tỉnh, thành phố</a>' in html
    html = map_of(page(client, SEARCH + "&map=province"))
    assert 'map=province#map" aria-current="true">Tỉnh, thành phố</a>' in html


@pytest.mark.parametrize("value", ["bogus", "PROVINCE", "<script>alert(1)</script>", "x" * 5000,
                                   "ward\x00", "%ff", "tỉnh"])
@pytest.mark.parametrize("path", ["/search?q=phuong&", "/?", "/term/2020-2025?"])
def test_a_bad_map_value_is_a_400_that_names_it(client, path, value):
    response = client.get(path + "map=" + quote(value))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<script>alert" not in html
    assert "map phải là một trong các giá trị ward, province, không phải “" in unescape(html)
    english = client.get(path + "map=" + quote(value) + "&lang=en").get_data(as_text=True)
    client.get("/?lang=vi")  # the choice of language is remembered: back to the default
    assert "map must be one of ward, province, not “" in unescape(english)


def test_an_empty_or_repeated_map_value_takes_the_first_or_the_default(client):
    assert 'aria-current="true">Phường, xã' in page(client, SEARCH + "&map=")
    assert 'aria-current="true">Tỉnh, thành phố' in page(client, SEARCH + "&map=province&map=bogus")


def test_the_table_beside_the_map_lists_the_same_places_and_counts(client):
    html = page(client, SEARCH)
    table = map_of(html).split('<details class="map-table">')[1]
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]*)">([^<]*)</a>(.*?)</th><td>([^<]*)</td></tr>', table)
    by_link = {unescape(href): int(n.replace(".", "")) for href, _, _, n in rows}
    assert by_link == {d["href"]: d["count"] for d in dots(html)}
    assert "<summary>Bảng số bài theo nơi</summary>" in table


def test_the_english_map_names_counts_in_english_and_marks_place_names_vietnamese(client):
    html = page(client, SEARCH + "&lang=en")
    labels = [d["label"] for d in dots(html)]
    assert any(label.endswith(": 1 article") for label in labels)
    assert any(re.search(r": [2-9] articles$", label) for label in labels)
    assert "<figcaption>Map of articles by ward</figcaption>" in html
    assert "Every article of the results is on the map." in html
    assert re.search(r'<th scope="row"><a href="[^"]*" lang="vi">', map_of(html))


def test_the_overview_maps_the_whole_archive(client, archive):
    html = page(client, "/")
    drawn = {added(d["href"], "/search", "ward"): d["count"] for d in dots(html)}
    assert drawn == dict(archive.stats().by_ward)
    assert all(d["href"].startswith("/search?ward=") for d in dots(html))
    assert '<a href="/?map=province#map">Tỉnh, thành phố</a>' in html
    provinces = page(client, "/?map=province")
    assert '<h1 id="overview-heading">' in provinces  # still the overview
    assert {added(d["href"], "/search", "province"): d["count"] for d in dots(provinces)} == \
        facet_counts(archive, "province")


def test_an_officials_map_filters_the_search_by_the_official_and_a_ward(client, archive):
    official = archive.stats().by_official[0][0]
    html = page(client, f"/official/{quote(official)}")
    found = dots(html)
    assert found
    for dot in found:
        pairs = parse_qsl(urlsplit(dot["href"]).query)
        assert urlsplit(dot["href"]).path == "/search" and ("official", official) in pairs
        assert total_on(page(client, dot["href"])) == dot["count"]


@pytest.fixture(scope="module")
def search_client(search_archive):
    """The app over tests/data/search, whose articles include some naming no ward and one
    naming a ward the lists do not know."""
    app = create_app({"WARDNEWS_INDEX": str(search_archive.location), "TESTING": True})
    return app.test_client()


def test_the_articles_the_map_cannot_place_are_counted_and_said(search_client, search_archive):
    hits = list(search_archive.iter_results(SearchRequest()))
    wards = [{canonical_tones(ward_value(w)) for w in hit.wards if w.subject} for hit in hits]
    bare = sum(1 for values in wards if not values)
    unknown = sum(1 for values in wards if values and not any(ward_point(v) for v in values))
    assert bare and unknown  # the fixture has both kinds
    html = page(search_client, "/search")
    assert (f"{bare + unknown} trong {len(hits)} bài không đặt được lên bản đồ: {bare} bài không "
            f"nêu phường, xã nào; {unknown} bài nêu nơi mà danh mục hành chính không có toạ độ."
            in html)
    placed = Counter(v for values in wards for v in values if ward_point(v))
    assert Counter({canonical_tones(added(d["href"], "/search", "ward")): d["count"] for d in dots(html)}) == placed
    assert "phường Lương Khánh Thiên</a> <span class=\"hint\">(không có trên bản đồ)</span>" in html


def test_no_map_without_results_or_on_a_ward_page(client):
    assert 'id="map"' not in page(client, "/search?q=zzzqqqxxx")
    assert 'id="map"' not in page(client, "/ward/" + quote("phường Minh Khai, Quận Hai Bà Trưng, Hà Nội"))


def test_past_the_bound_the_places_with_fewest_articles_are_left_out_and_counted(client, archive, monkeypatch):
    from wardnews.webui import mapview

    monkeypatch.setattr(mapview, "MAX_PLACES", 5)
    html = page(client, SEARCH)
    expected = facet_counts(archive, "ward", query="phuong")
    drawn = {added(d["href"], SEARCH, "ward"): d["count"] for d in dots(html)}
    assert len(drawn) == 5 and drawn == dict(list(expected.items())[:5])  # the most frequent
    assert map_of(html).split("<tbody>")[1].count("<tr>") == 5
    assert (f"{len(expected) - 5} nơi khác, ít bài hơn, không được vẽ và không có trong bảng"
            in html)
    # The articles about none of the five drawn are counted as not on the map, recounted here.
    drawn_hits = [hit for hit in archive.iter_results(SearchRequest(query="phuong"))
                  if not {canonical_tones(ward_value(w)) for w in hit.wards if w.subject}
                  & {canonical_tones(v) for v in drawn}]
    assert drawn_hits
    assert (f"{len(drawn_hits)} trong 34 bài không đặt được lên bản đồ: {len(drawn_hits)} bài chỉ "
            "nêu những nơi không được vẽ ở đây." in html)


def test_the_legend_says_when_small_dots_are_drawn_larger_than_their_share(client, monkeypatch):
    from wardnews.webui import placemap

    assert "drawn larger than their share" not in page(client, SEARCH + "&lang=en")
    monkeypatch.setattr(placemap, "LARGEST", 2.0)  # so that the floor, 1.5, lifts one-article dots
    html = unescape(page(client, SEARCH + "&lang=en"))
    assert ("Each dot's area is proportional to its articles; the largest: 2 articles. An article "
            "naming several places counts at each. The smallest dots are drawn larger than their "
            "share, to be seen.") in html


def test_the_province_level_stays_when_the_search_changes(client):
    html = page(client, SEARCH + "&map=province")
    sort = re.search(r'<a href="([^"]*sort=newest[^"]*)"', html).group(1)
    assert dict(parse_qsl(urlsplit(unescape(sort)).query))["map"] == "province"
    form = re.search(r'<form method="get" action="/search" class="facet-form">.*?</form>', html, re.S).group(0)
    assert '<input type="hidden" name="map" value="province">' in form  # ticking keeps it too
