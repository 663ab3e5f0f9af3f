"""Where wards and provinces lie: archive.places over the installed gazetteer's points."""

from __future__ import annotations

import pytest

from wardnews.archive import country_points, province_point, ward_point

# Vietnam's mainland and its islands lie within these (Trường Sa reaches 114.5°E).
LAT, LON = (8.0, 24.0), (102.0, 115.0)


def inside(point) -> bool:
    return LAT[0] <= point.lat <= LAT[1] and LON[0] <= point.lon <= LON[1]


@pytest.mark.parametrize("value, lat, lon", [
    # as the ward facet writes a ward before July 2025: type name, district, province
    ("phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội", 21.03, 105.85),
    ("phường Bến Nghé, Quận 1, Hồ Chí Minh", 10.78, 106.70),
    ("phường 7, Quận 3, Hồ Chí Minh", 10.78, 106.69),
    ("phường Vĩnh Ninh, Thành phố Huế, Thừa Thiên Huế", 16.46, 107.59),
    # and since: type name, province
    ("phường Sài Gòn, Hồ Chí Minh", 10.78, 106.70),
    ("phường Phú Xuân, Huế", 16.48, 107.58),
    ("đặc khu Trường Sa, Khánh Hòa", 9.71, 114.45),
])
def test_a_ward_is_placed_at_its_units_point(value, lat, lon):
    point = ward_point(value)
    assert inside(point)
    assert (round(point.lat, 2), round(point.lon, 2)) == pytest.approx((lat, lon), abs=0.011)


def test_a_hanoi_ward_lies_north_of_a_ho_chi_minh_city_ward_and_west_of_hai_phong():
    hanoi = ward_point("phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội")
    saigon = ward_point("phường Bến Nghé, Quận 1, Hồ Chí Minh")
    hai_phong = ward_point("phường Máy Chai, Quận Ngô Quyền, Hải Phòng")
    assert hanoi.lat - saigon.lat > 10  # about 1,150 km apart, north to south
    assert hanoi.lon < hai_phong.lon


def test_an_absorbed_name_lies_at_the_ward_that_took_it_in():
    # Lương Khánh Thiện (Phủ Lý) was merged into Châu Cầu; the list keeps only the latter's point.
    assert ward_point("phường Lương Khánh Thiện, Thành phố Phủ Lý, Hà Nam") == \
        ward_point("phường Châu Cầu, Thành phố Phủ Lý, Hà Nam")
    # The same name in Hải Phòng is another place.
    assert ward_point("phường Lương Khánh Thiện, Quận Ngô Quyền, Hải Phòng").lon > 106.5


def test_spelling_and_case_do_not_matter_but_the_place_does():
    assert ward_point("PHƯỜNG HÀNG BẠC, quận hoàn kiếm, ha noi") == \
        ward_point("phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội")
    assert ward_point("phường Hàng Bạc, Quận Ba Đình, Hà Nội") is None  # not in that district
    assert ward_point("phường Lương Khánh Thiện") is None  # a name alone: where?
    assert ward_point("phường Lương Khánh Thiên, Hà Nam") is None  # misspelt
    assert ward_point("") is None and ward_point(", , , ,") is None


def test_provinces_are_placed_by_the_names_the_province_facet_uses():
    assert province_point("Hà Nội").lat > province_point("Hồ Chí Minh").lat + 10
    assert province_point("Hà Nam") is not None  # a province before July 2025 only
    assert province_point("Thừa Thiên Huế") != province_point("Huế")  # before and since 2025
    assert province_point("Atlantis") is None
    assert all(inside(province_point(name)) for name in ("Hà Giang", "Cà Mau", "Kiên Giang", "Điện Biên"))


def test_every_communes_point_lies_in_vietnam_and_there_is_one_per_unit():
    points = country_points()
    assert len(points) > 13_000  # 10,040 units before July 2025 and 3,321 since, a few without a point
    assert all(inside(p) for p in points)
    assert max(p.lon for p in points) > 114  # Trường Sa is in the outline
