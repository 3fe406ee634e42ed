"""Web archives (.warc, .warc.gz) through warcio: every successful HTML response becomes an article.

Request, metadata and revisit records, redirects, errors and non-HTML payloads (images, scripts, feeds)
are skipped; so is a page in which trafilatura finds no article text, so that one bad capture does not
stop the rest of the archive.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..settings import Settings
from . import RawDocument

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read(source: str, settings: Settings | None = None) -> Iterator[RawDocument]:
    """Yield the article of each HTML response with status 200, with url = its WARC-Target-URI."""
    from . import html

    settings = settings or Settings()
    path = Path(source)
    check_is_warc(path)
    found = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if not is_html_page(record):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                # Read at most the fetch cap: a page (or a compression bomb) larger than that is skipped
                # without ever being held in memory whole.
                payload = record.content_stream().read(settings.fetch_max_bytes + 1)
                if len(payload) > settings.fetch_max_bytes:
                    continue
                try:
                    raw = html.parse_page(payload, source=f"{path} ({uri})", url=uri)
                except InputError:
                    continue
                raw.source = str(path)
                found += 1
                yield raw
    except ArchiveLoadFailed as exc:
        raise InputError(f"{path}: not a readable WARC file ({exc})") from exc
    except (ValueError, AttributeError, KeyError, IndexError, TypeError) as exc:  # warcio on malformed headers
        raise InputError(f"{path}: a malformed WARC record ({type(exc).__name__}: {exc})") from exc
    except (
        OSError,
        EOFError,
        zlib.error,
    ) as exc:  # a truncated or corrupt gzip member, a read error
        raise InputError(f"{path}: cannot read the WARC file ({exc})") from exc
    if not found:
        raise InputError(f"{path}: the WARC file holds no HTML page with status 200")


def check_is_warc(path: Path) -> None:
    """InputError unless the file (gunzipped if need be) starts with a WARC record header.

    Checked up front because warcio reads other files as broken records, with warnings on stderr.
    """
    try:
        with open(path, "rb") as fh:
            magic = fh.read(2)
        opener = gzip.open if magic == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            start = fh.read(5)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: not a readable WARC file ({exc})") from exc
    if start != b"WARC/":
        raise InputError(f"{path}: not a readable WARC file (no WARC record header at the start)")


def is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return media_type in HTML_TYPES
