"""Who an actor phrase stands for, as a country and a CAMEO-style actor code:

    resolve_actor("Israeli officials", date)          -> Actor(name="Israel", country="ISR", code="ISRGOV")
    resolve_actor("Russian forces")                   -> country RUS, code RUSMIL
    resolve_actor("the top US diplomat", "2024-03-23") -> Antony Blinken, USA, USAGOV (role holder on the date)
    resolve_actor("Washington")                       -> USA, USAGOV (a capital stands for its government)
    resolve_actor("antiwar protesters")               -> no country, code OPP

The events and quotes stages use it for actor refs: Actor.ref(entity_id) gives a model.ActorRef.
How: the knowledge-base matcher finds names in the phrase (persons, organisations, countries,
demonyms, capitals, places); the head actor is the first name not inside a prepositional tail
("Canadian ambassador to the UN" is Canadian), persons and organisations before places; sector
words from data/kb/agents.tsv (officials GOV, troops MIL, rebels REB, ...) complete a country's code.
A role phrase with a country ("the Mongolian president") resolves to the office holder on the date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import kb, vocab
from ..model import ActorRef
from .matcher import Hit, matcher

PREPOSITIONS = {
    "to",
    "of",
    "in",
    "at",
    "from",
    "for",
    "with",
    "against",
    "on",
    "near",
    "inside",
    "into",
    "by",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
ORG_KINDS = {"institution", "group", "igo", "outlet"}
# Which of the phrase's names is the actor, when several precede any preposition.
HEAD_RANK = {
    "person": 0,
    "institution": 1,
    "group": 1,
    "igo": 2,
    "outlet": 2,
    "capital": 3,
    "country": 4,
    "place": 5,
}


@dataclass
class Actor:
    name: str
    country: Optional[str]
    code: Optional[str]
    sector: Optional[str] = None
    entry: Optional[kb.KBEntry] = None

    def ref(self, entity: Optional[str] = None) -> ActorRef:
        return ActorRef(name=self.name, entity=entity, code=self.code)


@functools.lru_cache(maxsize=1)
def sector_words() -> tuple[dict[tuple[str, ...], str], int]:
    rows: dict[tuple[str, ...], str] = {}
    for line in vocab.lines("kb/agents.tsv"):
        if "\t" not in line:
            continue
        phrase, code = line.split("\t", 1)
        if code.strip():
            rows[tuple(phrase.split())] = code.strip()
    return rows, max(len(k) for k in rows)


def singular(word: str) -> str:
    w = word.lower().replace("’", "'")
    for plural, single in (
        ("men", "man"),
        ("women", "woman"),
        ("ies", "y"),
        ("ses", "s"),
        ("xes", "x"),
        ("s", ""),
    ):
        if w.endswith(plural) and len(w) > len(plural) + 2 and not w.endswith(("ss", "us", "is")):
            return w[: -len(plural)] + single
    return w


def sector_of(text: str) -> Optional[str]:
    """The CAMEO sector of the phrase's head word: the last sector word or phrase in it."""
    rows, longest = sector_words()
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    found = None
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            seq = words[i : i + n]
            code = rows.get(tuple(seq)) or rows.get(tuple(seq[:-1] + [singular(seq[-1])]))
            if code:
                found = code
                i += n - 1
                break
        i += 1
    return found


def resolve_actor(text: str, date: Optional[str] = None, kb_paths: tuple[str, ...] = ()) -> Optional[Actor]:
    """The actor a phrase names (see the module docstring), or None when it names nobody known."""
    if not text or not text.strip():
        return None
    base = kb.load(tuple(kb_paths))
    hits = matcher(tuple(kb_paths)).find(text, date=date) or _by_surname(text, tuple(kb_paths))
    sector = sector_of(text)
    head = _head(text, hits)
    if head is None:
        holder = base.holder_of(text, None, date) if base.role_of(text) else None
        if holder is not None:  # "the Secretary of State": a role that names its country itself
            return Actor(
                name=holder.name,
                country=holder.country_on(date),
                code=holder.code_on(date),
                sector=sector,
                entry=holder,
            )
        return Actor(name=text.strip(), country=None, code=sector, sector=sector) if sector else None
    e = head.entry
    country = e.country_on(date)
    owner = _named_owner(hits, head)
    if owner is not None and e.kind in ORG_KINDS:
        # "Chile's Defense Department": a generic body name owned by another country named first.
        own = owner.entry.country
        return Actor(
            name=owner.entry.name,
            country=own,
            code=own + (e.code_on(date) or "")[3:6],
            sector=sector,
            entry=owner.entry,
        )
    office = e.extra.get("office") or country
    if e.kind in ("country", "capital", "igo") and office and base.role_of(text):
        holder = base.holder_of(text, office, date)
        if holder is not None:
            return Actor(
                name=holder.name,
                country=holder.country_on(date),
                code=holder.code_on(date),
                sector=sector,
                entry=holder,
            )
    if e.kind in ("person",) or e.kind in ORG_KINDS:
        return Actor(name=e.name, country=country, code=e.code_on(date), sector=sector, entry=e)
    if e.kind == "capital":
        sector = sector or "GOV"
    code = (country or "") + (sector or "") if country else sector
    return Actor(name=e.name, country=country, code=code or None, sector=sector, entry=e)


def _named_owner(hits: list[Hit], head: Hit) -> Optional[Hit]:
    """A country named before the head that is not the head's own ("Chile's" before "Defense Department")."""
    for h in hits:
        if h.start >= head.start:
            break
        if h.entry.kind in ("country", "capital") and h.entry.country and h.entry.country != head.entry.country:
            return h
    return None


@functools.lru_cache(maxsize=8)
def _surnames(kb_paths: tuple[str, ...]) -> dict[str, kb.KBEntry]:
    """Persons by surname, for surnames that only one person in the knowledge base has."""
    seen: dict[str, list[kb.KBEntry]] = {}
    for e in kb.load(kb_paths).entries:
        if e.kind == "person" and len(e.name.split()) > 1:
            seen.setdefault(kb.fold(e.name.split()[-1]), []).append(e)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _by_surname(text: str, kb_paths: tuple[str, ...]) -> list[Hit]:
    """ "Deputy Secretary Hicks": the phrase's last capitalised word as a known person's surname."""
    words = list(re.finditer(r"\b[A-Z][a-z][\w'’-]*", text))
    if not words:
        return []
    m = words[-1]
    entry = _surnames(kb_paths).get(kb.fold(m.group()))
    return [Hit(m.start(), m.end(), m.group(), entry, "PERSON", "surname")] if entry else []


def _head(text: str, hits: list[Hit]) -> Optional[Hit]:
    if not hits:
        return None
    prep = re.search(r"\b(" + "|".join(PREPOSITIONS) + r")\b", text)
    cut = prep.start() if prep else len(text)
    before = [h for h in hits if h.start < cut] or hits
    return min(before, key=lambda h: (HEAD_RANK.get(h.entry.kind, 6), h.start))
