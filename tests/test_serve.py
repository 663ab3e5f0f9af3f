"""`wardnews serve`: builds a missing index, serves pages with waitress, says what is wrong."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from conftest import CORPUS

from wardnews import serve as serving
from wardnews.webui.server import url_of

# Ctrl+C is made to raise KeyboardInterrupt even when the test runner was started with SIGINT
# ignored (as a background job of a shell is).
CLI = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
       "from wardnews.cli import main; main()", "serve"]
STARTUP_SECONDS = 90  # building the demo index takes a few seconds; a slow CI machine more
URL = re.compile(r"Serving the archive at (http://\S+) ")


def _environment() -> dict:
    """The caller's environment without an index chosen by it, so the test's options rule."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDNEWS_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


class Server:
    """A `wardnews serve` process whose output lines are read as they come."""

    def __init__(self, *options: str, cwd: Path):
        self.process = subprocess.Popen(
            [*CLI, *options], cwd=cwd, env=_environment(), text=True, encoding="utf-8",
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def url(self) -> str:
        """The address it printed; fails with everything it said when it printed none."""
        while True:
            try:
                line = self.lines.get(timeout=STARTUP_SECONDS)
            except queue.Empty:
                pytest.fail(f"no URL within {STARTUP_SECONDS} s; it said: {self.seen}")
            if line is None:
                pytest.fail(f"serve ended with {self.process.wait()}; it said: {self.seen}")
            self.seen.append(line)
            if match := URL.search(line):
                return match.group(1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def start(tmp_path):
    """Start `wardnews serve` with options in an empty folder; every server is stopped after."""
    servers: list[Server] = []

    def starter(*options: str) -> Server:
        servers.append(Server(*options, cwd=tmp_path))
        return servers[-1]

    yield starter
    for server in servers:
        server.stop()


def test_serve_builds_the_missing_index_from_the_corpus_then_answers_pages(start, tmp_path):
    location = tmp_path / "new-index"
    server = start("--index", str(location), "--corpus", str(CORPUS), "--port", "0")
    url = server.url()
    assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
    assert any("building it from" in line for line in server.seen)
    # What was built is said as `wardnews index` says it, rejected and skipped files named.
    said = "\n".join(server.seen)
    assert f"Rebuilt the index at {location} from 34 files" in said
    assert re.search(r"^  added +49$", said, re.M) and re.search(r"^  rejected +2 ", said, re.M)
    assert "ha-nam/bad/empty-file.txt: empty file" in said
    assert re.search(r"^  skipped +1 ", said, re.M)
    assert (location / "CURRENT").is_file()
    status, page = _get(url)
    assert status == 200 and "<html" in page
    status, page = _get(url + "search?q=luong+khanh+thien")
    assert status == 200 and '<article class="hit">' in page


def test_serve_opens_an_existing_index_without_rebuilding_it(start, demo_index):
    before = (demo_index / "CURRENT").read_text(encoding="utf-8")
    server = start("--index", str(demo_index), "--port", "0")
    status, page = _get(server.url() + "search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i")
    assert status == 200 and '<article class="hit">' in page
    assert not any("building" in line for line in server.seen)
    assert (demo_index / "CURRENT").read_text(encoding="utf-8") == before


def test_ctrl_c_stops_the_server_cleanly(start, demo_index):
    server = start("--index", str(demo_index), "--port", "0")
    url = server.url()
    assert _get(url)[0] == 200
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=30) == 0
    rest = []
    while (line := server.lines.get(timeout=10)) is not None:
        # waitress says when a request waited for a thread: on a loaded machine it may
        if not line.startswith("Task queue depth"):
            rest.append(line)
    assert rest == ["Stopped."]
    with pytest.raises(OSError):
        _get(url)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--corpus", "no-such-folder"), "The corpus no-such-folder does not exist"),
        (("--index", "a-file"), "a-file is a file, not an index folder"),
        (("--port", "70000"), "70000 is not in the range"),
        (("--host", "999.1.1.1"),
         "Cannot listen on 999.1.1.1:8080: '999.1.1.1' is not an address of this machine"),
    ],
    ids=["missing corpus", "index is a file", "port out of range", "host is no address"],
)
def test_serve_refuses_bad_options_with_a_message_and_no_traceback(tmp_path, options, message):
    (tmp_path / "a-file").write_text("not an index", encoding="utf-8")
    done = subprocess.run([*CLI, "--index", str(tmp_path / "index"), *options], cwd=tmp_path,
                          env=_environment(), capture_output=True, text=True, timeout=60)
    assert done.returncode in (1, 2)
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "index").exists()  # nothing was built


def test_serve_says_the_port_is_taken_when_another_program_listens_there(tmp_path, demo_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([*CLI, "--index", str(demo_index), "--port", str(port)],
                              cwd=tmp_path, env=_environment(), capture_output=True, text=True,
                              timeout=60)
    assert done.returncode == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_no_index_and_no_corpus_anywhere_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(serving, "REPOSITORY_CORPUS", tmp_path / "not-a-checkout" / "corpus")
    monkeypatch.chdir(tmp_path)  # and no ./corpus here either
    with pytest.raises(serving.ServeError, match="no corpus to build it from: corpus does not exist"):
        serving.ensure_index(tmp_path / "index", None, announce=lambda line: None)
    assert not (tmp_path / "index").exists()


def test_a_corpus_with_no_readable_article_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(serving.ServeError, match="No article could be read .*empty.txt"):
        serving.ensure_index(tmp_path / "index", corpus, announce=lambda line: None)


def test_the_default_corpus_is_the_repositorys_demo_corpus():
    assert serving.default_corpus() == CORPUS


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", 8080, "http://127.0.0.1:8080/"),
        ("localhost", 5000, "http://localhost:5000/"),
        ("::1", 8080, "http://[::1]:8080/"),
        ("0.0.0.0", 80, "http://0.0.0.0:80/"),
    ],
)
def test_the_printed_url_is_one_a_browser_opens(host, port, url):
    assert url_of(host, port) == url


def test_the_server_loads_the_word_segmenter_before_it_takes_requests(demo_index):
    """pyvi takes a second or more to import: not on the first visitor's query."""
    code = ("import sys; from wardnews.webui.server import make_server; "
            "server = make_server(sys.argv[1], port=0); "
            "print('pyvi.ViTokenizer' in sys.modules); server.close()")
    done = subprocess.run([sys.executable, "-c", code, str(demo_index)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "True"), done.stderr
