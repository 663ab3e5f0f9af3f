"""Write the golden input files from the original texts below, in their formats and encodings.

Run by hand (`python tests/golden/make_inputs.py`) only when an input must change; the
expectations beside them then need `python tests/golden/regenerate.py NAME` and a review.
Every sentence here was written for these tests; places and terms are real, people invented.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

SKIP = "Skip Ribbon Commands\nSkip to main content\n\n"


def portal(title: str, section: str, byline: str | None, paragraphs: list[str], tail: str) -> str:
    """A portal page as text: skip links, title, section label, title again, byline, body."""
    head = f"{SKIP}{title}\n\n{section}\u00a0\n{title}\n" + (f"{byline}\n" if byline else "")
    return head + "\n\n".join(paragraphs) + f"\n\n{tail}\n"


PORTAL_TXT = portal(
    "Phường Quang Trung tổng kết công tác dân vận năm 2022",
    "Tin tức - Sự kiện",
    "Thứ Sáu, 30/12/2022 10:20",
    [
        "Sáng 29/12/2022, Đảng ủy phường Quang Trung, thành phố Thái Bình tổ chức hội nghị "
        "tổng kết công tác dân vận năm 2022, triển khai nhiệm vụ năm 2023.",
        "Dự hội nghị có đ/c Nguyễn Thị Hạnh - Bí thư Đảng ủy phường; đ/c Trần Quốc Việt - "
        "Trưởng Ban Dân vận Thành ủy.",
        "IMG_5521.JPG\u00a0",
        "Năm qua, phường vận động nhân dân hiến 320 m2 đất để mở rộng ba tuyến ngõ và hoàn "
        "thành các chỉ tiêu của nhiệm kỳ 2020-2025 đề ra cho năm 2022.",
        "Hội nghị đã khen thưởng 6 tập thể và 11 cá nhân có thành tích xuất sắc.",
    ],
    "In bài viết | Gửi email | Quay lại",
)

SAVED_HTML = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Phường Đông Thọ ra mắt mô hình camera an ninh - Cổng thông tin thành phố Thanh Hóa</title>
<meta property="og:title" content="Phường Đông Thọ ra mắt mô hình camera an ninh">
</head><body>
<a class="skip-link" href="#main">Bỏ qua để đến nội dung chính</a>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/an-ninh">An ninh - Trật tự</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/tin-tuc">Tin tức</a> &raquo; <span>An ninh - Trật tự</span></div>
<div class="news-detail">
<h1 class="post-title">Phường Đông Thọ ra mắt mô hình camera an ninh</h1>
<div class="tool-news"><a href="#">In trang</a> | <a href="#">Gửi email</a> | <a href="#">Trở về</a> | Cỡ chữ: <a>A-</a> <a>A+</a></div>
<div class="post-content">
<div class="post-meta">Thứ Ba, 14/03/2023 15:40 Lượt xem: 842</div>
<p>Chiều 13/3/2023, Công an phường Đông Thọ, thành phố Thanh Hóa phối hợp với Ủy ban MTTQ phường ra mắt mô hình &quot;Camera an ninh&quot; tại tổ dân phố Đông Sơn.</p>
<p>Phát biểu tại buổi lễ, ông Lê Văn Toàn, Chủ tịch UBND phường đề nghị các hộ dân cùng giữ gìn hệ thống 24 camera do nhân dân đóng góp kinh phí lắp đặt.</p>
<figure><img src="/uploads/camera-dong-tho.jpg" alt="Lắp đặt camera tại tổ dân phố"><figcaption>Lắp đặt camera tại tổ dân phố</figcaption></figure>
<p>Theo kế hoạch, đến hết năm 2023 toàn phường sẽ có thêm 40 camera ở các ngõ, ngách và nơi công cộng.</p>
<p style="text-align:right"><b>Hoài Thu</b></p>
</div></div>
<div class="other-news"><div class="header">Các tin khác</div>
<div class="item"><a href="/1">Phường Đông Thọ tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc</a><span class="time">08/08/2022</span></div>
</div>
<footer><p>Bản quyền thuộc UBND thành phố Thanh Hóa</p></footer>
</body></html>
"""

RECORDS_JSON = [
    {
        "id": "90000001",
        "url": "https://golden.wardnews.example/a/90000001",
        "title": "Xã Hoằng Quang trao sổ đỏ cho 85 hộ dân",
        "sapo": "Xã Hoằng Quang vừa trao giấy chứng nhận quyền sử dụng đất cho 85 hộ dân.",
        "text": "Ngày 6/4/2021, UBND xã Hoằng Quang, thành phố Thanh Hóa tổ chức trao giấy "
        "chứng nhận quyền sử dụng đất cho 85 hộ dân thôn 4 và thôn 7. Bà Đỗ Thị Mai, Phó Chủ "
        "tịch UBND xã cho biết, đây là những hộ đã chờ nhiều năm do vướng hồ sơ đo đạc.",
        "date": None,
        "category": None,
    },
    {
        "id": "90000002",
        "url": "https://golden.wardnews.example/a/90000002",
        "title": "Xã Hoằng Quang chuẩn bị đại hội nhiệm kỳ 2020 - 2025",
        "text": "Ông Phạm Văn Lợi, Bí thư Đảng ủy xã Hoằng Quang cho biết văn kiện đại hội đã "
        "được lấy ý kiến đảng viên.\nĐại hội Đảng bộ xã nhiệm kỳ 2020 - 2025 dự kiến diễn ra "
        "trong tháng 6/2020.",
        "date": "2020-05-20T02:30:00Z",
        "category": "Xây dựng Đảng",
    },
]

RECORDS_JSONL = [
    {
        "slug": "thi-tran-kien-duc-don-bang-van-minh-do-thi",
        "title": "Thị trấn Kiến Đức đón Bằng công nhận đạt chuẩn văn minh đô thị",
        "category": "tin-tuc-su-kien.tin-kinh-te",
        "date": "2022-11-18T03:00:00Z",
        "description": "Thị trấn Kiến Đức đạt chuẩn văn minh đô thị năm 2022.",
        "text": "Ngày 17/11/2022, thị trấn Kiến Đức, huyện Đắk R'lấp tổ chức lễ đón nhận Bằng "
        "công nhận đạt chuẩn văn minh đô thị.\nBà Y Khoa, Chủ tịch UBND thị trấn cho biết, "
        "nhân dân đã góp hơn 2 tỷ đồng để làm đường và lắp đèn chiếu sáng.",
    },
    {
        "slug": "hdnd-thi-tran-kien-duc-ky-hop-thu-nhat",
        "title": "HĐND thị trấn Kiến Đức khóa XIII họp kỳ thứ nhất",
        "text": "Sáng ngày 28 tháng 6 năm 2021, HĐND thị trấn Kiến Đức nhiệm kỳ 2021-2026 khai "
        "mạc kỳ họp thứ nhất.\nĐồng chí Trần Đình Nam, Bí thư Đảng ủy thị trấn được bầu giữ "
        "chức Chủ tịch HĐND thị trấn.",
        "date": None,
    },
]

WARC_ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Phường Lê Lợi tập huấn phòng cháy chữa cháy cho hộ kinh doanh</title></head><body>
<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin địa phương</a></li></ol>
<h1>Phường Lê Lợi tập huấn phòng cháy chữa cháy cho hộ kinh doanh</h1>
<div class="social"><a href="#">Chia sẻ</a> <a href="#">Facebook</a></div>
<div class="detail-content">
<p>Ngày 21/9/2023, UBND phường Lê Lợi, thành phố Vinh phối hợp với Công an thành phố tập huấn kỹ năng phòng cháy, chữa cháy cho hơn 120 hộ kinh doanh trên địa bàn.</p>
<p>Ông Hồ Sỹ Bình, Phó Chủ tịch UBND phường đề nghị các hộ trang bị bình chữa cháy và không để hàng hóa lấn chiếm lối thoát nạn.</p>
</div>
<div class="tags">Từ khóa: phòng cháy, Lê Lợi</div>
</body></html>
"""

# The encodings: one portal page each, in the bytes that encoding gives.
ENCODED = {
    "utf8-bom.txt": ("utf-8-sig", portal(
        "Phường Nam Ngạn ra quân tổng vệ sinh môi trường",
        "Tin tức - Sự kiện",
        "Chủ Nhật, 05/03/2023 08:10",
        [
            "Sáng 4/3/2023, phường Nam Ngạn, thành phố Thanh Hóa ra quân tổng vệ sinh môi "
            "trường hưởng ứng Tháng Thanh niên.",
            "Ông Vũ Đức Minh, Chủ tịch UBND phường cùng hơn 300 đoàn viên và người dân đã thu "
            "gom rác, phát quang bụi rậm dọc bờ sông Mã.",
        ],
        "Bản in   Quay lại",
    )),
    "utf16-le.txt": ("utf-16", portal(
        "Phường Tân Sơn tiếp xúc cử tri trước kỳ họp cuối năm",
        "Hoạt động HĐND",
        None,
        [
            "Ngày 2/12/2019, đại biểu HĐND phường Tân Sơn, thành phố Thanh Hóa tiếp xúc cử tri "
            "các tổ dân phố 3, 4 và 5 trước kỳ họp cuối năm.",
            "Bà Hoàng Thị Lụa, Chủ tịch HĐND phường tiếp thu 14 ý kiến, chủ yếu về thoát nước "
            "và chiếu sáng công cộng, để gửi tới kỳ họp HĐND nhiệm kỳ 2016-2021.",
        ],
        "In bài viết | Gửi email | Quay lại",
    )),
    "utf16-be.html": ("utf-16-be-bom", """<html><head><meta charset="utf-16"><title>Phường Trường Thi khai trương điểm sinh hoạt cộng đồng</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin">Văn hóa - Xã hội</a></div>
<article><h1>Phường Trường Thi khai trương điểm sinh hoạt cộng đồng</h1>
<time datetime="2024-10-07T09:00:00+07:00">07/10/2024</time>
<p>Ngày 6/10/2024, phường Trường Thi, thành phố Thanh Hóa khai trương điểm sinh hoạt cộng đồng tại tổ dân phố Trường Sơn.</p>
<p>Ông Lương Văn Kiên, Bí thư Đảng ủy phường mong muốn nơi đây trở thành chỗ vui chơi của thiếu nhi và người cao tuổi.</p>
</article></body></html>
"""),
    "windows-1258.txt": ("windows-1258", portal(
        "Xã Quảng Thịnh đón nhận danh hiệu xã đạt chuẩn nông thôn mới nâng cao",
        "Nông thôn mới",
        None,
        [
            "Ngày 15 tháng 1 năm 2024, xã Quảng Thịnh, thành phố Thanh Hóa tổ chức lễ đón nhận "
            "danh hiệu xã đạt chuẩn nông thôn mới nâng cao.",
            "Ông Mai Xuân Hòa, Chủ tịch UBND xã cho biết, thu nhập bình quân đầu người của xã "
            "năm 2023 đạt 68 triệu đồng.",
        ],
        "Bản in   Quay lại",
    )),
    "tcvn3.txt": ("tcvn3", portal(
        "Phường Điện Biên họp mặt kỷ niệm ngày thành lập Mặt trận",
        "Tin tức - Sự kiện",
        "Thứ Sáu, 17/11/2023 16:00",
        [
            "Chiều 16/11/2023, Ủy ban MTTQ phường Điện Biên, thành phố Thanh Hóa tổ chức họp "
            "mặt kỷ niệm ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam.",
            "Bà Lê Thị Ngọc Ánh, Chủ tịch Ủy ban MTTQ phường đã ôn lại truyền thống và biểu "
            "dương các khu dân cư tiêu biểu trong năm.",
        ],
        "In bài viết | Gửi email | Quay lại",
    )),
    "vni.html": ("vni", """<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Phường Ba Đình tặng quà học sinh vượt khó</title></head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin">Giáo dục</a></div>
<div class="content"><h1><font face="VNI-Times">Phường Ba Đình tặng quà học sinh vượt khó</font></h1>
<p><font face="VNI-Times">Ngày 3/9/2018, Hội Khuyến học phường Ba Đình, thành phố Thanh Hóa trao 45 suất quà cho học sinh vượt khó học giỏi.</font></p>
<p><font face="VNI-Times">Ông Nguyễn Hữu Khang, Chủ tịch Hội Khuyến học phường cho biết, mỗi suất quà gồm sách vở và 500.000 đồng.</font></p>
</div></body></html>
"""),
    "viscii.txt": ("viscii", portal(
        "Phường Ngọc Trạo kiện toàn tổ hòa giải ở cơ sở",
        "Tin tức - Sự kiện",
        "Thứ Hai, 11/07/2016 09:00",
        [
            "Ngày 8/7/2016, UBND phường Ngọc Trạo, thành phố Thanh Hóa kiện toàn 9 tổ hòa giải "
            "ở cơ sở với 54 thành viên.",
            "Ông Trịnh Ngọc Sơn, Phó Chủ tịch UBND phường yêu cầu các tổ bám sát địa bàn, hòa "
            "giải kịp thời mâu thuẫn trong nhân dân.",
        ],
        "Bản in   Quay lại",
    )),
    "mojibake.txt": ("mojibake", portal(
        "Phường Đông Vệ có thêm câu lạc bộ dưỡng sinh cho người cao tuổi",
        "Tin tức - Sự kiện",
        None,
        [
            "Ngày 20/8/2024, Hội Người cao tuổi phường Đông Vệ, thành phố Thanh Hóa ra mắt câu "
            "lạc bộ dưỡng sinh với 60 hội viên.",
            "Bà Đặng Thị Thu, Chủ tịch Hội Người cao tuổi phường cho biết câu lạc bộ tập luyện "
            "mỗi sáng tại nhà văn hóa khu phố 2.",
        ],
        "In bài viết | Gửi email | Quay lại",
    )),
}


def encoded(codec: str, text: str) -> bytes:
    """The bytes a file saved in that encoding holds; legacy ones from the project's tables."""
    from wardnews.archive.legacy_codecs import encode_legacy

    if codec == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if codec == "mojibake":  # UTF-8 shown by a cp1252 reader, saved again as UTF-8
        sloppy = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode())
        return sloppy.encode("utf-8")
    if codec == "viscii":  # VISCII has a letter on 0xA0: no NBSP in such files
        return encode_legacy(text.replace("\u00a0", " "), codec)
    if codec in ("tcvn3", "vni", "windows-1258"):
        return encode_legacy(text, codec)
    return text.encode(codec)


def _record_id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def _fixed(n: int, date: str = "2023-09-23T01:00:00Z") -> dict[str, str]:
    """Fixed record ids and dates, so that the archive's bytes (and article ids) never vary."""
    return {"WARC-Record-ID": _record_id(n), "WARC-Date": date}


def warc_bytes() -> bytes:
    """A web archive: warcinfo, a request, an image response, and one HTML article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = writer.create_warcinfo_record("golden.warc.gz", {"software": "test"})
    info.rec_headers.replace_header("WARC-Record-ID", _record_id(0))
    info.rec_headers.replace_header("WARC-Date", "2023-09-23T01:00:00Z")
    writer.write_record(info)
    url = "http://vinh.example/tin/phuong-le-loi-tap-huan-pccc"
    request = StatusAndHeaders("GET /tin/phuong-le-loi-tap-huan-pccc HTTP/1.1", [("Host", "vinh.example")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=request,
                                                  warc_headers_dict=_fixed(1)))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "http://vinh.example/anh/pccc.jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff\xe0JFIF"),
        http_headers=image, warc_headers_dict=_fixed(2)))
    page = WARC_ARTICLE.encode("utf-8")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(page), http_headers=headers,
        warc_headers_dict=_fixed(3, "2023-09-23T01:02:03Z")))
    return out.getvalue()


def main() -> None:
    (HERE / "portal-page.txt").write_text(PORTAL_TXT, encoding="utf-8")
    (HERE / "saved-page.html").write_text(SAVED_HTML, encoding="utf-8")
    (HERE / "records.json").write_text(
        json.dumps(RECORDS_JSON, ensure_ascii=False, indent=1), encoding="utf-8")
    (HERE / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS_JSONL), encoding="utf-8")
    (HERE / "crawl.warc.gz").write_bytes(warc_bytes())
    for name, (codec, text) in ENCODED.items():
        (HERE / f"encoding-{name}").write_bytes(encoded(codec, text))


if __name__ == "__main__":
    main()
