"""`wardnews serve --workers N`: N processes behind one port, each with the index open, each
picking up an update by itself; stopped together (issue 11)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_serve import start  # noqa: F401 (a fixture: a `wardnews serve` process, stopped after)

from conftest import CORPUS
from wardnews import build_index
from wardnews.webui import prefork

pytestmark = pytest.mark.skipif(not prefork.available(), reason="workers are forked: POSIX only")


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def workers_of(server, count: int) -> list[int]:
    """The server's worker processes, once `count` have forked (after the address is printed)."""
    deadline = time.monotonic() + 20
    while len(children(server.process.pid)) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return children(server.process.pid)


def total(url: str, query: str = "dai+hoi") -> int:
    with urllib.request.urlopen(f"{url}api/search?q={query}", timeout=30) as response:
        return json.loads(response.read())["total"]


@pytest.fixture
def corpus_and_index(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    build_index(corpus, tmp_path / "index")
    return corpus, tmp_path / "index"


def test_two_workers_answer_behind_one_port(start, corpus_and_index):
    _, index = corpus_and_index
    server = start("--index", str(index), "--port", "0", "--workers", "2")
    url = server.url()
    assert "with 2 worker processes" in server.seen[-1]
    assert len(workers_of(server, 2)) == 2
    expected = total(url)
    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda _: total(url), range(64)))
    assert answers == [expected] * 64


def test_every_worker_picks_up_an_update(start, corpus_and_index):
    corpus, index = corpus_and_index
    server = start("--index", str(index), "--port", "0", "--workers", "2")
    url = server.url()
    with ThreadPoolExecutor(8) as pool:  # every worker has answered once, the index open
        assert list(pool.map(lambda _: total(url, "Khaurongxanh"), range(16))) == [0] * 16
    (corpus / "ha-giang" / "extra.txt").write_text(
        "Tin tức\n\nHội chợ vùng cao\n\nChiều 9/9, thị trấn Đồng Văn mở hội chợ Khaurongxanh "
        "cho bà con các xã vùng cao.\n", encoding="utf-8")
    build_index(corpus, index)
    with ThreadPoolExecutor(8) as pool:
        after = list(pool.map(lambda _: total(url, "Khaurongxanh"), range(32)))
    assert after == [1] * 32


def test_a_stop_ends_the_workers_too(start, corpus_and_index):
    _, index = corpus_and_index
    server = start("--index", str(index), "--port", "0", "--workers", "2")
    server.url()
    workers = workers_of(server, 2)
    assert len(workers) == 2
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_one_worker_is_served_by_waitress_in_this_process(start, corpus_and_index):
    _, index = corpus_and_index
    server = start("--index", str(index), "--port", "0", "--workers", "1")
    url = server.url()
    assert "worker processes" not in server.seen[-1]
    assert children(server.process.pid) == []
    assert total(url) > 0


def test_half_sent_requests_tie_up_no_worker(start, corpus_and_index):
    import socket

    _, index = corpus_and_index
    server = start("--index", str(index), "--port", "0", "--workers", "2")
    url = server.url()
    workers_of(server, 2)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    idle = []
    try:
        for _ in range(40):  # more than the workers' threads together (2 × 4)
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"GET /search?q=a HTTP/1.1\r\nHost: x\r\n")  # never finished
            idle.append(connection)
        began = time.monotonic()
        assert total(url) > 0
        assert time.monotonic() - began < 5
    finally:
        for connection in idle:
            connection.close()
