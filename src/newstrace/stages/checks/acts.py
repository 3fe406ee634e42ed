"""What act a stretch of text says someone performed, on whom, read from the dependency parse.

"Borrell issued a ‘thinly veiled’ threat to Israel" -> act THREATEN (threat), agent Borrell, target Israel;
"Borrell made a thinly veiled call on the U.S. to cut arms supplies" -> act REQUEST (call), target U.S.
The checks stage compares the act an article's intro ascribes to a source with the act in the passage
the intro introduces (source_mismatch).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ... import vocab
from ...syntax import subtree

TARGET_PREPS = {"to", "on", "against", "at", "toward", "towards", "upon"}
OBJECT_TARGET_CLASSES = {
    "THREATEN",
    "WARN",
    "REQUEST",
    "CRITICIZE",
    "ACCUSE",
    "PRAISE",
    "SUPPORT",
}


@dataclass
class Act:
    token: Token
    kind: str  # the class in data/framing/speech_acts.tsv
    agent: Span | None
    target: Span | None
    phrase: Span  # the words a person would quote: "issued a ‘thinly veiled’ threat to Israel"


@functools.lru_cache(maxsize=1)
def act_classes() -> dict[str, str]:
    out = {}
    for kind, lemmas in vocab.rows("framing/speech_acts.tsv"):
        for lemma in lemmas.split(","):
            out.setdefault(lemma.strip(), kind)
    return out


def subject_phrase(verb: Token) -> Span | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return subtree(c)
    return None


def target_of(t: Token, kind: str) -> Span | None:
    heads = [t] + ([t.head] if t.pos_ == "NOUN" and t.head.pos_ == "VERB" and t.dep_ == "dobj" else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ not in (
                    "DATE",
                    "TIME",
                    "CARDINAL",
                ):  # "on Monday"
                    return name_part(obj)
    if t.pos_ == "VERB" and kind in OBJECT_TARGET_CLASSES:
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return name_part(obj)
    return None


def name_part(t: Token) -> Span:
    """The noun with its compounds and determiner ("the U.S.", "the Israeli government"), not its clauses."""
    first = t.i
    while (
        first - 1 >= 0
        and t.doc[first - 1].head.i == t.i
        and t.doc[first - 1].dep_ in ("det", "compound", "amod", "poss", "case")
    ):
        first -= 1
    return t.doc[first : t.i + 1]


def find_act(span: Span, skip_subjects: tuple[str, ...] = ()) -> Act | None:
    """The first act named in a span; verbs whose subject is one of skip_subjects (the outlet) are passed over."""
    classes = act_classes()
    for t in span:
        kind = classes.get(t.lemma_.lower())
        if kind is None or t.pos_ not in ("NOUN", "VERB"):
            continue
        if t.pos_ == "VERB":
            subj = subject_phrase(t)
            if subj is not None and any(s.lower() in subj.text.lower() for s in skip_subjects if s):
                continue
            agent, phrase = subj, t.doc[t.i : t.right_edge.i + 1]
        else:
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            verb = t.head if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ == "VERB" else None
            agent = subtree(poss) if poss is not None else (subject_phrase(verb) if verb is not None else None)
            start = verb.i if verb is not None and verb.i < t.i else t.left_edge.i
            phrase = t.doc[start : t.right_edge.i + 1]
        target = target_of(t, kind)
        if target is not None and phrase.end < target.end <= span.end:
            phrase = t.doc[phrase.start : target.end]  # "issued a threat | to Israel" when the parser splits them
        if phrase.end > span.end:
            phrase = t.doc[phrase.start : span.end]
        return Act(token=t, kind=kind, agent=agent, target=target, phrase=phrase)
    return None


def names_in(span: Span | None) -> set[str]:
    return {t.text.lower() for t in span if t.pos_ == "PROPN"} if span is not None else set()


def same_named_party(a: Span | None, b: Span | None) -> bool | None:
    """True/False when both are known and share (or do not share) a proper name; None when one is unknown."""
    na, nb = names_in(a), names_in(b)
    if not na or not nb:
        return None
    return bool(na & nb) or bool({name_key(x) for x in na} & {name_key(x) for x in nb})


def name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())
