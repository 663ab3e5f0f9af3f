"""The text facts of VIETNAMESE.md §1–3, one table each."""

import unicodedata

import pytest

from wardnews.archive.normalise import (
    canonical_tones,
    clean_text,
    fold,
    folded_key,
    has_diacritics,
    search_key,
)

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731 - a table helper


@pytest.mark.parametrize(
    "raw, expected",
    [
        (NFD("Lương Khánh Thiện"), "Lương Khánh Thiện"),
        ("Thie\u0323\u0302n", "Thiện"),  # marks in the order a Windows-1258 page writes them
        ("Thie\u0302\u0323n", "Thiện"),  # and in the other order
        ("\u00d0\u1ea3ng b\u1ed9", "Đảng bộ"),  # Icelandic eth for Đ (cp1258 read as Latin-1)
        ("\u0189\u00f4ng", "Đông"),  # African D for Đ
        ("\u00f0\u1ed3ng ch\u00ed", "đồng chí"),
        ("x\u00e3\u00a0Tr\u01b0\u1eddng\u00a0Xu\u00e2n", "xã Trường Xuân"),  # NBSP
        ("UBND\u2002\u2009phường", "UBND phường"),  # en space, thin space
        ("Thành\u200bphố", "Thànhphố"),  # zero-width space is not a space
        ("Đảng\u00adbộ", "Đảngbộ"),  # a soft hyphen never shows
        ("a\r\nb\rc", "a\nb\nc"),
        ("  nhiều   dấu  cách  ", "nhiều dấu cách"),
    ],
)
def test_clean_text_makes_canonically_equal_strings_equal(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "older_style, newer_style",
    [
        ("hòa", "hoà"),
        ("khỏe", "khoẻ"),
        ("thủy", "thuỷ"),
        ("ủy", "uỷ"),
        ("Ủy ban", "Uỷ ban"),
        ("Thành ủy", "Thành uỷ"),
        ("khóa XII", "khoá XII"),
        ("THỦY", "THUỶ"),
        ("Thuận Hòa", "Thuận Hoà"),
        ("lũy", "luỹ"),
        ("xòe", "xoè"),
    ],
)
def test_both_tone_styles_give_one_key(older_style, newer_style):
    assert search_key(older_style) == search_key(newer_style)
    assert canonical_tones(older_style) == newer_style


@pytest.mark.parametrize(
    "word",
    [
        "hoàn", "khoảng", "Huỳnh", "hoài", "khuỷu", "người", "thuở", "Nguyễn", "quốc",
        "quý", "quỳnh", "già", "giữ", "gìn", "Lương", "Khánh", "Thiện", "kỳ", "ý", "ở",
        "mùa", "mía", "cháo", "khuya", "Trường", "Đảng", "xoáy", "tuyển",
    ],
)
def test_syllables_with_one_accepted_form_are_left_as_written(word):
    assert canonical_tones(word) == word


@pytest.mark.parametrize(
    "misplaced, right",
    [("qúy", "quý"), ("gìa", "già"), ("qủa", "quả"), ("hóan", "hoán"), ("thúy", "thuý")],
)
def test_misplaced_tone_marks_are_moved_to_their_vowel(misplaced, right):
    assert canonical_tones(misplaced) == right


@pytest.mark.parametrize(
    "text",
    ["Skip Ribbon Commands", "ISO 9001:2015", "café", "naïve", "Ürümqi", "12/5/2020", ""],
)
def test_non_vietnamese_text_passes_through_tone_placement(text):
    assert canonical_tones(text) == text


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Lương Khánh Thiện", "Luong Khanh Thien"),
        ("Đảng", "Dang"),
        ("đang", "dang"),
        ("Đường", "Duong"),
        ("Dương", "Duong"),
        ("\u00d0ảng", "Dang"),  # look-alike Đ folds like Đ
        (NFD("Thiện"), "Thien"),
        ("ở ý An Hà", "o y An Ha"),
    ],
)
def test_fold_drops_every_mark_including_d_bar(text, folded):
    assert fold(text) == folded


def test_folding_merges_words_the_exact_key_keeps_apart():
    assert folded_key("Đảng") == folded_key("đang")
    assert search_key("Đảng") != search_key("đang")
    assert search_key("đường") != search_key("Dương")


@pytest.mark.parametrize(
    "text, expected",
    [("luong khanh thien", False), ("Lương", True), ("Dang", False), ("đ", True), ("", False)],
)
def test_has_diacritics_tells_typed_without_marks(text, expected):
    assert has_diacritics(text) is expected


@pytest.mark.parametrize("word", ["ở", "ý", "An", "Hà", "Ủy"])
def test_short_words_are_kept(word):
    assert search_key(word) == canonical_tones(word).lower()
    assert len(search_key(word)) == len(word)
