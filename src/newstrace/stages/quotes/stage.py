"""Who said what: direct, partial and indirect quotes and scare quotes, each with its speaker (resolved
through names, pronouns and descriptions), cue, addressee, medium, voice and the outlet it came through.
"""

from __future__ import annotations

from typing import Optional, cast

from spacy.tokens import Span

from ...model import Quote, Ref
from ...quotemarks import SCARE_MAX_WORDS, QuotedSpan, find_quotes, is_title, word_count
from ...syntax import sentences_overlapping, subtree
from .attribution import (
    Attribution,
    QuoteMask,
    addressee_of,
    attribute,
    cue_lemma,
    frame_attribution,
    handle_attribution,
    is_cue,
    medium_of,
    phrase_of,
    speaker_token,
)
from .bullets import bullet_quotes
from .channels import channel_outlets
from .continuation import carry_speakers
from .fragments import hosts_for_fragments, link_clauses
from .headline import title_quotes
from .marks import clean_text, close_marks, kind_of
from .nested import nested_quotes
from .reported_speech import colon_statements, indirect_speech, is_negated
from .speakers import Referent, Referents
from .transcript import transcript_quotes
from .words import speaker_words


def run(ctx) -> None:
    refs = Referents(ctx)
    quotes: list[Quote] = []
    quotes += title_quotes(ctx, refs)
    quotes += _text_quotes(ctx, refs)
    quotes += transcript_quotes(ctx, refs)
    quotes += bullet_quotes(
        ctx, refs, QuoteMask(len(ctx.article.text), [s for s in find_quotes(ctx.article.text) if s.double])
    )
    quotes += _indirect_quotes(ctx, refs, quotes)
    quotes += hosts_for_fragments(ctx, quotes)
    clauses = link_clauses(quotes, ctx.doc)
    carry_speakers(ctx.article.text, ctx.doc, quotes)
    quotes += nested_quotes(ctx, refs, quotes)
    channel_outlets(refs, quotes)
    text_quotes = sorted((q for q in quotes if q.field == "text"), key=lambda q: (q.start, q.kind == "indirect"))
    ordered = [q for q in quotes if q.field == "title"] + text_quotes
    for n, q in enumerate(ordered, 1):
        q.id = f"q{n}"
    for part, host in clauses:
        part.clause = host.id
    ctx.analysis.quotes = ordered


def _text_quotes(ctx, refs: Referents) -> list[Quote]:
    text, doc, analysis = ctx.article.text, ctx.doc, ctx.analysis
    spans = find_quotes(text)
    mask = QuoteMask(len(text), [s for s in spans if s.double])
    out: list[Quote] = []
    last: Optional[Quote] = None
    for q in spans:
        voice = analysis.voice_at(q.start)
        via = voice.via
        qtext = clean_text(text[q.start : q.end])
        quote = Quote(
            id="",
            kind="partial" if q.double else "scare",
            text=qtext,
            start=q.start,
            end=q.start + len(qtext),
            voice=voice.id,
            via=via,
        )
        if not q.double:
            att = _judged_as(doc, q, mask)
            if att is not None:  # 'was described by her friends as ‘a caring person’': their words
                quote.kind = "partial"
                _apply(quote, att, refs)
            out.append(quote)
            continue
        sents = sentences_overlapping(doc, q.open_mark, q.outer_end)
        sents += _split_tail(doc, text, q, sents)
        att = attribute(doc, sents, q.start, q.end, mask)
        if att is None or att.speaker is None:
            att = frame_attribution(doc, text, q.open_mark, q.outer_end) or att
        if att is not None and att.cue is not None and is_negated(att.cue):
            continue  # 'she did not say “all three”': words the article says were not said are nobody's quote
        if att is not None and att.report is not None and att.report.speaker is not None:
            reporter, _ = refs.resolve(att.report.speaker)
            if reporter is not None and not refs.base.outlet(reporter.name):
                att = att.report  # 'Jamieson said Trump is “telling …”': Jamieson's words about Trump
        if att and att.speaker is not None:
            _apply(quote, att, refs)
            if att.addressee is not None:
                quote.addressee, _ = refs.resolve(att.addressee)
            quote.medium = att.medium
            if att.via_speaker is not None and via is None:
                reporter, _ = refs.resolve(att.via_speaker)
                outlet = refs.base.outlet(reporter.name) if reporter else None
                if outlet:
                    quote.via = outlet.name
            _remember(refs, quote, ctx)
        elif last is not None and last.speaker and last.voice == voice.id and _adjacent(doc, text, last, q, mask):
            _inherit(quote, last)
        elif _opens_paragraph(text, q):
            att = _intro_attribution(doc, text, q, voice.id, analysis, mask)
            if att is None or att.speaker is None:
                att = handle_attribution(doc, text, q.outer_end) or att
            if att is not None and att.speaker is not None:
                _apply(quote, att, refs)
            elif (
                last is not None
                and last.speaker
                and last.voice == voice.id
                and _whole_paragraph(text, q)
                and "\n" in text[last.end : q.open_mark]
                and text[last.end : q.open_mark].count("\n") <= 2
            ):
                _inherit(quote, last)  # a paragraph that is all quotation continues the quote before it
        cue_before = bool(quote.cue_span and quote.cue_span[0] < q.open_mark)
        quote.kind = kind_of(text, q, cue_before)
        if quote.kind == "partial" and (
            is_title(qtext) or (quote.speaker is None and len(qtext.split()) <= SCARE_MAX_WORDS)
        ):
            quote.kind = "scare"  # a title ("Face the Nation") or a phrase nobody is said to have said
            quote.speaker = quote.speaker_mention = quote.speaker_span = quote.cue = quote.cue_span = None
        out.append(quote)
        if quote.kind in ("direct", "partial"):
            last = quote
    return out


def _split_tail(doc, text: str, q: QuotedSpan, sents: list[Span]) -> list[Span]:
    """'“… votes?” Trump said, looking out': a quote ending in '?' or '!' often ends the parser's sentence,
    so the cue after it on the same line stands in a sentence of its own; that sentence belongs to the quote."""
    if q.outer_end < 2 or text[q.outer_end - 2] not in "?!" or (sents and sents[-1].end_char > q.outer_end + 1):
        return []
    gap = len(text[q.outer_end :]) - len(text[q.outer_end :].lstrip(" \t"))
    nxt = doc.char_span(q.outer_end + gap, q.outer_end + gap + 1, alignment_mode="expand")
    if nxt is None or not len(nxt) or nxt[0].sent.start_char != q.outer_end + gap:
        return []
    if not (nxt[0].is_title or nxt[0].text[:1].islower()):  # 'Okonkwo said', 'co-host Dan Ebbe asked'
        return []
    return [nxt[0].sent]


# Verbs whose complement is someone's name for a thing ('described as', 'branded', 'called'): a single-quoted
# phrase there is their words, where elsewhere single marks may be apostrophes, titles or scare quotes.
NAMING_CUES = {"call", "dub", "label", "name", "term", "brand", "describe", "characterize", "characterise"}


def _judged_as(doc, q: QuotedSpan, mask: QuoteMask) -> Optional[Attribution]:
    """The attribution of a single-quoted phrase that is what a verb of naming calls something ('described
    by her friends as ‘a caring person’', 'branded the plan ‘reckless’'), when it names a speaker; else None."""
    att = attribute(doc, sentences_overlapping(doc, q.open_mark, q.outer_end), q.start, q.end, mask)
    if att is None or att.speaker is None or att.cue is None or att.cue.pos_ != "VERB":
        return None
    inside = doc.char_span(q.start, q.end, alignment_mode="contract")
    if inside is None or not len(inside) or mask.has(inside[0]) or cue_lemma(att.cue) not in NAMING_CUES:
        return None  # inside a double-quoted passage, the marks are that speaker's
    if att.speaker.root.lower_ in ("i", "we", "you"):
        return None  # 'when you start calling them ‘…’': a generic 'you' inside someone's words
    return att if att.cue.is_ancestor(inside.root) else None


def _apply(quote: Quote, att: Attribution, refs: Referents) -> None:
    """Speaker (resolved), mention and cue of an attribution onto a quote."""
    speaker = cast(Span, att.speaker)  # callers apply only attributions with a speaker
    ref, _how = refs.resolve(speaker)
    mention = att.mention if att.mention is not None else speaker
    quote.speaker, quote.speaker_mention = ref, mention.text
    quote.speaker_span = [mention.start_char, mention.end_char]
    if att.cue is not None:
        quote.cue, quote.cue_span = (
            att.cue.text,
            [att.cue.idx, att.cue.idx + len(att.cue)],
        )


def _inherit(quote: Quote, prev: Quote) -> None:
    quote.speaker, quote.speaker_mention, quote.speaker_span = (
        prev.speaker,
        prev.speaker_mention,
        prev.speaker_span,
    )


def _intro_attribution(doc, text: str, q: QuotedSpan, voice_id: str, analysis, mask: QuoteMask):
    """The attribution of a colon intro in the paragraph before ('Trump replied:', 'She was blunt:')."""
    intro = _colon_intro(doc, text, q, voice_id, analysis)
    if intro is None:
        return None
    att = attribute(doc, [intro], q.start, q.end, mask)
    if att is None or att.speaker is None:
        # No cue verb: whoever the intro is about speaks next.
        subj = next((t for t in intro.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        att = (
            Attribution(
                None,
                phrase_of(subj, mask),
                mention=subtree(subj),
            )
            if subj is not None
            else _label_attribution(intro)
        )
    return att


def _label_attribution(intro: Span) -> Optional[Attribution]:
    """A press-release label with no verb ('And from transport minister Adaeze Quillfeather:'): the
    name it ends with speaks in the next paragraph."""
    if any(t.pos_ in ("VERB", "AUX") for t in intro):
        return None
    toks = [t for t in intro if not (t.is_punct or t.is_space)]
    if not toks or toks[-1].pos_ != "PROPN":
        return None
    i = len(toks) - 1
    while i > 0 and toks[i - 1].pos_ == "PROPN":
        i -= 1
    span = intro.doc[toks[i].i : toks[-1].i + 1]
    return Attribution(None, span, mention=span)


def _opens_paragraph(text: str, q: QuotedSpan) -> bool:
    line_start = text.rfind("\n", 0, q.open_mark) + 1
    return not text[line_start : q.open_mark].strip()


def _whole_paragraph(text: str, q: QuotedSpan) -> bool:
    line_end = text.find("\n", q.outer_end)
    rest = text[q.outer_end : line_end if line_end >= 0 else len(text)]
    return _opens_paragraph(text, q) and not rest.strip(" .,")


def _colon_intro(doc, text: str, q: QuotedSpan, voice_id: str, analysis):
    """The sentence ending in a colon just before a paragraph that opens with this quote ('Trump replied:')."""
    line_start = text.rfind("\n", 0, q.open_mark) + 1
    before = text[:line_start].rstrip()
    if not before.endswith(":") or analysis.voice_at(len(before) - 1).id != voice_id:
        return None
    span = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    return span.sent if span is not None else None


def _adjacent(doc, text: str, prev: Quote, q: QuotedSpan, mask: QuoteMask) -> bool:
    """A quote that follows the previous one in the same paragraph with at most a short frame between, and
    no one else said to speak in that frame ('“…,” said the commander. Hamdan said Baghdadi had fled. “He
    tried …”' is Hamdan's)."""
    gap = text[prev.end : q.open_mark]
    if "\n" in gap or len(gap) >= 120:
        return False
    span = doc.char_span(prev.end, q.open_mark, alignment_mode="contract")
    if span is not None and word_count(text[q.start : q.end]) <= SCARE_MAX_WORDS and _someone_else_acts(span, prev):
        return False  # '“…,” the critics said. Mr Hale introduced the envoy as the “finest negotiator”': his
    own = prev.cue_span[0] if prev.cue_span else -1  # the previous quote's own cue ('“…,” said the coach.')
    return not any(
        t.idx != own and is_cue(t) and (s := speaker_token(t, mask)) is not None and s.pos_ != "PRON"
        for t in span or ()
    )


def _someone_else_acts(gap, prev: Quote) -> bool:
    """A new sentence in the gap whose subject is a person's name other than the previous speaker's."""
    mention = f"{prev.speaker_mention or ''} {prev.speaker.name if prev.speaker else ''}".lower()
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.pos_ == "PROPN"
        and t.sent.start_char >= gap.start_char
        and t.text.lower() not in mention
        for t in gap
    )


def _remember(refs: Referents, quote: Quote, ctx) -> None:
    """A resolved speaker mention becomes a referent, so a later 'he' can point back through it."""
    if not quote.speaker or not quote.speaker_span:
        return
    s, e = quote.speaker_span
    known = next((r for r in refs.items if r.ref.name == quote.speaker.name), None)
    pron = speaker_words()["pronouns"].get((quote.speaker_mention or "").lower())
    if pron and pron[0] in ("male", "female"):
        # 'she said' resolved to Melanie: Melanie is a woman for every later pronoun too
        for r in refs.items:
            if r.ref.name == quote.speaker.name and r.gender is None:
                r.gender = pron[0]
    refs.add(
        Referent(
            s,
            e,
            quote.speaker_mention or "",
            quote.speaker,
            known.kind if known else "person",
            refs.voice_id(s),
            True,
            known.country if known else None,
            known.gender if known else (pron[0] if pron and pron[0] in ("male", "female") else None),
            known.roles if known else (),
            main=True,
        )
    )


def _indirect_quotes(ctx, refs: Referents, direct: list[Quote]) -> list[Quote]:
    text, doc, analysis = ctx.article.text, ctx.doc, ctx.analysis
    spans = [s for s in find_quotes(text) if s.double]
    mask = QuoteMask(len(text), spans)
    out = []
    relays = [v for v in analysis.voices if v.kind == "relay" and v.intro_start is not None]
    turns = [q for q in direct if q.cue == ":" and q.kind == "direct"]
    for ind in indirect_speech(doc, mask) + colon_statements(doc, text, mask):
        a, b = ind.content_start, ind.content_end
        while b > a and text[b - 1] in " \n:":
            b -= 1
        b = close_marks(text, a, b)
        if any(
            v.intro_start <= ind.cue.idx < cast(int, v.intro_end) and not (v.start or 0) <= a < (v.end or 0)
            for v in relays
        ):
            continue  # a colon intro's own words: the relayed passage is the outlet's voice, not a quote
        if any(max(0, min(b, s.outer_end) - max(a, s.open_mark)) > 0.85 * (b - a) for s in spans):
            continue  # the content is one quotation, already reported as such
        if any(t.start <= a < t.end for t in turns):
            continue  # a transcript turn, already a direct quote
        ref, _ = refs.resolve(ind.speaker)
        mention = ind.mention if ind.mention is not None else ind.speaker
        voice = analysis.voice_at(a)
        sent = doc.char_span(a, b, alignment_mode="expand")
        out.append(
            Quote(
                id="",
                kind="indirect",
                text=text[a:b],
                start=a,
                end=b,
                speaker=ref,
                speaker_mention=mention.text,
                speaker_span=[mention.start_char, mention.end_char],
                cue=ind.cue.text,
                cue_span=[ind.cue.idx, ind.cue.idx + len(ind.cue)],
                voice=voice.id,
                via=voice.via,
                evidence=sent.sent.text.strip() if sent is not None else None,
                medium=medium_of(ind.cue, mask) if ind.cue.pos_ in ("VERB", "AUX") else None,
                addressee=_addressee(refs, ind.cue, mask),
            )
        )
    return out


def _addressee(refs: Referents, cue, mask: QuoteMask) -> Optional[Ref]:
    """Who was told ('told the Harbour Gazette that …'), resolved like a speaker."""
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    phrase = addressee_of(cue, mask)
    return refs.resolve(phrase)[0] if phrase is not None else None
