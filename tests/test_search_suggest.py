"""Suggestions of accented forms, more like this, and snippets as a user reads them."""

import re

import pytest

from wardnews.archive.normalise import search_key
from wardnews.index.keys import folded_key, syllables
from tests.test_search_vietnamese import fixture_texts, found


def articles_writing(form):
    """Fixture articles whose title or text writes this exact form (tone placement aside)."""
    wanted = search_key(form).split()
    count = 0
    for text in fixture_texts().values():
        keys = [search_key(s.text) for s in syllables(text)]
        if any(keys[i : i + len(wanted)] == wanted for i in range(len(keys))):
            count += 1
    return count


@pytest.mark.parametrize("query, form", [
    ("luong khanh thien", "Lương Khánh Thiện"),
    ("luong khanh thien", "Lương Khánh Thiên"),
    ("LUONG KHANH THIEN", "Lương Khánh Thiện"),
    ("hoa giai", "hoà giải"),
    ("dang", "Đảng"),
    ("dang", "đang"),
])
def test_unaccented_query_suggests_forms_with_their_article_counts(search_archive, query, form):
    suggestions = {search_key(s.text): s for s in search_archive.search(query=query).suggestions}
    assert search_key(form) in suggestions
    suggestion = suggestions[search_key(form)]
    assert suggestion.count == articles_writing(form) > 0
    assert str(suggestion) == f"{suggestion.text} ({suggestion.count})"


def test_most_frequent_form_is_suggested_first(search_archive):
    suggestions = search_archive.search(query="luong khanh thien").suggestions
    assert str(suggestions[0]) == f"Lương Khánh Thiện ({articles_writing('Lương Khánh Thiện')})"


def test_count_is_of_articles_with_the_form_not_with_its_syllables_scattered(search_archive):
    # "scattered" has lương, khánh and thiện far apart: a result, but not the name.
    assert "scattered" in found(search_archive, "luong khanh thien")
    # "lkt-typo" writes "Lương Khánh Thiên" and, elsewhere, "thiện": not the name either.
    assert "cải thiện" in fixture_texts()["lkt-typo"]
    result = search_archive.search(query="luong khanh thien")
    assert result.suggestions[0].count == articles_writing("Lương Khánh Thiện") < result.total


@pytest.mark.parametrize("query", ["Lương Khánh Thiện", "lương khanh thien", "Đảng"])
def test_accented_query_gets_no_suggestion(search_archive, query):
    assert search_archive.search(query=query).suggestions == ()


def test_more_like_this_finds_related_articles_never_the_article_itself(search_archive):
    result = search_archive.search(query='"Lương Khánh Thiện nhiệm kỳ"')
    article_id = result.hits[0].id
    related = search_archive.more_like_this(article_id)
    assert related and article_id not in {h.id for h in related}
    # Related: shares a distinctive pair of words (a ward, a term) with the article.
    keys = [h.url.rsplit("/", 1)[1] for h in related]
    assert {"minh-khai-2020", "lkt-2010", "lkt-nfd"} & set(keys)


def marked(snippet):
    return re.findall(r"<mark>(.*?)</mark>", snippet)


@pytest.mark.parametrize("query, key, words", [
    ("luong khanh thien", "lkt-2020", {"Lương", "Khánh", "Thiện"}),  # folded
    ("hòa giải", "hoa-new-style", {"hoà", "giải"}),  # tone placement
    ("Thành ủy", "hoa-new-style", {"Thành", "uỷ"}),
    ("dang", "dang-busy", {"đang"}),
    ("Ðảng", "lkt-2020", {"Đảng"}),  # look-alike letter in the query
])
def test_snippets_mark_every_matched_word_as_written(search_archive, query, key, words):
    result = search_archive.search(query=query, limit=100)
    hit = next(h for h in result.hits if h.url.endswith("/" + key))
    shown = {s.text for m in marked(hit.snippet) for s in syllables(m)}  # a word is one mark
    assert words <= shown
    assert all(folded_key(w) in {folded_key(x.text) for x in syllables(query)} for w in shown)


def test_snippets_show_markup_as_text(search_archive):
    hit = search_archive.search(query="script").hits[0]
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in hit.snippet
    assert "<script>" not in hit.snippet and "<script>" not in hit.title_marked


def test_snippet_without_a_text_match_opens_the_article(search_archive):
    hit = search_archive.search(query="title:rác").hits[0]
    assert hit.snippet.startswith("Từ tháng mười một")
