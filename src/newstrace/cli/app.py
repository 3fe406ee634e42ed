"""The command line, one Typer app: `analyze`, `batch`, `query …`, `schema`, `export …`, `kb lookup`, `serve`.

Errors a user can act on print one line on standard error and exit 2; standard output carries only
the document asked for.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from ..errors import InputError
from .common import OutputFormat, check_date, fail, format_option, kb_option, make_settings, one_line

app = typer.Typer(
    help="Read news the way a careful fact-checker does: who is talking, who said what, who did what to whom, "
    "which numbers are claimed, how it is framed, traced back to the sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def read_stdin(settings) -> str:
    """Standard input as text: UTF-8 (or UTF-16 with a BOM, or a legacy encoding); binary is refused.
    At most settings.max_input_bytes are read."""
    from ..ingest.text import decode

    data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        raise InputError(
            f"<stdin>: more than {settings.max_input_bytes:,} bytes; newstrace reads one article at a time"
        )
    return decode(data, "<stdin>")


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
    profile: bool = typer.Option(False, "--profile", help="Print the milliseconds each stage took on standard error."),
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
            raw = RawDocument(body=read_stdin(settings), source="<stdin>")
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
    from ..web.commands import register as register_web
    from .corpus import register
    from .export import export_app
    from .kb import kb_app

    app.add_typer(kb_app, name="kb")
    app.add_typer(export_app, name="export")
    register(app, export_app)  # batch, query and the store exports
    register_web(app)  # serve


_register_subcommands()


def _print_warnings() -> None:
    """Warnings of the newstrace loggers (a feed link not followed, …) as `newstrace: note: …` lines."""
    import logging

    class OneLine(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            typer.echo(f"newstrace: note: {one_line(record.getMessage())}", err=True)

    logger = logging.getLogger("newstrace")
    logger.addHandler(OneLine(level=logging.WARNING))
    logger.propagate = False


def main() -> None:
    """The `newstrace` command. A usage error is one `newstrace: …` line and exit 2, never a boxed screen."""
    # Typer 0.29 vendors click; its usage errors are these (the version is pinned in requirements.lock).
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    _print_warnings()
    try:
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "newstrace --help")
        code = 2
    except UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "newstrace"
        typer.echo(f"newstrace: {one_line(exc.format_message())} (see: {where} --help)", err=True)
        code = 2
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("newstrace: interrupted", err=True)
        code = 130
    except BrokenPipeError:  # `newstrace … | head`: the reader left; nothing more to say
        code = 0
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
