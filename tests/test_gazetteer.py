"""The gazetteer: names before and after July 2025, districts, provinces and the mapping."""

import time

import pytest

from wardnews.archive import gazetteer as gz


def _units(name, **where):
    return [u for u in gz.wards_named(name) if all(getattr(u, k) == v for k, v in where.items())]


@pytest.mark.parametrize(
    "name, kind, province, district",
    [
        ("Lương Khánh Thiện", "phường", "Hà Nam", "Thành phố Phủ Lý"),  # absorbed into Châu Cầu
        ("Lương Khánh Thiện", "phường", "Hải Phòng", "Quận Ngô Quyền"),  # absorbed into Cầu Đất
        ("Châu Cầu", "phường", "Hà Nam", "Thành phố Phủ Lý"),
        ("Nâm N'Jang", "xã", "Đắk Nông", "Huyện Đắk Song"),
        ("nam njang", "xã", "Đắk Nông", "Huyện Đắk Song"),
        ("Trường Xuân", "xã", "Đắk Nông", "Huyện Đắk Song"),
        ("Đức An", "thị trấn", "Đắk Nông", "Huyện Đắk Song"),
        ("7", "phường", "Hồ Chí Minh", "Quận 3"),
        ("07", "phường", "Hồ Chí Minh", "Quận 3"),
        ("Yên Viên", "thị trấn", "Hà Nội", "Huyện Gia Lâm"),
        ("Yên Viên", "xã", "Hà Nội", "Huyện Gia Lâm"),
        ("Ea H'leo", "xã", "Đắk Lắk", "Huyện Ea H'leo"),
    ],
)
def test_pre_2025_names_are_found_with_their_place(name, kind, province, district):
    assert _units(name, type=kind, province=province, district=district, current=False)


@pytest.mark.parametrize(
    "name, kind, province",
    [
        ("Hoàn Kiếm", "phường", "Hà Nội"),
        ("Văn Miếu - Quốc Tử Giám", "phường", "Hà Nội"),
        ("Phủ Lý", "phường", "Ninh Bình"),
        ("Sài Gòn", "phường", "Hồ Chí Minh"),
    ],
)
def test_units_created_in_2025_are_current_and_have_no_district(name, kind, province):
    units = _units(name, type=kind, province=province, current=True)
    assert units and all(u.district is None for u in units)


def test_spellings_of_the_same_name_share_one_key():
    assert gz.unit_key("Thủy Xuân") == gz.unit_key("Thuỷ Xuân") == gz.unit_key("THUY XUAN")


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Hà Nam", ("Hà Nam",)),
        ("tỉnh Hà Nam", ("Hà Nam",)),
        ("Khánh Hoà", ("Khánh Hòa",)),
        ("TP.HCM", ("Hồ Chí Minh",)),
        ("Thừa Thiên Huế", ("Thừa Thiên Huế",)),
        ("TT-Huế", ("Thừa Thiên Huế",)),
        ("Huế", ("Huế", "Thừa Thiên Huế")),  # the city, in its province before 2025
        ("Hà Nội", ("Hà Nội",)),
        ("Không Có", ()),
    ],
)
def test_provinces_are_found_by_any_spelling(written, expected):
    assert gz.provinces_named(written) == expected


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Phủ Lý", ("Thành phố Phủ Lý", "Hà Nam")),
        ("Ngô Quyền", ("Quận Ngô Quyền", "Hải Phòng")),
        ("3", ("Quận 3", "Hồ Chí Minh")),
        ("Đắk Song", ("Huyện Đắk Song", "Đắk Nông")),
    ],
)
def test_districts_carry_their_type_and_province(written, expected):
    assert expected in gz.districts_named(written)


@pytest.mark.parametrize(
    "name, where, old_address",
    [
        ("Lương Khánh Thiện", {"province": "Hà Nam"}, "Phường Châu Cầu, Thành phố Phủ Lý, Tỉnh Hà Nam"),
        ("Lương Khánh Thiện", {"province": "Hải Phòng"}, "Phường Cầu Đất, Quận Ngô Quyền, Thành phố Hải Phòng"),
        ("Nâm N'Jang", {}, "Xã Nâm N'Jang, Huyện Đắk Song, Tỉnh Đắk Nông"),
        ("Minh Khai", {"district": "Quận Hai Bà Trưng"}, "Phường Minh Khai, Quận Hai Bà Trưng, Thành phố Hà Nội"),
        ("7", {"district": "Quận 3"}, "Phường Võ Thị Sáu, Quận 3, Thành phố Hồ Chí Minh"),
    ],
)
def test_now_agrees_with_the_packages_own_converter(name, where, old_address):
    converter = pytest.importorskip("vietnamadminunits")
    (unit,) = _units(name, current=False, **where)
    new = converter.convert_address(old_address)
    assert gz.now_of(unit) == f"{new.ward}, {new.province}"


def test_the_seed_ward_of_ha_nam_belongs_to_phu_ly_of_ninh_binh_now():
    (unit,) = _units("Lương Khánh Thiện", province="Hà Nam")
    assert gz.now_of(unit) == "Phường Phủ Lý, Tỉnh Ninh Bình"


def test_a_current_unit_is_its_own_now():
    (unit,) = _units("Hoàn Kiếm", current=True)
    assert gz.now_of(unit) == "Phường Hoàn Kiếm, Thành phố Hà Nội"


def test_names_that_are_not_units_find_nothing():
    assert gz.wards_named("Hội") == () and gz.wards_named("Nguyễn Văn Tám") == ()


def test_the_tables_load_once_and_fast():
    gz._load.cache_clear()
    started = time.perf_counter()
    gz._load()
    first = time.perf_counter() - started
    started = time.perf_counter()
    gz._load()
    assert time.perf_counter() - started < 0.001
    assert first < 3.0  # about 0.3 s on the reference machine; generous for slow CI


@pytest.mark.parametrize("name", ["Vĩnh Ninh", "Phú Hội", "Thuận Hòa"])
def test_pre_2025_hue_wards_lie_in_thanh_pho_hue_of_thua_thien_hue(name):
    old = [u for u in gz.wards_named(name) if not u.current and u.province == "Thừa Thiên Huế"]
    assert [(u.district, u.province) for u in old] == [("Thành phố Huế", "Thừa Thiên Huế")]
    assert gz.now_of(old[0]).endswith(", Thành phố Huế")


def test_post_2025_hue_units_stay_in_hue():
    assert [u.province for u in gz.wards_named("Phú Xuân") if u.current and u.type == "phường"] == ["Huế"]
    assert ("Thành phố Huế", "Thừa Thiên Huế") in gz.districts_named("Huế")
