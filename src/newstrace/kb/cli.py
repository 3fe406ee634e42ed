"""`newstrace kb ...`: see what the knowledge base knows."""
from __future__ import annotations

import typer

kb_app = typer.Typer(help="Look things up in the knowledge base.", no_args_is_help=True)
