"""`newstrace kb ...`: see what the knowledge base knows.

    newstrace kb lookup Netanyahu --date 2024-03-23
    newstrace kb lookup "the top US diplomat" --date 2024-03-23 --format text
    newstrace kb lookup "Acme Corp" --kb my_entries.jsonl

A name is looked up among entry names, aliases and demonyms; a role phrase ("Israeli prime minister",
"the top US diplomat") gives the office holder on the date. Unknown name: a message and exit code 1.
"""

from __future__ import annotations

import json
from typing import List, Optional

import typer

from ..errors import InputError
from .common import OutputFormat, check_date, fail, format_option, kb_option, make_settings

kb_app = typer.Typer(help="Look things up in the knowledge base.", no_args_is_help=True)


def describe(entry, date: Optional[str]) -> dict:
    """What a person (or a program) wants to know about an entry on a date."""
    return {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "kind": entry.kind,
        "country": entry.country_on(date),
        "code": entry.code_on(date),
        "roles_on_date": [r.role for r in entry.roles_on(date)] if entry.roles else [],
        "aliases": entry.aliases,
        "demonyms": entry.demonyms,
        "roles": [{k: v for k, v in vars(r).items() if v not in (None, False)} for r in entry.roles],
        "source": entry.origin,
    }


@kb_app.command()
def lookup(
    name: str = typer.Argument(..., help="A name, alias, demonym or role phrase."),
    date: Optional[str] = typer.Option(
        None,
        "--date",
        callback=check_date,
        help="YYYY-MM-DD: office holders of that day (default: today's).",
    ),
    kb: Optional[List[str]] = kb_option(),
    format: OutputFormat = format_option(
        OutputFormat.json, OutputFormat.json, OutputFormat.text, help="json, or text for a readable table."
    ),
) -> None:
    """Show what the knowledge base knows about NAME (on --date)."""
    from ..kb import load

    try:
        base = load(tuple(make_settings(kb).kb_paths))
    except InputError as exc:
        fail(str(exc))
    entries = base.lookup(name, date=date)
    via_role = None
    if not entries:
        holder = base.holder_of(name, None, date)
        if holder is not None:
            entries, via_role = [holder], base.role_of(name)
    if not entries:
        fail(f"{name!r} is not in the knowledge base", code=1)
    found = [describe(e, date) for e in entries]
    if via_role is not None:
        for f in found:
            f["matched_role"] = via_role.kind
    if format == OutputFormat.json:
        typer.echo(json.dumps(found if len(found) > 1 else found[0], ensure_ascii=False, indent=1))
        return
    _print_table(name, date, found)


def _print_table(name: str, date: Optional[str], found: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{name!r}" + (f" on {date}" if date else ""), show_lines=True)
    for col in (
        "name",
        "type / kind",
        "country",
        "code",
        "roles on date",
        "id",
        "aliases",
    ):
        table.add_column(col)
    for f in found:
        table.add_row(
            f["name"],
            f"{f['type']} / {f['kind']}",
            f["country"] or "",
            f["code"] or "",
            "\n".join(f["roles_on_date"]),
            f["id"],
            ", ".join(f["aliases"][:6] + f["demonyms"][:2]),
        )
    Console().print(table)
