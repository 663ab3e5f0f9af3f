"""`wardnews stats`: what an index holds, its size, and when and from what it was built."""

import json

import pytest
from click.testing import CliRunner

from wardnews.cli import main
from wardnews.render_search import human_size
from wardnews.index import Archive


def run(*args, env=None):
    return CliRunner().invoke(main, list(map(str, args)), env=env)


@pytest.fixture(scope="module")
def figures(demo_index):
    with Archive(demo_index) as archive:
        return archive.stats()


def test_json_is_the_library_stats(demo_index, figures):
    result = run("stats", "--index", demo_index, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(json.dumps(figures.to_json()))


def test_the_text_opens_with_size_and_build(demo_index, figures):
    lines = run("stats", "--index", demo_index).stdout.splitlines()
    assert lines[0] == (f"Index at {demo_index}: {figures.articles} articles from "
                        f"{figures.files} files, {human_size(figures.size_bytes)}")
    date, time = figures.built_at[:10], figures.built_at[11:16]
    assert lines[1] == f"Built {date} {time} UTC from {figures.corpus}"


def test_every_year_is_listed_and_other_lists_are_cut_at_top(demo_index, figures):
    text = run("stats", "--index", demo_index, "--top", 2).stdout
    for year, count in figures.by_year:
        assert f"  {count:>6}  {year}\n" in text
    ward, count = figures.by_ward[0]
    assert f"Articles per ward (first 2; --top 0 shows all):\n  {count:>6}  {ward}\n" in text
    assert figures.by_ward[2][0] not in text.split("Articles per ward")[1].split("\n\n")[0]


def test_top_0_lists_every_ward(demo_index, figures):
    text = run("stats", "--index", demo_index, "--top", 0).stdout
    assert "Articles per ward:\n" in text
    assert all(f"  {count:>6}  {ward}\n" in text for ward, count in figures.by_ward)


def test_the_index_comes_from_wardnews_index(demo_index):
    result = run("stats", env={"WARDNEWS_INDEX": str(demo_index)})
    assert result.exit_code == 0 and result.stdout.startswith(f"Index at {demo_index}: ")


def test_no_index_says_how_to_make_one(tmp_path):
    result = run("stats", "--index", tmp_path)
    assert result.exit_code == 1
    assert result.stderr == f"Error: No index at {tmp_path}: run `wardnews index CORPUS --index {tmp_path}` first\n"


@pytest.mark.parametrize("size, text", [
    (0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (5 * 1024 ** 2 + 1, "5.0 MB"), (2 * 1024 ** 4, "2048.0 GB"),
])
def test_sizes_are_in_human_units(size, text):
    assert human_size(size) == text
