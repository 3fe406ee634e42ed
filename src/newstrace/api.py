"""The Python API: analyze(text_or_path_or_url) -> Analysis, and analyze_many for many inputs."""
from __future__ import annotations

import os
from typing import Iterator

from . import ingest, pipeline
from .clean import make_article
from .errors import InputError
from .model import Analysis
from .settings import Settings


def _looks_like_text(value: str) -> bool:
    return "\n" in value or len(value) > 1024 or (not ingest.is_url(value) and not os.path.exists(value) and " " in value.strip())


def analyze_document(raw: ingest.RawDocument, published: str | None = None, settings: Settings | None = None) -> Analysis:
    if raw.error:
        raise InputError(raw.error)
    article = make_article(raw.body, title=raw.title, source=raw.source, url=raw.url, outlet=raw.outlet,
                           published=published or normalise_date(raw.published), authors=raw.authors, tags=raw.tags)
    return pipeline.run(article, settings)


def analyze(source: str, published: str | None = None, settings: Settings | None = None) -> Analysis:
    """Analyse one article given as its text, a file path or a URL. A feed or WARC gives its first article."""
    settings = settings or Settings()
    if _looks_like_text(source):
        return analyze_document(ingest.RawDocument(body=source, source="<text>"), published, settings)
    for raw in ingest.read(source, settings):
        return analyze_document(raw, published, settings)
    raise InputError(f"{source}: no article found")


def analyze_many(source: str, published: str | None = None, settings: Settings | None = None) -> Iterator[Analysis | InputError]:
    """Every article behind a path, directory, glob, feed, WARC or URL; a bad article yields its error."""
    settings = settings or Settings()
    for raw in ingest.read(source, settings):
        try:
            yield analyze_document(raw, published, settings)
        except InputError as exc:
            yield exc


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD from whatever date string a reader found, or None."""
    if not value:
        return None
    value = value.strip()
    import re
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0)
    import dateparser
    d = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return d.date().isoformat() if d else None
