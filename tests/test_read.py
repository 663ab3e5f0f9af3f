"""Walking a folder and dispatching by type; every kind of bad input gets its one-line reason."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wardnews.archive.article import Document
from wardnews.archive.errors import Problem
from wardnews.archive.read import iter_files, read_file

DATA = Path(__file__).resolve().parent / "data" / "formats"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SUPPORTED = ".txt .html .htm .json .jsonl .warc .warc.gz (also .json.gz, .jsonl.gz)"


def _tree(root: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
    return root


def _names(items, root: Path) -> list[str]:
    return [
        f"skipped {i.source}" if isinstance(i, Problem) else i.relative_to(root).as_posix()
        for i in items
    ]


def test_iter_files_walks_sorted_and_lists_unknown_types_as_skipped(tmp_path):
    _tree(tmp_path, {
        "b.txt": "x", "a/z.HTML": "x", "a/c.warc.gz": b"", "c/notes.pdf": b"%PDF",
        "d.jsonl.gz": b"", "e.JSON": "{}", "f.htm": "x", "g.jsonl": "", "h.json.gz": b"",
        "i.warc": b"",
    })
    assert _names(iter_files(tmp_path), tmp_path) == [
        "a/c.warc.gz", "a/z.HTML", "b.txt", "skipped c/notes.pdf", "d.jsonl.gz", "e.JSON",
        "f.htm", "g.jsonl", "h.json.gz", "i.warc",
    ]


def test_iter_files_leaves_out_folder_settings_readmes_and_hidden_files(tmp_path):
    _tree(tmp_path, {
        "corpus.toml": "province = 'Hà Nam'", "README.md": "x", "sub/README": "x",
        "sub/readme.md": "x", ".hidden.txt": "x", ".git/config.txt": "x", "sub/.cache/a.txt": "x",
        "sub/a.txt": "x",
    })
    assert _names(iter_files(tmp_path), tmp_path) == ["sub/a.txt"]


def test_the_skipped_reason_names_the_type_and_what_is_read(tmp_path):
    _tree(tmp_path, {"bien-ban.docx": b"PK\x03\x04", "ghi-chu": "x"})
    assert [(p.source, p.reason, p.kind) for p in iter_files(tmp_path)] == [
        ("bien-ban.docx", f"unknown file type .docx: not read; supported are {SUPPORTED}", "skipped"),
        ("ghi-chu", f"unknown file type (no extension): not read; supported are {SUPPORTED}",
         "skipped"),
    ]


def test_a_single_file_is_accepted_and_named_by_itself():
    path = DATA / "portal.txt"
    assert list(iter_files(path)) == [path]
    [doc] = read_file(path, path)
    assert doc.source == "portal.txt"


def test_sources_are_relative_to_the_root_with_slashes(tmp_path):
    shutil.copy(DATA / "portal.txt", _tree(tmp_path, {"ha-nam/phu-ly/x.txt": "x"}) / "ha-nam/phu-ly/x.txt")
    [doc] = read_file(tmp_path / "ha-nam/phu-ly/x.txt", tmp_path)
    assert doc.source == "ha-nam/phu-ly/x.txt"


def test_read_file_dispatches_on_case_insensitive_suffixes(tmp_path):
    shutil.copy(DATA / "portal.html", tmp_path / "PAGE.HTM")
    shutil.copy(DATA / "one.json", tmp_path / "ONE.Json")
    kinds = [type(d).__name__ for name in ("PAGE.HTM", "ONE.Json") for d in read_file(tmp_path / name, tmp_path)]
    assert kinds == ["Document", "Document"]


# --- bad input ---------------------------------------------------------------------------

EMPTY = "empty file: nothing to read; save the page again or remove the file"
BINARY_NUL = "binary file, not text: binary data (it contains NUL bytes); remove it or convert it to text"
TOO_LARGE = (
    "file too large: 50.0 MB, over the 20 MB limit for a one-article file; "
    "split it, or store many articles as JSONL"
)
TRUNCATED = "truncated HTML: the page stops before any article text; save the page again"


def _problems(path: Path, root: Path) -> list[tuple[str | None, str]]:
    return [(i.where, i.reason) for i in read_file(path, root) if isinstance(i, Problem)]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", EMPTY),
        ("blank.html", b"  \n\r\n ", EMPTY),
        ("empty.json", b"", EMPTY),
        ("empty.jsonl", b"\n\n", EMPTY),
        ("empty.warc", b"", EMPTY),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64),
         "binary file, not text: a PNG image; remove it or convert it to text"),
        ("report.html", b"%PDF-1.4 ...", "binary file, not text: a PDF document; remove it or convert it to text"),
        ("data.txt", b"abc\x00\x01\x02def", BINARY_NUL),
        ("data.jsonl", b"\x00\x01\x02{}\n", BINARY_NUL),
        ("cut.html", (DATA / "truncated-head.html").read_bytes(), TRUNCATED),
        ("menu.html", b"<html><body><nav><a>Trang ch\xe1\xbb\xa7</a></nav></body></html>",
         "no article text in the page (only menus, scripts or markup); check that it is an article page"),
        ("menu.txt", "Skip to main content\nTrang chủ\nIn bài viết\n".encode(),
         "no article text left once menus, links and image names are removed; "
         "check that the file holds an article"),
        ("bad.json", b'{"title": "x",', "invalid JSON: Expecting property name enclosed in double quotes "
         "at line 1 column 15; fix the file"),
        ("not-warc.warc", b"hello world\n", "not a readable WARC (Unknown archive format, first line: "
         "['hello', 'world']); check that the file is a web archive"),
    ],
)
def test_a_bad_file_gives_one_problem_with_its_reason(tmp_path, name, content, reason):
    _tree(tmp_path, {name: content})
    items = list(read_file(tmp_path / name, tmp_path))
    assert [(i.source, i.where, i.reason) for i in items] == [(name, None, reason)]


def test_undecodable_bytes_give_the_decoders_reason(tmp_path, monkeypatch):
    import wardnews.archive.formats
    from wardnews.archive.errors import DecodeError

    def refuse(data, declared=None):
        raise DecodeError("mixed encodings: UTF-8 and TCVN3 in one file")

    monkeypatch.setattr(wardnews.archive.formats, "decode_bytes", refuse)
    _tree(tmp_path, {"x.txt": "Phường"})
    assert _problems(tmp_path / "x.txt", tmp_path) == [
        (None, "cannot decode: mixed encodings: UTF-8 and TCVN3 in one file")
    ]


def test_undecodable_jsonl_line_is_reported_and_the_rest_read(tmp_path):
    good = json.dumps({"title": "Xã A họp dân", "text": "Sáng 1/3, xã họp dân."}, ensure_ascii=False)
    _tree(tmp_path, {"x.jsonl": good.encode() + b"\n" + b'{"title": "\x81\x8d\xff"}\n' + good.encode()})
    items = list(read_file(tmp_path / "x.jsonl", tmp_path))
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Document"]
    assert items[1].where == "line 2" and items[1].reason.startswith("cannot decode: ")


def test_a_50_mb_page_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.html"
    with open(path, "wb") as out:  # sparse: 50 MB on paper, nothing on disk
        out.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the file whole"))
    assert _problems(path, tmp_path) == [(None, TOO_LARGE)]


def test_a_big_jsonl_is_streamed_not_refused(tmp_path):
    line = json.dumps({"title": "Tin", "text": "Nội dung. " * 2000}, ensure_ascii=False) + "\n"
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(1000):  # about 21 MB
            out.write(line)
    count = sum(isinstance(i, Document) for i in read_file(path, tmp_path))
    assert path.stat().st_size > 20 * 1024 * 1024 and count == 1000


def test_a_truncated_jsonl_gz_keeps_the_records_before_the_damage(tmp_path):
    lines = "".join(
        json.dumps({"id": str(n), "title": f"Tin {n}", "text": f"Nội dung {n} " * 50}) + "\n"
        for n in range(200)
    ).encode()
    packed = gzip.compress(lines)
    _tree(tmp_path, {"cut.jsonl.gz": packed[: len(packed) * 2 // 3]})
    items = list(read_file(tmp_path / "cut.jsonl.gz", tmp_path))
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) > 50 and [d.key for d in docs] == [str(n) for n in range(len(docs))]
    assert isinstance(items[-1], Problem)
    assert items[-1].reason == (
        f"truncated or corrupt gzip after {len(docs)} records (Compressed file ended before the "
        "end-of-stream marker was reached); the records before it were kept, compress the file again"
    )


def _warc_bytes(pages: list[tuple[str, str, bytes]]) -> tuple[bytes, list[str]]:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    ids = []
    for url, content_type, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(record)
        ids.append(record.rec_headers.get_header("WARC-Record-ID"))
    return out.getvalue(), ids


def _page(n: int) -> bytes:
    return (
        f"<html><head><title>Phường Tân Mai họp dân lần {n}</title></head><body>"
        f"<p>Tối {n}/3/2021, tổ dân phố số {n} phường Tân Mai họp bàn việc sửa đường.</p>"
        "</body></html>"
    ).encode()


def test_a_warc_without_html_responses_gives_one_problem(tmp_path):
    data, _ = _warc_bytes([
        ("http://a.vn/robots.txt", "text/plain", b"User-agent: *\n"),
        ("http://a.vn/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(50)),
        ("http://a.vn/site.css", "text/css", b"body { color: black }"),
    ])
    _tree(tmp_path, {"assets.warc.gz": data})
    assert _problems(tmp_path / "assets.warc.gz", tmp_path) == [(
        None,
        "no HTML response in this WARC (it holds 1 response image/png, 1 response text/css, "
        "1 response text/plain); nothing to read",
    )]


@pytest.mark.parametrize("cut", [40, 400])
def test_a_truncated_warc_gz_keeps_the_records_before_the_damage(tmp_path, cut):
    data, ids = _warc_bytes([(f"http://a.vn/{n}", "text/html", _page(n)) for n in range(1, 4)])
    _tree(tmp_path, {"cut.warc.gz": data[: len(data) - cut]})
    items = list(read_file(tmp_path / "cut.warc.gz", tmp_path))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.key for d in docs] == ids[: len(docs)] and 1 <= len(docs) <= 2
    problem = items[-1]
    assert isinstance(problem, Problem) and problem.source == "cut.warc.gz"
    assert problem.reason.startswith(f"truncated or corrupt WARC after {len(docs)} records (")
    assert problem.reason.endswith("); the records before it were kept, fetch or copy the archive again")


def test_a_record_that_cannot_be_decoded_names_the_record(tmp_path, monkeypatch):
    from wardnews.archive.errors import DecodeError
    from wardnews.archive.formats import warc

    original = warc.decode_bytes

    def refuse_the_second(data, declared=None):
        if "lần 2".encode() in data:
            raise DecodeError("not Vietnamese text in any known encoding")
        return original(data, declared)

    monkeypatch.setattr(warc, "decode_bytes", refuse_the_second)
    data, ids = _warc_bytes([(f"http://a.vn/{n}", "text/html", _page(n)) for n in range(1, 4)])
    _tree(tmp_path, {"x.warc.gz": data})
    items = list(read_file(tmp_path / "x.warc.gz", tmp_path))
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Document"]
    assert (items[1].where, items[1].reason) == (
        f"record {ids[1]}", "cannot decode: not Vietnamese text in any known encoding"
    )


def test_a_folder_with_bad_files_is_read_to_the_end(tmp_path):
    shutil.copy(DATA / "portal.txt", tmp_path / "a.txt")
    _tree(tmp_path, {"b.txt": b"", "c.pdf": b"%PDF", "d.jsonl": b'{"title": "x", "text": "y"}\n{oops\n'})
    shutil.copy(DATA / "portal.html", tmp_path / "e.html")
    out = [item for path in iter_files(tmp_path) for item in
           ([path] if isinstance(path, Problem) else read_file(path, tmp_path))]
    assert [(i.source, type(i).__name__) for i in out] == [
        ("a.txt", "Document"), ("b.txt", "Problem"), ("c.pdf", "Problem"),
        ("d.jsonl", "Document"), ("d.jsonl", "Problem"), ("e.html", "Document"),
    ]
    assert str(out[4]) == "d.jsonl (line 2): invalid JSON: Expecting property name enclosed in double quotes at column 2; fix or remove the line"


@pytest.mark.slow
def test_the_whole_baomoi_dump_reads_without_problems():
    path = SHARED / "data" / "news" / "baomoi-2017.jsonl.gz"
    if not path.is_file():
        pytest.skip("../shared is absent: no baomoi dump to read")
    items = list(read_file(path, path.parent))
    assert len(items) == 35440 and not [i for i in items if isinstance(i, Problem)]
