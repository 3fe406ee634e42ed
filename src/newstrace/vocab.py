"""The one reader of the files in data/: vocabulary, patterns and the knowledge base, each naming its source.

Files are plain text with '#' comment lines (TSV, one item a line) or JSON. Callers cache what they build
from them; this module only reads.
"""
from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable
from typing import Any


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
    return sorted((f for f in path(folder).iterdir() if f.name.endswith(suffix)), key=lambda f: f.name)
