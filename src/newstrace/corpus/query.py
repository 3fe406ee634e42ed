"""The questions people ask a store, as functions returning lists of {column: value} dicts, so the CLI
(`newstrace query`) and a web API render the same rows and cannot disagree.

Matching: names and words are case-insensitive substrings (SQL ILIKE; % and _ in them match literally);
several words must all occur. Dates are 'YYYY-MM-DD' strings; an event's date is its own date, else its
article's publication date. `limit` caps the rows returned (None: all). Every function raises StoreError
for a store that cannot be read and for a query DuckDB refuses.
"""

from __future__ import annotations

from typing import Any, Optional

import duckdb

from ..errors import StoreError
from .store import Store

DEFAULT_LIMIT = 100


def _like(text: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\' that matches text literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _words(words: Optional[str]) -> list[str]:
    return [w for w in (words or "").split() if w]


def _run(store: Store, sql: str, params: list[Any], limit: Optional[int]) -> list[dict]:
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    try:
        return store.rows(sql, params)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {str(exc).strip().splitlines()[0]}") from exc


def quotes(store: Store, speaker: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Quotes, of speakers whose name contains `speaker` when given; oldest article first."""
    where, params = [], []
    if speaker:
        where.append("q.speaker_name ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    sql = (
        "SELECT q.speaker_name AS speaker, q.kind, q.text AS quote, q.cue, q.via, a.outlet, a.published, "
        "a.title, q.article_id FROM quotes q JOIN articles a ON a.id = q.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published NULLS LAST, q.article_id, q.start"
    )
    return _run(store, sql, params, limit)


def events(
    store: Store,
    source: Optional[str] = None,
    target: Optional[str] = None,
    type: Optional[str] = None,
    date_from: Optional[str] = None,
    date_to: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
) -> list[dict]:
    """Events; source/target match an actor's name (substring) or code (prefix: 'RUS' matches 'RUSGOV');
    type is a PLOVER type (any case); date_from/date_to bound the event date, inclusive."""
    where, params = [], []
    for role, value in (("source", source), ("target", target)):
        if value:
            where.append(f"(e.{role}_name ILIKE ? ESCAPE '\\' OR e.{role}_code ILIKE ? ESCAPE '\\')")
            params += [_like(value), _like(value)[1:]]
    if type:
        where.append("upper(e.type) = upper(?)")
        params.append(type)
    date = "coalesce(e.date, a.published)"
    if date_from:
        where.append(f"{date} >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{date} <= ?")
        params.append(date_to)
    sql = (
        f"SELECT {date} AS date, e.source_name AS source, e.source_code, e.type, e.cameo, e.target_name AS target, "
        "e.target_code, e.trigger, e.negated, e.modality, e.via, a.outlet, e.evidence, e.article_id "
        "FROM events e JOIN articles a ON a.id = e.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {date} NULLS LAST, e.article_id, e.start"
    )
    return _run(store, sql, params, limit)


def claims(store: Store, about: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Numeric claims whose text contains every word of `about`."""
    where, params = [], []
    for word in _words(about):
        where.append("c.text ILIKE ? ESCAPE '\\'")
        params.append(_like(word))
    sql = (
        "SELECT c.text AS claim, c.value, c.unit, c.approx, c.attributed_to_name AS attributed_to, c.via, "
        "a.outlet, a.published, c.article_id FROM claims c JOIN articles a ON a.id = c.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published NULLS LAST, c.article_id, c.start"
    )
    return _run(store, sql, params, limit)


def articles(
    store: Store, outlet: Optional[str] = None, search: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT
) -> list[dict]:
    """Articles of outlets whose name contains `outlet`, whose title or text contains every word of `search`;
    with their numbers of quotes and events."""
    where, params = [], []
    if outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(_like(outlet))
    for word in _words(search):
        where.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [_like(word), _like(word)]
    sql = (
        "SELECT a.published, a.outlet, a.title, a.words, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, a.url, a.source, a.id "
        "FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published NULLS LAST, a.id"
    )
    return _run(store, sql, params, limit)


def sql(store: Store, statement: str, limit: Optional[int] = None) -> list[dict]:
    """Any SELECT; the store must be open read-only (Store(path, read_only=True)), so nothing can change it."""
    if not store.read_only:
        raise StoreError("query sql needs the store opened read-only")
    return (
        _run(store, statement.strip().rstrip(";"), [], None)
        if limit is None
        else _run(store, f"SELECT * FROM ({statement.strip().rstrip(';')})", [], limit)
    )
