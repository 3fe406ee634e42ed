"""RSS and Atom feeds through feedparser: every entry becomes an article.

An entry's text is its full content (content:encoded, Atom content) or else its summary, flattened from
HTML to paragraphs. Many feeds carry only a teaser; when settings.follow_feed_links is on, such an entry
is replaced by the page it links to (fetched through url.py, under the same address checks).
"""

from __future__ import annotations

import io
import logging
import time
from typing import Any, Iterator

import feedparser

from .. import dates
from ..errors import InputError
from ..settings import Settings
from . import RawDocument, read_bytes
from .html import fragment_to_text, paragraphs_text, squash

log = logging.getLogger("newstrace.ingest.feed")

# Fewer words than this and an entry is a teaser, not the article: its linked page is fetched instead.
MIN_ARTICLE_WORDS = 120


def read(source: str, settings: Settings) -> Iterator[RawDocument]:
    """Every entry of the RSS/Atom feed file at source."""
    yield from parse(read_bytes(source), source, settings)


def parse(data: bytes, source: str, settings: Settings, base_url: str | None = None) -> Iterator[RawDocument]:
    """Yield one RawDocument per feed entry that has text (its own, or its linked page's)."""
    # A stream, never the bytes themselves: feedparser would try bytes as a file name first.
    parsed = feedparser.parse(
        io.BytesIO(data),
        response_headers={"content-location": base_url} if base_url else None,
        sanitize_html=True,
        resolve_relative_uris=bool(base_url),
    )
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise InputError(f"{source}: not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
        raise InputError(f"{source}: the feed has no entries")
    outlet = squash(parsed.feed.get("title", "")) or None
    produced = 0
    deadline = time.monotonic() + settings.feed_links_budget
    for entry in parsed.entries:
        raw = entry_document(entry, source, outlet, settings, deadline)
        if raw is not None:
            produced += 1
            yield raw
    if not produced:
        raise InputError(f"{source}: no feed entry has any text")


def entry_document(
    entry, source: str, outlet: str | None, settings: Settings, deadline: float = float("inf")
) -> RawDocument | None:
    """The article of one entry, or None when it has no text at all and its link cannot be read. Linked
    pages are fetched only until the feed's time budget (deadline, time.monotonic()) is spent; a link not
    followed is logged (a warning of the 'newstrace' logger, which the CLI prints) with the reason."""
    body = entry_text(entry)
    link = entry.get("link") or None
    meta: dict[str, Any] = dict(
        title=entry_title(entry),
        url=link,
        outlet=outlet,
        published=entry_date(entry),
        authors=entry_authors(entry),
        tags=entry_tags(entry),
    )
    if len(body.split()) < MIN_ARTICLE_WORDS and link and settings.follow_feed_links:
        page = None
        if time.monotonic() > deadline:
            log.warning("%s: not followed, the feed's %g s for linked pages is spent", link, settings.feed_links_budget)
        else:
            try:
                page = fetch_linked_page(link, settings)
            except InputError as exc:
                log.warning("%s; the feed's own text is used", exc)
        if page is not None and len(page.body.split()) > len(body.split()):
            # the page knows its own text; the entry's metadata fills what the page lacks
            return RawDocument(
                body=page.body,
                source=link,
                title=page.title or meta["title"],
                url=page.url or link,
                outlet=page.outlet or outlet,
                published=page.published or meta["published"],
                authors=page.authors or meta["authors"],
                tags=page.tags or meta["tags"],
            )
    if not body:
        return None
    return RawDocument(body=body, source=link or source, **meta)


def fetch_linked_page(link: str, settings: Settings) -> RawDocument:
    """The linked article; InputError when it cannot be fetched or read (the entry's own text is kept then)."""
    from .fetch import read_article

    return read_article(link, settings)


def entry_text(entry) -> str:
    """The longest of the entry's content blocks and summary, as plain paragraphs."""
    blocks = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    if entry.get("summary"):
        blocks.append((entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "")))
    texts = [paragraphs_text(value) if kind == "text/plain" else fragment_to_text(value) for value, kind in blocks]
    return max(texts, key=len, default="")


def entry_title(entry) -> str:
    title = entry.get("title", "")
    return squash(fragment_to_text(title) if "<" in title else title)


def entry_date(entry) -> str | None:
    """YYYY-MM-DD from the entry's published (or updated) date, or None."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dates.from_time_struct(parsed)
        if entry.get(key):
            return dates.normalise(entry.get(key))
    return None


def entry_authors(entry) -> list[str]:
    names = [squash(a.get("name", "")) for a in entry.get("authors", []) if a.get("name")]
    if not names and entry.get("author"):
        names = [squash(entry.get("author"))]
    return list(dict.fromkeys(n for n in names if n))


def entry_tags(entry) -> list[str]:
    return list(
        dict.fromkeys(
            squash(t.get("term") or t.get("label") or "")
            for t in entry.get("tags", [])
            if (t.get("term") or t.get("label"))
        )
    )
