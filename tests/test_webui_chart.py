"""The date chart: one linked bar per period, heights by count, every text escaped."""

import re

import pytest

from wardnews.webui import chart


def draw(histogram):
    return chart.svg(histogram, lambda p: f"/search?from={p}&to={p}", lambda p, n: f"{p}: {n}", "Chart")


@pytest.mark.parametrize("histogram, heights", [
    ((("2019", 1), ("2020", 4), ("2021", 2)), [31.0, 124.0, 62.0]),
    ((("2020-05", 3),), [124.0]),
])
def test_bars_are_as_tall_as_their_share_of_the_largest(histogram, heights):
    assert [bar.height for bar in chart.layout(histogram)] == heights


def test_each_bar_is_a_link_with_a_name():
    svg = draw((("2019", 1), ("2020", 4)))
    assert svg.startswith('<svg class="chart"') and svg.endswith("</svg>")
    assert re.findall(r'<a class="bar" href="([^"]*)" aria-label="([^"]*)">', svg) == [
        ("/search?from=2019&amp;to=2019", "2019: 1"), ("/search?from=2020&amp;to=2020", "2020: 4")]
    assert "<title>2020: 4</title>" in svg


def test_an_empty_histogram_draws_nothing():
    assert draw(()) == ""


def test_text_in_the_chart_is_escaped():
    svg = chart.svg((("<b>", 1),), lambda p: '"><script>', lambda p, n: "<i>", "<t>")
    assert "<b>" not in svg and "<script>" not in svg and "<i>" not in svg and "<t>" not in svg


def test_labels_are_thinned_when_there_are_many_bars():
    svg = draw(tuple((f"{1990 + i}", i + 1) for i in range(36)))
    assert svg.count('<a class="bar"') == 36
    assert len(re.findall(r'font-size="11" fill="#1a1a1a">\d{4}</text>', svg)) == 12
