"""The `wardnews` command line: thin commands over the archive and index libraries."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .article import Article
from .errors import Problem
from .pipeline import iter_articles
from .report import describe_article, describe_problems

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="wardnews")
def main() -> None:
    """wardnews: a searchable archive of Vietnamese ward news.

    Example: wardnews inspect corpus/ha-nam/phu-ly/
    """


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the articles as a JSON array.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that annotate articles.")
def inspect(files: tuple[Path, ...], as_json: bool, jobs: int) -> None:
    """Print the articles read from FILES (files or folders), without indexing.

    Files that cannot be read are listed on standard error; the exit code is 1 when any was
    rejected, 0 otherwise.

    Example: wardnews inspect --json ../shared/seeds/000_693abd404aff5b39.txt
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in iter_articles(files, jobs=jobs):
        if isinstance(item, Problem):
            problems.append(item)
        elif as_json:
            articles.append(item)
        else:
            click.echo(describe_article(item) + "\n")
    if as_json:
        json.dump([a.to_json() for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        click.echo()
    if problems:
        click.echo(f"{len(problems)} not read:\n{describe_problems(problems)}", err=True)
    if any(p.kind == "rejected" for p in problems):
        sys.exit(1)
