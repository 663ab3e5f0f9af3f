"""The URL is the only state: back and forward, ticking in place with the focus kept, the
phone's filter drawer, dates typed day first, and the same flows without JavaScript."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import open_page

pytestmark = pytest.mark.browser

QUERY = "phường"


def wards_in(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("ward", [])


def ticked(page) -> list[str]:
    return page.locator("fieldset.facet-ward input:checked").evaluate_all("boxes => boxes.map(b => b.value)")


def total(page) -> int:
    numbers = re.findall(r"\d[\d.,]*", page.locator("p.total").inner_text())
    return int(re.sub(r"[.,]", "", numbers[-1]))


def box(page, value):
    return page.locator(f'fieldset.facet-ward input[type=checkbox][value="{value}"]')


def test_back_and_forward_show_exactly_the_wards_of_the_url(browser_page):
    page = browser_page
    page.goto(f"/search?q={QUERY}")
    values = page.locator("fieldset.facet-ward input[type=checkbox]").evaluate_all(
        "boxes => boxes.map(b => b.value)")
    first, second, third = values[:3]
    box(page, first).check()
    page.wait_for_url(lambda url: wards_in(url) == [first])
    box(page, second).check()
    page.wait_for_url(lambda url: sorted(wards_in(url)) == sorted([first, second]))
    assert sorted(ticked(page)) == sorted([first, second])

    page.go_back()
    page.wait_for_url(lambda url: wards_in(url) == [first])
    page.wait_for_function("() => document.querySelectorAll('fieldset.facet-ward input:checked').length === 1")
    assert ticked(page) == [first] and page.locator("a.chip").count() == 1
    box(page, third).check()  # the hidden second ward must not come along
    page.wait_for_url(lambda url: sorted(wards_in(url)) == sorted([first, third]))
    assert sorted(ticked(page)) == sorted([first, third])

    page.go_back()
    page.go_forward()
    page.wait_for_url(lambda url: sorted(wards_in(url)) == sorted([first, third]))
    page.wait_for_function("() => document.querySelectorAll('fieldset.facet-ward input:checked').length === 2")
    assert sorted(ticked(page)) == sorted([first, third])


def test_ticking_keeps_the_focus_on_the_box_and_announces_the_new_total(browser_page):
    page = browser_page
    page.goto(f"/search?q={QUERY}")
    value = page.locator("fieldset.facet-ward input[type=checkbox]").first.get_attribute("value")
    box(page, value).focus()
    page.keyboard.press("Space")
    page.wait_for_url(lambda url: wards_in(url) == [value])
    page.wait_for_function("() => document.getElementById('live').textContent.length > 0")
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == ["ward", value]
    assert page.locator("#live").inner_text() == page.locator("p.total").inner_text()
    assert str(total(page)) in page.locator("#live").inner_text()


def test_coming_back_from_an_article_shows_the_boxes_of_the_url(browser_page):
    page = browser_page
    page.goto(f"/search?q={QUERY}")
    value = page.locator("fieldset.facet-ward input[type=checkbox]").first.get_attribute("value")
    box(page, value).check()
    page.wait_for_url(lambda url: wards_in(url) == [value])
    page.locator("article.hit h2 a").first.click()
    page.wait_for_url(re.compile(r"/article/"))
    assert "ward=" in page.locator("p.back a").get_attribute("href")  # the way back keeps it
    page.go_back()
    page.wait_for_url(lambda url: wards_in(url) == [value])
    assert ticked(page) == [value]


def test_a_date_typed_day_first_filters_in_place_and_a_bad_one_is_said_beside_it(browser_page):
    page = browser_page
    page.goto(f"/search?q={QUERY}")
    everything = total(page)
    page.locator("#date-from").fill("01/01/2020")
    page.locator("#date-to").fill("31/12/2020")
    page.locator("#date-to").press("Enter")
    page.wait_for_url(re.compile(r"to=31%2F12%2F2020"))
    filtered = total(page)
    assert 0 < filtered < everything
    assert page.evaluate("() => document.activeElement.id") == "date-to"
    page.locator("#date-from").fill("32/13/2020")
    page.locator("#date-from").press("Enter")
    page.wait_for_selector("#date-from-problem")
    assert "không phải là ngày" in page.locator("#date-from-problem").inner_text()
    assert page.locator("#q").input_value() == QUERY
    assert page.locator("#date-to").input_value() == "31/12/2020"


def test_a_phone_opens_the_filters_from_a_button_above_the_results(phone_page):
    page = phone_page
    page.goto(f"/search?q={QUERY}")
    toggle = page.locator("button.filters-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#facets").is_visible()
    assert toggle.bounding_box()["y"] < 600  # above the results, not 4,600 px down
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#facets").is_visible()
    assert page.evaluate("() => document.activeElement.id") == "facets-heading"
    assert page.locator("#facets").bounding_box()["y"] < 900
    first = page.locator("fieldset.facet-ward input[type=checkbox]").first
    size = first.bounding_box()
    assert size["width"] >= 16 and page.locator("fieldset.facet-ward label").first.bounding_box()["height"] >= 24


def test_without_javascript_ticking_and_the_filter_button_still_work(chromium, live_server, console_problems):
    context, page = open_page(chromium, live_server, console_problems, java_script_enabled=False,
                              viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"/search?q={QUERY}")
        assert page.locator("button.filters-toggle").is_hidden()
        value = page.locator("fieldset.facet-ward input[type=checkbox]").first.get_attribute("value")
        box(page, value).check()
        page.locator(".facet-form button[type=submit]").click()
        page.wait_for_url(lambda url: wards_in(url) == [value])
        assert ticked(page) == [value]
    finally:
        context.close()
    assert console_problems == []


def test_the_skip_link_leads_to_the_filters(browser_page):
    page = browser_page
    page.goto(f"/search?q={QUERY}")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#facets-heading"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#facets-heading$"))
    for _ in range(40):  # the fragment's target takes the focus once the navigation is done
        if page.evaluate("() => document.activeElement.id") == "facets-heading":
            break
        page.wait_for_timeout(50)
    assert page.evaluate("() => document.activeElement.id") == "facets-heading"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('#facets') !== null"), \
        page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
