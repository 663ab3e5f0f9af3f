"""The pages: overview, search with facets, chart, sort and pages, article, entity pages."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def hrefs(html, pattern):
    """The unescaped href of every element whose opening tag matches `pattern`."""
    return [unescape(m) for m in re.findall(pattern + r'[^>]*?href="([^"]*)"', html)]


def wide_chart(html):
    """The desktop drawing of the date chart (the page also has a narrow one for phones)."""
    return re.search(r'<svg class="chart chart-wide".*?</svg>', html, re.S).group(0)


def params(url):
    return parse_qsl(urlsplit(url).query)


def first_hit_id(client, **args):
    return client.get("/api/search", query_string=args).get_json()["hits"][0]["id"]


def test_overview_shows_totals_per_ward_term_year_and_recent_articles(client):
    html = page(client, "/")
    assert "49 bài trong lưu trữ" in html
    assert 'href="/ward/ph%C6%B0%E1%BB%9Dng' in html  # wards link to their pages
    assert 'href="/term/2020-2025"' in html
    assert 'href="/search?year=2020"' in html
    assert html.count('<article class="hit">') == 10
    assert '<svg class="chart chart-wide"' in html and '<svg class="chart chart-narrow"' in html


@pytest.mark.parametrize("landmark", [
    '<header class="site-header">', '<nav class="lang"', '<main id="main"', "<footer",
    '<a class="skip-link" href="#main">', '<form class="search-form" role="search"',
    '<label for="q">', '<input id="q" name="q"',
])
def test_every_page_has_landmarks_a_skip_link_and_a_labelled_search_box(client, landmark):
    assert landmark in page(client, "/search?q=dai+hoi")


def test_search_lists_hits_with_title_date_wards_officials_and_marked_snippet(client):
    html = page(client, "/search?q=luong+khanh+thien")
    assert "4 bài" in html
    hits = html.split('<article class="hit">')[1:]
    assert len(hits) == 4
    first = hits[0]
    assert re.search(r'<h2><a href="/article/[0-9a-f]{16}\?q=luong\+khanh\+thien">', first)
    assert "<mark>Lương</mark>" in first
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d\d/\d\d/\d{4}</time>', first)
    assert 'class="wards"' in first and 'class="officials"' in first
    assert '<p class="snippet">' in first and "<mark>" in first.split('class="snippet"')[1]


def test_search_without_diacritics_suggests_the_accented_form_with_its_count(client):
    html = page(client, "/search?q=luong+khanh+thien")
    match = re.search(r'Bạn có muốn tìm:\s*<a href="([^"]*)">Lương Khánh Thiện \((\d+)\)</a>', html)
    assert match and int(match.group(2)) > 0
    # The link searches the form as a phrase: what its count counted.
    assert params(unescape(match.group(1))) == [("q", '"Lương Khánh Thiện"')]


def test_english_suggestion_line(client):
    assert "Did you mean:" in page(client, "/search?q=luong+khanh+thien&lang=en")


def test_facets_are_checkboxes_in_a_get_form_with_counts_and_now(client):
    html = page(client, "/search?q=dai+hoi")
    form = html.split('<form method="get" action="/search" class="facet-form">')[1].split("</form>")[0]
    for name in ("ward", "term", "official", "year"):
        assert f'type="checkbox" id="f-{name}-1" name="{name}" value="' in form
    assert re.search(r'<span class="count">\(\d+\)</span>', form)
    assert '<span class="now">nay: ' in form
    assert '<button type="submit">Lọc</button>' in form
    assert 'name="from"' in form and 'name="to"' in form


def totals(client, url):
    return client.get("/api" + url).get_json()["total"]


def test_values_of_one_facet_combine_with_or_and_facets_with_and(client):
    facets = client.get("/api/search?q=dai+hoi").get_json()["facets"]
    a, b = facets["ward"][0]["value"], facets["ward"][1]["value"]
    html = page(client, "/search?q=dai+hoi")
    toggle = re.findall(r'value="([^"]*)"[^>]*data-toggle="([^"]*)"', html)
    url_a = unescape(dict((unescape(v), t) for v, t in toggle)[a])
    assert params(url_a) == [("q", "dai hoi"), ("ward", a)]
    html_a = page(client, url_a)
    toggle = re.findall(r'value="([^"]*)"[^>]*data-toggle="([^"]*)"', html_a)
    url_ab = unescape(dict((unescape(v), t) for v, t in toggle)[b])
    assert params(url_ab) == [("q", "dai hoi"), ("ward", a), ("ward", b)]
    only_a, only_b = totals(client, url_a), totals(client, f"/search?q=dai+hoi&ward={b}")
    both = totals(client, url_ab)
    assert max(only_a, only_b) <= both <= only_a + only_b  # OR within a facet
    year = client.get("/api" + url_ab).get_json()["facets"]["year"][0]["value"]
    narrowed = totals(client, url_ab + f"&year={year}")
    assert narrowed < both  # AND across facets


def test_counts_of_a_facet_ignore_its_own_selection_but_follow_the_others(client):
    whole = client.get("/api/search?q=dai+hoi").get_json()
    a = whole["facets"]["ward"][0]
    chosen = client.get("/api/search", query_string={"q": "dai hoi", "ward": a["value"]}).get_json()
    before = {v["value"]: v["count"] for v in whole["facets"]["ward"]}
    after = {v["value"]: v["count"] for v in chosen["facets"]["ward"]}
    assert all(after[value] == count for value, count in before.items() if value in after)
    assert sum(v["count"] for v in chosen["facets"]["year"]) <= a["count"] == chosen["total"]
    assert sum(v["count"] for v in chosen["facets"]["year"]) < sum(
        v["count"] for v in whole["facets"]["year"])


def test_each_selected_value_is_a_chip_that_removes_it_in_one_click(client):
    html = page(client, "/search?q=dai+hoi&term=2020-2025&year=2020&from=2019")
    chips = re.findall(r'<a class="chip" href="([^"]*)" aria-label="([^"]*)"', html)
    assert [label for _, label in chips] == ["Bỏ lọc 2020-2025", "Bỏ lọc 2020", "Bỏ lọc Từ ngày 2019"]
    assert params(unescape(chips[0][0])) == [("q", "dai hoi"), ("year", "2020"), ("from", "2019")]
    assert params(unescape(chips[2][0])) == [("q", "dai hoi"), ("term", "2020-2025"), ("year", "2020")]


def test_chips_are_labelled_in_english_when_english_is_chosen(client):
    html = page(client, "/search?q=dai+hoi&term=2020-2025&lang=en")
    assert 'aria-label="Remove filter 2020-2025"' in html


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_sort_links_change_the_order(client, sort):
    html = page(client, "/search?q=dai+hoi&page=2")
    links = dict((re.sub("<[^>]+>", "", text), unescape(url)) for url, text in
                 re.findall(r'<li><a href="(/search\?[^"]*sort=[a-z]+)"[^>]*>([^<]+)</a>', html))
    names = {"relevance": "Liên quan nhất", "newest": "Mới nhất", "oldest": "Cũ nhất"}
    assert params(links[names[sort]]) == [("q", "dai hoi"), ("sort", sort)]
    dates = [h["date"] for h in client.get("/api" + links[names[sort]] + "&limit=100").get_json()["hits"]]
    dated = [d for d in dates if d]
    if sort == "newest":
        assert dated == sorted(dated, reverse=True)
    if sort == "oldest":
        assert dated == sorted(dated)


def test_pages_have_previous_next_and_numbers(client):
    html = page(client, "/search?q=dai+hoi&limit=2&page=3")
    nav = html.split('<nav class="pagination"')[1].split("</nav>")[0]
    assert 'rel="prev" href="/search?q=dai+hoi&amp;page=2&amp;limit=2"' in nav
    assert 'rel="next" href="/search?q=dai+hoi&amp;page=4&amp;limit=2"' in nav
    assert 'href="/search?q=dai+hoi&amp;page=3&amp;limit=2" aria-current="page"' in nav
    assert 'href="/search?q=dai+hoi&amp;limit=2" aria-label="Trang 1"' in nav


def test_a_page_past_the_last_is_empty_not_an_error(client):
    html = page(client, "/search?q=dai+hoi&page=500")
    assert '<article class="hit">' not in html


def test_chart_bars_are_links_that_narrow_the_dates(client):
    html = wide_chart(page(client, "/search?q=dai+hoi"))
    bars = hrefs(html, r'<a class="bar"')
    assert bars
    histogram_total = 0
    for url in bars:
        query = dict(params(url))
        assert query["q"] == "dai hoi" and query["from"] == query["to"]
        histogram_total += totals(client, url)
    assert histogram_total <= totals(client, "/search?q=dai+hoi")


def test_a_short_range_is_charted_per_month(client):
    html = wide_chart(page(client, "/search?from=2020&to=2021"))
    bars = hrefs(html, r'<a class="bar"')
    assert bars and all(re.fullmatch(r"\d{4}-\d\d", dict(params(u))["from"]) for u in bars)
    month = dict(params(bars[0]))["from"]
    assert all(h["date"].startswith(month) for h in client.get("/api" + bars[0]).get_json()["hits"])


def test_empty_query_with_filters_is_a_search_on_the_front_page(client):
    html = page(client, "/?year=2020")
    assert '<h1 id="results-heading">Kết quả</h1>' in html


def test_article_page_shows_text_with_query_marked_and_all_metadata(client):
    article_id = first_hit_id(client, q="Lương Khánh Thiện")
    data = client.get(f"/api/article/{article_id}").get_json()
    html = page(client, f"/article/{article_id}?q=luong+khanh")
    assert "<mark>Lương</mark> <mark>Khánh</mark>" in html
    day = data["date"]
    assert f'<time datetime="{day}">{day[8:]}/{day[5:7]}/{day[:4]}</time>' in html
    assert "(ngày đăng)" in html or "(ngày diễn ra sự kiện)" in html
    assert data["category"] in html
    assert data["encoding"] in html and data["source"] in html
    for ward in data["wards"]:
        assert ward["name"] in html and (ward["now"] is None or ward["now"] in html)
    for term in data["terms"]:
        assert f'href="/term/{term}"' in html
    for official in data["officials"]:
        assert official["name"] in html
        assert all(role in html for role in official["roles"])
    assert 'href="/official/' in html
    assert "Bài tương tự" in html


def test_article_page_offers_a_citation_to_copy_and_download(client):
    article_id = first_hit_id(client, q="Lương Khánh Thiện")
    html = page(client, f"/article/{article_id}")
    assert '<textarea id="citation-text" readonly' in html
    assert 'class="copy" data-copy="citation-text"' in html
    assert f'href="/article/{article_id}/citation.ris"' in html
    assert f'href="/article/{article_id}/citation.json"' in html


def test_article_page_links_back_to_the_search_it_came_from(client):
    article_id = first_hit_id(client, q="dai hoi")
    html = page(client, f"/article/{article_id}?q=dai+hoi&ward=X")
    assert 'href="/search?q=dai+hoi&amp;ward=X"' in html


@pytest.mark.parametrize("url", ["/article/0000000000000000", "/article/" + "a" * 200,
                                 "/article/..%2F..%2Fetc%2Fpasswd", "/article/0000000000000000/citation.ris"])
def test_unknown_articles_are_404_pages(client, url):
    html = page(client, url, 404)
    assert "Không tìm thấy" in html


def test_ward_page_lists_every_article_newest_first(client):
    ward = client.get("/api/search?q=dai+hoi").get_json()["facets"]["ward"][0]
    html = page(client, f"/ward/{ward['value']}")
    assert f"{ward['count']} bài, mới nhất trước" in html or ward["count"] > 0
    expected = client.get("/api/search", query_string={"ward": ward["value"], "sort": "newest"}).get_json()
    shown = re.findall(r'<h2><a href="/article/([0-9a-f]{16})', html)
    assert shown == [h["id"] for h in expected["hits"]]
    assert f"{expected['total']} bài, mới nhất trước" in html


def test_official_page_gives_the_roles_held_in_each_article(client):
    official = client.get("/api/search?q=dai+hoi").get_json()["facets"]["official"][0]["value"]
    html = page(client, f"/official/{official}")
    assert f"Cán bộ: {official}" in html
    hits = client.get("/api/search", query_string={"official": official}).get_json()["hits"]
    roles = [r for h in hits for o in h["officials"] if o["entity"] == official for r in o["roles"]]
    assert roles and html.count("Chức vụ trong bài:") >= 1
    assert all(role in html for role in roles)


def test_term_page_lists_the_term_s_articles(client):
    html = page(client, "/term/2020-2025")
    total = client.get("/api/search?term=2020-2025").get_json()["total"]
    assert f"Nhiệm kỳ 2020-2025" in html and f"{total} bài" in html


def test_entity_pages_are_paged(client):
    html = page(client, "/term/2020-2025?limit=2&page=2")
    assert 'rel="prev" href="/term/2020-2025?limit=2"' in html


@pytest.mark.parametrize("url", ["/ward/Nowhere at all", "/official/Nobody Known", "/term/1800-1805"])
def test_entity_pages_without_articles_are_404(client, url):
    page(client, url, 404)


# (a date the search page cannot read is said beside its field: test_webui_dates.py)
@pytest.mark.parametrize("url", ["/search?page=0", "/search?q=" + "x" * 1001, "/ward/X?from=yesterday",
                                 "/search?sort=random", "/search?limit=1000", "/ward/X?page=abc",
                                 "/article/0000000000000000?q=" + "x" * 1001])
def test_bad_parameters_are_400_pages_that_say_why(client, url):
    html = page(client, url, 400)
    assert "Yêu cầu chưa hợp lệ" in html  # in the interface's language (test_webui_messages.py)
    assert re.search(r'<p class="message">(q|page|from|sort|limit) [^<]*(phải|tối đa)', html)
    english = page(client, url + "&lang=en", 400)
    assert re.search(r'<p class="message">(q|page|from|sort|limit) [^<]*(must|allowed)', english)


def test_unknown_page_is_a_404_page(client):
    assert "Không tìm thấy" in page(client, "/no/such/page", 404)


def test_pages_work_without_javascript_every_state_in_the_url(client):
    html = page(client, "/search?q=dai+hoi")
    # The filter form submits by GET to /search; nothing needs a script to reach a result.
    assert '<form method="get" action="/search" class="facet-form">' in html
    assert "onclick" not in html and "<script>" not in html and "style=" not in html


def test_the_citation_is_accessed_on_the_configured_day(client):
    # The app's TODAY setting (fixed in tests, so pages and screenshots do not change daily).
    article_id = client.get("/api/search?q=luong+khanh+thien").get_json()["hits"][0]["id"]
    page = client.get(f"/article/{article_id}").get_data(as_text=True)
    assert "Truy cập ngày 15/11/2026." in page  # in the interface's language
