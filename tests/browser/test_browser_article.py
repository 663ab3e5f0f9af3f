"""The article page in a real browser: full text with the query marked, metadata, citation."""

from __future__ import annotations

import json
import re

import pytest


pytestmark = pytest.mark.browser


def open_first_result(page, query: str) -> str:
    """Search for `query` and follow the first result's title; the title it showed."""
    page.goto("/search?q=" + query.replace(" ", "+"))
    link = page.locator("article.hit h2 a").first
    title = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/article/"))
    return title


def metadata(page) -> dict[str, str]:
    """The article's metadata list as the reader sees it: each term with its description."""
    return page.locator("section.metadata dl").evaluate("""dl => {
        const out = {};
        dl.querySelectorAll('dt').forEach(dt => { out[dt.innerText.trim()] =
            dt.nextElementSibling.innerText.trim(); });
        return out;
    }""")


def test_an_article_shows_its_full_text_with_the_query_marked(browser_page):
    page = browser_page
    title = open_first_result(page, "luong khanh thien")
    assert page.locator("h1").inner_text() == title
    assert {m.lower() for m in page.locator("h1 mark").all_inner_texts()} >= {"lương", "khánh", "thiện"}
    paragraphs = page.locator("section.full-text p")
    assert paragraphs.count() >= 3  # the whole text, not the snippet
    text = " ".join(paragraphs.all_inner_texts())
    assert len(text) > 800
    assert "…" not in text[:40]  # it starts at the beginning, not at a snippet's cut
    marked = [m.lower() for m in page.locator("section.full-text mark").all_inner_texts()]
    assert marked.count("thiện") >= 1 and set(marked) <= {"lương", "khánh", "thiện"}
    assert page.get_by_role("link", name=re.compile("kết quả|results", re.I)).is_visible()


def test_an_article_shows_all_its_metadata(browser_page):
    page = browser_page
    open_first_result(page, "luong khanh thien")
    facts = metadata(page)
    assert re.match(r"\d\d/\d\d/\d{4} \(", facts["Ngày"])  # the day and its kind
    assert "Lương Khánh Thiện" in facts["Phường, xã"]
    assert re.search(r"\d{4}-\d{4}", facts["Nhiệm kỳ"])
    assert facts["Cán bộ"].count(":") >= 1  # officials with their roles
    assert facts["Tệp nguồn"].endswith((".txt", ".html", ".htm", ".json", ".jsonl", ".warc", ".gz"))
    assert facts["Bảng mã khi đọc"]  # the encoding it was read in
    assert page.locator("section.metadata a[href^='/ward/']").count() >= 1
    assert page.locator("aside.similar article.hit").count() >= 1  # more like this


def test_an_article_offers_a_citation_to_copy_and_to_download(browser_page):
    page = browser_page
    title = open_first_result(page, "luong khanh thien")
    citation = page.locator("#citation-text").input_value()
    plain_title = re.sub(r"\s+", " ", title)
    assert plain_title in citation
    assert re.search(r"\b(19|20)\d\d\b", citation)
    assert page.get_by_role("button", name="Chép trích dẫn").is_visible()  # script shows it

    with page.expect_download() as ris:
        page.get_by_role("link", name=re.compile(r"\(RIS\)")).click()
    ris_text = ris.value.path().read_text(encoding="utf-8-sig")
    assert ris_text.startswith("TY  - ") and f"TI  - {plain_title}" in ris_text
    assert ris_text.rstrip().endswith("ER  -")

    with page.expect_download() as csl:
        page.get_by_role("link", name=re.compile(r"\(CSL-JSON\)")).click()
    item = json.loads(csl.value.path().read_text(encoding="utf-8"))
    item = item[0] if isinstance(item, list) else item
    assert item["title"] == plain_title and item["type"]


def test_screenshot_of_the_article_page(browser_page, screenshots):
    page = browser_page
    open_first_result(page, "luong khanh thien")
    assert page.locator("h1 mark").first.is_visible()
    page.screenshot(path=screenshots / "article.png")
    assert (screenshots / "article.png").stat().st_size > 10_000
