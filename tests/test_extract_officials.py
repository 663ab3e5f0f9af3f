"""Officials: names with their roles as written, from cue words and titles."""

from pathlib import Path

import pytest

from wardnews.archive.article import Official
from wardnews.archive.extract.officials import find_officials

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_693abd404aff5b39.txt"


def _as_pairs(officials):
    return [(o.name, list(o.roles)) for o in officials]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Đến dự có đ/c Trịnh Văn Lộc - UVBTV tỉnh ủy - Bí thư Thành ủy - Chủ tịch HĐND "
            "thành phố.",
            [("Trịnh Văn Lộc", ["UVBTV tỉnh ủy", "Bí thư Thành ủy", "Chủ tịch HĐND thành phố"])],
        ),
        (
            "Chủ trì hội nghị là đ/c Hà Minh Đức – UVBTV tỉnh ủy – trưởng Ban Tổ chức tỉnh ủy; "
            "cùng nhiều khách mời.",
            [("Hà Minh Đức", ["UVBTV tỉnh ủy", "trưởng Ban Tổ chức tỉnh ủy"])],
        ),
        (
            "Theo đồng chí Vũ Thị Hạnh, Phó Bí thư Thường trực Đảng ủy phường, năm nay thu "
            "ngân sách vượt kế hoạch.",
            [("Vũ Thị Hạnh", ["Phó Bí thư Thường trực Đảng ủy phường"])],
        ),
        (
            "Ông Cao Xuân Trường, Chủ tịch UBND xã Quỳnh Lâm cho biết con đường sẽ xong trong "
            "tháng Chín.",
            [("Cao Xuân Trường", ["Chủ tịch UBND xã Quỳnh Lâm"])],
        ),
        (
            "Bà Đoàn Thị Thu - Phó Chủ tịch HĐND phường nhấn mạnh việc tiếp dân.",
            [("Đoàn Thị Thu", ["Phó Chủ tịch HĐND phường"])],
        ),
        (
            "Chủ tịch UBND phường Ngô Văn Tùng cho biết đã giải tỏa xong.",
            [("Ngô Văn Tùng", ["Chủ tịch UBND phường"])],
        ),
        (
            "Phát biểu tại buổi lễ, Bí thư Đảng ủy phường, đồng chí Lưu Thị Hằng cảm ơn bà con.",
            [("Lưu Thị Hằng", ["Bí thư Đảng ủy phường"])],
        ),
        (
            "Phó Chủ tịch UBND tỉnh Đỗ Văn Chiến cho biết tỉnh sẽ hỗ trợ thêm.",
            [("Đỗ Văn Chiến", ["Phó Chủ tịch UBND tỉnh"])],
        ),
        (
            "Đồng chí Trương Quang Nghĩa, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy dự và "
            "chỉ đạo.",
            [("Trương Quang Nghĩa", ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"])],
        ),
        (
            "Tham dự có các đồng chí: Phạm Quốc Khánh, Bí thư Đảng ủy phường; Đinh Thị Lan, "
            "Chủ tịch UBND phường; Lý Văn Sáu, Trưởng Công an phường.",
            [
                ("Phạm Quốc Khánh", ["Bí thư Đảng ủy phường"]),
                ("Đinh Thị Lan", ["Chủ tịch UBND phường"]),
                ("Lý Văn Sáu", ["Trưởng Công an phường"]),
            ],
        ),
        (
            "Đ/c Hoàng Anh Tú - Chủ tịch MTTQ xã trao quà cho các hộ nghèo.",
            [("Hoàng Anh Tú", ["Chủ tịch MTTQ xã"])],
        ),
        (
            "\u00d0ồng chí Mai Văn Tâm, Chỉ huy trưởng Ban Chỉ huy quân sự huyện, kiểm tra "
            "diễn tập.",
            [("Mai Văn Tâm", ["Chỉ huy trưởng Ban Chỉ huy quân sự huyện"])],
        ),
        (
            "Thượng tá Kiều Văn Hậu, Trưởng Công an huyện cho biết đã bắt giữ đối tượng.",
            [("Kiều Văn Hậu", ["Thượng tá", "Trưởng Công an huyện"])],
        ),
        (
            "Theo ông TS. Tạ Quang Bửu, Giám đốc Sở Y tế, dịch đã được khống chế.",
            [("Tạ Quang Bửu", ["Giám đốc Sở Y tế"])],
        ),
        (
            "đ/c ĐẶNG ĐÌNH THOẢNG - UVBTV tỉnh ủy phát biểu.",
            [("Đặng Đình Thoảng", ["UVBTV tỉnh ủy"])],
        ),
        (
            "Kỳ họp bầu ông Hoàng Văn Lực, Phó Bí thư Đảng ủy xã giữ chức Chủ tịch HĐND xã "
            "nhiệm kỳ 2021-2026; bà Lương Thị Hường giữ chức Phó Chủ tịch HĐND xã.",
            [("Hoàng Văn Lực", ["Phó Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"]),
             ("Lương Thị Hường", ["Phó Chủ tịch HĐND xã"])],
        ),
        (
            "Ban Chấp hành đã bầu đ/c Nguyễn Văn Thắng tái đắc cử Bí thư Đảng ủy xã.",
            [("Nguyễn Văn Thắng", ["Bí thư Đảng ủy xã"])],
        ),
        (
            "Đồng chí Lê Văn Cường được bầu làm Phó Bí thư Đảng ủy thị trấn.",
            [("Lê Văn Cường", ["Phó Bí thư Đảng ủy thị trấn"])],
        ),
        (
            "Đồng chí Nguyễn Hữu Phước được chỉ định giữ chức Bí thư Đảng ủy, Chủ tịch HĐND xã.",
            [("Nguyễn Hữu Phước", ["Bí thư Đảng ủy", "Chủ tịch HĐND xã"])],
        ),
        (
            "Ông Phạm Quốc Toản, Chủ tịch UBND phường tiếp tục được bầu giữ chức vụ này.",
            [("Phạm Quốc Toản", ["Chủ tịch UBND phường"])],
        ),
        (
            "Đồng chí Phạm Thị Hồng Vân, Bí thư Đảng ủy phường tiếp tục được bầu giữ chức Bí thư "
            "nhiệm kỳ 2015-2020.",  # the short repeat is the same post
            [("Phạm Thị Hồng Vân", ["Bí thư Đảng ủy phường"])],
        ),
        (
            "Chủ trì có đ/c Trần Thị Thu Hằng - Thành ủy viên - Bí thư Đảng ủy phường.",
            [("Trần Thị Thu Hằng", ["Thành ủy viên", "Bí thư Đảng ủy phường"])],
        ),
        (
            "Bà Đinh Thị Hương giữ chức Chủ tịch HĐND phường, ông Ngô Xuân Trường giữ chức "
            "Chủ tịch UBND phường.",  # the first title is not the second person's
            [("Đinh Thị Hương", ["Chủ tịch HĐND phường"]), ("Ngô Xuân Trường", ["Chủ tịch UBND phường"])],
        ),
        (
            "Đoàn kiểm tra do đồng chí Đinh Văn Phúc, Phó Chủ tịch UBND thành phố làm trưởng "
            "đoàn đã đến.",  # a task in lower case is not a post
            [("Đinh Văn Phúc", ["Phó Chủ tịch UBND thành phố"])],
        ),
        (
            "Đồng chí Trần Thanh Mẫn, Ủy viên T.Ư Đảng, được cử giữ chức Chủ tịch Ủy ban T.Ư "
            "MTTQ Việt Nam.",
            [("Trần Thanh Mẫn", ["Ủy viên T.Ư Đảng", "Chủ tịch Ủy ban T.Ư MTTQ Việt Nam"])],
        ),
        (
            "Ông Nguyễn Văn Hùng, Bí thư Tỉnh ủy Quảng Trị vui mừng chúc mừng em.",
            [("Nguyễn Văn Hùng", ["Bí thư Tỉnh ủy Quảng Trị"])],
        ),
        (
            "Thay mặt các tổ trưởng, ông Phan Văn Định, Tổ trưởng tổ dân phố số 3 hứa sẽ cố gắng.",
            [("Phan Văn Định", ["Tổ trưởng tổ dân phố số 3"])],
        ),
        (
            "Chủ tịch UBND tỉnh Quảng Ngãi Trần Hoàng Sơn ký quyết định khen thưởng.",
            [("Trần Hoàng Sơn", ["Chủ tịch UBND tỉnh Quảng Ngãi"])],
        ),
        (
            "Bí thư Huyện ủy Kim Bảng - Lê Đức Mạnh cho biết huyện đã hoàn thành đại hội.",
            [("Lê Đức Mạnh", ["Bí thư Huyện ủy Kim Bảng"])],
        ),
        (
            "Bà Ksor H'Nhung và ông Y Bhin Niê tới dự.",  # names outside the cue rules
            [],
        ),
        (
            "Bà Tô Thị Nga – Tổ trưởng tổ dân phố số 4 – vận động bà con dọn vệ sinh.",
            [("Tô Thị Nga", ["Tổ trưởng tổ dân phố số 4"])],
        ),
        (
            "Ông Dương Văn Khải - Trưởng phòng Văn hóa - Thông tin huyện cho biết.",
            [("Dương Văn Khải", ["Trưởng phòng Văn hóa"])],
        ),
        (
            "Ông Phùng Quang Hải, nguyên Chủ tịch UBND xã, nay là Bí thư chi bộ thôn.",
            [("Phùng Quang Hải", ["nguyên Chủ tịch UBND xã"])],
        ),
    ],
)
def test_officials_found_with_roles_as_written(text, expected):
    assert _as_pairs(find_officials(text)) == expected


@pytest.mark.parametrize(
    "text, role",
    [
        # a unit word (and its name) closes the organ: the clause's verb is not part of it
        ("Bà Lê Thị Hoa, Chủ tịch Ủy ban MTTQ phường ôn lại chặng đường 90 năm.",
         "Chủ tịch Ủy ban MTTQ phường"),
        ("Ông Vũ Văn Lâm, Chủ tịch UBND xã Thanh Hà lưu ý các hộ dân.",
         "Chủ tịch UBND xã Thanh Hà"),
        ("Ông Đào Văn Bình, Tổ trưởng tổ dân phố số 7 mong bà con giữ vệ sinh.",
         "Tổ trưởng tổ dân phố số 7"),
        ("Ông Mai Văn Sơn, Trưởng Công an xã hướng dẫn người dân khai báo.", "Trưởng Công an xã"),
        ("Ông Hà Văn Tùng, Bí thư Chi bộ thôn Đông Sơn vận động các hộ hiến đất.",
         "Bí thư Chi bộ thôn Đông Sơn"),
        ("Ông Lý Văn Tư, Phó Chủ tịch UBND phường 8 trả lời kiến nghị.", "Phó Chủ tịch UBND phường 8"),
        # a place name after a party committee closes it too, unit word or not
        ("Ông Bùi Văn Nam, Bí thư Tỉnh ủy Hòa Bình lắng nghe ý kiến cử tri.", "Bí thư Tỉnh ủy Hòa Bình"),
        ("Bà Vi Thị Hằng, Giám đốc Công an tỉnh Bắc Ninh nhằm làm rõ vụ việc.",
         "Giám đốc Công an tỉnh Bắc Ninh"),
        # organ names keep their lower-case syllables and lower-case department names
        ("Ông Cao Văn Dũng, Chủ tịch Hội Cựu chiến binh phường trao quà.",
         "Chủ tịch Hội Cựu chiến binh phường"),
        ("Ông Tạ Văn Hải, Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Nam trao quà.",
         "Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Nam"),
        ("Bà Ngô Thị Lan, Trưởng ban công tác Mặt trận khu dân cư số 2 báo cáo.",
         "Trưởng ban công tác Mặt trận khu dân cư số 2"),
        ("Ông Đỗ Văn Hùng, Chủ nhiệm Ủy ban kiểm tra Đảng ủy xã nêu rõ.",
         "Chủ nhiệm Ủy ban kiểm tra Đảng ủy xã"),
        ("Ông Phí Văn Cường, Trưởng ban điều hành tổ dân phố số 1 đọc báo cáo.",
         "Trưởng ban điều hành tổ dân phố số 1"),
        ("Ông Lê Văn Định, Chủ tịch UBND Thành phố Hà Nội phấn đấu hoàn thành.",
         "Chủ tịch UBND Thành phố Hà Nội"),
        # a lower-case word outside the organ vocabulary ends it
        ("Ông Hồ Văn Tâm, Bí thư Đảng ủy tổ chức hội nghị sơ kết.", "Bí thư Đảng ủy"),
        # a word that opens the next sentence, where a full stop was lost, ends it
        ("Ông Trịnh Văn An, Trưởng Ban Tuyên giáo Thành ủy Đà Nẵng Theo đó, kế hoạch được duyệt.",
         "Trưởng Ban Tuyên giáo Thành ủy Đà Nẵng"),
        ("Ông Trịnh Văn An, Bí thư Thành ủy Hải Phòng Sáng 10 đã kiểm tra.", "Bí thư Thành ủy Hải Phòng"),
        # so does a second title written without a separator
        ("Ông Võ Văn Kiên, Chủ tịch nước Thứ trưởng Bộ Xây dựng đi cùng.", "Chủ tịch nước"),
        # but a title's own suffix stays with it
        ("Bà Lê Thị Thu, Phó Chủ tịch Thường trực HĐND tỉnh đề nghị.", "Phó Chủ tịch Thường trực HĐND tỉnh"),
        ("Ông Lò Văn Hải, Trưởng đoàn Đại biểu Quốc hội tỉnh phát biểu.",
         "Trưởng đoàn Đại biểu Quốc hội tỉnh"),
        # words that only look like openers, heads or kinds, inside names
        ("Ông Mai Văn Toàn, Bí thư Đảng ủy xã Tân Mỹ Chánh cho biết.", "Bí thư Đảng ủy xã Tân Mỹ Chánh"),
        ("Ông Lê Văn Kiên, Ủy viên Bộ Chính trị dự.", "Ủy viên Bộ Chính trị"),
        ("Bà Hà Thị Điệp, Trưởng Ban Tiếp công dân Trung ương trả lời.",
         "Trưởng Ban Tiếp công dân Trung ương"),
        ("Ông Phan Văn Lâm, Chủ tịch Hiệp hội bất động sản TP.HCM nêu ý kiến.",
         "Chủ tịch Hiệp hội bất động sản TP.HCM"),
        ("Ông Đỗ Văn Hòa, Phó trưởng Phòng Bảo vệ chính trị nội bộ trả lời.",
         "Phó trưởng Phòng Bảo vệ chính trị nội bộ"),
        ("Ông Ngô Văn Tú, Cục trưởng Cục phòng chống tham nhũng trả lời.",
         "Cục trưởng Cục phòng chống tham nhũng"),
        ("Ông Vi Văn Lợi, Tổng biên tập báo điện tử Giáo dục Việt Nam trả lời.",
         "Tổng biên tập báo điện tử Giáo dục Việt Nam"),
        # a new organ after a place name is the next phrase, not the same role
        ("Ông Đinh Văn An, nguyên Chủ tịch UBND tỉnh Khánh Hòa Ban cán sự đảng có khuyết điểm.",
         "nguyên Chủ tịch UBND tỉnh Khánh Hòa"),
    ],
)
def test_role_ends_where_its_organ_and_place_end(text, role):
    assert [list(o.roles) for o in find_officials(text)] == [[role]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông Lê Văn Tám (57 tuổi, Phó bí thư, Chủ tịch UBND xã Kim Bình) cho biết thêm.",
         [("Lê Văn Tám", ["Phó bí thư", "Chủ tịch UBND xã Kim Bình"])]),
        ("Bà Hoàng Thị Mơ (sinh năm 1975, Chủ tịch Hội Nông dân xã) trình bày.",
         [("Hoàng Thị Mơ", ["Chủ tịch Hội Nông dân xã"])]),
        ("Ông Lò Văn Pấu (65 tuổi, trú tại bản Mòng) cho biết thêm.", []),
    ],
)
def test_roles_inside_a_bracket_after_the_name(text, expected):
    assert _as_pairs(find_officials(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đồng chí Nguyễn Văn Ba phát biểu tại hội nghị.", []),
        ("Các đồng chí Nguyễn Văn Ba, Trần Văn Bốn được bầu vào Ban Chấp hành.", []),
        # a role given later in the article is kept for the name
        ("Đồng chí Nguyễn Văn Ba phát biểu. Cuối buổi, đồng chí Nguyễn Văn Ba, Bí thư Đảng ủy "
         "xã tặng quà.", [("Nguyễn Văn Ba", ["Bí thư Đảng ủy xã"])]),
        ("Đ/c Đinh Văn Sáu chủ trì. Kết luận, ông Đinh Văn Sáu - Chủ tịch UBND phường - nêu rõ.",
         [("Đinh Văn Sáu", ["Chủ tịch UBND phường"])]),
    ],
)
def test_comrades_without_any_role_in_the_article_are_left_out(text, expected):
    assert _as_pairs(find_officials(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Do Phó Chủ tịch UBND huyện Đại Từ Trương Mạnh Kiểm ký.",  # "Từ" ends a place name
         [("Trương Mạnh Kiểm", ["Phó Chủ tịch UBND huyện Đại Từ"])]),
        ("Cuối năm, Bí thư thành ủy Đinh La Thăng làm việc với chủ đầu tư.",
         [("Đinh La Thăng", ["Bí thư thành ủy"])]),
        # a title that does not reach the name is not the name's
        ("Tin nhắn gửi Chủ tịch tỉnh Bắc Ninh và Đại tá Phạm Hồng Sơn - Giám đốc Công an tỉnh.",
         [("Phạm Hồng Sơn", ["Đại tá", "Giám đốc Công an tỉnh"])]),
    ],
)
def test_title_before_a_name_is_a_whole_role(text, expected):
    assert _as_pairs(find_officials(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Bí thư Đảng ủy phường chủ trì hội nghị.",
        "100% các đ/c Bí thư chi bộ là tổ trưởng tổ dân phố.",
        "Dự có các đồng chí trong Thường trực Thành ủy và các ban của Đảng.",
        "Bà con nhân dân phấn khởi đón Tết.",
        "Ông bà ta có câu: lá lành đùm lá rách.",
        "Truyền thống ông cha để lại được giữ gìn.",
        "Đại hội bầu 15 đ/c vào Ban Chấp hành Đảng bộ phường.",
        "Chủ tịch UBND phường Lương Khánh Thiện cho biết kế hoạch đã xong.",
        "Bí thư Tỉnh ủy Hà Nam dự lễ khánh thành.",
        "Chủ tịch UBND quận Hà Đông kiểm tra công trình.",
        "Ông Tài và bà Đầm sống ở xóm Chùa.",  # given names alone are not full names
        "Đường Ông Ích Khiêm được lát đá mới.",
        "Tỉnh Bà Rịa - Vũng Tàu có 8 huyện, thị xã, thành phố.",
        "Công ty Cường Hưng kinh doanh bến bãi; không ông bà nào phản đối.",
        "nguyễn văn an phát biểu tại hội nghị.",
        # schools and streets named after people
        "Cô giáo, hiệu trưởng Trường Tiểu học Lý Tự Trọng cho biết.",
        "Học sinh Trường THCS Nguyễn Văn Trỗi đạt giải nhất.",
        # residents named with ông/bà and no post are not officials
        "Ông Lương Văn Tám (SN 1960), trú tại tổ 5, là người phát hiện vụ việc.",
        "Bà Nguyễn Thị Bảy, 75 tuổi, trú tại tổ 3, phấn khởi nhận sổ đỏ.",
        "Gia đình ông Lò Văn Pấu ở thôn 5 được nhận giống đợt này.",
        "Ông Nguyễn Văn An được Chủ tịch UBND tỉnh tặng bằng khen.",
        "",
    ],
)
def test_no_false_officials(text):
    assert find_officials(text) == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ông Hồ Văn Năm, Bí thư Đảng ủy xã phát biểu. Sau đó ông Hồ Văn Năm - Bí thư "
            "Đảng ủy xã - Chủ tịch HĐND xã trao quà.",
            [("Hồ Văn Năm", ["Bí thư Đảng ủy xã", "Chủ tịch HĐND xã"])],
        ),
        (
            "Bà Trần Thị Hòa, Phó Chủ tịch UBND xã cho biết; ông Lê Văn Minh, Chủ tịch UBND "
            "xã đồng ý. Bà Trần Thị Hoà nói thêm.",
            [
                ("Trần Thị Hòa", ["Phó Chủ tịch UBND xã"]),
                ("Lê Văn Minh", ["Chủ tịch UBND xã"]),
            ],
        ),
    ],
)
def test_one_official_per_person_in_order_of_first_mention(text, expected):
    assert _as_pairs(find_officials(text)) == expected


def test_decomposed_text_gives_the_same_officials():
    import unicodedata

    text = "Đ/c Bùi Thị Ngọc - Phó Bí thư Đảng ủy phường phát biểu."
    assert find_officials(unicodedata.normalize("NFD", text)) == find_officials(text)


def test_result_is_a_tuple_of_official_records():
    found = find_officials("Ông Lê Văn Minh, Chủ tịch UBND xã, phát biểu.")
    assert found == (Official("Lê Văn Minh", ("Chủ tịch UBND xã",)),)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
def test_seed_page_names_exactly_its_two_officials():
    found = find_officials(SEED.read_text(encoding="utf-8"))
    assert _as_pairs(found) == [
        ("Đặng Đình Thoảng", ["UVBTV tỉnh ủy", "trưởng Ban Tổ chức tỉnh ủy"]),
        ("Bùi Văn Hùng", ["UVBTV tỉnh ủy", "Bí thư Thành ủy", "Chủ tịch HĐND thành phố"]),
    ]
