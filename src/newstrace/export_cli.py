"""`newstrace export ...`: tables and graphs from analyses."""
from __future__ import annotations

import typer

export_app = typer.Typer(help="Export analyses as tables (GDELT-style events, CSV) and graphs.", no_args_is_help=True)
