"""Ward extraction: which communes an article names, and where they are placed."""

from datetime import date as D
from pathlib import Path

import pytest

from wardnews.archive.article import Ward
from wardnews.archive.extract.wards import find_wards

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_693abd404aff5b39.txt"


def _names(text, **defaults):
    return [(w.type, w.name) for w in find_wards(text, **defaults)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hội nghị tại phường Châu Cầu bàn về chỉnh trang đô thị.", [("phường", "Châu Cầu")]),
        ("UBND P. Minh Khai vừa ra quân dọn vệ sinh.", [("phường", "Minh Khai")]),
        ("Tổ công tác về P.Minh Khai kiểm tra.", [("phường", "Minh Khai")]),
        ("Nông dân xã Trường Xuân thu hoạch cà phê.", [("xã", "Trường Xuân")]),
        ("Thị trấn Đức An khai giảng lớp học nghề.", [("thị trấn", "Đức An")]),
        ("Trường mầm non Phường 7 đón học sinh.", [("phường", "7")]),
        ("Phụ nữ phường 12 học nghề.", [("phường", "12")]),
        ("Đảng bộ phường Lương Khánh Thiện họp.", [("phường", "Lương Khánh Thiện")]),
        ("PHƯỜNG LƯƠNG KHÁNH THIỆN ĐÓN BẰNG KHEN", [("phường", "Lương Khánh Thiện")]),
        ("Xã Nâm N'Jang có thêm đường bê tông.", [("xã", "Nâm N'Jang")]),
        ("Xã Ea H'leo trồng cà phê.", [("xã", "Ea H'leo")]),
        ("Người dân phường Hoàn Kiếm đón Tết năm 2026.", [("phường", "Hoàn Kiếm")]),
        ("Lễ khánh thành ở phường Văn Miếu - Quốc Tử Giám.", [("phường", "Văn Miếu - Quốc Tử Giám")]),
        ("Đoàn về các phường Minh Khai, Trần Hưng Đạo và Hai Bà Trưng.",
         [("phường", "Minh Khai"), ("phường", "Trần Hưng Đạo"), ("phường", "Hai Bà Trưng")]),
        ("Xã Minh Khai và xã Minh Khai: cùng tên, một lần.", [("xã", "Minh Khai")]),
        ("Trung tâm Y tế thị trấn Yên Viên khám cho người già.", [("thị trấn", "Yên Viên")]),
        ("dang bo phuong Chau Cau hop", [("phường", "Châu Cầu")]),
        ("UBND phường Thuỷ Xuân và phường Thủy Xuân là một.", [("phường", "Thuỷ Xuân")]),
    ],
)
def test_communes_written_in_the_genres_ways_are_found(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Phường đã thực hiện tốt việc sáp nhập tổ dân phố.",
        "Các đ/c Bí thư Đảng bộ các phường, xã dự họp.",
        "Bảo đảm trật tự an toàn xã hội và an sinh xã hội.",
        "AN SINH XÃ HỘI AN GIANG TIẾP TỤC ĐƯỢC QUAN TÂM",
        "Các xã viên của Hợp tác xã Minh Khai chia lãi.",
        "Phóng viên Thông tấn xã Việt Nam đưa tin.",
        "Hội đồng nhân dân thị xã Phú Thọ họp kỳ cuối năm.",
        "Tổ chức phường hội ngày xưa ở phố cổ.",
        "Hàng năm Đảng bộ Phường thường xuyên chỉ đạo.",
        "Đảng bộ Phường.",
        "Ông Chủ tịch xã Phan Văn Khải phát biểu.",
        "phường Hương Vấn: dấu khác với Hương Vân và Hương Văn.",
        "Văn phòng nằm ở phường Không Tồn Tại.",
        "",
    ],
)
def test_words_that_only_look_like_communes_are_not_found(text):
    assert find_wards(text) == ()


def test_most_mentioned_comes_first_then_first_seen():
    text = "Xã Trường Xuân và thị trấn Đức An. Xã Trường Xuân lại họp. Phường Châu Cầu."
    assert _names(text) == [("xã", "Trường Xuân"), ("thị trấn", "Đức An"), ("phường", "Châu Cầu")]


SEED_LIKE = "Đại hội Đảng bộ phường Lương Khánh Thiện; dự có đ/c Ủy viên Ban Thường vụ Tỉnh ủy."


@pytest.mark.parametrize(
    "text, defaults, province, district",
    [
        (SEED_LIKE, {}, "Hà Nam", "Thành phố Phủ Lý"),
        (SEED_LIKE.replace("Tỉnh ủy", "Tỉnh uỷ"), {}, "Hà Nam", "Thành phố Phủ Lý"),
        ("Đảng bộ phường Lương Khánh Thiện, quận Ngô Quyền họp.", {}, "Hải Phòng", "Quận Ngô Quyền"),
        ("Phường Lương Khánh Thiện: Thành ủy chỉ đạo các quận rà soát.", {}, "Hải Phòng", "Quận Ngô Quyền"),
        ("Đảng bộ phường Lương Khánh Thiện họp.", {"province": "Hà Nam"}, "Hà Nam", "Thành phố Phủ Lý"),
        ("Đảng bộ phường Lương Khánh Thiện họp.", {"province": "Tỉnh Hà Nam", "district": "Phủ Lý"},
         "Hà Nam", "Thành phố Phủ Lý"),
        ("Đảng bộ phường Lương Khánh Thiện, quận Ngô Quyền họp.", {"province": "Hà Nam"},
         "Hải Phòng", "Quận Ngô Quyền"),
        ("Đảng bộ phường Lương Khánh Thiện họp.", {}, None, None),
        ("Nông dân xã Trường Xuân, huyện Đắk Song, tỉnh Đắk Nông.", {}, "Đắk Nông", "Huyện Đắk Song"),
        ("Xã Trường Xuân (huyện Tháp Mười) thu hoạch lúa.", {}, "Đồng Tháp", "Huyện Tháp Mười"),
        ("Xã Trường Xuân đón đoàn của tỉnh Thanh Hoá.", {}, "Thanh Hóa", "Huyện Thọ Xuân"),
        ("Nông dân xã Trường Xuân thu hoạch.", {}, None, None),
        ("UBND P. Minh Khai, Q. Hai Bà Trưng họp.", {}, "Hà Nội", "Quận Hai Bà Trưng"),
        ("Phường 7, Quận 3 ra mắt mô hình dân vận khéo.", {}, "Hồ Chí Minh", "Quận 3"),
        ("Cử tri phường 2, thị xã Duyên Hải góp ý; phường 2 (TP Trà Vinh) vắng.", {}, "Trà Vinh", None),
        ("Cử tri phường 2, thị xã Duyên Hải góp ý.", {}, "Trà Vinh", "Thị xã Duyên Hải"),
    ],
)
def test_placement_follows_the_text_then_the_folder(text, defaults, province, district):
    (ward,) = find_wards(text, **defaults)
    assert (ward.province, ward.district) == (province, district)
    assert ward.province != "Hải Phòng" or "Tỉnh ủy" not in text


def test_i_and_y_spellings_of_one_name_are_one_ward():
    text = "Tổng Bí thư thăm xã Sĩ Bình, huyện Bạch Thông. Người dân xã Sỹ Bình phấn khởi."
    assert _names(text) == [("xã", "Sĩ Bình")]


def test_an_unplaced_ward_keeps_type_and_name_and_drops_the_rest():
    assert find_wards("Nông dân xã Trường Xuân thu hoạch.") == (Ward("xã", "Trường Xuân"),)


@pytest.mark.parametrize(
    "text, now",
    [
        (SEED_LIKE, "Phường Phủ Lý, Tỉnh Ninh Bình"),
        ("Xã Nâm N'Jang có đường mới.", "Xã Trường Xuân, Tỉnh Lâm Đồng"),
        ("Người dân phường Hoàn Kiếm đón Tết.", "Phường Hoàn Kiếm, Thành phố Hà Nội"),
    ],
)
def test_now_names_the_commune_since_july_2025(text, now):
    (ward,) = find_wards(text)
    assert ward.now == now


def test_a_new_ward_is_placed_in_its_new_province_without_district():
    assert find_wards("Phường Phủ Lý, tỉnh Ninh Bình ra mắt.") == (
        Ward("phường", "Phủ Lý", None, "Ninh Bình", "Phường Phủ Lý, Tỉnh Ninh Bình"),
    )


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the seed page) is not beside the repository")
def test_the_seed_page_names_lương_khánh_thiện_of_hà_nam_or_nowhere():
    wards = find_wards(SEED.read_text(encoding="utf-8"))
    assert [(w.type, w.name) for w in wards] == [("phường", "Lương Khánh Thiện")]
    assert wards[0].province in ("Hà Nam", None)


def _placed(text, **defaults):
    return {(w.name, w.district, w.province) for w in find_wards(text, **defaults)}


@pytest.mark.parametrize(
    "text, expected",
    [
        # written after July 2025: the bare name is the new unit, "cũ" the old one
        ("Đại hội Đảng bộ phường Gia Viên, thành phố Hải Phòng. Phường Gia Viên gồm phường "
         "Đằng Giang và phần lớn phường Gia Viên cũ.",
         {("Gia Viên", None, "Hải Phòng"), ("Gia Viên", "Quận Ngô Quyền", "Hải Phòng"),
          ("Đằng Giang", "Quận Ngô Quyền", "Hải Phòng")}),
        ("Xã Trường Xuân (mới), tỉnh Lâm Đồng ra mắt; trụ sở đặt tại xã Trường Xuân cũ, "
         "huyện Đắk Song, tỉnh Đắk Nông.",
         {("Trường Xuân", None, "Lâm Đồng"), ("Trường Xuân", "Huyện Đắk Song", "Đắk Nông")}),
        # no marker: an article from before the reform names the old unit only
        ("Đại hội Đảng bộ phường Gia Viên, quận Ngô Quyền, thành phố Hải Phòng.",
         {("Gia Viên", "Quận Ngô Quyền", "Hải Phòng")}),
        # "mới" without brackets means "just": nothing about eras
        ("Xã Kim Bình, thành phố Phủ Lý mới đạt chuẩn nông thôn mới.",
         {("Kim Bình", "Thành phố Phủ Lý", "Hà Nam")}),
    ],
)
def test_old_and_new_units_follow_the_texts_cu_and_moi(text, expected):
    assert _placed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Phường Vĩnh Ninh, thành phố Huế, tỉnh Thừa Thiên Huế tổ chức đại hội; Tỉnh ủy dự.",
        "UBND phường Vĩnh Ninh (thành phố Huế) hỗ trợ người dân vùng lũ.",
    ],
)
def test_pre_2025_hue_wards_show_thanh_pho_hue_in_thua_thien_hue(text):
    assert _placed(text) == {("Vĩnh Ninh", "Thành phố Huế", "Thừa Thiên Huế")}


def test_a_count_after_a_list_is_not_a_numbered_ward():
    text = "Tại 3 xã Sơn Liên, Sơn Dung và Sơn Long, huyện Sơn Tây; 5 lãnh đạo phòng bị kỷ luật."
    assert _names(text) == [("xã", "Sơn Liên"), ("xã", "Sơn Dung"), ("xã", "Sơn Long")]


# Yên Sở (Hà Nội) was a ward of quận Hoàng Mai before July 2025 and went into phường Hoàng
# Mai; a new phường Yên Sở was made at the same time.  Giảng Võ was a ward of quận Ba Đình
# and is one again since, with more land.
@pytest.mark.parametrize(
    "text, on, district, now",
    [
        ("Phường Yên Sở, Hà Nội họp bàn.", D(2020, 1, 1), "Quận Hoàng Mai", "Phường Hoàng Mai, Thành phố Hà Nội"),
        ("Phường Yên Sở, Hà Nội họp bàn.", D(2025, 6, 30), "Quận Hoàng Mai", "Phường Hoàng Mai, Thành phố Hà Nội"),
        ("Phường Yên Sở, Hà Nội họp bàn.", D(2025, 7, 1), None, "Phường Yên Sở, Thành phố Hà Nội"),
        ("Phường Giảng Võ họp bàn.", D(2019, 3, 2), "Quận Ba Đình", "Phường Giảng Võ, Thành phố Hà Nội"),
        ("Phường Giảng Võ họp bàn.", D(2025, 9, 2), None, "Phường Giảng Võ, Thành phố Hà Nội"),
        # the text's "cũ" outweighs the date
        ("Phường Yên Sở cũ, Hà Nội họp bàn.", D(2025, 9, 2), "Quận Hoàng Mai", "Phường Hoàng Mai, Thành phố Hà Nội"),
        # a unit that existed only before keeps its place whatever the date
        ("Phường Lương Khánh Thiện, tỉnh Hà Nam họp bàn.", D(2025, 9, 2), "Thành phố Phủ Lý", "Phường Phủ Lý, Tỉnh Ninh Bình"),
        # the text's province comes before the date: Ngô Quyền became a phường only in 2025
        ("Phường Ngô Quyền, TP Hải Phòng họp bàn.", D(2020, 1, 1), None, "Phường Ngô Quyền, Thành phố Hải Phòng"),
    ],
)
def test_the_articles_date_picks_the_unit_in_force_that_day(text, on, district, now):
    (ward,) = find_wards(text, on=on)
    assert (ward.district, ward.now) == (district, now)


def test_without_a_date_a_name_held_before_and_after_stays_open():
    (ward,) = find_wards("Phường Yên Sở, Hà Nội họp bàn.")
    assert ward.now is None and ward.province == "Hà Nội"


@pytest.mark.parametrize(
    "published, paragraph, now",
    [
        (D(2020, 1, 1), "Phường Yên Sở, Hà Nội họp bàn.", "Phường Hoàng Mai, Thành phố Hà Nội"),
        (D(2025, 8, 1), "Phường Yên Sở, Hà Nội họp bàn.", "Phường Yên Sở, Thành phố Hà Nội"),
        # an event date is not the day the article was written: it does not choose
        (None, "Ngày 3/3/2020, phường Yên Sở, Hà Nội họp bàn.", None),
    ],
)
def test_annotate_passes_the_published_date_to_the_ward_finder(published, paragraph, now):
    from wardnews.archive.annotate import annotate
    from wardnews.archive.article import Document

    doc = Document(source="x.txt", key=None, title="", paragraphs=(paragraph,), encoding="utf-8",
                   published=published)
    (ward,) = annotate(doc).wards
    assert ward.now == now
