"""Descriptors: the phrases each voice uses to name an entity ("the terrorist stronghold of Rafah" in the
article's voice, "the southern Gazan city of Rafah" in a relayed passage).

Three constructions carry a description, read from the dependency parse:
  "the X of NAME"       (X a noun that classes the name: city, stronghold, bastion; not "the support of")
  apposition            "NAME, the X" and "the X, NAME" ("EU's de facto Foreign Minister, Josep Borrell")
  premodifiers          "Communist China", "European Union foreign policy chief Josep Borrell"
Entities come from the entities stage when it ran; otherwise from spaCy's named entities, every
occurrence of a name counted as a mention (the small model tags one place as GPE here, PERSON there).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from ... import vocab
from ...model import Analysis, Descriptor, Ref
from ...syntax import entities_of, subtree, text_of
from . import lexicon as framing_lexicon
from .spans import noun_phrase_left

NAME_TYPES = {"GPE", "ORG", "PERSON", "LOC", "FAC", "NORP"}
ACTION_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ing", "ure")
MAX_PHRASE_TOKENS = 12


def clean_phrase(span: Span) -> str:
    text = span.text.strip(" ,;:—–-")
    return re.sub(r"\s+", " ", text)


def describes(x: Token, not_descriptor: set[str]) -> bool:
    """A definite class noun ("the city of", "Hamas’s last bastion of"), not an act ("the killing of")
    and not an indefinite relation ("a patron of Hamas" describes the patron, not Hamas)."""
    lemma = x.lemma_.lower()
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in x.children)
    return (
        x.pos_ == "NOUN"
        and definite
        and lemma not in not_descriptor
        and not (len(lemma) >= 8 and lemma.endswith(ACTION_SUFFIXES))  # nation, bastion are names of things
        and not x.ent_type_
        and not any(c.dep_ == "cc" for c in x.children)
    )


def phrases_for(doc: Doc, first: int, last: int, not_descriptor: set[str]) -> list[str]:
    """Descriptive phrases around the mention doc[first:last+1]."""
    root = doc[first : last + 1].root
    out: list[str] = []
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < root.i:
        x = root.head.head
        if describes(x, not_descriptor) and root.i - x.left_edge.i < MAX_PHRASE_TOKENS:
            out.append(clean_phrase(doc[x.left_edge.i : last + 1]))
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < root.i:
        x = root.head
        if x.ent_type_ not in NAME_TYPES or x.pos_ == "PROPN":
            phrase = doc[x.left_edge.i : x.i + 1]
            if len(phrase) < MAX_PHRASE_TOKENS:
                out.append(clean_phrase(phrase))
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.pos_ == "NOUN":
            phrase = subtree(child)
            if len(phrase) < MAX_PHRASE_TOKENS:
                out.append(clean_phrase(phrase))
    left = noun_phrase_left(root, max(0, first - MAX_PHRASE_TOKENS))
    if left < first and left > 0 and doc[left - 1].is_punct and doc[left].lemma_.lower() in vocab.cue_verbs():
        left += 1  # '“…,” added council leader Tomasz Okafor': the inverted cue is no modifier
    if left < first and any(t.pos_ in ("ADJ", "NOUN", "PROPN") and not t.like_num for t in doc[left:first]):
        out.append(clean_phrase(doc[left : last + 1]))
    return [p for p in out if p]


def canonical_names(doc: Doc) -> dict[str, str]:
    """Name text -> canonical name; a lone surname maps to the full name that ends with it."""
    names = {}
    for e in entities_of(doc):
        if e.label_ in NAME_TYPES and any(t.pos_ == "PROPN" for t in e):
            text = re.sub(r"^(?:the|The)\s+", "", e.text).strip()
            text = re.sub(r"[’']s$", "", text)
            if text and text[0].isupper():
                names[text] = text
    for short in list(names):
        for full in names:
            if full != short and full.split()[-1] == short and len(full.split()) > 1:
                names[short] = full
    return names


def spacy_mentions(doc: Doc) -> list[tuple[str, int, int]]:
    """(canonical name, first token, last token) for every occurrence of a name spaCy tagged somewhere."""
    names = canonical_names(doc)
    if not names:
        return []
    pat = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    out = []
    for m in pat.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and len(span):
            out.append((names[m.group(1)], span[0].i, span[-1].i))
    return out


def entity_mentions(analysis: Analysis, doc: Doc) -> list[tuple[Ref, int, int]]:
    """Mentions from the entities stage, plus every other place their proper names are written."""
    if analysis.entities:
        out: list[tuple[Ref, int, int]] = []
        spots: set[int] = set()
        names: dict[str, Ref] = {}
        for e in analysis.entities:
            for m in e.mentions:
                if m.field != "text":
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="contract")
                if span is not None and len(span):
                    out.append((Ref(name=e.name, entity=e.id), span[0].i, span[-1].i))
                    spots.add(span[-1].i)
                    if all(t.pos_ == "PROPN" for t in span):
                        names.setdefault(span.text, Ref(name=e.name, entity=e.id))
        if names:
            pat = re.compile(
                r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
            )
            for hit in pat.finditer(text_of(doc)):
                span = doc.char_span(hit.start(), hit.end(), alignment_mode="contract")
                if span is not None and len(span) and span[-1].i not in spots:
                    out.append((names[hit.group(1)], span[0].i, span[-1].i))
        return out
    return [(Ref(name=name), first, last) for name, first, last in spacy_mentions(doc)]


def descriptors(analysis: Analysis, doc: Doc) -> list[Descriptor]:
    """One Descriptor per (entity, voice) that describes the entity at least once."""
    not_descriptor = framing_lexicon.load().not_descriptor
    found: dict[tuple[str, str | None, str], list[str]] = defaultdict(list)
    refs: dict[tuple[str, str | None, str], Ref] = {}
    for ref, first, last in entity_mentions(analysis, doc):
        voice = analysis.voice_at(doc[first].idx)
        for phrase in phrases_for(doc, first, last, not_descriptor):
            key = (ref.name, ref.entity, voice.id)
            refs[key] = ref
            if phrase not in found[key]:
                found[key].append(phrase)
    out = []
    for key, phrases in found.items():
        voice = next(v for v in analysis.voices if v.id == key[2])
        out.append(
            Descriptor(
                entity=refs[key],
                voice=voice.id,
                phrases=phrases,
                via=voice.via,
            )
        )
    return out
