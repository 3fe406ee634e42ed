#!/usr/bin/env python3
"""Derive src/newstrace/data/kb/phoenix_places.jsonl: cities, states, provinces and regions with the
country they lie in, from the Phoenix country actors dictionary (run from the project root):

    python3 tools/build_places.py

Provenance: ../shared/kb-sources/actors/phoenix/Phoenix.Countries.actors.txt (Open Event Data Alliance,
MIT; generated from CountryInfo.140130.txt). Under each country's line ("UNITED_STATES_OF_AMERICA_ [USA]")
the dictionary lists "+NAME_" synonyms that code as that country: its other names and demonyms, then its
cities, states and regions ("+CONNECTICUT_", "+HARTFORD_"). Only the place names are kept here:
- a name that shares a word with the country's own names or demonyms in the bundled countries.jsonl is
  one of the country's names (or a misspelling of one), not a place in it;
- a name the bundled knowledge base already knows is left to its entry;
- a demonym-shaped word (-man, -woman, -ish, -ese), a name with parentheses or commas, a name of fewer
  than four letters, and a name that is also a common given name (given_names.json: "Austin",
  "Charlotte") are left out, since in news they more often name a people or a person than a place;
- a name listed under two countries is left out (ambiguous).
Only compact entries are derived; the dictionary is not copied whole.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT.parent / "shared" / "kb-sources" / "actors" / "phoenix" / "Phoenix.Countries.actors.txt"
KB = ROOT / "src" / "newstrace" / "data" / "kb"
OUT = KB / "phoenix_places.jsonl"
HEADER = re.compile(r"^([A-Z][^\s#\[]*_)\s*\[([A-Z]{3})\]")
DEMONYM_SHAPE = re.compile(r"(?:MAN|MEN|WOMAN|WOMEN|ISH|ESE)$")
NOT_PLACES = {"CONGRESS", "SENATE", "PARLIAMENT", "GOVERNMENT", "ARMY", "DYNASTY", "EMPIRE", "REPUBLIC", "KINGDOM"}


def title_case(word: str) -> str:
    parts = re.split(r"([-'])", word.lower())
    out = []
    for p in parts:
        out.append(
            p if p in ("-", "'") or p in ("of", "de", "la", "le", "al", "el", "the", "on", "upon") else p.capitalize()
        )
    s = "".join(out)
    return s[:1].upper() + s[1:]


def name_of(raw: str) -> str:
    words = [w for w in raw.strip("_").split("_") if w]
    name = " ".join(
        title_case(w) if i == 0 else (w.lower() if w.lower() in ("of", "upon", "de", "la") else title_case(w))
        for i, w in enumerate(words)
    )
    return name.replace("St. ", "St. ")


def main() -> int:
    import argparse

    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from newstrace import kb, vocab  # noqa: PLC0415

    # The knowledge base without the file being built, so a second run gives the same file (with it, every
    # place would count as already known and be left out).
    kb.bundled_files = lambda: [f for f in vocab.files("kb", ".jsonl") if f.name != OUT.name]  # type: ignore[assignment]
    base = kb.load()
    given = json.loads((ROOT / "src" / "newstrace" / "data" / "given_names.json").read_text(encoding="utf-8"))
    given_names = {n for k, v in given.items() if not k.startswith("_") for n in v}
    own_words: dict[str, set[str]] = defaultdict(set)
    for e in base.entries:
        if e.kind == "country" and e.country:
            for n in (e.name, *e.aliases, *e.demonyms):
                own_words[e.country].update(kb.key(n).split())
    found: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    country = None
    for line in SRC.read_text(encoding="utf-8", errors="replace").splitlines():
        m = HEADER.match(line)
        if m:
            country = m.group(2)
            continue
        if not line.startswith("+"):
            if line.strip() and not line.startswith(("#", "\t", " ")):
                country = None
            continue
        if country is None:
            continue
        raw = line[1:].split("#")[0].strip()
        if not raw or re.search(r"[(),]", raw) or len(re.sub(r"[^A-Z]", "", raw)) < 4:
            continue
        words = [w for w in raw.strip("_").split("_") if w]
        if any(DEMONYM_SHAPE.search(w) for w in words[-1:]) or NOT_PLACES & set(words):
            continue
        name = name_of(raw)
        k = kb.key(name)
        if not k or set(k.split()) & own_words.get(country, set()):
            continue
        if base.lookup(name) or k in given_names:
            continue
        found[k].add(country)
        names.setdefault(k, name)
    rows = []
    for k, countries in sorted(found.items()):
        if len(countries) != 1:
            continue
        c = next(iter(countries))
        rows.append(
            {"id": f"phoenix-place:{c.lower()}:{k.replace(' ', '-')}", "name": names[k], "country": c, "code": c}
        )
    head = {
        "_source": "Derived by tools/build_places.py from the Phoenix country actors dictionary "
        "(kb-sources/actors/phoenix/Phoenix.Countries.actors.txt, Open Event Data Alliance, MIT): the cities, "
        "states and regions it lists under each country, with that country; names of the country itself, "
        "demonyms, given names and names under two countries left out.",
        "_defaults": {"type": "GPE", "kind": "place"},
    }
    with OUT.open("w", encoding="utf-8") as f:
        f.write(json.dumps(head, ensure_ascii=False) + "\n")
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} places -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
