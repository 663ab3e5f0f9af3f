"""The command line and the web UI over a searchd archive: `wardnews shards init` starts
local shards, `wardnews index --backend searchd` fills them, and search, stats and the JSON
API answer as they do over the embedded index of the same corpus."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import CORPUS, FIXED_TODAY, searchd_or_skip

pytestmark = pytest.mark.searchd


@pytest.fixture(scope="module")
def trial(tmp_path_factory):
    """A cluster folder made by `wardnews shards init`, indexed by `wardnews index`; its
    searchds stopped by `wardnews shards stop` afterwards."""
    searchd_or_skip()
    from wardnews.cli import main

    folder = tmp_path_factory.mktemp("trial") / "cluster"
    runner = CliRunner()
    try:
        started = runner.invoke(main, ["shards", "init", str(folder), "--count", "2"])
        assert started.exit_code == 0, started.output
        assert started.output.count("shard ") == 2 and "head: 127.0.0.1:" in started.output
        # Two worker processes (-j 2): the CLI's answers below must still be the embedded ones.
        built = runner.invoke(main, ["index", str(CORPUS), "--backend", "searchd", "--index", str(folder),
                                     "-j", "2"])
        assert built.exit_code == 1, built.output  # the demo corpus has files meant to be rejected
        assert "49" in built.output
        yield folder
    finally:
        stopped = runner.invoke(main, ["shards", "stop", str(folder)])
        assert stopped.output.count("stopped") == 3, stopped.output


def _json(args):
    from wardnews.cli import main

    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("args", [["đảng bộ", "--sort", "newest"], ["", "--ward", "Lương Khánh Thiện", "--sort", "oldest"],
                                  ["uy ban nhan dan", "--year", "2020", "--sort", "newest", "--page", "2", "--limit", "3"]])
def test_search_json_is_the_embedded_json(trial, demo_index, args):
    searchd = _json(["search", *args, "--index", str(trial), "--json"])  # found by cluster.json
    embedded = _json(["search", *args, "--index", str(demo_index), "--json", "--backend", "whoosh"])
    assert searchd == embedded


def test_stats_json_counts_alike(trial, demo_index):
    searchd = _json(["stats", "--index", str(trial), "--json", "--backend", "searchd"])
    embedded = _json(["stats", "--index", str(demo_index), "--json"])
    for name in ("articles", "by_ward", "by_term", "by_year", "by_official"):
        assert searchd[name] == embedded[name], name


def test_shards_init_refuses_a_folder_in_use(trial):
    from wardnews.cli import main

    result = CliRunner().invoke(main, ["shards", "init", str(trial)])
    assert result.exit_code == 1
    assert result.output.strip() == (f"Error: {trial} already holds a cluster: stop it with "
                                     f"`wardnews shards stop {trial}` and choose another folder")


def test_web_api_over_searchd_is_the_embedded_api(trial, demo_index, monkeypatch):
    from wardnews.webui import create_app

    monkeypatch.setenv("WARDNEWS_BACKEND", "searchd")
    over_searchd = create_app({"WARDNEWS_INDEX": str(trial), "TESTING": True, "TODAY": FIXED_TODAY})
    monkeypatch.delenv("WARDNEWS_BACKEND")
    embedded = create_app({"WARDNEWS_INDEX": str(demo_index), "TESTING": True, "TODAY": FIXED_TODAY})
    query = "/api/search?q=h%E1%BB%99i+%C4%91%E1%BB%93ng&sort=newest&ward=Minh+Khai"
    a, b = over_searchd.test_client().get(query), embedded.test_client().get(query)
    assert a.status_code == b.status_code == 200
    assert a.get_json() == b.get_json()
    first = b.get_json()["hits"][0]["id"] if b.get_json()["hits"] else None
    page = over_searchd.test_client().get("/search?q=%C4%91%E1%BB%A3ng")
    assert page.status_code == 200
    if first:
        article = over_searchd.test_client().get(f"/api/article/{first}")
        assert article.get_json() == embedded.test_client().get(f"/api/article/{first}").get_json()


def test_both_backends_are_the_seam(trial, demo_index, monkeypatch):
    from wardnews.index import Archive, Backend, backend_name, open_backend
    from wardnews.index.searchd.archive import SearchdArchive

    with open_backend(trial) as searchd, open_backend(demo_index) as embedded:
        assert isinstance(searchd, SearchdArchive) and isinstance(embedded, Archive)
        assert isinstance(searchd, Backend) and isinstance(embedded, Backend)
    monkeypatch.setenv("WARDNEWS_BACKEND", "searchd")
    assert backend_name(demo_index) == "searchd"
    assert backend_name(demo_index, "whoosh") == "whoosh"
    monkeypatch.setenv("WARDNEWS_BACKEND", "solr")
    from wardnews.index import SearchError

    with pytest.raises(SearchError) as unknown:
        backend_name(demo_index)
    assert str(unknown.value) == ("'solr' is not a backend; the backends are whoosh, searchd "
                                  "(--backend or WARDNEWS_BACKEND)")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_over_searchd_answers_as_over_the_embedded_index(trial, demo_index, tmp_path, workers):
    """`wardnews serve --backend searchd` (one process, and forked workers) serves the JSON
    API of the embedded index for the same corpus; never builds anything itself."""
    from test_serve import Server, _get

    servers = [Server("--index", str(trial), "--backend", "searchd", "--port", "0",
                      "--workers", workers, cwd=tmp_path),
               Server("--index", str(demo_index), "--port", "0", "--workers", "1",
                      cwd=tmp_path)]
    try:
        over_searchd, embedded = (s.url() for s in servers)
        query = "api/search?q=uy+ban+nhan+dan&sort=oldest&year=2020"
        status, body = _get(over_searchd + query)
        assert status == 200 and json.loads(body) == json.loads(_get(embedded + query)[1])
        assert not any("building" in line for line in servers[0].seen)
    finally:
        for server in servers:
            server.stop()


def test_a_broken_cluster_file_is_a_message(tmp_path):
    from wardnews.cli import main

    (tmp_path / "cluster.json").write_text('{"head": "127.0.0.1:9306"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "đảng", "--index", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == (f'Error: {tmp_path / "cluster.json"} names no shards: it needs '
                                     '"shards": ["host:port", ...]')
    (tmp_path / "cluster.json").write_text('{"shards": ["127.0.0.1:x"]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "đảng", "--index", str(tmp_path)])
    assert result.output.strip() == ("Error: '127.0.0.1:x' is not a shard: write host:port or "
                                     "host:port:api_port, separated by commas")
