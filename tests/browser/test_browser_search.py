"""The search page in a real browser (Debian chromium via Playwright), as a researcher uses it."""

from __future__ import annotations

import csv
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import launch_chromium, open_page

pytestmark = pytest.mark.browser

QUERY = "dai hoi"  # typed without diacritics, as researchers often do


def _wards_in(url: str) -> int:
    """How many ward values a URL holds (read here: the page's CSP forbids evaluated strings)."""
    return len(parse_qs(urlsplit(url).query).get("ward", []))


def total_shown(page) -> int:
    """The result count the page states ("Kết quả 1–10 trong 1.234 bài", "Results 1–10 of
    34"), read as a number: the last one."""
    numbers = re.findall(r"\d[\d.,]*", page.locator("p.total").inner_text())
    return int(re.sub(r"[.,]", "", numbers[-1])) if numbers else 0


def url_params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def count_in(label_text: str) -> int:
    """The count in a facet label such as "phường Quang Trung, … (3) now: …"."""
    return int(re.search(r"\((\d[\d.,]*)\)", label_text).group(1).replace(".", "").replace(",", ""))


def bar_period(label: str) -> tuple[str, int]:
    """The period and count a chart bar is labelled with ("2020: 7 bài; chọn để …").

    >>> bar_period("2020: 7 bài; chọn để thu hẹp thời gian")
    ('2020', 7)
    """
    period, rest = label.split(": ", 1)
    return period, int(re.sub(r"[.,]", "", rest.split()[0]))


def search(page, query: str) -> None:
    """Type a query in the search box and send it, as a user does."""
    page.goto("/")
    page.get_by_role("search").locator("input[name=q]").fill(query)
    page.get_by_role("search").locator("input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))


def test_a_query_without_diacritics_finds_marked_results_and_offers_the_accented_form(
        browser_page):
    page = browser_page
    search(page, "luong khanh thien")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert total_shown(page) > 0
    first = page.locator("article.hit").first
    assert first.locator("h2 a").is_visible()
    marked = {m.lower() for m in first.locator("mark").all_inner_texts()}
    assert {"lương", "khánh", "thiện"} <= marked  # the accented words matched, marked
    suggestion = page.locator("p.suggestion")
    assert "Bạn có muốn tìm" in suggestion.inner_text()
    accented = suggestion.get_by_role("link", name=re.compile("Lương Khánh Thiện"))
    expected = count_in(accented.inner_text())
    accented.click()
    page.wait_for_url(re.compile(r"q=%22L%C6%B0%C6%A1ng"))
    assert page.get_by_role("search").locator("input[name=q]").input_value() == '"Lương Khánh Thiện"'
    # The link searches the form as a phrase, so its count is what the page finds.
    assert total_shown(page) == expected
    for hit in page.locator("article.hit").all()[:expected]:
        assert "Lương Khánh Thiện" in hit.locator("h2, p.snippet").all_inner_texts().__str__()


def test_two_ward_values_widen_the_results_as_or_and_a_chip_removes_one(browser_page):
    page = browser_page
    search(page, QUERY)
    everything = total_shown(page)
    boxes = page.locator("fieldset.facet-ward input[type=checkbox]")
    labels = page.locator("fieldset.facet-ward label")
    first_count, second_count = count_in(labels.nth(0).inner_text()), count_in(labels.nth(1).inner_text())
    first_value, second_value = boxes.nth(0).get_attribute("value"), boxes.nth(1).get_attribute("value")

    boxes.nth(0).check()  # the script sends the form at once; without it, the Filter button
    page.wait_for_url(re.compile(r"[?&]ward="))
    assert total_shown(page) == first_count < everything
    assert page.locator("a.chip").count() == 1

    page.locator("fieldset.facet-ward input[type=checkbox]").nth(1).check()
    page.wait_for_url(lambda url: _wards_in(url) == 2)
    both = total_shown(page)
    assert max(first_count, second_count) <= both <= first_count + second_count
    assert both > first_count  # OR within a facet: the second ward adds its articles
    assert sorted(url_params(page)["ward"]) == sorted([first_value, second_value])
    chips = page.locator("a.chip")
    assert chips.count() == 2
    assert page.locator("fieldset.facet-ward input:checked").count() == 2

    page.locator("a.chip", has_text=first_value.split(",")[0]).click()
    page.wait_for_url(lambda url: _wards_in(url) == 1)
    assert url_params(page)["ward"] == [second_value]
    assert total_shown(page) == second_count
    assert page.locator("a.chip").count() == 1
    assert url_params(page)["q"] == [QUERY]  # the rest of the search is kept

    page.go_back()  # the state lives in the URL: back returns to both wards
    page.wait_for_url(lambda url: _wards_in(url) == 2)
    assert total_shown(page) == both


def test_clicking_a_bar_of_the_chart_narrows_the_dates_to_its_period(browser_page):
    page = browser_page
    search(page, QUERY)
    before = total_shown(page)
    bars = page.locator("svg.chart-wide a.bar[data-period]")
    assert bars.count() > 1
    periods = [bar_period(label) for label in bars.evaluate_all(
        "bars => bars.map(b => b.getAttribute('aria-label'))")]
    tallest = max(range(len(periods)), key=lambda i: periods[i][1])
    period, count = periods[tallest]
    bars.nth(tallest).click()  # with JavaScript a first bar starts a range;
    bars.nth(tallest).click()  # the same bar again: that period only
    page.wait_for_url(re.compile(r"[?&]from=.*[&]to=|[?&]to=.*[&]from="))
    params = url_params(page)
    assert params["from"][0].startswith(period) and params["to"][0].startswith(period)
    assert total_shown(page) == count < before
    assert page.locator("#date-from").input_value().startswith(period)
    dates = page.locator("article.hit time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates and all(d.startswith(period) for d in dates)


def test_the_csv_export_downloads_every_result_of_the_search(browser_page, tmp_path):
    page = browser_page
    search(page, QUERY)
    total = total_shown(page)
    assert total > page.locator("article.hit").count()  # more than one page: all are exported
    with page.expect_download() as caught:
        page.get_by_role("link", name="CSV", exact=True).click()
    saved = tmp_path / caught.value.suggested_filename
    caught.value.save_as(saved)
    assert saved.suffix == ".csv"
    text = saved.read_text(encoding="utf-8-sig")
    facts = dict(row[:2] for row in csv.reader(line for line in text.splitlines()
                                                  if line.startswith("# ")))
    assert facts["# query"] == QUERY
    rows = list(csv.DictReader(line for line in text.splitlines()
                               if line and not line.startswith("#")))
    assert len(rows) == total
    assert len({r["id"] for r in rows}) == total
    shown_titles = page.locator("article.hit h2 a").all_inner_texts()
    assert set(shown_titles) <= {r["title"] for r in rows}


def test_the_language_switch_turns_the_interface_english_and_back(browser_page):
    page = browser_page
    search(page, "luong khanh thien")
    vietnamese_total = page.locator("p.total").inner_text()
    date_vi = page.locator("article.hit time").first.inner_text()
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", date_vi)  # 04/05/2020, the Vietnamese way

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("search").locator("input[name=q]").input_value() == "luong khanh thien"
    assert page.locator("p.total").inner_text().startswith("Results ")
    assert "Did you mean" in page.locator("p.suggestion").inner_text()
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", page.locator("article.hit time").first.inner_text())
    page.get_by_role("link", name="Newest").click()  # the choice stays while browsing
    page.wait_for_url(re.compile(r"sort=newest"))
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(re.compile(r"lang=vi"))
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("p.total").inner_text() == vietnamese_total
    assert page.get_by_role("link", name="Mới nhất").get_attribute("aria-current") == "true"


def _tab_to(page, selector: str, limit: int = 80) -> int:
    """Press Tab until the element matching `selector` has the focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    pytest.fail(f"{selector} not reached in {limit} presses of Tab")


def _focus_ring(page) -> str:
    """How the focused element shows its focus: its outline or its box shadow."""
    return page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return outline ? 'outline' : (s.boxShadow !== 'none' ? 'shadow' : '');
    }""")


def test_the_keyboard_reaches_the_search_box_and_the_first_result_with_focus_visible(
        browser_page):
    page = browser_page
    page.goto("/search?q=" + QUERY.replace(" ", "+"))
    _tab_to(page, "a.skip-link[href='#main']")
    assert page.locator("a.skip-link[href='#main']").is_visible()  # shown when it has the focus
    assert _tab_to(page, "input[name=q]", limit=5) <= 5
    assert _focus_ring(page)
    _tab_to(page, "article.hit h2 a")
    first_link = page.locator("article.hit h2 a").first
    assert page.evaluate("() => document.activeElement") == first_link.evaluate("e => e")
    assert page.evaluate("() => document.activeElement.matches(':focus-visible')")
    assert _focus_ring(page)
    title = first_link.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/article/"))
    assert page.locator("h1").inner_text() == title


def test_every_kind_of_page_loads_without_console_errors(playwright_driver, live_server):
    # A browser of its own: a first visit asks for everything (the icon among it) afresh.
    browser = launch_chromium(playwright_driver)
    problems: list[str] = []
    try:
        _, page = open_page(browser, live_server, problems, viewport={"width": 1280, "height": 900})
        search(page, QUERY)
        page.locator("fieldset.facet-ward input[type=checkbox]").first.check()
        page.wait_for_url(re.compile(r"[?&]ward="))
        page.locator("article.hit h2 a").first.click()
        page.wait_for_url(re.compile(r"/article/"))
        page.locator("dd a[href^='/ward/']").first.click()
        page.wait_for_url(re.compile(r"/ward/"))
        page.goto("/")
        page.goto("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        assert page.get_by_role("search").locator("input[name=q]").input_value() == \
            "<script>alert(1)</script>"
        missing = "/article/no-such-article"
        assert page.goto(missing).status == 404
        assert page.get_by_role("heading", level=1).is_visible()  # a page that says so
    finally:
        browser.close()
    assert [p for p in problems if missing not in p] == []  # only the 404 asked for


def test_a_phone_shows_the_search_page_without_sideways_scrolling(phone_page, screenshots):
    page = phone_page
    page.goto("/search?q=" + QUERY.replace(" ", "+"))
    assert page.locator("article.hit").first.is_visible()
    assert page.get_by_role("search").locator("input[name=q]").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the phone"
    box = page.get_by_role("search").locator("input[name=q]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.screenshot(path=screenshots / "search-phone.png")


def test_screenshot_of_the_search_page_with_facets(browser_page, screenshots):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 1100})
    search(page, QUERY)
    page.locator("fieldset.facet-term input[type=checkbox]").first.check()
    page.wait_for_url(re.compile(r"[?&]term="))
    assert page.locator("aside.facets").is_visible()
    assert page.locator("svg.chart-wide").is_visible()
    page.evaluate("() => window.scrollTo(0, 0)")  # the focus stayed on the box ticked, further down
    page.screenshot(path=screenshots / "search.png")
    assert (screenshots / "search.png").stat().st_size > 10_000


def test_the_more_with_other_accents_link_adds_them_and_says_the_new_total(browser_page):
    page = browser_page
    search(page, "Đảng")
    before = total_shown(page)
    more = page.locator("p.more a")
    offered = int(re.search(r"(\d+)", more.inner_text()).group(1))
    assert before > 0 and offered > 0
    more.click()
    page.wait_for_url(re.compile(r"match=loose"))
    assert total_shown(page) == before + offered
    back = page.locator("p.more a")
    assert f"({before} bài)" in back.inner_text()
    back.click()
    page.wait_for_url(lambda url: "match=" not in url)
    assert total_shown(page) == before
