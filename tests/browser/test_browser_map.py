"""The map of results in a real browser (Debian chromium via Playwright): a dot clicked filters
the search by its ward, and the map fits a phone."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import open_page
from test_browser_search import total_shown

pytestmark = pytest.mark.browser

SEARCH = "/search?q=phuong"


def count_in(label: str) -> int:
    """The articles a dot's name gives ("Phường X, Quận Y, Hà Nội: 2 bài").

    >>> count_in("Phường X, Quận Y, Hà Nội: 2 bài"), count_in("Xã Z, Lâm Đồng: 1 bài")
    (2, 1)
    """
    return int(re.search(r": (\d[\d.]*) bài$", label).group(1).replace(".", ""))


def click_the_top_dot(page) -> tuple[str, int]:
    """Click the dot drawn last (on top of any it overlaps): its ward and count."""
    dot = page.locator("svg.place-map a.dot").last
    label = dot.get_attribute("aria-label")
    ward = parse_qs(urlsplit(dot.get_attribute("href")).query)["ward"][0]
    dot.click()
    page.wait_for_url(re.compile(r"[?&]ward="))
    return ward, count_in(label)


def test_clicking_a_dot_filters_by_its_ward_and_lists_its_count(browser_page):
    page = browser_page
    page.goto(SEARCH)
    assert total_shown(page) == 34
    map_ = page.get_by_role("group", name="Bản đồ số bài theo phường, xã")
    assert map_.is_visible()
    ward, count = click_the_top_dot(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["phuong"], "ward": [ward]}
    chip = page.locator(".chips a.chip")
    assert chip.count() == 1 and chip.get_attribute("aria-label") == f"Bỏ lọc {ward}"
    assert total_shown(page) == count
    # On the filtered page the ward's dot is marked, and says it removes the filter.
    marked = page.locator("svg.place-map a.dot.selected")
    assert marked.count() == 1 and "chọn để bỏ lọc" in marked.get_attribute("aria-label")


def test_without_javascript_a_dot_is_a_plain_link(chromium, live_server, console_problems):
    context, page = open_page(chromium, live_server, console_problems, java_script_enabled=False,
                              viewport={"width": 1280, "height": 900})
    page.goto(SEARCH + "&map=province")
    province = page.locator("svg.place-map a.dot").last
    expected = count_in(province.get_attribute("aria-label"))
    province.click()
    page.wait_for_url(re.compile(r"[?&]province="))
    assert total_shown(page) == expected
    assert "map" not in parse_qs(urlsplit(page.url).query)  # a province's dot shows its wards
    assert page.get_by_role("group", name="Bản đồ số bài theo phường, xã").is_visible()
    context.close()
    assert console_problems == []


def test_the_map_fits_a_phone_and_its_table_opens(phone_page):
    page = phone_page
    page.goto(SEARCH)
    box = page.locator("svg.place-map").bounding_box()
    assert 300 <= box["width"] <= 390 and box["height"] > box["width"]  # the country is tall
    table = page.locator("details.map-table")
    table.locator("summary").click()
    rows = table.locator("tbody tr")
    assert rows.count() == page.locator("svg.place-map a.dot").count()
    assert table.locator("tbody tr a").first.is_visible()
