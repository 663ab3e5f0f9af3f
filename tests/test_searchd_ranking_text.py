"""What a relevance order asks searchd (searchd/ranking.py, searchd/connections.py): the loose
reading's scored keywords with its boosts, whatever reading or tier selects the articles.
Plain text in, text out: no searchd needed."""

from __future__ import annotations

import re

import pytest

from wardnews.index.compile import EXACT_BOOST, PAIR_BOOST
from wardnews.index.plan import make_plan
from wardnews.index.searchd.connections import ranker
from wardnews.index.searchd.ranking import keyword_weights, ranked
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


def test_the_strict_listing_is_scored_by_the_loose_keywords_and_selects_as_before():
    compiled = _compiled("đại hội")
    weights = keyword_weights(compiled.query)
    strict = match_text(compiled.strict)
    text = ranked(strict, weights)
    selecting = text[1:text.index(" ((@text_folded")]  # what selects, then the added side
    assert re.sub(r"\^[0-9.]+", "", selecting) == strict
    assert f"{token('dai hoi', 'text_pairs')}^2" in selecting
    # every loose keyword is there once, with its boost; the strict-only ones weigh 0
    assert f"{token('dai', 'text_folded')})" in text and f"{token('hội', 'text_exact')}^1.5" in text
    assert f"{token('đại hội', 'text_exact_pairs')}^0" in text
    assert text.endswith("| (@every __every)))")  # the added side never narrows the selection
    for word in weights:
        assert text.count(word + ")") + text.count(word + "^") + text.count(word + " ") >= 1


def test_the_optional_side_of_the_loose_reading_is_added_beside_what_selects():
    compiled = _compiled("dinh la thang")
    weights = keyword_weights(compiled.query)
    loose = match_text(compiled.query)  # the words required; their pairs only rank
    text = ranked(loose, weights)
    pairs = [f"(@{f}_pairs {token(p, f + '_pairs')}^2)" for p in ("dinh la", "la thang") for f in ("text", "title")]
    assert text == f"({loose} ({' | '.join(sorted(pairs, key=text.index))} | (@every __every)))"


def test_a_text_holding_every_scored_keyword_is_sent_as_it_is():
    compiled = _compiled("thu")
    text = match_text(compiled.query)
    assert ranked(text, keyword_weights(compiled.query)) == text


@pytest.mark.parametrize("field", ["title_folded", "text_folded"])
def test_the_ranker_normalises_each_field_by_its_own_mean_length(field):
    option = ranker({"title_folded": 12.0, "text_folded": 480.0})
    assert "title_folded_len / 12" in option and "text_folded_len / 480" in option
    assert option.count("IF(user_weight ==") == 6  # the six scored fields
    assert "title_folded=2" in option and "ward=99" in option
