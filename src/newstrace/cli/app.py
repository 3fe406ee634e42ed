"""The command line: `newstrace analyze`, `newstrace batch`, `newstrace query`, `newstrace export`, `newstrace kb lookup`.

Errors a user can act on print one line on standard error and exit 2; standard output carries only
the document asked for.
"""
from __future__ import annotations

import sys
from enum import Enum
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


def _register_subcommands() -> None:
    from ..corpus.commands import register
    from .export import export_app
    from .kb import kb_app
    app.add_typer(kb_app, name="kb")
    app.add_typer(export_app, name="export")
    register(app, export_app)  # batch, query and the store exports


_register_subcommands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newstrace: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
