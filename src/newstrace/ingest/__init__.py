"""Read news in the forms it arrives in and yield raw documents; clean.py turns each into an Article.

`read(spec)` accepts a path to a text, HTML, RSS/Atom or WARC file, a URL, a directory or a glob, and
detects the format itself. Each format lives in its own module with one entry point.
"""

from __future__ import annotations

import glob
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Iterator, Optional

from ..errors import InputError
from ..settings import Settings


@dataclass
class RawDocument:
    """What a reader of one format found, before cleaning."""

    body: str
    source: str
    title: Optional[str] = None  # None: plain text, where the first line may be the title
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    blockquotes: list[str] = field(default_factory=list)  # text of each page block quote, paragraphs by "\n\n"
    error: Optional[str] = None  # a record the reader found but could not read: why (readers go on past it)


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def sniff(path: PurePath, head: bytes) -> str:
    """The format of a file: 'warc', 'jsonl', 'feed', 'html' or 'text', from its name and first bytes."""
    name = path.name.lower()
    from .jsonl import looks_like_jsonl

    if looks_like_jsonl(name, head):
        return "jsonl"
    if (
        name.endswith((".warc", ".warc.gz"))
        or head.startswith(b"WARC/")
        or (head[:2] == b"\x1f\x8b" and ".warc" in name)
    ):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1000].lower()
    if name.endswith((".rss", ".atom")) or b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if (
        name.endswith((".html", ".htm", ".xhtml"))
        or start.startswith((b"<!doctype html", b"<html"))
        or b"<html" in start
    ):
        return "html"
    return "text"


def read(spec: str, settings: Settings | None = None) -> Iterator[RawDocument]:
    """Yield every document behind spec (one for an article, many for a feed, WARC, directory or glob)."""
    settings = settings or Settings()
    if is_url(spec):
        from . import url

        yield from url.read(spec, settings)
        return
    paths = expand(spec)
    for path in paths:
        yield from read_file(path, settings)


def expand(spec: str) -> list[Path]:
    """The files behind spec: a file, every file under a directory, or the files a glob matches (a file
    whose name holds glob characters, 'report[1].txt', is taken as it is)."""
    if not spec.strip():
        raise InputError("empty input: give a file, a directory, a glob or an http(s) URL")
    p = Path(spec)
    if p.is_file():
        return [p]
    if p.is_dir():
        files = sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith("."))
        if not files:
            raise InputError(f"{spec}: directory has no files")
        return files
    if any(ch in spec for ch in "*?["):
        files = sorted(Path(x) for x in glob.glob(spec, recursive=True) if os.path.isfile(x))
        if not files:
            raise InputError(f"{spec}: no file matches")
        return files
    if not p.exists():
        raise InputError(f"{spec}: no such file")
    if not p.is_file():
        raise InputError(f"{spec}: not a regular file")
    return [p]


MAX_FILE_BYTES = 50_000_000  # a file larger than this is refused before it is read (Settings.max_input_bytes)


def read_bytes(source: str) -> bytes:
    """The whole file at source; InputError when it cannot be read or is larger than MAX_FILE_BYTES."""
    try:
        size = os.stat(source).st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{source}: {size:,} bytes, more than the {MAX_FILE_BYTES:,} newstrace reads from one file"
            )
        return Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from exc


def read_file(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """Every document in the file at path, by the format its name and first bytes show."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    reader = READERS[sniff(path, head)]
    yield from importlib.import_module(f"{__name__}.{reader}").read(str(path), settings)


# Format -> the module reading it; every reader has one signature: read(source, settings) -> Iterator[RawDocument].
READERS = {"warc": "warc", "jsonl": "jsonl", "feed": "feed", "html": "html", "text": "text"}
