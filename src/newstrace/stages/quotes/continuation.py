"""Quotes without a cue of their own that still have a speaker: a quotation that runs on into the next
paragraph (the paragraph before is left open, the next reopens it), and a quote that opens the sentence
right after 'X said …' in the same paragraph. A part with a speaker gives it to the parts of the same
quotation before and after it.
"""

from __future__ import annotations

from ...model import Quote
from ...quotemarks import continues_quotation

SPOKEN = ("direct", "partial")


def _follows_attribution(text: str, doc, q: Quote, quotes: list[Quote]) -> Quote | None:
    """The attribution ('X said …') of the sentence just before q in q's paragraph, when q opens its sentence."""
    opening = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    if opening is None:
        return None
    sent = opening.sent
    mark = text.rfind("“", sent.start_char, q.start + 1)
    if mark < 0:
        mark = text.rfind('"', sent.start_char, q.start + 1)
    if mark < 0 or text[sent.start_char : mark].strip() or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if "\n" in text[prev.end_char : sent.start_char]:
        return None
    cands = [
        a
        for a in quotes
        if a is not q
        and a.speaker is not None
        and a.field == "text"
        and a.cue_span
        and prev.start_char <= a.cue_span[0] < prev.end_char
        and a.voice == q.voice
    ]
    return max(cands, key=lambda a: a.cue_span[0] if a.cue_span else 0) if cands else None


def carry_speakers(text: str, doc, quotes: list[Quote]) -> None:
    spoken = sorted((q for q in quotes if q.kind in SPOKEN and q.field == "text"), key=lambda q: q.start)
    for q in spoken:
        if q.speaker is None and q.kind == "direct":
            src = _follows_attribution(text, doc, q, quotes)
            if src is not None:
                _take(q, src)
    pairs = [
        (a, b) for a, b in zip(spoken, spoken[1:]) if a.voice == b.voice and continues_quotation(text, a.end, b.start)
    ]
    for _ in range(2):  # forwards, then backwards along each quotation
        for a, b in pairs:
            if b.speaker is None and a.speaker is not None:
                _take(b, a)
        for a, b in reversed(pairs):
            if a.speaker is None and b.speaker is not None:
                _take(a, b)


def _take(q: Quote, src: Quote) -> None:
    q.speaker, q.speaker_mention, q.speaker_span = src.speaker, src.speaker_mention, src.speaker_span
    if q.via is None:
        q.via = src.via
