"""axe-core's WCAG 2.1 A and AA rules over every kind of page, on a desktop and on a phone,
in both languages: no violation is allowed.

axe-core comes from the npm registry (tests/browser/package.json and its lock pin it; `.ci/run`
installs it with `npm ci`, and so does the first test here when it is missing); it is run in the page through Playwright's evaluate, which the page's
Content-Security-Policy does not govern, so the policy stays as users get it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--prefix", str(AXE.parents[2]), "--no-audit", "--no-fund",
                        "--loglevel=error"], check=False, timeout=300)
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: `npm ci --prefix tests/browser` installs it")
        pytest.skip(f"{AXE} is missing: `npm ci --prefix tests/browser` runs these checks")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def urls(live_server) -> dict[str, str]:
    """One address of each kind of page, found in the demo archive through the JSON API."""
    import urllib.request

    def api(path):
        with urllib.request.urlopen(live_server + path) as response:
            return json.load(response)

    found = api("/api/search?q=ph%C6%B0%E1%BB%9Dng")
    hit = found["hits"][0]
    ward = found["facets"]["ward"][0]["value"]
    official = found["facets"]["official"][0]["value"]
    term = found["facets"]["term"][0]["value"]
    return {
        "overview": "/",
        "search": "/search?q=ph%C6%B0%E1%BB%9Dng",
        "search-filtered": f"/search?q=ph%C6%B0%E1%BB%9Dng&ward={quote(ward)}&from=2015&to=2025",
        "search-bad-date": "/search?q=ph%C6%B0%E1%BB%9Dng&from=32/13/2020",
        "no-results": "/search?q=zzzqqqxxx",
        "article": f"/article/{hit['id']}?q=ph%C6%B0%E1%BB%9Dng",
        "ward": f"/ward/{quote(ward)}",
        "official": f"/official/{quote(official)}",
        "term": f"/term/{quote(term)}",
        "not-found": "/article/no-such-article",
        "help": "/help",
        "facet-list": "/facet/official?q=ph%C6%B0%E1%BB%9Dng&fq=nguyen",
        "a-to-z": "/wards",
        "province-map": "/search?q=ph%C6%B0%E1%BB%9Dng&map=province",
        "bad-parameter": "/search?q=ph%C6%B0%E1%BB%9Dng&map=sideways",
    }


def violations(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", RULES)
    assert len(result["passes"]) > 10, "axe-core checked almost nothing: is the page empty?"
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            for v in result["violations"]]


KINDS = ["overview", "search", "search-filtered", "search-bad-date", "no-results", "article",
         "ward", "official", "term", "not-found", "help", "facet-list", "a-to-z", "province-map",
         "bad-parameter"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("kind", KINDS)
def test_no_wcag_21_aa_violation(chromium, live_server, console_problems, axe_source, urls,
                                 kind, size, lang):
    from conftest import open_page

    context, page = open_page(chromium, live_server, console_problems, viewport=SIZES[size],
                              is_mobile=size == "phone", has_touch=size == "phone")
    try:
        url = urls[kind]
        page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
        found = violations(page, axe_source)
        if size == "phone" and page.locator("button.filters-toggle").is_visible():
            page.locator("button.filters-toggle").click()  # the drawer's content is checked open too
            found += violations(page, axe_source)
    finally:
        context.close()
    assert found == []
    # the error pages' own status is logged by chromium as a failed load: that one is expected
    assert [p for p in console_problems if not (kind in ("not-found", "bad-parameter") and
                                                 ("404" in p or "400" in p))] == []


def test_the_checker_sees_a_violation_when_there_is_one(chromium, live_server, console_problems,
                                                        axe_source):
    """The checks above can fail: a field without a label and low-contrast text are caught."""
    from conftest import open_page

    context, page = open_page(chromium, live_server, console_problems)
    try:
        page.goto("/")
        page.evaluate("""() => {
            const field = document.createElement("input");
            document.querySelector("main").append(field);
            const faint = document.createElement("p");
            faint.textContent = "faint words";
            faint.style.color = "#bbb";  // set through the CSSOM: the CSP refuses style attributes
            faint.style.background = "#fff";
            document.querySelector("main").append(faint);
        }""")
        found = violations(page, axe_source)
    finally:
        context.close()
    assert any(v.startswith("label ") for v in found)
    assert any(v.startswith("color-contrast ") for v in found)
