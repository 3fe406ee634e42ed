"""Read an article, or every entry of a feed, from an http(s) URL (fetching: fetch.py)."""

from __future__ import annotations

from typing import Iterator

from ..settings import Settings
from . import RawDocument
from .fetch import fetch, kind_of, to_document


def read(source: str, settings: Settings) -> Iterator[RawDocument]:
    """The article behind the URL: one for an HTML page or plain text, every entry for an RSS/Atom feed."""
    page = fetch(source, settings)
    kind = kind_of(page)
    if kind == "feed":
        from . import feed

        yield from feed.parse(page.data, source, settings, base_url=page.url)
    else:
        yield to_document(page, kind, source)
