"""Party and council terms: every spelling the genre uses, and the year ranges that are not terms."""

from pathlib import Path

import pytest

from wardnews.archive.extract.terms import find_terms
from wardnews.archive.normalise import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_693abd404aff5b39.txt"


@pytest.mark.parametrize(
    "text, terms",
    [
        ("Đại hội Đảng bộ phường Minh Khai nhiệm kỳ 2020-2025 thành công tốt đẹp.", ("2020-2025",)),
        ("Hội nghị tổng kết nhiệm kỳ 2020 – 2025 của Chi bộ khu phố 3.", ("2020-2025",)),
        ("Bầu Ban Chấp hành khóa mới, nhiệm kỳ 2020 — 2025.", ("2020-2025",)),
        ("Ban Chấp hành nhiệm kỳ 2020- 2025 gồm 15 đồng chí.", ("2020-2025",)),
        ("Ban Chấp hành nhiệm kỳ 2020 -2025 gồm 15 đồng chí.", ("2020-2025",)),
        ("Đại hội Hội Nông dân xã nhiệm kỳ 2023 đến 2028.", ("2023-2028",)),
        ("Hội Cựu chiến binh phường nhiệm kỳ từ năm 2022 đến năm 2027.", ("2022-2027",)),
        ("Chi bộ thôn Đông NK 2020-2025 họp thường kỳ.", ("2020-2025",)),
        ("Đại hội Chi bộ trường THCS nhiệm kì 2022-2025.", ("2022-2025",)),
        ("ĐẠI HỘI ĐẢNG BỘ XÃ TÂN PHONG NHIỆM KỲ 2025-2030", ("2025-2030",)),
        ("Nghị quyết Đại hội nhiệm kỳ 2020-25 đã đề ra 12 chỉ tiêu.", ("2020-2025",)),
        ("Kỳ họp thứ nhất HĐND phường khóa XII, nhiệm kỳ 2021-2026.", ("2021-2026",)),
        ("HĐND thị trấn Phong Điền nhiệm kỳ 2021 - 2026 khai mạc kỳ họp thứ 5.", ("2021-2026",)),
        ("dai hoi dang bo xa nhiem ky 2020-2025 da bau 13 dong chi", ("2020-2025",)),
        ("Đại hội nhiêm ky 2020-2025 (gõ thiếu dấu)", ("2020-2025",)),
        ("Đại biểu HĐND tỉnh khóa 2016 - 2021 tiếp xúc cử tri.", ("2016-2021",)),
        ("Đại hội nhiệm kỳ: 2020-2025", ("2020-2025",)),
        ("Ban Thường vụ nhiệm kỳ (2015-2020) đã lãnh đạo toàn diện.", ("2015-2020",)),
        ("các nhiệm kỳ 2010-2015, 2015-2020 và 2020-2025", ("2010-2015", "2015-2020", "2020-2025")),
        ("Ủy viên Ban Thường vụ nhiệm kỳ 2005 - 2010 và 2010 - 2015", ("2005-2010", "2010-2015")),
        ("giữ chức Chủ tịch hai nhiệm kỳ 2005-2011", ("2005-2011",)),
        ("trong nhiệm kỳ là năm năm (2016-2021), ông phụ trách", ("2016-2021",)),
        ("Trong nhiệm kỳ Đại hội X (2005-2010), cấp ủy các cấp", ("2005-2010",)),
        ("Đại hội Đảng bộ quận Hồng Bàng lần thứ XXV (nhiệm kỳ 2020-2025)", ("2020-2025",)),
        ("Đại hội đại biểu Đảng bộ xã Hòa Tiến lần thứ XXI, 2020-2025, khai mạc sáng nay", ("2020-2025",)),
        ("Đại hội Đảng bộ thị trấn Cầu Gồ (2020 - 2025) bầu 15 đồng chí", ("2020-2025",)),
        ("HĐND huyện khóa XX, 2021-2026, đã họp bất thường", ("2021-2026",)),
        ("Nghị quyết Đại hội nhiệm kỳ 2015-2020 đề ra; nhiệm kỳ 2020 - 2025 phấn đấu",
         ("2015-2020", "2020-2025")),
        ("nhiệm kỳ 2020-2025 ... nhiệm kỳ 2020 – 2025 ... nhiệm kỳ 2020-25", ("2020-2025",)),
        ("Đại hội bầu BCH nhiệm kỳ 2025 – 2030; nhiệm kỳ trước (2020 – 2025) hoàn thành 18/20 chỉ tiêu",
         ("2025-2030", "2020-2025")),
    ],
)
def test_terms_are_found_in_every_spelling(text, terms):
    assert find_terms(clean_text(text)) == terms


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch phát triển kinh tế - xã hội giai đoạn 2021-2025 của phường.",
        "Khai giảng năm học 2020-2021 tại trường Tiểu học Lê Lợi.",
        "Niên khóa 2016-2020 của lớp K60 đã tốt nghiệp.",
        "Doanh thu tài khóa 2016-2019 tăng đều.",
        "Liên hệ số điện thoại 0226.2020-2025 để được hỗ trợ.",
        "Theo Quyết định số 2020-2025/QĐ-UBND của UBND tỉnh.",
        "Đại hội thông qua kế hoạch 2020-2025 về xây dựng nông thôn mới.",
        "Đại hội đề ra chiến lược phát triển 2021-2030, tầm nhìn 2045.",
        "Ông sinh năm 1960, công tác tại xã từ năm 1985-1990.",
        "Từ năm 2015-2020, xã đã xây dựng 12 km đường bê tông.",
        "Chương trình mục tiêu quốc gia giai đoạn 2016 - 2020 đã về đích.",
        "Kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2017).",
        "Nhiệm kỳ 2020-2021 của câu lạc bộ thơ chỉ kéo dài một năm.",
        "Đại hội Đảng bộ khóa 22 và lần thứ 23 không phải năm.",
        "nhiệm kỳ 2025-2020 viết ngược không phải nhiệm kỳ",
        "Dự án hoàn thành trong 2 năm 2019-2021, vốn 40 tỷ đồng.",
        "Chỉ tiêu khóa học 2008-2011 dành cho 40 học viên.",
    ],
)
def test_year_ranges_that_are_not_terms_are_left_out(text):
    assert find_terms(clean_text(text)) == ()


def test_text_without_diacritics_and_decomposed_marks_give_the_same_terms():
    decomposed = "Đa\u0323i ho\u0323i nhie\u0323\u0302m ky\u0300 2020-2025"
    assert find_terms(clean_text(decomposed)) == find_terms("dai hoi nhiem ky 2020-2025")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed page) is absent")
def test_seed_page_gives_exactly_the_two_party_terms():
    text = clean_text(SEED.read_text(encoding="utf-8"))
    assert set(find_terms(text)) == {"2020-2025", "2015-2020"}
    assert find_terms(text)[0] == "2020-2025"
