"""The command line, one Typer app: `analyze`, `batch`, `schema`, `export …`, `kb lookup`.

Errors a user can act on print one line on standard error and exit 2; standard output carries only
the document asked for.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from ..errors import InputError
from .common import OutputFormat, check_date, fail, format_option, kb_option, make_settings

app = typer.Typer(
    help="Read news the way a careful fact-checker does: who is talking, who said what, who did what to whom, "
    "which numbers are claimed, how it is framed, traced back to the sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newstrace {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Read news the way a careful fact-checker does."""


@app.command()
def analyze(
    input: str = typer.Argument(
        ...,
        help="A text, HTML, RSS/Atom or WARC file, a URL, or '-' for standard input.",
    ),
    published: Optional[str] = typer.Option(
        None,
        "--published",
        callback=check_date,
        help="Publication date YYYY-MM-DD; relative dates ('on Friday') resolve against it.",
    ),
    format: OutputFormat = format_option(
        OutputFormat.json,
        OutputFormat.json,
        OutputFormat.text,
        help="json: the newstrace/1 document; text: a readable summary.",
    ),
    kb: Optional[List[str]] = kb_option(),
    allow_private: bool = typer.Option(
        False,
        "--allow-private",
        help="Let a URL reach loopback or private addresses (for tests).",
    ),
    profile: bool = typer.Option(False, "--profile", help="Print the seconds each stage took on standard error."),
) -> None:
    """Analyse one article and print its newstrace/1 document (or a readable summary with --format text).

    Examples:

      newstrace analyze article.txt --published 2024-03-23

      newstrace analyze page.html --format text

      newstrace analyze https://example.com/story.html
    """
    from .. import api
    from ..ingest import RawDocument

    settings = make_settings(kb, allow_private)
    try:
        if input == "-":
            raw = RawDocument(body=sys.stdin.read(), source="<stdin>")
        else:
            raw = api.first_document(input, settings)
        ctx = api.analyze_with_timings(raw, published, settings)
    except InputError as exc:
        fail(str(exc))
    analysis = ctx.analysis
    if profile:
        for name, seconds in ctx.timings.items():
            typer.echo(f"newstrace: stage {name:12s} {seconds * 1000:8.1f} ms", err=True)
    if format == OutputFormat.text:
        from .render import print_summary

        print_summary(analysis)
    else:
        sys.stdout.write(analysis.to_json() + "\n")


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Files, directories, globs, feeds, WARC files or URLs."),
    jsonl: Path = typer.Option(..., "--jsonl", help="Write one newstrace/1 document per line to this file."),
    published: Optional[str] = typer.Option(
        None,
        "--published",
        callback=check_date,
        help="Publication date for inputs that carry none.",
    ),
    kb: Optional[List[str]] = kb_option(),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URLs reach loopback or private addresses."),
    workers: int = typer.Option(
        0,
        "--workers",
        "-j",
        min=0,
        help="Worker processes (0: one per core; 1: no extra process).",
    ),
) -> None:
    """Analyse many articles and write their documents as JSON lines, in input order, using every core.
    A bad input or article is reported on standard error and skipped.

    The output file is written whole or not at all (a temporary file renamed at the end).

    Example: newstrace batch corpus/ feed.xml crawl.warc.gz --jsonl out.jsonl
    """
    from ..corpus.workers import Failure, analyse_all

    settings = make_settings(kb, allow_private)
    done = failed = 0
    out_dir = jsonl.resolve().parent
    if not out_dir.is_dir():
        fail(f"{jsonl}: folder {out_dir} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".newstrace-", suffix=".jsonl", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for result in analyse_all(inputs, published, settings, workers):
                if isinstance(result, Failure):
                    failed += 1
                    typer.echo(f"newstrace: skipped: {result.message}", err=True)
                    continue
                out.write(result + "\n")
                done += 1
        if done or not failed:  # nothing analysed and only failures: leave any earlier output as it was
            os.replace(tmp, jsonl)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    typer.echo(f"newstrace: {done} analysed, {failed} skipped -> {jsonl}", err=True)
    if done == 0 and failed:
        raise typer.Exit(2)


@app.command()
def schema(
    out: Optional[Path] = typer.Option(
        None, "--out", "-o", help="Write the schema to this file instead of standard output."
    ),
) -> None:
    """Print the JSON Schema of the newstrace/1 document (docs/newstrace-1.schema.json is made by this)."""
    from ..model import json_schema_text

    text = json_schema_text()
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror})")


def _register_subcommands() -> None:
    from .export import export_app
    from .kb import kb_app

    app.add_typer(kb_app, name="kb")
    app.add_typer(export_app, name="export")


_register_subcommands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newstrace: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
