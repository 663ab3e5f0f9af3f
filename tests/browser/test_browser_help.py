"""The help page and the no-results advice in a real browser (Debian chromium via Playwright)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def total_shown(page) -> int:
    numbers = re.findall(r"\d[\d.,]*", page.locator("p.total").inner_text())
    return int(re.sub(r"[.,]", "", numbers[-1])) if numbers else 0


def test_the_search_box_leads_to_the_help_page_whose_examples_run(browser_page):
    page = browser_page
    page.goto("/")
    page.get_by_role("search").get_by_role("link", name="Cách tìm").click()
    page.wait_for_url(re.compile(r"/help$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Cách tìm trong lưu trữ"
    page.get_by_role("link", name='title:"đại hội"').click()
    page.wait_for_url(re.compile(r"/search\?q=title"))
    assert page.get_by_role("search").locator("input[name=q]").input_value() == 'title:"đại hội"'
    assert total_shown(page) > 0


def test_a_date_that_empties_the_results_offers_to_remove_it_with_its_total(browser_page):
    page = browser_page
    page.goto("/search?q=dang+bo")
    before = total_shown(page)
    page.locator("#date-from").fill("2030")
    page.locator("#date-from").press("Enter")
    page.wait_for_url(re.compile(r"from=2030"))
    advice = page.locator(".no-results")
    advice.wait_for()
    link = advice.get_by_role("link", name="Bỏ lọc theo ngày")
    promised = int(re.search(r"\((\d+) bài\)", advice.locator("li").first.inner_text()).group(1))
    link.click()
    page.wait_for_url(re.compile(r"/search\?q=dang\+bo$"))
    assert total_shown(page) == promised == before
