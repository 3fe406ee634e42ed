"""Match a verb of a parsed sentence against the CAMEO verb patterns (events_dictionary.verbs()).

PETRARCH matched patterns on a constituency parse; here the words a pattern needs are looked for, in
order, among the tokens of the verb's own clause (its subtree without other clauses), after the verb for
the part after '*' and before it for the part before. The pattern with the most words found wins; a verb
with no matching pattern takes its own code or its block's default. Code '---' means "not an event".
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Optional, cast

from spacy.tokens import Token

from ...textutil import uninflected
from .dictionary import Pattern, Unit, VerbEntry, cues, verb_defaults, verbs

# Children that open another clause: their words belong to that clause's own event.
OTHER_CLAUSE = {
    "ccomp",
    "advcl",
    "parataxis",
    "relcl",
    "acl",
    "csubj",
    "csubjpass",
    "mark",
    "punct",
    "appos",
}
OTHER_CLAUSE_VERB = {"conj"}
ORIGIN_BONUS = 1.5  # a pattern written for this very verb beats an equal one of a synonym


@dataclass
class Match:
    code: str
    verb: Token
    words: list[str]  # the verb entry's words ('ask', 'for')
    pattern: Optional[Pattern]
    target_token: Optional[Token] = None  # where the pattern's '+' points
    weight: float = 0

    @property
    def trigger(self) -> str:
        return " ".join(self.words) if len(self.words) > 1 else self.verb.text


def clause_tokens(verb: Token, include_xcomp: bool = True) -> list[Token]:
    """The verb's clause in text order: its subtree without the subtrees of other clauses."""
    out: list[Token] = []

    def walk(tok: Token) -> None:
        out.append(tok)
        for child in tok.children:
            if child.dep_ in OTHER_CLAUSE and child.dep_ != "punct":
                continue
            if child.dep_ == "punct":
                continue
            if child.dep_ in OTHER_CLAUSE_VERB and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ == "xcomp" and not include_xcomp:
                continue
            walk(child)

    walk(verb)
    return sorted(out, key=lambda t: t.i)


Form = tuple[str, str, bool]  # a token as patterns see it: (lower-case text, lemma, a verb used as a preposition)


def form_of(tok: Token) -> Form:
    return tok.lower_, tok.lemma_.lower(), tok.dep_ == "prep" and tok.pos_ == "VERB"


def word_matches(word: str, tok: Token) -> bool:
    """A pattern word against a token: a trailing '_' wants the exact word; otherwise the word is a stem."""
    return _form_matches(word, form_of(tok))


def _form_matches(word: str, form: Form) -> bool:
    text, lemma, verb_as_prep = form
    if word.endswith("_"):
        w = word[:-1]
        return text == w or lemma == w
    if text == word or lemma == word:
        return True
    if verb_as_prep:
        return False  # 'according' is no form of 'accord': a verb form used as a preposition
    if len(word) >= 4 and text.startswith(word) and len(text) - len(word) <= 3:
        return True
    return len(word) < 4 and text in (word + "s", word + "es")


@functools.lru_cache(maxsize=1 << 16)
def _keys_of(form: Form) -> tuple[frozenset[str], frozenset[str]]:
    """(exact keys, every key) of a token's form: the pattern words that match it by exact text or lemma,
    and those plus the stems of its text and, for a short word's plural, the word; the answers are those
    of _form_matches (a stem has 4+ letters and a short word fewer, so one set holds both)."""
    text, lemma, verb_as_prep = form
    exact = frozenset((text, lemma))
    if verb_as_prep:
        return exact, exact
    keys = set(exact)
    keys.update(text[:size] for size in range(max(4, len(text) - 3), len(text) + 1))
    for ending in ("s", "es"):
        if text.endswith(ending) and len(text) - len(ending) < 4:
            keys.add(text[: len(text) - len(ending)])
    return exact, frozenset(keys)


class Scope:
    """The tokens a verb's patterns are matched against, with the keys each can be matched by (_keys_of),
    so a word's positions are found once and a unit none of whose words is there is ruled out at once."""

    def __init__(self, toks: list[Token]):
        self.toks = toks
        self.forms = [form_of(t) for t in toks]
        keys = [_keys_of(f) for f in self.forms]
        self._exact_of = [k[0] for k in keys]
        self._all_of = [k[1] for k in keys]
        self._exact: frozenset[str] = frozenset().union(*self._exact_of)
        self._keys: frozenset[str] = frozenset().union(*self._all_of)
        self._positions: dict[str, list[int]] = {}
        self._sets: dict[str, frozenset[int]] = {}

    def positions(self, word: str) -> list[int]:
        found = self._positions.get(word)
        if found is None:
            if word.endswith("_"):
                key, sets, present = word[:-1], self._exact_of, self._exact
            else:
                key, sets, present = word, self._all_of, self._keys
            found = [i for i, ks in enumerate(sets) if key in ks] if key in present else []
            self._positions[word] = found
        return found

    def at(self, word: str, i: int) -> bool:
        found = self._sets.get(word)
        if found is None:
            found = self._sets[word] = frozenset(self.positions(word))
        return i in found


def _find_unit(unit: Unit, scope: Scope, start: int) -> Optional[tuple[int, int]]:
    """(first, last) index of the unit's earliest match at or after start (the first alternative wins a tie)."""
    n = len(scope.forms)
    best: Optional[tuple[int, int]] = None
    for alt in unit.alternatives:
        first = scope.positions(alt[0])
        for i in first[bisect.bisect_left(first, start) :]:
            if best is not None and i >= best[0]:
                break
            if i + len(alt) <= n and all(scope.at(w, i + k) for k, w in enumerate(alt[1:], 1)):
                best = (i, i + len(alt) - 1)
                break
    return best


def _match_units(units: list[Unit], scope: Scope) -> Optional[tuple[int, Optional[Token], int]]:
    """All units in order within the scope: (words matched, token a '+' points at, index of the first
    word matched) or None."""
    keys, exact = scope._keys, scope._exact
    for unit in units:  # no alternative of the unit can start anywhere in the scope: most patterns end here
        if unit.first_stems.isdisjoint(keys) and unit.first_exact.isdisjoint(exact):
            return None
    toks = scope.toks
    pos, weight, target, first = 0, 0, None, len(toks)
    for unit in units:
        found = _find_unit(unit, scope, pos)
        if found is None:
            return None
        first = min(first, found[0])
        weight += found[1] - found[0] + 1  # the words actually matched, not the set's longest phrase
        if unit.target_after:
            last = toks[found[1]]
            objs = [c for c in last.children if c.dep_ in ("pobj", "dobj", "pcomp")]
            target = objs[0] if objs else (toks[found[1] + 1] if found[1] + 1 < len(toks) else None)
        pos = found[1] + 1
    return weight, target, first


# Words that alone after a verb make a phrasal verb ('press on', 'call off', 'back down'), not a phrase with
# an object of its own.
PARTICLES = {"on", "off", "up", "down", "out", "back", "away", "over", "in", "through", "along", "around", "aside"}


# Prepositions that alone after a verb say little without the verb they were written for ('attack * (for)'
# is criticism; 'battled the blaze for hours' is not).
PREPOSITIONS = {"for", "against", "with", "to", "at", "about", "from", "into", "of", "by", "toward", "towards"}


def _particle_only(pat) -> bool:
    """A pattern that is only one particle or preposition after the verb ('press * (on)', 'attack * (for)')."""
    return (
        not pat.pre
        and len(pat.post) == 1
        and all(len(alt) == 1 and alt[0] in PARTICLES | PREPOSITIONS for alt in pat.post[0].alternatives)
    )


def _particle_follows(verb: Token, pat, lemma: str) -> bool:
    """A particle pattern is its own verb's phrasal verb ('pressed on with the offensive', 'a call on the
    US to …'), with the particle right after it: 'demanded on Monday' and 'campaigned on his behalf' are no
    'press on'."""
    if pat.origin and pat.origin != lemma:
        return False
    words = {alt[0] for alt in pat.post[0].alternatives}
    if not words <= PARTICLES:
        return True  # a preposition with its object ('attacked the minister for …') may stand further on
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ in words


def _entry_fits(entry: VerbEntry, verb: Token) -> bool:
    """A multi-word verb ('ask for') needs its further words as particles or prepositions of the verb."""
    rest = entry.words[1:]
    if not rest:
        return True
    kids = [c.lower_ for c in verb.children if c.i > verb.i and c.dep_ in ("prt", "prep", "dobj", "advmod", "acomp")]
    return all(w in kids for w in rest)


def verb_lemma(verb: Token) -> str:
    """The verb's lemma as the dictionary knows it. The lemmatiser sometimes strips too much or too little
    ('staged' -> 'stag'); when its lemma is unknown, the usual English inflection endings are undone on
    the word itself and the first form the verb dictionary knows is taken."""
    lemma = verb.lemma_.lower()
    known = verbs().verbs
    if lemma in known or verb.pos_ not in ("VERB", "AUX"):
        return lemma
    return next((c for c in uninflected(verb.lower_) if c in known), lemma)


def match_verb(verb: Token, lemma: Optional[str] = None, scope: Optional[list[Token]] = None) -> Optional[Match]:
    """The best CAMEO code for a verb (or for an event noun read as the verb `lemma`), or None."""
    d = verbs()
    lemma = (lemma or verb_lemma(verb)).lower()
    entries = [e for e in d.verbs.get(lemma, []) if _entry_fits(e, verb)]
    default = verb_defaults().get(lemma)
    if not entries:
        return Match(default, verb, [lemma], None) if default else None
    entries.sort(key=lambda e: -len(e.words))
    # A saying verb ('say', 'tell', 'assure', 'suggest') is a speech act PLOVER codes only when a pattern
    # written for that very verb says what act it is ('said it supports'); the patterns its block shares
    # with 'announce' or 'express' about the object, and the block's default, would make every statement
    # an event.
    speech = lemma in cues().get("saying", set())
    toks = scope if scope is not None else clause_tokens(verb)
    after = [t for t in toks if t.i > verb.i and t.lower_ not in entries[0].words[1:]]
    before = [t for t in toks if t.i < verb.i]
    after_scope, before_scope = Scope(after), Scope(before)
    best: Optional[Match] = None
    nearest = 0
    for entry in entries:
        for pat in d.patterns.get(entry.block, []):
            if speech and pat.origin and pat.origin != lemma and not pat.pre:
                continue  # another verb's pattern, unless it is about the speaker ('critics *')
            if _particle_only(pat) and not _particle_follows(verb, pat, lemma):
                continue
            got_post = _match_units(pat.post, after_scope)
            if got_post is None:
                continue
            got_pre = _match_units(pat.pre, before_scope)
            if got_pre is None:
                continue
            weight = got_post[0] + got_pre[0] + (ORIGIN_BONUS if pat.origin == lemma else 0)
            # of two equal patterns, the one whose words follow the verb more closely is about its object
            # ('ignored warnings about its decision': the warnings)
            if best is None or weight > best.weight or (weight == best.weight and got_post[2] < nearest):
                nearest = got_post[2]
                target = got_post[1]
                if pat.target_is_object:
                    target = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
                best = Match(pat.code, verb, entry.words, pat, target, weight)
    if best is None and default:
        best = Match(default, verb, entries[0].words, None)
    # Generic verbs ('add', 'remain', 'go') and saying verbs code only through a pattern, never by their
    # block's default; so does a verb one of whose blocks is marked not-an-event ('risk' is listed under
    # both RISK '---' and ENDANGER 130): which sense the text means is unknown.
    ambiguous = any(d.blocks.get(e.block) is None and not e.code for e in entries)
    if best is None and lemma not in cues().get("generic", set()) and not speech and not ambiguous:
        coded = next((e for e in entries if e.code or d.blocks.get(e.block)), None)
        if coded is not None:
            best = Match(cast(str, coded.code or d.blocks[coded.block]), verb, coded.words, None)
    if best is None or best.code.startswith("---") or best.code.startswith(":"):
        return None
    best.code = best.code.split(":")[0]
    return best
