"""The corpus commands: `newstrace batch`, `newstrace query …`, `newstrace export …` (store-based ones).

`register(app, export_app)` adds them to the main Typer app and the export sub-app, so this module moves
into a cli/ package unchanged. Usage errors and unusable stores print one `newstrace: …` line and exit 2.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Iterator, List, Optional, TextIO

import typer

from ..errors import InputError, StoreError
from .common import check_date, fail, kb_option, make_settings

DEFAULT_DB = "newstrace.duckdb"
DB_OPTION = typer.Option(Path(DEFAULT_DB), "--db", help="The store (a DuckDB file).")

query_app = typer.Typer(
    help="Ask a store questions: quotes, events, claims, articles, or any SQL SELECT.", no_args_is_help=True
)


@contextmanager
def open_store(db: Path, read_only: bool, create: bool = True) -> Iterator:
    """The Store at db (a missing one made for writing only when create); a StoreError on opening or
    using it becomes a one-line message and exit 2."""
    from ..corpus.store import Store

    try:
        store = Store(db, read_only=read_only, create=create)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except (StoreError, InputError) as exc:
        try:
            store.close()
        except StoreError:
            pass
        fail(str(exc))
    except BaseException:  # a fail() inside, Ctrl-C: the store is still closed (checkpointed) on the way out
        try:
            store.close()
        except StoreError:
            pass
        raise
    else:
        try:
            store.close()
        except StoreError as exc:
            fail(str(exc))


# -- batch ------------------------------------------------------------------------------------------
def batch(
    inputs: List[str] = typer.Argument(
        ..., help="Files (text, HTML, RSS/Atom, WARC, JSON lines), directories, globs or URLs."
    ),
    db: Optional[Path] = typer.Option(
        None, "--db", help=f"The store to add to (default {DEFAULT_DB}; with --jsonl and no --db, no store is used)."
    ),
    jsonl: Optional[str] = typer.Option(
        None,
        "--jsonl",
        help="Also write one newstrace/1 document per line to this file, in input order ('-': standard output).",
    ),
    published: Optional[str] = typer.Option(
        None, "--published", callback=check_date, help="Publication date YYYY-MM-DD for inputs that carry none."
    ),
    workers: int = typer.Option(
        0,
        "--workers",
        "-j",
        min=0,
        help="Worker processes (0: one per core). Each article is analysed in a worker, under NEWSTRACE_ARTICLE_TIMEOUT and NEWSTRACE_WORKER_MEMORY_MB.",
    ),
    scheduler: Optional[str] = typer.Option(
        None,
        "--scheduler",
        help="Run the analysis on a Dask cluster: tcp://HOST:8786 (an existing scheduler) or local[:N].",
    ),
    kb: Optional[List[str]] = kb_option(),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URLs reach loopback or private addresses."),
) -> None:
    """Analyse many articles into a store, using every core; a rerun skips what is already stored (resume).

    A bad input or article is reported on standard error ("newstrace: skipped SOURCE: REASON") and in the
    store's failures table, and the batch goes on. Exit code: 0 all went in, 1 some were skipped, 2 usage
    error or nothing could be read. A --jsonl file is written whole or not at all.

    Examples:

      newstrace batch articles.jsonl --db news.duckdb

      newstrace batch corpus/ feed.xml crawl.warc.gz --jsonl out.jsonl
    """
    from ..corpus.batch import count_inputs, run_batch
    from ..corpus.link import import_in_background, linked, relink
    from ..corpus.progress import Progress
    from ..corpus.workers import dask_executor, local_executor

    settings = make_settings(kb, allow_private)
    if db is None and jsonl is None:
        db = Path(DEFAULT_DB)
    out_path = None if jsonl in (None, "-") else Path(jsonl).resolve()  # a symlink: write where it points
    if out_path is not None:
        if out_path.is_dir():
            fail(f"{jsonl}: is a folder; give a file name for the JSON lines")
        if not out_path.parent.is_dir():
            fail(f"{jsonl}: folder {out_path.parent} does not exist")
    # A regular file is replaced whole at the end (never left half-written); a device or pipe is written to
    # as it is, line by line (renaming a file onto it would replace the device by a file).
    direct = out_path is not None and out_path.exists() and not out_path.is_file()

    def report_failure(failure) -> None:
        reason = failure.message
        if reason.startswith(failure.source + ": "):
            reason = reason[len(failure.source) + 2 :]
        if progress.bar is not None:
            progress.bar.console.print(f"newstrace: skipped {failure.source}: {reason}", markup=False, highlight=False)
        else:
            typer.echo(f"newstrace: skipped {failure.source}: {reason}", err=True)

    missing = [spec for spec in inputs if not _may_exist(spec)]
    if missing and len(missing) == len(inputs):  # nothing to read: no store is made, no linking is reported
        others = len(missing) - 1
        fail(
            f"{missing[0]}: no such file or folder"
            + (f" (nor {others} other input{'s' * (others > 1)})" if others else "")
        )
    store_cm = open_store(db, read_only=False) if db is not None else _no_store()
    with store_cm as store:
        tmp: Optional[str] = None
        out: Optional[TextIO] = None
        try:
            if out_path is not None and direct:
                out = open(out_path, "w", encoding="utf-8")  # noqa: SIM115 (closed below)
            elif out_path is not None:
                _remove_stale_temporaries(out_path.parent)
                fd, tmp = tempfile.mkstemp(prefix=f".newstrace-{os.getpid()}-", suffix=".jsonl", dir=out_path.parent)
                os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes it 0600; the output is an ordinary file
                out = os.fdopen(fd, "w", encoding="utf-8")
            else:
                out = sys.stdout if jsonl == "-" else None
            if store is not None:
                import_in_background()  # what the relink below needs
            try:
                with Progress(count_inputs(inputs)) as progress:
                    report = _run_or_fail(
                        run_batch,
                        inputs,
                        store,
                        out,
                        published,
                        settings,
                        workers,
                        executor=dask_executor(scheduler) if scheduler else local_executor,
                        on_failure=report_failure,
                        progress=progress,
                    )
            except KeyboardInterrupt:  # Ctrl-C: Typer would exit 130 without a word
                if store is None:
                    fail("interrupted; without a store (--db) a rerun analyses every article again", 130)
                stored = store.scalar("SELECT count(*) FROM articles")
                fail(f"interrupted; {stored} articles stored in {db}, run the same command to resume", 130)
            if store is not None and (report.analysed or not linked(store)):
                try:
                    counts = relink(store)  # new articles: copies, stories, statements and events linked again
                except KeyboardInterrupt:  # every article is in; only the linking (one transaction) is undone
                    fail(f"interrupted while linking; every article is stored, run: newstrace link --db {db}", 130)
                typer.echo(f"newstrace: linked: {_link_summary(store, counts)}", err=True)
            if out is not None and out is not sys.stdout:
                out.close()
                if tmp and out_path and (report.analysed or report.already_stored or not report.failed):
                    os.replace(tmp, out_path)  # only failures: leave any earlier output as it was
        except OSError as exc:  # a full disk, /dev/full, a read-only folder: nothing half-written is left
            fail(f"{jsonl}: cannot write ({exc.strerror or exc})")
        finally:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)
    target = " and ".join(str(x) for x in (db, jsonl) if x is not None)
    already = f", {report.already_stored} already stored" if report.already_stored else ""
    typer.echo(f"newstrace: {report.analysed} analysed{already}, {report.failed} skipped -> {target}", err=True)
    raise typer.Exit(report.exit_code)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary output files of batches that were killed (their process is gone): a
    `kill -9` cannot clean up after itself."""
    for path in folder.glob(".newstrace-*-*.jsonl"):
        pid = path.name.split("-")[1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # alive, or not ours to judge


def _run_or_fail(run, *args, **kwargs):
    """run(*args, **kwargs), with an InputError (an unreachable Dask scheduler) as a one-line message."""
    try:
        return run(*args, **kwargs)
    except InputError as exc:
        fail(str(exc))


def _may_exist(spec: str) -> bool:
    """An input that may hold articles: standard input, a URL, an existing path or a glob that matches."""
    import glob

    from ..ingest import is_url

    return spec == "-" or is_url(spec) or Path(spec).exists() or bool(glob.glob(spec))


@contextmanager
def _no_store():
    yield None


# -- query ------------------------------------------------------------------------------------------
class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FORMAT_OPTION = typer.Option(QueryFormat.table, "--format", "-f", help="table (Rich on a terminal), json or csv.")
LIMIT_OPTION = typer.Option(100, "--limit", min=1, help="At most this many rows.")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):  # a statement's first_appearance: JSON a spreadsheet or a program can read
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def render(rows: list[dict], format: QueryFormat) -> None:
    """Rows on standard output: a Rich table, a JSON array, or CSV with a header."""
    if format == QueryFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    columns = list(rows[0]) if rows else list(getattr(rows, "columns", []))
    if format == QueryFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])
        return
    from rich.console import Console
    from rich.table import Table

    console = Console() if sys.stdout.isatty() else Console(width=240)  # piped: no 80-column squeeze
    if not rows:
        console.print("(no rows)")
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    console.print(table)


def _query(db: Path, format: QueryFormat, ask) -> None:
    with open_store(db, read_only=True) as store:
        rows = ask(store)
    render(rows, format)


@query_app.command("quotes")
def query_quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Part of the speaker's name."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    dedup: bool = typer.Option(False, "--dedup", help="Fold wire copies away (needs `newstrace link`)."),
) -> None:
    """Quotes, of one speaker with --speaker.  Example: newstrace query quotes --speaker Netanyahu"""
    from ..corpus import query

    _query(db, format, lambda s: query.quotes(s, speaker, limit, dedup))


@query_app.command("events")
def query_events(
    source: Optional[str] = typer.Option(None, "--source", help="Part of the source actor's name, or its code."),
    target: Optional[str] = typer.Option(None, "--target", help="Part of the target actor's name, or its code."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type: ACCUSE, ASSAULT, …"),
    date_from: Optional[str] = typer.Option(None, "--from", callback=check_date, help="From YYYY-MM-DD."),
    date_to: Optional[str] = typer.Option(None, "--to", callback=check_date, help="To YYYY-MM-DD (inclusive)."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    dedup: bool = typer.Option(False, "--dedup", help="Fold wire copies away (needs `newstrace link`)."),
) -> None:
    """Who did what to whom.  Example: newstrace query events --source Russia --type REJECT --from 2024-01-01"""
    from ..corpus import query

    _query(db, format, lambda s: query.events(s, source, target, type, date_from, date_to, limit, dedup))


@query_app.command("claims")
def query_claims(
    about: Optional[str] = typer.Option(None, "--about", help="Words the claim contains (all of them)."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    dedup: bool = typer.Option(False, "--dedup", help="Fold wire copies away (needs `newstrace link`)."),
) -> None:
    """Numeric claims.  Example: newstrace query claims --about "killed people\""""
    from ..corpus import query

    _query(db, format, lambda s: query.claims(s, about, limit, dedup))


@query_app.command("articles")
def query_articles(
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Part of the outlet's name."),
    search: Optional[str] = typer.Option(None, "--search", help="Words in the title or text (all of them)."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    dedup: bool = typer.Option(False, "--dedup", help="Fold wire copies away (needs `newstrace link`)."),
) -> None:
    """Stored articles.  Example: newstrace query articles --outlet Breitbart --search "Carson debate\""""
    from ..corpus import query

    _query(db, format, lambda s: query.articles(s, outlet, search, limit, dedup))


@query_app.command("statements")
def query_statements(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Part of the speaker's name."),
    min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only statements quoted by this many articles."),
    statement: Optional[str] = typer.Option(None, "--id", help="One statement: every appearance, first on top."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """One statement across articles, with its first appearance.

    Example: newstrace query statements --speaker Trump --min-articles 2
    """
    from ..corpus import query

    if statement:
        _query(db, format, lambda s: query.statement_appearances(s, statement))
    else:
        _query(db, format, lambda s: query.statements(s, speaker=speaker, min_articles=min_articles, limit=limit))


@query_app.command("first")
def query_first(
    words: str = typer.Argument(..., help="Words of the wording (all of them)."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """Where a wording first appeared, and who carried it after.

    Example: newstrace query first "fire and fury"
    """
    from ..corpus import query

    _query(db, format, lambda s: query.first(s, words, limit))


@query_app.command("copies")
def query_copies(
    article: Optional[str] = typer.Option(None, "--article", help="An article id (or its first characters)."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """Wire copies: articles largely made of an earlier article's text, with the share copied."""
    from ..corpus import query

    _query(db, format, lambda s: query.copies(s, article, limit))


@query_app.command("stories")
def query_stories(
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many stories (each with all its articles)."),
) -> None:
    """Stories: articles about the same thing (shared entities, within days), largest first, one row per article."""
    from ..corpus import query

    _query(db, format, lambda s: query.stories(s, limit, whole_stories=True))


def link(db: Path = DB_OPTION) -> None:
    """Link the stored articles again, whole: wire copies, stories, statements and events across outlets.
    (`newstrace batch` links at its end; this redoes it, e.g. after changing newstrace.)"""
    import time

    from ..corpus.link import relink

    began = time.perf_counter()
    with open_store(db, read_only=False, create=False) as store:  # linking an empty new store is a typo
        summary = _link_summary(store, relink(store))
    typer.echo(f"newstrace: linked in {time.perf_counter() - began:.1f} s: {summary}", err=True)


def _link_summary(store, counts: dict[str, int]) -> str:
    """What relink made, in words: "2 wire copies, 40 statements (3 in several articles), 31 events,
    9 stories over 25 articles" (the stories table has one row per article of a story)."""
    stories = store.scalar("SELECT count(DISTINCT story_id) FROM stories")
    shared = store.scalar("SELECT count(*) FROM corpus_statements WHERE n_articles >= 2")
    return (
        f"{counts['copies']} wire copies, {counts['corpus_statements']} statements ({shared} in several articles), "
        f"{counts['corpus_events']} events, {stories} stories over {counts['stories']} articles"
    )


@query_app.command("sql")
def query_sql(
    statement: str = typer.Argument(..., help="A SELECT statement; the store is opened read-only."),
    db: Path = DB_OPTION,
    format: QueryFormat = FORMAT_OPTION,
) -> None:
    """Any SELECT over the tables (articles, quotes, events, claims, …).

    Example: newstrace query sql "SELECT outlet, count(*) AS n FROM articles GROUP BY outlet"
    """
    from ..corpus import query

    _query(db, format, lambda s: query.sql(s, statement))


# -- export (store-based) ---------------------------------------------------------------------------
class TableFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


class EventsFormat(StrEnum):
    csv = "csv"
    tsv = "tsv"
    gdelt = "gdelt"


class GraphFormat(StrEnum):
    graphml = "graphml"


@contextmanager
def _output(out: Optional[Path]) -> Iterator:
    """A text stream for --out (standard output when None); a missing folder is a usage error."""
    if out is None:
        yield sys.stdout
        return
    if not out.resolve().parent.is_dir():
        fail(f"{out}: folder {out.resolve().parent} does not exist")
    with out.open("w", encoding="utf-8", newline="") as fh:
        yield fh


def export_table(
    table: str = typer.Argument(..., help="A table name (articles, quotes, events, claims, …) or 'all'."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write; with 'all', a folder (one file per table)."),
    format: TableFormat = typer.Option(TableFormat.parquet, "--format", "-f", help="parquet or csv."),
    db: Path = DB_OPTION,
) -> None:
    """A table of the store as Parquet or CSV.  Example: newstrace export table all --out dump/ --format csv"""
    from ..corpus import export

    with open_store(db, read_only=True) as store:
        if table == "all":
            counts = export.export_tables(store, out, format.value)
            typer.echo(f"newstrace: {len(counts)} tables, {sum(counts.values())} rows -> {out}", err=True)
        else:
            n = export.export_table(store, table, out, format.value)
            typer.echo(f"newstrace: {n} rows -> {out}", err=True)


def export_documents(
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="The JSON-lines file (default: standard output)."),
    db: Path = DB_OPTION,
) -> None:
    """Every stored newstrace/1 document, one per line.  Example: newstrace export documents --out all.jsonl"""
    from ..corpus import export

    with open_store(db, read_only=True) as store, _output(out) as fh:
        n = export.write_documents(store, fh)
    if out is not None:
        typer.echo(f"newstrace: {n} documents -> {out}", err=True)


def export_events(
    input: Optional[str] = typer.Argument(
        None,
        help="A JSON-lines file of analyses (newstrace batch --jsonl), or an "
        "article to analyse; without it, the events of --db.",
    ),
    format: EventsFormat = typer.Option(
        EventsFormat.csv,
        "--format",
        "-f",
        help="csv or tsv (newstrace's GDELT-style table), or gdelt (GDELT 2.0's 61 "
        "event columns, tab-separated, no header; from a store).",
    ),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the table here instead of standard output."),
    published: Optional[str] = typer.Option(
        None, "--published", callback=check_date, help="Publication date YYYY-MM-DD when INPUT is an article."
    ),
    db: Optional[Path] = typer.Option(None, "--db", help=f"The store to read (default {DEFAULT_DB} when no INPUT)."),
) -> None:
    """Events as a table: one row per event with date, actor codes, type, CAMEO code, Goldstein score, source.

    Examples:

      newstrace export events --db news.duckdb --format gdelt --out events.tsv

      newstrace batch articles/ --jsonl out.jsonl && newstrace export events out.jsonl --out events.csv

      newstrace export events article.txt --published 2024-03-23 --format tsv
    """
    if input is not None and db is not None:
        fail("give either INPUT or --db, not both")
    if input is not None:
        if format == EventsFormat.gdelt:
            fail("--format gdelt reads a store: newstrace batch INPUT --db FILE, then export events --db FILE")
        return _export_events_from_file(input, format, out, published)
    from ..corpus import export

    with open_store(db or Path(DEFAULT_DB), read_only=True) as store:
        if format == EventsFormat.gdelt:
            with _output(out) as fh:
                n = export.write_gdelt(store, fh)
        else:
            from ..corpus.events_table import write_table

            analyses = _stored_analyses(store)
            with _output(out) as fh:
                n = write_table(analyses, fh, "\t" if format == EventsFormat.tsv else ",")
    if out is not None:
        typer.echo(f"newstrace: {n} events -> {out}", err=True)


def _stored_analyses(store) -> Iterator:
    from ..model import Analysis

    for row in store.rows(
        "SELECT d.document FROM documents d JOIN articles a ON a.id = d.article_id ORDER BY a.stored_at, a.id"
    ):
        yield Analysis.from_json(row["document"])


def _export_events_from_file(input: str, format: EventsFormat, out: Optional[Path], published: Optional[str]) -> None:
    """What `newstrace export events FILE` has always done (cli/export.py's command)."""
    from .common import OutputFormat
    from .export import events as events_from_file

    events_from_file(input, OutputFormat(format.value), out, published)


def export_graph(
    out: Path = typer.Option(..., "--out", "-o", help="The GraphML file to write."),
    format: GraphFormat = typer.Option(GraphFormat.graphml, "--format", "-f", help="graphml."),
    db: Path = DB_OPTION,
) -> None:
    """Actors as nodes, events as weighted edges typed by PLOVER type (GraphML, e.g. for Gephi).

    Example: newstrace export graph --db news.duckdb --out actors.graphml
    """
    from ..corpus import export

    with open_store(db, read_only=True) as store:
        nodes, edges = export.write_graphml(store, out)
    typer.echo(f"newstrace: {nodes} actors, {edges} edges -> {out}", err=True)


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    """Add batch and query to app, and the store exports to export_app (replacing its file-only `events`)."""
    app.command("batch")(batch)
    app.command("link")(link)
    app.add_typer(query_app, name="query")
    export_app.registered_commands[:] = [c for c in export_app.registered_commands if c.name != "events"]
    export_app.command("events")(export_events)
    export_app.command("table")(export_table)
    export_app.command("documents")(export_documents)
    export_app.command("graph")(export_graph)
