"""Quote marks in a text: direct quotes (the speaker's words) and scare quotes (a phrase the writer holds at
arm's length), found from the marks alone so framing and checks work whether or not the quotes stage ran.

Double quotes are paired in order inside a paragraph whatever their glyph, because real copy often opens
a quote with a closing mark (”Well, …”). Single quotes are ambiguous with apostrophes ("Hamas’s"), so a
single-quoted phrase needs an opening mark after a space or bracket and a closing mark not followed by
a letter, and at most MAX_SINGLE_WORDS words between them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "“”\"„‟«»"
SCARE_MAX_WORDS = 4  # a double-quoted phrase this short, with nobody saying it, reads as a scare quote
MAX_SINGLE_WORDS = 8

SINGLE_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s(\[“\"—–-]))[‘'‛]([^‘’'\n]{1,120}?[\w.,!?)])[’'](?![\w])")


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


def double_quotes(text: str) -> list[QuoteRegion]:
    out = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = None
        for m in re.finditer(f"[{DOUBLE}]", para.group()):
            at = para.start() + m.start()
            opens_word = at + 1 < len(text) and (text[at + 1].isalnum() or text[at + 1] in "‘'")
            if open_at is None:
                open_at = at
            elif opens_word:
                # A mark glued to the next word opens a quote: the one before was never closed.
                out.append(QuoteRegion(open_at, at, open_at + 1, at, "double"))
                open_at = at
            else:
                out.append(QuoteRegion(open_at, at + 1, open_at + 1, at, "double"))
                open_at = None
        if open_at is not None:  # a quote that runs on to the paragraph's end
            out.append(QuoteRegion(open_at, para.end(), open_at + 1, para.end(), "double"))
    return [r for r in out if r.inner_end > r.inner_start]


def single_quotes(text: str) -> list[QuoteRegion]:
    out = []
    for m in SINGLE_QUOTED.finditer(text):
        if word_count(m.group(1)) <= MAX_SINGLE_WORDS:
            out.append(QuoteRegion(m.start(), m.end(), m.start(1), m.end(1), "single"))
    return out


def quote_regions(text: str) -> list[QuoteRegion]:
    """Every quoted stretch: double-quoted (any length) and single-quoted short phrases, by start offset."""
    singles = single_quotes(text)
    doubles = double_quotes(text)
    # A single-quoted phrase inside a double quote is a quote within a quote, still the speaker's words.
    singles = [s for s in singles if not any(d.start <= s.start < d.end for d in doubles)]
    return sorted(doubles + singles, key=lambda r: r.start)


def inside(regions: list[QuoteRegion], start: int, end: int) -> QuoteRegion | None:
    """The region whose quoted words hold [start, end), or None."""
    for r in regions:
        if r.inner_start <= start and end <= r.inner_end:
            return r
    return None
