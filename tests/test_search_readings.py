"""What a search matches by default (the words as typed), what it offers (the loose reading),
and that every number shown describes exactly the set listed."""

from __future__ import annotations

import csv
import io
import json

import pytest

from wardnews import Archive, build_index

FILLER = ("Cán bộ và nhân dân trong khu dân cư cùng tham gia buổi sinh hoạt, nghe phổ biến kế "
          "hoạch của địa phương trong thời gian tới.")
ARTICLES = {
    # Typed diacritics: Đảng (the Party), đang (currently), đáng (worth), dạng (form)
    "dang-party": ("Đảng bộ phường họp", "Đảng bộ phường tổ chức hội nghị sơ kết."),
    "dang-now": ("Phường đang sửa đường", "Phường đang sửa đường trước chợ."),
    "dang-worth": ("Điều đáng chú ý", "Một điều đáng chú ý ở khu phố."),
    # Names: side by side, in their diacritics
    "thuy-xuan": ("Tin phường Thụy Xuân", "Phường Thụy Xuân ra quân dọn vệ sinh."),
    "thuy-xuan-other": ("Tin phường Thủy Xuân", "Phường Thủy Xuân ra quân dọn vệ sinh."),
    "thuy-apart": ("Tin thụy điển", "Bạn bè Thụy Điển thăm khu phố, mùa Xuân năm nay."),
    "dinh-la-thang": ("Đinh La Thăng thăm phường", "Ông Đinh La Thăng đến thăm bà con."),
    "la-thang": ("Lịch họp", "Hôm nay là tháng Chạp; ông Đinh Văn Sáu họp dân."),
    # Tone placement and i/y
    "hoa-giai-old": ("Tổ hòa giải", "Tổ hòa giải ở cơ sở hoạt động tốt."),
    "hoa-giai-new": ("Tổ hoà giải", "Tổ hoà giải ở cơ sở hoạt động tốt."),
    "hoa-giai-chemistry": ("Hóa giải mâu thuẫn", "Cách hóa giải mâu thuẫn trong gia đình."),
    "nhiem-ky-y": ("Nhiệm kỳ mới", "Đại hội nhiệm kỳ 2020-2025 thành công."),
    "nhiem-ky-i": ("Nhiệm kì mới", "Đại hội nhiệm kì 2020-2025 thành công."),
    "tuy": ("Tuy nhiên", "Tuy nhiên, công việc còn nhiều."),
    "tui": ("Túi quà", "Trao túi quà cho hộ nghèo."),
    # Words vs scattered syllables, and punctuation
    "hoc-sinh": ("Học sinh đến trường", "Học sinh phường đến trường đông đủ."),
    "hoc-sinh-apart": ("Trường học mới", "Ngôi trường học mới khánh thành, sinh hoạt vui vẻ."),
    "hoi-dong": ("Hội đồng nhân dân họp", "Hội đồng nhân dân phường họp kỳ thứ hai."),
    "hoi-comma": ("Lễ hội làng", "Lễ hội, đồng thời là dịp gặp mặt bà con."),
    # Abbreviations as forms
    "dc-form": ("Đ/c Hùng thăm hỏi", "Đ/c Bùi Văn Hùng thăm hỏi gia đình chính sách."),
    "dc-long": ("Đồng chí Hùng thăm hỏi", "Đồng chí Bùi Văn Hùng thăm hỏi các gia đình."),
    "dc-credit": ("Khánh thành nhà văn hóa", "Nhà văn hóa mới khánh thành. Ảnh: Đ.C"),
    "dc-gold": ("Giá vàng", "Giá vàng hôm nay tăng thêm 1 triệu đồng/chỉ."),
    # Prefixes
    "thien": ("Phường Lương Khánh Thiện", "Phường Lương Khánh Thiện dọn vệ sinh."),
    "thieu": ("Thiếu nhi vui hè", "Thiếu nhi vui hè tại nhà văn hóa."),
    "thien-folded": ("Thiên nhiên", "Bảo vệ thiên nhiên trong khu dân cư."),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("readings")
    lines = []
    for number, (key, (title, text)) in enumerate(ARTICLES.items()):
        lines.append(json.dumps({"id": key, "title": title, "text": f"{text}\n\n{FILLER}",
                                 "url": f"https://phuong.example/{key}",
                                 "date": f"{2015 + number % 8}-0{1 + number % 9}-15"},
                                ensure_ascii=False))
    (root / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_index(root / "articles.jsonl", root / "index")
    with Archive(root / "index") as opened:
        yield opened


def keys(result) -> set[str]:
    return {hit.url.rsplit("/", 1)[1] for hit in result.hits}


# query → (found by default, found only by the loose reading)
RULES = [
    # 1. typed diacritics are meant; without, every accent
    ("Đảng", {"dang-party"}, {"dang-now", "dang-worth"}),
    ("đang", {"dang-now"}, {"dang-party", "dang-worth"}),
    ("dang", {"dang-party", "dang-now", "dang-worth"}, set()),
    ("ĐẢNG", {"dang-party"}, {"dang-now", "dang-worth"}),
    # tone placement and i/y are spellings of one word, never other tones or rhymes
    ("hòa giải", {"hoa-giai-old", "hoa-giai-new"}, {"hoa-giai-chemistry"}),
    ("hoà giải", {"hoa-giai-old", "hoa-giai-new"}, {"hoa-giai-chemistry"}),
    ("nhiệm kì", {"nhiem-ky-y", "nhiem-ky-i"}, set()),
    ("nhiem ky", {"nhiem-ky-y", "nhiem-ky-i"}, set()),
    ("tuy", {"tuy"}, set()),
    ("túi", {"tui"}, set()),
    # 2. words are words: a name, side by side, in its diacritics
    ("Thụy Xuân", {"thuy-xuan"}, {"thuy-xuan-other", "thuy-apart"}),
    ("Thuy Xuan", {"thuy-xuan", "thuy-xuan-other"}, {"thuy-apart"}),
    ("Đinh La Thăng", {"dinh-la-thang"}, {"la-thang"}),
    ("Luong Khánh Thien", {"thien"}, set()),
    # quotes ask for the words side by side in both readings, never across punctuation
    ('"học sinh"', {"hoc-sinh"}, set()),
    ('"hội đồng"', {"hoi-dong"}, set()),
    ('"hoi dong"', {"hoi-dong"}, set()),
    # 4. abbreviations match their forms, not lookalikes
    ("đ/c Hùng", {"dc-form", "dc-long"}, set()),
    ("đ/c", {"dc-form", "dc-long"}, set()),
    ("đồng chí", {"dc-form", "dc-long"}, {"dc-gold"}),
    # 5. prefixes, on the exact tier when typed with diacritics
    ("Thiệ*", {"thien"}, set()),
    ("thie*", {"thien", "thieu", "thien-folded"}, set()),
]


@pytest.mark.parametrize("query, strict, loose_only", RULES, ids=[r[0] for r in RULES])
def test_each_reading_finds_what_its_rule_says(archive, query, strict, loose_only):
    default = archive.search(query, limit=100)
    loose = archive.search(query, limit=100, match="loose")
    assert keys(default) == strict, keys(default)
    assert keys(loose) - keys(default) == loose_only
    assert default.more == len(loose_only) and loose.more == len(loose_only)
    assert default.match == "strict" and loose.match == "loose"


@pytest.mark.parametrize("query", ["đ/c", "đồng chí"])
def test_abbreviations_are_not_photo_credits_or_gold_prices(archive, query):
    for match in ("strict", "loose"):
        assert not {"dc-credit"} & keys(archive.search(query, limit=100, match=match))
    assert "dc-gold" not in keys(archive.search("đ/c", limit=100, match="loose"))


def test_when_only_the_loose_reading_finds_something_it_is_shown_with_a_note(archive):
    result = archive.search("đáng sửa", limit=100)  # đáng and sửa are never together
    assert result.match == "loose" and result.total > 0
    assert any("no article has the words as typed" in note for note in result.notes)


@pytest.mark.parametrize("query", ["!!!", "...", "*", '""', "AND OR", "( )"])
def test_a_query_with_nothing_to_search_says_so(archive, query):
    result = archive.search(query)
    assert result.nothing_to_search and any("nothing in the query can be searched" in n
                                            for n in result.notes)


def test_a_prefix_past_its_bound_says_what_was_searched(archive, monkeypatch):
    from wardnews.index import search

    monkeypatch.setattr(search, "MAX_PREFIX_WORDS", 1)
    archive._plans.clear()
    result = archive.search("th*")
    assert "'th*' begins more than 1 words: the 1 most frequent were searched" in result.notes
    archive._plans.clear()


# --- marks ---------------------------------------------------------------------------------

@pytest.mark.parametrize("query, marked, unmarked", [
    ("Thụy Xuân", "<mark>Thụy Xuân</mark>", None),
    ("Đảng", "<mark>Đảng</mark>", None),
    ('"nhiệm kỳ 2020-2025"', "<mark>nhiệm kỳ 2020-2025</mark>", None),
    ("đ/c Hùng", "<mark>Đ/c</mark>", None),
    ("Lương Khánh Thiện", "<mark>Lương Khánh Thiện</mark>", None),
])
def test_snippets_mark_what_matched_under_the_reading(archive, query, marked, unmarked):
    hits = archive.search(query, limit=100).hits
    assert any(marked in hit.snippet or marked in hit.title_marked for hit in hits)
    for hit in hits:
        assert "<mark>Thủy" not in hit.snippet and "<mark>đang" not in hit.snippet


def test_the_highlighter_marks_the_typed_word_not_its_lookalikes(archive):
    text = "Đảng bộ và đang làm; Thụy Xuân, Thủy Xuân; vấn đề Văn hóa"
    assert archive.highlighter("Đảng").mark(text).count("<mark>") == 1
    assert archive.highlighter("vấn").mark(text) == text.replace("vấn", "<mark>vấn</mark>")
    assert "<mark>đang</mark>" in archive.highlighter("Đảng", "loose").mark(text)


# --- numbers describe the set listed -------------------------------------------------------

@pytest.mark.parametrize("match", ["strict", "loose"])
@pytest.mark.parametrize("query", ["Đảng", "hòa giải", "thie*", "phường", "đ/c"])
def test_totals_facets_chart_and_exports_describe_the_listed_set(archive, query, match):
    from wardnews.webui import create_app

    result = archive.search(query, limit=100, match=match, facet_limit=1000)
    every = list(archive.iter_results(query, match=match))
    assert result.total == len(result.hits) == len(every)
    assert {h.id for h in every} == {h.id for h in result.hits}
    # every article listed is in one year's count or bar, the year-unknown ones included
    undated = [h for h in every if not h.date_partial or h.date_partial.startswith("--")]
    assert sum(v.count for v in result.facets["year"]) == result.total
    assert sum(p.count for p in result.histogram) == result.total
    assert sum(p.count for p in result.histogram if p.period == "unknown") == len(undated)
    client = create_app({"WARDNEWS_INDEX": str(archive.location), "TESTING": True}).test_client()
    text = client.get("/export.csv", query_string={"q": query, "match": match}).get_data(as_text=True)
    rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if r and not r[0].startswith("#")]
    assert len(rows) - 1 == result.total  # less the header
    page = client.get("/api/search", query_string={"q": query, "match": match}).get_json()
    assert page["total"] == result.total and page["match"] == result.match
    assert page["more"] == result.more


def test_the_search_page_offers_the_rest_counted_and_one_click_adds_it(archive):
    from wardnews.webui import create_app

    client = create_app({"WARDNEWS_INDEX": str(archive.location), "TESTING": True}).test_client()
    page = client.get("/search?q=%C4%90%E1%BA%A3ng").get_data(as_text=True)
    assert "Thêm 2 bài có các từ này với dấu khác hoặc các âm tiết đứng rời" in page
    assert 'href="/search?q=%C4%90%E1%BA%A3ng&amp;match=loose"' in page
    loose = client.get("/search?q=%C4%90%E1%BA%A3ng&match=loose").get_data(as_text=True)
    assert '<p class="total" role="status">Kết quả 1–3 trong 3 bài</p>' in loose
    assert "Chỉ các từ đúng như đã gõ (1 bài)" in loose


def test_cli_loose_and_the_count_of_the_rest(archive):
    from click.testing import CliRunner

    from wardnews.cli import main

    said = CliRunner().invoke(main, ["search", "Đảng", "--index", str(archive.location)]).output
    assert said.splitlines()[1] == ("2 more with the words in other accents or their syllables "
                                    "apart: --loose lists them too")
    loose = CliRunner().invoke(main, ["search", "Đảng", "--loose", "--index",
                                      str(archive.location), "--json"]).output
    data = json.loads(loose)
    assert data["total"] == 3 and data["match"] == "loose" and data["more"] == 2


# --- which typed syllables form one word ---------------------------------------------------

def _statistics(pairs: dict[str, int], syllables: dict[str, int], total: int = 17_000_000):
    from wardnews.index.words import Statistics

    def frequency(field: str, key: str) -> float:
        return (pairs if field.endswith("pairs") else syllables).get(key, 0)

    return Statistics(frequency, total)


@pytest.mark.parametrize("typed, lengths", [
    (["quy", "chế", "dân", "chủ", "cơ", "sở"], [2, 2, 2]),
    (["dân", "chủ", "cơ", "sở"], [2, 2]),
    (["học", "sinh", "giỏi"], [2, 1]),
    (["Đinh", "La", "Thăng"], [3]),  # capitals: a name, whatever the counts
    (["hoc", "sinh"], [2]),  # typed without diacritics: the folded counts
])
def test_syllables_the_archive_writes_together_are_one_word(typed, lengths):
    from wardnews.index.words import word_lengths

    statistics = _statistics(
        # counts of the kind the baomoi archive gives (17 million syllables)
        pairs={"quy che": 900, "dân chủ": 1100, "cơ sở": 8700, "chủ cơ": 12, "chế dân": 3,
               "học sinh": 5300, "sinh giỏi": 4, "hoc sinh": 5400},
        syllables={"quy": 11000, "che": 9000, "chế": 9000, "dân": 70000, "chủ": 50000,
                   "cơ": 40000, "sở": 30000, "học": 20000, "sinh": 25000, "giỏi": 3000,
                   "hoc": 21000})
    assert word_lengths(typed, statistics) == lengths


def test_a_multi_syllable_word_must_stand_side_by_side(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    together = "Học sinh phường Minh Khai đến trường đông đủ, học sinh lớp một rất vui."
    apart = "Trường học mới ở phường Minh Khai khánh thành; lễ mừng sinh nhật bác tổ trưởng."
    records = [{"id": f"t{n}", "title": f"Tin {n}", "text": together} for n in range(8)]
    records.append({"id": "apart", "title": "Tin khác", "text": apart})
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    build_index(corpus, tmp_path / "index")
    with Archive(tmp_path / "index") as opened:
        default = opened.search("học sinh", limit=100)
        assert default.total == 8 and default.more == 1  # "học ... sinh" apart, offered
        assert opened.search("hoc sinh", limit=100).more == 1
