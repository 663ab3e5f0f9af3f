"""`wardnews shards config`: the files a deployment copies to its hosts, started as written.

The hosts here are all 127.0.0.1 on free ports, each searchd started on the file written for
it, with the data folder the command named: if the files run here, they run on hosts whose
addresses they name."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import CORPUS, searchd_or_skip

pytestmark = pytest.mark.searchd


def test_the_written_configurations_run_a_cluster_that_searches(tmp_path, demo_index):
    searchd_or_skip()
    from wardnews.cli import main
    from wardnews.index import Archive
    from wardnews.index.searchd.archive import SearchdArchive
    from wardnews.index.searchd.process import free_port, start

    ports = [free_port() for _ in range(6)]
    shards = f"127.0.0.1:{ports[0]}:{ports[1]},127.0.0.1:{ports[2]}:{ports[3]}"
    head = f"127.0.0.1:{ports[4]}:{ports[5]}"
    folder, data = tmp_path / "deploy", tmp_path / "hosts"
    runner = CliRunner()
    written = runner.invoke(main, ["shards", "config", str(folder), "--shards", shards, "--head", head,
                                   "--data", str(data)])
    assert written.exit_code == 0, written.output
    assert written.output.count("wrote ") == 4  # two shards, the head, cluster.json
    assert f"listen = 127.0.0.1:{ports[0]}:mysql41" in (folder / "shard-0" / "searchd.conf").read_text()
    assert f"agent = 127.0.0.1:{ports[3]}:articles_a" in (folder / "head" / "searchd.conf").read_text()
    running = []
    try:
        for name, port in (("shard-0", ports[0]), ("shard-1", ports[2]), ("head", ports[4])):
            (data / name).mkdir(parents=True)  # what the README says to make on each host
            running.append(start(folder / name / "searchd.conf", "127.0.0.1", port))
        built = runner.invoke(main, ["index", str(CORPUS), "--backend", "searchd", "--index", str(folder)])
        assert built.exit_code == 1, built.output  # the demo corpus has files meant to be rejected
        assert (data / "shard-0" / "searchd.log").exists()  # the hosts' own paths were used
        with SearchdArchive(folder) as searchd, Archive(demo_index) as embedded:
            found = searchd.search("phường", sort="newest", limit=100)
            expected = embedded.search("phường", sort="newest", limit=100)
        assert found.total == expected.total > 0
        assert [h.id for h in found.hits] == [h.id for h in expected.hits]
    finally:
        for process in reversed(running):
            process.stop()
    again = runner.invoke(main, ["shards", "config", str(folder), "--shards", shards])
    assert again.exit_code == 1 and "already holds" in again.output


@pytest.mark.parametrize("shards", ["", "x", "x:²", "x:1:2:3", ":9306"])
def test_a_shard_list_that_names_no_port_is_refused_with_the_form_to_write(tmp_path, shards):
    from wardnews.cli import main

    refused = CliRunner().invoke(main, ["shards", "config", str(tmp_path / "d"), "--shards", shards])
    assert refused.exit_code == 1
    assert "host:port" in refused.output and "Traceback" not in refused.output
    assert not (tmp_path / "d").exists()
