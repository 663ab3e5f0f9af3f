"""corpus.toml: the corpus root (article ids are keyed from it) and the place its folders declare."""

import json

import pytest
from click.testing import CliRunner

from conftest import CORPUS

from wardnews.archive import Article, Problem, read_articles
from wardnews.archive.defaults import Place, corpus_root, declaration, place_for
from wardnews.cli import main
from wardnews.index import build_index


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    declaration.cache_clear()  # tests rewrite files the cache has read
    return path


def _place(article, root):
    return place_for(article, root)[0]


def test_a_file_takes_the_place_its_folder_declares(tmp_path):
    _write(tmp_path / "ha-nam/corpus.toml", 'province = "Hà Nam"\ndistrict = "Thành phố Phủ Lý"\n')
    article = _write(tmp_path / "ha-nam/2020/a.txt", "x")
    assert place_for(article, tmp_path) == (Place("Hà Nam", "Thành phố Phủ Lý"), [])


def test_a_nearer_folder_overrides_and_another_province_drops_the_district(tmp_path):
    _write(tmp_path / "corpus.toml", 'province = "Hà Nam"\ndistrict = "Thành phố Phủ Lý"\n')
    _write(tmp_path / "hp/corpus.toml", 'province = "Hải Phòng"\n')
    article = _write(tmp_path / "hp/a.txt", "x")
    assert _place(article, tmp_path) == Place("Hải Phòng", None)


def test_a_nearer_district_completes_the_province_above(tmp_path):
    _write(tmp_path / "corpus.toml", 'province = "Hải Phòng"\n')
    _write(tmp_path / "nq/corpus.toml", 'district = "Quận Ngô Quyền"\n')
    article = _write(tmp_path / "nq/a.txt", "x")
    assert _place(article, tmp_path) == Place("Hải Phòng", "Quận Ngô Quyền")


def test_no_declaration_means_no_guess(tmp_path):
    article = _write(tmp_path / "a/b.txt", "x")
    assert place_for(article, tmp_path) == (Place(None, None), [])


@pytest.mark.parametrize(
    "content, reason",
    [
        ("province = ", "not valid TOML (Invalid value (at end of document)): fix it or delete it; "
                        "its folder's articles are read without it"),
        ('provnce = "Hà Nam"\n', "unknown key 'provnce': a corpus.toml takes only root = true, "
                                 "province, district, year and years; fix the key; its folder's "
                                 "articles are "
                                 "read without it"),
        ("province = 12\n", "'province' must be text in quotes; its folder's articles are read without it"),
        ('root = "yes"\n', "'root' must be true or false; its folder's articles are read without it"),
    ],
    ids=["syntax", "unknown key", "not text", "root not a boolean"],
)
def test_a_bad_declaration_is_an_error_naming_the_file_and_is_not_used(tmp_path, content, reason):
    _write(tmp_path / "corpus.toml", 'province = "Hà Nam"\n')
    _write(tmp_path / "bad/corpus.toml", content)
    article = _write(tmp_path / "bad/a.txt", "x")
    place, problems = place_for(article, tmp_path)
    assert place == Place("Hà Nam", None)  # the folder above still counts
    assert problems == [Problem("bad/corpus.toml", reason)]


@pytest.mark.parametrize(
    "content, warning, place",
    [
        ('province = "Hà Nan"\n', "province 'Hà Nan' is not a province of Vietnam before or after "
                                  "July 2025 (check its spelling): left out", Place(None, None)),
        ('province = "Hà Nam"\ndistrict = "Huyện Không Có"\n',
         "district 'Huyện Không Có' is not a district of Vietnam before July 2025 (check its "
         "spelling): left out", Place("Hà Nam", None)),
        ('province = "Hà Nam"\ndistrict = "Quận Ngô Quyền"\n',
         "district 'Quận Ngô Quyền' is not in the province 'Hà Nam': left out", Place("Hà Nam", None)),
    ],
    ids=["unknown province", "unknown district", "district of another province"],
)
def test_an_unknown_place_is_a_warning_naming_it_and_left_out(tmp_path, content, warning, place):
    _write(tmp_path / "corpus.toml", content)
    article = _write(tmp_path / "a.txt", "x")
    assert place_for(article, tmp_path) == (place, [Problem("corpus.toml", warning, kind="warning")])


# --- the corpus root ----------------------------------------------------------------------

def test_the_root_is_the_outermost_folder_with_a_corpus_toml(tmp_path):
    _write(tmp_path / "c/corpus.toml", "")
    _write(tmp_path / "c/a/b/corpus.toml", 'province = "Hà Nam"\n')
    article = _write(tmp_path / "c/a/b/x.txt", "x")
    assert corpus_root(article) == tmp_path / "c"
    assert corpus_root(article.parent) == tmp_path / "c"
    assert corpus_root(tmp_path / "c") == tmp_path / "c"


def test_root_true_stops_the_search_upwards(tmp_path):
    _write(tmp_path / "corpus.toml", 'province = "Hà Nam"\n')  # another corpus above
    _write(tmp_path / "inner/corpus.toml", "root = true\n")
    article = _write(tmp_path / "inner/sub/x.txt", "x")
    assert corpus_root(article) == tmp_path / "inner"
    assert _place(article, corpus_root(article)) == Place(None, None)


def test_without_any_corpus_toml_the_root_is_the_folder_given(tmp_path):
    article = _write(tmp_path / "a/x.txt", "x")
    assert corpus_root(article) == tmp_path / "a"
    assert corpus_root(tmp_path) == tmp_path


def _ids(*paths) -> dict[str, str]:
    return {a.source: a.id for a in read_articles(list(paths)) if isinstance(a, Article)}


def test_an_article_has_one_id_whether_read_alone_with_its_folder_or_with_the_corpus(tmp_path):
    article = CORPUS / "ha-nam" / "phu-ly" / "01-byline-dai-hoi-quang-trung-2020.txt"
    alone, folder, corpus = _ids(article), _ids(article.parent), _ids(CORPUS)
    source = "ha-nam/phu-ly/01-byline-dai-hoi-quang-trung-2020.txt"
    assert alone == {source: corpus[source]}
    assert folder[source] == corpus[source]
    build_index(CORPUS / "ha-nam", tmp_path / "ix")
    with __import__("wardnews").Archive(tmp_path / "ix") as archive:
        assert archive.article(corpus[source]).source == source


def test_inspect_prints_the_ids_the_index_gives(tmp_path):
    article = CORPUS / "hai-phong" / "ngo-quyen" / "02-byline-in-body-only-ky-hop-hdnd-may-chai-2019.html"
    shown = json.loads(CliRunner().invoke(main, ["inspect", "--json", str(article)]).stdout)
    assert shown[0]["source"] == "hai-phong/ngo-quyen/" + article.name
    assert shown[0]["id"] == _ids(CORPUS)[shown[0]["source"]]


def test_a_parent_folders_declaration_applies_to_a_subfolder_or_file_read_alone(tmp_path):
    _write(tmp_path / "c/corpus.toml", 'province = "Hải Phòng"\n')
    article = _write(tmp_path / "c/sub/x.txt", "Phường Lương Khánh Thiện tổ chức đại hội.\n\n"
                     "Đại hội Đảng bộ phường Lương Khánh Thiện khai mạc sáng nay.")
    for given in (article, article.parent):
        [read] = [a for a in read_articles(given) if isinstance(a, Article)]
        assert read.source == "sub/x.txt"
        assert {w.province for w in read.wards} == {"Hải Phòng"}, given


# --- in an index run ---------------------------------------------------------------------

def _corpus(tmp_path, declared: str):
    corpus = tmp_path / "corpus"
    _write(corpus / "corpus.toml", "root = true\n")
    _write(corpus / "hp/corpus.toml", declared)
    for number in range(3):
        _write(corpus / f"hp/{number}.txt", f"Phường Lương Khánh Thiện họp bàn kế hoạch số {number}\n\n"
               "Sáng nay, Ủy ban nhân dân phường Lương Khánh Thiện tổ chức hội nghị bàn kế hoạch "
               "chỉnh trang đô thị và giữ gìn vệ sinh môi trường trong các tổ dân phố.\n\n"
               "Các đại biểu thống nhất giao từng tổ dân phố nhận việc và báo cáo hằng tháng.")
    return corpus


def test_a_broken_declaration_is_listed_once_and_its_articles_are_indexed(tmp_path):
    corpus = _corpus(tmp_path, 'provice = "Hải Phòng"\n')
    summary = build_index(corpus, tmp_path / "ix")
    assert [(p.source, p.kind) for p in summary.problems] == [("hp/corpus.toml", "rejected")]
    assert "unknown key 'provice'" in summary.problems[0].reason
    assert summary.added == 3
    again = build_index(corpus, tmp_path / "ix")  # an update still says it, once
    assert [(p.source, p.kind) for p in again.problems] == [("hp/corpus.toml", "rejected")]
    assert again.unchanged == 3


def test_an_unknown_province_is_a_warning_that_does_not_fail_the_run(tmp_path):
    corpus = _corpus(tmp_path, 'province = "Hải Phong Mới"\n')
    result = CliRunner().invoke(main, ["index", str(corpus), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    assert "  warnings        1 (read, with what is named left out)" in result.output
    assert "    hp/corpus.toml: province 'Hải Phong Mới' is not a province" in result.output


def test_a_changed_declaration_reads_the_files_beneath_it_again(tmp_path):
    corpus = _corpus(tmp_path, 'province = "Hà Nam"\n')
    build_index(corpus, tmp_path / "ix")
    _write(corpus / "hp/corpus.toml", 'province = "Hải Phòng"\n')
    summary = build_index(corpus, tmp_path / "ix")
    assert (summary.updated, summary.unchanged) == (3, 0)
    with __import__("wardnews").Archive(tmp_path / "ix") as archive:
        wards = archive.search("", limit=10).hits[0].wards
    assert {w.province for w in wards} == {"Hải Phòng"}
