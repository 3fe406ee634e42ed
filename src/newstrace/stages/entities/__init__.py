"""The entities stage: run(ctx) in stage.py, its helpers beside it; EntityIndex for later stages."""

from .stage import EntityIndex, run

__all__ = ["EntityIndex", "run"]
