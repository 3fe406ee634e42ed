"""Accusations made in speech: a quotation (direct, indirect or partial) whose words condemn a party the
quotation names ('said Obama's agenda is "some phony theology"', '"these continued provocations only
deepen North Korea's isolation"') is an ACCUSE (CAMEO 111, criticize or denounce) by the quote's resolved
speaker toward that party. The condemning words are data/events/criticism_words.txt; the party is a named
entity mentioned inside the quotation (or inside the reported clause a partial quote belongs to), never
the speaker; a quote that names no one, or whose speaker is unknown, accuses no one here."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Optional

from ... import vocab
from ...model import ActorRef, Entity, Event, Quote

ACCUSE_CODE = "111"
PARTIES = {"PERSON", "ORG", "GPE", "NORP"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we", "you", "us", "me"}
NEGATORS = {"not", "no", "never", "n't", "nothing"}


@functools.lru_cache(maxsize=1)
def _criticism() -> re.Pattern[str]:
    parts = []
    for line in vocab.lines("events/criticism_words.txt"):
        words = line.strip().lower()
        if not words:
            continue
        body = r"\s+".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in words.split())
        parts.append(body)
    return re.compile(r"\b(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")\b", re.I)


def condemning(text: str) -> Optional[str]:
    """The first condemning word or phrase of the text that no negator just before it denies, or None."""
    for m in _criticism().finditer(text):
        before = re.findall(r"[\w']+", text[max(0, m.start() - 20) : m.start()].lower())[-2:]
        if any(w in NEGATORS or w.endswith("n't") for w in before):
            continue
        return m.group(0)
    return None


def _denied(text: str) -> bool:
    """A reported clause whose first words deny it ('he wasn't questioning', 'she never said')."""
    first = re.findall(r"[\w']+", text.lower())[:4]
    return any(w in NEGATORS or w.endswith("n't") for w in first)


def _named_speaker(q: Quote, entities: Iterable[Entity]) -> bool:
    """The speaker is an entity, or a description naming one ("Blumenthal's campaign")."""
    speaker = q.speaker
    if speaker is None:
        return False
    if speaker.entity:
        return True
    words = set(re.findall(r"\w+", speaker.name))
    return any(e.type in PARTIES and e.name.split()[-1] in words for e in entities if e.name.split())


def _named_party(entities: Iterable[Entity], start: int, end: int, speaker: Optional[str]):
    """(entity, mention) of the first party named between start and end other than the speaker."""
    best = None
    for ent in entities:
        if ent.type not in PARTIES or ent.id == speaker:
            continue
        for m in ent.mentions:
            if m.field != "text" or not (start <= m.start and m.end <= end):
                continue
            if m.text.lower() in PRONOUNS:
                continue
            if best is None or m.start < best[1].start:
                best = (ent, m)
    return best


@functools.lru_cache(maxsize=1)
def _utterance_ref() -> re.Pattern[str]:
    """'those remarks', 'his comments', 'the statement': words pointing back at something said."""
    from .dictionary import cues

    nouns = "|".join(sorted(map(re.escape, cues().get("utterance", set())), key=len, reverse=True))
    return re.compile(r"\b(?:this|that|these|those|such|his|her|their|the)\s+(?:" + nouns + r")\b", re.I)


def _answered_speaker(q: Quote, spans: list[Quote], quotes: list[Quote], entities: Iterable[Entity]):
    """(entity, mention) of the speaker a condemning quote answers when it names no one but points back at
    something said ('those remarks are well over the line'): the speaker of the nearest earlier quotation
    by another named party."""
    if not any(_utterance_ref().search(p.text) for p in spans):
        return None
    assert q.speaker is not None
    by_id = {e.id: e for e in entities}
    for prev in sorted((p for p in quotes if p.end <= q.start), key=lambda p: -p.start):
        who = prev.speaker
        if who is None or not who.entity or who.entity == q.speaker.entity:
            continue
        ent = by_id.get(who.entity)
        if ent is None or ent.type not in PARTIES:
            return None
        before = [m for m in ent.mentions if m.field == "text" and m.start < q.start]
        return (ent, max(before, key=lambda m: m.start)) if before else None
    return None


def criticism_events(analysis, sentence_of, code_of, date_of) -> list[Event]:
    """ACCUSE events of the quotations that condemn a named party. sentence_of(offset) gives the
    sentence's (start, end, text); code_of(entity id) an entity's code; date_of(quote) its (date text,
    date) or (None, None)."""
    quotes: list[Quote] = [
        q for q in analysis.quotes if q.field == "text" and q.kind in ("direct", "indirect", "partial") and q.speaker
    ]
    parts: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.kind == "partial" and q.clause:
            parts.setdefault(q.clause, []).append(q)
    for q in quotes:  # a partial quote opening inside a reported clause of its speaker is part of it
        if q.kind != "partial" or q.clause:
            continue
        host = next(
            (h for h in quotes if h.kind == "indirect" and h.start < q.start < h.end and h.speaker == q.speaker), None
        )
        if host is not None:
            parts.setdefault(host.id, []).append(q)
    out: list[Event] = []
    for q in quotes:
        if q.kind == "partial" and (q.clause or any(q in v for v in parts.values())):
            continue  # read with the reported clause it belongs to
        if q.kind == "indirect" and _denied(q.text):
            continue  # 'he wasn't questioning whether ... "phony theology"': the speaker denies the attack
        if not _named_speaker(q, analysis.entities):
            continue  # a speaker the quotes stage could not tie to a named party ('UPDATE', 'a box')
        spans = [q] + parts.get(q.id, [])
        word = next((w for w in (condemning(p.text) for p in spans) if w), None)
        if word is None:
            continue
        speaker = q.speaker
        assert speaker is not None
        found = _named_party(analysis.entities, q.start, q.end, speaker.entity)
        if found is None:
            found = _answered_speaker(q, spans, quotes, analysis.entities)
        if found is None:
            continue
        ent, mention = found
        if speaker.name and (ent.name == speaker.name or ent.name in speaker.name):
            continue
        s_start, s_end, s_text = sentence_of(q.start)
        date_text, date = date_of(q)
        voice = analysis.voice_at(q.start)
        out.append(
            Event(
                id="",
                type="ACCUSE",
                cameo=ACCUSE_CODE,
                source=ActorRef(
                    name=speaker.name,
                    entity=speaker.entity,
                    code=code_of(speaker.entity),
                    mention=q.speaker_mention or speaker.name,
                ),
                target=ActorRef(name=ent.name, entity=ent.id, code=ent.code or ent.country, mention=mention.text),
                trigger=word,
                evidence=s_text.strip(),
                start=s_start,
                end=s_end,
                date=date,
                date_text=date_text,
                voice=voice.id,
                via=voice.via,
                modality="reported",
            )
        )
    return out
