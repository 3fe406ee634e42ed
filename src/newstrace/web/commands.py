"""`newstrace serve`: the web page and REST API over a store. register(app) adds it to the Typer app."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

import typer

from ..cli.common import fail, kb_option, make_settings
from ..errors import StoreError


def serve(
    db: Optional[Path] = typer.Option(
        None,
        "--db",
        help="The store (a DuckDB file, made if missing); analyses are stored in it. Without it "
        "analyses work but nothing is stored or searchable.",
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    api_key: Optional[str] = typer.Option(
        None,
        "--api-key",
        envvar="NEWSTRACE_API_KEY",
        help="Require this key (header X-API-Key) for writes (POST /api/analyze). Also NEWSTRACE_API_KEY.",
    ),
    read_only: bool = typer.Option(False, "--read-only", help="Open the store read-only: analyses are not stored."),
    max_body: int = typer.Option(5_000_000, "--max-body", min=1, help="Largest request body in bytes."),
    timeout: float = typer.Option(120.0, "--timeout", min=1.0, help="Seconds one analysis may take."),
    kb: Optional[List[str]] = kb_option(),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URLs reach loopback or private addresses."),
) -> None:
    """Serve the web page and the REST API (OpenAPI description at /docs and /openapi.json).

    Examples:

      newstrace serve --db news.duckdb            then open http://127.0.0.1:8000/

      newstrace serve --db news.duckdb --host 0.0.0.0 --api-key SECRET
    """
    import uvicorn

    from ..corpus.store import Store
    from .app import WebSettings, create_app

    if host not in ("127.0.0.1", "localhost", "::1") and not api_key:
        typer.echo(
            f"newstrace: warning: listening on {host} without --api-key: anyone who can reach it can run analyses",
            err=True,
        )
    store = None
    if db is not None:
        try:
            store = Store(db, read_only=read_only)
        except StoreError as exc:
            fail(str(exc))
    settings = WebSettings(
        api_key=api_key or None,
        max_body_bytes=max_body,
        analysis_timeout=timeout,
        analysis=make_settings(kb, allow_private),
    )
    app = create_app(settings, store)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"newstrace: serving {db or 'no store'} on http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=os.environ.get("NEWSTRACE_LOG_LEVEL", "warning"))
    finally:
        if store is not None:
            try:
                store.close()
            except StoreError as exc:
                fail(str(exc))


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
