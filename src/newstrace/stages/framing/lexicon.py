"""The framing word lists (data/framing/), loaded once: cues by technique, label context rules, learned weights.

A cue is a sequence of lower-case words matched against each token's lemma or lower-case form, so
"slam" finds "slammed" and "so-called" finds the three tokens spaCy makes of it. The learned list gives
a weight to single lemmas by part of speech; a cue of the team's list gives a weight and a technique.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ... import vocab

LOADED = "Loaded_Language"


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]  # "*" matches any one token; a trailing "-*" word is a prefix ("anti-*")
    technique: str
    weight: float


@dataclass
class Lexicon:
    cues_by_first: dict[str, list[Cue]] = field(default_factory=dict)
    prefix_cues: list[Cue] = field(default_factory=list)
    learned: dict[tuple[str, str], float] = field(default_factory=dict)
    tagged: set[tuple[str, str]] = field(default_factory=set)  # learned from tagged uses (not a POS-less lexicon)
    place_labels: set[str] = field(default_factory=set)
    noun_labels: set[str] = field(default_factory=set)
    collectives: set[str] = field(default_factory=set)
    neutral_heads: set[str] = field(default_factory=set)
    not_descriptor: set[str] = field(default_factory=set)
    amplifiers: set[str] = field(default_factory=set)
    naming_verbs: set[str] = field(default_factory=set)
    verdict_verbs: set[str] = field(default_factory=set)
    common_words: frozenset[str] = frozenset()  # words news uses routinely (data/framing/common_words.txt)

    def learned_weight(self, lemma: str, pos: str) -> float:
        pos = "NOUN" if pos == "PROPN" else pos
        return self.learned.get((lemma, pos), 0.0)


def _rows(name: str) -> list[list[str]]:
    return vocab.rows(f"framing/{name}")


def split_cue(text: str) -> tuple[str, ...]:
    """Cue words as spaCy tokenises them: hyphenated words become word, "-", word."""
    words: list[str] = []
    for w in text.lower().split():
        if w.endswith("-*") or "-" not in w:
            words.append(w)
        else:
            parts = re.split(r"(-)", w)
            words.extend(p for p in parts if p)
    return tuple(words)


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    for technique, weight, cue_text in _rows("cues.tsv"):
        cue = Cue(split_cue(cue_text), technique, float(weight))
        if cue.words[0].endswith("-*"):
            lex.prefix_cues.append(cue)
        else:
            lex.cues_by_first.setdefault(cue.words[0], []).append(cue)
    for cues in lex.cues_by_first.values():
        cues.sort(key=lambda c: -len(c.words))  # longest match first
    for lemma, pos, weight, *rest in _rows("learned_loaded_words.tsv"):
        lex.learned[(lemma, pos)] = float(weight)
        if rest and not rest[-1].startswith("vader"):  # VADER gives words, not parts of speech
            lex.tagged.add((lemma, pos))
    for rule, _technique, words in _rows("labels.tsv"):
        target = {
            "modifier_of_place": lex.place_labels,
            "modifier_of_noun": lex.noun_labels,
            "collective_after_anti": lex.collectives,
            "neutral_head": lex.neutral_heads,
            "not_descriptor": lex.not_descriptor,
            "amplifier": lex.amplifiers,
            "naming_verb": lex.naming_verbs,
            "verdict_verb": lex.verdict_verbs,
        }[rule]
        target.update(w.strip() for w in words.split(",") if w.strip())
    lex.common_words = frozenset(w.strip() for w in vocab.lines("framing/common_words.txt"))
    return lex
