"""The lists in a real browser: a facet's "more" link, its filter box, and the A–Z lists."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import open_page

pytestmark = pytest.mark.browser


def total_shown(page) -> int:
    """The result count a search page states, as a number (the last one in its total)."""
    numbers = re.findall(r"\d[\d.,]*", page.locator("p.total").inner_text())
    return int(re.sub(r"[.,]", "", numbers[-1]))


def count_in(text: str) -> int:
    """The count beside a value: "(3)" or "(3 bài)"."""
    return int(re.search(r"\((\d[\d.,]*)", text).group(1).replace(".", "").replace(",", ""))


def follow_more_filter_and_choose(page, typed: str) -> tuple[str, int]:
    """From the search page: the official facet's "more" link, the filter box, the one value
    found; (its name, its count)."""
    more = page.locator("fieldset.facet-official").get_by_role("link", name=re.compile("Xem tất cả 95 giá trị"))
    more.click()
    page.wait_for_url(re.compile(r"/facet/official\?"))
    assert page.get_by_role("heading", level=1).inner_text() == "Cán bộ: tất cả giá trị"
    assert page.locator("ol.values > li").count() == 95
    box = page.get_by_label("Lọc danh sách Cán bộ")
    box.fill(typed)
    box.press("Enter")
    page.wait_for_url(re.compile(r"[?&]fq="))
    found = page.locator("ol.values > li")
    assert found.count() == 1
    assert page.get_by_role("status").inner_text().startswith("Giá trị 1–1 trong 1")
    value = found.first.get_by_role("link").first
    name, count = value.inner_text().split(" · ")[0], count_in(found.first.inner_text())
    value.click()
    page.wait_for_url(re.compile(r"/search\?.*official="))
    return name, count


def test_more_then_the_filter_box_then_a_value_filters_the_search_by_it(browser_page):
    page = browser_page
    page.goto("/search?sort=newest")
    name, count = follow_more_filter_and_choose(page, "vu dinh khai")  # typed without diacritics
    assert name == "Vũ Đình Khải (Đắk Nông)"
    chip = page.locator("a.chip", has_text="Vũ Đình Khải")
    assert chip.is_visible()
    assert total_shown(page) == count == 3  # the count listed is the search it opens
    assert parse_qs(urlsplit(page.url).query) == {"official": [name], "sort": ["newest"]}
    assert page.locator("fieldset.facet-official input:checked").get_attribute("value") == name


def test_the_lists_work_without_javascript(chromium, live_server, console_problems):
    context, page = open_page(chromium, live_server, console_problems, java_script_enabled=False)
    try:
        page.goto("/search?sort=newest")
        name, count = follow_more_filter_and_choose(page, "DINH KHAI")
        assert page.locator("a.chip", has_text="Vũ Đình Khải").is_visible()
        assert total_shown(page) == count
    finally:
        context.close()


def test_the_ward_list_s_letters_lead_to_their_wards_and_each_ward_to_its_page(browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/")
    page.get_by_role("navigation", name="Danh mục").get_by_role("link", name="Phường, xã A–Z").click()
    page.wait_for_url(re.compile(r"/wards$"))
    letters = page.get_by_role("navigation", name="Theo chữ cái")
    letters.get_by_role("link", name=re.compile("^Đ")).click()
    page.wait_for_url(re.compile(r"#letter-dd$"))
    section = page.locator("section#letter-dd")
    assert section.get_by_role("heading", level=2).inner_text() == "Đ"
    expect(section.locator("li").first).to_be_in_viewport()
    entry = section.locator("li", has_text="Đức An")
    count = count_in(entry.inner_text())
    entry.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/ward/"))
    assert page.get_by_role("heading", level=1).inner_text().endswith("thị trấn Đức An, Huyện Đắk Song, Đắk Nông")
    assert page.locator("p.total").inner_text().startswith(f"{count} bài")


@pytest.mark.parametrize("url", ["/wards", "/officials", "/facet/official?sort=newest&forder=az"])
def test_the_lists_fit_a_phone(phone_page, url):
    phone_page.goto(url)
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the phone"
    assert phone_page.get_by_role("heading", level=1).is_visible()
