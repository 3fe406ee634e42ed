"""Reading attributions off the dependency parse: which cue verb introduces a quote, its subject (the
speaker mention), addressee and medium. Indirect speech is in reported_speech.py.

Functions here return token-level findings; the quotes stage turns them into contract items.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional, cast

from spacy.tokens import Doc, Span, Token

from ... import vocab
from ...syntax import agent_of, hyphen_piece, in_dateline, subtree, text_of, undated
from ...textutil import uninflected
from .words import speaker_words

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CAUSATIVES = {"have", "get", "make", "let"}
cue_table = vocab.cue_verbs


@functools.lru_cache(maxsize=8)
def verbs_taking(kind: str) -> frozenset[str]:
    """Cue lemmas whose content can be of this kind: infinitive, object, judgement, addressee."""
    return frozenset(lemma for lemma, (_, kinds) in cue_table().items() if kind in kinds)


@dataclass
class Attribution:
    cue: Optional[Token]
    speaker: Optional[Span]  # the mention as written
    addressee: Optional[Span] = None
    medium: Optional[str] = None
    via_speaker: Optional[Span] = None  # an outer reporter ("…, The New York Sun reported")
    mention: Optional[Span] = None  # the speaker mention as written, apposition included
    # the report the quote stands in, when its cue comes first ('Jamieson said Trump is “telling …”'): its
    # speaker's own words unless that speaker is an outlet relaying them (decided where outlets are known)
    report: Optional[Attribution] = None


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
CUE_NOUNS = {
    "call",
    "demand",
    "appeal",
    "warning",
    "statement",
    "claim",
    "pledge",
    "promise",
    "threat",
    "accusation",
    "request",
    "plea",
    "vow",
    "message",
    "remark",
    "comment",
    "assertion",
    "insistence",
}


def is_cue_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS


# Nouns whose 'that' clause reports what somebody claimed ('charges from Republicans that …'), unlike a
# message or a demand, which the subject of the sentence may be sending ('sends a message that “…”').
CONTENT_NOUNS = {
    "claim",
    "charge",
    "allegation",
    "accusation",
    "assertion",
    "contention",
    "complaint",
    "report",
    "rumor",
    "rumour",
    "suggestion",
}


def content_noun(tok: Token, cue: Token) -> Optional[Token]:
    """A noun of saying between a quoted word and the cue verb above it, whose 'that' clause holds the word
    ('Holt dismissed claims that he was a “traitor”', 'in response to charges from critics that there was a
    “cover-up”'): the word is that noun's source's, not the cue's subject's. None when the walk up the parse
    meets the cue first or ends without one."""
    node = tok
    while node.head.i != node.i:
        child, node = node, node.head
        if node.i == cue.i:
            return None
        if (
            node.pos_ == "NOUN"
            and node.lemma_.lower() in CONTENT_NOUNS
            and child.i > node.i
            and child.dep_ in ("acl", "ccomp", "relcl")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            # a clause with a subject of its own: 'claims that “are not proven”' is a relative clause
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
        ):
            return node
    return None


def content_noun_source(noun: Token) -> Optional[Token]:
    """Who made the claim a content noun names: its possessor or name compound ('his claim', 'the Kremlin
    claim'), or the object of its 'from'/'by' ('charges from critics'); None when it names nobody."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def cue_lemma(tok: Token) -> str:
    """The lemma a cue is listed under: a phrasal cue with its particle and preposition ('went on about'
    is 'go on about'), else the verb's own lemma."""
    lemma = tok.lemma_.lower()
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt is not None:
        prep = next((c.lower_ for c in tok.children if c.dep_ == "prep" and c.i > tok.i), None)
        for phrasal in (f"{lemma} {prt} {prep}", f"{lemma} {prt}"):
            if phrasal in cue_table():
                return phrasal
    if lemma not in cue_table() and tok.pos_ == "VERB":
        # the lemmatiser's slips ('texted' -> 'texte'): the written past form, its ending undone, if listed
        # (present and -ing forms undone match nouns and other verbs' cues: PolNeAR content F1 fell)
        return next((s for s in uninflected(tok.lower_, (("ed", ""), ("ied", "y"))) if s in cue_table()), lemma)
    return lemma


def is_cue(tok: Token) -> bool:
    if tok.lemma_.lower() == "accord" and any(c.lower_ == "to" for c in tok.children):
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lower_ == "told" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "all":
        return False  # 'All told, up to 5 million people …': in all, nobody told anyone
    lemma = cue_lemma(tok)
    return lemma in cue_table() and lemma not in ("be", "have")


def reports_quotation_before(cue: Token) -> bool:
    """The cue and its subject come right after a quotation set off from the clause before it by a dash
    ('Holt amended his testimony — “I now do recall,” he said'): what the cue reports is that quotation,
    not the clause before the dash, though the parser hangs that clause on the cue."""
    subj = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i), None)
    if subj is None or subj.left_edge.i < 2:
        return False
    doc = cue.doc
    closing = next((t for t in doc[subj.left_edge.i - 2 : subj.left_edge.i] if t.text in ("”", '"')), None)
    if closing is None or not doc[subj.left_edge.i - 1].is_punct:
        return False
    text = doc.text
    opening = text.rfind("“" if closing.text == "”" else '"', 0, closing.idx)
    if opening < 0 or "\n" in text[opening : closing.idx]:
        return False
    before = text[:opening].rstrip()
    return before.endswith(("—", "–", " --")) and text[opening + 1 : opening + 2].isupper()


def lead_in_of(cue: Token) -> Optional[Token]:
    """The lead-in verb before a reporting verb ('took a moment to point out', 'was quick to note', 'went on
    to say'), whose subject is the speaker."""
    head = cue.head
    if cue.dep_ == "acl" and head.dep_ == "dobj":  # 'took a moment to …': the parser hangs it off the object
        head = head.head
    elif cue.dep_ != "xcomp":
        return None
    if head is cue or head.lemma_.lower() not in speaker_words()["lead_in_verbs"]:
        return None
    return head if any(c.dep_ in SUBJECT_DEPS for c in head.children) else None


def parenthetical_cue(verb: Token) -> Optional[Token]:
    """'That world view, Santorum continued, suggests that …': a reporting clause between commas hung off
    the verb, which is then part of what it reports rather than a cue of its own."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "parataxis"
            and is_cue(c)
            and any(
                g.dep_ in SUBJECT_DEPS and g.i < c.i and g.left_edge.i > 0 and c.doc[g.left_edge.i - 1].text == ","
                for g in c.children
            )
        ),
        None,
    )


def speaker_token(verb: Token, mask: QuoteMask, depth: int = 0) -> Optional[Token]:
    """The speaker token of a cue: its subject, or the subject it shares through conjunction, relative
    clause ('a resolution that called for …'), participle ('…, saying') or causative ('a bid to have X call')."""
    if depth > 4:
        return None
    if verb.pos_ == "NOUN":  # a cue noun: its possessor or name compound, else whoever does the verb it is object of
        if verb.head.lemma_.lower() in CAUSATIVES and verb.head is not verb:  # 'a bid to have the Council call for'
            return speaker_token(verb.head, mask, depth + 1)
        owner = next(
            (c for c in verb.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON", "NOUN")),
            None,
        )
        if owner is not None:
            return owner
        if verb.dep_ in ("dobj", "pobj", "attr", "nsubj") and verb.head is not verb:
            head = verb.head.head if verb.dep_ == "pobj" else verb.head
            return speaker_token(head, mask, depth + 1)
        return None
    quoted = quoted_as_saying(verb)
    if quoted is not None and not mask.has(quoted):
        return quoted  # '“…,” Reuters quoted Holt as saying': Holt says it, through Reuters
    if verb.lemma_.lower() == "accord":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return pobj
    subjects = [
        undated(c)
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS
        and not mask.has(c)
        and c.tag_ != "VBG"  # 'belying claims that …': no one
        # 'all she could do was shout …', 'what he did was say …': no one ('All agreed' is a group)
        and c.lower_ not in ("everything", "nothing", "something", "anything", "what")
        and not (c.lower_ == "all" and any(k.dep_ == "relcl" for k in c.children))
        and c.ent_type_ not in ("DATE", "TIME")  # 'NBC's Today show the …': a date or a show's name speaks not
    ]
    # Several subjects come from a misparse: pieces of a hyphenated title ('co-host Dan Ebbe asked'), a
    # dateline, or an absolute phrase ('Absent Sanders' plan, which …, Clinton pointed to'); of the rest, the
    # one next to the verb is the real one, as the events stage reads it.
    real = [c for c in subjects if not hyphen_piece(c) and not in_dateline(c)]
    subj = min(real, key=lambda c: abs(c.i - verb.i)) if real else (subjects[0] if subjects else None)
    if verb.head.lemma_.lower() in CAUSATIVES and verb.dep_ in ("ccomp", "xcomp") and verb.head is not verb:
        return speaker_token(verb.head, mask, depth + 1) or subj
    by = agent_of(verb)
    lemma = cue_lemma(verb)
    if (
        subj is not None
        and subj.dep_ == "nsubjpass"
        and lemma not in QUOTING_VERBS
        and (by is not None or lemma in verbs_taking("addressee") or lemma in verbs_taking("judgement"))
    ):
        # 'Residents were told by the council that …', 'was described by friends as “…”': who tells or judges
        # is the agent, and whoever is told, urged or described never speaks ('Peskov was quoted by Tass as
        # saying' keeps its subject: the quoted one speaks, the agent relays)
        return by if by is not None and not mask.has(by) else None
    if subj is not None:
        if subj.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            return described_subject(verb.head) or verb.head
        if subj.lower_ in ("which", "who") and subj.i >= 1:
            # 'the Chicago Police Department which reported …' parsed without its relative clause
            named = subj.nbor(-2) if subj.nbor(-1).text == "," and subj.i >= 2 else subj.nbor(-1)
            if named.pos_ in ("NOUN", "PROPN"):
                return named
        if subj.lower_ in ("those", "these") and any(k.dep_ in ("amod", "prep") for k in subj.children):
            return subj  # 'Those close to him say …', 'those in power': people the phrase describes
        if subj.lower_ in ("that", "this", "these", "those", "which", "who", "whom"):
            return None  # 'That said, …', 'That shows how …', '… over who supported which bill': no one
        return subj
    if by is not None:
        return by
    inverted = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.left_edge.i <= verb.i + 2), None
    )
    if (
        inverted is not None
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.i > 1
        and verb.doc[verb.i - 1].text in ('"', "”", "’", "'")
        and verb.doc[verb.i - 2].text in (",", "!", "?")  # '“…,” screamed': a quotation closed for its cue
        and not mask.has(inverted)
    ):
        return inverted  # '“…,” screamed two women': the speaker after an inverted cue, parsed as its object
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ in ("VERB", "AUX"):
        return speaker_token(verb.head.head, mask, depth + 1)  # 'Erdoğan responded by saying that …'
    if verb.head is verb:
        return None
    lead = lead_in_of(verb)
    if lead is not None:
        return speaker_token(lead, mask, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        if verb.dep_ == "acl" and verb.head.dep_ in ("oprd", "attr") and verb.head.head is not verb.head:
            # 'Bassem called the indictment a “political trial”, saying …': the participle hangs on what
            # something was called; who called it says it
            return speaker_token(verb.head.head, mask, depth + 1)
        if mask.has(verb.head):
            return None  # 'putting out “petitions” calling for …': the quoted words are what calls, not who speaks
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head is not verb.head:
        # 'Peskov was quoted by Tass as saying …', 'Reuters quoted Holt as saying …': who was quoted says it
        quoted = verb.head.head
        return next((c for c in quoted.children if c.dep_ in ("nsubjpass", "dobj") and not mask.has(c)), None)
    if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp"):
        return speaker_token(verb.head, mask, depth + 1)
    return None


def described_subject(noun: Token) -> Optional[Token]:
    """The subject a predicate noun describes ('Trump is a serial liar and birther who has pledged …': the
    relative clause tells what Trump did), else None."""
    node = noun
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "attr" or node.head.lemma_ != "be":
        return None
    verb = node.head
    for _ in range(3):  # 'Trump regularly incites violence and is a serial liar …': the shared subject
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj":
            return subj
        verb = verb.head
    return None


def hyphen_left(tok: Token) -> int:
    """The left edge of tok's phrase, taking in the pieces of a hyphenated word before it that the parser
    hung elsewhere ('His ex-wife': 'His' and 'ex' beside 'wife', not under it)."""
    doc, left = tok.doc, tok.left_edge.i
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_:
        left = doc[left - 2].left_edge.i
    return left


def phrase_of(tok: Token, mask: QuoteMask) -> Span:
    """The noun phrase headed by tok, without trailing relative clauses or appositions after a comma."""
    doc = tok.doc
    left, right = hyphen_left(tok), tok.right_edge.i
    clauses = {
        t.i
        for c in tok.children
        if c.dep_ in ("relcl", "acl", "appos") or (c.dep_ == "prep" and c.lower_ == "as")  # 'friends as a …'
        for t in c.subtree
    }
    # 'one of the officials quoted by the Associated Press': a clause on a noun deeper in the phrase ends it too
    clauses |= {
        t.i for d in tok.subtree if d.i > tok.i for c in d.children if c.dep_ in ("relcl", "acl") for t in c.subtree
    }
    for t in doc[tok.i + 1 : right + 1]:
        if t.text in (",", "(", "—", "–") or t.i in clauses or mask.has(t):
            right = t.i - 1
            break
    while left < tok.i and (doc[left].dep_ in ("cc", "punct") or mask.has(doc[left])):
        left += 1
    if right - left > 14:  # keep the head's compound name, not a whole clause
        left = min([c.i for c in tok.lefts if c.dep_ in ("compound", "amod", "det", "poss")] + [tok.i])
        right = tok.i
    return doc[left : right + 1]


# Nouns of a channel of speech whose 'to'/'with' phrase names who was addressed ('said in an interview with
# Reuters', 'said in an email to The Associated Press').
CHANNEL_NOUNS = {
    "interview", "email", "e-mail", "letter", "call", "conversation", "message", "statement", "note",
    "suit", "lawsuit", "complaint", "filing", "indictment", "affidavit", "motion", "petition",
}  # fmt: skip


def addressee_of(cue: Token, mask: QuoteMask) -> Optional[Span]:
    lemma = cue.lemma_.lower()
    for c in cue.children:
        if mask.has(c):
            continue
        if c.dep_ == "prep" and c.lower_ == "in":
            channel = next((g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in CHANNEL_NOUNS), None)
            to = next(
                (p for p in (channel.children if channel is not None else []) if p.lower_ in ("to", "with")), None
            )
            whom = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if whom is not None:
                return subtree(whom)
        if c.dep_ in ("dative", "iobj") or (
            c.dep_ == "dobj" and lemma in verbs_taking("addressee") and c.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            return subtree(c)
        if (
            c.i == cue.i + 1
            and c.dep_ in ("advmod", "npadvmod")
            and c.text[:1].isupper()
            and c.ent_type_ not in ("DATE", "TIME")
            and lemma in verbs_taking("addressee")
        ):
            return subtree(c)  # 'Holt told Ruptly': a name the tagger read as an adverb for its '-ly'
        if (
            c.dep_ == "prep"
            and c.lower_ == "to"
            and lemma in ("say", "speak", "write", "explain", "announce", "declare")
        ):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return subtree(pobj)
    return None


def medium_of(cue: Token, mask: QuoteMask) -> Optional[str]:
    nouns = set(speaker_words()["medium_nouns"])
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "during", "at", "through") and not mask.has(c):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            span = subtree(pobj)
            if any(t.lower_ in nouns for t in span):
                text = span.text.strip().rstrip(".,;:").strip()
                return text[2:] if text.lower().startswith("a ") else text
    return cue_table().get(cue_lemma(cue), (None,))[0]


def attribute(doc: Doc, sents: list[Span], start: int, end: int, mask: QuoteMask) -> Optional[Attribution]:
    """The cue and speaker of the quote [start, end) among the sentences that hold it."""
    quote_tokens = [t for s in sents for t in s if start <= t.idx < end]
    cands = [t for s in sents for t in s if not mask.has(t) and is_cue(t)]
    if not cands:  # a cue noun the quote hangs from, or that introduces it ('issued a statement, “…”')
        first = quote_tokens[0].i if quote_tokens else -1
        cands = [
            t
            for s in sents
            for t in s
            if not mask.has(t)
            and is_cue_noun(t)
            and (
                any(t.is_ancestor(q) for q in quote_tokens) or 0 < first - t.i <= 3 and doc[t.i + 1].text in (",", ":")
            )
        ]
    intro = _colon_intro_verb(doc, start, mask)
    if intro is not None and intro not in cands:
        cands.append(intro)  # 'Trump ordered: “Start the work.”': any verb of a subject may introduce a quote so
    inner = _inner_cue(quote_tokens, mask)
    if not cands and inner is None:
        return None

    def rank(t: Token):
        linked = any(q.is_ancestor(t) or t.is_ancestor(q) for q in quote_tokens[:1] + quote_tokens[-1:]) or any(
            t.is_ancestor(q) for q in quote_tokens
        )
        dist = min(abs(t.idx - start), abs(t.idx - end))
        owns = not any(in_object_only(t, q) for q in quote_tokens[:1])
        return (intro is not None and t.i == intro.i, linked, owns, speaker_token(t, mask) is not None, -dist)

    cue = max(cands, key=rank) if cands else None
    if cue is not None and not mask.has(cue):
        cue = parenthetical_cue(cue) or cue
    if inner is not None:  # 'officials in Jerusalem “noted …,” The New York Sun reported'
        outer = speaker_token(cue, mask) if cue is not None else None
        who = cast(Token, speaker_token(inner, mask))  # _inner_cue only returns a cue with a subject
        report = None
        if cue is not None and outer is not None and cue.idx < start and cue.is_ancestor(inner):
            report = Attribution(
                cue,
                phrase_of(outer, mask),
                addressee_of(cue, mask),
                medium_of(cue, mask),
                mention=mention_of(outer, cue, mask),
            )
        return Attribution(
            inner,
            phrase_of(who, mask),
            addressee_of(inner, mask),
            medium_of(inner, mask),
            phrase_of(outer, mask) if outer is not None else None,
            mention_of(who, inner, mask),
            report,
        )
    cue = cast(Token, cue)  # cands is not empty when there is no inner cue
    noun = content_noun(quote_tokens[0], cue) if quote_tokens else None
    subj = speaker_token(cue, mask) if noun is None else content_noun_source(noun)
    if noun is not None:
        cue = noun
    if subj is None:
        return Attribution(cue, None, addressee_of(cue, mask), medium_of(cue, mask))
    return Attribution(
        cue,
        phrase_of(subj, mask),
        addressee_of(cue, mask),
        medium_of(cue, mask),
        mention=mention_of(subj, cue, mask),
    )


def _colon_intro_verb(doc: Doc, start: int, mask: QuoteMask) -> Optional[Token]:
    """The verb right before the colon that opens the quotation starting at `start` ('Trump ordered: “…”',
    'Putin, who remarked: “…”'), when it has a subject; it introduces the quote whatever else the sentence says."""
    text = text_of(doc)
    m = re.search(r"(\w)\s*:\s*[“\"‘']?\s*$", text[max(0, start - 6) : start])
    if m is None:
        return None
    tok = doc.char_span(max(0, start - 6) + m.start(1), max(0, start - 6) + m.end(1), alignment_mode="expand")
    verb = tok[-1] if tok is not None and len(tok) else None
    if verb is None or verb.pos_ != "VERB" or mask.has(verb) or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return verb


QUOTING_VERBS = ("quote", "cite", "report")


def quoted_as_saying(verb: Token) -> Optional[Token]:
    """The object of a quoting verb with 'as saying' ('Reuters quoted Holt as saying', 'the magazine
    reported Nayak as writing'): the person quoted, else None."""
    if verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_saying = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and is_cue(g) for g in c.children)
        for c in verb.children
    )
    return obj if obj is not None and as_saying else None


# What a cue's object may hold as someone's words: 'called it a “disgrace”', 'described the plan as “reckless”'.
WORDS_IN_OBJECT = ("object", "judgement", "topic")


def in_object_only(cue: Token, tok: Token) -> bool:
    """tok lies in the object of a cue verb whose object is not what was said ('Washington had encouraged
    “separatist” sentiments': the sentiments are encouraged, the word is not Washington's), so another cue
    ('Lavrov said …') owns the quote."""
    if cue.pos_ != "VERB" or any(cue_lemma(cue) in verbs_taking(k) for k in WORDS_IN_OBJECT):
        return False
    node = tok
    while node.head.i != node.i and node.head.i != cue.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return False  # a clause between: its own verb tells whose the words are
    return node.head.i == cue.i and node.i != cue.i and node.dep_ in ("dobj", "dative", "prep", "attr")


def frame_attribution(doc: Doc, text: str, open_mark: int, outer_end: int) -> Optional[Attribution]:
    """Attributions the parser misses, read off the text around the marks: a dash after the quote
    ('”― Carla Sanchez'), 'Said Ellis: “…”', or a name and a colon before it ('Ellis: “…”'), and an
    inverted cue right after the closing mark ('“…,” sighed the finance chair, Greta Lindqvist')."""
    inverted = inverted_cue(doc, text, outer_end)
    if inverted is not None:
        return inverted
    after = re.match(
        r"[ \t]*[―—–-]+[ \t]*([A-Z](?:[A-Z]\.|[^\n.,;:“”\"])*[^\n.,;:“”\" ])",
        text[outer_end : outer_end + 80],
    )
    if after:
        s = outer_end + after.start(1)
        span = doc.char_span(s, outer_end + after.end(1), alignment_mode="contract")
        cue = doc.char_span(
            outer_end + after.start(1) - 2,
            outer_end + after.start(1),
            alignment_mode="expand",
        )
        if span is not None and len(span):
            return Attribution(cue[0] if cue is not None and len(cue) else None, span, mention=span)
    line_start = text.rfind("\n", 0, open_mark) + 1
    before = text[line_start:open_mark]
    m = re.search(
        r"(?:^|[.!?]\s+)((?:[Ss]aid|[Ss]ays|[Aa]dded|[Aa]sked|[Ww]rote|[Tt]old)\s+)?([A-Z][^.:;“”\"\n]{1,60}?)\s*:\s*$",
        before,
    )
    if m:
        span = doc.char_span(line_start + m.start(2), line_start + m.end(2), alignment_mode="contract")
        if (
            span is not None
            and len(span)
            and (m.group(1) or any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span))
        ):
            cue = (
                doc.char_span(
                    line_start + m.start(1),
                    line_start + m.end(1),
                    alignment_mode="contract",
                )
                if m.group(1)
                else None
            )
            return Attribution(cue[0] if cue is not None and len(cue) else None, span, mention=span)
    return None


def _inner_cue(quote_tokens: list[Token], mask: QuoteMask) -> Optional[Token]:
    """A partial quote that opens with the speaker's own cue verb, its subject just outside the marks."""
    words_ = [t for t in quote_tokens if t.is_alpha]
    if not words_:
        return None
    first = words_[0]
    if first.pos_ == "VERB" and first.lemma_.lower() in cue_table():
        subj = next((c for c in first.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and not mask.has(subj) and subj.i < first.i:
            return first
    return None


def mention_of(subj: Token, cue: Token, mask: QuoteMask) -> Span:
    """The speaker mention as written, apposition and relative clause included, never past the cue."""
    doc = subj.doc
    left, right = hyphen_left(subj), subj.right_edge.i
    if subj.i < cue.i:
        right = min(right, cue.i - 1)
    while right > left and (doc[right].is_punct or mask.has(doc[right])) and doc[right].text != ")":
        right -= 1
    while left < subj.i and (doc[left].dep_ in ("cc", "punct") or mask.has(doc[left])):
        left += 1
    dateline = [t.i for t in doc[left : subj.i] if t.text in ("--", "—", "–")]
    if dateline:  # 'WASHINGTON -- President Obama': the dateline is not part of the mention
        left = dateline[-1] + 1
    if right - left > 30:
        return phrase_of(subj, mask)
    return doc[left : right + 1]


def inverted_cue(doc: Doc, text: str, outer_end: int) -> Optional[Attribution]:
    """'“…,” fumed Councillor Dario Penhallow', '“…,” added council leader Tomasz Okafor': a cue verb
    right after the quote's closing punctuation and the noun phrase after it, which the parser often
    reads as the verb's object or a modifier. An apposition after a description ('the finance chair,
    Greta Lindqvist,') belongs to the mention."""
    if outer_end < 2 or text[outer_end - 2 : outer_end - 1] not in (",", "?", "!", "—", "…"):
        return None
    start = outer_end + len(text[outer_end:]) - len(text[outer_end:].lstrip(" \t"))
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or not len(first):
        return None
    cue = first[0]
    if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in cue_table() or cue.lemma_.lower() == "be":
        return None
    sent_end = cue.sent.end
    i = cue.i + 1
    while i < sent_end and (doc[i].pos_ in ("DET", "PROPN", "NOUN", "ADJ") or doc[i].tag_ == "POS"):
        i += 1
    if i == cue.i + 1 or not any(t.pos_ in ("PROPN", "NOUN") for t in doc[cue.i + 1 : i]):
        return None
    end = i
    if i + 1 < sent_end and doc[i].text == ",":  # an apposition that names the person described
        j = i + 1
        while j < sent_end and doc[j].pos_ == "PROPN":
            j += 1
        if j > i + 1 and (j == sent_end or doc[j].is_punct):
            end = j
    span = doc[cue.i + 1 : end]
    return Attribution(cue, span, mention=span)


def handle_attribution(doc: Doc, text: str, outer_end: int) -> Optional[Attribution]:
    """'“…” —@ByronYork': an embedded post signed with its author's handle (clean.py writes the handle an
    embed's markup names); used when no sentence or intro names the speaker."""
    m = re.match(r"[ \t]*[―—–]+[ \t]*(@\w{1,30})\b", text[outer_end : outer_end + 40])
    if m is None:
        return None
    span = doc.char_span(outer_end + m.start(1), outer_end + m.end(1), alignment_mode="expand")
    return Attribution(None, span, mention=span) if span is not None and len(span) else None
