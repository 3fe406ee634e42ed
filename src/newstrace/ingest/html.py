"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

import trafilatura

from ..errors import InputError
from . import RawDocument


def read(data: bytes | str, source: str, url: str | None = None) -> RawDocument:
    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"{source}: no article text found in the HTML")
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    tags = [t.strip() for t in (doc.tags or []) if t.strip()] if isinstance(doc.tags, list) else \
        [t.strip() for t in (doc.tags or "").split(",") if t.strip()]
    return RawDocument(body=doc.text, source=source, title=doc.title or "", url=url or doc.url,
                       outlet=doc.sitename, published=doc.date, authors=authors, tags=tags)
