"""What a relevance order asks searchd (searchd/ranking.py, searchd/connections.py): the loose
reading's scored keywords with its boosts, whatever reading or tier selects the articles.
Plain text in, text out: no searchd needed."""

from __future__ import annotations

import re

import pytest

from wardnews.index.compile import EXACT_BOOST, PAIR_BOOST
from wardnews.index.plan import make_plan
from wardnews.index.searchd.ranking import keyword_weights, ranked, ranker
from wardnews.index.searchd.tokens import token
from wardnews.index.searchd.translate import match_text


def _compiled(query: str):
    return make_plan(query, None).compiled


def test_the_loose_reading_scores_its_words_its_typed_accents_and_its_pairs():
    weights = keyword_weights(_compiled("đại hội").query)
    assert weights[token("dai", "text_folded")] == ("text_folded", 1.0)
    assert weights[token("hội", "title_exact")] == ("title_exact", EXACT_BOOST)
    assert weights[token("dai hoi", "text_pairs")] == ("text_pairs", PAIR_BOOST)
    # the exact pairs select (strict reading) but the evaluator never scores them
    assert not any(field.endswith("exact_pairs") for field, _ in weights.values())


def test_excluded_words_score_nothing():
    weights = keyword_weights(_compiled("phường -hội").query)
    assert token("phuong", "text_folded") in weights
    assert token("hoi", "text_folded") not in weights


def _parts(text: str) -> tuple[str, str]:
    """(the scored keywords, the selecting text) of a ranked MATCH."""
    cut = text.index(" | (@every __every)) ")
    return text[2:cut], text[cut + len(" | (@every __every)) "):-1]


def test_the_strict_listing_is_scored_by_the_loose_keywords_and_selects_as_before():
    compiled = _compiled("đại hội")
    weights = keyword_weights(compiled.query)
    strict = match_text(compiled.strict)
    scored, selecting = _parts(ranked(strict, weights))
    assert re.sub(r"\^[0-9.]+", "", selecting) == strict  # the same articles
    # every scored keyword first, once, with its boost; in the selecting text the same boost,
    # or 0 for what the loose reading does not score (the exact pairs)
    assert scored.split(" | ") == [f"(@{f} {w}" + ("" if b == 1 else f"^{b:g}") + ")"
                                   for w, (f, b) in weights.items()]
    assert f"{token('dai hoi', 'text_pairs')}^2" in selecting
    assert f"{token('đại hội', 'text_exact_pairs')}^0" in selecting


def test_a_keyword_inside_a_phrase_is_scored_on_its_own_too():
    """A phrase of the strict reading ("uy ban nhan dan") that an article's title lacks would
    leave its title's pair "uy ban" unscored: the scored side holds it on its own."""
    compiled = _compiled("Ủy ban nhân dân phường")
    weights = keyword_weights(compiled.query)
    scored, _ = _parts(ranked(match_text(compiled.strict), weights))
    assert f"(@title_pairs {token('uy ban', 'title_pairs')}^2)" in scored


def test_a_query_without_scored_keywords_is_sent_as_it_is():
    text = match_text(_compiled("-thi").query)
    assert ranked(text, keyword_weights(_compiled("-thi").query)) == text


@pytest.mark.parametrize("field", ["title_folded", "text_folded"])
def test_the_ranker_normalises_each_field_by_its_own_mean_length(field):
    option = ranker({"title_folded": 12.0, "text_folded": 480.0})
    assert "title_folded_len / 12" in option and "text_folded_len / 480" in option
    assert option.count("IF(user_weight ==") == 6  # the six scored fields
    assert "title_folded=2" in option and "ward=99" in option
