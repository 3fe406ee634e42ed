"""The speaker vocabulary (data/speaker_words.json, data/given_names.json) and the word tests built on it."""

from __future__ import annotations

import functools
import re
from typing import Optional

from ... import vocab

DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)


@functools.lru_cache(maxsize=1)
def speaker_words() -> dict:
    return vocab.json_file("speaker_words.json")


@functools.lru_cache(maxsize=1)
def given_names() -> dict:
    return vocab.json_file("given_names.json")


def gender_of_name(name: str) -> Optional[str]:
    """'male'/'female' from a common given name ('Sajid Javid' -> male), None when unknown."""
    first = name.split()[0].lower() if name.split() else ""
    names = given_names()
    return "male" if first in names["male"] else "female" if first in names["female"] else None


def has_role(text: str) -> bool:
    low = text.lower()
    words = [*speaker_words()["role_nouns"], *speaker_words()["male_titles"], *speaker_words()["female_titles"]]
    return any(re.search(rf"\b{re.escape(w.rstrip('.'))}\b", low) for w in words)


@functools.lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    return frozenset(speaker_words()["role_nouns"])


def strip_determiner(text: str) -> str:
    return DETERMINERS.sub("", text.strip())
