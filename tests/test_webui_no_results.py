"""A search that finds nothing says what to try, each a link with the total it really lists."""

import html as htmllib
import re

import pytest

THUAN_HA = "xã Thuận Hà, Huyện Đắk Song, Đắk Nông"


def tries(client, url: str) -> list[tuple[str, str, int]]:
    """(words, link, count) of every alternative the no-results box offers, help link aside."""
    response = client.get(url)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    box = re.search(r'<div class="no-results">(.*?)</div>', page, re.S)
    assert box, f"no advice on {url}"
    found = re.findall(r'<li><a href="([^"]+)">(.*?)</a> <span class="count">\(([\d.,]+) (?:bài|articles)\)</span>',
                       box.group(1), re.S)
    assert 'href="/help"' in box.group(1)
    return [(re.sub(r"<[^>]+>", "", htmllib.unescape(words)).strip(), htmllib.unescape(href),
             int(re.sub(r"[.,]", "", n))) for href, words, n in found]


def listed(client, href: str) -> int:
    """How many articles the linked page lists, read from the page itself."""
    page = client.get(href + ("&" if "?" in href else "?") + "lang=vi")
    assert page.status_code == 200, href
    text = page.get_data(as_text=True)
    found = re.search(r'<p class="total"[^>]*>(?:Kết quả [\d.]+–[\d.]+ trong )?([\d.]+) bài', text)
    return int(found.group(1).replace(".", "")) if found else 0


def test_removing_each_filter_and_all_of_them_with_the_totals_their_links_list(client):
    url = f"/search?q=luong+khanh+thien&ward={THUAN_HA}&year=2015"
    offered = tries(client, url)
    assert [words for words, _, _ in offered] == [f"Bỏ lọc {THUAN_HA}", "Bỏ mọi bộ lọc"]
    for _, href, count in offered:
        assert count == listed(client, href) > 0
    # removing the year alone would still find nothing (the ward has no such article): not offered
    assert listed(client, f"/search?q=luong+khanh+thien&ward={THUAN_HA}") == 0


def test_removing_the_dates_with_its_total(client):
    offered = tries(client, "/search?q=dang+bo&from=2030")
    assert [(w, h) for w, h, _ in offered] == [("Bỏ lọc theo ngày", "/search?q=dang+bo")]
    assert offered[0][2] == listed(client, "/search?q=dang+bo") == 22


def test_the_query_without_field_names_and_quotes_with_its_total(client):
    url = '/search?q=title:"hội nghị" phường&lang=en'
    offered = tries(client, url)
    assert [w for w, _, _ in offered] == ["Search hội nghị phường (without field names, quotes and dates)"]
    assert '<q lang="vi">hội nghị phường</q>' in client.get(url).get_data(as_text=True)
    assert offered[0][2] == listed(client, offered[0][1]) == 3


def test_a_date_the_page_cannot_read_is_left_out_of_the_links_too(client):
    offered = tries(client, f"/search?q=luong+khanh+thien&from=nonsense&ward={THUAN_HA}")
    assert offered and all("nonsense" not in href for _, href, _ in offered)
    for _, href, count in offered:
        assert count == listed(client, href)


def test_loose_matching_is_said_to_have_been_tried_when_it_finds_nothing_either(client):
    page = client.get("/search?q=zzqqxx").get_data(as_text=True)
    assert "Khớp rộng (dấu khác, âm tiết đứng rời) cũng không thấy bài nào." in page
    assert tries(client, "/search?q=zzqqxx") == []  # nothing finds anything: only the help link
    assert "match=loose" not in page.split('class="no-results"')[1].split("</div>")[0]


def test_an_entity_emptied_by_a_filter_is_a_page_with_advice_not_a_404(client):
    url = f"/ward/{THUAN_HA}?from=2030"
    offered = tries(client, url)
    assert [w for w, _, _ in offered] == ["Bỏ lọc theo ngày"]
    assert offered[0][2] == listed(client, offered[0][1]) == 3
    term = tries(client, "/term/2020-2025?q=luong+khanh+thien&year=2015")
    assert term[0][1] == "/term/2020-2025?q=luong+khanh+thien"
    assert term[0][2] == listed(client, term[0][1])


def test_a_search_that_finds_articles_has_no_advice(client):
    assert 'class="no-results"' not in client.get("/search?q=dang+bo").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/search?q=zzqqxx&lang=en", f"/ward/{THUAN_HA}?from=2030&lang=en"])
def test_the_advice_is_in_english_too(client, url):
    page = client.get(url).get_data(as_text=True)
    assert "You could try:" in page and "See how to search" in page
