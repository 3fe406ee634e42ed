"""Listed points: paragraphs that open with a bullet ('-', '•', '*') under an intro ending in a colon that
says whose words follow ('a set of response points were circulated by Democrats close to the campaign:',
'The campaign said:'). Each point is a direct quote of that speaker, as a press release's or a campaign's
talking points are quoted in news copy.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from ...model import Quote, Ref
from .attribution import CUE_NOUNS, QuoteMask, is_cue, phrase_of, speaker_token
from .speakers import Referents

BULLET = re.compile(r"(?m)^[ \t]*[-•*▪][ \t]*(?=\S)([^\n]*\S)[ \t]*$")
# What a list of someone's words is called ('talking points', 'a statement', 'response points').
SPEECH_NOUNS = CUE_NOUNS | {"point", "remark", "response", "line"}


def bullet_quotes(ctx, refs: Referents, mask: QuoteMask) -> list[Quote]:
    text, doc = ctx.article.text, ctx.doc
    out: list[Quote] = []
    speaker: Optional[Span] = None
    for m in BULLET.finditer(text):
        before = text[: m.start()].rstrip()
        prev_line = before[before.rfind("\n") + 1 :]
        if not BULLET.match(prev_line):  # the first point of a list: read the intro over it
            speaker = _intro_speaker(doc, before, mask) if before.endswith(":") else None
        if speaker is None or not re.search(r"[.!?…][”\"’']?$", m.group(1)):
            continue  # a point is a sentence someone said, not a heading or an item ('Duty cuts on grain')
        ref, _ = refs.resolve(speaker)
        if speaker.root.tag_ in ("NNS", "NNPS") and speaker.end - 1 > speaker.root.i:
            ref = Ref(speaker.text, None)  # 'Democrats close to the campaign': some of them, not the party
        if ref is None:
            continue
        voice = ctx.analysis.voice_at(m.start(1))
        out.append(
            Quote(
                id="",
                kind="direct",
                text=m.group(1),
                start=m.start(1),
                end=m.end(1),
                speaker=ref,
                speaker_mention=speaker.text,
                speaker_span=[speaker.start_char, speaker.end_char],
                voice=voice.id,
                via=voice.via,
            )
        )
    return out


def _intro_speaker(doc, before: str, mask: QuoteMask) -> Optional[Span]:
    """Whose words the intro announces: the subject of a cue verb in it, or the agent of a passive verb
    whose subject is a list of words ('points were circulated by …')."""
    tok = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if tok is None or not len(tok):
        return None
    sent = tok[0].sent
    if not any(
        t.pos_ == "NOUN" and t.lemma_.lower() in SPEECH_NOUNS for t in sent
    ):  # 'he has announced:' over a list of measures is a summary
        return None
    for t in sent:
        if is_cue(t) and not mask.has(t):
            who = speaker_token(t, mask)
            if who is not None:
                return phrase_of(who, mask)
    for t in sent:
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
        if agent is None or subj is None or not _names_words(subj):
            continue
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return phrase_of(pobj, mask)
    return None


def _names_words(tok: Token) -> bool:
    """The phrase names someone's words ('a set of response points', 'the statement')."""
    return any(w.pos_ == "NOUN" and w.lemma_.lower() in SPEECH_NOUNS for w in tok.subtree)
