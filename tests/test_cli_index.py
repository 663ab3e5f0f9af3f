"""`wardnews index`: the summary of a build or update, its exit codes, where the index goes."""

import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from wardnews.cli import _progress_bar, main
from wardnews.index.store import write_lock

ARTICLE = "{title}\n\nSáng {day}/3/2021, UBND phường Minh Khai họp bàn kế hoạch năm {n}."


def run(*args, env=None):
    return CliRunner().invoke(main, list(map(str, args)), env=env)


def row(name, count, tail=""):
    """A line of the summary, as describe_build aligns it."""
    return f"  {name:<9} {count:>7}{tail}"


def write_articles(folder, count, start=1):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"{n}.txt").write_text(
            ARTICLE.format(title=f"Phường Minh Khai họp lần {n}", day=n, n=2020 + n),
            encoding="utf-8",
        )


@pytest.fixture
def corpus(tmp_path):
    write_articles(tmp_path / "corpus", 3)
    return tmp_path / "corpus"


def test_a_clean_corpus_is_indexed_with_exit_0(corpus, tmp_path):
    location = tmp_path / "ix"
    result = run("index", corpus, "--index", location)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Rebuilt the index at {location} from 3 files in ")
    assert lines[1:] == [
        row("read", 3, " articles from added or changed files"),
        row("added", 3), row("updated", 0), row("removed", 0), row("unchanged", 0),
        row("rejected", 0), row("skipped", 0),
    ]
    assert (location / "CURRENT").exists()


def test_a_bad_file_is_listed_exits_1_and_the_rest_are_indexed(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "feed.jsonl").write_text(
        '{"title": "Xã Trường Xuân họp", "text": "Ngày 2/3/2021, xã Trường Xuân họp dân.", "url": "u1"}\n'
        '{"title": "broken\n',
        encoding="utf-8",
    )
    location = tmp_path / "ix"
    result = run("index", corpus, "--index", location)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert row("added", 4) in lines
    assert row("rejected", 2, " (fix or remove these, then run again)") in lines
    assert "    empty.txt: empty file: nothing to read; save the page again or remove the file" in lines
    assert any(line.startswith("    feed.jsonl (line 2): invalid JSON") for line in lines)
    assert row("skipped", 1, " (not article files)") in lines
    assert any(line.startswith("    scan.pdf: unknown file type .pdf") for line in lines)
    searched = run("search", "Trường Xuân", "--index", location)
    assert searched.stdout.startswith('Results 1–1 of 1 for "Trường Xuân"')


def test_running_again_finds_everything_unchanged_and_still_lists_the_rejection(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    location = tmp_path / "ix"
    run("index", corpus, "--index", location)
    again = run("index", corpus, "--index", location)
    assert again.exit_code == 1
    lines = again.stdout.splitlines()
    assert lines[0].startswith(f"Updated the index at {location} from 4 files in ")
    assert lines[1:7] == [
        row("read", 0, " articles from added or changed files"),
        row("added", 0), row("updated", 0), row("removed", 0), row("unchanged", 3),
        row("rejected", 1, " (fix or remove these, then run again)"),
    ]
    assert "    empty.txt: empty file: nothing to read; save the page again or remove the file" in lines


def test_changed_added_and_deleted_files_are_updated_added_and_removed(corpus, tmp_path):
    location = tmp_path / "ix"
    run("index", corpus, "--index", location)
    (corpus / "1.txt").write_text(ARTICLE.format(title="Phường Minh Khai họp lại", day=9, n=2030),
                                  encoding="utf-8")
    (corpus / "3.txt").unlink()
    write_articles(corpus, 2, start=4)
    result = run("index", corpus, "--index", location)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:6] == [
        row("read", 3, " articles from added or changed files"),
        row("added", 2), row("updated", 1), row("removed", 1), row("unchanged", 1),
    ]
    assert run("search", "họp lại", "--index", location).stdout.startswith("Results 1–1 of 1")


def test_full_rebuilds_from_every_file(corpus, tmp_path):
    location = tmp_path / "ix"
    run("index", corpus, "--index", location)
    result = run("index", corpus, "--index", location, "--full")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Rebuilt the index at {location} from 3 files")
    assert row("added", 3) in result.stdout.splitlines()


def test_two_jobs_index_the_same_articles(corpus, tmp_path):
    write_articles(corpus, 6, start=4)
    result = run("index", corpus, "--index", tmp_path / "ix", "--jobs", 2)
    assert result.exit_code == 0, result.output
    assert row("added", 9) in result.stdout.splitlines()
    assert run("search", "", "--index", tmp_path / "ix").stdout.startswith("Results 1–9 of 9")


def test_a_busy_index_is_an_error_that_says_to_wait(corpus, tmp_path):
    location = tmp_path / "ix"
    with write_lock(location):
        result = run("index", corpus, "--index", location)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: Another `wardnews index` is writing {location} (process {os.getpid()}); "
        "wait for it to finish and run again\n"
    )


def test_the_index_goes_where_wardnews_index_says(corpus, tmp_path):
    location = tmp_path / "from-env"
    result = run("index", corpus, env={"WARDNEWS_INDEX": str(location)})
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Rebuilt the index at {location} ")
    assert (location / "CURRENT").exists()


def test_the_option_wins_over_wardnews_index(corpus, tmp_path):
    result = run("index", corpus, "--index", tmp_path / "opt", env={"WARDNEWS_INDEX": str(tmp_path / "env")})
    assert result.exit_code == 0
    assert (tmp_path / "opt" / "CURRENT").exists() and not (tmp_path / "env").exists()


def test_by_default_corpus_is_read_into_wardnews_index_here(corpus):
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=corpus.parent):
        write_articles(Path("corpus"), 2)
        result = runner.invoke(main, ["index"], env={"WARDNEWS_INDEX": None})
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Rebuilt the index at .wardnews/index from 2 files")
        assert os.path.exists(".wardnews/index/CURRENT")


def test_without_corpus_or_a_corpus_folder_it_is_a_usage_error():
    runner = CliRunner()
    with runner.isolated_filesystem():
        result = runner.invoke(main, ["index"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: No CORPUS given and there is no ./corpus folder here: "
        "name the folder of articles to index"
    )


@pytest.mark.parametrize("args, message", [
    (["no/such/folder"], "Path 'no/such/folder' does not exist"),
    (["--jobs", "0"], "0 is not in the range 1<=x<=64"),
])
def test_usage_errors_exit_2(args, message):
    result = run("index", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_file_in_place_of_the_index_folder_is_named(corpus, tmp_path):
    (tmp_path / "ix").write_text("")
    result = run("index", corpus, "--index", tmp_path / "ix")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'ix'} is a file, not an index folder: give --index a folder\n"


def test_the_progress_bar_is_silent_off_a_terminal(corpus, tmp_path):
    result = run("index", corpus, "--index", tmp_path / "ix")
    assert result.stderr == ""


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("stream, shown", [(Terminal(), True), (io.StringIO(), False)])
def test_the_progress_bar_counts_articles_with_their_rate_on_a_terminal(stream, shown):
    with _progress_bar(stream) as bar:
        bar.update(5)
        bar.refresh()
    text = stream.getvalue()
    assert ("5 articles" in text and "articles/s" in text) is shown
    assert (text != "") is shown


def test_help_names_the_default_corpus_and_the_busy_exit_code():
    text = " ".join(run("index", "-h").stdout.split())
    assert "CORPUS defaults to ./corpus when that folder exists" in text
    assert "or when another `wardnews index` is writing the same index" in text
