"""Stage 'events': who did what to whom, when and where, in PLOVER types with their CAMEO codes.

For every verb of the body the CAMEO verb patterns (data/events/) give a code; the code gives the PLOVER
type (CAMEO public statements, 01x, are not events). A light verb with an event noun as object ("made a
call on", "issued a threat to") is coded through the noun. A complement verb is folded into the verb it
completes ("agreed to provide aid" is one AGREE), except that an intention to do harm ("vowed to enter
Rafah") is coded as that act with modality 'intended'. Roles, dates, places and modality come from the
dependency rules of events_roles; actors from events_actors. Relay voices get their own date here
(voice.date), and relative dates inside a relay resolve against it.

One event per real act: saying verbs code only through their own patterns (events_patterns), a vow of no
act, a possible or conditional act ('risks killing', 'if Peru attacks'), an obligation no one is named to
carry out and an event noun's own course ('the talks would resume') are not events, and the same act told
again is merged into its first mention (events_merge).

Negation and time: an act the text says did not happen ('hadn't visited', "won't prevent", 'failed to
reach') is no event; a refusal still to come ('will not sign off') is a REJECT, asserted. A date on an act
still to come resolves forward ('will hold talks on January 9'); an undated present perfect ('has resumed
shelling') is news of the day. Naming verbs with an object complement ('called the plan reckless') are
criticism, not calls; a meeting's venue is its location, not its target; a past act recalled by an
anniversary is no current event. Event nouns make events of their own after 'after', 'ahead of', 'during'
(meetings) or with their doer as possessor (hostile acts: "Russia's veto of").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Optional, cast

from spacy.tokens import Span, Token

from ... import dates, vocab
from ...model import ActorRef, Event, Ref
from ...syntax import entities_of, governor
from .actors import ActorResolver, is_pronoun
from .dictionary import (
    actor_nouns,
    cues,
    doer_types,
    nominalisations,
    plover_type,
    praise_words,
    shifted_code,
    verb_types,
)
from .merge import merge_repeats, same_act
from .patterns import Match, clause_tokens, match_verb, verb_lemma
from .roles import (
    HOSTILE,
    attached_verb,
    date_reaches,
    doer_of,
    event_as_subject,
    harmed_by_noun,
    is_passive,
    modality,
    negated,
    place_of,
    stance_participle,
    target_candidates,
)
from .speech import condemning, criticism_events

# Types whose refusal is a REJECT ('will not accept refugees') and whose promise is an AGREE.
VERBAL = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE", "SUPPORT"}
OBLIGATION_CODE = "100"  # CAMEO 'demand': saying that another party must act
PRAISE_CODES = {
    "051",
    "052",
}  # CAMEO praise or endorse, defend verbally: always of someone
# CAMEO codes of meetings and talks (043 host, 044 meet at a third location, 045 mediate, 046 negotiate,
# 036 express intent to meet or negotiate): the place they are held in is a venue, not a party.
MEETING_CODES = {"043", "044", "045", "046", "036"}
# Types whose object is what is given or offered ('offered its troops to Lebanon's president', 'providing
# intelligence to Macedonia'): the recipient is the target.
GIVING = {"AID", "AGREE", "COOPERATE", "SUPPORT", "CONCEDE"}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}


@dataclass
class Coded:
    verb: Token
    match: Match
    type: str
    noun: Optional[Token] = None  # the event noun of a light verb
    dropped: bool = False
    folded: bool = False  # a coded complement was folded into this verb
    obligation: bool = False  # coded as a demand from its 'that Y must' clause
    nominal: bool = False  # an event noun standing alone ('after talks with', "Russia's veto of")
    doer: Optional[Token] = None  # who acts, when the noun's phrase says it ('at the request of Japan')
    addressee: Optional[Token] = None  # whom the act is aimed at, when the phrase says it
    purpose: bool = False  # the purpose of another act ('joined the rebels to take control of the town')


def run(ctx) -> None:
    analysis = ctx.analysis
    published = ctx.article.published
    resolver = ActorResolver(analysis, ctx.doc, ctx.kb, published, tuple(ctx.settings.kb_paths))
    quotes = [
        (q.start, q.end, q) for q in analysis.quotes if getattr(q, "field", "text") == "text" and q.kind != "scare"
    ]
    state: dict[str, Any] = {"recent": []}  # actors of recent sentences (for pronouns), the last sentence
    events: list[Event] = []
    for sent in ctx.doc.sents:
        events.extend(_sentence_events(ctx, sent, resolver, quotes, state))
    spoken = criticism_events(
        analysis,
        lambda off: _sentence_at(ctx.doc, off),
        lambda ent: _entity_code(resolver, ent),
        lambda q: _quote_date(ctx, q),
    )
    # An act a sentence's verbs code comes first: a quotation's accusation is added only where it is no
    # repeat of a coded act and its speaker has no act of their own coded in that sentence.
    coded = merge_repeats(events)
    own = {(e.start, e.source.entity or e.source.name) for e in coded if e.source is not None}
    # Two quotations condemning the same party in different words are two accusations; the same words told
    # again (headline and body) are one.
    by_words: dict[str, list[Event]] = {}
    for e in spoken:
        by_words.setdefault((e.trigger or "").lower(), []).append(e)
    extra = [
        e
        for e in sorted((k for group in by_words.values() for k in merge_repeats(group)), key=lambda e: e.start)
        if e.source is not None
        and (e.start, e.source.entity or e.source.name) not in own
        and not any(same_act(k, e) for k in coded)
    ]
    for ev in sorted(coded + extra, key=lambda e: e.start):
        ev.id = f"ev{len(analysis.events) + 1}"
        ev.date_precision = dates.precision_of(ev.date_text) if ev.date else None
        analysis.events.append(ev)


def _noun_match(noun: Token, scope: list[Token]) -> Optional[Match]:
    """An event noun ('call', 'hunger strike') coded through its verb or its own code."""
    table = nominalisations()
    compound = " ".join(t.lower_ for t in noun.children if t.dep_ in ("compound", "amod") and t.i < noun.i)
    for key in (
        (compound + " " + noun.lemma_.lower()).strip(),
        noun.lemma_.lower(),
        noun.lower_,
    ):
        how = table.get(key)
        if how is None:
            continue
        if how.startswith("="):
            return Match(how[1:], noun, [noun.text], None)
        return match_verb(noun, how, scope)
    return None


def _counted_acts(noun: Token) -> Token:
    """'a new round of sanctions', 'a wave of strikes': the acts counted, not the count."""
    if noun.lemma_.lower() not in cues().get("event_quantity", set()):
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), noun) if of is not None else noun


NAMING_CODE = "111"  # CAMEO 'criticize or denounce': calling someone or something X


def _naming(verb: Token) -> Optional[Match]:
    """'called the scheme reckless', 'calling it "a fantasy"', 'called the mayor a crook': a naming verb
    (modality.tsv 'naming') with an object complement describes its object; it is a criticism of it, not a
    call. The object (or, misparsed, the first complement) is the target."""
    if verb_lemma(verb) not in cues().get("naming", set()):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    comps = _complements(verb)
    if obj is None and comps:  # 'called this “indefensible”', parsed as a small clause with its own subject
        obj = next(
            (
                k
                for c in comps
                for k in c.children
                if k.i < c.i
                and (k.dep_ == "nsubj" or (k.dep_ == "mark" and k.lower_ == "that"))  # 'called that “unfair”'
            ),
            None,
        )
    if not comps or (obj is None and len(comps) < 2):
        # 'called the plan "a disgrace"' is parsed with the name as the object's apposition; a lone
        # complement is the parser's reading of 'called the minister on Monday': a phone call
        return None
    target = obj if obj is not None else (comps[0] if len(comps) > 1 else None)
    return Match(NAMING_CODE, verb, [verb.text], None, target_token=target)


def _releases_a_thing(verb: Token, m: Match) -> bool:
    """'released the figures', 'the report was released': a release (RETREAT, CAMEO 084x) of a document or
    data (modality.tsv 'published_thing') made public, not of people set free."""
    if m.code[:3] != "084" or verb_lemma(verb) not in ("release", "free"):
        return False
    released = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return released is not None and released.lemma_.lower() in cues().get("published_thing", set())


APPEAL_CODE = "020"  # CAMEO 'make an appeal or request'


def _call_for(verb: Token) -> Optional[Match]:
    """'called for the president to resign': a request that someone act (the parser makes 'for' the mark of
    the clause), not a phone call; whom it asks is that clause's subject."""
    if verb_lemma(verb) != "call":
        return None
    clause = next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    asked = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return Match(APPEAL_CODE, verb, [verb.text, "for"], None, target_token=asked)


def _complements(verb: Token) -> list[Token]:
    """What a naming verb calls its object: the object complement, or an apposition the parser made of it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    comps = [c for c in verb.children if c.dep_ == "oprd"]
    # 'called Britain's ambassador “a very stupid guy”' may come as object and apposition, or as a
    # complement with the name its apposition
    holders = [obj] if obj is not None else comps[:1]
    # 'called the decision “shameful”': an adjective after the object is its complement, not its modifier
    after = [a for h in holders for a in h.children if a.dep_ == "amod" and a.i > h.i and a.pos_ == "ADJ"]
    return comps + after + [a for h in holders for a in h.children if a.dep_ == "appos" and a.pos_ in ("NOUN", "ADJ")]


def _praising(verb: Token) -> bool:
    """A naming verb whose complement praises ('called Obama a “very good man”', 'called the meeting “an
    honor”') and condemns nothing."""
    if verb_lemma(verb) not in cues().get("naming", set()):
        return False
    comps = _complements(verb)
    words = " ".join(t.text for c in comps for t in c.subtree)
    return bool({w.lower() for w in words.split()} & praise_words()) and not condemning(words)


PERSON_PRONOUNS = {"he", "she", "i", "we"}


def _person_doer(verb: Token) -> bool:
    """The verb's subject names a person ('Johnson', 'the senator' as PERSON, 'he')."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return subj.ent_type_ == "PERSON" or subj.lower_ in PERSON_PRONOUNS


def _at_object(*heads: Token) -> Optional[Token]:
    """The object of an 'at' or 'against' phrase on one of the heads."""
    for h in heads:
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ in ("at", "against"):
                obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def _verbal_attack(verb: Token, m: Optional[Match]) -> Optional[Match]:
    """'slammed the governor', 'Johnson blasted the EU', 'took aim at Facebook', 'lashed out at': an attack
    in words (modality.tsv 'verbal_attack', 'verbal_attack_at') is a criticism of its object (CAMEO 111).
    A verb that also names violence ('blasted') is verbal only with a person as its doer; 'jets blasted the
    town' keeps its own code."""
    lemma = verb_lemma(verb)
    kids = {c.lower_: c for c in verb.children if c.dep_ in ("dobj", "prt", "prep")}
    for pair in cues().get("verbal_attack_at", set()):
        word, rest = pair.split("_", 1)
        if lemma != word or rest not in kids:
            continue
        target = _at_object(verb, kids[rest]) if rest not in ("against", "at") else _at_object(verb)
        if target is not None:
            return Match(NAMING_CODE, verb, [verb.text, kids[rest].text], None, target_token=target)
    if lemma not in cues().get("verbal_attack", set()):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if m is not None and plover_type(m.code) not in (None, "ACCUSE") and not _person_doer(verb):
        return None
    return Match(NAMING_CODE, verb, [verb.text], None, target_token=obj)


DEFEND_VERBALLY = "052"  # CAMEO 'defend verbally'


def _verbal_defence(verb: Token, m: Optional[Match]) -> Optional[Match]:
    """'defended the nominee's description of', 'defended his remarks': defending what someone said or
    decided (modality.tsv 'defence_object') is verbal support of its author (CAMEO 052), not protection.
    The author (the object's possessor) is the target; with none, the object itself."""
    if verb_lemma(verb) != "defend" or m is None or plover_type(m.code) not in ("AID", "COOPERATE", None):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in cues().get("defence_object", set()):
        return None
    owner = next((k for k in obj.children if k.dep_ == "poss"), None)
    return Match(DEFEND_VERBALLY, verb, [verb.text], None, target_token=owner or obj)


def _ends_own_protest(verb: Token, m: Match) -> bool:
    """'called off the strike', 'cancelled the rally': ending a protest action (an event noun coded
    PROTEST) is its organisers' own step, not a sanction on anyone."""
    if plover_type(m.code) != "SANCTION":
        return False
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        how = nominalisations().get(obj.lemma_.lower(), "")
        if how.startswith("=") and plover_type(how[1:]) == "PROTEST":
            return True
        if how and not how.startswith("="):
            found = match_verb(obj, how, [obj])
            if found is not None and plover_type(found.code) == "PROTEST":
                return True
    return False


def _obligation_clause(verb: Token) -> Optional[Token]:
    """The 'that Y must do Z' clause of a saying verb or of its object noun ('a reminder that it must')."""
    must = cues().get("obligation", set())
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj",)]
    for h in heads:
        for c in h.children:
            if (
                c.dep_ in ("ccomp", "acl", "relcl")
                and c.pos_ in ("VERB", "AUX")
                and any(a.dep_ == "aux" and a.lower_ in must for a in c.children)
            ):
                if c.dep_ == "relcl" and not any(k.lower_ == "that" and k.dep_ == "mark" for k in c.children):
                    continue
                return c
    return None


def code_verbs(sent: Span) -> list[Coded]:
    """Every verb of the sentence with a PLOVER-typed CAMEO code, complements folded in."""
    light = cues().get("light", set())
    coded: list[Coded] = []
    for tok in sent:
        if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            continue
        if tok.dep_ == "prep":
            continue  # a verb form used as a preposition: 'according to', 'including', 'following'
        m = match_verb(tok)
        noun = None
        if verb_lemma(tok) in light and (m is None or m.pattern is None):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
            objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for obj in map(_counted_acts, objs):
                m2 = _noun_match(obj, clause_tokens(tok))
                if m2 is not None and plover_type(m2.code):
                    m, noun = m2, obj
                    m.words = [tok.text, obj.text]
                    break
                # 'issued a declaration demanding that...': the statement's own verb says what the act is
                said = next(
                    (c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"),
                    None,
                )
                m2 = (
                    match_verb(said)
                    if said is not None and obj.lemma_.lower() in cues().get("statement", set())
                    else None
                )
                if m2 is not None and plover_type(m2.code):
                    m, noun = m2, obj
                    m.words = [tok.text, cast(Token, said).text]  # m2 is only set when said is not None
                    break
        if _praising(tok):
            continue  # 'called Obama a “very good man”': praise is no accusation, and no phone call either
        if m is not None and _releases_a_thing(tok, m):
            continue  # 'the figures have been released by the UNHCR': published, not set free
        naming = _naming(tok) or _call_for(tok) or _verbal_attack(tok, m) or _verbal_defence(tok, m)
        if naming is not None:
            m = naming  # 'called the plan "reckless"', 'slammed the governor': a verbal attack, not a phone call
        elif m is not None and _ends_own_protest(tok, m):
            continue  # 'the union called off the strike': its own action ends; no one is sanctioned
        obligation = _obligation_clause(tok)
        said_only = obligation is not None and (m is None or plover_type(m.code) is None)
        if obligation is not None and (m is None or plover_type(m.code) in (None, "REQUEST", "ACCUSE")):
            m = Match(
                OBLIGATION_CODE,
                tok,
                [tok.text, *[a.text for a in obligation.children if a.dep_ == "aux"]],
                None,
                target_token=next(
                    (c for c in obligation.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"),
                    None,
                ),
            )
        if m is None:
            continue
        ptype = plover_type(m.code)
        if ptype is None or (ptype == "THREATEN" and m.pattern is None and _warning_of_a_hazard(tok)):
            continue
        if ptype == "CONSULT" and m.pattern is None and _talk_on_a_topic(tok):
            continue
        if ptype == "REQUEST" and m.pattern is None and obligation is None and _insists_on_a_fact(tok):
            continue
        if _fights_a_problem(tok) or _a_contest(tok):
            continue
        if (
            ptype == "PROTEST"
            and verb_lemma(tok) == "demonstrate"
            and any(c.dep_ in ("ccomp", "dobj") for c in tok.children)
        ):
            continue  # 'the vote demonstrates that …', 'demonstrated its resolve': to show, not to protest
        if m.pattern is None and _poll_share(tok):
            continue
        if m.code != OBLIGATION_CODE:
            act = nominalisations().get(noun.lemma_.lower(), "") if noun is not None else verb_lemma(tok)
            ptype = verb_types().get(act, ptype)
        coded.append(Coded(tok, m, ptype, noun, obligation=said_only))
    by_verb = {c.verb.i: c for c in coded}
    intent = cues().get("intent", set())
    purposes: list[tuple[Coded, Coded]] = []
    for c in coded:
        if c.verb.dep_ not in ("xcomp", "advcl", "ccomp"):
            continue
        gov = by_verb.get(c.verb.head.i)
        if gov is None or gov.dropped:
            continue
        if c.verb.dep_ == "ccomp" and gov.type not in VERBAL:
            continue  # what a verbal act says is folded into it; other verbs' clauses are events of their own
        if c.verb.dep_ == "advcl" and (
            any(k.dep_ in ("nsubj", "nsubjpass") for k in c.verb.children) or _gerund_subject(c.verb) is not None
        ):
            continue  # a clause with its own doer ('failed, after Russia vetoed it') is its own event
        if (
            c.verb.dep_ == "xcomp"
            and c.verb.head.lemma_.lower() in intent
            and c.type in HOSTILE
            and gov.type in ("AGREE", "REQUEST")
        ):
            gov.dropped = True  # 'vowed to enter': the act, intended
        elif _joint_purpose(c, gov):
            purposes.append((c, gov))  # 'joined the rebels to take control of the town': both acts happen
        else:
            c.dropped = True  # 'agreed to provide aid' is one AGREE; 'rallied, calling for' one PROTEST
            gov.folded = True
    for c in coded:
        if c.type == "AGREE" and _empty_promise(c):
            c.dropped = True
    for c in coded:
        if c.dropped:
            continue
        if (
            c.verb.dep_ == "acl"
            and not (c.verb.head.lemma_.lower() in intent and not _coded_above(c.verb, by_verb))
            and not _stance_of_people(c)
        ):
            c.dropped = True  # 'roads leading to', 'an offer to host': a description, not an act of its own
        if (
            c.verb.dep_ == "pcomp"
            and c.verb.head.lower_ not in cues().get("sequence", set())
            and not _stance_of_people(c)
        ):
            c.dropped = True  # 'for signing', 'before allowing': a purpose or condition; 'after meeting' stays
    kept = [c for c in coded if not c.dropped]
    grievances = {c.verb.i: g for c in kept if (g := _grievance(c)) is not None}
    # the harm is what the speaker alleges: the accusation is the act the sentence tells
    kept = [c for c in kept if c.verb.i not in grievances] + list(grievances.values())
    light_nouns = {c.noun.i for c in coded if c.noun is not None}
    # An act told as a gerund with its own doer ("asked about Lee's calling Ortiz a crook") happened,
    # however deep in the sentence it sits.
    told = [c for c in kept if _gerund_subject(c.verb) is not None]
    for c in told:
        c.doer = c.doer or _gerund_subject(c.verb)
    main = _main_events([c for c in kept if c not in told and all(c is not p for p, _ in purposes)])
    for p, gov in purposes:
        if gov in main and not p.dropped:  # an act's purpose shares its place in the sentence
            p.purpose = True
            main.append(p)
    return main + told + _nominal_events(sent, light_nouns)


def _insists_on_a_fact(verb: Token) -> bool:
    """'insisted the reforms were working', 'insisted that he had done nothing wrong': insisting that
    something is so is a statement (CAMEO 010, which PLOVER does not code), not a demand; 'insisted that
    Iran must stop' (an obligation clause), 'insisted on a recount' and 'insisted they leave' stay demands."""
    if verb_lemma(verb) != "insist":
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    # a bare subjunctive ('insisted they leave') is a demand; a tense or a modal says what is so
    return clause.tag_ in ("VBD", "VBZ") or any(a.dep_ == "aux" for a in clause.children)


# Verbs of fighting whose object is as often a problem as an enemy ('fight poverty', 'battled the blaze').
FIGHTING_VERBS = {"fight", "battle", "combat", "tackle"}


def _fights_a_problem(verb: Token) -> bool:
    """'pledged to fight poverty in Africa', 'firefighters battled the blaze': fighting a problem (an object
    that is no name and no noun for people or bodies, actor_nouns) is no use of force against anyone."""
    if verb_lemma(verb) not in FIGHTING_VERBS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and obj.pos_ == "NOUN"
        and not obj.ent_type_
        and obj.lemma_.lower() not in actor_nouns()
        and obj.lower_ not in actor_nouns()
    )


CONTEST_VERBS = FIGHTING_VERBS | {"beat", "defeat", "edge", "trounce", "crush", "rout", "thrash", "break", "dominate"}


@functools.lru_cache(maxsize=1)
def _contest_words() -> frozenset[str]:
    return frozenset(w.strip() for w in vocab.lines("events/contest_words.txt") if w.strip())


def _a_contest(verb: Token) -> bool:
    """'beat Sanders in the caucuses', 'beat the senator by 18 points', 'battling Rubio for second place',
    'broke a 6-6 tie': a contest won or fought (the verb's object or a phrase of it names a vote, a race, a
    place, a game or a record: events/contest_words.txt), no use of force."""
    if verb_lemma(verb) not in CONTEST_VERBS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in _contest_words() and not obj.ent_type_:
        return True  # 'broke a 6-6 tie', 'dominated the news cycle', 'dominate the field'
    for prep in (
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by", "for", "at", "with", "into")
    ):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if obj.lemma_.lower() == "place" and prep.lower_ != "for":
                continue  # 'for second place' is a contest; 'in a public place' is where
            if (
                obj.lemma_.lower() in _contest_words()
                or (prep.lower_ == "by" and any(k.like_num for k in obj.children))
                or (obj.like_num and any(k.lower_ == "top" for k in obj.children))  # 'break into the top three'
            ):
                return True
    return False


WARNING_VERBS = {"warn", "caution"}


def _warning_of_a_hazard(verb: Token) -> bool:
    """'warned that storms could flood the coast': a warning of what may happen that no actor threatens to
    do is a pessimistic comment (CAMEO 012, which PLOVER does not code), not a threat (130). 'warned that
    police will no longer tolerate rallies' and 'warned it would retaliate' stay threats: someone is to
    act. 'warned against drawing conclusions' is advice. 'warned of X' is left to the patterns: its noun
    may be an act ('a response') or not ('floods')."""
    if verb_lemma(verb) not in WARNING_VERBS:
        return False
    against = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"), None)
    if against is not None and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in against.children):
        return True  # 'warned against drawing hasty conclusions': advice not to do something, no threat
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    return subj is not None and not _may_act(subj)


SHARE_WORDS = {"percent", "%", "pct", "points", "point"}


VOTE_NOUNS = {"vote", "ballot", "support", "electorate", "voter", "delegate", "seat", "poll", "primary"}


def _poll_share(verb: Token) -> bool:
    """'Gingrich garnered 11 percent', 'leads the field with 21 percent of the vote': a share of a poll or
    a vote is a result, not an act on anyone ('seized 40 percent of the city' stays an act)."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")]
    objs += [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"
    ]
    for o in objs:
        if o.lower_ not in SHARE_WORDS or not any(k.like_num for k in o.children):
            continue
        of = [g for p in o.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if not of or of[0].lemma_.lower() in VOTE_NOUNS:
            return True
    return False


TALK_VERBS = {"talk", "speak", "chat"}


def _talk_on_a_topic(verb: Token) -> bool:
    """'I was talking about energy', 'she spoke of reform': talk on a topic with no partner named is a
    statement, not a consultation (PLOVER CONSULT is talks with someone: 'talked with', 'spoke to')."""
    if verb_lemma(verb) not in TALK_VERBS:
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    partner = any(c.dep_ in ("dobj", "dative") for c in verb.children) or preps & {"with", "to"}
    return bool(preps & {"about", "of", "on"}) and not partner


def _may_act(tok: Token) -> bool:
    """Could the word name someone who acts: a pronoun, a name, a body ('police', 'MEPs') or a people's
    members ('Iraqi youths')?"""
    if is_pronoun(tok):  # 'warned it would retaliate': the pronoun is often the warner itself
        return True
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if any(k.ent_type_ in ("NORP", "GPE") for k in tok.children if k.dep_ in ("amod", "compound", "nmod", "poss")):
        return True
    return tok.lemma_.lower() in actor_nouns() or tok.lower_ in actor_nouns()


ACCUSE_CODE = "112"  # CAMEO 'accuse'
HARMS = {"ASSAULT", "COERCE", "SANCTION", "THREATEN"}
SELF_PRONOUNS = {"he", "she", "they", "i", "we"}


def _joint_purpose(c: Coded, gov: Coded) -> bool:
    """'joined allied fighters to take control of the bases': a hostile act as the purpose ('to' with no
    subject of its own) of joining or working with others is done by the same doer."""
    return (
        c.verb.dep_ in ("xcomp", "advcl")
        and c.type in HOSTILE
        and gov.type in ("CONSULT", "COOPERATE", "SUPPORT", "AID")  # not 'agreed to': that is only intended
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.verb.children)
        and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.verb.children)
    )


def _grievance(c: Coded) -> Optional[Coded]:
    """'claims he has been targeted by the newspaper', 'said they were harassed by police': a speaker
    (modality.tsv 'grievance' verbs) telling of harm done to themselves by a named doer accuses that doer."""
    if c.type not in HARMS or c.verb.dep_ != "ccomp" or not is_passive(c.verb) or c.nominal:
        return None
    claim = c.verb.head
    if verb_lemma(claim) not in cues().get("grievance", set()) or negated(claim):
        return None
    victim = next((k for k in c.verb.children if k.dep_ == "nsubjpass"), None)
    speaker = doer_of(claim)
    if victim is None or speaker is None:
        return None
    if victim.lower_ not in SELF_PRONOUNS and victim.lemma_ != speaker.lemma_:
        return None
    by = next((k for k in c.verb.children if k.dep_ == "agent"), None)
    harmer = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if harmer is None:
        return None
    m = Match(ACCUSE_CODE, claim, [claim.text, c.verb.text], None, target_token=harmer)
    return Coded(claim, m, "ACCUSE", addressee=harmer)


# Prepositions whose object, an event noun, is an act of the clause's doer ('said ahead of a meeting with',
# 'left after talks with', 'during a visit to'): newstrace's own list.
NOMINAL_PREPS = {"after", "before", "following", "during", "since", "amid", "ahead", "upon"}


def _nominal_events(sent: Span, taken: set[int]) -> list[Coded]:
    """Event nouns that name an act by themselves: the object of 'after', 'ahead of', 'during' ('ahead of a
    meeting in London with the UK foreign secretary') or a noun with its doer as possessor ("Russia's veto
    of the resolution"). The noun is coded through the verb the nominalisations table gives it."""
    out: list[Coded] = []
    table = nominalisations()
    light = cues().get("light", set())
    for tok in sent:
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in light:
            voiced = _voiced_by(tok, taken)
            if voiced is not None:
                out.append(voiced)
                taken = taken | {voiced.verb.i}
            continue
        if tok.pos_ != "NOUN" or tok.i in taken or tok.lemma_.lower() not in table:
            continue
        prep = tok.head if tok.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "at" and tok.lemma_.lower() in cues().get("instigation", set()):
            instigated = _instigation(tok)
            if instigated is not None:
                out.append(instigated)
            continue
        after_prep = prep is not None and (
            prep.lower_ in NOMINAL_PREPS or (prep.lower_ == "of" and prep.head.lower_ in NOMINAL_PREPS)
        )
        owner = next((k for k in tok.children if k.dep_ == "poss"), None)
        if not after_prep and (owner is None or owner.pos_ == "PRON"):
            continue
        m = _noun_match(tok, list(tok.subtree))
        if m is None:
            continue
        ptype = plover_type(m.code)
        if ptype is None:
            continue
        if after_prep and ptype != "CONSULT" and owner is None:
            continue  # 'after talks with' is the clause's doer meeting; 'following the invasions' need not be
        if not after_prep and ptype not in HOSTILE | {"ASSAULT", "SANCTION"}:
            continue  # "the EU's support for": a stance told in passing; "Russia's veto of": an act
        m.words = [tok.text]
        out.append(Coded(tok, m, ptype, nominal=True))
    return out


def _gerund_subject(verb: Token) -> Optional[Token]:
    """The subject of a gerund that has its own ("about Lee's calling Ortiz a crook", 'with veterans
    showing support')."""
    if verb.tag_ == "VBG" and verb.dep_ == "advcl":
        return _object_of_preceding_prep(verb)
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
        return None
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    if subj is not None:
        return subj
    # Misparsed with the possessor as the preposition's object: 'about [Lee's] [calling Ortiz a crook]'.
    owner = next((k for k in verb.head.children if k.dep_ == "pobj" and k.i == verb.i - 2), None)
    if owner is not None and verb.doc[verb.i - 1].tag_ == "POS" and verb.doc[verb.i - 1].head.i == owner.i:
        return owner
    return None


GERUND_PREPS = {"despite", "with", "without", "amid"}


def _object_of_preceding_prep(verb: Token) -> Optional[Token]:
    """'said so, despite Moscow and Beijing repeatedly denouncing the tests': a gerund parsed as a clause of
    its own right after 'despite/with/amid X' has X as its subject."""
    if any(k.dep_ in ("nsubj", "nsubjpass", "mark") for k in verb.children):
        return None
    first = min(t.i for t in verb.subtree)
    prep = next((k for k in verb.head.children if k.dep_ == "prep" and k.lower_ in GERUND_PREPS and k.i < verb.i), None)
    if prep is None:
        return None
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None or max(t.i for t in prep.subtree) != first - 1:
        return None
    return obj if obj.pos_ == "PROPN" or obj.lemma_.lower() in actor_nouns() else None


def _stance_of_people(c: Coded) -> bool:
    """'with veterans showing their support for him', 'protesters voicing anger at': a participle with an
    event noun that tells what the people it describes (or its own subject) do is their act, not a
    description of them or a purpose."""
    if c.verb.tag_ != "VBG":
        return False
    if c.verb.dep_ == "acl":
        if c.noun is None:
            return False  # 'roads leading to the border': a description
        doer: Optional[Token] = c.verb.head
    else:
        doer = _gerund_subject(c.verb)
    if doer is None or doer.pos_ not in ("NOUN", "PROPN"):
        return False
    return doer.lemma_.lower() in actor_nouns() or doer.ent_type_ in ("PERSON", "NORP", "ORG")


def _voiced_by(participle: Token, taken: set[int]) -> Optional[Coded]:
    """'the criticism of Turkish actions voiced by the French foreign minister', 'threats made by the
    militia': an event noun with a light verb's participle and its 'by' agent is the agent's act. The
    parser often hangs the participle on the noun's 'of' object, so that noun's governor is tried too."""
    agent = next((k for k in participle.children if k.dep_ == "agent"), None)
    doer = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if doer is None:
        return None
    table = nominalisations()
    noun = participle.head
    if noun.lemma_.lower() not in table and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    if noun.pos_ != "NOUN" or noun.i in taken or noun.lemma_.lower() not in table:
        return None
    m = _noun_match(noun, list(noun.subtree))
    ptype = plover_type(m.code) if m is not None else None
    if m is None or ptype is None:
        return None
    m.words = [noun.text, participle.text]
    return Coded(noun, m, ptype, nominal=True, doer=doer)


def _instigation(noun: Token) -> Optional[Coded]:
    """'met on Friday at the request of Japan', 'visited at the invitation of the king': the 'of' party asked
    the clause's doer to act; a REQUEST (or invitation) by the former to the latter."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    asker = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    gov = governor(noun)
    asked = doer_of(gov) if gov is not None else None
    if asker is None or asked is None:
        return None
    m = _noun_match(noun, [noun])
    ptype = plover_type(m.code) if m is not None else None
    if m is None or ptype is None:
        return None
    m.words = [noun.text]
    return Coded(noun, m, ptype, nominal=True, doer=asker, addressee=asked)


def _empty_promise(c: Coded) -> bool:
    """A vow or promise coded by its verb alone whose complement is no act: 'vowed that his country would
    go it alone', 'pledged to continue'. PLOVER's AGREE is a promise of something cooperative; 'vowed to
    attack' is coded as the attack, 'pledged aid' or 'promised to help Haiti' stay."""
    if (
        c.match.pattern is not None
        or c.noun is not None
        or c.folded
        or verb_lemma(c.verb) not in cues().get("intent", set())
    ):
        return False
    comp = next((k for k in c.verb.children if k.dep_ in ("ccomp", "xcomp")), None)
    if comp is None:
        return False
    if comp.dep_ == "ccomp":
        return True  # 'vowed that ...': a statement about what will happen
    has_object = any(
        (k.dep_ in ("dobj", "dative") and k.lower_ != "it")
        or (k.dep_ == "prep" and any(g.dep_ == "pobj" for g in k.children))
        for k in comp.children
    )
    return verb_lemma(comp) in cues().get("generic", set()) and not has_object


# Links into a clause that only gives background to the sentence's own news ('the group that controls
# Afghanistan', 'as the leaders sought to ease tensions'): an event there is coded only when no verb of a
# shallower clause is.
BACKGROUND = {"relcl", "advcl", "csubj", "parataxis", "xcomp"}
CONCURRENT_MARKS = {"as", "while", "whereas"}


def _clause_depth(verb: Token) -> int:
    """How many background links lie between the verb and the sentence root; a reporting verb's
    complement ('X said that Y attacked') and coordinated verbs count as the main line."""
    report = cues().get("report", set())
    depth, cur, steps = 0, verb, 0
    while cur.head.i != cur.i and steps < 12:
        if cur.dep_ in ("ccomp", "parataxis") and verb_lemma(cur.head) in report:
            pass
        elif cur.dep_ == "relcl" and cur.head.dep_ == "dobj":
            pass  # 'vetoed a resolution that called for': what the act was about
        elif _concurrent_act(cur):
            pass  # 'police fired tear gas as crowds blocked the crossing': two doers, two acts told together
        elif cur.dep_ in BACKGROUND and cur.pos_ in ("VERB", "AUX"):
            depth += 1
        cur, steps = cur.head, steps + 1
    return depth


def _concurrent_act(verb: Token) -> bool:
    """A finite 'as'/'while' clause whose subject is a named or counted party other than the main clause's
    ('fired tear gas at protesters as crowds blocked the road'): an act of its own told alongside, not
    background to the main act."""
    if verb.dep_ != "advcl" or not any(k.dep_ == "mark" and k.lower_ in CONCURRENT_MARKS for k in verb.children):
        return False
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    main = next((k for k in verb.head.children if k.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or is_pronoun(subj) or (main is not None and main.lemma_ == subj.lemma_):
        return False
    return subj.pos_ == "PROPN" or subj.lemma_.lower() in actor_nouns() or subj.lower_ in actor_nouns()


def _main_events(coded: list[Coded]) -> list[Coded]:
    """The events of the sentence's main clauses: coded verbs of deeper background clauses are dropped."""
    if len(coded) < 2:
        return coded
    depth = {c.verb.i: _clause_depth(c.verb) for c in coded}
    low = min(depth.values())
    return [c for c in coded if depth[c.verb.i] == low]


def _coded_above(tok: Token, by_verb: dict) -> bool:
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i in by_verb and not by_verb[cur.i].dropped:
            return True
    return False


def _sentence_events(ctx, sent: Span, resolver: ActorResolver, quotes, state) -> list[Event]:
    analysis = ctx.analysis
    coded = code_verbs(sent)
    out: list[Event] = []
    sent_dates = [(sent.start_char + s, sent.start_char + e, t) for s, e, t in dates.find_dates(sent.text)]
    for c in coded:
        src_tok = c.doer or (_noun_doer(c.verb) if c.nominal else doer_of(c.verb))
        sources = _actors(src_tok, c.verb, resolver, quotes, state) or [
            a for a in _actors(src_tok, c.verb, resolver, quotes, state, loose=True) if _can_act(a, src_tok)
        ]
        if not sources and not is_passive(c.verb):
            continue  # a passive ('were killed in a bombing') is an event with an unnamed doer
        if sources and src_tok is not None and event_as_subject(src_tok, c.verb, sources):
            continue  # 'the talks would resume': what happens to an event, not an act of anyone
        if c.verb.dep_ == "relcl" and src_tok is not None and _unowned_event_noun(src_tok, sources):
            continue  # 'a war that has killed 30,000': what an event is, told in passing
        scope = clause_tokens(c.verb)
        place = place_of(c.verb, scope)
        target, target_tok = None, None
        src_names = {s.name for s in sources}
        if c.addressee is not None:
            cands = [c.addressee]
        elif c.obligation and c.noun is None:
            cands = [c.match.target_token] if c.match.target_token is not None else []  # who must act, only
        else:
            cands = target_candidates(c.verb, src_tok, c.match.target_token, c.noun)
        if c.type in GIVING:
            cands = _recipients_first(cands, c.verb)
        if c.type == "PROTEST":
            cands = _protested(c.verb) + cands
        venue = c.match.code[:3] in MEETING_CODES or (c.nominal and c.type == "CONSULT")
        place_ids = {t.i for t in place.subtree} if place is not None and venue else set()
        # 'put pressure on the tech giants': the object of an event noun's 'on' is its target as written
        aimed = _acted_on(c.verb, c.noun) if c.noun is not None and c.type not in COOPERATIVE else None
        for cand in cands:
            if cand.i in place_ids or _is_place(cand, venue):
                continue  # 'talks in Geneva', 'blocked the Ostrava Gate crossing': where, not whom
            if c.type == "SUPPORT" and harmed_by_noun(cand, c.verb):
                continue  # 'committed to the defeat of Hamas' supports no one in Hamas
            found = [
                a
                for a in _actors(cand, c.verb, resolver, quotes, state, loose=aimed is not None and cand.i == aimed.i)
                if a.name not in src_names
            ]
            places = {_place_name(t) for t in cand.subtree if t.i in place_ids or _is_place(t, venue)}
            found = [a for a in found if a.name not in places and (a.mention or "") not in places]
            if found:
                target, target_tok = found, cand
                break
        if target is None and c.nominal:
            continue  # 'after a demonstration': an event noun with no one it is aimed at is background
        if c.purpose and not any(t.entity or t.code for t in target or []):
            continue  # 'sent inspectors to monitor the work': a purpose counts only against a named party
        if target is None and c.match.code in PRAISE_CODES:
            continue  # praise of no one ('he appreciates the fact that we stood together') is a statement
        if c.obligation and target is None:
            continue  # saying what ought to happen ('the result should not be...') demands nothing of anyone
        if target is None and sources and c.noun is None:
            obj = _acted_on(c.verb, None)
            if obj is not None and obj.i not in place_ids and obj.ent_type_ not in ("DATE", "TIME"):
                # the phrase as written, unless only a modifier names someone ('talks in Geneva', 'the
                # Ostrava Gate crossing'): a place or a party the strict look-up above did not take
                own = resolver.by_offset.get(obj.idx)
                target = [
                    a
                    for a in resolver.resolve(obj, loose=True)
                    if a.name not in src_names and (a.entity is None or (own is not None and a.entity == own.id))
                ] or None
                target_tok = obj if target else None
        voice = analysis.voice_at(c.verb.idx)
        ref_date = voice.date if voice.kind == "relay" and voice.date else ctx.article.published
        date_text, date_host = _date_for(c.verb, sent, sent_dates, c.type in VERBAL)
        mode = modality(c.verb, lambda off: _quote_at(quotes, off) is not None)
        if mode == "hypothetical":
            continue  # 'if too many are killed', 'may have rejected': no act the text says took place
        if _commemorated(c.verb):
            continue  # 'the anniversary of the 2015 bombing, in which 42 were killed': a past act remembered
        neg = negated(c.verb)
        refusal = False
        if neg and _still_to_come(c.verb) and shifted_code(c.match.code, "negated"):
            # 'will not sign off', 'would not apologise': a refusal stated now, not a negated act
            neg, refusal = False, True
            if mode == "intended":
                mode = "reported" if _quote_at(quotes, c.verb.idx) is not None else "asserted"
        elif neg or _denied_by_noun(c.verb):
            continue  # 'hadn't visited', "won't prevent", 'no way to defeat': an act that did not happen
        cameo, ptype = c.match.code, c.type
        by_doer = doer_types().get(verb_lemma(c.verb)) if c.noun is None else None
        if by_doer is not None and src_tok is not None:
            ptype = by_doer[0] if _authority(src_tok, resolver) else by_doer[1]
        shift = "negated" if refusal else "intended" if mode == "intended" else None
        if shift and shifted_code(cameo, shift):
            cameo = cast(str, shifted_code(cameo, shift))
            ptype = plover_type(cameo) or ptype
        if not sources and not target:
            continue
        if c.type == "CONSULT" and len(sources) == 2 and not target:
            sources, target = sources[:1], sources[1:]  # 'the two governments will hold talks': with each other
        if date_text:
            date = dates.resolve(date_text, ref_date, forward=_forward_dated(date_host, c.verb, mode))
        elif _perfect(c.verb) and not _quote_at(quotes, c.verb.idx):
            date_text, date = None, dates.resolve("today", ref_date)  # 'has resumed shelling': news of the day
        else:
            date = None
        # One event per doer (a dyad, as the event table wants: 'Russia and China vetoed' is two vetoes), but
        # coordinated targets ('embargoes on Iran, Libya and Cuba') are one party to the act: the first
        # member names it, the whole phrase as written is its mention.
        target = [_joint(target, target_tok)] if target else []
        for src in sources or cast("list[Optional[ActorRef]]", [None]):
            for tgt in target or cast("list[Optional[ActorRef]]", [None]):
                out.append(
                    Event(
                        id="",
                        type=ptype,
                        cameo=cameo,
                        source=src,
                        target=tgt,
                        trigger=" ".join(c.match.words) if c.noun is not None else c.match.trigger,
                        evidence=sent.text.strip(),
                        start=sent.start_char,
                        end=sent.end_char,
                        date=date,
                        date_text=date_text,
                        location=Ref(name=_place_name(place)) if place is not None else None,
                        voice=voice.id,
                        via=voice.via,
                        negated=neg,
                        modality=mode,
                    )
                )
    subj = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(t)]
    for t in subj[:1]:
        found = resolver.resolve(t)
        if found:
            state["recent"] = found
    state["body_sentence"] = sent  # read, through _last_body, only for an 'it' in the next sentence
    return out


BODY_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}


def _last_body(sent: Span, resolver: ActorResolver) -> list[ActorRef]:
    """The last phrase of the sentence naming a body rather than a person ('research by Ann Lee's Senate
    campaign', 'a complaint from the Hollis Group'), for an 'it' in a later sentence."""
    for t in reversed(sent):
        if t.dep_ not in BODY_DEPS or is_pronoun(t) or t.ent_type_ == "PERSON":
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() not in actor_nouns():
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        found = resolver.resolve(t)
        if found and (t.pos_ == "NOUN" or not _names_person(resolver, found)):
            return found
    return []


def _names_person(resolver: ActorResolver, refs: list[ActorRef]) -> bool:
    ents = [resolver.analysis.entity(r.entity) if r.entity else None for r in refs]
    return any(e is not None and e.type == "PERSON" for e in ents)


def _actors(
    tok: Optional[Token],
    verb: Token,
    resolver: ActorResolver,
    quotes,
    state,
    loose: bool = False,
) -> list[ActorRef]:
    """ActorRefs for a role token; pronouns resolve to the speaker of the quote they sit in, the subject
    of the clause that reports them, or the last sentence's subject."""
    if tok is None:
        return []
    if not is_pronoun(tok):
        return resolver.resolve(tok, loose)
    low = tok.lower_
    if low in ("i", "we", "me", "us"):
        q = _quote_at(quotes, tok.idx)
        if q is not None and q.speaker is not None:
            return [
                ActorRef(
                    name=q.speaker.name,
                    entity=q.speaker.entity,
                    code=_entity_code(resolver, q.speaker.entity),
                    mention=tok.text,
                )
            ]
        return []
    if low in ("he", "she", "it", "they", "him", "her", "them"):
        cur = verb
        for _ in range(6):
            if cur.head.i == cur.i:
                break
            if cur.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                subj = doer_of(cur.head)
                if subj is not None and subj.i != tok.i and not is_pronoun(subj):
                    found = resolver.resolve(subj, loose)
                    if low == "it" and tok.dep_ in ("dobj", "pobj", "dative") and _names_person(resolver, found):
                        break  # 'Clinton backed the deal, while Trump threatened to tear it up': the object 'it' is no person
                    return found
            cur = cur.head
        recent = state["recent"]
        if low == "it" and (not recent or _names_person(resolver, recent)):
            # 'it' is no person: the last body named in the sentence before ('... campaign. It gave')
            before = state.get("body_sentence")
            recent = _last_body(before, resolver) if before is not None else []
        if low in ("they", "them"):
            # 'they' is no one person ('Bush met Obama. People gather … as they wait' is not Bush)
            recent = [a for a in recent if not _names_person(resolver, [a])]
        return [ActorRef(name=a.name, entity=a.entity, code=a.code, mention=tok.text) for a in recent]
    return []


STATE_AGENTS = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "PRE"}


def _authority(tok: Token, resolver: ActorResolver) -> bool:
    """A doer that is a state or its forces ('police', 'the army', 'Russia'), not its people or rebels."""
    head = ActorResolver.through_quantity(tok)
    agent = resolver.agent_code(head, ActorResolver.core(head))
    if agent:
        return agent in STATE_AGENTS
    return head.ent_type_ in ("GPE", "ORG") and head.pos_ == "PROPN"


def _joint(refs: list[ActorRef], tok: Optional[Token]) -> ActorRef:
    """One ActorRef for the members of a coordination: the first member, the whole phrase as mention."""
    if len(refs) == 1 or tok is None:
        return refs[0]
    head = ActorResolver.through_quantity(tok)
    members = ActorResolver.members(head)
    first = min(t.i for m in members for t in m.subtree)
    last = max(t.i for m in members for t in m.subtree)
    text = head.doc[first : last + 1].text.strip(" ,;:")
    if len(text) > 200:
        text = " ".join(r.mention or r.name for r in refs)
    ref = refs[0]
    return ActorRef(name=ref.name, entity=ref.entity, code=ref.code, mention=text)


def _entity_code(resolver: ActorResolver, entity_id: Optional[str]) -> Optional[str]:
    ent = resolver.analysis.entity(entity_id) if entity_id else None
    return (ent.code or ent.country) if ent is not None else None


def _sentence_at(doc, offset: int) -> tuple[int, int, str]:
    """(start, end, text) of the sentence holding a character offset."""
    tok = next((t for t in doc if t.idx <= offset < t.idx + len(t.text_with_ws)), doc[-1])
    sent = tok.sent
    return sent.start_char, sent.end_char, sent.text


def _quote_date(ctx, q) -> tuple[Optional[str], Optional[str]]:
    """The date of a quotation's saying verb ('told voters on Saturday that'), as (date text, date)."""
    if not q.cue_span:
        return None, None
    span = ctx.doc.char_span(q.cue_span[0], q.cue_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    cue = span.root
    sent = cue.sent
    sent_dates = [(sent.start_char + s, sent.start_char + e, t) for s, e, t in dates.find_dates(sent.text)]
    text, _host = _date_for(cue, sent, sent_dates)
    if not text:
        return None, None
    voice = ctx.analysis.voice_at(cue.idx)
    ref_date = voice.date if voice.kind == "relay" and voice.date else ctx.article.published
    return text, dates.resolve(text, ref_date)


def _quote_at(quotes, offset: int):
    for s, e, q in quotes:
        if s <= offset < e:
            return q
    return None


def _date_for(verb: Token, sent: Span, sent_dates, speech: bool = False) -> tuple[Optional[str], Optional[Token]]:
    """The date expression that dates this verb, and the verb it hangs on: one on its own clause first,
    then one on a verb it depends on (a date on 'failed on Friday, after Russia vetoed' dates the veto
    too)."""
    doc = sent.doc
    best: Optional[str] = None
    best_host: Optional[Token] = None
    best_rank: float = 99
    for s, e, text in sent_dates:
        if text.lower().startswith("since"):
            continue  # 'held since 2016 were released Tuesday': when a state began, not when the act was done
        toks = [t for t in doc.char_span(s, e, alignment_mode="expand") or []]
        if not toks:
            continue
        host = attached_verb(toks)
        if host is None:
            continue
        if host.i == verb.i:
            rank: float = 0
        elif date_reaches(host, verb):
            rank = 1 + abs(host.i - verb.i) / 1000
        elif speech and _reported_at(host, verb):
            rank = 2 + abs(host.i - verb.i) / 1000
        else:
            continue
        if rank < best_rank:
            best, best_rank, best_host = text, rank, host
    return best, best_host


def _reported_at(report: Token, verb: Token) -> bool:
    """'Tillerson said Monday he was concerned, as he urged all sides to': a speech act told in the
    clause of a dated saying verb was made when it was said, unless its tense puts it earlier ('said
    Monday that he had urged')."""
    if verb_lemma(report) not in cues().get("report", set()):
        return False
    if any(k.dep_ == "aux" and k.lower_ == "had" for k in verb.children):
        return False
    cur, steps = verb, 0
    while cur.head.i != cur.i and steps < 4:
        cur, steps = cur.head, steps + 1
        if cur.i == report.i:
            return True
    return False


def _forward_dated(host: Optional[Token], verb: Token, mode: str) -> bool:
    """The date hangs on an act still to come ('will hold talks on January 9', 'would meet on Wednesday',
    'will travel to Paris for talks on Tuesday'), so it points forward; a date on the vow itself ('vowed
    on Friday to enter') does not."""
    if host is None:
        return False
    if _still_to_come(host):
        return True
    if host.tag_ in ("VBZ", "VBP") and host.lemma_.lower() not in vocab.cue_verbs():
        return True  # 'Texas, which votes on March 1', 'the council meets on Tuesday': a scheduled act
    return host.i == verb.i and mode == "intended" and verb_lemma(verb) not in cues().get("intent", set())


def _still_to_come(verb: Token) -> bool:
    """The verb, or the verb whose complement it is, carries a future auxiliary ('will', 'would', "won't")."""
    future = cues().get("future", set())
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else verb):
        if any(k.dep_ == "aux" and k.lower_ in future for k in v.children):
            return True
    return False


# Adverbs that put a present perfect at some earlier time ('has since been charged', 'has repeatedly said').
EARLIER = {"since", "already", "previously", "repeatedly", "long", "ever", "before", "often", "once", "twice"}


def _perfect(verb: Token) -> bool:
    """A present perfect ('has resumed', 'have agreed'): news of the day when no date is given, unless an
    adverb puts it earlier ('has since been charged', 'has repeatedly challenged')."""
    return (
        verb.tag_ == "VBN"
        and any(k.dep_ == "aux" and k.lower_ in ("has", "have") for k in verb.children)
        and not any(k.dep_ == "advmod" and k.lower_ in EARLIER for k in verb.children)
    )


def _commemorated(verb: Token) -> bool:
    """The verb describes a past act that a commemoration noun above it remembers ('the anniversary of the
    bombing, in which 42 people were killed')."""
    words = cues().get("commemoration", set())
    cur, steps = verb, 0
    while cur.head.i != cur.i and steps < 8:
        cur, steps = cur.head, steps + 1
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in words:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("relcl", "acl"):
            return False
    return False


AROUND_PREPS = {"near", "inside", "outside", "around", "across", "beyond"}


def _is_place(tok: Token, venue: bool) -> bool:
    """Where an act happened, not whom it was aimed at: the place a meeting is held in ('talks in Geneva'),
    and a place 'near', 'outside' or 'around' which an act was done, however the tagger typed an unknown
    town ('hit an army convoy near Gao'). An attack, visit, curfew or protest 'in' a place is aimed at the
    place, as PLOVER codes it (reading 'in Gaza' as a location cost 0.04 of F1 on the PLOVER records)."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head.lower_
    if prep in AROUND_PREPS:
        return tok.pos_ == "PROPN" or bool(tok.ent_type_)
    if tok.ent_type_ not in ("GPE", "LOC", "FAC") or prep not in ("in", "at"):
        return False
    return venue


def _place_name(tok: Token) -> str:
    for ent in entities_of(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent.text
    return tok.text


def _can_act(ref: ActorRef, tok: Optional[Token]) -> bool:
    """A doer no table knows is kept when it names people or a body ('critics', 'the union': actor_nouns)
    or an event ('a roadside bombing killed five'); 'the provision', 'advice' or 'business models' act on
    no one."""
    if ref.entity or ref.code or tok is None:
        return True
    if is_pronoun(tok):  # 'it would meet', resolved to 'the nurses' union': the antecedent's head word
        return (
            ref.name.split()[-1].lower().rstrip("s") in actor_nouns() or ref.name.split()[-1].lower() in actor_nouns()
        )
    head = ActorResolver.through_quantity(tok)
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if any(k.ent_type_ in ("NORP", "GPE") for k in head.children if k.dep_ in ("amod", "compound", "nmod")):
        return True  # 'Ibo traditional elders', 'Iraqi youths': a people's members
    lemma = head.lemma_.lower()
    if lemma in actor_nouns() or head.lower_ in actor_nouns():
        return True
    return lemma in nominalisations() or head.lower_ in nominalisations()


def _denied_by_noun(verb: Token) -> bool:
    """The act hangs on a noun its sentence denies: 'there is no way to defeat Hamas', 'no plan to'."""
    if verb.dep_ not in ("acl", "relcl", "xcomp"):
        return False
    head = verb.head
    return head.pos_ == "NOUN" and any(k.dep_ == "det" and k.lower_ in ("no",) for k in head.children)


def _unowned_event_noun(tok: Token, sources: list[ActorRef]) -> bool:
    """The doer is an event noun no table codes ('the war', 'the fighting')."""
    if any(s.entity or s.code for s in sources):
        return False
    return tok.lemma_.lower() in nominalisations() or tok.lower_ in nominalisations()


def _noun_doer(noun: Token) -> Optional[Token]:
    """Who does what an event noun names: its possessor ("Russia's veto"), else the doer of the clause it
    sits in ('Tillerson said ... ahead of a meeting with Johnson')."""
    owner = next((k for k in noun.children if k.dep_ == "poss"), None)
    if owner is not None:
        return owner
    gov = governor(noun)
    return doer_of(gov) if gov is not None else None


AIMED_PREPS = {"on", "upon", "against", "at"}


def _acted_on(verb: Token, noun: Optional[Token]) -> Optional[Token]:
    """The noun an act is done to when no actor is named: the subject of a passive ('the idea was rejected
    by'), else the verb's direct object ('blacklisted the site'), or for an event noun the object of an
    'on'/'against'/'at' phrase; a thing stands for its makers and is the target as written."""
    if noun is not None:  # 'put pressure on the tech giants', 'made threats against the company'
        return next(
            (
                g
                for h in (noun, verb)
                for p in h.children
                if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                for g in p.children
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
    if is_passive(verb) and not stance_participle(verb):
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or is_pronoun(obj):
        return None
    if verb_lemma(verb) in cues().get("light", set()) and obj.lemma_.lower() in nominalisations():
        return None  # 'will hold talks': the object is the act itself ('rejected the proposal' keeps it)
    return obj


def _protested(verb: Token) -> list[Token]:
    """'staged a strike in protest against the security forces', 'blocked streets in defiance of Chinese
    authorities': whom a protest is against, before the place it is held in."""
    frames = cues().get("protest_frame", set())
    return [
        g
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for frame in p.children
        if frame.dep_ == "pobj" and frame.lemma_.lower() in frames
        for q in frame.children
        if q.dep_ == "prep" and q.lower_ in ("against", "of", "at", "over")
        for g in q.children
        if g.dep_ == "pobj"
    ]


def _recipients_first(cands: list[Token], verb: Token) -> list[Token]:
    """Candidates with the objects of 'to' (on the verb or its complement) and the indirect object first."""
    heads = [verb] + [k for k in verb.children if k.dep_ in ("xcomp", "dobj")]
    rec = [
        g
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("to", "toward", "towards")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    rec += [k for k in verb.children if k.dep_ == "dative"]
    first = [t for t in rec if t in cands] + [t for t in rec if t not in cands]
    return first + [t for t in cands if t not in first]
