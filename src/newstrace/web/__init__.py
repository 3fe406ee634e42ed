"""The web page and REST API over a store: `newstrace serve --db FILE` (FastAPI on Uvicorn).

app.py makes the application (limits, timeouts, API key, JSON errors, security headers), routes.py maps
URLs onto corpus.query (the functions the CLI uses) and the analysis pipeline, page/ is the static page
(plain HTML, JavaScript and CSS, no build step) that uses only the API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    """FastAPI loads on first use: `newstrace batch` and its spawned workers never need it."""
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(name)
