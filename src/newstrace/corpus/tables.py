"""An Analysis as rows of the store's tables, one function per table.

Columns are named after the newstrace/1 fields (../shared/docs/output-format.md); a ref or actor is
flattened into `<field>_name`, `<field>_entity` (and `_code`, `_mention` for actors). Every row starts
with `article_id`, the article's sha256 id. Dates are 'YYYY-MM-DD' strings as in the contract (they
compare correctly as text); offsets are character offsets into article.text, end exclusive.

COLUMNS maps each table to its (column, DuckDB type) list in row order; ROWS maps it to the function
Analysis -> list[tuple]. The `documents` table holds the whole newstrace/1 JSON, so nothing a table
flattens is lost.
"""

from __future__ import annotations

from typing import Callable, Optional

from ..model import ActorRef, Analysis, Ref

ARTICLE_ID = ("article_id", "VARCHAR NOT NULL")
SPAN = [("start", "INTEGER"), ("end", "INTEGER")]


def _ref(prefix: str) -> list[tuple[str, str]]:
    return [(f"{prefix}_name", "VARCHAR"), (f"{prefix}_entity", "VARCHAR")]


def _actor(prefix: str) -> list[tuple[str, str]]:
    return _ref(prefix) + [(f"{prefix}_code", "VARCHAR"), (f"{prefix}_mention", "VARCHAR")]


COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR PRIMARY KEY"),
        ("title", "VARCHAR"),
        ("text", "VARCHAR"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("outlet", "VARCHAR"),
        ("published", "VARCHAR"),
        ("authors", "VARCHAR[]"),
        ("tags", "VARCHAR[]"),
        ("language", "VARCHAR"),
        ("words", "INTEGER"),
        ("stored_at", "TIMESTAMP"),
    ],
    "documents": [("article_id", "VARCHAR PRIMARY KEY"), ("document", "VARCHAR NOT NULL")],
    "voices": [
        ARTICLE_ID,
        ("id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("outlet", "VARCHAR"),
        *SPAN,
        ("intro", "VARCHAR"),
        ("intro_start", "INTEGER"),
        ("intro_end", "INTEGER"),
        ("date_text", "VARCHAR"),
        ("date", "VARCHAR"),
    ],
    "entities": [
        ARTICLE_ID,
        ("id", "VARCHAR"),
        ("name", "VARCHAR"),
        ("type", "VARCHAR"),
        ("country", "VARCHAR"),
        ("kb_id", "VARCHAR"),
        ("code", "VARCHAR"),
        ("roles", "VARCHAR[]"),
    ],
    "mentions": [ARTICLE_ID, ("entity", "VARCHAR"), *SPAN, ("text", "VARCHAR"), ("field", "VARCHAR")],
    "quotes": [
        ARTICLE_ID,
        ("id", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("text", "VARCHAR"),
        ("field", "VARCHAR"),
        *SPAN,
        *_ref("speaker"),
        ("speaker_mention", "VARCHAR"),
        ("speaker_span", "INTEGER[]"),
        ("cue", "VARCHAR"),
        ("cue_span", "INTEGER[]"),
        *_ref("addressee"),
        ("medium", "VARCHAR"),
        ("voice", "VARCHAR"),
        ("via", "VARCHAR"),
        ("statement", "VARCHAR"),
        ("evidence", "VARCHAR"),
    ],
    "statements": [ARTICLE_ID, ("id", "VARCHAR"), *_ref("speaker"), ("quotes", "VARCHAR[]"), ("text", "VARCHAR")],
    "events": [
        ARTICLE_ID,
        ("id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("cameo", "VARCHAR"),
        *_actor("source"),
        *_actor("target"),
        ("trigger", "VARCHAR"),
        ("evidence", "VARCHAR"),
        *SPAN,
        ("date", "VARCHAR"),
        ("date_text", "VARCHAR"),
        *_ref("location"),
        ("voice", "VARCHAR"),
        ("via", "VARCHAR"),
        ("negated", "BOOLEAN"),
        ("modality", "VARCHAR"),
        ("date_precision", "VARCHAR"),  # last: store version 1 gains it by ALTER TABLE, which appends
    ],
    "claims": [
        ARTICLE_ID,
        ("id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("value", "DOUBLE"),
        ("unit", "VARCHAR"),
        ("approx", "VARCHAR"),
        ("counted", "VARCHAR"),
        *SPAN,
        ("voice", "VARCHAR"),
        ("via", "VARCHAR"),
        *_ref("attributed_to"),
    ],
    "framing_spans": [
        ARTICLE_ID,
        *SPAN,
        ("text", "VARCHAR"),
        ("technique", "VARCHAR"),
        ("voice", "VARCHAR"),
        ("field", "VARCHAR"),
    ],
    "checks": [
        ARTICLE_ID,
        ("kind", "VARCHAR"),
        ("text", "VARCHAR"),
        ("detail", "VARCHAR"),
        ("via", "VARCHAR"),
        ("article_says", "VARCHAR"),
        ("source_says", "VARCHAR"),
        *SPAN,
        ("field", "VARCHAR"),
    ],
    # Inputs and articles that could not be analysed; article_id is '' when the input never became an article.
    "failures": [
        ("source", "VARCHAR NOT NULL"),
        ("article_id", "VARCHAR NOT NULL"),
        ("reason", "VARCHAR"),
        ("failed_at", "TIMESTAMP"),
    ],
}

# The tables filled from an Analysis, in the order they are written.
ANALYSIS_TABLES = [
    "articles",
    "documents",
    "voices",
    "entities",
    "mentions",
    "quotes",
    "statements",
    "events",
    "claims",
    "framing_spans",
    "checks",
]


def _r(ref: Optional[Ref]) -> tuple:
    return (ref.name, ref.entity) if ref else (None, None)


def _a(actor: Optional[ActorRef]) -> tuple:
    return (actor.name, actor.entity, actor.code, actor.mention) if actor else (None, None, None, None)


def article_rows(a: Analysis, stored_at=None) -> list[tuple]:
    art = a.article
    return [
        (
            art.id,
            art.title,
            art.text,
            art.source,
            art.url,
            art.outlet,
            art.published,
            list(art.authors),
            list(art.tags),
            art.language,
            len(art.text.split()),
            stored_at,
        )
    ]


def document_rows(a: Analysis, document: str | None = None) -> list[tuple]:
    """document: the JSON already made by a worker (saves serialising twice), else made here."""
    return [(a.article.id, document if document is not None else a.to_json(indent=None))]


def voice_rows(a: Analysis) -> list[tuple]:
    return [
        (a.article.id, v.id, v.kind, v.outlet, v.start, v.end, v.intro, v.intro_start, v.intro_end, v.date_text, v.date)
        for v in a.voices
    ]


def entity_rows(a: Analysis) -> list[tuple]:
    return [(a.article.id, e.id, e.name, e.type, e.country, e.kb_id, e.code, list(e.roles)) for e in a.entities]


def mention_rows(a: Analysis) -> list[tuple]:
    return [(a.article.id, e.id, m.start, m.end, m.text, m.field) for e in a.entities for m in e.mentions]


def quote_rows(a: Analysis) -> list[tuple]:
    return [
        (
            a.article.id,
            q.id,
            q.kind,
            q.text,
            q.field,
            q.start,
            q.end,
            *_r(q.speaker),
            q.speaker_mention,
            q.speaker_span,
            q.cue,
            q.cue_span,
            *_r(q.addressee),
            q.medium,
            q.voice,
            q.via,
            q.statement,
            q.evidence,
        )
        for q in a.quotes
    ]


def statement_rows(a: Analysis) -> list[tuple]:
    return [(a.article.id, s.id, *_r(s.speaker), list(s.quotes), s.text) for s in a.statements]


def event_rows(a: Analysis) -> list[tuple]:
    return [
        (
            a.article.id,
            e.id,
            e.type,
            e.cameo,
            *_a(e.source),
            *_a(e.target),
            e.trigger,
            e.evidence,
            e.start,
            e.end,
            e.date,
            e.date_text,
            *_r(e.location),
            e.voice,
            e.via,
            bool(e.negated),
            e.modality,
            e.date_precision,
        )
        for e in a.events
    ]


def claim_rows(a: Analysis) -> list[tuple]:
    return [
        (
            a.article.id,
            c.id,
            c.text,
            c.value,
            c.unit,
            c.approx,
            c.counted,
            c.start,
            c.end,
            c.voice,
            c.via,
            *_r(c.attributed_to),
        )
        for c in a.claims
    ]


def framing_span_rows(a: Analysis) -> list[tuple]:
    return [(a.article.id, s.start, s.end, s.text, s.technique, s.voice, s.field) for s in a.framing.spans]


def check_rows(a: Analysis) -> list[tuple]:
    return [
        (a.article.id, c.kind, c.text, c.detail, c.via, c.article_says, c.source_says, c.start, c.end, c.field)
        for c in a.checks
    ]


ROWS: dict[str, Callable[[Analysis], list[tuple]]] = {
    "voices": voice_rows,
    "entities": entity_rows,
    "mentions": mention_rows,
    "quotes": quote_rows,
    "statements": statement_rows,
    "events": event_rows,
    "claims": claim_rows,
    "framing_spans": framing_span_rows,
    "checks": check_rows,
}


def quoted(column: str) -> str:
    """A column name as SQL: quoted, since the contract's `end` is an SQL keyword."""
    return '"' + column.replace('"', '""') + '"'


def create_statement(table: str, columns: list[tuple[str, str]] | None = None) -> str:
    """CREATE TABLE IF NOT EXISTS for a table of COLUMNS, or of the columns given (a table made when needed)."""
    cols = COLUMNS[table] if columns is None else columns
    return f"CREATE TABLE IF NOT EXISTS {table} (" + ", ".join(f"{quoted(c)} {t}" for c, t in cols) + ")"
