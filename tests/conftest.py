"""Shared fixtures: where the repository's corpus and the shared data are."""

import contextlib
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_693abd404aff5b39.txt"


@pytest.fixture
def seed_page():
    """The real scraped portal page of ../shared/seeds, or a skip when shared/ is absent."""
    if not SEED.exists():
        pytest.skip("../shared/seeds is absent")
    return SEED


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory):
    """An index of the demo corpus, built once per test run; treat it as read-only."""
    from wardnews.index import build_index

    location = tmp_path_factory.mktemp("demo") / "index"
    build_index(CORPUS, location)
    return location


SEARCH_CORPUS = REPO / "tests" / "data" / "search" / "corpus"


@pytest.fixture(scope="session")
def search_archive(tmp_path_factory):
    """An opened Archive of tests/data/search (one article per search rule), built once."""
    from wardnews.index import Archive, build_index

    location = tmp_path_factory.mktemp("search") / "index"
    build_index(SEARCH_CORPUS, location)
    with Archive(location) as archive:
        yield archive


@pytest.fixture(scope="session")
def app(demo_index):
    """The web app over the demo index, as `wardnews serve` would create it (no debug)."""
    from wardnews.webui import create_app

    return create_app({"WARDNEWS_INDEX": str(demo_index), "TESTING": True, "TODAY": FIXED_TODAY})


@pytest.fixture
def client(app):
    """A Flask test client of the demo app, with its own cookies."""
    return app.test_client()


# --- the web UI served for real, and a browser to drive it (tests/browser/) ----------------

CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright cannot download a browser here
# Without the networking flags Chromium keeps calling Google's hosts, which a closed machine
# refuses; the sandbox needs user namespaces that containers and root runs lack.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
DOCUMENTED_SCREENSHOTS = REPO / "docs" / "screenshots"
# The day citations are accessed on in tests, so pages (and screenshots) do not change daily.
FIXED_TODAY = "2026-11-15"


def pytest_addoption(parser):
    parser.addoption("--update-screenshots", action="store_true",
                     help="Write the browser tests' screenshots to docs/screenshots "
                          "(also WARDNEWS_UPDATE_SCREENSHOTS=1); else to a temporary folder.")


@pytest.fixture(scope="session")
def screenshots(request, tmp_path_factory) -> Path:
    """Where the browser tests save screenshots: docs/screenshots only when asked for."""
    import os

    if request.config.getoption("--update-screenshots") or os.environ.get("WARDNEWS_UPDATE_SCREENSHOTS"):
        DOCUMENTED_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return DOCUMENTED_SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def live_server(demo_index):
    """The web UI over the demo index, served by waitress on a free port of 127.0.0.1: its URL."""
    import threading

    from wardnews.webui.server import bound_port, make_server, url_of

    server = make_server(demo_index, "127.0.0.1", 0, settings={"TODAY": FIXED_TODAY})
    threading.Thread(target=server.run, name="waitress", daemon=True).start()
    yield url_of("127.0.0.1", bound_port(server))
    server.close()


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright's driver, when Debian's chromium is there; skipped only off CI without it."""
    import os

    if not CHROMIUM.exists() and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} is absent: `apt-get install chromium` runs the browser tests "
                    "(in CI they fail instead)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def launch_chromium(playwright):
    """A new headless chromium process (its own cache: it asks for everything afresh)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_FLAGS)


@pytest.fixture(scope="session")
def chromium(playwright_driver):
    """One headless chromium for the session's browser tests."""
    browser = launch_chromium(playwright_driver)
    yield browser
    browser.close()


@pytest.fixture
def console_problems():
    """Errors the page logged or threw, filled by `browser_page`; empty when all went well."""
    return []


def open_page(browser, base_url: str, problems: list, **options):
    """A page in a new context of `browser`; what it logs as errors goes into `problems`."""
    context = browser.new_context(base_url=base_url, accept_downloads=True, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda m: m.type == "error" and problems.append(
        f"console: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    return context, page


@pytest.fixture
def browser_page(chromium, live_server, console_problems):
    """A fresh desktop-sized page (own cookies) on the live server; no console error allowed."""
    context, page = open_page(chromium, live_server, console_problems,
                              viewport={"width": 1280, "height": 900})
    yield page
    context.close()
    assert console_problems == [], "the page logged errors"


@pytest.fixture
def phone_page(chromium, live_server, console_problems):
    """A fresh phone-sized page (390×844, touch) on the live server; no console error allowed."""
    context, page = open_page(chromium, live_server, console_problems,
                              viewport={"width": 390, "height": 844}, device_scale_factor=1,
                               is_mobile=True, has_touch=True)
    yield page
    context.close()
    assert console_problems == [], "the page logged errors"


# --- searchd clusters (tests/test_searchd_*.py) -------------------------------------------


def searchd_or_skip() -> None:
    """searchd must be installed in CI (.ci/run installs it); elsewhere its tests skip."""
    from wardnews.index.searchd.process import searchd_binary

    if searchd_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("searchd is not installed; .ci/run installs Debian's sphinxsearch")
        pytest.skip("searchd is not installed (apt-get install sphinxsearch)")


@contextlib.contextmanager
def running_cluster(folder: Path, corpus: Path, count: int = 2):
    """`count` shard searchds and a head on free loopback ports, the corpus indexed; every
    process stopped (its process group killed) when the block ends, however it ends."""
    searchd_or_skip()
    from wardnews.index.searchd.local import init_local
    from wardnews.index.searchd.writer import rebuild

    local = init_local(folder, count)
    try:
        rebuild(corpus, local.cluster)
        yield local
    finally:
        local.stop()


@pytest.fixture(scope="session")
def searchd_cluster(tmp_path_factory):
    """The demo corpus on two shards and a head, for the whole run; treat it as read-only."""
    with running_cluster(tmp_path_factory.mktemp("searchd"), CORPUS) as local:
        yield local
