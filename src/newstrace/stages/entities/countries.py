"""Countries from the article's own context (step 4 of stage.py): party tags, titles, places named
beside a name, and the article's home country."""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ...model import Entity
from ...syntax import text_of
from .candidates import Candidate, Group

# -- 5: countries from the article's own context --------------------------------------------------
# A party tag after a US politician's name: "Sen. Chris Dodd (D-Conn.)", "Rep. Smith, R-Texas".
PARTY_TAG = re.compile(r"^\s*[(,]\s*[RDI]\s*[-–]\s*[A-Z]")
# Kinds of KB entry whose country a neighbouring name shares ("Connecticut Attorney General X",
# "Hialeah, Florida", "X, a Brazilian diplomat"); outlets and IGOs say nothing about nationality.
CONTEXT_KINDS = {"country", "capital", "place", "institution", "group"}
LEFT_POS = {"PROPN", "NOUN", "ADJ"}
RIGHT_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM"}
WINDOW = 6  # tokens
HOME_SHARE = 0.5  # the article's home country: at least this share of the mentions that have one
HOME_MIN = 3
HOME_SHARE_PLACES = 0.7  # an unknown place takes the home country only in a clearly domestic story


def _context_country(
    c: Candidate, doc, country_at: dict[int, str], place: bool = False, employers: frozenset[int] = frozenset()
) -> Optional[str]:
    """The country a mention's neighbours give it: a party tag, a country-bearing name among the words
    right before it (titles and modifiers only), one in an apposition right after it, or, for a place,
    the place it is said to be in ("Sunan in Pyongyang")."""
    text = text_of(doc)
    if c.type == "PERSON" and PARTY_TAG.match(text[c.end : c.end + 12]):
        return "USA"
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent_start, sent_end = span[0].sent.start, span[-1].sent.end
    i = span[0].i - 1
    if i - 1 >= sent_start and doc[i].text == "," and doc[i - 1].pos_ == "NOUN":
        i -= 1  # "The Turkish prime minister, Binali Yildirim said"
    found = None
    while i >= max(sent_start, span[0].i - WINDOW):
        t = doc[i]
        if t.i in country_at and found is None:
            found = country_at[t.i]
            if t.i in employers:
                return found
        elif t.i in employers and found is not None:
            # 'White House Russia adviser': the institution the person works for, not the country of their brief
            return country_at[t.i]
        if not (t.pos_ in LEFT_POS or t.text in (".", "-", "'s", "’s")):
            break
        i -= 1
    if found is not None:
        return found
    j = span[-1].i + 1
    if place and j + 1 < sent_end and doc[j].lower_ == "in" and doc[j + 1].i in country_at:
        return country_at[doc[j + 1].i]  # "Sunan in Pyongyang": a place in a place of that country
    if j < sent_end and doc[j].text == ",":
        for t in doc[j + 1 : min(sent_end, j + 1 + WINDOW + 2)]:
            if t.i in country_at:
                return country_at[t.i]
            if not (t.pos_ in RIGHT_POS or t.lower_ in (".", "of", "'s", "’s", "-")):
                break
    return None


def _namesakes(g: Group) -> list[str]:
    return list(g.entry.extra.get("namesakes") or []) if g.entry is not None else []


def namesake_parties(groups: list[Group], entities: list[Entity]) -> None:
    """A party name other countries' parties share (the knowledge base lists them as "namesakes" of the
    entry: Labour, the Conservatives) is the namesake's party when the article names places, people or bodies
    of that country and none of the entry's own: in a story from Wellington, "Labour" is New Zealand's party, not Britain's.
    The entity keeps its name and loses the entry; its country and code are the namesake's."""
    named: Counter = Counter()  # countries of the places, people and bodies the knowledge base knows
    for g, e in zip(groups, entities):
        if g.entry is not None and g.entry.kind not in ("outlet", "igo") and e.country and not _namesakes(g):
            named[e.country] += len(g.members)
    for g, e in zip(groups, entities):
        namesakes = _namesakes(g)
        if not namesakes or named[e.country]:
            continue
        home = max((c for c in namesakes if named[c]), key=lambda c: named[c], default=None)
        if home is None:
            continue
        own = e.country or ""
        e.code = home + e.code[len(own) :] if e.code and own and e.code.startswith(own) else home
        e.country, e.kb_id, e.roles = home, None, []
        g.entry = None


def context_countries(groups: list[Group], entities: list[Entity], doc, cands: list[Candidate]) -> None:
    """Entities the KB gives no country take one from the article: their neighbours first (see
    _context_country), else, for people and organisations, the article's home country when one country
    holds most of the mentions that have one (a US politics story: its people are American). A country's
    own name casts no vote: foreign news names the country it is about again and again, and the people it
    quotes may be from anywhere; the story's people, places and bodies say where it is set."""
    if doc is None or not text_of(doc):
        return
    country_of = {id(g): e.country for g, e in zip(groups, entities)}
    country_at: dict[int, str] = {}
    employers: set[int] = set()
    for c in cands:
        if c.field != "text" or c.group is None:
            continue
        kind = c.group.entry.kind if c.group.entry else None
        country = country_of.get(id(c.group))
        if kind in CONTEXT_KINDS and country and len(country) == 3:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            for t in span or ():
                country_at[t.i] = country
                if kind == "institution":
                    employers.add(t.i)
    for g, e in zip(groups, entities):
        if e.country or e.kb_id or e.type not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue  # a knowledge-base entry without a country has none (NATO, the Red Sea, Islamic State)
        for c in g.members:
            if c.field == "text":
                found = _context_country(c, doc, country_at, e.type in ("GPE", "LOC", "FAC"), frozenset(employers))
                if found:
                    e.country = found
                    break
    votes: Counter = Counter()
    for g, e in zip(groups, entities):
        kind = g.entry.kind if g.entry else None
        if e.country and len(e.country) == 3 and kind not in ("outlet", "igo", "country"):
            votes[e.country] += sum(1 for c in g.members if c.field == "text")
    if not votes:
        return
    home, n = votes.most_common(1)[0]
    if n < HOME_MIN or n < HOME_SHARE * sum(votes.values()):
        return
    share = n / sum(votes.values())
    for e in entities:
        if e.country or e.kb_id:
            continue
        if e.type in ("PERSON", "ORG") or e.type == "GPE" and share >= HOME_SHARE_PLACES:
            e.country = home
