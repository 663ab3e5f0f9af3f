"""The query language: what each construct means, and that no string at all breaks a search."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardnews.index import BadRequest, SearchResult
from wardnews.index.query import And, DateRange, Not, Or, Words, parse, parse_date_range
from tests.test_search_vietnamese import found


@pytest.mark.parametrize("query, tree", [
    ("đại hội", And((Words("đại"), Words("hội")))),
    ('"đại hội"', Words("đại hội", phrase=True)),
    ("a OR b", Or((Words("a"), Words("b")))),
    ("a AND b", And((Words("a"), Words("b")))),
    ("a NOT b", And((Words("a"), Not(Words("b"))))),
    ("a -b", And((Words("a"), Not(Words("b"))))),
    ('title:"nhiệm kỳ"', Words("nhiệm kỳ", "title", phrase=True)),
    ("ward:Minh", Words("Minh", "ward", phrase=True)),
    ("official:Hà", Words("Hà", "official", phrase=True)),
    ("term:2020-2025", Words("2020-2025", "term", phrase=True)),
    ("date:2020..2021-06", DateRange(dt.date(2020, 1, 1), dt.date(2021, 6, 30))),
    ("(a OR b) c", And((Or((Words("a"), Words("b"))), Words("c")))),
    ("", None),
])
def test_constructs_parse_to_their_meaning(query, tree):
    assert parse(query).tree == tree


@pytest.mark.parametrize("query, note", [
    ('"đại hội', "a quote was not closed"),
    ("a )", "a closing bracket had no opening one"),
    ("(a", "a bracket was not closed"),
    ("NOT", "NOT had nothing after it"),
    ("foo:bar", "'foo:' is not a field"),
    ("date:hôm qua", "is not a date or range"),
])
def test_what_cannot_be_read_is_said(query, note):
    assert any(note in n for n in parse(query).notes)


@pytest.mark.parametrize("value, expected", [
    ("2020", DateRange(dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
    ("2020-02", DateRange(dt.date(2020, 2, 1), dt.date(2020, 2, 29))),
    ("2020-02-03", DateRange(dt.date(2020, 2, 3), dt.date(2020, 2, 3))),
    ("..2019", DateRange(None, dt.date(2019, 12, 31))),
    ("2021-03-01..", DateRange(dt.date(2021, 3, 1), None)),
    ("2020-13", None),
    ("..", None),
])
def test_date_ranges_at_day_month_and_year_precision(value, expected):
    assert parse_date_range(value) == expected


@pytest.mark.parametrize("query, included, excluded", [
    ('"học sinh"', {"hoc-sinh-adjacent"}, {"hoc-sinh-scattered"}),
    ("khai giảng OR sinh hoạt", {"hoc-sinh-adjacent", "hoc-sinh-scattered"}, set()),
    ("học -giảng", {"hoc-sinh-scattered"}, {"hoc-sinh-adjacent"}),
    ("học NOT giảng", {"hoc-sinh-scattered"}, {"hoc-sinh-adjacent"}),
    ("title:rác", {"title-match"}, {"body-match"}),
    ('ward:"Minh Khai"', {"full-forms", "minh-khai-2020"}, {"lkt-2020"}),
    ('ward:"luong khanh thien"', {"lkt-2020", "lkt-nfd", "lkt-2010"}, {"minh-khai-2020"}),
    ('official:"Tran Thi Ha"', {"full-forms", "minh-khai-2020"}, {"lkt-2010"}),
    ("term:2020-2025", {"lkt-2020", "minh-khai-2020"}, {"lkt-2010"}),
    ("term:2020–25", {"lkt-2020", "minh-khai-2020"}, set()),
    ("date:2020", {"lkt-2020", "minh-khai-2020"}, {"lkt-2010", "undated"}),
    ("date:2020-06..2020-06-30", {"lkt-2020"}, {"minh-khai-2020"}),
    ("date:..2015", {"lkt-nfd", "lkt-2010"}, {"lkt-2020"}),
    # Typed with diacritics, an excluded word is that word: "đang" (now) is not "Đảng".
    ("-Đảng", {"undated", "markup", "mirror-dang-now"}, {"lkt-2020", "mirror-dang-party"}),
    ("-dang", {"undated", "markup"}, {"lkt-2020", "mirror-dang-now", "mirror-dang-party"}),
])
def test_query_language_selects_articles(search_archive, query, included, excluded):
    hits = set(found(search_archive, query))
    assert included <= hits
    assert not excluded & hits


HOSTILE = [
    '"', '"""', "(", ")", "((((", "AND", "OR", "NOT", "-", "--", "NOT NOT", "a OR", "OR a",
    "title:", "ward:", "date:", "date:..", "date:9999-99-99", "date:2020..2019",
    "x" * 10_000, "đ " * 5000, "\x00\x01\x1b[31m", "Lu\u031bo\u031b\u0300ng", "Москва 北京 ﷺ",
    "😀 🇻🇳", "[a] {b} <c>", "\\", "*", "?", "~1", "^2", "a:b:c", "((a) OR (b", "-(-(-a))",
]


def check_any(archive, query):
    try:
        result = archive.search(query=query)
    except BadRequest as error:
        assert str(error)
        return
    assert isinstance(result, SearchResult)
    assert result.total >= len(result.hits)


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_results_or_a_message(search_archive, query):
    check_any(search_archive, query)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
       | st.lists(st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "-", "title:", "ward:",
                                    "date:", "2020", "..", "Đảng", "đ/c", "UBND", "P.", " "]),
                  max_size=30).map("".join))
def test_any_string_gives_results_or_a_message(search_archive, query):
    check_any(search_archive, query)


def test_a_word_said_many_times_is_asked_once():
    from wardnews.index.query import Words

    assert parse("đại " * 250).tree == Words("đại")


def test_a_query_of_many_words_keeps_the_first_ones_and_says_so():
    parsed = parse(" ".join(f"từ{i}" for i in range(100)))
    assert len(parsed.tree.parts) == 32
    assert parsed.notes == ["only the first 32 words and phrases of the query were used"]


@pytest.mark.parametrize("query", ["(" * 331, "-(" * 499, "NOT " * 249 + "x", "(" * 30 + "a" + ")" * 30,
                                   "-(" * 300 + "a"])
def test_deep_nesting_is_cut_with_a_note_never_a_recursion_error(query):
    parsed = parse(query)
    assert "brackets and NOTs nested deeper than 20 were ignored" in parsed.notes
    assert len(parsed.notes) == len(set(parsed.notes))  # each note once


def test_a_minus_before_a_bracket_excludes_the_bracket():
    assert parse("-(x OR y) z").tree == And((Not(Or((Words("x"), Words("y")))), Words("z")))
    assert parse("-(-(x))").tree == Not(Not(Words("x")))


def test_a_bracket_excluded_with_a_minus_excludes_its_articles(search_archive):
    everything = search_archive.search("").total
    inside = search_archive.search("phường").total
    assert 0 < inside < everything
    assert search_archive.search("-(phường)").total == everything - inside
    assert search_archive.search("-(-(phường))").total == inside
