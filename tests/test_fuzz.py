"""Fuzzing every web parameter and the CLI: any value is an answer or a clear refusal, never
a server error or a traceback."""

from __future__ import annotations

import random

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_values import PAGES, PARAMETERS, TRICKY, url, value

from wardnews.cli import main

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _answers(client, target: str) -> None:
    response = client.get(target)
    assert response.status_code in (200, 400, 404), (target, response.status_code)
    if target.startswith("/api/") and response.status_code != 200:
        assert response.get_json()["ok"] is False
    body = response.get_data()  # bytes: a workbook is not text
    assert b"Traceback" not in body and b"Internal server error" not in body


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("name", PARAMETERS)
def test_every_tricky_value_of_every_parameter_is_answered(client, page, name):
    for tricky in TRICKY:
        from urllib.parse import quote

        _answers(client, f"{page}?{name}={quote(tricky)}")


@FUZZ
@given(st.integers(min_value=0, max_value=2**32))
def test_random_requests_are_answered(client, seed):
    _answers(client, url(random.Random(seed)))


@FUZZ
@given(st.sampled_from(PARAMETERS), st.text(max_size=60))
def test_any_text_in_any_parameter_is_answered(client, name, text):
    from urllib.parse import quote

    encoded = quote(text.encode("utf-8", "surrogatepass"))  # a lone surrogate's bytes too
    _answers(client, f"/api/search?{name}={encoded}")


OPTIONS = ("--ward", "--term", "--official", "--year", "--from", "--to", "--sort", "--page",
           "--limit", "--category")


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)  # surrogates too


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(OPTIONS), st.sampled_from(TRICKY) | ANY_TEXT), max_size=3),
       st.sampled_from(TRICKY) | ANY_TEXT)
def test_the_cli_search_refuses_or_answers_but_never_raises(demo_index, options, query):
    arguments = ["search", "--index", str(demo_index), "--json", "--", query]
    for option, text in options:
        arguments[1:1] = [option, text]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code in (0, 2), (arguments, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
