"""Plain-text articles: UTF-8 (or a legacy encoding), the first line is the title when a blank line follows."""

from __future__ import annotations

import codecs
from typing import Iterator

from ..errors import InputError
from ..settings import Settings
from . import RawDocument, read_bytes


def decode(data: bytes, source: str, charset: str | None = None) -> str:
    """The text in data: UTF-16 or UTF-32 when a byte-order mark says so, else the declared charset first
    (a web server's), then UTF-8, then Windows-1252. InputError for empty data, binary data (a NUL byte or
    other control bytes anywhere outside a UTF-16/32 text) and undecodable bytes."""
    if not data.strip():
        raise InputError(f"{source}: empty file, no text")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise InputError(f"{source}: not valid {enc.upper()} text") from None
            return _checked_text(text, source)
    if b"\x00" in data or _binary_share(data[:65536]) > 0.1:
        raise InputError(f"{source}: binary file, not text")
    encodings = ["utf-8-sig", "cp1252"]
    if charset:
        try:
            encodings.insert(0, codecs.lookup(charset).name)
        except LookupError:
            pass  # an unknown charset name: fall back to the usual guesses
    for enc in encodings:
        try:
            return _checked_text(data.decode(enc), source)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: not valid UTF-8 text")


def _binary_share(head: bytes) -> float:
    """The share of control bytes other than tab, newline, carriage return and form feed."""
    if not head:
        return 0.0
    return sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13)) / len(head)


def _checked_text(text: str, source: str) -> str:
    if "\x00" in text:
        raise InputError(f"{source}: binary file, not text")
    return text


def read(source: str, settings: Settings) -> Iterator[RawDocument]:
    """The plain-text article in the file at source (UTF-8, UTF-16 with a BOM, or the legacy encodings tried)."""
    yield RawDocument(body=decode(read_bytes(source), source), source=source)
