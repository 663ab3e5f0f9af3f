"""Request arguments become bounded search requests; links change one thing of a search."""

import datetime as dt
from urllib.parse import parse_qsl, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from wardnews.index import BadRequest
from wardnews.webui.params import Links, search_pairs, search_request


def args(*pairs):
    return MultiDict(list(pairs))


@pytest.mark.parametrize("given, field, expected", [
    ((("q", " đại hội "),), "query", "đại hội"),
    ((("ward", "A"), ("ward", "B"), ("ward", "A")), "wards", ("A", "B")),
    ((("term", "2020-2025"),), "terms", ("2020-2025",)),
    ((("official", "Hoàng Văn Quý"),), "officials", ("Hoàng Văn Quý",)),
    ((("year", "2020"), ("year", "2021")), "years", ("2020", "2021")),
    ((("from", "2020"),), "date_from", dt.date(2020, 1, 1)),
    ((("to", "2020-02"),), "date_to", dt.date(2020, 2, 29)),
    ((("to", "2020-03-04"),), "date_to", dt.date(2020, 3, 4)),
    ((("sort", "oldest"),), "sort", "oldest"),
    ((("q", "x"),), "sort", "relevance"),
    ((), "sort", "newest"),
    ((("page", "3"),), "page", 3),
    ((("limit", "25"),), "limit", 25),
    ((("size", "40"),), "limit", 40),
    ((), "limit", 10),
    ((("ward", "  "),), "wards", ()),
])
def test_search_request_reads_each_parameter(given, field, expected):
    assert getattr(search_request(args(*given)), field) == expected


@pytest.mark.parametrize("given, message", [
    (("page", "0"), "page must be a whole number from 1 to 10000, not '0'"),
    (("page", "10001"), "page must be a whole number from 1 to 10000, not '10001'"),
    (("page", "two"), "page must be a whole number from 1 to 10000, not 'two'"),
    (("page", "-1"), "page must be a whole number from 1 to 10000, not '-1'"),
    (("limit", "101"), "limit must be a whole number from 1 to 100, not '101'"),
    (("size", "0"), "size must be a whole number from 1 to 100, not '0'"),
    (("sort", "best"), "sort must be one of relevance, newest, oldest, not 'best'"),
    (("from", "32/05/2020"), "from must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not '32/05/2020'"),
    (("to", "2020-13"), "to must be a date as DD/MM/YYYY, MM/YYYY, YYYY, YYYY-MM or YYYY-MM-DD, not '2020-13'"),
    (("year", "20"), "year must be four digits or 'unknown', not '20'"),
    (("q", "x" * 1001), "q is 1001 characters long; at most 1000 are allowed"),
    (("ward", "x" * 301), "ward is longer than 300 characters"),
])
def test_search_request_rejects_bad_values_naming_the_parameter(given, message):
    with pytest.raises(BadRequest) as error:
        search_request(args(given))
    assert str(error.value) == message


def test_search_request_rejects_a_range_that_ends_before_it_starts():
    with pytest.raises(BadRequest, match=r"^from \(2021-01-01\) must not be after to \(2020-12-31\)$"):
        search_request(args(("from", "2021"), ("to", "2020")))


def test_search_request_bounds_the_number_of_values_of_a_facet():
    with pytest.raises(BadRequest, match="^official is given 51 times; at most 50 values are allowed$"):
        search_request(args(*[("official", f"Name {i}") for i in range(51)]))


def test_search_request_takes_the_configured_bounds():
    assert search_request(args(), page_size=20).limit == 20
    with pytest.raises(BadRequest, match="^limit must be a whole number from 1 to 30"):
        search_request(args(("limit", "31")), max_page_size=30)
    with pytest.raises(BadRequest, match="^q is 11 characters long; at most 10 are allowed$"):
        search_request(args(("q", "x" * 11)), max_query_chars=10)


def test_entity_values_are_added_to_those_of_the_request():
    request = search_request(args(("ward", "B")), wards=("A",))
    assert request.wards == ("A", "B")


def test_search_pairs_keep_only_search_parameters_in_a_fixed_order():
    given = args(("lang", "en"), ("page", "2"), ("ward", "A"), ("q", "x"), ("ward", "B"), ("from", ""))
    assert search_pairs(given) == [("q", "x"), ("ward", "A"), ("ward", "B"), ("page", "2")]


def query_of(url):
    return parse_qsl(urlsplit(url).query)


LINKS = Links("/search", [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025"), ("page", "3")])


@pytest.mark.parametrize("url, expected", [
    (LINKS.toggle("ward", "B"), [("q", "đại hội"), ("ward", "A"), ("ward", "B"), ("term", "2020-2025")]),
    (LINKS.toggle("ward", "A"), [("q", "đại hội"), ("term", "2020-2025")]),
    (LINKS.toggle("official", "X"), [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025"), ("official", "X")]),
    (LINKS.remove("term", "2020-2025"), [("q", "đại hội"), ("ward", "A")]),
    (LINKS.change(sort="newest"), [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025"), ("sort", "newest")]),
    (LINKS.page(4), [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025"), ("page", "4")]),
    (LINKS.page(1), [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025")]),
    (LINKS.narrow("2020-05"), [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025"), ("from", "2020-05"), ("to", "2020-05")]),
    (LINKS.change(q="Lương"), [("q", "Lương"), ("ward", "A"), ("term", "2020-2025")]),
    (LINKS.export("/export.csv"), [("q", "đại hội"), ("ward", "A"), ("term", "2020-2025")]),
])
def test_links_change_one_thing_and_go_back_to_page_one(url, expected):
    assert query_of(url) == expected


def test_links_without_parameters_are_the_bare_path():
    assert Links("/search", [("ward", "A")]).remove("ward", "A") == "/search"
