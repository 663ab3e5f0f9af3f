"""The demo corpus, article by article: wards, date, terms and officials as its READMEs say.

The table is written by hand from corpus/README.md (each
value checked against the article's text).  A ward is "type|name|district|province|now";
an official is "Name: role; role" with the roles in the order the article gives them.
Wards and officials are compared as sets (their order is the extractor's ranking, not a
fact of the article); each official's roles are compared in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wardnews.archive.article import Article
from wardnews.archive.pipeline import read_articles

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

PL, HN = "Thành phố Phủ Lý", "Hà Nam"
NB_PL, NB_HN, NB_PV = "Phường Phủ Lý, Tỉnh Ninh Bình", "Phường Hà Nam, Tỉnh Ninh Bình", "Phường Phù Vân, Tỉnh Ninh Bình"
NQ, HP = "Quận Ngô Quyền", "Hải Phòng"
HP_GV, HP_NQ, HP_LC = (f"Phường {n}, Thành phố Hải Phòng" for n in ("Gia Viên", "Ngô Quyền", "Lê Chân"))
DS, DN = "Huyện Đắk Song", "Đắk Nông"
LD_TX = "Xã Trường Xuân, Tỉnh Lâm Đồng"
HUE, TTH = "Thành phố Huế", "Thừa Thiên Huế"
HUE_TH, HUE_PX = "Phường Thuận Hóa, Thành phố Huế", "Phường Phú Xuân, Thành phố Huế"
HK = "Quận Hoàn Kiếm"
HN_HK = "Phường Hoàn Kiếm, Thành phố Hà Nội"


def _w(kind: str, name: str, district: str | None, province: str | None, now: str | None) -> str:
    return f"{kind}|{name}|{district}|{province}|{now}"


def _p(name: str, district=PL, now=NB_PL) -> str:
    return _w("phường", name, district, HN, now)


def _ng(name: str, now=HP_NQ) -> str:
    return _w("phường", name, NQ, HP, now)


def _hue(name: str, now: str) -> str:
    return _w("phường", name, HUE, TTH, now)


# (source, key or WARC url, date, date_kind, terms, wards, officials)
EXPECTED = [
    # --- part 1: ha-nam/phu-ly portal pages --------------------------------------------
    ("ha-nam/phu-ly/01-byline-dai-hoi-quang-trung-2020.txt", None, "2020-06-18", "published",
     ["2020-2025", "2015-2020"], [_p("Quang Trung", now=NB_HN)],
     ["Lại Thị Minh Nguyệt: Phó Bí thư Thường trực Thành ủy",
      "Trần Thị Thu Hằng: Thành ủy viên; Bí thư Đảng ủy phường"]),
    ("ha-nam/phu-ly/02-no-byline-event-date-hdnd-le-hong-phong-2021.txt", None, "2021-06-28", "event",
     ["2021-2026", "2016-2021"], [_p("Lê Hồng Phong", now=NB_PV)],
     ["Nguyễn Văn Khải: Bí thư Đảng ủy phường; Chủ tịch HĐND phường",
      "Lê Thị Mai Phương: Phó Chủ tịch HĐND phường",
      "Phạm Quốc Toản: Chủ tịch UBND phường"]),
    ("ha-nam/phu-ly/03-utf8-bom-byline-bau-cu-minh-khai-2016.txt", None, "2016-05-22", "published",
     ["2016-2021"], [_p("Minh Khai")],
     ["Vũ Đức Thắng: Chủ tịch UBND phường; Trưởng Ban bầu cử phường",
      "Đinh Văn Phúc: Phó Chủ tịch UBND thành phố"]),
    ("ha-nam/phu-ly/04-utf16-no-byline-sap-nhap-to-dan-pho-hai-ba-trung-2019.txt", None, "2019-09-13", "event",
     ["2015-2020"], [_p("Hai Bà Trưng")],
     ["Hoàng Minh Tuấn: Phó Bí thư Thường trực Đảng ủy phường",
      "Đỗ Thị Lan: Phó Chủ tịch UBND phường",
      "Phan Văn Định: Tổ trưởng tổ dân phố số 3"]),
    ("ha-nam/phu-ly/05-crlf-byline-lu-song-day-thanh-chau-liem-chinh-2024.txt", None, "2024-09-12", "published",
     [], [_p("Thanh Châu"), _p("Liêm Chính")],
     ["Trịnh Văn Sơn: Chủ tịch UBND phường Thanh Châu",
      "Vũ Thị Hồng Nhung: Bí thư Đảng uỷ phường",
      "Nguyễn Thanh Bình: Phó Chủ tịch UBND thành phố Phủ Lý"]),
    ("ha-nam/phu-ly/06-byline-sap-xep-2025-phuong-phu-ly-ninh-binh.txt", None, "2025-07-01", "published",
     ["2020-2025", "2021-2026", "2025-2030"],
     [_w("phường", "Phủ Lý", None, "Ninh Bình", NB_PL), _p("Châu Cầu"), _p("Liêm Chính"), _p("Thanh Châu"),
      _p("Quang Trung", now=NB_HN), _p("Lương Khánh Thiện"), _p("Minh Khai"), _p("Hai Bà Trưng"),
      _p("Trần Hưng Đạo")],
     ["Lưu Quang Vinh: Bí thư Đảng ủy phường", "Đinh Thị Hương: Chủ tịch HĐND phường",
      "Ngô Xuân Trường: Chủ tịch UBND phường"]),
    ("ha-nam/phu-ly/07-no-byline-event-date-nong-thon-moi-xa-kim-binh-2021.txt", None, "2021-12-28", "event",
     ["2020-2025"], [_w("xã", "Kim Bình", PL, HN, NB_PV)],
     ["Trần Văn Lực: Chủ tịch UBND xã", "Đinh Văn Phúc: Phó Chủ tịch UBND thành phố",
      "Phạm Thị Thanh Nga: Bí thư Đảng ủy xã"]),
    ("ha-nam/phu-ly/08-sharepoint-menu-byline-dai-hoi-luong-khanh-thien-2015.txt", None, "2015-06-11", "published",
     ["2015-2020", "2010-2015"], [_p("Lương Khánh Thiện")],
     ["Đỗ Hữu Thanh: Ủy viên Ban Thường vụ Thành uỷ; Trưởng Ban Dân vận Thành uỷ",
      "Vũ Thị Thanh Nhàn: Bí thư Đảng uỷ phường"]),
    # --- part 1: saved HTML pages ------------------------------------------------------
    ("hai-phong/ngo-quyen/01-published-meta-dai-hoi-luong-khanh-thien-ngo-quyen-2020.html", None,
     "2020-06-19", "published", ["2020-2025", "2015-2020"], [_ng("Lương Khánh Thiện", HP_LC)],
     ["Hoàng Văn Quý: Ủy viên Ban Thường vụ Quận ủy; Trưởng Ban Tổ chức Quận ủy Ngô Quyền",
      "Đoàn Thị Thu Trang: Quận ủy viên; Bí thư Đảng ủy phường"]),
    ("hai-phong/ngo-quyen/02-byline-in-body-only-ky-hop-hdnd-may-chai-2019.html", None,
     "2019-12-20", "published", ["2016-2021"], [_ng("Máy Chai")],
     ["Nguyễn Hữu Tài: Bí thư Đảng ủy; Chủ tịch HĐND phường", "Lê Minh Tuấn: Chủ tịch UBND phường",
      "Phạm Thị Ngọc Ánh: Phó Chủ tịch HĐND phường"]),
    ("hai-phong/ngo-quyen/03-truncated-mid-page-published-meta-bao-so-3-lach-tray-dong-khe-2024.html", None,
     "2024-09-09", "published", [], [_ng("Lạch Tray", HP_GV), _ng("Đông Khê", HP_GV)],
     ["Trần Đức Mạnh: Chủ tịch UBND phường",
      "Nguyễn Thị Bích Hạnh: Phó Bí thư Thường trực Đảng uỷ phường",
      "Phạm Đức Long: Phó Chủ tịch UBND quận Ngô Quyền"]),
    ("hai-phong/ngo-quyen/04-nfd-decomposed-byline-in-body-phuong-ngo-quyen-moi-2025.html", None,
     "2025-07-01", "published", ["2020-2025", "2021-2026", "2025-2030"],
     [_w("phường", "Ngô Quyền", None, HP, HP_NQ), _ng("Máy Chai"), _ng("Vạn Mỹ"), _ng("Cầu Tre")],
     ["Vũ Mạnh Cường: Ủy viên Ban Chấp hành Đảng bộ thành phố; Bí thư Đảng ủy phường Ngô Quyền",
      "Lương Văn Đức: Chủ tịch UBND phường",
      "Nguyễn Thị Kim Oanh: Phó Bí thư Đảng ủy; Chủ tịch Ủy ban MTTQ Việt Nam phường"]),
    ("hai-phong/ngo-quyen/05-html-entities-nbsp-time-element-bau-cu-cau-dat-2021.html", None,
     "2021-05-23", "published", ["2021-2026"], [_ng("Cầu Đất", HP_LC)],
     ["Lê Thị Hoài Thu: Quận ủy viên; Bí thư Đảng ủy phường Cầu Đất",
      "Đặng Văn Tuyến: Chủ tịch UBND phường; Chủ tịch Ủy ban bầu cử phường"]),
    ("ha-nam/06-no-date-metadata-event-date-kiem-tra-dai-hoi-lam-ha-2020.html", None,
     "2020-04-22", "event", ["2020-2025"], [_p("Lam Hạ", now=NB_HN)],
     ["Đặng Đình Thoảng: UVBTV Tỉnh ủy; Trưởng Ban Tổ chức Tỉnh ủy Hà Nam",
      "Bùi Văn Hùng: UVBTV Tỉnh ủy; Bí thư Thành ủy; Chủ tịch HĐND thành phố Phủ Lý",
      "Cao Thị Thanh Mai: Bí thư Đảng ủy phường Lam Hạ"]),
    ("ha-nam/07-published-meta-utc-dai-hoi-phuong-ha-nam-ninh-binh-2025.html", None,
     "2025-08-07", "published", ["2025-2030"],
     [_w("phường", "Hà Nam", None, "Ninh Bình", NB_HN), _p("Lam Hạ", now=NB_HN), _p("Tân Hiệp", now=NB_HN),
      _p("Quang Trung", now=NB_HN)],
     ["Hà Văn Khiêm: Tỉnh uỷ viên; Phó Trưởng Ban Tổ chức Tỉnh uỷ Ninh Bình",
      "Mai Thị Thu Hà: Bí thư Đảng ủy phường",
      "Cao Xuân Hòa: Phó Bí thư Đảng ủy; Chủ tịch UBND phường"]),
    # --- part 1: the WARC (keyed by WARC-Target-URI) -------------------------------------
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://ngoquyen.haiphong.example/tin-tuc/ky-hop-thu-nhat-hdnd-phuong-dong-khe-nhiem-ky-2021-2026.html",
     "2021-06-25", "published", ["2021-2026", "2016-2021"], [_ng("Đông Khê", HP_GV)],
     ["Vũ Văn Thành: Bí thư Đảng ủy phường; Chủ tịch HĐND phường",
      "Trịnh Thị Lệ Thu: Phó Chủ tịch HĐND phường", "Đào Minh Khoa: Chủ tịch UBND phường"]),
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://ngoquyen.haiphong.example/tin-tuc/phuong-van-my-sap-nhap-to-dan-pho.html",
     "2019-08-15", "published", ["2015-2020"], [_ng("Vạn Mỹ")],
     ["Nguyễn Văn Hải: Phó Bí thư Thường trực Đảng ủy phường Vạn Mỹ",
      "Lê Thị Thúy: Phó Chủ tịch UBND phường"]),
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://haiphong.example/tin-dia-phuong/dai-hoi-dang-bo-phuong-minh-khai-quan-hong-bang",
     "2015-07-02", "published", ["2015-2020", "2010-2015"],
     [_w("phường", "Minh Khai", "Quận Hồng Bàng", HP, "Phường Hồng Bàng, Thành phố Hải Phòng")],
     ["Trần Quốc Khánh: Ủy viên Ban Thường vụ Quận ủy Hồng Bàng",
      "Phạm Thị Hồng Vân: Bí thư Đảng ủy phường Minh Khai"]),
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://haiphong.example/tin-dia-phuong/tham-tang-qua-tet-gia-dinh-chinh-sach-phuong-cau-tre",
     "2023-01-13", "published", [], [_ng("Cầu Tre")],
     ["Bùi Thị Thu Hương: Phó Bí thư Quận uỷ Ngô Quyền", "Tô Văn Hải: Chủ tịch UBND phường Cầu Tre"]),
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://ngoquyen.haiphong.example/tin-tuc/phuong-ngo-quyen-san-sang-cho-ngay-bau-cu.html",
     "2026-03-10", "published", ["2026-2031"], [_w("phường", "Ngô Quyền", None, HP, HP_NQ)],
     ["Lương Văn Đức: Chủ tịch UBND phường; Chủ tịch Ủy ban bầu cử phường",
      "Vũ Mạnh Cường: Bí thư Đảng ủy phường"]),
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://haiphong.example/tin-dia-phuong/dai-hoi-dang-bo-phuong-gia-vien-lan-thu-nhat",
     "2025-08-20", "published", ["2025-2030", "2020-2025"],
     [_w("phường", "Gia Viên", None, HP, HP_GV), _ng("Gia Viên", HP_GV), _ng("Đằng Giang", HP_GV),
      _ng("Đông Khê", HP_GV), _ng("Lạch Tray", HP_GV), _ng("Cầu Đất", HP_LC)],
     ["Đinh Quang Thiều: Bí thư Đảng ủy phường Gia Viên",
      "Tạ Thị Ngọc Lan: Phó Bí thư Đảng ủy; Chủ tịch HĐND phường"]),
    ("hai-phong/portal-crawl-html-plus-non-html-records.warc.gz",
     "http://haiphong.example/tin-dia-phuong/ky-hop-hdnd-phuong-quang-trung-quan-hong-bang",
     "2018-12-21", "published", ["2016-2021"],
     [_w("phường", "Quang Trung", "Quận Hồng Bàng", HP, "Phường Hồng Bàng, Thành phố Hải Phòng")],
     ["Hoàng Anh Tuấn: Chủ tịch HĐND phường", "Vũ Thị Minh Hải: Phó Chủ tịch UBND phường"]),
    # --- part 2: the Đắk Song JSONL (keyed by slug) -------------------------------------
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "dai-hoi-dang-bo-xa-truong-xuan-lan-thu-iv-nhiem-ky-2020-2025", "2020-06-17", "published",
     ["2020-2025", "2015-2020"], [_w("xã", "Trường Xuân", DS, DN, LD_TX)],
     ["Lê Thị Hồng Nhung: UVBTV; Phó Bí thư Thường trực Huyện ủy Đắk Song",
      "Nguyễn Văn Thắng: Bí thư Đảng ủy xã",
      "Đoàn Thị Kim Oanh: Phó Bí thư Thường trực Đảng ủy xã"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "nam-njang-ho-tro-nong-dan-tai-canh-ca-phe", "2019-08-12", "published",
     [], [_w("xã", "Nâm N'Jang", DS, DN, LD_TX)],
     ["Trần Quốc Tuấn: Chủ tịch UBND xã Nâm N'Jang", "Bùi Thị Lan: Chủ tịch Hội Nông dân xã"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "xa-thuan-ha-don-nhan-bang-cong-nhan-dat-chuan-nong-thon-moi", "2021-12-24", "event",
     [], [_w("xã", "Thuận Hà", DS, DN, "Xã Thuận Hạnh, Tỉnh Lâm Đồng")],
     ["Đỗ Minh Quang: Phó Chủ tịch UBND huyện Đắk Song",
      "Phạm Thị Thu Hà: Phó Chủ tịch HĐND xã Thuận Hà"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "hdnd-xa-dak-mol-to-chuc-ky-hop-thu-nhat-nhiem-ky-2021-2026", "2021-06-28", "published",
     ["2021-2026", "2016-2021"], [_w("xã", "Đắk Môl", DS, DN, "Xã Đắk Song, Tỉnh Lâm Đồng")],
     ["Hoàng Văn Lực: Phó Bí thư Đảng ủy xã; Chủ tịch HĐND xã Đắk Môl",
      "Lương Thị Hường: Phó Chủ tịch HĐND xã", "Điểu Thanh Hải: Chủ tịch UBND xã"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "cu-tri-thi-tran-duc-an-no-nuc-di-bau-cu", "2021-05-24", "published",
     ["2021-2026"], [_w("thị trấn", "Đức An", DS, DN, "Xã Đức An, Tỉnh Lâm Đồng")],
     ["Vũ Đình Khải: Bí thư Đảng ủy thị trấn; Chủ tịch Ủy ban bầu cử thị trấn Đức An"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "tap-huan-ky-thuat-cham-soc-ho-tieu-xa-thuan-ha", "2019-06-03", "event",
     [], [_w("xã", "Thuận Hà", DS, DN, "Xã Thuận Hạnh, Tỉnh Lâm Đồng")],
     ["Lý Văn Bình: Chủ tịch Hội Nông dân xã Thuận Hà"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "dai-hoi-dang-bo-thi-tran-duc-an-lan-thu-iii-nhiem-ky-2015-2020", "2015-06-05", "published",
     ["2015-2020", "2010-2015"], [_w("thị trấn", "Đức An", DS, DN, "Xã Đức An, Tỉnh Lâm Đồng")],
     ["Trần Văn Tư: Ủy viên Ban Thường vụ Tỉnh ủy; Bí thư Huyện ủy Đắk Song",
      "Vũ Đình Khải: Bí thư Đảng ủy thị trấn Đức An",
      "Lê Văn Cường: Phó Bí thư Đảng ủy thị trấn"]),
    ("dak-nong/dak-song/daksong-portal.missing-fields.bad-line-5.jsonl",
     "xa-truong-xuan-moi-chinh-thuc-di-vao-hoat-dong", "2025-07-01", "published",
     ["2020-2025", "2021-2026"],
     [_w("xã", "Trường Xuân", None, "Lâm Đồng", LD_TX), _w("xã", "Trường Xuân", DS, DN, LD_TX),
      _w("xã", "Nâm N'Jang", DS, DN, LD_TX)],
     ["Nguyễn Hữu Phước: Bí thư Đảng ủy; Chủ tịch HĐND xã Trường Xuân",
      "Đoàn Thị Kim Oanh: Chủ tịch UBND xã"]),
    # --- part 2: dak-nong/legacy ----------------------------------------------------------
    ("dak-nong/legacy/duc-an-dai-hoi-2020.tcvn3-vntime.html", None, "2020-06-11", "published",
     ["2020-2025", "2015-2020"], [_w("thị trấn", "Đức An", DS, DN, "Xã Đức An, Tỉnh Lâm Đồng")],
     ["Trần Văn Tư: UVBTV Tỉnh uỷ; Bí thư Huyện uỷ Đắk Song",
      "Vũ Đình Khải: Bí thư Đảng uỷ thị trấn",
      "Lê Văn Cường: Phó Bí thư Thường trực Đảng uỷ"]),
    ("dak-nong/legacy/nam-njang-ho-tieu-2018.vni.txt", None, "2018-03-15", "event",
     [], [_w("xã", "Nâm N'Jang", DS, DN, LD_TX)],
     ["Trần Quốc Tuấn: Chủ tịch UBND xã Nâm N'Jang"]),
    ("dak-nong/legacy/thuan-ha-hdnd-2017.viscii.crlf.txt", None, "2017-07-20", "published",
     ["2016-2021"], [_w("xã", "Thuận Hà", DS, DN, "Xã Thuận Hạnh, Tỉnh Lâm Đồng")],
     ["Hà Văn Đông: Chủ tịch HĐND xã", "Phạm Thị Thu Hà: Phó Chủ tịch HĐND xã"]),
    ("dak-nong/legacy/dak-mol-bau-cu-2016.windows-1258.html", None, "2016-05-22", "event",
     ["2016-2021"], [_w("xã", "Đắk Môl", DS, DN, "Xã Đắk Song, Tỉnh Lâm Đồng")],
     ["Điểu Thanh Hải: Chủ tịch UBND xã Đắk Môl; Chủ tịch Ủy ban bầu cử xã"]),
    ("dak-nong/legacy/truong-xuan-dai-hoi-2025.utf8-mojibake.txt", None, "2025-08-07", "event",
     ["2025-2030", "2020-2025"],
     [_w("xã", "Trường Xuân", None, "Lâm Đồng", LD_TX), _w("xã", "Nâm N'Jang", DS, DN, LD_TX)],
     ["Tạ Minh Đức: Phó Bí thư Tỉnh ủy Lâm Đồng",
      "Nguyễn Hữu Phước: Bí thư Đảng ủy xã Trường Xuân"]),
    # --- part 2: ha-noi -------------------------------------------------------------------
    ("ha-noi/baomoi-shape.record-30112003-mojibake.json", "30112001", "2020-06-09", "event",
     ["2020-2025", "2015-2020"],
     [_w("phường", "Minh Khai", "Quận Hai Bà Trưng", "Hà Nội", "Phường Tương Mai, Thành phố Hà Nội")],
     ["Ngô Thị Thanh Hương: Phó Bí thư Thường trực Quận ủy Hai Bà Trưng",
      "Trịnh Văn Hiếu: Bí thư Đảng ủy phường Minh Khai"]),
    ("ha-noi/baomoi-shape.record-30112003-mojibake.json", "30112002", "2021-05-21", "event",
     ["2021-2026"],
     [_w("phường", "Minh Khai", "Quận Bắc Từ Liêm", "Hà Nội", "Phường Tây Tựu, Thành phố Hà Nội")],
     ["Đặng Quốc Bảo: Chủ tịch UBND phường Minh Khai; Chủ tịch Ủy ban bầu cử phường",
      "Hà Thị Phương: Bí thư Đảng ủy phường Minh Khai"]),
    ("ha-noi/baomoi-shape.record-30112003-mojibake.json", "30112003", "2016-06-28", "event",
     ["2016-2021"], [_w("phường", "Hàng Bạc", HK, "Hà Nội", HN_HK)],
     ["Lương Thị Mai: Chủ tịch HĐND phường Hàng Bạc; Bí thư Đảng ủy phường",
      "Cao Xuân Trường: Phó Chủ tịch HĐND phường", "Nguyễn Tiến Đạt: Chủ tịch UBND phường"]),
    ("ha-noi/baomoi-shape.record-30112003-mojibake.json", "30112004", "2024-09-12", "event",
     [], [_w("phường", "Minh Khai", "Quận Hai Bà Trưng", "Hà Nội", "Phường Tương Mai, Thành phố Hà Nội")],
     ["Trịnh Văn Hiếu: Bí thư Đảng ủy phường Minh Khai"]),
    ("ha-noi/hoan-kiem-dai-hoi-2025.utf16be-bom.html", None, "2025-07-30", "published",
     ["2025-2030"],
     [_w("phường", "Hoàn Kiếm", None, "Hà Nội", HN_HK)]
     + [_w("phường", n, HK, "Hà Nội", HN_HK) for n in
        ("Hàng Bạc", "Hàng Đào", "Hàng Buồm", "Hàng Gai", "Lý Thái Tổ", "Hàng Trống", "Đồng Xuân", "Cửa Đông")]
     + [_w("phường", "Tràng Tiền", HK, "Hà Nội", "Phường Cửa Nam, Thành phố Hà Nội")],
     ["Quách Hữu Nghĩa: Phó Bí thư Thành ủy Hà Nội",
      "Phan Anh Dũng: Bí thư Đảng ủy phường Hoàn Kiếm",
      "Đinh Thị Ngọc Ánh: Phó Bí thư Đảng ủy; Chủ tịch UBND phường"]),
    ("ha-noi/minh-khai-bac-tu-liem-hdnd-2019.utf8-bom.txt", None, "2019-12-18", "published",
     ["2016-2021", "2020-2025"],
     [_w("phường", "Minh Khai", "Quận Bắc Từ Liêm", "Hà Nội", "Phường Tây Tựu, Thành phố Hà Nội")],
     ["Kiều Thị Nga: Chủ tịch HĐND phường", "Đặng Quốc Bảo: Chủ tịch UBND phường Minh Khai"]),
    # --- part 2: hue (pre-2025 wards shown in thành phố Huế, tỉnh Thừa Thiên Huế) ----------
    ("hue/phu-hoi-dai-hoi-2020.tcvn3.txt", None, "2020-05-13", "published",
     ["2020-2025", "2015-2020"], [_hue("Phú Hội", HUE_TH)],
     ["Trương Thị Diệu Linh: Phó Bí thư Thành ủy Huế",
      "Lê Quang Vinh: Bí thư Đảng ủy phường Phú Hội"]),
    ("hue/vinh-ninh-lu-lut-2020.vni-times.html", None, "2020-10-20", "event",
     [], [_hue("Vĩnh Ninh", HUE_TH)],
     ["Hồ Văn Sơn: Chủ tịch UBND phường Vĩnh Ninh",
      "Nguyễn Thị Ánh Tuyết: Chủ tịch Ủy ban MTTQ Việt Nam phường"]),
    ("hue/thuan-hoa-hdnd-2021.viscii.html", None, "2021-06-26", "published",
     ["2021-2026", "2016-2021"], [_hue("Thuận Hòa", HUE_PX)],
     ["Tôn Nữ Thanh Tâm: Phó Bí thư Thường trực Đảng ủy phường; Chủ tịch HĐND phường Thuận Hòa",
      "Nguyễn Đăng Khoa: Phó Chủ tịch HĐND phường", "Văn Công Hậu: Chủ tịch UBND phường"]),
    ("hue/thuan-hoa-hdnd-2023.windows-1258.txt", None, "2023-12-15", "event",
     ["2021-2026"], [_hue("Thuận Hoà", HUE_PX)],
     ["Tôn Nữ Thanh Tâm: Chủ tịch HĐND phường Thuận Hoà",
      "Nguyễn Đăng Khoa: Phó Chủ tịch HĐND phường", "Trần Văn Hoà: Phó Chủ tịch UBND phường"]),
    ("hue/phu-xuan-ra-mat-2025.utf8-mojibake.html", None, "2025-07-01", "published",
     ["2021-2026"],
     [_w("phường", "Phú Xuân", None, "Huế", HUE_PX)]
     + [_hue(n, HUE_PX) for n in ("Thuận Hòa", "Đông Ba", "Gia Hội", "Phú Hậu", "Tây Lộc", "Thuận Lộc")],
     ["Nguyễn Thị Bích Thủy: Bí thư Đảng ủy phường Phú Xuân",
      "Văn Công Hậu: nguyên Chủ tịch UBND phường Thuận Hòa; Chủ tịch UBND phường"]),
    ("hue/vinh-ninh-dai-hoi-2015.utf16le-bom.txt", None, "2015-06-18", "event",
     ["2015-2020", "2010-2015"], [_hue("Vĩnh Ninh", HUE_TH)],
     ["Hoàng Minh Tâm: Phó Bí thư Tỉnh ủy Thừa Thiên Huế", "Phan Thị Hạnh: Bí thư Đảng ủy phường",
      "Hồ Văn Sơn: Phó Bí thư Đảng ủy; Chủ tịch UBND phường Vĩnh Ninh"]),
    # --- part 3: dates without a year, two people of one name --------------------------------
    ("ha-noi/me-linh/01-yearless-folder-year-ra-quan-tien-phong.txt", None, "2021-05-15", "event",
     [], [_w("xã", "Tiền Phong", "Huyện Mê Linh", "Hà Nội", "Xã Mê Linh, Thành phố Hà Nội")],
     ["Trần Minh Đức: Chủ tịch UBND huyện Mê Linh",
      "Nguyễn Thị Hồng Vân: Chủ tịch UBND xã Tiền Phong"]),
    ("ha-giang/dong-van-yearless-tuan-tra-cho-phien.txt", None, "None", "event",
     [], [_w("thị trấn", "Đồng Văn", "Huyện Đồng Văn", "Hà Giang", "Xã Đồng Văn, Tỉnh Tuyên Quang")],
     ["Trần Minh Đức: Thượng tá; Trưởng Công an huyện Đồng Văn"]),
]

# Part 3's dates as the JSON gives them: (date at its precision, precision, source)
PARTIAL = {
    "ha-noi/me-linh/01-yearless-folder-year-ra-quan-tien-phong.txt": ("2021-05-15", "day", "folder"),
    "ha-giang/dong-van-yearless-tuan-tra-cho-phien.txt": ("--09-02", "month-day", "text"),
}
# Part 3's officials as people: one name, two provinces
PEOPLE = {
    "ha-noi/me-linh/01-yearless-folder-year-ra-quan-tien-phong.txt": "Trần Minh Đức (Hà Nội)",
    "ha-giang/dong-van-yearless-tuan-tra-cho-phien.txt": "Trần Minh Đức (Hà Giang)",
}


@pytest.fixture(scope="session")
def corpus_articles() -> dict[tuple[str, str | None], Article]:
    """Every article of the corpus, read once, by (source, key) and for WARC records by url."""
    found: dict[tuple[str, str | None], Article] = {}
    for item in read_articles(CORPUS):
        if isinstance(item, Article):
            found[(item.source, item.key)] = item
            if item.source.endswith((".warc", ".warc.gz")) and item.url:
                found[(item.source, item.url)] = item
    return found


def _ident(row) -> str:
    source, key = row[0], row[1]
    return f"{source.rsplit('/', 1)[-1][:40]}#{key.rsplit('/', 1)[-1][:30]}" if key else source.rsplit("/", 1)[-1]


def _article(corpus_articles, row) -> Article:
    key = (row[0], row[1])
    assert key in corpus_articles, f"no article {key} in the corpus"
    return corpus_articles[key]


def test_the_table_covers_every_article_of_the_corpus(corpus_articles):
    articles = {id(a) for a in corpus_articles.values()}
    assert len(articles) == len(EXPECTED) == 49


@pytest.mark.parametrize("source", sorted(PARTIAL))
def test_a_yearless_date_takes_the_folder_year_or_stays_partial(corpus_articles, source):
    article = corpus_articles[(source, None)]
    assert (article.date_partial, article.date_precision, article.date_source) == PARTIAL[source]


@pytest.mark.parametrize("source", sorted(PEOPLE))
def test_one_name_in_two_provinces_is_two_people(corpus_articles, source):
    assert PEOPLE[source] in {o.entity for o in corpus_articles[(source, None)].officials}


@pytest.mark.parametrize("row", EXPECTED, ids=_ident)
def test_article_date_and_its_kind(corpus_articles, row):
    article = _article(corpus_articles, row)
    assert (str(article.date), article.date_kind) == (row[2], row[3])


@pytest.mark.parametrize("row", EXPECTED, ids=_ident)
def test_article_terms(corpus_articles, row):
    assert list(_article(corpus_articles, row).terms) == row[4]


@pytest.mark.parametrize("row", EXPECTED, ids=_ident)
def test_article_wards_with_district_province_and_now(corpus_articles, row):
    found = {_w(w.type, w.name, w.district, w.province, w.now) for w in _article(corpus_articles, row).wards}
    assert found == set(row[5])


@pytest.mark.parametrize("row", EXPECTED, ids=_ident)
def test_article_officials_with_their_roles(corpus_articles, row):
    found = {f"{o.name}: {'; '.join(o.roles)}" for o in _article(corpus_articles, row).officials}
    assert found == set(row[6])
