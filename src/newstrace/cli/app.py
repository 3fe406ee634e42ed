"""The command line: `newstrace analyze`, `newstrace batch`, `newstrace kb lookup`.

Errors a user can act on print one line on standard error and exit 2; standard output carries only
the document asked for.
"""
from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import InputError
from ..settings import Settings
from .options import check_date

app = typer.Typer(
    help="Read news the way a careful fact-checker does: who is talking, who said what, who did what to whom, "
         "which numbers are claimed, how it is framed, traced back to the sources.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


class Format(str, Enum):
    json = "json"
    text = "text"


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"newstrace: {message}", err=True)
    raise typer.Exit(code)


def make_settings(kb: list[str] | None, allow_private: bool = False) -> Settings:
    s = Settings(allow_private=allow_private)
    s.kb_paths = s.kb_paths + list(kb or [])
    return s


KB_OPTION = typer.Option(None, "--kb", help="An extra knowledge-base file (JSON lines); repeatable. Also NEWSTRACE_KB.")


@app.command()
def analyze(
    input: str = typer.Argument(..., help="A text, HTML, RSS/Atom or WARC file, a URL, or '-' for standard input."),
    published: Optional[str] = typer.Option(None, "--published", callback=check_date,
                                            help="Publication date YYYY-MM-DD; relative dates ('on Friday') resolve against it."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="json: the newstrace/1 document; text: a readable summary."),
    kb: Optional[List[str]] = KB_OPTION,
    allow_private: bool = typer.Option(False, "--allow-private", help="Let a URL reach loopback or private addresses (for tests)."),
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
            analysis = api.analyze_document(RawDocument(body=sys.stdin.read(), source="<stdin>"), published, settings)
        else:
            analysis = api.analyze(input, published=published, settings=settings)
    except InputError as exc:
        fail(str(exc))
    if format == Format.text:
        from .render import print_summary
        print_summary(analysis)
    else:
        sys.stdout.write(analysis.to_json() + "\n")


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Files, directories, globs, feeds, WARC files or URLs."),
    jsonl: Path = typer.Option(..., "--jsonl", help="Write one newstrace/1 document per line to this file."),
    published: Optional[str] = typer.Option(None, "--published", callback=check_date, help="Publication date for inputs that carry none."),
    kb: Optional[List[str]] = KB_OPTION,
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URLs reach loopback or private addresses."),
    workers: int = typer.Option(0, "--workers", "-j", min=0, help="Worker processes (0: one per core; 1: no extra process)."),
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
