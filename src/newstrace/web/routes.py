"""The REST API's routes: each one parameters in, a corpus.query function (the ones `newstrace query` uses)
or the analysis pipeline, JSON out. Lists answer {"items": [...], "limit", "offset", "next_offset"}."""

from __future__ import annotations

from typing import Any, Callable, Optional

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import dates
from ..corpus import query
from ..corpus.store import Store
from .app import ApiError, check_api_key

router = APIRouter(prefix="/api")

DATE = r"^\d{4}-\d{2}-\d{2}$"
LIMIT = Query(50, ge=1, le=1000, description="Rows to return (1-1000).")
OFFSET = Query(0, ge=0, le=100_000_000, description="Rows to skip (paging).")


def store_of(request: Request) -> Store:
    store = request.app.state.store
    if store is None:
        raise ApiError(503, "no store is open: start the server with --db FILE to search articles")
    return store


def page(rows: list[dict], limit: int, offset: int, **extra: Any) -> dict:
    return {
        "items": rows,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) == limit else None,
        **extra,
    }


def _date(value: Optional[str], name: str) -> Optional[str]:
    if value is None:
        return None
    try:
        return dates.parse_iso(value)
    except ValueError:
        raise ApiError(422, f"{name}: {value!r} is not a date in the form YYYY-MM-DD") from None


class AnalyzeRequest(BaseModel):
    """One article: exactly one of text, html or url; published is the article's date."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = Field(None, description="The article's plain text.", min_length=1)
    html: Optional[str] = Field(None, description="The article's web page (HTML).", min_length=1)
    url: Optional[str] = Field(
        None, description="An http(s) URL to fetch (private and loopback addresses are refused).", max_length=2048
    )
    published: Optional[str] = Field(None, description="YYYY-MM-DD: relative dates resolve against it.")

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url" + (f" (got {', '.join(given)})" if given else ""))
        return self


@router.post(
    "/analyze",
    summary="Analyse one article (text, HTML or URL) into its newstrace/1 document; stored when a store is open.",
    responses={
        200: {"description": "The newstrace/1 document (header X-Newstrace-Stored: true when newly stored)."},
        401: {"description": "API key missing"},
        403: {"description": "API key wrong"},
        413: {"description": "Body too large"},
        422: {"description": "Not an article (empty, not English, unreadable, refused URL) or bad request"},
        504: {"description": "Analysis timed out"},
    },
)
async def analyze(body: AnalyzeRequest, request: Request, _: None = Depends(check_api_key)) -> Response:
    published = _date(body.published, "published")
    kind = "text" if body.text is not None else "html" if body.html is not None else "url"
    analysis, stored = await request.app.state.analyzer.analyze(kind, getattr(body, kind), published)
    return Response(
        analysis.to_json(indent=None),
        media_type="application/json",
        headers={"X-Newstrace-Stored": "true" if stored else "false"},
    )


@router.get("/articles", summary="Articles: search words (title or text), outlet, publication date range; paged.")
def articles(
    request: Request,
    q: Optional[str] = Query(None, max_length=500, description="Words that must all occur in the title or text."),
    outlet: Optional[str] = Query(None, max_length=500, description="Part of the outlet's name."),
    date_from: Optional[str] = Query(None, alias="from", description="Published on or after (YYYY-MM-DD)."),
    date_to: Optional[str] = Query(None, alias="to", description="Published on or before (YYYY-MM-DD)."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict:
    rows = query.articles(
        store_of(request),
        outlet=outlet,
        search=q,
        date_from=_date(date_from, "from"),
        date_to=_date(date_to, "to"),
        limit=limit,
        offset=offset,
    )
    return page(rows, limit, offset)


@router.get("/articles/{article_id}", summary="One stored article's newstrace/1 document.")
def article(article_id: str, request: Request) -> Response:
    document = query.document(store_of(request), article_id)
    if document is None:
        raise ApiError(404, f"no stored article has id {article_id!r}")
    return Response(document, media_type="application/json")


@router.get("/quotes", summary="Quotes, of speakers whose name contains `speaker`; oldest first.")
def quotes(
    request: Request,
    speaker: Optional[str] = Query(None, max_length=500, description="Part of the speaker's name."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict:
    return page(query.quotes(store_of(request), speaker=speaker, limit=limit, offset=offset), limit, offset)


@router.get(
    "/statements",
    summary="Statements (one thing said, however many articles quote it), most widely carried first, each "
    "with its first appearance; GET /api/statements/{id} gives every appearance in time order.",
)
def statements(
    request: Request,
    speaker: Optional[str] = Query(None, max_length=500, description="Part of the speaker's name."),
    q: Optional[str] = Query(None, max_length=500, description="Words that must all occur in the statement."),
    min_articles: int = Query(1, ge=1, le=100_000, description="Only statements quoted by this many articles."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict:
    rows = query.statements(
        store_of(request), speaker=speaker, about=q, min_articles=min_articles, limit=limit, offset=offset
    )
    return page(rows, limit, offset)


@router.get(
    "/first",
    summary="Where a wording first appeared and who carried it after: quotes holding every word of q, in "
    "first-appearance order.",
)
def first(
    request: Request,
    q: str = Query(..., min_length=1, max_length=500, description="Words of the wording."),
    limit: int = LIMIT,
) -> dict:
    return page(query.first(store_of(request), q, limit=limit), limit, 0)


@router.get(
    "/copies",
    summary="Wire copies: articles largely made of an earlier article's text, with the share copied.",
)
def copies(
    request: Request,
    article: Optional[str] = Query(None, max_length=64, description="An article id (or its first characters)."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict:
    return page(query.copies(store_of(request), article, limit=limit, offset=offset), limit, offset)


@router.get(
    "/statements/{statement_id}",
    summary="One statement ('cs…', or 'ARTICLE_ID:s1' before linking) with every appearance in time order "
    "and the first one.",
)
def statement(statement_id: str, request: Request) -> dict:
    found = query.statement(store_of(request), statement_id)
    if found is None:
        raise ApiError(404, f"no statement {statement_id!r} (statement ids look like ARTICLE_ID:s1)")
    return found


@router.get("/events", summary="Events (who did what to whom): source, target, PLOVER type, date range.")
def events(
    request: Request,
    source: Optional[str] = Query(
        None, max_length=500, description="Source actor: part of its name, or code prefix (RUS)."
    ),
    target: Optional[str] = Query(None, max_length=500, description="Target actor: part of its name, or code prefix."),
    type: Optional[str] = Query(None, max_length=500, description="PLOVER type (ASSAULT, THREATEN, …), any case."),
    date_from: Optional[str] = Query(None, alias="from", description="On or after (YYYY-MM-DD)."),
    date_to: Optional[str] = Query(None, alias="to", description="On or before (YYYY-MM-DD)."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict:
    rows = query.events(
        store_of(request),
        source=source,
        target=target,
        type=type,
        date_from=_date(date_from, "from"),
        date_to=_date(date_to, "to"),
        limit=limit,
        offset=offset,
    )
    return page(rows, limit, offset)


@router.get(
    "/corpus-events",
    summary="Events as the corpus knows them: one row however many articles report it, reported by at least "
    "min_sources outlets, most widely reported first.",
)
def corpus_events(
    request: Request,
    min_sources: int = Query(1, ge=1, le=100_000, description="Only events reported by this many outlets."),
    limit: int = LIMIT,
) -> dict:
    return page(query.corpus_events(store_of(request), min_sources=min_sources, limit=limit), limit, 0)


@router.get("/claims", summary="Numeric claims whose text contains every word of `q`.")
def claims(
    request: Request,
    q: Optional[str] = Query(None, max_length=500, description="Words that must all occur in the claim."),
    limit: int = LIMIT,
    offset: int = OFFSET,
) -> dict:
    return page(query.claims(store_of(request), about=q, limit=limit, offset=offset), limit, offset)


@router.get(
    "/entities/{entity_id}",
    summary="An entity across the store, by knowledge-base id (Q43723), 'ARTICLE_ID:e1' or exact name: "
    "the articles naming it, its quotes and its events.",
)
def entity(entity_id: str, request: Request) -> dict:
    found = query.entity(store_of(request), entity_id)
    if found is None:
        raise ApiError(404, f"no stored article names an entity {entity_id!r}")
    return found


@router.get(
    "/stories",
    summary="Stories: articles about the same happening (shared rare entities, within days), one row per "
    "article with the article it is a wire copy of; empty before the store is linked.",
)
def stories(request: Request, limit: int = LIMIT, offset: int = OFFSET) -> dict:
    rows = query.stories(store_of(request), limit=limit, offset=offset)
    return page(rows, limit, offset)


@router.get("/status", summary="The server: version, whether a store is open and writable, article count.")
def status(request: Request) -> dict:
    from .. import __version__

    store: Optional[Store] = request.app.state.store
    counts: Callable[[], dict] = store.counts if store is not None else dict
    return {
        "version": __version__,
        "store": store.path if store is not None else None,
        "writable": bool(store is not None and not store.read_only),
        "api_key_required": bool(request.app.state.settings.api_key),
        "counts": counts(),
    }
