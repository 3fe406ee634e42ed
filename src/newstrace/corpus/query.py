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
from . import link
from .store import Store

DEFAULT_LIMIT = 100


def _like(text: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\' that matches text literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _words(words: Optional[str]) -> list[str]:
    return [w for w in (words or "").split() if w]


def _not_copy(alias: str, dedup: bool, store: Store) -> list[str]:
    """The WHERE condition that folds wire copies away (articles `newstrace link` marked as copies)."""
    if not dedup:
        return []
    if not link.linked(store):
        raise StoreError("--dedup needs linked articles: run `newstrace link --db FILE` first")
    return [f"{alias}.article_id NOT IN (SELECT article_id FROM copies)"]


def _run(store: Store, sql: str, params: list[Any], limit: Optional[int]) -> list[dict]:
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    try:
        return store.rows(sql, params)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {str(exc).strip().splitlines()[0]}") from exc


def quotes(
    store: Store, speaker: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT, dedup: bool = False
) -> list[dict]:
    """Quotes, of speakers whose name contains `speaker` when given; oldest article first; dedup: without
    the quotes of wire copies."""
    where, params = _not_copy("q", dedup, store), []
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
    dedup: bool = False,
) -> list[dict]:
    """Events; source/target match an actor's name (substring) or code (prefix: 'RUS' matches 'RUSGOV');
    type is a PLOVER type (any case); date_from/date_to bound the event date, inclusive; dedup: without
    the events of wire copies."""
    where, params = _not_copy("e", dedup, store), []
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


def claims(
    store: Store, about: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT, dedup: bool = False
) -> list[dict]:
    """Numeric claims whose text contains every word of `about`; dedup: without those of wire copies."""
    where, params = _not_copy("c", dedup, store), []
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
    store: Store,
    outlet: Optional[str] = None,
    search: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    dedup: bool = False,
) -> list[dict]:
    """Articles of outlets whose name contains `outlet`, whose title or text contains every word of `search`;
    with their numbers of quotes and events; dedup: without wire copies."""
    where, params = [c.replace("a.article_id", "a.id") for c in _not_copy("a", dedup, store)], []
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


# -- across articles (corpus/link.py must have run: `newstrace link`, or the end of `newstrace batch`) --
def _linked(store: Store) -> None:
    if not link.linked(store):
        raise StoreError("the store is not linked yet: run `newstrace link --db FILE`")


def statements(
    store: Store, speaker: Optional[str] = None, min_articles: int = 1, limit: Optional[int] = DEFAULT_LIMIT
) -> list[dict]:
    """Corpus statements (one thing said, however many articles quote it) with their first appearance;
    most widely carried first. `reworded`: quoted with different words in different outlets."""
    _linked(store)
    where: list[str] = ["s.n_articles >= ?"]
    params: list[Any] = [int(min_articles)]
    if speaker:
        where.append("s.speaker ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    sql = (
        "SELECT s.id, s.speaker, s.text, s.n_articles, s.n_outlets, s.n_wordings, s.reworded, "
        "s.first_published, s.first_outlet, a.title AS first_title, s.first_article "
        "FROM corpus_statements s JOIN articles a ON a.id = s.first_article WHERE "
        + " AND ".join(where)
        + " ORDER BY s.n_articles DESC, s.first_published NULLS LAST, s.id"
    )
    return _run(store, sql, params, limit)


def statement_appearances(store: Store, statement_id: str) -> list[dict]:
    """Every quote of one corpus statement, in first-appearance order (the first appearance on top)."""
    _linked(store)
    sql = (
        "SELECT m.published, m.outlet, a.title, m.kind, m.text, m.article_id, m.quote_id "
        "FROM corpus_statement_quotes m JOIN articles a ON a.id = m.article_id WHERE m.statement_id = ? "
        "ORDER BY m.published IS NULL, m.published, lower(coalesce(m.outlet, '')), m.article_id"
    )
    return _run(store, sql, [statement_id], None)


def first(store: Store, words: str, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Where a wording first appeared and who carried it after: quotes holding every word of `words`, in
    first-appearance order, each with its corpus statement."""
    _linked(store)
    where, params = [], []
    for word in _words(words):
        where.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(_like(word))
    if not where:
        raise StoreError("query first needs some words")
    sql = (
        "SELECT a.published, a.outlet, a.title, q.speaker_name AS speaker, q.kind, q.text, m.statement_id, "
        "c.original_id AS copy_of, q.article_id FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN corpus_statement_quotes m ON m.article_id = q.article_id AND m.quote_id = q.id "
        "LEFT JOIN copies c ON c.article_id = q.article_id WHERE "
        + " AND ".join(where)
        + " ORDER BY a.published IS NULL, a.published, lower(coalesce(a.outlet, '')), q.article_id, q.start"
    )
    return _run(store, sql, params, limit)


def copies(store: Store, article: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Wire copies: each article largely made of an earlier one's text, with the share copied; `article`
    (an id or its prefix) limits them to that article as copy or original."""
    _linked(store)
    where, params = [], []
    if article:
        where.append("(c.article_id LIKE ? OR c.original_id LIKE ?)")
        params += [article + "%", article + "%"]
    sql = (
        "SELECT c.share, o.published AS original_published, o.outlet AS original_outlet, o.title AS original_title, "
        "a.published, a.outlet, a.title, c.article_id, c.original_id FROM copies c "
        "JOIN articles a ON a.id = c.article_id JOIN articles o ON o.id = c.original_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY o.published NULLS LAST, c.original_id, a.published NULLS LAST, c.article_id"
    )
    return _run(store, sql, params, limit)


def stories(store: Store, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Stories (clusters of articles about the same thing), largest first, each article with its id, title,
    outlet and date."""
    _linked(store)
    sql = (
        "SELECT s.story_id, s.size, a.published, a.outlet, a.title, a.id AS article_id, "
        "c.original_id AS copy_of FROM stories s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN copies c ON c.article_id = a.id "
        "ORDER BY s.size DESC, s.story_id, a.published NULLS LAST, a.id"
    )
    return _run(store, sql, [], limit)


def corpus_events(store: Store, min_sources: int = 1, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Events as the corpus knows them: one row however many articles report it, with NumSources."""
    _linked(store)
    sql = (
        "SELECT date, source_name AS source, source_code, type, cameo, target_name AS target, target_code, "
        "num_mentions, num_sources, num_articles, first_article, id FROM corpus_events WHERE num_sources >= ? "
        "ORDER BY num_sources DESC, date NULLS LAST, id"
    )
    return _run(store, sql, [int(min_sources)], limit)
