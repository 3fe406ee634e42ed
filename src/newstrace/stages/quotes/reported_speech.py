"""Indirect speech read off the dependency parse: 'X said (that) CONTENT', 'CONTENT, X said',
'according to X, CONTENT', 'X reiterated CONTENT', 'X declined to CONTENT', 'X blasted CONTENT',
'CONTENT, X said, CONTENT', 'Trump's claim that CONTENT', and the headline convention 'NAME: CONTENT'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ...syntax import agent_of, is_reporting_as_clause, subtree, text_of
from .attribution import (
    CHANNEL_NOUNS,
    SUBJECT_DEPS,
    QuoteMask,
    cue_lemma,
    is_cue,
    is_cue_noun,
    lead_in_of,
    mention_of,
    parenthetical_cue,
    phrase_of,
    reports_quotation_before,
    speaker_token,
    verbs_taking,
)


@dataclass
class IndirectSpeech:
    cue: Token
    speaker: Span  # the core of the mention, for resolving
    content_start: int
    content_end: int
    mention: Optional[Span] = None  # the mention as written, with its apposition


def _can_speak(subj: Token) -> bool:
    """Anything but a bare abstract noun ('Experience suggests', 'History shows'): a name, a pronoun, a
    noun for people, or a determined source ('the company's own figures', 'a new poll')."""
    if subj.pos_ != "NOUN" or subj.tag_ != "NN" or subj.ent_type_:
        return True
    return any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in subj.children)


REFUSALS = {"refuse", "decline", "fail"}


def is_negated(cue: Token) -> bool:
    """'did not say', 'never said', 'cannot say', 'refused to say': speech the article says did not happen."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in REFUSALS:
        return True  # 'refused to even say the words ‘Radical Islam’'
    noun = cue.head if cue.dep_ in ("acl", "ccomp") and cue.head.pos_ == "NOUN" else None
    if noun is not None and (
        any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children)
        or any(c.dep_ == "neg" for c in noun.head.children)
    ):
        return True  # 'there had not been any sign that he had pledged …', 'no evidence that she said …'
    return cue.lemma_.lower() in REFUSALS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in ("say", "utter", "use", "call", "admit") for c in cue.children
    )


def _is_dash(t: Token) -> bool:
    """An em or en dash, or a hyphen standing alone between spaces as a dash."""
    return t.text in ("—", "–", "--") or (
        t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
    )


def _aside_cut(doc: Doc, left: int, right: int, head: Token) -> int:
    """The last token of a content span before a trailing aside: a non-restrictive clause or apposition
    after a comma (', which …', ', the alliance …'), a participle (', citing …'), a dash aside, or a second
    predicate of the reporting subject ('… was “a con” and encouraged Americans to …')."""
    for t in doc[max(left, head.i) + 1 : right + 1]:
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        after = doc[t.i + 2] if t.i + 2 < len(doc) else None
        if t.text == "(" and nxt is not None and (nxt.like_num or nxt.tag_ == "$"):
            continue  # '$6.3bn (£3.4bn)': the same figure restated, part of what was said
        if (
            (t.text in (",", "(") or _is_dash(t))
            and nxt is not None
            and (
                (_is_dash(t) and nxt.text not in ("“", '"'))
                or nxt.dep_ in ("relcl", "appos")
                or nxt.lower_ in ("which", "who", "whose")
                or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "acl"))
                or (nxt.pos_ == "ADV" and after is not None and after.tag_ == "VBG")
                or any(
                    a.dep_ in ("relcl", "appos") and a.left_edge.i == nxt.i and left <= a.i <= right
                    for a in nxt.ancestors
                )
            )
        ):
            return t.i - 1
        if (
            t.dep_ == "cc"
            and nxt is not None
            and nxt.dep_ == "conj"
            and nxt.head.i == head.i
            and nxt.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in SUBJECT_DEPS for c in nxt.children)
        ):
            return t.i - 1
    return right


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
    # A leading time adjunct ('this weekend he would …') is the reporter's, not the content.
    while (
        left < comp.i
        and doc[left].head.i == comp.i
        and doc[left].dep_ in ("npadvmod", "advmod")
        and doc[left].right_edge.i < comp.i
        and doc[left].ent_type_ in ("DATE", "TIME", "")
    ):
        left = doc[left].right_edge.i + 1
    right = _aside_cut(doc, left, right, comp)
    while right > left and (doc[right].is_punct or doc[right].text in "”\"’'"):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].text in "“\"‘'"):
        left += 1
    if right - left < 1:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def indirect_speech(doc: Doc, mask: QuoteMask) -> list[IndirectSpeech]:
    """'X said (that) CONTENT', 'CONTENT, X said', 'according to X, CONTENT', 'X reiterated CONTENT',
    'X declined to CONTENT', 'X blasted CONTENT'."""
    found = []
    for tok in doc:
        if mask.has(tok) or not is_cue(tok) or is_negated(tok):
            continue
        lemma = cue_lemma(tok)
        # 'as first reported by the Courier, CONTENT', 'CONTENT, as the minister said': the clause the
        # 'as' clause hangs on is what was reported, as with 'according to X, CONTENT'
        as_clause = is_reporting_as_clause(tok)
        if lemma == "accord" or as_clause:
            subj = speaker_token(tok, mask)
            clause_head = tok.head if tok.dep_ in ("prep", "advcl") else None
            if subj is None or clause_head is None:
                continue
            prep_span = range(tok.left_edge.i, tok.right_edge.i + 1)
            # The clause 'according to' modifies, not the whole sentence ('which, according to X, included …').
            toks = [
                t
                for t in clause_head.subtree
                if t.i not in prep_span
                and not t.is_punct
                and t.lower_ not in ("which", "who", "that")
                and t.sent == clause_head.sent
            ]
            before = [t for t in toks if t.i < prep_span.start]
            after = [t for t in toks if t.i > prep_span.stop]
            toks = before if len(before) >= len(after) else after  # the clause on one side of 'according to X'
            if toks:
                found.append(
                    IndirectSpeech(
                        tok,
                        phrase_of(subj, mask),
                        toks[0].idx,
                        toks[-1].idx + len(toks[-1]),
                        subtree(subj),
                    )
                )
            continue
        span = None
        if tok.pos_ == "NOUN" or parenthetical_cue(tok) is not None:
            continue
        comps = [
            c
            for c in tok.children
            if c.pos_ in ("VERB", "AUX", "ADJ")
            and (
                c.dep_ in ("ccomp", "parataxis")
                or (c.dep_ == "advcl" and any(g.lower_ == "that" and g.i == c.left_edge.i for g in c.children))
            )
        ]
        # of two clauses the parser hangs on the cue, the one after it is what was said ('While not
        # everything Trump says is true, Jamieson said Trump is …')
        comp = min(comps, key=lambda c: c.i < tok.i) if comps else None
        if comp is None:
            comp = _content_after_channel(tok) or _clause_read_as_object(tok)
        if comp is not None and not reports_quotation_before(tok):
            span = content_span(comp, tok)
        # Attitudes and judgements ('intends to', 'attacked X') count only with their own subject: a
        # subject inherited through a chain of clauses is too often someone else ('pressed Israel not to attack').
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in tok.children) or lead_in_of(tok) is not None
        if span is None and not own_subject:
            continue
        # 'X is expected to meet …': the passive subject is what is expected, not who expects it
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if span is None and lemma in verbs_taking("infinitive") and not passive:
            comp = next((c for c in tok.children if c.dep_ == "xcomp" and not mask.has(c)), None)
            if comp is not None:
                span = content_span(comp, tok)
                # 'asked the crowd to welcome the governor': who is asked belongs to the request
                obj = next(
                    (c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < comp.i),
                    None,
                )
                if span is not None and obj is not None:
                    span = (doc[obj.left_edge.i].idx, span[1])
        if span is None and lemma in verbs_taking("judgement") | verbs_taking("object"):
            span = _object_content(tok)
        if span is None and lemma in verbs_taking("topic"):
            span = _topic_content(tok)
        if span is None and lemma in ("call", "ask", "push", "press", "appeal", "urge"):
            # 'asked on the show', 'appealed on Monday for calm': an 'on' with no infinitive after it says
            # where or when, not whom a request is made of ('called on the army to withdraw')
            preps = [
                c
                for c in tok.children
                if c.dep_ == "prep"
                and (
                    c.lower_ == "for"
                    or (
                        c.lower_ == "on"
                        and (lemma == "call" or any(x.dep_ in ("xcomp", "advcl") and x.i > c.i for x in tok.children))
                    )
                )
            ]
            prep = preps[0] if preps else None
            xcomp = next(
                (c for c in tok.children if c.dep_ in ("xcomp", "advcl") and prep is not None and c.i > prep.i),
                None,
            )
            if prep is not None:
                span = content_span(prep, tok)
                # 'called on the administration to act': the request runs on into the infinitive
                if span is not None and xcomp is not None and prep.lower_ == "on":
                    end = content_span(xcomp, tok)
                    span = (span[0], end[1]) if end else span
        if span is None:
            span = _paragraph_after_colon(tok, mask)
        if span is None:
            found.extend(_postposed(tok, mask) or _parenthetical(tok, mask))
            continue
        subj = speaker_token(tok, mask)
        if subj is None or (lemma in verbs_taking("evidence") and not _can_speak(subj)):
            continue
        if len(text_of(doc)[span[0] : span[1]].split()) <= 3 and any(
            is_cue(t) for t in doc.char_span(*span, alignment_mode="expand") or ()
        ):
            continue  # the 'content' is itself a reporting clause ('…, he said, …')
        found.append(
            IndirectSpeech(
                tok,
                phrase_of(subj, mask),
                span[0],
                span[1],
                mention_of(subj, tok, mask),
            )
        )
    found.extend(_noun_claims(doc, mask))
    return found


def _content_after_channel(cue: Token) -> Optional[Token]:
    """'told Reuters in an interview that the mayor would resign': the parser hangs the reported clause on
    the channel noun as a relative clause; a 'that' clause with a subject of its own is what was said."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in CHANNEL_NOUNS):
            for clause in (k for k in noun.children if k.dep_ in ("relcl", "acl") and k.i > noun.i):
                kids = list(clause.children)
                # 'that' may be parsed as the clause's mark or hung anywhere ('alleged in the suit that
                # Trump earned …'); right after the noun, before a clause with a subject of its own, it opens
                # what was said
                opens = any(k.dep_ == "mark" and k.lower_ == "that" for k in kids) or (
                    noun.i + 1 < clause.i and noun.doc[noun.i + 1].lower_ == "that"
                )
                if opens and any(k.dep_ in SUBJECT_DEPS and k.lower_ != "that" for k in kids):
                    return clause
    return None


def _clause_read_as_object(cue: Token) -> Optional[Token]:
    """'Bello said the scheme aimed to boost production': the parser reads 'the scheme' as what was said and
    'aimed' as a participle on it ('said the bridge needed repairs', 'needed' on 'repairs'); after 'say' a noun
    phrase holding a verb of its own is the clause said."""
    if cue.lemma_.lower() != "say":
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and c.pos_ == "NOUN"), None)
    if obj is None:
        return None
    if any(c.dep_ == "relcl" for c in obj.children):
        return None  # 'said the words she had prepared': what was said, with a relative clause on it
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in obj.subtree if t.i > cue.i):
        return obj  # 'said the bridge needed repairs', parsed with 'needed' on 'repairs'
    verb = next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == obj.i + 1), None)
    return obj if verb is not None and any(k.dep_ in ("xcomp", "dobj", "prep") for k in verb.children) else None


def _topic_content(cue: Token) -> Optional[tuple[int, int]]:
    """'Grimm talked about renewed fears of terrorism', 'spoke of the need for reform': what was talked about."""
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("about", "of")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return content_span(obj, cue) if obj is not None else None


def _noun_claims(doc: Doc, mask: QuoteMask) -> list[IndirectSpeech]:
    """'Trump's claim that …', 'his warning that …': a cue noun with a that-clause, its owner the speaker."""
    out = []
    for tok in doc:
        if mask.has(tok) or not is_cue_noun(tok):
            continue
        clause = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("acl", "ccomp", "appos")
                and c.pos_ in ("VERB", "AUX")
                and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
            ),
            None,
        )
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if clause is None or owner is None:
            continue
        span = content_span(clause, tok)
        if span is not None:
            out.append(
                IndirectSpeech(
                    tok,
                    phrase_of(owner, mask),
                    span[0],
                    span[1],
                    doc[owner.i : owner.i + 1],
                )
            )
    return out


def _object_content(cue: Token) -> Optional[tuple[int, int]]:
    """The object of a judgement verb with its complement or reason: 'called X “outrageous”', 'blasted him for …'."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    lemma = cue.lemma_.lower()
    complemented = any(
        c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("as", "for")) for c in cue.children
    )
    if lemma in verbs_taking("object") and obj.pos_ != "NOUN" and not complemented:
        return None
    quoted = any(t.text in ("“", '"', "‘") for t in obj.subtree)
    if lemma in verbs_taking("stance") and not complemented and not quoted:
        return None  # 'defended a hiring plan' states a position, not what was said
    if (
        lemma in verbs_taking("judgement")
        and is_cue_noun(obj)
        and not complemented
        and not quoted
        and not any(c.dep_ in ("acl", "ccomp", "appos", "prep") for c in obj.children if c.i > obj.i)
    ):
        return None  # 'rejected the accusation': an act aimed at someone else's words, which it does not state
    if (
        lemma not in verbs_taking("object")
        and obj.pos_ == "PRON"
        and not any(c.dep_ in ("oprd", "prep") for c in cue.children)
    ):
        return None
    doc = cue.doc
    right = _aside_cut(doc, obj.left_edge.i, obj.right_edge.i, obj)
    for c in cue.children:
        if (
            c.i > obj.i
            and (
                c.dep_ in ("oprd", "xcomp")
                or (
                    c.dep_ == "prep"
                    and c.lower_
                    in (
                        "for",
                        "as",
                        "over",
                        "to",
                        "on",
                        "of",
                        "from",
                        "about",
                        "against",
                        "with",
                    )
                )
            )
            and c.left_edge.i <= right + 2
        ):
            right = max(right, _aside_cut(doc, c.left_edge.i, c.right_edge.i, c))
    # The characterisation ends with its quotation: 'as a “crazy system” during a stop in Flint' keeps
    # the quoted words and drops the time and place that follow them.
    closing = [t.i for t in doc[obj.i : right + 1] if t.text in ("”", '"', "''")]
    if closing and closing[-1] < right:
        nxt = doc[closing[-1] + 1]
        if (
            (nxt.dep_ == "prep" and nxt.lower_ in ("during", "in", "at", "on", "while", "after", "before"))
            or nxt.dep_ == "npadvmod"
            or nxt.ent_type_ in ("DATE", "TIME")
        ):
            right = closing[-1]
    for t in doc[obj.i : right + 1]:
        if _is_dash(t):
            right = t.i - 1
            break
    by = agent_of(cue)
    if by is not None and obj.i < by.head.i <= right:
        right = by.head.i - 1  # 'was branded “a waste” by MPs': who judged is the speaker, not what was said
    while right > obj.left_edge.i and (doc[right].is_punct or doc[right].text in '”"’'):
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
    before = [t for t in doc[sent.start : first - 1] if not t.is_punct]
    after = [t for t in doc[last + 2 : sent.end] if not (t.is_punct and t.i == sent.end - 1)]
    # Quoted words may stand inside the content ('claims that “frankly are just not proven”'), but a content
    # on either side that is or opens with a quotation is a direct quote split by its cue.
    if not before or not after or any(mask.has(t) for t in before) or mask.has(after[0]):
        return []
    return [
        IndirectSpeech(
            cue,
            phrase_of(subj, mask),
            before[0].idx,
            after[-1].idx + len(after[-1]),
            mention_of(subj, cue, mask),
        )
    ]


# The last word before a caption's colon: a credit or a source line, not a speaker ('Photo: AP').
CAPTION_LABELS = {"photographer", "photo", "photograph", "picture", "image", "credit", "illustration", "graphic"}


def colon_statements(doc: Doc, text: str, mask: QuoteMask) -> list[IndirectSpeech]:
    """Headline and transcript convention 'Sanders: Clinton needs to …', 'WALLACE: Do you …': a name,
    a colon and what that person says, at the start of a line."""
    out = []
    for m in re.finditer(r"(?m)^[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)$", text):
        who = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if who is None or not len(who) or who[-1].lower_ in CAPTION_LABELS:
            continue  # 'Steve Mollenkopf Photographer: Patrick T. Fallon/Bloomberg': a photo credit
        named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in who) or (
            # a transcript's 'WALLACE:' names someone the article names too; 'COMPETITION:' heads a section
            who.text.isupper() and re.search(rf"\b{re.escape(who.text.split()[-1].title())}\b", text) is not None
        )
        if not named or mask.inside[m.start(2)] if m.start(2) < len(mask.inside) else False:
            continue
        content_end = m.end(2)
        while content_end > m.start(2) and text[content_end - 1] in ' ."”':
            content_end -= 1
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if colon is None or content_end - m.start(2) < 8:
            continue
        out.append(IndirectSpeech(colon[0], who, m.start(2), content_end, who))
    return out


def _paragraph_after_colon(cue: Token, mask: QuoteMask) -> Optional[tuple[int, int]]:
    """'In a statement, Apple said:' closing its paragraph, and the next paragraph without quote marks: a
    statement the article prints as a block, the speaker's words."""
    doc = cue.doc
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is None or nxt.text != ":":
        return None
    text = text_of(doc)
    m = re.match(r"[ \t]*\n\s*([^\n]+)", text[nxt.idx + 1 :])
    if m is None:
        return None
    start, end = nxt.idx + 1 + m.start(1), nxt.idx + 1 + m.end(1)
    if text[start] in "“\"‘'" or mask.inside[start] or len(text[start:end].split()) < 4:
        return None  # a quotation the quote marks find, or no statement
    return start, end


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
    if any(not t.is_punct for t in cue.doc[cue.right_edge.i + 1 : sent.end]):
        return []
    if cue.i + 1 < sent.end and cue.doc[cue.i + 1].text == ":":
        return []  # 'In a statement, Apple said:' introduces what follows
    content = [t for t in cue.doc[sent.start : comma.i] if not (t.is_punct and t.text in '“”"‘’')]
    if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in content) or any(mask.has(t) for t in content):
        return []
    return [
        IndirectSpeech(
            cue,
            phrase_of(subj, mask),
            content[0].idx,
            content[-1].idx + len(content[-1]),
            mention_of(subj, cue, mask),
        )
    ]
