"""`wardnews inspect`: what a user sees on the terminal, and the JSON other programs read."""

import json

import pytest
from click.testing import CliRunner

from wardnews.cli import main

ARTICLE_KEYS = {
    "id", "source", "url", "title", "date", "date_kind", "category", "wards", "terms",
    "officials", "encoding", "text",
    # issue 10: the date at its precision, what gave it, and the historical dates named
    "date_partial", "date_precision", "date_source", "dates_mentioned",
}


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def test_inspect_json_gives_the_seed_page_as_the_issue_requires(seed_page):
    result = run("inspect", "--json", seed_page)
    assert result.exit_code == 0, result.output
    [article] = json.loads(result.stdout)
    assert set(article) == ARTICLE_KEYS
    assert article["title"].rstrip(".") == (
        "Đảng bộ phường Lương Khánh Thiện tổ chức đại hội đảng bộ điểm nhiệm kỳ 2020-2025"
    )
    assert article["category"] == "Tin tức - Sự kiện"
    assert [w["name"] for w in article["wards"]] == ["Lương Khánh Thiện"]
    assert article["wards"][0]["province"] in ("Hà Nam", None)
    assert set(article["terms"]) == {"2020-2025", "2015-2020"}
    roles = {o["name"]: o["roles"] for o in article["officials"]}
    assert roles == {
        "Đặng Đình Thoảng": ["UVBTV tỉnh ủy", "trưởng Ban Tổ chức tỉnh ủy"],
        "Bùi Văn Hùng": ["UVBTV tỉnh ủy", "Bí thư Thành ủy", "Chủ tịch HĐND thành phố"],
    }
    assert (article["date"], article["date_kind"]) == ("2020-05-04", "event")
    assert (article["date_partial"], article["date_precision"]) == ("2020-05-04", "day")
    assert article["dates_mentioned"] == []
    assert ".bmp" not in article["text"] and "Skip" not in article["text"]
    assert article["encoding"] == "utf-8"


def test_inspect_prints_a_readable_summary(seed_page):
    result = run("inspect", seed_page)
    assert result.exit_code == 0
    assert "Title:      Đảng bộ phường Lương Khánh Thiện" in result.output
    assert "Date:       04/05/2020 (event date found in the text)" in result.output
    assert "Bùi Văn Hùng — UVBTV tỉnh ủy; Bí thư Thành ủy; Chủ tịch HĐND thành phố" in result.output


def test_one_bad_file_is_listed_and_the_rest_are_read(tmp_path):
    (tmp_path / "good.txt").write_text(
        "UBND phường Minh Khai họp bàn kế hoạch\n\nSáng 3/3/2021, UBND phường Minh Khai họp.",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = run("inspect", "--json", tmp_path)
    assert result.exit_code == 1
    assert [a["source"] for a in json.loads(result.stdout)] == ["good.txt"]
    assert "2 not read:" in result.stderr
    assert "rejected: empty.txt: empty file" in result.stderr
    assert "skipped: scan.pdf: unknown file type .pdf" in result.stderr


def test_a_missing_path_is_a_usage_error():
    result = run("inspect", "no/such/file.txt")
    assert result.exit_code == 2
    assert "Path 'no/such/file.txt' does not exist" in result.output


def test_inspect_with_two_jobs_gives_the_same_articles_in_the_same_order(tmp_path):
    for n in range(1, 6):
        (tmp_path / f"{n}.txt").write_text(
            f"Kỳ họp thứ {n} HĐND xã Trường Xuân\n\nNgày {n}/7/2021, HĐND xã Trường Xuân họp.",
            encoding="utf-8",
        )
    one = json.loads(run("inspect", "--json", tmp_path).stdout)
    two = json.loads(run("inspect", "--json", "--jobs", "2", tmp_path).stdout)
    assert one == two and len(one) == 5


@pytest.mark.parametrize("command", [name for name in main.commands])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "-h")
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_an_article_comes_back_whole_from_its_json(seed_page):
    from wardnews.archive import Article, read_articles

    [article] = list(read_articles(seed_page))
    assert Article.from_json(article.to_json()) == article
