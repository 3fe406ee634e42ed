"""The web page and REST API over a store: `newstrace serve --db FILE` (FastAPI on Uvicorn).

app.py makes the application (limits, timeouts, API key, JSON errors, security headers), routes.py maps
URLs onto corpus.query (the functions the CLI uses) and the analysis pipeline, page/ is the static page
(plain HTML, JavaScript and CSS, no build step) that uses only the API.
"""

from .app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
