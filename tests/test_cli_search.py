"""`wardnews search`: the table a user reads, the JSON contract, filters, order, pages, errors."""

import json
import unicodedata

import pytest
from click.testing import CliRunner

from wardnews.cli import main
from wardnews.render_search import marked_text
from wardnews.index import Archive

HIT_KEYS = {"id", "source", "url", "title", "date", "wards", "terms", "officials", "score",
            "snippet", "date_partial", "date_precision",  # issue 10: the date at its precision
            "date_kind"}  # issue 12: published or event, as an article's JSON says
DESIGN_KEYS = {"query", "total", "page", "hits", "facets", "suggestion"}
DATE_FORMS = "use YYYY, YYYY-MM or YYYY-MM-DD"


def run(*args, env=None):
    return CliRunner().invoke(main, list(map(str, args)), env={"COLUMNS": "100", **(env or {})})


@pytest.fixture(scope="module")
def search(demo_index):
    """Run `wardnews search` on the demo index; returns the click result."""
    return lambda *args, **kw: run("search", "--index", demo_index, *args, **kw)


@pytest.fixture(scope="module")
def found(search):
    """The JSON of a search on the demo index, every hit on one page."""
    def found(*args):
        result = search(*args, "--json", "--limit", 100)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
    return found


def ids(data):
    return {hit["id"] for hit in data["hits"]}


def test_json_is_the_design_contract(found):
    data = found("luong khanh thien")
    assert DESIGN_KEYS <= set(data)
    assert data["query"] == "luong khanh thien" and data["page"] == 1
    assert data["total"] == len(data["hits"]) > 0
    assert all(set(hit) == HIT_KEYS for hit in data["hits"])
    assert {"ward", "term", "official", "year"} <= set(data["facets"])
    for values in data["facets"].values():
        assert all({"value", "count", "selected"} <= set(v) for v in values)
    assert data["suggestion"].startswith("Lương Khánh Thiện (")


def test_json_prints_exactly_what_the_library_returns(search, demo_index):
    result = search("đại hội", "--term", "2020-2025", "--sort", "newest", "--json")
    with Archive(demo_index) as archive:
        expected = archive.search(query="đại hội", terms=("2020-2025",), sort="newest").to_json()
    assert json.loads(result.stdout) == json.loads(json.dumps(expected, ensure_ascii=False))


def test_table_shows_total_suggestion_rank_date_title_ward_and_marked_snippet(search, found):
    total = found("luong khanh thien")["total"]
    result = search("luong khanh thien")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f'Results 1–{min(total, 10)} of {total} for "luong khanh thien"'
    assert lines[1].startswith("Did you mean: Lương Khánh Thiện (")
    assert any(line.startswith("1. ") and "[Lương Khánh Thiện]" in line for line in lines)
    assert "phường Lương Khánh Thiện (" in result.stdout
    assert "<mark>" not in result.stdout


def test_dates_in_the_table_are_day_month_year(search, found):
    first = found("đại hội", "--sort", "newest")["hits"][0]
    year, month, day = first["date"].split("-")
    assert f"1. {day}/{month}/{year}  " in search("đại hội", "--sort", "newest").stdout


def test_facets_are_shown_on_request_only(search, found):
    data = found("đại hội")
    plain, faceted = search("đại hội"), search("đại hội", "--facets")
    assert "Facets" not in plain.stdout
    assert f"Facets (counts over all {data['total']} results):" in faceted.stdout
    top = data["facets"]["term"][0]
    assert f"{top['count']:>6}  {top['value']}" in faceted.stdout


def test_two_wards_combine_with_or(found):
    one, two = found("", "--ward", "Lam Hạ"), found("", "--ward", "Minh Khai")
    both = found("", "--ward", "Lam Hạ", "--ward", "Minh Khai")
    assert one["total"] and two["total"]
    assert ids(both) == ids(one) | ids(two)


def test_a_ward_and_a_term_combine_with_and(found):
    ward, term = found("", "--ward", "Quang Trung"), found("", "--term", "2020-2025")
    both = found("", "--ward", "Quang Trung", "--term", "2020-2025")
    assert ids(both) == ids(ward) & ids(term)
    assert both["total"] < min(ward["total"], term["total"])


def test_a_selected_facet_value_is_marked_selected(found):
    data = found("", "--term", "2020-2025")
    assert [v["value"] for v in data["facets"]["term"] if v["selected"]] == ["2020-2025"]


@pytest.mark.parametrize("sort, descending", [("newest", True), ("oldest", False)])
def test_sort_orders_by_date_with_undated_last(found, sort, descending):
    dates = [hit["date"] for hit in found("", "--sort", sort)["hits"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=descending)
    assert dates[: len(dated)] == dated  # no undated article before a dated one


def test_relevance_is_the_default_and_gives_scores(found):
    default, relevance = found("đại hội"), found("đại hội", "--sort", "relevance")
    assert default == relevance
    assert all(hit["score"] > 0 for hit in default["hits"])
    assert all(hit["score"] is None for hit in found("đại hội", "--sort", "newest")["hits"])


def test_pages_follow_each_other(search):
    pages = [json.loads(search("", "--limit", 3, "--page", n, "--json").stdout) for n in (1, 2)]
    six = json.loads(search("", "--limit", 6, "--json").stdout)
    assert [h["id"] for h in pages[0]["hits"] + pages[1]["hits"]] == [h["id"] for h in six["hits"]]
    assert pages[1]["page"] == 2
    lines = search("", "--limit", 3, "--page", 2).stdout.splitlines()
    total = six["total"]
    assert lines[0] == f"Results 4–6 of {total}"
    assert lines[-1] == f"Page 2 of {-(-total // 3)}: --page 3 for more"


def test_a_page_past_the_end_says_where_the_results_end(search, found):
    total = found("")["total"]
    result = search("", "--page", 1000)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"No results on page 1000: the {total} results end on page {-(-total // 10)}.")


def test_no_results_says_so(search):
    result = search("zzqxv")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (0, 'No results for "zzqxv".')


@pytest.mark.parametrize("start, end, first, last", [
    ("2020", "2020", "2020-01-01", "2020-12-31"),
    ("2020-06", "2020-06", "2020-06-01", "2020-06-30"),
    ("2019-02-01", "2021-02", "2019-02-01", "2021-02-28"),
])
def test_from_and_to_take_years_months_and_days(found, demo_index, start, end, first, last):
    data = found("", "--from", start, "--to", end)
    assert data["total"] and all(first <= hit["date"] <= last for hit in data["hits"])
    with Archive(demo_index) as archive:
        everything = archive.search(limit=100)
    inside = {h.id for h in everything.hits if h.date and first <= h.date.isoformat() <= last}
    assert ids(data) == inside


@pytest.mark.parametrize("option, value", [
    ("--from", "2020-13"), ("--to", "2020-13"), ("--to", "20"), ("--from", "last year"),
    ("--to", "2021-02-30"),
])
def test_a_bad_date_is_a_usage_error_naming_the_forms(search, option, value):
    result = search("", option, value)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': '{value}' is not a date: {DATE_FORMS}" in result.stderr


@pytest.mark.parametrize("args, message", [
    (("--from", "2021", "--to", "2020"), "--from (2021-01-01) must not be after --to (2020-12-31)"),
    (("--page", "0"), "--page must be a whole number from 1 to 10000, not 0"),
    (("--limit", "101"), "--limit must be a whole number from 1 to 100, not 101"),
    (("--year", "twenty"), "--year must be four digits or 'unknown', not 'twenty'"),
])
def test_a_bad_request_is_a_usage_error_with_the_library_message(search, args, message):
    result = search("đại hội", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"


def test_an_unknown_sort_is_a_usage_error(search):
    result = search("x", "--sort", "best")
    assert result.exit_code == 2 and "'best' is not one of 'relevance', 'newest', 'oldest'" in result.stderr


def test_no_index_says_how_to_make_one(tmp_path):
    missing = tmp_path / "nothing"
    result = run("search", "đại hội", "--index", missing)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: No index at {missing}: run `wardnews index CORPUS --index {missing}` first\n"
    )


def test_a_file_given_as_the_index_is_named(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    result = run("search", "x", "--index", tmp_path / "notes.txt")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'notes.txt'} is a file, not an index folder: give --index a folder\n"


def test_the_index_comes_from_wardnews_index_when_no_option(demo_index, found):
    result = run("search", "đại hội", "--json", "--limit", 100, env={"WARDNEWS_INDEX": str(demo_index)})
    assert result.exit_code == 0 and ids(json.loads(result.stdout)) == ids(found("đại hội"))


def test_without_option_or_variable_the_index_is_under_the_current_folder():
    runner = CliRunner()
    with runner.isolated_filesystem():
        result = runner.invoke(main, ["search", "x"], env={"WARDNEWS_INDEX": None})
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No index at .wardnews/index: ")


HOSTILE = [
    '"', '"đại hội', 'đại hội"', '(', ')', '((đại', 'AND', 'OR', 'NOT', 'NOT NOT', '-', '--x',
    'a OR', 'OR AND NOT', 'ward:', 'date:', 'date:abc', 'date:2020..', 'title:"', 'term:)',
    '*', '?', '\\', ':', '"" "" ""', 'x' * 10_000, 'đại hội ' + 'y' * 9992, '\x00\x1b[31m\x07\x7f\x9b',
    'Phường Минск 北京 ῾ ﷺ 👍🏽', '\ud800 \udcff', '\u200b\u200d\ufeff', 'ƯỚC\u0301',
    unicodedata.normalize("NFD", "Lương Khánh Thiện OR \"Hoà Bình\""),
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("as_json", [False, True])
def test_no_query_gives_a_traceback(search, query, as_json):
    result = search(*(["--json"] if as_json else []), "--", query)
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x00" not in result.stdout
    if as_json:
        assert set(json.loads(result.stdout)) >= DESIGN_KEYS


def test_a_query_too_long_to_be_typed_is_a_usage_error(search):
    result = search("đại " * 2501)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: QUERY is 10004 characters long; at most 10000 are allowed"


def test_a_long_query_is_cut_and_the_header_stays_short(search):
    result = search("đại hội " + "y" * 9992)
    header = result.stdout.splitlines()[0]
    assert len(header) < 120 and "…\"" in header
    assert "Note: the query was cut to its first 1000 characters" in result.stdout


def test_an_unclosed_quote_is_noted(search):
    result = search('"đại hội')
    assert "Note: a quote was not closed; the phrase runs to the end of the query" in result.stdout


def test_a_decomposed_query_finds_what_the_composed_one_finds(found):
    text = "Lương Khánh Thiện"
    assert ids(found(unicodedata.normalize("NFD", text))) == ids(found(text))


def test_bytes_that_were_not_utf8_become_replacement_characters(found):
    assert found("\udcff đại hội")["query"] == "\ufffd đại hội"


@pytest.mark.parametrize("markup, bold, expected", [
    ("a <mark>Lương</mark> <mark>Khánh</mark> b", False, "a [Lương Khánh] b"),
    ("<mark>xã</mark>, <mark>phường</mark>", False, "[xã], [phường]"),
    ("&lt;b&gt; &amp; <mark>Hoà</mark>", False, "<b> & [Hoà]"),
    ("a <mark>Lương</mark> b", True, "a \x1b[1mLương\x1b[0m b"),
])
def test_marks_become_brackets_or_bold(markup, bold, expected):
    assert marked_text(markup, bold=bold) == expected
