"""Candidate mentions of the entities stage (steps 1 and 2 of stage.py): spaCy's and the knowledge
base's spans of the title and the text, trimmed, with junk dropped and US state codes read as states."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ... import kb, vocab
from ...dates import month_here
from ...kb.matcher import Hit
from ...syntax import entities_of

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
PLACE_LIKE = {"GPE", "LOC", "NORP", "FAC"}
TYPE_PRIORITY = [
    "PERSON",
    "GPE",
    "ORG",
    "LOC",
    "NORP",
    "FAC",
]  # breaks ties in the model's votes
LEADING = re.compile(r"^(?:the|The|THE)\s+")
POSSESSIVE = re.compile(r"['’]s?$")
POSSESSED = re.compile(r"['’]s\s+[a-z]")
TAIL = re.compile(r"(?:\s+[-–—]\s+.*|\s+(?:the|a|an|and|of)\s*)$")
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+[A-Z]")
HYPHEN_PREFIX = re.compile(r"^(?:anti|pro|non|ex|post|pre|neo|pan)-", re.I)


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    field: str
    type: str
    entry: Optional[kb.KBEntry] = None
    how: str = "model"  # model | name | alias | demonym
    country: Optional[str] = None  # a model span's country, from a place or demonym inside it
    group: Optional[Group] = None
    sure: bool = False  # the type comes from evidence in the article (see retype), not the model's guess
    display: Optional[str] = None  # the name as a reader writes it, when the text is not ("DESMOND KALLENBERG")


@dataclass
class Group:
    entry: Optional[kb.KBEntry]
    members: list[Candidate] = field(default_factory=list)


# -- 1, 2: candidate mentions ---------------------------------------------------------------------
def candidates(doc, text: str, field_name: str, find, base: kb.KnowledgeBase, date) -> list[Candidate]:
    if not text.strip():
        return []
    hits = find(text, date=date)
    used: set[int] = set()  # hits that a model span has absorbed
    out: list[Candidate] = []
    for ent in entities_of(doc):
        if ent.label_ not in KEEP:
            continue
        label = "PERSON" if HONORIFIC.match(ent.text) else ent.label_  # "Mr Brown" tagged ORG is a person
        first = _outlet_name_start(ent)
        if first is not None:
            label = "ORG"
        start, end = _trim(text, ent.start_char if first is None else first, ent.end_char, label)
        span = text[start:end]
        if _junk(text, start, span, base):
            continue
        inside = [i for i, h in enumerate(hits) if h.start < end and h.end > start]
        if not inside:
            entry = next(iter(base.lookup(span, date=date)), None)  # a KB name the matcher's case rules let pass
            out.append(
                Candidate(
                    start,
                    end,
                    span,
                    field_name,
                    entry.type if entry else label,
                    entry,
                    "name" if entry else "model",
                )
            )
            continue
        wraps = all(start <= hits[i].start and hits[i].end <= end for i in inside)
        exact = len(inside) == 1 and (hits[inside[0]].start, hits[inside[0]].end) == (
            start,
            end,
        )
        longer = label in ("ORG", "FAC") and all(_inside_longer_name(doc, hits[i], hits) for i in inside)
        if wraps and not exact and (longer or _keeps_model_span(label, span, [hits[i] for i in inside])):
            inner = [hits[i] for i in inside]
            country = next(
                (h.entry.country for h in inner if h.type in PLACE_LIKE and h.entry.country),
                None,
            )
            if _named_after(text, start, end, inner) or label == "PERSON":
                # "North Korea Policy Institute": a topic, not an owner; "Alexandria Ocasio-Cortez": a given name
                country = None
            out.append(Candidate(start, end, span, field_name, label, None, "model", country))
            used.update(inside)
    for i, h in enumerate(hits):
        if i in used:
            continue
        if field_name == "text" and _inside_longer_name(doc, h, hits):
            continue
        if month_here(text, h.start, h.end):  # 'From March to May': no Theresa May
            continue
        out.append(Candidate(h.start, h.end, h.text, field_name, h.type, h.entry, h.how))
    return sorted(out + repeated_names(out, text), key=lambda c: c.start)


# Capitalised words after a body's name that make it part of a job title ('Labour Minister', 'Labor Secretary').
OFFICE_WORDS = {"Minister", "Ministry", "Secretary", "Department", "Committee", "Office", "Spokesman", "Spokeswoman"}


def _inside_longer_name(doc, h: Hit, hits: list[Hit]) -> bool:
    """A knowledge-base name of a body that is only the end of a longer name in the body ('the Trade
    Unions Congress' is not the US Congress, 'the Free Syrian army' not Syria's army) or the start of a job
    title ('Economy and Labour Minister Wolfgang Clement' is no Labour Party): a capitalised word in the
    middle of a sentence joins it, and is no title, honorific or other name the knowledge base knows."""
    if h.type != "ORG" or doc is None:  # a person's name after a capitalised word follows a title
        return False
    span = doc.char_span(h.start, h.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first, last = span[0], span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if (
        after is not None
        and after.text in OFFICE_WORDS
        and before is not None
        and (before.lower_ in ("and", "&") or before.text[:1].isupper() and not before.is_sent_start)
    ):
        return True  # 'Economy and Labour Minister': a portfolio ('Labour Minister Ana Ruiz' alone may be the party's)
    if before is None or before.is_sent_start or not first.sent.start < before.i or not before.whitespace_:
        return False
    if not before.text[:1].isupper() or before.text.rstrip(".") in title_words() or before.is_punct:
        return False
    if any(o.start <= before.idx < o.end for o in hits):
        return False  # 'US Congress', 'Senate Republicans': two names the knowledge base knows
    return before.pos_ in ("PROPN", "ADJ", "NOUN") and before.ent_type_ not in ("DATE", "TIME", "CARDINAL")


def repeated_names(found: list[Candidate], text: str) -> list[Candidate]:
    """Further mentions, written the same, of a name of two words or more the model tagged once ('Big
    Machine' tagged in one sentence and missed in the next): a name keeps its sense through an article."""
    taken = [(c.start, c.end) for c in found]
    extra: list[Candidate] = []
    for c in found:
        if c.how != "model" or len(c.text.split()) < 2 or not c.text[:1].isupper():
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(c.text)}(?![\w-])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            extra.append(Candidate(m.start(), m.end(), c.text, c.field, c.type, None, "model", c.country))
    return extra


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names, lower case (data/given_names.json, both genders)."""
    names = vocab.json_file("given_names.json")
    return frozenset([*names["male"], *names["female"]])


def _outlet_name_start(ent) -> Optional[int]:
    """Where an outlet's name starts when the model cut it short or took it for a person ("the Harbour
    Gazette" tagged PERSON "Gazette"): the capitalised names right before a last word that names a
    newspaper or broadcaster. None when the span is no such name."""
    doc = ent.doc
    last = doc[ent.end - 1]
    if last.lower_ not in vocab.json_file("speaker_words.json")["outlet_name_words"]:
        return None
    i = ent.start
    while (
        i > 0
        and doc[i - 1].pos_ == "PROPN"
        and doc[i - 1].text[:1].isupper()
        and doc[i - 1].ent_type_ in ("", ent.label_)
    ):
        i -= 1
    if i == ent.start and (ent.end - ent.start < 2 or ent.label_ != "PERSON"):
        return None
    if doc[i].lower_ in given_names():
        return None  # "Emily Post", "Freddie Mercury": a person whose surname is an outlet's word
    return doc[i].idx


def _junk(text: str, start: int, span: str, base: kb.KnowledgeBase) -> bool:
    """A model span that names nobody: no capital letter ("mm"), no word, a hyphenated modifier
    ("anti-Israel"), or a word of an office title ("State" in "Secretary of State")."""
    if not re.search(r"[A-Z]", span) or not re.search(r"[A-Za-z]{2}", span) or HYPHEN_PREFIX.match(span):
        return True
    before = " ".join(text[max(0, start - 40) : start].split()[-3:])
    role = base.role_of(f"{before} {span}")
    return role is not None and kb.key(span) in kb.key(role.phrase).split() and base.role_of(before) != role


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive or dangling tail ("Alan Milburn - the") and, from a
    person's name, the titles before it ("Mr Blair", "Sen. Dick Durbin")."""
    m = LEADING.match(text[start:end])
    if m and end - start > m.end():
        start += m.end()
    m = POSSESSED.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()  # "Abernethy's café": the owner is the name, the thing is not
    m = TAIL.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    m = POSSESSIVE.search(text[start:end])
    if m and end - start > m.end() - m.start() + 1:
        end -= m.end() - m.start()
    if label == "PERSON":
        words = list(re.finditer(r"\S+", text[start:end]))
        n = 0
        while n < len(words) - 1 and _is_title(words, n):
            n += 1
        if n:
            start += words[n].start()
    return start, end


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(line.strip() for line in vocab.lines("kb/titles.txt"))


def _is_title(words: list, n: int) -> bool:
    titles = title_words()
    w = words[n].group().rstrip(".")
    two = f"{w} {words[n + 1].group().rstrip('.')}" if n + 1 < len(words) else ""
    if w in titles or two in titles or (n > 0 and f"{words[n - 1].group()} {w}" in titles):
        return True
    return len(words) - n >= 3 and w.lower() in entity_cues()["person_nouns"]  # "Harbourmaster Jo Bloggs"


def _keeps_model_span(label: str, span: str, inner: list[Hit]) -> bool:
    """Whether a model span that wraps KB names is one longer name ("Gaza Health Ministry", "Michael
    Jordan") rather than several names run together ("Biden's Security Council")."""
    if re.search(r"['’]s\b|,|\band\b|[“”\"]", span):
        return False
    if label == "PERSON":  # "John Harris" is not Kamala Harris; "Michael Jordan" is not Jordan
        return len(inner) == 1
    return label in ("ORG", "FAC") and all(h.type in PLACE_LIKE for h in inner)


# "Parris Island, SC": a USPS state code after a place name.
POSTAL = re.compile(r"(?<=[A-Za-z.]), ([A-Z]{2})(?=[\s,.;:)]|$)")


@functools.lru_cache(maxsize=1)
def _postal_codes() -> dict[str, str]:
    return {code.strip(): state.strip() for code, state in vocab.rows("kb/us_postal_codes.tsv")}


def postal_states(cands: list[Candidate], text: str, base: kb.KnowledgeBase, date) -> list[Candidate]:
    """A US state written as its postal code after a capitalised place name, as a mention of that state."""
    added = []
    for m in POSTAL.finditer(text):
        state = _postal_codes().get(m.group(1))
        before = text[: m.start()].split()
        if state is None or not before or not before[-1][:1].isupper():
            continue
        if any(c.start < m.end(1) and c.end > m.start(1) and c.entry is not None for c in cands):
            continue
        cands = [c for c in cands if not (c.start < m.end(1) and c.end > m.start(1))]  # the model's "TX" ORG
        entry = next((e for e in base.lookup(state, date=date) if e.name == state and e.country == "USA"), None)
        added.append(
            Candidate(m.start(1), m.end(1), m.group(1), "text", "GPE", entry, "alias", "USA", sure=True, display=state)
        )
    return sorted(cands + added, key=lambda c: c.start) if added else cands


def places_in_named_regions(cands: list[Candidate], text: str) -> None:
    """'an Alexandria, Virginia, park': a place the knowledge base puts in another country than the state or
    country named right after it (after a comma) is a namesake there: it loses the entry and takes that
    country."""
    by_start = sorted((c for c in cands if c.field == "text"), key=lambda c: c.start)
    for a, b in zip(by_start, by_start[1:]):
        if a.entry is None or b.entry is None or a.type != "GPE" or b.type != "GPE":
            continue
        region = b.entry.country
        if text[a.end : b.start] != ", " or not region or not a.entry.country or a.entry.country == region:
            continue
        if a.entry.kind == "country" or b.entry.kind not in ("place", "country"):
            continue
        a.entry, a.country, a.how = None, region, "model"


def abbreviations_to_states(cands: list[Candidate], base: kb.KnowledgeBase, date) -> None:
    """A state's abbreviation ("Conn.", "S.C.") is a mention of the state itself, named in full."""
    for c in cands:
        entry = c.entry
        state = entry.extra.get("state") if entry is not None else None
        if entry is None or not state:
            continue
        full = next((e for e in base.lookup(state, date=date) if e.name == state and e.country == entry.country), None)
        if full is not None:
            c.entry = full


@functools.lru_cache(maxsize=1)
def entity_cues() -> dict[str, frozenset[str]]:
    """The word lists of data/entity_cues.json, with the role nouns, outlet words and titles they share."""
    data = vocab.json_file("entity_cues.json")
    words = vocab.json_file("speaker_words.json")
    cues = {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}
    cues["person_nouns"] |= frozenset(words["role_nouns"])
    cues["org_heads"] |= frozenset(words["outlet_name_words"])
    cues["titles"] = frozenset(t.lower() for t in title_words())
    return cues


@functools.lru_cache(maxsize=1)
def _topic_bodies() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in vocab.lines("kb/topic_bodies.txt"))


def _named_after(text: str, start: int, end: int, inner: list[Hit]) -> bool:
    """A body named after the place it studies ("North Korea Policy Institute"), not one of the place
    ("Gaza Health Ministry", "University of Nevada"): the name ends in a think-tank or campaign word
    and no "of"/"in"/"for"/"at" comes before the place in it."""
    words = text[start:end].split()
    if not words or words[-1].lower().strip(".") not in _topic_bodies():
        return False
    places = [h for h in inner if h.type in PLACE_LIKE]
    if not places:
        return False
    return not re.search(r"\b(?:of|in|for|at)\b", text[start : places[0].start], re.I)
