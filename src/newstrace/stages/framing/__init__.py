"""The framing stage: run(ctx) in stage.py, its helpers beside it."""

from .stage import run

__all__ = ["run"]
