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
import functools
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from ... import vocab
from ...model import Ref


@functools.lru_cache(maxsize=1)
def speaker_words() -> dict:
    return vocab.json_file("speaker_words.json")


@functools.lru_cache(maxsize=1)
def given_names() -> dict:
    return vocab.json_file("given_names.json")


def gender_of_name(name: str) -> Optional[str]:
    """'male'/'female' from a common given name ('Sajid Javid' -> male), None when unknown."""
    first = name.split()[0].lower() if name.split() else ""
    names = given_names()
    return "male" if first in names["male"] else "female" if first in names["female"] else None


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


KIND_BY_TYPE = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "place",
}
DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)


def strip_determiner(text: str) -> str:
    return DETERMINERS.sub("", text.strip())


class Referents:
    def __init__(self, ctx):
        self.ctx = ctx
        self.items: list[Referent] = []
        self._starts: list[int] = []
        self.base = ctx.kb
        self.date = ctx.article.published
        self._collect_entities()

    # -- building -------------------------------------------------------------------------------
    def add(self, r: Referent) -> None:
        i = bisect.bisect_right(self._starts, r.start)
        self._starts.insert(i, r.start)
        self.items.insert(i, r)

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
        for ent in doc.ents:
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
        if kind == "org" and self.base.outlet(ref.name):
            kind = "outlet"
        subject = bool(span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span))
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
        title = self.title_before(span) if kind == "person" and span is not None else None
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
        )

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
        appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and head.pos_ == "NOUN":  # 'The finance minister, Olga Berg,': the name wins
            head = appos
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
        # The head itself is a name ("Prime Minister Benjamin Netanyahu", "Blinken", "The CNN").
        named_head = next(
            (r for r in self.items if r.start <= head.idx < r.end and r.kind != "group"),
            None,
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
        if inner is not None and inner.kind in ("org", "outlet"):
            return (
                inner.ref,
                "name",
            )  # 'a report in the Economic Observer': the named source in the phrase
        if head_words & set(speaker_words()["outlet_nouns"]) and head.tag_ != "NNS":
            outlet = next(
                (r for r in self.before(phrase.start_char, voice) if r.kind == "outlet"),
                None,
            )
            if outlet:
                return outlet.ref, "description"
        described = self.resolve_description(phrase, voice)
        if described:
            return described, "description"
        named = self.at(phrase.start_char, phrase.end_char)
        if head_words & set(speaker_words()["group_nouns"]) and head.tag_ in ("NNS", "NNPS"):
            name = strip_determiner(text)
            return Ref(name[0].upper() + name[1:], named.ref.entity if named else None), "group"
        if named and named.kind != "person":  # 'the U.S. resolution', 'a U.S. bid': the party named in the phrase
            return named.ref, "name"
        # 'A friend of Lopez', 'his lawyer': someone related to a named person, not that person.
        name = strip_determiner(text)
        return (Ref(name[0].upper() + name[1:], None) if name else None), "group"

    def resolve_pronoun(self, low: str, pron: list, offset: int, voice: str) -> Optional[Ref]:
        gender, number = pron
        if gender == "self":
            return None
        for r in self._ranked(offset, voice):
            if gender in ("male", "female"):
                if r.kind == "person" and r.gender in (None, gender):
                    return r.ref
            elif gender == "neuter":
                if r.kind in ("org", "outlet", "document", "place"):
                    return r.ref
            elif number == "plur":
                if r.kind in ("group", "org", "place") or r.text.lower().endswith("s"):
                    return r.ref
        return None

    def _ranked(self, offset: int, voice: str) -> list[Referent]:
        """Recent subjects first (within about two sentences), then everything by recency."""
        cands = self.before(offset, voice)
        near = [r for r in cands if r.subject and r.voice == voice and offset - r.end < 400]
        return near + [r for r in cands if r not in near]

    def resolve_description(self, phrase: Span, voice: str) -> Optional[Ref]:
        """'the Israeli leader', 'the top US diplomat': the office holder the knowledge base names for the
        article's date when the article mentions them, else a person of that country named earlier."""
        low = phrase.text.lower()
        roles = [w for w in speaker_words()["role_nouns"] if re.search(rf"\b{re.escape(w)}\b", low)]
        if not roles or phrase.root.tag_ in ("NNS", "NNPS"):
            return None
        country = self.country_in(phrase)
        holder = self.base.holder_of(phrase.text, country, self.date)
        persons = [r for r in self.before(phrase.start_char, voice) if r.kind == "person"]
        if holder is not None:
            for r in persons:
                if r.ref.name == holder.name:
                    return r.ref
        for r in persons:  # the article's own title for a person: 'Defence Secretary Paul Grant'
            if (country is None or r.country in (country, None)) and self.fits(r, roles):
                return r.ref
        if country:
            for r in persons:
                if r.country == country and not (holder is not None and r.roles):
                    return r.ref
        return Ref(holder.name, None) if holder is not None else None

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
