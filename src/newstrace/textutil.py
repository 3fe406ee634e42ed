"""Small text helpers shared by several stages."""

from __future__ import annotations

import re


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line-delimited paragraph, end exclusive and without the newline."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


# Cardinal number words and their values; dates and claims each add the words they read beyond these.
CARDINALS = {
    **{w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)},
    **{w: n for n, w in enumerate("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 13)},
    **{w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
    "dozen": 12,
}
