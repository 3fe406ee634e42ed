"""Dependency-parse helpers every stage shares (spaCy's English labels: nsubj, nsubjpass, agent, pobj, …)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token


def subtree(tok: Token) -> Span:
    """The contiguous span of tok and everything below it ('the prime minister of Israel')."""
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def agent_of(verb: Token) -> Optional[Token]:
    """The noun of a passive's by-phrase ('was vetoed by Russia' -> Russia), or None."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def governor(tok: Token) -> Optional[Token]:
    """The nearest verb (or the root) above tok, or None when tok is the root."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
    return None
