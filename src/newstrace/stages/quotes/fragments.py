"""Quoted fragments inside a reported clause ('he said the plan was “a reckless gamble”', 'the residents
called the scheme ‘reckless’'). Each fragment is someone's words, so it is a partial quote of the clause's
speaker, with `clause` pointing at the indirect quote it sits in; the clause stays an indirect quote. The
clause's `fragments` list keeps the same fragments for readers of the older contract.
"""

from __future__ import annotations

from ... import vocab
from ...model import Mention, Quote
from ...quotemarks import is_title
from .attribution import content_noun
from .marks import close_marks


def _host(q: Quote, indirect: list[Quote]) -> Quote | None:
    """The narrowest indirect quote whose span holds q, preferring one of q's own cue."""
    holders = [h for h in indirect if h.field == q.field and h.start <= q.start and q.end <= h.end + 2 and h is not q]
    if not holders:
        return None
    return min(holders, key=lambda h: (h.cue_span != q.cue_span if q.cue_span else False, h.end - h.start))


def _governed_by_host(doc, q: Quote, host: Quote) -> bool:
    """The first cue verb above the fragment in the parse is the clause's own cue: a fragment under
    another speech verb ('a report … showing him saying he had served “in Vietnam”') is that verb's."""
    if doc is None or q.field != "text" or not host.cue_span:
        return True
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return True
    cues = vocab.cue_verbs()
    cue = doc.char_span(host.cue_span[0], host.cue_span[1], alignment_mode="expand")
    if cue is not None and len(cue) and content_noun(span.root, cue.root) is not None:
        return False  # 'dismissed claims that he was a “traitor”': the claim's words, not the clause speaker's
    path = [span.root]
    for anc in span.root.ancestors:
        if anc.idx == host.cue_span[0] or (anc.pos_ == "VERB" and anc.lemma_.lower() in cues):
            # 'mocked the ‘so-called reform’': the thing judged is the object, not words its judge used
            return anc.idx == host.cue_span[0] and not any(t.dep_ == "dobj" and t.head.i == anc.i for t in path)
        path.append(anc)
    return True


def link_clauses(quotes: list[Quote], doc=None) -> list[tuple[Quote, Quote]]:
    """Link every partial or scare quote lying in a reported clause to that clause: it becomes a partial
    quote of the clause's speaker (a fragment with a speaker of its own keeps it). Returns (part, clause)
    pairs; the caller writes the clause ids once ids are given."""
    indirect = [q for q in quotes if q.kind == "indirect" and q.speaker is not None]
    links = []
    for q in quotes:
        if q.kind not in ("partial", "scare"):
            continue
        host = _host(q, indirect)
        if host is None:
            continue
        if q.kind == "scare" and is_title(q.text):
            continue  # a quoted title inside the clause ('said “Face the Nation” had …') is a title
        if q.speaker is None:
            if not _governed_by_host(doc, q, host):
                continue
            q.speaker, q.speaker_mention, q.speaker_span = host.speaker, host.speaker_mention, host.speaker_span
            q.cue, q.cue_span = host.cue, host.cue_span
        q.kind = "partial"
        if not any(f.start == q.start for f in host.fragments):
            host.fragments.append(Mention(q.start, q.end, q.text))
        links.append((q, host))
    return links


MAX_FRAGMENT_WORDS = 6
MAX_HOST_WORDS = 40


def hosts_for_fragments(ctx, quotes: list[Quote]) -> list[Quote]:
    """A short quoted fragment whose cue has no reported clause around it ('called Trump a “liar”',
    'blamed shootings on “implicit bias”') gets one: the cue's argument that holds the fragment."""
    doc, text = ctx.doc, ctx.article.text
    hosts: list[Quote] = []
    indirect = [q for q in quotes if q.kind == "indirect" and q.cue_span and q.field == "text"]
    for q in quotes:
        if q.kind != "partial" or q.field != "text" or not q.cue_span or len(q.text.split()) > MAX_FRAGMENT_WORDS:
            continue
        if any(h.cue_span == q.cue_span and h.start <= q.start and q.end <= h.end + 2 for h in indirect + hosts):
            continue
        cue = doc.char_span(q.cue_span[0], q.cue_span[1], alignment_mode="expand")
        inside = doc.char_span(q.start, q.end, alignment_mode="expand")
        if cue is None or inside is None:
            continue
        cue_tok = cue.root
        arg = next(
            (
                c
                for c in cue_tok.children
                if c.dep_ not in ("nsubj", "nsubjpass", "punct", "aux", "neg", "advmod")
                and c.left_edge.i <= inside.start
                and inside.end - 1 <= c.right_edge.i
            ),
            None,
        )
        if arg is None:
            continue
        a, b = (
            doc[arg.left_edge.i].idx,
            doc[arg.right_edge.i].idx + len(doc[arg.right_edge.i]),
        )
        while b > a and text[b - 1] in " .,;:":
            b -= 1
        b = close_marks(text, a, b)
        if len(text[a:b].split()) > MAX_HOST_WORDS or b - a <= len(q.text) + 2:
            continue
        if arg.dep_ == "prep" and arg.lower_ in ("about", "of") and b - (arg.idx + len(arg)) <= len(q.text) + 5:
            continue  # 'went on about “…”': the topic is the quoted words themselves, no clause to host them
        hosts.append(
            Quote(
                id="",
                kind="indirect",
                text=text[a:b],
                start=a,
                end=b,
                speaker=q.speaker,
                speaker_mention=q.speaker_mention,
                speaker_span=q.speaker_span,
                cue=q.cue,
                cue_span=q.cue_span,
                voice=q.voice,
                via=q.via,
                evidence=cue_tok.sent.text.strip(),
            )
        )
    return hosts
