"""Quotes inside quotes: a speaker quoting someone else within their own words ('“When the inspector told
me, ‘Your kitchen is the cleanest in the district,’ I didn’t believe him,” said Ruairi Abernethy'). The
single-quoted words are the embedded speaker's when a cue inside the outer quotation has them as its
active subject; 'I', 'me', 'we' and 'us' there are the outer speaker, and other pronouns there point into the
speaker's own talk, so they name nobody the article does."""

from __future__ import annotations

from typing import Optional

from ...model import Quote, Ref
from ...quotemarks import SINGLE_QUOTED, QuotedSpan
from .attribution import QuoteMask, attribute
from .marks import clean_text
from .reported_speech import is_negated
from .speakers import Referents

FIRST_PERSON = {"i", "me", "we", "us", "myself", "ourselves"}
SECOND_PERSON = {"you", "yourself", "yourselves"}


def nested_quotes(ctx, refs: Referents, quotes: list[Quote]) -> list[Quote]:
    """The quotes embedded in each attributed direct or partial quote of the text: single-quoted words
    with a cue and speaker of their own inside the outer quotation, as direct quotes."""
    text, doc = ctx.article.text, ctx.doc
    out: list[Quote] = []
    for outer in quotes:
        if outer.field != "text" or outer.kind not in ("direct", "partial") or outer.speaker is None:
            continue
        for m in SINGLE_QUOTED.finditer(text, outer.start, outer.end):
            words = clean_text(m.group(1))
            if len(words.split()) < 2 or m.group(1)[:1].isspace():
                continue
            inner = QuotedSpan(m.start(1), m.start(1) + len(words), m.start(), m.end() - 1, double=False)
            within = doc.char_span(outer.start, outer.end, alignment_mode="contract")
            if within is None:
                continue
            att = attribute(doc, [within], inner.start, inner.end, QuoteMask(len(text), [inner]))
            if att is None or att.cue is None or att.speaker is None:
                continue  # a title or a phrase the outer speaker uses: part of their own words
            if is_negated(att.cue):
                continue  # 'Obama refused to even say the words ‘Radical Islam’': words not said
            if att.speaker.root.dep_ != "nsubj" or att.speaker.root.head != att.cue:
                continue  # 'a sign saying ‘…’', 'the plan was called ‘…’': a thing's wording or name, not speech
            mention = att.speaker.text.strip().lower()
            speaker: Optional[Ref]
            if mention in FIRST_PERSON:
                speaker, how = outer.speaker, "name"
            elif mention in SECOND_PERSON:
                speaker, how = outer.addressee, "name"  # 'you say …': whom the outer speaker addresses
            else:
                speaker, how = refs.resolve(att.speaker)
            if speaker is None or speaker.name == outer.speaker.name or how == "pronoun":
                continue  # 'it says …', 'you say …' inside a quotation: the speaker's referent, not the article's
            addressee = None
            if att.addressee is not None:
                addressee = _as_outer(att.addressee.text, outer) or refs.resolve(att.addressee)[0]
            out.append(
                Quote(
                    id="",
                    kind="direct",
                    text=words,
                    start=inner.start,
                    end=inner.end,
                    speaker=speaker,
                    speaker_mention=att.speaker.text,
                    speaker_span=[att.speaker.start_char, att.speaker.end_char],
                    cue=att.cue.text,
                    cue_span=[att.cue.idx, att.cue.idx + len(att.cue)],
                    addressee=addressee,
                    voice=outer.voice,
                    via=outer.via,
                )
            )
    return out


def _as_outer(mention: str, outer: Quote) -> Optional[Ref]:
    """'me', 'us' inside a quotation: its speaker."""
    return outer.speaker if mention.strip().lower() in FIRST_PERSON else None
