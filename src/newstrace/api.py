"""The Python API: analyze(text_or_path_or_url) -> Analysis, analyze_document(RawDocument), and
analyze_many for every article behind one input."""

from __future__ import annotations

import os
from typing import Iterator

from . import dates, ingest, pipeline
from .clean import make_article
from .errors import InputError
from .model import Analysis, Article
from .settings import Settings


def _looks_like_text(value: str) -> bool:
    return (
        "\n" in value
        or len(value) > 1024
        or (not ingest.is_url(value) and not os.path.exists(value) and " " in value.strip())
    )


def article_of(raw: ingest.RawDocument, published: str | None = None) -> Article:
    """The cleaned Article of a raw document; `published` (YYYY-MM-DD) overrides the document's own date."""
    if raw.error:  # a record a reader could not read (a bad JSON line): that record's InputError
        raise InputError(raw.error)
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
    return pipeline.run(article_of(raw, published), settings)


def analyze_with_timings(
    raw: ingest.RawDocument, published: str | None = None, settings: Settings | None = None
) -> pipeline.Context:
    """As analyze_document, with the seconds each stage took (`ctx.timings`) beside `ctx.analysis`."""
    return pipeline.run_with_timings(article_of(raw, published), settings)


def first_document(source: str, settings: Settings | None = None) -> ingest.RawDocument:
    """The article behind source: its text itself, a file path or a URL (a feed or WARC gives its first)."""
    settings = settings or Settings()
    if _looks_like_text(source):
        return ingest.RawDocument(body=source, source="<text>")
    for raw in ingest.read(source, settings):
        return raw
    raise InputError(f"{source}: no article found")


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
