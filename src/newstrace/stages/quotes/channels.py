"""Outlets as channels: words told to an outlet, or an outlet's report cited, come via that outlet."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ...syntax import REPORTING_AS
from .attribution import QUOTING_VERBS, quoted_as_saying
from .speakers import Referents


def channel_outlets(refs: Referents, quotes: list) -> None:
    """An outlet is a channel: words told to an outlet ('officials told the Gazette that …') come via
    it, and so does the next quote of the same speaker in that paragraph ('“…,” one of them said'); an
    outlet's report cited with 'according to' is relayed through it, and so is a quote that report
    holds ('“…,” the mayor said, according to the Herald')."""
    via_according_frames(refs, quotes)
    via_citing_clauses(refs, quotes)
    told: dict[str, tuple[str, int]] = {}
    text = refs.ctx.article.text
    for q in sorted(quotes, key=lambda q: q.start):
        if q.field != "text" or q.via is not None:
            continue
        key = q.speaker.name if q.speaker is not None else ""
        if q.addressee is not None and refs.is_outlet(q.addressee.name):
            if is_own_outlet(refs.ctx.article, q.addressee.name):
                continue  # 'he told the Guardian' in the Guardian: the article's own interview, no relay
            q.via = q.addressee.name
            told[key] = (q.via, q.end)
        elif (
            q.kind == "indirect"
            and q.speaker
            and (q.cue or "").lower() == "according"
            and refs.is_outlet(q.speaker.name)
        ):
            q.via = q.speaker.name
        elif key in told and "\n" not in text[told[key][1] : q.start]:
            q.via = told.pop(key)[0]
        else:
            outlet = _speakers_outlet(refs, q)
            if outlet is not None and not is_own_outlet(refs.ctx.article, outlet):
                q.via = outlet  # 'The Post's Chris Cillizza writes: “…”': his words reach us through The Post


def _broadcast_on(refs: Referents, cue) -> str | None:
    """The outlet a cue says the words went out on ('said on CNN', 'told viewers on CBS's Face the Nation'),
    or None: words said on air reach the article through that broadcaster."""
    doc = refs.ctx.doc
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "on"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            owner = next((k for k in obj.children if k.dep_ == "poss" and k.pos_ == "PROPN"), None)
            for t in (obj, owner) if owner is not None else (obj,):
                ref, _how = refs.resolve(doc[t.left_edge.i : t.i + 1])
                if ref is not None and refs.is_outlet(ref.name):
                    return ref.name
    return None


def _speakers_outlet(refs: Referents, q) -> str | None:
    """The outlet a speaker mention names as the speaker's own ('CNN's Wolf Blitzer', 'The Post's Chris
    Cillizza'), or None."""
    if q.speaker is None or not q.speaker_span:
        return None
    doc = refs.ctx.doc
    span = doc.char_span(q.speaker_span[0], q.speaker_span[1], alignment_mode="expand")
    if span is None:
        return None
    owner = next((t for t in span if t.dep_ == "poss" and span.start <= t.head.i < span.end), None)
    if owner is None or owner.pos_ != "PROPN":
        return None
    ref, _how = refs.resolve(doc[owner.left_edge.i : owner.i + 1])
    return ref.name if ref is not None and refs.is_outlet(ref.name) else None


def squashed(name: str) -> str:
    """A name as letters only, lower case, without a leading 'the' ('The Guardian' and 'theguardian' match)."""
    letters = re.sub(r"[^a-z0-9]", "", name.lower())
    return letters[3:] if letters.startswith("the") and len(letters) > 6 else letters


def is_own_outlet(article, name: str) -> bool:
    """The article is the named outlet's own: its outlet field or its web address names it ('theguardian',
    www.theguardian.com for The Guardian)."""
    key = squashed(name)
    if not key:
        return False
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    labels = {squashed(label) for label in host.split(".")[:-1]}
    own = [k for k in labels | {squashed(article.outlet or "")} if len(k) >= 3]
    # 'BBC News' in a page of bbc.co.uk: one outlet, named shorter or longer
    return any(key == k or key.startswith(k) or k.startswith(key) for k in own)


def via_according_frames(refs: Referents, quotes: list) -> None:
    """A quote whose cue lies inside an 'according to <outlet>' indirect quote ('“We will not back down,”
    the mayor said, according to the Herald') comes via that outlet. The frame stays: the outlet reports
    that the mayor said it (PolNeAR annotates it so). A source that is no outlet ('according to two
    people familiar with the talks') is no channel."""
    for frame in quotes:
        if (
            frame.field != "text"
            or frame.kind != "indirect"
            or (frame.cue or "").lower() != "according"
            or frame.speaker is None
            or not refs.is_outlet(frame.speaker.name)
        ):
            continue
        inner = [
            q
            for q in quotes
            if q is not frame and q.field == "text" and q.cue_span and frame.start <= q.cue_span[0] < frame.end
        ]
        for q in inner:
            q.via = q.via or frame.speaker.name


def via_citing_clauses(refs: Referents, quotes: list) -> None:
    """A quote whose cue carries who relayed it: '“…,” Mattis said as cited by Reuters', 'Peskov was quoted
    by Tass as saying …', 'Reuters quoted Holt as saying …', or where it went out ('said on CNN'): the outlet
    named there is the quote's via."""
    doc = refs.ctx.doc
    for q in quotes:
        if q.field != "text" or q.via is not None or not q.cue_span:
            continue
        span = doc.char_span(q.cue_span[0], q.cue_span[1], alignment_mode="expand")
        if span is None or not len(span):
            continue
        cue = span[0]
        holders = [c for c in cue.children if c.dep_ == "advcl" and c.lemma_.lower() in REPORTING_AS]
        if cue.dep_ == "pcomp" and cue.head.lower_ == "as":
            holders.append(cue.head.head)  # 'was quoted by Tass as saying'
        elif cue.lemma_.lower() in QUOTING_VERBS:
            holders.append(cue)  # '“…,” Peskov was quoted by Tass as saying', the quoting verb the cue
        for subj in (c for c in cue.children if c.dep_ == "nsubj"):  # 'one of the officials quoted by the AP said'
            holders += [t for t in subj.subtree if t.dep_ == "acl" and t.lemma_.lower() in QUOTING_VERBS]
        if q.via is None:
            outlet = _broadcast_on(refs, cue)
            if outlet is not None and not is_own_outlet(refs.ctx.article, outlet):
                q.via = outlet
        for holder in holders:
            agent = next((c for c in holder.children if c.dep_ == "agent"), None)
            who = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if who is None and quoted_as_saying(holder) is not None:  # 'Reuters quoted Holt as saying'
                who = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if who is None:
                continue
            ref, _how = refs.resolve(doc[who.left_edge.i : who.right_edge.i + 1])
            if ref is not None and refs.is_outlet(ref.name):
                q.via = ref.name
                break
