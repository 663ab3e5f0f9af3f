"""What an article is about, and where: ward roles, false places, the place hierarchy."""

from __future__ import annotations

import json

import pytest

from wardnews import Archive, build_index
from wardnews.archive.extract.wards import find_wards


def _roles(title: str, body: str, **options) -> dict[str, str]:
    text = f"{title}\n\n{body}"
    wards = find_wards(text, title_end=len(title), **options)
    return {w.name: w.role for w in wards}


@pytest.mark.parametrize("title, body, expected", [
    # in the title: the subject
    ("Đại hội phường Minh Khai", "Sáng nay đại hội diễn ra.", {"Minh Khai": "subject"}),
    # in the lead, alone: the subject
    ("Tin địa phương", "Sáng 5/2, phường Minh Khai ra quân dọn vệ sinh.\n\nMọi người hưởng ứng.",
     {"Minh Khai": "subject"}),
    # a district report lists its communes: mentioned, all of them
    ("Thành phố sơ kết", "Thành phố sơ kết công tác.\n\nCác phường Quang Trung, Lam Hạ và Lê Hồng "
     "Phong đạt chuẩn.", {"Quang Trung": "mentioned", "Lam Hạ": "mentioned", "Lê Hồng Phong": "mentioned"}),
    # named in passing, once, far from the lead: mentioned
    ("Tỉnh ban hành quyết định", "Tỉnh ban hành quyết định về giá đất.\n\nQuyết định có hiệu lực."
     "\n\nRiêng phường Minh Khai được áp dụng từ tháng sau.", {"Minh Khai": "mentioned"}),
    # named alone more than any other, though not in the lead: the subject
    ("Chuyện khu phố", "Chuyện khu phố.\n\nỞ phường Minh Khai, bà con góp tiền làm đường."
     "\n\nPhường Minh Khai còn lập quỹ khuyến học.", {"Minh Khai": "subject"}),
    # a list in the lead is still a list
    ("Bầu cử", "Cử tri các phường Minh Khai, Quang Trung và Lê Hồng Phong đi bầu.",
     {"Minh Khai": "mentioned", "Quang Trung": "mentioned", "Lê Hồng Phong": "mentioned"}),
])
def test_a_ward_is_the_subject_or_mentioned(title, body, expected):
    assert _roles(title, body, province="Hà Nam") == expected


@pytest.mark.parametrize("text", [
    "Trao đổi với P.V Báo Lao Động, ông A cho biết.",
    "Ông Nguyễn Văn A chia sẻ với P.V về dự án.",
    "Thông tin thêm xin liên hệ tổng đài 800126. P.V",
    "Ông P.V.V đến từ Thái Bình.",
])
def test_a_byline_or_initials_after_p_is_no_ward(text):
    assert find_wards(text) == ()


@pytest.mark.parametrize("text, name", [
    ("Khu dân cư Cityland, P.5, Q.Gò Vấp, TP.HCM.", "5"),
    ("Người dân P.V, TP Vị Thanh, Hậu Giang đón Tết.", "V"),
    ("bà P.T.H (SN 1963) ở phường Thủy Xuân, TP Huế.", "Thủy Xuân"),
])
def test_real_wards_written_with_p_stay(text, name):
    assert [w.name for w in find_wards(text)] == [name]


def test_the_evidence_is_kept_in_the_json():
    title = "Phường Minh Khai họp"
    [ward] = find_wards(f"{title}\n\nPhường Minh Khai họp dân phố.", province="Hà Nam",
                        title_end=len(title))
    data = ward.to_json()
    assert data["role"] == "subject" and data["mentions"] == 2
    assert data["in_title"] and data["in_lead"]
    assert {"type", "name", "district", "province", "now"} <= set(data)


# --- the facets ----------------------------------------------------------------------------

ARTICLES = [
    {"id": "a", "title": "Phường Quang Trung họp dân", "text": "Phường Quang Trung, thành phố Phủ Lý "
     "họp dân phố bàn việc vệ sinh. Đại diện phường Lam Hạ dự."},
    {"id": "b", "title": "Tin Hải Phòng", "text": "Phường Máy Tơ, quận Ngô Quyền ra quân dọn vệ sinh "
     "môi trường khu dân cư."},
    {"id": "c", "title": "Sơ kết của tỉnh", "text": "Tỉnh Hà Nam sơ kết công tác.\n\nCác phường "
     "Quang Trung, Lam Hạ và Lê Hồng Phong, thành phố Phủ Lý được biểu dương."},
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("places")
    (root / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ARTICLES),
                                  encoding="utf-8")
    build_index(root / "a.jsonl", root / "index")
    with Archive(root / "index") as opened:
        yield opened


def _facet(result, name):
    return {v.value: v.count for v in result.facets[name]}


def test_places_count_the_wards_articles_are_about(archive):
    subjects = archive.search("")
    assert _facet(subjects, "ward") == {"phường Quang Trung, Thành phố Phủ Lý, Hà Nam": 1,
                                        "phường Máy Tơ, Quận Ngô Quyền, Hải Phòng": 1}
    every = archive.search("", mentions=True)
    assert _facet(every, "ward")["phường Quang Trung, Thành phố Phủ Lý, Hà Nam"] == 2
    assert _facet(every, "ward")["phường Lam Hạ, Thành phố Phủ Lý, Hà Nam"] == 2


def test_each_level_of_the_places_counts_and_filters(archive):
    result = archive.search("", mentions=True)
    assert _facet(result, "province") == {"Hà Nam": 2, "Hải Phòng": 1}
    assert _facet(result, "district") == {"Thành phố Phủ Lý, Hà Nam": 2, "Quận Ngô Quyền, Hải Phòng": 1}
    assert _facet(result, "now_province") == {"Tỉnh Ninh Bình": 2, "Thành phố Hải Phòng": 1}
    assert archive.search("", provinces="Hà Nam", mentions=True).total == 2
    assert archive.search("", provinces="Hà Nam").total == 1  # only a is about a Hà Nam ward
    assert archive.search("", districts="Quận Ngô Quyền").total == 1
    assert archive.search("", now_provinces="Ninh Bình", mentions=True).total == 2
    assert archive.search("", wards="Lam Hạ").total == 0
    assert archive.search("", wards="Lam Hạ", mentions=True).total == 2


def test_the_ward_page_says_where_it_is_what_it_became_and_who_merged_with_it(archive):
    from wardnews.webui import create_app

    client = create_app({"WARDNEWS_INDEX": str(archive.location), "TESTING": True}).test_client()
    page = client.get("/ward/phường Quang Trung, Thành phố Phủ Lý, Hà Nam").get_data(as_text=True)
    assert "Thành phố Phủ Lý" in page and "/search?province=H%C3%A0+Nam" in page
    assert "Phường Hà Nam, Tỉnh Ninh Bình" in page  # the unit it became in July 2025
    assert "phường Lam Hạ</a>" in page  # merged with it
    assert "Kể cả các bài chỉ nhắc đến (tổng 2 bài)" in page
    only = client.get("/ward/phường Lam Hạ, Thành phố Phủ Lý, Hà Nam")
    assert only.status_code == 200  # only mentioned: the page offers the mentions


def test_the_cli_and_the_api_take_the_place_filters(archive):
    from click.testing import CliRunner

    from wardnews.cli import main

    said = CliRunner().invoke(main, ["search", "--index", str(archive.location), "--province",
                                     "Hà Nam", "--mentions", "--json"])
    assert json.loads(said.output)["total"] == 2
    from wardnews.webui import create_app

    client = create_app({"WARDNEWS_INDEX": str(archive.location), "TESTING": True}).test_client()
    data = client.get("/api/search?now_province=Ninh+B%C3%ACnh&mentions=1").get_json()
    assert data["total"] == 2 and "now_province" in data["facets"]


# --- guards against false places: each one switched off lets its case through ---------------

@pytest.mark.parametrize("guard, text, false_name", [
    ("byline", "Ảnh: P.V", "V"),  # 79 baomoi articles "about" phường V of Vị Thanh before
    ("byline", "Ông Nguyễn Văn A chia sẻ với P.V về dự án.", "V"),
    ("organisation", "Người dân thị xã Hồng Lĩnh đón Tết.", "Hồng Lĩnh"),  # a town, not xã Hồng Lĩnh
    ("organisation", "Hợp tác xã Đông Hòa ra mắt.", "Đông Hòa"),  # a cooperative
    ("social", "AN SINH XÃ HỘI AN GIANG", "Hội An"),  # "xã hội", society
])
def test_each_guard_keeps_out_the_case_that_led_to_it(guard, text, false_name):
    from wardnews.archive.extract.wards import GUARDS

    assert false_name not in [w.name for w in find_wards(text)]
    let_through = [w.name for w in find_wards(text, guards=GUARDS - {guard})]
    assert let_through, f"without the {guard} guard the case is read as a ward"


@pytest.mark.parametrize("text", [
    "Số 12 đường Trần Hưng Đạo, thành phố Nam Định.",  # a street named after a ward's namesake
    "Phố Xã Đàn, quận Đống Đa đông xe.",  # a street named with a type word
    "Nhà văn hóa thôn Đông khánh thành.",  # a village
    "Khu công nghiệp Quế Võ thu hút vốn.",  # an industrial park
    "Trung tâm Hội nghị tỉnh đón đại biểu.",  # a facility
])
def test_streets_villages_and_facilities_are_never_wards(text):
    assert find_wards(text) == ()
