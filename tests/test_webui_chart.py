"""The date chart: one linked bar per period, heights by count, every text escaped."""

import re

import pytest

from wardnews.webui import chart


def draw(histogram):
    return chart.svg(histogram, lambda p: f"/search?from={p}&to={p}", lambda p, n: f"{p}: {n}", "Chart")


@pytest.mark.parametrize("histogram, heights", [
    ((("2019", 1), ("2020", 4), ("2021", 2)), [33.5, 134.0, 67.0]),
    ((("2020-05", 3),), [134.0]),
])
def test_bars_are_as_tall_as_their_share_of_the_largest(histogram, heights):
    assert [bar.height for bar in chart.layout(histogram)] == heights


def test_each_bar_is_a_link_with_a_name():
    svg = draw((("2019", 1), ("2020", 4)))
    assert svg.startswith('<svg class="chart chart-wide"') and svg.endswith("</svg>")
    assert re.findall(r'<a class="bar" href="([^"]*)" aria-label="([^"]*)"', svg) == [
        ("/search?from=2019&amp;to=2019", "2019: 1"), ("/search?from=2020&amp;to=2020", "2020: 4")]
    assert "<title>2020: 4</title>" in svg


def slots(svg):
    """The x of each drawn bar, by its period."""
    return {p: float(x) for p, x in re.findall(
        r'data-period="([^"]+)".*?<rect class="fill" x="([\d.]+)"', svg)}


def test_the_axis_is_time_an_empty_year_keeps_its_slot():
    svg = draw((("2010", 3), ("2011", 1), ("2015", 2)))
    x = slots(svg)
    assert set(x) == {"2010", "2011", "2015"}  # no bar for the empty years...
    step = x["2011"] - x["2010"]
    assert x["2015"] - x["2011"] == pytest.approx(4 * step, abs=0.2)  # ...but their room


def test_months_run_on_across_the_turn_of_a_year():
    assert [e[0] for e in chart.timeline((("2019-11", 1), ("2020-02", 2)))] == [
        "2019-11", "2019-12", "2020-01", "2020-02"]


def test_the_undated_bar_stands_apart_after_the_last_period_and_is_always_labelled():
    histogram = tuple((str(1990 + i), 1) for i in range(40)) + (("unknown", 7),)
    svg = chart.svg(histogram, lambda p: f"/s?year={p}", lambda p, n: f"{p}: {n}", "Chart",
                    show=lambda p: "Year unknown" if p == "unknown" else p)
    bars = chart.layout(chart.timeline(histogram))
    slot = bars[1].x - bars[0].x
    assert bars[-1].period == "unknown" and bars[-1].x - bars[-2].x == pytest.approx(2 * slot, abs=0.2)
    assert 'href="/s?year=unknown" aria-label="unknown: 7"' in svg
    assert ">Year unknown</text>" in svg


def label_boxes(svg):
    """(left, right) of every period label, from its centre and its length."""
    return sorted((float(x) - len(text) * chart.CHAR_WIDTH / 2, float(x) + len(text) * chart.CHAR_WIDTH / 2)
                  for x, text in re.findall(r'<text class="period" x="([\d.]+)"[^>]*>([^<]*)</text>', svg))


@pytest.mark.parametrize("years", [1, 2, 5, 13, 17, 23, 36, 60, 125])
@pytest.mark.parametrize("width", [chart.WIDTH, chart.NARROW_WIDTH])
@pytest.mark.parametrize("months", [False, True])
def test_labels_never_collide_nor_leave_the_drawing(years, width, months):
    periods = ([f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(years)] if months
               else [str(1950 + i) for i in range(years)])
    histogram = tuple((p, i + 1) for i, p in enumerate(periods)) + (("unknown", 3),)
    show = lambda p: "Không rõ năm" if p == "unknown" else (f"{p[5:]}/{p[:4]}" if len(p) == 7 else p)  # noqa: E731
    svg = chart.svg(histogram, lambda p: "#", lambda p, n: p, "t", show, width, 170)
    boxes = label_boxes(svg)
    assert boxes[0][0] >= -0.1 and boxes[-1][1] <= width + 0.1  # centres are rounded to 0.1
    assert all(left >= previous_right for (_, previous_right), (left, _) in zip(boxes, boxes[1:]))
    assert ">Không rõ năm</text>" in svg  # the undated bar keeps its label
    assert len(boxes) >= min(years, 3)  # and the axis still says where it is in time


def test_the_table_has_every_period_of_the_axis_with_the_empty_ones_as_zero():
    assert chart.rows((("2018", 2, 2, 0), ("2020", 1, 0, 1), ("unknown", 4))) == [
        ("2018", 2, 2, 0), ("2019", 0, 0, 0), ("2020", 1, 0, 1), ("unknown", 4, 0, 0)]


def test_an_empty_histogram_draws_nothing():
    assert draw(()) == ""


def test_text_in_the_chart_is_escaped():
    svg = chart.svg((("<b>", 1),), lambda p: '"><script>', lambda p, n: "<i>", "<t>")
    assert "<b>" not in svg and "<script>" not in svg and "<i>" not in svg and "<t>" not in svg


def test_labels_are_thinned_when_there_are_many_bars():
    svg = draw(tuple((f"{1990 + i}", i + 1) for i in range(36)))
    assert svg.count('<a class="bar"') == 36
    labels = re.findall(r'<text class="period"[^>]*>(\d{4})</text>', svg)
    assert 6 <= len(labels) < 36
    assert len({int(b) - int(a) for a, b in zip(labels, labels[1:])}) == 1  # evenly spaced
