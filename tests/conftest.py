"""Shared fixtures: where the repository's corpus and the shared data are."""

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
    from index import build_index

    location = tmp_path_factory.mktemp("demo") / "index"
    build_index(CORPUS, location)
    return location


SEARCH_CORPUS = REPO / "tests" / "data" / "search" / "corpus"


@pytest.fixture(scope="session")
def search_archive(tmp_path_factory):
    """An opened Archive of tests/data/search (one article per search rule), built once."""
    from index import Archive, build_index

    location = tmp_path_factory.mktemp("search") / "index"
    build_index(SEARCH_CORPUS, location)
    with Archive(location) as archive:
        yield archive


@pytest.fixture(scope="session")
def app(demo_index):
    """The web app over the demo index, as `wardnews serve` would create it (no debug)."""
    from webui import create_app

    return create_app({"WARDNEWS_INDEX": str(demo_index), "TESTING": True})


@pytest.fixture
def client(app):
    """A Flask test client of the demo app, with its own cookies."""
    return app.test_client()
