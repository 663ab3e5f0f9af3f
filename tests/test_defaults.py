"""Folder defaults declared in corpus.toml."""

import pytest

from wardnews.archive.defaults import Place, folder_defaults
from wardnews.archive.errors import ReadError


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_takes_the_place_its_folder_declares(tmp_path):
    _write(tmp_path / "ha-nam/corpus.toml", 'province = "Hà Nam"\ndistrict = "Thành phố Phủ Lý"\n')
    article = _write(tmp_path / "ha-nam/2020/a.txt", "x")
    assert folder_defaults(article, tmp_path) == Place("Hà Nam", "Thành phố Phủ Lý")


def test_a_nearer_folder_overrides_and_another_province_drops_the_district(tmp_path):
    _write(tmp_path / "corpus.toml", 'province = "Hà Nam"\ndistrict = "Thành phố Phủ Lý"\n')
    _write(tmp_path / "hp/corpus.toml", 'province = "Hải Phòng"\n')
    article = _write(tmp_path / "hp/a.txt", "x")
    assert folder_defaults(article, tmp_path) == Place("Hải Phòng", None)


def test_a_nearer_district_completes_the_province_above(tmp_path):
    _write(tmp_path / "corpus.toml", 'province = "Hải Phòng"\n')
    _write(tmp_path / "nq/corpus.toml", 'district = "Quận Ngô Quyền"\n')
    article = _write(tmp_path / "nq/a.txt", "x")
    assert folder_defaults(article, tmp_path) == Place("Hải Phòng", "Quận Ngô Quyền")


def test_no_declaration_means_no_guess(tmp_path):
    article = _write(tmp_path / "a/b.txt", "x")
    assert folder_defaults(article, tmp_path) == Place(None, None)


@pytest.mark.parametrize(
    "content, message",
    [
        ("province = ", "not valid TOML"),
        ('provnce = "Hà Nam"\n', "unknown keys provnce; only province and district are read"),
    ],
)
def test_a_bad_declaration_says_what_to_fix(tmp_path, content, message):
    _write(tmp_path / "bad/corpus.toml", content)
    article = _write(tmp_path / "bad/a.txt", "x")
    with pytest.raises(ReadError, match=message):
        folder_defaults(article, tmp_path)
