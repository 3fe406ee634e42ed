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


@functools.lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    """Any role noun or title as a whole word (one alternation: it matches where one of the words does)."""
    words = [*speaker_words()["role_nouns"], *speaker_words()["male_titles"], *speaker_words()["female_titles"]]
    return re.compile(r"\b(?:" + "|".join(re.escape(w.rstrip(".")) for w in words) + r")\b")


def has_role(text: str) -> bool:
    return _role_pattern().search(text.lower()) is not None


@functools.lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    return frozenset(speaker_words()["role_nouns"])


def strip_determiner(text: str) -> str:
    return DETERMINERS.sub("", text.strip())
