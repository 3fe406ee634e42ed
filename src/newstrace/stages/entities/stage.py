"""Stage 'entities': who and where each name in the article is, linked to the knowledge base.

Mentions come from spaCy's NER and from the knowledge-base matcher (kb/matcher.py), over the title
(field 'title') and the text. Then, for the whole document at once:
1. the knowledge base outranks the model: a KB name wins over a model span it overlaps, and its type
   is the entry's (Rafah is a GPE, never a PERSON); a model span that wraps a place or demonym in a
   longer name ("Gaza Health Ministry") stays one entity and takes that country;
2. junk is dropped: only PERSON, ORG, GPE, LOC, NORP, FAC are kept, never a name without a capital
   letter ("mm" tagged PERSON) or without a letter; transcript labels ("MINISTER JO BLOGGS:") are people;
   a name the KB does not know takes the type its article shows (retype, data/entity_cues.json: "union
   organiser X" is a person, "X Partners" and "the operator, X" organisations, "X's army", "the port of
   X" and "the X crossing" places), and days, time zones and capitalised common words are dropped;
3. mentions are grouped: one KB entry, one entity (its name, aliases and demonyms: "US", "U.S.",
   "America", "Americans"); a surname joins the one full name it ends in ("Netanyahu" -> "Benjamin
   Netanyahu"), whatever type the model gave it; an organisation's short name joins it ("the Gazette",
   "Common Sense" -> "Harbour Gazette", "Common Sense Media"); other names by folded text; one type per
   entity (the entry's, else the article's evidence, else the model's majority);
4. each entity gets its canonical name, country, kb_id, code and the roles held on the article's date.

For the later stages, ctx.entity_index is an EntityIndex:
    index.at(start, end=None, field="text") -> Entity | None   entity with a mention covering the span
    index.by_name(name) -> Entity | None                        by canonical name, KB alias or mention
    index.add_mention(entity_id, Mention)                       e.g. the quotes stage adding "he"
    index.entity(entity_id) -> Entity | None
Entity.mentions is a plain list of model.Mention; add_mention appends to it and keeps the index in step.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import Optional

from ... import kb, vocab
from ...kb.matcher import matcher
from ...model import Entity, Mention
from .candidates import (
    PLACE_LIKE,
    TYPE_PRIORITY,
    Candidate,
    Group,
    abbreviations_to_states,
    candidates,
    entity_cues,
    places_in_named_regions,
    postal_states,
)
from .countries import context_countries, namesake_parties
from .types import retype, transcript_speakers


def run(ctx) -> None:
    base = ctx.kb
    date = ctx.article.published
    find = matcher(tuple(ctx.settings.kb_paths)).find
    cands = candidates(ctx.title_doc, ctx.article.title or "", "title", find, base, date)
    text_cands = candidates(ctx.doc, ctx.article.text, "text", find, base, date)
    text_cands = postal_states(transcript_speakers(text_cands, ctx.article.text), ctx.article.text, base, date)
    cands += text_cands
    abbreviations_to_states(cands, base, date)
    places_in_named_regions(cands, ctx.article.text)
    cands = retype(cands, {"title": ctx.title_doc, "text": ctx.doc}, ctx.article.text)
    groups = _group(cands, ctx.article.text, base)
    entities = [_entity(g, base, date) for g in groups]
    namesake_parties(groups, entities)
    context_countries(groups, entities, ctx.doc, cands)
    entities.sort(key=lambda e: min((m.field != "title", m.start) for m in e.mentions))
    for n, e in enumerate(entities, 1):
        e.id = f"e{n}"
    ctx.analysis.entities = entities
    ctx.entity_index = EntityIndex(entities, base)


# -- 3: grouping ----------------------------------------------------------------------------------
def _group(cands: list[Candidate], text: str = "", base: Optional[kb.KnowledgeBase] = None) -> list[Group]:
    groups: list[Group] = []
    by_entry: dict[str, Group] = {}
    full_names = [c for c in cands if c.type == "PERSON" and len(c.text.split()) > 1]
    surnames = {kb.key(c.text.split()[-1]) for c in full_names}
    for c in cands:
        if c.entry is None or kb.key(c.text) not in surnames or len(c.text.split()) > 1:
            continue
        same_last = [f for f in full_names if kb.key(f.text.split()[-1]) == kb.key(c.text)]
        named_here = {kb.key(f.text) for f in same_last}
        # a namesake the body names in full ('Lynda Bennett'), not a Title Case headline's 'Derelict Obama'
        namesake = any(f.field == "text" for f in same_last)
        if (
            c.entry.extra.get("ambiguous")
            or (
                # 'Rhodes noted' after 'Ben Rhodes': him, not the island; 'flew to Paris' stays the city, and a
                # country keeps its name (Jordan)
                c.entry.kind in ("place", "capital")
                and c.field == "text"
                and namesake
                and not LOCATIVE_BEFORE.search(text[max(0, c.start - 12) : c.start])
            )
            or (
                c.entry.kind == "person"
                and namesake
                and kb.key(c.entry.name) not in named_here
                and not (c.field == "text" and _titled_as(c, text, base))
            )
        ):
            # 'said Hill' after 'Fiona Hill': her surname, not the outlet whose name is a common word; 'Bennett'
            # after 'Lynda Bennett': the person the article names, not the knowledge base's Naftali Bennett
            c.entry, c.type = None, "PERSON"
    # 'the Times' in a story that names The New York Times is that paper, not another called The Times
    longer_outlets = {
        c.entry.name.split()[-1].lower()
        for c in cands
        if c.entry is not None and c.entry.kind == "outlet" and len(c.entry.name.split()) > 2
    }
    for c in cands:
        if c.entry is None or c.entry.kind != "outlet" or len(c.entry.name.split()) > 2:
            continue
        if c.text.split()[-1].lower() in longer_outlets and len(c.text.split()) <= 2:
            c.entry, c.type = None, "ORG"
    for c in cands:
        if c.entry is not None:
            g = by_entry.get(c.entry.id)
            if g is None:
                g = by_entry[c.entry.id] = Group(c.entry)
                groups.append(g)
            g.members.append(c)
            c.group = g
    # Full person names (KB or model), by surname, to link a lone surname to.
    full_by_last: dict[str, set[int]] = {}
    model_groups: dict[str, Group] = {}
    shorts = {k for c in cands if c.entry is None and c.type == "ORG" and c.sure for k in _short_forms(c.text)}
    for c in cands:
        if c.entry is None and c.type == "PERSON" and len(c.text.split()) > 1 and kb.key(c.text) not in shorts:
            g = model_groups.setdefault(kb.key(c.text), Group(None))
            if not g.members:
                groups.append(g)
            g.members.append(c)
            c.group = g
        elif c.entry is None and c.type == "ORG" and c.sure and _short_forms(c.text):
            g = model_groups.setdefault(kb.key(c.text), Group(None))
            if not g.members:
                groups.append(g)
            g.members.append(c)
            c.group = g
    short_of: dict[str, set[int]] = {}  # "Gazette", "Common Sense" -> "Harbour Gazette", "Common Sense Media"
    for g in groups:
        for c in g.members:
            if c.type == "PERSON" and len(c.text.split()) > 1:
                full_by_last.setdefault(kb.key(c.text.split()[-1]), set()).add(id(g))
            if g.entry is None and c.type == "ORG" and c.sure:
                for short in _short_forms(c.text):
                    short_of.setdefault(short, set()).add(id(g))
            if g.entry is not None and g.entry.kind == "outlet":  # 'The Post' after 'The Washington Post'
                last = g.entry.name.split()[-1].lower()
                if last in _outlet_words():
                    short_of.setdefault(kb.key(last), set()).add(id(g))
    by_id = {id(g): g for g in groups}
    for c in cands:
        if c.group is not None:
            continue
        k = kb.key(c.text)
        owners = full_by_last.get(k, set())
        org_owners = short_of.get(k, set()) if c.entry is None else set()
        if len(owners) == 1 and (c.type in ("PERSON", "GPE", "ORG") or c.entry is None):
            g = by_id[next(iter(owners))]
        elif not owners and len(org_owners) == 1 and c.type not in PLACE_LIKE:
            g = by_id[next(iter(org_owners))]
        else:
            g = model_groups.get(k)
            if g is None:
                g = model_groups[k] = Group(None)
                groups.append(g)
        g.members.append(c)
        c.group = g
    return groups


# A preposition of place right before a name: the name is a place ('in Paris', 'flew to Rhodes').
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|to|from|at|near|into|across|outside|inside|around|towards?|via|of|through)\s+(?:the\s+)?$", re.I
)


def _titled_as(c: Candidate, text: str, base: Optional[kb.KnowledgeBase]) -> bool:
    """'President Obama' after 'Michelle Obama': the title before the surname is an office the knowledge
    base's person of that surname holds or held, so the surname is theirs, not the namesake's."""
    if base is None or c.entry is None:
        return False
    m = re.search(r"([A-Z][\w.-]*(?: [A-Z][\w.-]*)?) $", text[max(0, c.start - 40) : c.start])
    if m is None:
        return False
    for title in (m.group(1), m.group(1).split()[-1]):
        syn = base.roles.find(title)
        if syn is not None and any(r.kind == syn.kind or (syn.kind == "leader" and r.leader) for r in c.entry.roles):
            return True
    return False


def _short_forms(name: str) -> list[str]:
    """Keys a later mention may use for an organisation named with a generic last word: an outlet by that
    word ("Harbour Gazette" -> "the Gazette"), another body by the rest of its name ("Common Sense Media"
    -> "Common Sense"; a place of that name is not joined, see _group)."""
    words = name.split()
    last = words[-1].strip(".,").lower() if words else ""
    if len(words) < 2 or last not in entity_cues()["org_heads"]:
        return []
    return [kb.key(last) if last in _outlet_words() else kb.key(" ".join(words[:-1]))]


@functools.lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    return frozenset(vocab.json_file("speaker_words.json")["outlet_name_words"])


# -- 4: the entity --------------------------------------------------------------------------------
def _entity(g: Group, base: kb.KnowledgeBase, date: Optional[str]) -> Entity:
    mentions = [
        Mention(c.start, c.end, c.text, c.field) for c in sorted(g.members, key=lambda c: (c.field != "title", c.start))
    ]
    e = g.entry
    if e is not None:
        etype, name = e.type, e.name
        if e.kind == "country" and all(c.how == "demonym" for c in g.members):
            etype = "NORP"
            name = Counter(c.text for c in g.members).most_common(1)[0][0]
        return Entity(
            id="",
            name=name,
            type=etype,
            country=e.country_on(date),
            kb_id=e.id,
            code=e.code_on(date),
            roles=[r.role for r in e.roles_on(date)],
            mentions=mentions,
        )
    sure = [c for c in g.members if c.sure]
    votes = Counter(c.type for c in sure or g.members)  # the article's evidence outranks the model's guesses
    if not sure and any(c.type == "PERSON" and len(c.text.split()) > 1 for c in g.members):
        votes["PERSON"] += len(g.members)  # a full personal name settles the type for its surname too
    etype = max(
        votes,
        key=lambda t: (
            votes[t],
            -TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else -99,
        ),
    )
    texts = [c.text for c in g.members if c.field == "text"] or [c.text for c in g.members]
    name = max(texts, key=lambda t: (len(t.split()), len(t)))
    name = next((c.display for c in g.members if c.display and c.text == name), name)
    country = next((c.country for c in g.members if c.country), None)
    return Entity(id="", name=name, type=etype, country=country, code=country, mentions=mentions)


class EntityIndex:
    """Find the entity behind a span or a name (see the module docstring)."""

    def __init__(self, entities: list[Entity], base: kb.KnowledgeBase):
        self.entities = entities
        self.base = base
        self._spans: dict[str, list[tuple[int, int, str]]] = {}
        self._names: dict[str, str] = {}
        for e in entities:
            for m in e.mentions:
                self._index(e.id, m)
            self._names.setdefault(kb.key(e.name), e.id)
            entry = base.by_id.get(e.kb_id or "")
            for alias in entry.aliases if entry else []:
                self._names.setdefault(kb.key(alias), e.id)

    def _index(self, entity_id: str, m: Mention) -> None:
        spans = self._spans.setdefault(m.field, [])
        bisect.insort(spans, (m.start, m.end, entity_id))
        self._names.setdefault(kb.key(m.text), entity_id)

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        return next((e for e in self.entities if e.id == entity_id), None)

    def at(self, start: int, end: Optional[int] = None, field: str = "text") -> Optional[Entity]:
        """The entity with a mention covering [start, end) (or the offset start), the tightest first."""
        end = start + 1 if end is None else end
        spans = self._spans.get(field, [])
        i = bisect.bisect_right(spans, (start, float("inf"), ""))
        best = None
        for s, t, eid in reversed(spans[:i]):
            if s <= start and end <= t and (best is None or t - s < best[1] - best[0]):
                best = (s, t, eid)
            if start - s > 200:
                break
        return self.entity(best[2]) if best else None

    def by_name(self, name: str) -> Optional[Entity]:
        eid = self._names.get(kb.key(name))
        if eid is None:
            entry = next(iter(self.base.lookup(name)), None)
            eid = next(
                (e.id for e in self.entities if entry is not None and e.kb_id == entry.id),
                None,
            )
        return self.entity(eid)

    def add_mention(self, entity_id: str, mention: Mention) -> None:
        e = self.entity(entity_id)
        if e is None:
            raise KeyError(entity_id)
        e.mentions.append(mention)
        self._index(entity_id, mention)
