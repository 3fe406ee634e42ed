"""Statements: quotes of one speaker that say the same thing (exact repeats, spelling variants such as
"U.S."/"USA", headline and body, the article's own voice and a relayed passage) become one statement.

The paragraphs of one quotation that runs on over a paragraph break are one statement too.
Two quotes say the same thing when most of the words of the shorter one are in the longer one, after
folding case, punctuation and known variant spellings.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Quote, Statement
from ..quotemarks import continues_quotation

SAME_STATEMENT = 0.8  # share of the shorter quote's words found in the longer one
MIN_WORDS = 4  # shorter fragments are too generic to merge
VARIANTS = {
    "usa": "us",
    "u.s.": "us",
    "u.s": "us",
    "america": "us",
    "ceasefire": "cease-fire",
    "uk": "britain",
    "u.k.": "britain",
    "un": "un",
    "u.n.": "un",
    "longterm": "long-term",
}


def statement_words(text: str) -> list[str]:
    s = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    toks = re.findall(r"[a-z0-9](?:[a-z0-9.'-]*[a-z0-9])?", s)
    return [VARIANTS.get(t, t) for t in toks]


def same_statement(a: list[str], b: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_WORDS:
        return False
    pool: dict[str, int] = {}
    for w in long_:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in short:
        if pool.get(w, 0):
            pool[w] -= 1
            hit += 1
    return hit / len(short) >= SAME_STATEMENT


def speaker_key(q: Quote) -> str | None:
    if q.speaker is None:
        return None
    return q.speaker.entity or q.speaker.name.lower()


def _quotation_parts(text: str, quotes: list[Quote]) -> set[tuple[str, str]]:
    """(earlier, later) ids of the paragraphs of one quotation that runs on over a paragraph break: one
    statement, however different their words."""
    spoken = sorted((q for q in quotes if q.kind == "direct" and q.field == "text"), key=lambda q: q.start)
    return {(a.id, b.id) for a, b in zip(spoken, spoken[1:]) if continues_quotation(text, a.end, b.start)}


def run(ctx) -> None:
    quotes = [q for q in ctx.analysis.quotes if q.kind in ("direct", "partial", "indirect") and q.speaker]
    groups: list[list[Quote]] = []
    tokens = {q.id: statement_words(q.text) for q in quotes}
    text = ctx.article.text
    parts = _quotation_parts(text, quotes)
    for q in quotes:
        for g in groups:
            if speaker_key(g[0]) == speaker_key(q) and any(
                same_statement(tokens[q.id], tokens[m.id]) or (m.id, q.id) in parts for m in g
            ):
                g.append(q)
                break
        else:
            groups.append([q])
    statements = []
    for n, g in enumerate(groups, 1):
        sid = f"s{n}"
        # The canonical wording: the longest direct quote, else the longest quote.
        best = max(g, key=lambda q: (q.kind == "direct", q.field == "text", len(q.text)))
        for q in g:
            q.statement = sid
        statements.append(Statement(id=sid, speaker=g[0].speaker, quotes=[q.id for q in g], text=best.text))
    ctx.analysis.statements = statements
