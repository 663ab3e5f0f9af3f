"""The index's promises about processes, proven with real ones: children that build, search
and get killed with SIGKILL (see process_helpers.py).

- a full rebuild writes a new generation beside the old one and switches CURRENT at the end;
- one writer at a time: a second one gets IndexBusy's message, and the index stays whole;
- searches answer throughout a rebuild or an update, with the old total or the new one;
- a kill -9 in the middle of a rebuild or an update leaves the previous index searchable,
  and the next build cleans up and counts right.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from wardnews.index import Archive, IndexBusy, build_index
from wardnews.index.store import current_generation, read_build_info
from tests.process_helpers import (
    MARKER,
    child,
    children_of,
    gone,
    wait_for,
    write_corpus,
    write_jsonl,
)

FILES, PER_FILE = 3, 40  # 120 generated articles: built in about a second


@pytest.fixture
def built(tmp_path) -> tuple[Path, Path]:
    """A corpus of 120 articles and an index built from it."""
    corpus = write_corpus(tmp_path / "corpus", FILES, PER_FILE)
    location = tmp_path / "index"
    build_index(corpus, location)
    return corpus, location


def total(location: Path) -> int:
    with Archive(location) as archive:
        return archive.search(query=MARKER).total


def current(location: Path) -> str:
    return (location / "CURRENT").read_text(encoding="utf-8").strip()


def finish(process, timeout: float = 30.0) -> str:
    """The child's stdout once it has ended; fails with its stderr if it failed."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"exit {process.returncode}:\n{out}\n{err}"
    return out


def add_file(corpus: Path, count: int = 40) -> None:
    write_jsonl(corpus / "part-new.jsonl", count, seed=99, start=1000)


def test_full_rebuild_writes_beside_the_old_generation_and_switches_at_the_end(built, tmp_path):
    corpus, location = built
    add_file(corpus)
    started = tmp_path / "started"
    rebuild = child("build", corpus, location, "--full", "--delay", "0.01", "--started", started)
    wait_for(started, rebuild)
    # Mid-build: the new generation grows beside the old one, which searches still use.
    assert (location / "gen-0002.building").is_dir()
    assert current(location) == "gen-0001"
    assert total(location) == 120
    assert json.loads(finish(rebuild))["added"] == 160
    assert current(location) == "gen-0002"
    assert not (location / "gen-0002.building").exists()
    assert (location / "gen-0001").is_dir(), "the previous generation is kept for open searches"
    assert total(location) == 160


@pytest.mark.parametrize("second", [("--full",), ()], ids=["second-rebuild", "second-update"])
def test_a_second_writer_gets_index_busy_and_the_index_stays_whole(built, tmp_path, second):
    corpus, location = built
    add_file(corpus)
    started = tmp_path / "started"
    first = child("build", corpus, location, "--full", "--delay", "0.01", "--started", started)
    wait_for(started, first)
    message = (f"Another `wardnews index` is writing {location} (process {first.pid}); "
               "wait for it to finish and run again")
    other = child("build", corpus, location, *second)
    out, err = other.communicate(timeout=30)
    assert (other.returncode, out.strip()) == (3, message), err
    with pytest.raises(IndexBusy) as raised:  # and from this process too
        build_index(corpus, location)
    assert str(raised.value) == message
    assert total(location) == 120
    assert json.loads(finish(first))["added"] == 160
    assert total(location) == 160
    assert not list(location.glob("*.building"))


@pytest.mark.parametrize("full, jobs", [(True, 1), (True, 2), (False, 1)],
                         ids=["rebuild", "rebuild-2-jobs", "update"])
def test_searches_answer_during_a_build_with_the_old_total_or_the_new(built, tmp_path, full, jobs):
    corpus, location = built
    add_file(corpus)
    stop, log = tmp_path / "stop", tmp_path / "searches.jsonl"
    searcher = child("search", location, MARKER, stop, log)
    time.sleep(0.5)  # let it search the old index a while
    builder = child("build", corpus, location, *(["--full"] if full else []), "--jobs", jobs,
                    "--delay", "0.005")
    finish(builder)
    stop.touch()
    finish(searcher)
    answers = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    errors = [a["error"] for a in answers if "error" in a]
    assert not errors
    totals = [a.get("kept", a.get("fresh")) for a in answers]
    assert len(totals) >= 10
    assert set(totals) <= {120, 160}
    assert totals[0] == 120 and totals[-2:] == [160, 160]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rebuild_killed_midway_leaves_the_previous_index_and_the_next_build_cleans_up(
        built, tmp_path, jobs):
    corpus, location = built
    add_file(corpus)
    started = tmp_path / "started"
    rebuild = child("build", corpus, location, "--full", "--jobs", jobs, "--delay", "0.01",
                    "--started", started)
    wait_for(started, rebuild)
    time.sleep(0.2)
    workers = children_of(rebuild.pid)
    assert len(workers) == (jobs if jobs > 1 else 0)
    os.kill(rebuild.pid, signal.SIGKILL)
    rebuild.wait(timeout=10)
    assert rebuild.returncode == -signal.SIGKILL
    assert gone(workers, timeout=2), "workers die with the build that started them"
    assert (location / "gen-0002.building").is_dir(), "the kill came mid-build"
    assert current(location) == "gen-0001"
    assert total(location) == 120
    # The lock died with the process (its workers let go of it at their start).
    summary = build_index(corpus, location)
    assert (summary.added, summary.unchanged) == (40, 120)
    assert not list(location.glob("*.building"))
    assert total(location) == 160


def _change(corpus: Path) -> None:
    """One file changed (40 updated), one deleted (40 removed), one added (30 added)."""
    write_jsonl(corpus / "part-00.jsonl", PER_FILE, seed=50, start=0)
    (corpus / "part-01.jsonl").unlink()
    write_jsonl(corpus / "part-03.jsonl", 30, seed=51, start=3000)


@pytest.mark.parametrize("kill, after", [
    ("before-toc", 120),  # everything written but the switch: the old contents
    ("after-toc", 110),  # the switch made: the new contents, its record with it
    ("midway", 120),  # while articles are being read
])
def test_an_update_killed_leaves_old_or_new_contents_and_the_next_update_counts_right(
        built, tmp_path, kill, after):
    corpus, location = built
    _change(corpus)
    if kill == "midway":
        started = tmp_path / "started"
        update = child("build", corpus, location, "--delay", "0.01", "--started", started)
        wait_for(started, update)
        time.sleep(0.2)
        os.kill(update.pid, signal.SIGKILL)
    else:
        update = child("build", corpus, location, "--die-at", kill)
    update.wait(timeout=30)
    assert update.returncode == -signal.SIGKILL
    assert total(location) == after
    summary = build_index(corpus, location)
    done = (summary.added, summary.updated, summary.removed, summary.unchanged)
    assert done == ((30, 40, 40, 40) if after == 120 else (0, 0, 0, 110))
    assert total(location) == 110
    generation = current_generation(location)
    assert read_build_info(generation)["articles"] == 110
    assert set(read_build_info(generation)["files"]) == {"part-00.jsonl", "part-02.jsonl",
                                                        "part-03.jsonl"}
    assert not [p for p in generation.iterdir() if p.name.endswith((".tmp", ".trm", ".pst"))]
