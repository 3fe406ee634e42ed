"""The command line: one Typer app (analyze, batch, export, kb)."""

from .app import app, main

__all__ = ["app", "main"]
