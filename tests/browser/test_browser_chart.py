"""The date chart in a browser: two bars or a drag choose a range, Escape lets go, the
undated bar lists its articles, and a phone gets a drawing it can read."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from test_browser_search import bar_period, total_shown

pytestmark = pytest.mark.browser

QUERY_URL = "/search?q=ph%C6%B0%E1%BB%9Dng"


def dates_in(url: str) -> tuple[str | None, str | None]:
    query = parse_qs(urlsplit(url).query)
    return query.get("from", [None])[0], query.get("to", [None])[0]


def wide_bars(page):
    bars = page.locator("svg.chart-wide a.bar[data-period]")
    return bars, [bar_period(label) for label in bars.evaluate_all(
        "bars => bars.map(b => b.getAttribute('aria-label'))")]


def test_a_first_and_a_last_bar_choose_a_range_in_place(browser_page):
    page = browser_page
    page.goto(QUERY_URL)
    bars, periods = wide_bars(page)
    before = total_shown(page)
    assert len(periods) >= 3
    first, last = 0, len(periods) - 2
    bars.nth(last).click()  # chosen last-to-first: the range comes out in order all the same
    assert "in-range" in bars.nth(last).get_attribute("class")
    assert page.locator("#live").inner_text().startswith("Bắt đầu từ " + periods[last][0])
    assert page.url.endswith(QUERY_URL)  # nothing is asked until the range has its end
    bars.nth(first).click()
    page.wait_for_url(lambda url: dates_in(url) == (periods[first][0], periods[last][0]))
    expected = sum(n for _, n in periods[first:last + 1])
    assert total_shown(page) == expected
    assert page.locator("#live").inner_text() == page.locator("p.total").inner_text()
    assert page.locator("#date-from").input_value() == periods[first][0]
    page.go_back()
    page.wait_for_url(lambda url: dates_in(url) == (None, None))
    expect(page.locator("#date-from")).to_have_value("")
    expect(page.locator("p.total")).to_contain_text(f"{before} bài")


def test_escape_lets_go_of_a_range_begun(browser_page):
    page = browser_page
    page.goto(QUERY_URL)
    bars, periods = wide_bars(page)
    bars.nth(0).click()
    page.keyboard.press("Escape")
    assert page.locator("svg.chart-wide a.bar.in-range").count() == 0
    bars.nth(1).click()  # a new first bar, not the end of the old range
    bars.nth(1).click()
    page.wait_for_url(lambda url: dates_in(url) == (periods[1][0], periods[1][0]))
    assert total_shown(page) == periods[1][1]


def test_a_drag_across_bars_chooses_their_range(browser_page):
    page = browser_page
    page.goto(QUERY_URL)
    bars, periods = wide_bars(page)
    start, end = bars.nth(1).bounding_box(), bars.nth(3).bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] - 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] - 2, steps=8)
    page.mouse.up()
    page.wait_for_url(lambda url: dates_in(url) == (periods[1][0], periods[3][0]))
    assert total_shown(page) == sum(n for _, n in periods[1:4])


def test_the_undated_bar_and_its_sentence_list_the_articles_with_no_year(browser_page):
    page = browser_page
    page.goto("/")
    said = page.locator("p.chart-undated a")
    count = int(re.match(r"\d+", said.inner_text()).group(0))
    grey = page.locator('svg.chart-wide a.bar[href*="year=unknown"]')
    assert grey.count() == 1 and grey.get_attribute("aria-label").startswith(f"Không rõ năm: {count} bài")
    said.click()
    page.wait_for_url(re.compile(r"year=unknown"))
    assert total_shown(page) == count
    grey = page.locator('svg.chart-wide a.bar[href*="year=unknown"]')
    grey.click()  # the grey bar is a plain link, not the end of a range
    page.wait_for_url(re.compile(r"year=unknown"))
    assert total_shown(page) == count


def test_a_phone_draws_the_narrow_chart_with_readable_labels(phone_page):
    page = phone_page
    page.goto("/")
    assert page.locator("svg.chart-narrow").is_visible()
    assert not page.locator("svg.chart-wide").is_visible()
    labels = page.locator("svg.chart-narrow text.period")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert len(boxes) >= 3
    assert all(box["height"] >= 9 for box in boxes)  # about a 10 px font at 390 px wide
    ordered = sorted(boxes, key=lambda b: b["x"])
    assert all(a["x"] + a["width"] <= b["x"] for a, b in zip(ordered, ordered[1:]))  # none collide
    width = page.viewport_size["width"]
    assert all(0 <= b["x"] and b["x"] + b["width"] <= width for b in boxes)
