"""The event-coding tables in data/events/, loaded once: verb patterns, CAMEO→PLOVER, Goldstein scores,
country and agent words for actor codes, nominalisations and modality cues.

Every file is plain text with '#' comments naming its source; events_build.py regenerates the derived
ones from the public CAMEO/PLOVER/Phoenix files. newstrace's own additions live in files of their own
(extra_verbs.tsv, nominalisations.tsv, modality.tsv) so the derived files stay reproducible.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ... import vocab


def _lines(name: str) -> list[list[str]]:
    return vocab.rows(f"events/{name}")


@dataclass
class Unit:
    """One thing a pattern needs: a word (or any word of a synonym set), or a phrase of adjacent words."""

    alternatives: list[list[str]]  # each alternative is a word sequence
    target_after: bool = False  # '+' follows: the object of the token matched here is the target
    # The first words of the alternatives, as patterns.Scope indexes them: stems and short words (matched
    # by exact text, lemma, stem or plural) and exact words (a trailing '_', kept without it).
    first_stems: frozenset[str] = field(init=False, repr=False, compare=False)
    first_exact: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        firsts = [a[0] for a in self.alternatives]
        self.first_stems = frozenset(w for w in firsts if not w.endswith("_"))
        self.first_exact = frozenset(w[:-1] for w in firsts if w.endswith("_"))

    @property
    def weight(self) -> int:
        return max(len(a) for a in self.alternatives)


@dataclass
class Pattern:
    pre: list[Unit]
    post: list[Unit]
    code: str
    origin: str
    target_is_object: bool = False  # '* +': the verb's object is the target

    @property
    def weight(self) -> int:
        return sum(u.weight for u in self.pre + self.post)


@dataclass
class VerbEntry:
    block: str
    words: list[str]  # ['ask', 'for']: the verb's lemma and the particles/prepositions that must follow it
    code: Optional[str]


@dataclass
class Dictionary:
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    blocks: dict[str, Optional[str]] = field(default_factory=dict)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    synsets: dict[str, list[list[str]]] = field(default_factory=dict)


def _parse_pattern(text: str, synsets: dict[str, list[list[str]]]) -> tuple[list[Unit], list[Unit], bool]:
    """'- * (TO {BANNED PARTIES}) $' -> units before and after the verb; '+' marks the target's place."""
    pre: list[Unit] = []
    post: list[Unit] = []
    side = pre
    target_is_object = False
    tokens = re.findall(r"\{[^}]*\}|[()]|[^\s(){}]+", text)
    for i, tok in enumerate(tokens):
        if tok == "*":
            side = post
            if i + 1 < len(tokens) and tokens[i + 1] == "+":
                target_is_object = True
            continue
        if tok in ("(", ")", "$", "^", "%", "!", "|"):
            continue
        if tok == "+":
            if side and side is post and post:
                post[-1].target_after = True
            continue
        if tok.startswith("{"):
            words = tok[1:-1].split()
            if not words:
                continue
            alts: list[list[str]] = [[]]
            for w in words:  # a set inside a phrase widens every alternative
                options = synsets.get(w, [[w]]) if w.startswith("&") else [[w]]
                alts = [a + o for a in alts for o in options][:50]
            side.append(Unit(alts))
        elif tok.startswith("&"):
            side.append(Unit(synsets.get(tok, [[tok[1:]]])))
        else:
            side.append(Unit([tok.split("_") if "_" in tok.strip("_") else [tok]]))
    return pre, post, target_is_object


@functools.lru_cache(maxsize=1)
def verbs() -> Dictionary:
    d = Dictionary()
    rows = _lines("cameo_verbs.tsv") + _lines("extra_verbs.tsv")
    for row in rows:
        if row[0].startswith("&"):
            d.synsets[row[0].lower()] = [w.split("_") if "_" in w.strip("_") else [w] for w in row[1].split()]
    for row in rows:
        kind = row[0]
        if kind == "B":
            d.blocks[row[1]] = None if row[2] == "---" else row[2]
        elif kind == "V":
            words = [w for w in row[2].split("_") if w]
            d.verbs.setdefault(words[0], []).append(VerbEntry(row[1], words, None if row[3] == "-" else row[3]))
        elif kind == "P":
            pre, post, tobj = _parse_pattern(row[2], d.synsets)
            d.patterns.setdefault(row[1], []).append(Pattern(pre, post, row[3], row[4] if len(row) > 4 else "", tobj))
    return d


@functools.lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, str]:
    """CAMEO code -> PLOVER type: the CAMEO2PLOVER table, then the manual's own typing where it differs."""
    out = {r[0]: r[1] for r in _lines("cameo_plover.tsv")}
    out.update({r[0]: r[1] for r in _lines("plover_overrides.tsv")})
    return out


@functools.lru_cache(maxsize=1)
def verb_types() -> dict[str, str]:
    """Verb lemma -> the PLOVER type the manual gives its act whatever its CAMEO code ('resign' RETREAT)."""
    return {r[0]: r[1] for r in _lines("plover_verbs.tsv")}


@functools.lru_cache(maxsize=1)
def doer_types() -> dict[str, tuple[str, str]]:
    """Verb lemma -> (type when authorities act, type when others do): 'block' COERCE or PROTEST."""
    return {r[0]: (r[1], r[2]) for r in _lines("doer_types.tsv")}


def plover_types() -> list[str]:
    """Every PLOVER type an event can be coded with (the CAMEO-to-PLOVER table's values), sorted."""
    return sorted(set(cameo_to_plover().values()))


def plover_type(cameo: Optional[str]) -> Optional[str]:
    """PLOVER type of a CAMEO code: the most specific row of the table, else its two-digit root's."""
    if not cameo:
        return None
    code = cameo.split(":")[0].strip()
    table = cameo_to_plover()
    for n in (len(code), 4, 3):
        if code[:n] in table:
            return table[code[:n]]
    root = code[:2]
    overrides = _overrides()
    return table.get(root) or next(
        (t for c, t in table.items() if c.startswith(root) and c not in overrides), None
    )  # an override types its own code only ('016' REJECT leaves the other 01x statements uncoded)


@functools.lru_cache(maxsize=1)
def _overrides() -> set[str]:
    return {r[0] for r in _lines("plover_overrides.tsv")}


@functools.lru_cache(maxsize=1)
def goldstein() -> dict[str, float]:
    return {r[0]: float(r[1]) for r in _lines("goldstein.tsv")}


def goldstein_score(cameo: Optional[str]) -> Optional[float]:
    if not cameo:
        return None
    table = goldstein()
    code = cameo.split(":")[0]
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """Folded name/adjective/capital -> (country code, country name)."""
    from ...kb import key

    out: dict[str, tuple[str, str]] = {}
    for row in _lines("countries.tsv"):
        names = row[1].split("|")
        canonical = re.sub(r"\b(Of|And|The)\b", lambda m: m.group(1).lower(), names[0])
        for n in names:
            k = key(n)
            if k and k not in out and len(k) > 1:
                out[k] = (row[0], canonical)
    for row in _lines("country_extra.tsv"):
        for n in row[2].split("|"):
            out[key(n)] = (row[0], row[1])
    return out


@functools.lru_cache(maxsize=1)
def agents() -> dict[str, str]:
    """Agent word or phrase (lower case) -> CAMEO agent code ('officials' -> GOV)."""
    out = {r[0]: r[1] for r in _lines("agents.tsv")}
    out.update({r[0]: r[1] for r in _lines("agents_extra.tsv")})
    return out


@functools.lru_cache(maxsize=1)
def nominalisations() -> dict[str, str]:
    """Event noun -> the verb whose patterns code it ('threat' -> 'threaten'), or '=CODE' ('rally' -> '=141')."""
    return {r[0]: r[1] for r in _lines("nominalisations.tsv")}


@functools.lru_cache(maxsize=1)
def verb_defaults() -> dict[str, str]:
    """Verb lemma -> the code it takes when no pattern matches (overrides the CAMEO block default)."""
    return {r[0]: r[1] for r in _lines("verb_defaults.tsv")}


@functools.lru_cache(maxsize=1)
def _shifted() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, prefix, code in _lines("intended_codes.tsv"):
        out.setdefault(kind, {})[prefix] = code
    return out


def shifted_code(cameo: str, kind: str) -> Optional[str]:
    """The code of an act that is only intended ('intended') or refused ('negated'), by longest prefix."""
    table = _shifted().get(kind, {})
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, set[str]]:
    """Modality and light-verb cue words by kind (intent, conditional, report, light, negation...)."""
    out: dict[str, set[str]] = {}
    for row in _lines("modality.tsv"):
        out.setdefault(row[0], set()).update(row[1].split())
    return out


@functools.lru_cache(maxsize=1)
def praise_words() -> frozenset[str]:
    """Words that praise: a naming verb whose complement holds one is no accusation ('a very good man')."""
    return frozenset(w.strip().lower() for w in vocab.lines("events/praise_words.txt") if w.strip())


actor_nouns = vocab.actor_nouns
