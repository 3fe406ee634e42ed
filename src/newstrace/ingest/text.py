"""Plain-text articles: UTF-8 (or a legacy encoding), the first line is the title when a blank line follows."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError
from . import RawDocument


def decode(data: bytes, source: str, charset: str | None = None) -> str:
    """The text in data: the declared charset first (a web server's), then UTF-8, then Windows-1252."""
    if not data.strip():
        raise InputError(f"{source}: empty file, no text")
    if b"\x00" in data[:4096]:
        raise InputError(f"{source}: binary file, not text")
    encodings = ["utf-8-sig", "cp1252"]
    if charset:
        try:
            encodings.insert(0, codecs.lookup(charset).name)
        except LookupError:
            pass  # an unknown charset name: fall back to the usual guesses
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: not valid UTF-8 text")


def read(path: Path) -> RawDocument:
    return RawDocument(body=decode(path.read_bytes(), str(path)), source=str(path))
