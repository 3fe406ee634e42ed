"""Reading attributions off the dependency parse: which cue verb introduces a quote, its subject (the
speaker mention), addressee and medium; and indirect speech ("X said that …", "according to X, …").

Functions here return token-level findings; the quotes stage turns them into contract items.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .speakers import words

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
ADDRESSEE_LEMMAS = {"tell", "assure", "warn", "inform", "brief", "notify", "remind", "urge", "ask", "advise", "reassure", "promise", "caution", "thank", "email", "text", "message", "write"}
CAUSATIVES = {"have", "get", "make", "let"}
# Verbs whose direct object is what was said ("reiterated his country's determination to …").
OBJECT_CONTENT = {"reiterate", "announce", "deny", "confirm", "reveal", "disclose", "acknowledge", "admit", "report",
                  "predict", "promise", "pledge", "demand", "propose", "repeat", "stress", "emphasize", "emphasise",
                  "underscore", "highlight", "recount", "recall", "describe", "express", "voice", "cite", "claim"}


@functools.lru_cache(maxsize=1)
def cue_verbs() -> dict[str, Optional[str]]:
    """lemma -> medium implied by the verb (or None), from data/cue_verbs.txt."""
    out: dict[str, Optional[str]] = {}
    text = resources.files("newstrace").joinpath("data/cue_verbs.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, _, medium = line.partition("\t")
            out[lemma.strip()] = medium.strip() or None
    return out


@dataclass
class Attribution:
    cue: Optional[Token]
    speaker: Optional[Span]           # the mention as written
    addressee: Optional[Span] = None
    medium: Optional[str] = None
    via_speaker: Optional[Span] = None  # an outer reporter ("…, The New York Sun reported")
    mention: Optional[Span] = None      # the speaker mention as written, apposition included


class QuoteMask:
    """Which characters of the text lie inside quote marks (so cues inside quotes are ignored)."""

    def __init__(self, n: int, spans):
        self.inside = bytearray(n)
        for s in spans:
            end = s.outer_end if s.close_mark is not None else s.end
            for i in range(s.open_mark, min(end, n)):
                self.inside[i] = 1

    def has(self, tok: Token) -> bool:
        return bool(self.inside[tok.idx]) if tok.idx < len(self.inside) else False


# Nouns that carry what someone said when a quote hangs from them ("a call for “…”", "his warning that “…”").
CUE_NOUNS = {"call", "demand", "appeal", "warning", "statement", "claim", "pledge", "promise", "threat",
             "accusation", "request", "plea", "vow", "message", "remark", "comment", "assertion", "insistence"}


def is_cue_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS


def is_cue(tok: Token) -> bool:
    if tok.lemma_.lower() == "accord" and any(c.lower_ == "to" for c in tok.children):
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cue_verbs() and tok.lemma_.lower() not in ("be", "have")


def subject_of(verb: Token, mask: QuoteMask, depth: int = 0) -> Optional[Token]:
    """The speaker token of a cue: its subject, or the subject it shares through conjunction, relative
    clause ('a resolution that called for …'), participle ('…, saying') or causative ('a bid to have X call')."""
    if depth > 4:
        return None
    if verb.pos_ == "NOUN":  # a cue noun: its possessor or name compound, else whoever does the verb it is object of
        if verb.head.lemma_.lower() in CAUSATIVES and verb.head is not verb:  # 'a bid to have the Council call for'
            return subject_of(verb.head, mask, depth + 1)
        owner = next((c for c in verb.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON", "NOUN")), None)
        if owner is not None:
            return owner
        if verb.dep_ in ("dobj", "pobj", "attr", "nsubj") and verb.head is not verb:
            head = verb.head.head if verb.dep_ == "pobj" else verb.head
            return subject_of(head, mask, depth + 1)
        return None
    if verb.lemma_.lower() == "accord":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return pobj
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not mask.has(c)), None)
    if verb.head.lemma_.lower() in CAUSATIVES and verb.dep_ in ("ccomp", "xcomp") and verb.head is not verb:
        return subject_of(verb.head, mask, depth + 1) or subj
    if subj is not None:
        if subj.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            return verb.head
        return subj
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if verb.head is verb:
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp"):
        return subject_of(verb.head, mask, depth + 1)
    return None


def phrase_of(tok: Token, mask: QuoteMask) -> Span:
    """The noun phrase headed by tok, without trailing relative clauses or appositions after a comma."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    for t in doc[tok.i + 1: right + 1]:
        if t.text in (",", "(", "—", "–") or t.i in clauses or mask.has(t):
            right = t.i - 1
            break
    while left < tok.i and (doc[left].dep_ in ("cc", "punct") or mask.has(doc[left])):
        left += 1
    if right - left > 14:  # keep the head's compound name, not a whole clause
        left = min([c.i for c in tok.lefts if c.dep_ in ("compound", "amod", "det", "poss")] + [tok.i])
        right = tok.i
    return doc[left: right + 1]


def addressee_of(cue: Token, mask: QuoteMask) -> Optional[Span]:
    lemma = cue.lemma_.lower()
    for c in cue.children:
        if mask.has(c):
            continue
        if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and lemma in ADDRESSEE_LEMMAS and c.pos_ in ("PROPN", "NOUN", "PRON")):
            return cue.doc[c.left_edge.i: c.right_edge.i + 1]
        if c.dep_ == "prep" and c.lower_ == "to" and lemma in ("say", "speak", "write", "explain", "announce", "declare"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return cue.doc[pobj.left_edge.i: pobj.right_edge.i + 1]
    return None


def medium_of(cue: Token, mask: QuoteMask) -> Optional[str]:
    nouns = set(words()["medium_nouns"])
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "during", "at", "through") and not mask.has(c):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            span = cue.doc[pobj.left_edge.i: pobj.right_edge.i + 1]
            if any(t.lower_ in nouns for t in span):
                text = span.text.strip().rstrip(".,;:").strip()
                return text[2:] if text.lower().startswith("a ") else text
    return cue_verbs().get(cue.lemma_.lower())


def attribute(doc: Doc, sents: list[Span], start: int, end: int, mask: QuoteMask) -> Optional[Attribution]:
    """The cue and speaker of the quote [start, end) among the sentences that hold it."""
    quote_tokens = [t for s in sents for t in s if start <= t.idx < end]
    cands = [t for s in sents for t in s if not mask.has(t) and is_cue(t)]
    if not cands:  # a cue noun the quote hangs from
        cands = [t for s in sents for t in s if not mask.has(t) and is_cue_noun(t) and any(t.is_ancestor(q) for q in quote_tokens)]
    inner = _inner_cue(quote_tokens, mask)
    if not cands and inner is None:
        return None

    def rank(t: Token):
        linked = any(q.is_ancestor(t) or t.is_ancestor(q) for q in quote_tokens[:1] + quote_tokens[-1:]) or \
            any(t.is_ancestor(q) for q in quote_tokens)
        dist = min(abs(t.idx - start), abs(t.idx - end))
        return (linked, subject_of(t, mask) is not None, -dist)

    cue = max(cands, key=rank) if cands else None
    if inner is not None:  # 'officials in Jerusalem “noted …,” The New York Sun reported'
        outer = subject_of(cue, mask) if cue is not None else None
        subj = subject_of(inner, mask)
        return Attribution(inner, phrase_of(subj, mask), addressee_of(inner, mask), medium_of(inner, mask),
                           phrase_of(outer, mask) if outer is not None else None, mention_of(subj, inner, mask))
    subj = subject_of(cue, mask)
    if subj is None:
        return Attribution(cue, None, addressee_of(cue, mask), medium_of(cue, mask))
    return Attribution(cue, phrase_of(subj, mask), addressee_of(cue, mask), medium_of(cue, mask),
                       mention=mention_of(subj, cue, mask))


def frame_attribution(doc: Doc, text: str, open_mark: int, outer_end: int) -> Optional[Attribution]:
    """Attributions the parser misses, read off the text around the marks: a dash after the quote
    ('”― Carla Sanchez'), 'Said Ellis: “…”', or a name and a colon before it ('Ellis: “…”')."""
    after = re.match(r"[ \t]*[―—–-]+[ \t]*([A-Z](?:[A-Z]\.|[^\n.,;:“”\"])*[^\n.,;:“”\" ])", text[outer_end:outer_end + 80])
    if after:
        s = outer_end + after.start(1)
        span = doc.char_span(s, outer_end + after.end(1), alignment_mode="contract")
        cue = doc.char_span(outer_end + after.start(1) - 2, outer_end + after.start(1), alignment_mode="expand")
        if span is not None and len(span):
            return Attribution(cue[0] if cue is not None and len(cue) else None, span, mention=span)
    line_start = text.rfind("\n", 0, open_mark) + 1
    before = text[line_start:open_mark]
    m = re.search(r"(?:^|[.!?]\s+)((?:[Ss]aid|[Ss]ays|[Aa]dded|[Aa]sked|[Ww]rote|[Tt]old)\s+)?([A-Z][^.:;“”\"\n]{1,60}?)\s*:\s*$", before)
    if m:
        span = doc.char_span(line_start + m.start(2), line_start + m.end(2), alignment_mode="contract")
        if span is not None and len(span) and (m.group(1) or any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)):
            cue = doc.char_span(line_start + m.start(1), line_start + m.end(1), alignment_mode="contract") if m.group(1) else None
            return Attribution(cue[0] if cue is not None and len(cue) else None, span, mention=span)
    return None


def _inner_cue(quote_tokens: list[Token], mask: QuoteMask) -> Optional[Token]:
    """A partial quote that opens with the speaker's own cue verb, its subject just outside the marks."""
    words_ = [t for t in quote_tokens if t.is_alpha]
    if not words_:
        return None
    first = words_[0]
    if first.pos_ == "VERB" and first.lemma_.lower() in cue_verbs():
        subj = next((c for c in first.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and not mask.has(subj) and subj.i < first.i:
            return first
    return None


@dataclass
class IndirectSpeech:
    cue: Token
    speaker: Span        # the core of the mention, for resolving
    content_start: int
    content_end: int
    mention: Optional[Span] = None  # the mention as written, with its apposition


# Verbs whose to-infinitive complement is the content ("declined to comment", "vowed to enter Rafah").
XCOMP_CONTENT = {"vow", "pledge", "promise", "threaten", "urge", "want", "plan", "agree", "decline", "refuse", "expect",
                 "offer", "propose", "hope", "intend", "seek", "aim", "vow", "demand", "ask", "call", "warn", "insist"}
# Verbs whose object (with its 'for …' reason) is the content ("blasted him for not paying taxes").
JUDGEMENT = {"criticize", "criticise", "attack", "blast", "praise", "accuse", "slam", "condemn", "denounce", "mock",
             "applaud", "commend", "fault", "blame", "thank", "congratulate", "defend", "dismiss", "reject", "support",
             "endorse", "oppose", "call", "describe", "label", "brand", "cite", "mention", "identify"}


def content_span(comp: Token, cue: Token) -> Optional[tuple[int, int]]:
    """Character span of a reported clause: its subtree, kept within the cue's part of the sentence
    (semicolons divide), without a trailing non-restrictive clause (', which …', ', the alliance …')."""
    doc = cue.doc
    sent = cue.sent
    seg_start, seg_end = sent.start, sent.end
    for t in sent:
        if t.text == ";":
            if t.i < cue.i:
                seg_start = t.i + 1
            elif t.i > cue.i:
                seg_end = t.i
                break
    left, right = max(comp.left_edge.i, seg_start), min(comp.right_edge.i, seg_end - 1)
    if left <= cue.i <= right:  # the content never swallows its own cue
        if comp.i > cue.i:
            left = cue.i + 1
        else:
            right = cue.i - 1
    for t in doc[max(left, comp.i) + 1: right + 1]:
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.text in (",", "—", "–", "(") and nxt is not None and (
                nxt.dep_ in ("relcl", "appos") or nxt.lower_ in ("which", "who", "whose") or
                (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "acl")) or
                any(a.dep_ in ("relcl", "appos") and a.left_edge.i == nxt.i and left <= a.i <= right for a in nxt.ancestors)):
            right = t.i - 1
            break
    while right > left and (doc[right].is_punct or doc[right].text in "”\"’'"):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].text in "“\"‘'"):
        left += 1
    if right - left < 1:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def mention_of(subj: Token, cue: Token, mask: QuoteMask) -> Span:
    """The speaker mention as written, apposition and relative clause included, never past the cue."""
    doc = subj.doc
    left, right = subj.left_edge.i, subj.right_edge.i
    if subj.i < cue.i:
        right = min(right, cue.i - 1)
    while right > left and (doc[right].is_punct or mask.has(doc[right])) and doc[right].text != ")":
        right -= 1
    while left < subj.i and (doc[left].dep_ in ("cc", "punct") or mask.has(doc[left])):
        left += 1
    if right - left > 30:
        return phrase_of(subj, mask)
    return doc[left: right + 1]


def indirect_speech(doc: Doc, mask: QuoteMask) -> list[IndirectSpeech]:
    """'X said (that) CONTENT', 'CONTENT, X said', 'according to X, CONTENT', 'X reiterated CONTENT',
    'X declined to CONTENT', 'X blasted CONTENT'."""
    found = []
    for tok in doc:
        if mask.has(tok) or not is_cue(tok):
            continue
        lemma = tok.lemma_.lower()
        if lemma == "accord":
            subj = subject_of(tok, mask)
            clause_head = tok.head if tok.dep_ == "prep" else None
            if subj is None or clause_head is None:
                continue
            prep_span = range(tok.left_edge.i, tok.right_edge.i + 1)
            # The clause 'according to' modifies, not the whole sentence ('which, according to X, included …').
            toks = [t for t in clause_head.subtree if t.i not in prep_span and not t.is_punct
                    and t.lower_ not in ("which", "who", "that") and t.sent == clause_head.sent]
            before = [t for t in toks if t.i < prep_span.start]
            after = [t for t in toks if t.i > prep_span.stop]
            toks = before if len(before) >= len(after) else after  # the clause on one side of 'according to X'
            if toks:
                found.append(IndirectSpeech(tok, phrase_of(subj, mask), toks[0].idx, toks[-1].idx + len(toks[-1]),
                                            doc[subj.left_edge.i: subj.right_edge.i + 1]))
            continue
        span = None
        if tok.pos_ == "NOUN":
            continue
        comp = next((c for c in tok.children if c.pos_ in ("VERB", "AUX", "ADJ") and (c.dep_ in ("ccomp", "parataxis") or (
            c.dep_ == "advcl" and any(g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)))), None)
        if comp is not None:
            span = content_span(comp, tok)
        # Attitudes and judgements ('intends to', 'attacked X') count only with their own subject: a
        # subject inherited through a chain of clauses is too often someone else ('pressed Israel not to attack').
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        if span is None and not own_subject:
            continue
        if span is None and lemma in XCOMP_CONTENT:
            comp = next((c for c in tok.children if c.dep_ == "xcomp" and not mask.has(c)), None)
            if comp is not None:
                span = content_span(comp, tok)
        if span is None and lemma in JUDGEMENT | OBJECT_CONTENT:
            span = _object_content(tok)
        if span is None and lemma in ("call", "ask", "push", "press", "appeal", "urge"):
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
            if prep is not None:
                span = content_span(prep, tok)
                # 'called on the administration to act': the request runs on into the infinitive
                xcomp = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.i > prep.i), None)
                if span is not None and xcomp is not None and prep.lower_ == "on":
                    end = content_span(xcomp, tok)
                    span = (span[0], end[1]) if end else span
        if span is None:
            found.extend(_postposed(tok, mask) or _parenthetical(tok, mask))
            continue
        subj = subject_of(tok, mask)
        if subj is None:
            continue
        found.append(IndirectSpeech(tok, phrase_of(subj, mask), span[0], span[1], mention_of(subj, tok, mask)))
    found.extend(_noun_claims(doc, mask))
    return found


def _noun_claims(doc: Doc, mask: QuoteMask) -> list[IndirectSpeech]:
    """'Trump's claim that …', 'his warning that …': a cue noun with a that-clause, its owner the speaker."""
    out = []
    for tok in doc:
        if mask.has(tok) or not is_cue_noun(tok):
            continue
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX")
                       and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if clause is None or owner is None:
            continue
        span = content_span(clause, tok)
        if span is not None:
            out.append(IndirectSpeech(tok, phrase_of(owner, mask), span[0], span[1], doc[owner.i: owner.i + 1]))
    return out


def _object_content(cue: Token) -> Optional[tuple[int, int]]:
    """The object of a judgement verb with its complement or reason: 'called X “outrageous”', 'blasted him for …'."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    lemma = cue.lemma_.lower()
    if lemma in OBJECT_CONTENT and obj.pos_ != "NOUN":
        return None
    if lemma not in OBJECT_CONTENT and obj.pos_ == "PRON" and not any(c.dep_ in ("oprd", "prep") for c in cue.children):
        return None
    right = obj.right_edge.i
    for c in cue.children:
        if c.i > obj.i and (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("for", "as", "over"))):
            right = max(right, c.right_edge.i)
    doc = cue.doc
    while right > obj.left_edge.i and (doc[right].is_punct or doc[right].text in "”\"’"):
        right -= 1
    left = obj.left_edge.i
    return doc[left].idx, doc[right].idx + len(doc[right])


def _parenthetical(cue: Token, mask: QuoteMask) -> list[IndirectSpeech]:
    """'The museum, Mr. Bush said, celebrated …': a reporting clause between commas inside the content."""
    doc, sent = cue.doc, cue.sent
    subj = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.i > cue.i or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        return []
    first, last = subj.left_edge.i, cue.i
    while last + 1 < sent.end and doc[last + 1].dep_ in ("advmod", "npadvmod") and doc[last + 1].head is cue:
        last += 1
    if first - 1 <= sent.start or doc[first - 1].text != "," or last + 1 >= sent.end - 1 or doc[last + 1].text != ",":
        return []
    before = [t for t in doc[sent.start: first - 1] if not t.is_punct]
    after = [t for t in doc[last + 2: sent.end] if not (t.is_punct and t.i == sent.end - 1)]
    if not before or not after or any(mask.has(t) for t in before + after):
        return []
    return [IndirectSpeech(cue, phrase_of(subj, mask), before[0].idx, after[-1].idx + len(after[-1]), mention_of(subj, cue, mask))]


def colon_statements(doc: Doc, text: str, mask: QuoteMask) -> list[IndirectSpeech]:
    """Headline and transcript convention 'Sanders: Clinton needs to …', 'WALLACE: Do you …': a name,
    a colon and what that person says, at the start of a line."""
    import re as _re
    out = []
    for m in _re.finditer(r"(?m)^[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)$", text):
        who = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if who is None or not len(who):
            continue
        named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in who) or who.text.isupper()
        if not named or mask.inside[m.start(2)] if m.start(2) < len(mask.inside) else False:
            continue
        content_end = m.end(2)
        while content_end > m.start(2) and text[content_end - 1] in " .\"”":
            content_end -= 1
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if colon is None or content_end - m.start(2) < 8:
            continue
        out.append(IndirectSpeech(colon[0], who, m.start(2), content_end, who))
    return out


def _postposed(cue: Token, mask: QuoteMask) -> list[IndirectSpeech]:
    """'CONTENT, Netanyahu assured.': a reporting clause after a comma at the end of the sentence
    (the parser often hangs it off the content as a relative clause)."""
    sent = cue.sent
    subj = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.i > cue.i:
        return []
    first = subj.left_edge.i
    comma = cue.doc[first - 1] if first > sent.start else None
    if comma is None or comma.text != ",":
        return []
    if any(not t.is_punct for t in cue.doc[cue.right_edge.i + 1: sent.end]):
        return []
    content = [t for t in cue.doc[sent.start: comma.i] if not (t.is_punct and t.text in "“”\"‘’")]
    if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in content) or any(mask.has(t) for t in content):
        return []
    return [IndirectSpeech(cue, phrase_of(subj, mask), content[0].idx, content[-1].idx + len(content[-1]), mention_of(subj, cue, mask))]
