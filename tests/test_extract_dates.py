"""Dates: one date string, a byline, the main event date of a body, and the kind chosen."""

import datetime as dt
from pathlib import Path

import pytest

from wardnews.archive.extract.dates import annotate_date, find_byline_date, find_event_date, parse_date
from wardnews.archive.normalise import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_693abd404aff5b39.txt"
D = dt.date
NEXT_YEAR = dt.date.today().year + 1


@pytest.mark.parametrize(
    "text, date",
    [
        ("2019-10-30T06:00:00.000Z", D(2019, 10, 30)),
        ("2019-10-30T18:00:00.000Z", D(2019, 10, 31)),  # 01:00 on the 31st in Vietnam
        ("2026-01-31T16:59:59+00:00", D(2026, 1, 31)),
        ("2026-01-31T17:00:00+00:00", D(2026, 2, 1)),
        ("2025-08-07T22:00:00+07:00", D(2025, 8, 7)),
        ("2025-08-07T23:30:00+09:00", D(2025, 8, 7)),
        ("2025-08-07", D(2025, 8, 7)),
        ("2025-08-07 09:15:00", D(2025, 8, 7)),
        ("04/05/2020", D(2020, 5, 4)),
        ("4/5/2020 08:30", D(2020, 5, 4)),
        ("Thứ Hai, 04/05/2020 08:30", D(2020, 5, 4)),
        ("Chủ nhật, 3/5/2020 - 20:15", D(2020, 5, 3)),
        ("04-05-2020", D(2020, 5, 4)),
        ("04.05.2020", D(2020, 5, 4)),
        ("13/12/2019", D(2019, 12, 13)),
        ("ngày 15 tháng 3 năm 2021", D(2021, 3, 15)),
        ("Ngày 5 tháng 11 năm 2019", D(2019, 11, 5)),
        ("15 tháng 03, 2021", D(2021, 3, 15)),
        ("ngay 15 thang 3 nam 2021", D(2021, 3, 15)),
        ("Mon, 04 May 2020 08:30:00 +0700", D(2020, 5, 4)),
        ("Sun, 03 May 2020 20:30:00 GMT", D(2020, 5, 4)),
        ("2020/05/04", D(2020, 5, 4)),
        ("  Cập nhật: 08:30 04/05/2020 ", D(2020, 5, 4)),
    ],
)
def test_date_strings_are_read_day_first_in_vietnam_time(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2020",
        "29/02/2019",
        "04/13/2020",  # month-first would be 13 April; day-first it is no date
        "04/05/1900",
        "04/05/1944",
        f"04/05/{NEXT_YEAR + 1}",
        "tháng 5/2020",
        "2020",
        "",
        "không có ngày",
        "ngày 32 tháng 1 năm 2020",
    ],
)
def test_impossible_or_implausible_dates_give_none(text):
    assert parse_date(text) is None


def test_leap_day_is_a_date():
    assert parse_date("29/02/2020") == D(2020, 2, 29)


@pytest.mark.parametrize(
    "text, date",
    [
        ("Tin tức - Sự kiện\nThứ Hai, 04/05/2020 08:30\nSáng 3/5, phường họp.", D(2020, 5, 4)),
        ("Ngày đăng: 12/03/2021\nUBND xã Tân Lập tổ chức hội nghị.", D(2021, 3, 12)),
        ("Ngày đăng tin: 12/03/2021 09:10", D(2021, 3, 12)),
        ("Cập nhật lúc 16:45 ngày 07/09/2022\nNội dung bài.", D(2022, 9, 7)),
        ("Đăng lúc: 07:30 - 18/06/2023", D(2023, 6, 18)),
        ("(Ngày 12/3/2021) Sáng nay, Hội LHPN phường ra quân.", D(2021, 3, 12)),
        ("Đại hội chi bộ\n20/10/2019 14:05\nChiều 19/10, chi bộ khu phố 2 họp.", D(2019, 10, 20)),
        ("Thứ 6, ngày 08/11/2024\nPhường tổng vệ sinh.", D(2024, 11, 8)),
        ("Bài viết dài.\n" + "Nội dung. " * 80 + "\nNgày cập nhật: 02/01/2024", D(2024, 1, 2)),
        ("Tin tức | 15/08/2022 10:30 | Lượt xem: 120\nNội dung", D(2022, 8, 15)),
    ],
)
def test_byline_dates_are_found(text, date):
    assert find_byline_date(clean_text(text)) == date


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 3/5/2020, phường tổ chức lễ ra quân.",
        "Ngày 15/3/2021, UBND xã họp bàn kế hoạch.",
        "Đến ngày 31/12/2025, xã phấn đấu đạt chuẩn nông thôn mới.",
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 4/5/2020 của UBND thành phố.",
        "Phường có 7/11 tuyến phố văn minh.",
        "",
    ],
)
def test_body_dates_are_not_bylines(text):
    assert find_byline_date(clean_text(text)) is None


@pytest.mark.parametrize(
    "text, published, date",
    [
        ("Trong 2 ngày 4 và 5/5/2020 Đảng bộ phường tổ chức Đại hội.", None, D(2020, 5, 4)),
        ("Ngày 15/3/2021, UBND phường Quang Trung tổ chức hội nghị.", None, D(2021, 3, 15)),
        ("Sáng 12/5/2020, Hội Cựu chiến binh xã ra quân dọn vệ sinh.", None, D(2020, 5, 12)),
        ("Chiều ngày 3-6-2019, Chi bộ thôn 4 họp định kỳ.", None, D(2019, 6, 3)),
        ("Ngày 15 tháng 3 năm 2021, xã Hòa Bình khai mạc hội xuân.", None, D(2021, 3, 15)),
        ("Ngày 20.2.2017, Đảng ủy thị trấn tổ chức lễ kỷ niệm.", None, D(2017, 2, 20)),
        ("Các đội thi đấu từ ngày 1 đến 3/6/2020 tại nhà văn hóa phường.", None, D(2020, 6, 1)),
        ("Đại hội diễn ra trong ngày 4, 5/5/2020 tại hội trường xã.", None, D(2020, 5, 4)),
        ("Hội trại diễn ra từ ngày 4-6/9/2022 tại sân vận động.", None, D(2022, 9, 4)),
        ("Lễ hội diễn ra từ 28/4 đến 2/5/2023 tại quảng trường.", None, D(2023, 4, 28)),
        ("Giải chạy diễn ra từ 30/12 - 2/1/2024 quanh hồ.", None, D(2023, 12, 30)),
        ("Sáng 12/5, Đoàn phường phát động tháng thanh niên.", D(2020, 5, 13), D(2020, 5, 12)),
        ("Ngày 20.2 tới, phường sẽ tổ chức lễ kỷ niệm.", D(2017, 2, 10), D(2017, 2, 20)),
        ("Tối 30/12, xã tổ chức đêm văn nghệ.", D(2020, 1, 2), D(2019, 12, 30)),
        ("Sáng nay (6-2), HĐND phường họp.", D(2017, 2, 6), D(2017, 2, 6)),
        ("Chiều nay, 19-5, Tổ đại biểu tiếp xúc cử tri.", D(2021, 5, 19), D(2021, 5, 19)),
        ("Sáng 6/2, xã ra quân trồng cây. Lễ trồng cây ngày 6/2/2017 có 300 người dự.",
         None, D(2017, 2, 6)),
        ("Thực hiện Quyết định số 123/QĐ-UBND ngày 1/2/2019 của UBND huyện, sáng 5/3/2019 xã "
         "tổ chức ra quân.", None, D(2019, 3, 5)),
        ("Căn cứ Nghị quyết số 05-NQ/ĐU ngày 10/1/2020, Đảng ủy phường. Ngày 20/2/2020, "
         "phường tổ chức hội nghị triển khai.", None, D(2020, 2, 20)),
        ("Ông Nguyễn Văn Tâm, sinh ngày 12/7/1965, được bầu làm Bí thư. Đại hội diễn ra "
         "ngày 18/6/2020.", None, D(2020, 6, 18)),
        ("Hạn nộp hồ sơ đến ngày 31/12/2025. Sáng 2/12/2025, phường họp triển khai.",
         None, D(2025, 12, 2)),
        ("Kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2017), sáng 25/7/2017 "
         "xã tổ chức lễ dâng hương.", None, D(2017, 7, 25)),
        ("ngay 15/3/2021, ubnd phuong to chuc hoi nghi tong ket", None, D(2021, 3, 15)),
    ],
)
def test_the_main_event_date_is_chosen(text, published, date):
    assert find_event_date(clean_text(text), published) == date


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 12/5, Đoàn phường phát động tháng thanh niên.",  # no year anywhere
        "Sáng 19/5, tổ đại biểu họp. Ông từng trúng cử ngày 22/5/2016.",  # other year's date
        "Phường có 7/11 tuyến phố văn minh, 84/87 đại biểu có mặt.",
        "Phấn đấu đến năm 2025 thu nhập bình quân đạt 133 triệu đồng.",
        "Theo Quyết định số 123/QĐ-UBND ngày 1/2/2019 của UBND tỉnh về quy hoạch.",
        "Ông sinh ngày 20-5-1970 tại xã Đông Hưng.",
        "Hạn chót nộp hồ sơ trước ngày 30/9/2016.",
        "Lễ hội diễn ra vào ngày 13/1 âm lịch.",
        "Trong tháng 4-5/2020 phường đã làm 2 km đường.",
        "Giá 31/02/2020 không phải ngày.",
        "",
    ],
)
def test_no_event_date_rather_than_a_wild_guess(text):
    assert find_event_date(clean_text(text)) is None


@pytest.mark.parametrize(
    "text, date",
    [
        # a heading ending in "... sinh" does not make the next paragraph's date a birthday
        ("Phường Trần Phú ra mắt câu lạc bộ dưỡng sinh\n\nNgày 20/8/2024, UBND phường tổ chức "
         "lễ ra mắt.", D(2024, 8, 20)),
        ("Hội người cao tuổi tập dưỡng sinh. Ngày 20/8/2024, phường tổ chức lễ ra mắt.",
         D(2024, 8, 20)),
        ("Hồ sơ nộp trước. Ngày 10/8/2024, UBND phường tổ chức họp.", D(2024, 8, 10)),
        ("Kiểm tra hết hạn\nSáng 5/6/2023, đoàn kiểm tra làm việc tại xã.", D(2023, 6, 5)),
        # "dưỡng sinh", "vệ sinh" within the sentence are no birth either
        ("Câu lạc bộ dưỡng sinh ngày 20/8/2024 tổ chức lễ ra mắt.", D(2024, 8, 20)),
        ("Ra quân tổng vệ sinh ngày 3/3/2024 tại các tổ dân phố.", D(2024, 3, 3)),
        # within its own sentence the exclusion still holds
        ("Ông Nguyễn Văn An sinh ngày 20/8/1960. Ông được bầu làm Chủ tịch.", None),
        ("Người dân nộp hồ sơ trước ngày 20/8/2024 tại bộ phận một cửa.", None),
        # a cited document in the same sentence stays cited
        ("Theo Quyết định số 5/QĐ-UBND ngày 1/2/2019, sáng 4/3/2019 xã tổ chức họp.",
         D(2019, 3, 4)),
    ],
)
def test_exclusions_read_only_the_dates_own_sentence(text, date):
    assert find_event_date(text) == date


@pytest.mark.parametrize(
    "published, text, expected",
    [
        (D(2021, 3, 1), "Sáng 4/5/2020, phường tổ chức lễ.", (D(2021, 3, 1), "published")),
        (None, "Ngày đăng: 02/03/2021\nSáng 1/3/2021, xã họp.", (D(2021, 3, 2), "published")),
        (None, "Sáng 1/3/2021, xã họp bàn.", (D(2021, 3, 1), "event")),
        (None, "Bài không có ngày tháng nào.", (None, None)),
    ],
)
def test_annotate_prefers_publication_then_byline_then_event(published, text, expected):
    assert annotate_date(published, clean_text(text)) == expected


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed page) is absent")
def test_seed_page_has_event_date_of_the_congress():
    text = clean_text(SEED.read_text(encoding="utf-8"))
    assert find_byline_date(text) is None
    assert annotate_date(None, text) == (D(2020, 5, 4), "event")
