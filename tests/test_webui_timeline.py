"""The date chart as a researcher reads it: a true time axis, the undated articles counted
and listed, a table of the same figures whose links set a range without JavaScript."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def total_of(client, url):
    path, _, query = url.partition("?")
    return client.get("/api" + ("/search" if path in ("", "/") else path) + "?" + query).get_json()["total"]


def table_rows(html):
    """(period shown, count shown, links) for every row of the chart's table."""
    body = re.search(r'<details class="chart-table">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        period = re.search(r'<th scope="row">([^<]*)</th>', row).group(1)
        count = int(re.search(r"<td>([\d.,]+)</td>", row).group(1).replace(".", "").replace(",", ""))
        links = [unescape(h) for h in re.findall(r'href="([^"]*)"', row)]
        rows.append((period, count, links))
    return rows


def test_the_overview_chart_has_every_year_from_the_first_to_the_last_with_empty_ones_as_zero(client):
    rows = table_rows(html_of(client, "/"))
    years = [int(p) for p, _, _ in rows if p.isdigit()]
    assert years == list(range(years[0], years[-1] + 1))
    counts = dict((p, n) for p, n, _ in rows)
    empty = [p for p in counts if counts[p] == 0]
    assert empty, "the demo archive has a year without articles between its first and last"
    assert sum(counts.values()) == client.get("/api/search").get_json()["total"]


def test_every_row_counts_what_its_link_lists(client):
    html = html_of(client, "/search?q=ph%C6%B0%E1%BB%9Dng")
    for period, count, links in table_rows(html):
        if count:
            assert total_of(client, links[0]) == count, period


def test_the_undated_articles_are_said_and_listed(client):
    html = html_of(client, "/")
    said = re.search(r'<p class="chart-undated"><a href="([^"]*)">(\d+) bài không rõ năm', html)
    assert said, "the overview names its articles with no known year"
    listed = unescape(said.group(1))
    assert dict(parse_qsl(urlsplit(listed).query)) == {"year": "unknown"}
    assert total_of(client, listed) == int(said.group(2)) > 0
    rows = {p: (n, links) for p, n, links in table_rows(html)}
    assert rows["Không rõ năm"][0] == int(said.group(2))


def test_from_here_and_to_here_make_a_range_without_javascript(client):
    rows = [r for r in table_rows(html_of(client, "/search?q=ph%C6%B0%E1%BB%9Dng")) if r[0].isdigit()]
    first, last = rows[1], rows[-2]
    from_here = dict(parse_qsl(urlsplit(first[2][-2]).query))
    assert from_here["from"] == first[0] and "to" not in from_here
    html = html_of(client, first[2][-2])
    to_here = [r for r in table_rows(html) if r[0] == last[0]][0][2][-1]
    ranged = dict(parse_qsl(urlsplit(to_here).query))
    assert (ranged["q"], ranged["from"], ranged["to"]) == ("phường", first[0], last[0])
    expected = sum(n for p, n, _ in rows if first[0] <= p <= last[0])
    assert total_of(client, to_here) == expected


def test_the_english_chart_says_undated_in_english(client):
    html = html_of(client, "/?lang=en")
    assert re.search(r'<p class="chart-undated"><a [^>]*>\d+ articles with no known year', html)
    assert "<th scope=\"row\">Year unknown</th>" in html and ">Year unknown</text>" in html


@pytest.mark.parametrize("url", ["/", "/search?q=ph%C6%B0%E1%BB%9Dng", "/search?from=2020&to=2021"])
def test_a_wide_and_a_narrow_drawing_of_the_same_bars(client, url):
    html = html_of(client, url)
    wide = re.search(r'<svg class="chart chart-wide".*?</svg>', html, re.S).group(0)
    narrow = re.search(r'<svg class="chart chart-narrow".*?</svg>', html, re.S).group(0)
    bars = lambda svg: re.findall(r'<a class="bar" href="([^"]*)" aria-label="([^"]*)"', svg)  # noqa: E731
    assert bars(wide) == bars(narrow) and bars(wide)
