"""Table tests for each boilerplate rule, and the seed portal page cleaned end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wardnews.archive.clean import (
    breadcrumb_parts,
    byline_date,
    clean_lines,
    is_author_line,
    is_image_name,
    is_menu_line,
    is_section_label,
    is_tail_marker,
    line_key,
    strip_leading,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_693abd404aff5b39.txt"
SEED_TITLE = "Đảng bộ phường Lương Khánh Thiện tổ chức đại hội đảng bộ điểm nhiệm kỳ 2020-2025"


@pytest.mark.parametrize(
    "line, menu",
    [
        ("Skip Ribbon Commands", True),
        ("Skip to main content", True),
        ("Trang chủ", True),
        ("TRANG CHỦ", True),
        ("In bài viết", True),
        ("Chia sẻ", True),
        ("Quay lại", True),
        ("Gửi email", True),
        ("Bản in", True),
        ("Xem thêm", True),
        ("In bài viết | Gửi email | Quay lại", True),
        ("Chia sẻ · Bản in", True),
        ("In trang | Gửi email | Trở về | Cỡ chữ: A- A+", True),  # a DNN tool bar
        ("Bản in Quay lại", True),  # its wide spaces collapsed by normalisation
        ("Chia sẻ: Facebook Zalo In bài viết Quay lại", True),
        ("Lượt xem: 1.287", True),
        ("In ấn tài liệu cho cử tri", False),
        ("Liên hệ với Ủy ban nhân dân phường để được hướng dẫn.", False),
        ("Lượt xem: 1.204", True),
        ("Từ khóa: đại hội, nhiệm kỳ", True),
        ("A- A A+", True),
        ("Cổng thông tin điện tử phường Minh Khai", True),
        ("Trang chủ của phường được nâng cấp trong năm 2020.", False),
        ("Cổng thông tin điện tử của phường đã đi vào hoạt động.", False),
        ("Quay lại chuyện xây dựng nhà văn hóa tổ dân phố số 3", False),
        ("Đại hội đã bầu 15 đồng chí vào Ban Chấp hành.", False),
    ],
)
def test_menu_lines_are_recognised_and_sentences_are_not(line, menu):
    assert is_menu_line(line) is menu


@pytest.mark.parametrize(
    "line, parts",
    [
        ("Trang chủ > Tin tức > Tin tức - Sự kiện", ["Tin tức", "Tin tức - Sự kiện"]),
        ("Trang chủ » Hoạt động đoàn thể", ["Hoạt động đoàn thể"]),
        ("Trang chủ / Tin tức", ["Tin tức"]),
        ("Home > Tin địa phương", ["Tin địa phương"]),
        ("Trang chủ đã có 5/7 tổ dân phố cập nhật", None),
        ("Tin tức > Sự kiện", None),
    ],
)
def test_breadcrumbs_give_their_sections_after_home(line, parts):
    assert breadcrumb_parts(line) == parts


@pytest.mark.parametrize(
    "line, image",
    [
        ("(Khong Xoa).00_01_22_20.Still745.bmp", True),
        ("(Khong Xoa).00_01_16_11.Still739.bmp ", True),
        ("IMG_2034.JPG", True),
        ("anh 1.jpg", True),
        ("DSC01234.jpeg DSC01235.jpeg", True),
        ("hinh-dai-hoi.PNG", True),
        ("Ảnh: Đại biểu dự đại hội", False),
        ("Xem ảnh tại trang của phường.", False),
        ("Phường đã gửi 12 bức ảnh .jpg về thành phố để dự thi ảnh đẹp năm nay.", False),
    ],
)
def test_image_file_names_are_recognised_and_captions_are_not(line, image):
    assert is_image_name(line) is image


@pytest.mark.parametrize(
    "line, date",
    [
        ("Thứ Hai, 04/05/2020 08:30", dt.date(2020, 5, 4)),
        ("Thứ hai, ngày 04/05/2020 - 08:30", dt.date(2020, 5, 4)),
        ("Cập nhật: 15/03/2021", dt.date(2021, 3, 15)),
        ("Ngày đăng: 01-12-2019 14:05", dt.date(2019, 12, 1)),
        ("Đăng ngày 7/8/2023", dt.date(2023, 8, 7)),
        ("08:30 04/05/2020", dt.date(2020, 5, 4)),
        ("04/05/2020 08:30 (GMT+7)", dt.date(2020, 5, 4)),
        ("Cập nhật lúc 09h15 ngày 12/03/2022", dt.date(2022, 3, 12)),
        ("Chủ nhật, 13/3/2022 | Lượt xem: 120", dt.date(2022, 3, 13)),
        ("Thứ Sáu, 20/12/2019 16:05 Lượt xem: 1.287", dt.date(2019, 12, 20)),  # no separator
        ("Minh Hằng | 22/04/2020 08:30", dt.date(2020, 4, 22)),  # author first
        ("Tác giả: Thu Trang - Thứ Hai, 3/5/2021", dt.date(2021, 5, 3)),
        ("Đảng bộ phường | 22/04/2020", None),  # not a name: a headline in a list
        ("Ngày 15 tháng 3 năm 2021", dt.date(2021, 3, 15)),
        ("2021-03-15", dt.date(2021, 3, 15)),
        ("Ngày 4/5/2020, Đảng bộ phường tổ chức đại hội.", None),
        ("04/05/2020 Đảng bộ phường tổ chức đại hội điểm", None),
        ("Trong 2 ngày 4 và 5/5/2020 Đảng bộ phường tổ chức Đại hội", None),
        ("Cập nhật: 31/02/2021", None),
    ],
)
def test_byline_lines_give_their_date_day_first(line, date):
    assert byline_date(line) == date


@pytest.mark.parametrize(
    "line, tail",
    [
        ("Tin liên quan", True),
        ("Các tin khác", True),
        ("Các tin khác:", True),
        ("TIN CÙNG CHUYÊN MỤC", True),
        ("Bài viết liên quan", True),
        ("Tin mới", True),
        ("Xem thêm:", True),
        ("Tin cùng chuyên mục", True),
        ("Tin mới nhất của phường được đăng tải.", False),
        ("Tin liên quan đến đại hội được đăng tải đầy đủ.", False),
    ],
)
def test_tail_markers_open_lists_of_other_news(line, tail):
    assert is_tail_marker(line) is tail


@pytest.mark.parametrize(
    "line, bare, author",
    [
        ("Tin, ảnh: Thu Trang", False, True),
        ("Bài và ảnh: Minh Hằng", False, True),
        ("Tác giả: Nguyễn Văn Hải", False, True),
        ("(Theo Báo Hà Nam)", False, True),
        ("Theo baohanam.com.vn", False, True),
        ("Nguồn: Cổng TTĐT tỉnh Đắk Nông", False, True),
        ("Thu Trang", True, True),  # a signature: only where a signature stands
        ("Thu Trang", False, False),
        ("Minh Hằng - Văn phòng Thành ủy", True, True),
        ("Hồng Nhung (Đài Truyền thanh phường)", True, True),
        ("PV", True, True),
        ("Quang cảnh Đại hội", True, False),  # a caption: small letters
        ("Theo kế hoạch, phường sẽ họp vào tháng 6.", False, False),
        ("Ông Nguyễn Văn Hải phát biểu.", True, False),
        ("Tin: phường sẽ tổ chức đại hội vào ngày mai; mời đại biểu dự.", False, False),
    ],
)
def test_author_and_source_lines_are_recognised(line, bare, author):
    assert is_author_line(line, bare=bare) is author


@pytest.mark.parametrize(
    "line, label",
    [
        ("Tin tức - Sự kiện", True),
        ("Hoạt động đoàn thể", True),
        ("Ảnh: Đại biểu dự đại hội.", False),
        ("Đại hội nhiệm kỳ 2020-2025", False),
        ("tin ngắn", False),
    ],
)
def test_section_labels_are_short_bare_lines(line, label):
    assert is_section_label(line) is label


@pytest.mark.parametrize(
    "text, prefix, expected",
    [
        ("Phường A đón Tết Phường A vừa tổ chức lễ.", "Phường A đón Tết", "Phường A vừa tổ chức lễ."),
        ("Phường A đón Tết. Sáng 3/2, phường tổ chức lễ.", "Phường A đón Tết", "Sáng 3/2, phường tổ chức lễ."),
        ("Phường A đón Tết 2.000 người dân đã dự.", "Phường A đón Tết", "2.000 người dân đã dự."),
        ("Phường A đón Tết vui vẻ.", "Phường A đón Tết", "Phường A đón Tết vui vẻ."),
        ("Phường A đón Tết", "Phường A đón Tết", ""),
        ("Xã B đón Tết.", "Phường A đón Tết", "Xã B đón Tết."),
    ],
)
def test_a_glued_leading_title_is_removed_only_before_a_new_sentence(text, prefix, expected):
    assert strip_leading(text, prefix) == expected


def test_line_key_ignores_case_spacing_and_end_punctuation():
    assert line_key("Đại hội  Đảng bộ.") == line_key("đại hội Đảng bộ") == "đại hội đảng bộ"


# --- whole pages ------------------------------------------------------------------------

PORTAL_LINES = [
    "Skip Ribbon Commands",
    "Skip to main content",
    "Cổng thông tin điện tử phường Minh Khai",
    "Trang chủ",
    "Giới thiệu",
    "Trang chủ > Tin tức > Hoạt động đoàn thể",
    "Phường Minh Khai ra quân làm sạch đường phố",
    "Thứ Bảy, 12/03/2022 09:15",
    "In bài viết | Gửi email | Quay lại",
    "Phường Minh Khai ra quân làm sạch đường phố Sáng ngày 13/3/2022, đoàn viên phường dọn rác.",
    "IMG_2034.JPG",
    "Ảnh: Đoàn viên thu gom rác",
    "Hoạt động sẽ được duy trì mỗi tháng một lần.",
    "Tin liên quan",
    "Phường Minh Khai tổng kết công tác năm 2021",
]


@pytest.mark.parametrize(
    "field, expected",
    [
        ("title", "Phường Minh Khai ra quân làm sạch đường phố"),
        ("category", "Hoạt động đoàn thể"),
        ("published", dt.date(2022, 3, 12)),
        (
            "paragraphs",
            (
                "Sáng ngày 13/3/2022, đoàn viên phường dọn rác.",
                "Ảnh: Đoàn viên thu gom rác",
                "Hoạt động sẽ được duy trì mỗi tháng một lần.",
            ),
        ),
    ],
)
def test_a_portal_page_keeps_only_the_article(field, expected):
    assert getattr(clean_lines(PORTAL_LINES), field) == expected


def test_known_metadata_wins_over_what_the_text_says():
    cleaned = clean_lines(
        PORTAL_LINES, title="Ra quân làm sạch đường phố", category="Tin tức", published=dt.date(2022, 3, 13)
    )
    assert (cleaned.title, cleaned.category, cleaned.published) == (
        "Ra quân làm sạch đường phố",
        "Tin tức",
        dt.date(2022, 3, 13),
    )


def test_a_page_without_boilerplate_takes_its_first_line_as_title():
    cleaned = clean_lines(["Xã Tân Lập khánh thành nhà văn hóa thôn 3", "", "Sáng 2/9, xã khánh thành."])
    assert cleaned.title == "Xã Tân Lập khánh thành nhà văn hóa thôn 3"
    assert cleaned.paragraphs == ("Sáng 2/9, xã khánh thành.",)
    assert cleaned.category is None


def test_paragraph_text_is_normalised_but_keeps_its_spelling():
    decomposed = "Thie\u0323\u0302n\u00a0hoà và \u00d0ảng ủy"
    cleaned = clean_lines(["Tiêu đề của bài viết thử nghiệm", decomposed])
    assert cleaned.paragraphs == ("Thiện hoà và Đảng ủy",)


def test_a_related_news_list_before_any_body_text_does_not_empty_the_page():
    cleaned = clean_lines(["Tin liên quan", "Phường A tổ chức hội nghị tổng kết", "Sáng 5/1, phường họp."])
    assert cleaned.paragraphs == ("Sáng 5/1, phường họp.",)


def test_dates_in_a_related_list_after_the_article_are_not_its_date():
    cleaned = clean_lines([
        "Phường A kiểm tra công tác chuẩn bị đại hội", "Chiều ngày 22/4/2020, đoàn kiểm tra làm việc.",
        "Các tin khác", "14/01/2020", "Thành phố tổng kết phong trào thi đua năm 2019",
    ])
    assert cleaned.published is None
    assert cleaned.paragraphs == ("Chiều ngày 22/4/2020, đoàn kiểm tra làm việc.",)


def test_a_headline_in_a_list_of_other_news_is_never_the_title():
    cleaned = clean_lines([
        "Sáng 5/6, phường họp.", "Tin liên quan", "Phường B tổng kết công tác năm 2021 và triển khai",
    ])
    assert cleaned.title == "Sáng 5/6, phường họp."  # the only line above the list


def test_a_latest_news_box_above_the_article_neither_cuts_it_nor_dates_it():
    cleaned = clean_lines([
        "Tin mới", "Phường B trao quà Tết cho hộ nghèo", "Phường A kiểm tra công tác chuẩn bị đại hội",
        "Thứ Tư, 22/04/2020 15:00", "Chiều 22/4, đoàn kiểm tra làm việc.", "Đoàn ghi nhận kết quả.",
    ])
    assert cleaned.published == dt.date(2020, 4, 22)
    assert cleaned.paragraphs[-1] == "Đoàn ghi nhận kết quả."


@pytest.mark.parametrize(
    "signature",
    [["Thu Trang"], ["Minh Hằng - Văn phòng Thành ủy"], ["Văn Hùng", "(Theo Báo Hà Nam)"]],
)
def test_the_signature_closing_an_article_is_not_text(signature):
    lines = ["Phường A tổ chức đại hội thành công", "Sáng 5/6, phường họp.", "Đại hội bầu 15 đồng chí."]
    cleaned = clean_lines(lines + signature)
    assert cleaned.paragraphs == ("Sáng 5/6, phường họp.", "Đại hội bầu 15 đồng chí.")


def test_a_byline_with_a_view_counter_gives_the_date_and_leaves_the_text():
    cleaned = clean_lines([
        "Phường A tổ chức kỳ họp HĐND cuối năm", "Thứ Sáu, 20/12/2019 16:05 Lượt xem: 1.287",
        "Ngày 19/12/2019, HĐND phường khai mạc kỳ họp.",
    ])
    assert cleaned.published == dt.date(2019, 12, 20)
    assert cleaned.paragraphs == ("Ngày 19/12/2019, HĐND phường khai mạc kỳ họp.",)


# --- the seed page ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: the seed page is not here")
    return clean_lines(SEED.read_text(encoding="utf-8").split("\n"))


def test_seed_title_is_the_repeated_headline(seed):
    assert seed.title.rstrip(".") == SEED_TITLE


def test_seed_section_label_is_the_category_not_the_title(seed):
    assert seed.category == "Tin tức - Sự kiện"


def test_seed_text_has_no_image_names_or_menu_lines(seed):
    text = "\n".join(seed.paragraphs)
    assert ".bmp" not in text and "Skip" not in text
    assert SEED_TITLE not in seed.paragraphs[0]


def test_seed_body_starts_with_the_first_sentence(seed):
    assert seed.paragraphs[0].startswith("Trong 2 ngày 4 và 5/5/2020")
    assert seed.paragraphs[-1].startswith("Sau 2 ngày làm việc")
    assert len(seed.paragraphs) == 8
