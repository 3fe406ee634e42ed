"""Finding every knowledge-base name in a text: a token trie built once per process (per set of KB
files), walked once per text. No per-article regex compilation, no spaCy needed (phrases too short
to parse, such as actor descriptions, are matched the same way).

    from newstrace.kb.matcher import matcher
    hits = matcher(tuple(settings.kb_paths)).find(text, date="2024-03-23")
    # [Hit(start, end, text, entry, type, how), ...] left to right, longest match first, no overlaps

Case rules, because names are proper nouns: every capitalised word of a name must be capitalised in
the text ("Security Council", not "security council"), and short all-capital names must match exactly
("US" and "WHO", never "us" and "who"; "LeT", never the word "Let"). Entries marked "ambiguous" (outlets called Time or The Hill)
are found only by a longer name or as "The Hill" with its capital. A name glued by a hyphen to a lower-case prefix
("anti-Israel", "pro-Russian") is not a mention of that country.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from . import KBEntry, KnowledgeBase, fold, load

TOKEN = re.compile(r"\w+|[^\w\s]")
LEADING_THE = re.compile(r"^the\s+", re.I)
END = None  # trie key under which the patterns ending at a node are kept


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entry: KBEntry
    type: str  # the type this name implies here: the entry's, or NORP for a demonym
    how: str  # name | alias | demonym


@dataclass(frozen=True)
class Pattern:
    entry: KBEntry
    how: str
    tokens: tuple[str, ...]  # the name's tokens as written in the KB
    exact: bool  # short all-capital names ("US", "WHO") match only as written


def names_of(entry: KBEntry):
    yield entry.name, "name"
    for a in entry.aliases:
        yield a, "alias"
    for d in entry.demonyms:
        yield d, "demonym"


class Matcher:
    def __init__(self, base: KnowledgeBase):
        self.base = base
        self.root: dict = {}
        for entry in base.entries:
            for name, how in names_of(entry):
                self.add(name, entry, how)

    def add(self, name: str, entry: KBEntry, how: str) -> None:
        tokens = tuple(TOKEN.findall(LEADING_THE.sub("", name.strip())))
        if entry.extra.get("ambiguous") and len(tokens) < 2:
            # A common word as a name ("Time", "The Hill"): only "The Hill" as written, capital T.
            if not name.strip().startswith("The "):
                return
            tokens = tuple(TOKEN.findall(name.strip()))
        if not tokens:
            return
        letters = "".join(t for t in tokens if t.isalpha())
        # 'US', 'WHO' and a short name with a capital inside ('LeT', not the word 'Let') match only as written
        exact = bool(letters) and (
            (letters.isupper() and len(letters) <= 3)
            or (len(letters) <= 4 and not letters.isupper() and any(ch.isupper() for ch in letters[1:]))
        )
        node = self.root
        for t in tokens:
            node = node.setdefault(fold(t), {})
        node.setdefault(END, []).append(Pattern(entry, how, tokens, exact))

    def find(self, text: str, date: Optional[str] = None, offset: int = 0) -> list[Hit]:
        """KB names in text, left to right; offsets are into text plus `offset`."""
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        folded = [fold(t[2]) for t in toks]
        hits: list[Hit] = []
        i, n = 0, len(toks)
        while i < n:
            node = self.root.get(folded[i])
            best: tuple[int, Pattern] | None = None
            j = i
            while node is not None:
                if END in node:
                    pat = self._pick(node[END], [t[2] for t in toks[i : j + 1]], date)
                    if pat is not None:
                        best = (j, pat)
                j += 1
                if j >= n:
                    break
                node = node.get(folded[j])
            if best is None or self._in_compound(text, toks, i):
                i += 1
                continue
            j, pat = best
            start, end = toks[i][0], toks[j][1]
            etype = "NORP" if pat.how == "demonym" else pat.entry.type
            hits.append(
                Hit(
                    start + offset,
                    end + offset,
                    text[start:end],
                    pat.entry,
                    etype,
                    pat.how,
                )
            )
            i = j + 1
        return hits

    def _pick(self, patterns: list[Pattern], written: list[str], date: Optional[str]) -> Optional[Pattern]:
        fitting = [p for p in patterns if case_fits(p, written)]
        if not fitting:
            return None
        return min(fitting, key=lambda p: (self.base.rank(p.entry, date), p.how == "demonym"))

    @staticmethod
    def _in_compound(text: str, toks: list, i: int) -> bool:
        """True for "anti-Israel": the name follows a hyphen glued to a lower-case word."""
        if i < 2 or toks[i - 1][2] != "-" or toks[i - 1][1] != toks[i][0] or toks[i - 2][1] != toks[i - 1][0]:
            return False
        return toks[i - 2][2].islower()


def case_fits(pattern: Pattern, written: list[str]) -> bool:
    if pattern.exact:
        return tuple(written) == pattern.tokens
    for kb_tok, txt in zip(pattern.tokens, written):
        if kb_tok[:1].isupper() and not txt[:1].isupper():
            return False
    return True


@functools.lru_cache(maxsize=8)
def matcher(kb_paths: tuple[str, ...] = ()) -> Matcher:
    """The matcher for the bundled KB plus these user files, built once per process."""
    return Matcher(load(kb_paths))
