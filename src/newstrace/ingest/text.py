"""Plain-text articles: UTF-8 (or a legacy encoding), the first line is the title when a blank line follows."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import RawDocument


def decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:4096]:
        raise InputError(f"{source}: binary file, not text")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: not valid UTF-8 text")


def read(path: Path) -> RawDocument:
    return RawDocument(body=decode(path.read_bytes(), str(path)), source=str(path))
