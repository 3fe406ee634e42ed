"""Stage 'entities': who and where each name in the article is, linked to the knowledge base.

Mentions come from spaCy's NER and from the knowledge-base matcher (kb/matcher.py), over the title
(field 'title') and the text. Then, for the whole document at once:
1. the knowledge base outranks the model: a KB name wins over a model span it overlaps, and its type
   is the entry's (Rafah is a GPE, never a PERSON); a model span that wraps a place or demonym in a
   longer name ("Gaza Health Ministry") stays one entity and takes that country;
2. junk is dropped: only PERSON, ORG, GPE, LOC, NORP, FAC are kept, never a name without a capital
   letter ("mm" tagged PERSON) or without a letter; transcript labels ("MINISTER JO BLOGGS:") are people;
   a name the KB does not know takes the type its article shows (_retype, data/entity_cues.json: "union
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
from dataclasses import dataclass, field
from typing import Optional

from .. import kb, vocab
from ..kb.matcher import Hit, matcher
from ..model import Entity, Mention
from ..syntax import entities_of, text_of
from .quotes.transcript import turns

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
    sure: bool = False  # the type comes from evidence in the article (see _retype), not the model's guess
    display: Optional[str] = None  # the name as a reader writes it, when the text is not ("DESMOND KALLENBERG")


@dataclass
class Group:
    entry: Optional[kb.KBEntry]
    members: list[Candidate] = field(default_factory=list)


def run(ctx) -> None:
    base = ctx.kb
    date = ctx.article.published
    find = matcher(tuple(ctx.settings.kb_paths)).find
    cands = _candidates(ctx.title_doc, ctx.article.title or "", "title", find, base, date)
    text_cands = _candidates(ctx.doc, ctx.article.text, "text", find, base, date)
    text_cands = _postal_states(_transcript_speakers(text_cands, ctx.article.text), ctx.article.text, base, date)
    cands += text_cands
    _abbreviations_to_states(cands, base, date)
    cands = _retype(cands, {"title": ctx.title_doc, "text": ctx.doc}, ctx.article.text)
    groups = _group(cands)
    entities = [_entity(g, base, date) for g in groups]
    _context_countries(groups, entities, ctx.doc, cands)
    entities.sort(key=lambda e: min((m.field != "title", m.start) for m in e.mentions))
    for n, e in enumerate(entities, 1):
        e.id = f"e{n}"
    ctx.analysis.entities = entities
    ctx.entity_index = EntityIndex(entities, base)


# -- 1, 2: candidate mentions ---------------------------------------------------------------------
def _candidates(doc, text: str, field_name: str, find, base: kb.KnowledgeBase, date) -> list[Candidate]:
    if not text.strip():
        return []
    hits = find(text, date=date)
    used: set[int] = set()  # hits that a model span has absorbed
    out: list[Candidate] = []
    for ent in entities_of(doc):
        if ent.label_ not in KEEP:
            continue
        label = "PERSON" if HONORIFIC.match(ent.text) else ent.label_  # "Mr Brown" tagged ORG is a person
        start, end = _trim(text, ent.start_char, ent.end_char, label)
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
        if wraps and not exact and _keeps_model_span(label, span, [hits[i] for i in inside]):
            inner = [hits[i] for i in inside]
            country = next(
                (h.entry.country for h in inner if h.type in PLACE_LIKE and h.entry.country),
                None,
            )
            if _named_after(text, start, end, inner):
                country = None  # "North Korea Policy Institute": a topic, not an owner
            out.append(Candidate(start, end, span, field_name, label, None, "model", country))
            used.update(inside)
    for i, h in enumerate(hits):
        if i not in used:
            out.append(Candidate(h.start, h.end, h.text, field_name, h.type, h.entry, h.how))
    return sorted(out, key=lambda c: c.start)


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
def _titles() -> frozenset[str]:
    return frozenset(line.strip() for line in vocab.lines("kb/titles.txt"))


def _is_title(words: list, n: int) -> bool:
    titles = _titles()
    w = words[n].group().rstrip(".")
    two = f"{w} {words[n + 1].group().rstrip('.')}" if n + 1 < len(words) else ""
    if w in titles or two in titles or (n > 0 and f"{words[n - 1].group()} {w}" in titles):
        return True
    return len(words) - n >= 3 and w.lower() in _cues()["person_nouns"]  # "Harbourmaster Jo Bloggs"


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


def _postal_states(cands: list[Candidate], text: str, base: kb.KnowledgeBase, date) -> list[Candidate]:
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


def _abbreviations_to_states(cands: list[Candidate], base: kb.KnowledgeBase, date) -> None:
    """A state's abbreviation ("Conn.", "S.C.") is a mention of the state itself, named in full."""
    for c in cands:
        entry = c.entry
        state = entry.extra.get("state") if entry is not None else None
        if entry is None or not state:
            continue
        full = next((e for e in base.lookup(state, date=date) if e.name == state and e.country == entry.country), None)
        if full is not None:
            c.entry = full


# -- 2b: types from the article's own evidence ----------------------------------------------------
# The small model tags people as ORG or GPE, organisations as PERSON and unknown places as either. A name
# the knowledge base does not know takes the type its article shows: the nouns it stands in apposition to
# or is modified by ("union organiser X", "hedge fund X", "the operator, X"), its generic last word ("X
# Partners", "X Lane"), what it owns ("X's army") and where it stands ("the port of X", "in X", "the X
# crossing"). Evidence from any mention holds for every mention with the same name.
STRONG, WEAK = 2, 1
DROP = "DROP"  # no entity of a kept kind: a day or festival, a time zone, a capitalised common word
NOT_PERSON = "NOT_PERSON"  # only overrules a PERSON tag (to ORG)
PLACE_IF_PERSON = "PLACE_IF_PERSON"  # only overrules a PERSON tag (to GPE): "a rally in X"
CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]")  # "GoDaddy", "PayPal"
DEMONYM_ENDINGS = {"n", "an", "ian", "ean", "ese", "i", "ish"}  # not "ic": "Islam", "Islamic"
STREET_HEADS = {"lane", "street", "road", "avenue", "boulevard", "square", "crescent", "terrace", "quay", "wharf"}
NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Del|La|Le|Lo|Van|Von|Fitz|St)[A-Z]")  # "McCain", "DeSantis"


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    data = vocab.json_file("entity_cues.json")
    words = vocab.json_file("speaker_words.json")
    cues = {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}
    cues["person_nouns"] |= frozenset(words["role_nouns"])
    cues["org_heads"] |= frozenset(words["outlet_name_words"])
    cues["titles"] = frozenset(t.lower() for t in _titles())
    return cues


def _noun_phrase(tok) -> str:
    """A common noun with its compound modifiers: "fund" in "hedge fund" -> "hedge fund"."""
    mods = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*(c.lower_ for c in mods), tok.lemma_.lower()])


def _is(tok, cue: str) -> bool:
    """Whether a common noun (alone or with its compounds) is in the cue list."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ and tok.pos_ == "PROPN":
        return False
    words = _cues()[cue]
    return tok.lemma_.lower() in words or tok.lower_ in words or _noun_phrase(tok) in words


def _name_evidence(c: Candidate, text: str) -> list[tuple[str, int]]:
    """Evidence from the name itself: its last word, its shape."""
    cues = _cues()
    words = [w.strip(".,").lower() for w in c.text.split()]
    if not words:
        return []
    last = words[-1]
    out = []
    if c.text.lower() in cues["time_zones"] and c.text.isupper():
        out.append((DROP, STRONG))
    if c.type != "PERSON" and len(words) > 1 and last in cues["event_heads"]:
        out.append((DROP, STRONG))
    if len(words) > 1 and last in cues["org_heads"]:
        out.append(("ORG", WEAK if c.type in ("GPE", "LOC") else STRONG))  # "Soviet Union" stays a place
    elif len(words) > 2 and words[0] in cues["org_heads"] and words[1] in ("of", "for", "to", "on", "against"):
        out.append(("ORG", STRONG))  # "Alliance to Save Our Parks"
    if len(words) > 1 and last in STREET_HEADS and c.type not in PLACE_LIKE:
        out.append(("FAC", STRONG))
    elif len(words) > 1 and last in cues["place_heads"] and c.type in ("PERSON", "NORP"):
        out.append(("LOC", STRONG))  # not against ORG: "Hofstra University on Long Island"
    if len(words) == 1 and CAMEL.match(c.text) and not NAME_PREFIX.match(c.text):
        out.append(("ORG", STRONG))
    if c.type == "NORP" and c.text.isupper() and len(c.text) > 1:
        out.append(("ORG", STRONG))  # an acronym is an organisation (a party), not a nationality or religion
    if len(words) > 1 and words[0] in _given_names() and c.type == "PERSON":
        out.append(("PERSON", STRONG))  # "Michael Bay" is no bay
    if len(words) == 1 and _common_word(c, text):
        out.append((DROP, STRONG))
    return out


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    names = vocab.json_file("given_names.json")
    return frozenset([*names["male"], *names["female"]])


def _demonym_of(name: str, demonyms: set[str]) -> bool:
    """Whether the article has a demonym formed from the name ("Vestria" -> "Vestrian", "Kestrel" ->
    "Kestrelese"): then the name is a country or region."""
    low = name.lower()
    if len(low) < 5:
        return False  # "Ira" and "Iran", "Jew" and "Jewish"
    stems = {low, low[:-1]} if low[-1:] in "aeiouy" else {low}
    return any(d.startswith(stem) and d[len(stem) :] in DEMONYM_ENDINGS for d in demonyms for stem in stems)


def _common_word(c: Candidate, text: str) -> bool:
    """A capitalised word at the start of a title or sentence that the article also writes in lower case
    ("Harbour silt threatens ..." beside "its harbour master")."""
    if c.field == "text":
        before = text[: c.start].rstrip(" \t\"“'‘")
        if before and before[-1] not in ".!?\n:":
            return False
    low = c.text.lower()
    return low != c.text and re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


def _context_evidence(span) -> list[tuple[str, int]]:
    """Evidence from the parse around one mention (a spaCy Span)."""
    out: list[tuple[str, int]] = []
    inside = {t.i for t in span}
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i not in inside:
        first = first.head  # "the provinces of Kilis and Hatay": Hatay stands where Kilis does
    for tok in span:
        for child in tok.children:
            if child.i in inside:
                continue
            if child.dep_ in ("compound", "appos", "nmod") or child.dep_ == "amod" and child.pos_ == "NOUN":
                out += _noun_cues(child)
    head = first.head
    if first.dep_ in ("appos", "compound", "nmod") and head.i not in inside:
        if first.dep_ == "compound" and head.i > first.i:
            out += _modified_cues(head)
        else:
            out += _noun_cues(head)
    if first.dep_ == "poss" and _is(head, "state_nouns"):
        out.append(("GPE", STRONG))
    if first.dep_ == "pobj":
        prep = head
        if prep.lower_ == "of" and prep.head.i not in inside and _is(prep.head, "place_of_nouns"):
            out.append(("GPE", STRONG))
        elif prep.lower_ == "in" and any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in first.children):
            out.append((DROP, STRONG))  # "in Dickens' Oliver Twist": a work, not a person or a place
        elif prep.lower_ in _cues()["motion_prepositions"]:
            det = (
                any(t.dep_ == "det" for t in first.lefts) or span.start > 0 and span.doc[span.start - 1].lower_ == "the"
            )
            if prep.lower_ != "in" and prep.head.pos_ in ("VERB", "AUX") and det:
                out.append(("GPE", STRONG))  # "sending boats into the disputed X" ("paying into X" may be a fund)
            else:
                out.append((PLACE_IF_PERSON, WEAK))
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the" and first.dep_ != "compound":
        out.append((NOT_PERSON, WEAK))  # "the Gazette": a person's name takes no article ("the Blair years" may)
    if first.dep_ == "nsubj" and first.head.lemma_.lower() in vocab.cue_verbs() and _followed_by_he_or_she(span):
        out.append(("PERSON", STRONG))  # "X said ... “…,” she said"
    for child in first.children:
        if child.dep_ == "relcl" and child.i > first.i:
            pronoun = next(iter(child.subtree))
            if pronoun.lower_ in ("who", "whom"):
                out.append(("PERSON", WEAK))  # "X, who ..."
            elif pronoun.lower_ == "which":
                out.append((NOT_PERSON, WEAK))  # "X, which ..."
    return out


def _followed_by_he_or_she(span) -> bool:
    """Whether the next subject pronoun, in this sentence or the next, is "he" or "she", with no other
    person or role noun between the name and it."""
    doc = span.doc
    end = span.sent.end
    if end < len(doc):
        end = doc[end].sent.end
    for t in doc[span.end : end]:
        if t.ent_type_ == "PERSON" or t.pos_ == "NOUN" and _is(t, "person_nouns"):
            return False
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she", "it", "they"):  # not a quote's "we"
            return t.lower_ in ("he", "she")
    return False


def _noun_cues(tok) -> list[tuple[str, int]]:
    if _is(tok, "person_nouns") or tok.lower_ in _cues()["titles"] and tok.pos_ != "PROPN":
        return [("PERSON", STRONG)]
    if _is(tok, "org_nouns"):
        return [("ORG", STRONG)]
    return []


def _modified_cues(head) -> list[tuple[str, int]]:
    """A name modifying a common noun: "the X crossing" is a place, "the X account" a service."""
    if _is(head, "place_modifier_nouns"):
        return [("GPE", STRONG)]
    if _is(head, "thing_nouns"):
        return [(NOT_PERSON, STRONG)]
    return []


def _place_after_comma(c: Candidate, cands: list[Candidate], text: str) -> bool:
    """ "Hialeah, Fla.", "Brimsby, Norland": a name followed by a known place is a place in it."""
    m = re.match(r",\s*", text[c.end : c.end + 3])
    if not m:
        return False
    at = c.end + m.end()
    return any(
        o.field == c.field
        and o.start == at
        and (o.entry is not None and o.entry.kind in ("country", "place", "capital") or o.display is not None)
        and o.how in ("name", "alias")
        for o in cands
    )


def _retype(cands: list[Candidate], docs: dict, text: str) -> list[Candidate]:
    """Set the type of each name the knowledge base does not know from its article's evidence; drop the
    ones that name nothing of a kept kind. The model's own tag counts as one weak vote, so weak evidence
    alone does not overrule it; one mention gives each kind at most one strong vote."""
    evidence: dict[str, Counter] = {}
    mentions: Counter = Counter()
    demonyms = {c.text.lower() for c in cands if c.type == "NORP" and " " not in c.text}
    surnames = {kb.key(c.text.split()[-1]) for c in cands if c.type == "PERSON" and len(c.text.split()) > 1}
    for c in cands:
        if c.entry is not None or c.sure:
            continue
        mine: Counter = Counter()
        for kind, weight in _name_evidence(c, text):
            if kind != DROP or kb.key(c.text) not in surnames:  # "Brown" is Gordon Brown, even after "brown bread"
                mine[kind] += weight
        if c.type != "NORP" and " " not in c.text and _demonym_of(c.text, demonyms - {c.text.lower()}):
            mine["GPE"] += STRONG
        if c.field == "text" and _place_after_comma(c, cands, text):
            mine["GPE"] += STRONG
        doc = docs.get(c.field)
        span = doc.char_span(c.start, c.end, alignment_mode="expand") if doc is not None else None
        if span is not None and len(span):
            for kind, weight in _context_evidence(span):
                mine[kind] += weight
        key = kb.key(c.text)
        mentions[key] += 1
        votes = evidence.setdefault(key, Counter())
        for kind, weight in mine.items():
            votes[kind] += min(weight, STRONG)
    out = []
    for c in cands:
        key = kb.key(c.text)
        found = evidence.get(key) if c.entry is None and not c.sure else None
        if found:
            if found[DROP]:
                continue
            typed = {k: v for k, v in found.items() if k in KEEP}
            if c.type == "NORP":
                typed.pop("PERSON", None)  # "the Kurds, who ...": a people, not a person
            if typed:
                weighed = Counter(typed)
                weighed[c.type] += WEAK
                best = max(weighed, key=lambda k: (weighed[k], k == c.type))
                c.type, c.sure = best, best in typed
            # Weak evidence, in at least half the mentions, turns a PERSON tag; it is not sure, so a
            # surname after its full name still joins the person.
            elif c.type == "PERSON" and 2 * max(found[PLACE_IF_PERSON], found[NOT_PERSON]) >= mentions[key]:
                c.type = "GPE" if found[PLACE_IF_PERSON] > found[NOT_PERSON] else "ORG"
        out.append(c)
    return out


def _transcript_speakers(cands: list[Candidate], text: str) -> list[Candidate]:
    """Transcript turns ("MINISTER JO BLOGGS: ...") name people: the name part of each label is a PERSON
    mention, named as a reader writes it, in place of whatever the model made of the label."""
    found = turns(text)
    if not found:
        return cands
    labels = []
    for t in found:
        label = text[t.label_start : t.label_end]
        words = list(re.finditer(r"\S+", label))
        kept = t.name.split()
        if not kept or len(kept) > len(words):
            continue
        first = words[len(words) - len(kept)]
        start = t.label_start + first.start()
        labels.append(
            Candidate(start, t.label_end, text[start : t.label_end], "text", "PERSON", sure=True, display=t.name)
        )
    spans = [(c.start, c.end) for c in labels]
    kept_cands = [c for c in cands if not any(c.start < e and c.end > s for s, e in spans) or c.field != "text"]
    return sorted(kept_cands + labels, key=lambda c: c.start)


# -- 3: grouping ----------------------------------------------------------------------------------
def _group(cands: list[Candidate]) -> list[Group]:
    groups: list[Group] = []
    by_entry: dict[str, Group] = {}
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


def _short_forms(name: str) -> list[str]:
    """Keys a later mention may use for an organisation named with a generic last word: an outlet by that
    word ("Harbour Gazette" -> "the Gazette"), another body by the rest of its name ("Common Sense Media"
    -> "Common Sense"; a place of that name is not joined, see _group)."""
    words = name.split()
    last = words[-1].strip(".,").lower() if words else ""
    if len(words) < 2 or last not in _cues()["org_heads"]:
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


def _context_country(c: Candidate, doc, country_at: dict[int, str], place: bool = False) -> Optional[str]:
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
    while i >= max(sent_start, span[0].i - WINDOW):
        t = doc[i]
        if t.i in country_at:
            return country_at[t.i]
        if not (t.pos_ in LEFT_POS or t.text in (".", "-", "'s", "’s")):
            break
        i -= 1
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


def _context_countries(groups: list[Group], entities: list[Entity], doc, cands: list[Candidate]) -> None:
    """Entities the KB gives no country take one from the article: their neighbours first (see
    _context_country), else, for people and organisations, the article's home country when one country
    holds most of the mentions that have one (a US politics story: its people are American)."""
    if doc is None or not text_of(doc):
        return
    country_of = {id(g): e.country for g, e in zip(groups, entities)}
    country_at: dict[int, str] = {}
    for c in cands:
        if c.field != "text" or c.group is None:
            continue
        kind = c.group.entry.kind if c.group.entry else None
        country = country_of.get(id(c.group))
        if kind in CONTEXT_KINDS and country and len(country) == 3:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            for t in span or ():
                country_at[t.i] = country
    for g, e in zip(groups, entities):
        if e.country or e.kb_id or e.type not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue  # a knowledge-base entry without a country has none (NATO, the Red Sea, Islamic State)
        for c in g.members:
            if c.field == "text":
                found = _context_country(c, doc, country_at, e.type in ("GPE", "LOC", "FAC"))
                if found:
                    e.country = found
                    break
    votes: Counter = Counter()
    for g, e in zip(groups, entities):
        kind = g.entry.kind if g.entry else None
        if e.country and len(e.country) == 3 and kind not in ("outlet", "igo"):
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
