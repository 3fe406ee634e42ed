"""Stage 'claims': the checkable numbers of the body: people killed, money, votes, shares, durations.

A claim is a number (digits, '30,000', '1.5 million', 'a million', 'three') with what it counts (the
noun it modifies, or the noun after 'out of'), the unit that noun is of (data/claims/units.tsv), and the
hedge before it ('at least', 'about': data/claims/hedges.txt). Dates, years, ordinals, calibres
('155 mm') and numbers inside names are not claims. A claim in a relay carries the relay's outlet as
`via`; one inside a quote is attributed to the quote's speaker.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Optional, cast

from spacy.tokens import Token
from text_to_num import text2num

from .. import dates, vocab
from ..model import Claim, Ref
from ..syntax import text_of
from ..textutil import CARDINALS

SCALE = {
    "dozen": 12,
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
}
# Scale words a figure may take in the plural ('£22 billions'); not 'dozens', which counts nothing.
PLURAL_SCALE = {"hundred", "thousand", "million", "billion", "trillion"}
WORDS: dict[str, float] = {**CARDINALS, "a": 1, "an": 1}
SUFFIXED = re.compile(r"(\d+(?:\.\d+)?)(bn|m|k)")  # '1.5bn', '2.3m', '40k' written as one token
SUFFIX_SCALE = {"bn": 1e9, "m": 1e6, "k": 1e3}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS"}
NOT_CLAIM_ENTS = {"DATE", "TIME", "ORDINAL"}


def _data(name: str) -> list[str]:
    return [ln.strip() for ln in vocab.lines(f"claims/{name}")]


@functools.lru_cache(maxsize=1)
def hedges() -> list[str]:
    return sorted(dict.fromkeys(_data("hedges.txt")), key=lambda h: -len(h.split()))


@functools.lru_cache(maxsize=1)
def units() -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in _data("units.tsv"))


@functools.lru_cache(maxsize=1)
def excluded() -> set[str]:
    return set(_data("exclude.txt"))


@functools.lru_cache(maxsize=1)
def designators() -> set[str]:
    return set(_data("designators.txt"))


def number_value(tokens: list[Token]) -> Optional[float]:
    """The value of a run of number tokens: '30,000', '1.5 million', 'a million', 'three', 'twenty-five',
    'two thousand five hundred', 'one hundred and twenty'. Runs of number words are read by text2num, which
    knows how scales combine; a tally or range ('7-4', '10-12') is worth its first number."""
    words = [re.sub(r"(?<=[a-z])\.$", "", t.lower_.replace(",", "")) for t in tokens]
    for k in range(1, len(words) - 2):
        if words[k : k + 3] == ["and", "a", "half"]:  # 'three and a half years', 'two and a half million'
            whole = number_value(tokens[:k])
            scale = [SCALE.get(w) for w in words[k + 3 :]]
            if whole is None or None in scale:
                return None
            return (whole + 0.5) * math.prod(cast(list[float], scale))
    cut = _range_cut(words)
    if cut is not None:
        words = words[:cut]  # '8,000 to 10,000', 'between 600 and 700': the range's first number
    mixed = re.fullmatch(r"(\d+)(?: |-| - )?(\d+)/(\d+)", " ".join(words))
    if mixed and int(mixed.group(3)) and int(mixed.group(2)) < int(mixed.group(3)):
        whole, num, den = (int(g) for g in mixed.groups())
        return whole + num / den  # '1-1/2 years', '2 1/2 percent': a mixed fraction
    if len(words) >= 3 and words[1] == "-" and all(re.fullmatch(r"\d+", w) for w in (words[0], words[2])):
        return float(words[0])
    if words and all(w in WORDS or w in SCALE or w in ("and", "-") or _hyphenated(w) for w in words):
        phrase = " ".join(words).replace(" - ", "-")
        if words[0] not in ("a", "an"):
            try:
                return float(text2num(phrase, "en"))
            except ValueError:
                pass
    value: Optional[float] = None
    share = 1.0
    if words[:1] == ["half"] and len(words) > 2 and words[1] in ("a", "an"):
        words, share = words[1:], 0.5  # 'half a million'
    words = [w[:-1] if w[:-1] in PLURAL_SCALE and k else w for k, w in enumerate(words)]  # '£22 billions'
    prev = ""
    for w in words:
        after, prev = prev, w
        suffixed = SUFFIXED.fullmatch(w)
        if suffixed:
            value = float(suffixed.group(1)) * SUFFIX_SCALE[suffixed.group(2)]
        elif re.fullmatch(r"\d+(?:\.\d+)?", w):
            value = float(w) if value is None else value + float(w)
        elif w in SCALE and value is not None:
            value *= SCALE[w]
        elif w in SCALE and value is None and w not in ("m", "bn"):
            value = SCALE[w]
        elif w in WORDS:
            if value is not None and re.fullmatch(r"\d+(?:\.\d+)?", after):
                return None  # 'the 1967 Six-Day War': a figure then a number word is no one number
            value = WORDS[w] if value is None else value + WORDS[w]
        elif _hyphenated(w):
            value = sum(WORDS[p] for p in w.split("-"))
        elif w in CURRENCY_SIGNS or w in ("and", "-"):
            continue
        else:
            return None
    return value * share if value is not None else None


def _range_cut(words: list[str]) -> Optional[int]:
    """Where the second number of a range starts its connector ('to', 'and' not after a scale word)."""
    for k in range(1, len(words) - 1):
        if words[k] == "to" or (words[k] == "and" and words[k - 1] not in SCALE):
            return k
    return None


def _hyphenated(w: str) -> bool:
    return "-" in w and all(p in WORDS for p in w.split("-"))


def _number_runs(sent) -> list[list[Token]]:
    """Runs of tokens that make one number ('about 1.5 million' -> [1.5, million]). A run goes on through
    'and' after a scale word ('one hundred and twenty') and through a hyphen between two number words
    ('Twenty-five') or two figures ('voted 7-4', one tally)."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    doc = sent.doc
    skip_to = -1
    for t in sent:
        if t.i < skip_to:
            continue
        if cur and t.lower_ == "and" and [x.lower_ for x in doc[t.i + 1 : t.i + 3]] == ["a", "half"]:
            cur.extend(doc[t.i : t.i + 3])  # 'three and a half years'
            skip_to = t.i + 3
            continue
        low = t.lower_.rstrip(".")  # '£349m.' ends a sentence: the scale word keeps the full stop
        is_num = (
            t.like_num
            or bool(SUFFIXED.fullmatch(t.lower_))
            or (low in SCALE or (low[:-1] in PLURAL_SCALE and low.endswith("s")))
            and cur
            or (t.lower_ in ("a", "an") and t.nbor(1).lower_ in SCALE if t.i + 1 < len(t.doc) else False)
            or (
                t.lower_ == "half"
                and t.i + 2 < len(t.doc)
                and t.nbor(1).lower_ in ("a", "an")
                and t.nbor(2).lower_ in SCALE
            )
        )
        if is_num and t.lower_ not in ("a", "an") or (t.lower_ in ("a", "an") and is_num):
            cur.append(t)
            continue
        nxt = doc[t.i + 1] if t.i + 1 < sent.end else None
        if cur and nxt is not None and nxt.like_num and _joins(cur[-1], t, nxt):
            cur.append(t)
            continue
        if cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return _ranges(runs)


def _ranges(runs: list[list[Token]]) -> list[list[Token]]:
    """'8,000 to 10,000 fighters', 'between 600 and 700 emails': one claim over both numbers."""
    out: list[list[Token]] = []
    for r in runs:
        if out:
            prev = out[-1]
            gap = r[0].doc[prev[-1].i + 1 : r[0].i]
            before = prev[0].nbor(-1).lower_ if prev[0].i > 0 else ""
            if len(gap) == 1 and (gap[0].lower_ == "to" or (gap[0].lower_ == "and" and before == "between")):
                out[-1] = prev + [gap[0]] + r
                continue
        out.append(r)
    return out


def _joins(prev: Token, tok: Token, nxt: Token) -> bool:
    """tok links two parts of one number: 'hundred and twenty', 'Twenty-five', '7-4', '1-1/2'."""
    if tok.lower_ == "and":
        return prev.lower_ in ("hundred", "thousand", "million", "billion") and nxt.lower_ in WORDS
    if tok.text in ("-", "\u2013") and not tok.whitespace_ and not prev.whitespace_:
        both_words = prev.lower_ in WORDS and nxt.lower_ in WORDS
        both_figures = prev.text.isdigit() and (nxt.text.isdigit() or bool(re.fullmatch(r"\d+/\d+", nxt.text)))
        return both_words or both_figures  # '7-4', and '1-1/2' (a mixed fraction)
    return False


def _counted(run: list[Token]) -> Optional[Token]:
    """The noun a number counts: the head it modifies, or the noun after 'out of'/'of'."""
    last = run[-1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in (
        "NOUN",
        "PROPN",
        "SYM",
    ):
        return head
    for t in last.doc[last.i + 1 : last.i + 6]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.lower_ not in ("out", "of", "from", "-", "in") and not t.like_num:
            break  # '31 out of 40 votes' counts votes
    return head if head.pos_ in ("NOUN", "PROPN") and head.i > last.i else None


def _percent_tail(run: list[Token]) -> Optional[Token]:
    """The last token of 'per cent', 'percent' or '%' right after the number, or None."""
    doc, last = run[0].doc, run[-1]
    nxt = doc[last.i + 1 : last.i + 3]
    if len(nxt) >= 1 and nxt[0].lower_ in ("percent", "%", "pc"):
        return nxt[0]
    if len(nxt) == 2 and nxt[0].lower_ == "per" and nxt[1].lower_ == "cent":
        return nxt[1]
    return None


def _comparative(tail: Token) -> Optional[Token]:
    """'more likely', 'higher', 'less' right after a percentage: the last word of the comparison."""
    doc = tail.doc
    nxt = doc[tail.i + 1] if tail.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in ("more", "less", "fewer", "higher", "lower", "greater", "smaller"):
        return None
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    return after if after is not None and after.pos_ in ("ADJ", "ADV") and nxt.lower_ in ("more", "less") else nxt


SCORE_WORDS = {"score", "victory", "win", "defeat", "loss", "lead", "tie", "draw", "game", "match", "final", "beat"}


def _is_tally(run: list[Token]) -> bool:
    """'7-4': two figures joined by a hyphen."""
    return len(run) == 3 and run[1].text in ("-", "\u2013") and run[0].text.isdigit() and run[2].text.isdigit()


def _unit(noun: Optional[Token], run: list[Token]) -> Optional[str]:
    before = run[0].nbor(-1).text if run[0].i > 0 else ""
    if before in CURRENCY_SIGNS or any(t.text in CURRENCY_SIGNS for t in run):
        return "money"
    if _percent_tail(run) is not None:
        return "percent"
    if _is_tally(run):
        near = [t.lemma_.lower() for t in run[0].doc[max(0, run[0].i - 3) : run[-1].i + 3]] + [
            run[0].head.lemma_.lower()
        ]
        if "vote" in near:
            return "votes"
        if SCORE_WORDS.intersection(near):
            return "score"  # 'an 8-7 victory', 'making the score 6-4': a game's score, not 8 victories
    if noun is None:
        return None
    doc = noun.doc
    if (
        noun.lemma_.lower() == "year"
        and noun.i + 2 < len(doc)
        and doc[noun.i + 1].text == "-"
        and doc[noun.i + 2].lower_ == "old"
    ):
        return "age"  # 'a 30-year-old former teacher': how old someone is, not how long something lasted
    if (
        noun.lemma_.lower() in ("year", "month")
        and noun.i + 1 < len(doc)
        and (doc[noun.i + 1].lower_ == "old" or [t.lower_ for t in doc[noun.i + 1 : noun.i + 3]] == ["of", "age"])
    ):
        return "age"  # 'was 21 years old', '40 years of age': the same, written out
    if noun.lemma_.lower() == "pound" and _pounds_of_a_thing(noun):
        return "pounds"  # '5 million pounds of thrust', '20 pounds of cocaine': a weight, not money
    table = units()
    for key in (noun.lemma_.lower(), noun.lower_, noun.text):
        if key in table:
            return table[key]
    if noun.ent_type_ == "NORP" or (noun.tag_ in ("NNPS",) and noun.pos_ == "PROPN"):
        return "people"
    return noun.lemma_.lower() if noun.pos_ == "NOUN" else None


# What pounds of something may buy: 'ten million pounds of aid' is money.
MONEY_NOUNS = {
    "aid",
    "funding",
    "investment",
    "spending",
    "debt",
    "money",
    "cash",
    "revenue",
    "savings",
    "subsidy",
    "tax",
}


def _pounds_of_a_thing(noun: Token) -> bool:
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "of":
        return False
    thing = next((c for c in doc[noun.i + 1].children if c.dep_ == "pobj"), doc[noun.i + 2])
    return thing.pos_ == "NOUN" and thing.lemma_.lower() not in MONEY_NOUNS


def _hedge(run: list[Token]) -> Optional[str]:
    doc = run[0].doc
    start = run[0].i
    before = [t.lower_ for t in doc[max(0, start - 4) : start]]
    if start > 0 and doc[start - 1].text in CURRENCY_SIGNS:
        before = [t.lower_ for t in doc[max(0, start - 5) : start - 1]]
    for h in hedges():
        words = h.split()
        if before[-len(words) :] == words:
            first = doc[start - len(words) - (1 if doc[start - 1].text in CURRENCY_SIGNS else 0)]
            if first.dep_ == "prt":
                continue  # 'handed over 21 schoolgirls': the verb's particle, not 'more than'
            return h
    return None


def _is_duration(run: list[Token]) -> bool:
    noun = _counted(run)
    return (
        noun is not None
        and units().get(noun.lemma_.lower()) == "duration"
        and not any(
            t.ent_type_ == "DATE" and t.lower_ in ("ago", "last", "next") for t in noun.doc[noun.i : noun.i + 2]
        )
    )


def _counts_things(run: list[Token]) -> bool:
    """A number the tagger took for a date ('Two thousand five hundred workers') that counts a noun which
    lies outside the date entity and is no unit of time."""
    noun = _counted(run)
    return (
        noun is not None
        and noun.i > run[-1].i
        and noun.ent_type_ not in NOT_CLAIM_ENTS
        and noun.pos_ == "NOUN"
        and units().get(noun.lemma_.lower()) not in ("duration", None)
    )


def _skip(run: list[Token], sent_dates: list[tuple[int, int, str]]) -> bool:
    first, last = run[0], run[-1]
    doc = first.doc
    if any(t.ent_type_ in NOT_CLAIM_ENTS for t in run) and not _is_duration(run) and not _counts_things(run):
        return True
    prev = [t.lower_ for t in doc[max(0, first.i - 3) : first.i]]
    if prev[-1:] == ["out"] or prev[-2:] == ["out", "of"]:
        return True  # '11 out of 15 votes': the 15 is the whole the claim is measured against
    if any(s <= first.idx < e for s, e, _ in sent_dates):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_.rstrip(".") in excluded():
        return True
    if (
        re.search(r"[A-Za-z]-?$", text_of(doc)[max(0, first.idx - 2) : first.idx])
        and not text_of(doc)[first.idx - 1 : first.idx].isspace()
    ):
        return True  # 'Mi-26', 'G8': a number inside a name
    if nxt is not None and not last.whitespace_ and re.fullmatch(r"[A-Z]", nxt.text):
        return True  # '5G', '4K': a name with a number in it
    after = doc[last.i + 2] if nxt is not None and nxt.text == "-" and last.i + 2 < len(doc) else nxt
    if after is not None and after.lower_ in FRACTIONS:
        return True  # 'two thirds of voters', 'Two-thirds': the share is the claim (_proportions), not a count
    if (
        nxt is not None
        and nxt.text == "-"
        and not last.whitespace_
        and last.i + 3 < len(doc)
        and doc[last.i + 2].tag_ == "NN"
        and doc[last.i + 3].pos_ == "NOUN"
        and units().get(doc[last.i + 2].lemma_.lower()) not in ("duration", "age", "money", "percent")
    ):
        return True  # 'a two-state solution': a kind of thing, not a count (a 'two-day visit' stays one)
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.text[:1].isupper() and before.lower_ in designators():
        return True  # 'Chapter 11', 'Article 5', 'Flight 370': a number that names a thing
    if (
        before is not None
        and before.pos_ == "PROPN"
        and before.whitespace_
        and not before.is_sent_start
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ"))
        and first.text.isdigit()
    ):
        return True  # 'the S&P 500 fell', 'the FTSE 100': a number that ends a name
    if len(run) == 1 and re.fullmatch(r"(?:1[89]|20)\d\d", first.text):
        if nxt is None or nxt.pos_ != "NOUN":
            return True  # a year
        head = first.head
        if first.dep_ in ("nummod", "compound", "amod") and head.tag_ in ("NN", "NNP") and head.i > first.i:
            return True  # 'its 2024 moon mission', 'the 2016 election': a year before a thing, not a count of things
    if (
        first.lower_ in WORDS
        and first.is_title
        and not first.is_sent_start
        and any(
            n.is_title and n.pos_ == "PROPN" and not n.is_sent_start
            for n in (doc[first.i - 1], doc[last.i + 1] if last.i + 1 < len(doc) else first)
            if n is not first
        )
    ):
        return True  # 'Radio Five Live', 'World War Two': a number word capitalised inside a name
    if len(run) == 1 and first.lower_ in ("one", "a", "an"):
        return True  # 'one of the ...' is rarely a count anyone checks
    if (
        len(run) == 1
        and first.lower_ in WORDS
        and before is not None
        and before.lower_ in ("the", "these", "those")
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))
        and first.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
    ):
        return True  # 'the two talked': people named before, counted again, no claim
    line_start = text_of(doc).rfind("\n", 0, first.idx) + 1
    if not text_of(doc)[line_start : first.idx].strip() and re.match(r"\d+[.)]\s", text_of(doc)[first.idx :]):
        return True  # '1. The economy': a list's numbering
    if _in_ratio(run) is not None:
        return True  # 'six in 10 Republicans': the share is the claim (_proportions), not two head counts
    slash = re.fullmatch(r"(\d+)/(\d+)", first.text) if len(run) == 1 else None
    if slash and int(slash.group(1)) >= int(slash.group(2)):
        return True  # '24/7', '9/11': no fraction, an idiom or a date
    if (
        first.text.isdigit()
        and before is not None
        and before.text[:1].isupper()
        and not before.is_sent_start
        and nxt is not None
        and nxt.text[:1].isupper()
        and nxt.pos_ == "PROPN"
    ):
        return True  # 'the Forbes Under 30 Summit', 'Apollo 11 Mission': a number inside a name
    return False


def run(ctx) -> None:
    analysis = ctx.analysis
    quotes = [q for q in analysis.quotes if getattr(q, "field", "text") == "text" and q.kind != "scare"]
    for sent in ctx.doc.sents:
        sent_dates = [(sent.start_char + s, sent.start_char + e, t) for s, e, t in dates.find_dates(sent.text)]
        for run_ in _number_runs(sent):
            if _skip(run_, sent_dates):
                continue
            value = number_value(run_)
            if value is None:
                continue
            part = _fraction_before(run_)
            if part is not None:
                run_ = list(run_[0].doc[part[0].i : run_[-1].i + 1])  # 'a quarter of a million Sri Lankans'
                value *= part[1]
            noun = _counted(run_)
            hedge = _hedge(run_)
            start = run_[0].idx
            if hedge:
                start = run_[0].doc[run_[0].i - len(hedge.split()) - (run_[0].nbor(-1).text in CURRENCY_SIGNS)].idx
            elif run_[0].i > 0 and run_[0].nbor(-1).text in CURRENCY_SIGNS:
                start = run_[0].nbor(-1).idx
            pct = _percent_tail(run_)
            if pct is not None and noun is not None and noun.i <= pct.i:
                noun = None  # '9 per cent': 'cent' is the unit, not what is counted
            more = _comparative(pct) if pct is not None else None
            if more is not None:
                pct = more  # '56% more likely': the comparison is what the number says
            end = max(
                run_[-1].idx + len(run_[-1]),
                (noun.idx + len(noun)) if noun is not None and noun.i > run_[-1].i else 0,
                pct.idx + len(pct) if pct is not None else 0,
            )
            verb = run_[-1].head if noun is None else noun.head
            first_i = run_[0].i - (len(hedge.split()) if hedge else 0)
            if verb.pos_ == "VERB" and 0 < first_i - verb.i <= 2 and (noun is None or noun.dep_ in ("dobj", "attr")):
                start = verb.idx  # 'killed about 30,000 people'
            unit = _unit(noun, run_)
            if unit == "age" and noun is not None:
                doc = noun.doc  # '30-year-old' whole, '21 years old', '40 years of age'
                last = (
                    doc[noun.i + 2]
                    if doc[noun.i + 1].text == "-" or doc[noun.i + 1].lower_ == "of"
                    else doc[noun.i + 1]
                )
                end = last.idx + len(last)
            analysis.claims.append(
                _claim(ctx, quotes, run_[0].idx, start, end, value, unit, hedge, _counted_text(noun))
            )
        for start, end, value, unit, counted in _proportions(sent):
            analysis.claims.append(_claim(ctx, quotes, start, start, end, value, unit, None, counted))


def _claim(ctx, quotes, at: int, start: int, end: int, value, unit, hedge, counted) -> Claim:
    """A claim with its voice, relaying outlet and claimant (the speaker whose words hold the number at
    `at`)."""
    analysis = ctx.analysis
    voice = analysis.voice_at(start)
    intro = next(
        (
            v
            for v in analysis.voices
            if v.kind == "relay" and v.intro_start is not None and v.intro_start <= start < (v.intro_end or 0)
        ),
        None,
    )
    quote = _claimant(quotes, ctx.doc, at)
    via = voice.outlet if voice.kind == "relay" else intro.outlet if intro is not None else quote.via if quote else None
    return Claim(
        id=f"c{len(analysis.claims) + 1}",
        text=ctx.article.text[start:end],
        value=value,
        start=start,
        end=end,
        unit=unit,
        approx=hedge,
        counted=counted,
        voice=voice.id,
        via=via,
        attributed_to=Ref(quote.speaker.name, quote.speaker.entity) if quote is not None and quote.speaker else None,
    )


FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0}
MULTIPLES = {"twice": 2, "thrice": 3}
IDIOMS_WITH_TWICE = {"think"}  # 'think twice': caution, not a count


def _proportions(sent):
    """Shares written in words ('half of teens', 'two-thirds of voters': a percentage of the group) and
    counts of times ('carried it twice')."""
    doc = sent.doc
    for t in sent:
        low = t.lower_
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        fraction = _fraction_ending_at(t) if nxt is not None and nxt.lower_ == "of" else None
        if fraction is not None and t.pos_ in ("NOUN", "NUM", "ADJ"):
            first, share = fraction
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and prev.lower_ in PERIOD_ORDINALS:
                continue  # 'the first half of 2005' is a stretch of time, not a share
            group = next((g for g in nxt.children if g.dep_ == "pobj"), None)
            after_of = doc[nxt.i + 1 : nxt.i + 3]
            if any(a.lower_ in SCALE for a in after_of) or any(a.like_num or a.ent_type_ == "DATE" for a in after_of):
                continue  # 'a quarter of a million' is a number (the number runs); 'half of 2005' a time
            if group is not None and any(d.lower_ in ("a", "an") for d in group.children if d.dep_ == "det"):
                continue  # 'a quarter of a point', 'half of a mile': a measure of one unit, not a share of a group
            stop = group if group is not None else nxt
            yield (
                first.idx,
                stop.idx + len(stop),
                round(share, 1),
                "percent",
                (group.text if group is not None else None),
            )
        elif (ratio := _in_ratio([t])) is not None and ratio[0].i == t.i:
            a, b = ratio
            noun = _counted([b])
            stop = noun if noun is not None and noun.i > b.i else b
            share = round(100 * cast(float, number_value([a])) / cast(float, number_value([b])), 1)
            yield a.idx, stop.idx + len(stop), share, "percent", (noun.text if noun is not None else None)
        elif (
            low in MULTIPLES
            and t.dep_ == "advmod"
            and t.head.pos_ == "VERB"
            and (nxt is None or nxt.lower_ != "as")
            and t.head.lemma_.lower() not in IDIOMS_WITH_TWICE
        ):
            first, last = sorted((t, t.head), key=lambda x: x.i)  # 'carried it twice', 'have twice denied'
            yield first.idx, last.idx + len(last), MULTIPLES[low], "times", None


def _fraction_ending_at(t: Token) -> Optional[tuple[Token, float]]:
    """A fraction written in words that ends at t, as (its first word, the share in percent): 'half', 'a
    third', 'one quarter', 'two thirds', 'two-thirds' (also as the tokenizer splits 'Two-thirds'); None when t
    ends none."""
    doc = t.doc
    parts = t.lower_.split("-")
    if parts[-1] not in FRACTIONS:
        return None
    prev = doc[t.i - 1] if t.i > 0 else None
    times, first = (WORDS.get(parts[0], 0), t) if len(parts) == 2 else (1, t)
    if len(parts) == 1 and prev is not None and prev.lower_ in WORDS and prev.lower_ not in ("a", "an"):
        times, first = WORDS[prev.lower_], prev
    elif len(parts) == 1 and prev is not None and prev.text == "-" and prev.i > 0 and doc[prev.i - 1].lower_ in WORDS:
        times, first = WORDS[doc[prev.i - 1].lower_], doc[prev.i - 1]
    elif len(parts) == 1 and prev is not None and prev.lower_ in ("a", "an", "one") and parts[-1] != "half":
        first = prev
    elif len(parts) == 1 and parts[-1].endswith("s"):
        return None  # 'two successive quarters of growth': quarters with no count before them are periods
    return (first, times * FRACTIONS[parts[-1]]) if times else None


def _fraction_before(run: list[Token]) -> Optional[tuple[Token, float]]:
    """'a quarter of | a million', 'three quarters of | a billion': the first word of the fraction written
    before a scale number and the share (0-1) it takes of it."""
    doc, first = run[0].doc, run[0]
    if first.i < 2 or doc[first.i - 1].lower_ != "of" or len(run) < 2 or run[1].lower_ not in SCALE:
        return None
    fraction = _fraction_ending_at(doc[first.i - 2])
    return (fraction[0], fraction[1] / 100) if fraction is not None else None


# Words before 'quarter of', 'half of' that make it a stretch of time ('the first quarter of 2004').
PERIOD_ORDINALS = {"first", "second", "third", "fourth", "last", "final", "latter", "former", "past", "next", "coming"}


RATIO_BASES = {10, 100, 1000, 5, 4, 3}


def _in_ratio(run: list[Token]) -> Optional[tuple[Token, Token]]:
    """The two numbers of 'six in 10', 'one in three' when the run is either of them, else None."""
    doc = run[0].doc
    first, last = run[0], run[-1]
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "in" and doc[last.i + 2].like_num:
        a, b = first, doc[last.i + 2]
    elif first.i >= 2 and doc[first.i - 1].lower_ == "in" and doc[first.i - 2].like_num:
        a, b = doc[first.i - 2], first
    else:
        return None
    va, vb = number_value([a]), number_value([b])
    if va is None or vb is None or vb not in RATIO_BASES or not 0 < va < vb:
        return None
    return a, b


def _counted_text(noun: Optional[Token]) -> Optional[str]:
    if noun is None:
        return None
    mods = [t for t in noun.children if t.dep_ in ("amod", "compound") and t.i < noun.i]
    first = mods[0].i if mods else noun.i
    return noun.doc[first : noun.i + 1].text


def _claimant(quotes, doc, offset: int):
    """The quote (direct, indirect or relayed) whose words hold the number, innermost first; a quote its
    cue denies ('She did not say "all three"') is no one's words."""
    holding = sorted((q for q in quotes if q.start <= offset < q.end and q.speaker), key=lambda q: q.end - q.start)
    for q in holding:
        if q.cue_span and _denied(doc, q.cue_span[0]):
            continue
        return q
    return None


def _denied(doc, cue_start: int) -> bool:
    span = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    return any(c.dep_ == "neg" for c in verb.children)
