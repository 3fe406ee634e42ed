"""Framing spans in a parsed sentence: loaded words and phrases, labels, doubt, exaggeration, fear, flag-waving.

Precision is the work (a flat list of bias words flags everything), so a span is kept only when its
weight reaches MIN_WEIGHT and at most MAX_PER_SENTENCE spans are kept per sentence, the heaviest first.
Weights come from the word lists (framing_lexicon) and context rules that raise a plain word into a label:
a pejorative modifier on a name ("Communist China") or on a group or place noun ("terrorist stronghold"),
an "anti-X" adjective on a collective noun ("anti-Israel bloc"); an amplifier grading an adjective or
adverb ("overly cautious", "far lesser") is an exaggeration span; a doubt adverb takes the phrase it
qualifies ("presumably with her consent"). A word news rarely uses (data/framing/common_words.txt), as a
modifier or main verb, is a loaded candidate just at the threshold ("a churlish reply"). A loaded noun takes its premodifiers
along ("last standing bastion", "October 7 massacre"), so the span reads as the phrase a person would cite.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from spacy.tokens import Span, Token

from ...syntax import entities_of
from ...vocab import actor_nouns
from . import lexicon as framing_lexicon
from .lexicon import LOADED, Lexicon

MIN_WEIGHT = 0.45
MAX_PER_SENTENCE = 2  # at least this many per sentence, and one more for every WORDS_PER_SPAN words
WORDS_PER_SPAN = 10
LABEL = "Name_Calling,Labeling"
DOUBT = "Doubt"
PLACE_LABEL_WEIGHT = 0.8  # "Communist China": a label fused with a country's name is rarely neutral
NOUN_LABEL_WEIGHT = 0.7  # "terrorist stronghold"
COLLECTIVE_LABEL_WEIGHT = 0.75  # "anti-Israel bloc"
SCARE_QUOTE_WEIGHT = 0.65
EXAGGERATION = "Exaggeration,Minimisation"
HEDGE_SCOPE_WORDS = 6  # a doubt adverb's phrase longer than this is a clause: the adverb alone is the span
AMPLIFIER_WEIGHT = 0.5  # "overly cautious": at the threshold, so a listed loaded word in the sentence wins the cap
PREMODIFIERS = {"amod", "compound", "nummod", "npadvmod", "quantmod", "nmod", "advmod"}
CONTENT_POS = {"ADJ", "ADV", "NOUN", "VERB", "PROPN"}
NAME_BEFORE_NOUN = {"DATE", "EVENT", "GPE", "NORP"}
QUANTIFIERS = {
    "more",
    "most",
    "other",
    "such",
    "many",
    "several",
    "some",
    "few",
    "own",
    "same",
    "all",
    "any",
    "each",
}


@dataclass
class Candidate:
    first: int  # token indexes in the Doc, inclusive
    last: int
    technique: str
    weight: float
    as_is: bool = False  # a headline word read past its tag: cited alone, not grown as the noun it was tagged


def token_forms(t: Token) -> tuple[str, str]:
    return t.lemma_.lower(), t.lower_


def match_cue(tokens: list[Token], i: int, words: tuple[str, ...]) -> int | None:
    """Index of the last token of a cue matched from tokens[i], or None."""
    j = i
    for w in words:
        if j >= len(tokens):
            return None
        if w != "*" and w not in token_forms(tokens[j]):
            return None
        j += 1
    return j - 1


def noun_phrase_left(t: Token, floor: int) -> int:
    """Index of the leftmost premodifier of a noun, walking left over its own modifiers only."""
    first = t.i
    while first - 1 >= floor:
        prev = t.doc[first - 1]
        if (
            prev.dep_ in PREMODIFIERS
            and (prev.head.i == t.i or prev.head.i in range(first, t.i + 1))
            and prev.pos_ not in ("DET", "PRON", "PUNCT")
            and prev.lower_ not in QUANTIFIERS
        ):
            first -= 1
        elif prev.text in "-" and first - 2 >= floor and prev.head.i in range(first, t.i + 1):
            first -= 1  # a hyphen inside a compound modifier ("long-term")
        else:
            break
    return first


def neutral_use(t: Token, lex: Lexicon) -> bool:
    """A label word describing an event or a legal category rather than people ("terrorist attack"), or an
    adjective a verdict verb finds ("pleaded guilty", "found guilty")."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    if t.pos_ == "ADJ" and (
        (t.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and t.head.lemma_.lower() in lex.verdict_verbs)
        # 'pleaded guilty Monday' is parsed with 'guilty' on 'Monday'
        or (before is not None and before.pos_ == "VERB" and before.lemma_.lower() in lex.verdict_verbs)
    ):
        return True
    return (
        t.lemma_.lower() in lex.noun_labels
        and t.dep_ in ("amod", "compound")
        and t.head.lemma_.lower() in lex.neutral_heads
    )


def label_rules(t: Token, lex: Lexicon) -> Candidate | None:
    """A label word as a modifier: on a place name, or on a group or place noun."""
    lemma = t.lemma_.lower()
    head = t.head
    if t.dep_ not in ("amod", "compound") or head.i <= t.i or head.i - t.i > 3:
        return None
    if lemma in lex.place_labels and (head.ent_type_ in ("GPE", "LOC") or head.pos_ == "PROPN"):
        return Candidate(t.i, head.i, LABEL, PLACE_LABEL_WEIGHT)
    if lemma in lex.noun_labels and head.pos_ == "NOUN" and head.lemma_.lower() not in lex.neutral_heads:
        return Candidate(t.i, head.i, LABEL, NOUN_LABEL_WEIGHT)
    return None


def amplifier_rule(t: Token, lex: Lexicon) -> Candidate | None:
    """An amplifier on an adjective or adverb ("overly cautious", "far more calibrated", "utterly futile"):
    the writer grading what they report. The amplifier may sit on a comparative "more"/"less" that
    grades the adjective."""
    if t.lower_ not in lex.amplifiers or t.dep_ != "advmod":
        return None
    head = t.head
    if head.lower_ in ("more", "less", "lesser") and head.head.pos_ in ("ADJ", "ADV") and head.head.i > head.i:
        head = head.head
    if head.pos_ not in ("ADJ", "ADV") or not 0 < head.i - t.i <= 2 or head.lower_ in lex.amplifiers:
        return None
    return Candidate(t.i, head.i, EXAGGERATION, AMPLIFIER_WEIGHT)


def prefix_rule(tokens: list[Token], i: int, lex: Lexicon) -> Candidate | None:
    """ "anti-X" / "pro-X" (spaCy: anti, -, X): a label when it modifies a collective noun."""
    t = tokens[i]
    cue = next((c for c in lex.prefix_cues if c.words[0][:-2] == t.lower_), None)
    if cue is None or i + 2 >= len(tokens) or tokens[i + 1].text != "-":
        return None
    last = i + 2
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lemma_.lower() in lex.collectives:
        return Candidate(t.i, tokens[last + 1].i, cue.technique, COLLECTIVE_LABEL_WEIGHT)
    if _names_a_measure(tokens[last], nxt):
        return None
    return Candidate(t.i, tokens[last].i, cue.technique, cue.weight)


NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


def _names_a_measure(stem: Token, noun: Token | None) -> bool:
    """'anti-terror laws', 'anti-social behaviour orders', an 'anti-poverty drive': a lower-case 'anti-'
    compound on a thing names what a law, order or campaign is against; it labels people only on a noun
    for people or bodies ('anti-war protesters', 'anti-abortion group') or with a name or nationality as
    its stem ('anti-Trump', 'anti-Semitic')."""
    if not stem.text.islower() or stem.ent_type_ in ("NORP", "PERSON", "GPE", "ORG") or noun is None:
        return False
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("NORP", "PERSON", "ORG"):
        return False
    head = noun
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head  # 'anti-social behaviour orders': the orders
    return head.lemma_.lower() not in actor_nouns() and head.lower_ not in actor_nouns()


def expand(c: Candidate, doc, floor: int, ceiling: int) -> Candidate:
    """A loaded noun takes its premodifiers; a loaded adjective right before its noun takes the noun."""
    if c.as_is:
        return c
    first, last = c.first, c.last
    tail = doc[last]
    if tail.pos_ in ("NOUN", "PROPN"):
        first = min(first, noun_phrase_left(tail, floor))
        # A name or date glued before a loaded noun is part of the phrase ("October 7 massacre"),
        # even where the parser attaches it elsewhere.
        before = doc[first - 1] if first - 1 >= floor else None
        if before is not None and before.ent_type_ in NAME_BEFORE_NOUN and not tail.ent_type_:
            ent = next((e for e in entities_of(doc) if e.start <= before.i < e.end), None)
            if ent is not None and ent.end == first and ent.start >= floor:
                first = ent.start
    elif c.technique == DOUBT and c.first == c.last and tail.pos_ == "ADV":
        # A hedge takes the phrase it qualifies when that phrase follows it ("presumably with her consent",
        # "seemingly unaware of it"): the doubt is about that phrase, and a reader cites the two together.
        head = tail.head
        if head.i > last and head.pos_ in ("ADP", "ADJ") and head.right_edge.i - last <= HEDGE_SCOPE_WORDS:
            last = min(head.right_edge.i, ceiling)
            while last > c.first and doc[last].is_punct:
                last -= 1
    elif (
        c.first == c.last
        and tail.pos_ == "ADJ"
        and tail.dep_ == "amod"
        and tail.head.i == last + 1
        and last + 1 <= ceiling
        and tail.head.pos_ == "NOUN"
    ):
        last += 1
    elif c.first == c.last and tail.pos_ == "ADJ" and tail.dep_ == "acomp" and tail.head.i == last - 1:
        # The predicative twin of the rule above: "sanctions are futile" is cited whole, subject and verb
        # with the adjective, when a plain noun subject stands right before the copula.
        verb = tail.head
        subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
        if verb.lemma_ == "be" and subject is not None and subject.pos_ == "NOUN" and subject.i == verb.i - 1 >= floor:
            first = subject.i
    return Candidate(first, last, c.technique, c.weight)


def is_title_case(sent: Span) -> bool:
    """A headline in Title Case ('Hit Piece Exploits Trump Supporter'): the tagger reads most of its words as
    names, so their parts of speech say nothing."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


# How a Title Case headline word may be inflected, and what it then is: 'Exploits' a verb, 'Slammed' and
# 'Shocking' a verb or an adjective; uninflected, 'Harsh' an adjective and 'Fume' a verb.
HEADLINE_FORMS = (
    ("ies", "y", ("VERB",)),
    ("es", "", ("VERB",)),
    ("s", "", ("VERB",)),
    ("ed", "", ("VERB", "ADJ")),
    ("ed", "e", ("VERB", "ADJ")),
    ("ing", "", ("VERB", "ADJ")),
    ("ing", "e", ("VERB", "ADJ")),
)


def headline_weight(t: Token, lex: Lexicon) -> float:
    """The learned weight of a capitalised headline word read as the verb or adjective its ending says it
    may be ('Exploits', 'Slammed', 'Harsh'), from entries learned on tagged uses only."""
    low = t.lower_
    readings = [(low, "ADJ"), (low, "VERB")]
    for suffix, repl, poses in HEADLINE_FORMS:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            readings += [(low[: -len(suffix)] + repl, pos) for pos in poses]
    return max((lex.learned_weight(f, pos) for f, pos in readings if (f, pos) in lex.tagged), default=0.0)


RARE_WORD_WEIGHT = 0.45  # at the threshold: a listed word in the same sentence wins the cap
# Relational adjectives (Levi 1978) classify rather than judge ('electrical', 'probationary', 'geographic').
RELATIONAL_ENDINGS = ("al", "ary", "ic")
RARE_ROLES = {"ADJ": {"amod", "acomp", "conj", "oprd"}, "ADV": {"advmod"}, "VERB": {"ROOT", "conj"}}


def rare_evaluative(t: Token, lex: Lexicon) -> bool:
    """A word news rarely uses, as a modifier, a predicate adjective or a main verb ('testy', 'stiffly',
    'wolfed'): the writer's own choice of word. In BABE's train half such words are marked biased about
    four times as often as the average word (tools/build_common_words.py)."""
    roles = RARE_ROLES.get(t.pos_)
    if not roles or t.dep_ not in roles or not t.is_alpha or not t.text.islower():
        return False
    if t.ent_type_ in NAME_TYPES and t.ent_type_ != "NORP":  # the small model calls stray adjectives NORP
        return False
    lemma = t.lemma_.lower()
    if t.pos_ == "ADJ" and lemma.endswith(RELATIONAL_ENDINGS):
        return False
    if t.lower_ in lex.common_words or lemma in lex.common_words:
        return False
    # A rare word the article uses again is its subject ('recreational' sales, 'lookalike' domains), not a flourish.
    return lemma not in _repeated_lemmas(t.doc)


def _repeated_lemmas(doc) -> set[str]:
    """Lower-case lemmas used more than once in the Doc (cached on it)."""
    repeated = doc.user_data.get("newstrace_repeated_lemmas")
    if repeated is None:
        counts = Counter(t.lemma_.lower() for t in doc if t.is_alpha)
        repeated = doc.user_data["newstrace_repeated_lemmas"] = {w for w, n in counts.items() if n > 1}
    return repeated


def in_capitalised_run(t: Token, sent_start: int) -> bool:
    """t is capitalised inside a sentence, next to another capitalised word that does not open it: a title
    or name the tagger did not mark ('his book See No Evil', 'The League of Extraordinary Gentlemen')."""
    if not t.text[:1].isupper() or t.i == sent_start:
        return False
    doc = t.doc
    for j in (t.i - 1, t.i + 1, t.i - 2, t.i + 2):
        if j <= sent_start or j >= len(doc) or abs(j - t.i) == 2 and not doc[(j + t.i) // 2].is_stop:
            continue
        if doc[j].text[:1].isupper() and doc[j].is_alpha and doc[j - 1].text not in ".!?:\"“‘'":
            return True
    return False


def sentence_candidates(
    sent: Span, skip: Callable[[Token], bool], lex: Lexicon | None = None, headline: bool = False
) -> list[Candidate]:
    """Every framing candidate in one sentence, before thresholds; tokens for which skip() is true are ignored.
    headline: the sentence is a title, where a Title Case word is looked up whatever the tagger made of it."""
    lex = lex or framing_lexicon.load()
    tokens = list(sent)
    doc = sent.doc
    out: list[Candidate] = []
    title_case = headline and is_title_case(sent)
    for k, t in enumerate(tokens):
        if t.is_punct or t.is_space or skip(t):
            continue
        lemma, lower = token_forms(t)
        if neutral_use(t, lex):
            continue
        # a word of a name or title ('the Lib Dems', 'The League of Extraordinary Gentlemen') is nobody's wording
        in_name = not title_case and (
            (t.pos_ == "PROPN" and t.ent_type_ in NAME_TYPES) or (not headline and in_capitalised_run(t, sent.start))
        )
        for key in dict.fromkeys((lemma, lower)) if not in_name else ():
            for cue in lex.cues_by_first.get(key, ()):
                end = match_cue(tokens, k, cue.words)
                if end is not None and not any(skip(x) for x in tokens[k : end + 1]):
                    out.append(Candidate(t.i, tokens[end].i, cue.technique, cue.weight))
                    break
        if lower in ("anti", "pro"):
            c = prefix_rule(tokens, k, lex)
            if c:
                out.append(Candidate(c.first, c.last, c.technique, c.weight))
        prefixed = k >= 2 and tokens[k - 1].text == "-" and tokens[k - 2].lower_ in ("anti", "pro")
        # 'anti-terror' is read as one word above
        if t.pos_ in CONTENT_POS and not t.is_stop and not prefixed and not in_name:
            w = lex.learned_weight(lemma, t.pos_)
            read = False
            if title_case and t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN"):
                read_weight = headline_weight(t, lex)
                read = read_weight > w
                w = max(w, read_weight)
            if not w and rare_evaluative(t, lex):
                w = RARE_WORD_WEIGHT
            if w:
                out.append(Candidate(t.i, t.i, LOADED, w, as_is=read))
        for c in (label_rules(t, lex), amplifier_rule(t, lex)):
            if c:
                out.append(c)
    return [expand(c, doc, sent.start, sent.end - 1) for c in out]


def sentence_cap(sent: Span) -> int:
    """How many spans one sentence may hold: long sentences can carry several loaded phrases."""
    words = sum(1 for t in sent if not (t.is_punct or t.is_space))
    return max(MAX_PER_SENTENCE, words // WORDS_PER_SPAN)


def select(cands: Iterable[Candidate], min_weight: float | None = None, cap: int | None = None) -> list[Candidate]:
    """The heaviest non-overlapping candidates of one sentence at or above min_weight, at most cap of them.

    Overlapping candidates are one span: the union, with the heavier technique and weight.
    """
    min_weight = MIN_WEIGHT if min_weight is None else min_weight
    cap = MAX_PER_SENTENCE if cap is None else cap
    merged: list[Candidate] = []
    for c in sorted(cands, key=lambda c: -c.weight):
        for m in merged:
            if c.first <= m.last and m.first <= c.last:
                m.first, m.last = min(m.first, c.first), max(m.last, c.last)
                m.weight = min(1.0, m.weight + 0.05)  # two cues on one phrase make it a little surer
                break
        else:
            merged.append(Candidate(c.first, c.last, c.technique, c.weight))
    kept = [m for m in merged if m.weight >= min_weight]
    kept.sort(key=lambda c: -c.weight)
    return sorted(kept[:cap], key=lambda c: c.first)
