"""Finding news outlets named in a stretch of text, with their canonical names from the knowledge base."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import kb
from ..settings import Settings


@dataclass
class OutletMention:
    name: str
    start: int
    end: int
    entry: kb.KBEntry


@functools.lru_cache(maxsize=8)
def _pattern(kb_paths: tuple[str, ...]) -> tuple[re.Pattern, dict[str, kb.KBEntry]]:
    base = kb.load(kb_paths)
    names: dict[str, kb.KBEntry] = {}
    for e in base.entries:
        if e.kind == "outlet":
            for n in (e.name, *e.aliases):
                names.setdefault(n, e)
                if n.lower().startswith("the "):
                    names.setdefault(n[4:], e)
    alts = sorted(names, key=len, reverse=True)
    # Case-sensitive: outlet names are proper nouns ("the Sun" the newspaper, not "the sun").
    pat = re.compile(r"(?<![\w])(?:[Tt]he\s+)?(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pat, names


def find_outlets(text: str, settings: Settings | None = None) -> list[OutletMention]:
    settings = settings or Settings()
    pat, names = _pattern(tuple(settings.kb_paths))
    out = []
    for m in pat.finditer(text):
        entry = names[m.group(1)]
        out.append(OutletMention(name=entry.name, start=m.start(), end=m.end(), entry=entry))
    return out
