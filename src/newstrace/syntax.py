"""Dependency-parse helpers every stage shares (spaCy's English labels: nsubj, nsubjpass, agent, pobj, …)."""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Span, Token


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once: spaCy's Doc.text joins every token on each access, which made the
    stages that read it in a loop quadratic in the length of the article."""
    text = doc.user_data.get("newstrace_text")
    if text is None:
        text = doc.user_data["newstrace_text"] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, listed once (doc.sents walks the whole Doc on each use)."""
    sents = doc.user_data.get("newstrace_sents")
    if sents is None:
        sents = doc.user_data["newstrace_sents"] = list(doc.sents)
        doc.user_data["newstrace_sent_ends"] = [s.end_char for s in sents]
    return sents


def sentences_overlapping(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences that overlap the characters [start, end), in order, found by bisection."""
    sents = sentences(doc)
    i = bisect.bisect_right(doc.user_data["newstrace_sent_ends"], start)
    out = []
    while i < len(sents) and sents[i].start_char < end:
        out.append(sents[i])
        i += 1
    return out


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """The Doc's named-entity spans, built once (doc.ents builds them all on each use)."""
    ents = doc.user_data.get("newstrace_ents")
    if ents is None:
        ents = doc.user_data["newstrace_ents"] = tuple(doc.ents)
    return ents


def entity_at(tok: Token) -> Optional[Span]:
    """The named-entity span holding tok, or None (an index built once per Doc)."""
    doc = tok.doc
    index = doc.user_data.get("newstrace_ent_index")
    if index is None:
        index = doc.user_data["newstrace_ent_index"] = {i: e for e in entities_of(doc) for i in range(e.start, e.end)}
    return index.get(tok.i)


def subtree(tok: Token) -> Span:
    """The contiguous span of tok and everything below it ('the prime minister of Israel')."""
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def is_passive(verb: Token) -> bool:
    """A passive verb: 'was vetoed', and a headline's 'Clinton cleared by FBI', which the parser reads as a
    past tense with a by-phrase agent."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"nsubjpass", "auxpass"}) or {"agent", "nsubj"} <= deps


def agent_of(verb: Token) -> Optional[Token]:
    """The noun of a passive's by-phrase ('was vetoed by Russia' -> Russia), or None. The parser may hang
    the by-phrase on the passive's second object ('was branded a waste by MPs', 'was given a medal by the
    king', 'was described as a waste by MPs'): it is still the agent."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr") and c.i > verb.i]
    objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    for obj in objs:  # 'was described as a waste by MPs' too
        for p in obj.children:
            if p.dep_ in ("prep", "agent") and p.lower_ == "by":
                return next((g for g in p.children if g.dep_ == "pobj"), None)
    return None


def governor(tok: Token) -> Optional[Token]:
    """The nearest verb (or the root) above tok, or None when tok is the root."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
    return None


# Verbs whose 'as' clause cites a source for the clause it hangs on ('as Reuters reported', 'as she noted');
# most other cues in an 'as' clause tell when ('as he spoke', 'as she called for …').
REPORTING_AS = frozenset(
    "report say write note observe point announce state reveal disclose explain tell confirm put acknowledge"
    " predict suggest argue claim cite quote".split()
)
# What an 'as X reported' clause may hold besides its source: time, manner, a particle ('pointed out').
AS_CLAUSE_DEPS = frozenset({"mark", "nsubj", "agent", "advmod", "aux", "auxpass", "npadvmod", "prt", "punct"})


def is_reporting_as_clause(tok: Token) -> bool:
    """'As first reported by the Courier, CONTENT', 'CONTENT, as the minister noted on Monday': an 'as'
    clause of a reporting verb with its own source and no content of its own, set off by a comma from
    the clause it cites. Not 'as he spoke', 'as wealthy as he claims', 'as officials praised the calm'."""
    if tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in REPORTING_AS:
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == tok.left_edge.i for c in kids):
        return False
    if not any(c.dep_ in ("nsubj", "agent") for c in kids):
        return False  # 'went on as planned'
    for c in kids:
        if c.dep_ in AS_CLAUSE_DEPS or (c.dep_ == "dobj" and tok.lemma_.lower() == "tell"):
            continue
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "during"):
            continue  # 'as she said in March', 'as he wrote on Twitter'
        return False
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    return (right + 1 < len(doc) and doc[right + 1].text == ",") or (left > 0 and doc[left - 1].text == ",")


DATELINE_DASHES = ("—", "--", "–", "-")


def dateline_dash(tok: Token) -> Optional[int]:
    """Index of the dash that ends the dateline opening tok's sentence ('HARTFORD, Conn. — …', 'KYIV,
    Ukraine -- …', 'WASHINGTON (Reuters) - …'), or None: an upper-case place first, then only names,
    commas, abbreviations and a parenthesised agency before a dash within the first ten tokens."""
    sent = tok.sent
    first = sent[0]
    if not (first.text.isupper() and len(first.text) > 1 and first.pos_ in ("PROPN", "NOUN")):
        return None
    for t in sent[1:10]:
        if t.text in DATELINE_DASHES:
            return t.i
        if not (t.pos_ == "PROPN" or t.is_punct or t.text[:1].isupper()):
            return None
    return None


def in_dateline(tok: Token) -> bool:
    """Is tok part of the dateline its sentence opens with (the place a story was filed from)?"""
    dash = dateline_dash(tok)
    return dash is not None and tok.i <= dash


def hyphen_piece(tok: Token) -> bool:
    """A piece of a hyphenated word the tokenizer split ('co', '-' of 'co-host')."""
    doc = tok.doc
    return tok.text == "-" or (not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")


def undated(subj: Token) -> Token:
    """The subject without the dateline the parser may make its head ('HARTFORD, Conn. — Connecticut
    Attorney General Ann Holt is defending …' has 'HARTFORD' as subject, the person in apposition)."""
    if not in_dateline(subj):
        return subj
    after = [c for c in subj.children if c.dep_ in ("appos", "conj") and not in_dateline(c)]
    return after[0] if after else subj
