"""Option parsing shared by the command-line apps (cli.py and the kb / export sub-apps)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import typer


def check_date(value: Optional[str]) -> Optional[str]:
    """A --published/--date value: YYYY-MM-DD or a clear usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
