"""Voices: which stretches of the article relay another outlet's text.

A relay is announced by an intro that names an outlet with a reporting verb and ends with a colon
("The CNN reported Blinken’s warning:", "…, the Reuters reported February 13:"); the relayed passage
is the paragraph that follows, continued by paragraphs that open with an elision mark. Everything
else is the article's own voice (v0).
"""

from __future__ import annotations

import re

from .. import dates
from ..kb.outlets import find_outlets
from ..model import Voice
from ..textutil import paragraphs

REPORTING = re.compile(
    r"\b(report\w*|wr[io]te|writes|said|says|notes?|noted|published|disclosed|quot\w+|cit\w+|"
    r"according to|told|tells|revealed|stated|added|explained|put it|summari[sz]ed|described)\b",
    re.I,
)
CONTINUATION = re.compile(r"^\s*(?:\(…\)|\(\.\.\.\)|\[…\]|\[\.\.\.\]|…|\.\.\.)")


def intro_sentence(text: str, para_start: int, para_end: int) -> int:
    """Start offset of the last sentence of a paragraph (the intro sentence)."""
    body = text[para_start:para_end].rstrip()
    cut = para_start
    for m in re.finditer(r"[.!?][”’\"]?\s+(?=[A-Z“‘\"])", body[:-1]):
        cut = para_start + m.end()
    return cut


def run(ctx) -> None:
    text = ctx.article.text
    analysis = ctx.analysis
    analysis.voices = [Voice(id="v0", kind="article")]
    paras = paragraphs(text)
    i = 0
    while i < len(paras) - 1:
        start, end = paras[i]
        if not text[start:end].rstrip().endswith(":"):
            i += 1
            continue
        intro_start = intro_sentence(text, start, end)
        intro = text[intro_start:end].strip()
        outlets = find_outlets(intro, ctx.settings)
        if not outlets or not REPORTING.search(intro):
            i += 1
            continue
        outlet = outlets[-1]  # the one nearest the colon is the source being relayed
        j = i + 1
        while j + 1 < len(paras) and CONTINUATION.match(text[paras[j + 1][0] : paras[j + 1][1]]):
            j += 1
        date_m = dates.REPORTED_DATE.search(intro)
        voice = Voice(
            id=f"v{len(analysis.voices)}",
            kind="relay",
            outlet=outlet.name,
            start=paras[i + 1][0],
            end=paras[j][1],
            intro=intro,
            intro_start=intro_start,
            intro_end=end,
            date_text=date_m.group(1) if date_m else None,
        )
        if voice.date_text:
            voice.date = dates.resolve(voice.date_text, ctx.article.published)
        analysis.voices.append(voice)
        i = j + 1
