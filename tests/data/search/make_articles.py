"""Write corpus/articles.jsonl: short original articles, each built to exercise one search rule.

Run `python tests/data/search/make_articles.py` after editing the table.  The texts are
written for the project (no publisher's sentences); names, places and dates are facts reused.
Keys say what an article is for; tests look articles up by key (the url ends in it).
"""

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

ARTICLES = [
    # --- Lương Khánh Thiện in several spellings and encodings -------------------------
    dict(id="lkt-2020", date="2020-06-18", category="Xây dựng Đảng",
         title="Đại hội Đảng bộ phường Lương Khánh Thiện nhiệm kỳ 2020-2025",
         text="Sáng 18/6/2020, Đảng bộ phường Lương Khánh Thiện, quận Ngô Quyền, thành phố "
              "Hải Phòng khai mạc đại hội nhiệm kỳ 2020-2025. Đồng chí Nguyễn Văn An, Bí thư "
              "Đảng ủy phường, trình bày báo cáo chính trị. Học sinh trường tiểu học trên địa "
              "bàn tặng hoa chúc mừng đại hội."),
    dict(id="lkt-nfd", date="2015-12-20", category="Chính quyền",
         nfd=True,
         title="Phường Lương Khánh Thiện tổng kết năm 2015",
         text="Chiều 20/12/2015, phường Lương Khánh Thiện, thành phố Phủ Lý, tỉnh Hà Nam tổng "
              "kết công tác năm. Khuyến học được đẩy mạnh, mười gia đình được khen thưởng."),
    dict(id="lkt-typo", date="2021-03-12", category="Chính quyền",
         title="Ra quân làm sạch đường phố",
         text="Ngày 12/3/2021, phường Lương Khánh Thiên ra quân dọn vệ sinh các tuyến phố "
              "chính; người dân góp ý kiến để cải thiện lịch thu gom."),
    dict(id="scattered", date="2021-04-02", category="Đời sống",
         title="Kiểm tra an toàn thực phẩm cuối tuần",
         text="Đoàn kiểm tra ghé chợ phường từ sáng sớm. Khánh thành gian hàng mới được giới "
              "thiệu trước đó một tuần. Tiểu thương cho biết tiền lương thuê người bán hàng "
              "tăng. Nhiều hộ đã cải thiện quầy kệ theo hướng dẫn."),
    # --- Đảng / đang: the same article but for one syllable ---------------------------
    dict(id="mirror-dang-party", date="2019-05-04", category="Xây dựng Đảng",
         title="Khu phố Đông Hòa họp bàn công việc",
         text="Tối thứ bảy, chi bộ báo cáo những việc Đảng giao cho khu phố."),
    dict(id="mirror-dang-now", date="2019-05-04", category="Đời sống",
         title="Khu phố Đông Hòa họp bàn công việc",
         text="Tối thứ bảy, chi bộ báo cáo những việc đang làm cho khu phố."),
    dict(id="dang-busy", date="2018-09-10", category="Đời sống",
         title="Công trình đang thi công",
         text="Cây cầu đang được làm, con đường đang mở rộng, trường học đang sửa mái và "
              "nhà văn hóa đang sơn lại."),
    # --- tone placement: hoà / hòa, uỷ / ủy ------------------------------------------
    dict(id="hoa-new-style", date="2022-08-15", category="Chính quyền",
         title="Tổ hoà giải tổ dân phố số 3 hoạt động hiệu quả",
         text="Tổ hoà giải đã giúp hai gia đình thuận hoà sau tranh chấp lối đi. "
              "Thành uỷ ghi nhận cách làm của khu dân cư."),
    dict(id="hoa-folded-only", date="2022-09-01", category="Văn hóa",
         title="Ngày hội văn hóa khu dân cư",
         text="Nhà văn hóa trang trí hoa tươi, các cháu thiếu nhi múa hát. Chủ nhiệm câu lạc "
              "bộ phát biểu tại buổi lễ."),
    # --- học sinh: adjacent, scattered ------------------------------------------------
    dict(id="hoc-sinh-adjacent", date="2023-09-05", category="Giáo dục",
         title="Khai giảng năm học mới",
         text="Hơn năm trăm học sinh dự lễ khai giảng ở trường trung học cơ sở phường."),
    dict(id="hoc-sinh-scattered", date="2023-09-06", category="Giáo dục",
         title="Lớp học kỹ năng cho người cao tuổi",
         text="Hội người cao tuổi mở lớp học về sử dụng điện thoại. Buổi sinh hoạt cuối "
              "tháng, các cụ ôn lại bài."),
    dict(id="hoi-dong-scattered", date="2023-10-10", category="Đời sống",
         title="Hội thi cấy lúa trên cánh đồng",
         text="Hội nông dân tổ chức hội thi trên cánh đồng mẫu; đồng bào các thôn về dự hội "
              "thi rất đông, cánh đồng rộn ràng."),
    dict(id="hoi-dong-comma", date="2023-10-11", category="Đời sống",
         title="Lễ hội làng năm nay",
         text="Bà con đi dự lễ hội, đồng thời góp tiền sửa đình."),
    # --- title above body --------------------------------------------------------------
    dict(id="title-match", date="2023-11-02", category="Môi trường",
         title="Phân loại rác thải tại nguồn",
         text="Từ tháng mười một, các hộ gia đình chia túi đựng theo màu để xe gom tiện "
              "chở đi."),
    dict(id="body-match", date="2023-11-03", category="Môi trường",
         title="Tuyến phố mới trồng thêm cây xanh",
         text="Sau khi trồng cây, đoàn viên thu dọn rác thải và tưới nước cho các gốc cây."),
    # --- abbreviations: one article with only full forms, one with only short forms ----
    dict(id="full-forms", date="2024-01-10", category="Chính quyền",
         title="Hội nghị giao ban đầu năm ở phường Minh Khai",
         text="Ủy ban nhân dân phường Minh Khai, thành phố Phủ Lý phối hợp Hội đồng nhân dân "
              "và Mặt trận Tổ quốc phường tổ chức hội nghị. Ban Chấp hành và Ban Thường vụ "
              "Đảng ủy dự. Đồng chí Trần Thị Hà, Ủy viên Ban Thường vụ, phát biểu; bí thư "
              "các chi bộ tổ dân phố báo cáo."),
    dict(id="short-forms", date="2024-02-20", category="Chính quyền",
         title="Tiếp xúc cử tri tại P. Quang Trung",
         text="UBND P. Quang Trung, TP. Phủ Lý cùng HĐND và MTTQ tổ chức tiếp xúc cử tri. "
              "Đại diện BCH, BTV Đảng ủy dự. Đ/c Lê Minh Tuấn, UVBTV, trả lời câu hỏi; "
              "trưởng các TDP ghi nhận ý kiến. Tp. Phủ Lý sẽ trả lời bằng văn bản."),
    # --- short words that a stop list or minimum length would lose --------------------
    dict(id="short-words", date="2017-07-07", category="Đời sống",
         title="Ở An Hà, người dân góp ý xây nhà văn hóa",
         text="Người dân ở thôn An Hà góp ý cho bản vẽ nhà văn hóa mới."),
    # --- markup that must show as text --------------------------------------------------
    dict(id="markup", date=None, category="Công nghệ",
         title="Cổng thông tin phường bị chèn mã lạ",
         text="Kỹ thuật viên phát hiện đoạn <script>alert(1)</script> trong trang tin và "
              "đã gỡ bỏ, dữ liệu người dùng không bị ảnh hưởng."),
    # --- undated, and older years for facets and date ranges --------------------------
    dict(id="undated", date=None, category="Đời sống",
         title="Sân chơi cho thiếu nhi được sửa sang",
         text="Các cháu thiếu nhi có sân chơi mới với xích đu và cầu trượt."),
    dict(id="lkt-2010", date="2010-10-01", category="Xây dựng Đảng",
         title="Phường Lương Khánh Thiện đón nhận cờ thi đua",
         text="Phường Lương Khánh Thiện, thành phố Phủ Lý được tỉnh tặng cờ thi đua. "
              "Đồng chí Nguyễn Văn An phát biểu cảm ơn."),
    dict(id="minh-khai-2020", date="2020-07-20", category="Xây dựng Đảng",
         title="Đại hội Đảng bộ phường Minh Khai nhiệm kỳ 2020 - 2025",
         text="Ngày 20/7/2020, Đảng bộ phường Minh Khai, thành phố Phủ Lý tổ chức đại hội "
              "nhiệm kỳ 2020 - 2025. Đồng chí Trần Thị Hà được bầu làm Bí thư Đảng ủy phường."),
]


def record(article: dict) -> dict:
    """One JSONL record; NFD articles are written decomposed, as macOS input gives them."""
    article = dict(article, url=f"https://example.vn/{article['id']}")
    if article.pop("nfd", False):
        article["title"] = unicodedata.normalize("NFD", article["title"])
        article["text"] = unicodedata.normalize("NFD", article["text"])
    return article


if __name__ == "__main__":
    with open(HERE / "corpus" / "articles.jsonl", "w", encoding="utf-8") as out:
        for article in ARTICLES:
            out.write(json.dumps(record(article), ensure_ascii=False) + "\n")
