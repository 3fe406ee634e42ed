"""Types from the article's own evidence (step 2 of stage.py) for names the knowledge base does not know,
and transcript labels as people."""

from __future__ import annotations

import re
from collections import Counter

from ... import kb, vocab
from ..quotes.transcript import turns
from .candidates import KEEP, PLACE_LIKE, Candidate, entity_cues, given_names

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


def _noun_phrase(tok) -> str:
    """A common noun with its compound modifiers: "fund" in "hedge fund" -> "hedge fund"."""
    mods = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*(c.lower_ for c in mods), tok.lemma_.lower()])


def _is(tok, cue: str) -> bool:
    """Whether a common noun (alone or with its compounds) is in the cue list."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ and tok.pos_ == "PROPN":
        return False
    words = entity_cues()[cue]
    return tok.lemma_.lower() in words or tok.lower_ in words or _noun_phrase(tok) in words


def _name_evidence(c: Candidate, text: str) -> list[tuple[str, int]]:
    """Evidence from the name itself: its last word, its shape."""
    cues = entity_cues()
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
    if len(words) > 1 and words[0] in given_names() and c.type == "PERSON" and last not in cues["org_heads"]:
        out.append(("PERSON", STRONG))  # "Michael Bay" is no bay; "Jana Partners" is a firm named after someone
    if len(words) == 1 and _common_word(c, text):
        out.append((DROP, STRONG))
    return out


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
        elif prep.lower_ in entity_cues()["motion_prepositions"]:
            det = (
                any(t.dep_ == "det" for t in first.lefts) or span.start > 0 and span.doc[span.start - 1].lower_ == "the"
            )
            if prep.lower_ != "in" and prep.head.pos_ in ("VERB", "AUX") and det:
                out.append(("GPE", STRONG))  # "sending boats into the disputed X" ("paying into X" may be a fund)
            else:
                out.append((PLACE_IF_PERSON, WEAK))
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("nearby", "neighbouring", "neighboring"):
        out.append(("GPE", STRONG))  # "the gutter cleaner from nearby New Addington": only a place is nearby
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
    if _is(tok, "person_nouns") or tok.lower_ in entity_cues()["titles"] and tok.pos_ != "PROPN":
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


def retype(cands: list[Candidate], docs: dict, text: str) -> list[Candidate]:
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


def transcript_speakers(cands: list[Candidate], text: str) -> list[Candidate]:
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
