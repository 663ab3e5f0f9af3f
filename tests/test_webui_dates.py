"""Dates typed the way the pages show them, and a date that cannot be read, on the search page."""

from __future__ import annotations

import datetime as dt
from html import unescape

import pytest

from wardnews.index import parse_day


@pytest.mark.parametrize("typed, end, day", [
    ("04/05/2020", False, dt.date(2020, 5, 4)),  # day first, as the pages write it
    ("4/5/2020", False, dt.date(2020, 5, 4)),
    ("4.5.2020", False, dt.date(2020, 5, 4)),
    ("04-05-2020", False, dt.date(2020, 5, 4)),
    ("5/2020", True, dt.date(2020, 5, 31)),  # a month: its first or last day
    ("5/2020", False, dt.date(2020, 5, 1)),
    ("2020-05-04", False, dt.date(2020, 5, 4)),
    ("2020-5", True, dt.date(2020, 5, 31)),
    ("2020", True, dt.date(2020, 12, 31)),
    (" 29/02/2024 ", False, dt.date(2024, 2, 29)),
])
def test_a_date_is_read_day_first_or_year_first(typed, end, day):
    assert parse_day(typed, end=end) == day


@pytest.mark.parametrize("typed", ["31/02/2020", "13/13/2020", "0/5/2020", "2020/05/04", "05/04",
                                   "4/5/20", "hôm qua", "04/05/2020/1", "١/٥/٢٠٢٠"])
def test_what_is_no_date_is_refused(typed):
    assert parse_day(typed) is None


def test_a_day_first_date_filters_like_its_iso_form(client):
    typed = client.get("/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i&from=01/01/2020&to=31/12/2020").get_data(as_text=True)
    iso = client.get("/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i&from=2020-01-01&to=2020-12-31").get_data(as_text=True)
    total = lambda page: page.split('class="total" role="status">')[1].split("<")[0]  # noqa: E731
    assert total(typed) == total(iso) and "0" not in total(typed)[:1]


@pytest.mark.parametrize("lang, message", [
    ("vi", "“32/05/2020” không phải là ngày"),
    ("en", "“32/05/2020” is not a date"),
])
def test_a_bad_date_is_said_beside_its_field_and_the_search_keeps_everything_else(client, lang, message):
    url = (f"/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i&year=2020&from=32/05/2020&lang={lang}")
    response = client.get(url)
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert message in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="date-format date-from-problem"' in page
    assert 'value="32/05/2020"' in page  # kept in its field, to be mended
    assert 'value="đại hội"' in page  # the query kept
    assert 'name="year" value="2020" autocomplete="off" checked' in page  # and the filter
    without = unescape(client.get(f"/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i&year=2020&lang={lang}").get_data(as_text=True))
    total = lambda p: p.split('class="total" role="status">')[1].split("<")[0]  # noqa: E731
    assert total(page) == total(without)  # searched without the unread date
    assert "Từ ngày 32/05/2020" not in page and "From 32/05/2020" not in page  # no chip: not applied


def test_a_start_after_the_end_is_said_beside_the_start(client):
    page = unescape(client.get("/search?q=phường&from=2021&to=2020&lang=en").get_data(as_text=True))
    assert "The start date is after the end date" in page
    assert 'value="2021"' in page and 'value="2020"' in page


def test_the_api_still_refuses_a_bad_date_with_the_parameter_named(client):
    response = client.get("/api/search?from=32/05/2020")
    assert response.status_code == 400
    assert "from must be a date as DD/MM/YYYY" in response.get_json()["error"]
