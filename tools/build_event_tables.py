"""Rebuild the event-coding data files in data/events/ from the public CAMEO and PLOVER sources.

The package ships the derived files; this module is how they were made, so anyone can redo it:

  python tools/build_event_tables.py ../shared/eval/events/ontology src/newstrace/data/events

Sources (all permissive): the CAMEO 2.0 verb dictionary of the Open Event Data Alliance (MIT),
the CAMEO→PLOVER table and the Goldstein scale shipped with PLOVER (CC BY-SA 4.0 / MIT), and the
Phoenix country and agent dictionaries (MIT) for actor codes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

VERB_HEADER = (
    "# CAMEO verb patterns for newstrace, derived from CAMEO.2.0.verbs.txt (Open Event Data Alliance, MIT licence).\n"
    "# Lines: '&SET<TAB>words' synonym set; 'B<TAB>block<TAB>default code' a verb block; 'V<TAB>block<TAB>verb<TAB>code'\n"
    "# a verb of the block (words joined by '_', code '-' = the block's); 'P<TAB>block<TAB>pattern<TAB>code<TAB>verb it came from'.\n"
    "# Pattern syntax is PETRARCH's: '*' the verb, (PREP ...) a prepositional phrase, {A B} a phrase, &SET a synonym set,\n"
    "# '+' the target, '$' the source, a trailing '_' an exact word. Code '---' blocks coding.\n"
)


def _code(text: str) -> str | None:
    found = re.findall(r"\[([^\]]*)\]", text)
    return found[-1].strip() if found else None


def convert_verbs(src: Path) -> str:
    """The verb dictionary in newstrace's line format (see VERB_HEADER)."""
    lines = src.read_text(encoding="latin-1").splitlines()
    out = [VERB_HEADER]
    section = None
    synset = None
    block = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("#") else ""
        if raw.startswith("####### SYNONYM"):
            section = "syn"
            continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip():
            continue
        if section == "syn":
            if line.startswith("&"):
                synset = [line.strip()]
                out.append(None)  # placeholder replaced when the set is complete
                synset_at = len(out) - 1
            elif line.startswith("+") and synset is not None:
                synset.append(line[1:].strip().lower())
                out[synset_at] = synset[0] + "\t" + " ".join(synset[1:])
            continue
        if section != "verbs":
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                block = m.group(1)
                out.append(f"B\t{block}\t{m.group(2).strip()}")
            continue
        if line.startswith("-"):
            code = _code(line)
            pattern = re.sub(r"\[[^\]]*\]", "", line[1:]).strip()
            pattern = re.sub(r"\s*\w*\)\s*$", ")", pattern) if pattern.count(")") > pattern.count("(") else pattern
            origin = (
                raw.split("#", 1)[1].strip().split()[0].lower() if "#" in raw and raw.split("#", 1)[1].strip() else ""
            )
            if code is not None and pattern and block:
                out.append(f"P\t{block}\t{' '.join(pattern.split()).lower()}\t{code}\t{origin}")
            continue
        if block and re.match(r"[+A-Z]", line):
            word = line.split("{", 1)[0].split("[", 1)[0].strip().lstrip("+").lower()
            code = _code(line.split("}", 1)[-1]) or "-"
            if word:
                out.append(f"V\t{block}\t{word}\t{code}")
    return "\n".join(x for x in out if x) + "\n"


def convert_plover(src: Path) -> str:
    """CAMEO code -> PLOVER type, one per line."""
    out = [
        "# CAMEO code -> PLOVER type, from CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0).",
        "# newstrace adds the CAMEO 02x 'appeal' codes as REQUEST (PLOVER: 'all requests, demands, and orders');",
        "# the 01x 'public statement' codes stay uncoded, as PLOVER drops them.",
    ]
    seen = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{3,4}):\s*([A-Z]+)", line)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(f"{m.group(1)}\t{m.group(2)}")
    out.append("02\tREQUEST")
    return "\n".join(out) + "\n"


def convert_goldstein(src: Path) -> str:
    out = ["# CAMEO code -> Goldstein score, from CAMEO.goldsteinscale.txt (CAMEO, MIT)."]
    for line in src.read_text(encoding="latin-1").splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            out.append(f"{parts[0]}\t{parts[1]}")
    return "\n".join(out) + "\n"


def convert_countries(src: Path) -> str:
    """Country code -> its names, adjectives and capital, from the first block of each Phoenix country entry."""
    out = [
        "# Country actor code -> names, adjectives, capitals; from Phoenix.Countries.actors.txt",
        "# (Open Event Data Alliance, MIT licence): the name line and its '+' aliases, spelling variants dropped.",
    ]
    code = None
    names: list[str] = []

    def flush():
        if code and names:
            out.append(code + "\t" + "|".join(dict.fromkeys(names)))

    def nice(alias: str) -> str:
        alias = alias.rstrip("_").replace("_", " ").strip()
        return alias if len(re.sub(r"\W", "", alias)) <= 3 else alias.title()

    for raw in src.read_text(encoding="latin-1").splitlines():
        if raw.lstrip().startswith("#"):
            continue
        line = raw.split("#", 1)[0].rstrip()
        m = re.match(r"^([A-Z][A-Z_'\-.]+?)_?\s+\[([A-Z]{3})\]\s*$", line)
        if m:
            flush()
            code, names = m.group(2), [nice(m.group(1))]
            continue
        if code and line.startswith("+"):
            names.append(nice(line[1:].strip()))
            continue
        if code and (not line.strip() or not line.startswith("+")):
            flush()
            code, names = None, []
    flush()
    return "\n".join(out) + "\n"


def convert_actor_entries(sources: list[Path]) -> str:
    """Named actors with one undated code (organisations, armed groups, institutions), from TABARI actor files."""
    out = [
        "# Actor code -> name|aliases; from the Phoenix actor dictionaries (Open Event Data Alliance, MIT licence):",
        "# International, MilNonState and the national institutions of Countries, entries with one undated code only.",
    ]
    for src in sources:
        names: list[str] = []
        codes: list[str] = []

        def flush():
            if names and len(codes) == 1 and re.fullmatch(r"[A-Z]{3,15}", codes[0]):
                out.append(codes[0] + "\t" + "|".join(dict.fromkeys(names)))

        for raw in src.read_text(encoding="latin-1").splitlines():
            if raw.lstrip().startswith("#") or not raw.strip():
                continue
            line = raw.split("#", 1)[0].rstrip()
            found = re.findall(r"\[([^\]]*)\]", line)
            head = re.sub(r"\[[^\]]*\]", "", line).strip()
            if head.startswith("+") and names:
                names.append(head[1:].strip().rstrip("_").replace("_", " ").strip())
            elif head and not head.startswith("+") and not head.startswith("<"):
                flush()
                names, codes = [head.rstrip("_").replace("_", " ").strip()], []
            codes.extend(c.strip() for c in found)
        flush()
    return "\n".join(x for x in out if "\t" not in x or x.split("\t")[1]) + "\n"


def convert_agents(src: Path) -> str:
    """Agent noun -> CAMEO agent code ('officials' -> GOV), from Phoenix.agents.txt."""
    out = ["# Agent word -> CAMEO agent code; from Phoenix.agents.txt (Open Event Data Alliance, MIT licence)."]
    subs: dict[str, list[str]] = {}
    for raw in src.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z][A-Z_!\-']*?)_?\s*\[~?([A-Z]{3})\]", line)
        if not m:
            continue
        phrase, code = m.group(1), m.group(2)
        variants = [phrase]
        for name, words in subs.items():
            if f"!{name}!" in phrase:
                variants = [v.replace(f"!{name}!", w) for v in variants for w in words]
        for v in variants:
            out.append(v.replace("_", " ").strip().lower() + "\t" + code)
    return "\n".join(dict.fromkeys(out)) + "\n"


def main(argv: list[str]) -> int:
    onto, dest = Path(argv[0]), Path(argv[1])
    actors = onto.parent.parent.parent / "kb-sources" / "actors" / "phoenix"
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "cameo_verbs.tsv").write_text(convert_verbs(onto / "cameo" / "CAMEO.2.0.verbs.txt"), encoding="utf-8")
    (dest / "cameo_plover.tsv").write_text(convert_plover(onto / "plover" / "CAMEO2PLOVER-2021.txt"), encoding="utf-8")
    (dest / "goldstein.tsv").write_text(
        convert_goldstein(onto / "cameo" / "CAMEO.goldsteinscale.txt"), encoding="utf-8"
    )
    if actors.is_dir():
        (dest / "countries.tsv").write_text(
            convert_countries(actors / "Phoenix.Countries.actors.txt"), encoding="utf-8"
        )
        (dest / "actors.tsv").write_text(
            convert_actor_entries(
                [
                    actors / "Phoenix.International.actors.txt",
                    actors / "Phoenix.MilNonState.actors.txt",
                    actors / "Phoenix.Countries.actors.txt",
                ]
            ),
            encoding="utf-8",
        )
        (dest / "agents.tsv").write_text(convert_agents(actors / "Phoenix.agents.txt"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
