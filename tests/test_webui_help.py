"""The help page: both languages, linked from the search box, every example a working search."""

import html as htmllib
import re

import pytest

from wardnews.index.query import FIELD_ALIASES, FIELDS
from wardnews.webui import help as guide


def example_links(client, lang: str) -> list[str]:
    page = client.get(f"/help?lang={lang}")
    assert page.status_code == 200
    return [htmllib.unescape(h) for h in
            re.findall(r'<a class="example" href="([^"]+)"', page.get_data(as_text=True))]


def api_total(client, href: str) -> int:
    assert href.startswith("/search")
    return client.get("/api" + href).get_json()["total"]


@pytest.mark.parametrize("lang, heading, link", [("vi", "Cách tìm trong lưu trữ", "Cách tìm"),
                                                 ("en", "How to search the archive", "How to search")])
def test_the_help_page_follows_the_interface_language_and_is_linked_from_the_search_box(client, lang, heading, link):
    page = client.get(f"/help?lang={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}">' in page and f'<h1 id="help-heading">{heading}</h1>' in page
    search = client.get("/search?q=dai+hoi").get_data(as_text=True)  # the cookie keeps `lang`
    hint = re.search(r'<p id="q-hint" class="hint">(.*?)</p>', search).group(1)
    assert f'<a href="/help">{link}</a>' in hint


def test_every_example_link_on_the_page_opens_a_results_page(client):
    links = example_links(client, "vi")
    assert links == [e.href for e in guide.examples()] and len(links) > 30
    assert example_links(client, "en") == links  # the same searches in either language
    for href in links:
        page = client.get(href)
        assert page.status_code == 200, href
        assert '<h1 id="results-heading">' in page.get_data(as_text=True), href


def test_the_examples_that_should_find_articles_in_the_demo_do(client):
    for example in guide.examples():
        if example.finds:
            assert api_total(client, example.href) > 0, example


def test_the_spellings_the_page_says_are_the_same_find_the_same_articles(client):
    by_query = {e.q: e for e in guide.examples() if not e.params}  # same_as names a bare query
    pairs = [(e, by_query[e.same_as]) for e in guide.examples() if e.same_as]
    assert len(pairs) >= 5  # hoà/hòa, uỷ/ủy, kì/kỳ, lí/lý, ward:/phuong:
    for one, other in pairs:
        assert api_total(client, one.href) == api_total(client, other.href) > 0, one.q


def test_typed_diacritics_are_meant_as_the_page_says(client):
    # "đang" does not find "Đảng"; "dang" finds both
    assert api_total(client, "/search?q=%C4%91ang") < api_total(client, "/search?q=dang")


def test_the_fields_shown_are_exactly_those_the_parser_reads(client):
    used = {m.group(1).lower() for e in guide.examples()
            for m in re.finditer(r"(?:^|[\s(-])([^\W\d_]+):", e.q)}
    assert used <= set(FIELDS) | set(FIELD_ALIASES)  # nothing invented
    assert set(FIELDS) <= used  # and every field has an example
    page = htmllib.unescape(client.get("/help?lang=vi").get_data(as_text=True))
    assert all(f"{alias}:" in page for alias in FIELD_ALIASES)


def test_every_date_form_of_the_filter_and_of_date_is_an_example():
    params = [v for e in guide.examples() for n, v in e.params if n in ("from", "to")]
    shapes = {re.sub(r"\d", "9", v) for v in params}
    assert {"99/99/9999", "9/9999", "9999", "9999-99", "9999-99-99"} <= shapes
    queries = [e.q for e in guide.examples()]
    assert {"date:2020", "date:2020-05", "date:2021-05-23", "date:2019..2021", "date:..2019",
            "date:2021-03-01..", "date:--05-15"} <= set(queries)


def test_the_examples_are_marked_vietnamese_in_the_english_page(client):
    page = client.get("/help?lang=en").get_data(as_text=True)
    queries = re.findall(r'<a class="example" href="[^"]+"><code lang="vi">([^<]+)</code>', page)
    assert [htmllib.unescape(q) for q in queries] == [e.q for e in guide.examples() if e.q]
    assert '<code lang="vi">' not in client.get("/help?lang=vi").get_data(as_text=True)


def test_the_help_page_needs_no_script_and_has_its_contents_linked(client):
    page = client.get("/help?lang=vi").get_data(as_text=True)
    for heading, _ in guide.SECTIONS:
        assert f'href="#{heading}"' in page and f'<section id="{heading}"' in page
    assert "<script>" not in page and "onclick" not in page and "style=" not in page
