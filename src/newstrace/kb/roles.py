"""Role phrases and what they mean: "top diplomat" is a foreign minister, "premier" a head of
government, "Kremlin chief" Russia's leader. The table is data/kb/role_synonyms.tsv (phrase, role kind,
default country); the KnowledgeBase uses it to answer holder_of("the top US diplomat", date=...).

A phrase is matched after its country words are set aside: in "the top US diplomat" the table phrase
"top diplomat" is found once "US" (a capitalised word the table does not use) is dropped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import vocab

WORD = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True)
class RoleSynonym:
    phrase: str
    kind: str  # head_of_state | head_of_government | leader | foreign_minister | ...
    country: Optional[str]  # the country the phrase implies on its own ("Secretary of State": USA)


def role_words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("’", "'")) if w.lower() not in ("the", "s")]


class RoleTable:
    def __init__(self, rows: list[RoleSynonym]):
        self.rows = {tuple(role_words(r.phrase)): r for r in rows}
        self.vocab = {w for k in self.rows for w in k}
        self.longest = max((len(k) for k in self.rows), default=0)

    def find(self, phrase: str) -> Optional[RoleSynonym]:
        """The longest table phrase inside this phrase, once capitalised words foreign to the table
        (country names, demonyms) are dropped."""
        kept = []
        for raw in WORD.findall(phrase.replace("’", "'")):
            w = raw.lower()
            if w in ("the", "s"):
                continue
            if raw[0].isupper() and w not in self.vocab:
                continue
            kept.append(w)
        best = None
        for i in range(len(kept)):
            for n in range(min(self.longest, len(kept) - i), 0, -1):
                row = self.rows.get(tuple(kept[i : i + n]))
                if row and (best is None or n > len(role_words(best.phrase))):
                    best = row
                    break
        return best

    def phrases(self) -> list[str]:
        return [r.phrase for r in self.rows.values()]


def parse(text: str) -> list[RoleSynonym]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        rows.append(
            RoleSynonym(
                cols[0].strip(),
                cols[1].strip(),
                (cols[2].strip() or None) if len(cols) > 2 else None,
            )
        )
    return rows


@functools.lru_cache(maxsize=1)
def load_role_table() -> RoleTable:
    return RoleTable(parse(vocab.text("kb/role_synonyms.tsv")))
