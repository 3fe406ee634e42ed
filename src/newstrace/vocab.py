"""The one reader of the files in data/: vocabulary, patterns and the knowledge base, each naming its source.

Files are plain text with '#' comment lines (TSV, one item a line) or JSON. Callers cache what they build
from them; this module only reads.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Optional


def path(name: str) -> Traversable:
    """The bundled file data/NAME (NAME may hold a folder: 'events/goldstein.tsv')."""
    return resources.files("newstrace").joinpath("data", *name.split("/"))


def text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """Every line that is not blank and not a '#' comment, as written (not stripped)."""
    return [line for line in text(name).splitlines() if line.strip() and not line.startswith("#")]


def rows(name: str) -> list[list[str]]:
    """lines(name) split on tabs."""
    return [line.split("\t") for line in lines(name)]


def json_file(name: str) -> Any:
    return json.loads(text(name))


def files(folder: str, suffix: str) -> list[Traversable]:
    """The files of data/FOLDER whose names end with suffix, sorted by name."""
    return sorted(
        (f for f in path(folder).iterdir() if f.name.endswith(suffix)),
        key=lambda f: f.name,
    )


@functools.lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    """Common nouns (lower case) that name people or bodies able to act ('critics', 'the union', 'hackers'),
    from data/events/actor_nouns.txt. Read by the events stage (who can be a doer) and the framing stage
    (an 'anti-' label describes people only on such a noun)."""
    return frozenset(line.strip().lower() for line in lines("events/actor_nouns.txt"))


@functools.lru_cache(maxsize=1)
def cue_verbs() -> dict[str, tuple[Optional[str], frozenset[str]]]:
    """lemma -> (medium the verb implies or None, kinds of content it takes), from data/cue_verbs.tsv.
    Read by the quotes stage (attribution) and the checks stage (is a speech verb nearby)."""
    out: dict[str, tuple[Optional[str], frozenset[str]]] = {}
    for lemma, medium, content in rows("cue_verbs.tsv")[1:]:
        kinds = frozenset(k for k in content.strip().split(",") if k and k != "-")
        out[lemma.strip()] = (
            None if medium.strip() in ("", "-") else medium.strip(),
            kinds,
        )
    return out
