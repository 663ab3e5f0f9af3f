"""A shard that goes down: searches fail with a clear error, or answer partial where the
archive's configuration allows it, never hang past a timeout; restarted, it answers again.
Real searchd processes on free loopback ports, killed with SIGKILL as a crash would."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from conftest import CORPUS, running_cluster

pytestmark = pytest.mark.searchd

TIMEOUT = 15.0  # no search may take longer, shard down or not


@pytest.fixture
def cluster(tmp_path):
    """The demo corpus on two shards and a head of this test's own (it kills one)."""
    with running_cluster(tmp_path / "searchd", CORPUS) as local:
        yield local


def _timed(search):
    started = time.monotonic()
    try:
        return search(), time.monotonic() - started
    except Exception as exc:  # noqa: BLE001 - the test asserts which error it was
        return exc, time.monotonic() - started


def test_a_killed_shard_is_a_clear_error_then_answers_again_restarted(cluster):
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.errors import ShardUnavailable

    with SearchdArchive(cluster.cluster.folder) as archive:
        whole = archive.search("đảng").total
        cluster.shards[1].kill()
        found, seconds = _timed(lambda: archive.search("đảng"))
        assert isinstance(found, ShardUnavailable), found
        assert seconds < TIMEOUT
        assert str(found).startswith(f"The searchd at {cluster.cluster.head.address} did not answer")
        assert "agent" in found.detail
        cluster.start_shard(1)
        assert archive.search("đảng").total == whole


def test_partial_results_are_marked_partial(cluster):
    from wardnews.index.searchd.archive import SearchdArchive

    allowed = dataclasses.replace(cluster.cluster, partial=True)
    with SearchdArchive(cluster.cluster.folder, allowed) as archive:
        whole = archive.search("")
        assert not whole.partial and "partial" not in whole.to_json()
        cluster.shards[0].kill()
        part, seconds = _timed(lambda: archive.search(""))
        assert seconds < TIMEOUT
        assert part.partial and part.to_json()["partial"] is True
        assert 0 < part.total < whole.total
        assert sum(v.count for v in part.facets["year"]) == part.total
        page = _page_over(cluster.cluster.folder, allowed)
        assert "Partial results: part of the archive (a server) did not answer" in page
        cluster.start_shard(0)
        again = archive.search("")
        assert not again.partial and again.total == whole.total


def test_without_a_head_a_dead_shard_is_an_error_or_partial(cluster):
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.errors import ShardUnavailable

    strict = dataclasses.replace(cluster.cluster, head=None)
    allowed = dataclasses.replace(strict, partial=True)
    with SearchdArchive(strict.folder, strict) as failing, SearchdArchive(strict.folder, allowed) as lenient:
        whole = failing.search("").total
        cluster.shards[1].kill()
        found, seconds = _timed(lambda: failing.search(""))
        assert isinstance(found, ShardUnavailable) and seconds < TIMEOUT
        dead = cluster.cluster.shards[1].address
        assert str(found).startswith(f"The searchd at {dead} did not answer")
        part = lenient.search("")
        assert part.partial and 0 < part.total < whole
        cluster.start_shard(1)
        assert failing.search("").total == whole


def test_searches_running_while_a_shard_dies_end_in_time(cluster):
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.errors import ShardUnavailable

    outcomes: list[tuple[object, float]] = []
    stop = threading.Event()

    def searching():
        with SearchdArchive(cluster.cluster.folder) as archive:
            while not stop.is_set():
                outcomes.append(_timed(lambda: archive.search("hội đồng nhân dân", sort="newest").total))

    worker = threading.Thread(target=searching)
    worker.start()
    time.sleep(0.5)
    cluster.shards[1].kill()
    time.sleep(2.0)
    stop.set()
    worker.join(TIMEOUT * 2)
    assert not worker.is_alive(), "a search hung past its timeout"
    results = [o for o, _ in outcomes]
    assert any(isinstance(r, int) for r in results), "no search answered before the kill"
    assert isinstance(results[-1], ShardUnavailable)
    assert all(isinstance(r, (int, ShardUnavailable)) for r in results), results
    assert max(s for _, s in outcomes) < TIMEOUT


def test_a_restarted_head_is_reconnected_to(cluster):
    """A kept connection that searchd closed (a restart, its client_timeout) is opened again,
    not reported as a shard down."""
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.process import start

    with SearchdArchive(cluster.cluster.folder) as archive:
        whole = archive.search("đảng").total
        head = cluster.head
        head.stop()
        cluster.head = start(head.config, head.host, head.port)
        assert archive.search("đảng").total == whole


def _page_over(folder, cluster) -> str:
    """The English search page of a web app whose archive is this (partial-allowing) one."""
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.webui import create_app
    from wardnews.webui.state import KEY

    app = create_app({"WARDNEWS_INDEX": str(folder), "WARDNEWS_BACKEND": "searchd", "TESTING": True})
    app.extensions[KEY] = SearchdArchive(folder, cluster)
    response = app.test_client().get("/search?q=&lang=en")
    assert response.status_code == 200
    return response.get_data(as_text=True)
