"""Suggestions read an article's spellings only where the typed words' folded letters stand in
a row (a quick scan); they must find exactly what cutting the whole text into syllables finds."""

from __future__ import annotations

import random

import pytest

from conftest import CORPUS
from wardnews.archive import Article
from wardnews.archive.pipeline import read_articles
from wardnews.index.keys import folded_in_place, folded_key, syllables
from wardnews.index.suggest import _forms_at, _forms_in


@pytest.fixture(scope="module")
def texts():
    return [f"{a.title}\n{a.text}" for a in read_articles(CORPUS) if isinstance(a, Article)]


def test_the_quick_scan_finds_what_the_whole_text_gives(texts):
    rng = random.Random(7)
    checked = 0
    for text in texts:
        words = [s.text for s in syllables(text)]
        for _ in range(20):
            size = rng.choice((1, 2, 3))
            start = rng.randrange(max(1, len(words) - size))
            folded = [folded_key(w) for w in words[start:start + size]]
            assert _forms_in(text, folded) == _forms_at(text, folded_in_place(text), folded)
            checked += 1
    assert checked >= 900


@pytest.mark.parametrize("text, folded, forms", [
    ("Kì họp thứ hai; kỳ họp thứ ba", ["ky", "hop"], ["Kì họp", "kỳ họp"]),  # i and y one
    ("a a a", ["a", "a"], ["a a", "a a"]),  # overlapping runs
    ("Lương Khánh-Thiện, lương, khánh", ["luong", "khanh"], ["Lương Khánh"]),  # parted by a comma
    ("đ/c Hùng", ["d", "c"], []),  # a slash parts them
])
def test_forms_as_written(text, folded, forms):
    assert _forms_in(text, folded) == forms


@pytest.mark.parametrize("text, folded", [
    ("Đảng bộ phường Lương Khánh Thiện", "dang bo phuong luong khanh thien"),
    ("ĐẠI HỘI Kỳ họp thứ 2", "dai hoi ky hop thu 2"),
    ("Lê\ud800Lợi", "le\ud800loi"),  # half a surrogate pair, as old text may hold, stays
    ("Ǆ ΣΑΣ ẞ", "ǆ σας ß"),  # letters with no fold are lower-cased only
    ("", ""),
])
def test_text_is_folded_letter_for_letter(text, folded):
    assert folded_in_place(text) == folded

