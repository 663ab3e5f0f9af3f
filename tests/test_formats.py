"""Each input format read into Documents: HTML, portal text, JSON, JSONL and WARC."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wardnews.archive.article import Document
from wardnews.archive.errors import Problem
from wardnews.archive.formats import binary_kind
from wardnews.archive.formats.html import declared_charset, html_document, parse_page
from wardnews.archive.formats.records import read_json, read_jsonl
from wardnews.archive.formats.warc import read_warc
from wardnews.archive.read import read_file

DATA = Path(__file__).resolve().parent / "data" / "formats"


def _read(name: str) -> list[Document | Problem]:
    return list(read_file(DATA / name, DATA))


def _only(name: str) -> Document:
    [doc] = _read(name)
    assert isinstance(doc, Document), doc
    return doc


# --- HTML -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, field, expected",
    [
        ("portal.html", "title", "Phường Minh Khai ra quân làm sạch đường phố"),
        ("portal.html", "category", "Hoạt động đoàn thể"),  # last breadcrumb step
        ("portal.html", "published", dt.date(2022, 3, 12)),  # <div class="date"> byline
        ("aspnet-form.html", "title", "Xã Tân Lập khánh thành nhà văn hóa thôn 3"),  # og:title, site cut
        ("aspnet-form.html", "category", "Tin địa phương"),  # article:section
        ("aspnet-form.html", "published", dt.date(2021, 9, 2)),  # meta before <time>
        ("truncated-body.html", "title", "Phường Quang Trung tiếp nhận hồ sơ trực tuyến"),
        # <title> is only the site's name: the element styled as a title is the headline
        ("table-layout.html", "title", "Xã Hồng Hà tổ chức hội nghị tổng kết công tác năm 2022"),
        ("table-layout.html", "published", dt.date(2022, 12, 20)),
    ],
)
def test_html_metadata_comes_from_the_markup(name, field, expected):
    assert getattr(_only(name), field) == expected


@pytest.mark.parametrize(
    "name, unwanted",
    [
        ("portal.html", "Trang chủ"),  # nav
        ("portal.html", "Chia sẻ"),  # share bar
        ("portal.html", "IMG_2034"),  # image name standing alone
        ("portal.html", "Bản quyền"),  # footer
        ("portal.html", "tổng kết công tác năm 2021"),  # related news
        ("portal.html", "Lịch tiếp công dân"),  # sidebar
        ("portal.html", "tracking"),  # script
        ("aspnet-form.html", "Skip Ribbon"),
        ("aspnet-form.html", "anh 1.jpg"),
        ("aspnet-form.html", "Zalo"),
        ("aspnet-form.html", "thủy lợi nội đồng"),  # "Các tin khác" block
    ],
)
def test_html_body_leaves_page_furniture_out(name, unwanted):
    assert unwanted not in "\n".join(_only(name).paragraphs)


def test_html_body_keeps_paragraphs_captions_and_line_breaks():
    paragraphs = _only("portal.html").paragraphs
    assert paragraphs[0].startswith("Sáng ngày 13/3/2022, Đoàn Thanh niên")
    assert "Ảnh: Đoàn viên thu gom rác" in paragraphs  # a caption may stay, once
    assert paragraphs.count("Ảnh: Đoàn viên thu gom rác") == 1
    assert "và khơi thông cống rãnh." in paragraphs  # <br> ends a line
    assert paragraphs[-1].startswith("Ông Trần Văn Bình")


def test_a_table_layout_page_gives_the_lines_of_its_text_cell():
    assert _only("table-layout.html").paragraphs == (
        "Chiều 19/12/2022, xã Hồng Hà tổ chức hội nghị tổng kết công tác năm 2022.",
        "Năm qua, xã hoàn thành 18/18 chỉ tiêu nghị quyết đề ra, thu ngân sách đạt 120% kế hoạch.",
        "Hội nghị đã khen thưởng 12 tập thể và 25 cá nhân có thành tích xuất sắc.",
    )


def test_a_whole_page_inside_one_form_is_still_read():
    paragraphs = _only("aspnet-form.html").paragraphs
    assert len(paragraphs) == 3 and paragraphs[2].startswith("Bà Lê Thị Hoa")


def test_truncated_html_keeps_what_its_body_holds():
    paragraphs = _only("truncated-body.html").paragraphs
    assert paragraphs[0].startswith("Từ tháng 6/2023")
    assert paragraphs[1].endswith("qua đường bưu đi")


@pytest.mark.parametrize(
    "head, charset",
    [
        (b'<meta charset="windows-1258">', "windows-1258"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=TCVN3'>", "tcvn3"),
        (b"<html><head><title>x</title>", None),
    ],
)
def test_declared_charset_is_read_from_meta_tags(head, charset):
    assert declared_charset(head) == charset


@pytest.mark.parametrize(
    "html, title",
    [
        ("<title>Phường A tổ chức đại hội - Cổng thông tin điện tử phường A</title><p>x</p>",
         "Phường A tổ chức đại hội"),
        ("<title>Đại hội nhiệm kỳ 2020 - 2025</title><p>x</p>", "Đại hội nhiệm kỳ 2020 - 2025"),
        ("<title>Tin | Phường A tổ chức đại hội | UBND phường A</title><p>x</p>",
         "Tin | Phường A tổ chức đại hội"),
        ("<title>Trang web</title><article><h1>Xã B đón Tết</h1><p>Nội dung bài viết ở đây.</p>"
         + "<p>" + "Thêm nội dung. " * 20 + "</p></article>", "Xã B đón Tết"),
    ],
)
def test_html_title_falls_back_from_og_title_to_h1_to_title(html, title):
    assert parse_page(html).title == title


# Paragraphs long enough for the reader to take the block as the article.
_BODY = (
    "<p>Chiều ngày 22/4/2020, đoàn công tác của Thành ủy đã đến kiểm tra công tác chuẩn bị "
    "Đại hội Đảng bộ phường Lam Hạ nhiệm kỳ 2020-2025.</p>"
    "<p>Đảng ủy phường đã hoàn thành dự thảo báo cáo chính trị và xin ý kiến đảng viên, "
    "nhân dân trên địa bàn theo đúng kế hoạch của Thành ủy.</p>"
)


def _page(body: str, head: str = "") -> Document:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    doc = html_document(html, "x.html", "utf-8")
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize(
    "crumbs, category",
    [
        ('<div class="breadcrumb"><a>Trang chủ</a> &raquo; <a>Tin tức - Sự kiện</a> &raquo; '
         "<span>Xây dựng Đảng</span></div>", "Xây dựng Đảng"),  # the last step is plain text
        ('<div class="breadcrumb"><span>Bạn đang ở:</span> <a>Trang chủ</a> / <a>Chính quyền</a>'
         "</div>", "Chính quyền"),
        ('<ol class="breadcrumb"><li><a>Trang chủ</a></li><li><a>Tin địa phương</a></li></ol>',
         "Tin địa phương"),
    ],
)
def test_html_category_is_the_last_breadcrumb_step(crumbs, category):
    assert _page(crumbs + f'<div class="content">{_BODY}</div>').category == category


def test_html_category_falls_back_to_article_section():
    head = '<meta property="article:section" content="Bầu cử 2021">'
    assert _page(f'<div class="content">{_BODY}</div>', head).category == "Bầu cử 2021"


_OTHER_NEWS = (
    '<div class="other-news"><div class="header">Các tin khác</div>'
    '<div class="item"><a>Thành phố tổng kết phong trào thi đua năm 2019</a>'
    '<span class="time">14/01/2020</span></div></div>'
)


@pytest.mark.parametrize(
    "tail",
    [
        _OTHER_NEWS,
        # no class name to go by: only the heading says it
        "<div><h3>Tin liên quan</h3><ul><li><a>Phường B ra quân dọn vệ sinh</a> "
        '<span class="date">(05/06/2020)</span></li></ul></div>',
    ],
)
def test_a_dated_list_of_other_news_gives_neither_date_nor_text(tail):
    doc = _page(f'<div class="title-news">Đoàn kiểm tra đại hội phường Lam Hạ</div>'
                f'<div class="content-news">{_BODY}</div>{tail}<footer>Bản quyền 2020</footer>')
    assert doc.published is None
    assert len(doc.paragraphs) == 2 and doc.paragraphs[-1].endswith("kế hoạch của Thành ủy.")


def test_a_latest_news_box_before_the_article_does_not_cut_it():
    sidebar = ('<div class="box"><h3>Tin mới</h3><ul><li><a>Phường B ra quân</a> '
               '<span class="date">01/01/2020</span></li></ul></div>')
    doc = _page(f'{sidebar}<h1>Đoàn kiểm tra đại hội phường Lam Hạ</h1>'
                f'<div class="content-news">{_BODY}</div>')
    assert doc.published is None and len(doc.paragraphs) == 2


def test_an_inline_related_box_inside_the_article_keeps_the_paragraphs_after_it():
    more = "<p>" + "Đại hội được tổ chức gọn nhẹ, bảo đảm phòng chống dịch. " * 10 + "</p>"
    box = '<div class="related-inline"><a>Phường B ra quân</a></div>'
    doc = _page(f'<h1>Đoàn kiểm tra đại hội phường Lam Hạ</h1>'
                f'<div class="content-news">{_BODY}{box}{more}</div>')
    assert len(doc.paragraphs) == 3 and "Phường B ra quân" not in doc.paragraphs


def test_tool_bar_view_counter_and_signature_are_not_paragraphs():
    doc = _page(
        '<h1>Kỳ họp HĐND phường Máy Chai</h1><div class="tool-news"><a>In trang</a> | <a>Gửi email</a> | <a>Trở về</a> | Cỡ chữ: '
        '<a>A-</a> <a>A+</a></div><div class="post-content">'
        '<div class="post-meta">Thứ Sáu, 20/12/2019 16:05 Lượt xem: 1.287</div>'
        f'{_BODY}<p style="text-align:right"><b>Minh Hằng - Văn phòng Thành ủy</b></p></div>'
    )
    assert doc.published == dt.date(2019, 12, 20)
    assert len(doc.paragraphs) == 2 and doc.paragraphs[0].startswith("Chiều ngày 22/4/2020")


# --- portal text ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "field, expected",
    [
        ("title", "Phường Quang Trung tiếp nhận hồ sơ trực tuyến"),
        ("category", "Cải cách hành chính"),
        ("published", dt.date(2023, 6, 5)),
        ("key", None),
        ("encoding", "utf-8"),
        (
            "paragraphs",
            (
                "Từ tháng 6/2023, bộ phận một cửa phường Quang Trung tiếp nhận hồ sơ trực "
                "tuyến cho 45 thủ tục hành chính.",
                "Ảnh: Cán bộ một cửa hướng dẫn người dân nộp hồ sơ",
                "Người dân có thể nộp hồ sơ tại nhà và nhận kết quả qua đường bưu điện.",
            ),
        ),
    ],
)
def test_portal_text_page_is_cleaned(field, expected):
    assert getattr(_only("portal.txt"), field) == expected


# --- JSON and JSONL ---------------------------------------------------------------------

def test_one_json_object_is_one_article_with_its_summary_apart():
    doc = _only("one.json")
    assert doc.key is None
    assert doc.title == "Thị trấn Phùng tổ chức ngày hội đại đoàn kết"
    assert doc.summary == "Ngày hội có sự tham gia của hơn 500 người dân các tổ dân phố."
    assert doc.paragraphs[0].startswith("Tối 15/11/2022")  # the repeated title is gone
    assert doc.published == dt.date(2022, 11, 15)  # day-first
    assert doc.url == "https://example.vn/thi-tran-phung-ngay-hoi"


def test_json_array_reads_every_record_and_reports_the_bad_ones():
    items = _read("array.json")
    assert [i.key if isinstance(i, Document) else i.where for i in items] == [
        "7", "1", "record 2", "record 3"
    ]
    assert items[0].category == "tin-tuc-su-kien.an-ninh"  # portal path kept as written
    assert items[1].paragraphs == () and items[1].title == "Xã Hồng Hà tổng kết năm học"
    assert items[2].reason == (
        "no title or text: the record has only url; an article needs 'title' or 'text' "
        "(also read: 'content', 'body')"
    )
    assert items[3].reason == "not a JSON object (a string); each article must be one {...} object"


def test_jsonl_keeps_reading_past_bad_lines():
    items = _read("records.jsonl")
    summary = [(i.key, "doc") if isinstance(i, Document) else (i.where, i.reason) for i in items]
    assert summary == [
        ("a1", "doc"),
        ("line 2", "invalid JSON: Expecting ',' delimiter at column 64; fix or remove the line"),
        ("a2", "doc"),
        ("line 5", "no title or text: the record has only date, id, url; an article needs "
                   "'title' or 'text' (also read: 'content', 'body')"),
        ("khong-co-id", "doc"),
        ("line 7", "doc"),  # its id repeats a2's: the line number keeps ids apart
        ("line 8", "not a JSON object (an array); each article must be one {...} object"),
    ]


def test_jsonl_text_loses_its_glued_title_and_keeps_fields():
    first, _, second, _, untitled, *_ = _read("records.jsonl")
    assert first.paragraphs[0].startswith("Tính đến ngày 30/11/2021")
    assert first.summary == "Phường đạt 104% kế hoạch thu thuế."
    assert first.published is None and first.url == "https://example.vn/tan-mai-thu-thue"
    assert second.published == dt.date(2021, 12, 3) and second.category == "Chính trị"
    assert untitled.title == "" and untitled.paragraphs[0].startswith("Phường Tân Mai ra quân")


def test_gzipped_jsonl_and_json_read_like_plain_ones(tmp_path):
    plain = (DATA / "records.jsonl").read_bytes()
    (tmp_path / "records.jsonl.gz").write_bytes(gzip.compress(plain))
    (tmp_path / "one.json.gz").write_bytes(gzip.compress((DATA / "one.json").read_bytes()))
    assert list(read_jsonl(tmp_path / "records.jsonl.gz", "records.jsonl")) == _read("records.jsonl")
    assert list(read_json(tmp_path / "one.json.gz", "one.json")) == _read("one.json")


@pytest.mark.parametrize(
    "record, field, expected",
    [
        ({"title": "T", "text": "a\nb"}, "paragraphs", ("a", "b")),
        ({"title": "T", "content": ["a", "b"]}, "paragraphs", ("a", "b")),
        ({"title": "T", "body": "Nội dung"}, "paragraphs", ("Nội dung",)),
        ({"title": "T", "text": "x", "published": "2019-10-30T20:00:00.000Z"}, "published",
         dt.date(2019, 10, 31)),
        ({"title": "T", "text": "x", "date": "ngày 15 tháng 3 năm 2021"}, "published",
         dt.date(2021, 3, 15)),
        ({"title": "T", "text": "x", "date": "không rõ"}, "published", None),
        ({"title": "T", "text": "x", "summary": " Tóm tắt "}, "summary", "Tóm tắt"),
        ({"title": "T\u00a0\u00a0đầu", "text": "x"}, "title", "T đầu"),
        ({"title": "T", "text": "x", "url": None, "link": "https://a.vn/b"}, "url", "https://a.vn/b"),
    ],
)
def test_json_fields_are_found_under_their_usual_names(tmp_path, record, field, expected):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [doc] = read_jsonl(path, "r.jsonl")
    assert getattr(doc, field) == expected


# --- WARC -------------------------------------------------------------------------------

ARTICLE_HTML = """<html><head><meta charset="utf-8"><title>Xã Yên Sở tổ chức lễ mừng thọ - UBND xã</title>
</head><body><nav><a>Trang chủ</a></nav><div class="article-content">
<p>Sáng 10/4/2019, xã Yên Sở tổ chức lễ mừng thọ cho 120 cụ cao tuổi.</p>
<p>Các cụ được tặng quà và giấy chúc thọ của Ủy ban nhân dân xã.</p></div></body></html>"""
DATED_HTML = ARTICLE_HTML.replace(
    "<title>", '<meta property="article:published_time" content="2019-04-10T08:00:00+07:00"><title>'
)


def _write_warc(path: Path, pages: list[tuple[str, str, bytes]], gz: bool = True) -> list[str]:
    """A WARC with a request record before each response; returns the response record ids."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        ids = []
        for url, content_type, payload in pages:
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n"),
                warc_headers_dict={"WARC-Date": "2019-04-12T20:30:00Z"},
            )
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2019-04-12T20:30:00Z"},
            )
            writer.write_record(response)
            ids.append(response.rec_headers.get_header("WARC-Record-ID"))
    return ids


PAGES = [
    ("http://xayenso.vn/robots.txt", "text/plain", b"User-agent: *\nDisallow:\n"),
    ("http://xayenso.vn/tin/mung-tho", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
    ("http://xayenso.vn/anh/mung-tho.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(200)),
    ("http://xayenso.vn/tin/mung-tho-2", "text/html", DATED_HTML.encode()),
]


@pytest.fixture
def warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    return path, _write_warc(path, PAGES)


def test_warc_yields_only_its_html_responses(warc):
    path, ids = warc
    items = list(read_warc(path, "crawl.warc.gz"))
    assert all(isinstance(i, Document) for i in items)
    assert [(d.key, d.url) for d in items] == [
        (ids[1], "http://xayenso.vn/tin/mung-tho"), (ids[3], "http://xayenso.vn/tin/mung-tho-2")
    ]
    assert items[0].title == "Xã Yên Sở tổ chức lễ mừng thọ"
    assert items[0].paragraphs[0].startswith("Sáng 10/4/2019")
    assert "Trang chủ" not in items[0].paragraphs


def test_warc_capture_date_stands_in_only_when_the_page_has_none(warc):
    path, _ = warc
    undated, dated = read_warc(path, "crawl.warc.gz")
    assert undated.published == dt.date(2019, 4, 13)  # 20:30 UTC is the next morning in Vietnam
    assert dated.published == dt.date(2019, 4, 10)


def test_uncompressed_warc_reads_the_same(tmp_path):
    path = tmp_path / "crawl.warc"
    _write_warc(path, PAGES, gz=False)
    assert [d.title for d in read_warc(path, "crawl.warc")] == ["Xã Yên Sở tổ chức lễ mừng thọ"] * 2


def test_html_is_sniffed_when_the_response_has_no_content_type(tmp_path):
    path = tmp_path / "bare.warc.gz"
    _write_warc(path, [("http://a.vn/x", "application/octet-stream", ARTICLE_HTML.encode())])
    [doc] = read_warc(path, "bare.warc.gz")
    assert doc.url == "http://a.vn/x"


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"%PDF-1.4\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx document)"),
        (b"ab\x00cd", "binary data (it contains NUL bytes)"),
        ("Phường".encode("utf-16"), None),
        ("Phường".encode("utf-8"), None),
        ("Phường".encode("utf-8-sig"), None),
    ],
)
def test_binary_files_are_told_from_text_by_their_first_bytes(head, kind):
    assert binary_kind(head) == kind


def test_a_nul_byte_in_one_jsonl_line_costs_that_line_only(tmp_path):
    good = '{"title": "Tin %d", "text": "Phường Minh Khai họp bàn giữ gìn vệ sinh đường phố, tổ %d."}\n'
    lines = [(good % (n, n)).encode() for n in range(60)]
    lines[3] = b'{"title": "x\x00y", "text": "z"}\n'
    path = tmp_path / "with-nul.jsonl"
    path.write_bytes(b"".join(lines))
    items = list(read_jsonl(path, "with-nul.jsonl"))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.where, p.reason.split(":")[0]) for p in problems] == [("line 4", "binary data (NUL bytes) in the line")]
    assert len(items) - len(problems) == 59


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path):
    from wardnews.archive.formats.text import read_text

    path = tmp_path / "no-bom.txt"
    path.write_bytes(("Phường Minh Khai họp bàn kế hoạch\n\nỦy ban nhân dân phường Minh Khai tổ "
                      "chức hội nghị bàn kế hoạch giữ gìn vệ sinh môi trường trong các tổ dân phố."
                      ).encode("utf-16-le"))
    [doc] = list(read_text(path, "no-bom.txt"))
    assert doc.title == "Phường Minh Khai họp bàn kế hoạch" and doc.encoding == "utf-16-le"
