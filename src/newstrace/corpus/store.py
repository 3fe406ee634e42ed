"""The corpus store: one DuckDB file, one Store object owning its connection and the single writer.

    with Store("newstrace.duckdb") as store:          # creates the tables on first use
        if not store.has_article(article_id):
            store.add(analysis)                       # one transaction: all of the article's rows or none
    Store(path, read_only=True)                       # for queries and exports; never writes

Tables (corpus/tables.py has their columns): articles, documents (article id -> newstrace/1 JSON), voices,
entities, mentions, quotes, statements, events, claims, framing_spans, checks, failures, and `meta`
(key, value) holding the store schema version. Rows are keyed by article id; an article is written in
one transaction, so a process killed at any moment leaves each article stored once or not at all
(DuckDB replays its write-ahead log on the next open).

Every DuckDB failure a user can meet (file locked by another process, read-only or missing file, full
disk, not a DuckDB file, a store of another schema version) becomes a StoreError with a one-line message.
Why one writer: DuckDB lets one process write a file at a time, and its connection is not thread-safe,
so the Store serialises its own use with a lock (a web server thread can share it, as in datasette).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import threading
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import duckdb

from .. import dates
from ..errors import StoreError
from ..model import SCHEMA, Analysis, Article
from . import tables

SIGHTINGS = "sightings"  # further appearances of a stored text (add_sighting); made when first needed
SIGHTING_COLUMNS = [
    ("article_id", "VARCHAR NOT NULL"),
    ("source", "VARCHAR NOT NULL"),
    ("url", "VARCHAR"),
    ("outlet", "VARCHAR"),
    ("title", "VARCHAR"),
    ("published", "VARCHAR"),
    ("seen_at", "TIMESTAMP"),
]
STORE_VERSION = "2"  # bump when a table changes shape; an older store is upgraded (UPGRADABLE) or refused
# Versions this one can bring up to date in place: their tables lack only tables and trailing columns
# that tables.COLUMNS now has (version 2 added events.date_precision).
UPGRADABLE = {"1"}


class Rows(list):
    """Query rows, each a {column: value}, with the column names kept for an empty result (a CSV header)."""

    def __init__(self, rows: Iterable[dict] = (), columns: Sequence[str] = ()):
        super().__init__(rows)
        self.columns = list(columns)


def describe_error(path: str, exc: BaseException) -> str:
    """A one-line message for a DuckDB error about the store file at path."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = text.lower()
    if "could not set lock" in low or "conflicting lock" in low:
        pid = re.search(r"\(PID (\d+)\)", text)
        holder = f" (process {pid.group(1)})" if pid else ""
        return (
            f"{path}: the store is in use by another process{holder}; wait for it to finish or use another --db "
            "(a `newstrace serve --read-only` leaves it readable by query and export)"
        )
    if "database does not exist" in low:
        return f"{path}: no such store (make one with: newstrace batch INPUT --db {path})"
    if "not a valid duckdb database" in low or "not a valid database" in low:
        return f"{path}: not a newstrace store (not a DuckDB database file)"
    if "no space left" in low or "disk full" in low or "not enough space" in low:
        return f"{path}: the disk is full; free some space and run the same command again (nothing is stored twice)"
    if "read-only" in low or "read only" in low or "permission denied" in low:
        return f"{path}: cannot write the store (read-only file or folder): {text}"
    if "cannot open" in low or "no such file" in low:
        return f"{path}: cannot open the store: {text}"
    return f"{path}: store error: {text}"


class Store:
    """The store at path. read_only: for queries (other readers may open it too); else the one writer.
    create: a writer makes a missing store (else a missing one is refused, as for a reader)."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False, create: bool = True):
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._types: dict[str, list[str]] = {}  # table -> column types, for inserts
        if (read_only or not create) and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (make one with: newstrace batch INPUT --db {self.path})")
        if not read_only and not Path(self.path).resolve().parent.is_dir():
            raise StoreError(f"{self.path}: folder {Path(self.path).resolve().parent} does not exist")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(describe_error(self.path, exc)) from exc
        try:
            self._check_or_create_schema()
        except BaseException:
            self.con.close()
            raise

    # -- opening ------------------------------------------------------------------------------------
    def _check_or_create_schema(self) -> None:
        try:
            existing = {
                r[0]
                for r in self.con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                ).fetchall()
            }
            if "meta" not in existing:
                if existing:
                    raise StoreError(f"{self.path}: not a newstrace store (a DuckDB file with other tables)")
                if self.read_only:
                    raise StoreError(f"{self.path}: an empty DuckDB file, not a newstrace store yet")
                self._create_schema()
                return
            version = self.con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
        except duckdb.Error as exc:
            raise StoreError(describe_error(self.path, exc)) from exc
        found = version[0] if version else None
        if found in UPGRADABLE and not self.read_only:
            self._upgrade(found)
        elif found in UPGRADABLE:
            raise StoreError(
                f"{self.path}: a store of schema version {found}; run 'newstrace link --db {self.path}' once "
                f"to bring it to version {STORE_VERSION}"
            )
        elif found != STORE_VERSION:
            raise StoreError(
                f"{self.path}: a store of schema version {found}; this newstrace reads version "
                f"{STORE_VERSION} (export it with the newstrace that made it, or use another --db)"
            )

    def _create_schema(self) -> None:
        self.con.begin()
        try:
            self.con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            for table in tables.COLUMNS:
                self.con.execute(tables.create_statement(table))
            self.con.execute(
                "INSERT INTO meta VALUES ('store_version', ?), ('document_schema', ?), ('created_at', ?)",
                [STORE_VERSION, SCHEMA, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")],
            )
            self.con.commit()
            self.con.execute("CHECKPOINT")  # into the file now: the write-ahead log then holds articles only
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(describe_error(self.path, exc)) from exc

    def _upgrade(self, found: str) -> None:
        """Bring a store of an UPGRADABLE version to STORE_VERSION in one transaction: the tables it lacks
        are created and the columns it lacks appended (empty for the rows already stored)."""
        self.con.begin()
        try:
            for table, columns in tables.COLUMNS.items():
                have = [
                    r[0]
                    for r in self.con.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                        "AND table_name = ? ORDER BY ordinal_position",
                        [table],
                    ).fetchall()
                ]
                if not have:
                    self.con.execute(tables.create_statement(table))
                    continue
                if [name for name, _ in columns[: len(have)]] != have:
                    raise StoreError(f"{self.path}: table {table} of version {found} has other columns; cannot upgrade")
                for name, sql_type in columns[len(have) :]:
                    self.con.execute(f"ALTER TABLE {table} ADD COLUMN {tables.quoted(name)} {sql_type}")
                    if (table, name) == ("events", "date_precision"):
                        self._fill_date_precision()
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'store_version'", [STORE_VERSION])
            self.con.commit()
        except (duckdb.Error, StoreError) as exc:
            self._rollback()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(describe_error(self.path, exc)) from exc

    def _fill_date_precision(self) -> None:
        """events.date_precision of the events a version-1 store holds, read from their date_text."""
        rows = self.con.execute("SELECT article_id, id, date_text FROM events WHERE date IS NOT NULL").fetchall()
        if not rows:
            return
        ids, event_ids, precisions = zip(*((a, e, dates.precision_of(t)) for a, e, t in rows))
        self.con.execute(
            "UPDATE events SET date_precision = p.precision FROM (SELECT unnest(?::VARCHAR[]) AS article_id, "
            "unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS precision) p "
            "WHERE events.article_id = p.article_id AND events.id = p.id",
            [list(ids), list(event_ids), list(precisions)],
        )

    def close(self) -> None:
        with self._lock:
            try:
                self.con.close()
            except duckdb.Error as exc:  # the final checkpoint can meet a full disk; the WAL still holds the data
                raise StoreError(describe_error(self.path, exc)) from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------------------
    def _count(self, sql: str, params: list) -> int:
        """The first column of the first row of a count query."""
        row = self.con.execute(sql, params).fetchone()
        return int(row[0]) if row else 0

    def has_article(self, article_id: str) -> bool:
        return self.scalar("SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored, in one query (one query per id costs about a millisecond each)."""
        if not article_ids:
            return set()
        marks = ", ".join("?" * len(article_ids))
        with self._lock:
            try:
                found = self.con.execute(f"SELECT id FROM articles WHERE id IN ({marks})", list(article_ids)).fetchall()
            except duckdb.Error as exc:
                raise StoreError(describe_error(self.path, exc)) from exc
        return {r[0] for r in found}

    def document(self, article_id: str) -> Optional[str]:
        """The stored newstrace/1 JSON (one line) of an article, or None."""
        return self.scalar("SELECT document FROM documents WHERE article_id = ?", [article_id])

    def scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        with self._lock:
            try:
                row = self.con.execute(sql, list(params)).fetchone()
            except duckdb.Error as exc:
                raise StoreError(describe_error(self.path, exc)) from exc
        return row[0] if row else None

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        """The result of a query as a list of {column: value} (a Rows, which also names the columns when
        there are no rows). A bad query raises duckdb.Error (callers decide)."""
        with self._lock:
            cur = self.con.execute(sql, list(params))
            names = [d[0] for d in cur.description or []]
            return Rows((dict(zip(names, r)) for r in cur.fetchall()), names)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in tables.COLUMNS}

    # -- writing (the single writer) ----------------------------------------------------------------
    def add(self, analysis: Analysis, document: str | None = None) -> bool:
        """Store one analysed article in one transaction; False (nothing written) when its id is already stored.

        document: its newstrace/1 JSON on one line when the caller has it (a worker made it), else made here.
        """
        article_id = analysis.article.id
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self._lock:
            self._writable()
            try:
                self.con.begin()
                if self._count("SELECT count(*) FROM articles WHERE id = ?", [article_id]):
                    self.con.rollback()
                    return False
                self._insert("articles", tables.article_rows(analysis, now))
                self._insert("documents", tables.document_rows(analysis, document))
                for table, make_rows in tables.ROWS.items():
                    self._insert(table, make_rows(analysis))
                self.con.execute("DELETE FROM failures WHERE article_id = ?", [article_id])  # it went in after all
                self.con.commit()
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(describe_error(self.path, exc)) from exc
            except BaseException:  # Ctrl-C mid-write: nothing half-written stays in the open transaction
                self._rollback()
                raise
        return True

    def add_many(self, items: Sequence[tuple[Analysis, Optional[str]]]) -> int:
        """Store several analysed articles in one transaction (far cheaper than one each: DuckDB's cost is
        per statement); all of them go in or none. Articles already stored are left out. Returns how many
        were written."""
        if not items:
            return 0
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self._lock:
            self._writable()
            try:
                self.con.begin()
                ids = [a.article.id for a, _ in items]
                marks = ", ".join("?" * len(ids))
                stored = {
                    r[0] for r in self.con.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids).fetchall()
                }
                fresh, seen = [], set(stored)
                for analysis, document in items:
                    if analysis.article.id not in seen:
                        seen.add(analysis.article.id)
                        fresh.append((analysis, document))
                rows: dict[str, list[tuple]] = {"articles": [], "documents": []}
                for analysis, document in fresh:
                    rows["articles"] += tables.article_rows(analysis, now)
                    rows["documents"] += tables.document_rows(analysis, document)
                    for table, make_rows in tables.ROWS.items():
                        rows.setdefault(table, []).extend(make_rows(analysis))
                for table, table_rows in rows.items():
                    self._insert(table, table_rows)
                if fresh:
                    fresh_ids = [a.article.id for a, _ in fresh]
                    marks = ", ".join("?" * len(fresh_ids))
                    self.con.execute(f"DELETE FROM failures WHERE article_id IN ({marks})", fresh_ids)
                self.con.commit()
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(describe_error(self.path, exc)) from exc
            except BaseException:  # Ctrl-C mid-write: nothing half-written stays in the open transaction
                self._rollback()
                raise
        return len(fresh)

    def add_failure(self, source: str, reason: str, article_id: str | None = None) -> None:
        """Record why an input or article was skipped; a later failure of the same one replaces it."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self._lock:
            self._writable()
            try:
                self.con.begin()
                self.con.execute("DELETE FROM failures WHERE source = ? AND article_id = ?", [source, article_id or ""])
                self._insert("failures", [(source, article_id or "", reason, now)])
                self.con.commit()
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(describe_error(self.path, exc)) from exc
            except BaseException:  # Ctrl-C mid-write: nothing half-written stays in the open transaction
                self._rollback()
                raise

    def add_sighting(self, article: Article) -> None:
        """Another appearance of a stored text: the same words from another source (a wire story carried
        verbatim by several outlets, a page saved twice). The article and its analysis are stored once, under
        the id of its text; each further (source, url, outlet, title, published) is a row of `sightings`,
        made when first needed so stores from before it read as they were. A source already known is skipped.
        """
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        row = [article.id, article.source, article.url, article.outlet, article.title, article.published, now]
        with self._lock:
            self._writable()
            try:
                self.con.begin()
                self.con.execute(tables.create_statement(SIGHTINGS, SIGHTING_COLUMNS))
                self.con.execute(
                    f"INSERT INTO {SIGHTINGS} SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                    "(SELECT 1 FROM articles WHERE id = ? AND source = ?) AND NOT EXISTS "
                    f"(SELECT 1 FROM {SIGHTINGS} WHERE article_id = ? AND source = ?)",
                    row + [article.id, article.source] * 2,
                )
                self.con.commit()
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(describe_error(self.path, exc)) from exc

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is committed together or not at all."""
        with self._lock:
            self._writable()
            try:
                self.con.begin()
                yield
                self.con.commit()
            except duckdb.Error as exc:
                self._rollback()
                raise StoreError(describe_error(self.path, exc)) from exc
            except BaseException:
                self._rollback()
                raise

    def close_off_files(self) -> None:
        """Switch off DuckDB's file and extension access for the rest of this connection (it cannot be
        switched back on): statements then see the store's tables and nothing else on the machine."""
        with self._lock:
            try:
                self.con.execute("SET enable_external_access = false")
            except duckdb.Error as exc:
                raise StoreError(describe_error(self.path, exc)) from exc

    def execute(self, sql: str, params: Iterable[Any] = ()) -> None:
        """A statement inside transaction() (derived tables: corpus/link.py)."""
        self.con.execute(sql, list(params))

    def insert(self, table: str, rows: list[tuple], width: int) -> None:
        """Rows into a table of `width` columns, inside transaction()."""
        self._insert(table, rows, width)

    def _insert(self, table: str, rows: list[tuple], width: Optional[int] = None) -> None:
        """All rows in one statement, one list parameter per column, unnested side by side: DuckDB binds a
        list in one step, where a multi-row VALUES statement (or executemany) costs per value."""
        if not rows:
            return
        types = self._column_types(table)
        if width is not None and width != len(types):
            raise ValueError(f"{table} has {len(types)} columns, not {width}")
        columns = ", ".join(f"unnest(?::{t}[])" for t in types)
        self.con.execute(f"INSERT INTO {table} SELECT {columns}", [list(c) for c in zip(*rows)])

    def _column_types(self, table: str) -> list[str]:
        """The DuckDB types of a table's columns in order, asked once per table."""
        types = self._types.get(table)
        if types is None:
            found = self.con.execute(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
                "ORDER BY ordinal_position",
                [table],
            ).fetchall()
            types = self._types[table] = [r[0] for r in found]
        return types

    def _rollback(self) -> None:
        try:
            self.con.rollback()
        except duckdb.Error:
            pass  # no transaction was open, or the connection is gone: nothing was committed either way
