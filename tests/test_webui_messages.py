"""The parser's notes and the error pages in the interface's language; the JSON API unchanged."""

import html as htmllib
import pickle
import re

import pytest
from werkzeug.exceptions import RequestEntityTooLarge, RequestURITooLarge

from wardnews.index.notes import ENGLISH, Note, note
from wardnews.webui import create_app, i18n, messages

DEEP = "(" * 21 + "x"
MANY = " ".join(f"w{i}" for i in range(40))

# (query, the note's code, what the Vietnamese page says)
NOTED = [
    ('"đại hội', "quote_unclosed", "thiếu dấu ngoặc kép đóng; cụm từ được tính đến hết câu tìm"),
    ("đại hội title:", "field_empty", "“title:” không có giá trị nên đã được bỏ qua"),
    ("foo:bar", "field_unknown", "“foo:” không phải tên trường (các trường: title, ward, official, "
                                 "term, date, category); đã tìm như chữ thường"),
    ("date:2020-13", "date_unreadable", "“date:2020-13” không phải ngày hay khoảng ngày (NNNN, "
                                        "NNNN-TT, NNNN-TT-NN, A..B, --TT-NN)"),
    ("đại hội)", "bracket_unopened", "một dấu ngoặc đóng không có ngoặc mở nên đã được bỏ qua"),
    (DEEP, "nesting_deep", "các ngoặc và NOT lồng nhau sâu quá 20 lớp đã được bỏ qua"),
    ("đại hội NOT", "not_dangling", "NOT không có gì theo sau nên đã được bỏ qua"),
    ("(đại hội", "bracket_unclosed", "một dấu ngoặc mở chưa được đóng; coi như đóng ở cuối câu tìm"),
    (MANY, "clauses_cut", "chỉ dùng 32 từ và cụm từ đầu của câu tìm"),
    ("hoà bình", "loose_instead", "không bài nào có các từ đúng như đã gõ; 6 bài này có các từ với "
                                  "dấu khác hoặc các âm tiết đứng rời"),
    ("!!!", "nothing_to_search", "câu tìm không có gì để tìm (chỉ có dấu câu hoặc toán tử): không "
                                 "từ nào thu hẹp các bài"),
]


def notes_shown(client, query: str, lang: str) -> str:
    response = client.get("/search", query_string={"q": query, "lang": lang})
    assert response.status_code == 200
    found = re.search(r'<p class="notes"[^>]*>(.*?)</p>', response.get_data(as_text=True), re.S)
    assert found, f"no notes on the page for {query!r}"
    return htmllib.unescape(found.group(1))


@pytest.mark.parametrize("query, code, vietnamese", NOTED, ids=[c for _, c, _ in NOTED])
def test_each_note_is_said_in_vietnamese_and_in_english_as_the_api_says_it(client, query, code,
                                                                           vietnamese):
    api = client.get("/api/search", query_string={"q": query}).get_json()["notes"]
    opening = ENGLISH[code].split("{")[0][:25]  # the note's English, before its first value
    assert any(n.startswith(opening) for n in api), api
    shown_vi = notes_shown(client, query, "vi")
    assert vietnamese in shown_vi
    assert not any(n in shown_vi for n in api)  # no English left on the Vietnamese page
    shown_en = notes_shown(client, query, "en")
    assert all(n in shown_en for n in api)  # the English page says exactly the API's notes


def test_the_api_notes_are_the_english_strings_they_always_were(client):
    data = client.get("/api/search", query_string={"q": "(đại hội foo:bar"}).get_json()
    assert data["notes"] == [
        "'foo:' is not a field (fields: title, ward, official, term, date, category); searched as text",
        "a bracket was not closed; it closes at the end",
    ]


@pytest.mark.parametrize("made, vietnamese", [
    (note("query_cut", most=1000), "câu tìm chỉ được đọc 1000 ký tự đầu"),
    (note("prefix_many", prefix="th", most=200), "“th*” là đầu của hơn 200 từ: chỉ tìm 200 từ hay gặp nhất"),
])
def test_notes_no_demo_search_reaches_are_translated_too(made, vietnamese):
    assert messages.note_text(made, "vi") == vietnamese
    assert messages.note_text(made, "en") == str(made)


def test_every_note_code_has_both_languages_and_english_matches_the_index():
    values = {"most": 7, "name": "x", "fields": "a, b", "value": "v", "prefix": "p", "more": 3}
    for code, text in ENGLISH.items():
        made = Note(code, {k: v for k, v in values.items() if "{" + k + "}" in text})
        assert messages.note_text(made, "en") == str(made), code
        assert messages.note_text(made, "vi") != str(made), code


def test_a_note_is_its_english_string_and_survives_pickling():
    made = note("field_empty", name="ward")
    assert made == "'ward:' has no value and was left out" and isinstance(made, str)
    again = pickle.loads(pickle.dumps(made))
    assert again == made and again.code == "field_empty" and again.values == {"name": "ward"}
    assert messages.note_text("a plain string", "vi") == "a plain string"


def error_page(client, url: str) -> tuple[int, str, str]:
    response = client.get(url)
    html = response.get_data(as_text=True)
    heading = re.search(r'<h1 id="error-heading">(.*?)</h1>', html).group(1)
    message = re.search(r'<p class="message"[^>]*>(.*?)</p>', html).group(1)
    return response.status_code, htmllib.unescape(heading), htmllib.unescape(message)


@pytest.mark.parametrize("url, status, vi, en", [
    ("/search?page=0", 400, ("Yêu cầu chưa hợp lệ", "page phải là số nguyên từ 1 đến 10000, không phải “0”"),
     ("The request is not valid", "page must be a whole number from 1 to 10000, not “0”")),
    ("/search?sort=best", 400, ("Yêu cầu chưa hợp lệ", "sort phải là một trong các giá trị relevance, newest, oldest, không phải “best”"),
     ("The request is not valid", "sort must be one of relevance, newest, oldest, not “best”")),
    ("/search?year=twenty", 400, ("Yêu cầu chưa hợp lệ", "year phải là năm gồm bốn chữ số hoặc “unknown”, không phải “twenty”"),
     ("The request is not valid", "year must be four digits or “unknown”, not “twenty”")),
    ("/search?mentions=maybe", 400, ("Yêu cầu chưa hợp lệ", "mentions phải là 1 (có) hoặc 0 (không), không phải “maybe”"),
     ("The request is not valid", "mentions must be true or false (1 or 0), not “maybe”")),
    ("/search?limit=101", 400, ("Yêu cầu chưa hợp lệ", "limit phải là số nguyên từ 1 đến 100, không phải “101”"),
     ("The request is not valid", "limit must be a whole number from 1 to 100, not “101”")),
    ("/search?q=" + "a" * 1001, 400, ("Yêu cầu chưa hợp lệ", "q dài 1001 ký tự; chỉ được tối đa 1000 ký tự"),
     ("The request is not valid", "q is 1001 characters long; at most 1000 are allowed")),
    ("/search?ward=" + "x" * 301, 400, ("Yêu cầu chưa hợp lệ", "một giá trị của ward dài quá 300 ký tự"),
     ("The request is not valid", "ward is longer than 300 characters")),
    ("/search?" + "&".join(f"term={i}" for i in range(51)), 400,
     ("Yêu cầu chưa hợp lệ", "term được cho 51 lần; chỉ được tối đa 50 giá trị"),
     ("The request is not valid", "term is given 51 times; at most 50 values are allowed")),
    ("/article/0000000000000000", 404, ("Không tìm thấy", "Không có bài nào mang mã “0000000000000000” trong chỉ mục này."),
     ("Not found", "No article with id “0000000000000000” in this index.")),
    ("/article/" + "b" * 100, 404, ("Không tìm thấy", "Không có bài nào mang mã “" + "b" * 64 + "…” trong chỉ mục này."),
     ("Not found", "No article with id “" + "b" * 64 + "…” in this index.")),
    ("/term/1800-1805", 404, ("Không tìm thấy", "Không có bài nào về nhiệm kỳ “1800-1805” trong chỉ mục này."),
     ("Not found", "No article about the term “1800-1805” in this index.")),
    ("/official/Nobody Known", 404, ("Không tìm thấy", "Không có bài nào về cán bộ “Nobody Known” trong chỉ mục này."),
     ("Not found", "No article about the official “Nobody Known” in this index.")),
    ("/ward/Nowhere at all", 404, ("Không tìm thấy", "Không có bài nào về phường, xã “Nowhere at all” trong chỉ mục này."),
     ("Not found", "No article about the ward or commune “Nowhere at all” in this index.")),
    ("/no/such/page", 404, ("Không tìm thấy", "Không có trang nào ở địa chỉ này."),
     ("Not found", "There is no page at this address.")),
])
def test_error_pages_speak_the_interface_s_language(client, url, status, vi, en):
    assert error_page(client, url + ("&" if "?" in url else "?") + "lang=vi") == (status, *vi)
    assert error_page(client, url + ("&" if "?" in url else "?") + "lang=en") == (status, *en)


def test_dates_in_the_wrong_order_are_said_in_vietnamese_on_the_api_s_terms(client):
    # The search page says it beside the field (test_webui_dates.py); a page that cannot, says
    # it as an error, with the dates as the interface writes them.
    status, heading, message = error_page(client, "/article/0000000000000000?from=2021&to=2020")
    assert (status, heading) == (400, "Yêu cầu chưa hợp lệ")
    assert message == "from (01/01/2021) không được ở sau to (31/12/2020)"
    api = client.get("/api/search?from=2021&to=2020").get_json()
    assert api == {"ok": False, "error": "from (2021-01-01) must not be after to (2020-12-31)"}


def test_the_api_keeps_its_english_errors_whatever_the_language(client):
    for lang in ("vi", "en"):
        response = client.get(f"/api/search?page=0&lang={lang}")
        assert response.get_json() == {"ok": False,
                                       "error": "page must be a whole number from 1 to 10000, not '0'"}
        missing = client.get(f"/api/article/0000000000000000?lang={lang}").get_json()
        assert missing["error"] == "No article with id '0000000000000000' in this index"


def test_wrong_method_is_said_in_the_interface_s_language(client):
    response = client.post("/search?lang=vi")
    html = htmllib.unescape(response.get_data(as_text=True))
    assert response.status_code == 405
    assert "Phương thức không được nhận" in html and "Địa chỉ này chỉ nhận các phương thức GET, HEAD, OPTIONS." in html


@pytest.fixture(scope="module")
def raising(demo_index):
    """The app with two routes that fail as a too-large request would (413, 414)."""
    app = create_app({"WARDNEWS_INDEX": str(demo_index), "TESTING": True})

    @app.route("/too-large")
    def too_large():
        raise RequestEntityTooLarge()

    @app.route("/too-long")
    def too_long():
        raise RequestURITooLarge()

    return app.test_client()


@pytest.mark.parametrize("url, status, vi, en", [
    ("/too-large", 413, ("Yêu cầu quá lớn", "Yêu cầu gửi lên quá lớn để máy chủ đọc."),
     ("The request is too large", "The request is too large for the server to read.")),
    ("/too-long", 414, ("Địa chỉ quá dài", "Địa chỉ quá dài: hãy rút ngắn câu tìm hoặc bỏ bớt bộ lọc."),
     ("The address is too long", "The address is too long: shorten the query or remove some filters.")),
])
def test_too_large_and_too_long_are_said_in_the_interface_s_language(raising, url, status, vi, en):
    assert error_page(raising, url + "?lang=vi") == (status, *vi)
    assert error_page(raising, url + "?lang=en") == (status, *en)


def test_every_error_message_has_both_languages_with_the_same_placeholders():
    keys = [k for k in i18n.STRINGS["vi"] if k.startswith(("bad_", "note_", "missing_", "error_"))]
    assert {k for k in keys if k.startswith("note_")} == {"note_" + c for c in ENGLISH}
    assert all(k in i18n.STRINGS["en"] for k in keys)


def test_a_missing_index_is_said_in_the_interface_s_language(tmp_path):
    missing = tmp_path / "none"
    client = create_app({"WARDNEWS_INDEX": str(missing)}).test_client()
    assert error_page(client, "/search?q=x&lang=vi") == (
        503, "Chưa có chỉ mục để tìm",
        f"Chưa có chỉ mục ở {missing}: hãy chạy `wardnews index CORPUS --index {missing}` trước.")
    assert error_page(client, "/search?q=x&lang=en") == (
        503, "There is no index to search yet",
        f"No index at {missing}: run `wardnews index CORPUS --index {missing}` first.")
    api = client.get("/api/search?lang=vi").get_json()["error"]
    assert api.startswith(f"No index at {missing}: run `wardnews index CORPUS --index {missing}` first")


def test_a_bad_request_only_python_can_make_is_shown_as_it_is_marked_english():
    from wardnews.index import BadRequest

    assert messages.page_message(BadRequest("'x' is not a search option"), 400, "vi") == \
        ("'x' is not a search option", "en")


def test_an_outdated_index_is_said_in_both_languages(tmp_path):
    from wardnews.index import IndexOutdated

    error = IndexOutdated(tmp_path)
    assert messages.page_message(error, 503, "vi") == (
        f"Chỉ mục ở {tmp_path} do một phiên bản wardnews cũ hơn dựng: hãy chạy "
        f"`wardnews index --full --index {tmp_path}` để dựng lại.", None)
    assert messages.page_message(error, 503, "en")[0] == str(error) + "."
