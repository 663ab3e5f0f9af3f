"""An index written by wardnews 0.1 (before the one-package layout) is refused with what to do,
never with a traceback, and `wardnews index` rebuilds it."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import CORPUS, REPO

from wardnews import Archive, IndexNotFound, IndexOutdated, WardnewsError
from wardnews.cli import main

BEFORE = REPO / "tests" / "data" / "index-before-0.2"


@pytest.fixture
def old_index(tmp_path):
    """A copy of the 0.1 index (the fixture itself stays as it was written)."""
    return shutil.copytree(BEFORE, tmp_path / "old-index")


def _refusal(location) -> str:
    return (f"The index at {location} was built by an older wardnews: "
            f"run `wardnews index --full --index {location}` to rebuild it")


def test_opening_it_is_a_named_error_saying_to_rebuild(old_index):
    with pytest.raises(IndexOutdated) as error:
        Archive(old_index)
    assert str(error.value) == _refusal(old_index)
    assert isinstance(error.value, IndexNotFound) and isinstance(error.value, WardnewsError)


@pytest.mark.parametrize("command", [["search", "đại hội"], ["stats"], ["serve", "--port", "0"]])
def test_commands_over_it_say_so_and_exit_1(old_index, command):
    result = CliRunner().invoke(main, [*command, "--index", str(old_index)])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == f"Error: {_refusal(old_index)}"
    assert result.exc_info[0] is SystemExit  # a message, not an exception


def test_the_web_answers_503_with_the_message(old_index):
    from wardnews.webui import create_app

    client = create_app({"WARDNEWS_INDEX": str(old_index), "TESTING": True}).test_client()
    page = client.get("/search?q=đại+hội")
    assert page.status_code == 503 and "do một phiên bản wardnews cũ hơn dựng" in page.get_data(as_text=True)
    english = client.get("/search?q=đại+hội&lang=en")
    assert english.status_code == 503 and "built by an older wardnews" in english.get_data(as_text=True)
    api = client.get("/api/search?q=x")
    assert api.status_code == 503 and api.get_json() == {"ok": False, "error": _refusal(old_index)}


@pytest.mark.parametrize("full", [["--full"], []], ids=["--full", "an update"])
def test_index_rebuilds_it_and_searches_work_again(old_index, full):
    corpus = CORPUS / "ha-nam" / "phu-ly"
    result = CliRunner().invoke(main, ["index", str(corpus), "--index", str(old_index), *full])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Rebuilt the index at {old_index} from 8 files")
    with Archive(old_index) as archive:
        assert archive.search("đại hội").total > 0
    # A new generation beside the old one (kept for searches that had it open), now current.
    assert (old_index / "CURRENT").read_text(encoding="utf-8").strip() == "gen-0002"
