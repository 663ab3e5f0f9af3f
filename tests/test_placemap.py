"""The map's drawing: projection, dot sizes, the order dots are drawn in, the land, the SVG."""

from __future__ import annotations

import math
import re

import pytest

from wardnews.archive import Point, country_points, ward_point
from wardnews.webui import placemap
from wardnews.webui.placemap import HEIGHT, WIDTH, layout, project, radius, svg

HANOI = ward_point("phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội")
SAIGON = ward_point("phường Bến Nghé, Quận 1, Hồ Chí Minh")


def test_north_is_up_and_east_is_right():
    (hx, hy), (sx, sy) = project(HANOI), project(SAIGON)
    assert hy < sy and hx < sx  # Hà Nội lies north and a little west of Sài Gòn


def test_a_degree_east_is_shortened_by_the_cosine_of_the_latitude():
    x0, y0 = project(Point(16, 105))
    x1, _ = project(Point(16, 106))
    _, y1 = project(Point(15, 105))
    assert (x1 - x0) / (y1 - y0) == pytest.approx(math.cos(math.radians(16)), abs=0.01)


def test_every_commune_falls_inside_the_frame():
    for point in country_points():
        x, y = project(point)
        assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT


@pytest.mark.parametrize("most", [1, 4, 16, 1000])
def test_a_dots_area_is_proportional_to_its_count(most):
    drawn = {c: radius(c, most) for c in {1, 2, 4, most // 4, most // 2, most} if c}
    per_article = [r * r / c for c, r in drawn.items() if r > placemap.SMALLEST]
    # the radius is rounded to a tenth, which moves an area by a few per cent at most
    assert per_article and max(per_article) / min(per_article) < 1.05
    assert drawn[most] <= placemap.LARGEST


def test_no_dot_is_too_small_to_see_or_larger_than_the_largest():
    assert radius(1, 1_000_000) == placemap.SMALLEST
    assert radius(5000, 5000) == placemap.LARGEST
    assert radius(3, 0) == placemap.SMALLEST  # nothing counted: no division by zero


def test_dots_are_drawn_largest_first_so_the_small_stay_on_top():
    places = [("small", 1, HANOI), ("large", 9, HANOI), ("middle", 4, SAIGON)]
    dots = layout(places, lambda v: f"/search?ward={v}", lambda v, n: f"{v}: {n}", {"middle"})
    assert [d.value for d in dots] == ["large", "middle", "small"]
    assert [d.selected for d in dots] == [False, True, False]
    assert dots[0].href == "/search?ward=large" and dots[0].label == "large: 9"


def test_the_land_is_one_light_path():
    land = placemap.land()
    assert re.fullmatch(r"(M\d+ \d+h\d+v\d+h-\d+z)+", land)
    assert 3_000 < len(land.encode()) < 15_000  # a country's outline, not 13,000 circles


def test_every_dot_is_a_named_link_and_every_text_is_escaped():
    dots = layout([('phường "A" <b>', 2, HANOI), ("xã B", 1, SAIGON)],
                  lambda v: f"/search?ward={v}&q=1", lambda v, n: f"{v}: {n} bài", {"xã B"})
    drawn = svg(dots, "Bản đồ <số bài>")
    assert drawn.startswith('<svg class="place-map" viewBox="0 0 305 372" role="group" '
                            'aria-label="Bản đồ &lt;số bài&gt;"')
    links = re.findall(r'<a class="dot( selected)?" href="([^"]*)" aria-label="([^"]*)">'
                       r'<title>([^<]*)</title><circle ', drawn)
    assert [(sel, href, label) for sel, href, label, _ in links] == [
        ("", "/search?ward=phường &quot;A&quot; &lt;b&gt;&amp;q=1", "phường &quot;A&quot; &lt;b&gt;: 2 bài"),
        (" selected", "/search?ward=xã B&amp;q=1", "xã B: 1 bài")]
    assert all(label == title for _, _, label, title in links)
    assert "<b>" not in drawn
    assert 'fill="#b35900"' in drawn  # the selected dot stands out
