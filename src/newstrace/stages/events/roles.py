"""Dependency rules that find an event verb's roles: source (who acts), target (on whom), the date
expression and place attached to it, negation and modality.

General rules on spaCy's parse, no sentence-specific ones:
- source: the subject; the agent ('by X') of a passive; the head noun a relative clause or participle
  hangs on; for a verb without subject (xcomp, 'after meeting', 'determination to destroy'), the subject
  of the verb it depends on (the object, for control verbs: 'urged Iran to stop' -> Iran).
- target: what the matched pattern points at ('(WITH +)'), then the direct or indirect object, objects of
  target-like prepositions, the subject or object of a complement clause ('demanded that the US ...'),
  and last the nearest actor further down the verb's phrase.
- not a role: who a hostile act named by a noun harms ('committed to the defeat of Hamas' supports no one
  in Hamas), and an event noun as the subject of a verb with no object ('the talks would resume').
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token

from ...syntax import agent_of, entities_of, governor, in_dateline, is_passive, is_reporting_as_clause, undated
from ...textutil import uninflected
from .dictionary import cues, nominalisations, plover_type
from .patterns import match_verb

# Types that, intended, are acts rather than agreements: a vow to enter Rafah is not cooperation.
HOSTILE = {
    "ASSAULT",
    "COERCE",
    "MOBILIZE",
    "SANCTION",
    "THREATEN",
    "PROTEST",
    "REJECT",
    "ACCUSE",
}

TARGET_PREPS = [
    "on",
    "upon",
    "to",
    "with",
    "against",
    "at",
    "toward",
    "towards",
    "from",
    "for",
    "into",
    "over",
    "about",
    "of",
    "onto",
    "between",
    "among",
    "by",
]
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
CLIMB = {
    "xcomp",
    "advcl",
    "conj",
    "pcomp",
    "prep",
    "acl",
    "ccomp",
    "relcl",
    "pobj",
    "dobj",
}


def stance_participle(verb: Token) -> bool:
    """'Israel is opposed to French mediation', 'forces were engaged in ethnic cleansing': a participle
    (modality.tsv 'stance_participle') that with 'to'/'in' and no 'by' agent tells what its subject does,
    not what is done to it."""
    if verb.lemma_.lower() not in cues().get("stance_participle", set()):
        return False
    if not is_passive(verb) and not (verb.dep_ == "acomp" and verb.tag_ == "VBN"):
        return False
    kids = [c for c in verb.children if c.dep_ in ("prep", "agent")]
    return any(c.lower_ in ("to", "in") for c in kids) and not any(c.dep_ == "agent" for c in kids)


def doer_of(verb: Token, depth: int = 0) -> Optional[Token]:
    """The token naming who does what the verb says (may be a pronoun; the caller resolves it)."""
    if depth > 6:
        return None
    if stance_participle(verb):
        holder = verb.head if verb.dep_ == "acomp" else verb
        return next((c for c in holder.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if is_passive(verb):
        return agent_of(verb)
    subjects = [undated(c) for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    # Two subjects come from a misparse around a quote: the one next to the verb is the real one.
    subj = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None
    if subj is not None:
        if subj.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            return verb.head
        return subj
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return None
    if dep == "relcl":
        return head
    if dep == "acl":
        if verb.tag_ == "VBN":
            return agent_of(verb)
        if head.lemma_.lower() not in cues().get("intent", set()):
            return head  # 'Blinken warning Israel': the noun the participle hangs on acts
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        gov = governor(head)
        gsub = doer_of(gov, depth + 1) if gov is not None else None
        return gsub if gsub is not None else poss  # 'his country's determination to destroy'
    if dep == "xcomp" and head.lemma_.lower() in cues().get("control", set()):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return obj
    gov = governor(verb)
    if gov is not None and dep in CLIMB | {"nsubj", "attr", "npadvmod"}:
        return doer_of(gov, depth + 1)
    return None


# Subordinators of an adverbial clause that tells another act, not the verb's target ('while', 'after').
OTHER_ACT_MARKS = {"while", "whereas", "although", "though", "after", "before", "as", "because", "since", "when"}


def target_candidates(
    verb: Token,
    source: Optional[Token],
    pattern_target: Optional[Token],
    event_noun: Optional[Token] = None,
) -> list[Token]:
    """Tokens that may name the target, best first."""
    out: list[Token] = []
    src_span = set(t.i for t in source.subtree) if source is not None and source.i != verb.i else set()
    # a participle's doer holds the participle: 'nurses showing support for her'
    src_span -= {t.i for t in verb.subtree}

    def add(t: Optional[Token]) -> None:
        if t is not None and t.i not in src_span and t.i != verb.i and t not in out and not in_dateline(t):
            if t.dep_ == "pobj" and any(k.dep_ == "neg" for k in t.head.children):
                return  # 'fired missiles not toward Guam but into the sea': not the target
            out.append(t)

    def preps(tok: Token) -> None:
        kids = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
        kids.sort(key=lambda c: TARGET_PREPS.index(c.lower_))
        for p in kids:
            for g in p.children:
                if g.dep_ == "pobj":
                    add(g)

    src_span |= source_clauses(verb)
    if not is_passive(verb):  # a second subject the parser split off ('Prime Minister and party leader Ann Holt')
        src_span |= {t.i for c in verb.children if c.dep_ in ("nsubj", "csubj") for t in c.subtree}
    add(pattern_target)
    if event_noun is not None:
        preps(event_noun)
    if is_passive(verb) and not stance_participle(verb):
        # the passive subject, or the subject of a headline's 'Clinton cleared by FBI'
        add(next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None))
    for c in verb.children:
        if c.dep_ in ("dative",):
            # 'showed support for him' is parsed with 'for' as the dative: its object is the recipient
            add(next((g for g in c.children if g.dep_ == "pobj"), None) if c.pos_ == "ADP" else c)
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            add(c)
    preps(verb)
    for c in verb.children:
        if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in OTHER_ACT_MARKS for k in c.children):
            continue  # 'backed the deal, while Trump threatened …': another act with its own doer
        if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i not in src_span:
            add(next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None))
            for g in c.children:
                if g.dep_ in ("dative", "dobj"):
                    add(g)
            preps(c)
    for c in list(out):
        preps(c)  # 'support for X', 'concessions to X'
        for g in c.children:
            if g.dep_ in ("compound", "amod", "nmod", "poss") and g.pos_ in ("PROPN", "ADJ") and g.text[:1].isupper():
                add(g)  # 'the American resolution': the modifier names whose it is
    other = {
        t.i
        for c in verb.children
        if c.dep_ in ("conj", "advcl")
        and c.pos_ in ("VERB", "AUX")
        and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
        for t in c.subtree
    }  # 'will hold talks, and Halloran said …', 'backed the deal, while Trump threatened …': another act
    rest = [
        t
        for t in verb.subtree
        if t.i not in other and t.i not in src_span
        if t.pos_ in ("PROPN", "NOUN") and t.i != verb.i and t.dep_ not in ("compound", "amod", "nmod", "npadvmod")
    ]
    for t in sorted(rest, key=lambda t: (t.i < verb.i, abs(t.i - verb.i))):
        add(t)  # last resort: the nearest noun in the verb's phrase, after it first
    return out


def source_clauses(verb: Token) -> set[int]:
    """Token indexes of the phrases that say who reported the act ('according to the Courier', 'as Reuters
    reported', 'as first reported by the Herald'): the outlet or person there tells of the act, it is no
    party to it."""
    out: set[int] = set()
    for c in verb.children:
        if (c.dep_ == "prep" and c.lower_ == "according") or is_reporting_as_clause(c):
            out.update(t.i for t in c.subtree)
    return out


def harmed_by_noun(tok: Token, verb: Token) -> bool:
    """The token names a hostile act ('the defeat of Hamas') or lies inside a phrase that names one ('Hamas'
    and 'Rafah' in 'the defeat of Hamas, including in Rafah', 'the war against Hamas'), so it is not the
    partner of a cooperative verb above it."""
    cur, prev, steps = tok, None, 0
    while cur.i != verb.i and cur.head.i != cur.i and steps < 12:
        if _hostile_noun(cur):
            return prev is None or prev.dep_ not in (
                "amod",
                "compound",
                "poss",
                "nmod",
            )  # 'the Saudi attack': its doer
        cur, prev, steps = cur.head, cur, steps + 1
    return False


def _hostile_noun(noun: Token) -> bool:
    if noun.pos_ != "NOUN":
        return False
    how = nominalisations().get(noun.lemma_.lower(), noun.lemma_.lower())
    if how.startswith("="):
        return plover_type(how[1:]) in HOSTILE
    found = match_verb(noun, how, [noun])
    return found is not None and plover_type(found.code) in HOSTILE


def event_as_subject(src_tok: Token, verb: Token, sources: list) -> bool:
    """The subject is an event noun the text names no doer for ('the talks', 'the fighting') and the verb
    acts on nothing: 'the talks resumed' says the talks went on, not that anyone did something. 'A bombing
    killed five' keeps its doer as the text gives it."""
    if any(s.code or s.entity for s in sources):
        return False
    if any(k.dep_ in ("dobj", "dative") for k in verb.children):
        return False
    return src_tok.lemma_.lower() in nominalisations() or src_tok.lower_ in nominalisations()


def place_of(verb: Token, scope: list[Token]) -> Optional[Token]:
    """A place named by 'in/at/near X' in the verb's clause."""
    ids = {t.i for t in scope}
    for t in scope:
        if t.dep_ == "prep" and t.lower_ in PLACE_PREPS:
            for g in t.children:
                if g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTS and g.i in ids:
                    ent = next(e for e in entities_of(g.doc) if e.start <= g.i < e.end)
                    return ent.root
    return None


def attached_verb(span_tokens: list[Token]) -> Optional[Token]:
    """The verb a date expression's words hang on."""
    ids = {t.i for t in span_tokens}
    roots = [t for t in span_tokens if t.head.i not in ids or t.head.i == t.i]
    cur = roots[0] if roots else span_tokens[0]
    if cur.dep_ == "poss" and cur.head.pos_ in ("NOUN", "PROPN"):
        return None  # "Tuesday's election": the date of a thing named, not of the act the sentence reports
    steps = 0
    while steps < 8:
        if cur.pos_ in ("VERB", "AUX") and cur.i not in ids:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
        steps += 1
    return None


def date_reaches(date_verb: Token, verb: Token) -> bool:
    """A date on date_verb also dates verb when verb depends on it through non-reporting links, or when
    date_verb is an act the verb came right after ('warned after meeting with him on Friday': the
    warning was on Friday too)."""
    prep = date_verb.head
    if date_verb.dep_ == "pcomp" and prep.lower_ in ("after", "following", "upon") and prep.head.i == verb.i:
        return True
    cur, steps = verb, 0
    while steps < 5:
        if cur.i == date_verb.i:
            return True
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "parataxis"):
            return False
        cur = cur.head
        steps += 1
    return False


def negated(verb: Token) -> bool:
    words = cues().get("negation", set())
    if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in words) for c in verb.children):
        return True
    failure = cues().get("failure", set())  # 'fail', 'avoid', 'refrain' (modality.tsv)
    if verb.dep_ in ("xcomp", "dobj") and verb.head.lemma_.lower() in failure:
        return True  # 'failed to reach agreement', 'avoided criticizing': the act did not come about
    if verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in failure:
        return True  # 'refrained from attacking'
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("neither", "none", "nobody") for c in verb.children):
        return True  # 'neither apologized'
    if (
        verb.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and negated(verb.head)
    ):
        return True  # 'did not dismiss him or apologize': the negation runs on ('… but shelled' does not)
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


PRESENT_AND_PAST = (("s", ""), ("d", ""), ("ed", ""), ("ing", ""), ("ing", "e"))  # 'hopes', 'hoped', 'hoping'


def _written_as(verb: Token, words: set[str]) -> bool:
    """The verb's lemma or its written form, inflection undone, is one of words: the lemmatiser reads
    'hopes' as a form of 'hop'."""
    forms = {verb.lemma_.lower(), verb.lower_, *uninflected(verb.lower_, PRESENT_AND_PAST)}
    return not forms.isdisjoint(words)


def modality(verb: Token, in_quote: Callable[[int], bool]) -> str:
    c = cues()
    chain = [verb]
    cur = verb
    while cur.head.i != cur.i and len(chain) < 6:
        cur = cur.head
        chain.append(cur)
    near = chain[:3]
    for v in near:
        if any(k.dep_ == "mark" and k.lower_ in c.get("conditional", set()) for k in v.children):
            return "hypothetical"
    if any(k.dep_ == "aux" and k.lower_ in c.get("conditional_aux", set()) for k in verb.children):
        return "hypothetical"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in c.get("possibility", set()):
        return "hypothetical"  # 'it risks killing more civilians': a possible act, not one that happened
    if any(k.dep_ == "aux" and k.lower_ in c.get("future", set()) for k in verb.children):
        return "intended"
    if verb.lemma_.lower() in c.get("intent", set()) and any(k.dep_ == "xcomp" for k in verb.children):
        return "intended"  # 'vowed to attack', coded as one pattern of 'vow'
    if verb.dep_ in ("xcomp", "acl") and _written_as(verb.head, c.get("intent", set())):
        return "intended"
    if (
        verb.dep_ == "pcomp"
        and verb.head.head.lemma_.lower() in c.get("intent", set())
        and not any(k.dep_ == "nsubj" for k in verb.children)  # 'planned it with veterans showing support'
    ):
        return "intended"
    if in_quote(verb.idx):
        return "reported"
    link = verb
    for v in chain[1:]:
        if link.dep_ in ("ccomp", "parataxis") and v.lemma_.lower() in c.get("report", set()):
            return "reported"
        link = v
    return "asserted"
