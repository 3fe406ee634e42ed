"""Who a speaker mention refers to: a name, a pronoun ("he"), or a description ("the Israeli leader",
"the top US diplomat", "the news outlet", "officials in Jerusalem").

Referents keeps, in text order, every mention a later phrase may point back to (named entities and
speakers already resolved). A pronoun goes to the most recent compatible mention in the same voice,
preferring grammatical subjects; a description goes to the most recent person whose country and
role fit, or to the last outlet named; a group of unnamed people stays a group ("officials in
Jerusalem") linked to the country it names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from ... import vocab
from ...model import Ref
from ...quotemarks import find_quotes
from ...syntax import entities_of, hyphen_piece, sentences_overlapping
from .attribution import reports_quotation_before
from .words import gender_of_name, has_role, role_words, speaker_words, strip_determiner


@dataclass
class Referent:
    start: int
    end: int
    text: str
    ref: Ref
    kind: str  # person | org | outlet | place | group | document
    voice: str
    subject: bool = False
    country: Optional[str] = None
    gender: Optional[str] = None
    roles: tuple[str, ...] = ()
    title: str = ""  # the title words the article puts before the name ("defence secretary")
    main: bool = False  # the subject (or passive agent) of its sentence's main verb, or a speaker


# A description's noun and the CAMEO agent code of what it may stand for ('the party' for an entity coded
# …PTY), for names that do not end in the noun ('the Liberal Democrats').
AGENT_OF_NOUN = {"party": "PTY", "company": "BUS", "firm": "BUS", "corporation": "BUS"}  # CAMEO agent codes

KIND_BY_TYPE = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "place",
}


def is_subject(span: Span) -> bool:
    """A grammatical subject, or a name in apposition to one ('Merovia's economy minister, Ines Castellano,')."""
    root = span.root
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in span) or (
        root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
    )


def is_agent(span: Span) -> bool:
    """The agent of a passive verb, its logical subject ('His statement was echoed by Johnson')."""
    root = span.root
    if root.dep_ == "appos":  # 'echoed by the trade secretary, Martin Cole'
        root = root.head
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def is_main_subject(span: Span) -> bool:
    """The subject or passive agent of the sentence's main verb (or of a verb joined to it by 'and'), as
    opposed to the subject of an embedded clause ('… said he believes Obama is a Christian')."""
    root = span.root
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb = root.head.head
    elif root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
    else:
        return False
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ == "ccomp" and reports_quotation_before(verb.head) and verb.i < verb.head.i:
        return True  # 'Holt amended his testimony — “I now do recall,” he said': the parser's ccomp is narration
    return verb.dep_ == "ROOT"


def _where_from(phrase: Span, place: Referent) -> bool:
    """The place in a description says where someone is from or lives ('the gutter cleaner from nearby New
    Addington', 'a doctor in Kherson'), not who speaks; 'the city of Phoenix' is the place itself."""
    inside = [t for t in phrase if place.start <= t.idx < place.end]
    if not inside:
        return False
    tok = min(inside, key=lambda t: t.i)
    while tok.head.i != tok.i and tok.head.idx >= place.start and tok.head.idx < place.end:
        tok = tok.head
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head  # 'a family in the suburbs of New York City': where in the place
    return tok.dep_ == "pobj" and tok.head.lower_ in ("from", "in", "inside", "near") and tok.head.head == phrase.root


def described_as(text: str, entity: Optional[str] = None) -> Optional[Ref]:
    """A speaker named by their description as written, capitalised ('a teacher from Westbridge' ->
    'Teacher from Westbridge'), or None when nothing is left of it."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("those", "these") and words[1].lower() in PRONOUN_MODIFIERS:
        name = text.strip()  # 'Those close to him', 'those who knew her': 'those' is the head, not a determiner
    else:
        name = strip_determiner(text)
    return Ref(name[0].upper() + name[1:], entity) if name else None


# Words after 'those' that make it the head of its phrase ('those close to him', 'those in power').
PRONOUN_MODIFIERS = {"close", "closest", "familiar", "near", "nearest", "involved", "in", "at", "with", "around"}


class Referents:
    def __init__(self, ctx):
        self.ctx = ctx
        self.items: list[Referent] = []
        self._starts: list[int] = []
        self.base = ctx.kb
        self.date = ctx.article.published
        self._quoted: Optional[list[tuple[int, int]]] = None
        self._collect_entities()
        self._promote_titled()
        self._collect_groups()

    # -- building -------------------------------------------------------------------------------
    def add(self, r: Referent) -> None:
        i = bisect.bisect_right(self._starts, r.start)
        self._starts.insert(i, r.start)
        self.items.insert(i, r)

    def _promote_titled(self) -> None:
        """One mention with a person's title ('its chief executive, Anselm Drury') makes every mention of
        that name a person, whatever type the tagger gave."""
        titled = {r.ref.name for r in self.items if r.kind == "person" and r.title}
        for r in self.items:
            if r.ref.name in titled and r.kind in ("place", "org"):
                r.kind = "person"
                if r.gender is None:
                    r.gender = gender_of_name(r.ref.name)

    def _collect_groups(self) -> None:
        """Unnamed groups that speak ('two finance ministry officials told …'), so 'they' and 'one of
        them' can point back to them."""
        cues = vocab.cue_verbs()
        for tok in self.ctx.doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues:
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.tag_ != "NNS" or any(r.start <= subj.idx < r.end for r in self.items):
                continue
            span = subj.doc[subj.left_edge.i : subj.i + 1]
            name = strip_determiner(span.text)
            self.add(
                Referent(
                    span.start_char,
                    span.end_char,
                    span.text,
                    Ref(name[:1].upper() + name[1:], None),
                    "group",
                    self.voice_id(span.start_char),
                    True,
                )
            )

    def _collect_entities(self) -> None:
        doc, analysis = self.ctx.doc, self.ctx.analysis
        if analysis.entities:
            for e in analysis.entities:
                for m in e.mentions:
                    if m.field != "text":
                        continue
                    span = doc.char_span(m.start, m.end, alignment_mode="expand")
                    self.add(
                        self._referent(
                            m.start,
                            m.end,
                            m.text,
                            Ref(e.name, e.id),
                            e.type,
                            span,
                            e.country,
                            e.roles,
                        )
                    )
            return
        # Without an entities stage: spaCy's entities, surnames linked to the full name used earlier.
        full_names: dict[str, str] = {}
        for ent in entities_of(doc):
            if ent.label_ not in KIND_BY_TYPE:
                continue
            name = ent.text
            if ent.label_ == "PERSON":
                parts = name.split()
                if len(parts) > 1:
                    full_names.setdefault(parts[-1], name)
                name = full_names.get(name, name)
            entry = next(iter(self.base.lookup(ent.text, date=self.date)), None)
            country = entry.country if entry else None
            etype = entry.type if entry else ent.label_
            if entry:
                name = entry.name
            self.add(
                self._referent(
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    Ref(name, None),
                    etype,
                    ent,
                    country,
                    (),
                )
            )

    def _referent(self, start, end, text, ref, etype, span: Optional[Span], country, roles) -> Referent:
        kind = KIND_BY_TYPE.get(etype, "org")
        if kind != "person" and self.is_outlet(ref.name):
            kind = "outlet"
        subject = span is not None and (is_subject(span) or is_agent(span))
        gender = None
        if span is not None and span.start > 0:
            prev = span.doc[span.start - 1].lower_
            gender = (
                "male"
                if prev in speaker_words()["male_titles"]
                else "female"
                if prev in speaker_words()["female_titles"]
                else None
            )
        if gender is None and kind == "person":
            gender = gender_of_name(ref.name)
        title = self.title_of(span) if kind in ("person", "place", "org") and span is not None else None
        if title is not None and kind != "person" and has_role(title.text):
            kind = "person"  # 'Union organiser Carys Mbeki': a title names a person whatever the tagger said
        if title is not None and country is None:
            country = self.country_in(title)
        return Referent(
            start,
            end,
            text,
            ref,
            kind,
            self.voice_id(start),
            subject,
            country,
            gender,
            tuple(roles or ()),
            title.text.lower() if title is not None else "",
            span is not None and is_main_subject(span),
        )

    def is_outlet(self, name: str) -> bool:
        """A news outlet: one the knowledge base lists, a name ending in a newspaper's or broadcaster's
        word ('the Harbour Gazette', 'Westbridge Radio'), or the short name of an outlet named before."""
        words = name.split()
        if len(words) == 1 and any(r.kind == "outlet" and r.ref.name.split()[-1] == name for r in self.items):
            return True
        return bool(self.base.outlet(name)) or (
            len(words) > 1
            and words[-1].lower() in speaker_words()["outlet_name_words"]
            and all(w[:1].isupper() for w in words)
        )

    @classmethod
    def title_of(cls, span: Span) -> Span:
        """The title words before a name, or the description it is in apposition to ('Norland's fisheries
        minister, Kjell Amundsby')."""
        root = span.root
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            head = root.head
            left = min([c.i for c in head.lefts if c.dep_ in ("compound", "amod")] + [head.i])
            return span.doc[left : head.i + 1]
        return cls.title_before(span)

    @staticmethod
    def title_before(span: Span) -> Span:
        """The title words a name carries in front ('US Secretary of State' Antony Blinken)."""
        doc, i = span.doc, span.start
        while i > 0 and i > span.start - 6:
            t = doc[i - 1]
            if t.pos_ in ("PROPN", "ADJ", "NOUN") or (t.lower_ == "of" and i - 2 >= 0 and doc[i - 2].pos_ == "PROPN"):
                i -= 1
            else:
                break
        return doc[i : span.start]

    def voice_id(self, offset: int) -> str:
        return self.ctx.analysis.voice_at(offset).id

    # -- resolving --------------------------------------------------------------------------------
    def before(self, offset: int, voice: str) -> list[Referent]:
        """Candidates before offset, most recent first: the same voice first, then the rest."""
        i = bisect.bisect_left(self._starts, offset)
        earlier = self.items[:i][::-1]
        same = [r for r in earlier if r.voice == voice]
        return same + [r for r in earlier if r.voice != voice]

    def at(self, start: int, end: int) -> Optional[Referent]:
        """A named referent inside [start, end), persons first."""
        inside = [r for r in self.items if r.start >= start and r.end <= end and r.kind != "group"]
        inside.sort(key=lambda r: (r.kind != "person", r.kind not in ("org", "outlet"), r.start))
        return inside[0] if inside else None

    def resolve(self, phrase: Span) -> tuple[Optional[Ref], str]:
        """The speaker a mention phrase refers to, and the kind of mention it was (name/pronoun/description/group)."""
        text = phrase.text.strip()
        low = text.lower()
        voice = self.voice_id(phrase.start_char)
        pron = speaker_words()["pronouns"].get(low)
        if pron:
            return self.resolve_pronoun(low, pron, phrase.start_char, voice), "pronoun"
        head = phrase.root
        if hyphen_piece(head):  # 'co-host Dan Ebbe' parsed as three subjects: the last is the head
            head = next((t for t in reversed(phrase) if t.head == head.head and not hyphen_piece(t)), head)
        if head.pos_ == "PROPN":  # 'Facebook and Google employees', parsed as 'Facebook' and 'Google employees':
            head = next(  # both names modify the plural noun, which is the head
                (
                    c
                    for c in head.children
                    if c.dep_ == "conj"
                    and c.tag_ == "NNS"
                    and c.i > 0
                    and c.doc[c.i - 1].dep_ == "compound"
                    and c.doc[c.i - 1].pos_ == "PROPN"
                    and c.doc[c.i - 1].head == c
                ),
                head,
            )
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN")), None)
        if owner is not None and head.lemma_.lower() in speaker_words()["medium_nouns"]:
            # 'her statement explaining that …', 'Trump's tweet said …': the owner speaks through the medium
            return self.resolve(phrase.doc[owner.left_edge.i : owner.i + 1])
        owner = owner or next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        if owner is not None and head.lemma_.lower() in speaker_words()["document_nouns"]:
            # 'the company's own figures show …', 'Pew's survey found …': the owner's figures speak for it
            owned, how = self.resolve(phrase.doc[owner.left_edge.i : owner.i + 1])
            if owned is not None and how in ("name", "description"):
                return owned, how
        if head.lower_ == "one":  # 'one of them', 'one of the officials': a member of that group speaks
            group = next((g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if group is not None:  # the group without its clause ('the officials quoted by the AP')
                clause = [c.left_edge.i for c in group.children if c.dep_ in ("acl", "relcl") and c.i > group.i]
                return self.resolve(phrase.doc[group.left_edge.i : min([group.right_edge.i + 1, *clause])])
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is None and head.pos_ == "NOUN":  # 'The mayor of Velmoria, Tamsin Okereke,': the parser
            appos = next(  # hangs the person's name on the place, which no person is in apposition to
                (
                    a
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children
                    if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "ORG", "NORP")
                    for a in o.children
                    if a.dep_ == "appos"
                    and a.pos_ == "PROPN"
                    # the tagger may read 'Westbridge, Ann Holt' as a place and its state: a given name
                    # first says it is a person
                    and (a.ent_type_ in ("PERSON", "") or gender_of_name(a.left_edge.text))
                ),
                None,
            )
        if appos is not None and head.pos_ == "NOUN":  # 'The finance minister, Olga Berg,': the name wins
            head = appos
        elif (
            not head.ent_type_
            and head.tag_ not in ("NNS", "NNPS")
            and not any(c.dep_ in ("det", "poss") for c in head.children)
        ):
            # 'Prime Minister and party leader Ann Holt': titles joined before one name are that person's
            titled = next((c for c in head.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)
            if titled is not None:
                return self.resolve(phrase.doc[titled.left_edge.i : titled.right_edge.i + 1])
        if head.pos_ == "PROPN" and not any(r.start <= head.idx < r.end for r in self.items):
            person = next(
                (
                    r
                    for r in self.before(phrase.start_char, voice)
                    if r.kind == "person" and r.ref.name.split()[-1] == head.text
                ),
                None,
            )
            if person:  # a surname the model did not tag, of a person named earlier
                return person.ref, "name"
        if (
            head.ent_type_ == "NORP"
            and head.tag_ in ("NNP", "NN", "JJ")
            and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in head.children)
        ):
            return described_as(text), "description"  # 'one Democrat familiar with …': a member, not the party
        # The head itself is a name ("Prime Minister Benjamin Netanyahu", "Blinken", "The CNN").
        # the innermost name holding the head: a speaker mention remembered with its clause ('one of the
        # officials quoted by the Associated Press') holds other names
        named_head = min(
            (r for r in self.items if r.start <= head.idx < r.end and r.kind != "group"),
            key=lambda r: r.end - r.start,
            default=None,
        )
        if named_head:
            return named_head.ref, "name"
        if head.pos_ == "PROPN" and head.ent_type_ == "PERSON" or appos is not None:
            return Ref(
                " ".join(t.text for t in head.subtree if t.pos_ == "PROPN") or head.text,
                None,
            ), "name"
        head_words = {head.lemma_.lower(), head.lower_}
        inner = self.at(phrase.start_char, phrase.end_char)
        if inner is not None and inner.kind == "outlet" and head.tag_ == "NN" and head.lower_ in role_words():
            described = self.resolve_description(phrase, voice)  # 'a Politico reporter': a person, not the outlet
            if described is None:
                described = described_as(text)
            return described, "description"
        office = head.lower_ in role_words() and head.lower_ not in set(speaker_words()["spokesperson_nouns"])
        if (
            inner is not None
            and inner.kind in ("org", "outlet")
            and (head_words & set(speaker_words()["member_nouns"]) or office)
        ):
            # 'a senior Tory MP', 'the Republican candidate', 'the Tory leader': a member or office holder,
            # who is a person, not the party. An office of a body is only the person given that title: the
            # last person named is often of another party.
            member = (
                self.resolve_description(phrase, voice)
                if head_words & set(speaker_words()["member_nouns"])
                else self.named_after(phrase, voice)
            )
            if member is not None:
                return member, "description"
            return described_as(text), "description"
        if inner is not None and inner.kind in ("org", "outlet"):
            return (
                inner.ref,
                "name",
            )  # 'a report in the Economic Observer', 'a Pentagon spokesman': the named source in the phrase
        kind_of_body = [
            c
            for c in head.children
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in speaker_words()["news_words"]
        ]
        if head_words & set(speaker_words()["outlet_nouns"]) and head.tag_ != "NNS" and not kind_of_body:
            # ('the refugee agency', 'the space agency' are no outlets: a body of another kind)
            outlet = next(
                (r for r in self.before(phrase.start_char, voice) if r.kind == "outlet"),
                None,
            )
            if outlet:
                return outlet.ref, "description"
        described = (
            self.resolve_description(phrase, voice)
            or self.described_org(phrase, voice)
            or self.named_after(phrase, voice)
        )
        if described:
            return described, "description"
        named = self.at(phrase.start_char, phrase.end_char)
        if head_words & set(speaker_words()["group_nouns"]) and head.tag_ in ("NNS", "NNPS"):
            return described_as(text, named.ref.entity if named else None), "group"
        # who speaks for a body is the body ('a spokesman for the Kremlin')
        person_head = (
            head.lower_ in role_words() or head.lemma_.lower() in role_words() or head.lower_ in vocab.actor_nouns()
        ) and head.lower_ not in set(speaker_words()["spokesperson_nouns"])
        if named and named.kind == "place" and person_head and not (named.start <= head.idx < named.end):
            return described_as(text), "description"  # 'a Beirut-based diplomat': a person the place describes
        if named and named.kind == "place" and _where_from(phrase, named):
            return described_as(text), "description"  # 'a teacher from Westbridge': someone from there
        if named and named.kind != "person":  # 'the U.S. resolution', 'a U.S. bid': the party named in the phrase
            return named.ref, "name"
        # 'A friend of Lopez', 'his lawyer': someone related to a named person, not that person.
        return described_as(text), "group"

    def resolve_pronoun(self, low: str, pron: list, offset: int, voice: str) -> Optional[Ref]:
        """'he'/'she': the nearest subject before it in the voice (within about two sentences) that can be
        a person of that gender; failing that, the nearest person whose gender is known to match. A name
        whose gender is unknown matches only as that nearest subject, never from further back."""
        gender, number = pron
        if gender == "self":
            return None
        # A name inside the quotation a pronoun speaks is that speaker's words, not who speaks
        # ('“… block her Netflix special,” they said' is not Netflix).
        spoken = [(a, b) for a, b in self._quotations() if b <= offset and offset - b <= 3]
        cands = [r for r in self.before(offset, voice) if not any(a < r.start < b for a, b in spoken)]
        near = [r for r in cands if r.subject and r.voice == voice and offset - r.end < 400]
        if gender in ("male", "female"):
            # The subject of a main clause (or a speaker) outranks the subject of an embedded clause.
            for r in [r for r in near if r.main] + near:
                if r.kind == "person" and r.gender in (None, gender):
                    return r.ref
            known = [r for r in cands if r.kind == "person" and r.gender == gender]
            return next((r.ref for r in [r for r in known if r.main] + known), None)
        for r in near + [r for r in cands if r not in near]:
            if gender == "neuter":
                # a place speaks as 'it' only as the subject just before ('Iran said … It added'); one merely
                # named further back is no speaker ('It stated that …' after 'results in South Carolina')
                if r.kind in ("org", "outlet", "document") or (r.kind == "place" and r in near):
                    return r.ref
            elif number == "plur":
                # 'they' is a body or a group, never one person ("Braun's" only looks plural)
                if r.kind in ("group", "org", "place") or (r.kind != "person" and r.text.lower().endswith("s")):
                    return r.ref
        return None

    def resolve_description(self, phrase: Span, voice: str) -> Optional[Ref]:
        """'the Israeli leader', 'the top US diplomat': the office holder the knowledge base names for the
        article's date when the article mentions them, else a person of that country named earlier."""
        low = phrase.text.lower()
        owner = next((c for c in phrase.root.children if c.dep_ == "poss"), None)
        if owner is not None:  # 'the president's budget director': the role is the director's, not the president's
            low = phrase.doc[owner.right_edge.i + 1 : phrase.end].text.lower()
        roles = [w for w in speaker_words()["role_nouns"] if re.search(rf"\b{re.escape(w)}\b", low)]
        if not roles or phrase.root.tag_ in ("NNS", "NNPS"):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in phrase.root.children):
            return None  # 'a Lebanese political leader' is someone unnamed, never the office holder
        country = self.country_in(phrase)
        # 'the former secretary of state', 'the Syrian opposition leader': not whoever holds the office now
        other = any(re.search(rf"\b{re.escape(w)}\b", low) for w in speaker_words()["office_qualifiers"])
        holder = None if other else self.base.holder_of(phrase.text, country, self.date)
        persons = [r for r in self.before(phrase.start_char, voice) if r.kind == "person"]
        if holder is not None:
            for r in persons:
                if r.ref.name == holder.name:
                    return r.ref
        for r in persons:  # the article's own title for a person: 'Defence Secretary Paul Grant'
            if (country is None or r.country in (country, None)) and self.fits(r, roles):
                return r.ref
        if country and not other:
            for r in persons:
                if r.country == country and not (holder is not None and r.roles):
                    return r.ref
        if holder is None and country is None:
            # 'Tony Blair has pledged … The prime minister told …', 'Elich believes … the expert concluded':
            # a definite description right after a person who is the subject of the narration, that names
            # no other office they hold, is that person again.
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.root.children)
            near = [
                r
                for r in persons
                if r.main and r.voice == voice and phrase.start_char - r.end < 400 and r.start < phrase.start_char
            ]
            if (
                definite
                and near
                and (self.fits(near[0], roles) or not self.fits(near[0], list(role_words())))
                and not self._named_beside(near[0], phrase)
                and not self._narration_between(near[0].end, phrase.start_char)
            ):
                return near[0].ref
        return Ref(holder.name, None) if holder is not None else None

    def described_org(self, phrase: Span, voice: str) -> Optional[Ref]:
        """'the company', 'the council': the nearest organisation named before whose title or name ends in
        that noun ('Mining company Talvane Resources', 'Kelsby Town Council'), or, for 'the party', whose
        knowledge-base code says it is a party ('the Liberal Democrats')."""
        head = phrase.root
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not any(c.lower_ == "the" for c in head.children):
            return None
        noun = head.lower_
        agent = AGENT_OF_NOUN.get(noun)
        codes = {e.id: e.code or "" for e in self.ctx.analysis.entities} if agent else {}
        for r in self.before(phrase.start_char, voice):
            if r.kind in ("org", "outlet") and (
                r.title.split()[-1:] == [noun] or r.ref.name.lower().split()[-1:] == [noun]
            ):
                return r.ref
            if agent and r.kind in ("org", "group") and codes.get(r.ref.entity or "", "")[3:6] == agent:
                return r.ref  # 'the Liberal Democrats … The party says': a party by its CAMEO code
        return None

    def named_after(self, phrase: Span, voice: str) -> Optional[Ref]:
        """A description that is exactly the title a person is given by name: the person named before with that
        title, else, in the lead ('…, its harbour master warned on Monday.' then 'Harbour master Ilse
        Vantongeren said …'), the first one named soon after ('the minister' is not 'finance minister Olga Berg')."""
        head = phrase.root
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not any(c.dep_ in ("det", "poss") for c in head.children):
            return None
        words = [t.lower_ for t in phrase if t.i == head.i or (t.dep_ in ("compound", "amod") and t.head == head)]

        def titled(r: Referent) -> bool:
            return r.kind == "person" and r.voice == voice and r.title.split() == words

        earlier = next((r for r in self.before(phrase.start_char, voice) if titled(r)), None)
        if earlier is not None:
            return earlier.ref
        if "\n" in self.ctx.article.text[: phrase.start_char].lstrip():
            return None  # only the lead names a person by description before it names them
        for r in self.items[bisect.bisect_left(self._starts, phrase.end_char) :]:
            if r.start - phrase.end_char > 800:
                break
            if titled(r):
                return r.ref
        return None

    def _quotations(self) -> list[tuple[int, int]]:
        if self._quoted is None:
            self._quoted = [(q.open_mark, q.outer_end) for q in find_quotes(self.ctx.article.text) if q.double]
        return self._quoted

    def _narration_between(self, start: int, end: int) -> bool:
        """Is there a sentence of the article's own narration (not mostly quotation) wholly between two offsets?"""
        quotations = self._quotations()
        for sent in sentences_overlapping(self.ctx.doc, start, end):
            if sent.start_char < start or sent.end_char > end:
                continue
            quoted = sum(max(0, min(b, sent.end_char) - max(a, sent.start_char)) for a, b in quotations)
            if 2 * quoted < sent.end_char - sent.start_char:
                return True
        return False

    @staticmethod
    def _named_beside(r: Referent, phrase: Span) -> bool:
        """Is the person named again in the description's own sentence ('the chancellor said Mr Fallon was
        …')? Then the description is someone else."""
        sent = phrase.sent
        last = r.ref.name.split()[-1]
        return any(t.text == last and not phrase.start <= t.i < phrase.end for t in sent)

    @staticmethod
    def fits(r: Referent, roles: list[str]) -> bool:
        """Does a person's title or office match one of the role words of a description?"""
        held = " ".join((r.title, *[x.lower() for x in r.roles]))
        return any(re.search(rf"\b{re.escape(w)}\b", held) for w in roles)

    def country_in(self, phrase: Span) -> Optional[str]:
        if not len(phrase):
            return None
        for tok in phrase:
            if tok.pos_ in ("DET", "ADP", "PUNCT"):
                continue
            for cand in (tok.text, tok.lemma_):
                for e in self.base.lookup(cand):
                    if e.country and e.kind in (
                        "country",
                        "demonym",
                        "capital",
                        "place",
                        "gpe",
                    ):
                        return e.country
        return None
