"""Finding news outlets named in a stretch of text, with their canonical names from the knowledge base."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import kb, vocab
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


@functools.lru_cache(maxsize=1)
def _unlisted_pattern() -> re.Pattern:
    """Capitalised names ending in a newspaper's or broadcaster's word ('the Harbour Gazette', 'The Northern
    Herald', 'Westbridge Radio'); 'the Courier' alone only for words that name nothing but a newspaper."""
    words = vocab.json_file("speaker_words.json")
    name_words = "|".join(re.escape(w.capitalize()) for w in words["outlet_name_words"])
    alone = "|".join(re.escape(w.capitalize()) for w in words["outlet_names_alone"])
    return re.compile(
        rf"(?<![\w’'])(?:[Tt]he\s+)?((?:[A-Z][\w’'&.-]*\s+){{1,3}}(?:{name_words})|(?<=[Tt]he\s)(?:{alone}))"
        r"(?=['’]s\b|[^\w’'-]|$)(?!\s+[A-Z0-9])"
    )


def outlets_named(text: str, settings: Settings | None = None) -> list[OutletMention]:
    """Outlets the knowledge base lists, and names of outlets it does not list (an entry of kind 'outlet'
    made for the name as written, without 'the'), in text order."""
    listed = find_outlets(text, settings)
    out = list(listed)
    for m in _unlisted_pattern().finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in listed):
            continue
        name = m.group(1)
        if name.split()[0] in ("The", "A", "An", "According", "As", "In", "By", "From"):
            continue  # a sentence-initial word, not part of the name
        out.append(OutletMention(name, m.start(), m.end(), kb.KBEntry(id="", name=name, type="ORG", kind="outlet")))
    return sorted(out, key=lambda o: o.start)


# Words an article uses for an outlet it has already named ("the newspaper reported:").
DESCRIPTION = re.compile(
    # words that also name other things ("the agency", "the site", "the channel") count only after "news"
    r"\b[Tt]he\s+(?:newspaper|paper|news outlet|outlet|broadcaster|magazine|tabloid|publication|wire service|"
    r"news\s+(?:agency|site|website|network|channel|service))\b"
)
SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"]?\s+(?=[A-Z“‘\"])")


def short_name(entry: kb.KBEntry) -> str | None:
    """The last word of a multi-word outlet name: "the Times", "the Post" once the outlet is named."""
    words = entry.name.split()
    return words[-1] if len(words) > 1 and words[-1][:1].isupper() else None


def named_before(text: str, end: int, settings: Settings | None = None) -> list[OutletMention]:
    """Outlets named in text[:end], in order."""
    return find_outlets(text[:end], settings)


def referred_outlet(phrase: str, earlier: list[OutletMention]) -> OutletMention | None:
    """The earlier-named outlet that phrase refers to by a description or by its short name; the nearest wins."""
    for mention in reversed(earlier):
        short = short_name(mention.entry)
        if short and re.search(rf"\b[Tt]he\s+{re.escape(short)}\b", phrase):
            return mention
    if DESCRIPTION.search(phrase) and earlier:
        return earlier[-1]
    return None


def reporter_outlet(surname: str, text: str, end: int, settings: Settings | None = None) -> OutletMention | None:
    """The outlet of a reporter the article introduced earlier in a sentence naming both ("The Post sent its
    reporter Jane Doe"): a surname alone in an intro ("Doe reports:") relays that outlet."""
    before = text[:end]
    for sentence in reversed(SENTENCE_END.split(before)):
        if not re.search(rf"\b[A-Z][\w'’-]+\s+{re.escape(surname)}\b", sentence):
            continue
        start = before.rfind(sentence)
        own = find_outlets(sentence, settings) or [
            m for m in [referred_outlet(sentence, named_before(text, start, settings))] if m
        ]
        if own:
            return own[-1]
    return None
