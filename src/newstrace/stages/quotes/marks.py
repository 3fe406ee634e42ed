"""Quote texts and kinds as the marks show them: a quotation that opens a sentence is direct, one inside
a sentence partial; texts lose trailing punctuation; a reported clause that stops inside a quotation
runs on to its closing mark."""

from __future__ import annotations

from ...quotemarks import QuotedSpan


def kind_of(text: str, q: QuotedSpan, cue_before: bool) -> str:
    if not q.double:
        return "scare"
    mark = q.open_mark
    if text[mark] == "'" and text[mark - 1 : mark] == "'":
        mark -= 1  # a doubled straight mark ('' … ''): the quote opens at the first of the two
    before = text[:mark].rstrip()
    prev = before[-1:] if before else ""
    first = text[q.start : q.start + 1]
    line_start = text.rfind("\n", 0, mark) + 1
    opens_sentence = prev in ("", ".", "!", "?", ":", "…", ")") or not text[line_start:mark].strip()
    after_dash = prev in ("—", "–") and not cue_before  # 'amended his testimony — “I now do recall,” he said'
    if (opens_sentence or after_dash or (prev == "," and cue_before)) and (
        first.isupper() or first.isdigit() or first in "“‘'\""
    ):
        return "direct"
    return "partial"


def clean_text(s: str) -> str:
    return s.strip().rstrip(",;—–- ").strip()


def close_marks(text: str, a: int, b: int) -> int:
    """Extend a content span that stops just inside a quotation to its closing mark."""
    inner = text[a:b]
    for opening, closing in (("“", "”"), ('"', '"'), ("''", "''")):
        opened = inner.count(opening) - (0 if opening == closing else inner.count(closing))
        if (opening == closing and inner.count(opening) % 2) or (opening != closing and opened > 0):
            close = text.find(closing, b, b + 4)
            if close >= 0:
                return close + len(closing)
    last = inner.rfind("‘")  # a British single-quoted phrase the clause stops inside ('called the scheme ‘reckless')
    if last >= 0 and "’" not in inner[last:]:
        close = text.find("’", b, b + 4)
        if close >= 0:
            return close + 1
    return b
