"""Pairs of neighbouring syllables stop at punctuation, but not at abbreviations or numbers."""

import json

import pytest

from wardnews.index import Archive, build_index
from wardnews.index.schema import _keys_for


@pytest.mark.parametrize(
    "text, pairs",
    [
        ("lễ hội, đồng thời", ["le hoi", None, "dong thoi"]),
        ("họp xong. Đồng chí", ["hop xong", None, "dong chi"]),
        ("kết thúc; Hội đồng", ["ket thuc", None, "hoi dong"]),
        ("(phường) Minh", [None]),
        ("tại P. Minh Khai", ["tai p", "p minh", "minh khai"]),
        ("TP. Huế", ["tp hue"]),
        ("5.000 hộ", ["5 000", "000 ho"]),
        ("nhiệm kỳ 2020-2025", ["nhiem ky", "ky 2020", "2020 2025"]),
        ("đ/c Hùng", ["d/c", "c hung"]),  # the slash kept: đ/c is not Đ.C
        ("dòng một\ndòng hai", ["dong mot", None, "dong hai"]),
    ],
)
def test_pairs_stop_where_punctuation_parts_the_words(text, pairs):
    assert _keys_for(text)[2] == pairs


def test_a_phrase_is_not_found_across_a_comma_but_is_across_an_abbreviation(tmp_path):
    records = [
        {"id": "comma", "title": "Lễ hội mùa xuân", "text": "Khai mạc lễ hội, đồng thời trao giải."},
        {"id": "council", "title": "Kỳ họp Hội đồng nhân dân", "text": "Hội đồng nhân dân phường họp."},
        {"id": "abbrev", "title": "Tin phường", "text": "Ngày 3/3/2021, UBND P. Minh Khai họp dân."},
    ]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    build_index(corpus, tmp_path / "index")
    with Archive(tmp_path / "index") as archive:
        def found(query):
            return {h.title for h in archive.search(query=query).hits}

        assert found('"hội đồng"') == {"Kỳ họp Hội đồng nhân dân"}
        assert found('"P. Minh Khai"') == {"Tin phường"}


def test_a_quoted_phrase_with_punctuation_finds_itself(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.json").write_text(json.dumps(
        {"title": "Lễ hội mùa xuân", "text": "Khai mạc lễ hội, đồng thời trao giải."},
        ensure_ascii=False), encoding="utf-8")
    build_index(corpus, tmp_path / "index")
    with Archive(tmp_path / "index") as archive:
        assert archive.search(query='"lễ hội, đồng thời"').total == 1
        assert archive.search(query='"lễ hội đồng thời"').total == 0
