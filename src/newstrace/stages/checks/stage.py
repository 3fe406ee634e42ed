"""Stage 'checks': what a fact-checker should look at, each with one sentence a person can read.

  unattested_quote     a phrase the article (or its headline) puts in quote marks that nobody in the article says
  attested_quote       a scare-quoted phrase that a relayed source or a quoted speaker does use
  source_mismatch      the article's intro to a relayed passage names a different act or target than the passage
  duplicate_statement  one statement quoted more than once in different compare_words, with the differences
Only the article's own voice is checked for scare quotes: quote marks inside a relayed passage are the
relayed outlet's. Scare quotes come from the quotes stage (kind 'scare') when it ran; otherwise
single-quoted phrases, and short double-quoted ones in a sentence with no speech verb, are taken.
"""

from __future__ import annotations

import difflib
import re

from ... import vocab
from ...model import Check, Quote
from ...quotemarks import SCARE_MAX_WORDS, is_title, quoted_phrases, word_count
from .acts import find_act, name_key, same_named_party

MIN_DUPLICATE_WORDS = 6
DUPLICATE_SIMILARITY = 0.75  # share of words two quotes must have in common to be one statement


def shown_words(text: str) -> list[str]:
    """Words as written ("U.S." stays one word); hyphenated words are one word."""
    return re.findall(r"\w+(?:[.\-]\w+)*\.?", text)


def compare_words(text: str) -> list[str]:
    """Words for comparing wordings: case, punctuation and hyphens folded ("cease-fire" = "ceasefire")."""
    return [w.lower().replace("-", "") for w in shown_words(text)]


def contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def scare_phrases(ctx) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of scare-quoted phrases in the article's own voice (body text)."""
    analysis, text = ctx.analysis, ctx.article.text
    if analysis.quotes:  # the quotes stage ran: what it left unattributed is the article's own quoting
        # the quotes the quotes stage left without a speaker: scare quotes, and longer quoted fragments in a
        # sentence with no speech verb ('sent its reporter into “a living room in western Pennsylvania”'; with
        # one, a missing speaker is more likely the attribution's miss than the article's own quoting)
        found = [
            (
                q.start,
                q.start + len(q.text.rstrip(" ,.;:")),
                q.text.rstrip(" ,.;:"),
            )  # “head.”: the stop is the sentence's
            for q in analysis.quotes
            if (q.kind == "scare" or (q.kind == "partial" and q.speaker is None and not speech_nearby(ctx, q.start)))
            and (q.field or "text") == "text"
            and not speaker_named_at(ctx, q.start)
        ]
    else:
        found = []
        for r in quoted_phrases(text):
            phrase = r.text(text).strip(" ,.;:")
            if not r.double or (word_count(phrase) <= SCARE_MAX_WORDS and not speech_nearby(ctx, r.open_mark)):
                found.append((r.start, r.end, phrase))
    # a quoted title of a show, book or campaign ('The Rachel Maddow Show') names a work, it doubts nothing
    return [(a, b, p) for a, b, p in found if analysis.voice_at(a).kind == "article" and not is_title(p)]


def speaker_named_at(ctx, offset: int) -> bool:
    """The sentence around offset denies that a named speaker said something ('She did not say “all
    three”'): the quoted words are about that speaker's words, not the article's own quoting."""
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.lemma_.lower() in vocab.cue_verbs()
        and t.pos_ == "VERB"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "PRON") for c in t.children)
        and any(c.dep_ == "neg" for c in t.children)
        for t in span.sent
    )


def speech_nearby(ctx, offset: int) -> bool:
    """True when the sentence around offset has a speech verb (then a quoted phrase is somebody's compare_words)."""
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    return any(t.lemma_.lower() in vocab.cue_verbs() and t.pos_ == "VERB" for t in span.sent)


def attested_by(ctx, start: int, end: int, phrase: str) -> tuple[str, str | None, str] | None:
    """Where else the article's sources use the phrase: ('relay', outlet, passage sentence) or ('quote', via, speaker)."""
    analysis, text = ctx.analysis, ctx.article.text
    needle = compare_words(phrase)
    for v in analysis.voices:
        if v.kind == "relay" and v.start is not None and contains(compare_words(text[v.start : v.end]), needle):
            return "relay", v.outlet, v.outlet or "a relayed source"
    quotes = [
        (q.start, q.end, q.text, q.via, q.speaker.name if q.speaker else None)
        for q in analysis.quotes
        if q.kind in ("direct", "partial")
    ]
    if not analysis.quotes:
        quotes = [
            (r.start, r.end, r.text(text), None, None)
            for r in quoted_phrases(text)
            if word_count(r.text(text)) > SCARE_MAX_WORDS
        ]
    for qs, qe, qtext, via, speaker in quotes:
        if not (qs <= start < qe) and contains(compare_words(qtext), needle):
            return "quote", via, speaker or "a quoted speaker"
    return None


def quote_checks(ctx) -> list[Check]:
    out = []
    for start, end, phrase in scare_phrases(ctx):
        shown = f"‘{phrase}’"
        where = attested_by(ctx, start, end, phrase)
        if where is None:
            out.append(
                Check(
                    kind="unattested_quote",
                    text=phrase,
                    start=start,
                    end=end,
                    detail=(
                        f"The phrase {shown} is in quote marks, but no speaker or cited source in the article uses it."
                    ),
                )
            )
        elif where[0] == "relay":
            out.append(
                Check(
                    kind="attested_quote",
                    text=phrase,
                    start=start,
                    end=end,
                    via=where[1],
                    source_says=phrase,
                    detail=(
                        f"The phrase {shown} is in quote marks and is the wording of the {where[2]} passage the article relays."
                    ),
                )
            )
        else:
            out.append(
                Check(
                    kind="attested_quote",
                    text=phrase,
                    start=start,
                    end=end,
                    via=where[1],
                    source_says=phrase,
                    detail=(
                        f"The phrase {shown} is in quote marks and is words {where[2]} is quoted saying in the article."
                    ),
                )
            )
    return out


def mismatch_checks(ctx) -> list[Check]:
    analysis, doc = ctx.analysis, ctx.doc
    out = []
    for v in analysis.voices:
        if v.kind != "relay" or v.intro_start is None or v.start is None:
            continue
        intro = doc.char_span(v.intro_start, v.intro_end, alignment_mode="expand")
        passage = doc.char_span(v.start, v.end, alignment_mode="expand")
        if intro is None or passage is None:
            continue
        said = find_act(intro, (v.outlet or "",) + tuple(v.outlet.split()[-1:] if v.outlet else ()))
        if said is None:
            continue
        lead = doc[passage.start : list(passage.sents)[min(1, len(list(passage.sents)) - 1)].end]
        source = find_act(lead)
        # Only a summary that names who acted, matched to the same party in the passage, is compared:
        # an intro that merely sets the scene ("got 11 votes before being vetoed") summarises no act.
        if source is None or not same_named_party(said.agent, source.agent):
            continue
        diffs = []
        if said.kind != source.kind:
            diffs.append(f"“{source.token.text}”, not “{said.token.text}”")
        if said.target is not None and source.target is not None and not same_target(said.target, source.target):
            diffs.append(f"aimed at {source.target.text}, not {said.target.text}")
        if not diffs:
            continue
        out.append(
            Check(
                kind="source_mismatch",
                text=said.phrase.text,
                start=said.phrase.start_char,
                end=said.phrase.end_char,
                via=v.outlet,
                article_says=said.phrase.text,
                source_says=source.phrase.text,
                detail=(
                    f"The article says “{said.phrase.text}”, but the {v.outlet} passage it relays says "
                    f"“{source.phrase.text}”: {' and '.join(diffs)}."
                ),
            )
        )
    return out


def same_target(a, b) -> bool:
    fa = name_key(" ".join(t.text for t in a if t.pos_ != "DET"))
    fb = name_key(" ".join(t.text for t in b if t.pos_ != "DET"))
    return bool(fa) and bool(fb) and (fa in fb or fb in fa)


def differences(text_a: str, text_b: str) -> list[str]:
    """Word differences between two wordings, as written; differences of spacing or hyphens alone are not listed."""
    a, b = shown_words(text_a), shown_words(text_b)
    la, lb = (
        [w.lower().replace("-", "") for w in a],
        [w.lower().replace("-", "") for w in b],
    )
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=la, b=lb, autojunk=False).get_opcodes():
        if op == "replace" and "".join(la[i1:i2]) == "".join(lb[j1:j2]):
            continue
        if op == "replace":
            out.append(f"“{' '.join(a[i1:i2])}” vs “{' '.join(b[j1:j2])}”")
        elif op == "delete" and 0 < i1 and i2 < len(a):
            out.append(f"“{' '.join(a[i1:i2])}” left out")
        elif op == "insert" and 0 < i1 < len(a):
            out.append(f"“{' '.join(b[j1:j2])}” added")
    return out


def duplicate_checks(ctx) -> list[Check]:
    analysis = ctx.analysis
    by_id = {q.id: q for q in analysis.quotes}
    groups = [
        (
            s.speaker.name if s.speaker else None,
            [by_id[i] for i in s.quotes if i in by_id],
        )
        for s in analysis.statements
        if len(s.quotes) > 1
    ]
    out = []
    for speaker, quotes in groups:
        # one quote per distinct wording: identical repeats are not differences
        wordings: dict[tuple[str, ...], Quote] = {}
        for q in quotes:
            if q.kind in ("direct", "partial") and len(compare_words(q.text)) >= MIN_DUPLICATE_WORDS:
                wordings.setdefault(tuple(compare_words(q.text)), q)
        quotes = list(wordings.values())
        for i, qa in enumerate(quotes):
            for qb in quotes[i + 1 :]:
                wa, wb = compare_words(qa.text), compare_words(qb.text)
                if wa == wb or contains(wa, wb) or contains(wb, wa):
                    continue
                ratio = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).ratio()
                diffs = differences(qa.text, qb.text)
                if ratio < DUPLICATE_SIMILARITY or not diffs:
                    continue
                who = speaker or "The speaker"
                out.append(
                    Check(
                        kind="duplicate_statement",
                        text=qa.text,
                        start=qa.start,
                        end=qa.end,
                        via=qb.via,
                        article_says=qa.text,
                        source_says=qb.text,
                        detail=(f"{who}'s statement is quoted more than once in different words: {'; '.join(diffs)}."),
                    )
                )
    return out


def headline_checks(ctx) -> list[Check]:
    """Words a headline puts in quote marks ('US bank boss hails ‘genius’ Smith') checked against what the body
    quotes: a headline's quoted word that no quotation in the article holds is unattested, however the body
    paraphrases it. Titles of works are left alone. Offsets stay empty: the headline is not in the text.
    Unlike attested_by (the body's scare quotes), only the body's quotations count: the headline's own quotes
    would attest themselves."""
    analysis = ctx.analysis
    body = [
        (q.text, q.via, q.speaker.name if q.speaker else None)
        for q in analysis.quotes
        if q.kind in ("direct", "partial") and (q.field or "text") == "text"
    ]
    out, seen = [], set()
    for q in analysis.quotes:
        if q.field != "title" or q.kind not in ("partial", "scare") or is_title(q.text) or q.text in seen:
            continue
        seen.add(q.text)
        needle = compare_words(q.text)
        shown = f"‘{q.text}’"
        where = next(((via, who) for text, via, who in body if contains(compare_words(text), needle)), None)
        if where is None:
            paraphrased = any(
                contains(compare_words(p.text), needle)
                for p in analysis.quotes
                if p.kind == "indirect" and (p.field or "text") == "text"
            )
            out.append(
                Check(
                    kind="unattested_quote",
                    text=q.text,
                    field="title",
                    detail=(
                        f"The headline puts {shown} in quote marks, but no one in the article is quoted saying it"
                        + (" (they appear only in reported speech, not in a quotation)." if paraphrased else ".")
                    ),
                )
            )
        else:
            out.append(
                Check(
                    kind="attested_quote",
                    text=q.text,
                    field="title",
                    via=where[0],
                    source_says=q.text,
                    detail=f"The headline's {shown} is words {where[1] or 'a quoted speaker'} is quoted saying in the article.",
                )
            )
    return out


def run(ctx) -> None:
    seen = set()
    for check in quote_checks(ctx) + headline_checks(ctx) + mismatch_checks(ctx) + duplicate_checks(ctx):
        key = (check.kind, check.detail)
        if key not in seen:  # one statement quoted three times gives the same difference twice
            seen.add(key)
            ctx.analysis.checks.append(check)
