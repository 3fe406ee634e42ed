"""Who an event's source or target is: a noun phrase of the parse turned into ActorRefs with codes.

Preference order, so that the entities stage wins whenever it has something to say:
 1. an entity of analysis.entities whose mention covers the phrase's head (entity ref = its id);
 2. the knowledge base (kb.lookup) for the phrase's named entity;
 3. the event tables: organisations and armed groups (actors.tsv), countries by name, adjective or capital
    (countries.tsv), agent words ("officials" GOV, "troops" MIL) for CAMEO-style codes like ISRGOV.
A compound phrase ("Russia and China", "Hungarian and Romanian officials") gives one actor per member.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from spacy.tokens import Span, Token

from ... import kb as kbmod
from ...dates import month_here
from ...model import ActorRef, Analysis, Entity
from ...syntax import entity_at, text_of
from .dictionary import _lines, agents, countries

if TYPE_CHECKING:
    from ...kb.actors import Actor

PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "who",
    "which",
    "that",
    "whom",
    "this",
    "these",
    "those",
    "itself",
    "themselves",
    "himself",
    "herself",
    "one",
    "some",
    "both",
}


def is_pronoun(tok) -> bool:
    """A pronoun, but not 'US' written in capitals: that is the country ('the US remains committed')."""
    if len(tok.text) > 1 and tok.text.isupper():
        return False
    return tok.lower_ in PRONOUNS or tok.pos_ == "PRON"


RELATIVE = {"who", "which", "that", "whom", "whose"}
DESCRIBED_REACH = 400  # characters back to the person a candidacy description names
BODY_REACH = 1500  # characters back to the organisation 'the company' or 'the newspaper' names
CORE_DEPS = {
    "compound",
    "amod",
    "nmod",
    "poss",
    "det",
    "nummod",
    "case",
    "quantmod",
    "flat",
}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
NOT_ACTOR_ENTS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
}
AT_PREPS = {
    "of",
    "for",
    "in",
    "from",
    "throughout",
    "across",
}  # 'refugees in Hungary', 'students throughout Indonesia'


@functools.lru_cache(maxsize=1)
def named_actors() -> dict[str, tuple[str, str]]:
    """Folded organisation/group name -> (code, name) from actors.tsv (first code wins)."""
    out: dict[str, tuple[str, str]] = {}
    for row in _lines("actors.tsv"):
        names = [n for n in row[1].split("|") if n]
        for n in names:
            k = kbmod.key(n)
            if len(k) > 2 and k not in out:
                out[k] = (
                    row[0],
                    names[0].title() if names[0].isupper() and len(names[0]) > 5 else names[0],
                )
    return out


@dataclass
class Found:
    code: Optional[str] = None
    name: Optional[str] = None
    entity: Optional[str] = None


def _a_month(tok: Token) -> bool:
    """A month name used as one ('from March to May', 'the May 3 vote'): dates.month_here on the token."""
    return month_here(text_of(tok.doc), tok.idx, tok.idx + len(tok))


class ActorResolver:
    """Per-article actor lookups: the entities stage's mentions, the kb, the event tables."""

    def __init__(
        self,
        analysis: Analysis,
        doc,
        kb=None,
        date: Optional[str] = None,
        kb_paths: tuple = (),
    ):
        self.kb_paths = kb_paths
        self.resolve_actor: Optional[Callable[[str, Optional[str], tuple[str, ...]], Optional[Actor]]]
        try:
            from ...kb.actors import resolve_actor

            self.resolve_actor = resolve_actor
        except ImportError:
            self.resolve_actor = None
        self.loose = False  # accept any noun phrase as an actor (without a code): see resolve()
        self.analysis = analysis
        self.kb = kb
        self.date = date
        self.by_offset: dict[int, Entity] = {}
        self.person_mentions: list[tuple[int, Entity]] = []  # (offset, PERSON entity), in text order
        self.state_mentions: list[tuple[int, Entity]] = []  # (offset, GPE entity), in text order
        self.body_mentions: list[tuple[int, Entity]] = []  # (offset, ORG entity), in text order
        width: dict[int, int] = {}
        for ent in analysis.entities:
            for m in ent.mentions:
                if getattr(m, "field", "text") != "text":
                    continue
                if ent.type == "PERSON":
                    self.person_mentions.append((m.start, ent))
                elif ent.type == "GPE":
                    self.state_mentions.append((m.start, ent))
                elif ent.type == "ORG":
                    self.body_mentions.append((m.start, ent))
                for off in range(m.start, m.end):
                    if m.end - m.start < width.get(off, 10**9):  # the tightest mention names the word
                        self.by_offset[off] = ent
                        width[off] = m.end - m.start
        self.person_mentions.sort(key=lambda pm: pm[0])
        self.state_mentions.sort(key=lambda pm: pm[0])
        self.body_mentions.sort(key=lambda pm: pm[0])

    # -- phrase pieces -------------------------------------------------------------------------
    @staticmethod
    def members(head: Token) -> list[Token]:
        """The heads of a coordination: 'Russia and China' -> [Russia, China]. Titles joined before one
        name are one person: 'Attorney General and Senate candidate Ann Holt' -> [Holt]."""
        if (
            not head.ent_type_
            and head.tag_ not in ("NNS", "NNPS")
            and not any(c.dep_ in ("det", "poss") for c in head.children)
        ):
            named = [
                c
                for c in head.children
                if c.dep_ == "conj" and any(t.ent_type_ == "PERSON" for t in (c, *c.children) if t.dep_ != "cc")
            ]
            if named:
                return ActorResolver.members(named[0])
        out = [head]
        for c in head.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                out.extend(ActorResolver.members(c))
        return out

    @staticmethod
    def core(head: Token) -> list[Token]:
        """The head with its modifiers (no clauses, no coordinated members): 'the Israeli prime minister'."""
        out = [head]

        def walk(tok: Token) -> None:
            for c in tok.children:
                if (
                    c.dep_ in CORE_DEPS
                    or (c.dep_ == "prep" and c.lower_ in AT_PREPS)
                    or (c.dep_ == "pobj" and tok.dep_ == "prep")
                ):
                    out.append(c)
                    walk(c)

        walk(head)
        return sorted(out, key=lambda t: t.i)

    @staticmethod
    def mention(head: Token) -> str:
        """The phrase as written, without coordinated members."""
        skip: set[int] = set()
        for c in head.children:
            if c.dep_ in ("conj", "cc", "appos") or (c.dep_ == "punct" and c.i > head.i):
                skip.update(t.i for t in c.subtree)
        toks = [t for t in head.subtree if t.i not in skip]
        if not toks:
            return head.text
        doc = head.doc
        text = doc[toks[0].i : toks[-1].i + 1].text
        if len(text) > 160:
            core = ActorResolver.core(head)
            text = doc[core[0].i : core[-1].i + 1].text
        return text.strip(" ,;:\u201c\u201d\"'")

    @staticmethod
    def through_quantity(head: Token) -> Token:
        """'Thousands of Iraqi Kurds', 'a group of Yoruba leaders': the people counted act, not the count."""
        from .dictionary import cues

        if (
            head.lemma_.lower() not in cues().get("quantity", set())
            and head.lower_ not in cues().get("quantity", set())
            and not (head.ent_type_ == "CARDINAL" and head.pos_ in ("NUM", "NOUN"))
        ):
            return head
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        return head

    # -- lookups -------------------------------------------------------------------------------
    def _entity_for(self, tokens: list[Token]):
        for t in sorted(tokens, key=lambda t: t.dep_ != "ROOT" and t is not tokens[-1]):
            ent = self.by_offset.get(t.idx)
            if ent is not None:
                return ent
        return None

    def _lookup_name(self, text: str) -> Found:
        k = kbmod.key(text)
        if not k:
            return Found()
        if self.kb is not None:
            for entry in self.kb.lookup(text, date=self.date):
                if entry.kind == "outlet":
                    continue
                code = entry.code_on(self.date) or entry.country
                return Found(code, entry.name, None)
        if k in countries():
            code, name = countries()[k]
            return Found(code, name)
        if k in named_actors():
            code, name = named_actors()[k]
            return Found(code, name)
        return Found()

    def _country_in(self, tokens: list[Token]) -> Found:
        """The longest run of tokens that names a country or body ('United States', 'U.S.', 'Israeli')."""
        best = Found()
        best_len = 0
        for i in range(len(tokens)):
            for j in range(min(len(tokens), i + 6), i, -1):
                if j - i <= best_len:
                    break
                run = tokens[i:j]
                if any(t.pos_ == "PRON" or _a_month(t) for t in run) or not any(t.text[:1].isupper() for t in run):
                    continue
                text = " ".join(t.text for t in run)
                found = self._lookup_name(text)
                if found.code:
                    best, best_len = found, j - i
                    break
        return best

    def agent_code(self, head: Token, tokens: list[Token]) -> Optional[str]:
        table = agents()
        words = [t.lower_ for t in tokens if t.i <= head.i]
        for n in range(min(3, len(words)), 0, -1):
            phrase = " ".join(words[-n:])
            if phrase in table:
                return table[phrase]
        return table.get(head.lemma_.lower())

    # -- the answer ----------------------------------------------------------------------------
    def resolve(self, head: Token, loose: bool = False) -> list[ActorRef]:
        """ActorRefs for a phrase head, one per coordinated member; [] when it names no actor.
        loose: a noun phrase that names no known actor still counts (an event's doer as the text says)."""
        out: list[ActorRef] = []
        if head.ent_type_ in ("DATE", "TIME") or _a_month(head):
            return out  # 'from March to May', 'the May 3 primary': a month, not Theresa May
        self.loose = loose
        try:
            for member in self.members(self.through_quantity(head)):
                out.extend(self._resolve_one(self.through_quantity(member)))
        finally:
            self.loose = False
        return out

    def _resolve_one(self, head: Token) -> list[ActorRef]:
        if is_pronoun(head) or head.ent_type_ in NOT_ACTOR_ENTS:
            return []
        core = self.core(head)
        named_core = [t for t in core if not _a_month(t)]  # 'the May 3 vote' names no Theresa May
        mention = self.mention(head)
        pair = self._named_pair(head)
        if pair:
            return [ActorRef(name=e.name, entity=e.id, code=e.code or e.country, mention=mention) for e in pair]
        owner = next((k for k in head.children if k.dep_ == "poss" and not is_pronoun(k)), None)
        # "Republican Ann Lee's campaign" is Lee's: the possessor before any modifier of the phrase
        ent = self._entity_for([head]) or (self._entity_for([owner]) if owner is not None else None)
        ent = ent or self._entity_for(core)
        if (ent is None or ent.type != "PERSON") and self._entity_for([head]) is None:
            ent = self._described_person(head) or ent
        if ent is None:
            ent = self._described_body(head)
        agent = self.agent_code(head, core)
        if ent is not None:
            code = ent.code or (
                (ent.country or "") + (agent or "") if ent.country and ent.type not in ("PERSON",) else ent.country
            )
            return [ActorRef(name=ent.name, entity=ent.id, code=code or None, mention=mention)]
        # Country adjectives in coordination share the head: 'Hungarian and Romanian officials'.
        adjs = [
            c
            for c in head.children
            if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper() and not _a_month(c)
        ]
        split = (
            [a for a in adjs for a in self.members(a)]
            if any(c.dep_ == "conj" for a in adjs for c in a.children)
            else []
        )
        if len(split) > 1:
            refs = []
            for a in split:
                f = self._lookup_name(a.text)
                if f.code:
                    refs.append(
                        ActorRef(
                            name=f"{a.text} {head.text}",
                            entity=None,
                            code=f.code + (agent or ""),
                            mention=mention,
                        )
                    )
            if refs:
                return refs
        span = self._ent_span(head)
        if span is not None:
            f = self._lookup_name(span.text)
            if not f.code:
                f = self._country_in(core)
                if f.code and span.label_ == "PERSON":
                    f = Found(f.code + (agent or ""), None)
            name = re.sub(r"^(?:the|The)\s+", "", span.text)
            if f.code or span.label_ in ACTOR_ENTS:
                return [
                    ActorRef(
                        name=f.name if f.name and kbmod.key(f.name) == kbmod.key(span.text) else name,
                        entity=None,
                        code=f.code,
                        mention=mention,
                    )
                ]
        f = self._country_in(named_core)
        if f.code:
            own = kbmod.key(" ".join(t.text for t in core if t.dep_ != "det")) in (kbmod.key(f.name or ""),)
            code = f.code if (own or len(f.code) > 3) else f.code + (agent or "")
            known = f.name if own or head.pos_ == "PROPN" else self._plain(core)
            return [ActorRef(name=known or mention, entity=None, code=code, mention=mention)]
        shared = self._shared_resolver(head, named_core)  # roles and people the knowledge base knows
        if shared is not None:
            return [ActorRef(name=shared.name, entity=None, code=shared.code, mention=mention)]
        if agent or head.pos_ == "PROPN":
            return [ActorRef(name=self._plain(core), entity=None, code=None, mention=mention)]
        if self.loose and head.pos_ == "NOUN":
            # Not a known actor but what the text says did it ('a roadside bombing near Samarra'): kept
            # without a code, so the event is counted and a reader sees who the text blames.
            return [ActorRef(name=self._plain(core), entity=None, code=None, mention=mention)]
        return []

    def _described_person(self, head: Token):
        """'the Republican presidential nominee', 'the new frontrunner in the race' (or the head's possessor, 'the
        nominee's plan'): a definite description by candidacy (modality.tsv 'candidacy') names the person last mentioned before it, within
        DESCRIBED_REACH characters, who is not the doer of the clause it sits in (that doer is someone
        else: 'the governor defended the nominee's remarks'). None when there is no such person."""
        from .dictionary import cues

        owner = next((k for k in head.children if k.dep_ == "poss"), None)
        if head.lemma_.lower() not in cues().get("candidacy", set()):
            if owner is None or owner.lemma_.lower() not in cues().get("candidacy", set()):
                return None
            head = owner  # "the nominee's plan": the plan's author
        if not any(k.dep_ == "det" and k.lower_ == "the" for k in head.children):
            return None
        doer = self._clause_doer(head)
        i = bisect.bisect_left(self.person_mentions, head.idx, key=lambda pm: pm[0])
        for start, ent in reversed(self.person_mentions[max(0, i - 8) : i]):
            if head.idx - start > DESCRIBED_REACH:
                break
            if ent is not doer:
                return ent
        return None

    def _described_body(self, head: Token):
        """'the newspaper', 'the company': a definite description by a kind of body (modality.tsv
        'body_media', 'body_firm') with no name in it names the organisation last mentioned before it within
        BODY_REACH characters that is of that kind (an outlet for 'the newspaper', any other organisation
        for 'the company'). None when there is none."""
        from .dictionary import cues

        lemma = head.lemma_.lower()
        media = lemma in cues().get("body_media", set())
        if not media and lemma not in cues().get("body_firm", set()):
            return None
        if not any(k.dep_ == "det" and k.lower_ == "the" for k in head.children) or head.tag_ == "NNS":
            return None  # 'the companies' are more than the one named last
        if any(k.dep_ in ("poss", "compound", "nmod") or k.ent_type_ for k in head.children):
            return None  # 'the city's newspaper', 'the Hollis company': the phrase says which one
        i = bisect.bisect_left(self.body_mentions, head.idx, key=lambda pm: pm[0])
        for start, ent in reversed(self.body_mentions[max(0, i - 12) : i]):
            if head.idx - start > BODY_REACH:
                break
            code = ent.code or ""
            if code.endswith("MED") if media else (len(code) <= 3 or code.endswith("BUS") or code.startswith("MNC")):
                return ent  # a company has no state, party or armed-group code, or a business one
        return None

    def _named_pair(self, head: Token) -> list[Entity]:
        """'both countries', 'the two governments': the last two states named before the phrase, within
        DESCRIBED_REACH characters; [] when fewer than two are."""
        from .dictionary import cues

        if head.lemma_.lower() not in cues().get("state_noun", set()):
            return []
        kids = {k.lower_ for k in head.children if k.dep_ in ("det", "nummod", "predet")}
        if "both" not in kids and not {"the", "two"} <= kids:
            return []
        i = bisect.bisect_left(self.state_mentions, head.idx, key=lambda pm: pm[0])
        found: list[Entity] = []
        for start, ent in reversed(self.state_mentions[:i]):
            if head.idx - start > DESCRIBED_REACH:
                break
            if not any(ent is f or ent.name in f.name or f.name in ent.name for f in found):
                found.append(ent)  # 'Kestria' and 'the Republic of Kestria' are one state
            if len(found) == 2:
                return found[::-1]
        return []

    def _clause_doer(self, head: Token):
        """The entity of the subject of the first verb above head."""
        cur = head
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
                break
            cur = cur.head
        subj = next((k for k in cur.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        return self._entity_for(self.core(subj)) if subj is not None else None

    def _shared_resolver(self, head: Token, core: list[Token]):
        """The project's actor resolver (newstrace.actors), when it is there and the phrase is not a
        coordination of country adjectives, which this module splits itself."""
        if self.resolve_actor is None or any(
            c.dep_ == "conj" for a in head.children for c in a.children if a.dep_ == "amod"
        ):
            return None
        text = " ".join(t.text for t in core if t.dep_ != "det")
        try:
            found = self.resolve_actor(text, self.date, tuple(self.kb_paths))
        except Exception:  # the resolver is another stage's code: coding goes on with the tables here
            return None
        return found if found is not None and found.code and (found.country or found.entry is not None) else None

    @staticmethod
    def _plain(core: list[Token]) -> str:
        toks = [t for t in core if t.dep_ not in ("det",) and t.pos_ not in ("DET", "PRON")]
        return " ".join(t.text for t in toks) or " ".join(t.text for t in core)

    @staticmethod
    def _ent_span(head: Token) -> Optional[Span]:
        """The named entity holding head, when it names an actor or a place."""
        ent = entity_at(head)
        return ent if ent is not None and ent.label_ in ACTOR_ENTS | {"LOC", "FAC"} else None
