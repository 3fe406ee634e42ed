"""What every command shares: the one way to fail, the one output-format option, dates and settings."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NoReturn, Optional

import typer

from .. import dates
from ..errors import InputError
from ..settings import Settings


class OutputFormat(StrEnum):
    """Every output format a command can print; each command accepts the subset it names."""

    json = "json"
    text = "text"
    csv = "csv"
    tsv = "tsv"


def one_line(message: str, limit: int = 400) -> str:
    """A message safe for a terminal on one line: control characters shown as escapes, long input cut."""
    text = " ".join(str(message).split())
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `newstrace: MESSAGE` on one line of standard error and exit (2: bad input or usage)."""
    typer.echo(f"newstrace: {one_line(message)}", err=True)
    raise typer.Exit(code)


def check_date(value: Optional[str]) -> Optional[str]:
    """A --published/--date value: YYYY-MM-DD or a clear usage error."""
    if value is None:
        return None
    try:
        return dates.parse_iso(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def format_option(default: OutputFormat, *allowed: OutputFormat, help: str) -> OutputFormat:
    """The --format/-f option of a command that prints one of `allowed`; any other value, known to
    OutputFormat or not, is refused with the list of `allowed` only."""
    names = [f.value for f in allowed]

    def parse(value: str | OutputFormat) -> OutputFormat:
        if str(value) not in names:
            raise typer.BadParameter(f"{str(value)!r} is not one of {', '.join(names)} for this command")
        return OutputFormat(value)

    choices = "|".join(names)  # the help lists these, not every OutputFormat
    return typer.Option(default, "--format", "-f", parser=parse, help=help, metavar=f"[{choices}]")


def kb_option():
    return typer.Option(None, "--kb", help="An extra knowledge-base file (JSON lines); repeatable. Also NEWSTRACE_KB.")


def make_settings(kb: list[str] | None, allow_private: bool = False) -> Settings:
    """Settings from the environment (NEWSTRACE_*), extended by command-line options; a variable that
    cannot be read is a one-line error."""
    try:
        settings = Settings(allow_private=allow_private)
    except InputError as exc:
        fail(str(exc))
    settings.kb_paths = settings.kb_paths + list(kb or [])
    return settings
