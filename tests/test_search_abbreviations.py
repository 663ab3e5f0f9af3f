"""Abbreviations of the genre: searchers type either form, and either finds both."""

import pytest

from wardnews.index.keys import syllables
from wardnews.index.compile import abbreviations_in, spellings
from tests.test_search_vietnamese import fixture_texts, found

# (short form typed, full form typed): the short-forms article writes only the first,
# the full-forms article only the second.
PAIRS = [
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BCH", "Ban Chấp hành"),
    ("BTV", "Ban Thường vụ"),
    ("UVBTV", "Ủy viên Ban Thường vụ"),
    ("đ/c", "đồng chí"),
    ("TDP", "tổ dân phố"),
    ("TP. Phủ Lý", "thành phố Phủ Lý"),
    ("Tp. Phủ Lý", "thành phố Phủ Lý"),
]


def test_the_fixture_articles_write_one_form_each():
    texts = {k: v.lower() for k, v in fixture_texts().items()}
    for short, long in PAIRS:
        assert long.lower() in texts["full-forms"] and short.lower() not in texts["full-forms"]
    assert "ủy ban nhân dân" not in texts["short-forms"] and "đồng chí" not in texts["short-forms"]


@pytest.mark.parametrize("short, long", PAIRS)
def test_short_form_finds_the_full_form(search_archive, short, long):
    assert "full-forms" in found(search_archive, short)


@pytest.mark.parametrize("short, long", PAIRS)
def test_full_form_finds_the_short_form(search_archive, short, long):
    assert "short-forms" in found(search_archive, long)


@pytest.mark.parametrize("short, long", PAIRS)
def test_quoted_full_form_finds_the_short_form(search_archive, short, long):
    assert "short-forms" in found(search_archive, f'"{long}"')


@pytest.mark.parametrize("query, expected", [
    ('"phường Quang Trung"', "short-forms"),  # written "P. Quang Trung"
    ('"P. Minh Khai"', "full-forms"),  # written "phường Minh Khai"
    ("P.Minh Khai", "full-forms"),
    ('"UBND phường Minh Khai"', "full-forms"),
    ('"Ủy ban nhân dân P. Quang Trung"', "short-forms"),  # both spellings in one phrase
    ("dong chi", "short-forms"),
    ("ubnd", "full-forms"),
])
def test_abbreviations_inside_phrases_and_without_diacritics(search_archive, query, expected):
    assert expected in found(search_archive, query)


@pytest.mark.parametrize("query", ["phương án", "P", "phường"])
def test_look_alike_words_are_not_expanded(query):
    assert abbreviations_in(syllables(query), query) == []


@pytest.mark.parametrize("query, expected", [
    ("UBND", [["ubnd"], ["uy", "ban", "nhan", "dan"]]),
    ("Ủy ban nhân dân", [["uy", "ban", "nhan", "dan"], ["ubnd"]]),
    ("P. An Hải", [["p", "an", "hai"], ["phuong", "an", "hai"]]),
    ("phường An Hải", [["phuong", "an", "hai"], ["p", "an", "hai"]]),
    ("Đ/C Hà", [["d", "c", "ha"], ["dong", "chi", "ha"]]),
    ("d c", [["d", "c"]]),  # two letters, no slash: not đ/c
])
def test_spellings_of_a_phrase(query, expected):
    assert [list(s.folded) for s in spellings(syllables(query), query)] == expected


def test_expanded_forms_are_marked_in_snippets(search_archive):
    result = search_archive.search(query="UBND", limit=100)
    hit = next(h for h in result.hits if h.url.endswith("/full-forms"))
    assert "<mark>Ủy ban nhân dân</mark>" in hit.snippet  # the form, marked as one
