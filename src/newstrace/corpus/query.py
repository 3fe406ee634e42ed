"""The questions people ask a store, as functions returning lists of {column: value} dicts, so the CLI
(`newstrace query`) and a web API render the same rows and cannot disagree.

Matching: names and words are case-insensitive substrings (SQL ILIKE; % and _ in them match literally);
several words must all occur. Dates are 'YYYY-MM-DD' strings; an event's date is its own date, else its
article's publication date. `limit` caps the rows returned (None: all) and `offset` skips the first rows
(paging). Every function raises StoreError for a store that cannot be read and for a query DuckDB refuses.

Ids: an article's id is its sha256; statements and entities have ids only within their article ("s1", "e1"),
so across the store a statement is named "ARTICLE_ID:s1" (statement_key). Statements are per-article until
cross-article linking exists: a statement's `appearances` are its quotes in time order and `first_appearance`
the earliest, so linked statements will keep the same shape with appearances from many articles. Stories
(articles about the same happening) come with that linking; `stories` returns [] until then.
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


def _run(store: Store, sql: str, params: list[Any], limit: Optional[int], offset: int = 0) -> list[dict]:
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset:
        sql += f" OFFSET {max(0, int(offset))}"
    try:
        return store.rows(sql, params)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {str(exc).strip().splitlines()[0]}") from exc


def quotes(
    store: Store, speaker: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT, offset: int = 0
) -> list[dict]:
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
    return _run(store, sql, params, limit, offset)


def events(
    store: Store,
    source: Optional[str] = None,
    target: Optional[str] = None,
    type: Optional[str] = None,
    date_from: Optional[str] = None,
    date_to: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    offset: int = 0,
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
    return _run(store, sql, params, limit, offset)


def claims(
    store: Store, about: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT, offset: int = 0
) -> list[dict]:
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
    return _run(store, sql, params, limit, offset)


def articles(
    store: Store,
    outlet: Optional[str] = None,
    search: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    date_from: Optional[str] = None,
    date_to: Optional[str] = None,
    offset: int = 0,
) -> list[dict]:
    """Articles of outlets whose name contains `outlet`, whose title or text contains every word of `search`,
    published between date_from and date_to (inclusive); with their numbers of quotes and events."""
    where, params = [], []
    if date_from:
        where.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        params.append(date_to)
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
    return _run(store, sql, params, limit, offset)


def document(store: Store, article_id: str) -> Optional[str]:
    """The stored newstrace/1 JSON of an article, or None."""
    try:
        return store.document(article_id)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {str(exc).strip().splitlines()[0]}") from exc


def statement_key(article_id: str, statement_id: str) -> str:
    """The store-wide name of a statement: 'ARTICLE_ID:s1'."""
    return f"{article_id}:{statement_id}"


def _appearances(store: Store, article_id: str, quote_ids: list[str]) -> list[dict]:
    if not quote_ids:
        return []
    marks = ", ".join("?" * len(quote_ids))
    return _run(
        store,
        'SELECT a.published, a.outlet, a.title, q.article_id, q.id AS quote, q.kind, q.text, q.start, q."end", '
        "q.cue, q.via FROM quotes q JOIN articles a ON a.id = q.article_id "
        f"WHERE q.article_id = ? AND q.id IN ({marks}) ORDER BY a.published NULLS LAST, q.start",
        [article_id, *quote_ids],
        None,
    )


def _statement(store: Store, row: dict, with_appearances: bool) -> dict:
    out = {
        "id": statement_key(row["article_id"], row["id"]),
        "speaker": row["speaker_name"],
        "speaker_entity": row["speaker_entity"],
        "text": row["text"],
        "article_id": row["article_id"],
        "published": row["published"],
        "outlet": row["outlet"],
        "quotes": list(row["quotes"] or []),
    }
    if with_appearances:
        found = _appearances(store, row["article_id"], out["quotes"])
        out["appearances"] = found
        out["first_appearance"] = found[0] if found else None
    return out


_STATEMENT_SQL = (
    "SELECT s.article_id, s.id, s.speaker_name, s.speaker_entity, s.quotes, s.text, a.published, a.outlet "
    "FROM statements s JOIN articles a ON a.id = s.article_id"
)


def statements(
    store: Store,
    speaker: Optional[str] = None,
    about: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[dict]:
    """Statements (one thing said, attested by quotes) of speakers whose name contains `speaker`, whose text
    contains every word of `about`; oldest article first, each with its quote ids."""
    where, params = [], []
    if speaker:
        where.append("s.speaker_name ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    for word in _words(about):
        where.append("s.text ILIKE ? ESCAPE '\\'")
        params.append(_like(word))
    sql = (
        _STATEMENT_SQL
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published NULLS LAST, s.article_id, len(s.quotes) DESC, s.id"
    )
    return [_statement(store, r, False) for r in _run(store, sql, params, limit, offset)]


def statement(store: Store, key: str) -> Optional[dict]:
    """One statement by its key ('ARTICLE_ID:s1') with its appearances in time order, or None."""
    article_id, sep, statement_id = key.rpartition(":")
    if not sep or not article_id or not statement_id:
        return None
    rows = _run(store, _STATEMENT_SQL + " WHERE s.article_id = ? AND s.id = ?", [article_id, statement_id], 1)
    return _statement(store, rows[0], True) if rows else None


def entity(store: Store, key: str, limit: Optional[int] = DEFAULT_LIMIT) -> Optional[dict]:
    """An entity across the store, by knowledge-base id ('Q43723'), 'ARTICLE_ID:e1', or exact name (any case):
    its name, type, codes and roles, the articles naming it (with mentions), and its quotes and events
    as speaker, source or target. None when no article names it."""
    article_id, sep, entity_id = key.rpartition(":")
    base = (
        "SELECT e.article_id, e.id, e.name, e.type, e.country, e.kb_id, e.code, e.roles, a.published, a.outlet, "
        "a.title, (SELECT count(*) FROM mentions m WHERE m.article_id = e.article_id AND m.entity = e.id) "
        "AS mentions FROM entities e JOIN articles a ON a.id = e.article_id WHERE "
    )
    order = " ORDER BY a.published NULLS LAST, e.article_id"
    if sep and article_id:
        found = _run(store, base + "e.article_id = ? AND e.id = ?" + order, [article_id, entity_id], 1)
        if found:  # the same kb entry or name in other articles is the same entity
            first = found[0]
            if first["kb_id"]:
                found = _run(store, base + "e.kb_id = ?" + order, [first["kb_id"]], limit)
            else:
                found = _run(store, base + "lower(e.name) = lower(?)" + order, [first["name"]], limit)
    else:
        found = _run(store, base + "e.kb_id = ? OR lower(e.name) = lower(?)" + order, [key, key], limit)
    if not found:
        return None
    first = found[0]
    pairs = [(r["article_id"], r["id"]) for r in found]
    cond = " OR ".join(["(x.article_id = ? AND x.{col} = ?)"] * len(pairs))
    flat = [v for p in pairs for v in p]
    quote_rows = _run(
        store,
        "SELECT a.published, a.outlet, x.article_id, x.id AS quote, x.kind, x.text, x.cue, x.via "
        "FROM quotes x JOIN articles a ON a.id = x.article_id WHERE "
        + cond.format(col="speaker_entity")
        + " ORDER BY a.published NULLS LAST, x.article_id, x.start",
        flat,
        limit,
    )
    event_cond = "(" + cond.format(col="source_entity") + ") OR (" + cond.format(col="target_entity") + ")"
    event_rows = _run(
        store,
        "SELECT coalesce(x.date, a.published) AS date, x.source_name AS source, x.type, x.target_name AS target, "
        "x.trigger, x.via, a.outlet, x.article_id FROM events x JOIN articles a ON a.id = x.article_id WHERE "
        + event_cond
        + " ORDER BY coalesce(x.date, a.published) NULLS LAST, x.article_id, x.start",
        flat + flat,
        limit,
    )
    roles = sorted({role for r in found for role in (r["roles"] or [])})
    return {
        "name": first["name"],
        "type": first["type"],
        "country": first["country"],
        "kb_id": first["kb_id"],
        "code": first["code"],
        "roles": roles,
        "articles": [
            {k: r[k] for k in ("article_id", "published", "outlet", "title", "mentions")} | {"entity": r["id"]}
            for r in found
        ],
        "quotes": quote_rows,
        "events": event_rows,
    }


def stories(store: Store, limit: Optional[int] = DEFAULT_LIMIT, offset: int = 0) -> list[dict]:
    """Stories: groups of articles about the same happening, with their wire copies. Cross-article linking
    is not built yet, so there are none: always []. (The shape will be {id, title, articles: [...]})."""
    return []


def sql(store: Store, statement: str, limit: Optional[int] = None) -> list[dict]:
    """Any SELECT; the store must be open read-only (Store(path, read_only=True)), so nothing can change it."""
    if not store.read_only:
        raise StoreError("query sql needs the store opened read-only")
    return (
        _run(store, statement.strip().rstrip(";"), [], None)
        if limit is None
        else _run(store, f"SELECT * FROM ({statement.strip().rstrip(';')})", [], limit)
    )
