"""The lists: a facet's "more" link and whole list (/facet/<name>), and the A–Z lists of
wards, officials and terms (/wards, /officials, /terms), as a user sees them."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import pytest

from wardnews.index import Archive, SearchRequest, place_sort_key, sort_key
from wardnews.webui import lists
from wardnews.webui.listing import GROUPS, filed_under

# One value of a list: its link, its text, its count ("(3)" or "(3 bài)").
VALUE = re.compile(r'<li(?: class="selected")?><a href="([^"]*)"[^>]*>([^<]*)</a>\s*'
                   r'<span class="count">\(([\d.,]+)')
SECTION = re.compile(r'<section class="letter" id="letter-([^"]+)"[^>]*>\s*<h2 id="[^"]*">([^<]*)</h2>'
                     r'(.*?)</section>', re.S)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return response.get_data(as_text=True)


def values_in(html):
    """(href, text, count) for every value a list page shows, in order."""
    return [(unescape(href), unescape(text), int(re.sub(r"[.,]", "", n)))
            for href, text, n in VALUE.findall(html)]


def more_links(html):
    """Facet name → (href, text) of each "more" link of a search page."""
    found = re.findall(r'<fieldset class="facet facet-([a-z_]+)">(.*?)</fieldset>', html, re.S)
    links = {}
    for name, body in found:
        more = re.search(r'<p class="facet-more"><a href="([^"]*)"[^>]*>([^<]*)</a>', body)
        if more:
            links[name] = (unescape(more.group(1)), more.group(2))
    return links


def total_of(client, url):
    """The total of the search a link opens, as the JSON API (same parameters) gives it."""
    return client.get("/api/search?" + urlsplit(url).query).get_json()["total"]


def shown_total(html):
    """The total a search page states ("Kết quả 1–10 trong 37 bài")."""
    text = re.search(r'<p class="total"[^>]*>(.*?)</p>', html, re.S).group(1)
    return int(re.sub(r"[.,]", "", re.findall(r"\d[\d.,]*", text)[-1]))


@pytest.fixture(scope="module")
def archive(demo_index):
    with Archive(demo_index) as opened:
        yield opened


# --- the "more" link -------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/search?sort=newest", "/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i",
                                 "/search?q=dai+hoi&province=H%C3%A0+N%E1%BB%99i", "/search?q=Minh+Khai"])
def test_a_more_link_appears_exactly_on_the_facets_that_have_more_values_than_shown(client, archive, url):
    html = page(client, url)
    args = dict(parse_qsl(urlsplit(url).query))
    request_ = SearchRequest(query=args.get("q", ""), provinces=tuple(v for k, v in parse_qsl(urlsplit(url).query)
                                                                     if k == "province"))
    expected = {}
    for name, body in re.findall(r'<fieldset class="facet facet-([a-z_]+)">(.*?)</fieldset>', html, re.S):
        shown = body.count('type="checkbox"')
        size = len(archive.facet(request_, name))
        if size > shown:
            expected[name] = size
    assert {name: int(text.split()[3]) for name, (_, text) in more_links(html).items()} == expected
    if url == "/search?sort=newest":  # the demo corpus: 37 wards and 95 officials, 20 shown
        assert set(expected) == {"ward", "official"}


def test_the_more_link_says_how_many_values_and_keeps_every_filter_of_the_search(client):
    url = ("/search?q=dai+hoi&ward=Minh+Khai&from=2015&to=2026&sort=oldest&match=loose"
           "&mentions=1&page=1&limit=20")
    html = page(client, url)
    links = more_links(html)
    assert links, "this search has a facet with more values than shown"
    for name, (href, text) in links.items():
        assert urlsplit(href).path == f"/facet/{name}"
        assert sorted(parse_qsl(urlsplit(href).query)) == sorted(parse_qsl(urlsplit(url).query))
        assert re.fullmatch(r"Xem tất cả \d+ giá trị", text)


def test_the_more_link_is_in_english_in_the_english_interface(client):
    links = more_links(page(client, "/search?sort=newest&lang=en"))
    assert links["official"][1] == "All 95 values"
    assert links["ward"][1] == "All 37 values"


# --- a facet's whole list --------------------------------------------------------------

def test_the_whole_list_holds_every_value_with_the_search_page_s_counts(client, archive):
    search = page(client, "/search?sort=newest")
    listed = values_in(page(client, "/facet/official?sort=newest"))
    assert len(listed) == 95 == len(archive.facet(SearchRequest(sort="newest"), "official"))
    assert len({text for _, text, _ in listed}) == 95  # each once
    on_search_page = dict(re.findall(
        r'<label for="f-official-\d+">(?:<span[^>]*>)?([^<]*?)(?:</span>)? <span class="count">\((\d+)\)', search))
    assert len(on_search_page) == 20
    by_text = {unescape(text): count for _, text, count in listed}
    assert {unescape(k): int(v) for k, v in on_search_page.items()} == {
        k: by_text[k] for k in map(unescape, on_search_page)}
    counts = [count for _, _, count in listed]
    assert counts == sorted(counts, reverse=True)  # by count, the default order


@pytest.mark.parametrize("name, search", [
    ("official", "sort=newest"),
    ("ward", "q=%C4%91%E1%BA%A1i+h%E1%BB%99i"),
    ("ward", "sort=newest&mentions=1"),
    ("official", "q=dai+hoi&from=2018&to=2021"),
    ("district", "year=2020&year=2021"),
    ("term", "province=H%C3%A0+Nam"),
])
def test_each_value_s_count_is_the_total_of_the_search_its_link_opens(client, name, search):
    listed = values_in(page(client, f"/facet/{name}?{search}"))
    assert listed
    for href, text, count in listed:
        assert urlsplit(href).path == "/search"
        assert total_of(client, href) == count, text
    # The page the link opens says so too.
    href, _, count = listed[0]
    assert shown_total(page(client, href)) == count


def test_a_value_s_link_ticks_it_in_the_search_exactly_as_its_checkbox_does(client):
    search = page(client, "/search?q=dai+hoi&sort=oldest")
    toggles = {unescape(value): unescape(link) for value, link in
               re.findall(r'name="ward" value="([^"]*)"[^>]*data-toggle="([^"]*)"', search)}
    listed = values_in(page(client, "/facet/ward?q=dai+hoi&sort=oldest"))
    values = {_ticked(href, "ward"): href for href, _, _ in listed}
    assert toggles and all(values[value] == link for value, link in toggles.items())
    assert all(("q", "dai hoi") in parse_qsl(urlsplit(href).query) for href, _, _ in listed)


def _ticked(href: str, name: str) -> str:
    return [v for k, v in parse_qsl(urlsplit(href).query) if k == name][-1]


def test_with_a_value_ticked_the_list_offers_that_value_alone_with_its_count(client):
    """Ticking a second value lists articles with either (as the checkboxes do); the "only
    this value" link opens exactly the count beside the value."""
    html = page(client, "/facet/official?sort=newest&official=V%C5%A9+%C4%90%C3%ACnh+Kh%E1%BA%A3i")
    assert "chọn thêm một giá trị là lấy bài có một trong các giá trị đã chọn" in html
    only = [(unescape(h), int(n)) for h, n in
            re.findall(r'<a class="only" href="([^"]*)">chỉ giá trị này \((\d+) bài\)</a>', html)]
    assert len(only) == 95
    for href, count in only[:30]:
        assert total_of(client, href) == count
    selected = re.findall(r'<li class="selected"><a [^>]*>([^<]*)</a>', html)
    assert [unescape(s).split(" · ")[0] for s in selected] == ["Vũ Đình Khải (Đắk Nông)"]
    assert "(đang lọc; chọn để bỏ)" in html


def test_the_list_links_back_to_the_search_it_came_from(client):
    html = page(client, "/facet/ward?q=dai+hoi&sort=oldest&page=2&fpage=1")
    back = unescape(re.search(r'<p class="back"><a href="([^"]*)">', html).group(1))
    assert urlsplit(back).path == "/search"
    assert sorted(parse_qsl(urlsplit(back).query)) == [("page", "2"), ("q", "dai hoi"), ("sort", "oldest")]
    assert 'Kết quả cho “dai hoi”' in html


@pytest.mark.parametrize("typed", ["hoan kiem", "HOÀN KIẾM", "Hoàn Kiếm",
                                   unicodedata.normalize("NFD", "hoàn kiếm"), "kiem hoan", "hoan ki"])
def test_the_filter_box_finds_values_typed_without_diacritics_or_case(client, typed):
    html = page(client, "/facet/ward?sort=newest&fq=" + quote(typed))
    assert sorted(text for _, text, _ in values_in(html)) == [
        "phường Hoàn Kiếm, Hà Nội", "phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội"]
    assert "Giá trị 1–2 trong 2 khớp" in html


@pytest.mark.parametrize("typed", ["thuan hoa", "Thuận Hoà", "Thuận Hòa"])
def test_the_filter_box_ignores_where_the_tone_mark_sits(client, typed):
    texts = [text for _, text, _ in values_in(page(client, "/facet/ward?sort=newest&fq=" + quote(typed)))]
    assert texts == ["phường Thuận Hòa, Thành phố Huế, Thừa Thiên Huế"]


def test_the_filter_box_is_a_labelled_get_form_that_keeps_the_search(client):
    html = page(client, "/facet/official?q=dai+hoi&province=H%C3%A0+Nam&forder=az&fq=nguyen")
    form = re.search(r'<form class="value-filter" method="get" action="/facet/official"[^>]*>(.*?)</form>',
                     html, re.S).group(1)
    hidden = sorted((unescape(n), unescape(v)) for n, v in
                    re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', form))
    assert hidden == [("forder", "az"), ("province", "Hà Nam"), ("q", "dai hoi")]
    assert '<label for="fq">Lọc danh sách Cán bộ</label>' in form
    assert '<input id="fq" name="fq" type="search" value="nguyen"' in form
    assert all("nguyen" in text.lower().replace("ễ", "e").replace("ê", "e") for _, text, _ in values_in(html))


def test_a_filter_that_matches_nothing_says_so_and_offers_the_whole_list(client):
    html = page(client, "/facet/ward?sort=newest&fq=zzzz")
    assert values_in(html) == []
    assert "Không có giá trị nào khớp “zzzz”." in html
    assert 'href="/facet/ward?sort=newest">Xem cả danh sách</a>' in html


def test_a_filter_without_letters_filters_nothing(client):
    assert len(values_in(page(client, "/facet/ward?sort=newest&fq=%21%21%21"))) == 37


def test_the_list_sorts_a_to_z_in_vietnamese_order_places_by_name(client):
    listed = [text for _, text, _ in values_in(page(client, "/facet/ward?sort=newest&forder=az"))]
    assert len(listed) == 37
    assert listed == sorted(listed, key=place_sort_key)
    assert listed[0] == "phường Cầu Đất, Quận Ngô Quyền, Hải Phòng"  # C: no A, B ward here
    # Đ after every D… and C…, before G: the type word ("thị trấn", "xã") set aside.
    position = {text.split(",")[0]: i for i, text in enumerate(listed)}
    assert position["phường Cầu Tre"] < position["xã Đắk Môl"] < position["thị trấn Đức An"] \
        < position["phường Gia Viên"]
    officials = [text.split(" · ")[0] for _, text, _ in
                 values_in(page(client, "/facet/official?sort=newest&forder=az"))]
    assert officials == sorted(officials, key=sort_key)


def test_the_order_links_keep_the_filter_box_and_mark_the_current_order(client):
    html = page(client, "/facet/official?sort=newest&fq=nguyen")
    order = re.search(r'<nav class="sort" aria-label="Thứ tự">(.*?)</nav>', html, re.S).group(1)
    assert 'href="/facet/official?sort=newest&amp;fq=nguyen" aria-current="true">Nhiều bài nhất' in order
    assert 'href="/facet/official?sort=newest&amp;fq=nguyen&amp;forder=az">A–Z' in order


@pytest.fixture
def short_pages(monkeypatch):
    monkeypatch.setattr(lists, "PER_PAGE", 20)


def test_a_long_list_is_paged_and_says_which_values_it_shows(client, short_pages):
    first = page(client, "/facet/official?sort=newest")
    assert "Giá trị 1–20 trong 95" in first
    assert len(values_in(first)) == 20
    assert 'rel="next" href="/facet/official?sort=newest&amp;fpage=2"' in first
    second = page(client, "/facet/official?sort=newest&fpage=2")
    assert "Giá trị 21–40 trong 95" in second
    assert 'rel="prev" href="/facet/official?sort=newest"' in second  # page 1 has one URL
    assert '<ol class="values" start="21">' in second
    last = page(client, "/facet/official?sort=newest&fpage=5")
    assert "Giá trị 81–95 trong 95" in last and len(values_in(last)) == 15
    every = [v for n in range(1, 6) for v in values_in(page(client, f"/facet/official?sort=newest&fpage={n}"))]
    assert len({text for _, text, _ in every}) == 95


def test_a_page_past_the_last_is_a_404(client, short_pages):
    assert "Danh sách chỉ có 5 trang, không có trang 6." in page(client, "/facet/official?sort=newest&fpage=6", 404)
    page(client, "/facet/ward?sort=newest&fq=zzzz&fpage=2", 404)
    assert "Không có giá trị nào khớp" in page(client, "/facet/ward?sort=newest&fq=zzzz")
    assert "The list has 5 page(s), not 6." in page(client, "/facet/official?sort=newest&fpage=6&lang=en", 404)


@pytest.mark.parametrize("query, message", [
    ("fpage=0", "fpage must be a whole number from 1 to 1000000, not &#39;0&#39;"),
    ("fpage=-3", "fpage must be a whole number"),
    ("fpage=abc", "fpage must be a whole number"),
    ("fpage=99999999999999999999", "fpage must be a whole number"),
    ("fpage=%C2%B2", "fpage must be a whole number"),
    ("forder=newest", "forder must be one of count, az, not &#39;newest&#39;"),
    ("fq=" + "a" * 201, "fq is 201 characters long; at most 200 are allowed"),
    ("page=0", "page must be a whole number"),
    ("sort=sideways", "sort must be one of"),
])
def test_bad_list_parameters_are_400_pages_that_say_why(client, query, message):
    assert message.replace("&#39;", "“", 1).replace("&#39;", "”", 1) in page(
        client, f"/facet/ward?{query}&lang=en", 400)


@pytest.mark.parametrize("query, message", [
    ("fpage=0", "fpage phải là số nguyên từ 1 đến 1000000, không phải “0”"),
    ("forder=newest", "forder phải là một trong các giá trị count, az, không phải “newest”"),
    ("fq=" + "a" * 201, "fq dài 201 ký tự; chỉ được tối đa 200 ký tự"),
])
def test_the_vietnamese_pages_say_it_in_vietnamese(client, query, message):
    assert message in page(client, f"/facet/ward?{query}", 400)


@pytest.mark.parametrize("url", ["/facet/colour", "/facet/category", "/facet/" + "x" * 500,
                                 "/facet/ward%00", "/facet/FACET"])
def test_an_unknown_facet_is_a_404(client, url):
    page(client, url, 404)


@pytest.mark.parametrize("junk", ["%FF%FE", "%00", "%ED%A0%80", "'\"><script>", "9" * 400,
                                  "%E2%80%8B", "đ" * 150])
@pytest.mark.parametrize("name", ["fq", "fpage", "forder", "q", "ward", "from", "page", "letter",
                                  "mentions", "year"])
def test_junk_in_any_parameter_is_an_answer_never_a_server_error(client, name, junk):
    for path in ("/facet/ward", "/facet/year", "/wards", "/officials"):
        response = client.get(f"{path}?{name}={junk}")
        assert response.status_code in (200, 400, 404), (path, name, junk)
        body = response.get_data(as_text=True)
        assert "Traceback" not in body and "<script>" not in body


def test_dates_the_search_cannot_read_are_left_out_of_the_counts_as_the_search_does(client):
    listed = values_in(page(client, "/facet/term?from=31%2F02%2F2020"))
    assert [(text, n) for _, text, n in listed] == [(text, n) for _, text, n in values_in(page(client, "/facet/term"))]
    href, _, count = listed[0]
    assert ("from", "31/02/2020") in parse_qsl(urlsplit(href).query)  # kept, as the search keeps it
    assert shown_total(page(client, href)) == count


def test_the_english_list_marks_vietnamese_values(client):
    html = page(client, "/facet/ward?sort=newest&lang=en")
    assert "<h1 id=\"values-heading\">Ward or commune: all values</h1>" in html
    assert "Values 1–37 of 37" in html
    assert re.search(r'<li><a href="/search\?[^"]*" lang="vi">phường', html)
    years = page(client, "/facet/year?sort=newest&lang=en")
    assert ">Year unknown</a>" in years and 'lang="vi">2020' not in years


# --- the A–Z lists ---------------------------------------------------------------------

def sections(html):
    """Letter → [(href, text, count)] of an A–Z page, in order."""
    return [(unescape(heading), values_in(body)) for _, heading, body in SECTION.findall(html)]


def test_the_ward_list_files_every_ward_of_the_archive_once_under_its_letter(client, archive):
    html = page(client, "/wards")
    found = sections(html)
    everyone = [v.value for v in archive.facet(SearchRequest(), "ward")]
    listed = [text for _, values in found for _, text, _ in values]
    assert sorted(listed) == sorted(everyone) and len(everyone) == 37
    for letter, values in found:
        assert all(filed_under(text, "ward") == letter for _, text, _ in values)
    letters = [letter for letter, _ in found]
    assert letters == ["C", "Đ", "G", "H", "K", "L", "M", "N", "P", "Q", "T", "V"]
    under = {letter: [text for _, text, _ in values] for letter, values in found}
    assert "thị trấn Đức An, Huyện Đắk Song, Đắk Nông" in under["Đ"]  # filed by name, not "thị trấn"
    assert "xã Trường Xuân, Lâm Đồng" in under["T"]
    assert listed == sorted(listed, key=place_sort_key)
    assert "37 phường, xã, thị trấn có bài trong lưu trữ" in html


def test_each_ward_links_to_its_page_whose_total_is_its_count(client):
    for letter, values in sections(page(client, "/wards")):
        for href, text, count in values:
            assert unquote(urlsplit(href).path) == "/ward/" + text
            entity = page(client, href)
            assert f"{count} bài, mới nhất trước" in entity, text


def test_the_letter_bar_links_each_letter_with_values_to_its_section(client):
    html = page(client, "/wards")
    bar = re.search(r'<nav class="letters" aria-label="Theo chữ cái">(.*?)</nav>', html, re.S).group(1)
    linked = dict(re.findall(r'<a href="#letter-([^"]+)">([^<]+)<', bar))
    assert linked["dd"] == "Đ" and linked["c"] == "C"
    for anchor in linked:
        assert f'<section class="letter" id="letter-{anchor}"' in html
    letters = re.findall(r"<li>(?:<a [^>]*>|<span class=\"empty\">)([^<]+)<", bar)
    assert letters == list("AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY")  # every Vietnamese letter, in order
    assert '<span class="empty">D<span class="visually-hidden"> (không có)</span>' in bar  # no D ward


def test_the_officials_list_is_a_to_z_and_links_each_to_its_page(client, archive):
    found = sections(page(client, "/officials"))
    names = [text.split(" · ")[0] for _, values in found for _, text, _ in values]
    assert len(names) == 95 == len(archive.facet(SearchRequest(), "official"))
    assert names == sorted(names, key=sort_key)
    letters = [letter for letter, _ in found]
    assert letters == sorted(letters, key=GROUPS.index) and {"Đ", "L", "V"} <= set(letters)
    assert letters.index("C") < letters.index("Đ") < letters.index("H")  # the demo has no D… official
    for letter, values in found:
        for href, text, count in values[:2]:
            assert urlsplit(href).path.startswith("/official/")
            assert f"{count} bài, mới nhất trước" in page(client, href)


def test_the_terms_list_files_terms_under_numbers_in_order(client):
    found = sections(page(client, "/terms"))
    assert [letter for letter, _ in found] == ["0–9"]
    terms = [text for _, text, _ in found[0][1]]
    assert terms == ["2010-2015", "2015-2020", "2016-2021", "2020-2025", "2021-2026", "2025-2030", "2026-2031"]
    href, _, count = found[0][1][3]
    assert href == "/term/2020-2025" and count == 14


@pytest.fixture
def long_lists(monkeypatch):
    """Lists as long ones are shown: a page per letter, a few values per page."""
    monkeypatch.setattr(lists, "ONE_PAGE", 10)
    monkeypatch.setattr(lists, "PER_LETTER_PAGE", 5)


def test_a_long_list_has_a_page_per_letter(client, long_lists, archive):
    html = page(client, "/officials")
    bar = re.search(r'<nav class="letters"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert 'href="/officials?letter=%C4%90">Đ' in bar
    assert 'href="/officials?letter=B" aria-current="page">B' in bar  # it opens at its first letter
    assert [letter for letter, _ in sections(html)] == ["B"]
    everyone = [v.value for v in archive.facet(SearchRequest(), "official")]
    under_dd = [v for v in everyone if filed_under(v, "official") == "Đ"]
    pages = []
    for n in range(1, 10):
        response = client.get(f"/officials?letter=%C4%90&page={n}")
        if response.status_code == 404:
            break
        pages.append(sections(response.get_data(as_text=True)))
    assert len(pages) == -(-len(under_dd) // 5)
    shown = [text.split(" · ")[0] for found in pages for letter, values in found for _, text, _ in values]
    assert sorted(shown) == sorted(under_dd) and all(f == [("Đ", f[0][1])] for f in pages)
    assert f"1–5 trong {len(under_dd)}" in page(client, "/officials?letter=%C4%90")
    assert sections(page(client, "/officials?letter=%C4%91")) == sections(page(client, "/officials?letter=%C4%90"))


@pytest.mark.parametrize("url, status", [
    ("/wards?letter=zz", 404), ("/wards?letter=%E2%82%AC", 404), ("/wards?page=2", 404),
    ("/wards?page=0", 400), ("/wards?page=x", 400), ("/wards?letter=F", 200), ("/terms?letter=0-9", 200),
])
def test_a_to_z_bounds(client, url, status):
    page(client, url, status)


def test_a_letter_without_values_says_so(client):
    html = page(client, "/wards?letter=A")
    assert sections(html) == [] and "Lưu trữ chưa có giá trị nào ở đây." in html
    assert '<a href="/wards">Mọi chữ cái</a>' in html


@pytest.mark.parametrize("url", ["/", "/search?q=dai+hoi", "/wards", "/facet/ward"])
def test_every_page_links_the_a_to_z_lists_from_a_labelled_nav(client, url):
    html = page(client, url)
    nav = re.search(r'<nav class="lists-nav" aria-label="Danh mục">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r'href="([^"]*)"', nav) == ["/wards", "/officials", "/terms"]


def test_the_overview_links_its_short_lists_to_the_whole_ones(client):
    html = page(client, "/")
    assert '<a href="/wards">Tất cả 37 phường, xã (A–Z)</a>' in html
    assert '<a href="/terms">Tất cả 7 nhiệm kỳ</a>' in html


def test_the_english_a_to_z_marks_vietnamese_names(client):
    html = page(client, "/wards?lang=en")
    assert "<h1 id=\"az-heading\">Wards and communes, A–Z</h1>" in html
    assert re.search(r'<li><a href="/ward/[^"]*" lang="vi">phường Cầu Đất', html)
    assert 'aria-label="By letter"' in html
