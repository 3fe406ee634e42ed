"""The spaCy pipeline, loaded once per process. The model name is a setting (NEWSTRACE_SPACY_MODEL)."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from .errors import InputError

# The stages read tokens, POS, dependencies, lemmas and entities; nothing else is needed.
UNNEEDED = ("senter",)


@functools.lru_cache(maxsize=4)
def load(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=[c for c in UNNEEDED])
    except OSError as exc:
        raise InputError(f"spaCy model {model!r} is not installed (set NEWSTRACE_SPACY_MODEL to an installed one)") from exc
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp
