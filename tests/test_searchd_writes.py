"""Writing a searchd archive: a rebuild fills the idle indexes and switches at once (no
search sees half an archive), updates and deletions go to the shard that owns the article."""

from __future__ import annotations

import threading

import pytest

from conftest import CORPUS, SEARCH_CORPUS, running_cluster

pytestmark = pytest.mark.searchd


@pytest.fixture
def cluster(tmp_path):
    with running_cluster(tmp_path / "searchd", CORPUS) as local:
        yield local


def _held_by(cluster, article_id: str) -> list[int]:
    """The shards whose live index holds the article."""
    from wardnews.index.searchd.client import Connection
    from wardnews.index.searchd.shards import document_id

    slot = cluster.live()["slot"]
    found = []
    for number, shard in enumerate(cluster.shards):
        connection = Connection(shard.host, shard.port)
        try:
            rows = connection.execute(f"SELECT id FROM {slot} WHERE id = {document_id(article_id)}")[0]
        finally:
            connection.close()
        if rows:
            found.append(number)
    return found


def test_a_rebuild_switches_whole_archives(cluster):
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.writer import rebuild

    with SearchdArchive(cluster.cluster.folder) as archive:
        before = archive.search("").total
        slot = cluster.cluster.live()["slot"]
        seen, stop = set(), threading.Event()

        def searching():
            with SearchdArchive(cluster.cluster.folder) as other:
                while not stop.is_set():
                    seen.add(other.search("").total)

        worker = threading.Thread(target=searching)
        worker.start()
        try:
            summary = rebuild(SEARCH_CORPUS, cluster.cluster)
        finally:
            stop.set()
            worker.join(30)
        after = archive.search("").total
    assert cluster.cluster.live()["slot"] != slot
    assert after == summary.added != before
    assert seen <= {before, after}, f"a search saw a half-built archive: {seen}"


def test_updates_and_deletions_reach_the_owning_shard(cluster):
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.ingest import corpus_articles
    from wardnews.index.searchd.shards import shard_of
    from wardnews.index.searchd.writer import delete, update

    article = corpus_articles(SEARCH_CORPUS)[0][0]
    owner = shard_of(article.id, len(cluster.cluster.shards))
    with SearchdArchive(cluster.cluster.folder) as archive:
        before = archive.search("")
        update(cluster.cluster, [article])
        archive.refresh()
        after = archive.search("")
        assert after.total == before.total + 1
        assert archive.article(article.id) == article
        assert _held_by(cluster.cluster, article.id) == [owner]
        word = article.title.split()[0]
        assert article.id in {h.id for h in archive.search(word, limit=100).hits}
        years = {v.value: v.count for v in after.facets["year"]}
        old_years = {v.value: v.count for v in before.facets["year"]}
        year = str(article.date.year) if article.date else "unknown"
        assert years[year] == old_years.get(year, 0) + 1
        delete(cluster.cluster, [article.id])
        assert archive.search("").total == before.total
        assert _held_by(cluster.cluster, article.id) == []


def test_an_export_across_a_rebuild_says_so(cluster):
    from wardnews.index import SearchError
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.writer import rebuild

    with SearchdArchive(cluster.cluster.folder) as archive:
        results = archive.iter_results("")
        rebuild(SEARCH_CORPUS, cluster.cluster)
        with pytest.raises(SearchError) as changed:
            list(results)
        assert str(changed.value) == "the index changed during the export; run it again"
        assert len(list(archive.iter_results(""))) == archive.search("").total


def _utf8(path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def test_an_update_by_file_matches_the_embedded_update(tmp_path):
    """Change one file, delete one, add one: `wardnews index` updates both backends alike."""
    import shutil

    from wardnews.index import Archive, build_archive, build_index
    from wardnews.index.searchd.archive import SearchdArchive

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with running_cluster(tmp_path / "searchd", corpus) as local:
        build_index(corpus, tmp_path / "whoosh")
        files = sorted(p for p in corpus.rglob("*.txt") if _utf8(p))
        changed, deleted = files[0], files[1]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nPhường Minh Khai họp dân.\n",
                           encoding="utf-8")
        deleted.unlink()
        shutil.copy(SEARCH_CORPUS / sorted(p.name for p in SEARCH_CORPUS.iterdir() if p.is_file())[0],
                    corpus / "added.txt")
        summary = build_archive(corpus, local.cluster.folder, "searchd")
        embedded_summary = build_index(corpus, tmp_path / "whoosh")
        assert (summary.added, summary.updated, summary.removed) == (
            embedded_summary.added, embedded_summary.updated, embedded_summary.removed)
        assert not summary.full and summary.read < 5
        assert summary.added >= 1 and summary.updated >= 1 and summary.removed >= 1
        with Archive(tmp_path / "whoosh") as embedded, SearchdArchive(local.cluster.folder) as searchd:
            for query in ("", "họp dân", "minh khai", "đảng"):
                e, s = embedded.search(query, sort="newest", limit=100), searchd.search(query, sort="newest", limit=100)
                assert e.total == s.total and {h.id for h in e.hits} == {h.id for h in s.hits}
                for name in ("ward", "term", "year"):
                    assert ({v.value: v.count for v in e.facets[name]}
                            == {v.value: v.count for v in s.facets[name]}), name
        again = build_archive(corpus, local.cluster.folder, "searchd")
        assert (again.read, again.added, again.removed) == (0, 0, 0)


def test_a_rebuild_with_a_shard_down_fails_and_leaves_the_archive_live(cluster):
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.errors import ShardUnavailable
    from wardnews.index.searchd.writer import rebuild

    live = cluster.cluster.live()
    with SearchdArchive(cluster.cluster.folder) as archive:
        whole = archive.search("").total
    cluster.shards[1].kill()
    with pytest.raises(ShardUnavailable):
        rebuild(SEARCH_CORPUS, cluster.cluster, jobs=2)
    assert cluster.cluster.live() == live  # nothing switched
    assert _spools(cluster) == []  # the first pass's rows are gone with the failure
    cluster.start_shard(1)
    with SearchdArchive(cluster.cluster.folder) as archive:
        assert archive.search("").total == whole


def _spools(cluster) -> list:
    from wardnews.index.searchd.spool import SPOOL_PREFIX

    return sorted(cluster.cluster.folder.glob(f"{SPOOL_PREFIX}*"))


def _answers(folder, requests) -> list:
    """Totals, hits in order and every facet's counts of each request."""
    from wardnews.index.searchd.archive import SearchdArchive

    with SearchdArchive(folder) as archive:
        found = []
        for query, options in requests:
            result = archive.search(query, limit=50, facet_limit=50, **options)
            found.append((result.total, [h.id for h in result.hits],
                          {name: [(v.value, v.count) for v in values]
                           for name, values in result.facets.items()}))
        return found


def test_a_rebuild_in_worker_processes_answers_as_one_process_does(cluster):
    from wardnews.index.searchd.writer import rebuild

    requests = [("", {}), ("", {"sort": "oldest"}), ("phường", {"sort": "newest"}),
                ("ubnd", {}), ('"ủy ban"', {"sort": "newest"}), ("đảng", {}),
                ("cong an", {"sort": "oldest"}), ("Thi*", {})]
    one = _answers(cluster.cluster.folder, requests)
    live = cluster.cluster.live()
    summary = rebuild(CORPUS, cluster.cluster, jobs=2)
    assert cluster.cluster.live()["slot"] != live["slot"]
    assert summary.added == live["articles"]
    assert _answers(cluster.cluster.folder, requests) == one
    for table in ("dictionary", "vocabulary"):  # both slots' value tables and prefix words
        a, b = (cluster.cluster.folder / f"{table}-{slot}.json" for slot in ("articles_a", "articles_b"))
        assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8"), table
    assert any(total for total, _, _ in one[2:]), "the queries must find something"
    assert _spools(cluster) == []


def test_a_rebuild_sends_rows_in_small_statements_and_merges_each_shard_to_one_chunk(cluster, monkeypatch):
    """searchd 2.2 inserts several times slower in statements of megabytes (writer.BATCH_BYTES):
    a rebuild sends the demo corpus in statements of about that size, every article arrives,
    and each shard ends with one disk chunk (one set of word statistics)."""
    from wardnews.index.searchd import writer
    from wardnews.index.searchd.client import Connection

    sizes: list[int] = []
    execute = Connection.execute

    def recording(self, statement, *args, **kwargs):
        if statement.startswith("REPLACE INTO"):
            sizes.append(len(statement.encode("utf-8")))
        return execute(self, statement, *args, **kwargs)

    monkeypatch.setattr(Connection, "execute", recording)
    summary = writer.rebuild(CORPUS, cluster.cluster)
    monkeypatch.setattr(Connection, "execute", execute)
    assert len(sizes) > len(cluster.cluster.shards), "the corpus is several statements' worth"
    largest_row = 200_000  # a demo article's row is far smaller: one row past the size at most
    assert max(sizes) < writer.BATCH_BYTES + largest_row
    slot = cluster.cluster.live()["slot"]
    held = 0
    for shard in cluster.cluster.shards:
        connection = Connection(shard.host, shard.port)
        try:
            status = dict(connection.execute(f"SHOW INDEX {slot} STATUS")[0])
        finally:
            connection.close()
        assert int(status["disk_chunks"]) == 1
        held += int(status["indexed_documents"])
    assert held == summary.added == cluster.cluster.live()["articles"]
