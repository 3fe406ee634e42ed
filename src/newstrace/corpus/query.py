"""The questions people ask a store, as functions returning lists of {column: value} dicts, so the CLI
(`newstrace query`) and a web API render the same rows and cannot disagree.

Matching: names and words are case-insensitive substrings (SQL ILIKE; % and _ in them match literally);
several words must all occur. Dates are 'YYYY-MM-DD' strings; an event's date is its own date, else its
article's publication date. `limit` caps the rows returned (None: all) and `offset` skips the first rows
(paging). Every function raises StoreError for a store that cannot be read and for a query DuckDB refuses.

Ids: an article's id is its sha256; entities have ids only within their article ("e1"), so across the store
one is named "ARTICLE_ID:e1" or by its knowledge-base id. Statements, stories, wire copies and corpus events
come from the link tables (corpus/link.py: `newstrace link`, and the end of each `newstrace batch`); a
corpus statement's id is "cs…". Before linking, `statements` gives each article's own statements (named
"ARTICLE_ID:s1") in the same shape, and `stories` gives [].
"""

from __future__ import annotations

from typing import Any, Optional

import duckdb

from ..errors import InputError, StoreError
from ..stages.events.dictionary import plover_types
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


def _where(conditions: list[str]) -> str:
    """' WHERE a AND b' for the conditions given, '' for none."""
    return " WHERE " + " AND ".join(conditions) if conditions else ""


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
    store: Store,
    speaker: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    dedup: bool = False,
    offset: int = 0,
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
        + _where(where)
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
    dedup: bool = False,
    offset: int = 0,
) -> list[dict]:
    """Events; source/target match an actor's name (substring) or code (prefix: 'RUS' matches 'RUSGOV');
    type is a PLOVER type (any case; InputError naming the types when it is none); date_from/date_to bound
    the event date, inclusive (an event dated to a week, month or year counts where that period overlaps
    the range); dedup: without the events of wire copies."""
    _check_range(date_from, date_to)
    if type and type.upper() not in plover_types():
        raise InputError(f"no event type {type!r} (PLOVER types: {', '.join(plover_types())})")
    where, params = _not_copy("e", dedup, store), []
    for role, value in (("source", source), ("target", target)):
        if value:
            where.append(f"(e.{role}_name ILIKE ? ESCAPE '\\' OR e.{role}_code ILIKE ? ESCAPE '\\')")
            params += [_like(value), _like(value)[1:]]
    if type:
        where.append("upper(e.type) = upper(?)")
        params.append(type)
    date = "coalesce(e.date, a.published)"
    # An event dated 'in 2019' is stored as 2019-01-01 with precision 'year': it falls in a range that
    # overlaps any of 2019, not only one holding 1 January.
    last_day = (
        f"CASE e.date_precision WHEN 'year' THEN substr({date}, 1, 4) || '-12-31' "
        f"WHEN 'month' THEN strftime(last_day(CAST({date} AS DATE)), '%Y-%m-%d') "
        f"WHEN 'week' THEN strftime(CAST({date} AS DATE) + 6, '%Y-%m-%d') ELSE {date} END"
    )
    if date_from:
        where.append(f"{last_day} >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{date} <= ?")
        params.append(date_to)
    sql = (
        f"SELECT {date} AS date, coalesce(e.date_precision, 'day') AS date_precision, e.source_name AS source, "
        "e.source_code, e.type, e.cameo, e.target_name AS target, "
        "e.target_code, e.trigger, e.negated, e.modality, e.via, a.outlet, e.evidence, e.article_id "
        "FROM events e JOIN articles a ON a.id = e.article_id"
        + _where(where)
        + f" ORDER BY {date} NULLS LAST, e.article_id, e.start"
    )
    return _run(store, sql, params, limit, offset)


def claims(
    store: Store,
    about: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    dedup: bool = False,
    offset: int = 0,
) -> list[dict]:
    """Numeric claims whose text contains every word of `about`; dedup: without those of wire copies."""
    where, params = _not_copy("c", dedup, store), []
    for word in _words(about):
        where.append("c.text ILIKE ? ESCAPE '\\'")
        params.append(_like(word))
    sql = (
        "SELECT c.text AS claim, c.value, c.unit, c.approx, c.attributed_to_name AS attributed_to, c.via, "
        "a.outlet, a.published, c.article_id FROM claims c JOIN articles a ON a.id = c.article_id"
        + _where(where)
        + " ORDER BY a.published NULLS LAST, c.article_id, c.start"
    )
    return _run(store, sql, params, limit, offset)


def articles(
    store: Store,
    outlet: Optional[str] = None,
    search: Optional[str] = None,
    limit: Optional[int] = DEFAULT_LIMIT,
    dedup: bool = False,
    date_from: Optional[str] = None,
    date_to: Optional[str] = None,
    offset: int = 0,
) -> list[dict]:
    """Articles of outlets whose name contains `outlet`, whose title or text contains every word of `search`,
    published between date_from and date_to (inclusive); with their numbers of quotes and events; dedup:
    without wire copies."""
    _check_range(date_from, date_to)
    where, params = [c.replace("a.article_id", "a.id") for c in _not_copy("a", dedup, store)], []
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
        "FROM articles a" + _where(where) + " ORDER BY a.published NULLS LAST, a.id"
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


def sql(store: Store, statement: str, limit: Optional[int] = None) -> list[dict]:
    """Any SELECT over the store's tables; the store must be open read-only (Store(path, read_only=True)), so
    nothing can change it. DuckDB's file and extension access is switched off for the rest of the connection
    first: a statement cannot write a file (COPY … TO), read one (read_text, read_csv) or attach another.
    Raises StoreError with a one-line reason."""
    if not store.read_only:
        raise StoreError("query sql needs the store opened read-only")
    store.close_off_files()
    return (
        _run(store, statement.strip().rstrip(";"), [], None)
        if limit is None
        else _run(store, f"SELECT * FROM ({statement.strip().rstrip(';')})", [], limit)
    )


# -- across articles (corpus/link.py must have run: `newstrace link`, or the end of `newstrace batch`) --
def _linked(store: Store) -> None:
    if not link.linked(store):
        raise StoreError("the store is not linked yet: run `newstrace link --db FILE`")


def _article_statement(store: Store, row: dict, with_appearances: bool) -> dict:
    """A statement of one article (the store is not linked yet), in the shape of a corpus statement."""
    key = statement_key(row["article_id"], row["id"])
    first_appearance = {k: row[k] for k in ("published", "outlet", "title", "article_id")}
    out = {
        "id": key,
        "speaker": row["speaker_name"],
        "text": row["text"],
        "n_quotes": len(row["quotes"] or []),
        "n_articles": 1,
        "n_outlets": 1,
        "reworded": False,
        "first_appearance": first_appearance,
    }
    if with_appearances:
        out["appearances"] = _appearances(store, row["article_id"], list(row["quotes"] or []))
    return out


_STATEMENT_SQL = (
    "SELECT s.article_id, s.id, s.speaker_name, s.quotes, s.text, a.published, a.outlet, a.title "
    "FROM statements s JOIN articles a ON a.id = s.article_id"
)


def statements(
    store: Store,
    speaker: Optional[str] = None,
    about: Optional[str] = None,
    min_articles: int = 1,
    limit: Optional[int] = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[dict]:
    """Statements (one thing said, however many articles quote it) of speakers whose name contains
    `speaker`, whose text holds every word of `about`, quoted by at least `min_articles` articles; most
    widely carried first, each with its first appearance {published, outlet, title, article_id} and
    `reworded` (quoted with different words in different outlets). Before `newstrace link` has run, the
    statements of each article on their own."""
    where: list[str] = []
    params: list[Any] = []
    if not link.linked(store):
        if speaker:
            where.append("s.speaker_name ILIKE ? ESCAPE '\\'")
            params.append(_like(speaker))
        for word in _words(about):
            where.append("s.text ILIKE ? ESCAPE '\\'")
            params.append(_like(word))
        if min_articles > 1:
            return []
        sql = (
            _STATEMENT_SQL + _where(where) + " ORDER BY a.published NULLS LAST, s.article_id, len(s.quotes) DESC, s.id"
        )
        return [_article_statement(store, r, False) for r in _run(store, sql, params, limit, offset)]
    where.append("s.n_articles >= ?")
    params.append(int(min_articles))
    if speaker:
        where.append("s.speaker ILIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
    for word in _words(about):
        where.append("s.text ILIKE ? ESCAPE '\\'")
        params.append(_like(word))
    sql = (
        "SELECT s.id, s.speaker, s.text, s.n_quotes, s.n_articles, s.n_outlets, s.n_wordings, s.reworded, "
        "s.first_published, s.first_outlet, a.title AS first_title, s.first_article "
        "FROM corpus_statements s JOIN articles a ON a.id = s.first_article WHERE "
        + " AND ".join(where)
        + " ORDER BY s.n_articles DESC, s.first_published NULLS LAST, s.id"
    )
    rows = _run(store, sql, params, limit, offset)
    for r in rows:
        r["first_appearance"] = {
            "published": r.pop("first_published"),
            "outlet": r.pop("first_outlet"),
            "title": r.pop("first_title"),
            "article_id": r.pop("first_article"),
        }
    return rows


def statement(store: Store, key: str) -> Optional[dict]:
    """One statement with every appearance in time order (the first appearance on top), or None. key: a
    corpus statement id ('cs…', after linking) or 'ARTICLE_ID:s1' (one article's statement)."""
    if ":" not in key:
        if not link.linked(store):
            return None
        found = statements_by_id(store, key)
        if found is None:
            return None
        found["appearances"] = statement_appearances(store, key)
        return found
    article_id, _, statement_id = key.rpartition(":")
    rows = _run(store, _STATEMENT_SQL + " WHERE s.article_id = ? AND s.id = ?", [article_id, statement_id], 1)
    return _article_statement(store, rows[0], True) if rows else None


def statements_by_id(store: Store, statement_id: str) -> Optional[dict]:
    rows = _run(
        store,
        "SELECT s.id, s.speaker, s.text, s.n_quotes, s.n_articles, s.n_outlets, s.n_wordings, s.reworded, "
        "s.first_published, s.first_outlet, s.first_article FROM corpus_statements s WHERE s.id = ?",
        [statement_id],
        1,
    )
    if not rows:
        return None
    r = rows[0]
    r["first_appearance"] = {
        "published": r.pop("first_published"),
        "outlet": r.pop("first_outlet"),
        "article_id": r.pop("first_article"),
    }
    return r


def statement_appearances(store: Store, statement_id: str) -> list[dict]:
    """Every quote of one corpus statement, in first-appearance order (the first appearance on top)."""
    _linked(store)
    sql = (
        "SELECT m.published, m.outlet, a.title, m.kind, m.text, q.cue, q.via, m.article_id, m.quote_id "
        "FROM corpus_statement_quotes m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN quotes q ON q.article_id = m.article_id AND q.id = m.quote_id WHERE m.statement_id = ? "
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


def copies(
    store: Store, article: Optional[str] = None, limit: Optional[int] = DEFAULT_LIMIT, offset: int = 0
) -> list[dict]:
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
        + _where(where)
        + " ORDER BY o.published NULLS LAST, c.original_id, a.published NULLS LAST, c.article_id"
    )
    return _run(store, sql, params, limit, offset)


def stories(
    store: Store, limit: Optional[int] = DEFAULT_LIMIT, offset: int = 0, whole_stories: bool = False
) -> list[dict]:
    """Stories (clusters of articles about the same thing), one row per article, largest story first, each
    article with its id, title, outlet, date and the article it is a wire copy of. [] before linking.
    limit and offset count rows (a page of the web API), or stories when whole_stories: each story given
    with all its articles."""
    if not link.linked(store):
        return []
    sql = (
        "SELECT s.story_id, s.size, a.published, a.outlet, a.title, a.id AS article_id, "
        "c.original_id AS copy_of FROM stories s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN copies c ON c.article_id = a.id "
    )
    order = "ORDER BY s.size DESC, s.story_id, a.published NULLS LAST, a.id"
    if not whole_stories:
        return _run(store, sql + order, [], limit, offset)
    chosen = "SELECT story_id FROM stories GROUP BY story_id ORDER BY max(size) DESC, story_id"
    if limit is not None:
        chosen += f" LIMIT {int(limit)}"
    chosen += f" OFFSET {max(0, int(offset))}"
    return _run(store, f"{sql}WHERE s.story_id IN ({chosen}) {order}", [], None)


def corpus_events(store: Store, min_sources: int = 1, limit: Optional[int] = DEFAULT_LIMIT) -> list[dict]:
    """Events as the corpus knows them: one row however many articles report it, with NumSources."""
    _linked(store)
    sql = (
        "SELECT date, source_name AS source, source_code, type, cameo, target_name AS target, target_code, "
        "num_mentions, num_sources, num_articles, first_article, id FROM corpus_events WHERE num_sources >= ? "
        "ORDER BY num_sources DESC, date NULLS LAST, id"
    )
    return _run(store, sql, [int(min_sources)], limit)


def _check_range(date_from: Optional[str], date_to: Optional[str]) -> None:
    """InputError for a date range that ends before it starts (it would match nothing, silently)."""
    if date_from and date_to and date_from > date_to:
        raise InputError(f"the range's start {date_from} is after its end {date_to}")
