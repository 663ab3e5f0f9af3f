"""People as entities (issue 10 §2): the name patterns the genre writes, roles in one
canonical form, two people of one name told apart by place, and an official's career."""

from __future__ import annotations

import json

import pytest

from wardnews import Archive, build_index
from wardnews.archive.article import Ward
from wardnews.archive.extract.identity import NATIONAL, official_place
from wardnews.archive.extract.officials import find_officials
from wardnews.archive.extract.role_forms import canonical_role


def named(text):
    return {o.name: o.roles for o in find_officials(text)}


# --- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # two-syllable names right after a title
    ("Tổng Bí thư Tô Lâm đến thăm và làm việc với phường.", {"Tô Lâm": ("Tổng Bí thư",)}),
    ("Sáng nay, Tổng Bí thư Lê Duẩn phát biểu tại hội nghị.", {"Lê Duẩn": ("Tổng Bí thư",)}),
    # national titles as cues, with no "ông"/"đồng chí"
    ("Chủ tịch nước Võ Văn Thưởng trao huân chương cho phường.",
     {"Võ Văn Thưởng": ("Chủ tịch nước",)}),
    ("Bộ trưởng Bộ Công an Tô Lâm chỉ đạo lực lượng công an xã.",
     {"Tô Lâm": ("Bộ trưởng Bộ Công an",)}),
    ("Thủ tướng Phạm Minh Chính dự lễ khởi công.", {"Phạm Minh Chính": ("Thủ tướng",)}),
    # "Name - Title" and "Name, Title" opening a clause, with no cue word
    ("Đinh Văn Sáu - Chủ tịch UBND xã Tân Lập phát biểu khai mạc.",
     {"Đinh Văn Sáu": ("Chủ tịch UBND xã Tân Lập",)}),
    ("Thành phần gồm: Trần Thị Bình, Phó Chủ tịch HĐND phường; Lê Văn Cường, Trưởng Công an phường.",
     {"Trần Thị Bình": ("Phó Chủ tịch HĐND phường",), "Lê Văn Cường": ("Trưởng Công an phường",)}),
    # ethnic-minority names of the Central Highlands
    ("Phó Bí thư Thường trực Tỉnh ủy Y Bhin Niê dự lễ mừng lúa mới.",
     {"Y Bhin Niê": ("Phó Bí thư Thường trực Tỉnh ủy",)}),
    ("Đồng chí Ksor Phước Hà, Phó Chủ tịch HĐND tỉnh, tặng quà.",
     {"Ksor Phước Hà": ("Phó Chủ tịch HĐND tỉnh",)}),
    # a common word after a complete name ends it (the page lost a full stop)
    ("Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung Đúng 8 giờ, buổi công bố bắt đầu.",
     {"Nguyễn Đức Chung": ("Chủ tịch UBND TP Hà Nội",)}),
    ("Giám đốc Sở Tài chính Phạm Sỹ Quý Theo kết luận thanh tra, sai phạm đã rõ.",
     {"Phạm Sỹ Quý": ("Giám đốc Sở Tài chính",)}),
    # ... but not after a middle name: "Nguyễn Văn Đúng" is a name
    ("Ông Nguyễn Văn Đúng, Chủ tịch UBND xã, phát biểu.",
     {"Nguyễn Văn Đúng": ("Chủ tịch UBND xã",)}),
])
def test_name_patterns(text, expected):
    assert named(text) == expected


@pytest.mark.parametrize("text", [
    "Dự hội nghị có Chủ tịch UBND tỉnh Hà Nam cùng các đại biểu.",  # a place after a title
    "Hà Nam - Chủ tịch UBND tỉnh chỉ đạo khắc phục hậu quả bão.",  # a dateline, not a person
    "Thanh Hóa - Bí thư Tỉnh ủy thăm các gia đình chính sách.",
    "Ủy ban Thường vụ Quốc hội cho ông Võ Kim cự thôi nhiệm vụ.",  # a cue's name needs a post
])
def test_no_false_names_from_the_new_patterns(text):
    assert named(text) == {}


# --- roles in one form ---------------------------------------------------------------------

@pytest.mark.parametrize("forms", [
    ("Chủ tịch UBND xã Kim Bình", "Chủ tịch Ủy ban nhân dân xã Kim Bình",
     "chủ tịch Uỷ ban nhân dân xã Kim Bình", "Chủ tịch UBND Xã Kim Bình"),
    ("UVBTV Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy", "ủy viên ban thường vụ tỉnh uỷ"),
    ("Phó Chủ tịch HĐND TP Phủ Lý", "Phó chủ tịch Hội đồng nhân dân thành phố Phủ Lý"),
    ("Giám đốc Sở NN&PTNT", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn"),
    ("Chủ tịch UBMTTQ phường", "Chủ tịch Ủy ban MTTQ phường", "Chủ tịch Ủy ban Mặt trận Tổ quốc phường"),
    ("Bí thư T.Ư Đảng", "Bí thư Trung ương Đảng"),
])
def test_spellings_of_one_role_have_one_canonical_form(forms):
    assert len({canonical_role(f) for f in forms}) == 1, [canonical_role(f) for f in forms]


def test_the_canonical_form_is_written_out_and_the_written_form_is_kept():
    [official] = __import__("wardnews.archive.annotate", fromlist=["annotate"]).annotate(
        __import__("wardnews.archive.article", fromlist=["Document"]).Document(
            source="a.txt", key=None, title="Tin phường",
            paragraphs=("Ông Lê Văn An, Chủ tịch UBND phường Minh Khai, phát biểu.",),
            encoding="utf-8")).officials
    assert official.roles == ("Chủ tịch UBND phường Minh Khai",)
    assert official.to_json()["roles_canonical"] == [canonical_role("Chủ tịch Ủy ban nhân dân phường Minh Khai")]


# --- who is who ----------------------------------------------------------------------------

HA_NOI_WARD = Ward("phường", "Minh Khai", "Quận Hai Bà Trưng", "Hà Nội", None)


@pytest.mark.parametrize("roles, wards, folder, place", [
    (("Chủ tịch UBND huyện Mê Linh",), (), None, "Hà Nội"),  # a district of one province
    (("Trưởng Công an huyện Đồng Văn",), (), None, "Hà Giang"),
    (("Bí thư Tỉnh ủy Nghệ An", "Ủy viên Trung ương Đảng"), (), None, "Nghệ An"),  # named first
    (("Tổng Bí thư",), (), None, NATIONAL),
    (("Bộ trưởng Bộ Công an",), (HA_NOI_WARD,), None, NATIONAL),  # national, wherever reported
    (("Chủ tịch UBND phường",), (HA_NOI_WARD,), None, "Hà Nội"),  # the article's ward
    (("Chủ tịch UBND xã",), (), "Hà Nam", "Hà Nam"),  # the folder's province
    (("Giám đốc Công ty",), (HA_NOI_WARD,), None, None),  # no post of a place: the name alone
    (("Bí thư Thành ủy Thành phố Hồ Chí Minh",), (), None, "Hồ Chí Minh"),  # every unit word tried
    (("Chủ tịch UBND TP.Hà Nội",), (), None, "Hà Nội"),  # "TP." glued to the name
    (("Chủ tịch UBND quận 2",), (), None, "Hồ Chí Minh"),  # a numbered district
    # a post names its place before a constituency does
    (("Ủy viên Bộ Chính trị", "Bí thư Thành ủy TP.HCM", "đại biểu Quốc hội tỉnh Trà Vinh"), (), None,
     "Hồ Chí Minh"),
    (("Cục trưởng Cục Chống tham nhũng",), (), None, NATIONAL),  # a central department
    (("Cục trưởng Cục Thuế tỉnh Nghệ An",), (), None, "Nghệ An"),  # ... a province's
    (("cán bộ Đảng bộ phường",), (), None, None),  # "cán bộ" is no ministry
])
def test_the_place_that_tells_an_official_apart(roles, wards, folder, place):
    assert official_place(roles, wards, folder) == place


FILLER = "Cán bộ và nhân dân khu dân cư cùng tham gia, nghe phổ biến kế hoạch của địa phương."
RECORDS = [
    # one name, two people: a police officer in Hà Giang, a district chairman in Hà Nội
    ("cong-an-2019", "2019-03-02", "Công an huyện Đồng Văn ra quân",
     "Thượng tá Nguyễn Văn Hải, Trưởng Công an huyện Đồng Văn, chỉ đạo ra quân."),
    ("mê-linh-2018", "2018-06-10", "Huyện Mê Linh họp",
     "Ông Nguyễn Văn Hải, Phó Chủ tịch UBND huyện Mê Linh, chủ trì cuộc họp."),
    ("mê-linh-2020", "2020-05-04", "Huyện Mê Linh đại hội",
     "Ông Nguyễn Văn Hải, Chủ tịch UBND huyện Mê Linh, phát biểu tại đại hội."),
    ("mê-linh-2021", "2021-01-15", "Huyện Mê Linh tổng kết",
     "Chủ tịch Ủy ban nhân dân huyện Mê Linh Nguyễn Văn Hải tổng kết năm."),
    # a third Nguyễn Văn Hải whom nothing places: with two placed, the name alone
    ("hai-company", "2019-09-09", "Doanh nghiệp góp quỹ",
     "Ông Nguyễn Văn Hải, Giám đốc Công ty Xây dựng Thành Công, trao tiền ủng hộ."),
    # one Lê Thị Mai placed once (Hà Nội) and named once where nothing places her: one person
    ("mai-placed", "2020-03-01", "Phường Minh Khai ra quân",
     "Bà Lê Thị Mai, Chủ tịch UBND phường Minh Khai, quận Hai Bà Trưng, phát động ra quân."),
    ("mai-unplaced", "2020-04-01", "Hội nghị doanh nghiệp",
     "Bà Lê Thị Mai, Giám đốc Công ty May Sông Hồng, phát biểu tại hội nghị."),
    # one man named once with his national and provincial posts, once with the national only
    ("khanh-both", "2021-02-01", "Tỉnh ủy Bến Tre họp",
     "Ông Hoàng Quốc Khánh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Bến Tre, chủ trì hội nghị."),
    ("khanh-national", "2021-03-01", "Hội nghị Trung ương",
     "Ủy viên Trung ương Đảng Hoàng Quốc Khánh phát biểu tham luận tại hội nghị."),
]


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    root = tmp_path_factory.mktemp("people")
    (root / "corpus").mkdir()
    (root / "corpus" / "news.jsonl").write_text("\n".join(
        json.dumps({"id": key, "date": date, "title": title, "text": f"{text}\n\n{FILLER}"},
                   ensure_ascii=False) for key, date, title, text in RECORDS) + "\n", encoding="utf-8")
    build_index(root / "corpus", root / "index")
    with Archive(root / "index") as archive:
        yield archive


def test_two_people_of_one_name_are_two_facet_values_labelled_by_role(people):
    values = {v.value: (v.count, v.label) for v in people.search("", facet_limit=50).facets["official"]}
    assert values["Nguyễn Văn Hải (Hà Nội)"][0] == 3
    assert values["Nguyễn Văn Hải (Hà Giang)"][0] == 1
    assert "Công an huyện Đồng Văn" in values["Nguyễn Văn Hải (Hà Giang)"][1]
    assert "huyện Mê Linh" in values["Nguyễn Văn Hải (Hà Nội)"][1]


def test_the_entity_selects_one_person_and_the_name_everyone_of_it(people):
    assert people.search(officials=("Nguyễn Văn Hải (Hà Nội)",)).total == 3
    assert people.search(officials=("Nguyễn Văn Hải (Hà Giang)",)).total == 1
    assert people.search(officials=("Nguyễn Văn Hải",)).total == 5
    assert people.search('official:"Nguyễn Văn Hải (Hà Giang)"').total == 1


def test_a_name_nothing_places_joins_the_one_person_of_that_name_or_stands_alone(people):
    values = {v.value: v.count for v in people.search("", facet_limit=50).facets["official"]}
    assert values["Lê Thị Mai (Hà Nội)"] == 2 and "Lê Thị Mai" not in values
    assert values["Nguyễn Văn Hải"] == 1  # two people of the name are placed: not guessed
    assert people.search('official:"Lê Thị Mai (Hà Nội)"').total == 2
    career = people.career("Lê Thị Mai (Hà Nội)")
    assert career.articles == 2 and len(career.roles) == 2
    chair = next(s for s in career.roles if "Minh Khai" in s.role)
    assert chair.where == ["phường Minh Khai, Quận Hai Bà Trưng, Hà Nội"]


def test_a_national_post_and_a_province_s_in_one_article_link_the_two(people):
    values = {v.value: v.count for v in people.search("", facet_limit=50).facets["official"]}
    assert values["Hoàng Quốc Khánh (Bến Tre)"] == 2 and "Hoàng Quốc Khánh (Trung ương)" not in values
    career = people.career("Hoàng Quốc Khánh (Bến Tre)")
    assert {s.role: s.articles for s in career.roles}[canonical_role("Ủy viên Trung ương Đảng")] == 2


def test_a_career_gives_each_role_with_its_first_and_last_article(people):
    career = people.career("Nguyễn Văn Hải (Hà Nội)")
    spans = {s.role: (s.first, s.last, s.articles) for s in career.roles}
    chairman = canonical_role("Chủ tịch UBND huyện Mê Linh")
    deputy = canonical_role("Phó Chủ tịch UBND huyện Mê Linh")
    assert spans == {deputy: ("2018-06-10", "2018-06-10", 1), chairman: ("2020-05-04", "2021-01-15", 2)}
    assert [s.role for s in career.roles] == [deputy, chairman]  # in the order they were held
    assert career.to_json()["roles"][0]["places"] == []  # no ward named: a district's post
    assert sorted(career.namesakes) == [("Nguyễn Văn Hải", 1), ("Nguyễn Văn Hải (Hà Giang)", 1)]


def test_the_official_page_shows_the_career_and_links_the_namesake(people):
    from wardnews.webui import create_app

    client = create_app({"WARDNEWS_INDEX": str(people.location), "TESTING": True}).test_client()
    html = client.get("/official/Nguyễn Văn Hải (Hà Nội)?lang=en").get_data(as_text=True)
    assert "Career as the articles record it" in html
    assert "15 January 2021" in html and "10 June 2018" in html
    assert 'href="/official/Nguy%E1%BB%85n%20V%C4%83n%20H%E1%BA%A3i%20(H%C3%A0%20Giang)"' in html
    career = client.get("/api/official/Nguyễn Văn Hải (Hà Nội)").get_json()
    assert career["articles"] == 3 and {"official": "Nguyễn Văn Hải (Hà Giang)", "articles": 1} in (
        career["namesakes"])
    assert client.get("/api/official/Nobody Known").status_code == 404
