"""Building: what an update re-reads and how it counts, the index location rule, and the same
index whatever the number of worker processes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wardnews.index import Archive, SearchRequest, build_index, index_location
from wardnews.index.commit import MAX_SEGMENTS, read_toc
from wardnews.index.store import DEFAULT_INDEX, current_generation, read_build_info
from tests.process_helpers import MARKER, write_corpus, write_jsonl

FILES, PER_FILE = 3, 40


@pytest.fixture
def built(tmp_path) -> tuple[Path, Path]:
    corpus = write_corpus(tmp_path / "corpus", FILES, PER_FILE)
    location = tmp_path / "index"
    build_index(corpus, location)
    return corpus, location


def _same_mtime_new_content(corpus: Path) -> None:
    path = corpus / "part-00.jsonl"
    before = path.stat()
    write_jsonl(path, PER_FILE, seed=77, start=0)  # the same ids, other words
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _fewer_records(corpus: Path) -> None:
    write_jsonl(corpus / "part-00.jsonl", 25, seed=78, start=0)


def _renamed(corpus: Path) -> None:
    (corpus / "part-01.jsonl").rename(corpus / "renamed.jsonl")


def _touched(corpus: Path) -> None:
    os.utime(corpus / "part-02.jsonl", (1, 1))


def _moved_into_a_folder(corpus: Path) -> None:
    (corpus / "sub").mkdir()
    (corpus / "part-02.jsonl").rename(corpus / "sub" / "part-02.jsonl")


# change, then (read, added, updated, removed, unchanged, articles in the index)
UPDATES = [
    ("nothing", lambda corpus: None, (0, 0, 0, 0, 120, 120)),
    ("touched-same-content", _touched, (0, 0, 0, 0, 120, 120)),
    ("file-added", lambda corpus: write_jsonl(corpus / "part-03.jsonl", 30, seed=9, start=300),
     (30, 30, 0, 0, 120, 150)),
    ("changed-same-mtime", _same_mtime_new_content, (40, 0, 40, 0, 80, 120)),
    ("changed-fewer-records", _fewer_records, (25, 0, 25, 15, 80, 105)),
    ("file-deleted", lambda corpus: (corpus / "part-01.jsonl").unlink(), (0, 0, 0, 40, 80, 80)),
    ("file-renamed", _renamed, (40, 40, 0, 40, 80, 120)),
    ("moved-into-a-folder", _moved_into_a_folder, (40, 40, 0, 40, 80, 120)),
]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("change, expected", [u[1:] for u in UPDATES], ids=[u[0] for u in UPDATES])
def test_an_update_rereads_only_added_and_changed_files_and_counts_exactly(built, change, expected,
                                                                          jobs):
    corpus, location = built
    change(corpus)
    summary = build_index(corpus, location, jobs=jobs)
    counts = (summary.read, summary.added, summary.updated, summary.removed, summary.unchanged)
    assert summary.full is False
    assert counts == expected[:5]
    with Archive(location) as archive:
        assert archive.search(query=MARKER).total == expected[5]
    assert read_build_info(current_generation(location))["articles"] == expected[5]
    again = build_index(corpus, location)  # and then there is nothing left to do
    assert (again.read, again.unchanged) == (0, expected[5])


def test_a_changed_file_s_new_words_are_found_and_its_old_ones_are_gone(built):
    corpus, location = built
    write_jsonl(corpus / "part-00.jsonl", 1, seed=1, start=0)
    record = json.loads((corpus / "part-00.jsonl").read_text(encoding="utf-8"))
    record["text"] += "\n\nzyxwv"
    (corpus / "part-00.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    build_index(corpus, location)
    with Archive(location) as archive:
        assert archive.search(query="zyxwv").total == 1
        assert archive.search(query=MARKER).total == 81


def test_a_rejected_record_is_reported_again_while_its_file_is_unchanged(built):
    corpus, location = built
    with open(corpus / "part-02.jsonl", "a", encoding="utf-8") as out:
        out.write('{"title": "broken\n')
    first = build_index(corpus, location)
    again = build_index(corpus, location)
    assert [(p.source, p.where) for p in first.rejected] == [("part-02.jsonl", "line 41")]
    assert [(p.source, p.where, p.reason) for p in again.rejected] == [
        (p.source, p.where, p.reason) for p in first.rejected]
    assert (first.updated, again.read) == (40, 0)


def test_two_jobs_build_the_same_index_as_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 4, 50)
    results = []
    for jobs in (1, 2):
        location = tmp_path / f"index-{jobs}"
        summary = build_index(corpus, location, full=True, jobs=jobs)
        with Archive(location) as archive:
            request = SearchRequest(query=f"{MARKER} phường")
            result = archive.search(request)
            hits = sorted((h.id, round(h.score, 6)) for h in archive.iter_results(request))
            results.append((summary.added, result.total, hits,
                            {name: sorted((v.value, v.count) for v in values)
                             for name, values in result.facets.items()}))
    assert results[0] == results[1]
    assert results[0][0] == 200 and results[0][1] > 100 and len(results[0][2]) == results[0][1]


def test_a_rebuild_replaces_the_generation_and_keeps_one_before_it(built):
    corpus, location = built
    for _ in range(3):
        build_index(corpus, location, full=True)
    assert sorted(p.name for p in location.iterdir() if p.is_dir()) == ["gen-0003", "gen-0004"]
    assert (location / "CURRENT").read_text(encoding="utf-8") == "gen-0004\n"


def test_an_update_keeps_the_files_of_the_commit_before_it_only(built):
    corpus, location = built
    for seed in (5, 6, 7):
        write_jsonl(corpus / "part-00.jsonl", PER_FILE, seed=seed, start=0)
        build_index(corpus, location)
    generation = current_generation(location)
    tocs = sorted(p.name for p in generation.glob("_MAIN_*.toc"))
    records = sorted(p.name for p in generation.glob("build-*.json"))
    columns = sorted(p.name for p in generation.glob("columns-*"))
    assert (tocs, records) == (["_MAIN_3.toc", "_MAIN_4.toc"], ["build-3.json", "build-4.json"])
    assert columns == ["columns-3.npz", "columns-4.npz"]


def test_a_running_archive_takes_an_update_without_reading_the_columns_again(built, monkeypatch):
    """The build writes each commit's columns before the commit is seen, so the first
    search after an update reads them from one file (not seconds of Whoosh columns at
    35,000 articles), and finds the new articles."""
    from wardnews.index import columns

    corpus, location = built
    with Archive(location) as archive:
        assert archive.search(query=MARKER).total == 120
        write_jsonl(corpus / "part-03.jsonl", 30, seed=9, start=300)
        build_index(corpus, location)

        def forbidden(reader):
            raise AssertionError("columns read from Whoosh by the searching process")

        monkeypatch.setattr(columns, "read_columns", forbidden)
        assert archive.search(query=MARKER).total == 150
        assert archive.search(query=MARKER, limit=1).facets["year"]


# --- where the index is ----------------------------------------------------------------


@pytest.mark.parametrize("option, environment, expected", [
    ("/tmp/given", "/tmp/from-env", Path("/tmp/given")),
    (None, "/tmp/from-env", Path("/tmp/from-env")),
    (None, None, DEFAULT_INDEX),
    (None, "", DEFAULT_INDEX),
])
def test_the_index_location_is_the_option_else_the_environment_else_the_default(
        monkeypatch, option, environment, expected):
    if environment is None:
        monkeypatch.delenv("WARDNEWS_INDEX", raising=False)
    else:
        monkeypatch.setenv("WARDNEWS_INDEX", environment)
    assert index_location(option) == expected


def test_the_default_index_is_under_the_folder_a_process_runs_in(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 1, 5)
    here = tmp_path / "work"
    here.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "WARDNEWS_INDEX"}
    code = ("import sys; from wardnews.index import build_index, index_location; "
            "print(build_index(sys.argv[1], index_location(None)).added)")
    done = subprocess.run([sys.executable, "-c", code, str(corpus)], cwd=here, env=environment,
                          capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "5"), done.stderr
    assert (here / ".wardnews" / "index" / "CURRENT").is_file()
    assert DEFAULT_INDEX == Path(".wardnews") / "index"
    shutil.rmtree(here)


def test_many_updates_keep_few_segments_and_the_same_answers(tmp_path):
    corpus = tmp_path / "corpus"
    write_jsonl(corpus / "big.jsonl", 200, seed=1, start=0)
    for n in range(10):
        write_jsonl(corpus / f"small-{n}.jsonl", 2, seed=100 + n, start=1000 + 10 * n)
    location = tmp_path / "index"
    build_index(corpus, location)
    counts = []
    for n in range(10):  # each update rewrites one small file: one more small segment
        write_jsonl(corpus / f"small-{n}.jsonl", 2, seed=200 + n, start=1000 + 10 * n)
        summary = build_index(corpus, location)
        assert (summary.updated, summary.unchanged) == (2, 218)
        counts.append(len(read_toc(current_generation(location)).segments))
    assert max(counts) <= MAX_SEGMENTS
    assert counts[:7] == [2, 3, 4, 5, 6, 7, 8] and counts[7] < 8  # merged when a 9th came
    fresh = tmp_path / "fresh"
    build_index(corpus, fresh)
    # The same articles match (scores differ: deleted articles still weigh in statistics).
    with Archive(location) as updated, Archive(fresh) as rebuilt:
        for query in (MARKER, "phường", '"đại hội"', "ward:Minh Khai", "-kiểm"):
            request = SearchRequest(query=query)
            found = sorted(h.id for h in updated.iter_results(request))
            assert found == sorted(h.id for h in rebuilt.iter_results(request))
            assert len(found) == {MARKER: 220, "-kiểm": 0}.get(query, len(found))
