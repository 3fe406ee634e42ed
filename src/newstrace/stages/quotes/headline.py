"""Quotes and reported speech in the headline; speakers are matched by name or title to the body's referents."""

from __future__ import annotations

import re

from ...model import Quote, Ref
from ...quotemarks import SCARE_MAX_WORDS, find_quotes
from ...syntax import entities_of, sentences_overlapping
from .attribution import QuoteMask, attribute
from .marks import clean_text, close_marks, kind_of
from .reported_speech import colon_statements, indirect_speech
from .speakers import Referents
from .words import speaker_words


def title_quotes(ctx, refs: Referents) -> list[Quote]:
    """Quotes and reported speech in the headline; speakers are matched by name to the body's referents."""
    title, doc = ctx.article.title or "", ctx.title_doc
    spans = find_quotes(title)
    mask = QuoteMask(len(title), [s for s in spans if s.double])
    out = []
    for q in spans:
        if not q.double:
            out.append(
                Quote(
                    id="",
                    kind="scare",
                    text=title[q.start : q.end],
                    start=q.start,
                    end=q.end,
                    field="title",
                )
            )
            continue
        speaker, mention, span = _headline_speaker(ctx, refs, title[: q.open_mark])
        quote = Quote(
            id="",
            kind=kind_of(title, q, False),
            text=clean_text(title[q.start : q.end]),
            start=q.start,
            end=q.end,
            field="title",
            speaker=speaker,
            speaker_mention=mention,
            speaker_span=span,
        )
        if speaker is None:
            sents = sentences_overlapping(doc, q.open_mark, q.outer_end)
            att = attribute(doc, sents, q.start, q.end, mask)
            if att is not None and att.speaker is not None:
                m = att.mention if att.mention is not None else att.speaker
                quote.speaker, quote.speaker_mention, quote.speaker_span = (
                    _title_ref(refs, att.speaker),
                    m.text,
                    [m.start_char, m.end_char],
                )
                if att.cue is not None:
                    quote.cue, quote.cue_span = (
                        att.cue.text,
                        [att.cue.idx, att.cue.idx + len(att.cue)],
                    )
        if quote.speaker is None and quote.kind == "partial" and len(quote.text.split()) <= SCARE_MAX_WORDS:
            quote.kind = "scare"
        out.append(quote)
    for ind in indirect_speech(doc, mask) + colon_statements(doc, title, mask):
        if any(q.speaker for q in out if q.field == "title" and q.kind == "direct") and ind.cue.text == ":":
            continue  # 'Netanyahu on X: “…”' is already a direct quote of the headline
        a, b = (
            ind.content_start,
            close_marks(title, ind.content_start, ind.content_end),
        )
        m = ind.mention if ind.mention is not None else ind.speaker
        out.append(
            Quote(
                id="",
                kind="indirect",
                text=title[a:b],
                start=a,
                end=b,
                field="title",
                speaker=_title_ref(refs, ind.speaker),
                speaker_mention=m.text,
                speaker_span=[m.start_char, m.end_char],
                cue=ind.cue.text,
                cue_span=[ind.cue.idx, ind.cue.idx + len(ind.cue)],
                evidence=title,
            )
        )
    return out


def _title_ref(refs: Referents, phrase) -> Ref:
    """A headline speaker: the body's referent with that name or surname, else the phrase itself."""
    names = [t.text for t in phrase if t.pos_ == "PROPN"]
    for r in refs.items:
        if names and (r.text == " ".join(names) or r.ref.name.split()[-1] == names[-1]):
            return r.ref
    text = phrase.text.strip()
    if not names:  # 'Trade envoy says …': the person the body gives that title
        roles = [w for w in speaker_words()["role_nouns"] if re.search(rf"\b{re.escape(w)}\b", text.lower())]
        titled = [r for r in refs.items if r.kind == "person" and roles and text.lower() in r.title]
        if len({r.ref.name for r in titled}) == 1:
            return titled[0].ref
    return Ref(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I) or text, None)


def _headline_speaker(ctx, refs: Referents, before: str):
    """'Netanyahu on X: “…”', 'Blinken: “…”': the first name before the colon speaks."""
    if not before.rstrip().endswith(":"):
        return None, None, None
    for ent in entities_of(ctx.title_doc):
        if ent.end_char <= len(before) and ent.label_ in (
            "PERSON",
            "ORG",
            "GPE",
            "NORP",
        ):
            known = next(
                (r for r in refs.items if r.text == ent.text or r.ref.name.endswith(ent.text)),
                None,
            )
            ref = known.ref if known else Ref(ent.text, None)
            return ref, ent.text, [ent.start_char, ent.end_char]
    return None, None, None
