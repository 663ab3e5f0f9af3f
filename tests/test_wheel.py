"""What users install: a wheel built from the repository, in a fresh venv outside the checkout.

The editable install of the other tests reads templates and modules from the checkout, so
it cannot tell whether the wheel holds them: this builds the wheel from a clean copy of the
sources, installs it into a new virtual environment, and uses it from another folder.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from conftest import CORPUS, REPO

# Leftovers of earlier builds or runs, which a wheel built in place could pick up.
NOT_SOURCES = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__",
                                     ".wardnews", ".pytest_cache", "results", "screenshots")
INSTALL_SECONDS = 600  # the dependencies come from pip's cache, or from PyPI the first time
URL = re.compile(r"Serving the archive at (http://\S+) ")


def _run(*command, cwd: Path, timeout: int = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv with the wheel built from a copy of the repository."""
    work = tmp_path_factory.mktemp("wheel")
    sources = work / "sources"
    shutil.copytree(REPO, sources, ignore=NOT_SOURCES, symlinks=True)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "dist", sources,
         cwd=work, timeout=INSTALL_SECONDS)
    [wheel] = (work / "dist").glob("wardnews-*.whl")
    _run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    bin_dir = work / "venv" / "bin"
    _run(bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel,
         cwd=work, timeout=INSTALL_SECONDS)
    return bin_dir


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A folder away from the checkout, with a copy of the demo corpus in it."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path


def _environment() -> dict:
    # Not the caller's venv, index or pip settings (CI sets PIP_QUIET, which silences pip show).
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WARDNEWS_", "PYTHON", "PIP_")) and k != "VIRTUAL_ENV"}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def test_the_wheel_installs_one_top_level_package(installed, elsewhere):
    shown = _run(installed / "python", "-m", "pip", "show", "-f", "wardnews", cwd=elsewhere,
                 env=_environment()).stdout
    files = shown.split("Files:", 1)[1].split()
    tops = {Path(f).parts[0] for f in files if not f.startswith("..")}  # ../../../bin/wardnews
    assert tops == {"wardnews", next(t for t in tops if t.endswith(".dist-info"))}, tops
    assert any(f.startswith("wardnews/webui/templates/") for f in files)
    assert any(f.startswith("wardnews/webui/static/") for f in files)
    modules = _run(installed / "python", "-c",
                   "import wardnews.archive, wardnews.index, wardnews.webui, wardnews.cli, sys; "
                   "print(sorted(m for m in sys.modules if m.split('.')[0] in "
                   "('archive', 'index', 'webui')))", cwd=elsewhere, env=_environment()).stdout
    assert modules.strip() == "[]"


def test_the_installed_package_imports_cheaply_and_runs_as_a_module(installed, elsewhere):
    code = ("import sys, wardnews; wardnews.SearchRequest(query='x', wards='A'); "
            "print('whoosh' in sys.modules, 'numpy' in sys.modules)")
    assert _run(installed / "python", "-c", code, cwd=elsewhere, env=_environment()).stdout.split() == ["False", "False"]
    usage = _run(installed / "python", "-m", "wardnews", "-h", cwd=elsewhere, env=_environment()).stdout
    assert usage.startswith("Usage: wardnews [OPTIONS] COMMAND")


def test_the_installed_cli_indexes_searches_and_inspects(installed, elsewhere):
    env = _environment()
    index = subprocess.run([installed / "wardnews", "index", "corpus", "--index", "ix"],
                           cwd=elsewhere, capture_output=True, text=True, timeout=300, env=env)
    assert index.returncode == 1, index.stderr  # the demo corpus holds files meant to be rejected
    assert "Rebuilt the index at ix" in index.stdout and "Traceback" not in index.stderr
    found = json.loads(_run(installed / "wardnews", "search", "luong khanh thien", "--index", "ix",
                            "--json", cwd=elsewhere, env=env).stdout)
    assert found["total"] > 0 and found["hits"][0]["wards"][0]["name"]
    article = next(CORPUS.rglob("01-byline-dai-hoi-quang-trung-2020.txt"))
    inspected = json.loads(_run(installed / "wardnews", "inspect", "--json",
                                article.relative_to(CORPUS.parent), cwd=elsewhere, env=env).stdout)
    assert inspected[0]["title"].startswith("Đại hội Đảng bộ phường Quang Trung")


def test_the_readme_example_runs_with_the_installed_package(installed, elsewhere):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Embedding the search module", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    done = _run(installed / "python", "-c", code, cwd=elsewhere, env=_environment(), timeout=300)
    assert re.match(r"\d+ articles; did you mean: Lương Khánh Thiện \(\d+\)", done.stdout)


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def test_the_installed_server_serves_every_kind_of_page(installed, elsewhere):
    process = subprocess.Popen(
        [installed / "wardnews", "serve", "--index", "served-index", "--corpus", "corpus",
         "--port", "0"], cwd=elsewhere, env=_environment(), text=True, encoding="utf-8",
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout] + [lines.put(None)],
                     daemon=True).start()
    said = []
    try:
        while not (match := URL.search(said[-1] if said else "")):
            line = lines.get(timeout=180)
            assert line is not None, f"serve ended with {process.wait()}: {said}"
            said.append(line)
        url = match.group(1)
        assert any(line.startswith("Rebuilt the index at served-index") for line in said), said
        status, kind, body = _get(url + "api/search?q=%C4%91%E1%BA%A1i+h%E1%BB%99i")
        hits = json.loads(body)["hits"]
        assert status == 200 and kind.startswith("application/json") and hits
        pages = ["", "search?q=luong+khanh+thien", f"article/{hits[0]['id']}",
                 "static/style.css", "static/app.js", f"api/article/{hits[0]['id']}",
                 "export.csv?q=ph%C6%B0%E1%BB%9Dng"]
        for page in pages:
            status, kind, body = _get(url + page)
            assert status == 200, page
            assert body, page
        assert b"<mark>" in _get(url + "search?q=luong+khanh+thien")[2]
        status, kind, body = _get(url + "export.xlsx?q=ph%C6%B0%E1%BB%9Dng")  # XlsxWriter installed
        assert (status, kind) == (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        assert body.startswith(b"PK\x03\x04")  # a zip, as an .xlsx is
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_installed_wheel_runs_the_searchd_trial_once_its_extra_is_there(installed, elsewhere):
    """Without the `searchd` extra the backend says what to install; with it, the trial of the
    README (shards init, index, search, shards stop) runs from the installed package."""
    from conftest import searchd_or_skip

    searchd_or_skip()
    env, wardnews = _environment(), installed / "wardnews"
    has_client = subprocess.run([installed / "python", "-c", "import pymysql"], cwd=elsewhere,
                                capture_output=True, env=env).returncode == 0
    folder = elsewhere / "shards"
    try:
        if not has_client:
            missing = subprocess.run([wardnews, "shards", "init", folder], cwd=elsewhere,
                                     capture_output=True, text=True, timeout=120, env=env)
            assert missing.returncode == 1 and "Traceback" not in missing.stderr, missing.stderr
            assert "pip install 'wardnews[searchd]'" in missing.stderr + missing.stdout
            _run(installed / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check",
                 "pymysql>=1.1,<2", cwd=elsewhere, timeout=INSTALL_SECONDS, env=env)
        _run(wardnews, "shards", "init", folder, "--count", "2", cwd=elsewhere, env=env)
        built = subprocess.run([wardnews, "index", "corpus", "--backend", "searchd", "--index", folder],
                               cwd=elsewhere, capture_output=True, text=True, timeout=300, env=env)
        assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr  # rejected files
        found = json.loads(_run(wardnews, "search", "luong khanh thien", "--index", folder, "--json",
                                cwd=elsewhere, env=env).stdout)
        assert found["total"] > 0 and found["hits"][0]["wards"][0]["name"]
    finally:
        subprocess.run([wardnews, "shards", "stop", folder], cwd=elsewhere, capture_output=True,
                       timeout=60, env=env)
