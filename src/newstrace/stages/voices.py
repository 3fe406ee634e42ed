"""Voices: which stretches of the article relay another outlet's text.

A relay is announced by an intro. Most end with a colon and name the outlet (listed in the knowledge base
or named like one: "the Saltmere Courier") with a reporting verb, in any tense ("The CNN reported
Blinken’s warning:", "Fox News reports:", "Here's an excerpt from the Times report:"); the outlet may be named by a description or short name once the article has named it ("The
newspaper reported:", "the Post wrote:"), or through its reporter ("Doe reports:" after "the Post's
reporter Jane Doe"). Once an outlet is being relayed, a passive intro ("Her campaign is described in
detail:") and a sentence placing the passage in the relayed work ("The article closes with …") relay it too.

The passage is the paragraph after the intro, continued by paragraphs that open with an elision mark, by
lines of the same block (a single line break where the article parts paragraphs with blank lines), by
the rest of a quotation its first paragraph opens and leaves open, and, when the passage is marked as
an excerpt (a paragraph of it wrapped in an unclosed quote mark, or an intro that says so), by the run of
paragraphs that open with a quote mark. The article's own voice resumes at a paragraph that refers to
the relayed outlet in the third person, at a new intro, or where those runs end. In an HTML page, a block
quote (`article.blockquotes`) is the passage exactly.

A sentence that opens "According to <outlet>, …" (an outlet the knowledge base lists or not: "the Harbour
Gazette", its short name "the Gazette", "a report in the Courier") relays that outlet: the passage is the
rest of the sentence. Everything else is the article's own voice (v0).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import dates, vocab
from ..kb import KBEntry
from ..kb.outlets import (
    SENTENCE_END,
    find_outlets,
    named_before,
    outlets_named,
    referred_outlet,
    reporter_outlet,
    short_name,
)
from ..model import Voice
from ..quotemarks import find_quotes
from ..textutil import paragraphs

REPORTING = re.compile(
    r"\b(report\w*|wr[io]te|writes|said|says|notes?|noted|published|disclosed|quot\w+|cit\w+|"
    r"according to|told|tells|revealed|stated|added|explained|put it|summari[sz]ed|described|excerpts?|"
    r"recount\w*|recalled|recalls)\b",
    re.I,
)
# "Doe reports:" / "Doe recently wrote:": a reporter named by surname alone
SURNAME_INTRO = re.compile(
    r"^([A-Z][\w'’-]+)\s+(?:[a-z]+ly\s+)?(?:report(?:s|ed)|wr[io]tes?|writes|notes|noted|recounts|recounted|"
    r"describes|described|observes|observed)\b"
)
# "… is recorded in detail:": the relayed work speaks again, unnamed
PASSIVE_INTRO = re.compile(
    r"\b(?:is|are|was|were)\s+(?:[a-z]+ly\s+)?(?:recorded|described|detailed|documented|recounted|chronicled|"
    r"captured|reported|quoted|excerpted)\b"
)
# "The article closes with …": where in the relayed work the next passage sits
POSITION_INTRO = re.compile(
    r"^(?:The|This|That|Its|Her|His|Their)\s+(?:article|piece|report|story|feature|profile|column|op-ed|"
    r"editorial|interview|account)\s+(?:closes|ends|concludes|opens|begins|starts|continues|goes on)\b"
)
EXCERPT_INTRO = re.compile(r"\b(?:excerpts?|in detail|at length|in full|extensively)\b", re.I)
CONTINUATION = re.compile(r"^\s*(?:\(…\)|\(\.\.\.\)|\[…\]|\[\.\.\.\]|…|\.\.\.)")
QUOTE_OPENERS = '“"‘«'
# "a CNN reporter noted:": the person speaks (often in a post of their own), not the outlet
STAFF = re.compile(
    r"^['’]?s?\s+(?:\w+\s+)?(?:reporter|correspondent|journalist|editor|columnist|writer|anchor|host|analyst|"
    r"contributor|producer|commentator|pundit)s?\b"
)
# "According to the Gazette, …", "According to a report in the Courier, …": the source phrase before the comma
ACCORDING = re.compile(r"According to\s+([^,;:\n]{2,80}?),\s+(?=\S)")
# the phrase names the outlet's work, not the outlet alone: "a report in the Courier", "the Post's report"
REPORT_OF = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:report|article|story|investigation|analysis|reporting)s?\s+(?:in|by|from)\s+"
)
REPORT_AFTER = re.compile(r"^['’]s?\s+(?:[a-z]+\s+)?(?:report|article|story|investigation|analysis|reporting)s?$")
# A social-media post pasted into the page is its author's, not an outlet's report
SOCIAL_POST = re.compile(r"\bpic\.twitter\.com/|\btwitter\.com/\w+/status|\(@\w+\)\s+\w+ \d{1,2}, \d{4}")


@functools.lru_cache(maxsize=1)
def commentary_opener() -> re.Pattern:
    return re.compile("|".join(f"(?:{p.strip()})" for p in vocab.lines("commentary_openers.txt")))


@dataclass
class Intro:
    start: int
    end: int
    text: str
    entry: KBEntry
    excerpt: bool  # the intro says a stretch of the work follows, not one paragraph


def intro_sentence(text: str, para_start: int, para_end: int) -> int:
    """Start offset of the last sentence of a paragraph (the intro sentence)."""
    body = text[para_start:para_end].rstrip()
    cut = para_start
    for m in re.finditer(r"[.!?][”’\"]?\s+(?=[A-Z“‘\"])", body[:-1]):
        cut = para_start + m.end()
    return cut


def find_intro(text: str, para: tuple[int, int], last: KBEntry | None, settings) -> Intro | None:
    """The relay intro ending this paragraph, with the outlet it relays; None when it is not one."""
    start = intro_sentence(text, *para)
    intro = text[start : para[1]].strip()
    entry: KBEntry | None = None
    if intro.endswith(":"):
        # listed or not ("the Velmoria Gazette reported:"), as for "According to"
        named = [m for m in outlets_named(intro, settings) if not STAFF.match(intro[m.end :])]
        surname = SURNAME_INTRO.match(intro)
        if named and REPORTING.search(intro):
            entry = named[-1].entry  # the one nearest the colon is the source being relayed
            # "the Times" after "The New York Times": the short name of the outlet already named
            said = intro[named[-1].start : named[-1].end]
            ref = referred_outlet(said, named_before(text, start, settings))
            if ref is not None and short_name(ref.entry) and said.split()[-1] == short_name(ref.entry):
                entry = ref.entry
        elif REPORTING.search(intro) and (ref := referred_outlet(intro, named_before(text, start, settings))):
            entry = ref.entry
        elif surname and (ref := reporter_outlet(surname.group(1), text, start, settings)):
            entry = ref.entry
        elif last is not None and not named and PASSIVE_INTRO.search(intro):
            entry = last
    elif last is not None and POSITION_INTRO.match(intro):
        entry = last
        return Intro(start, para[1], intro, entry, excerpt=True)
    if entry is None:
        return None
    return Intro(start, para[1], intro, entry, excerpt=bool(EXCERPT_INTRO.search(intro)))


def opens_quote(par: str) -> bool:
    return par[:1] in QUOTE_OPENERS


def leaves_open(par: str) -> bool:
    """The paragraph opens a quotation it does not close (a quoted excerpt's paragraph convention)."""
    if par.startswith('"'):
        return par.count('"') % 2 == 1
    if par.startswith("“"):
        return par.count("“") > par.count("”")
    return False


def own_voice(par: str) -> bool:
    """The paragraph is the writer commenting, or a social-media post: not the relayed outlet's text."""
    return bool(commentary_opener().match(par) or SOCIAL_POST.search(par))


def refers_to(par: str, entry: KBEntry, settings) -> bool:
    """The paragraph names the relayed outlet, or its short name: the article speaking about it."""
    if any(m.entry is entry for m in find_outlets(par, settings)):
        return True
    short = short_name(entry)
    return bool(short and re.search(rf"\b[Tt]he\s+{re.escape(short)}\b", par))


def passage_end(text: str, paras: list[tuple[int, int]], first: int, intro: Intro, settings) -> int:
    """Index of the last paragraph of the passage that starts at paras[first]."""
    blank_gaps = sum(text[a[1] : b[0]].count("\n") > 1 for a, b in zip(paras, paras[1:]))
    blocks = blank_gaps * 2 > len(paras) - 1  # the article parts paragraphs with blank lines
    j = first
    while j + 1 < len(paras):  # elision marks and lines of the same block continue the passage
        nxt = text[paras[j + 1][0] : paras[j + 1][1]]
        same_block = blocks and text[paras[j][1] : paras[j + 1][0]] == "\n"
        if not (CONTINUATION.match(nxt) or same_block):
            break
        j += 1
    pars = [text[s:e] for s, e in paras]
    if leaves_open(pars[first]):  # a quotation left open runs to the paragraph that closes it
        k = first + 1
        while k < len(pars) and leaves_open(pars[k]):
            k += 1
        if k < len(pars) and k - first <= 12:
            j = max(j, k)
    if j == first and opens_quote(pars[first]):
        run = first
        while run + 1 < len(pars) and opens_quote(pars[run + 1]) and not pars[run + 1].rstrip().endswith(":"):
            if refers_to(pars[run + 1], intro.entry, settings) or own_voice(pars[run + 1]):
                break
            run += 1
        if intro.excerpt or any(leaves_open(p) for p in pars[first : run + 1]):
            j = run
            if leaves_open(pars[j]) and j + 1 < len(pars) and not opens_quote(pars[j + 1]):
                j += 1  # the paragraph that closes the last quotation
    return j


def according_outlet(text: str, phrase_start: int, phrase: str, settings) -> KBEntry | None:
    """The outlet an 'According to' phrase names as its whole source ('the Harbour Gazette', 'the Gazette'
    after it, 'a report in the Courier'); None for anything else ('Fox News analyst Jo Hale', 'the ministry')."""
    lead = REPORT_OF.match(phrase)
    rest = phrase[lead.end() :] if lead else phrase
    named = outlets_named(rest, settings)
    if not named or named[0].start != 0:
        return None
    tail = rest[named[0].end :]
    if tail.strip() and not (lead is None and REPORT_AFTER.match(tail)):
        return None
    entry = named[0].entry
    # "the Gazette" after "the Harbour Gazette": the short name of the outlet already named
    words = entry.name.split()
    if len(words) == 1:
        earlier = [
            m
            for m in outlets_named(text[:phrase_start], settings)
            if len(m.entry.name.split()) > 1 and m.entry.name.split()[-1] == words[0]
        ]
        if earlier:
            entry = earlier[-1].entry
    return entry


def according_relays(text: str, covered: list[tuple[int, int]], settings) -> list[tuple[int, int, int, int, KBEntry]]:
    """(intro start, intro end, passage start, passage end, outlet) of each sentence that opens 'According
    to <outlet>, …' outside the relays already found and outside quotation marks."""
    quoted = [(q.open_mark, q.outer_end) for q in find_quotes(text) if q.double]
    out = []
    for para_start, para_end in paragraphs(text):
        cuts = [para_start + m.end() for m in SENTENCE_END.finditer(text[para_start:para_end])]
        for start, end in zip([para_start, *cuts], [*cuts, para_end]):
            m = ACCORDING.match(text, start, end)
            if m is None or any(a <= start < b for a, b in covered + quoted):
                continue
            entry = according_outlet(text, m.start(1), m.group(1), settings)
            if entry is not None:
                out.append((start, m.end(1) + 1, m.end(), len(text[:end].rstrip()), entry))
    return out


def blockquote_at(article, start: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in article.blockquotes if s <= start < e), None)


def run(ctx) -> None:
    text = ctx.article.text
    analysis = ctx.analysis
    analysis.voices = [Voice(id="v0", kind="article")]
    paras = paragraphs(text)
    last: KBEntry | None = None  # the outlet relayed last
    i = 0
    while i < len(paras) - 1:
        intro = find_intro(text, paras[i], last, ctx.settings)
        first = i + 1
        if intro is None or (
            not text[paras[i][0] : paras[i][1]].rstrip().endswith(":")
            and not opens_quote(text[paras[first][0] : paras[first][1]])
        ):
            i += 1
            continue
        if own_voice(text[paras[first][0] : paras[first][1]]):
            i += 1
            continue
        block = blockquote_at(ctx.article, paras[first][0])
        if block is not None:
            j = max(k for k, (s, _) in enumerate(paras) if s < block[1])
        else:
            j = passage_end(text, paras, first, intro, ctx.settings)
        date_m = dates.REPORTED_DATE.search(intro.text)
        voice = Voice(
            id=f"v{len(analysis.voices)}",
            kind="relay",
            outlet=intro.entry.name,
            start=paras[first][0],
            end=paras[j][1],
            intro=intro.text,
            intro_start=intro.start,
            intro_end=intro.end,
            date_text=date_m.group(1) if date_m else None,
        )
        if voice.date_text:
            voice.date = dates.resolve(voice.date_text, ctx.article.published)
        analysis.voices.append(voice)
        last = intro.entry
        i = j + 1
    relayed = [(v.start, v.end) for v in analysis.voices if v.kind == "relay" and v.start is not None]
    for intro_start, intro_end, start, end, entry in according_relays(text, relayed, ctx.settings):
        analysis.voices.append(
            Voice(
                id=f"v{len(analysis.voices)}",
                kind="relay",
                outlet=entry.name,
                start=start,
                end=end,
                intro=text[intro_start:intro_end].strip(),
                intro_start=intro_start,
                intro_end=intro_end,
            )
        )
    relays = sorted((v for v in analysis.voices if v.kind == "relay"), key=lambda v: v.start or 0)
    for n, v in enumerate(relays, 1):
        v.id = f"v{n}"
    analysis.voices = [analysis.voices[0], *relays]
