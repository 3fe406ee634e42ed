"""Stage 'framing': loaded language and labels by voice, sentence-level bias flags, and descriptors.

Words inside a direct quote are the speaker's, not the writer's: they are not framing spans of any voice
(a span's voice is the voice of its stretch of text, and a quote inside the article's text would be
wrongly credited to the article). Scare quotes are the writer's own: a short quoted phrase that nobody
in the sentence is said to have said becomes a Doubt span. A quoted phrase is someone's, not a scare
quote, when the quotes stage credits it to a speaker, when a speaker is said not to have said it ('She did
not say “all three”'), when it is the complement of a verb of naming ("what she called a “rant”"), or, in
a headline, when the body quotes a speaker saying it. A sentence is flagged biased when it holds a
span; the same function (frame_doc) classifies single sentences in benchmarks/bias.py.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from spacy.tokens import Doc

from ... import vocab
from ...model import FramingSpan
from ...quotemarks import SCARE_MAX_WORDS, QuotedSpan, is_title, quoted_phrases, word_count
from ...syntax import text_of
from . import lexicon as framing_lexicon
from .descriptors import descriptors
from .spans import (
    DOUBT,
    SCARE_QUOTE_WEIGHT,
    Candidate,
    select,
    sentence_candidates,
    sentence_cap,
)

SPEECH_KINDS = (
    "direct",
    "partial",
)  # indirect speech is the writer's paraphrase: its wording is the writer's


# Where someone stands in a photo, in parentheses after their name: '(far right)', '(second left)', '(centre)'.
PHOTO_POSITION = re.compile(
    r"\((?:far |second |third |second from |front |back |top |bottom )?(?:left|right|centre|center)\)", re.I
)

FIRST_SECOND_PERSON = {"i", "me", "my", "we", "us", "our", "you", "your"}


def is_scare(region: QuotedSpan, text: str) -> bool:
    return not region.double or word_count(region.text(text)) <= SCARE_MAX_WORDS


def is_utterance(doc: Doc, start: int, end: int) -> bool:
    """A short quoted stretch that is something said, not a writer's scare quote: it holds a clause
    (a subject with its verb inside: "Kevin was snoring", "Here comes Big Daddy"), exclaims, asks, runs to
    more than one sentence, or speaks in the first
    or second person ("I love you", "You winning?"). A scare quote is a name or a phrase ("so-called
    experts", a "rant")."""
    if re.search(r"[!?]|[.;]\s+\S", text_of(doc)[start:end]):
        return True  # an exclamation, a question or more than one sentence ("U-S-A! U-S-A!")
    inner = doc.char_span(start, end, alignment_mode="contract")
    if inner is None:
        return False
    for t in inner:
        if t.lower_ in FIRST_SECOND_PERSON and t.pos_ == "PRON":
            return True
        if (
            t.dep_ in ("nsubj", "nsubjpass", "expl")
            and inner.start <= t.head.i < inner.end
            and t.head.pos_ in ("VERB", "AUX")
        ):
            return True
    return False


def names_a_work(quoted: str) -> bool:
    """A quoted title of three words or more ('The Rachel Maddow Show', 'Make Your Kid a Millionaire'): the
    name of a show, book or campaign, which doubts nothing. Two capitalised words may be mockery ('Very
    Serious'), so they stay scare quotes."""
    words = quoted.strip("‘’'“”\"")
    return word_count(words) >= 3 and is_title(words)


# A name with a possessive right before a quotation: "MSNBC's “Morning Joe”", "Fox's “Hannity”".
OWNER_BEFORE = re.compile(r"[A-Z][\w.&-]*['’]s\s+[“\"‘']$")


def owned_title(text: str, start: int, end: int) -> bool:
    """A Title Case quotation after a possessive name is the name of its show or column ('MSNBC's “Morning
    Joe”'), not the writer's doubt."""
    words = text[start:end].strip(" ,.")
    return bool(OWNER_BEFORE.search(text[max(0, start - 30) : start])) and is_title(words)


def after_denied_cue(doc: Doc, start: int) -> bool:
    """The quoted words follow a negated speech verb ('did not say “all three”', 'never said “…”'): words
    the article reports were not said, which the quotes stage gives nobody, not the writer's doubt."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    i = span[0].i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0:
        return False
    verb = doc[i]
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() in vocab.cue_verbs()
        and any(c.dep_ == "neg" for c in verb.children)
    )


def named_by_someone(doc: Doc, start: int, end: int, naming_verbs: set[str]) -> bool:
    """A quoted phrase that is the complement of a verb of naming ("what she called a “rant”", "ads labeled
    “Identity Theft Protection”", "described the plan as “reckless”"): someone's name for the thing, not
    the writer's doubt."""
    inner = doc.char_span(start, end, alignment_mode="contract")
    if inner is None or not len(inner):
        return False
    root = inner.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":
        root, head = head, head.head
    return head.lemma_.lower() in naming_verbs and root.dep_ in ("oprd", "attr", "dobj", "prep", "xcomp", "ccomp")


MENTIONED_NAME_TYPES = {"PERSON", "GPE", "LOC", "FAC"}


def quotes_a_name(doc: Doc, start: int, end: int) -> bool:
    """The quoted stretch is one whole name of a person or place ('wrote in “Ralph Nader”', 'to be
    renamed “Coco Beach”'): the name is mentioned as written, not doubted. Bodies' names stay candidates
    ('the “Islamic State”')."""
    inner = doc.char_span(start, end, alignment_mode="expand")
    if inner is None:
        return False
    words = [t for t in inner if not t.is_punct]
    before = doc[inner.start - 1] if inner.start > 0 and doc[inner.start - 1].is_punct else None
    if before is not None and before.i > 0 and doc[before.i - 1].pos_ == "DET":
        return False  # 'creating a “Tent City”': a name coined for a thing, as a scare quote does
    return (
        bool(words)
        and all(t.ent_type_ in MENTIONED_NAME_TYPES for t in words)
        and len({t.ent_type_ for t in words}) == 1
        and sum(t.ent_iob_ == "B" for t in words) == 1
    )


def headline_report(doc: Doc, start: int, end: int) -> bool:
    """A headline's quoted clause (Crossrail link ‘to get go-ahead’, Minister ‘will quit’): British
    headlines quote a report this way, its words someone's unnamed; no scare quote."""
    inner = doc.char_span(start, end, alignment_mode="expand")
    if inner is None:
        return False
    # A finite verb, a modal or 'to' + verb makes a clause; a Title Case '‘Talking Points’' is a noun phrase.
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (t.tag_ == "TO" and t.head.pos_ == "VERB") for t in inner)


def frame_doc(
    doc: Doc,
    field: str = "text",
    voice_of: Callable[[int], str] = lambda _o: "v0",
    speech: Sequence[tuple[int, int]] = (),
    scare: Sequence[tuple[int, int]] = (),
) -> tuple[list[FramingSpan], list[dict]]:
    """Framing spans and per-sentence flags of one parsed text.

    speech: extra (start, end) stretches known to be someone's words (from the quotes stage);
    scare: extra (start, end) stretches known to be scare quotes.
    """
    lex = framing_lexicon.load()
    regions = quoted_phrases(text_of(doc))
    spoken = [(r.start, r.end) for r in regions if not is_scare(r, text_of(doc))] + list(speech)
    scared = [(r.start, r.end) for r in regions if is_scare(r, text_of(doc))] + list(scare)
    scared = [s for s in scared if not any(a <= s[0] and s[1] <= b for a, b in spoken)]
    # A quoted phrase that the quotes stage credits to a speaker (a partial quote, or inside a longer
    # quotation) is that speaker's wording, even where the two stretches differ by a mark or a comma.
    said = [
        s
        for s in scared
        if any(a < s[1] and s[0] < b for a, b in spoken)
        or is_utterance(doc, *s)
        or after_denied_cue(doc, s[0])
        or named_by_someone(doc, *s, lex.naming_verbs)
        or quotes_a_name(doc, *s)
        or (field == "title" and headline_report(doc, *s))
    ]
    spoken += said
    scared = [s for s in scared if s not in said]
    if field == "text":  # a Title Case headline makes every quoted phrase look like a title: body only
        scared = [
            s for s in scared if not names_a_work(text_of(doc)[s[0] : s[1]]) and not owned_title(text_of(doc), *s)
        ]

    covered = bytearray(len(text_of(doc)) + 1)  # 1 where someone is quoted: a lookup per token, not a scan
    for a, b in spoken:
        covered[a:b] = b"\x01" * max(0, b - a)

    for m in PHOTO_POSITION.finditer(text_of(doc)):  # 'Dorota Rynkiewicz (far right)': where she stands
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())

    def skip(t) -> bool:
        return bool(covered[t.idx])

    spans, sentences = [], []
    for sent in doc.sents:
        cands = sentence_candidates(sent, skip, lex, headline=field == "title")
        for a, b in scared:
            if sent.start_char <= a < sent.end_char:
                inner = doc.char_span(a, b, alignment_mode="contract")
                if inner is not None and len(inner):
                    cands.append(Candidate(inner[0].i, inner[-1].i, DOUBT, SCARE_QUOTE_WEIGHT))
        kept = select(cands, cap=sentence_cap(sent))
        for c in kept:
            start, end = doc[c.first].idx, doc[c.last].idx + len(doc[c.last])
            spans.append(
                FramingSpan(
                    start=start,
                    end=end,
                    text=text_of(doc)[start:end],
                    technique=c.technique,
                    voice=voice_of(start),
                    field=field,
                )
            )
        sentences.append(
            {
                "start": sent.start_char,
                "end": sent.end_char,
                "field": field,
                "voice": voice_of(sent.start_char),
                "biased": bool(kept),
                "techniques": sorted({c.technique for c in kept}),
            }
        )
    return spans, sentences


def quoted_in_body(title: str, analysis) -> list[tuple[int, int]]:
    """Quoted phrases of a headline that the body quotes someone as saying (a headline's “duck and cover”
    taken from the minister's sentence): the speaker's words, not the headline writer's scare quotes."""
    said = [norm_words(q.text) for q in analysis.quotes if (q.field or "text") == "text" and q.kind in SPEECH_KINDS]
    out = []
    for r in quoted_phrases(title):
        words = norm_words(r.text(title))
        if words and any(f" {words} " in f" {s} " for s in said):
            out.append((r.start, r.end))
    return out


def norm_words(text: str) -> str:
    return " ".join(re.findall(r"\w+(?:['’]\w+)?", text.lower()))


def run(ctx) -> None:
    analysis = ctx.analysis
    framing = analysis.framing
    for field, doc in (("title", ctx.title_doc), ("text", ctx.doc)):
        if not text_of(doc).strip():
            continue
        mine = [q for q in analysis.quotes if (q.field or "text") == field]
        speech = [(q.start, q.end) for q in mine if q.kind in SPEECH_KINDS]
        if field == "title":
            speech += quoted_in_body(text_of(doc), analysis)
        scare = [(q.start, q.end) for q in mine if q.kind == "scare"]
        voice_of = (lambda _o: "v0") if field == "title" else (lambda o: analysis.voice_at(o).id)
        spans, sentences = frame_doc(doc, field, voice_of, speech, scare)
        framing.spans.extend(spans)
        framing.sentences.extend(sentences)
    framing.descriptors = descriptors(analysis, ctx.doc)
