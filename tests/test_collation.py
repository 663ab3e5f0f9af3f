"""Vietnamese alphabetical order (index/collation.py): letters, tones, case, numbers, places."""

from __future__ import annotations

import unicodedata

import pytest

from wardnews.index import (ALPHABET, NUMBER_GROUP, OTHER_GROUP, VIETNAMESE_LETTERS, filing_letter,
                            place_sort_key, sort_key, without_type)


def in_order(*texts: str) -> bool:
    return sorted(texts, key=sort_key) == list(texts)


def test_the_alphabet_is_the_vietnamese_one_with_foreign_letters_where_latin_puts_them():
    assert "".join(VIETNAMESE_LETTERS) == "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    assert "".join(ALPHABET) == "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"


@pytest.mark.parametrize("before, after", [
    ("Dương", "Đà"),  # Đ is a letter after D: every D… first
    ("Dzũng", "Đa"),
    ("Đường", "Em"),  # ... and before E
    ("Ân", "Ba"),
    ("An", "Ăn"),  # Ă after A, Â after Ă
    ("Ăn", "Ân"),
    ("Anh", "Ấp"),  # "Ấp" is Â with a tone: after every A… and Ă…
    ("Ẳng", "Ấp"),
    ("Ê", "Gia"),  # no F in Vietnamese words; G follows Ê
    ("Ong", "Ông"),
    ("Ông", "Ơn"),
    ("Ơn", "Phú"),
    ("Uyên", "Ưng"),
    ("Ưng", "Vân"),
    ("Xuân", "Yên"),
])
def test_letters_with_marks_are_letters_of_their_own(before, after):
    assert in_order(before, after)
    assert in_order(before.lower(), after.upper())  # case never outweighs a letter


def test_tones_sort_after_the_bare_syllable_in_unicode_s_vietnamese_order():
    assert in_order("ba", "bà", "bả", "bã", "bá", "bạ")  # ngang, huyền, hỏi, ngã, sắc, nặng


def test_a_tone_decides_only_between_texts_whose_letters_are_equal():
    assert in_order("bạ", "bac")  # the letters decide first
    assert in_order("Hà Nam", "Hai Bà Trưng")  # word by word: "Ha" is shorter than "Hai"
    assert in_order("Hà", "Há", "Hạ", "Hách")


def test_tone_placement_does_not_change_the_order():
    """Hoà and hòa (1989 and older placement) are one syllable: neither sorts between
    others, and a list mixing both keeps their neighbours together."""
    old, new = sort_key("Thuận Hòa"), sort_key("Thuận Hoà")
    assert old[:3] == new[:3]  # letters, tones, case: equal; only the text itself breaks the tie
    assert in_order("Thuận Hoa", "Thuận Hoà", "Thuận Hòa", "Thuận Hoá", "Thuận Hoan")
    assert in_order("Thuận Hoa", "Thuận Hòa", "Thuận Hoá", "Thuận Hoan")


def test_case_decides_last_lower_case_first():
    assert in_order("an", "An", "ăn")


def test_decomposed_text_sorts_as_its_composed_form():
    decomposed = unicodedata.normalize("NFD", "Đông Khê")
    assert sort_key(decomposed)[:3] == sort_key("Đông Khê")[:3]
    assert in_order("Dương", decomposed, "Em")


def test_numbers_sort_before_words_and_by_their_value():
    assert in_order("2", "10", "2015-2020", "2020-2025", "An")
    assert in_order("Tổ 2", "Tổ 10", "Tổ dân phố")
    assert in_order("9" * 5000, "1" + "0" * 5000)  # any length: no int() of the digits


def test_punctuation_and_spaces_part_words_and_are_otherwise_ignored():
    assert in_order("An Bình", "Anh")
    assert in_order("Nâm N'Jang", "Nâm Nung")
    assert sort_key("«Hà Nội»")[:3] == sort_key("Hà Nội")[:3]


@pytest.mark.parametrize("text, letter", [
    ("Đông Khê", "Đ"), ("đông", "Đ"), ("Dương", "D"), ("Ấp Bắc", "Â"), ("ăn", "Ă"),
    ("Ơn", "Ơ"), ("ưng", "Ư"), ("Ê-đê", "Ê"), ("Ông", "Ô"), ("An", "A"), ("Áng", "A"),
    ("2020-2025", NUMBER_GROUP), ("“Hà Nội”", "H"), ("Ωmega", OTHER_GROUP), ("", OTHER_GROUP),
    ("Fansipan", "F"),
])
def test_each_text_is_filed_under_its_first_letter_tone_aside(text, letter):
    assert filing_letter(text) == letter


@pytest.mark.parametrize("value, parts", [
    ("phường Minh Khai, Quận Hai Bà Trưng, Hà Nội", ("phường", "Minh Khai, Quận Hai Bà Trưng, Hà Nội")),
    ("Phường Phủ Lý, Tỉnh Ninh Bình", ("Phường", "Phủ Lý, Tỉnh Ninh Bình")),
    ("xã Đắk Môl, Huyện Đắk Song, Đắk Nông", ("xã", "Đắk Môl, Huyện Đắk Song, Đắk Nông")),
    ("thị trấn Đức An", ("thị trấn", "Đức An")),
    ("Thành phố Phủ Lý, Hà Nam", ("Thành phố", "Phủ Lý, Hà Nam")),
    ("Huyện Đắk Song, Đắk Nông", ("Huyện", "Đắk Song, Đắk Nông")),
    ("Xã Mê Linh", ("Xã", "Mê Linh")),
    ("Hà Nam", ("", "Hà Nam")),
    ("Xã", ("", "Xã")),  # a type word alone is a name
    ("Phường7", ("", "Phường7")),
])
def test_a_place_s_type_word_is_set_apart(value, parts):
    assert without_type(value) == parts


def test_places_sort_by_name_whatever_their_type():
    values = ["xã Trường Xuân", "thị trấn Đức An", "phường An Hòa", "Phường Đông Khê", "xã Dương Xá"]
    assert sorted(values, key=place_sort_key) == [
        "phường An Hòa", "xã Dương Xá", "Phường Đông Khê", "thị trấn Đức An", "xã Trường Xuân"]  # ô before ư


def test_one_name_of_several_types_is_ordered_by_the_rest_then_the_type():
    values = ["xã Minh Khai", "phường Minh Khai, Hà Nội", "phường Minh Khai"]
    assert sorted(values, key=place_sort_key) == [
        "phường Minh Khai", "xã Minh Khai", "phường Minh Khai, Hà Nội"]
