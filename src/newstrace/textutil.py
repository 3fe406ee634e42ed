"""Small text helpers shared by several stages."""

from __future__ import annotations

import re


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line-delimited paragraph, end exclusive and without the newline."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
