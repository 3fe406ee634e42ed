"""`newstrace export ...`: tables and graphs from analyses."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator, Optional

import typer

from ..errors import InputError
from .common import OutputFormat, check_date, fail, format_option

export_app = typer.Typer(
    help="Export analyses as tables (GDELT-style events, CSV) and graphs.",
    no_args_is_help=True,
)


def read_analyses(path: str, published: Optional[str] = None) -> Iterator:
    """Analyses from a JSON-lines file of newstrace/1 documents (or one JSON document); anything else is
    read as an article and analysed."""
    from ..model import Analysis

    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.suffix in (".jsonl", ".json", ".ndjson"):
        text = p.read_text(encoding="utf-8")
        lines = [text] if p.suffix == ".json" else [ln for ln in text.splitlines() if ln.strip()]
        for n, line in enumerate(lines, 1):
            try:
                yield Analysis.from_dict(json.loads(line))
            except (json.JSONDecodeError, ValueError, TypeError, KeyError) as exc:
                raise InputError(f"{path}:{n}: not a newstrace/1 document ({exc})") from exc
        return
    from .. import api

    yield api.analyze(path, published=published)


@export_app.command("events")
def events(
    input: str = typer.Argument(
        ...,
        help="A JSON-lines file of analyses (newstrace batch --jsonl), or an article to analyse.",
    ),
    format: OutputFormat = format_option(OutputFormat.csv, OutputFormat.csv, OutputFormat.tsv, help="csv or tsv."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the table here instead of standard output."),
    published: Optional[str] = typer.Option(
        None,
        "--published",
        callback=check_date,
        help="Publication date YYYY-MM-DD when INPUT is an article.",
    ),
) -> None:
    """A GDELT-style event table: one row per event with date, actor codes, PLOVER type, CAMEO code,
    Goldstein score and source article.

    Examples:

      newstrace batch articles/ --jsonl out.jsonl && newstrace export events out.jsonl --out events.csv

      newstrace export events article.txt --published 2024-03-23 --format tsv
    """
    from ..corpus.events_table import write_table

    delimiter = "\t" if format == OutputFormat.tsv else ","
    try:
        analyses = list(read_analyses(input, published))
        if out is not None:
            if not out.resolve().parent.is_dir():
                raise InputError(f"{out}: folder {out.resolve().parent} does not exist")
            with out.open("w", encoding="utf-8", newline="") as fh:
                n = write_table(analyses, fh, delimiter)
            typer.echo(f"newstrace: {n} events -> {out}", err=True)
        else:
            write_table(analyses, sys.stdout, delimiter)
    except InputError as exc:
        fail(str(exc))
