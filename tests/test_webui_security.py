"""Safety: escaping, security headers, no traceback or debugger, bounded input, no file access."""

import json
import re

import pytest

from wardnews.webui import create_app

EVIL_TITLE = "Phường An Bình <script>alert('title')</script> họp dân"
EVIL_TEXT = ("Ngày 4/3/2021, UBND phường An Bình tổ chức hội nghị. Câu hỏi gửi về có đoạn "
             "<script>alert('text')</script> và <img src=x onerror=alert(2)> trong thư.\n\n"
             "Hội nghị kết thúc lúc 11 giờ.")


@pytest.fixture(scope="module")
def evil_client(tmp_path_factory):
    """A client of an index whose one article carries markup in its title, text and URL."""
    from wardnews.index import build_index

    root = tmp_path_factory.mktemp("evil")
    corpus = root / "corpus"
    corpus.mkdir()
    record = {"title": EVIL_TITLE, "date": "2021-03-04", "url": "javascript:alert(3)",
              "text": EVIL_TEXT, "category": "Tin <b>tức</b>"}
    (corpus / "evil.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    build_index(corpus, root / "index")
    return create_app({"WARDNEWS_INDEX": str(root / "index"), "TESTING": True}).test_client()


def evil_id(client):
    return client.get("/api/search").get_json()["hits"][0]["id"]


@pytest.mark.parametrize("url", ["/", "/search?q=an+binh", "/search?q=script", "/ward/An Bình"])
def test_markup_in_articles_is_shown_as_text_in_lists(evil_client, url):
    html = evil_client.get(url).get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert re.search(r"&lt;(<mark>)?script(</mark>)?&gt;alert\(", html)


def test_markup_in_an_article_is_shown_as_text_on_its_page(evil_client):
    article_id = evil_id(evil_client)
    html = evil_client.get(f"/article/{article_id}?q=script").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>tức" not in html
    assert "&lt;<mark>script</mark>&gt;alert(" in html  # marked, and still escaped
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'href="javascript:' not in html  # a source URL that is not http(s) is not a link
    assert "Tin &lt;b&gt;tức&lt;/b&gt;" in html


def test_markup_in_a_citation_stays_text(evil_client):
    article_id = evil_id(evil_client)
    ris = evil_client.get(f"/article/{article_id}/citation.ris").get_data(as_text=True)
    assert f"TI  - {EVIL_TITLE}\r\n" in ris  # a file to download, not a page: kept as written
    assert evil_client.get(f"/article/{article_id}/citation.ris").mimetype != "text/html"


@pytest.mark.parametrize("query", ['<script>alert("q")</script>', '"><svg onload=alert(1)>',
                                   "</textarea><script>x</script>"])
def test_a_query_with_markup_is_shown_as_text(client, query):
    html = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    assert query not in html
    assert "<script>alert" not in html and "<svg onload" not in html and "<script>x" not in html
    assert 'value="&lt;script&gt;' in html or "&#34;&gt;&lt;svg" in html or "&lt;/textarea&gt;" in html


HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize("url", ["/", "/search?q=dai+hoi", "/api/search", "/api/nothing",
                                 "/search?page=0", "/no/page", "/static/style.css", "/static/app.js",
                                 "/export.csv", "/export.json", "/export.xlsx", "/term/2020-2025"])
def test_every_response_has_the_security_headers(client, url):
    response = client.get(url)
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    response.close()


def test_pages_have_no_inline_script_or_style(client):
    for url in ("/", "/search?q=dai+hoi", "/term/2020-2025"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert " on" + "click=" not in html and " onchange=" not in html


@pytest.fixture
def failing_client(demo_index, monkeypatch):
    """A client whose archive fails inside search, as an unexpected bug would."""
    from wardnews.webui.state import get_archive

    app = create_app({"WARDNEWS_INDEX": str(demo_index)})  # not TESTING: errors are handled
    with app.app_context():
        archive = get_archive()

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail /etc/passwd <script>")

    monkeypatch.setattr(archive, "search", broken)
    return app.test_client()


@pytest.mark.parametrize("url, json_body", [("/search?q=x", False), ("/api/search?q=x", True)])
def test_an_unexpected_error_is_a_500_without_a_traceback(failing_client, url, json_body):
    response = failing_client.get(url)
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    for leak in ("Traceback", "RuntimeError", "secret detail", "/etc/passwd", 'File "'):
        assert leak not in body
    if json_body:
        assert response.get_json() == {"ok": False, "error": "Internal server error; it has been logged"}
    else:
        assert "Đã có lỗi ở máy chủ" in body
    assert response.headers["X-Frame-Options"] == "DENY"


def test_debug_is_off_even_when_asked_for(demo_index, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"WARDNEWS_INDEX": str(demo_index), "DEBUG": True})
    assert app.debug is False


@pytest.mark.parametrize("url", ["/article/..%2F..%2Fpyproject.toml", "/article/%2Fetc%2Fpasswd",
                                 "/ward/..%2F..%2Fpyproject.toml", "/static/..%2F__init__.py",
                                 "/api/article/..%2F..%2Fpyproject.toml"])
def test_no_url_reaches_a_file_outside_static(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "create_app" not in response.get_data(as_text=True)
    assert "[build-system]" not in response.get_data(as_text=True)


def test_a_missing_index_is_a_503_that_says_what_to_do(tmp_path):
    client = create_app({"WARDNEWS_INDEX": str(tmp_path / "none")}).test_client()
    page = client.get("/search?q=x")
    assert page.status_code == 503 and "Chưa có chỉ mục để tìm" in page.get_data(as_text=True)
    api = client.get("/api/search")
    assert api.status_code == 503 and "wardnews index" in api.get_json()["error"]
