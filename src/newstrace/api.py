"""The Python API: analyze(text_or_path_or_url) -> Analysis, analyze_document(RawDocument), and
analyze_many for every article behind one input."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import dates, ingest
from .clean import make_article
from .errors import InputError
from .model import Analysis, Article
from .settings import Settings

if TYPE_CHECKING:
    from . import pipeline

MAX_URL_LENGTH = 2048
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,15}:(?!\\)\S")  # 'data:…', 'ftp://…' (not 'C:\\…')
PATH_LIKE = re.compile(
    r"^[^\n]{1,255}\.(?:txt|text|html?|xhtml|xml|rss|atom|warc(?:\.gz)?|jsonl|ndjson|json|md)$", re.I
)


def _kind_of_source(value: str) -> str:
    """'text' (the article itself), 'url' or 'path'; InputError for what is none of them: nothing at all,
    a URL newstrace does not fetch (data:, file:, ftp:, too long), or a path that does not exist."""
    stripped = value.strip()
    if not stripped:
        raise InputError("empty input: give an article's text, a file path or an http(s) URL")
    if ingest.is_url(stripped) and not any(c.isspace() for c in stripped):
        if len(stripped) > MAX_URL_LENGTH:
            raise InputError(
                f"a URL of {len(stripped):,} characters; newstrace fetches URLs of at most {MAX_URL_LENGTH:,}"
            )
        return "url"
    if "\n" in value or len(value) > 1024:
        return "text"
    if SCHEME.match(stripped) and " " not in stripped:
        scheme = stripped.split(":", 1)[0]
        raise InputError(f"{stripped[:60]}: a {scheme}: address; newstrace fetches only http and https URLs")
    if os.path.exists(value):
        return "path"
    if PATH_LIKE.match(stripped) or ("/" in stripped and not re.search(r"[.!?]\s", stripped)):
        raise InputError(f"{stripped}: no such file")
    return "text" if " " in stripped else "path"


def article_of(raw: ingest.RawDocument, published: str | None = None) -> Article:
    """The cleaned Article of a raw document; `published` (YYYY-MM-DD) overrides the document's own date."""
    if raw.error:  # a record a reader could not read (a bad JSON line): that record's InputError
        raise InputError(raw.error)
    if published:
        try:
            published = dates.parse_iso(published)
        except ValueError:
            raise InputError(f"published date {published!r} is not a YYYY-MM-DD day") from None
    return make_article(
        raw.body,
        title=raw.title,
        source=raw.source,
        url=raw.url,
        outlet=raw.outlet,
        published=published or dates.normalise(raw.published),
        authors=raw.authors,
        tags=raw.tags,
        blockquotes=raw.blockquotes,
    )


def analyze_document(
    raw: ingest.RawDocument,
    published: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """The Analysis of one raw document. Raises InputError (empty, not English)."""
    from . import pipeline  # spaCy with it: not for a batch's main process, which only cleans (article_of)

    return pipeline.run(article_of(raw, published), settings)


def analyze_with_timings(
    raw: ingest.RawDocument, published: str | None = None, settings: Settings | None = None
) -> pipeline.Context:
    """As analyze_document, with the seconds each stage took (`ctx.timings`) beside `ctx.analysis`."""
    from . import pipeline

    return pipeline.run_with_timings(article_of(raw, published), settings)


def first_document(source: str, settings: Settings | None = None) -> ingest.RawDocument:
    """The article behind source: its text itself, a file path or a URL (a feed or WARC gives its first).
    Raises InputError for a folder of several articles (that is `batch`'s work) or a source with none."""
    settings = settings or Settings()
    kind = _kind_of_source(source)
    if kind == "text":
        try:
            source.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError("<text>: not valid UTF-8 text") from None
        if "\x00" in source:
            raise InputError("<text>: holds NUL characters; binary data, not text")
        return ingest.RawDocument(body=source, source="<text>")
    found = ingest.read(source, settings)
    raw = next(found, None)
    if raw is None:
        raise InputError(f"{source}: no article found")
    several = Path(source).is_dir() or _is_jsonl(source)  # a feed or WARC gives its first, as documented
    if several and next(found, None) is not None:
        what = "folder" if Path(source).is_dir() else "JSON-lines file"
        raise InputError(
            f"{source}: a {what} of several articles; analyze reads one (for all: newstrace batch {source})"
        )
    return raw


def _is_jsonl(source: str) -> bool:
    path = Path(source)
    if not path.is_file():
        return False
    with open(path, "rb") as fh:
        return ingest.sniff(path, fh.read(4096)) == "jsonl"


def analyze(source: str, published: str | None = None, settings: Settings | None = None) -> Analysis:
    """Analyse one article given as its text, a file path or a URL. A feed or WARC gives its first article.
    `published` (YYYY-MM-DD) is the date relative dates resolve against; it overrides the document's own."""
    settings = settings or Settings()
    return analyze_document(first_document(source, settings), published, settings)


def analyze_many(
    source: str, published: str | None = None, settings: Settings | None = None
) -> Iterator[Analysis | InputError]:
    """Every article behind a path, directory, glob, feed, WARC or URL; a bad article yields its error."""
    settings = settings or Settings()
    for raw in ingest.read(source, settings):
        try:
            yield analyze_document(raw, published, settings)
        except InputError as exc:
            yield exc
