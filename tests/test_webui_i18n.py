"""Language: Vietnamese by default, English by a switch kept in a cookie; dates as each writes them."""

import datetime as dt
import re
import string

import pytest

from wardnews.webui import i18n


def test_both_languages_have_every_string_with_the_same_placeholders():
    vi, en = i18n.STRINGS["vi"], i18n.STRINGS["en"]
    assert set(vi) == set(en)
    fields = lambda text: {name for _, name, _, _ in string.Formatter().parse(text) if name}  # noqa: E731
    assert all(fields(vi[key]) == fields(en[key]) for key in vi)
    assert all(vi[key].strip() and en[key].strip() for key in vi)


@pytest.mark.parametrize("arg, cookie, default, expected", [
    (None, None, "vi", "vi"), ("en", None, "vi", "en"), (None, "en", "vi", "en"),
    ("vi", "en", "vi", "vi"), ("fr", None, "vi", "vi"), (None, "<x>", "vi", "vi"), (None, None, "en", "en"),
])
def test_language_from_the_argument_then_the_cookie_then_the_default(arg, cookie, default, expected):
    assert i18n.choose_language(arg, cookie, default) == expected


@pytest.mark.parametrize("day, lang, expected", [
    (dt.date(2020, 5, 4), "vi", "04/05/2020"), (dt.date(2020, 5, 4), "en", "4 May 2020"),
    (dt.date(2025, 12, 31), "vi", "31/12/2025"), (None, "vi", ""),
])
def test_dates_as_each_language_writes_them(day, lang, expected):
    assert i18n.format_date(day, lang) == expected


def test_vietnamese_is_the_default_interface(client):
    html = client.get("/search?q=dai+hoi").get_data(as_text=True)
    assert '<html lang="vi">' in html and "Tìm trong lưu trữ" in html and "Sắp xếp" in html
    assert re.search(r"<time datetime=\"(\d{4})-(\d\d)-(\d\d)\">\3/\2/\1</time>", html)


def test_the_switch_sets_a_cookie_that_keeps_english(client):
    switched = client.get("/search?q=dai+hoi&lang=en")
    html = switched.get_data(as_text=True)
    assert '<html lang="en">' in html and "Search the archive" in html and "Newest" in html
    assert "lang=en" in switched.headers["Set-Cookie"]
    later = client.get("/term/2020-2025").get_data(as_text=True)  # the cookie, no argument
    assert '<html lang="en">' in later and "articles, newest first" in later
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [A-Z][a-z]+ \d{4}</time>', later)
    back = client.get("/?lang=vi").get_data(as_text=True)
    assert '<html lang="vi">' in back


def test_the_switch_links_keep_the_page_s_search(client):
    html = client.get("/search?q=dai+hoi&page=2").get_data(as_text=True)
    assert 'href="/search?q=dai+hoi&amp;page=2&amp;lang=en" hreflang="en"' in html
    assert 'href="/search?q=dai+hoi&amp;page=2&amp;lang=vi" hreflang="vi"' in html


def test_a_bad_language_is_ignored_not_an_error(client):
    response = client.get("/?lang=xx")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers


def test_error_pages_are_in_the_chosen_language(client):
    assert "Not found" in client.get("/no/page?lang=en").get_data(as_text=True)


def test_vietnamese_content_is_marked_so_in_the_english_interface(client):
    english = client.get("/search?q=dai+hoi&lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english
    assert english.count('<p class="snippet" lang="vi">') >= 1 and '<h2 lang="vi"><a' in english
    article_id = client.get("/api/search?q=dai+hoi").get_json()["hits"][0]["id"]
    page = client.get(f"/article/{article_id}?lang=en").get_data(as_text=True)
    assert '<h1 id="article-heading" lang="vi">' in page and '<p lang="vi">' in page
    vietnamese = client.get("/search?q=dai+hoi&lang=vi").get_data(as_text=True)
    assert 'lang="vi">' not in vietnamese.split("<body>")[1].replace('hreflang="vi" lang="vi">', "")
