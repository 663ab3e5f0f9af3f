"""The one analyzer definition: syllables, exact and folded keys, pairs, for documents and queries."""

import unicodedata

import pytest

from wardnews.index.analysis import ExactAnalyzer, FoldedAnalyzer, PairAnalyzer
from wardnews.index.keys import exact_key, folded_key, pair_keys, syllables
from wardnews.index.schema import article_fields


@pytest.mark.parametrize("text, expected", [
    (unicodedata.normalize("NFD", "Lương Khánh Thiện"), ["Lương", "Khánh", "Thiện"]),
    ("nhiệm kỳ 2020-2025", ["nhiệm", "kỳ", "2020", "2025"]),
    ("đ/c Hà, UBND P.Minh Khai", ["đ", "c", "Hà", "UBND", "P", "Minh", "Khai"]),
    ("ở ý An", ["ở", "ý", "An"]),  # no stop list, no minimum length
    ("\u00d0ảng\u00a0bộ", ["Đảng", "bộ"]),  # look-alike Đ, non-breaking space
    ("a_b", ["a", "b"]),
])
def test_syllables_after_cleaning(text, expected):
    assert [s.text for s in syllables(text)] == expected


@pytest.mark.parametrize("a, b", [
    ("hòa", "hoà"), ("Thành ủy", "Thành uỷ"), ("khỏe", "khoẻ"), ("THỦY", "thuỷ"),
])
def test_exact_keys_ignore_tone_placement(a, b):
    assert [exact_key(s.text) for s in syllables(a)] == [exact_key(s.text) for s in syllables(b)]


@pytest.mark.parametrize("a, b", [("Đảng", "đang"), ("hóa", "hoà"), ("dế", "dê")])
def test_exact_keys_keep_diacritics_folded_keys_drop_them(a, b):
    assert exact_key(a) != exact_key(b)
    assert folded_key(a) == folded_key(b)


def test_pairs_join_neighbouring_folded_syllables():
    assert pair_keys(["hoc", "sinh", "gioi"]) == ["hoc sinh", "sinh gioi"]


@pytest.mark.parametrize("analyzer, expected", [
    (ExactAnalyzer(), ["đảng", "bộ", "thành", "uỷ"]),
    (FoldedAnalyzer(), ["dang", "bo", "thanh", "uy"]),
    (PairAnalyzer(), ["dang bo", "bo thanh", "thanh uy"]),
])
def test_query_analyzers_give_the_document_keys(analyzer, expected):
    text = unicodedata.normalize("NFD", "Ðảng bộ Thành ủy")
    assert [t.text for t in analyzer(text)] == expected


def test_documents_are_keyed_as_queries_are():
    from wardnews.archive import Article

    # Articles arrive cleaned by the pipeline; queries arrive as typed.
    article = Article(id="x", source="s", url=None, title="Đảng bộ Thành ủy", date=None,
                      date_kind=None, category=None, wards=(), terms=(), officials=(),
                      encoding="utf-8", text=unicodedata.normalize("NFC", "Thành ủy"))
    fields = article_fields(article)
    assert fields["title_exact"] == [t.text for t in ExactAnalyzer()("Ðảng bộ Thành ủy")]
    assert fields["title_pairs"] == [t.text for t in PairAnalyzer()("Ðảng bộ Thành ủy")]


def test_the_key_caches_fed_by_queries_stay_bounded(monkeypatch):
    from wardnews.index import keys

    monkeypatch.setattr(keys, "MAX_REMEMBERED", 100)
    for number in range(1000):  # what a stream of never-seen query words does
        assert keys.folded_key(f"Xã{number}") == f"xa{number}"
        assert keys.exact_key(f"Xã{number}") == f"xã{number}"
    assert len(keys._FOLDED) <= 100 and len(keys._EXACT) <= 100
