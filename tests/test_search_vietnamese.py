"""Search over Vietnamese text: every fact of ../shared/VIETNAMESE.md as a user sees it."""

import json
import unicodedata
from pathlib import Path

import pytest

from wardnews.archive.normalise import clean_text, search_key

CORPUS = Path(__file__).resolve().parent / "data" / "search" / "corpus" / "articles.jsonl"


def keys(result):
    """The fixture keys of a result's hits, best first."""
    return [hit.url.rsplit("/", 1)[1] for hit in result.hits]


def found(archive, query, **options):
    return keys(archive.search(query=query, limit=100, **options))


def score_of(archive, query, key, match="strict"):
    result = archive.search(query=query, limit=100, match=match)
    return {k: h.score for k, h in zip(keys(result), result.hits)}[key]


def fixture_texts():
    """Fixture articles as key → cleaned title and text, read straight from the JSONL."""
    with open(CORPUS, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return {r["id"]: clean_text(f"{r['title']}\n{r['text']}") for r in records}


@pytest.mark.parametrize("query, expected", [
    (unicodedata.normalize("NFD", "Lương Khánh Thiện"), "lkt-2020"),  # NFD query, NFC text
    ("Khuyến học", "lkt-nfd"),  # NFC query, NFD text
    (unicodedata.normalize("NFD", "Khuyến học"), "lkt-nfd"),
])
def test_nfd_and_nfc_find_each_other(search_archive, query, expected):
    assert expected in found(search_archive, query)


@pytest.mark.parametrize("lookalike", ["\u00d0ảng", "\u0189ảng", "\u00f0ảng"])
def test_lookalike_d_in_a_query_searches_as_d_with_stroke(search_archive, lookalike):
    assert found(search_archive, lookalike) == found(search_archive, "Đảng")
    assert found(search_archive, lookalike)


@pytest.mark.parametrize("query, expected, written", [
    ("hòa giải", "hoa-new-style", "hoà giải"),
    ("Thành ủy", "hoa-new-style", "Thành uỷ"),
    ("khu phố Đông Hoà", "mirror-dang-party", "Đông Hòa"),
])
def test_exact_search_matches_either_tone_placement(search_archive, query, expected, written):
    assert written in fixture_texts()[expected]
    assert expected in found(search_archive, f'"{query}"')


def test_either_tone_placement_is_the_typed_word_other_tones_are_offered(search_archive):
    result = search_archive.search("hòa", limit=100)
    assert "hoa-new-style" in keys(result) and "hoa-folded-only" not in keys(result)
    assert result.more >= 1  # "hóa"/"hoa": other tones, counted apart
    # In the loose reading, "hoà" (the same syllable, other placement) ranks above them.
    order = found(search_archive, "hòa", match="loose")
    assert order.index("hoa-new-style") < order.index("hoa-folded-only")


@pytest.mark.parametrize("query, expected", [
    ("luong khanh thien", "lkt-2020"),
    ("luong khanh thien", "lkt-nfd"),
    ("dang", "mirror-dang-party"),
    ("DANG BO", "lkt-2020"),
    ("thanh uy", "hoa-new-style"),
])
def test_queries_without_diacritics_find_accented_text(search_archive, query, expected):
    assert expected in found(search_archive, query)


def test_party_finds_the_party_and_counts_currently_apart(search_archive):
    texts = fixture_texts()
    result = search_archive.search("Đảng", limit=100)
    assert all("đảng" in search_key(texts[k]).split() for k in keys(result))
    loose = search_archive.search("Đảng", limit=100, match="loose")
    assert result.more == loose.total - result.total > 0 and loose.more == result.more


def test_loose_party_ranks_articles_with_party_above_those_with_only_currently(search_archive):
    texts = fixture_texts()
    order = found(search_archive, "Đảng", match="loose")
    with_party = [k for k in order if "đảng" in search_key(texts[k]).split()]
    only_now = [k for k in order if k not in with_party]
    assert with_party and only_now
    assert max(order.index(k) for k in with_party) < min(order.index(k) for k in only_now)


def test_loose_query_with_diacritics_prefers_the_same_diacritics(search_archive):
    assert score_of(search_archive, "Đảng", "mirror-dang-party", "loose") > score_of(
        search_archive, "Đảng", "mirror-dang-now", "loose")
    assert score_of(search_archive, "đang", "mirror-dang-now", "loose") > score_of(
        search_archive, "đang", "mirror-dang-party", "loose")


def test_query_without_diacritics_ranks_accented_variants_alike(search_archive):
    # The mirror articles differ only in Đảng / đang.
    assert score_of(search_archive, "dang", "mirror-dang-party") == pytest.approx(
        score_of(search_archive, "dang", "mirror-dang-now"))


@pytest.mark.parametrize("word", ["ở", "ý", "An", "Hà", "o", "y"])
def test_short_words_are_searchable(search_archive, word):
    assert "short-words" in found(search_archive, word)


def test_short_word_with_diacritics_ranks_its_own_form_first(search_archive):
    texts = fixture_texts()
    top = found(search_archive, "ở")[0]
    assert "ở" in search_key(texts[top]).split()


def test_quoted_phrase_does_not_match_syllables_far_apart(search_archive):
    hits = found(search_archive, '"học sinh"')
    assert "hoc-sinh-adjacent" in hits
    assert "hoc-sinh-scattered" not in hits


def test_an_unquoted_word_stands_together_and_its_scattered_syllables_are_offered(search_archive):
    default = search_archive.search("học sinh", limit=100)
    assert "hoc-sinh-adjacent" in keys(default) and "hoc-sinh-scattered" not in keys(default)
    assert default.more >= 1
    order = found(search_archive, "học sinh", match="loose")  # offered, ranked below
    assert order.index("hoc-sinh-adjacent") < order.index("hoc-sinh-scattered")


def test_unquoted_name_ranks_the_name_above_scattered_syllables(search_archive):
    order = found(search_archive, "luong khanh thien")
    names = [k for k in order if k != "scattered"]
    assert order[-1] == "scattered" and names


def test_words_side_by_side_rank_above_frequent_scattered_syllables(search_archive):
    # "hoi-dong-scattered" says hội and đồng often, in its title too, but never together.
    texts = fixture_texts()
    assert "hoi-dong-scattered" not in found(search_archive, "hội đồng")  # a word: together
    order = found(search_archive, "hội đồng", match="loose")
    together = [k for k in order if "hội đồng" in search_key(texts[k])]
    assert "hoi-dong-scattered" in order and together
    assert max(order.index(k) for k in together) < order.index("hoi-dong-scattered")


def test_words_either_side_of_punctuation_are_not_a_phrase(search_archive):
    # "lễ hội, đồng thời": hội and đồng meet only across a comma.
    assert "hoi-dong-comma" not in found(search_archive, '"hội đồng"')


def test_title_matches_rank_above_body_matches(search_archive):
    order = found(search_archive, "rác thải")
    assert order.index("title-match") < order.index("body-match")


def test_text_is_shown_as_the_source_wrote_it(search_archive):
    result = search_archive.search(query="hoa giai")
    hit = result.hits[0]
    assert "hoà giải" in hit.title and "hoà" in hit.snippet


def test_scores_fall_down_the_list_whatever_tier_lifted_a_hit(search_archive):
    for query in ("Đảng", "hội đồng", "luong khanh thien", "hòa"):
        scores = [hit.score for hit in search_archive.search(query=query, limit=50).hits]
        assert scores == sorted(scores, reverse=True), query
