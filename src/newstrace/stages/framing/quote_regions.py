"""Quoted stretches as framing and checks need them: direct quotes (the speaker's words) and scare quotes
(a phrase the writer holds at arm's length), read by the one quote-mark reader (quotemarks.py) so
framing, checks and the quotes stage always agree on what is quoted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...quotemarks import find_quotes

SCARE_MAX_WORDS = 4  # a double-quoted phrase this short, with nobody saying it, reads as a scare quote
MAX_SINGLE_WORDS = 8


@dataclass
class QuoteRegion:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the paragraph end when the quote runs on)
    inner_start: int
    inner_end: int
    mark: str  # 'double' or 'single'

    def text(self, source: str) -> str:
        return source[self.inner_start:self.inner_end]


def word_count(s: str) -> int:
    return len(re.findall(r"\w+", s))


def quote_regions(text: str) -> list[QuoteRegion]:
    """Every quoted stretch: double-quoted (any length) and single-quoted short phrases, by start offset."""
    out = []
    for q in find_quotes(text):
        if not q.double and word_count(text[q.start:q.end]) > MAX_SINGLE_WORDS:
            continue
        out.append(QuoteRegion(q.open_mark, q.outer_end, q.start, q.end, "double" if q.double else "single"))
    return out


def inside(regions: list[QuoteRegion], start: int, end: int) -> QuoteRegion | None:
    """The region whose quoted words hold [start, end), or None."""
    for r in regions:
        if r.inner_start <= start and end <= r.inner_end:
            return r
    return None
