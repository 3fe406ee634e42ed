"""Finding quoted passages in text as real copy has them: curly and straight marks, wrong-way marks
(”Well, …”), doubled straight marks (""We …"), unclosed quotes that end at the paragraph or at the next opening mark, quotes continued
across paragraphs (a paragraph that opens with a mark continues an unclosed quote), and single-quoted
scare quotes or titles. Works on plain text only; the quotes stage attributes what this finds.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
# A single-quoted phrase: opened after a space or bracket, closed before a non-letter (so "don’t" and
# "Hamas’s" are apostrophes, not marks). Straight single quotes only around short phrases.
SINGLE_QUOTED = re.compile(r"(?<![\w’'])[‘']([^‘’'\n]{1,80}?)[’'](?![\w])")


@dataclass
class QuotedSpan:
    start: int  # first character inside the marks
    end: int  # end of the quoted words (exclusive), trailing space trimmed
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote is left open
    double: bool = True

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end

    def text(self, source: str) -> str:
        """The quoted words, without the marks."""
        return source[self.start : self.end]


def _is_opening_context(text: str, i: int) -> bool:
    """A mark at i opens a quote when it follows a space, line start, bracket or dash and precedes a word."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return (before.isspace() or before in "([{—–-:…/") and not after.isspace()


def find_double_quotes(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                # A quote runs on into the next paragraph only when that paragraph opens with a mark.
                j = i
                while j < n and text[j] in "\n ":
                    j += 1
                if j < n and text[j] in DOUBLE_OPEN + '"':
                    spans.append(_span(text, open_at, i, None))
                    open_at = None  # the next paragraph's mark opens the continuation
                else:
                    spans.append(_span(text, open_at, i, None))
                    open_at = None
        elif ch in DOUBLE_OPEN:
            inner_close = _nested_close(text, i) if open_at is not None else None
            if inner_close is not None:  # a quotation inside the open one, in the same marks: part of it
                i = inner_close + 1
                continue
            if open_at is not None:  # an unclosed quote ends at the next opening mark
                spans.append(_span(text, open_at, i, None))
            open_at = i
        elif ch in DOUBLE_CLOSE:
            if open_at is not None:
                spans.append(_span(text, open_at, i, i))
                open_at = None
            elif _is_opening_context(text, i):  # wrong-way mark used to open
                open_at = i
        elif ch == "'" and i + 1 < n and text[i + 1] == "'":  # two apostrophes as a double mark ('' … '')
            if open_at is not None:
                spans.append(_span(text, open_at + 1, i, i + 1))
                open_at = None
            elif i + 2 < n and not text[i + 2].isspace():
                open_at = i
            i += 2
            continue
        elif ch == '"' and open_at is None and text[i + 1 : i + 2] == '"' and text[i + 2 : i + 3].isalnum():
            open_at = i + 1  # a doubled straight mark opening a quote ('""We have …"', left by CSV escaping)
            i += 2
            continue
        elif ch == '"':
            if open_at is not None and text[open_at] == '"' and _reopens_run_on(text, open_at, i):
                # left open: the next paragraph's mark reopens it, or a cue ('He added: "…') opens another
                stop = i
                if text[:i].rstrip(" ").endswith(":"):
                    cut = max(text.rfind(p, open_at, i) for p in (". ", "! ", "? "))
                    stop = cut + 1 if cut > open_at else i
                spans.append(_span(text, open_at, stop, None))
                open_at = i
            elif open_at is not None and not (_is_opening_context(text, i) and text[open_at] != '"'):
                spans.append(_span(text, open_at, i, i))
                open_at = None
            elif open_at is None and i + 1 < n and (not text[i + 1].isspace() or _padded_opening(text, i)):
                open_at = i
        i += 1
    if open_at is not None:
        spans.append(_span(text, open_at, n, None))
    return [s for s in spans if s.end > s.start]


def _nested_close(text: str, i: int) -> int | None:
    """The closing mark of a quotation opened at i inside an open one in the same curly marks ('“… even when
    “your team” needs to be held accountable …”'), or None. Nested when two closing marks follow in the
    paragraph before any other opening mark: the first is the inner quotation's, the second the outer's."""
    closes = []
    for j in range(i + 1, len(text)):
        c = text[j]
        if c == "\n" or c in DOUBLE_OPEN:
            break
        if c in DOUBLE_CLOSE:
            closes.append(j)
            if len(closes) == 2:
                return closes[0]
    return None


def _reopens_run_on(text: str, open_at: int, i: int) -> bool:
    """The straight mark at i opens while a quotation is still open since open_at: a quotation run over
    paragraphs whose breaks the copy lost ('… with seriously. "And the review …"'), or a closing mark the
    copy dropped before the next cue ('… a Muslim. He added: "The …'). A closing mark follows the quoted
    words directly; one after a sentence end or a colon and a space, before a capital, opens."""
    before = text[open_at + 1 : i]
    return (
        before.endswith(" ")
        and before.rstrip(" ")[-1:] in ".!?:"
        and "\n" not in before
        and (text[i + 1 : i + 2].isupper() or text[i + 1 : i + 2].isdigit())
    )


def _padded_opening(text: str, i: int) -> bool:
    """A straight mark set off by spaces on both sides at the start of a paragraph or sentence
    ('" Boats are being chased …'), as some wire copy and converted text have it."""
    before = text[:i].rstrip(" ")
    return text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].isalnum() and (not before or before[-1] in "\n.!?:")


def _span(text: str, open_mark: int, stop: int, close_mark: int | None) -> QuotedSpan:
    start = open_mark + 1
    if text[open_mark] == "'" and start < stop and text[start] == "'":
        start += 1
    end = stop
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return QuotedSpan(start=start, end=end, open_mark=open_mark, close_mark=close_mark)


def find_single_quotes(text: str, inside: list[QuotedSpan]) -> list[QuotedSpan]:
    """Single-quoted phrases outside double quotes (inside them they are quotes within quotes)."""
    out = []
    for m in SINGLE_QUOTED.finditer(text):
        if any(q.open_mark <= m.start() < q.outer_end for q in inside):
            continue
        phrase = m.group(1)
        if not phrase.strip() or phrase[0].isspace() or phrase[-1].isspace():
            continue
        if m.group(0)[0] == "'" and len(phrase.split()) > 6:
            continue
        out.append(
            QuotedSpan(
                start=m.start(1),
                end=m.end(1),
                open_mark=m.start(),
                close_mark=m.end() - 1,
                double=False,
            )
        )
    return out


def find_quotes(text: str) -> list[QuotedSpan]:
    """Every quoted passage of a text, by start. The quotes, framing and checks stages all ask, so the
    reading is cached per text."""
    return list(_quotes_of(text))


@functools.lru_cache(maxsize=16)
def _quotes_of(text: str) -> tuple[QuotedSpan, ...]:
    doubles = find_double_quotes(text)
    return tuple(sorted(doubles + find_single_quotes(text, doubles), key=lambda q: q.start))


SCARE_MAX_WORDS = 4  # a double-quoted phrase this short, with nobody saying it, reads as a scare quote
SINGLE_MAX_WORDS = 8  # a longer single-quoted stretch is usually apostrophes, not a quote


def word_count(s: str) -> int:
    return len(re.findall(r"\w+", s))


def quoted_phrases(text: str) -> list[QuotedSpan]:
    """What framing and checks read as quoted: double-quoted stretches of any length and single-quoted
    phrases of at most SINGLE_MAX_WORDS words, by start offset."""
    return [q for q in find_quotes(text) if q.double or word_count(text[q.start : q.end]) <= SINGLE_MAX_WORDS]


def continues_quotation(text: str, prev_end: int, start: int) -> bool:
    """The quoted words starting at `start` reopen, at the start of the next paragraph, a quotation whose
    words end at `prev_end` and that was left open at its paragraph's end (news style for a quotation
    running over several paragraphs)."""
    gap = text[prev_end:start]
    if "\n" not in gap and gap.strip() in tuple(DOUBLE_OPEN + '"') and text[prev_end - 1 : prev_end] in ".!?":
        return True  # reopened after a finished sentence with no closing mark between: the copy lost the break
    if "\n" not in gap or gap.count("\n") > 2:
        return False
    before_break, after_break = gap[: gap.index("\n")], gap[gap.rindex("\n") + 1 :]
    return not before_break.strip(" .,!?") and after_break.strip() in tuple(DOUBLE_OPEN + '"')


# Words a title of a work leaves in lower case ("Make Your Kid a Millionaire").
MINOR_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "and",
    "or",
    "for",
    "to",
    "with",
    "at",
    "by",
    "from",
    "is",
}


def is_title(text: str) -> bool:
    """A quoted title of a work or programme: a few words, each major word capitalised, no sentence end but
    the full stop American style puts inside the closing mark ('to perform “Bridge Over Troubled Water.”')."""
    text = text[:-1] if text.endswith(".") and not text.endswith("..") else text
    words = text.split()
    if not 1 < len(words) <= 7 or text[-1:] in ".!?," or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in MINOR_WORDS or w.isdigit() for w in words[1:])
