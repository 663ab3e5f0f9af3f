"""The `wardnews` command line: thin commands over the archive and index libraries."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .archive import Article, Problem, WardnewsError, read_articles
from .index import SORTS, BadRequest, parse_day
from .render_search import describe_build, describe_result, describe_stats
from .report import describe_article, describe_problems

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="wardnews")
def main() -> None:
    """wardnews: a searchable archive of Vietnamese ward news.

    Example, in a folder that holds a corpus/ of articles (the demo corpus of the repository
    has files meant to be rejected, so `index` exits 1 there and says which):

    \b
      wardnews index corpus/
      wardnews search "luong khanh thien"
    """


@main.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the articles as a JSON array.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that annotate articles.")
def inspect(files: tuple[Path, ...], as_json: bool, jobs: int) -> None:
    """Print the articles read from FILES (files or folders), without indexing.

    Files that cannot be read are listed on standard error (so are corpus.toml warnings); the
    exit code is 1 when any was rejected, 0 otherwise. Ids are those `wardnews index` gives:
    sources are relative to the corpus root (see the README).

    Example: wardnews inspect --json ../shared/seeds/000_693abd404aff5b39.txt
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_articles(files, jobs=jobs):
        if isinstance(item, Problem):
            problems.append(item)
        elif as_json:
            articles.append(item)
        else:
            click.echo(describe_article(item) + "\n")
    if as_json:
        json.dump([a.to_json() for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        click.echo()
    left_out = [p for p in problems if p.kind != "warning"]
    if left_out:
        click.echo(f"{len(left_out)} not read:\n{describe_problems(left_out)}", err=True)
    warned = [p for p in problems if p.kind == "warning"]
    if warned:
        click.echo(f"{len(warned)} warnings:\n{describe_problems(warned)}", err=True)
    if any(p.kind == "rejected" for p in problems):
        sys.exit(1)


# --- the index: build, search, stats ------------------------------------------------------
# The index package is cheap to import (its names load on first use): Whoosh and numpy come
# in only when a command opens or builds an index, so `wardnews -h` and `inspect` stay quick.

INDEX_HELP = "Index folder [default: $WARDNEWS_INDEX, else .wardnews/index here]."
BACKEND_HELP = ("whoosh (the embedded index) or searchd (a sharded cluster whose configuration "
                "is in the index folder) [default: $WARDNEWS_BACKEND, else what the folder holds].")


def backend_option(command):
    return click.option("--backend", type=click.Choice(("whoosh", "searchd")), default=None,
                        help=BACKEND_HELP)(command)
DEFAULT_CORPUS = Path("corpus")


def _index_folder(option: Path | None) -> Path:
    """The index location the user meant; a file in its place is an error that says so."""
    from .index import index_location

    location = index_location(option)
    if location.exists() and not location.is_dir():
        raise click.ClickException(
            f"{location} is a file, not an index folder: give --index a folder"
        )
    return location


# The library's argument names as this command line's options, for its error messages.
OPTION_OF = {"query": "QUERY", "wards": "--ward", "provinces": "--province",
             "districts": "--district", "now_provinces": "--now-province", "nows": "--now",
             "terms": "--term", "officials": "--official",
             "years": "--year", "categories": "--category", "date_from": "--from",
             "date_to": "--to", "sort": "--sort", "page": "--page", "limit": "--limit"}


@contextmanager
def _library_errors():
    """The library's errors as messages: bad requests are usage errors (exit 2), others exit 1."""
    try:
        yield
    except BadRequest as exc:
        raise click.UsageError(str(exc.renamed(OPTION_OF))) from None
    except WardnewsError as exc:
        raise click.ClickException(str(exc)) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _typed(ctx, param, value):
    """Text from the command line with bytes that were not UTF-8 shown as U+FFFD."""
    if isinstance(value, tuple):
        return tuple(_SURROGATE.sub("\ufffd", v) for v in value)
    return _SURROGATE.sub("\ufffd", value) if value else value


class Day(click.ParamType):
    """A day given as YYYY, YYYY-MM or YYYY-MM-DD: the first of the period, or the last."""

    name = "DATE"

    def __init__(self, end: bool = False):
        self.end = end

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        day = parse_day(_typed(ctx, param, str(value)), end=self.end)
        if day is None:
            self.fail(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", param, ctx)
        return day


def _progress_bar(stream):
    """A progress bar of articles read, with their rate; silent unless `stream` is a terminal."""
    from tqdm import tqdm

    return tqdm(desc="Indexing", unit=" articles", file=stream, disable=None, leave=False,
                dynamic_ncols=True)


@main.command("index", context_settings=CONTEXT)
@click.argument("corpus", required=False,
                type=click.Path(exists=True, path_type=Path))
@click.option("--index", "index_option", metavar="DIR", type=click.Path(path_type=Path),
              help=INDEX_HELP)
@click.option("--full", is_flag=True,
              help="Rebuild from every file, beside the old index, and switch when done.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that read articles and write the index.")
@backend_option
@click.option("--shards", metavar="HOST:PORT,...", default=None,
              help="searchd: the shards (SphinxQL ports, API port + 1 unless given as "
                   "HOST:PORT:API), saved in the index folder's cluster.json.")
@click.option("--head", metavar="HOST:PORT", default=None,
              help="searchd: the distributed head searches go through.")
def index_command(corpus: Path | None, index_option: Path | None, full: bool, jobs: int,
                  backend: str | None, shards: str | None, head: str | None) -> None:
    """Build or update the search index from CORPUS (a folder or file of articles).

    CORPUS defaults to ./corpus when that folder exists. An update re-reads only the files
    added or changed since the last build (by content) and removes the articles of deleted
    ones; --full rebuilds everything. Searches keep working meanwhile.

    A progress bar is shown on a terminal; a summary is printed at the end. The exit code is
    0 when every file was read, 1 when some files or records were rejected (the rest are
    indexed; the summary lists each with its reason) or when another `wardnews index` is
    writing the same index, 2 for usage errors.

    With --backend searchd an update replaces the articles of changed files on the shards
    that own them; --full (or --shards) fills the shards' idle indexes and switches them
    live when complete.

    Example: wardnews index corpus/ --index /tmp/wardnews-index
    """
    from .index import build_archive

    if corpus is None:
        if not DEFAULT_CORPUS.is_dir():
            raise click.UsageError(
                "No CORPUS given and there is no ./corpus folder here: "
                "name the folder of articles to index"
            )
        corpus = DEFAULT_CORPUS
    location = _index_folder(index_option)
    rejected = 0

    def advance(item) -> None:
        nonlocal rejected
        if isinstance(item, Problem):
            rejected += item.kind == "rejected"
            bar.set_postfix(rejected=rejected, refresh=False)
        else:
            bar.update(1)

    with _library_errors(), _progress_bar(sys.stderr) as bar:
        summary = build_archive(corpus, location, backend, full=full, jobs=jobs,
                                progress=advance, shards=shards, head=head)
    click.echo(describe_build(summary))
    if summary.rejected:
        sys.exit(1)


def _terminal_width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, 100))


@main.command(context_settings=CONTEXT)
@click.argument("query", required=False, default="", callback=_typed)
@click.option("--index", "index_option", metavar="DIR", type=click.Path(path_type=Path),
              help=INDEX_HELP)
@click.option("--ward", "wards", metavar="W", multiple=True, callback=_typed,
              help="Only articles about this ward (its name or the full label); repeat for any of several.")
@click.option("--province", "provinces", metavar="P", multiple=True, callback=_typed,
              help="Only articles about a ward of this province (as the article names it).")
@click.option("--district", "districts", metavar="D", multiple=True, callback=_typed,
              help="Only articles about a ward of this district (before July 2025).")
@click.option("--now-province", "now_provinces", metavar="P", multiple=True, callback=_typed,
              help="Only articles about a ward of this province as in force now.")
@click.option("--now", "nows", metavar="W", multiple=True, callback=_typed,
              help="Only articles about a ward of this unit in force now (Phường X, Tỉnh Y).")
@click.option("--mentions", is_flag=True,
              help="Places count every ward an article names, not only those it is about.")
@click.option("--term", "terms", metavar="T", multiple=True, callback=_typed,
              help="Only articles naming this term (2020-2025); repeat for any of several.")
@click.option("--official", "officials", metavar="O", multiple=True, callback=_typed,
              help="Only articles naming this official: a person as the facet names them "
                   "(Nguyễn Văn Hải (Hà Nội)) or a name, for everyone of it; repeat for any "
                   "of several.")
@click.option("--year", "years", metavar="Y", multiple=True, callback=_typed,
              help="Only articles dated in this year, or 'unknown' for those whose year "
                   "nothing tells; repeat for any of several.")
@click.option("--category", "categories", metavar="C", multiple=True, callback=_typed,
              help="Only articles in this portal section; repeat for any of several.")
@click.option("--from", "date_from", type=Day(), help="First day: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--to", "date_to", type=Day(end=True),
              help="Last day: YYYY, YYYY-MM or YYYY-MM-DD (2021 means to 31/12/2021).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True,
              help="Order of the results; undated articles come last.")
@click.option("--loose", is_flag=True,
              help="Also list the articles with the words in other accents or their syllables "
                   "apart (counted apart by default).")
@click.option("--page", default=1, show_default=True, type=int, help="Page of results to show.")
@click.option("--limit", default=10, show_default=True, type=int,
              help="Results per page (at most 100).")
@click.option("--facets", "show_facets", is_flag=True,
              help="Also show counts per ward, term, official and year.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the JSON other programs read (the /api/search contract).")
@backend_option
def search(query: str, index_option, wards, provinces, districts, now_provinces, nows, mentions,
           terms, officials, years, categories, date_from, date_to, sort, loose, page, limit,
           show_facets, as_json, backend) -> None:
    """Search the index for QUERY and print a page of results.

    QUERY takes words (with or without diacritics), "phrases", AND/OR/NOT, -word, brackets,
    prefixes (Thiệ*) and the fields title:, ward:, official:, term:, date:2020..2021-06,
    date:--05-15 (a day of any year).
    Words typed with diacritics mean those words, and a word's syllables stand together;
    --loose adds other accents and syllables apart (their count is said either way). Filters of one kind
    combine with OR, different kinds with AND. An empty QUERY lists what the filters select.
    Put -- before a query that starts with a dash: wardnews search -- -word.

    Example: wardnews search "đại hội" --ward "Lương Khánh Thiện" --from 2020 --facets
    """
    from .index import SearchRequest, open_backend

    with _library_errors():
        request = SearchRequest(query=query, wards=wards, provinces=provinces, districts=districts,
                                now_provinces=now_provinces, nows=nows, mentions=mentions,
                                terms=terms, officials=officials,
                                years=years, categories=categories, date_from=date_from,
                                date_to=date_to, sort=sort, page=page, limit=limit,
                                match="loose" if loose else "strict")
        with open_backend(_index_folder(index_option), backend) as archive:
            result = archive.search(request)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    bold = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    click.echo(describe_result(result, width=_terminal_width(), bold=bold, facets=show_facets))


@main.command(context_settings=CONTEXT)
@click.option("--index", "index_option", metavar="DIR", type=click.Path(path_type=Path),
              help=INDEX_HELP)
@click.option("--top", default=20, show_default=True, type=click.IntRange(0),
              help="Rows per list (wards, officials, ...); 0 shows all.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@backend_option
def stats(index_option, top: int, as_json: bool, backend: str | None) -> None:
    """Print what the index holds: articles per year, term, ward and official; its size;
    when and from what corpus it was built.

    Example: wardnews stats --index /tmp/wardnews-index --top 5
    """
    from .index import open_backend

    with _library_errors(), open_backend(_index_folder(index_option), backend) as archive:
        figures = archive.stats()
    if as_json:
        click.echo(json.dumps(figures.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(describe_stats(figures, top=top))


@main.command(context_settings=CONTEXT)
@click.option("--index", "index_option", metavar="DIR", type=click.Path(path_type=Path),
              help=INDEX_HELP)
@click.option("--corpus", metavar="DIR", type=click.Path(path_type=Path),
              help="Articles to build the index from when there is none "
                   "[default: the demo corpus of the repository, else ./corpus].")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens it to the network.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on; 0 picks a free one.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes, each searching on its own core [default: the number "
                   "of cores]; 1 serves from this process with waitress.")
@backend_option
def serve(index_option: Path | None, corpus: Path | None, host: str, port: int,
          workers: int | None, backend: str | None) -> None:
    """Serve the web UI (search, facets, articles, exports, API).

    Builds the index from the corpus first when there is none, then prints the address to
    open in a browser. Waitress serves from one worker process per core (forked behind one
    port), or from this process with --workers 1 or where fork is missing. Ctrl+C stops it.

    Example: wardnews serve --index /tmp/wardnews-index --port 8080
    """
    from .serve import serve as run_server

    try:
        with _library_errors():
            run_server(index_option, corpus, host, port, announce=click.echo, workers=workers,
                       backend=backend)
    except KeyboardInterrupt:
        click.echo("Stopped.")


@main.group(context_settings=CONTEXT)
def shards() -> None:
    """searchd shards: local ones for a trial, or the configurations for other hosts.

    Example: wardnews shards init /tmp/wardnews-shards --count 2
    """


@shards.command("init", context_settings=CONTEXT)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--count", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Shards to start (a head is started beside them).")
@click.option("--partial", is_flag=True,
              help="Let searches answer from the shards that answer, marked partial.")
def shards_init(folder: Path, count: int, partial: bool) -> None:
    """Write searchd configurations for COUNT shards and a head under FOLDER, start them on
    free loopback ports, and save the archive configuration (cluster.json) there; then
    index into FOLDER with `wardnews index --backend searchd --index FOLDER`.

    The searchds keep running after this command; `wardnews shards stop FOLDER` stops them.

    Example: wardnews shards init /tmp/wardnews-shards --count 2
    """
    from .index import start_local_shards

    if (folder / "cluster.json").exists():
        raise click.ClickException(f"{folder} already holds a cluster: stop it with "
                                   f"`wardnews shards stop {folder}` and choose another folder")
    with _library_errors():
        local = start_local_shards(folder, count, partial=partial)
    for number, shard in enumerate(local.cluster.shards):
        click.echo(f"shard {number}: {shard.address} (API {shard.api_port})")
    click.echo(f"head: {local.cluster.head.address}")
    click.echo(f"Index into it: wardnews index corpus/ --backend searchd --index {folder}")


@shards.command("config", context_settings=CONTEXT)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--shards", "shard_list", metavar="HOST:PORT,...", required=True,
              help="The shards' hosts and SphinxQL ports, in shard order (API port + 1 unless "
                   "given as HOST:PORT:API).")
@click.option("--head", metavar="HOST:PORT", default=None,
              help="The host of the distributed head (without one, wardnews asks every shard).")
@click.option("--data", default="/var/lib/wardnews", show_default=True,
              help="The folder on each host that holds its indexes, logs and pid file.")
@click.option("--partial", is_flag=True,
              help="Let searches answer from the shards that answer, marked partial.")
def shards_config(folder: Path, shard_list: str, head: str | None, data: str, partial: bool) -> None:
    """Write the searchd configuration of each shard and of the head for other hosts, and the
    archive configuration (cluster.json), under FOLDER; start nothing.

    Copy shard-N/searchd.conf to the N-th shard's host and head/searchd.conf to the head's,
    make the --data folder there, run `searchd --config searchd.conf` on each, then index
    from here with `wardnews index corpus/ --backend searchd --index FOLDER`.

    Example: wardnews shards config deploy/ --shards 10.0.0.1:9306,10.0.0.2:9306 --head 10.0.0.3:9306
    """
    from .index import parse_shards, write_cluster_configs

    if (folder / "cluster.json").exists():
        raise click.ClickException(f"{folder} already holds a cluster's configuration; choose another folder")
    with _library_errors():
        cluster, written = write_cluster_configs(folder, parse_shards(shard_list),
                                                 parse_shards(head)[0] if head else None, data, partial)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"Then index from here: wardnews index corpus/ --backend searchd --index {folder}")


@shards.command("stop", context_settings=CONTEXT)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def shards_stop(folder: Path) -> None:
    """Stop the searchds `wardnews shards init` started under FOLDER (by their pid files).

    Example: wardnews shards stop /tmp/wardnews-shards
    """
    from .index import stop_local_shards

    for line in stop_local_shards(folder):
        click.echo(line)
